"""Measure the handbook at scale against plain Material built from the same Markdown.

Usage:
    python scripts/bench_scale.py --docs N [--runs 3] [--no-browser] [--profile FILE] [--keep DIR]

Copies the project into a temporary folder and adds N synthetic texts, each with its English
twin. Each text is written as a raw transcript and imported with scripts/import_transcript.py,
as a clerk would; the editor's fill-in (speaker, audience, short title) and the English twin
are then written as an editor would. Every text brings new words (place names, people's
names, programmes and terms made up from syllables), so the vocabulary grows with N as a real
library's does. Then it builds the handbook and plain Material (the same Markdown, without
the handbook's hooks, overrides, CSS and JavaScript) alternately, and prints one JSON line:

    build_s: median build time of each, and their ratio
    cpu_s: median processor time (user + system) of each build and their ratio, steadier than
        the wall time when other work shares the machine; build_runs_s: every run's wall time
    peak_rss_mib: the largest resident memory of each build (ru_maxrss of the child)
    source_page_bytes: HTML of one synthetic source page (zh), both builds
    page_bytes: HTML of the handbook's pages that list the whole library or registry (zh): the
        duty index, a party page, the glossary; each as the whole page and its <article> (the
        page without the nav, which grows with the library on every page)
    search_bytes: what search loads, per language (handbook) and the shared index (Material)
    site_bytes: size of each site folder
    split_index: the handbook's split search index per language: dictionary bytes, postings
        shards, section fragments, junction and pair shards (count, bytes, median and largest file)
    split_index_queries: per language, the bytes and files a public query loads beyond the
        dictionary, and how many answers differ from the in-memory index's (`count`, 0 expected)
    first_search: in headless Chromium, the home page opened and idle, then a query typed (cold
        cache, median of --runs): ms from navigation and from the last keystroke to the first
        result shown, the bytes of search files received before it, and all bytes received
        after the keystroke; both builds

With --profile FILE, one more handbook build runs under cProfile (stats saved in FILE) and
the top costs are printed to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import import_transcript  # noqa: E402
from bench_search import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

SEED = 20261129
COPIED = ("docs", "data", "hooks", "overrides", "scripts", "mkdocs.yml")
REFERENCE_SWITCH = "HANDBOOK_SEARCH_REFERENCE"  # hooks/search.py writes Material's passages when set
NAV_ANCHOR = "      - sources/index.md\n"  # the library section of the nav (the handbook generates the rest)

# Syllables for made-up names: Chinese characters with a pinyin each, so that a name and its
# English rendering stay paired.
SYLLABLES = [
    ("安", "an"), ("柏", "bai"), ("宝", "bao"), ("碧", "bi"), ("昌", "chang"), ("辰", "chen"),
    ("川", "chuan"), ("丹", "dan"), ("德", "de"), ("东", "dong"), ("枫", "feng"), ("福", "fu"),
    ("高", "gao"), ("广", "guang"), ("海", "hai"), ("禾", "he"), ("鸿", "hong"), ("华", "hua"),
    ("汇", "hui"), ("嘉", "jia"), ("江", "jiang"), ("金", "jin"), ("景", "jing"), ("峻", "jun"),
    ("康", "kang"), ("兰", "lan"), ("丽", "li"), ("林", "lin"), ("龙", "long"), ("茂", "mao"),
    ("明", "ming"), ("南", "nan"), ("宁", "ning"), ("鹏", "peng"), ("平", "ping"), ("琪", "qi"),
    ("青", "qing"), ("泉", "quan"), ("瑞", "rui"), ("森", "sen"), ("山", "shan"), ("盛", "sheng"),
    ("石", "shi"), ("顺", "shun"), ("松", "song"), ("泰", "tai"), ("桐", "tong"), ("万", "wan"),
    ("文", "wen"), ("溪", "xi"), ("祥", "xiang"), ("新", "xin"), ("兴", "xing"), ("秀", "xiu"),
    ("雅", "ya"), ("阳", "yang"), ("怡", "yi"), ("永", "yong"), ("玉", "yu"), ("源", "yuan"),
    ("悦", "yue"), ("泽", "ze"), ("正", "zheng"), ("志", "zhi"), ("中", "zhong"), ("卓", "zhuo"),
]
SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
            ("赵", "Zhao"), ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun")]
PLACE_KINDS = [("镇", "town"), ("乡", "township"), ("村", "village"), ("街道", "subdistrict"), ("园区", "park")]
TERM_KINDS = [("工程", "project"), ("行动", "campaign"), ("机制", "mechanism"), ("示范区", "pilot zone"),
              ("产业带", "industrial belt"), ("合作社", "cooperative"), ("服务站", "service station")]
LEVELS = [("全省", "省", "provincial"), ("全市", "市", "city"), ("全区", "区", "district"), ("全县", "县", "county")]
TOPICS = [("挂职干部工作推进会", "work meeting of seconded cadres"),
          ("乡村振兴对口帮扶座谈会", "forum on paired rural revitalisation support"),
          ("挂职干部培训班开班式", "opening of the training course for seconded cadres"),
          ("东西部协作工作会", "east-west cooperation meeting"),
          ("挂职干部欢送会", "farewell meeting for seconded cadres")]

SENTENCES_ZH = [
    "要把{term}作为{place}今年的重点工作，{person}同志牵头，挂职干部全程参与。",
    "{place}的{term}已经覆盖{place2}，下一步要总结经验、扩大范围。",
    "挂职干部要主动对接{term}，多到{place}走一走，听取群众意见。",
    "在{place}调研时，{person}同志提出建设{term}，得到了派出单位的支持。",
    "接收单位要为参与{term}的挂职干部提供必要的工作条件和生活保障。",
    "组织部门要把{term}的推进情况纳入挂职干部的考核内容。",
]
SENTENCES_EN = [
    "The {term} is this year's priority for {place}; comrade {person} leads it and the seconded cadres take part throughout.",
    "The {term} of {place} already reaches {place2}; the next step is to sum up the experience and widen its scope.",
    "Seconded cadres should take up the {term} and spend time in {place} listening to the people.",
    "On a visit to {place}, comrade {person} proposed the {term}, which the dispatching unit supported.",
    "The host unit should give the seconded cadres working on the {term} the conditions they need for work and daily life.",
    "The organisation department should include progress on the {term} in the seconded cadres' assessment.",
]


class Vocabulary:
    """Made-up names, each used by one text only (a few are shared, as real texts share some)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def _word(self, syllables: tuple[int, ...], prefix=("", ""), suffix=("", "")) -> tuple[str, str]:
        """A name not used before; longer ones once the short ones run out."""
        for attempt in range(10_000):
            count = self.rng.choice(syllables) + attempt // 200
            picked = [self.rng.choice(SYLLABLES) for _ in range(count)]
            zh = prefix[0] + "".join(p[0] for p in picked) + suffix[0]
            if zh not in self.used:
                self.used.add(zh)
                en = "".join(p[1] for p in picked).capitalize()
                return zh, " ".join(part for part in (prefix[1], en, suffix[1]) if part)
        raise RuntimeError("no new name found")

    def place(self) -> tuple[str, str]:
        return self._word((2, 3), suffix=self.rng.choice(PLACE_KINDS))

    def person(self) -> tuple[str, str]:
        return self._word((1, 2), prefix=self.rng.choice(SURNAMES))

    def term(self) -> tuple[str, str]:
        return self._word((2,), suffix=self.rng.choice(TERM_KINDS))


