#!/usr/bin/env python3
"""Benchmark the archive at scale, against stock Pelican and Hugo, in one run.

    python bench/harness.py [--sizes 1000,5000] [--seed 1] [--work bench/work] [--large 20000]

For each size N, on N generated raw dumps (`generate_archive.py`):

1. ingest throughput: 1 worker and all cores on the same sample (up to --ingest-sample files,
   alternated twice, the faster run of each counts), then all cores on all N files, twice,
   the faster counts (the second run's posts feed every build below);
2. our site, cold full build (empty output and cache), then a no-change rebuild, twice, then a
   rebuild after adding 10 raw files dated after the whole archive (a day of news), twice
   (the next day's ten for the second), the faster of each pair counting, then one after 10
   more dated anywhere in the ten years (a back-fill); each rebuild ingests the 10 files and
   renders incrementally;
3. the same kind of rebuilds in one long-lived process, as `pelican --autoreload` runs them
   (`resident_build.py`: first build of the process, no change, +10 today, +10 back-filled);
4. stock Pelican on the same posts (plugin off, countries/organizations as Tags), and what it
   costs to read every post before writing anything, in a new process and in a long-lived one
   (`pelican_floor.py`): with the renders a +10 rebuild needs, the least any Pelican rebuild
   can take;
5. Hugo on the same posts (three taxonomies, `bench/hugo` layouts), twice: the faster counts.

Every build runs with the sample site's settings, search on (as a user runs it); the search
index update of each build is reported on a line of its own (its seconds, and the article
pages it re-indexed). `--large N` adds one bigger archive measured on what shows growth only:
ingest, cold build, no-change rebuild, +10 today, peak memory, and the +10 rebuild's time
against the largest of `--sizes`.

Every step is a child process, timed by wall clock; peak memory is the largest summed RSS of
the child's process tree (psutil, sampled every 20 ms). Ratios are computed pair by pair in the
same run. The plugin and theme are copied first so edits made during the run cannot skew it.
Prints a Markdown table and writes JSON to bench/out/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PY = sys.executable
DELETE_SETTLE_S = 60  # seconds to wait after removing old work folders (see main())
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "plugins"))

from build_phases import build_args, incremental_stats, search_stats  # noqa: E402
from generate_archive import AFTER_ARCHIVE, generate  # noqa: E402


@dataclass
class Step:
    """One measured child process."""

    name: str
    seconds: float
    peak_mb: float
    returncode: int
    tail: str = ""
    extra: dict = field(default_factory=dict)


class TreeRss:
    """Resident memory of a process and its descendants. Listing the descendants scans every
    process of the machine (about 1.6 ms of CPU here), so the list is refreshed only every
    `REFRESH` samples; reading each one's memory is cheap. Sampled every 20 ms, the full scan
    would take ~8 % of a core from the two-core runs it measures."""

    REFRESH = 10

    def __init__(self, proc: psutil.Process) -> None:
        self.proc, self.procs, self.samples = proc, [proc], 0

    def __call__(self) -> int:
        if self.samples % self.REFRESH == 0:
            try:
                self.procs = [self.proc, *self.proc.children(recursive=True)]
            except psutil.Error:
                self.procs = [self.proc]
        self.samples += 1
        total = 0
        for p in self.procs:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total


def run(name: str, cmd: list[str], cwd: Path = ROOT, env: dict | None = None) -> Step:
    """Run cmd, timing it and sampling the peak RSS of its process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    tree_rss = TreeRss(psutil.Process(proc.pid))
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss())
            done.wait(0.02)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    t.join()
    step = Step(name, seconds, peak[0] / 2**20, proc.returncode, out[-3000:])
    status = "ok" if proc.returncode == 0 else f"FAILED ({proc.returncode})"
    print(f"  {name}: {seconds:.2f} s, {step.peak_mb:.0f} MB, {status}", flush=True)
    if proc.returncode != 0:
        print(out[-3000:], file=sys.stderr)
    return step


# ---------------------------------------------------------------- conversions


