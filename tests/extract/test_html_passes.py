"""extract/html_tree.py and html_passes.py: one parse and one raw prune per page, same results.

`load_page` must give the tree `trafilatura.load_html` gives (same markup, same element
classes), and `two_passes` the texts of the two `bare_extraction` calls it replaces, on
written pages that take each path: an article, a short page (baseline rescue), a forum
thread (the broad pass keeps its comment lists), a page with a comment section, and pages
without text (None).
"""

from __future__ import annotations

import pytest
from lxml import etree
from news_archive.extract import html_page, html_passes, html_tree
from news_archive.extract.html_page import extract_html_page, separate_blocks
from news_archive.extract.html_passes import _plain_passes, _shared_ok, two_passes
from news_archive.extract.html_tree import load_page

trafilatura = pytest.importorskip("trafilatura")

PARA = ("The port authority approved dredging of the outer channel on Thursday, officials "
        "said, so that larger ferries can dock at the main quay from next year. ")

ARTICLE = f"""<!DOCTYPE html><html lang="en"><head><title>Harbour dredging approved</title>
<meta property="og:title" content="Harbour dredging approved"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Harbour dredging approved</h1><p>{PARA}</p><p>{PARA * 2}</p>
<div class="share-buttons"><a href="#">Share</a></div><p>{PARA}</p></article>
<div id="comments"><div class="comment"><p>Great news for the town, finally.</p></div></div>
<div class="infinite-scroll"><article><h2>Next story</h2><p>{PARA}</p></article></div>
<footer>© 2021 The Coastal Courier</footer></body></html>"""

SHORT = """<html><body><div><span>Ferry timetable changes from Monday.</span></div>
<div><p>Two sailings a day.</p></div></body></html>"""

FORUM = f"""<html><head><script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Dredging"}}
</script></head><body><h1>Dredging the outer channel</h1><p>{PARA}</p>
<ul class="comment-list"><li><p>{PARA}</p></li><li><p>Who pays for the dredging works?
The council or the port authority, and from which budget line?</p></li></ul>
<div id="comments"><p>{PARA}</p></div></body></html>"""

FORM_PAGE = f"""<?xml version="1.0" encoding="utf-8"?>
<html><head><meta charset="utf-8"></head><body><!-- a comment --><form action="/s">
<label for="q">Search</label><input id="q"><select><option>All</option></select>
<textarea>note</textarea></form><p>{PARA}</p></body></html>"""

PAGES = [ARTICLE, SHORT, FORUM, FORM_PAGE, "<html><body><p>Hi</p></body></html>",
         "<p>A fragment only</p>", "<div>x</div><div>y</div>", "plain text, no markup"]


def _classes(tree) -> list[tuple[str, type]]:
    return [(str(el.tag), type(el)) for el in tree.iter()]


@pytest.mark.parametrize("html", PAGES)
def test_load_page_parses_as_trafilatura(html):
    ours, theirs = load_page(html), trafilatura.load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert _classes(ours) == _classes(theirs)  # FormElement, InputElement, ... kept


def test_load_page_copies_keep_the_element_classes():
    from copy import copy

    tree = load_page(FORM_PAGE)
    assert _classes(copy(tree)) == _classes(trafilatura.load_html(FORM_PAGE))


def test_installed_trafilatura_takes_the_shared_path():
    assert _shared_ok()  # else two_passes silently makes the two plain calls


@pytest.mark.parametrize("html", PAGES)
@pytest.mark.parametrize("url", [None, "https://courier.example/news/harbour"])
def test_two_passes_give_the_texts_of_two_bare_extractions(html, url):
    tree = load_page(html)
    if tree is None:
        return
    separate_blocks(tree)
    before = etree.tostring(tree)
    assert two_passes(tree, url) == _plain_passes(tree, url)
    assert etree.tostring(tree) == before  # the page tree is left as it was


def test_forum_thread_broad_pass_keeps_comment_lists():
    precise, broad = two_passes(load_page(FORUM))
    assert precise == _plain_passes(load_page(FORUM), None)[0]
    assert "Who pays for the dredging works?" in (broad or "")