def seed_paragraphs(project: Path) -> list[tuple[str, str]]:
    """(zh, en) paragraph pairs of the library's translated texts, to mix with the made-up sentences."""
    pairs = []
    for zh_page in sorted((project / "docs" / "sources").glob("[0-9]*.md")):
        twin = zh_page.with_suffix(".en.md")
        if zh_page.name.endswith(".en.md") or "translation: reference" not in twin.read_text(encoding="utf-8"):
            continue  # a translation itself, or one still pending
        zh = paragraphs(zh_page.read_text(encoding="utf-8"))
        en = paragraphs(twin.read_text(encoding="utf-8"))
        pairs += [(zh[pid], en[pid]) for pid in zh if pid in en and len(zh[pid]) > 40]
    return pairs


PARAGRAPH = re.compile(r"^(.+)\n\{: #(p\d+) \}$", re.M)


def paragraphs(markdown: str) -> dict[str, str]:
    return {pid: text for text, pid in PARAGRAPH.findall(markdown)}


def synthetic_text(number: int, vocabulary: Vocabulary, seeds: list[tuple[str, str]], rng: random.Random):
    """One raw transcript (zh) and, per paragraph in order, its English text."""
    level_marker, _, level_en = LEVELS[number % len(LEVELS)]
    topic_zh, topic_en = TOPICS[number % len(TOPICS)]
    place_zh, place_en = vocabulary.place()
    title = f"在{level_marker}第{number}次{topic_zh}上的讲话"
    title_en = f"Speech at the {level_en} {topic_en} No. {number}"
    words = {"place": [vocabulary.place() for _ in range(4)], "person": [vocabulary.person() for _ in range(3)],
             "term": [vocabulary.term() for _ in range(5)]}
    blocks: list[tuple[str, str]] = [("同志们：", "Comrades,")]
    for point in range(1, 4):
        numeral = import_transcript.CHINESE_NUMERAL[point - 1]
        term_zh, term_en = rng.choice(words["term"])
        blocks.append((f"{numeral}要抓好{term_zh}，推动{place_zh}高质量发展。",
                       f"{('First', 'Second', 'Third')[point - 1]}, we must do the {term_en} well and drive"
                       f" high-quality development in {place_en}."))
        for _ in range(3):
            seed_zh, seed_en = rng.choice(seeds)
            made_zh, made_en = [], []
            for _ in range(2):
                choice = rng.randrange(len(SENTENCES_ZH))
                fill = {key: rng.choice(values) for key, values in words.items()}
                fill["place2"] = rng.choice(words["place"])
                made_zh.append(SENTENCES_ZH[choice].format(**{k: v[0] for k, v in fill.items()}))
                made_en.append(SENTENCES_EN[choice].format(**{k: v[1] for k, v in fill.items()}))
            blocks.append(("".join(made_zh) + seed_zh.replace("\\", ""), " ".join(made_en) + " " + seed_en))
    raw = "\n".join([title, ""] + [zh for zh, _ in blocks]) + "\n"
    return title, title_en, raw, [en for _, en in blocks]


