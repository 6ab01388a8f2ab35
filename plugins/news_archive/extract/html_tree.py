"""A saved page parsed once, as trafilatura parses it, with element classes looked up in C.

`trafilatura.load_html` parses with an `lxml.html.HTMLParser`, whose element class lookup
(`HtmlElementClassLookup`) is a Python method that lxml calls for every element object it
hands out, in every XPath result, iteration and copy of the tree; over the trafilatura
passes, the metadata and our own walks that is about a million calls per hundred pages.
`load_page` parses exactly as `trafilatura.load_html` does (same parser options, same
repairs and fallbacks) with a parser whose lookup gives the same classes (`HtmlElement`,
and `FormElement`, `InputElement`, ... for their tags) from lxml's C-level lookups. Copies
of the tree keep the parser, so trafilatura's copies get the fast lookup too.
"""

from __future__ import annotations

import logging

from lxml import etree
from lxml import html as lxml_html

LOGGER = logging.getLogger(__name__)


def _fast_lookup() -> etree.ElementNamespaceClassLookup:
    """A C-level lookup giving every node the class `HtmlElementClassLookup` gives it."""
    fallback = etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity)
    lookup = etree.ElementNamespaceClassLookup(fallback)
    by_tag = lookup.get_namespace(None)
    for tag, cls in lxml_html.HtmlElementClassLookup._default_element_classes.items():
        by_tag[tag] = cls
    return lookup


def _parser() -> etree.HTMLParser | None:
    """trafilatura's parser configuration with the C-level lookup (None: no such parser)."""
    from trafilatura import utils

    base = getattr(utils, "HTML_PARSER", None)
    if not isinstance(base, etree.HTMLParser):
        return None
    parser = base.copy()
    parser.set_element_class_lookup(_fast_lookup())
    return parser


_PARSER = _parser()


def load_page(html: str):
    """The page's lxml tree as `trafilatura.load_html(html)` returns it, or None."""
    from trafilatura import utils

    if _PARSER is None or not all(hasattr(utils, name) for name in (
            "decode_file", "is_dubious_html", "repair_faulty_html")):
        return utils.load_html(html)  # another trafilatura layout: its own parse
    text = utils.decode_file(html)
    beginning = text[:50].lower()
    dubious = utils.is_dubious_html(beginning)
    text = utils.repair_faulty_html(text, beginning)
    tree, bytes_tried = None, False
    try:
        tree = lxml_html.fromstring(text, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, bytes_tried = _from_bytes(text), True
    except Exception as err:  # noqa: BLE001 - as trafilatura: an unparsable page is None
        LOGGER.error("lxml parsing failed: %s", err)
    if (tree is None or len(tree) < 1) and not bytes_tried:
        tree = _from_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        LOGGER.error("parsed tree length: %s, wrong data type or not valid HTML", len(tree))
        tree = None
    return tree


def _from_bytes(text: str):
    try:
        return lxml_html.fromstring(text.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception as err:  # noqa: BLE001 - as trafilatura
        LOGGER.error("lxml parser bytestring %s", err)
    return None
