"""The shared helpers for languages and Chinese text (handbook/languages.py, handbook/han.py)."""

from __future__ import annotations

import re
from types import SimpleNamespace

from conftest import ROOT
from handbook import han, languages


def i18n_config(current: str, *locales: tuple[str, bool, bool]):
    """A config as static-i18n leaves it: (locale, default, build) per language."""
    entries = [SimpleNamespace(locale=locale, default=default, build=build) for locale, default, build in locales]
    plugin = SimpleNamespace(config=SimpleNamespace(languages=entries), current_language=current,
                             is_default_language_build=any(e.default and e.locale == current for e in entries))
    return SimpleNamespace(theme={"language": current}, plugins={"i18n": plugin})


def test_each_language_lives_at_its_prefix_and_the_default_at_the_root():
    config = i18n_config("en", ("zh", True, True), ("en", False, True), ("fr", False, False))
    assert languages.current(config) == "en" and languages.default(config) == "zh"
    assert languages.configured(config) == ["zh", "en", "fr"]
    assert languages.built(config) == ["zh", "en"]
    assert languages.folder(config) == "en/"
    zh, en = languages.prefixes(config, "zh"), languages.prefixes(config, "en")
    assert zh == {"prefix": "", "otherPrefixes": ["en/", "fr/"]}
    assert languages.belongs("sources/a/#p1", zh) and not languages.belongs("en/sources/a/#p1", zh)
    assert languages.belongs("en/sources/a/#p1", en) and not languages.belongs("sources/a/#p1", en)


def test_without_static_i18n_the_theme_language_is_the_only_one():
    config = SimpleNamespace(theme={"language": "zh"}, plugins={})
    assert languages.configured(config) == languages.built(config) == ["zh"]
    assert languages.folder(config) == ""
    assert languages.belongs("en/anything/", languages.prefixes(config, "zh"))


def test_the_han_class_is_the_search_engines():
    # the engine's (segment.js) and the search box notes' (notice.js: which edition a query is in)
    for script in ("segment.js", "notice.js"):
        source = (ROOT / "docs/assets/javascripts/search" / script).read_text(encoding="utf-8")
        engine_class = re.search(r"var HAN = /\[(.*?)\]/;", source).group(1)
        assert engine_class.encode().decode("unicode_escape") == han.HAN_CLASS, script
    assert han.has_han("挂职") and han.has_han("\u3400") and not han.has_han("cadre，。")
