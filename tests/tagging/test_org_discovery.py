"""Organizations that are in no list: candidate spans, their cues and the learned scorer.

The names below are invented; none is in the tagger's lists (checked by the first test)."""

from __future__ import annotations

import pytest
from news_archive.tagging import org_scorer, tag_text
from news_archive.tagging.document import Doc
from news_archive.tagging.gazetteer import load
from news_archive.tagging.org_candidates import candidates, cues, is_legal_form
from news_archive.tagging.organizations import discover, find_organizations

INVENTED = ["Kestrel Holdings", "Brightwater", "Halvorsen Securities", "Vexa", "Tollan",
            "Orbital Dynamics", "Marrowfield", "Quillon", "Ostrava Mills"]


def orgs_of(text: str) -> list[str]:
    return [o.name for o in tag_text(text).organizations]


def feats(text: str, name: str) -> list[str]:
    doc = Doc(text)
    orgs = find_organizations(doc)
    pieces = discover(doc, orgs, doc.chunks())
    return next(c.features for c in candidates(doc, pieces, orgs) if c.text == name)


def test_invented_names_are_in_no_list():
    entries = load().index.entries
    for name in INVENTED:
        assert tuple(name.split()) not in entries


def test_legal_forms_come_from_the_cue_file():
    legal = cues().legal
    assert {"ltd", "gmbh", "plc", "sa", "oyj", "llc"} <= legal
    assert is_legal_form("GmbH", legal) and is_legal_form("S.A.", legal)
    assert not is_legal_form("as", legal)  # lower-case words never count


@pytest.mark.parametrize(("text", "name", "cue"), [
    ("Shares fell after Quillon Oyj cut its forecast.", "Quillon Oyj", "legal_last"),
    ("Marrowfield, a Leeds-based startup, raised money.", "Marrowfield", "appos_org"),
    ("Marrowfield's chief executive resigned on Friday.", "Marrowfield", "poss_role"),
    ("An analyst at Marrowfield expects more cuts.", "Marrowfield", "role_prep"),
    ("Investors sold shares of Marrowfield on Tuesday.", "Marrowfield", "shares_of"),
    ("Yesterday Quillon announced a new plant near the coast.", "Quillon", "next_org_verb"),
    ("Prices are listed at Quillon.com every morning.", "Quillon.com", "domain"),
    ("The minister told Marrowfield that the plan was late.", "Marrowfield", "source_before"),
    ("The claim was false, according to Marrowfield.", "Marrowfield", "source_before"),
    ("Workers joined the Quillon Interactive team in May.", "Quillon Interactive",
     "head_last"),
    ("Prices rose at retailers such as Marrowfield on Monday.", "Marrowfield", "noun_before"),
    ("Banks including Marrowfield cut rates.", "Marrowfield", "noun_before"),
    ("Chipmakers like Marrowfield gained.", "Marrowfield", "noun_before"),
])
def test_each_context_and_form_cue_is_a_feature(text, name, cue):
    assert cue in feats(text, name)


def test_person_shaped_candidates_get_person_cues():
    f = feats("Talks with the sales manager Quillon Marrowfield, who left, went on.",
              "Quillon Marrowfield")
    assert "next_who" in f


@pytest.mark.parametrize(("text", "name"), [
    ("Kestrel Holdings PLC said profits rose.", "Kestrel Holdings PLC"),
    ("The Ostrava Mills Exchange halted trading in nickel.", "Ostrava Mills Exchange"),
    ("Brightwater Ltd, a Chicago-based startup, sued its rival.", "Brightwater Ltd"),
    ("Orbital Dynamics GmbH's chief executive said the deal was off.", "Orbital Dynamics GmbH"),
    ("Analysts at Halvorsen Securities said prices would rise.", "Halvorsen Securities"),
    ("The Ministry of Water and Irrigation warned of shortages.",
     "Ministry of Water and Irrigation"),
    ("Tollan Broadcasting Corp. and Vexa SA announced a merger.", "Vexa SA"),
    ("The series was produced by Marlow Animation in Tokyo.", "Marlow Animation"),
    ("A report by Harbourside Analytics found prices rising.", "Harbourside Analytics"),
    ("The Coldwater Herald-Tribune first reported the news.", "Coldwater Herald-Tribune"),
    ("The Diocese of Harrowgate said the priest had been suspended.", "Diocese of Harrowgate"),
    ("The Orinoco Liberation Front claimed the attack.", "Orinoco Liberation Front"),
    ("Officials at the Tollan Port Authority said ships were delayed.",
     "Tollan Port Authority"),
])
def test_unlisted_organizations_are_found(text, name):
    assert name in orgs_of(text)


