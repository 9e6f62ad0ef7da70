"""What only a browser shows: pages load, permalinks land, "copy citation" copies the right
text, nothing is requested from another host, and axe-core finds no serious violation."""

from __future__ import annotations

import pytest

SOURCE = "/sources/01-city-speech/"


def test_home_page_loads_with_navigation_and_search(page, server, context):
    page.goto(server + "/")
    assert page.title().startswith("首页")
    assert page.locator(".md-search__input").count() == 1
    assert page.locator("nav.md-nav--primary a", has_text="原文库").count() >= 1
    assert page.errors == []
    assert context.outside_requests == []




def test_the_footer_says_how_old_the_copy_is_in_the_pages_language(page, server):
    """The age words are data/ui's footer.age_* (today, one day, {days} days)."""
    for path, today, one_day, days_ago in (("/", "（今天）", "（1 天前）", "（{days} 天前）"),
                                           ("/en/", " (today)", " (1 day ago)", " ({days} days ago)")):
        page.goto(server + path)
        days = page.evaluate("""() => Math.floor((Date.now() - Date.parse(
            document.querySelector('.hb-build').dataset.buildDate + 'T00:00:00Z')) / 86400000)""")
        expected = today if days == 0 else one_day if days == 1 else days_ago.format(days=days)
        assert page.locator(".hb-build__age").text_content() == expected, path
        assert page.locator(".hb-build").get_attribute("data-age-days") == str(days)


def test_paragraph_permalink_lands_on_its_paragraph(page, server, context):
    page.goto(server + SOURCE + "#p14")
    paragraph = page.locator("#p14")
    assert paragraph.evaluate("el => el.matches(':target')")
    box = paragraph.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"] / 2, "the paragraph is scrolled to the top"
    page.locator("#p8 .hb-para-link").click()
    assert page.url.endswith(SOURCE + "#p8")
    assert page.locator("#p8").evaluate("el => el.matches(':target')")
    assert context.outside_requests == []


def test_copy_citation_gives_title_paragraph_and_url(page, server, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(server + SOURCE)
    page.locator("#p6 .hb-cite").click()
    page.wait_for_selector("#p6 .hb-cite[data-copied]")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"《在全市挂职干部座谈会上的讲话》第6段，《挂职干部工作手册》，{server}{SOURCE}#p6"
    page.goto(server + "/en" + SOURCE)
    page.locator("#p6 .hb-cite").click()
    page.wait_for_selector("#p6 .hb-cite[data-copied]")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("“") and copied.endswith(f"”, paragraph 6, Seconded Cadre Handbook, {server}/en{SOURCE}#p6")
    assert context.outside_requests == []


def test_copying_a_paragraph_copies_only_the_source_words(page, server):
    page.goto(server + SOURCE)
    selected = page.evaluate("""() => {
        const p = document.querySelector('#p2');
        const range = document.createRange(); range.selectNodeContents(p);
        const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);
        return selection.toString();
    }""")
    assert selected.strip().startswith("早就想开个会")
    assert selected.strip().endswith("相信的明天一定会更好。")
    assert "\u200b" not in selected


@pytest.mark.parametrize("path", ["/", SOURCE, "/en/", "/en" + SOURCE, "/duties/", "/en/duties/host-unit/", "/guide/",
                                  "/guide/first-week/", "/en/roles/host-unit/", "/glossary/", "/writing/work-report/"])
def test_no_serious_accessibility_violations(page, server, context, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server + path)
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert context.outside_requests == []


def filter_duties(page, **choices) -> tuple[int, str]:
    form = page.locator("form[data-hb-filter]")
    for name, value in choices.items():
        field = form.locator(f"[name={name}]")
        if name == "text":
            field.fill(value)
            field.dispatch_event("input")
        else:
            field.select_option(value)
    visible = page.locator(".hb-duty:visible").count()
    return visible, form.locator(".hb-filter__count").inner_text()


@pytest.mark.parametrize("where", ["http", "file"])
def test_duty_filter_by_party_theme_document_and_words(page, server, site, context, where):
    base = server + "/duties/" if where == "http" else (site / "duties" / "index.html").as_uri()
    page.goto(base)
    assert page.locator(".hb-duty").count() == 0, "the entries load when the reader uses the filter"
    page.locator("[data-hb-show-all]").click()
    page.locator("form[data-hb-ready]").wait_for()
    total = page.locator(".hb-duty").count()
    assert total >= 100 and filter_duties(page)[0] == total
    assert page.locator("[data-hb-show-all]").is_hidden()
    shown, count = filter_duties(page, party="host_unit")
    assert 0 < shown < total and count == f"显示 {shown} / {total} 条"
    assert page.locator(".hb-duty:visible[data-party=cadre]").count() == 0
    shown_theme, _ = filter_duties(page, theme="living")
    assert 0 < shown_theme < shown
    assert page.locator(".hb-duty-group:has([data-party=cadre])").is_hidden(), "a section with no matching entry is hidden"
    filter_duties(page, party="", theme="", source="03-county-speech", text="食宿")
    assert page.locator(".hb-duty:visible").count() == 0
    shown, _ = filter_duties(page, source="", text="食宿")
    assert shown >= 1 and all("食宿" in t for t in page.locator(".hb-duty:visible").all_inner_texts())
    # The online build's search worker cannot load from file:// (the offline bundle's can).
    errors = [e for e in page.errors if not (where == "file" and "search" in e)]
    assert errors == [] and context.outside_requests == []
