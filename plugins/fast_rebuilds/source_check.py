"""Whether a Pelican function is still the one a replacement was written from."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable

log = logging.getLogger("fast_rebuilds")


def source_has(function: Callable, line: str, what: str) -> bool:
    """True when `function`'s source holds `line` (the code a replacement fixes); else the
    replacement is not installed and Pelican's own runs (noted at debug level as `what`)."""
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    if line not in source:
        log.debug("fast_rebuilds: Pelican's %s changed; keeping Pelican's own", what)
        return False
    return True
