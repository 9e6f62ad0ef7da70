"""Drop from a stylesheet the rules that can match nothing the site ever shows.

What the site can show: everything its pages' HTML names (tags, classes, ids, attributes and
their values), and what its scripts add in the browser (search results, tooltips, copy
buttons, the duty list), read from the words of the scripts' string literals. A selector is
kept when each class, id, tag and attribute it requires occurs; its pseudo-classes (:hover,
:focus, :checked…) never count against it. A script may name every component it can
handle, used or not, so a class only a script names counts when its block (the part before
`__` or `--`) is a class of the pages (`md-search-result__more`, `md-nav__link--active`), or
is one of RUNTIME_BLOCKS: the tabs, annotations and version selector go unless a page has them.
A tag only a script that does not `builds_content` names counts outside the content
(`.md-typeset`) only; the site's own scripts build content too (the duty list of the duty index). An attribute value counts when the pages have it, or a script sets that attribute
to it (`"data-md-type":"copy"`), or the attribute is one only scripts set.

A rule keeps its matching selectors only; empty @media and @supports blocks go, as do
@keyframes that no kept rule animates and custom properties that nothing reads. Material's CSS
has no :is() or :where(); a selector with them is kept rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import tinycss2

# possessive: a tag matches in one way only, so nothing to backtrack (three times faster)
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*+)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>")
ATTRIBUTE = re.compile(r"([^\s=>/]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# "name":"value" in an object of attributes, or setAttribute("name", "value").
# From a word's start only, which finds the same pairs (a match never starts inside a word)
# without trying again at every letter (three times faster).
ATTRIBUTE_PAIR = re.compile(r"(?<![\w-])[\"']?([\w-]++)[\"']?\s*[:,]\s*[\"']([\w-]+)[\"']")
STRING = re.compile(r'"(?:[^"\\\n]++|\\.)*+"|\'(?:[^\'\\\n]++|\\.)*+\'|`(?:[^`\\]++|\\.)*+`')

# Parts of one selector (no top-level comma).
FUNCTIONAL = re.compile(r"::?([a-zA-Z-]+)\(")
SIMPLE = re.compile(
    r"(?P<attribute>\[\s*(?P<name>[\w-]+)\s*(?:(?P<op>[~|^$*]?=)\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\]\s]+)\s*[iIsS]?\s*)?\])"
    r"|(?P<pseudo>::?[\w-]+)"
    r"|\.(?P<class>[\w-]+)"
    r"|#(?P<id>[\w-]+)"
    r"|(?P<tag>(?<![\w-])[a-zA-Z][\w-]*)"
)
ALWAYS = {"html", "body", "*"}
# Functional pseudo-classes whose argument is a selector that must match for the rule to apply.
ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}
# Components a script may create on pages whose HTML does not name them, kept while a published
# script names them: tooltips
# (content.tooltips, from any title), the copy button of code blocks (content.code.copy), the
# focus-visible polyfill's classes and the `js` class it puts on <html>.
RUNTIME_BLOCKS = frozenset({"md-tooltip", "md-tooltip2", "md-code", "focus-visible", "js-focus-visible", "js"})
BLOCK = re.compile(r"__|--")
CUSTOM_PROPERTY = re.compile(r"var\(\s*(--[\w-]+)")
# Distinct start tags remembered, so that a tag met again is not read again; beyond that many,
# forgotten and met anew (each paragraph's copy button is a tag of its own: 200,000 at 1,000 texts).
SEEN_LIMIT = 20_000


@dataclass(frozen=True)
class Asked:
    """The attribute values and ids that a stylesheet's selectors test for: of the pages'
    values and ids, a Usage need keep only these (the citations, titles and links the pages
    hold grow with the library, and no selector names them)."""
    values: frozenset[str]
    ids: frozenset[str]


@dataclass
class Usage:
    """Everything the built site names: from its pages' HTML and from its scripts' words. With
    `asked`, only the values and ids that the stylesheets to purge ask for are kept."""

    tags: set[str] = field(default_factory=lambda: set(ALWAYS))
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    values: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    pairs: set[tuple[str, str]] = field(default_factory=set)
    content_tags: set[str] = field(default_factory=set)
    custom_properties: set[str] = field(default_factory=set)
    asked: Asked | None = None
    _seen: set[tuple[str, str]] = field(default_factory=set, repr=False)

    def add_html(self, html: str) -> None:
        if len(self._seen) > SEEN_LIMIT:
            self._seen.clear()
        values = set()
        for tag in set(TAG.findall(html)) - self._seen:  # each distinct start tag once
            self._seen.add(tag)
            name, attributes = tag
            self.tags.add(name.lower())
            for attribute in ATTRIBUTE.finditer(attributes):
                name = attribute.group(1).lower()
                value = next((v for v in attribute.group(2, 3, 4) if v is not None), "")
                self.attributes.add(name)
                values.add(value)
                if name == "class":
                    self.classes.update(value.split())
                elif name == "id":
                    if self.asked is None or value in self.asked.ids:
                        self.ids.add(value)
                elif name == "style":
                    self.custom_properties.update(CUSTOM_PROPERTY.findall(value))
                values.update(value.split())
        self.values.update(values if self.asked is None else values & self.asked.values)

    def add_script(self, script: str, builds_content: bool = False) -> None:
        """The words of a script's string literals: the classes, attributes and tags it may
        put in the page (identifiers and comments name none). A script that `builds_content`
        may put any tag it names into the content."""
        words = set(WORD.findall(" ".join(STRING.findall(script))))
        self.words.update(words)
        if builds_content:
            self.content_tags.update(map(str.lower, words))
        self.pairs.update((name.lower(), value) for name, value in ATTRIBUTE_PAIR.findall(script))
        self.custom_properties.update(CUSTOM_PROPERTY.findall(script))

    def has_class(self, name: str) -> bool:
        if name in self.classes:
            return True
        block = BLOCK.split(name, 1)[0]
        return name in self.words and (block in RUNTIME_BLOCKS or (block != name and block in self.classes))


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """`text` cut at each `separator` outside brackets and strings."""
    parts, depth, start, quote = [], 0, 0, None
    for index, char in enumerate(text):
        if quote:
            quote = None if char == quote and text[index - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part.strip() for part in parts]


def closing(text: str, start: int) -> int:
    """Index of the parenthesis that closes the one opened just before `start`."""
    depth = 1
    for index in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return len(text)


def selector_used(selector: str, usage: Usage) -> bool:
    """Whether everything `selector` requires occurs in the site."""
    rest, position = [], 0
    for function in FUNCTIONAL.finditer(selector):
        if function.start() < position:
            continue
        end = closing(selector, function.end())
        rest.append(selector[position:function.start()])
        name = function.group(1).lower()
        if name in ANY_OF:
            return True  # not worth guessing: keep it
        position = end + 1  # :not(), :nth-child(), :lang()… require nothing that must occur
    rest.append(selector[position:])
    simple = list(SIMPLE.finditer("".join(rest)))
    in_content = any(part.group("class") == "md-typeset" for part in simple)
    for part in simple:
        if part.group("attribute"):
            name = part.group("name").lower()
            if name not in usage.attributes and name not in usage.words:
                return False
            value = (part.group("value") or "").strip("\"'")
            # An attribute the pages have takes the values they or a script give it ([dir=rtl]
            # goes: a script only reads it); one only a script sets, any value a script names.
            known = usage.values if name in usage.attributes else usage.words
            if part.group("op") in ("=", "~=", "|=") and value not in known and (name, value) not in usage.pairs:
                return False
        elif part.group("class") and not usage.has_class(part.group("class")):
            return False
        elif part.group("id") and part.group("id") not in usage.ids and part.group("id") not in usage.words:
            return False
        elif part.group("tag") and part.group("tag").lower() not in usage.tags and (
                part.group("tag").lower() not in usage.content_tags if in_content else part.group("tag") not in usage.words):
            return False
    return True


def parse(css: str) -> list:
    """The stylesheet's rules, minified, as purge_parsed takes them."""
    return _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), None)


