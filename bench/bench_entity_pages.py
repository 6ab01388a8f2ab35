"""Build cost of the entity pages: a Pelican build with and without them, and linearity.

Generates synthetic posts (self-made names, Zipf-like entity frequencies, dates over several
years) straight into a temporary content folder, then times `pelican` builds:

    .venv/bin/python bench/bench_entity_pages.py            # 2,000 posts, plus 1,000 for ms/article
    .venv/bin/python bench/bench_entity_pages.py --posts 500 --keep /tmp/bench-site
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ("RU UA US CN AF TJ KZ UZ KG TM IR TR DE FR GB PL BY AM AZ GE MD RO IN PK SY IQ IL "
             "EG JP KR XK RS BA HU CZ SK LT LV EE FI SE NO BR MX NG ZA KE ET").split()
SYLL = "ka ro mi ta na lu be so vi de ar el in os ur am za te ko ni".split()
WORDS = ("officials said the talks would continue next week while observers noted rising "
         "tension along the border and in the capital where ministers met to discuss aid "
         "energy prices security and the election").split()
ORG_KINDS = ("Council", "Institute", "Energy Company", "Union", "Party", "Bank", "Agency",
             "Front", "Commission", "Foundation")


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLL) for _ in range(parts)).capitalize()


def _zipf(rng: random.Random, items: list[str], k: int) -> list[str]:
    weights = [1 / (i + 1) for i in range(len(items))]
    return list(dict.fromkeys(rng.choices(items, weights=weights, k=k)))


def write_posts(folder: Path, n: int, seed: int = 7) -> None:
    """`n` Markdown posts with the plugin's header format into `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    persons = [f"{_name(rng, 2)} {_name(rng, 3)}" for _ in range(max(50, n // 4))]
    orgs = [f"{_name(rng, 3)} {rng.choice(ORG_KINDS)}" for _ in range(max(30, n // 10))]
    start = datetime(2018, 1, 1)
    for i in range(n):
        date = start + timedelta(minutes=rng.randrange(0, 6 * 365 * 24 * 60))
        org_list = _zipf(rng, orgs, rng.randint(0, 4))
        aliases = [f"{''.join(w[0] for w in o.split())}={o}" for o in org_list[:1]]
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 11))).capitalize()
        body = "\n\n".join(
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 70))).capitalize() + "."
            for _ in range(rng.randint(3, 8)))
        header = {
            "Title": title, "Date": date.strftime("%Y-%m-%d %H:%M"), "Slug": f"post-{i:05d}",
            "Summary": " ".join(rng.choice(WORDS) for _ in range(25)).capitalize() + ".",
            "Source": rng.choice(["RFE/RL", "Daily Courier", "Wire Service", "Evening Post"]),
            "Byline": f"By {rng.choice(persons)}", "Credits": "With reporting by Wire Service",
            "Countries": ";".join(_zipf(rng, COUNTRIES, rng.randint(1, 4))),
            "Organizations": ";".join(org_list), "Organization-Aliases": ";".join(aliases),
            "Persons": ";".join(_zipf(rng, persons, rng.randint(0, 5))),
            "Language": "en", "Original-Url": f"https://news.example.org/a/{i}",
            "Raw-Path": f"raw/{i:05d}.txt",
        }
        text = "\n".join(f"{k}: {v}" for k, v in header.items() if v) + "\n\n" + body + "\n"
        (folder / f"post-{i:05d}.md").write_text(text, encoding="utf-8")


def build(content: Path, output: Path, entity_pages: bool) -> float:
    """Seconds for one `pelican` build (subprocess; ingest off, no search)."""
    settings = {"PATH": str(content), "OUTPUT_PATH": str(output), "NEWS_ARCHIVE_INGEST": False,
                "NEWS_ARCHIVE_ENTITY_PAGES": entity_pages, "SEARCH_ENABLED": False,
                "FAST_REBUILDS_INCREMENTAL": False}  # full renders: time every page
    cmd = [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelican.conf.py"),
           "-o", str(output), "--delete-output-directory"]
    cmd += ["-e", *(f"{k}={json.dumps(v)}" for k, v in settings.items())]  # one -e: last wins
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=2000)
    ap.add_argument("--keep", type=Path, help="write the site here and keep it")
    ap.add_argument("--repeat", type=int, default=2, help="builds per setting; the fastest counts")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-entities-"))
    results = {}
    for n in sorted({args.posts // 2, args.posts}):
        content = work / f"content-{n}"
        shutil.rmtree(content, ignore_errors=True)
        write_posts(content / "posts", n)
        on = min(build(content, work / f"output-{n}", True) for _ in range(args.repeat))
        off = min(build(content, work / f"output-{n}-off", False) for _ in range(args.repeat))
        results[n] = on
        print(f"{n:5d} posts: with entity pages {on:6.2f} s, without {off:6.2f} s, "
              f"ratio {on / off:.2f}; {1000 * on / n:.2f} ms/article (with)")
    small, big = min(results), max(results)
    if small != big:
        print(f"ms/article {small}: {1000 * results[small] / small:.2f}, "
              f"{big}: {1000 * results[big] / big:.2f} "
              f"(ratio {results[big] / big / (results[small] / small):.2f}; 1.0 = linear)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
