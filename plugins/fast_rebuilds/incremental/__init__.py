"""Incremental rendering: re-render only the output files whose inputs changed.

Pelican renders every page on every build. `IncrementalWriter` (returned from the `get_writer`
signal) records, for every output file it renders, which template variables the render used
(templates are compiled so that each use of a variable is noted, in extended, included and
imported templates too: `TrackingCodeGenerator`) and a fingerprint of their values
(`fingerprint.py`), plus one build-wide fingerprint of the settings, theme files, plugin files
and library versions. On the next build it recomputes the fingerprint of the same variables
*before* rendering; when it matches and the output file is still the one it wrote (size and
mtime), the render and the write are skipped. A template can only print what it reads from
its variables, so the skipped file is what a full render would write. Feeds are handled the
same way (fingerprint of their items and parameters). When nothing at all changed since the
last build (same build fingerprint and the same name, size and mtime of every file under
`PATH`), the per-output fingerprints are not even computed: every output still on disk as it
was written is skipped.

When a build ends, the pages and feeds the previous build wrote and this one did not (a deleted
article's page) are removed, if they are still the files written then (`remove_stale`).

The state lives in `CACHE_PATH/fast_rebuilds_incremental-<output hash>.json`; it is removed when
a build starts and written when it ends, so an interrupted build is followed by a full one.
A full build is forced by `--ignore-cache` (`LOAD_CONTENT_CACHE = False`) or by
`FAST_REBUILDS_INCREMENTAL = False`; either way the state is recorded for the next build.

Modules: `tracking` (templates compiled to note what they read), `state` (the render state
file and the build fingerprint), `writer` (`IncrementalWriter`, pages), `feeds` (feeds in the
writer), `sitemap` (deterministic sitemap dates), `cache_key` (Pelican's content cache dropped
when settings or plugin code change).
"""

from __future__ import annotations

from pelican import signals

from .cache_key import guard_content_cache
from .sitemap import stable_sitemap_time
from .tracking import FILTER_READS, declare_reads, track_templates
from .writer import IncrementalWriter, get_writer, save_state

__all__ = ["FILTER_READS", "IncrementalWriter", "declare_reads", "register"]


def register() -> None:
    signals.initialized.connect(guard_content_cache)
    signals.all_generators_finalized.connect(stable_sitemap_time)
    signals.generator_init.connect(track_templates)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(save_state)