def asked_by(rules: list) -> Asked:
    """What the parsed rules' selectors test: every attribute value and id they name."""
    values, ids = set(), set()

    def visit(rules):
        for kind, head, body in rules:
            if kind == "block":
                visit(body)
            elif kind == "rule":
                for part in SIMPLE.finditer(head):
                    if part.group("attribute"):
                        values.add((part.group("value") or "").strip("\"'"))
                    elif part.group("id"):
                        ids.add(part.group("id"))

    visit(rules)
    return Asked(frozenset(values), frozenset(ids))


def purge(css: str, usage: Usage, readers: tuple[str, ...] = ()) -> str:
    """`css` without what matches nothing in `usage`, minified. `readers` are the other
    stylesheets of the page, whose var() keep a custom property alive."""
    return purge_parsed(parse(css), usage, readers)


def purge_parsed(rules: list, usage: Usage, readers: tuple[str, ...] = ()) -> str:
    """purge() of a stylesheet parse() has read."""
    kept = _kept(rules, usage)
    outside = set(usage.custom_properties)
    for reader in readers:
        outside.update(CUSTOM_PROPERTY.findall(reader))
    # Custom properties and keyframes that nothing left uses, until nothing more goes.
    while True:
        text = _serialize(kept)
        read = set(CUSTOM_PROPERTY.findall(text)) | outside
        animations = {word for value in re.findall(r"animation(?:-name)?:([^;}]+)", text) for word in WORD.findall(value)}
        pruned = _prune(kept, read, animations)
        if pruned == kept:
            return text
        kept = pruned


