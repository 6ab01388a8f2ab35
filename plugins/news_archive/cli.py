"""The `news-archive` command line: inspect, tag and ingest raw files without Pelican."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path


def _cmd_inspect(args: argparse.Namespace) -> int:
    from .ingest.pipeline import process_file

    status = 0
    for name in args.files:
        path = Path(name)
        result = process_file(str(path.parent), path.name)
        for draft in result.drafts:
            record = draft.to_record()
            record["path"] = str(path) + (f"#{draft.index}" if draft.index else "")
            print(json.dumps(record, ensure_ascii=False))
        for label, reason in result.errors:
            print(f"{path.parent / label}: {reason}", file=sys.stderr)
            status = 1
    return status


def _cmd_tag(args: argparse.Namespace) -> int:
    from .tagging import tag_text

    for name in args.files:
        text = Path(name).read_text(encoding="utf-8", errors="replace")
        tags = tag_text(text, "", args.published)
        print(json.dumps({
            "path": name,
            "countries": tags.countries,
            "organizations": [o.name for o in tags.organizations],
            "organization_aliases": {o.name: o.aliases for o in tags.organizations},
            "persons": tags.persons,
            "dates_mentioned": tags.dates_mentioned,
        }, ensure_ascii=False))
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    from .build_lock import SiteBusy, site_lock
    from .ingest import ingest
    from .ingest.progress import ProgressBar

    mapper = None
    if args.dask_scheduler:
        from .ingest.distributed import dask_mapper

        mapper = dask_mapper(args.dask_scheduler)
    bar = ProgressBar() if sys.stderr.isatty() else None
    try:
        with site_lock(Path(args.posts), args.wait):
            report = ingest(Path(args.raw), Path(args.posts), workers=args.workers,
                            map_files=mapper, progress=bar)
    except SiteBusy as exc:
        print(f"news-archive: {exc}", file=sys.stderr)
        return SiteBusy.exitcode
    except OSError as exc:  # a full or read-only disk: one clear line, not a traceback
        where = f" {exc.filename}" if exc.filename else ""
        print(f"news-archive: cannot write{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        if bar is not None:
            bar.close()
    if args.report:
        Path(args.report).write_text(json.dumps(report.as_json(), indent=2) + "\n")
    print(report.summary_line())
    for path, reason in report.skipped:
        print(f"  skipped {path}: {reason}")
    return 0


def _cmd_entities(args: argparse.Namespace) -> int:
    from .tagging.register import REGISTER_NAME, load
    from .tagging.review import as_csv, as_table, review

    posts_dir = Path(args.posts)
    if not posts_dir.is_dir():
        print(f"{posts_dir}: no such posts folder", file=sys.stderr)
        return 1
    reg = load(Path(args.register) if args.register else posts_dir.parent / REGISTER_NAME)
    items = review(posts_dir, reg)
    if args.kind:
        items = [it for it in items if it.kind == args.kind]
    if args.flagged:
        items = [it for it in items if it.flags]
    sys.stdout.write(as_csv(items) if args.csv else as_table(items))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="news-archive", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("inspect", help="print each raw file's record as one JSON line")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=_cmd_inspect)

    p = sub.add_parser("tag", help="tag clean article text files; one JSON line each")
    p.add_argument("files", nargs="+")
    p.add_argument("--published", help="ISO date the texts were published (resolves dates)")
    p.set_defaults(func=_cmd_tag)

    p = sub.add_parser("ingest", help="turn raw files into posts (what the plugin does)")
    p.add_argument("--raw", default="content/raw", help="raw folder (default: %(default)s)")
    p.add_argument("--posts", default="content/posts", help="posts folder (default: %(default)s)")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--dask-scheduler", metavar="ADDRESS", help="run on a Dask cluster")
    p.add_argument("--report", metavar="FILE", help="also write the summary as JSON")
    p.add_argument("--wait", type=float, default=600, metavar="SECONDS",
                   help="wait this long for another build of the site (default: %(default)s)")
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser("entities", help="list the archive's entities; flag likely mistakes")
    p.add_argument("--posts", default="content/posts", help="posts folder (default: %(default)s)")
    p.add_argument("--register", help="entity register (default: entities.csv next to posts)")
    p.add_argument("--kind", choices=("country", "organization", "person"))
    p.add_argument("--flagged", action="store_true", help="only entities flagged for review")
    p.add_argument("--csv", action="store_true", help="register rows (CSV) instead of a table")
    p.set_defaults(func=_cmd_entities)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(message)s",
    )
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
