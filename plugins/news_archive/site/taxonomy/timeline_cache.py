"""Timelines kept between builds: an entity's SVG is drawn again only when its months changed.

`CACHE_PATH/news_archive_timelines.json` maps what a timeline shows (kind, name, articles per
month) to its SVG, for the code that drew it (a digest of `timeline.py`: other code, nothing
kept). Entries no entity used in a build are dropped when it is saved. A damaged file is set
aside with a warning (`safe_state`), and every timeline is drawn.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from pathlib import Path

from markupsafe import Markup
from safe_state import atomic_write_text, read_json_state

from . import timeline

log = logging.getLogger("news_archive.taxonomy")

CACHE_NAME = "news_archive_timelines.json"
_CODE = hashlib.sha256(Path(timeline.__file__).read_bytes()).hexdigest()


def _valid(data) -> str | None:
    if not (isinstance(data, dict) and isinstance(data.get("svg"), dict)
            and all(isinstance(v, str) for v in data["svg"].values())):
        return "not a timeline cache"
    return None


class Timelines:
    """Draws timelines, reusing the SVG of the last build for the same months."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.path = Path(cache_dir) / CACHE_NAME if cache_dir else None
        self.kept: dict[str, str] = {}
        self.used: dict[str, str] = {}
        self.drawn = 0
        data = read_json_state(self.path, _valid, "timeline cache") if self.path else None
        if data is not None and data.get("code") == _CODE:
            self.kept = data["svg"]

    def svg(self, months: Counter, name: str, uid: str) -> Markup:
        key = json.dumps([uid, name, sorted(months.items())], ensure_ascii=False)
        text = self.kept.get(key)
        if text is None:
            text = str(timeline.timeline_svg(months, name, uid))
            self.drawn += 1
        self.used[key] = text
        return Markup(text)

    def save(self) -> None:
        if self.path is None or (not self.drawn and len(self.used) == len(self.kept)):
            return
        try:
            atomic_write_text(self.path, json.dumps({"code": _CODE, "svg": self.used},
                                                    ensure_ascii=False), durable=False)
        except OSError as exc:
            log.warning("timeline cache %s not saved: %s", self.path, exc)