def minify(css: str) -> str:
    """`css` with every rule kept, without comments and needless whitespace."""
    return _serialize(parse(css))


def _kept(rules: list, usage: Usage) -> list:
    """The parsed rules, each with the selectors that can match something in `usage`; a rule
    or block left with none goes."""
    kept = []
    for kind, head, body in rules:
        if kind == "rule":
            selectors = [s for s in split_top_level(head) if selector_used(s, usage)]
            if selectors:
                kept.append((kind, ",".join(selectors), body))
        elif kind == "block":
            inner = _kept(body, usage)
            if inner:
                kept.append((kind, head, inner))
        else:
            kept.append((kind, head, body))
    return kept


def _rules(rules, usage: Usage | None) -> list:
    """The rules as (kind, head, body), minified; with a usage, only what it can match."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in split_top_level(_compact(rule.prelude)) if usage is None or selector_used(s, usage)]
            if selectors:
                kept.append(("rule", ",".join(selectors), _declarations(rule.content)))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), usage)
            if inner:
                kept.append(("block", f"@{rule.at_keyword} {_compact(rule.prelude)}", inner))
        elif rule.type == "at-rule" and rule.lower_at_keyword == "charset":
            continue  # the file is served as UTF-8; @charset only matters first and is optional
        elif rule.type == "at-rule" and rule.lower_at_keyword.endswith("keyframes"):
            kept.append(("keyframes", _compact(rule.prelude), rule.serialize().strip()))
        elif rule.type == "at-rule":
            kept.append(("raw", rule.lower_at_keyword, rule.serialize().strip()))
    return kept


def _compact(tokens) -> str:
    """Tokens serialized without comments, each run of whitespace one space."""
    out = []
    for token in tokens:
        if token.type == "comment":
            continue
        if token.type == "whitespace":
            if out and out[-1] != " ":
                out.append(" ")
            continue
        out.append(tinycss2.serialize([token]))
    return "".join(out).strip()


def _declarations(content) -> str:
    declarations = tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True) \
        if hasattr(tinycss2, "parse_blocks_contents") else tinycss2.parse_declaration_list(content, True, True)
    if any(d.type != "declaration" for d in declarations):
        return tinycss2.serialize(content).strip()  # nested rules or an error: left as written
    return ";".join(f"{d.name}:{_compact(d.value)}{'!important' if d.important else ''}" for d in declarations)


def _prune(rules: list, read: set[str], animations: set[str]) -> list:
    kept = []
    for kind, head, body in rules:
        if kind == "rule":
            declarations = [d for d in split_top_level(body, ";")
                            if d and not (d.startswith("--") and d.split(":", 1)[0].strip() not in read)]
            if declarations:
                kept.append((kind, head, ";".join(declarations)))
        elif kind == "block":
            inner = _prune(body, read, animations)
            if inner:
                kept.append((kind, head, inner))
        elif kind != "keyframes" or head in animations:
            kept.append((kind, head, body))
    return kept


def _serialize(rules: list) -> str:
    out = []
    for kind, head, body in rules:
        if kind == "rule":
            out.append(f"{head}{{{body}}}")
        elif kind == "block":
            out.append(f"{head}{{{_serialize(body)}}}")
        else:
            out.append(body)
    return "".join(out)
