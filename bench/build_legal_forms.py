#!/usr/bin/env python3
"""Write tagging/data/legal_forms.txt from the `cleanco` package's legal-term table.

usage: build_legal_forms.py [PATH_TO_CLEANCO_PACKAGE_DIR]

cleanco (MIT licence, https://pypi.org/project/cleanco/) is needed only to build the file:
``pip download cleanco==2.3 --no-deps`` and unzip the wheel, or ``pip install cleanco``.
Terms are stored casefolded without dots; the tagger matches them only on capitalised tokens.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "plugins/news_archive/tagging/data/legal_forms.txt"


def main() -> None:
    """Command-line entry point."""
    if len(sys.argv) > 1:
        sys.path.insert(0, sys.argv[1])
    termdata = importlib.import_module("cleanco.termdata")
    terms: set[str] = set()
    for group in termdata.terms_by_type.values():
        for term in group:
            t = term.strip().replace(".", "").casefold()
            if t and " " not in t and len(t) >= 2 and t.isascii():
                terms.add(t)
    header = [
        "# Legal-form terms of company names (Ltd, GmbH, PLC, SA, Oyj, ...), one per line,",
        "# casefolded, dots removed. Source: cleanco 2.3 termdata.terms_by_type (MIT licence,",
        "# https://pypi.org/project/cleanco/), single-word ASCII terms; built by",
        "# bench/build_legal_forms.py. The tagger matches them only on capitalised tokens.",
    ]
    OUT.write_text("\n".join(header + sorted(terms)) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(terms)} terms")


if __name__ == "__main__":
    main()
