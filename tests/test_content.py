"""The content itself: glossary renderings match the reference translations, every registry
entry says how binding it is, and only what the texts make binding can be claimed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from compare_annotations import main as compare_main
from conftest import ROOT
from handbook.sources import parse_document

SOURCES = ROOT / "docs" / "sources"
TAXONOMY = yaml.safe_load((ROOT / "data" / "duty_taxonomy.yml").read_text(encoding="utf-8"))
GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
REGISTRY = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((ROOT / "data" / "duties").glob("*.yml"))}
ENTRIES = {e["id"]: {**e, "source": slug} for slug, entries in REGISTRY.items() for e in entries}

# A pledge of the author's own, in the sentence of a quote: "I will", "we will", "I state my position";
# not 将 as 把 (我们将招商引资作为重点: what was done) nor a 表态发言 someone made (a fact).
PLEDGE = re.compile(r"(?:我|我们|本人)(?:一定|必将|将(?=把)|将(?![^，。；！？]*(?:作为|视为|列为|当作|当成|纳入)))"
                    r"|表个?态(?!发言)")
# Found by reading documents 4 and 5: the only entries of theirs that bind anyone are the authors'
# own pledges for the future. The rule below must keep finding them.
KNOWN_PLEDGES = {"report-24", "report-25", "vicemayor-14"}

# Thanks for board and lodging, a fact and a cadre's suggestion: never something to press for.
NEVER_OWED = {f"vicemayor-{n:02d}" for n in range(1, 8)} | {"report-17", "report-19", "report-21"}


def document(slug: str, lang: str = "zh"):
    name = f"{slug}.md" if lang == "zh" else f"{slug}.en.md"
    return parse_document(SOURCES / name, f"sources/{name}")


def source_slugs() -> list[str]:
    return sorted(p.stem for p in SOURCES.glob("[0-9]*.md") if p.name.count(".") == 1)


KINDS = yaml.safe_load((ROOT / "data" / "taxonomy.yml").read_text(encoding="utf-8"))["kinds"]
# The accounts: what one official did and learnt (a work report, an experience speech), by the
# kind in each document's front matter, so that a new one is checked as these are.
ACCOUNTS = tuple(slug for slug in source_slugs() if KINDS[document(slug).meta["kind"]].get("account"))


def rendering_pattern(english: str) -> re.Pattern:
    """The English rendering as whole words, each maybe plural; a bracketed part is optional."""
    def words(text: str) -> str:
        return r"\s+".join(re.escape(w) + (r"(?:s|es)?" if w[-1].isalpha() else "") for w in text.split())
    parts = re.split(r"\(([^)]*)\)\s*", english.strip())
    pattern = "".join(f"(?:{words(p)}\\s+)?" if i % 2 else words(p) for i, p in enumerate(parts) if p)
    return re.compile(rf"\b{pattern}\b", re.IGNORECASE)


def standalone(term: str, text: str, longer: list[str]) -> bool:
    """Whether the term occurs in the text other than inside a longer glossary word."""
    covered = set()
    for word in longer:
        for match in re.finditer(re.escape(word), text):
            covered.update(range(match.start(), match.end()))
    return any(m.start() not in covered for m in re.finditer(re.escape(term), text))


def glossary_occurrences():
    names = [n for t in GLOSSARY for n in (t["term"], *t.get("other_names", []))]
    for slug in source_slugs():
        chinese, english = document(slug), document(slug, "en")
        if english.meta.get("pending_translation"):
            continue  # it shows the Chinese words until it is translated (as test_translations skips it)
        for pid, paragraph in chinese.paragraphs.items():
            for term in GLOSSARY:
                longer = [n for n in names if term["term"] in n and n != term["term"]]
                if standalone(term["term"], paragraph.text, longer):
                    yield term, slug, pid, english.paragraphs[pid].text


def test_rendering_pattern_accepts_plurals_and_optional_brackets():
    pattern = rendering_pattern("(Party committee) central theory study group")
    assert pattern.search("the central theory study groups of the district")
    assert pattern.search("its Party committee central theory study group")
    assert not pattern.search("the theory study group")
    assert rendering_pattern("adviser and aide").search("serve as advisers and aides")


def test_every_glossary_term_is_rendered_as_the_translations_render_it():
    checked, wrong = 0, []
    for term, slug, pid, english in glossary_occurrences():
        checked += 1
        if not rendering_pattern(term["en"]).search(english):
            wrong.append(f"{term['term']} ({term['en']!r}) in {slug}.en.md {pid}")
    assert checked > 100  # the check reaches the texts: the terms occur throughout them
    assert not wrong, "the glossary's `en` and the reference translation differ:\n" + "\n".join(wrong)


def test_every_entry_has_a_force_of_the_taxonomy():
    forces = TAXONOMY["forces"]
    assert set(forces) == {"requirement", "commitment", "practice", "suggestion"}
    assert {f for f, v in forces.items() if v["claimable"]} == {"requirement", "commitment"}
    missing = [i for i, e in ENTRIES.items() if e.get("force") not in forces]
    assert not missing, f"entries without a known force: {missing}"
    for slug, entries in REGISTRY.items():  # `force` follows `theme` in the file
        assert all(list(e)[:4] == ["id", "party", "theme", "force"] for e in entries), slug


def sentence_of(entry: dict) -> str:
    text = document(entry["source"]).paragraphs[entry["paragraph"]].text
    start = text.index(entry["quote"])
    begin = max(text.rfind(mark, 0, start) for mark in "。！？；") + 1
    ends = [i for i in (text.find(mark, start + len(entry["quote"])) for mark in "。！？") if i >= 0]
    return text[begin:min(ends) + 1 if ends else len(text)]


def test_accounts_are_the_documents_that_tell_what_one_official_did():
    # read by hand: documents 4 and 5 are accounts, the three speeches set requirements
    assert {"04-work-report", "05-city-experience-speech"} <= set(ACCOUNTS)
    assert not {"01-city-speech", "02-district-speech", "03-county-speech"} & set(ACCOUNTS)


def test_accounts_bind_only_where_the_author_pledges():
    claimable = {i for i, e in ENTRIES.items()
                 if e["source"] in ACCOUNTS and TAXONOMY["forces"][e["force"]]["claimable"]}
    unpledged = [i for i in sorted(claimable)
                 if ENTRIES[i]["force"] != "commitment" or not PLEDGE.search(sentence_of(ENTRIES[i]))]
    assert not unpledged, "an account binds only where its author pledges (a commitment); make these practices or suggestions"
    assert KNOWN_PLEDGES <= claimable  # the rule is met by finding the pledges, not by finding nothing
    # and the authors' accounts are mostly practice and suggestion, as the issue found
    accounts = [e for e in ENTRIES.values() if e["source"] in ACCOUNTS]
    assert sum(e["force"] in ("practice", "suggestion") for e in accounts) > 0.9 * len(accounts)


def test_the_pledge_rule_tells_a_pledge_from_an_account_or_an_exhortation():
    assert PLEDGE.search("我将以此次实践锻炼为动力") and PLEDGE.search("在此，我也向各位领导表个态度")
    assert not PLEDGE.search("我们要克服镀金思想") and not PLEDGE.search("协调引进项目两个")
    assert PLEDGE.search("我将把招商引资作为下步工作的重点")
    assert not PLEDGE.search("我们将招商引资作为主要工作，协调引进项目两个")
    assert not PLEDGE.search("同志代表挂职干部作了表态发言")


def test_what_others_owe_the_cadre_leaves_out_practices_and_suggestions():
    owed = {i for i, e in ENTRIES.items()
            if e["party"] != "cadre" and TAXONOMY["forces"][e["force"]]["claimable"]}
    assert not owed & NEVER_OWED
    assert NEVER_OWED <= set(ENTRIES)  # the ids still name entries, so the check above means something
    assert {"city-34", "county-45", "district-23", "county-36"} <= owed


@pytest.mark.parametrize("slug", ACCOUNTS)
def test_practices_of_other_parties_read_as_accounts_not_orders(slug):
    """A practice is what one official did or experienced, so its summary must not read as an
    order ("Provide the cadre with …", "Attend the host's meetings")."""
    if not REGISTRY.get(slug):
        pytest.skip(f"{slug}: no duty registered yet (data/duties/{slug}.yml is empty)")
    imperative = re.compile(r"^(Provide|Give|Check|Let|Treat|Manage|Help|Send|Value|Work|Carry|Join|Keep|"
                            r"Turn|Attend|Do|Resist|Hold|Use|Strive|Build|Measure|Study|Link|Win|Plan|"
                            r"Seek|Be|Focus|Dare)\b")
    for entry in REGISTRY[slug]:
        if entry["force"] == "practice":
            assert not imperative.match(entry["summary_en"]), entry["id"]


def test_annotation_comparison_of_the_registry_with_itself_agrees_fully(tmp_path, capsys):
    copy = list(ENTRIES.values())  # registry entries carry their source, as a pass does
    path = tmp_path / "pass.yml"
    path.write_text(yaml.safe_dump(copy, allow_unicode=True), encoding="utf-8")
    compare_main([str(path)])
    out = capsys.readouterr().out
    total = len(ENTRIES)
    assert f"registry entries found by the pass: {total}/{total} (100%)" in out
    assert f"pass entries the registry lacks: 0/{total}" in out
    assert f"force agreement on matched entries: {total}/{total} (100%)" in out


def test_annotation_passes_are_kept_apart_from_the_registry():
    """The second pass is a record under data/annotations/, never read as duties."""
    kept = {p.name for p in (ROOT / "data" / "annotations").glob("*.yml")}
    assert {"pass2_docs1-3.yml", "pass2_docs4-5.yml"} <= kept  # later passes may join them
    assert not list((ROOT / "data" / "duties").glob("pass*"))


def test_guide_pages_cite_only_claimable_duties_as_owed():
    """The guide's "what others should do for you" lists (duty-refs) hold only requirements and
    commitments; what others have done is listed apart (duty-refs after a `practice` heading)."""
    for page in sorted((ROOT / "docs" / "guide").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        owed = re.search(r"\{ #others-do \}(.*?)(?:\n## |\Z)", text, re.DOTALL)
        if not owed:
            continue
        for refs in re.findall(r"<!--\s*duty-refs:\s*([\w\s-]*?)\s*-->", owed.group(1)):
            for duty_id in refs.split():
                force = ENTRIES[duty_id]["force"]
                assert TAXONOMY["forces"][force]["claimable"], f"{page.name}: {duty_id} is a {force}"


def test_pages_name_no_removed_duty():
    for page in sorted(Path(ROOT / "docs").rglob("*.md")):
        for refs in re.findall(r"<!--\s*duty-refs:\s*([\w\s-]*?)\s*-->", page.read_text(encoding="utf-8")):
            assert set(refs.split()) <= set(ENTRIES), page