def _read_post(path: Path) -> tuple[dict[str, str], str]:
    from news_archive.posts import read_header

    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    return read_header(path), body


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def to_stock(posts: Path, out: Path) -> int:
    """Posts -> stock Pelican posts: countries and organizations folded into Tags."""
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for p in sorted(posts.glob("*.md")):
        meta, body = _read_post(p)
        tags = [t.replace(",", " ") for t in
                _split(meta.get("countries", "")) + _split(meta.get("organizations", ""))]
        lines = [f"Title: {meta.get('title', p.stem)}", f"Date: {meta.get('date', '2020-01-01')}",
                 f"Slug: {meta.get('slug', p.stem)}"]
        if meta.get("summary"):
            lines.append(f"Summary: {meta['summary']}")
        if tags:
            lines.append("Tags: " + ", ".join(tags))
        (out / p.name).write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
        n += 1
    return n


def to_hugo(posts: Path, site: Path) -> int:
    """Posts -> a Hugo site (TOML front matter, three taxonomies) using bench/hugo."""
    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(BENCH / "hugo", site)
    content = site / "content" / "posts"
    content.mkdir(parents=True)
    n = 0
    for p in sorted(posts.glob("*.md")):
        meta, body = _read_post(p)
        date = meta.get("date", "2020-01-01")
        iso = date.replace(" ", "T") + (":00" if len(date) == 16 else "T00:00:00"
                                        if len(date) == 10 else "")
        front = [
            f"title = {json.dumps(meta.get('title', p.stem))}",
            f"date = {json.dumps(iso + 'Z')}",
            f"slug = {json.dumps(meta.get('slug', p.stem))}",
            f"countries = {json.dumps(_split(meta.get('countries', '')))}",
            f"organizations = {json.dumps(_split(meta.get('organizations', '')))}",
            f"persons = {json.dumps(_split(meta.get('persons', '')))}",
        ]
        if meta.get("summary"):
            front.append(f"summary = {json.dumps(meta['summary'])}")
        (content / p.name).write_text("+++\n" + "\n".join(front) + "\n+++\n\n" + body,
                                      encoding="utf-8")
        n += 1
    return n


# ---------------------------------------------------------------- one size


def pelican_cmd(root: Path, snap: Path) -> list[str]:
    return [PY, "-m", "pelican", *build_args(root, snap / "plugins", snap / "theme")]


def build_step(name: str, cmd: list[str], cache: Path) -> Step:
    """One build of our site: its time, what the incremental writer and the search index did."""
    step = run(name, cmd)
    step.extra = incremental_stats(cache)
    search = search_stats(cache)
    if search:
        step.extra["search"] = search
        print(f"    search index: {search['seconds']:.2f} s, {search['pages_indexed']} of "
              f"{search['pages']} article pages re-indexed ({len(search['reindexed'])} of "
              f"{search['shards']} shards)", flush=True)
    return step


def fastest(steps: Iterable[Step]) -> Step:
    """The fastest of some runs of the same step (each one is run and printed)."""
    return min(steps, key=lambda step: step.seconds)


def ingest_steps(n: int, args, root: Path, snap: Path, short: bool) -> dict[str, Step]:
    """Ingest of the N raw files of `root` on all cores (and, unless `short`, 1 worker against
    all cores on a sample): the faster of each pair of runs."""
    env = {"PYTHONPATH": str(snap / "plugins")}
    cli = [PY, "-m", "news_archive.cli", "ingest"]
    raw, posts = root / "content" / "raw", root / "content" / "posts"
    steps: dict[str, Step] = {}

    def keep_faster(step: Step) -> None:
        if step.name not in steps or step.seconds < steps[step.name].seconds:
            steps[step.name] = step

    sample_n = min(n, args.ingest_sample)
    sample = root / "sample_raw"
    if not short:
        generate(sample_n, sample, seed=args.seed)
    cores = os.cpu_count() or 1
    # 1 worker vs all cores on the same files, alternated twice (each into new posts): the
    # faster run of each counts, so a burst of other load on the machine skews neither.
    for rnd in range(0 if short else 2):
        for workers in (1, cores):
            s = run(f"ingest_sample_{workers}w", [*cli, "--raw", str(sample), "--posts",
                                                  str(root / f"sample_posts_{workers}_{rnd}"),
                                                  "--workers", str(workers)], env=env)
            s.extra["files_per_s"] = sample_n / s.seconds
            keep_faster(s)
    # All cores on all N files, twice (a scratch folder first, then the posts every build
    # below uses); the faster run counts, as above.
    for posts_dir in (posts,) if short else (root / "all_cores_posts", posts):
        s = run("ingest_all_cores", [*cli, "--raw", str(raw), "--posts", str(posts_dir),
                                     "--workers", str(cores)], env=env)
        s.extra["files_per_s"] = n / s.seconds
        keep_faster(s)
    return steps


