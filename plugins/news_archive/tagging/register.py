"""The archive owner's entity register: `content/entities.csv`.

One operation per line (spreadsheet-friendly CSV; `#` lines are comments; a header row
starting with `action` is skipped; columns after `id` are ignored, e.g. notes)::

    action,kind,name,aliases,target,country,id
    add,organization,Northwind Airlines,Northwind|NWA,,US,Q123456
    merge,organization,Northwind Air,,Northwind Airlines
    rename,person,Vladimir Vladimirovich Putin,,Vladimir Putin
    block,,Human Rights
    block,person,Moon Express
    retype,organization,Moon Express

- add: an entity of `kind` (organization, person, country) with its canonical `name`,
  other surface forms (`aliases`, `|`-separated), optional `country` (ISO code) and `id`
  (a Wikidata item `Q42` or a URL). Articles that mention any form are tagged with it, and
  what the tagger found under any form is named by the canonical name.
- merge / rename: `name` becomes `target` (kept as an alias). `kind` empty: any kind.
- block: `name` is never tagged (as `kind` only, when given).
- retype: `name` is tagged as `kind` whatever the tagger thought.

A bad line is logged as an error naming the file, the line and the reason; the other lines
still apply. Ingest applies the register to every article it tags and stamps each post with
a digest of the register lines relevant to it, so a register edit re-tags exactly the posts
that mention a name it touches.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..draft import Organization, Tags
from .gazetteer import PhraseIndex, split_tokens

log = logging.getLogger(__name__)

REGISTER_NAME = "entities.csv"
COLUMNS = ("action", "kind", "name", "aliases", "target", "country", "id")
ACTIONS = ("add", "merge", "rename", "block", "retype")
KIND_NAMES = {"organization": "organization", "organisation": "organization",
              "org": "organization", "person": "person", "country": "country"}
STAMP_KEY = "Entity-Register"
LINKS_KEY = "Entity-Links"
_QID = re.compile(r"^Q[1-9][0-9]*$")
_MAX_FORM_TOKENS = 8


def norm(name: str) -> str:
    """Comparison form of a name: casefolded words, punctuation dropped, no leading 'the'."""
    s = re.sub(r"[.'’`]", "", name.casefold())
    s = re.sub(r"[^\w]+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


@dataclass
class Entry:
    """One valid register line."""

    line: int
    action: str
    kind: str  # "" (any) | organization | person | country
    name: str
    aliases: list[str]
    target: str = ""
    country: str = ""
    id: str = ""

    @property
    def key(self) -> str:
        """What identifies the line's effect (its digest input)."""
        return "\x1f".join([self.action, self.kind, self.name, "|".join(self.aliases),
                            self.target, self.country, self.id])

    @property
    def forms(self) -> list[str]:
        """Every name the line touches."""
        return [f for f in (self.name, *self.aliases, self.target) if f]


@dataclass
class Register:
    """The parsed register with lookup tables."""

    path: Path | None = None
    entries: list[Entry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    digest: str = ""
    canon: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind|"", norm) -> name
    kind_of: dict[str, str] = field(default_factory=dict)  # norm -> forced kind
    blocked: dict[str, set[str]] = field(default_factory=dict)  # norm -> kinds ("" = all)
    links: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (kind, name)
    adds: PhraseIndex = field(default_factory=PhraseIndex)
    forms: dict[str, list[int]] = field(default_factory=dict)  # norm form -> entry indexes

    def __bool__(self) -> bool:
        return bool(self.entries)

    def resolve(self, kind: str, name: str) -> str:
        """Canonical name of `name` as `kind` (following merges and renames)."""
        seen = set()
        while True:
            n = norm(name)
            nxt = self.canon.get((kind, n)) or self.canon.get(("", n))
            if nxt is None or nxt == name or n in seen:
                return name
            seen.add(n)
            name = nxt

    def is_blocked(self, kind: str, name: str) -> bool:
        """True when `name` may not be tagged as `kind`."""
        kinds = self.blocked.get(norm(name))
        return bool(kinds) and ("" in kinds or kind in kinds)