def test_page_parsed_once_and_pruned_once(monkeypatch):
    from trafilatura import core, utils

    calls = {"load_page": 0, "trafilatura.load_html(str)": 0, "raw prune": 0}

    def counting_load_page(html):
        calls["load_page"] += 1
        return load_page(html)

    def counting_load_html(obj, *args, **kwargs):
        if isinstance(obj, str | bytes):
            calls["trafilatura.load_html(str)"] += 1
        return real_load_html(obj, *args, **kwargs)

    def counting_prune(tree, nodelist, *args, **kwargs):
        if nodelist is core.RAW_TREE_PRUNE_XPATH:
            calls["raw prune"] += 1
        return real_prune(tree, nodelist, *args, **kwargs)

    real_load_html, real_prune = utils.load_html, core.prune_unwanted_nodes
    monkeypatch.setattr(html_page, "load_page", counting_load_page)
    monkeypatch.setattr(utils, "load_html", counting_load_html)
    monkeypatch.setattr(core, "load_html", counting_load_html)
    monkeypatch.setattr("trafilatura.htmlprocessing.prune_unwanted_nodes", counting_prune)
    monkeypatch.setattr(core, "prune_unwanted_nodes", counting_prune)
    out = extract_html_page(ARTICLE, "https://courier.example/news/harbour")
    assert out.paragraphs
    assert calls == {"load_page": 1, "trafilatura.load_html(str)": 0, "raw prune": 1}


def test_other_trafilatura_versions_make_the_plain_calls(monkeypatch):
    monkeypatch.setattr(html_passes, "CHECKED_VERSION", "0.0")
    tree = load_page(ARTICLE)
    assert not _shared_ok()
    assert two_passes(tree) == _plain_passes(tree, None)


def test_load_page_without_trafilatura_parser_falls_back(monkeypatch):
    monkeypatch.setattr(html_tree, "_PARSER", None)
    assert etree.tostring(load_page(ARTICLE)) == etree.tostring(trafilatura.load_html(ARTICLE))


# --- random pages: the shared passes never drift from the two plain calls ------------------

_CLASSES = ["", "comment", "comments-list", "infinite-scroll", "share-buttons", "nav",
            "article-body", "byline", "sidebar", "related-stories", "content"]
_TAGS = ["div", "p", "section", "ul", "article", "aside", "span", "h2"]
_WORDS = ["harbour", "council", "ferry", "dredging", "the", "approved", "on", "Thursday",
          "said", "budget", "quay", "channel", "officials", "next", "year", "larger"]


def _random_page(rng) -> str:
    def block(depth: int) -> str:
        tag, cls = rng.choice(_TAGS), rng.choice(_CLASSES)
        attr = f' class="{cls}"' if cls else ""
        if tag == "ul":
            inner = "".join(f"<li>{sentence()}</li>" for _ in range(rng.randint(1, 4)))
        elif depth < 3 and rng.random() < 0.5:
            inner = "".join(block(depth + 1) for _ in range(rng.randint(1, 4)))
        else:
            inner = sentence()
        return f"<{tag}{attr}>{inner}</{tag}>"

    def sentence() -> str:
        n = rng.choice([3, 8, 25, 60])
        return " ".join(rng.choice(_WORDS) for _ in range(n)).capitalize() + "."

    forum = ('<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
             if rng.random() < 0.2 else "")
    body = "".join(block(0) for _ in range(rng.randint(1, 8)))
    return f"<html><head><title>t</title>{forum}</head><body>{body}</body></html>"


def test_two_passes_match_plain_calls_on_random_pages():
    import random

    rng = random.Random(16)
    for _ in range(60):
        page = _random_page(rng)
        tree = load_page(page)
        assert etree.tostring(tree) == etree.tostring(trafilatura.load_html(page))
        separate_blocks(tree)
        assert two_passes(tree) == _plain_passes(tree, None), page