def bench_size(n: int, args, snap: Path, large: bool = False) -> dict:
    """Every measurement at size n; `large`: only ingest, cold, no-change and +10 today;
    `args.core`: no 1-worker ingest comparison, pelican_floor or resident process."""
    print(f"N = {n}", flush=True)
    short = large or args.core
    root = args.work / str(n)
    content = root / "content"
    raw = content / "raw"
    generate(n, raw, seed=args.seed)
    res: dict = {"n": n, "steps": ingest_steps(n, args, root, snap, short)}
    steps = res["steps"]
    posts = content / "posts"
    res["posts"] = len(list(posts.glob("*.md")))

    out, cache = root / "output", root / "cache"
    cmd = pelican_cmd(root, snap)
    steps["cold_build"] = build_step("cold_build", cmd, cache)
    # The rebuilds run twice and the faster counts, as for Hugo below: a single run of a few
    # seconds on this shared host varies by up to 40 % (no-change at 5,000: 5.0 to 7.2 s).
    steps["nochange_build"] = fastest(build_step("nochange_build", cmd, cache)
                                      for _ in range(2))
    # A day of news: 10 new raw files dated after everything in the archive (and the next
    # day's ten for the second run) ...
    def add_a_day(start: int) -> Step:
        generate(10, raw, seed=args.seed, start=start, first_day=AFTER_ARCHIVE, span_days=1)
        return build_step("add10_build", cmd, cache)

    steps["add10_build"] = fastest(add_a_day(start) for start in (n, n + 10))
    if large:
        res["output_files"] = sum(1 for _ in out.rglob("*") if _.is_file())
        res["steps"] = {k: vars(v) | {"tail": ""} for k, v in steps.items()}
        return res
    # ... and a back-fill: 10 more files dated anywhere in the ten years.
    generate(10, raw, seed=args.seed, start=n + 20)
    steps["backfill10_build"] = build_step("backfill10_build", cmd, cache)
    res["output_files"] = sum(1 for _ in out.rglob("*") if _.is_file())

    stock_content = root / "stock"
    to_stock(posts, stock_content / "posts")
    steps["stock_pelican"] = run("stock_pelican", [
        PY, "-m", "pelican", str(stock_content), "-s", str(BENCH / "stock_pelican.conf.py"),
        "-o", str(root / "stock_out"), "-e", f'CACHE_PATH="{root / "stock_cache"}"'])

    if not short:
        steps["pelican_floor"] = pelican_floor(root, stock_content)

    hugo = shutil.which("hugo", path=str(Path(PY).parent)) or shutil.which("hugo")
    if hugo and not args.skip_hugo:
        site = root / "hugo"
        to_hugo(posts, site)
        # Twice; the faster run counts (Hugo's times on this shared host vary by up to 2×).
        steps["hugo"] = fastest(run("hugo", [hugo, "--source", str(site), "--destination",
                                             str(root / "hugo_out"), "--quiet"])
                                for _ in range(2))
    if short:
        res["steps"] = {k: vars(v) | {"tail": ""} for k, v in steps.items()}
        return res
    # The same kind of rebuilds in one long-lived process (`pelican --autoreload`), last:
    # it adds 30 raw files, and stock Pelican and Hugo build the same posts as our builds.
    s = run("resident", [PY, str(BENCH / "resident_build.py"), str(root), "--plugins",
                         str(snap / "plugins"), "--theme", str(snap / "theme"),
                         "--seed", str(args.seed), "--start", str(n + 30)])
    line = next((x for x in s.tail.splitlines() if x.startswith("RESIDENT ")), None)
    s.extra = json.loads(line[9:]) if line else {}
    steps["resident"] = s
    res["steps"] = {k: vars(v) | {"tail": ""} for k, v in steps.items()}
    return res


