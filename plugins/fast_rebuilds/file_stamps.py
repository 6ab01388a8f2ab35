"""Hash each content file once per build for Pelican's content cache, not four times.

With `CHECK_MODIFIED_METHOD = "sha256"` (this site's choice: it also works on file systems with
coarse modification times), Pelican 4.12 computes a file's hash four times per build: the
articles generator's cache and the readers' cache each look the file up and store it again.
`install()` wraps `FileStampDataCacher._get_file_stamp` with a memo keyed by the file's path,
size, modification and change times and inode (`stat_key`), cleared when Pelican starts,
so a file is read and hashed once per build; a file changed since it was hashed has a new key
and is hashed again.
"""

from __future__ import annotations

import os
from pathlib import Path

from pelican import signals
from pelican.cache import FileStampDataCacher

_memo: dict[tuple, object] = {}


def stat_key(path: str | Path) -> tuple | None:
    """What identifies one version of a file without reading it (None if it is gone)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
_original = FileStampDataCacher._get_file_stamp


def _stamp(self, filename):
    """Pelican's stamp of `filename`, computed once per build for a hash method."""
    if self.settings.get("CHECK_MODIFIED_METHOD", "mtime") == "mtime":
        return _original(self, filename)
    stat = stat_key(filename)
    if stat is None:
        return _original(self, filename)
    key = (self.settings["CHECK_MODIFIED_METHOD"], *stat)
    if key not in _memo:
        _memo[key] = _original(self, filename)
    return _memo[key]


def new_build(_pelican=None) -> None:
    """`initialized`: forget the previous build's stamps."""
    _memo.clear()


def install() -> None:
    FileStampDataCacher._get_file_stamp = _stamp


def register() -> None:
    install()
    signals.initialized.connect(new_build)
