"""Stable fingerprints of template context values, for incremental rendering.

`Fingerprinter.of(value)` returns a short string that changes whenever what a template shows
of `value` changes. Two depths:

- *full*: the value of a top-level template variable, and the items of containers in it.
  A content (article, page) or other object is fingerprinted by all its public attributes,
  each of them in *ref* depth (a content's: its ref fingerprint, plus the attributes that
  leaves out, such as lists of related articles and terms).
- *ref*: a value reached through an attribute (also a path such as `entity.related` that a
  template read, see `incremental.py`). A content is fingerprinted by its own state
  (source text, metadata, URL, plain attributes such as title or summary) but not by the
  contents and terms it links to; a URL wrapper (tag, category, country, ...) by its class,
  name, slug, URL and aliases. So adding an article changes the pages that list it, not every
  page that names its country. The contract for templates: what a page shows of a term beyond
  its name, URL and aliases (article count, timeline) must come from a top-level variable (the
  term of a term page, a list such as `news_top_countries`), not through another object's
  attribute.

Strings inside a container are written out with their length and hashed with it, so no
separator inside them can make two containers alike. An object whose class defines
`__fingerprint__()` is fingerprinted by what that returns, at ref depth (a feed item by the
article it stands for). Private attributes (`_x`) are ignored, except a content's `_content`
and a wrapper's name and slug.

Fingerprints are memoized by object identity for one build (the memo keeps the objects alive,
so identities are not reused). A content's ref fingerprint is also kept from one build to the
next in the same process (`pelican --autoreload` reuses unchanged contents, see
`resident.py`), and reused only while everything it was computed from is equal.
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date, datetime, time
from typing import Any

from markupsafe import Markup
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper
from pelican.utils import SafeDatetime

# `settings` is fingerprinted once per build (private attributes are skipped too).
IGNORED_ATTRS = frozenset({"settings"})
MAX_DEPTH = 10
# Contents whose HTML links to other contents ({filename}, {static} ...) render differently when
# those move; they are never considered unchanged.
INTRASITE_LINK = re.compile(r"[{|](?:filename|static|attach|tag|category|author|index)[}|]")
_SCALARS = (str, int, float, bool, date, time, type(None))
# Types whose repr() states their whole value: a content whose own state holds only these and
# strings (the usual case) is fingerprinted from one text of them all (`_plain_text`).
_REPR_EXACT = frozenset({str, Markup, int, float, bool, type(None), datetime, date, time,
                         SafeDatetime})


def digest(text: str) -> str:
    """Short hash of a string."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def code_digest(code: Any) -> str:
    """Hash of a function's bytecode and constants (nested functions included)."""
    consts = [code_digest(c) if hasattr(c, "co_code") else repr(c) for c in code.co_consts]
    return digest(code.co_code.hex() + repr(consts) + repr(code.co_names))


def _public(obj: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(obj).items() if k[0] != "_" and k not in IGNORED_ATTRS}


def covers_attribute(obj: Any, attr: str) -> bool:
    """True when the full fingerprint of `obj` (`Fingerprinter.of`) already covers `obj.attr`
    at the depth a template's `obj.attr` is fingerprinted (ref): a content, URL wrapper or plain
    object fingerprinted by its public attributes, `attr` being one of them."""
    if attr[:1] == "_" or attr in IGNORED_ATTRS or isinstance(obj, (type, dict, list, tuple)):
        return False
    if not isinstance(obj, (Content, URLWrapper)):
        if getattr(type(obj), "__fingerprint__", None) is not None or callable(obj):
            return False
    try:
        return attr in vars(obj)
    except TypeError:  # no __dict__
        return False


# Content ref fingerprints of the last two builds: id -> (content, inputs, fingerprint).
_content_refs: list[dict[int, tuple[Any, tuple, str]]] = [{}, {}]


