#!/usr/bin/env python3
"""Generate N synthetic raw news files that look like real text dumps of news pages.

Each file is a plain-text dump of a whole page: site chrome and menus, a cookie banner, a
breadcrumb, headline, standfirst, byline, a dateline with a full date, photo captions, the
article, a "related" list, share buttons and a footer. Entity mentions (countries by name,
demonym or capital; organizations by name or acronym; persons) are drawn from Zipf-like
distributions, dates spread over ten years. All text is synthetic. Like a scraper, the generator
also appends each file's row (path, URL, publication date) to `manifest.csv`.

Deterministic: the same (seed, index) always gives the same file, so a 1,000-file archive is
the first 1,000 files of a 5,000-file one.

    python bench/generate_archive.py N OUTDIR [--seed S] [--start K]
"""

from __future__ import annotations

import argparse
import hashlib
import random
from datetime import date, timedelta
from pathlib import Path

FIRST_DAY, SPAN_DAYS = date(2015, 1, 1), 3650  # the archive: ten years of articles
AFTER_ARCHIVE = FIRST_DAY + timedelta(days=SPAN_DAYS)  # the day after the newest article
# (name, demonym, capital) — a Zipf rank order: earlier entries are mentioned more often.
COUNTRIES = [
    ("United States", "American", "Washington"), ("China", "Chinese", "Beijing"),
    ("Russia", "Russian", "Moscow"), ("Ukraine", "Ukrainian", "Kyiv"),
    ("United Kingdom", "British", "London"), ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"), ("India", "Indian", "New Delhi"),
    ("Japan", "Japanese", "Tokyo"), ("Iran", "Iranian", "Tehran"),
    ("Turkey", "Turkish", "Ankara"), ("Brazil", "Brazilian", "Brasilia"),
    ("Israel", "Israeli", "Jerusalem"), ("Afghanistan", "Afghan", "Kabul"),
    ("Pakistan", "Pakistani", "Islamabad"), ("Canada", "Canadian", "Ottawa"),
    ("Italy", "Italian", "Rome"), ("Spain", "Spanish", "Madrid"),
    ("Poland", "Polish", "Warsaw"), ("Mexico", "Mexican", "Mexico City"),
    ("Australia", "Australian", "Canberra"), ("South Africa", "South African", "Pretoria"),
    ("Nigeria", "Nigerian", "Abuja"), ("Egypt", "Egyptian", "Cairo"),
    ("Kenya", "Kenyan", "Nairobi"), ("Kazakhstan", "Kazakh", "Astana"),
    ("Tajikistan", "Tajik", "Dushanbe"), ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Georgia", "Georgian", "Tbilisi"), ("Armenia", "Armenian", "Yerevan"),
    ("Belarus", "Belarusian", "Minsk"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Argentina", "Argentine", "Buenos Aires"), ("Chile", "Chilean", "Santiago"),
    ("Sweden", "Swedish", "Stockholm"), ("Norway", "Norwegian", "Oslo"),
    ("Finland", "Finnish", "Helsinki"), ("Greece", "Greek", "Athens"),
    ("Hungary", "Hungarian", "Budapest"), ("Romania", "Romanian", "Bucharest"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Thailand", "Thai", "Bangkok"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Ghana", "Ghanaian", "Accra"),
    ("Peru", "Peruvian", "Lima"), ("Colombia", "Colombian", "Bogota"),
    ("Portugal", "Portuguese", "Lisbon"), ("Ireland", "Irish", "Dublin"),
    ("Austria", "Austrian", "Vienna"), ("Mongolia", "Mongolian", "Ulaanbaatar"),
    ("Moldova", "Moldovan", "Chisinau"), ("Lithuania", "Lithuanian", "Vilnius"),
    ("Estonia", "Estonian", "Tallinn"), ("Latvia", "Latvian", "Riga"),
    ("Senegal", "Senegalese", "Dakar"), ("Morocco", "Moroccan", "Rabat"),
    ("Iceland", "Icelandic", "Reykjavik"), ("Nepal", "Nepali", "Kathmandu"),
    ("Uruguay", "Uruguayan", "Montevideo"), ("Kyrgyzstan", "Kyrgyz", "Bishkek"),
]

# (full name, acronym or "") — Zipf rank order.
ORGANIZATIONS = [
    ("United Nations", "UN"), ("European Union", "EU"),
    ("North Atlantic Treaty Organization", "NATO"), ("World Health Organization", "WHO"),
    ("International Monetary Fund", "IMF"), ("World Bank", ""),
    ("Red Cross", ""), ("African Union", "AU"), ("Amnesty International", ""),
    ("Human Rights Watch", ""), ("World Trade Organization", "WTO"),
    ("Collective Security Treaty Organization", "CSTO"),
    ("Organization for Security and Co-operation in Europe", "OSCE"),
    ("International Atomic Energy Agency", "IAEA"), ("UNICEF", ""),
    ("European Central Bank", "ECB"), ("Council of Europe", ""),
    ("International Criminal Court", "ICC"), ("Doctors Without Borders", "MSF"),
    ("Association of Southeast Asian Nations", "ASEAN"),
    ("Organization of the Petroleum Exporting Countries", "OPEC"),
    ("World Food Programme", "WFP"), ("Greenpeace", ""),
    ("Northwind Shipping Group", ""), ("Halvorsen Energy", ""),
    ("Bluecrest Telecom", ""), ("Meridian Rail Company", ""),
    ("Solberg Institute for Policy Studies", ""), ("Orchid Pharmaceuticals", ""),
    ("Tamarind Bank", ""), ("Caspian Grain Corporation", ""),
    ("Lakeshore University", ""), ("Pinegate Analytics", ""),
]

GIVEN = [
    "Amira", "Boris", "Chen", "Dalia", "Emeka", "Farida", "Gustavo", "Hana", "Ivan", "Jamila",
    "Kofi", "Lena", "Mateo", "Nadia", "Oleksandr", "Priya", "Rashid", "Sofia", "Tomasz",
    "Ulla", "Viktor", "Wen", "Yusuf", "Zara", "Anders", "Bianca", "Dmitri", "Elif", "Hiroshi",
    "Ingrid", "Kamal", "Lucia", "Marek", "Nour", "Pavel", "Rosa", "Sergei", "Tariq", "Vera",
]
FAMILY = [
    "Abdullaev", "Brennan", "Castellanos", "Dvorak", "Eriksen", "Farouk", "Grigoryan",
    "Haddad", "Ibarra", "Jovanovic", "Kowalczyk", "Lindqvist", "Mendoza", "Nakamura",
    "Okonkwo", "Petrenko", "Quispe", "Rahimov", "Sandoval", "Tanaka", "Usmanov", "Varga",
    "Whitfield", "Yilmaz", "Zhukova", "Albescu", "Borisenko", "Demir", "Ferreira", "Hakimi",
]
ROLES = [
    "President", "Prime Minister", "Foreign Minister", "Defense Minister", "spokeswoman",
    "spokesman", "chief economist", "opposition leader", "Finance Minister", "envoy",
    "director", "mayor", "analyst", "ambassador", "senator",
]
OUTLETS = [
    ("Daily Meridian", "dailymeridian.example"), ("The Northern Ledger", "ledger.example"),
    ("Coastline Post", "coastlinepost.example"), ("Eastbridge Herald", "eastbridge.example"),
    ("World Desk Review", "worlddesk.example"), ("Riverside Chronicle", "chronicle.example"),
]
SECTIONS = ["World", "Politics", "Business", "Europe", "Asia", "Africa", "Americas", "Health",
            "Climate", "Security", "Economy", "Technology"]
TOPICS = [
    "talks on border security", "a new trade agreement", "energy prices", "a drought",
    "refugee flows", "an election dispute", "sanctions", "vaccine supplies", "a grain deal",
    "floods", "a corruption inquiry", "military exercises", "a debt restructuring",
    "press freedom", "a rail link", "wildfires", "a ceasefire", "rising food prices",
]
VERBS = ["said", "told reporters", "warned", "announced", "insisted", "added", "argued",
         "confirmed", "noted", "stressed"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def zipf_pick(rng: random.Random, items: list, s: float = 1.1):
    """One item, rank r chosen with probability proportional to 1 / r**s."""
    weights = _zipf_weights(len(items), s)
    return rng.choices(items, cum_weights=weights)[0]


_WEIGHTS: dict[tuple[int, float], list[float]] = {}


def _zipf_weights(n: int, s: float) -> list[float]:
    key = (n, s)
    if key not in _WEIGHTS:
        acc, out = 0.0, []
        for r in range(1, n + 1):
            acc += 1.0 / r**s
            out.append(acc)
        _WEIGHTS[key] = out
    return _WEIGHTS[key]


def _person(rng: random.Random) -> str:
    # Zipf over a fixed person list so some people recur across many articles.
    idx = zipf_pick(rng, list(range(len(GIVEN) * 7)), 1.05)
    return f"{GIVEN[idx % len(GIVEN)]} {FAMILY[(idx * 7 + idx // len(GIVEN)) % len(FAMILY)]}"


def _country_ref(rng: random.Random, c: tuple[str, str, str], kind: str) -> str:
    name, demonym, capital = c
    if kind == "capital":
        return capital
    if kind == "demonym":
        return demonym
    return name


def _fmt_date(d: date, style: int) -> str:
    if style == 0:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == 1:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return d.isoformat()


def _sentence(rng: random.Random, ctx: dict) -> str:
    c1 = ctx["countries"][0]
    c2 = rng.choice(ctx["countries"][1:] or [zipf_pick(rng, COUNTRIES[1:])])
    org = rng.choice(ctx["orgs"])
    org_ref = org[1] if org[1] and rng.random() < 0.5 else org[0]
    person, role = rng.choice(ctx["persons"])
    topic = ctx["topic"]
    when = rng.choice([f"on {MONTHS[ctx['date'].month - 1]} {max(1, ctx['date'].day - 1)}",
                       "last week", "on Tuesday", f"in {ctx['date'].year - 1}", "earlier"])
    n = rng.randint(2, 990)
    forms = [
        f"{_country_ref(rng, c1, 'demonym')} officials {rng.choice(VERBS)} that {topic} "
        f"would top the agenda when delegations meet in {c2[2]}.",
        f"{role.capitalize()} {person} {rng.choice(VERBS)} {when} that the {org_ref} had "
        f"been asked to help, according to people familiar with the matter.",
        f"The {org_ref} estimates that {n:,} people have been affected so far, a figure "
        f"that {c2[0]} disputes.",
        f"\"We will not accept decisions taken without us,\" {person} {rng.choice(VERBS)}, "
        f"adding that {c1[2]} expected a response within days.",
        f"Talks between {c1[0]} and {c2[0]} on {topic} stalled {when}, with both sides "
        f"blaming the other for the delay.",
        f"Analysts in {c2[2]} said the {c2[1]} government was unlikely to change course "
        f"before the end of {ctx['date'].year}.",
        f"In a statement, the {org[0]} said it was \"deeply concerned\" and called for "
        f"calm on all sides.",
        f"Trade between the two countries fell by {rng.randint(3, 40)} percent last year, "
        f"official figures show.",
        f"{person}, who has served as {role} since {ctx['date'].year - rng.randint(1, 6)}, "
        f"has repeatedly criticized the plan.",
        f"Residents of {c1[2]} described long queues and rising prices over the past "
        f"{rng.randint(2, 9)} weeks.",
    ]
    return forms


def _paragraph(rng: random.Random, ctx: dict) -> str:
    return " ".join(rng.sample(_sentence(rng, ctx), rng.randint(2, 4)))


def _chrome_top(rng: random.Random, outlet: str, section: str) -> list[str]:
    menu = rng.sample(SECTIONS, 7)
    out = [rng.choice(["Skip to main content", "Accessibility links", "Jump to navigation"]),
           outlet]
    if rng.random() < 0.7:
        out.append("We use cookies to improve your experience. By continuing to browse you "
                   "agree to our use of cookies. Accept all | Manage preferences")
    out.append("\n".join(f"  * {m}" for m in ["Home", *menu]))
    out.append(rng.choice(["Search", "Subscribe", "Sign in | Register", "Menu"]))
    out.append(f"Home > {section}")
    return out


def _chrome_bottom(rng: random.Random, outlet: str, related: list[str], year: int) -> list[str]:
    out = ["Share this article: Facebook Twitter Email Print",
           "Related stories",
           "\n".join(f"  * {t}" for t in related)]
    if rng.random() < 0.5:
        out.append("Most read\n" + "\n".join(f"  {i}. {t}" for i, t in enumerate(related, 1)))
    out += [
        "\n".join(f"  * {x}" for x in ["About us", "Contact", "Privacy policy",
                                       "Terms of use", "Advertise"]),
        f"© {year + rng.randint(0, 2)} {outlet}. All rights reserved.",
    ]
    return out


def _headline(rng: random.Random, ctx: dict) -> str:
    c1 = zipf_pick(rng, COUNTRIES) if rng.random() < 0.3 else ctx["countries"][0]
    c2 = zipf_pick(rng, COUNTRIES)
    org = zipf_pick(rng, ORGANIZATIONS)
    topic = rng.choice(TOPICS).title()
    person = _person(rng)
    n = rng.randint(2, 60)
    forms = [
        f"{c1[0]} Calls On {org[1] or org[0]} For Help With {topic}",
        f"{c1[1]} And {c2[1]} Leaders Meet Over {topic}",
        f"{org[0]} Warns Of Crisis As {c1[0]} Faces {topic}",
        f"{person} Vows Action On {topic} In {c1[0]}",
        f"{n} Killed As Protests Over {topic} Spread Across {c1[0]}",
        f"{c1[0]} Expels {n} {c2[1]} Diplomats After Row Over {topic}",
        f"What {topic} Means For {c1[1]} Voters, Explained",
        f"{c2[0]} Pledges ${n} Million To {org[1] or org[0]} Amid {topic}",
    ]
    return rng.choice(forms)


def make_article(seed: int, index: int, first_day: date = FIRST_DAY,
                 span_days: int = SPAN_DAYS) -> tuple[str, str]:
    """(file name, text) of the index-th raw dump, dated within span_days from first_day."""
    rng = random.Random(f"{seed}:{index}")
    day = first_day + timedelta(days=rng.randrange(span_days))
    ncountries = rng.randint(1, 4)
    countries = []
    while len(countries) < ncountries:
        c = zipf_pick(rng, COUNTRIES)
        if c not in countries:
            countries.append(c)
    orgs = list({zipf_pick(rng, ORGANIZATIONS): None for _ in range(rng.randint(1, 3))})
    persons = [(_person(rng), rng.choice(ROLES)) for _ in range(rng.randint(1, 3))]
    outlet, domain = rng.choice(OUTLETS)
    ctx = {"countries": countries, "orgs": orgs, "persons": persons,
           "topic": rng.choice(TOPICS), "date": day}
    section = rng.choice(SECTIONS)
    title = _headline(random.Random(f"{seed}:{index}:title"), ctx)
    standfirst = _paragraph(rng, ctx)
    author = _person(rng)
    city = countries[0][2].upper()
    paras = [_paragraph(rng, ctx) for _ in range(rng.randint(5, 11))]
    paras[0] = f"{city}, {_fmt_date(day, 0)} ({outlet}) - {paras[0]}"
    caption = (f"{persons[0][0]} speaks to reporters in {countries[0][2]}. "
               f"Photo: {_person(rng)} / {outlet}")
    related = [_headline(random.Random(f"{seed}:{index}:r{k}"), ctx) for k in range(3)]

    blocks = _chrome_top(rng, outlet, section)
    blocks += [
        title,
        standfirst,
        f"By {author}",
        rng.choice(["Published ", "Updated ", ""]) + _fmt_date(day, rng.randrange(2))
        + f" {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} GMT",
        caption,
    ]
    at = rng.randint(2, max(2, len(paras) - 2))
    blocks += paras[:at]
    if rng.random() < 0.6:
        blocks.append(f"Read more: {related[0]}")
    blocks += paras[at:]
    if rng.random() < 0.5:
        blocks.append(f"With reporting by {outlet} correspondents in {countries[-1][2]}")
    blocks += _chrome_bottom(rng, outlet, related, day.year)
    text = "\n\n".join(blocks) + "\n"
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return f"{index:06d}_{digest}.txt", text


def manifest_row(seed: int, index: int, name: str, first_day: date = FIRST_DAY,
                 span_days: int = SPAN_DAYS) -> str:
    """The scraper's manifest line of a file: path, url, published date, outlet."""
    rng = random.Random(f"{seed}:{index}")
    day = first_day + timedelta(days=rng.randrange(span_days))
    return f"{name},https://news.example/a/{index},{day.isoformat()},,\n"


def generate(n: int, outdir: Path, seed: int = 1, start: int = 0,
             manifest: bool = True, first_day: date = FIRST_DAY,
             span_days: int = SPAN_DAYS) -> list[Path]:
    """Write raw dumps number start .. start+n-1 into outdir (and append their manifest rows).

    Dates fall in the span_days days from first_day (by default ten years from 2015-01-01);
    `first_day=AFTER_ARCHIVE, span_days=1` gives a day of new articles, newer than all others.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    written, rows = [], []
    for i in range(start, start + n):
        name, text = make_article(seed, i, first_day, span_days)
        path = outdir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
        rows.append(manifest_row(seed, i, name, first_day, span_days))
    if manifest:
        man = outdir / "manifest.csv"
        new = not man.exists()
        with open(man, "a", encoding="utf-8") as f:
            f.write(("path,url,published,source,title\n" if new else "") + "".join(rows))
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of raw files")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="index of the first file")
    ap.add_argument("--no-manifest", action="store_true", help="no manifest.csv rows")
    ap.add_argument("--new-day", action="store_true",
                    help="date the files on the day after the archive (new articles)")
    args = ap.parse_args(argv)
    span = (AFTER_ARCHIVE, 1) if args.new_day else (FIRST_DAY, SPAN_DAYS)
    generate(args.n, args.outdir, args.seed, args.start, not args.no_manifest, *span)
    print(f"wrote {args.n} raw files to {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
