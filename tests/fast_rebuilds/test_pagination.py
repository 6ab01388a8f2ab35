"""Stable pagination: older pages keep their articles and URLs as new articles arrive."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from fast_rebuilds.pagination import StablePaginator, paginators
from pelican.paginator import PaginationRule
from pelican.settings import DEFAULT_CONFIG


class Item:
    def __init__(self, n: int) -> None:
        self.n = n
        self.date = datetime(2020, 1, 1) + timedelta(days=n)

    def __repr__(self) -> str:
        return f"Item({self.n})"


SETTINGS = {**DEFAULT_CONFIG, "PAGINATION_PATTERNS": [
    PaginationRule(*rule) for rule in DEFAULT_CONFIG["PAGINATION_PATTERNS"]]}


def newest_first(count: int) -> list[Item]:
    return [Item(n) for n in range(count - 1, -1, -1)]


def pages(count: int, per_page: int = 5) -> list:
    paginator = StablePaginator("country/ru/index.html", "country/ru/", newest_first(count),
                                SETTINGS, per_page)
    return [paginator.page(position) for position in range(1, paginator.num_pages + 1)]


@pytest.mark.parametrize("count", [0, 1, 4, 5, 9, 10, 11, 23, 24, 25])
def test_every_item_once_in_reading_order_first_page_holds_per_page_to_twice(count) -> None:
    ps = pages(count)
    assert [i.n for p in ps for i in p.object_list] == list(range(count - 1, -1, -1))
    first = len(ps[0].object_list)
    assert first == count if count < 10 else 5 <= first < 10
    assert all(len(p.object_list) == 5 for p in ps[1:])
    assert ps[0].number == 1 and ps[0].save_as == "country/ru/index.html"
    # Older pages are numbered from the oldest (2) up, and read newest to oldest.
    assert [p.number for p in ps[1:]] == list(range(len(ps), 1, -1))


def test_new_items_leave_older_pages_alone() -> None:
    before = {p.number: (p.save_as, [i.n for i in p.object_list]) for p in pages(37)[1:]}
    for extra in range(1, 12):
        after = {p.number: (p.save_as, [i.n for i in p.object_list]) for p in pages(37 + extra)[1:]}
        assert all(after[k] == v for k, v in before.items()), extra
    assert before[2] == ("country/ru/index2.html", [4, 3, 2, 1, 0])


def test_neighbours_and_pelican_page_interface() -> None:
    ps = pages(23)  # first page 8 items, then pages 4, 3, 2
    first, newest_old, oldest = ps[0], ps[1], ps[-1]
    assert (first.newer_number, first.older_number) == (None, 4)
    assert (newest_old.newer_number, newest_old.older_number) == (1, 3)
    assert (oldest.newer_number, oldest.older_number) == (3, None)
    assert first.has_next() and not first.has_previous()
    assert oldest.has_previous() and not oldest.has_next()
    assert (first.start_index(), first.end_index()) == (1, 8)
    assert (oldest.start_index(), oldest.end_index()) == (19, 23)
    assert oldest.save_as == "country/ru/index2.html"


def test_oldest_first_lists_and_the_setting_use_pelicans_paginator() -> None:
    from pelican.paginator import Paginator

    oldest_first = list(reversed(newest_first(12)))
    got = paginators("a/index.html", "a/", {"articles": oldest_first}, SETTINGS, 5)
    assert type(got["articles"]) is Paginator
    off = paginators("a/index.html", "a/", {"articles": newest_first(12)},
                     {**SETTINGS, "FAST_REBUILDS_STABLE_PAGINATION": False}, 5)
    assert type(off["articles"]) is Paginator
    on = paginators("a/index.html", "a/", {"articles": newest_first(12)}, SETTINGS, 5)
    assert type(on["articles"]) is StablePaginator


def test_pelicans_last_page_rule_names_the_oldest_page_for_good() -> None:
    rules = [PaginationRule(1, "{name}{extension}", "{name}{extension}"),
             PaginationRule(2, "{name}{number}{extension}", "{name}{number}{extension}"),
             PaginationRule(-1, "{base_name}/oldest{extension}", "{base_name}/oldest{extension}")]
    settings = {**SETTINGS, "PAGINATION_PATTERNS": rules}
    for count in (23, 40):
        paginator = StablePaginator("country/ru/index.html", "country/ru/", newest_first(count),
                                    settings, 5)
        ps = [paginator.page(p) for p in range(1, paginator.num_pages + 1)]
        assert ps[-1].save_as == "country/ru/oldest.html"
        assert ps[-2].save_as == "country/ru/index3.html"
