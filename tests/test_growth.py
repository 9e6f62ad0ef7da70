"""The library grows without anyone touching code, nav or tests: a copy of the project takes a
new GBK speech through the one command, builds strictly, and the content tests (fidelity, twin
parity, English-only pages, links, the importer's reproduction) pass over the grown library,
unchanged."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from conftest import ROOT
from textutil import soup_of

SPEECH = """在全区挂职干部年中推进会上的讲话

同志们：
今天召开年中推进会，听取挂职干部上半年工作情况，部署下半年任务。
一、上半年工作回顾
半年来，各位挂职干部主动融入，在产业发展、乡村振兴等方面办了一批实事。
接收单位为大家提供了必要的工作条件，派出单位也经常来看望。
二、下半年重点任务
一要聚焦主责主业。每人至少牵头办好一件实事。
二要加强调查研究。
三、有关要求
请各接收单位每季度向区委组织部报送一次挂职干部的工作情况。
"""
# The content checks over every page and document (links are checked by the strict build itself).
CONTENT_TESTS = ["tests/test_fidelity.py", "tests/test_translations.py", "tests/test_english.py", "tests/test_importer.py"]
SELECTED = "english_pages_are_english or same_ids or twin or fidelity or every_character or raw_file or cover or translation or reproduces"


def test_a_new_gbk_speech_goes_through_one_command_and_every_content_test(tmp_path):
    project = tmp_path / "handbook"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", "site", "dist", ".venv", "__pycache__", ".pytest_cache", "node_modules"))
    received = tmp_path / "年中推进会讲话.txt"
    received.write_bytes(SPEECH.encode("gbk"))

    result = subprocess.run(
        [sys.executable, "scripts/import_transcript.py", str(received), "--kind", "讲话", "--level", "区",
         "--occasion", "全区挂职干部年中推进会", "--speaker", "区委组织部负责同志", "--audience", "在本区挂职的干部",
         "--date", "2025-07"],
        cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    slug = re.search(r"新增 docs/sources/(\d+-district-speech)\.md", result.stdout).group(1)
    assert "元数据尚空" not in result.stdout and f"{slug}.en.md" in result.stdout

    basetemp = tmp_path / "pytest"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--basetemp={basetemp}",
         "-k", SELECTED, *CONTENT_TESTS],
        cwd=project, capture_output=True, text=True, env=env)
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout and " failed" not in tests.stdout

    site = basetemp / "site0" / "site"  # the strict build of the copy's session fixture
    english_title = f"District-level speech, 2025-07 (document {slug.split('-')[0]}, translation pending)"
    for title, prefix in (("在全区挂职干部年中推进会上的讲话", ""), (english_title, "en/")):
        nav = [a.get_text(strip=True) for a in soup_of(site / prefix / "index.html").select("nav.md-nav--primary a")]
        assert title in nav, prefix
        index = soup_of(site / prefix / "sources" / "index.html").select_one("article").get_text()
        assert title in index and "2025-07" in index, prefix
    english = soup_of(site / "en" / "sources" / slug / "index.html").select_one("article")
    assert "Translation pending" in english.get_text()
    assert english.select_one("#p5")["lang"] == "zh"
    by_source = soup_of(site / "duties" / "by-source" / "index.html").find(id=slug)
    assert by_source is not None and "尚未登记条目" in by_source.find_next("p").get_text()
