"""The handbook client (docs/assets/javascripts/client.js), in place of Material's bundle: no
page loads the bundle; the palette persists across pages; the header, the table of contents
and the back-to-top button follow the scroll; code blocks copy; tables scroll in their
wrapper; the search answers from the keyboard; the words found are marked on the page opened,
as text."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest

import bench_search

SOURCE = "/sources/01-city-speech/"


@pytest.fixture
def loaded(page):
    """Every URL the page requested."""
    page.requested = []
    page.on("request", lambda request: page.requested.append(request.url))
    return page


def test_no_page_loads_materials_bundle(loaded, server, context, site):
    scripts = site / "assets" / "javascripts"
    unused = [*scripts.glob("bundle.*"), *scripts.glob("workers/*"), *scripts.glob("lunr/**/*")]
    assert not unused, "Material's bundle, search worker or lunr published though no page loads them"
    for path in ("/", "/en" + SOURCE, "/duties/"):
        loaded.goto(server + path)
        assert loaded.locator("html.js:not(.no-js)").count() == 1
    assert not [url for url in loaded.requested if "/bundle." in url or "/workers/" in url]
    assert loaded.errors == [] and context.outside_requests == []


def test_palette_choice_persists_across_pages(page, server):
    page.goto(server + "/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("[data-md-component=palette] label:not([hidden])").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    stored = page.evaluate("__md_get('__palette')")
    assert stored["index"] == 1 and stored["color"]["scheme"] == "slate"
    page.goto(server + SOURCE)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert page.locator("[data-md-component=palette] label:not([hidden])").get_attribute("for") == "__palette_0"
    page.locator("[data-md-component=palette] label:not([hidden])").click()
    page.goto(server + "/en/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert page.errors == []


def test_a_heading_jumped_to_is_the_active_contents_entry(page, server):
    """A search result or a link to a section's heading (¶9 of the city speech) stops it at its
    scroll margin; the contents once marked the section before it as the one being read."""
    page.goto(server + "/sources/01-city-speech/#p9")
    toc = page.locator(".md-sidebar--secondary [data-md-component=toc]")
    page.wait_for_function("() => document.querySelector('.md-sidebar--secondary a.md-nav__link--active')")
    assert toc.locator("a.md-nav__link--active").get_attribute("href").endswith("#p9")
    page.locator(".md-sidebar--secondary a.md-nav__link[href$='#p13']").click()
    page.wait_for_function("() => document.querySelector('.md-sidebar--secondary a.md-nav__link--active[href$=\"#p13\"]')")
    assert page.errors == []


def test_header_contents_and_back_to_top_follow_the_scroll(page, server):
    page.goto(server + SOURCE)
    title = page.locator("[data-md-component=header-title]")
    top = page.locator(".md-top")
    toc = page.locator(".md-sidebar--secondary [data-md-component=toc]")
    assert "md-header__title--active" not in title.get_attribute("class")
    hidden = "() => document.querySelector('.md-top').hidden"  # Material's CSS fades it out
    assert page.evaluate(hidden)
    links = toc.locator("a.md-nav__link")
    target = links.nth(links.count() - 2)
    heading = target.get_attribute("href").split("#")[1]
    page.evaluate(f"document.getElementById('{heading}').scrollIntoView()")
    page.wait_for_function(f"() => document.querySelector('.md-sidebar--secondary a.md-nav__link--active[href$=\"#{heading}\"]')")
    assert "md-header__title--active" in title.get_attribute("class")
    assert toc.locator("a.md-nav__link--active").count() == 1
    assert toc.locator("a.md-nav__link--passed").count() >= links.count() - 2
    # toc.follow: the active link is scrolled into its sidebar's view
    wrap = page.locator(".md-sidebar--secondary .md-sidebar__scrollwrap")
    assert wrap.evaluate("(w, a) => { const r = w.getBoundingClientRect(), b = a.getBoundingClientRect();"
                         " return b.top >= r.top && b.bottom <= r.bottom; }", target.element_handle())
    assert float(wrap.evaluate("w => parseFloat(w.style.height)")) > 100  # the sidebar's height is set
    assert page.evaluate(hidden)  # scrolling down
    page.mouse.wheel(0, -300)
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    top.click()
    page.wait_for_function("() => window.scrollY === 0")
    assert page.errors == []


def test_a_code_block_copies_with_materials_dialog(page, server, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(server + "/en/writing/work-report/")
    block = page.locator(".md-content .highlight pre").first
    block.hover()
    button = block.locator("button.md-code__button[data-md-type=copy]")
    assert button.get_attribute("title") == "Copy to clipboard"
    button.click()
    assert page.locator(".md-dialog--active").inner_text() == "Copied to clipboard"
    assert page.evaluate("navigator.clipboard.readText()") == block.locator("code").inner_text().rstrip()
    assert page.errors == []


def test_two_code_blocks_in_one_section_copy_each_its_own(page, server, context):
    """Each block's id is a running number (two blocks under one element with an id once shared one)."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    url = server + "/en/writing/work-report/"

    def two_blocks(route):
        html = route.fetch().text()
        block = re.search(r"<pre>.*?</pre>", html, re.S).group(0)
        twin = block.replace("<code>", "<code>SECOND ", 1)
        route.fulfill(body=html.replace(block, f'<div id="steps">{block}{twin}</div>', 1),
                      content_type="text/html; charset=utf-8")

    page.route(url, two_blocks)
    page.goto(url)
    blocks = page.locator("#steps pre")
    assert blocks.count() == 2 and blocks.nth(0).get_attribute("id") != blocks.nth(1).get_attribute("id")
    blocks.nth(1).hover()
    blocks.nth(1).locator("button.md-code__button").click()
    assert page.evaluate("navigator.clipboard.readText()").startswith("SECOND ")
    assert page.errors == []


