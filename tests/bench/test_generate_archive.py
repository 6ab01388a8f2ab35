"""The benchmark's synthetic archive: deterministic and shaped like real text dumps."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import generate_archive as ga  # noqa: E402


def test_same_seed_same_files_and_prefix_property(tmp_path: Path) -> None:
    a = ga.generate(40, tmp_path / "a", seed=3)
    b = ga.generate(40, tmp_path / "b", seed=3)
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b, strict=True))
    c = ga.generate(10, tmp_path / "c", seed=3)  # a small archive is a prefix of a big one
    assert [p.read_bytes() for p in c] == [p.read_bytes() for p in a[:10]]
    other = ga.generate(10, tmp_path / "d", seed=4)
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in c]
    assert (tmp_path / "a" / "manifest.csv").read_text().count("\n") == 41


def test_cli(tmp_path: Path) -> None:
    out = tmp_path / "raw"
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "generate_archive.py"), "5",
                           str(out), "--seed", "2"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(list(out.glob("*.txt"))) == 5


def test_dumps_look_like_real_pages() -> None:
    texts = [ga.make_article(1, i)[1] for i in range(300)]
    one = texts[0]
    assert re.search(r"^(Skip to main content|Accessibility links|Jump to navigation)$", one,
                     re.M)
    assert "\n  * Home\n" in one  # menu
    assert re.search(r"^By [A-Z][a-z]+ [A-Z]", one, re.M)  # byline
    assert re.search(r"[A-Z]+, [A-Z][a-z]+ \d{1,2}, 20\d\d \(", one)  # dateline, full date
    assert "Photo: " in one  # caption
    assert "Related stories" in one and "All rights reserved." in one
    assert sum("cookies" in t for t in texts) > 100  # cookie banners on most pages
    years = Counter(re.search(r", (20\d\d) \(", t).group(1) for t in texts)
    assert len(years) >= 8  # dates spread over years
    # Entity mentions are Zipf-like: the top country is far more common than a rare one.
    mentions = Counter()
    for t in texts:
        for name, demonym, capital in ga.COUNTRIES:
            if name in t or demonym in t or capital in t:
                mentions[name] += 1
    assert mentions["United States"] > 3 * max(mentions["Iceland"], 1)
    assert mentions["Mongolia"] >= 1 or mentions["Nepal"] >= 1
    assert len({ga.make_article(1, i)[0] for i in range(300)}) == 300  # unique names


def test_a_day_of_news_is_newer_than_the_archive(tmp_path: Path) -> None:
    """`first_day=AFTER_ARCHIVE, span_days=1` (CLI `--new-day`): dateline and manifest agree."""
    ga.generate(30, tmp_path, seed=2)
    new = ga.generate(5, tmp_path, seed=2, start=30, first_day=ga.AFTER_ARCHIVE, span_days=1)
    rows = (tmp_path / "manifest.csv").read_text().splitlines()[1:]
    dates = {r.split(",")[0]: r.split(",")[2] for r in rows}
    assert max(dates[p.name] for p in new) == min(dates[p.name] for p in new)
    assert all(dates[p.name] == ga.AFTER_ARCHIVE.isoformat() for p in new)
    assert all(d < ga.AFTER_ARCHIVE.isoformat() for name, d in dates.items()
               if name not in {p.name for p in new})
    day = f"{ga.AFTER_ARCHIVE:%B} {ga.AFTER_ARCHIVE.day}, {ga.AFTER_ARCHIVE.year}"
    assert all(day in p.read_text() for p in new)
