"""Stable pagination: older pages keep their URL and their articles as new articles arrive.

Pelican numbers pages from the newest article, so one new article moves an article from every
page onto the next: every page of an index, a country, an organization changes and must be
rendered again. Here the articles are cut into pages of `per_page` counted from the *oldest*
end of the list, and the first page (the index URL) shows whatever is newer than the last
complete page, between `per_page` and `2 * per_page - 1` articles (all of them when there are
fewer). A new article changes the first page only; every `per_page` new articles, one page is
added behind it. Page numbers count from the oldest: the oldest page is number 2 (number 1 is
the first page, as in Pelican), so Pelican's `Page` formats URLs from `PAGINATION_PATTERNS`
unchanged (its "last page" rule, -1, means the oldest page, which stays the last).

`StablePaginator` and `StablePage` offer Pelican's `Paginator`/`Page` interface. What a page's
methods answer is derived from its public attributes only (`position`, `num_pages`,
`older_number` ...), so the incremental writer's fingerprints cover it.
"""

from __future__ import annotations

from typing import Any

from pelican.paginator import Page, Paginator


def _newest_first(items: list) -> bool:
    """True when new items go at the front (the list is sorted newest first)."""
    if len(items) < 2:
        return True
    first, last = getattr(items[0], "date", None), getattr(items[-1], "date", None)
    return first is None or last is None or first >= last


class StablePage(Page):
    """One page. `number` is 1 for the first page, else 2 for the oldest page, 3, ...

    `position` (1 = first page, in reading order) and `num_pages` change when a page is added;
    `older_number`/`newer_number` are the neighbours' numbers (None at either end).
    """

    def __init__(self, name: str, url: str, object_list: list, number: int,
                 paginator: StablePaginator, settings: dict, position: int, offset: int,
                 newer_number: int | None, older_number: int | None) -> None:
        super().__init__(name, url, object_list, number, paginator, settings)
        self.position = position
        self.offset = offset  # index of this page's first item in the paginated list
        self.num_pages = paginator.num_pages
        self.newer_number = newer_number
        self.older_number = older_number

    def __repr__(self) -> str:
        return f"<StablePage {self.number} ({self.position} of {self.num_pages})>"

    def has_next(self) -> bool:
        return self.position < self.num_pages

    def has_previous(self) -> bool:
        return self.position > 1

    def next_page_number(self) -> int | None:
        return self.older_number

    def previous_page_number(self) -> int | None:
        return self.newer_number

    def start_index(self) -> int:
        return self.offset + 1 if self.object_list else 0

    def end_index(self) -> int:
        return self.offset + len(self.object_list)


class StablePaginator:
    """Pelican's Paginator interface over pages counted from the oldest item."""

    def __init__(self, name: str, url: str, object_list: list, settings: dict,
                 per_page: int | None = None) -> None:
        self.name, self.url, self.settings = name, url, settings
        self.object_list = object_list
        self.count = len(object_list)
        self.per_page = per_page or max(1, self.count)
        self.orphans = 0
        # Complete pages behind the first one; the first page keeps per_page..2*per_page-1.
        self.archive_pages = max(0, (self.count - self.per_page) // self.per_page)
        self.num_pages = 1 + self.archive_pages
        self.page_range = list(range(1, self.num_pages + 1))

    def _number_at(self, position: int) -> int | None:
        """Page number at a reading position (1 = first page); None outside the pages."""
        if position < 1 or position > self.num_pages:
            return None
        return 1 if position == 1 else self.num_pages - position + 2

    def page(self, position: int) -> StablePage:
        """The page at a 1-based reading position (1 = the first page, then older ones)."""
        n, per = self.count, self.per_page
        first_len = n - self.archive_pages * per
        if position == 1:
            start, stop = 0, first_len
        else:
            start = first_len + (position - 2) * per
            stop = start + per
        return StablePage(self.name, self.url, self.object_list[start:stop],
                          self._number_at(position), self, self.settings, position, start,
                          self._number_at(position - 1), self._number_at(position + 1))


def paginators(name: str, url: str, lists: dict[str, list], settings: dict,
                per_page: int) -> dict[str, Any]:
    """The writer's paginators, one per paginated variable (`articles`, `dates`).

    Stable for lists sorted newest first, unless `FAST_REBUILDS_STABLE_PAGINATION = False`.
    A list sorted oldest first is already stable under Pelican's own paginator (new items go
    to its last page), which is then used for every variable so their pages stay in step.
    """
    stable = settings.get("FAST_REBUILDS_STABLE_PAGINATION", True) and all(
        _newest_first(v) for v in lists.values())
    cls = StablePaginator if stable else Paginator
    return {k: cls(name, url, v, settings, per_page) for k, v in lists.items()}

