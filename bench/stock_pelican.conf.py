"""Stock Pelican settings for the benchmark baseline: no plugins, default theme, entities as tags.

Mirrors the site's listing settings (pagination, feeds, year/month archives) so the comparison
is like for like; countries and organizations are folded into Tags (per-tag Atom feeds on).
"""

AUTHOR = "News Archive"
SITENAME = "News Archive (stock Pelican baseline)"
SITEURL = ""
RELATIVE_URLS = True
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PLUGINS: list[str] = []
ARTICLE_PATHS = ["posts"]
PAGE_PATHS: list[str] = []
STATIC_PATHS: list[str] = []
DEFAULT_CATEGORY = "news"
DEFAULT_PAGINATION = 20
SUMMARY_MAX_LENGTH = 60
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = True
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
