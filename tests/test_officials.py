"""Officials on news kg was not tuned on: the shapes, the public/private line, the evidence for
a jurisdiction, past offices, the officeholders table and the identifiers it gives."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.export import exporters
from kg.extract.officeholders import BIOGUIDE, WIKIDATA, spells
from kg.model import Iri
from kg.namespaces import KG, OWL, SDO

from .positions import facts, offices

SPRING_2012 = datetime(2012, 4, 23, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Abbreviated titles are written out; a state legislator's state is the article's.
        (
            "Ald. Brian Hopkins and state Rep. Kam Buckner spoke at Chicago's City Hall.",
            {
                ("Brian Hopkins", "Alderman", "Chicago"),
                ("Kam Buckner", "state Representative", "Illinois"),
            },
        ),
        # A seat of government stands for its state.
        (
            "Kremlin spokesman Dmitry Peskov told reporters the claims were groundless.",
            {("Dmitry Peskov", "spokesman", "Russia")},
        ),
        # A public body's office belongs to the body's place.
        (
            "Chicago Fire Department Commissioner Annette Nance-Holt spoke.",
            {("Annette Nance-Holt", "Commissioner", "Chicago")},
        ),
        # An apposition read from the parse, whatever adjectives stand between.
        (
            "Mary Roe, the longtime Democratic mayor of Springfield, Illinois, said no.",
            {("Mary Roe", "mayor", "Springfield")},
        ),
        # An aide speaks "for" the office-holder they serve, as an aide is "to" them.
        (
            "Jane Roe, a spokeswoman for Mayor Rahm Emanuel, said Chicago would comply.",
            {("Jane Roe", "spokeswoman", "Chicago"), ("Rahm Emanuel", "Mayor", "Chicago")},
        ),
        # The name set off after "a spokeswoman for the mayor" is the spokeswoman's.
        (
            "A spokeswoman for the mayor, Jane Roe, said Chicago would comply.",
            {("Jane Roe", "spokeswoman", "Chicago")},
        ),
        (
            "Jane Roe, a spokeswoman for the mayor, said Chicago would comply.",
            {("Jane Roe", "spokeswoman", "Chicago")},
        ),
        # "of the 1st Ward" is an alderman's seat, not a body that employs them.
        (
            "Joe Moreno, alderman of the 1st Ward, voted no at Chicago's City Hall.",
            {("Joe Moreno", "alderman", "Chicago")},
        ),
        # County offices.
        (
            "Baltimore County Executive Johnny Olszewski signed the order in Baltimore.",
            {("Johnny Olszewski", "County Executive", "Baltimore County")},
        ),
        (
            "Cook County Medical Examiner Jane Roe said the office had hired staff.",
            {("Jane Roe", "Medical Examiner", "Cook County")},
        ),
        # A title set off after "to" is the name's when the name is closed off as an
        # apposition.
        (
            "According to the governor, John Smith, Illinois must act.",
            {("John Smith", "governor", "Illinois")},
        ),
        # A national office in its holder's government ("Trump's defense secretary").
        (
            "President Donald Trump signed the order. But Trump’s defense secretary, James "
            "Mattis, postponed that date.",
            {
                ("Donald Trump", "President", "United States"),
                ("James Mattis", "defense secretary", "United States"),
            },
        ),
        # A territory's governor; a partisan chairman of a public body is the body's.
        (
            "WASHINGTON (Reuters) - Puerto Rican Governor Ricardo Rossello asked for help.",
            {("Ricardo Rossello", "Governor", "Puerto Rico")},
        ),
        (
            "WASHINGTON (Reuters) - “It is bad,” said Bob Goodlatte, the Republican chairman "
            "of the Judiciary Committee.",
            {("Bob Goodlatte", "chairman", "United States")},
        ),
        # "his foreign minister": the government of the one "his" is.
        (
            "ANKARA (Reuters) - Turkish President Tayyip Erdogan said on Tuesday that his "
            "foreign minister, Mevlut Cavusoglu, would go to Moscow.",
            {
                ("Tayyip Erdogan", "President", "Turkey"),
                ("Mevlut Cavusoglu", "foreign minister", "Turkey"),
            },
        ),
        # A bare "Assembly" is a state's lower house, a "National Assembly" a country's.
        (
            "SACRAMENTO, Calif. (Reuters) - Assembly Speaker Anthony Rendon said the "
            "California lawmaker had resigned.",
            {("Anthony Rendon", "Speaker", "California")},
        ),
        (
            "ISLAMABAD (Reuters) - National Assembly Speaker Ayaz Sadiq said Pakistan would "
            "hold the vote.",
            {("Ayaz Sadiq", "Speaker", "Pakistan")},
        ),
        # A judge in a report whose courts are all federal is a United States judge.
        (
            "SEATTLE (Reuters) - The 9th U.S. Circuit Court of Appeals heard the case. Judge "
            "Ronald Gould said the court would rule soon.",
            {("Ronald Gould", "Judge", "United States")},
        ),
        (
            "The Cook County Circuit Court heard the case, which may go to the U.S. Supreme "
            "Court. Judge Jane Roe said the court would rule soon.",
            {("Jane Roe", "Judge", "")},
        ),
        # Washington has no governor: a Washington dateline places none.
        (
            "WASHINGTON (Reuters) - Governor Jay Inslee said the state would sue.",
            {("Jay Inslee", "Governor", "")},
        ),
        # A title shared with the words after it.
        (
            "Cook County Commissioner and mayoral candidate Brandon Johnson spoke.",
            {("Brandon Johnson", "Commissioner", "Cook County")},
        ),
        # A coroner is a state's officer; the state the model took for a body counts.
        (
            "The Northern Territory's coroner has found that the boy should not have been "
            "in detention. In his report, the coroner, Dick Wallace, said the boy was lonely.",
            {("Dick Wallace", "coroner", "Northern Territory")},
        ),
        # The chief of a state's service, named with the state.
        (
            "Iraqi intelligence chief Taher Jalil Habbush said Abu Nidal had killed himself.",
            {("Taher Jalil Habbush", "intelligence chief", "Iraq")},
        ),
    ],
)
def test_offices_and_their_places(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert offices(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # Candidates and company heads hold no public office.
        "Candidates for 4th Ward alderman Jane Roe and John Doe met voters.",
        "It was Feb. 28, 2023.Candidates for 4th Ward alderman Jane Roe and John Doe met voters.",
        "Jane Roe, Apple's chief executive, said the company would comply.",
        "Jane Roe, a spokeswoman for Tim Cook, said the company would comply.",
        "Former Mexican President Vicente Fox said the wall was a mistake.",
        "James Roe, the FBI director at the time, recommended no charges.",
        # A title that is the object of a preposition is not the name's after it.
        "In a letter to the governor, John Smith wrote that Illinois must act.",
        "The wife of the governor, Jane Smith, said Illinois must act.",
        # A lawyer in practice in a city; a member of Congress of no date, in a race.
        "NEW YORK (Reuters) - New York attorney Alan Futerfas said the meeting was brief.",
        "WASHINGTON (Reuters) - Democrat Doug Jones, who scored an upset victory in the U.S. "
        "Senate race in Alabama, said on Sunday the president need not resign.",
        # A union named by an acronym no list knows; a body the text calls a non-profit.
        "CFMEU secretary Martin Kingham says he is astounded by the Sydney hearings.",
        "Greg Wetstone, president of the non-profit American Council on Renewable Energy, "
        "said the move was mystifying.",
    ],
)
def test_candidates_companies_and_past_offices_are_not_current(body: str) -> None:
    assert offices(body) == set()


def test_officers_of_a_body_joined_by_and_share_its_kind() -> None:
    body = (
        "Adventure World president Stephan Friedli and vice-president Peter Balmer were each "
        "given a suspended sentence."
    )
    assert offices(body) == set()


def test_a_public_office_ahead_makes_no_private_title_public() -> None:
    body = (
        "WASHINGTON (Reuters) - Dowd said White House counsel Don McGahn and campaign lawyer "
        "Ben Ginsberg are working to structure the fund."
    )
    assert {row[0] for row in offices(body)} == {"Don McGahn"}


def test_a_past_office_is_recorded_as_held_before() -> None:
    found = facts("Former Mexican President Vicente Fox said the wall was a mistake.")
    held = [f for f in found if str(f.predicate) == str(KG.heldPosition)]
    assert [f.subject.key for f in held] == ["person/vicente fox"]
    assert not [f for f in found if str(f.predicate) == str(KG.holder)]
    assert Iri(str(KG.Official)) not in {f.object for f in found}  # not an official now
    roles = [f.object for f in found if str(f.predicate) == str(SDO.roleName)]
    assert roles == ["President"]


def test_no_jurisdiction_rather_than_a_guess() -> None:
    # Nothing in the text says whose attorney general this is, and the article's only
    # country is where the news happens: no jurisdiction is given.
    assert offices("Attorney General Jane Roe flew to Syria on Monday.") == {
        ("Jane Roe", "Attorney General", "")
    }


def test_the_officeholders_table_by_name_office_and_date() -> None:
    (obama,) = spells("Obama", datetime(2012, 5, 9).date(), "President")
    assert obama.name == "Barack Obama" and obama.wikidata == "Q76"
    # A surname alone needs the office, and the person must hold it on that date.
    assert spells("Obama", None) == []
    assert spells("Obama", datetime(2019, 1, 1).date(), "President") == []
    (burr,) = spells("Richard Burr", datetime(2017, 6, 8).date(), "Senator")
    assert (burr.office, burr.state) == ("senator", "NC")


def test_a_member_of_congress_holds_a_us_office_with_identifiers() -> None:
    body = "House Speaker John A. Boehner said the party could lose the House."
    assert offices(body, SPRING_2012) == {("John A. Boehner", "Speaker", "United States")}
    same = {
        f.object
        for f in facts(body, SPRING_2012)
        if str(f.predicate) == str(OWL.sameAs) and f.subject.key == "person/john a boehner"
    }
    assert same == {Iri(f"{BIOGUIDE}B000589")}
    # Not a member on that date: no identifier from the table.
    later = facts(body, datetime(2019, 1, 1, tzinfo=UTC))
    assert not [
        f for f in later if str(f.predicate) == str(OWL.sameAs) and f.subject.kind == "person"
    ]
    assert WIKIDATA.startswith("http://www.wikidata.org/entity/")


def test_two_surface_forms_with_one_identifier_are_one_node_in_the_exports(
    tmp_path: Path,
) -> None:
    for name, text in (
        ("a", "President Barack Obama spoke in Washington on Monday."),
        ("b", "President Obama signed the bill in Washington."),
    ):
        (tmp_path / f"{name}.md").write_text(
            f"---\ntitle: {name}\npublishedDateTime: 2012-05-0{len(name)}\n---\n{text}\n",
            encoding="utf-8",
        )
    graph = kg.build([tmp_path])
    exporters.get("graphml").write(graph, tmp_path / "graph.graphml")
    network = nx.read_graphml(tmp_path / "graph.graphml")
    people = [data for _, data in network.nodes(data=True) if "Person" in data.get("labels", "")]
    assert len(people) == 1
    assert f"{WIKIDATA}Q76" in people[0]["sameAs"]


def test_an_office_after_a_quotation_left_open_is_still_reported() -> None:
    opened = '"We will keep the libraries open all summer, ' + "and every branch will " * 15
    body = opened + 'stay open. Chicago Mayor Jane Roe spoke on Monday. "Later," she said.'
    assert offices(body) == {("Jane Roe", "Mayor", "Chicago")}
    # Inside a short quotation, an office is the speaker's word, not the report's.
    assert offices('"Mayor Jane Roe asked us to wait," John Doe said in Chicago.') == set()


UK_2005 = datetime(2005, 2, 14, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A portfolio written as "Y of the Z" or "Y to the Z" before the name.
        (
            "Chancellor of the Exchequer Gordon Brown's spending plans were attacked in the "
            "Commons in London.",
            {("Gordon Brown", "Chancellor of the Exchequer", "United Kingdom")},
        ),
        # Portfolios joined by "and" or listed are one office.
        (
            "Work and Pensions Secretary Alan Johnson told MPs in London the reforms would go "
            "ahead. Culture, Media and Sport Secretary Tessa Jowell agreed.",
            {
                ("Alan Johnson", "Work and Pensions Secretary", "United Kingdom"),
                ("Tessa Jowell", "Culture, Media and Sport Secretary", "United Kingdom"),
            },
        ),
        # A junior minister named by the department before the title.
        (
            "Home Office minister Hazel Blears told MPs in London that crime had fallen.",
            {("Hazel Blears", "Home Office minister", "United Kingdom")},
        ),
        # The cabinet secretary for a part of the country is the country's office.
        (
            "Welsh Secretary Peter Hain told MPs in London the assembly would get more "
            "powers. Scottish First Minister Jack McConnell agreed.",
            {
                ("Peter Hain", "Welsh Secretary", "United Kingdom"),
                ("Jack McConnell", "First Minister", "Scotland"),
            },
        ),
        # Frontbenchers and the leaders of the Houses are offices; "for" before a title
        # with a name after it does not make the office one sought.
        (
            "Tory frontbencher John Redwood said in London that quangos would go. The Lib "
            "Dems called for Commons leader Peter Hain to make a statement.",
            {
                ("John Redwood", "frontbencher", "United Kingdom"),
                ("Peter Hain", "Commons leader", "United Kingdom"),
            },
        ),
        # A definite office is read whole ("deputy prime minister", not "deputy").
        (
            "John Prescott unveiled plans for new homes in the Commons. The deputy prime "
            "minister told MPs 200,000 homes would be built.",
            {("John Prescott", "deputy prime minister", "United Kingdom")},
        ),
        # An office named inside a later sentence refers back to the subject before it.
        (
            "Tony Blair has ruled out an inquiry into the war, telling the Commons it was "
            "closed. Speaking in Brussels, the prime minister said voters would judge.",
            {("Tony Blair", "prime minister", "United Kingdom")},
        ),
        (
            'Tony Blair has ruled out an inquiry into the war in the Commons. "It is closed," '
            "said the prime minister.",
            {("Tony Blair", "prime minister", "United Kingdom")},
        ),
        # A shadow portfolio no word list holds; "of State" makes no state office; a seat
        # "for Sleaford and North Hykeham" ends with a place, not a holder.
        (
            "Shadow Family Secretary Theresa May spoke in the Commons. The Shadow Secretary "
            "of State for Health, Andrew Lansley, agreed. But the Tory MP for Sleaford and "
            "North Hykeham admitted the role had changed.",
            {
                ("Theresa May", "Shadow Family Secretary", "United Kingdom"),
                ("Andrew Lansley", "Shadow Secretary of State for Health", "United Kingdom"),
            },
        ),
        # ... but not to a subject whose own sentence names the office as someone else's.
        (
            "Michael Howard has no doubt it is the prime minister who is rushing the bill. "
            "The prime minister claims the Tories are playing politics.",
            set(),
        ),
        # The sayer named after a comma at the end of a sentence is its subject; a peerage
        # does not stop the office that refers back from being the peer's.
        (
            "Fathers who defy court orders could be tagged, Lord Falconer said. The "
            "constitutional affairs secretary outlined some of the plans on Tuesday.",
            {("Falconer", "constitutional affairs secretary", "United Kingdom")},
        ),
        # A police force's name that runs into the title: the force's commissioner.
        (
            "Sir Ian Blair, the newly-appointed Metropolitan Police commissioner, backed the "
            "plan. Metropolitan Police Commissioner Sir John Stevens agreed.",
            {("Ian Blair", "commissioner", "London"), ("John Stevens", "Commissioner", "London")},
        ),
    ],
)
def test_uk_offices(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert offices(body, UK_2005) == expected


@pytest.mark.parametrize(
    "body",
    [
        # Two people before it: which one the office is is not said, and both held it.
        "John Major attacked Tony Blair in London. Speaking in Brussels, the prime "
        "minister said voters would judge.",
        # The office is the object of the sentence, not its subject.
        "Michael Howard attacked the plans in London. He said the prime minister had failed.",
    ],
)
def test_an_office_referred_to_needs_one_clear_subject(body: str) -> None:
    assert offices(body) == set()


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # The table of great offices knows which of the people named held the office.
        (
            "Michael Howard attacked Tony Blair in London. Speaking in Brussels, the prime "
            "minister said voters would judge.",
            UK_2005,
            {("Tony Blair", "prime minister", "United Kingdom")},
        ),
        # Undated: each office fits one person once the other has taken theirs.
        (
            "Gordon Brown has denied a rift with Tony Blair. Mr Blair said he trusted Mr "
            "Brown, and before he left for Africa the chancellor told reporters so. The "
            "Tories unveiled a poster of the prime minister and Mr Brown.",
            None,
            {
                ("Gordon Brown", "chancellor", "United Kingdom"),
                ("Tony Blair", "prime minister", "United Kingdom"),
            },
        ),
        # A past holder of the office is not the one meant.
        ("Former chancellor Kenneth Clarke said the chancellor had failed.", None, set()),
        # Undated, and the other holder the table knows is named only inside a quotation.
        (
            "Tony Blair has backed Chancellor Gordon Brown's pre-election budget.\n\nIn a "
            "speech in Edinburgh, the prime minister said the report reinforced stability.\n\n"
            "He told BBC Radio 4's Today programme: \"No politician should make the mistake "
            'that John Major and his colleagues made in 1992."',
            None,
            {
                ("Tony Blair", "prime minister", "United Kingdom"),
                ("Gordon Brown", "Chancellor", "United Kingdom"),
            },
        ),
        # Another country's holder of the office leaves the country's own one to find.
        (
            "Tony Blair met Italian Prime Minister Silvio Berlusconi on Monday to talk about "
            "Turkey. After the talks the prime minister flew to Brussels for the summit.",
            None,
            {
                ("Tony Blair", "prime minister", "United Kingdom"),
                ("Silvio Berlusconi", "Prime Minister", "Italy"),
            },
        ),
        # Undated, "President Bush" is one of two presidents, both the United States'.
        (
            "President Bush has announced that an alliance of India and Japan will help.",
            None,
            {("Bush", "President", "United States")},
        ),
    ],
)
def test_tables_of_office_holders_settle_what_the_text_leaves_open(
    body: str, published: datetime | None, expected: set[tuple[str, str, str]]
) -> None:
    assert offices(body, published) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A county named before the office is its jurisdiction; a court's kind is the role's.
        (
            "Lake County Sheriff Mark Curran said deputies had found the car.",
            {("Mark Curran", "Sheriff", "Lake County")},
        ),
        (
            "Cook County Circuit Judge Jane Roe denied bail on Friday.",
            {("Jane Roe", "Judge", "Cook County")},
        ),
        (
            "U.S. District Judge John Doe blocked the rule on Tuesday.",
            {("John Doe", "Judge", "United States")},
        ),
    ],
)
def test_counties_and_courts(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert offices(body) == expected


def test_appointing_someone_is_not_taking_the_office() -> None:
    body = "Deputy Attorney General Rod Rosenstein appointed the special counsel in May."
    assert ("Rod Rosenstein", "special counsel", "") not in offices(body)
    found = offices("Sir Allan Kemakeza was elected Prime Minister on Monday.")
    assert {(n, r) for n, r, _ in found} == {("Allan Kemakeza", "Prime Minister")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A monarch is a head of state with the country named with the title, which is part
        # of the regnal name (the labels write "King Abdullah").
        (
            "Jordan's King Abdullah met the prime minister in Amman on Sunday.",
            {("King Abdullah", "King", "Jordan")},
        ),
        (
            "King Abdullah of Jordan arrived in Washington on Sunday.",
            {("King Abdullah", "King", "Jordan")},
        ),
        # Without a country the office is not guessed, and "King" in a name is no title.
        ("Queen Elizabeth II opened the new session of Parliament.", set()),
        (
            "Alderman Sophia King said the vote would be close in Chicago. King said so.",
            {("Sophia King", "Alderman", "Chicago")},
        ),
        # County offices.
        (
            "Cook County Assessor Fritz Kaegi said the bills would go out late.",
            {("Fritz Kaegi", "Assessor", "Cook County")},
        ),
    ],
)
def test_monarchs_and_county_offices(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert offices(body) == expected


def test_a_state_is_not_read_from_a_city_name_many_states_share() -> None:
    # Springfield is a city of Illinois, Missouri, Massachusetts ...: no state is guessed.
    body = "Gov. Jane Roe signed the budget in Springfield on Friday."
    assert offices(body) == {("Jane Roe", "Governor", "")}
    body = "State Rep. John Doe said the budget was late for Chicago schools."
    assert offices(body) == {("John Doe", "State Representative", "Illinois")}


def test_a_city_where_something_happens_does_not_place_a_national_office() -> None:
    # Kabul is where she went, not whose secretary she is.
    body = "Acting Defense Secretary Jane Roe flew to Kabul on Monday."
    assert offices(body) == {("Jane Roe", "Acting Defense Secretary", "")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "the state's": a state office, never the country's by the role's own scope.
        (
            "Chicago schools will reopen. The state's attorney general, Kwame Raoul, said so.",
            {("Kwame Raoul", "attorney general", "Illinois")},
        ),
        (
            "Chicago schools will reopen, said Kwame Raoul, the state's attorney general.",
            {("Kwame Raoul", "attorney general", "Illinois")},
        ),
        # No state to be found: no jurisdiction rather than the United States.
        (
            "The state's attorney general, Jane Roe, sued the company.",
            {("Jane Roe", "attorney general", "")},
        ),
    ],
)
def test_a_possessive_level_noun_sets_the_office_level(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert offices(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A possessive level before an office no list calls public ("the city's budget
        # director") makes it that government's; the county is the one the article names.
        (
            "Springfield aldermen balked at the plan. The city's budget director Ann Loy said "
            "the gap was smaller than feared.",
            {("Ann Loy", "budget director", "Springfield")},
        ),
        (
            "Lake County jurors heard the case. The county's top prosecutor, Ed Vance, said "
            "he would appeal.",
            {("Ed Vance", "prosecutor", "Lake County")},
        ),
        # Two counties named: which one is "the county"? None is given.
        (
            "The county's top prosecutor, Ed Vance, met Lake County and Kane County police.",
            {("Ed Vance", "prosecutor", "")},
        ),
    ],
)
def test_a_possessive_county_or_city_makes_an_office_public(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert offices(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A long "Y of the Z" title before a military rank.
        (
            "WASHINGTON (Reuters) - Chairman of the Joint Chiefs of Staff Gen. Dale Ross "
            "told senators the plan was sound.",
            {("Dale Ross", "Chairman of the Joint Chiefs of Staff", "United States")},
        ),
        # A body no list knows, served by an officer: the armed forces', the country's.
        (
            "WASHINGTON (Reuters) - General Amos Tate, vice chairman of the Joint Chiefs of "
            "Staff, told Congress the review was late.",
            {("Amos Tate", "vice chairman", "United States")},
        ),
        # A retired officer's title is no office of the armed forces.
        (
            "WASHINGTON (Reuters) - Retired Gen. Amos Tate, chairman of Tate Strategies, "
            "said the review was late.",
            set(),
        ),
        # A department after "Secretary of" is the portfolio, part of the role.
        (
            "WASHINGTON (Reuters) - President Donald Trump directed Secretary of Defense "
            "Paul Hume to review the forces.",
            {
                ("Donald Trump", "President", "United States"),
                ("Paul Hume", "Secretary of Defense", "United States"),
            },
        ),
    ],
)
def test_wire_titles_of_officers_and_departments(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert offices(body, datetime(2017, 11, 15, tzinfo=UTC)) == expected


@pytest.mark.parametrize(
    "body",
    [
        # A network's chief is no official, and "former" reaches over the body's noun;
        # an office of the House named in the sentence before is not his.
        "The bill has two sponsors in the House. She sued former network chief Ron Bale.",
        "The bill has two sponsors in the House. She sued network chief Ron Bale.",
    ],
)
def test_a_common_noun_before_an_office_names_another_body(body: str) -> None:
    assert offices(body) == set()


def test_a_philippine_president_is_the_philippines() -> None:
    body = "Since Philippine President Rodrigo Duterte grew closer to China, Vietnam has worried."
    assert offices(body) == {("Rodrigo Duterte", "President", "Philippines")}


WIRE_DAY = datetime(2017, 11, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "Washington" as the US government is no sign of a US home: the dateline's
        # country is the president's.
        (
            "ANKARA (Reuters) - President Tayyip Erdogan said Turkey would not bow to U.S. "
            "pressure after Washington suspended visa services.",
            {("Tayyip Erdogan", "President", "Turkey")},
        ),
        # Three states named once each: whose governor? None is given.
        (
            "Republicans in Texas, Florida and Ohio backed the bill. Governor Al Dunn said he "
            "opposed it.",
            {("Al Dunn", "Governor", "")},
        ),
        # The place after the name is the title's, at the title's level.
        (
            "Governor Al Dunn of Oregon said Texas and Florida should do more. Texas Governor "
            "Bo Pryor disagreed.",
            {("Al Dunn", "Governor", "Oregon"), ("Bo Pryor", "Governor", "Texas")},
        ),
        (
            "Governor Al Dunn of Washington met Senator Amy Klobuchar of Minnesota.",
            {("Al Dunn", "Governor", "Washington"), ("Amy Klobuchar", "Senator", "United States")},
        ),
        # A title only some countries use is not given the dateline's country: the one
        # such country the article names, else none.
        (
            "BEIJING (Reuters) - Secretary of State Dan Poole said the United States was "
            "probing North Korea's intentions.",
            {("Dan Poole", "Secretary of State", "United States")},
        ),
        (
            "SEOUL (Reuters) - South Korean President Moon Jae-in met Defense Secretary Dan "
            "Poole on Friday.",
            {("Moon Jae-in", "President", "South Korea"), ("Dan Poole", "Defense Secretary", "")},
        ),
    ],
)
def test_wire_jurisdictions_need_evidence(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert offices(body, WIRE_DAY) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A national body no list places: the country's office, not the body as a place
        # (nor "Federal", a town in Argentina).
        (
            "WASHINGTON (Reuters) - Federal Reserve Chairman Jerome Powell said the economy "
            "was strong.",
            {("Jerome Powell", "Chairman", "United States")},
        ),
        # The Leader of the Opposition is an office in Westminster parliaments only.
        (
            "MOSCOW (Reuters) - Opposition leader Ivan Petrov said he would run.",
            set(),
        ),
        (
            "CARACAS (Reuters) - Venezuelan opposition leader Luis Mora was moved to house arrest.",
            set(),
        ),
        (
            "SYDNEY (Reuters) - Opposition Leader Bill Shorten said the government was lost.",
            {("Bill Shorten", "Opposition Leader", "Australia")},
        ),
    ],
)
def test_bodies_and_offices_that_exist_in_some_countries(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert offices(body, WIRE_DAY) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A sitting member of Congress named by party and state, whom the officeholders
        # table knows on the article's date, is a legislator of the United States.
        (
            "The measure is backed by Democrats Tammy Baldwin of Wisconsin and Republicans "
            "Susan Collins of Maine.",
            {
                ("Tammy Baldwin", "Senator", "United States"),
                ("Susan Collins", "Senator", "United States"),
            },
        ),
        # Not the table's member from that state: nothing.
        ("The measure is backed by Susan Collins of Ohio, a nurse.", set()),
    ],
)
def test_members_of_congress_named_by_party_or_state(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert offices(body, WIRE_DAY) == expected


def test_a_member_of_congress_without_a_date_needs_the_chamber_named() -> None:
    # Years before she sat in Congress, with no date to tell: not a legislator.
    assert offices("The contenders include Susan Collins of Maine, a party donor.") == set()
    body = "The bill is sponsored in the Senate by Susan Collins of Maine."
    assert offices(body) == {("Susan Collins", "Senator", "United States")}


def test_members_of_congress_listed_in_a_sentence_naming_their_chamber() -> None:
    # Neither party nor state beside each name: the sentence lists the chamber's members.
    body = (
        "The other Republican representatives appointed to the House panel were: Rob "
        "Bishop, Diane Black and Kristi Noem."
    )
    expected = {
        ("Rob Bishop", "Representative", "United States"),
        ("Diane Black", "Representative", "United States"),
        ("Kristi Noem", "Representative", "United States"),
    }
    assert offices(body, WIRE_DAY) == expected
    assert offices(body) == expected
    # Undated, a sentence that names the chamber but lists no members is not enough.
    assert offices("Rob Bishop spoke about the House tax bill on Monday.") == set()
    # The table's member, but a sentence on the seat sought.
    race = "In the House race, the representatives backed Diane Black."
    assert offices(race, WIRE_DAY) == set()
    # Undated, the chamber's own name lists no members, and the White House is no chamber.
    served = "Rob Bishop once served as a Republican in the U.S. House of Representatives."
    assert offices(served) == set()
    assert offices("White House members met Rob Bishop on Monday.") == set()


def test_a_role_that_names_what_it_heads_borrows_no_body_named_before() -> None:
    body = (
        "English can appeal the ruling in Circuit Court, legal experts said. \u201cThe ball "
        "is back in her court,\u201d said Alan Kaplinsky, head of the consumer financial "
        "services group for law firm Ballard Spahr."
    )
    assert offices(body) == set()


@pytest.mark.parametrize(
    "body",
    [
        # The table shows the presidency ended before the article's date.
        "Republicans accused the previous administration of President Barack Obama of "
        "improperly unmasking names.",
        # Left the office, as the sentence says.
        "On Tuesday, Representative Jane Roe, a Democrat from Ohio, resigned after the report.",
        "Mayor Jane Roe, who resigned in May, spoke at the hearing.",
        "Last week, Representative Jane Roe and Representative John Doe resigned.",
        "Representative Jane Roe of Ohio announced her immediate retirement on Tuesday.",
        "Fired FBI Director Jim Roe testified on Thursday.",
        # A person's own lawyer is no official, whoever the client is.
        "Trump's lawyer Jay Sekulow said the president was not under investigation.",
        # The head of an association of public bodies holds no public office.
        "“This came as quite a shock,” said Ann Pike, executive director of the National "
        "Council of State Housing Agencies, in Chicago.",
        # A sport's governing council is no public body.
        "Jim Roe, head of the International Cricket Council's anti-corruption unit, spoke.",
    ],
)
def test_offices_left_and_private_lawyers(body: str) -> None:
    assert offices(body, WIRE_DAY) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Lawyers and agents of a public body act for it.
        (
            "WASHINGTON (Reuters) - Messages between FBI lawyer Ann Pike and FBI agent Ed "
            "Marsh were released.",
            {("Ann Pike", "lawyer", "United States"), ("Ed Marsh", "agent", "United States")},
        ),
        # A government's attorney keeps the place's word in the role.
        (
            "Police are investigating, according to Warren County Attorney Ann Pike.",
            {("Ann Pike", "County Attorney", "Warren County")},
        ),
        # A party's leader in a legislature holds the legislature's office.
        (
            "WASHINGTON (Reuters) - Senate Democratic leader Ed Marsh called for a delay.",
            {("Ed Marsh", "Senate Democratic leader", "United States")},
        ),
        # Taking an office named with its body.
        (
            "WASHINGTON (Reuters) - The nominee replaces John Kelly, the previous secretary, "
            "who was named White House chief of staff this summer.",
            {("John Kelly", "chief of staff", "United States")},
        ),
        # "the committee chairman": the committee the article named before.
        (
            "WASHINGTON (Reuters) - The Senate Judiciary Committee met on Monday. Republican "
            "Ed Marsh, the committee chairman, is resisting the demands.",
            {("Ed Marsh", "chairman", "United States")},
        ),
    ],
)
def test_wire_offices_of_bodies(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert offices(body, WIRE_DAY) == expected


def test_an_undated_article_is_dated_by_the_offices_it_gives() -> None:
    # No date, but a president who took office in 2017 is named as such: his predecessor
    # and a president of 2001-2009 are named in offices they had left.
    body = (
        "President Donald Trump spoke on Monday. Republicans accused the administration of "
        "President Barack Obama of spying. She served under President George W. Bush."
    )
    assert offices(body) == {("Donald Trump", "President", "United States")}


def test_was_fired_by_the_president_does_not_make_his_office_past() -> None:
    body = "James Comey, who was fired by President Donald Trump, testified on Thursday."
    assert ("Donald Trump", "President", "United States") in offices(body, WIRE_DAY)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "special" ranks an envoy: the country named before it is the office's, and the
        # posting after "to" is where it is held, not its name nor its jurisdiction.
        (
            "The US special envoy to the Middle East, Anthony Zinni, urged both sides to act.",
            {("Anthony Zinni", "special envoy", "United States")},
        ),
        (
            "Jane Roe, Canada's ambassador to Brazil, said the talks had ended.",
            {("Jane Roe", "ambassador", "Canada")},
        ),
    ],
)
def test_envoys_and_their_postings(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert offices(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A ministry no list places, opened by a demonym: that country's.
        (
            "BEIJING (Reuters) - Chinese Foreign Ministry spokesman Geng Shuang said China "
            "opposed the sanctions.",
            {("Geng Shuang", "spokesman", "China")},
        ),
        # A city has no attorney general: the state of that name.
        (
            "NEW YORK (Reuters) - New York Attorney General Eric Schneiderman sued the company.",
            {("Eric Schneiderman", "Attorney General", "New York")},
        ),
    ],
)
def test_bodies_and_places_named_before_a_title(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert offices(body, WIRE_DAY) == expected


@pytest.mark.parametrize(
    "body",
    [
        # A body's title named only with a place is no office of the place.
        "But Maria Ostrowski, a Denver lawyer representing several school districts, said "
        "the ruling was narrow.",
        "A witness named the man as Dale Perkins, the Polk County chairman for the Jensen "
        "campaign, in a post on Sunday.",
        "Harriet Lomax, a Glasgow director who made the film, said it had cost little.",
    ],
)
def test_a_body_title_named_only_with_a_place_is_not_an_office(body: str) -> None:
    assert offices(body) == set()


def test_a_place_office_of_a_body_title_stays_public() -> None:
    found = offices("Lake County Commissioner Ellen Marsh voted against the levy on Tuesday.")
    assert found == {("Ellen Marsh", "Commissioner", "Lake County")}


def test_one_official_entry_for_the_forms_of_one_persons_office() -> None:
    # "Senator X, chairman of the Y Committee": one official, by the title before the name.
    found = offices(
        "WASHINGTON (Reuters) - Republican Senator Bob Corker, chairman of the Senate Foreign "
        "Relations Committee, declined to comment on Tuesday.",
        datetime(2017, 10, 10, tzinfo=UTC),
    )
    assert {(name, role) for name, role, _ in found} == {("Bob Corker", "Senator")}


@pytest.mark.parametrize(
    "body",
    [
        # The country an article names most is what it is about, not whose officials it
        # names: with no sign of where the writer is, no country is guessed.
        "Foreign Minister Ann Keller says Zimbabwe should be suspended. Ministers will meet "
        "on Zimbabwe tomorrow, as President Robert Mugabe's government holds power.",
        "Defence Minister Jane Roe said Australian troops arrived in Afghanistan.",
    ],
)
def test_the_country_an_article_is_about_is_not_its_officials_country(body: str) -> None:
    found = offices(body)
    assert ("Ann Keller", "Foreign Minister", "") in found or (
        "Jane Roe",
        "Defence Minister",
        "",
    ) in found


WIRE_2017 = datetime(2017, 11, 14, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The United States has secretaries, not ministers: a minister in a Washington
        # report is a foreign one, whose country the text does not give here (nor the
        # ministers table, which would place "Prime Minister Malcolm Turnbull" in Australia:
        # a name it does not hold).
        (
            "WASHINGTON (Reuters) - President Donald Trump hosted Prime Minister Kenji "
            "Morita at the White House on Tuesday.",
            {
                ("Donald Trump", "President", "United States"),
                ("Kenji Morita", "Prime Minister", ""),
            },
        ),
        # A monarchy has no president; a president of no country the text gives is no
        # office the graph states (a president of any body is as likely).
        (
            "LONDON (Reuters) - President Kim Sang-ho will visit Britain next month, Foreign "
            "Secretary Boris Johnson told the Commons.",
            {("Boris Johnson", "Foreign Secretary", "United Kingdom")},
        ),
        # The officeholders table holds every president and member of Congress of 2017:
        # a "Senate Majority Leader" it does not know leads a state's senate.
        (
            "ST. PAUL, Minn. (Reuters) - The Minnesota Senate will run out of money next "
            "month. Senate Majority Leader Karl Lindqvist said the chamber would close.",
            {("Karl Lindqvist", "Senate Majority Leader", "")},
        ),
        # ... and a president it does not know is not the United States' president.
        (
            "WASHINGTON (Reuters) - President Tomas Varela met Vice President Mike Pence "
            "at the White House on Monday.",
            {("Mike Pence", "Vice President", "United States")},
        ),
    ],
)
def test_reference_evidence_against_the_home_country(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert offices(body, WIRE_2017) == expected


def test_a_us_office_the_text_names_is_kept_whoever_holds_it() -> None:
    # "U.S. Senator" names the country with the office: the table is not asked.
    found = offices("U.S. Senator Jane Quell said the bill would pass.", WIRE_2017)
    assert found == {("Jane Quell", "Senator", "United States")}


@pytest.mark.parametrize(
    "body",
    [
        # A title bodies share with states, after the name of a body no list knows.
        "The plan was attacked on Monday by Cato Institute Vice President Jane Roe, who "
        "said it would fail.",
        "The proposal drew praise on Monday from Heritage Foundation President Kay Coles "
        "James, who called it overdue.",
    ],
)
def test_a_shared_title_of_an_unnamed_body_is_not_a_public_office(body: str) -> None:
    assert offices(body, WIRE_2017) == set()


def test_a_party_or_a_demonym_before_a_shared_title_keeps_it_public() -> None:
    found = offices(
        "The talks went on, and Russian President Vladimir Putin met Democratic Senator "
        "Chris Murphy and Vice President Mike Pence.",
        WIRE_2017,
    )
    assert ("Vladimir Putin", "President", "Russia") in found
    assert ("Mike Pence", "Vice President", "United States") in found


def test_a_past_marker_reaches_over_the_place_named_with_the_title() -> None:
    found = offices(
        "The audit was ordered by then-Denver Inspector General Paula Wexler, and Denver "
        "Auditor Tim Grady signed it.",
        WIRE_2017,
    )
    assert "Paula Wexler" not in {name for name, _, _ in found}


def test_a_ministrys_spokesman_is_not_of_a_country_without_ministries() -> None:
    found = offices(
        "BEIJING (Reuters) - Foreign Ministry spokesman Lu Kang said on Monday that U.S. "
        "Treasury officials would visit, according to the U.S. Commerce Department.",
        WIRE_2017,
    )
    assert ("Lu Kang", "spokesman", "United States") not in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A chamber named right after a state is the state's legislature; its president
        # keeps the chamber in the role.
        (
            "HARTFORD (Reuters) - Connecticut Senate President Martin Looney said the budget "
            "would pass.",
            {("Martin Looney", "Senate President", "Connecticut")},
        ),
        (
            "AUSTIN (Reuters) - The bill stalled after Texas House Speaker Dan Branford "
            "refused to bring it up.",
            {("Dan Branford", "Speaker", "Texas")},
        ),
    ],
)
def test_state_legislatures_named_by_their_chamber(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert offices(body, WIRE_2017) == expected


def test_a_us_state_has_no_president() -> None:
    found = offices(
        "The union said on Tuesday that Nurses United Ohio President Carla Dunn would lead "
        "the strike, and Ohio Senate President Larry Obhof agreed.",
        WIRE_2017,
    )
    assert "Carla Dunn" not in {name for name, _, _ in found}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "Democrats" is the Australian Democrats where the text is about Australia ...
        (
            "The Senate count for New South Wales has been finalised, taking the seat from "
            "long time Democrats Senator Vicki Bourne.",
            ("Vicki Bourne", "Senator", "Australia"),
        ),
        # ... and a Liberal Democrat's portfolio is the United Kingdom's.
        (
            "Liberal Democrat home affairs spokesman Mark Oaten said Labour was right.",
            ("Mark Oaten", "home affairs spokesman", "United Kingdom"),
        ),
    ],
)
def test_parties_two_countries_name_alike(body: str, expected: tuple[str, str, str]) -> None:
    assert expected in offices(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A parliamentary party's bare spokesman is a frontbench member's office ...
        (
            "Tory spokesman David Davis told MPs the UK was losing its veto. Liberal Democrat "
            "spokesman Mark Oaten called the change pragmatic.",
            {
                ("David Davis", "spokesman", "United Kingdom"),
                ("Mark Oaten", "spokesman", "United Kingdom"),
            },
        ),
        # ... "local government" is a portfolio, under a shadow title too ...
        (
            "Tory shadow local government secretary Caroline Spelman said it was wrong, and "
            "Plaid Cymru's local government spokesman Dai Lloyd agreed.",
            {
                ("Caroline Spelman", "shadow local government secretary", "United Kingdom"),
                ("Dai Lloyd", "local government spokesman", "United Kingdom"),
            },
        ),
        # ... and so are economics and the constitution ...
        (
            "Plaid Cymru's economics spokesman Adam Price said he wanted help for buyers.",
            {("Adam Price", "economics spokesman", "United Kingdom")},
        ),
        # ... and the party named before a portfolio places it in a report on abroad.
        (
            "Tory foreign affairs spokesman Michael Ancram said lifting the embargo on China "
            "would be irresponsible. Beijing says Taiwan is part of China.",
            {("Michael Ancram", "foreign affairs spokesman", "United Kingdom")},
        ),
    ],
)
def test_frontbench_spokespeople(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= offices(body, UK_2005)


def test_spokesman_of_a_party_without_seats_is_no_official() -> None:
    body = (
        "A UKIP spokesman, Mark Croucher, said the party would stand. Labour campaign "
        "spokesman Fraser Kemp said the polls were wrong. Later Labour spokesman Mr Kemp "
        "said the message was a joke."
    )
    assert offices(body, UK_2005) == set()


def test_prospective_member_holds_no_seat() -> None:
    body = "But Mr Balls, a prospective Labour MP, said the chancellor would meet his rules."
    assert offices(body, UK_2005) == set()


def test_police_chief_keeps_the_service_in_the_role() -> None:
    body = "Norfolk police chief Andy Hayman warned that work was still needed."
    assert {name: role for name, role, _ in offices(body, UK_2005)} == {
        "Andy Hayman": "police chief"
    }


def test_an_australian_city_gives_its_states_offices() -> None:
    body = (
        "SYDNEY — The Premier, Bob Carr, said the fires near Sydney were under control, and "
        "Premier Bob Carr thanked the volunteers."
    )
    assert ("Bob Carr", "Premier", "New South Wales") in offices(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Courts named after another country's towns place its judges and prosecutors ...
        (
            "Whiting was jailed for life by trial judge Justice Richard Curtis, as the "
            "verdicts were read out at Lewes Crown Court. Prosecutor Timothy Langdale told "
            "the jury how it happened.",
            {
                ("Richard Curtis", "Justice", "United Kingdom"),
                ("Timothy Langdale", "Prosecutor", "United Kingdom"),
            },
        ),
        # ... a US one's are a state's as often as the federation's: no jurisdiction.
        (
            "Judge Jane Roe of the Cook County Circuit Court said the case would go on.",
            {("Jane Roe", "Judge", "")},
        ),
    ],
)
def test_judges_of_courts_named_after_towns(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert offices(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A town the model missed before "mayor" is the mayor's.
        (
            "Mallon wades in\n\nMiddlesbrough mayor Ray Mallon has been drafted in to boost "
            "the Yes campaign. Mr Herron, one of Sunderland's metric martyrs, was not "
            "convinced by Mr Mallon's arguments in Sunderland.",
            ("Ray Mallon", "mayor", "Middlesbrough"),
        ),
        # "federal" with a home country that has no such office: the federation named.
        (
            "The Federal Agriculture Minister, Warren Truss, says he has not been able to win "
            "any changes to the farm bill being debated by the United States Congress, and "
            "Australian farmers will suffer.",
            ("Warren Truss", "Agriculture Minister", "Australia"),
        ),
        # A portfolio joined in lower case is still the portfolio.
        (
            "Work and pensions minister Alan Johnson said it was wrong, Labour said in London.",
            ("Alan Johnson", "Work and pensions minister", "United Kingdom"),
        ),
        # An office named alone at a paragraph's start refers back to the leader of a
        # party named before it; a state's office with a city is the city's state's.
        (
            "Scottish Conservative Party leader David McLetchie claims he has been cleared."
            "\n\nThe Edinburgh MSP earns up to £30,000 a year from a law firm.",
            ("David McLetchie", "MSP", "Scotland"),
        ),
    ],
)
def test_offices_placed_by_the_words_around_them(body: str, expected: tuple[str, str, str]) -> None:
    assert expected in offices(body)


@pytest.mark.parametrize(
    ("body", "holder"),
    [
        # A club's president named again is still the club's, not an office of state.
        (
            "Joseph Gutnick, the saviour and former president of the Melbourne Football "
            "Club, has failed in his bid to be re-elected as president.",
            "Joseph Gutnick",
        ),
        # A council of a trade is its members' body.
        (
            "Head of the Australian Food and Grocery Council, Mitch Hooke, says companies "
            "have been cutting genetically modified ingredients.",
            "Mitch Hooke",
        ),
        # A party's president where the state has none is the party's post.
        (
            "Lib Dem president Simon Hughes branded Mr Howard arrogant and wrong in London.",
            "Simon Hughes",
        ),
    ],
)
def test_posts_that_are_no_office_of_state(body: str, holder: str) -> None:
    assert holder not in {name for name, _, _ in offices(body)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # An aide's title in lower case names the level of government it serves.
        (
            "RICHMOND, Va. (Reuters) - Virginia officials started recounts on Wednesday in a "
            "state House of Delegates race. Andrea Gaines, a state elections spokeswoman, "
            "said in an email that she had no information on the results.",
            ("Andrea Gaines", "state elections spokeswoman", "Virginia"),
        ),
    ],
)
def test_an_aides_lower_case_title_names_its_level(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in offices(body)


def test_a_spokesman_of_state_media_is_no_states_aide() -> None:
    body = (
        "RICHMOND, Va. (Reuters) - Virginia officials started recounts on Wednesday. "
        "John Moore, a state television spokesman, said the results were late."
    )
    assert ("John Moore", "state television spokesman", "Virginia") not in offices(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A judge's kind of court is the court's, not the office's name.
        (
            "BOSTON (Reuters) - Chief U.S. District Judge Patti Saris ruled on Monday.",
            ("Patti Saris", "Chief Judge", "United States"),
        ),
        # A party's leader in a chamber is the chamber's leader.
        (
            "WASHINGTON (Reuters) - Senate Republican Leader Mitch McConnell said on Tuesday "
            "the bill would pass.",
            ("Mitch McConnell", "Senate Republican Leader", "United States"),
        ),
        # The majority's leader too: not the House's, nor a state senate's.
        (
            "WASHINGTON (Reuters) - Senate Majority Leader Mitch McConnell said on Tuesday "
            "the bill would pass.",
            ("Mitch McConnell", "Senate Majority Leader", "United States"),
        ),
        # A bare chief keeps the body it heads.
        (
            "WASHINGTON (Reuters) - The White House plans to replace him with CIA chief Mike "
            "Pompeo, officials said.",
            ("Mike Pompeo", "CIA chief", "United States"),
        ),
    ],
)
def test_role_names_in_their_shortest_clear_form(body: str, expected: tuple[str, str, str]) -> None:
    assert expected in offices(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A royal commission's commissioner holds a public office of the countries that have
        # royal commissions.
        (
            "The royal commission sat in Sydney yesterday. Royal Commissioner Terrence Cole QC "
            "is investigating the claims.",
            ("Terrence Cole", "Royal Commissioner", "Australia"),
        ),
        # Counsel assisting the commissioner is the counsel, whatever letters follow the name.
        (
            "The royal commission sat in Sydney yesterday. There was a warning from Counsel "
            "Assisting the Commissioner, Lionel Roberts QC, that there would be charges.",
            ("Lionel Roberts", "Counsel Assisting the Commissioner", "Australia"),
        ),
        (
            "Neville Owen heads the commission in Perth, but today it is expected to hear "
            "mainly from Counsel Assisting, Wayne Martin QC.",
            ("Wayne Martin", "Counsel Assisting", "Australia"),
        ),
    ],
)
def test_the_officers_of_a_royal_commission(body: str, expected: tuple[str, str, str]) -> None:
    assert expected in offices(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A portfolio of any government's, between a country's possessive and "Minister".
        (
            "Argentina's Economy Minister Domingo Cavallo is reported to have resigned in "
            "the face of mounting unrest over the country's crumbling economy.",
            ("Domingo Cavallo", "Economy Minister", "Argentina"),
        ),
        # A state's name the model labels nothing still says which country's politics
        # these are.
        (
            "The Labor Party is set to have a review, with frontbencher Martin Ferguson "
            "pushing for it. He says the call for the scrapping of a New South Wales rule "
            "forcing members to belong to a union should be dealt with internally.",
            ("Martin Ferguson", "frontbencher", "Australia"),
        ),
        # A post the title names, in the government of the office-holder it serves.
        (
            "WASHINGTON (Reuters) - President Donald Trump wants a deal. On Wednesday, "
            "Trump’s budget chief Mick Mulvaney will meet with lawmakers.",
            ("Mick Mulvaney", "budget chief", "United States"),
        ),
        (
            # A government's counsel keeps its seat, as its attorney keeps its place.
            "WASHINGTON (Reuters) - White House counsel Don McGahn said on Friday the review "
            "was over.",
            ("Don McGahn", "White House counsel", "United States"),
        ),
    ],
)
def test_portfolios_states_and_posts_beside_an_office_holder(
    body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in offices(body)


def test_an_office_holders_own_lawyer_is_no_official() -> None:
    body = (
        "WASHINGTON (Reuters) - President Donald Trump paid the bills. Trump defense lawyer "
        "John Dowd said that the president began paying them."
    )
    assert "John Dowd" not in {name for name, _, _ in offices(body)}


def test_a_president_the_table_does_not_know_is_no_namesakes() -> None:
    # The senator John Kennedy (2017-) is no president: the table knows every president
    # since 1989, and Trump's title dates the article.
    body = (
        "WASHINGTON (Reuters) - President Donald Trump wants tax cuts. Under President John "
        "Kennedy and President Lyndon Johnson, both Democrats, the tax cuts were large."
    )
    holders = {name for name, _, _ in offices(body)}
    assert "Donald Trump" in holders
    assert "John Kennedy" not in holders


def test_a_party_and_an_office_after_a_companys_name_ending_a_sentence() -> None:
    body = (
        "WASHINGTON (Reuters) - Wehrum worked for clients such as ExxonMobil Corp. "
        "Democratic Senator Tom Carper of Delaware had urged colleagues to reject him."
    )
    assert ("Tom Carper", "Senator", "United States") in offices(body)


def test_an_apposition_the_parse_made_a_list_item() -> None:
    body = (
        "WASHINGTON (Reuters) - Chuck Schumer and Nancy Pelosi informed Trump they would not "
        "attend. Trump left empty seats, with name cards for Schumer, the Senate Democratic "
        "leader, and Pelosi, the top Democrat in the House of Representatives."
    )
    assert ("Chuck Schumer", "Senate Democratic leader", "United States") in offices(body)


def test_a_region_the_model_labelled_nothing_is_an_envoys_remit() -> None:
    body = (
        "The talks failed, UN Middle East envoy Terje Roed-Larsen warned on Monday, as "
        "Israel and the Palestinian Authority traded accusations."
    )
    assert ("Terje Roed-Larsen", "Middle East envoy", "United Nations") in offices(body)


def test_a_special_prosecutor_of_a_country_that_appoints_them() -> None:
    body = (
        "WASHINGTON (Reuters) - President Donald Trump paid lawyers in special prosecutor "
        "Robert Mueller’s probe of possible collusion."
    )
    assert ("Robert Mueller", "special prosecutor", "United States") in offices(body)


def test_an_office_the_text_gives_a_country_elsewhere() -> None:
    body = (
        "Pence voices U.S. concern to Turkish prime minister about arrests\n\n"
        "WASHINGTON (Reuters) - U.S. Vice President Mike Pence expressed concern to "
        "Turkey’s prime minister on Thursday, the White House said. In a White House "
        "meeting with Prime Minister Binali Yildirim, Pence voiced concern."
    )
    assert ("Binali Yildirim", "Prime Minister", "Turkey") in offices(body)


def test_a_director_of_public_prosecutions_is_an_office_of_the_countries_that_have_one() -> None:
    body = (
        "LONDON - The director of public prosecutions, Ken Macdonald, says only 11 "
        "householders were prosecuted, Mr Blair said in the Commons."
    )
    assert ("Ken Macdonald", "director of public prosecutions", "United Kingdom") in offices(body)


def test_a_plural_title_covers_every_name_listed_after_it() -> None:
    body = (
        "Alds. Brian Hopkins, Roderick Sawyer and Raymond Lopez voted against the Chicago "
        "budget on Wednesday."
    )
    assert offices(body) == {
        ("Brian Hopkins", "Alderman", "Chicago"),
        ("Roderick Sawyer", "Alderman", "Chicago"),
        ("Raymond Lopez", "Alderman", "Chicago"),
    }