def test_the_palette_toggle_answers_enter_and_tints_the_browser(page, server):
    page.goto(server + "/")
    radio = page.locator("[data-md-component=palette] input:checked")
    radio.focus()
    page.keyboard.press("Enter")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.wait_for_function("() => document.querySelector('meta[name=color-scheme]')?.content === 'dark'")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert page.locator("meta[name=theme-color]").get_attribute("content") == header
    page.keyboard.press("Enter")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.wait_for_function("() => document.querySelector('meta[name=color-scheme]')?.content !== 'dark'")
    assert page.errors == []


def test_a_closed_search_leaves_the_address(page, server):
    page.goto(server + "/en/?q=county")
    assert page.locator("[data-md-toggle=search]").is_checked()
    assert page.locator(".md-search__input").input_value() == "county"
    page.keyboard.press("Escape")
    # the toggle's change event takes ?q= out: wait for it (an assert at once failed under load)
    page.wait_for_function("() => !new URL(location.href).searchParams.has('q')", timeout=5000)
    page.reload()
    assert page.locator("[data-md-toggle=search]").is_checked() is False


def test_search_from_the_keyboard(page, server, context):
    page.goto(server + "/en/guide/first-week/")
    page.keyboard.press("/")
    query = page.locator(".md-search__input")
    assert query.evaluate("el => el === document.activeElement")
    assert page.locator("#__search").is_checked()
    page.wait_for_function("() => !/initializ/i.test(document.querySelector('.md-search-result__meta').textContent)")
    assert page.locator(".md-search-result__meta").first.inner_text() == "Type to start searching"
    page.evaluate(bench_search.WATCH_RESULTS)
    links, _ = bench_search.run_query(page, "host unit")
    assert links
    assert page.locator(".md-search-result__meta").first.inner_text().endswith("matching documents")
    page.keyboard.press("ArrowDown")
    first = page.locator(".md-search-result__list a.md-search-result__link").first
    assert first.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowUp")
    assert query.evaluate("el => el === document.activeElement")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    page.keyboard.press("s")
    page.keyboard.press("Enter")  # the best result
    page.wait_for_url("**/en/**?h=*")
    assert not page.url.endswith("/en/guide/first-week/")
    assert page.locator("mark[data-md-highlight]").count() >= 1
    assert page.errors == [] and context.outside_requests == []


def test_next_and_previous_page_keys(page, server):
    page.goto(server + "/en/guide/first-week/")
    page.keyboard.press("n")
    page.wait_for_url("**/en/guide/first-months/")
    page.keyboard.press("p")
    page.wait_for_url("**/en/guide/first-week/")


def test_the_highlighted_words_stay_text(page, server):
    words = '<img src=x onerror="alert(1)"> 挂职'
    page.goto(server + SOURCE + "?h=" + quote(words))
    marks = page.locator("mark[data-md-highlight]")
    assert marks.count() >= 1 and set(marks.all_inner_texts()) == {"挂职"}
    assert page.locator(".md-content img[src=x]").count() == 0
    assert page.errors == []


def test_duty_filters_fit_a_phone(page, server):
    """Long English document titles once made the filter's select, and the page, wider than a phone."""
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/en/duties/", "/en/duties/cadre/", "/duties/cadre/"):
        page.goto(server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path


def test_an_english_word_is_marked_only_where_a_word_starts(page, server):
    page.goto(server + "/en/guide/?h=" + quote("part unit"))
    marked = {text.lower() for text in page.locator("mark[data-md-highlight]").all_inner_texts()}
    assert marked and marked <= {"part", "unit", "units", "part unit", "part units"}
    assert marks_inside_words(page) == 0, "a mark inside a word (the part of departments)"


def marks_inside_words(page) -> int:
    return page.evaluate("""() => [...document.querySelectorAll('mark[data-md-highlight]')]
        .filter(m => /[A-Za-z0-9]$/.test(m.previousSibling?.textContent || '')
                  || /^[A-Za-z0-9]/.test(m.nextSibling?.textContent || '')).length""")


def test_a_result_opens_its_page_with_the_texts_own_forms_marked(page, server):
    """cadres finds 'the cadre' (one stem): the result carries cadre in ?h=, and the page marks
    it; part marks neither Party nor particular there, as the result list does not."""
    page.goto(server + "/en/sources/05-city-experience-speech/?h=part")
    assert page.locator("article mark[data-md-highlight]").count() and marks_inside_words(page) == 0
    bench_search.open_search(page, server + "/en/")
    bench_search.run_query(page, "cadres")
    hrefs = page.locator(".md-search-result__list a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert any("cadre" in parse_qs(urlsplit(href).query).get("h", [""])[0].split() for href in hrefs), hrefs[:5]


@pytest.mark.parametrize("word", ["39", "quot", "amp"])
def test_a_highlighted_word_never_cuts_an_entity(page, server, word):
    """Words are found in the text, not in its HTML: 39 must not break the ' of library's."""
    page.goto(server + "/en/guide/?h=" + word)
    text = page.locator(".md-content").inner_text()
    assert "&#39;" not in text and "&quot;" not in text and "&amp;" not in text
    assert "library's documents" in text
