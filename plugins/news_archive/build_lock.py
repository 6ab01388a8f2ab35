"""One build at a time per site: a lock on `<posts folder>/.build.lock`.

`pelican content`, `pelican --autoreload` (`make serve`) and `news-archive ingest` all write
the posts folder, the output and the caches; two at once once crashed in Pelican's theme copy
and once left a search index mixed from both. Each takes an exclusive `fcntl.flock` on the
lock file for the whole build; a second build logs that it waits and goes on when the first
ends, or stops with a clear message after `NEWS_ARCHIVE_LOCK_TIMEOUT` seconds (the CLI's
`--wait`). The lock is the kernel's: a killed build releases it, no stale lock file blocks.
It is re-entrant within one process (ingest inside a Pelican build). Hidden files are not
watched by Pelican's autoreload (`IGNORE_FILES`), so the lock file never triggers a rebuild.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .settings import DEFAULTS, setting

log = logging.getLogger("news_archive")
LOCK_NAME = ".build.lock"
DEFAULT_TIMEOUT = float(DEFAULTS["NEWS_ARCHIVE_LOCK_TIMEOUT"])
_held: dict[str, list] = {}  # lock path -> [file object, depth]


class SiteBusy(RuntimeError):
    """Another build of the same site held the lock for longer than we would wait."""

    exitcode = 75  # EX_TEMPFAIL: try again later


@contextmanager
def site_lock(posts_dir: Path, timeout: float = DEFAULT_TIMEOUT,
              poll: float = 0.2) -> Iterator[Path]:
    """Hold the site's build lock (waiting up to `timeout` seconds for another build)."""
    posts_dir = Path(posts_dir)
    path = posts_dir / LOCK_NAME
    key = os.path.realpath(path)
    if key in _held:
        _held[key][1] += 1
        try:
            yield path
        finally:
            _held[key][1] -= 1
        return
    try:
        posts_dir.mkdir(parents=True, exist_ok=True)
        f = open(path, "a+")  # noqa: SIM115 (held for the whole build)
    except OSError as exc:  # a read-only content folder: nothing there to protect
        log.warning("news_archive: cannot create the build lock %s (%s); building without it",
                    path, exc.strerror or exc)
        yield path
        return
    try:
        _wait_for(f, path, timeout, poll)
    except BaseException:
        f.close()
        raise
    _held[key] = [f, 1]
    try:
        yield path
    finally:
        _held[key][1] -= 1
        if _held[key][1] == 0:
            del _held[key]
            fcntl.flock(f, fcntl.LOCK_UN)
            f.close()


def _wait_for(f, path: Path, timeout: float, poll: float) -> None:
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    log.warning("news_archive: another build of this site is running (lock %s); waiting for "
                "it to finish (up to %g s)", path, timeout)
    deadline = time.monotonic() + timeout
    while True:
        time.sleep(poll)
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            log.warning("news_archive: the other build finished; this one goes on")
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise SiteBusy(f"another build of this site is still running after {timeout:g} "
                               f"s (lock {path}); stopped without building") from None


def posts_folder(settings: dict) -> Path:
    """The site's posts folder (where the lock lives), from Pelican settings."""
    return Path(settings["PATH"]) / setting(settings, "NEWS_ARCHIVE_POSTS_DIR")


def install() -> None:
    """Wrap `Pelican.run` so every build (one-off or autoreload) holds the site's lock."""
    from pelican import Pelican

    if getattr(Pelican.run, "_takes_site_lock", False):
        return
    original = Pelican.run

    def run(self):
        timeout = float(setting(self.settings, "NEWS_ARCHIVE_LOCK_TIMEOUT"))
        with site_lock(posts_folder(self.settings), timeout):
            return original(self)

    run._takes_site_lock = True  # type: ignore[attr-defined]
    run.__wrapped__ = original  # type: ignore[attr-defined]
    Pelican.run = run