def pelican_floor(root: Path, stock_content: Path) -> Step:
    """What stock Pelican costs on the same posts before writing anything (`pelican_floor.py`):
    from a new process's start to every post read, with the content cache filled by a warm-up
    run; and in a long-lived process with every post already in memory, to every post read and
    to the context built. The step's seconds are the two measured runs'."""
    cmd = [PY, str(BENCH / "pelican_floor.py"), str(stock_content), "-s",
           str(BENCH / "stock_pelican.conf.py"), "-o", str(root / "floor_out"), "--cache",
           str(root / "floor_cache")]
    run("floor_warm_up", [*cmd, "--cache-content", "--rounds", "1"])  # fills the cache
    oneshot = run("floor_oneshot", [*cmd, "--cache-content", "--stop-after-read"])
    resident = run("floor_resident", [*cmd, "--rounds", "3"])
    floor = {"oneshot_read_s": oneshot.seconds} if oneshot.returncode == 0 else {}
    line = next((x for x in resident.tail.splitlines() if x.startswith("FLOOR ")), None)
    if line:
        data = json.loads(line[6:])
        floor |= {"resident_read_s": data["read_s"], "resident_context_s": data["context_s"]}
    return Step("pelican_floor", oneshot.seconds + resident.seconds,
                max(oneshot.peak_mb, resident.peak_mb), oneshot.returncode or resident.returncode,
                extra=floor)


# ---------------------------------------------------------------- report


def ratios(res: dict) -> dict:
    s = res["steps"]
    sec = {k: v["seconds"] for k, v in s.items()}
    n = res["n"]
    out = {
        "ingest_all_files_per_s": s["ingest_all_cores"]["extra"]["files_per_s"],
        "cold_ms_per_article": 1000 * sec["cold_build"] / n,
        "nochange_vs_cold": sec["nochange_build"] / sec["cold_build"],
    }
    if "ingest_sample_1w" in s:
        out["ingest_1w_files_per_s"] = s["ingest_sample_1w"]["extra"]["files_per_s"]
        out["ingest_speedup"] = sec["ingest_sample_1w"] / max(
            (v["seconds"] for k, v in s.items() if k.startswith("ingest_sample_")
             and k != "ingest_sample_1w"), default=sec["ingest_sample_1w"])
    if "stock_pelican" in sec:
        out["cold_vs_stock"] = sec["cold_build"] / sec["stock_pelican"]
    resident = s.get("resident", {}).get("extra", {})
    if "hugo" in sec:
        out["nochange_vs_hugo"] = sec["nochange_build"] / sec["hugo"]
        out["add10_vs_hugo"] = sec["add10_build"] / sec["hugo"]
        out["backfill10_vs_hugo"] = sec["backfill10_build"] / sec["hugo"]
        for k in ("add10", "add10_again", "backfill10") if resident else ():
            out[f"resident_{k}_vs_hugo"] = resident[k]["seconds"] / sec["hugo"]
        out["stock_vs_hugo"] = sec["stock_pelican"] / sec["hugo"]
        floor = s.get("pelican_floor", {}).get("extra", {})
        for k, v in floor.items():
            out[f"floor_{k[:-2]}_vs_hugo"] = v / sec["hugo"]
        # A rebuild that did nothing but stock Pelican's reading of every post and the renders
        # a +10 rebuild needs (timed in the resident process): the least a Pelican build takes.
        for kind, change in (("oneshot", "add10"), ("resident", "add10_again")):
            renders = resident.get(change, {}).get("render_s")
            if f"{kind}_read_s" in floor and renders is not None:
                out[f"least_{kind}_vs_hugo"] = (floor[f"{kind}_read_s"] + renders) / sec["hugo"]
    out["peak_mb_max"] = max(v["peak_mb"] for v in s.values())
    return out