def add_texts(project: Path, count: int) -> list[str]:
    """Import `count` synthetic texts into the copy with the importer's one command (metadata
    given as options; the library's nav and index are generated); return their pages."""
    rng = random.Random(SEED)
    vocabulary = Vocabulary(rng)
    seeds = seed_paragraphs(project)
    sources = project / "docs" / "sources"
    raw_dir = project / "synthetic"
    raw_dir.mkdir(parents=True)
    pages = []
    for number in range(1, count + 1):
        title, title_en, raw, english = synthetic_text(number, vocabulary, seeds, rng)
        raw_file = raw_dir / f"{number:04d}.txt"
        raw_file.write_text(raw, encoding="utf-8")
        _, level, _ = LEVELS[number % len(LEVELS)]
        options = ["--root", str(project), "--kind", "讲话", "--level", level, "--occasion", "工作会议",
                   "--speaker", "县委负责同志", "--audience", "挂职干部",
                   "--date", f"{2015 + number % 10}-{1 + number % 12:02d}"]
        before = set(sources.glob("*.md"))
        with contextlib.redirect_stdout(io.StringIO()):
            if import_transcript.main([str(raw_file), *options]) != 0:
                raise SystemExit(f"import of {raw_file} failed")
        (page,) = {p for p in set(sources.glob("*.md")) - before if not p.name.endswith(".en.md")}
        fill_in(page, number, title_en, english)
        pages.append(page.relative_to(project / "docs").as_posix())
    return pages