def candidates_of(text: str) -> list:
    doc = Doc(text)
    orgs = find_organizations(doc)
    return list(candidates(doc, discover(doc, orgs, doc.chunks()), orgs))


def candidate_texts(text: str) -> list[str]:
    return [c.text for c in candidates_of(text)]


def test_conjoined_names_are_two_candidates_but_of_names_stay_whole():
    texts = candidate_texts("Investors in Marrowfield Oyj and Quillon Oyj were told on Monday.")
    assert texts == ["Marrowfield Oyj", "Quillon Oyj"]
    names = orgs_of("A grant came from the Quillon Fund for Rivers and Lakes in May.")
    assert names == ["Quillon Fund for Rivers and Lakes"]


def test_scorer_decides_and_can_be_switched_off():
    text = "Investors in Marrowfield Oyj were told on Monday."
    org_scorer.set_weights({})
    try:
        without = orgs_of(text)
    finally:
        org_scorer.set_weights(None)
    assert "Marrowfield Oyj" not in without
    assert "Marrowfield Oyj" in orgs_of(text)


def test_shipped_weights_name_how_they_were_trained():
    from news_archive.datafiles import data_path

    weights = data_path("tagging", org_scorer.WEIGHTS_FILE)
    head = weights.read_text(encoding="utf-8").splitlines()[:6]
    assert all(ln.startswith("#") for ln in head)
    assert any("train_org_scorer.py" in ln for ln in head)
    w = org_scorer.weights()
    assert 0 < w["__threshold__"] < 1 and w["known_person"] < 0 < w["head_last"]


def test_scorer_never_takes_a_listed_person_or_a_place():
    names = orgs_of("Yesterday Joe Biden met officials in Portugal.")
    assert "Joe Biden" not in names and "Portugal" not in names


def test_a_cue_at_one_mention_counts_at_the_others():
    text = ("Vexa sued the city on Monday. An analyst at Vexa said the suit was weak. "
            "Later Vexa dropped it.")
    doc = Doc(text)
    orgs = find_organizations(doc)
    found = [c for c in candidates(doc, discover(doc, orgs, doc.chunks()), orgs)
             if c.text == "Vexa"]
    cued = [c for c in found if "role_prep" in c.features]
    others = [c for c in found if c not in cued]
    assert cued and others
    assert all("cue_elsewhere" in c.features for c in others)
    assert all("cue_elsewhere" not in c.features for c in cued)  # not from itself alone


def test_no_cue_elsewhere_without_a_cued_mention():
    for c in candidates_of("Tollan was quiet on Monday. Later Tollan left early."):
        assert "cue_elsewhere" not in c.features


@pytest.mark.parametrize("text,name", [
    ("The Riverton Daily reported that the mayor would resign.", "Riverton Daily"),
    ("He told the Riverton Weekly on Monday that he would resign.", "Riverton Weekly"),
])
def test_newspaper_named_the_x_daily(text, name):
    assert orgs_of(text) == [name]


def test_daily_inside_a_sentence_is_no_newspaper():
    assert orgs_of("Daily Riverton traffic grew by a fifth, officials said.") == []