def table(results: list[dict]) -> str:
    rows = [
        ("posts", lambda r: f"{r['posts']}"),
        ("ingest, 1 worker (files/s)", lambda r: _ratio(r, "ingest_1w_files_per_s", 1)),
        (f"ingest, {os.cpu_count()} workers, same sample (speed-up)",
         lambda r: _ratio(r, "ingest_speedup") + "×"),
        ("ingest, all cores, all files (files/s)",
         lambda r: _ratio(r, "ingest_all_files_per_s", 1)),
        ("our cold full build, search on (s)", lambda r: _s(r, "cold_build")),
        ("  of which search index (s) / article pages indexed",
         lambda r: _search(r, "cold_build")),
        ("  ms per article", lambda r: _ratio(r, "cold_ms_per_article")),
        ("stock Pelican, same posts (s)", lambda r: _s(r, "stock_pelican")),
        ("  cold / stock", lambda r: _ratio(r, "cold_vs_stock")),
        ("Hugo, same posts (s)", lambda r: _s(r, "hugo")),
        ("  stock / Hugo", lambda r: _ratio(r, "stock_vs_hugo")),
        ("no-change rebuild (s)", lambda r: _s(r, "nochange_build")),
        ("  of which search index (s) / article pages re-indexed",
         lambda r: _search(r, "nochange_build")),
        ("  no-change / cold", lambda r: _ratio(r, "nochange_vs_cold")),
        ("  no-change / Hugo full build", lambda r: _ratio(r, "nochange_vs_hugo")),
        ("  pages rendered / skipped", lambda r: _rs(r, "nochange_build")),
        ("rebuild after +10 new raw files, dated today (s)", lambda r: _s(r, "add10_build")),
        ("  of which search index (s) / article pages re-indexed",
         lambda r: _search(r, "add10_build")),
        ("  +10 rebuild / Hugo full build", lambda r: _ratio(r, "add10_vs_hugo")),
        ("  +10 rebuild / the same at the largest --sizes",
         lambda r: _ratio(r, "add10_vs_base")),
        ("  pages rendered / skipped", lambda r: _rs(r, "add10_build")),
        ("  stock Pelican writing nothing, new process, its cache filled: start to all posts "
         "read (s)", lambda r: _floor(r, "oneshot_read_s")),
        ("    / Hugo full build", lambda r: _ratio(r, "floor_oneshot_read_vs_hugo")),
        ("    plus the renders of a +10 rebuild (resident, below), / Hugo full build",
         lambda r: _ratio(r, "least_oneshot_vs_hugo")),
        ("rebuild after +10 back-filled raw files, any date (s)",
         lambda r: _s(r, "backfill10_build")),
        ("  of which search index (s) / article pages re-indexed",
         lambda r: _search(r, "backfill10_build")),
        ("  back-fill rebuild / Hugo full build", lambda r: _ratio(r, "backfill10_vs_hugo")),
        ("  pages rendered / skipped", lambda r: _rs(r, "backfill10_build")),
        ("resident process (`pelican --autoreload`): first build (s)",
         lambda r: _res(r, "first")),
        ("  no-change rebuild (s)", lambda r: _res(r, "nochange")),
        ("  rebuild after +10 new raw files, dated today (s)", lambda r: _res(r, "add10")),
        ("    / Hugo full build", lambda r: _ratio(r, "resident_add10_vs_hugo")),
        ("    pages rendered / skipped", lambda r: _res_rs(r, "add10")),
        ("    of which context / renders (s)", lambda r: _res_split(r, "add10")),
        ("  then after +10 more of the same day (s)", lambda r: _res(r, "add10_again")),
        ("    / Hugo full build", lambda r: _ratio(r, "resident_add10_again_vs_hugo")),
        ("    pages rendered / skipped", lambda r: _res_rs(r, "add10_again")),
        ("    of which context / renders (s)", lambda r: _res_split(r, "add10_again")),
        ("  rebuild after +10 back-filled raw files (s)", lambda r: _res(r, "backfill10")),
        ("    / Hugo full build", lambda r: _ratio(r, "resident_backfill10_vs_hugo")),
        ("  stock Pelican writing nothing, posts in memory: all posts read / context (s)",
         lambda r: _floor(r, "resident_read_s") + " / " + _floor(r, "resident_context_s")),
        ("    all posts read / Hugo full build",
         lambda r: _ratio(r, "floor_resident_read_vs_hugo")),
        ("    plus the renders of the +10-more rebuild, / Hugo full build",
         lambda r: _ratio(r, "least_resident_vs_hugo")),
        ("peak MB: ingest all cores", lambda r: _mb(r, "ingest_all_cores")),
        ("peak MB: cold build", lambda r: _mb(r, "cold_build")),
        ("peak MB: no-change / +10", lambda r: _mb(r, "nochange_build") + " / "
         + _mb(r, "add10_build")),
        ("peak MB: resident process", lambda r: _mb(r, "resident")),
        ("peak MB: stock Pelican / Hugo", lambda r: _mb(r, "stock_pelican") + " / "
         + _mb(r, "hugo")),
    ]
    head = "| measure | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |"
    lines = [head, "|---|" + "---:|" * len(results)]
    lines += [f"| {label} | " + " | ".join(f(r) for r in results) + " |" for label, f in rows]
    return "\n".join(lines)


def _s(r: dict, k: str) -> str:
    s = r["steps"].get(k)
    return f"{s['seconds']:.2f}" if s else "–"


def _mb(r: dict, k: str) -> str:
    s = r["steps"].get(k)
    return f"{s['peak_mb']:.0f}" if s else "–"


def _ratio(r: dict, k: str, digits: int = 2) -> str:
    v = r["ratios"].get(k)
    return f"{v:.{digits}f}" if v is not None else "–"


