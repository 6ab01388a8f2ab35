"""Shared helpers of the browser tests: headless Chromium through Playwright, and a built site
served on localhost. Tests skip with a reason where Chromium or Playwright is missing."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_browser() -> None:
    """Skip the calling test where Playwright or Debian's Chromium is missing."""
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (scripts/install-browser.sh)")


def build_sample(work: Path, extra_posts: dict[str, str] | None = None) -> Path:
    """The bundled sample content (plus `extra_posts`: file name -> post text) built with the
    site's own settings (search on) into `work/output`, which is returned."""
    from conftest import ROOT, run_pelican

    content = work / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("posts"))
    (content / "posts").mkdir()
    for name, text in (extra_posts or {}).items():
        (content / "posts" / name).write_text(text, encoding="utf-8")
    out = work / "output"
    # A cache of its own: builds of other tests never share state with this one.
    pairs = [f"{k}={json.dumps(v)}" for k, v in {"PATH": str(content), "OUTPUT_PATH": str(out),
                                                  "CACHE_PATH": str(work / "cache")}.items()]
    proc = run_pelican(content, out, None, extra_args=("-e", *pairs))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """`folder` served on a free localhost port; yields its base URL (ends with /)."""
    handler = type("Quiet", (http.server.SimpleHTTPRequestHandler,),
                   {"log_message": lambda *a: None})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def logged_page(browser, **options):
    """A new page that keeps what the browser reported (console messages, script errors, failed
    and refused requests) in `page.report`, for `wait_or_explain`."""
    page = browser.new_page(**options)
    report: list[str] = []
    page.on("console", lambda m: report.append(f"console {m.type}: {m.text}"))
    page.on("pageerror", lambda e: report.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: report.append(f"request failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and report.append(f"HTTP {r.status}: {r.url}"))
    page.report = report
    return page


def wait_or_explain(page, selector: str, timeout: float) -> None:
    """Wait for `selector`; when it does not come, fail with what the page shows and what the
    browser reported, instead of a bare timeout."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_selector(selector, timeout=timeout)
    except PlaywrightTimeout:
        notices = page.eval_on_selector_all(
            ".search-notice:not([hidden])", "els => els.map(e => e.textContent.slice(0, 80))")
        pytest.fail(f"{selector!r} did not appear within {timeout / 1000:.0f} s on {page.url}; "
                    f"notices shown: {notices}; browser said: {getattr(page, 'report', [])}")


@contextmanager
def chromium():
    """A headless Chromium browser (Playwright)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
