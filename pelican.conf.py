"""Settings of the sample news archive (read by `pelican content`, through pelicanconf.py)."""

import os
from pathlib import Path

_HERE = Path(__file__).resolve().parent

AUTHOR = "News Archive"
SITENAME = "News Archive"
SITESUBTITLE = "Clean, tagged news articles, browsable by country, organization, person and date"
# The deployed address, for feeds (readers need absolute links) and Open Graph URLs. Set it
# here or per build: `make site SITEURL=https://example.org/archive` (the environment's
# SITEURL). Pages use relative links either way, so the site also works from disk.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = True  # the site works from disk and under any sub-path
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

PATH = str(_HERE / "content")
OUTPUT_PATH = str(_HERE / "output")
THEME = str(_HERE / "theme")

# Pelican reads only the clean posts; raw files (which may be .html) are never published as-is.
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "news"
DISPLAY_CATEGORIES_ON_MENU = False

PLUGIN_PATHS = [str(_HERE / "plugins")]
PLUGINS = ["news_archive", "fast_rebuilds", "pelican.plugins.sitemap"]

# news_archive plugin: where raw files live and where clean posts are written (relative to PATH).
NEWS_ARCHIVE_RAW_DIR = "raw"
NEWS_ARCHIVE_POSTS_DIR = "posts"

DEFAULT_PAGINATION = 20

# Build cache: Pelican's content cache (reader output, checked by content hash) and the plugin's
# incremental rendering both use it; `pelican --ignore-cache` forces a full build.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "sha256"
GZIP_CACHE = False  # a bigger cache file, but no (de)compression on every build

# Date archives (Pelican's own settings; off by default in Pelican). URLs end in index.html so
# the site also works from disk. Per-day pages: NEWS_ARCHIVE_DAY_ARCHIVES (False/True/"auto").
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/index.html"
ARCHIVES_SAVE_AS = ARCHIVES_URL = "archives.html"
NEWS_ARCHIVE_DAY_ARCHIVES = False
# Only the theme's own pages; Pelican's tags/categories/authors indexes are not used.
DIRECT_TEMPLATES = ["index", "archives"]
CATEGORY_SAVE_AS = AUTHOR_SAVE_AS = TAG_SAVE_AS = ""
# Entity pages (country/<iso>/, organization/<slug>/, person/<slug>/) take their URL settings
# from the plugin's defaults (plugins/news_archive/taxonomy/__init__.py).

# Templates escape every value; only sanitised article HTML is printed with |safe. The plugin
# enforces autoescape for any site using it; it is set here too so the intent is visible.
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
SUMMARY_MAX_LENGTH = 60

FEED_ALL_ATOM = "feeds/all.atom.xml"
# Without SITEURL the plugin says once what to set (`make site SITEURL=...`); Pelican's own,
# vaguer warning about the same thing is silenced so it is said once.
LOG_FILTER = [(30, "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid")]
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = True
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

SITEMAP = {"format": "xml"}
