"""The schema of every data file and of the source pages' front matter: each rule, one table of
bad inputs; each refused with the file, the entry, the field and a fix, never a traceback."""

from __future__ import annotations

import pytest
import yaml
from mkdocs.exceptions import PluginError
from pydantic import ValidationError

from conftest import ROOT, SAMPLE_SOURCE_PAGE
from handbook import schema
from handbook.sources import parse_document

DUTY = """\
- id: t-01
  party: cadre
  theme: learning
  force: requirement
  paragraph: p2
  quote: 加强学习
  summary_zh: 加强学习
  summary_en: Study hard
"""

TAXONOMY = (ROOT / "data" / "duty_taxonomy.yml").read_text(encoding="utf-8")

# (file kind, content, fragments the message must hold)
BAD_FILES = {
    "duty: party given as a list": ("duties/*.yml", DUTY.replace("party: cadre", "party: [cadre]"),
                                    ["entry 1 't-01'", "field 'party' must be text, found a list"]),
    "duty: theme given as a mapping": ("duties/*.yml", DUTY.replace("theme: learning", "theme: {a: b}"),
                                       ["field 'theme' must be text, found a mapping"]),
    "duty: summary given as a list": ("duties/*.yml", DUTY.replace("summary_zh: 加强学习", "summary_zh: [加强, 学习]"),
                                      ["field 'summary_zh' must be text"]),
    "duty: summary too long": ("duties/*.yml", DUTY.replace("summary_en: Study hard", "summary_en: " + "x" * 301),
                               ["field 'summary_en' is 301 characters long; at most 300"]),
    "duty: one-character quote": ("duties/*.yml", DUTY.replace("quote: 加强学习", "quote: 学"),
                                  ["field 'quote' is too short", "at least 2 characters"]),
    "duty: missing force": ("duties/*.yml", DUTY.replace("  force: requirement\n", ""),
                            ["field 'force' is missing or empty"]),
    "duty: misspelled field": ("duties/*.yml", DUTY.replace("summary_en:", "summry_en:"),
                               ["unknown field(s) summry_en", "field 'summary_en' is missing"]),
    "duty: duplicate key": ("duties/*.yml", DUTY.replace("  theme:", "  party: host_unit\n  theme:"),
                            [":3:", "key 'party' appears twice (first on line 2)"]),
    "duty: bad paragraph id": ("duties/*.yml", DUTY.replace("paragraph: p2", "paragraph: 2"),
                               ["field 'paragraph' must be text, found a number"]),
    "duty: a mapping, not a list": ("duties/*.yml", "id: t-01\n", ["must be a list"]),
    "taxonomy: party given as a string": ("duty_taxonomy.yml", TAXONOMY.replace(
        "  publicity_department:\n    zh: 宣传部门\n    en: publicity department\n    other_names: [宣传部]",
        "  publicity_department: 宣传部门"), ["field 'parties.publicity_department' must be a mapping"]),
    "taxonomy: party without en": ("duty_taxonomy.yml", TAXONOMY.replace("    en: publicity department\n", ""),
                                   ["field 'parties.publicity_department.en' is missing"]),
    "taxonomy: other_names as a string": ("duty_taxonomy.yml", TAXONOMY.replace("other_names: [宣传部]", "other_names: 宣传部"),
                                          ["field 'parties.publicity_department.other_names' must be a list"]),
    "taxonomy: forces missing": ("duty_taxonomy.yml", TAXONOMY.split("\nforces:")[0],
                                 ["field 'forces' is missing"]),
    "taxonomy: claimable not a boolean": ("duty_taxonomy.yml", TAXONOMY.replace("claimable: false}", "claimable: no-way}", 1),
                                          ["field 'forces.practice.claimable' must be true or false"]),
    "source taxonomy: level without tag": ("taxonomy.yml", "kinds: {讲话: {en: Speech}}\nlevels: {市: {en: City}}\n"
                                           "required_fields: {kind: {zh: 类型, en: Kind}}\n",
                                           ["field 'levels.市.tag' is missing"]),
    "roles: duplicate role": ("roles.yml", "cadre:\n  host_unit: all\ncadre:\n  org_department: all\n",
                              ["roles.yml:3", "key 'cadre' appears twice"]),
    "roles: themes as a string": ("roles.yml", "host_unit:\n  cadre: management\n", ["field 'host_unit.cadre'"]),
    "glossary: one-character term": ("glossary.yml", "terms:\n  - {id: de, term: 的, en: of, definition_zh: 助词。, "
                                     "definition_en: A particle.}\n", ["entry 1 'de'", "field 'term' is too short"]),
    "glossary: other_names as a string": ("glossary.yml", "terms:\n  - {id: pd, term: 宣传部门, other_names: 宣传部, "
                                          "en: publicity, definition_zh: 宣传。, definition_en: Publicity.}\n",
                                          ["field 'other_names' must be a list"]),
    "glossary: definition too long": ("glossary.yml", "terms:\n  - {id: pd, term: 宣传部门, en: publicity, "
                                      "definition_zh: 宣传。, definition_en: " + "x" * 400 + "}\n",
                                      ["field 'definition_en' is 400 characters long"]),
    "search: expansions as a list": ("search.yml", "expansions: [a, b]\n", ["field 'expansions' must be a mapping"]),
    "search: stopwords as a string": ("search.yml", "stopwords: 什么\n", ["field 'stopwords' must be a list"]),
    "search: misspelled section": ("search.yml", "synonym:\n  - [a, b]\n", ["unknown field(s) synonym"]),
    "search: misspelled English section": ("search.yml", "en:\n  stopword: [what]\n", ["unknown field(s) en.stopword"]),
    "search: one-word group": ("search.yml", "synonyms:\n  - [派出单位]\n", ["field 'synonyms item 1' needs 2 or more words"]),
    "not yaml": ("search.yml", "synonyms: [[a\n", ["search.yml:", "not valid YAML"]),
    "search: page context field not in the front matter": (
        "search.yml", (ROOT / "data" / "search.yml").read_text(encoding="utf-8").replace("fields: [speaker, level]", "fields: [speakr]"),
        ["field 'ranking.page_context.fields item 1' 'speakr' is not allowed", "use 'speaker'"]),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=str)