def test_a_listed_name_inside_a_longer_name_gives_way_to_it():
    """'Chamber of Commerce' is a listed alias, but 'the Riverton Chamber of Commerce' is
    another organization."""
    assert orgs_of("Officials at the Riverton Chamber of Commerce said taxes would rise.") == [
        "Riverton Chamber of Commerce"]
    assert orgs_of("The U.S. Chamber of Commerce opposed the bill.") == [
        "U.S. Chamber of Commerce"]


def test_and_before_a_head_word_joins_two_names():
    orgs = orgs_of("Shares of Kestrel and Halvorsen Media rose after the merger was announced.")
    assert "Halvorsen Media" in orgs
    assert not any(o.startswith("Kestrel and") for o in orgs)


def test_and_inside_an_of_name_stays_in_it():
    assert orgs_of("The Office of Rivers and Forest Services said the dam was safe.") == [
        "Office of Rivers and Forest Services"]


@pytest.mark.parametrize("text,name", [
    ("The agents worked for the Ministry of State Security, officials said.",
     "Ministry of State Security"),
    ("He joined the Department of Public Works in 2010.", "Department of Public Works"),
    ("The agents worked for the Latvian Ministry of State Security, officials said.",
     "Latvian Ministry of State Security"),
])
def test_a_ministry_named_by_common_words_is_an_organization(text, name):
    assert orgs_of(text) == [name]


def test_titles_with_of_are_no_ministry():
    assert orgs_of("The Secretary of State met the Head of State on Monday.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("Engineers from Blue Quillon built the lander.", "Blue Quillon"),
    ("Supporters cheered for Real Tollan on Monday.", "Real Tollan"),
    ("Staff at Northern Marrowfield said the plant would close.", "Northern Marrowfield"),
])
def test_a_stop_word_that_opens_a_name_stays_in_the_candidate(text, name):
    assert name in candidate_texts(text)


def test_a_stop_word_alone_or_before_a_lower_case_word_is_no_candidate():
    assert "Blue" not in candidate_texts("Engineers painted it Blue in May.")
    assert candidate_texts("However Quillon announced a plant.") == ["Quillon"]


def test_a_bare_head_noun_and_a_venue_last_are_features():
    assert "head_alone" in feats("The case went to Court in May, lawyers said.", "Court")
    f = feats("Fans packed the Quillon Music Center on Friday.", "Quillon Music Center")
    assert "non_org_last" in f


@pytest.mark.parametrize(("text", "name"), [
    ("WASHINGTON (Quillon Wire) — Talks went on late.", "Quillon Wire"),
    ("RIGA, Latvia (BNS) - Ministers met on Monday.", "BNS"),
    ("ST. JOSEPH, Mich. (Tollan News Service) — Talks went on.", "Tollan News Service"),
    ("Hong Kong (Quillon Business) A muddled view weighed on investors.", "Quillon Business"),
])
def test_the_agency_of_a_dateline_is_an_organization(text, name):
    assert name in orgs_of(text)


def test_a_parenthesis_later_in_a_line_is_no_dateline():
    assert "Tollan" not in orgs_of("Prices rose on Monday and traders said (Tollan) — more.")
    assert "Tollan" not in orgs_of("washington (Tollan) — talks went on.")
    assert orgs_of("Hong Kong (China) The talks went on.") == []


@pytest.mark.parametrize(("text", "name", "cue"), [
    ("Quillons 5, Marrowfields 1: the home side won again.", "Quillons", "score_line"),
    ("Quillons 5, Marrowfields 1: the home side won again.", "Marrowfields", "score_line"),
    ("Fans booed when the Marrowfields lost the game, the season and the playoff.",
     "Marrowfields", "the_plural"),
    ("Fans booed when the Marrowfields lost the game, the season and the playoff.",
     "Marrowfields", "the_plural_sports"),
    ("A chain of papers including the Boston Quillon, sold more.", "Boston Quillon",
     "has_place"),
    ("Buyers wanted SUVs from Quillon.", "SUVs", "acronym_plural"),
])
def test_sports_newspaper_and_acronym_cues(text, name, cue):
    assert cue in feats(text, name)


