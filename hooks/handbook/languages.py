"""Which languages a build has, and where each one's pages live.

mkdocs-static-i18n runs the whole build once per language, with `theme.language` set to the
language being built: the default language at the site root, each other one under `<lang>/`.
Without the plugin (a fixture site, plain Material) the theme's language is the only one."""

from __future__ import annotations


def current(config) -> str:
    """The language this build (or static-i18n's rebuild) is making."""
    return config.theme["language"]


def configured(config) -> list[str]:
    """Every language the i18n plugin lists, built or not."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [current(config)]
    return [entry.locale for entry in i18n.config.languages]


def built(config) -> list[str]:
    """The languages whose pages this build writes."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [current(config)]
    return [entry.locale for entry in i18n.config.languages if entry.build]


def default(config) -> str:
    """The language at the site root (static-i18n's `default: true`)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return current(config)
    return next(entry.locale for entry in i18n.config.languages if entry.default)


def folder(config) -> str:
    """Where the language being built lives in the site: "" for the default, "<lang>/" otherwise."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.is_default_language_build:
        return ""
    return f"{i18n.current_language}/"


def prefixes(config, lang: str) -> dict:
    """A language's page prefix and, for the default language, the other languages' prefixes."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {"prefix": "", "otherPrefixes": []}
    root = default(config)
    if lang == root:
        return {"prefix": "", "otherPrefixes": [f"{locale}/" for locale in configured(config) if locale != root]}
    return {"prefix": f"{lang}/", "otherPrefixes": []}


def belongs(location: str, language_prefixes: dict) -> bool:
    """Whether a page or section location is of the language `prefixes` describes (rank.js's test)."""
    if language_prefixes["prefix"]:
        return location.startswith(language_prefixes["prefix"])
    return not any(location.startswith(other) for other in language_prefixes["otherPrefixes"])
