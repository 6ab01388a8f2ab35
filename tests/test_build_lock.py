"""One build at a time per site: the lock waits, times out clearly, and is re-entrant."""

from __future__ import annotations

import errno
import logging
import select
import subprocess
import sys

import pytest
from news_archive import build_lock
from news_archive.build_lock import LOCK_NAME, SiteBusy, site_lock

HOLDER = """
import fcntl, sys, time
f = open(sys.argv[1], "a+")
fcntl.flock(f, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
print("releasing", flush=True)
"""


def _hold(path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_build_stops_clearly_after_the_timeout(tmp_path, caplog) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    holder = _hold(posts / LOCK_NAME, 60)
    try:
        with caplog.at_level(logging.WARNING, logger="news_archive"):
            with pytest.raises(SiteBusy, match="another build of this site is still running"):
                with site_lock(posts, timeout=0.3):
                    pass
        assert "waiting" in caplog.text and LOCK_NAME in caplog.text
    finally:
        holder.kill()
        holder.wait()
    with site_lock(posts, timeout=0.3):  # a killed holder leaves no stale lock
        pass


def test_the_second_build_goes_on_when_the_first_ends(tmp_path) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    holder = _hold(posts / LOCK_NAME, 1.0)
    with site_lock(posts, timeout=120):
        # We got the lock only once the holder was done: its last line is already there.
        assert select.select([holder.stdout], [], [], 0)[0]
        assert holder.stdout.readline().strip() == "releasing"
    holder.wait()


def test_the_lock_is_reentrant_within_a_process(tmp_path) -> None:
    posts = tmp_path / "posts"
    with site_lock(posts, timeout=0.1), site_lock(posts, timeout=0.1):
        pass
    holder = _hold(posts / LOCK_NAME, 0)  # released after the outer block: others can take it
    holder.wait()


def test_a_read_only_content_folder_builds_without_the_lock(tmp_path, monkeypatch,
                                                            caplog) -> None:
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(build_lock, "open", read_only, raising=False)
    with caplog.at_level(logging.WARNING, logger="news_archive"):
        with site_lock(tmp_path / "posts", timeout=0.1):
            pass
    assert "building without it" in caplog.text and "Read-only" in caplog.text
