"""Readers' ticks are never lost silently (in Chromium): a full or broken storage shows a
message and the page keeps the ticks until they are exported; a damaged store does not break
the boxes and Reset repairs it; import takes only this page's items and true/false values, says
what it ignored, and cannot touch Object.prototype."""

from __future__ import annotations

import json

import pytest

PAGE = "/guide/before-arrival/"
KEY = "guide/before-arrival"

FULL_STORAGE = """Storage.prototype.setItem = function () {
  throw new DOMException("quota", "QuotaExceededError"); };"""
BROKEN_STORAGE = """Object.defineProperty(window, "localStorage", {get() { throw new DOMException("denied", "SecurityError"); }});"""


def tick(page, item_id):
    page.locator(f"li#{item_id} label.task-list-control").evaluate("label => label.click()")


def item_ids(page) -> list[str]:
    return page.locator("li.task-list-item").evaluate_all("items => items.map(i => i.id)")


def message(page) -> str:
    return page.locator(".hb-checklist-bar__message").inner_text()


def export(page, tmp_path) -> dict:
    with page.expect_download() as download:
        page.locator("[data-action=export]").click()
    target = tmp_path / "export.json"
    download.value.save_as(target)
    return json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("storage", [FULL_STORAGE, BROKEN_STORAGE], ids=["full", "broken"])
def test_unsaved_ticks_say_so_and_stay_until_exported(page, server, tmp_path, storage):
    page.add_init_script(storage)
    page.goto(server + PAGE)
    # Material's own scripts fail on a storage that throws (at load); the handbook's add no error.
    page.wait_for_load_state("networkidle")
    material_errors = list(page.errors)
    ids = item_ids(page)
    tick(page, ids[0])
    tick(page, ids[1])
    assert page.locator(f"li#{ids[0]} input").is_checked() and page.locator(f"li#{ids[1]} input").is_checked()
    assert page.locator(".hb-checklist-bar__progress").inner_text().startswith("已完成 2 /")
    assert "没能保存" in message(page) and page.locator(".hb-checklist-bar__message").is_visible()
    assert export(page, tmp_path)["pages"][KEY] == {ids[0]: True, ids[1]: True}
    assert page.errors == material_errors


@pytest.mark.parametrize("stray", ["not json", "[1, 2]", '{"guide/before-arrival": "x", "a": {"b": 7}}'])
def test_a_damaged_store_keeps_boxes_working_and_reset_repairs_it(page, server, stray):
    page.goto(server + PAGE)
    page.evaluate("value => localStorage.setItem('hb-checklists', value)", stray)
    page.reload()
    assert "损坏" in message(page)
    ids = item_ids(page)
    tick(page, ids[0])
    assert page.locator(f"li#{ids[0]} input").is_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-action=reset]").click()
    stored = json.loads(page.evaluate("localStorage.getItem('hb-checklists')"))
    assert isinstance(stored, dict) and KEY not in stored
    assert all(isinstance(ticks, dict) and all(v is True for v in ticks.values()) for ticks in stored.values())
    page.reload()
    assert message(page) == "" and page.locator("li.task-list-item input:checked").count() == 0
    tick(page, ids[1])
    page.reload()
    assert page.locator(f"li#{ids[1]} input").is_checked()
    assert page.errors == []


def import_file(page, tmp_path, data) -> str:
    path = tmp_path / "import.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    page.locator(".hb-checklist-bar__message").evaluate("m => m.textContent = ''")
    page.locator("input[data-action=import]").set_input_files(str(path))
    page.wait_for_function("() => document.querySelector('.hb-checklist-bar__message').textContent !== ''")
    return message(page)


def test_import_takes_known_items_and_booleans_and_says_what_it_ignored(page, server, tmp_path):
    page.goto(server + PAGE)
    ids = item_ids(page)
    tick(page, ids[2])
    said = import_file(page, tmp_path, {"format": "hb-checklists", "pages": {
        KEY: {ids[0]: True, ids[1]: "yes", ids[2]: False, "no-such-item": True},
        "guide/first-week": {"some-item": True},
    }})
    checked = page.locator("li.task-list-item input:checked").evaluate_all("boxes => boxes.map(b => b.closest('li').id)")
    assert checked == [ids[0]]
    assert "已导入 3 项" in said and "忽略了 2 项" in said and "本页没有的条目 (1)" in said and "true/false" in said
    stored = json.loads(page.evaluate("localStorage.getItem('hb-checklists')"))
    assert stored[KEY] == {ids[0]: True} and stored["guide/first-week"] == {"some-item": True}


@pytest.mark.parametrize("pages", [
    '{"__proto__": {"polluted": true}}',
    '{"guide/before-arrival": {"__proto__": true, "constructor": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
])
def test_import_never_touches_prototypes(page, server, tmp_path, pages):
    page.goto(server + PAGE)
    said = import_file(page, tmp_path, '{"format": "hb-checklists", "pages": ' + pages + "}")
    assert "忽略" in said
    assert page.evaluate("() => ({}).polluted === undefined && Object.prototype.polluted === undefined")
    assert page.locator("li.task-list-item input:checked").count() == 0
    tick(page, item_ids(page)[0])
    assert page.locator("li.task-list-item input:checked").count() == 1
    assert page.errors == []


@pytest.mark.parametrize("data", [
    {"format": "hb-checklists", "pages": [["guide/before-arrival", {"a": True}]]},
    {"format": "hb-checklists", "pages": None},
    {"format": "other", "pages": {}},
    "[]",
])
def test_import_refuses_what_is_not_an_export(page, server, tmp_path, data):
    page.goto(server + PAGE)
    assert "不是本手册导出的进度" in import_file(page, tmp_path, data)
    assert page.locator("li.task-list-item input:checked").count() == 0
