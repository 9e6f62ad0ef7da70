"""Guide pages on a fixture site: citations, checklists, duty references, role lists and the
glossary (page, occurrences, tooltips), and every kind of bad input they refuse."""

from __future__ import annotations

import pytest
import yaml

from test_duty_index import ENTRIES, with_duty_pages, write_registry
from textutil import soup_of

GUIDE_HOOKS = ["source_pages.py", "duty_index.py", "citations.py", "glossary.py", "checklists.py"]

GLOSSARY = {"terms": [
    {"id": "field-research", "term": "调查研究", "other_names": ["调研"], "en": "field research",
     "definition_zh": "深入实际了解情况。", "definition_en": "Going out to learn the facts on the ground."},
    {"id": "cadre", "term": "挂职干部", "other_names": [], "en": "seconded cadre",
     "definition_zh": "到另一单位临时任职锻炼的干部。", "definition_en": "An official posted temporarily to another unit."},
]}

CHECKLIST = """\
# 第一周

## 要做的事 { #to-do }

- [ ] 尽快融入干部群众。 [[01-test#p3]]
    { #fit-in }
- [ ] 准备一个笔记本。〔实用建议〕
    { #notebook }

## 接收单位这时应当做的 { #others-do }

<!-- duty-refs: t-03 t-01 -->
"""


def guide_site(fixture_site, checklist=CHECKLIST, glossary=GLOSSARY):
    with_duty_pages(fixture_site, english=False)
    (fixture_site.root / "data" / "glossary.yml").write_text(
        yaml.safe_dump(glossary, allow_unicode=True, sort_keys=False), encoding="utf-8")
    fixture_site.write("guide/first-week.md", checklist)
    fixture_site.write("glossary.md", "# 术语表\n\n<!-- glossary -->\n")
    fixture_site.write("roles/host-unit.md", "---\nrole: host_unit\n---\n\n# 我是接收单位\n\n"
                       "## 你的职责 { #duties }\n\n<!-- duty-index:role-duties -->\n\n"
                       "## 别人应当为你做的 { #owed }\n\n<!-- duty-index:role-owed -->\n")
    return fixture_site


def build_fails(site, caplog) -> str:
    return site.build_fails(caplog, GUIDE_HOOKS)


def test_citations_checklists_refs_roles_and_glossary(fixture_site):
    site = guide_site(fixture_site).build(GUIDE_HOOKS)
    page = soup_of(site / "guide" / "first-week" / "index.html")

    citation = page.select_one("a.hb-source-link")
    assert citation["href"] == "../../sources/01-test/#p3"
    assert citation.get_text() == "在测试会议上的讲话¶3" and citation["data-hb-tip"].startswith("挂职干部要尽快融入")

    checklist = page.select_one("ul.task-list")
    assert checklist["data-hb-checklist"] == "guide/first-week"
    assert [li["id"] for li in checklist.select("li")] == ["fit-in", "notebook"]
    assert page.select_one("[data-hb-checklist-bar]") is not None

    refs = [a["href"] for a in page.select("article li a") if "duties" in a["href"]]
    assert refs == ["../../duties/host-unit/#t-03", "../../duties/cadre/#t-01"]

    # roles.yml: the host unit is owed the cadre's duties of the themes management, conduct and
    # unity only: t-02 (unity), not t-01 (learning).
    role = soup_of(site / "roles" / "host-unit" / "index.html")
    assert role_links(role, "duties") == ["../../duties/host-unit/#t-03"]
    assert role_links(role, "owed") == ["../../duties/cadre/#t-02"]
    assert role.select_one("#others-practice") is None

    glossary = soup_of(site / "glossary" / "index.html")
    entry = glossary.select_one("#field-research")
    assert entry.contents[0].strip() == "调查研究"
    appears = entry.find_next(class_="hb-term-occurrences")
    assert "../sources/01-test/#p2" in [a["href"] for a in appears.select("a")]

    source = soup_of(site / "sources" / "01-test" / "index.html")
    terms = source.select("abbr.hb-term")
    assert [t.get_text() for t in terms if t["data-term"] == "cadre"] == ["挂职干部"], "first occurrence only"
    assert terms[0]["data-hb-tip"] and not source.select("h2 abbr"), "never inside headings"


def role_links(role, section: str) -> list[str]:
    """The entry links listed under the role page's section heading, up to the next one."""
    links = []
    for element in role.select_one(f"h2#{section}").find_all_next():
        if element.name == "h2":
            break
        if element.name == "a" and "duties/" in element.get("href", ""):
            links.append(element["href"])
    return links


def test_practices_are_never_owed_but_shown_below(fixture_site):
    guide_site(fixture_site)
    entries = [dict(e) for e in ENTRIES]
    entries[1]["force"] = "practice"
    write_registry(fixture_site, entries)
    role = soup_of(fixture_site.build(GUIDE_HOOKS) / "roles" / "host-unit" / "index.html")
    # Nothing left to claim; the practice is the section's one link, under its own heading.
    assert role_links(role, "owed") == ["../../duties/cadre/#t-02"]
    claims = role.select_one("h2#owed").find_next(class_="hb-duty-refs")
    assert claims.get_text(strip=True) == "原文库的文献没有为此列出条目。"  # data/ui/zh.yml duty.none
    practices = role.select_one("h3#others-practice").find_next("ul")
    assert [a["href"] for a in practices.select("a")] == ["../../duties/cadre/#t-02"]
    assert role.select_one("h3#others-practice").get_text(strip=True).startswith("别人做过什么")


