"""An article's language on the page: `lang`/`dir` attributes for its text, and its language's
name for readers, from CLDR (the `babel` package) rather than a hand-kept table.

The page chrome stays in the site's language (`DEFAULT_LANG` on `<html>`, also what Pagefind
indexes under); the article's own text carries its `lang`, and `dir="rtl"` where CLDR writes
the language right to left (Arabic, Persian, Urdu, Hebrew, Pashto, Sindhi, Central Kurdish,
...). Jinja filters, each answer made once per language code:

- `article|news_text_attrs`: ` lang="fa" dir="rtl"` (empty when the language is unknown);
- `article|news_lang_label`: a short tag for article lists when the article is not in the
  site's language (` · Persian`);
- `code|news_language_name`: "Persian" for "fa" (in the site's language), the code in capitals
  when CLDR has no name for it;
- `article|news_lang_code`: the article's language code as these filters read it.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape
from pelican import signals

_site_lang = ["en"]  # the language names are given in (DEFAULT_LANG)


def article_lang(article) -> str:
    """The article's language code as the theme shows it: lower case, and cut to 8 characters
    when longer than 13 (what the theme's `|truncate(8, True, "")` did, with Jinja's leeway of
    5, so a tag such as "zh-hant-tw" stays whole)."""
    code = str(getattr(article, "language", "") or "").lower()
    return code if len(code) <= 13 else code[:8]


@lru_cache(maxsize=512)
def _locale(code: str):
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@lru_cache(maxsize=512)
def is_rtl(code: str) -> bool:
    """True when CLDR writes the language of `code` right to left."""
    locale = _locale(code)
    return locale is not None and locale.character_order == "right-to-left"


@lru_cache(maxsize=2048)
def language_name(code: str, in_lang: str = "en") -> str:
    """The name of language `code` in language `in_lang` (CLDR), else the code in capitals."""
    names = _locale(in_lang) or _locale("en")
    found = names.languages.get(code) if names is not None and code else None
    if not found and code:
        locale = _locale(code)  # an old or regional code CLDR maps to another ("iw" -> "he")
        found = names.languages.get(locale.language) if locale is not None else None
    return found or code.upper()


@lru_cache(maxsize=512)
def _attrs(code: str) -> Markup:
    if not code:
        return Markup("")
    rtl = is_rtl(code.replace("_", "-").split("-")[0])
    return Markup(' lang="{}"{}').format(code, Markup(' dir="rtl"') if rtl else "")


def news_text_attrs(article) -> Markup:
    """Jinja filter: the `lang` (and `dir`) attributes of the article's own text."""
    return _attrs(article_lang(article))


def news_lang_label(article) -> Markup:
    """Jinja filter: " · Persian" for an article not in the site's language, else nothing."""
    code = article_lang(article)
    if not code or code == _site_lang[0]:
        return Markup("")
    name = escape(language_name(code, _site_lang[0]))
    return Markup('<span class="sep" aria-hidden="true"> · </span>'
                  '<span class="lang-tag" title="{0}">{0}</span>').format(name)


def news_language_name(code) -> str:
    """Jinja filter: the name of a language code in the site's language."""
    return language_name(str(code or "").lower(), _site_lang[0])


# What each filter reads of its argument (the incremental writer's read tracking).
FILTER_READS = {name: lambda article: ("language",)
                for name in ("news_lang_code", "news_text_attrs", "news_lang_label")}


def add_filters(pelican) -> None:
    s = pelican.settings
    _site_lang[0] = str(s.get("DEFAULT_LANG") or "en").split("_")[0].split("-")[0].lower()
    s["JINJA_FILTERS"] = {"news_lang_code": article_lang,
                          "news_text_attrs": news_text_attrs,
                          "news_lang_label": news_lang_label,
                          "news_language_name": news_language_name,
                          **(s.get("JINJA_FILTERS") or {})}


def register() -> None:
    signals.initialized.connect(add_filters)