def _search(r: dict, k: str) -> str:
    e = r["steps"].get(k, {}).get("extra", {}).get("search")
    return f"{e['seconds']:.2f} / {e['pages_indexed']}" if e else "–"


def _res(r: dict, k: str) -> str:
    e = r["steps"].get("resident", {}).get("extra", {})
    return f"{e[k]['seconds']:.2f}" if k in e else "–"


def _res_rs(r: dict, k: str) -> str:
    e = r["steps"].get("resident", {}).get("extra", {})
    return f"{e[k]['rendered']} / {e[k]['skipped']}" if k in e else "–"


def _res_split(r: dict, k: str) -> str:
    e = r["steps"].get("resident", {}).get("extra", {}).get(k, {})
    return f"{e['context_s']:.2f} / {e['render_s']:.2f}" if "render_s" in e else "–"


def _floor(r: dict, k: str) -> str:
    e = r["steps"].get("pelican_floor", {}).get("extra", {})
    return f"{e[k]:.2f}" if k in e else "–"


def _rs(r: dict, k: str) -> str:
    e = r["steps"].get(k, {}).get("extra")
    return f"{e.get('rendered', '?')} / {e.get('skipped', '?')}" if e else "–"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000", help="comma-separated archive sizes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=BENCH / "work")
    # 2,000: large enough that the fixed start-up (~0.8 s: imports, language model) does not
    # hide the speed-up of the per-file work, small enough to run four times per size.
    ap.add_argument("--ingest-sample", type=int, default=2000,
                    help="files for the 1-worker vs all-cores ingest comparison")
    ap.add_argument("--skip-hugo", action="store_true")
    ap.add_argument("--core", action="store_true",
                    help="only what the targets need: ingest (all cores, once), our builds, "
                         "stock Pelican, Hugo (no 1-worker ingest, pelican_floor, resident)")
    ap.add_argument("--large", type=int, default=0,
                    help="also a larger archive (e.g. 20000): ingest, cold, no-change, +10 today")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    large = [args.large] if args.large else []
    args.work = args.work.resolve()
    snap = args.work / "snapshot"
    if snap.exists():
        shutil.rmtree(snap)
    shutil.copytree(ROOT / "plugins", snap / "plugins",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(ROOT / "theme", snap / "theme")
    # Old work folders go first: deleting many files just before a measured step slows the
    # disk for a while, so it must not happen between measurements. On ext4, files created
    # soon after many deletions cost the kernel more (its inode allocator steps over recently
    # deleted inodes: `recently_deleted` was the top kernel function in `perf` of the process
    # writing the posts): ingest of 5,020 files right after deleting 25,000 spent 5.0 s of
    # system time in that process, 1.0 s a minute later. So the harness waits after its own
    # clean-up, as a user's ingest does not follow one.
    removed = False
    for n in sizes + large:
        if (args.work / str(n)).exists():
            shutil.rmtree(args.work / str(n))
            removed = True
    if removed:
        print(f"waiting {DELETE_SETTLE_S} s after removing old work folders", flush=True)
        time.sleep(DELETE_SETTLE_S)
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    results = []
    for n in sizes:
        res = bench_size(n, args, snap)
        res["ratios"] = ratios(res)
        results.append(res)
    for n in large:
        res = bench_size(n, args, snap, large=True)
        res["ratios"] = ratios(res)
        base = results[-1]["steps"]["add10_build"]["seconds"] if results else None
        if base:
            res["ratios"]["add10_vs_base"] = res["steps"]["add10_build"]["seconds"] / base
        results.append(res)
    if len(results) > 1:
        first, last = results[0], results[-1]
        linear = last["ratios"]["cold_ms_per_article"] / first["ratios"]["cold_ms_per_article"]
        print(f"\ncold build ms/article at N={last['n']} vs N={first['n']}: {linear:.2f}×")
    md = table(results)
    print("\n" + md)
    outdir = BENCH / "out"
    outdir.mkdir(exist_ok=True)
    target = outdir / f"harness-{time.strftime('%Y%m%d-%H%M%S')}.json"
    target.write_text(json.dumps({"started": started, "command": " ".join(sys.argv),
                                  "cpus": os.cpu_count(), "results": results,
                                  "table": md}, indent=2, default=str) + "\n")
    print(f"\nwritten: {target.relative_to(ROOT)}")
    return 0 if all(s["returncode"] == 0 for r in results for s in r["steps"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
