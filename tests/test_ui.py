"""The interface's words come from one file per language (data/ui/<lang>.yml), looked up by key."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT
from handbook.context import load_ui
from textutil import soup_of


def test_heading_permalinks_are_titled_in_the_pages_language(site):
    for path, title in (("guide/first-week/index.html", "本节链接"), ("en/guide/first-week/index.html", "Link to this section")):
        links = soup_of(site / path).select("article a.headerlink")
        assert links and {a["title"] for a in links} == {title}, path


def test_the_english_pages_show_no_chinese_interface_words(site):
    page = soup_of(site / "en" / "duties" / "cadre" / "index.html")
    form = page.select_one("form[data-hb-filter]")
    assert [label.contents[0].strip() for label in form.select("label")] == ["Force", "Theme", "Document", "Words"]


@pytest.mark.parametrize("case", ["missing key", "unknown key", "missing file", "empty value"])
def test_a_language_file_has_every_key_of_the_chinese_one(tmp_path, case):
    shutil.copytree(ROOT / "data" / "ui", tmp_path / "ui")
    english = tmp_path / "ui" / "en.yml"
    text = english.read_text(encoding="utf-8")
    expected = {
        "missing key": (text.replace("duty.force: Force\n", ""), "missing key(s) duty.force"),
        "unknown key": (text + "duty.forse: Force\n", "unknown key(s) duty.forse"),
        "missing file": (None, "en.yml is missing"),
        "empty value": (text.replace("duty.force: Force", 'duty.force: ""'), "field 'duty.force'"),
    }[case]
    if expected[0] is None:
        english.unlink()
    else:
        english.write_text(expected[0], encoding="utf-8")
    with pytest.raises(PluginError, match=expected[1].replace("(", r"\(").replace(")", r"\)")):
        load_ui(SimpleNamespace(data_dir=tmp_path), "en")


def test_the_footer_and_the_error_page_speak_the_pages_language(site):
    for folder, words in (("", ("版本", "原文已删去地名、人名和数字", "找不到这个页面", "网站生成工具", ("深色模式", "浅色模式"))),
                          ("en/", ("version", "Names and figures were removed", "Page not found", "Made with",
                                   ("Dark mode", "Light mode")))):
        home = soup_of(site / folder / "index.html")
        footer = home.select_one(".md-copyright").get_text(" ", strip=True)
        error_page = soup_of(site / folder / "404.html").get_text(" ", strip=True)
        assert words[0] in footer and words[1] in footer and words[2] in error_page and words[3] in footer, folder
        toggles = tuple(label["title"] for label in home.select("[data-md-component=palette] label"))
        assert toggles == words[4], folder


def test_the_theme_templates_get_the_interface_words_escaped():
    """MkDocs' theme environment does not escape: the words are escaped before a template sees them."""
    import importlib.util

    import jinja2
    from handbook import context

    spec = importlib.util.spec_from_file_location("context_hook", ROOT / "hooks" / "context.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    payload = '<img src=x onerror=alert(1)> {version}'
    config = SimpleNamespace(theme={"language": "zh"})
    setattr(config, context.EDITION, context.Edition("zh", None, {}, {"footer.version": payload}))
    env = hook.on_env(jinja2.Environment(autoescape=False), config, None)
    html = env.from_string('{{ ui("footer.version", version="<b>1</b>") }}').render()
    assert html == "&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;1&lt;/b&gt;"