def fill_in(page: Path, number: int, title_en: str, english: list[str]) -> None:
    """The editor's fill-in of the imported page, and its English twin (same ids, in order)."""
    markdown = page.read_text(encoding="utf-8")
    fields = {"short_title": f"第{number}号讲话", "speaker": "县委负责同志", "audience": "挂职干部",
              "kind": "讲话"}
    for name, value in fields.items():
        markdown = re.sub(rf'^{name}: ""', f'{name}: "{value}"', markdown, count=1, flags=re.M)
    if re.search(r'^occasion: ""', markdown, re.M):
        markdown = re.sub(r'^occasion: ""', 'occasion: "工作会议"', markdown, count=1, flags=re.M)
    page.write_text(markdown, encoding="utf-8")

    front, body = markdown.split("\n---\n", 1)
    front = re.sub(r"^title: .*$", f'title: "{title_en}"', front, count=1, flags=re.M)
    front = re.sub(r"^short_title: .*$", f'short_title: "Speech No. {number}"', front, count=1, flags=re.M)
    front = re.sub(r"^speaker: .*$", 'speaker: "A county leader"', front, count=1, flags=re.M)
    front = re.sub(r"^audience: .*$", 'audience: "Seconded cadres"', front, count=1, flags=re.M)
    front = re.sub(r"^occasion: .*$", 'occasion: "Work meeting"', front, count=1, flags=re.M)
    texts = iter(english)
    out = []
    for line in body.split("\n"):
        if line.startswith("# "):
            out.append(f"# {title_en}")
        elif heading := re.match(r"^(#+) .* (\{ #p\d+ \})$", line):
            out.append(f"{heading.group(1)} {next(texts)} {heading.group(2)}")
        elif line and not line.startswith("{:"):
            out.append(next(texts))
        else:
            out.append(line)
    page.with_suffix(".en.md").write_text(front + "\ntranslation: reference\n---\n" + "\n".join(out), encoding="utf-8")


