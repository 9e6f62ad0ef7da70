"""duties.csv is safe to open in a spreadsheet: no cell starts a formula (OWASP's advice)."""

from __future__ import annotations

import csv
import io

import pytest

from handbook import exports

STARTS = ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("value", STARTS, ids=repr)
def test_a_cell_that_would_be_a_formula_is_text(value):
    row = {field: "x" for field in exports.FIELDS} | {"summary_en": value}
    cells = next(csv.DictReader(io.StringIO(exports.to_csv([row]).decode("utf-8-sig"), newline="")))
    assert cells["summary_en"] == "'" + value
    assert cells["id"] == "x"


def test_json_keeps_the_words_as_they_are():
    row = {field: "=1+2" for field in exports.FIELDS}
    assert '"summary_zh": "=1+2"' in exports.to_json([row])