def test_a_newspaper_word_after_a_place_is_a_head_word():
    f = feats("A chain of papers including the Boston Star, sold more.", "Boston Star")
    assert "paper_place" in f and "head_last" in f
    assert "paper_place" not in feats("Fans cheered for Quillon Star.", "Quillon Star")


def test_a_plural_after_the_in_a_result_is_scored():
    assert "Marrowfields" in candidate_texts("He said the Marrowfields went home early.")
    assert "Marrowfield" not in candidate_texts("He said the Marrowfield went home early.")


def test_common_words_of_bodies_before_and_stay_in_one_name():
    texts = candidate_texts("Goods were seized by Customs and Tollan Protection officers.")
    assert "Customs and Tollan Protection" in texts
    names = candidate_texts("Investors in Quillon and Tollan Games were told on Monday.")
    assert "Tollan Games" in names and "Quillon and Tollan Games" not in names


def test_a_generic_word_after_a_possessive_is_no_candidate():
    assert "Court" not in candidate_texts("The hearing is at Marrowfield Magistrate's Court.")


def test_guild_and_fellowship_are_head_words():
    assert "head_last" in feats("Writers at the Quillon Guild, a trade body, said so.",
                                "Quillon Guild")
    assert "head_last" in feats("Pastors at the Tollan Fellowship, a church group, said so.",
                                "Tollan Fellowship")


def test_an_acronym_defines_a_body_named_by_common_words_and_a_head():
    text = "Experts at the National Housing Board (NHB) said the NHB would meet again."
    assert list(find_organizations(Doc(text)).names) == ["National Housing Board"]
    assert list(find_organizations(Doc("Lawyers for Human Rights (HR) met.")).names) == []
    # a place's or thing's word inside the body's name belongs to it
    defined = find_organizations(Doc("The Tollan River Basin Authority (TRBA) met. The TRBA "
                                     "said water levels fell."))
    assert defined.names == {"Tollan River Basin Authority": ["TRBA"]}


def test_a_person_after_and_ends_an_of_name():
    names = orgs_of("The plan was drawn up by the Department of Rivers and Ann Tollan last year.")
    assert "Department of Rivers" in names
    assert not any("Ann" in n for n in names)


def test_a_listed_word_that_opens_a_longer_name_ending_in_a_head_gives_way():
    names = orgs_of("Officials of the Independent Water Regulation Commission said it was fair.")
    assert names == ["Independent Water Regulation Commission"]
    assert orgs_of("He met Google CEO Sundar Pichai in May.") == ["Google"]


def test_a_state_before_a_listed_national_agency_names_the_state_agency():
    assert orgs_of("Staff at the Oregon Department of Education said so.") == [
        "Oregon Department of Education"]
    assert orgs_of("Staff at the U.S. Department of Education said so.") == [
        "United States Department of Education"]


def test_a_line_break_parts_a_weak_alias_from_the_line_before():
    text = ("The coach praised the goal, the season and the playoff run (3-0-2).\n\n"
            "Jets 2, Predators 1: Winnipeg won the game on a late goal.")
    assert "Winnipeg Jets" in orgs_of(text)


def test_a_weak_alias_after_the_that_is_a_place_is_the_place():
    assert orgs_of("Researchers will study fish stocks in the Atlantic.") == []
    assert orgs_of("She told The Atlantic that she would run.") == ["The Atlantic"]
    # a body whose name is also a form of its country stays a body
    assert orgs_of("On Monday the Bundestag voted for the law.") == ["Bundestag"]


@pytest.mark.parametrize(("text", "person"), [
    ("Jenny Slate said the plan would work.", "Jenny Slate"),  # not the magazine Slate
    ("Harrison Ford starred in the film.", "Harrison Ford"),  # not the carmaker
])
def test_a_listed_one_word_name_after_a_given_name_is_a_surname(text, person):
    tags = tag_text(text)
    assert tags.persons == [person] and tags.organizations == []


