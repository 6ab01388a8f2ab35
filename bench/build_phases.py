#!/usr/bin/env python3
"""Where one Pelican build of the archive spends its time, phase by phase (wall clock).

    python bench/build_phases.py SITE [--plugins DIR] [--theme DIR] [--repeat N]

SITE holds `content/` (raw files and posts), and gets `output/` and `cache/` (the layout of
`bench/work/<N>/` after `bench/harness.py`; pass the harness's `bench/work/snapshot/plugins`
and `.../theme` to reuse its caches). Each run is a separate process running
`pelican.main()` with marks at Pelican's signals:

- start-up: Python, Pelican and plugin imports, settings;
- ingest + read posts: raw files -> posts (`article_generator_init`), then Pelican reads every
  post (from its content cache when unchanged) and creates the article objects;
- article context: URLs, summaries, period archives (`article_generator_finalized`);
- other contexts: entity index, pages, exports (`all_generators_finalized`);
- writing: deciding and rendering every page and feed (`finalized`);
- finishing: sitemap, exports, incremental state, the search index (also on a line of its
  own: what the index update took, and how many article pages it re-indexed).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHASES = [("initialized", "start-up"), ("article_generator_init", "start-up"),
          ("article_generator_pretaxonomy", "ingest + read posts"),
          ("article_generator_finalized", "article context"),
          ("all_generators_finalized", "other contexts"), ("finalized", "writing"),
          ("end", "finishing")]

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
import pelican
from pelican import signals
marks = []
def mark(name):
    return lambda *a, **k: marks.append((name, time.perf_counter() - t0))
for name in ("initialized", "article_generator_init", "article_generator_pretaxonomy",
             "article_generator_finalized", "all_generators_finalized", "finalized"):
    getattr(signals, name).connect(mark(name), weak=False)
sys.argv = json.loads(sys.argv[1])
try:
    pelican.main()
except SystemExit:
    pass
marks.append(("end", time.perf_counter() - t0))
print("MARKS " + json.dumps(marks))
"""


def build_args(site: Path, plugins: Path, theme: Path, search: bool = True) -> list[str]:
    """Pelican's arguments for building SITE (`content/` -> `output/`, `cache/`) with the given
    plugin and theme folders and the sample site's settings (search on, as a user builds)."""
    settings = {"PATH": str(site / "content"), "OUTPUT_PATH": str(site / "output"),
                "CACHE_PATH": str(site / "cache"), "PLUGIN_PATHS": [str(plugins)],
                "THEME": str(theme)}
    if not search:
        settings["SEARCH_ENABLED"] = False
    return [str(site / "content"), "-s", str(ROOT / "pelican.conf.py"), "-o",
            str(site / "output"), "-e", *[f"{k}={json.dumps(v)}" for k, v in settings.items()]]


def incremental_stats(cache: Path) -> dict:
    """What the incremental writer counted in the last build (rendered, skipped, ...): the
    newest state file, as a copied site's cache also holds the state of the original's output."""
    states = sorted(cache.glob("fast_rebuilds_incremental-*.json"), key=lambda f: f.stat().st_mtime)
    if not states:
        return {}
    data = json.loads(states[-1].read_text())
    return {**data["stats"], "by_template": data.get("rendered_by_template", {})}


def search_stats(cache: Path) -> dict:
    """What the last build's search index update did (`news_archive_search.json` in the cache:
    seconds, article pages, shards, shards re-indexed, pages indexed); {} when search was off."""
    try:
        return json.loads((cache / "news_archive_search.json").read_text())
    except (OSError, ValueError):
        return {}


def run_once(site: Path, plugins: Path, theme: Path) -> dict[str, float]:
    """Seconds per phase of one build."""
    argv = ["pelican", *build_args(site, plugins, theme)]
    proc = subprocess.run([sys.executable, "-c", CHILD, json.dumps(argv)], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    line = next((x for x in proc.stdout.splitlines() if x.startswith("MARKS ")), None)
    if line is None:
        raise SystemExit(f"build failed:\n{proc.stderr[-3000:]}")
    marks = dict(json.loads(line[6:]))
    out: dict[str, float] = {}
    prev = 0.0
    for signal, label in PHASES:
        at = marks.get(signal, prev)
        out[label] = out.get(label, 0.0) + at - prev
        prev = at
    out["total"] = prev
    search = search_stats(site / "cache")
    if search:
        out["of which search index"] = search.get("seconds", 0.0)
    return out


def site_parser(doc: str) -> argparse.ArgumentParser:
    """Arguments of the scripts that build one benchmark site: SITE, --plugins, --theme."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--plugins", type=Path, default=ROOT / "plugins")
    ap.add_argument("--theme", type=Path, default=ROOT / "theme")
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = site_parser(__doc__)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    for _ in range(args.repeat):
        phases = run_once(args.site.resolve(), args.plugins.resolve(), args.theme.resolve())
        print(" | ".join(f"{k} {v:.2f} s" for k, v in phases.items()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