# ---------------------------------------------------------------- reading


def parse(text: str, path: Path | None = None) -> Register:
    """Parse register text; bad lines go to `errors` as 'file:line: reason'."""
    reg = Register(path)
    label = str(path) if path else REGISTER_NAME
    added: dict[tuple[str, str], int] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            row = next(csv.reader([raw]))
        except csv.Error as exc:
            reg.errors.append(f"{label}:{n}: unreadable CSV ({exc})")
            continue
        row = [c.strip() for c in row] + [""] * len(COLUMNS)
        if row[0].lower() == "action":
            continue  # the header row
        try:
            entry = _entry(n, row[:len(COLUMNS)])
            if entry.action == "add":
                key = (entry.kind, norm(entry.name))
                if key in added:
                    raise ValueError(f"{entry.name!r} is already added on line {added[key]}")
                added[key] = n
        except ValueError as exc:
            reg.errors.append(f"{label}:{n}: {exc}")
            continue
        reg.entries.append(entry)
    _index(reg)
    return reg


def _entry(n: int, row: list[str]) -> Entry:
    action, kind, name, aliases, target, country, ident = row
    action = action.lower()
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r} (use one of {', '.join(ACTIONS)})")
    if kind and kind.lower() not in KIND_NAMES:
        raise ValueError(f"unknown kind {kind!r} (use organization, person or country)")
    kind = KIND_NAMES.get(kind.lower(), "")
    if not name:
        raise ValueError("the name column is empty")
    if action in ("add", "retype") and not kind:
        raise ValueError(f"{action} needs a kind (organization, person or country)")
    if action in ("merge", "rename") and not target:
        raise ValueError(f"{action} needs a target (the name to use instead)")
    if action in ("merge", "rename", "retype") and kind == "country":
        raise ValueError(f"{action} does not apply to countries (use add or block)")
    if kind == "country" and not re.fullmatch(r"[A-Za-z]{2}", name):
        raise ValueError(f"a country is named by its ISO code, not {name!r}")
    if country and not re.fullmatch(r"[A-Za-z]{2}", country):
        raise ValueError(f"country {country!r} is not a two-letter ISO code")
    if ident and not (_QID.match(ident) or re.match(r"^https?://\S+$", ident)):
        raise ValueError(f"id {ident!r} is neither a Wikidata item (Q42) nor an http(s) URL")
    if kind == "country":
        name = name.upper()
    alist = [a.strip() for a in aliases.split("|") if a.strip()]
    return Entry(n, action, kind, name, alist, target, country.upper(), ident)


def _index(reg: Register) -> None:
    h = hashlib.sha1()
    for k, e in enumerate(reg.entries):
        h.update(e.key.encode("utf-8") + b"\n")
        for form in e.forms:
            reg.forms.setdefault(_gram_key(form), []).append(k)
        if e.action == "add":
            for form in (e.name, *e.aliases):
                reg.canon.setdefault((e.kind, norm(form)), e.name)
                if e.kind != "country":
                    reg.kind_of.setdefault(norm(form), e.kind)
                reg.adds.add(form, (e.kind, e.name))
            links = [wikidata_url(e.id)] if e.id else []
            if e.country:
                links.append(f"country:{e.country}")
            if links:
                reg.links[(e.kind, e.name)] = links
        elif e.action in ("merge", "rename"):
            reg.canon[(e.kind, norm(e.name))] = e.target
        elif e.action == "block":
            reg.blocked.setdefault(norm(e.name), set()).add(e.kind)
        elif e.action == "retype":
            reg.kind_of[norm(e.name)] = e.kind
    reg.digest = h.hexdigest()[:12] if reg.entries else ""


