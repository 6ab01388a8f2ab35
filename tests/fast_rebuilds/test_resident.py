"""Resident builds (`pelican --autoreload`): a rebuild in the same process reuses what the last
build read and still writes what a clean build writes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT
from test_incremental import RUN_REPORTS, _files

sys.path.insert(0, str(ROOT / "bench"))

from build_phases import build_args  # noqa: E402
from generate_archive import generate  # noqa: E402

pytestmark = pytest.mark.slow

# Builds one site several times in one process, changing its content between builds, the way
# `pelican --autoreload` does (one Pelican instance, `run()` per change).
SCRIPT = textwrap.dedent(r"""
    import json, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[2])
    from generate_archive import AFTER_ARCHIVE, generate
    from pelican import get_instance, parse_arguments, signals

    site = Path(sys.argv[1])
    pelican, _ = get_instance(parse_arguments(["-q", *json.loads(sys.argv[3])]))
    seen = []
    signals.article_generator_finalized.connect(
        lambda g: seen.append({a.source_path: id(a) for a in g.articles}), weak=False)

    def stats():
        state = next((site / "cache").glob("fast_rebuilds_incremental-*.json"))
        return json.loads(state.read_text())["stats"]

    report = {}
    pelican.run()
    pelican.run()
    report["nochange"] = stats()
    raw, posts = site / "content" / "raw", site / "content" / "posts"
    generate(3, raw, seed=5, start=40, first_day=AFTER_ARCHIVE, span_days=1)
    edited = sorted(posts.glob("*.md"))[4]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA sentence added by hand.\n",
                      encoding="utf-8")
    gone = sorted(raw.iterdir())[7]
    gone.unlink()
    (site / "output" / "notes").mkdir()
    (site / "output" / "notes" / "mine.txt").write_text("not written by Pelican")
    pelican.run()
    report["changed"] = stats()
    before, after = seen[1], seen[2]
    report["kept"] = sum(1 for p, i in after.items() if before.get(p) == i)
    report["articles"] = len(after)
    report["edited_kept"] = before.get(str(edited)) == after.get(str(edited))
    report["objects_kept"] = len(sys.modules["fast_rebuilds.resident"]._contents)
    print("REPORT " + json.dumps(report))
""")


def test_resident_rebuild_reuses_articles_and_matches_a_clean_build(tmp_path: Path) -> None:
    snap = tmp_path / "snap"
    shutil.copytree(ROOT / "plugins", snap / "plugins",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(ROOT / "theme", snap / "theme")
    live = tmp_path / "live"
    generate(40, live / "content" / "raw", seed=5)
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(live), str(ROOT / "bench"),
         json.dumps(build_args(live, snap / "plugins", snap / "theme", search=False))],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("REPORT "))
    report = json.loads(line[7:])

    assert report["nochange"]["rendered"] == 0 and report["nochange"]["skipped"] > 40
    assert report["changed"]["rendered"] >= 3
    # The deleted file's article page (and its month, if left empty) went; a file the build
    # did not write stays.
    assert report["changed"]["removed"] >= 1
    assert (live / "output" / "notes" / "mine.txt").exists()
    (live / "output" / "notes" / "mine.txt").unlink()
    # 40 + 3 new - 1 gone; every article but the new and the hand-edited one is the object the
    # last build read (the near-duplicate check may drop a generated file: at most one).
    assert report["articles"] >= 41
    assert report["kept"] == report["articles"] - 4
    assert not report["edited_kept"]
    # ... and only the current version of each post is kept for the next build.
    assert report["objects_kept"] == report["articles"]

    # The same content built from scratch in a new process gives the same bytes.
    clean = tmp_path / "clean"
    shutil.copytree(live / "content", clean / "content")
    cmd = [sys.executable, "-m", "pelican", "--ignore-cache",
           *build_args(clean, snap / "plugins", snap / "theme", search=False)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    live_files, clean_files = _files(live / "output"), _files(clean / "output")
    assert sorted(live_files) == sorted(clean_files)
    differ = [k for k in live_files if k not in RUN_REPORTS and live_files[k] != clean_files[k]]
    assert differ == []