def test_a_name_in_a_list_with_an_organization_gets_list_org():
    text = ("The agency picked Quillon Vexa, Marrow Beyond, Tollan Robotics and Vexa Orbit "
            "for the mission.")
    found = {c.text: c.features for c in candidates_of(text)}
    assert "Tollan Robotics" in orgs_of(text)  # the head-word rule
    assert all("list_org" in found[n] for n in ("Quillon Vexa", "Marrow Beyond", "Vexa Orbit"))


def test_no_list_org_without_an_organization_in_the_list():
    text = "The agency picked Quillon Vexa, Marrow Beyond and Vexa Orbit for the mission."
    for c in candidates_of(text):
        assert "list_org" not in c.features


@pytest.mark.parametrize(("text", "name"), [
    ("Tollan's Ministry of Trade, Industry and Energy (MTIE) unveiled a plan.",
     "Ministry of Trade, Industry and Energy"),
    ("The Ministry of Culture, Sports and Tourism said so.",
     "Ministry of Culture, Sports and Tourism"),
    # abstract nouns (org_cues abstract_suffix) before 'and' are common words of one name
    ("A manual of the Resettlement and Naturalization Services was cited.",
     "Resettlement and Naturalization Services"),
    ("It asked the Enforcement and Compliance Agency for data.",
     "Enforcement and Compliance Agency"),
])
def test_common_words_joined_by_and_stay_one_name(text, name):
    assert orgs_of(text) == [name]


def test_a_person_after_a_ministry_and_a_comma_is_no_field():
    assert orgs_of("The Ministry of Finance, Ann Tollan and others said so.") == [
        "Ministry of Finance"]


def test_a_legal_form_alone_is_no_candidate():
    text = "It picked Quillon Nano Systems, Inc. to join the programme."
    assert not any(t.startswith("Inc") for t in candidate_texts(text))


def test_an_acronym_a_thing_defines_is_marked():
    text = ("The Quillon Upper Stage (QUS) flew in May. Engineers said the QUS worked, and "
            "later the QUS was retired.")
    f = [c.features for c in candidates_of(text) if c.text == "QUS"]
    assert f and all("acronym_thing" in x for x in f)


def test_a_things_name_passes_no_cue_to_its_other_mentions():
    text = ("Engineers built the Quillon Landing System (QLS) in May. Later the Quillon "
            "Landing System flew twice.")
    found = [c for c in candidates_of(text) if c.text == "Quillon Landing System"]
    assert len(found) == 2 and all("cue_elsewhere" not in c.features for c in found)


SPORTS = ("The Pittsburgh Marmots beat the Quokkas 4-2 on Sunday. The Marmots' coach said the "
          "game was close; the Marmots scored twice in the third period and the goalie made "
          "30 saves in the win.")


def test_a_place_then_a_name_is_marked_in_a_sports_article():
    f = feats(SPORTS, "Pittsburgh Marmots")
    assert {"place_first", "place_first_sports", "tail_alone"} <= set(f)


def test_a_name_met_after_a_place_elsewhere_is_marked():
    f = [c.features for c in candidates_of(SPORTS) if c.text == "Marmots"]
    assert f and all("after_place_elsewhere" in x for x in f)


def test_a_team_named_after_a_place_elsewhere_is_found():
    text = ("The Oklahoma City Tempest lost 101-95 to the Lakers on Sunday. The coach said "
            "the game went to overtime after a late basket by the Tempest.")
    assert "Tempest" in orgs_of(text)


@pytest.mark.parametrize("text, name", [
    ("Tajik President Emomali Valko met them.", "Tajik President Emomali Valko"),
    ("The U.S. Attorney Dana Quillon said so.", "U.S. Attorney Dana Quillon"),
])
def test_an_adjective_or_a_title_after_a_place_is_no_place_name(text, name):
    assert not any("place_first" in c.features for c in candidates_of(text))


def test_a_comma_alone_joins_no_list():
    text = ("After Dana Vexa got a rebound for Kestrel Holdings, Ostrava Mills drilled a "
            "3-pointer. Investors in Kestrel Holdings, Brightwater and Tollan Oyj were told.")
    found = {c.text: c.features for c in candidates_of(text)}
    assert "list_org" not in found["Ostrava Mills"]
    assert "list_org" in found["Brightwater"]


