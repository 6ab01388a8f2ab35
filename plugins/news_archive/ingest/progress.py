"""Progress of a long ingest: a line in the build log now and then, or a bar in a terminal."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

log = logging.getLogger("news_archive")

Progress = Callable[[int, int], None]  # (files processed, files to process)
LONG_RUN = 200  # files to process before progress is shown at all


def log_progress(every_seconds: float = 5.0, clock: Callable[[], float] = time.monotonic,
                 emit: Callable[[str], None] | None = None) -> Progress:
    """A progress callback that gives one line at most every `every_seconds` (build logs), to
    `emit` (default: the log at info level)."""
    last = [clock()]
    emit = emit or log.info

    def report(done: int, total: int) -> None:
        now = clock()
        if total >= LONG_RUN and done < total and now - last[0] >= every_seconds:
            last[0] = now
            emit(f"news_archive ingest: {done} of {total} files processed "
                 f"({100 * done // total}%)")

    return report


class ProgressBar:
    """A `rich` progress bar for the command line (shown for long runs only)."""

    def __init__(self) -> None:
        self._bar = None
        self._task = None

    def __call__(self, done: int, total: int) -> None:
        if total < LONG_RUN:
            return
        if self._bar is None:
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(transient=True)
            self._bar.start()
            self._task = self._bar.add_task("ingest", total=total)
        self._bar.update(self._task, completed=done)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