class Fingerprinter:
    """Fingerprints of context values for one build.

    `new_build=True` (the incremental writer's): content ref fingerprints not used in the
    previous build are forgotten."""

    def __init__(self, new_build: bool = False) -> None:
        # by depth (full, ref), then id(value): (value, fingerprint); the value is kept alive
        self._memos: tuple[dict[int, tuple[object, str]], ...] = ({}, {})
        self._own: dict[int, tuple[object, str, str, str, str, bool]] = {}  # contents' own state
        self._active: set[int] = set()
        if new_build:
            _content_refs[:] = [{}, _content_refs[0]]

    def of(self, obj: Any) -> str:
        """Fingerprint of a top-level template value."""
        return self._fp(obj, 0, False)

    def of_attribute(self, obj: Any) -> str:
        """Fingerprint of a value read off a top-level one (`x.y`, `x["k"]`): ref depth."""
        return self._fp(obj, 1, True)

    # -------------------------------------------------------------- dispatch

    def _fp(self, obj: Any, depth: int, ref: bool) -> str:
        kind = type(obj)
        if kind is str and len(obj) <= 48:  # the common cases first, by exact type
            return "s" + obj
        if obj is None or kind is int or kind is bool:
            return repr(obj)
        memo = self._memos[ref]
        hit = memo.get(id(obj))
        if hit is not None:
            return hit[1]
        if kind is str:  # long strings (titles, summaries) recur on many pages: memoized
            value = "s" + digest(obj)
        elif isinstance(obj, (bool, int, float, complex)):
            return repr(obj)
        elif isinstance(obj, str):
            return "s" + (obj if len(obj) <= 48 else digest(obj))
        elif isinstance(obj, bytes):
            return "b" + hashlib.blake2b(obj, digest_size=12).hexdigest()
        elif isinstance(obj, (datetime, date, time)):
            value = f"d{obj.isoformat()}|{getattr(obj, 'tzinfo', None)}"
        elif isinstance(obj, type):
            return f"c{obj.__module__}.{obj.__qualname__}"
        elif depth > MAX_DEPTH:
            return "deep:" + type(obj).__qualname__
        elif id(obj) in self._active:
            return "cycle:" + type(obj).__qualname__
        else:
            self._active.add(id(obj))
            try:
                value = self._compute(obj, depth + 1, ref)
            finally:
                self._active.discard(id(obj))
        memo[id(obj)] = (obj, value)
        return value

    def _each(self, items: Any, depth: int, ref: bool) -> list[str]:
        """Fingerprints of the items of a container. Strings, the common case, are written out
        with their length (so no separator in them can make two lists alike) and hashed once
        with the container, instead of one hash each."""
        fp = self._fp
        return [f"s{len(x)}:{x}" if type(x) is str else fp(x, depth, ref) for x in items]

    def _compute(self, obj: Any, depth: int, ref: bool) -> str:
        if isinstance(obj, (list, tuple)):
            return ("L" if isinstance(obj, list) else "T") + digest(",".join(
                self._each(obj, depth, ref)))
        if isinstance(obj, (set, frozenset)):
            return "S" + digest(",".join(sorted(self._each(obj, depth, ref))))
        if isinstance(obj, dict):
            return "D" + self._dict(obj, depth, ref)
        if isinstance(obj, Content):
            return self._content(obj, depth, ref)
        if isinstance(obj, URLWrapper):
            return self._wrapper(obj, depth, ref)
        stand_in = getattr(type(obj), "__fingerprint__", None)
        if stand_in is not None:  # an object that says what determines how it is shown
            return f"H{type(obj).__qualname__}:" + self._fp(stand_in(obj), depth, True)
        code = getattr(obj, "__code__", None)
        if callable(obj) and code is not None:
            name = f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', '')}"
            return f"f{name}:{code_digest(code)}"
        if hasattr(obj, "__dict__"):
            return f"O{type(obj).__qualname__}:" + self._dict(_public(obj), depth, True)
        text = repr(obj)
        return type(obj).__qualname__ if " at 0x" in text else "r" + digest(text)

    def _dict(self, mapping: dict, depth: int, ref: bool) -> str:
        keys = sorted(mapping, key=str)
        values = self._each([mapping[k] for k in keys], depth, ref)
        return digest(";".join([f"{k}={v}" for k, v in zip(keys, values, strict=True)]))

    # -------------------------------------------------------------- Pelican objects

    def _wrapper(self, obj: URLWrapper, depth: int, ref: bool) -> str:
        if ref:  # identity only: a term's own data (count, timeline) is shown on its own page
            # ... and its other names, which pages naming it show too (JSON-LD alternateName).
            aliases = "|".join(map(str, getattr(obj, "aliases", None) or ()))
            return f"W{type(obj).__qualname__}:{obj.name}|{obj.slug}|{obj.url}|{aliases}"
        own = self._dict(_public(obj), depth, True)
        return f"W{type(obj).__qualname__}:{obj.name}|{obj.slug}|{obj.url}|{own}"

    def _own_state(self, obj: Content) -> tuple[object, str, str, str, str, bool]:
        """(content, source text, its digest, URL, save_as, links to other contents), once per
        content and build (its ref and full fingerprints both start from it)."""
        hit = self._own.get(id(obj))
        if hit is None:
            raw = getattr(obj, "_content", "") or ""
            hit = self._own[id(obj)] = (
                obj, raw, digest(raw), str(getattr(obj, "url", "")),
                str(getattr(obj, "save_as", "")),
                ("{" in raw or "|" in raw) and INTRASITE_LINK.search(raw) is not None)
        return hit

    def _content(self, obj: Content, depth: int, ref: bool) -> str:
        """Full: every public attribute (at ref depth); ref: own state, not linked objects.
        The full fingerprint is the ref one plus the attributes it leaves out."""
        if ref:
            return self._content_ref(obj, depth)
        memo = self._memos[True]
        hit = memo.get(id(obj))
        own = hit[1] if hit is not None else self._content_ref(obj, depth)
        memo[id(obj)] = (obj, own)
        linked = {k: v for k, v in vars(obj).items() if k[0] != "_" and k != "metadata"
                  and k not in IGNORED_ATTRS and not isinstance(v, _SCALARS)}
        out: list[str] = []
        self._flat(linked, depth, out)
        return "C" + digest(own + "|" + "".join(out))

    def _flat(self, value: Any, depth: int, out: list[str]) -> None:
        """Append an unambiguous text of `value` to `out`: containers item by item (lengths and
        brackets written out) instead of one hash per container, other values by their ref
        fingerprint. For the per-content lists and dicts of a full content fingerprint, which
        are new objects in every build and seen once."""
        kind = type(value)
        if kind is str:
            out.append(f"s{len(value)}:{value}")
        elif depth < MAX_DEPTH and (kind is list or kind is tuple):
            out.append(f"{'L' if kind is list else 'T'}{len(value)}(")
            for item in value:
                self._flat(item, depth + 1, out)
            out.append(")")
        elif depth < MAX_DEPTH and kind is dict:
            out.append(f"D{len(value)}(")
            for key in sorted(value, key=str):
                self._flat(key, depth + 1, out)
                self._flat(value[key], depth + 1, out)
            out.append(")")
        else:
            fp = self._fp(value, depth, True)
            out.append(f"f{len(fp)}:{fp}")

    def _content_ref(self, obj: Content, depth: int) -> str:
        """Source text, metadata, URL, save_as and plain attributes (title, summary ...)."""
        _, raw, raw_digest, url, save_as, volatile = self._own_state(obj)
        attrs = {k: v for k, v in vars(obj).items()
                 if isinstance(v, _SCALARS) and k[0] != "_" and k not in IGNORED_ATTRS}
        metadata = getattr(obj, "metadata", {})
        frozen = {k: tuple(v) if isinstance(v, list) else v for k, v in metadata.items()}
        inputs = (raw, frozen, attrs, url, save_as)
        now, before = _content_refs
        kept = now.get(id(obj)) or before.get(id(obj))
        if kept is not None and kept[0] is obj and kept[1] == inputs:
            now[id(obj)] = kept
            return kept[2]
        if volatile:
            return "volatile:" + os.urandom(8).hex()
        own_text, meta_text = _plain_text(attrs), _plain_text(frozen)
        if own_text is not None and meta_text is not None:
            plain = f"P{own_text}|{meta_text}"
        else:  # an object among them: fingerprinted value by value
            attrs = {**attrs, "metadata": metadata}  # `inputs` keeps the scalars alone
            plain = "H" + self._dict(attrs, depth, True)
        value = "R" + digest("|".join([type(obj).__qualname__, url, save_as, raw_digest, plain]))
        now[id(obj)] = (obj, inputs, value)
        return value


def _plain_text(mapping: dict[str, Any]) -> str | None:
    """`key=value` pairs as one unambiguous string (lengths written out), or None when a key is
    not a string or a value is not a string, number, date or tuple of those (one hash of this
    text replaces one per value: a content's own state is fingerprinted for every page)."""
    if any(type(key) is not str for key in mapping):
        return None
    out = []
    for key, value in sorted(mapping.items()):
        kind = type(value)
        if kind is str or kind is Markup:
            out.append(f"{len(key)}:{key}={kind.__name__}{len(value)}:{value}")
        elif kind in _REPR_EXACT or (kind is tuple and all(type(v) in _REPR_EXACT
                                                            for v in value)):
            text = repr(value)
            out.append(f"{len(key)}:{key}~{len(text)}:{text}")
        else:
            return None
    return "".join(out)
