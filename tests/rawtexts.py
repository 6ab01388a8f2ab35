"""Self-written raw text dumps for the tests (not real news; never corpus text)."""

from __future__ import annotations

PARAGRAPHS = [
    "The regional water council said on Monday that the reservoir on the upper river had "
    "fallen to its lowest level in a decade, and asked farmers to delay planting by two weeks.",
    "Engineers from the council have been measuring the flow at three gauging stations since "
    "the spring, and every reading this month came in below the long-term average for June.",
    "Farmers in the valley told reporters that a late start would cost them one of the two "
    "harvests they usually bring in, and that compensation promised last year never arrived.",
    "The council's chairwoman, Mirela Novak, said the restrictions would be reviewed weekly and "
    "lifted as soon as the autumn rains refill the reservoir to a safe level again.",
]


def wrap_words(text: str, width: int) -> list[str]:
    """`text` word-wrapped at `width` characters, as a converter hard-wraps a paragraph."""
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return lines + [cur]


SUBJECTS = ["water council", "rail operator", "city library", "fishing cooperative",
            "teachers' union", "harbour authority", "wine growers' guild", "bus company",
            "forestry office", "museum board", "power utility", "hospital trust"]
PLACES = ["the northern valley", "the coastal plain", "the old town", "the eastern hills",
          "the river delta", "the mountain villages", "the capital's suburbs", "the islands"]
ACTIONS = ["raised its prices", "cut its opening hours", "hired forty new staff",
           "closed two branches", "opened a new depot", "signed a ten-year contract",
           "lost a court case", "won a national award", "delayed its annual report"]


def distinct_paragraphs(n: int) -> list[str]:
    """Four paragraphs about a different (invented) story for each n."""
    subject = SUBJECTS[n % len(SUBJECTS)]
    place = PLACES[(n // 3) % len(PLACES)]
    action = ACTIONS[(n * 7) % len(ACTIONS)]
    return [
        f"The {subject} in {place} {action} on Monday, officials said, in a move that "
        f"surprised residents who had been told for months that nothing would change.",
        f"Story number {n} began when a spokesperson for the {subject} wrote to local "
        f"councillors; {n * 3} households were told about the decision by letter.",
        f"Critics said the {subject} had ignored a petition signed by {100 + n} people, while "
        f"supporters argued that {place} needed a quick answer before winter.",
        f"A follow-up meeting is planned for the spring, when the {subject} will publish its "
        f"figures for the year and answer questions from {place}.",
    ]


def raw_dump(title: str, paragraphs: list[str] | None = None, dateline: str = "",
             lead: str = "") -> str:
    """A page saved as text: site chrome, headline, lead, body, share buttons, footer."""
    body = paragraphs if paragraphs is not None else PARAGRAPHS
    parts = ["Skip to main content", "", "Home  World  Business  Sport  Opinion", "",
             "Subscribe  Log in", "", title, ""]
    if dateline:
        parts += [dateline, ""]
    if lead:
        parts += [lead, "", lead, ""]
    for p in body:
        parts += [p, ""]
    parts += ["Share on Facebook", "Share on Twitter", "", "Related", "",
              "* Another story about rivers", "* More news from the valley", "",
              "© 2022 Valley Courier. All rights reserved.",
              "Sample article written for the News Archive tests; not a real news report."]
    return "\n".join(parts) + "\n"