def wikidata_url(ident: str) -> str:
    """A Wikidata item's URL ('Q42' -> https://www.wikidata.org/wiki/Q42); URLs unchanged."""
    return f"https://www.wikidata.org/wiki/{ident}" if _QID.match(ident) else ident


_cache: dict[str, tuple[tuple, Register]] = {}


def load(path: Path) -> Register:
    """The register at `path` (empty when there is none), parsed again only when the file
    changes; its bad lines are logged once per change."""
    path = Path(path)
    try:
        st = path.stat()
    except OSError:
        return Register(path)
    stamp = (st.st_mtime_ns, st.st_size)
    hit = _cache.get(str(path))
    if hit and hit[0] == stamp:
        return hit[1]
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        log.error("%s: cannot read the entity register (%s)", path, exc.strerror)
        return Register(path)
    reg = parse(text, path)
    for err in reg.errors:
        log.error("%s", err)
    _cache[str(path)] = (stamp, reg)
    return reg


def register_for(raw_dir: str | Path) -> Register:
    """The register of an archive: `entities.csv` next to its raw folder (content/)."""
    return load(Path(raw_dir).parent / REGISTER_NAME)


# ---------------------------------------------------------------- applying


def apply(tags: Tags, text: str, reg: Register) -> dict[str, list[str]]:
    """Correct an article's tags with the register (in place); returns canonical name ->
    links (Wikidata/URL ids and `country:XX`) of the entities that have some."""
    if not reg:
        return {}
    found: dict[str, dict[str, list[str]]] = {"organization": {}, "person": {}}
    items = [("organization", o.name, o.aliases) for o in tags.organizations]
    items += [("person", p, []) for p in tags.persons]
    for kind, name, aliases in items:
        kind = next((reg.kind_of[norm(f)] for f in (name, *aliases) if norm(f) in reg.kind_of),
                    kind)
        if kind not in found or any(reg.is_blocked(kind, f) for f in (name, *aliases)):
            continue
        canon = reg.resolve(kind, name)
        for a in aliases:
            if canon == name:
                canon = reg.resolve(kind, a)
        _note(found[kind], canon, [name, *aliases])
    countries = [c for c in tags.countries if not reg.is_blocked("country", c)]
    for kind, name, form in _mentions(text, reg):
        if reg.is_blocked(kind, name):
            continue
        if kind == "country":
            if name not in countries:
                countries.append(name)
        elif kind in found:
            _note(found[kind], name, [form])
    tags.countries = countries
    tags.organizations = [Organization(n, a) for n, a in found["organization"].items()]
    tags.persons = list(found["person"])
    links = {}
    for kind in ("organization", "person", "country"):
        names = countries if kind == "country" else found[kind]
        for n in names:
            if (kind, n) in reg.links:
                links[n] = reg.links[(kind, n)]
    return links


def _note(bucket: dict[str, list[str]], canon: str, forms: list[str]) -> None:
    aliases = bucket.setdefault(canon, [])
    for f in forms:
        if f and f != canon and f not in aliases:
            aliases.append(f)


def _mentions(text: str, reg: Register) -> list[tuple[str, str, str]]:
    """(kind, canonical name, surface form) of every added entity the text mentions."""
    idx = reg.adds
    if not idx.entries:
        return []
    words = split_tokens(text)[1::2]
    out = []
    for i, w in enumerate(words):
        if w in idx.maxlen:
            hit = idx.longest(words, i)
            if hit:
                k, pays = hit
                out += [(kind, name, " ".join(words[i:i + k])) for kind, name in pays]
    return out


# ---------------------------------------------------------------- stamping posts


def _gram_key(text: str) -> str:
    """Words of a text, case kept, punctuation dropped ("AT&T" -> "AT T")."""
    return " ".join(re.sub(r"[^\w]+", " ", re.sub(r"[.'’`]", "", text)).split())


