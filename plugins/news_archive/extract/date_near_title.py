"""The publication date of a dump from a date line right beside its headline.

Many pages print the date on the line just above or below the headline ("Kindle ...方法
2018-08-16", "segunda-feira, 22 de janeiro de 2018"), outside both the header zone and the
first paragraph that `extract_text_dump` reads first. When those give no date, a short line
within a few blocks of the headline that `is_date_line` accepts supplies it. A headline the
page shows twice (above a photo gallery, then again above the text) is looked at in both
places, the first one first: the date line stands under the page's first copy.
"""

from __future__ import annotations

from datetime import date

from .classify import GOOD, Scored
from .published import find_dates, is_date_line

BEFORE, AFTER = 2, 4  # blocks looked at above and below the headline
MAX_LINE = 200  # characters: a longer block is prose, not a date line


def date_near_title(scored: list[Scored], title_i: int, today: date | None) -> str | None:
    """ISO date of the first date line within BEFORE blocks above and AFTER blocks below the
    headline (stopping at article prose below it), or None."""
    if title_i < 0:
        return None
    headline = scored[title_i].text
    for k in range(title_i):
        if scored[k].text == headline:
            return _date_beside(scored, k, today) or _date_beside(scored, title_i, today)
    return _date_beside(scored, title_i, today)


def _date_beside(scored: list[Scored], title_i: int, today: date | None) -> str | None:
    above = range(max(0, title_i - BEFORE), title_i)
    below = []
    for j in range(title_i + 1, min(len(scored), title_i + 1 + AFTER)):
        if scored[j].klass == GOOD and len(scored[j].text) > MAX_LINE:
            break
        below.append(j)
    for j in list(below) + list(reversed(above)):
        text = scored[j].text
        if len(text) <= MAX_LINE and is_date_line(text):
            for d in find_dates(text, today):
                return d.iso
    return None