def test_english_glossary_and_tooltips_use_english_names(fixture_site):
    guide_site(fixture_site)
    fixture_site.write("glossary.en.md", "# Glossary\n\n<!-- glossary -->\n")
    fixture_site.write("guide/first-week.en.md", CHECKLIST.replace("# 第一周", "# The first week\n\nA seconded cadre learns.")
                       .replace("〔实用建议〕", "(practical advice)"))
    site = fixture_site.build(GUIDE_HOOKS)
    glossary = soup_of(site / "en" / "glossary" / "index.html")
    assert glossary.select_one("#cadre").contents[0].strip() == "Seconded cadre (挂职干部)"
    page = soup_of(site / "en" / "guide" / "first-week" / "index.html")
    term = page.select_one("abbr.hb-term")
    assert term.get_text() == "seconded cadre" and term["data-hb-tip"] == "An official posted temporarily to another unit."
    assert term.next_sibling.strip() == "(" and term.find_next("span")["lang"] == "zh"
    assert page.select_one("ul.task-list")["data-hb-checklist"] == "guide/first-week"


BAD_GUIDES = {
    "citation of a missing paragraph": (CHECKLIST.replace("[[01-test#p3]]", "[[01-test#p9]]"),
                                        ["guide/first-week.md", "[[01-test#p9]]", "paragraph 'p9' does not exist", "p1 to p3"]),
    "citation of a missing document": (CHECKLIST.replace("[[01-test#p3]]", "[[07-none#p1]]"),
                                       ["guide/first-week.md", "names no source document"]),
    "checklist item without id": (CHECKLIST.replace("    { #notebook }\n", ""),
                                  ["guide/first-week.md", "“准备一个笔记本", "has no id"]),
    "repeated checklist id": (CHECKLIST.replace("{ #notebook }", "{ #fit-in }"), ["checklist id 'fit-in' is used twice"]),
    "checklist item without source": (CHECKLIST.replace("〔实用建议〕", ""), ["'notebook'", "cites no source"]),
    "unknown duty reference": (CHECKLIST.replace("t-03 t-01", "t-03 t-99"), ["duty-refs", "t-99"]),
}


@pytest.mark.parametrize("case", BAD_GUIDES, ids=str)
def test_bad_guide_page_stops_the_build(fixture_site, caplog, case):
    text, expected = BAD_GUIDES[case]
    message = build_fails(guide_site(fixture_site, checklist=text), caplog)
    for fragment in expected:
        assert fragment in message, message


def test_role_marker_needs_a_role(fixture_site, caplog):
    guide_site(fixture_site)
    fixture_site.write("roles/host-unit.md", "# 我是接收单位\n\n<!-- duty-index:role-duties -->\n")
    assert "needs `role:`" in build_fails(fixture_site, caplog)


BAD_GLOSSARIES = {
    "missing definition": ({"id": "x", "term": "干部", "other_names": [], "en": "cadre", "definition_zh": "",
                            "definition_en": "An official."}, "field 'definition_zh' is missing or empty"),
    "name used twice": ({"id": "research-2", "term": "调研", "other_names": [], "en": "research",
                         "definition_zh": "调研。", "definition_en": "Research."}, "'调研' is already used by entry 'field-research'"),
    "bad id": ({"id": "Field Research", "term": "研究", "other_names": [], "en": "research",
                "definition_zh": "研究。", "definition_en": "Research."}, "must be lower-case ASCII"),
    "term not in the texts": ({"id": "postgraduate", "term": "研究生", "en": "postgraduate",
                               "definition_zh": "研究生。", "definition_en": "A postgraduate."},
                              "'postgraduate': none of its names occurs verbatim in the Chinese source texts"),
}


@pytest.mark.parametrize("case", BAD_GLOSSARIES, ids=str)
def test_bad_glossary_entry_stops_the_build(fixture_site, caplog, case):
    entry, expected = BAD_GLOSSARIES[case]
    glossary = {"terms": GLOSSARY["terms"] + [entry]}
    message = build_fails(guide_site(fixture_site, glossary=glossary), caplog)
    assert "glossary.yml" in message and expected in message


def test_a_guide_only_term_that_a_text_comes_to_use_is_listed_where_it_occurs(fixture_site):
    """A new text may use a term the guide alone named (a work report says 工作情况汇报): the build
    goes on and the glossary lists the paragraph, as for any term."""
    entry = {"id": "masses", "term": "干部群众", "guide_only": True, "en": "cadres and people",
             "definition_zh": "干部和群众。", "definition_en": "Cadres and people."}
    site = guide_site(fixture_site, glossary={"terms": GLOSSARY["terms"] + [entry]}).build(GUIDE_HOOKS)
    occurrences = soup_of(site / "glossary" / "index.html").select_one("h3#masses").find_next(class_="hb-term-occurrences")
    assert [a["href"] for a in occurrences.select("a")] == ["../sources/01-test/#p3"]
    assert "仅见于指南" not in occurrences.get_text()