def _grams(text: str) -> set[str]:
    """Word n-grams of a text (n up to the longest register form), as `_gram_key`."""
    words = _gram_key(text).split()
    out = set()
    for n in range(1, _MAX_FORM_TOKENS + 1):
        for i in range(len(words) - n + 1):
            out.add(" ".join(words[i:i + n]))
    return out


def relevant_digest(post_text: str, reg: Register) -> str:
    """Digest of the register lines whose names occur in a post (its header or body);
    "" when none does."""
    grams = _grams(_without_stamp(post_text))
    hit = sorted({k for form, ks in reg.forms.items() if form in grams for k in ks})
    if not hit:
        return ""
    h = hashlib.sha1()
    for k in hit:
        h.update(reg.entries[k].key.encode("utf-8") + b"\n")
    return h.hexdigest()[:12]


def _without_stamp(post_text: str) -> str:
    from ..posts import FINGERPRINT_KEY

    skip = (FINGERPRINT_KEY + ":", STAMP_KEY + ":")
    return "\n".join(ln for ln in post_text.split("\n") if not ln.startswith(skip))


def stamp(post_text: str, reg: Register, links: dict[str, list[str]]) -> str:
    """A rendered post with its entity links and register digest in the header (and its
    fingerprint recomputed); unchanged when the archive has no register."""
    if not reg:
        return post_text
    from ..posts import FINGERPRINT_KEY, fingerprint, join_list

    lines = [ln for ln in post_text.split("\n") if not ln.startswith(FINGERPRINT_KEY + ":")]
    end = lines.index("") if "" in lines else len(lines)
    if links:
        value = join_list(f"{n}={'|'.join(v)}" for n, v in links.items())
        lines.insert(end, f"{LINKS_KEY}: {value}")
        end += 1
    body = "\n".join(lines)
    lines.insert(end, f"{STAMP_KEY}: {reg.digest}-{relevant_digest(body, reg)}")
    text = "\n".join(lines)
    return f"{FINGERPRINT_KEY}: {fingerprint(text)}\n" + text


CHECKED_NAME = ".entity-register-checked"


def checked_digest(posts_dir: Path) -> str:
    """Digest of the register every post was last checked against ("" when none)."""
    try:
        return (Path(posts_dir) / CHECKED_NAME).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def remember(posts_dir: Path, reg: Register) -> None:
    """Record that every post now matches this register (after an ingest run)."""
    path = Path(posts_dir) / CHECKED_NAME
    if not reg:
        path.unlink(missing_ok=True)
    elif checked_digest(posts_dir) != reg.digest and Path(posts_dir).is_dir():
        path.write_text(reg.digest + "\n", encoding="utf-8")


def outdated(posts_of_file: list, reg: Register, checked: str | None = None) -> bool:
    """True when a register edit touches a generated post of this raw file (its stamp no
    longer matches the register lines relevant to it). `checked`: the digest every post was
    checked against in an earlier run; when it is the register's, no post is read."""
    if checked is not None and checked == reg.digest:
        return False
    for p in posts_of_file:
        if "generated-sha256" not in p.meta:
            continue
        stored = p.meta.get(STAMP_KEY.lower(), "")
        if not reg:
            if stored:
                return True
            continue
        if stored.startswith(reg.digest + "-"):
            continue
        try:
            text = Path(p.path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return True
        if stored.rpartition("-")[2] != relevant_digest(text, reg):
            return True
    return False


def apply_to_draft(draft, reg: Register) -> None:
    """Apply the register to a draft's tags; keep the links for `stamp` on the draft."""
    e = draft.extracted
    text = "\n\n".join(p for p in (e.title, e.summary, *e.paragraphs, e.credits) if p)
    draft.__dict__["entity_links"] = apply(draft.tags, text, reg)


def stamp_draft_post(post_text: str, draft, reg: Register) -> str:
    """`stamp` with the links `apply_to_draft` kept on the draft."""
    return stamp(post_text, reg, draft.__dict__.get("entity_links", {}))
