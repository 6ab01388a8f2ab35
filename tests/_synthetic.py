"""Synthetic clean posts (the post header format of posts.py) for search/feed/export tests and
the search benchmark: building from posts skips ingest, so these tests do not depend on it."""

from __future__ import annotations

import random
from pathlib import Path

COUNTRIES = ["AF", "RU", "TJ", "UA", "FR", "DE", "CN", "US", "KZ", "BR", "NG", "IN"]
ORGS = ["Collective Security Treaty Organization", "United Nations", "European Union",
        "World Health Organization", "NATO", "African Union", "Red Cross", "World Bank"]
ALIASES = {"Collective Security Treaty Organization": "CSTO", "United Nations": "UN",
           "European Union": "EU", "World Health Organization": "WHO"}
PERSONS = ["Vladimir Putin", "Emomali Rahmon", "Sergei Lavrov", "Angela Merkel", "Ada Obi",
           "Li Wei", "Maria Silva", "John Smith"]
SOURCES = ["RFE/RL", "Reuters", "AFP", "BBC"]
WORDS = ("border security refugees talks agreement summit minister economy election harvest "
         "drought trade pipeline sanctions parliament court protest vaccine school bridge river "
         "festival market energy grain port railway satellite museum").split()


def post_text(title: str, date: str, slug: str, body: str, countries=(), orgs=(), persons=(),
              source: str = "", language: str = "en", url: str = "", summary: str = "") -> str:
    """A post in the format ingest writes (posts.render_post)."""
    aliases = [f"{ALIASES[o]}={o}" for o in orgs if o in ALIASES]
    fields = [("Title", title), ("Date", date), ("Slug", slug), ("Summary", summary),
              ("Source", source), ("Countries", ";".join(countries)),
              ("Organizations", ";".join(orgs)), ("Organization-Aliases", ";".join(aliases)),
              ("Persons", ";".join(persons)), ("Language", language), ("Original-Url", url)]
    head = "\n".join(f"{k}: {v}" for k, v in fields if v)
    return head + "\n\n" + body + "\n"


def write_post(posts: Path, name: str, **kw) -> Path:
    posts.mkdir(parents=True, exist_ok=True)
    path = posts / f"{name}.md"
    path.write_text(post_text(**kw), encoding="utf-8")
    return path


def write_synthetic(posts: Path, n: int, seed: int = 7, paragraphs: int = 6) -> list[Path]:
    """`n` random but plausible posts (deterministic for a seed)."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        words = lambda k: " ".join(rnd.choice(WORDS) for _ in range(k))  # noqa: E731
        body = "\n\n".join(words(rnd.randint(40, 90)).capitalize() + "." for _ in
                           range(paragraphs))
        out.append(write_post(
            posts, f"synthetic-{i:05d}", title=f"{words(5).title()} report {i}",
            date=f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}", slug=f"synthetic-{i:05d}",
            body=body, countries=rnd.sample(COUNTRIES, rnd.randint(1, 3)),
            orgs=rnd.sample(ORGS, rnd.randint(0, 2)),
            persons=rnd.sample(PERSONS, rnd.randint(0, 2)),
            source=rnd.choice(SOURCES), url=f"https://news.example.com/{i}",
            summary=words(20).capitalize() + ".",
        ))
    return out


# A small hand-made archive whose words and entities tests can rely on.
SMALL = [
    dict(name="tajik-appeal", title="Tajikistan Calls On Allies For Help", date="2021-07-07",
         slug="tajik-appeal", countries=["TJ", "AF", "RU"],
         orgs=["Collective Security Treaty Organization"],
         persons=["Emomali Rahmon", "Sergei Lavrov"], source="RFE/RL",
         url="https://www.rferl.org/a/tajikistan-csto/31346511.html",
         summary="Dushanbe appealed to a Russian-led alliance.",
         body="Tajikistan appealed to the CSTO about the border with Afghanistan.\n\n"
              "Hundreds of refugees crossed the Panj river near the marmalade checkpoint."),
    dict(name="kyiv-grain", title="Grain Corridor Talks Resume", date="2022-08-01",
         slug="kyiv-grain", countries=["UA", "TR"], orgs=["United Nations"],
         persons=["Antonio Guterres"], source="Reuters", url="https://example.com/grain",
         summary="Ukraine and Turkey discuss grain ships.",
         body="Ships loaded with grain left Odesa under a deal brokered by the United Nations.\n\n"
              "Officials praised the zeppelin-shaped silos of the harbour."),
    dict(name="afghan-drought", title="Drought Hits Afghan Farmers", date="2023-03-15",
         slug="afghan-drought", countries=["AF"], orgs=["World Health Organization"],
         persons=[], source="AFP", url="https://example.com/drought", language="en",
         summary="A long drought hurts the harvest.",
         body="Farmers in Afghanistan lost the wheat harvest to drought.\n\n"
              "Aid groups warned that the marmalade factories closed as well."),
]


def write_small(posts: Path) -> None:
    for spec in SMALL:
        write_post(posts, **spec)


def build_site(content: Path, output: Path, **settings):
    """Build with `pelican` (a subprocess) from clean posts, ingest off.

    All overrides go after ONE `-e`: Pelican keeps only the last `-e` group when it is repeated.
    """
    import json

    from conftest import run_pelican

    settings = {"PATH": str(content), "OUTPUT_PATH": str(output), "NEWS_ARCHIVE_INGEST": False,
                **settings}
    pairs = [f"{k}={json.dumps(v)}" for k, v in settings.items()]
    return run_pelican(content, output, None, extra_args=("-e", *pairs))


# Scraped strings that try to break out of HTML attributes, JSON and XML.
NASTY = dict(name="nasty", title='Q&A: "Peace" </script><script>alert(1)</script> talks',
             date="2024-02-29", slug="nasty-strings", countries=["FR"],
             orgs=["Smith & Wesson <Holdings>"], persons=["Zoë O'Neil"],
             source="O'Brien & Sons <Media>", url="https://example.com/a?b=1&c=</script>",
             summary="Quotes \" and </script> in a summary.",
             body="A body with marmot & ampersands.")


def build_fixture_site(work: Path, nasty: bool = True, **settings) -> Path:
    """Write SMALL (+ NASTY) posts under `work` and build them; returns the output folder."""
    content, output = work / "content", work / "site"
    write_small(content / "posts")
    if nasty:
        write_post(content / "posts", **NASTY)
    proc = build_site(content, output, **settings)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return output
