"""What full-text search costs: Pagefind index size and the build time it adds.

For the bundled sample site and a generated archive of N synthetic posts (default 2,000), builds
the site with `SEARCH_ENABLED=false` and `true` (alternating, `--repeat` times each, in one run;
the index is deleted before each build with search, so each indexes every article) and reports
median build times, their ratio, the index update's own time and the index size.

    .venv/bin/python bench/bench_search.py [--articles 2000] [--repeat 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from _synthetic import write_synthetic  # noqa: E402


def build(content: Path, output: Path, **settings) -> float:
    """One `pelican` build (a subprocess, like `make site`); returns wall seconds."""
    settings = {"PATH": str(content), "OUTPUT_PATH": str(output), **settings}
    cmd = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelican.conf.py"),
           "-o", str(output), "-e", *[f"{k}={json.dumps(v)}" for k, v in settings.items()]]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{proc.stderr[-3000:]}")
    return seconds


def pagefind_seconds(output: Path) -> float:
    """The index update alone on an already built site, from no index (same configuration as
    the plugin's): every article page of the output, in its shards."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from news_archive.settings import DEFAULTS
    from news_archive.site import pagefind_service, search, search_shards

    exe = pagefind_service.executable()
    if exe is None:
        raise SystemExit("pagefind not installed: pip install 'pagefind[extended]'")
    record = json.loads((output / "pagefind" / search_shards.MANIFEST).read_text())
    pages = {rel: (int(name[:4]) if name[:4].isdigit() else 2000, 1)
             for name, shard in record["shards"].items() for rel in shard["pages"]}
    config = search.pagefind_config({"DEFAULT_LANG": "en", **DEFAULTS})
    shutil.rmtree(output / "pagefind")
    start = time.perf_counter()
    search_shards.update_index(output, pages, size=DEFAULTS["SEARCH_SHARD_SIZE"], config=config,
                               config_key=search.config_key(config, exe),
                               service=lambda: pagefind_service.PagefindService(exe))
    return time.perf_counter() - start


def index_stats(output: Path) -> dict:
    bundle = output / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    data = [p for p in files if p.parent.name in ("index", "fragment", "filter")
            or p.suffix in (".pf_meta",) or p.name.startswith("wasm.")]
    pages = 0
    for entry_file in bundle.glob("shards/*/pagefind-entry.json"):
        entry = json.loads(entry_file.read_text())
        pages += sum(lang["page_count"] for lang in entry["languages"].values())
    return {
        "bundle_bytes": sum(p.stat().st_size for p in files),
        "index_bytes": sum(p.stat().st_size for p in data),
        "files": len(files),
        "shards": len(list(bundle.glob("shards/*"))),
        "pages_indexed": pages,
    }


def measure(name: str, content: Path, work: Path, repeat: int, **settings) -> dict:
    """Full builds (incremental rendering off) with and without search, alternating."""
    settings = {"FAST_REBUILDS_INCREMENTAL": False, **settings}
    out_off, out_on = work / f"{name}-off", work / f"{name}-on"
    build(content, out_off, SEARCH_ENABLED=False, **settings)  # warm-up (ingest, caches)
    build(content, out_on, SEARCH_ENABLED=True, **settings)
    off, on = [], []
    for _ in range(repeat):
        off.append(build(content, out_off, SEARCH_ENABLED=False, **settings))
        shutil.rmtree(out_on / "pagefind", ignore_errors=True)  # index every article
        on.append(build(content, out_on, SEARCH_ENABLED=True, **settings))
    articles = len(list((content / "posts").glob("*.md")))
    result = {
        "site": name, "articles": articles, "repeat": repeat,
        "build_s_without_search": round(statistics.median(off), 3),
        "build_s_with_search": round(statistics.median(on), 3),
        "pagefind_alone_s": round(pagefind_seconds(out_on), 3),
        **index_stats(out_on),
    }
    result["ratio_with_to_without"] = round(
        result["build_s_with_search"] / result["build_s_without_search"], 3)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        work = Path(tmp)
        sample = work / "sample"
        shutil.copytree(ROOT / "content", sample, ignore=shutil.ignore_patterns("posts"))
        (sample / "posts").mkdir(exist_ok=True)
        results.append(measure("sample", sample, work, args.repeat))
        synthetic = work / "synthetic"
        write_synthetic(synthetic / "posts", args.articles)
        results.append(measure(f"synthetic-{args.articles}", synthetic, work, args.repeat,
                               NEWS_ARCHIVE_INGEST=False))
    cols = ["site", "articles", "pages_indexed", "build_s_without_search",
            "build_s_with_search", "ratio_with_to_without", "pagefind_alone_s", "index_bytes",
            "bundle_bytes", "files"]
    print("\t".join(cols))
    for r in results:
        print("\t".join(str(r[c]) for c in cols))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
