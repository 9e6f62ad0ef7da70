"""The library grows without anyone touching code, nav or tests: a copy of the project takes a
new GBK speech and a new work report through the one command, an editor registers the report's
duties, and every test of the library's content passes over the grown library, unchanged: all of
tests/ but the browser, the fixture sites, the print and offline editions and the derived Chinese
search words (the zh lane reworks that test: it fails until the vocabulary is derived again)."""

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
二要加强调查研究。坚持四不两直，多到基层一线去。
三、有关要求
请各接收单位每季度向区委组织部报送一次挂职干部的工作情况。
"""
REPORT = """挂职干部年度述职报告

按照组织安排，我到县里挂职一年，现将工作情况汇报如下。
一、主要工作
一是深入调研。采取四不两直方式走访了全部乡镇。
二是推动项目落地。协调引进项目两个。
二、下步打算
我将继续履行一岗双责，扎实做好分管工作。
"""
# What an editor registers for the report (an account: practices, and the author's own pledge).
REPORT_DUTIES = """\
- id: growth-report-01
  party: cadre
  theme: learning
  force: practice
  paragraph: p4
  quote: 采取四不两直方式走访了全部乡镇
  summary_zh: 以四不两直方式走访全部乡镇
  summary_en: Visited every township unannounced, in the four-nots-two-directs way
- id: growth-report-02
  party: cadre
  theme: role
  force: commitment
  paragraph: p8
  quote: 我将继续履行一岗双责
  summary_zh: 继续履行一岗双责
  summary_en: Go on fulfilling the dual responsibility of the post
"""
# Not the browser, not fixture sites (their own pages), not the print and offline editions (half
# a minute to build); tests/conftest.py marks them.
SELECTION = ["tests", "--ignore=tests/test_growth.py", "--ignore=tests/test_bench_scale.py",
             "-m", "not browser and not fixture_site and not print_edition"]


def import_text(project, received, *options) -> str:
    result = subprocess.run([sys.executable, "scripts/import_transcript.py", str(received), *options],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "元数据尚空" not in result.stdout
    return re.search(r"新增 docs/sources/([\w-]+)\.md", result.stdout).group(1)


def test_a_new_speech_and_report_go_through_one_command_and_every_content_test(tmp_path):
    project = tmp_path / "handbook"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", "site", "dist", ".venv", "__pycache__", ".pytest_cache", "node_modules"))
    speech, report = tmp_path / "年中推进会讲话.txt", tmp_path / "述职报告.txt"
    speech.write_bytes(SPEECH.encode("gbk"))
    report.write_bytes(REPORT.encode("utf-8"))
    slug = import_text(project, speech, "--kind", "讲话", "--level", "区", "--occasion", "全区挂职干部年中推进会",
                       "--speaker", "区委组织部负责同志", "--audience", "在本区挂职的干部", "--date", "2025-07")
    report_slug = import_text(project, report, "--level", "县", "--occasion", "挂职一年期满", "--speaker", "挂职干部（挂任副县长）",
                              "--audience", "派出单位", "--date", "2025-08")
    assert slug.endswith("-district-speech") and report_slug.endswith("-county-work-report")
    (project / "data" / "duties" / f"{report_slug}.yml").write_text(REPORT_DUTIES, encoding="utf-8")

    basetemp = tmp_path / "pytest"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    tests = subprocess.run([sys.executable, "-m", "pytest", "-v", "-rs", "-p", "no:cacheprovider",
                            f"--basetemp={basetemp}", *SELECTION], cwd=project, capture_output=True, text=True, env=env)
    failed = [line for line in tests.stdout.splitlines() if " FAILED" in line or " ERROR" in line]
    assert tests.returncode == 0 and not failed, "\n".join(failed) or tests.stdout[-3000:]
    # the tests that take each text found the new ones, and the account is checked as an account
    passed = set(re.findall(r"^(\S+) PASSED", tests.stdout, re.MULTILINE))
    for new in (slug, report_slug):
        assert f"tests/test_fidelity.py::test_every_character_of_the_source_stands_in_the_built_page[{new}]" in passed
        assert f"tests/test_english.py::test_english_pages_are_english[sources/{new}.md]" in passed
    assert f"tests/test_content.py::test_practices_of_other_parties_read_as_accounts_not_orders[{report_slug}]" in passed
    assert {"tests/test_content.py::test_accounts_bind_only_where_the_author_pledges",
            "tests/test_guide_site.py::test_glossary_finds_terms_where_they_occur",
            "tests/test_search.py::test_the_index_keeps_the_handbooks_terms_whole"} <= passed

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
    # the new texts joined the glossary's lists, and the report's duties their party page
    glossary = soup_of(site / "glossary" / "index.html")
    listed = [a["href"] for a in glossary.select_one("h3#four-nots-two-directs").find_next(class_="hb-term-occurrences").select("a")]
    assert f"../sources/{slug}/#p10" in listed and f"../sources/{report_slug}/#p4" in listed
    assert soup_of(site / "duties" / "cadre" / "index.html").find(id="growth-report-02") is not None
