"""hooks/handbook/derived_words.py: which derived Chinese words still hold for the texts."""

from __future__ import annotations

from handbook import derived_words


def test_a_word_the_texts_now_use_goes_and_so_does_a_target_the_index_lacks():
    derived = {"年纪": ["年轻"], "双责任": ["责任"], "快递": ["物流", "邮政"], "缺失": ["缺乏"], "housing": ["accommodation"]}
    texts = ["最年轻", "一岗双责任制", "物流"]
    found = derived_words.current(derived, texts, set(texts) | {"年轻", "责任"})
    # 年纪 is no word of the texts; 双责任 stands inside 一岗双责任制; 缺失's one target is gone
    assert found.derived == {"年纪": ["年轻"], "快递": ["物流"], "housing": ["accommodation"]}
    assert found.used == ["双责任"] and found.targets_gone == ["缺乏", "邮政"]
    note = found.note()
    assert "1 derived words that the texts now use are left out (双责任)" in note
    assert "2 targets the index lacks are left out (缺乏、邮政)" in note
    assert "scripts/derive_search_vocabulary.py" in note


def test_data_that_holds_needs_no_note():
    found = derived_words.current({"年纪": ["年轻"]}, ["年轻"], {"年轻"})
    assert found.derived == {"年纪": ["年轻"]} and found.note() is None