def test_an_events_name_makes_no_organization_of_its_neighbour():
    text = "She is manager for sales on Harvest Day and QX director of Vexa, a retail site."
    found = {c.text: c.features for c in candidates_of(text)}
    assert "non_org_last" in found["Harvest Day"]
    assert "list_org" not in found["QX"]


def test_a_plain_name_before_and_still_splits():
    assert orgs_of("Investors in Marrowfield and Kestrel Media were told.") == [
        "Kestrel Media", "Marrowfield"]


def test_plural_of_an_apposition_noun():
    from news_archive.tagging.org_candidates import plural
    assert [plural(w) for w in ("company", "firm", "agency", "outlet", "day")] == [
        "companies", "firms", "agencies", "outlets", "days"]


def test_a_plural_apposition_noun_opens_a_list_of_organizations():
    text = ("NASA awarded missions to companies Vexa, Quillon Nano and Marrow Beyond. "
            "Marrow Beyond later dropped out.")
    found: dict[str, list[str]] = {}
    for c in candidates_of(text):
        found.setdefault(c.text, c.features)  # the first mention: in the list
    assert "noun_before" in found["Vexa"]
    assert "list_org" in found["Quillon Nano"] and "list_org" in found["Marrow Beyond"]
    assert {"Vexa", "Quillon Nano", "Marrow Beyond"} <= set(orgs_of(text))


def test_a_name_that_ends_an_apposition_before_said():
    text = "Halvor Petersen, chief executive of Brightwater Logistics, said demand was weak."
    f = feats(text, "Brightwater Logistics")
    assert "appos_end" in f and "next:," not in f
    assert orgs_of(text) == ["Brightwater Logistics"]


def test_a_head_that_is_also_a_title_opens_an_of_name():
    # an institution's head before "for" is taken by the head rule; another head that is also
    # a title ("Senate") reaches the scorer as an of-name, not as a person with a title
    text = "The report was published by the Center for Coastal Policy Studies."
    assert orgs_of(text) == ["Center for Coastal Policy Studies"]
    f = feats("The report was published by the Senate for Coastal Policy Studies.",
              "Senate for Coastal Policy Studies")
    assert "head_first_of" in f and "title_first" not in f


@pytest.mark.parametrize(("text", "name"), [
    ("According to the Marrowfield Institute for Ocean Studies, the reef is shrinking.",
     "Marrowfield Institute for Ocean Studies"),
    ("The Tollan Centre for Disease Research said cases rose.",
     "Tollan Centre for Disease Research"),
    ("The Quillon Foundation for Valley Hospitals gave $2 million.",
     "Quillon Foundation for Valley Hospitals"),
])
def test_a_field_after_an_institution_head_may_be_a_place_or_event_word(text, name):
    # "Ocean", "Disease", "Hospital" name the field after the head, not a place or an event
    assert name in orgs_of(text)


@pytest.mark.parametrize("text", [
    "Life Support Systems for Spacecraft and Lunar Habitats was the topic of the panel.",
    "The Festival of Lights drew large crowds to the old town.",
])
def test_place_and_event_words_still_end_names_that_are_no_institution(text):
    assert orgs_of(text) == []


def test_an_institution_name_ends_before_in_and_its_country():
    found = orgs_of("Scientists at the Tollan Centre for Marine Research in France said so.")
    assert "Tollan Centre for Marine Research" in found
    assert tag_text("Scientists at the Tollan Centre for Marine Research in France said "
                    "so.").countries == ["FR"]


@pytest.mark.parametrize(("text", "name"), [
    ("Shares of Kestrel Holdings fell 5 percent on Tuesday.", "Kestrel Holdings"),
    ("Shares in Marrowfield rose after the results.", "Marrowfield"),
    ("The fund bought a stake in Quillon last year.", "Quillon"),
    ("The plant belongs to a subsidiary of Ostrava Mills.", "Ostrava Mills"),
])
def test_what_is_held_in_shares_or_a_stake_is_a_company(text, name):
    assert orgs_of(text) == [name]


