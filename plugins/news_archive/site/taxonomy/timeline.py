"""Coverage timeline: articles per month as an accessible inline SVG, drawn at build time."""

from __future__ import annotations

import calendar
import math
from collections import Counter
from functools import lru_cache

from markupsafe import Markup, escape

WIDTH, HEIGHT, TOP, BOTTOM = 720, 140, 12, 4


def month_range(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    """Every (year, month) from first to last inclusive."""
    (y, m), out = first, []
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _label(ym: tuple[int, int]) -> str:
    return f"{calendar.month_name[ym[1]]} {ym[0]}"


def timeline_svg(months: Counter, name: str, uid: str = "timeline") -> Markup:
    """Bar chart of `months` ((year, month) -> count) with a text title and description."""
    if not months:
        return Markup("")
    return _drawn(tuple(sorted(months.items())), name, uid)


@lru_cache(maxsize=1 << 16)  # a rebuild redraws only the entities whose months changed
def _drawn(counts: tuple[tuple[tuple[int, int], int], ...], name: str, uid: str) -> Markup:
    months = Counter(dict(counts))
    # Whole calendar years, so a short span still reads as a position in time.
    span = month_range((min(months)[0], 1), (max(months)[0], 12))
    peak_ym = max(span, key=lambda ym: (months[ym], ym))
    peak, total = months[peak_ym], sum(months.values())
    step = WIDTH / len(span)
    bar = max(step * 0.8, 1.0)
    plot = HEIGHT - TOP - BOTTOM
    first, last = min(months), max(months)
    title = f"Articles per month mentioning {name}, {_label(first)} to {_label(last)}"
    n_months = len(month_range(first, last))
    desc = (f"{total} article{'s' if total != 1 else ''} over {n_months} "
            f"month{'s' if n_months != 1 else ''}; busiest month {_label(peak_ym)} "
            f"with {peak}.")
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>',
        f'<line class="tl-axis" x1="0" y1="{HEIGHT - BOTTOM}" x2="{WIDTH}" '
        f'y2="{HEIGHT - BOTTOM}" stroke="currentColor" stroke-width="1"/>',
    ]
    every = max(1, math.ceil(len(span) / 120))  # label every k-th year on long spans
    years: list[str] = []  # HTML labels under the chart: text keeps its size at any width
    for i, ym in enumerate(span):
        x = i * step + (step - bar) / 2
        n = months[ym]
        if n:
            h = max(plot * n / peak, 2.0)
            parts.append(
                f'<rect class="tl-bar" x="{x:.1f}" y="{HEIGHT - BOTTOM - h:.1f}" '
                f'width="{bar:.1f}" height="{h:.1f}"><title>{_label(ym)}: {n}</title></rect>')
        if (ym[1] == 1 and ym[0] % every == 0) or i == 0:
            years.append(f'<span class="tl-year" style="left:{100 * i / len(span):.2f}%">'
                         f"{ym[0]}</span>")
    parts.append("</svg>")
    parts.append(f'<div class="tl-years" aria-hidden="true">{"".join(years)}</div>')
    return Markup("".join(parts))
