"""The search engine's stages (docs/assets/javascripts/search/) through their node unit tests
(tests/js/), so that the suite's one command runs them."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import ROOT


def test_engine_unit_tests_pass():
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.fail("node is missing: install Debian's nodejs (.ci/run does).")
    tests = sorted(str(path) for path in (ROOT / "tests" / "js").glob("*.test.cjs"))
    assert tests
    result = subprocess.run([node, "--test", *tests], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
