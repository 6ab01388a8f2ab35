"""A synchronous client for Pagefind's indexing service (`pagefind --service`).

The `pagefind` Python package talks to the same service, but asynchronously and reading one
response per 0.1 s poll (about 10 pages a second). This client pipelines requests: a thread
writes them while the caller collects the answers, matched by message id. Protocol: each
request is base64(JSON {"message_id", "payload"}) followed by a comma; each answer likewise.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any


class PagefindError(RuntimeError):
    """The service answered with an error, or died."""


def executable() -> Path | None:
    """The Pagefind binary the `pagefind` package would use (extended first), else one on
    PATH, else None."""
    try:
        from pagefind.service import get_executable

        found = get_executable()
        if found is not None:
            return found
    except Exception:  # noqa: BLE001 - a missing or broken package: look on PATH
        pass
    for name in ("pagefind_extended", "pagefind"):
        exe = shutil.which(name)
        if exe:
            return Path(exe)
    return None


class PagefindService:
    """One `pagefind --service` process; use as a context manager."""

    def __init__(self, exe: Path) -> None:
        self._proc = subprocess.Popen([str(exe), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._next_id = 0
        self._answers: dict[int, dict] = {}
        self._cond = threading.Condition()
        self._closed = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            if self._proc.stdin:
                self._proc.stdin.close()
        except OSError:
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()

    def _read(self) -> None:
        out = self._proc.stdout
        assert out is not None
        buf = b""
        while True:
            chunk = out.read1(1 << 20)
            if not chunk:
                break
            buf += chunk
            *messages, buf = buf.split(b",")
            for raw in messages:
                if not raw.strip():
                    continue
                msg = json.loads(base64.b64decode(raw))
                mid = msg.get("message_id")
                if mid is None:  # an unparsable request: the answer carries it back
                    original = (msg.get("payload") or {}).get("original_message")
                    mid = json.loads(original).get("message_id") if original else None
                with self._cond:
                    self._answers[mid] = msg.get("payload") or {}
                    self._cond.notify_all()
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def send(self, payload: dict) -> int:
        """Send one request; returns its message id (see `answer`)."""
        self._next_id += 1
        data = json.dumps({"message_id": self._next_id, "payload": payload}).encode()
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(base64.b64encode(data) + b",")
            self._proc.stdin.flush()
        except OSError as exc:
            raise PagefindError(f"Pagefind service stopped: {exc}") from exc
        return self._next_id

    def answer(self, mid: int, timeout: float = 600) -> dict:
        """The answer to request `mid` (raises PagefindError for an error answer)."""
        with self._cond:
            if not self._cond.wait_for(lambda: mid in self._answers or self._closed, timeout):
                raise PagefindError(f"Pagefind service did not answer request {mid}")
            if mid not in self._answers:
                raise PagefindError("Pagefind service stopped before answering")
            payload = self._answers.pop(mid)
        if payload.get("type") == "Error":
            raise PagefindError(str(payload.get("message")))
        return payload

    def call(self, payload: dict) -> dict:
        return self.answer(self.send(payload))

    def new_index(self, config: dict[str, Any]) -> int:
        return int(self.call({"type": "NewIndex", "config": config})["index_id"])

    def add_html(self, index_id: int, pages: Iterable[tuple[str, str]]) -> int:
        """Add (url, html) pages, pipelined, in the given order; the number indexed."""
        ids = [self.send({"type": "AddFile", "index_id": index_id, "url": url,
                          "file_path": None, "file_contents": html}) for url, html in pages]
        for mid in ids:
            self.answer(mid)
        return len(ids)

    def write_files(self, index_id: int, output_path: Path) -> None:
        self.call({"type": "WriteFiles", "index_id": index_id,
                   "output_path": str(output_path)})

    def delete_index(self, index_id: int) -> None:
        self.call({"type": "DeleteIndex", "index_id": index_id})
