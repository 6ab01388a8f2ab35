"""trafilatura's precise and broad passes over one page, sharing their common first steps.

`extract_html_page` reads a page's body twice with trafilatura (see `html_page`):

    bare_extraction(tree, url, favor_precision=True, include_comments=False, ...)
    bare_extraction(tree, url, favor_recall=True, fast=True, include_comments=False, ...)

Each call copies the tree and prunes the raw copy the same way (infinite-scroll and share
boxes, then comment sections), two whole-tree XPath searches, before anything depends on
the pass's options; only the comment prune of the broad pass is skipped on a forum thread.
`two_passes` copies and prunes once and runs the rest of each pass on that tree, calling
trafilatura's own stages in the order `trafilatura.core.trafilatura_sequence` and
`bare_extraction` (trafilatura 2.3.1) call them for these two option sets, so the texts are
those of the two calls.  Neither pass changes the pruned tree (each stage works on copies).
With another trafilatura version the two plain calls are made instead.
"""

from __future__ import annotations

from copy import copy

CHECKED_VERSION = "2.3.1"  # the trafilatura whose stages `_shared_passes` repeats
_OPTIONS = {"include_comments": False, "include_images": False, "include_links": False}


def _plain_passes(tree, url: str | None) -> tuple[str | None, str | None]:
    import trafilatura

    precise = trafilatura.bare_extraction(tree, url=url, favor_precision=True, **_OPTIONS)
    broad = trafilatura.bare_extraction(tree, url=url, favor_recall=True, fast=True,
                                        **_OPTIONS)
    return (precise.text if precise else None), (broad.text if broad else None)


def _options(url: str | None, precision: bool):
    """The `Extractor` that `bare_extraction` builds for one of the two passes."""
    from trafilatura.settings import DEFAULT_CONFIG, Extractor

    return Extractor(config=DEFAULT_CONFIG, output_format="python", fast=not precision,
                     precision=precision, recall=not precision, comments=False,
                     formatting=None, links=False, images=False, tables=True, dedup=False,
                     lang=None, url=url, with_metadata=False, only_with_metadata=False,
                     author_blacklist=None, url_blacklist=None, date_params=None)


def _finish(postbody, text: str, options) -> str | None:
    """`bare_extraction`'s checks after the sequence, and its text output."""
    from lxml.etree import strip_tags
    from trafilatura.xml import xmltotxt

    if options.max_tree_size:
        if len(postbody) > options.max_tree_size:
            strip_tags(postbody, "hi")
        if len(postbody) > options.max_tree_size:
            return None
    len_comments = 0  # comments are not extracted
    if len(text) < options.min_output_size and len_comments < options.min_output_comm_size:
        return None
    return xmltotxt(postbody, options.formatting)


def _shared_passes(tree, url: str | None) -> tuple[str | None, str | None]:
    from trafilatura import core
    from trafilatura.htmlprocessing import prune_unwanted_nodes as prune

    precise_opts, broad_opts = _options(url, True), _options(url, False)
    texts: list[str | None] = []
    try:
        raw = copy(tree)
        is_forum = core._forum_thread_page(raw)
        raw = prune(raw, core.RAW_TREE_PRUNE_XPATH)
        raw_forum = copy(raw) if is_forum else None  # the broad pass keeps its comments
        raw = prune(raw, core.REMOVE_COMMENTS_AND_LISTS_XPATH)
    except (TypeError, ValueError):
        return None, None
    # precise: comments off and precision, so the raw tree is comment-pruned either way;
    # no baseline rescue and no recall escalation in precision mode
    try:
        cleaned, backup = core._prepare_tree(raw, precise_opts, url)
        if not is_forum:
            cleaned = prune(cleaned, core.REMOVE_COMMENTS_XPATH)
        body, text = core._extract_and_compare(cleaned, backup, raw, precise_opts)
        texts.append(_finish(body, text, precise_opts))
    except (TypeError, ValueError):
        texts.append(None)
    # broad: recall and fast; the baseline rescues a short text; no escalation in recall mode
    try:
        broad_raw = raw_forum if is_forum else raw
        cleaned, backup = core._prepare_tree(broad_raw, broad_opts, url)
        body, text = core._extract_and_compare(cleaned, backup, broad_raw, broad_opts)
        if len(text) < broad_opts.min_extracted_size:
            b_body, b_text, b_len = core.baseline(broad_raw)
            if b_len > len(text):
                body, text = b_body, b_text
        texts.append(_finish(body, text, broad_opts))
    except (TypeError, ValueError):
        texts.append(None)
    return texts[0], texts[1]


def _shared_ok() -> bool:
    """True when the installed trafilatura is the one whose stages are repeated here."""
    try:
        import trafilatura
        from trafilatura import core
    except ImportError:
        return False
    needed = ("_forum_thread_page", "_prepare_tree", "_extract_and_compare", "baseline",
              "RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH",
              "REMOVE_COMMENTS_XPATH")
    return (getattr(trafilatura, "__version__", "") == CHECKED_VERSION
            and all(hasattr(core, name) for name in needed))


def two_passes(tree, url: str | None = None) -> tuple[str | None, str | None]:
    """(precise text, broad text) of the page, as the two `bare_extraction` calls give them
    (None where a call returns None)."""
    if _shared_ok():
        return _shared_passes(tree, url)
    return _plain_passes(tree, url)
