#!/usr/bin/env python3
"""Score the entity tagger on the non-English dev labels and measure its speed.

usage: eval_entities_multilingual.py [--shared DIR] [--out PRED.jsonl] [--passes N] [--errors]
                                     [--half A|B] [--samples | --holdout | --persons-samples
                                     | --persons-holdout]

Runs ``tag_text`` (with the language ``detect_language`` finds, as the pipeline does) over every
article labelled in ``eval/entities_multilingual_dev.jsonl`` (text: ``corpus/dev/<id>/truth.txt``),
writes PRED.jsonl, runs the official ``eval/score_entities.py --persons`` and prints its table
plus articles per second on one core (best of several passes). ``--half A`` / ``--half B`` score
a fixed split of the articles (sorted ids, even / odd positions) for A/B checks.
``--samples`` scores the project's own samples instead (``bench/data/multilingual_samples.jsonl``
short texts in 20 languages written for this project and labelled by hand; an organization is
a name or a list [name, alias...]; "countries_optional" as in the shared guideline: a capital
named only as a place); ``--holdout`` scores the second set
(``bench/data/multilingual_holdout.jsonl``), kept apart from tuning; ``--persons-samples``
scores ``bench/data/multilingual_persons.jsonl`` (invented people: initials, patronymics,
inflection, particles, Arabic script, actors and the characters they play);
``--persons-holdout`` scores ``bench/data/multilingual_persons_holdout.jsonl``, kept apart.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))

from eval_entities import eval_parser  # noqa: E402  (the bench folder is on the path)

GOLD = "entities_multilingual_dev.jsonl"
SAMPLES = REPO / "bench" / "data" / "multilingual_samples.jsonl"
HOLDOUT = REPO / "bench" / "data" / "multilingual_holdout.jsonl"
PERSONS = REPO / "bench" / "data" / "multilingual_persons.jsonl"
PERSONS_HOLDOUT = REPO / "bench" / "data" / "multilingual_persons_holdout.jsonl"


def load_samples(out_dir: Path, path: Path = SAMPLES
                 ) -> tuple[list[tuple[str, str]], dict[str, str], Path]:
    """The project's own samples: (id, text) pairs, their languages, and a gold file in the
    scorer's format written next to the predictions."""
    rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]
    gold = out_dir / f"gold_{path.stem}.jsonl"
    gold.write_text("".join(json.dumps({
        "id": r["id"], "split": "dev", "url": "", "countries_required": r["countries"],
        "countries_optional": r.get("countries_optional", []), "persons": r["persons"],
        "organizations": [{"name": o[0], "aliases": o[1:], "required": True}
                          for o in (x if isinstance(x, list) else [x]
                                    for x in r["organizations"])]}, ensure_ascii=False) + "\n"
        for r in rows), encoding="utf-8")
    return [(r["id"], r["text"]) for r in rows], {r["id"]: r["lang"] for r in rows}, gold


def load_texts(shared: Path, half: str | None) -> list[tuple[str, str]]:
    """(id, text) for every labelled non-English article (or one fixed half of them)."""
    ids = []
    with open(shared / "eval" / GOLD, encoding="utf-8") as f:
        ids = sorted(json.loads(line)["id"] for line in f if line.strip())
    if half:
        ids = ids[0::2] if half == "A" else ids[1::2]
    return [(i, (shared / "corpus" / "dev" / i / "truth.txt").read_text(encoding="utf-8"))
            for i in ids]


def main() -> None:
    """Command-line entry point."""
    ap = eval_parser(__doc__.splitlines()[0], "entities_ml_pred.jsonl")
    ap.add_argument("--half", choices=("A", "B"), help="score one fixed half of the articles")
    ap.add_argument("--samples", action="store_true", help="score the project's own samples")
    ap.add_argument("--holdout", action="store_true", help="score the held-apart samples")
    ap.add_argument("--persons-samples", action="store_true",
                    help="score the project's person-name samples")
    ap.add_argument("--persons-holdout", action="store_true",
                    help="score the person-name samples kept apart from tuning")
    a = ap.parse_args()
    shared = Path(a.shared)
    if not (shared / "eval" / "score_entities.py").exists():
        sys.exit(f"shared corpus not found at {shared} (use --shared or NEWS_ARCHIVE_SHARED)")

    from news_archive.tagging import tag_text
    from news_archive.tagging.language import detect_language

    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    gold = shared / "eval" / GOLD
    own = a.samples or a.holdout or a.persons_samples or a.persons_holdout
    if own:
        path = (HOLDOUT if a.holdout else PERSONS if a.persons_samples
                else PERSONS_HOLDOUT if a.persons_holdout else SAMPLES)
        texts, langs, gold = load_samples(out.parent, path)
    else:
        texts = load_texts(shared, a.half)
        langs = {doc_id: detect_language(text) for doc_id, text in texts}
    preds = []
    for doc_id, text in texts:
        tags = tag_text(text, lang=langs[doc_id])
        preds.append({
            "id": doc_id,
            "lang": langs[doc_id],
            "countries": tags.countries,
            "organizations": [o.name for o in tags.organizations],
            "persons": tags.persons,
        })
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), "utf-8")

    best = best_cpu = float("inf")
    for _ in range(max(1, a.passes)):
        t, c = time.perf_counter(), time.process_time()
        for doc_id, text in texts:
            tag_text(text, lang=langs[doc_id])
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)

    # the scorer counts absent predictions as empty: score only this half's gold
    if a.half and not own:
        keep = {doc_id for doc_id, _ in texts}
        lines = [ln for ln in gold.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and json.loads(ln)["id"] in keep]
        gold = out.with_name(f"gold_ml_half_{a.half}.jsonl")
        gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cmd = [sys.executable, str(shared / "eval" / "score_entities.py"), str(gold), str(out),
           "--persons"]
    if a.errors:
        cmd.append("--errors")
    sys.stdout.flush()
    rc = subprocess.call(cmd)
    print(f"speed: {len(texts) / best:.0f} articles/s on one core, wall clock "
          f"({len(texts) / best_cpu:.0f}/s of CPU time; {len(texts)} articles, "
          f"best of {a.passes} passes)")
    print(f"predictions: {out}")
    sys.exit(rc)


if __name__ == "__main__":
    main()