def test_a_bad_data_file_is_refused_with_file_entry_field_and_fix(tmp_path, case):
    kind, content, fragments = BAD_FILES[case]
    path = tmp_path / kind.replace("*", "01-test")
    path.parent.mkdir(exist_ok=True)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PluginError) as error:
        schema.load(kind, path)
    message = str(error.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message, message
    assert "Traceback" not in message and "pydantic" not in message


def test_a_byte_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_bytes("terms:\n  - id: x\n    term: ".encode("utf-8") + "宣传".encode("gbk") + b"\n")
    with pytest.raises(PluginError, match=r"glossary.yml:3: byte 0x[0-9a-f]{2} is not UTF-8"):
        schema.load("glossary.yml", path)


@pytest.mark.parametrize("kind", schema.FILES)
def test_the_real_data_files_pass(kind):
    paths = sorted((ROOT / "data").glob(kind))
    assert paths
    for path in paths:
        schema.load(kind, path)


BAD_FRONT_MATTER = {
    "level as a list": (SAMPLE_SOURCE_PAGE.replace("level: 县", "level: [县]"), ["field 'level' must be text, found a list"]),
    "unknown field": (SAMPLE_SOURCE_PAGE.replace("kind: 讲话", "kind: 讲话\nkinds: 讲话"), ["unknown field(s) kinds"]),
    "invalid yaml": (SAMPLE_SOURCE_PAGE.replace("kind: 讲话", "kind: [讲话"), ["01-test.md:", "not valid YAML"]),
    "duplicate key": (SAMPLE_SOURCE_PAGE.replace("kind: 讲话", "kind: 讲话\nkind: 汇报"), ["key 'kind' appears twice"]),
    "bad source lines": (SAMPLE_SOURCE_PAGE.replace('source_lines: "1-4"', "source_lines: one"),
                         ["field 'source_lines'"]),
}


@pytest.mark.parametrize("case", BAD_FRONT_MATTER, ids=str)
def test_bad_front_matter_is_refused_with_the_field(tmp_path, case):
    page, fragments = BAD_FRONT_MATTER[case]
    path = tmp_path / "01-test.md"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(PluginError) as error:
        parse_document(path, "sources/01-test.md")
    for fragment in fragments:
        assert fragment in str(error.value), str(error.value)
    assert "no paragraph id" not in str(error.value)


def test_a_new_search_section_is_one_field():
    class Extended(schema.Lexicon):
        phrases: tuple[schema.Word, ...] = ()

    assert Extended.model_validate({"phrases": ["思想不够解放"]}).phrases == ("思想不够解放",)
    with pytest.raises(ValidationError):
        Extended.model_validate({"phrase": ["思想不够解放"]})


BAD_SEARCH_WORDS = {
    "dictionary word not in the texts": ({"dictionary": ["研究生"]}, "dictionary word '研究生' does not occur"),
    "expansion value not in the texts": ({"expansions": {"读书": ["研究生"]}}, "expansion '读书': '研究生' does not occur"),
    "synonyms group with no word of the texts": ({"synonyms": [["研究生", "博士生"]]}, "synonyms group 1"),
}


@pytest.mark.parametrize("case", BAD_SEARCH_WORDS, ids=str)
def test_search_words_keep_the_promise_of_their_file(tmp_path, case):
    from types import MappingProxyType, SimpleNamespace

    from handbook.context import check_search_words

    content, fragment = BAD_SEARCH_WORDS[case]
    paragraph = SimpleNamespace(text="挂职干部要加强学习，注重调查研究。")
    originals = MappingProxyType({"01-test": SimpleNamespace(paragraphs={"p1": paragraph})})
    ranking = yaml.safe_load((ROOT / "data" / "search.yml").read_text(encoding="utf-8"))["ranking"]
    check_search_words(tmp_path / "search.yml", schema.SearchData.model_validate({"dictionary": ["调查研究"], "ranking": ranking}),
                       originals)
    with pytest.raises(PluginError, match=fragment):
        check_search_words(tmp_path / "search.yml", schema.SearchData.model_validate({**content, "ranking": ranking}), originals)
