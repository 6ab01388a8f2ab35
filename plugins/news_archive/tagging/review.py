"""`news-archive entities`: the archive's entities from its posts, with likely mistakes flagged.

Rows carry the register's columns (action, kind, name, aliases, target, country, id) plus a
note, so a CSV row pasted into `content/entities.csv` is a valid `add` line; change `add` to
`block`, `retype` or `merge` to correct the tag across the archive.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .register import COLUMNS, Register, norm

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass
class Listed:
    """One entity of the archive."""

    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    articles: int = 0
    first: str = ""
    last: str = ""
    flags: list[str] = field(default_factory=list)


def collect(posts_dir: Path) -> tuple[dict[tuple[str, str], Listed], set[str]]:
    """Entities of every post (by kind and name) and the lower-case words of the bodies."""
    from ..posts import read_header, split_list

    found: dict[tuple[str, str], Listed] = {}
    lower_words: set[str] = set()
    for path in sorted(Path(posts_dir).glob("**/*.md")):
        meta = read_header(path)
        date = meta.get("date", "")[:10]
        aliases: dict[str, list[str]] = {}
        for pair in split_list(meta.get("organization-aliases", "")):
            alias, _, name = pair.partition("=")
            aliases.setdefault(name.strip(), []).append(alias.strip())
        for kind, key in (("country", "countries"), ("organization", "organizations"),
                          ("person", "persons")):
            for name in split_list(meta.get(key, "")):
                item = found.setdefault((kind, name), Listed(kind, name))
                item.articles += 1
                item.first = min(item.first or date, date) if date else item.first
                item.last = max(item.last, date)
                for a in aliases.get(name, []) if kind == "organization" else []:
                    if a not in item.aliases:
                        item.aliases.append(a)
        text = path.read_text(encoding="utf-8", errors="replace")
        body = text.split("\n\n", 1)[1] if "\n\n" in text else ""
        lower_words.update(w for w in _WORD.findall(body) if w.islower())
    return found, lower_words


def _listed_names() -> set[str]:
    """Normalised names the tagger's lists know (organizations and persons)."""
    from .gazetteer import load
    from .persons import _people

    out = set()
    for key, pays in load().index.entries.items():
        if any(p[0] == "org" for p in pays):
            out.add(norm(" ".join(key)))
    surnames, _phrases, forms = _people()
    out.update(norm(n) for n in surnames)
    out.update(norm(n) for n in forms)
    return out


def review(posts_dir: Path, reg: Register) -> list[Listed]:
    """Entities sorted by kind and name, each with its review flags."""
    found, lower_words = collect(posts_dir)
    known = _listed_names() | {norm(f) for e in reg.entries for f in e.forms}
    for item in found.values():
        if item.kind == "country":
            continue
        words = item.name.split()
        if item.articles == 1 and norm(item.name) not in known:
            item.flags.append("one article, in no list")
        if item.kind == "person" and len(words) == 1:
            item.flags.append("one-word person")
        if any(w.lower() in lower_words for w in words if w[:1].isupper()) and len(words) <= 2:
            item.flags.append("also a common word")
    return sorted(found.values(), key=lambda x: (x.kind, x.name.casefold()))


def note(item: Listed) -> str:
    """'3 articles, 2021-01-02..2021-03-04; one-word person'."""
    span = f"{item.first}..{item.last}" if item.first != item.last else item.first
    text = f"{item.articles} article{'s' if item.articles != 1 else ''}, {span}".rstrip(", ")
    return text + (f"; {', '.join(item.flags)}" if item.flags else "")


def as_csv(items: list[Listed]) -> str:
    """Register rows (action add) with a note column."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*COLUMNS, "note"])
    for it in items:
        w.writerow(["add", it.kind, it.name, "|".join(it.aliases), "", "", "", note(it)])
    return buf.getvalue()


def as_table(items: list[Listed]) -> str:
    """Aligned text columns: kind, name, aliases, articles, first, last, flags. A country,
    named by its ISO code as in the register, also shows its English name ("AF Afghanistan")."""
    rows = [("kind", "name", "aliases", "articles", "first", "last", "flags")]
    rows += [(it.kind, _shown_name(it), "|".join(it.aliases), str(it.articles), it.first,
              it.last, ", ".join(it.flags)) for it in items]
    widths = [min(40, max(len(r[k]) for r in rows)) for k in range(len(rows[0]) - 1)]
    lines = ["  ".join(c.ljust(widths[k]) for k, c in enumerate(r[:-1])) + "  " + r[-1]
             for r in rows]
    return "\n".join(ln.rstrip() for ln in lines) + "\n"


def _shown_name(item: Listed) -> str:
    """The entity's name in the table; a country's ISO code followed by its English name."""
    if item.kind != "country":
        return item.name
    from ..countries import lookup

    info = lookup(item.name)
    return f"{item.name} {info.name}" if info is not None and info.name != item.name else item.name