def plain_material(project: Path, pages: list[str]) -> Path:
    """A config for the same Markdown without the handbook's hooks, overrides, CSS and JS; its
    nav lists every text by hand, as a plain Material site's would."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    originals = sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs" / "sources").glob("[0-9]*.md")
                       if p.name.count(".") == 1 and p.relative_to(project / "docs").as_posix() not in pages)
    text = text.replace(NAV_ANCHOR, NAV_ANCHOR + "".join(f"      - {p}\n" for p in originals + pages))
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^  custom_dir: .*\n", "", text, flags=re.M)
    text = re.sub(r"^extra_(?:css|javascript):\n(?:  - .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^strict: true\n", "strict: false\n", text, flags=re.M)
    config = project / "mkdocs.plain.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build(project: Path, config: str, site: Path, profile: Path | None = None,
          reference: bool = False) -> tuple[float, float, float]:
    """Build in a child process; return (seconds, processor seconds, peak resident memory in MiB). With `reference`,
    the handbook also writes Material's passages (search/reference.<lang>.js), which the timed
    builds leave out, as a reader's build does."""
    shutil.rmtree(site, ignore_errors=True)
    env = {key: value for key, value in os.environ.items() if key != REFERENCE_SWITCH}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if reference:
        env[REFERENCE_SWITCH] = "1"
    command = [sys.executable]
    if profile:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += ["-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"build with {config} failed:\n{stderr.decode(errors='replace')[-3000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


# Pages that list the whole registry or library, measured at every size (zh, under the site).
LISTING_PAGES = {"duty_index": "duties/index.html", "party_page": "duties/cadre/index.html",
                 "glossary": "glossary/index.html"}
ARTICLE = re.compile(rb"<article\b.*?</article>", re.S)


def listing_page_bytes(site: Path) -> dict:
    """{page: {"html": bytes of the page, "article": bytes of its <article>}}, and how many duties
    the registry has (the duty pages grow with it, not with the library)."""
    result = {"duties": len(json.loads((site / "duties.json").read_text(encoding="utf-8")))}
    for name, path in LISTING_PAGES.items():
        html = (site / path).read_bytes()
        article = ARTICLE.search(html)
        result[name] = {"html": len(html), "article": len(article.group(0)) if article else len(html)}
    return result


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def search_bytes(site: Path, handbook: bool) -> dict:
    """What search loads. The handbook: per language, the worker and the language's files under
    search/ (a file named for a language, or the shared index if there is only one). Material:
    its worker and the one index both languages share."""
    search = site / "search"
    files = [p for p in search.rglob("*") if p.is_file()] if search.exists() else []
    if not handbook:
        return {"shared": sum(p.stat().st_size for p in files)}
    result = {}
    for lang in ("zh", "en"):
        worker = site / "assets" / "javascripts" / "search" / f"worker.{lang}.js"
        own = [p for p in files if re.search(rf"(^|[._/-]){lang}([._/-]|$)", p.relative_to(search).as_posix())]
        shared = [p for p in files if not re.search(r"(^|[._/-])(zh|en)([._/-]|$)", p.relative_to(search).as_posix())]
        result[lang] = (worker.stat().st_size if worker.exists() else 0) + sum(p.stat().st_size for p in own + shared)
    return result


# window.__hbFirst resolves with performance.now() when the first search result is shown.
FIRST_RESULT = """() => { window.__hbFirst = new Promise((resolve) => {
  const list = document.querySelector('.md-search-result__list');
  const seen = () => list.querySelector('li') && resolve(performance.now());
  new MutationObserver(seen).observe(list, {childList: true, subtree: true});
}); }"""
SEARCH_FILE = re.compile(r"/search/|worker|lunr|engine\.")


def watch_requests(page) -> tuple[list, list]:
    """The page's finished requests as (url, body bytes, typed), where typed is the value of
    the returned flag's first item at the time (set it once the query is typed)."""
    received, typed = [], [False]
    page.on("requestfinished", lambda request: received.append(
        (request.url, request.sizes()["responseBodySize"], typed[0])))
    return received, typed


def first_search(site: Path, query: str, runs: int = 3) -> dict:
    """A reader opens the home page, waits until it is idle, and types a query (cold cache each
    run; medians): ms from navigation and from the last keystroke to the first result shown,
    and the bytes of search files (worker, index, engine, shards) received before it."""
    from playwright.sync_api import sync_playwright

    load_ms, keystroke_ms, search_bytes_, after_bytes = [], [], [], []
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context()  # cold cache each time
            page = context.new_page()
            received, typed = watch_requests(page)
            page.goto(base_url + "/")
            page.wait_for_load_state("networkidle")
            page.evaluate(FIRST_RESULT)
            box = page.locator(".md-search__input")
            box.focus()
            # the clock starts before the text goes in: the handbook searches on its input event
            start = page.evaluate("performance.now()")
            typed[0] = True
            box.fill(query)
            box.press("End")  # fill() sends no key event, and Material's own search waits for one
            first = page.evaluate("() => window.__hbFirst")
            keystroke_ms.append(first - start)
            load_ms.append(first)
            search_bytes_.append(sum(size for url, size, _ in received if SEARCH_FILE.search(urlparse(url).path)))
            after_bytes.append(sum(size for _, size, after in received if after))
            context.close()
        browser.close()
    return {"from_load_ms": round(statistics.median(load_ms)), "from_keystroke_ms": round(statistics.median(keystroke_ms)),
            "search_bytes_before_result": statistics.median(search_bytes_),
            "bytes_after_keystroke": statistics.median(after_bytes)}


def split_index_files(site: Path) -> dict:
    """The handbook's split search index per language (hooks/handbook/search_index.py): the
    dictionary's bytes, and the count and sizes of the postings shards, section fragments,
    junction shards and pair shards."""
    result = {}
    for lang in ("zh", "en"):
        folder = site / "search" / lang
        if not folder.is_dir():
            continue
        sizes = {kind: sorted(p.stat().st_size for p in folder.glob(f"{kind}[0-9]*.js")) for kind in ("p", "f", "j", "w")}
        result[lang] = {"dictionary": sum(p.stat().st_size for p in folder.glob("dictionary.*.js"))}
        for kind, name in (("p", "shards"), ("f", "fragments"), ("j", "junctions"), ("w", "pairs")):
            values = sizes[kind]
            result[lang][name] = {"count": len(values), "bytes": sum(values),
                                  "median": values[len(values) // 2] if values else 0, "max": max(values, default=0)}
    return result


def split_index_queries(site: Path) -> dict:
    """Per language, over the public query set: the bytes and files each query loads beyond the
    dictionary (median and largest), and how many answers differ from the in-memory index's
    (tests/js/compare_index.cjs; none expected)."""
    result = {}
    for lang, queries in (("zh", "search_queries.json"), ("en", "search_queries_en.json")):
        run = subprocess.run(["node", str(ROOT / "tests" / "js" / "compare_index.cjs"), str(site), lang,
                              str(ROOT / "tests" / "data" / queries)], capture_output=True, text=True, timeout=1200)
        if run.returncode:
            raise SystemExit(f"compare_index.cjs failed:\n{run.stderr[-3000:]}")
        report = json.loads(run.stdout)
        result[lang] = {key: report[key] for key in ("bytes_per_query_median", "bytes_per_query_max",
                                                     "files_per_query_median", "dictionary_bytes", "count")}
    return result


def top_costs(profile: Path, limit: int = 25) -> str:
    out = io.StringIO()
    stats = pstats.Stats(str(profile), stream=out)
    stats.sort_stats("cumulative").print_stats(limit)
    hooks = io.StringIO()
    pstats.Stats(str(profile), stream=hooks).sort_stats("tottime").print_stats(r"hooks/", limit)
    return out.getvalue() + "\n-- the hooks' own functions, by own time --\n" + hooks.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, required=True,
                        help="how many synthetic texts to add (0: the real handbook as it is)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each, alternated (default 3)")
    parser.add_argument("--no-browser", action="store_true", help="skip the time to first search result")
    parser.add_argument("--profile", type=Path, help="also profile one handbook build; stats to this file")
    parser.add_argument("--keep", type=Path, help="keep the project copy and both sites in this folder")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as temp:
        work = args.keep or Path(temp)
        project = work / "project"
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        for name in COPIED:
            source = ROOT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
        start = time.perf_counter()
        pages = add_texts(project, args.docs)
        import_s = time.perf_counter() - start
        plain_config = plain_material(project, pages)
        sites = {"handbook": work / "site-handbook", "material": work / "site-material"}
        configs = {"handbook": "mkdocs.yml", "material": plain_config.name}
        times = {name: [] for name in sites}
        memory = {name: [] for name in sites}
        cpu = {name: [] for name in sites}
        for _ in range(args.runs):
            for name in sites:
                seconds, processor, mib = build(project, configs[name], sites[name])
                times[name].append(seconds)
                cpu[name].append(processor)
                memory[name].append(mib)
        median = {name: statistics.median(values) for name, values in times.items()}
        cpu_median = {name: statistics.median(values) for name, values in cpu.items()}
        # a synthetic text, or with --docs 0 (the real handbook alone) one of the library's own
        library = pages or sorted(p.relative_to(project / "docs").as_posix()
                                  for p in (project / "docs" / "sources").glob("[0-9]*.md") if p.name.count(".") == 1)
        sample = library[len(library) // 2].removesuffix(".md")
        page_bytes = {name: (site / sample / "index.html").stat().st_size for name, site in sites.items()}
        result = {
            "docs": args.docs,
            "pages_per_language": sum(1 for _ in (project / "docs").rglob("*.md") if not _.name.endswith(".en.md")),
            "import_s": round(import_s, 2),
            "runs": args.runs,
            "build_s": {**{name: round(value, 2) for name, value in median.items()},
                        "ratio": round(median["handbook"] / median["material"], 3)},
            "build_runs_s": {name: [round(value, 2) for value in values] for name, values in times.items()},
            "cpu_s": {**{name: round(value, 2) for name, value in cpu_median.items()},
                      "ratio": round(cpu_median["handbook"] / cpu_median["material"], 3)},
            "peak_rss_mib": {**{name: round(max(values), 1) for name, values in memory.items()},
                             "ratio": round(max(memory["handbook"]) / max(memory["material"]), 3)},
            "source_page": sample + "/",
            "source_page_bytes": page_bytes,
            "page_bytes": listing_page_bytes(sites["handbook"]),
            "search_bytes": {"handbook": search_bytes(sites["handbook"], True),
                             "material": search_bytes(sites["material"], False)},
            "site_bytes": {name: folder_bytes(site) for name, site in sites.items()},
            "split_index": split_index_files(sites["handbook"]),
        }
        # one more build that keeps Material's passages, which split_index_queries compares with
        build(project, configs["handbook"], work / "site-reference", reference=True)
        result["split_index_queries"] = split_index_queries(work / "site-reference")
        if not args.no_browser:
            query = "挂职干部" + Vocabulary(random.Random(SEED)).place()[0][:2]
            result["first_search"] = {name: first_search(site, query, runs=max(1, args.runs)) for name, site in sites.items()}
        if args.profile:
            build(project, "mkdocs.yml", work / "site-profiled", profile=args.profile.resolve())
            print(top_costs(args.profile.resolve()), file=sys.stderr)
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
