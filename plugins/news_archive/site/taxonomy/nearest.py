"""The articles of an entity closest in date to one of them, without sorting its neighbourhood.

An entity's articles are in date order (newest first), so the distance in time from the one at
`pos` grows outward on both sides: walking outward, always to the nearer side, meets them in
order of distance. `nearest` gives what a stable sort of the window by distance would put first
(ties in the window's order), looking at only as many articles as it returns, plus ties.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def nearest(articles: Sequence[Any], pos: int, reach: int, k: int,
            skip: Callable[[Any], bool]) -> list[Any]:
    """Up to `k` articles of `articles[pos - reach : pos + reach + 1]`, `skip`ped ones left
    out, nearest in date to `articles[pos]` first; equally near ones in list order."""
    lo, hi = max(0, pos - reach), min(len(articles), pos + reach + 1)
    when = articles[pos].date

    def distance(i: int) -> float:
        return abs((articles[i].date - when).total_seconds())

    far = float("inf")  # the distance of a side that has run out
    left, right = pos - 1, pos
    d_left = distance(left) if left >= lo else far
    d_right = distance(right) if right < hi else far
    found: list[tuple[float, int]] = []
    while left >= lo or right < hi:
        if d_left <= d_right and left >= lo:
            i, d = left, d_left
            left -= 1
            d_left = distance(left) if left >= lo else far
        else:
            i, d = right, d_right
            right += 1
            d_right = distance(right) if right < hi else far
        if len(found) >= k and d > found[k - 1][0]:
            break  # everything further is further than the k-th: ties are all in
        if not skip(articles[i]):
            found.append((d, i))
    found.sort()  # by distance, then position in the list: the window's stable sort order
    return [articles[i] for _, i in found[:k]]
