"""The split search index (hooks/handbook/search_index.py, docs/assets/javascripts/search/
shards.js) against the in-memory index that rank.js builds in the browser from the same
passages: the same tokens, numbers and answers, on the built handbook in both languages."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT
from handbook import search_index

ENGINE = ROOT / "docs" / "assets" / "javascripts" / "search"
QUERY_SETS = sorted((ROOT / "tests" / "data").glob("search_queries*.json"))


def node() -> str:
    found = shutil.which("node") or shutil.which("nodejs")
    if found is None:
        pytest.fail("node is missing: install Debian's nodejs (.ci/run does).")
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_split_index_holds_the_same_numbers_and_gives_the_same_answers(site, lang):
    queries = [path for path in QUERY_SETS if path.stem.endswith("_en") == (lang == "en")]
    result = subprocess.run([node(), str(ROOT / "tests" / "js" / "compare_index.cjs"), str(site), lang, *map(str, queries)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["differences"] == [], report
    assert report["terms"] > 1000 and report["queries"] == sum(len(json.loads(p.read_text("utf-8"))) for p in queries)
    assert report["answered"] > 0.9 * report["queries"], report
    # a query loads a part of the index, not all of it
    assert report["files_per_query_median"] < report["files"], report


TRICKY = ["Publicizing ORGANIZATION analyzed", "cadres' secondment 12315 G20峰会", "naïve café co-operation",
          "a\u00a0b\ufeffc\u200bd\x1ce", "<p>派出\u200b单位</p><li>Host units</li>", "relatives ies's buses running",
          "x_y __init__ 3rd 1990s"]


@pytest.mark.parametrize("snowball", [False, True])
def test_python_tokens_equal_segment_js(snowball):
    loads = ["snowball-en.js"] if snowball else []
    script = ("".join(f"require({json.dumps(str(ENGINE / name))});" for name in loads)
              + f"const seg = require({json.dumps(str(ENGINE / 'segment.js'))});"
              + "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              + "console.log(JSON.stringify(input.map((t) => seg.tokenize(t))));")
    result = subprocess.run([node(), "-e", script], input=json.dumps(TRICKY), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    tokenizer = search_index.Tokenizer(snowball=snowball)
    assert [tokenizer.tokenize(text) for text in TRICKY] == json.loads(result.stdout)


def test_numbers_survive_their_code():
    numbers = [0, 1, 31, 32, 33, 1023, 1024, 2**31 + 5, 7]
    assert search_index.decode(search_index.encode(numbers)) == numbers


def test_a_section_whose_passages_differ_once_cleaned_carries_them():
    ranking = {"texts_folder": "sources/", "passage_sentences": 3, "title_weight": 2, "page_title_weight": 0.5,
               "page_boosts": {"guide/": 0.3}}
    docs = [{"location": "sources/a/", "title": "讲话", "text": ""},
            {"location": "sources/a/#p1", "title": "一", "text": "<p>\u200b</p><p>接收\u200b单位。</p>"},
            {"location": "guide/b/", "title": "指南", "text": "<p>食宿。</p>", "boost": 2}]
    index = search_index.build(docs, {"prefix": "", "otherPrefixes": ["en/"]}, ranking, search_index.Tokenizer(False))
    assert index.sections[1]["s"] == ["", "接收单位。"] and "s" not in index.sections[2]
    assert index.boosts == [1, 1, 2] and index.sections[1]["p"] == "讲话"
    weights = {number: weight for weight, number in index.weights.items()}
    postings = {term: [(n, weights[w]) for n, w in zip(p[::2], p[1::2])] for term, p in index.postings.items()}
    assert postings["单位"] == [(2, 1)] and postings["一"] == [(1, 2), (2, 2)] and postings["讲话"] == [(0, 2), (1, 0.5), (2, 0.5)]
    assert index.in_texts == {"接收", "单位"}


def test_a_page_of_the_offline_bundle_takes_its_online_boost():
    """The offline bundle names about/ about.html: its search once ranked the editorial notes at
    full weight (挂职干部家属怎么安心 listed about.html#sources, online it did not)."""
    ranking = {"page_boosts": {"about/": 0.3, "guide/": 0.5, "glossary": 0.5}}
    for online, offline in (("about/#sources", "about.html#sources"), ("about/", "about.html"),
                            ("guide/", "guide/index.html"), ("guide/b/#x", "guide/b.html#x"),
                            ("glossary/#a", "glossary.html#a"), ("sources/a/#p1", "sources/a.html#p1")):
        assert search_index.directory_form(offline) == online
        assert search_index.boost({"location": offline}, "", ranking) == search_index.boost({"location": online}, "", ranking)
    assert search_index.boost({"location": "en/about.html#x"}, "en/", ranking) == 0.3
    assert search_index.boost({"location": "about-us.html"}, "", ranking) == 1


def test_english_term_pairs_are_those_rank_js_finds_adjacent():
    tokens = ["cadr", "of", "the", "host", "unit", "单位", "x"]
    assert search_index.term_pairs(tokens) == {
        "cadr of", "cadr the", "of the", "of host", "the host", "the unit", "host unit", "host 单位",
        "unit 单位", "unit x"}


def test_python_and_javascript_put_two_characters_or_terms_in_the_same_bucket():
    pairs = ["好挂", "th", "部泉", search_index.utf16("𠀀江")[:2], search_index.utf16("江𠀀")[1:],
             "cadr unit", "host 单位", "2023 secondment"]
    script = (f"const {{ bucketOf }} = require({json.dumps(str(ENGINE / 'shards.js'))});"
              "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(input.map((p) => bucketOf(p, 131072))));")
    data = json.dumps(pairs, ensure_ascii=True)
    result = subprocess.run([node(), "-e", script], input=data, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert [search_index.bucket(pair, 131072) for pair in pairs] == json.loads(result.stdout)


def test_an_item_after_a_citation_left_out_of_search_does_not_start_on_its_colon(site):
    ranking = {"texts_folder": "sources/", "passage_sentences": 3, "title_weight": 2, "page_title_weight": 0.5,
               "page_boosts": {}}
    docs = [{"location": "guide/b/#read-more", "title": "延伸阅读", "text": "<ul> <li>：找准位置</li> <li>模板：参考</li> </ul>"}]
    index = search_index.build(docs, {"prefix": "", "otherPrefixes": ["en/"]}, ranking, search_index.Tokenizer(False))
    assert index.sections[0]["x"] == "<ul> <li>找准位置</li> <li>模板：参考</li> </ul>"
    # the built handbook's guide pages cite sources in their further reading, in both languages
    fragments = [path.read_text("utf-8") for path in (site / "search").glob("*/f[0-9]*.js")]
    assert fragments and not [text for text in fragments if "<li>：" in text or "<li>: " in text]
    assert any("<li>找准位置，尽快进入角色</li>" in text for text in fragments)


def test_a_source_page_context_names_the_speakers_office_and_level():
    names = {"level": {"区": "District"}}
    assert search_index.role_of("Seconded cadre (serving as deputy district head)") == "serving as deputy district head"
    assert search_index.role_of("挂职干部（挂任副区长）") == "挂任副区长"
    assert search_index.role_of("Leading official of the organisation department") == "Leading official of the organisation department"
    meta = {"speaker": "Principal leader of the county Party committee (county Party secretary)", "level": "区", "kind": ""}
    assert search_index.page_context(meta, ["speaker", "level", "kind"], names) == "county Party secretary District"


def test_each_section_carries_its_page_context_into_the_dictionary():
    ranking = {"texts_folder": "sources/", "passage_sentences": 3, "title_weight": 2, "page_title_weight": 0.5,
               "page_boosts": {}, "page_context": {"fields": ["speaker"], "weight": 1}}
    docs = [{"location": "en/sources/a/", "title": "Report", "text": "", "context": "deputy district head"},
            {"location": "en/sources/a/#p1", "title": "One", "text": "<p>He needs to improve.</p>"},
            {"location": "en/guide/b/", "title": "Guide", "text": "<p>Improve.</p>"}]
    prefixes = {"prefix": "en/", "otherPrefixes": []}
    tokenizer = search_index.Tokenizer(True)
    index = search_index.build(docs, prefixes, ranking, tokenizer)
    assert index.contexts == {"deputi district head": 0} and index.section_contexts == [1, 1, 0]
    dictionary = next(part for part in search_index.split(index, "en") if part.name.startswith("dictionary."))
    data = json.loads(dictionary.content.split(",", 1)[1].rsplit(");", 1)[0])
    assert data["contexts"] == ["deputi district head"] and search_index.decode(data["sectionContexts"]) == [1, 1, 0]
    # without the setting, no page has a context
    ranking.pop("page_context")
    assert search_index.build(docs, prefixes, ranking, tokenizer).contexts == {}


def test_the_built_pages_contexts_hold_the_speakers_office_not_the_rest_of_the_description(site):
    """dev3_en: "leader" of the city secretary's description ("Principal leader of the city Party
    committee") outranked the passage that answers "treated the same as the local leaders"."""
    for lang, office, rest in (("en", {"deputi", "district", "head"}, {"princip", "leader"}),
                               ("zh", {"副区长"}, {"主要", "挂职干部"})):
        dictionary = next((site / "search" / lang).glob("dictionary.*.js")).read_text("utf-8")
        data = json.loads(dictionary.split(",", 1)[1].rsplit(");", 1)[0])
        contexts = [set(terms.split(" ")) for terms in data["contexts"]]
        assert any(office <= terms for terms in contexts), contexts
        assert not any(rest & terms for terms in contexts), contexts