@pytest.mark.parametrize("text", [
    "Shares of Europe's biggest lenders fell on Tuesday.",  # the lenders are held, not Europe
    "He has a stake in New York real estate.",  # a place
])
def test_a_place_after_shares_of_is_no_company(text):
    assert orgs_of(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Researchers at the Technische Universität Tollan said the tests worked.",
     "Technische Universität Tollan"),
    ("Officials at the Ministerio de Salud said the clinics would reopen.",
     "Ministerio de Salud"),
    ("The Istituto Superiore di Marrowfield reported 20 cases.",
     "Istituto Superiore di Marrowfield"),
])
def test_a_body_named_in_its_own_language_in_english_text(text, name):
    tags = tag_text(text)
    assert [o.name for o in tags.organizations] == [name]
    assert tags.persons == []  # (a capitalised run with "de" is no person's name here)


def test_a_foreign_body_keeps_its_country_and_a_building_is_no_body():
    tags = tag_text("The Banco de Portugal raised its rates on Monday.")
    assert [o.name for o in tags.organizations] == ["Banco de Portugal"]
    assert tags.countries == ["PT"]
    assert orgs_of("The crowd visited the Museo del Prado on Sunday.") == []


def test_common_words_joined_by_and_before_a_head_are_one_body():
    text = ("The Salt and Timber Authority said salt prices rose while timber exports fell. "
            "Marrowfield and Quillon Media signed a deal.")
    names = orgs_of(text)
    assert "Salt and Timber Authority" in names
    assert "Marrowfield and Quillon Media" not in names  # two names, not written in lower case


def test_plural_centers_head_a_for_name():
    names = orgs_of("The Centers for Coastal Erosion and Recovery said tides rose.")
    assert names == ["Centers for Coastal Erosion and Recovery"]


@pytest.mark.parametrize(("text", "name"), [
    ("Researchers at the University of Colorado, Denver, found it.",
     "University of Colorado, Denver"),
    ("She worked for the University of Colorado, Denver Water and others.",
     "University of Colorado"),  # the city begins another name
    ("She studied at the University of Colorado, Mexico, in 1990.",
     "University of Colorado"),  # a country is no campus
])
def test_a_university_keeps_its_campus_city(text, name):
    assert tuple("University of Colorado".split()) not in load().index.entries
    found = orgs_of(text)
    assert name in found
    assert not any(n.startswith(name + ",") for n in found)


@pytest.mark.parametrize(("text", "found"), [
    ("Investors cheered as Marrowfield beat forecasts. Marrowfield's headquarters will move.",
     ["Marrowfield"]),
    ("Investors sold Marrowfield shares on Tuesday after the results.", ["Marrowfield"]),
    ("Marrowfield's chief executive resigned on Friday after the vote.", ["Marrowfield"]),
    # a person, an adverb opening the sentence, a verb, a common word: they own nothing
    ("Tavi Okonkwo said on Monday he would sell. Okonkwo's shares are worth $2 million.", []),
    ("Sometimes employees ignore the rules, he said.", []),
    ("In his book, Marrowfield shares the formula he used.", []),
    ("The Harbour's employees left early, and the harbour was quiet.", []),
])
def test_what_a_name_owns_says_it_is_a_company(text, found):
    assert orgs_of(text) == found


def test_unlisted_teams_in_a_sports_result():
    text = ("The Riverton Rapids beat the Lakeside Lions 3-1 on Saturday. Lakeside Lions "
            "coach Jane Roe said the season was long and the league hard after the game.")
    names = orgs_of(text)
    assert "Riverton Rapids" in names and "Lakeside Lions" in names
    tennis = ("Tavi Okonkwo beat Zephyrine Dahl 6-3 in the final, and the tournament season "
              "ended with a win in the last game.")
    assert orgs_of(tennis) == []  # players, not teams
