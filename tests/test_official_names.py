"""Offices written around the name in ways the twentieth pass of issue 16 met: a rank
between the title and the name, regnal names (kings, queens and popes keep the title),
"pro tem" after a title, AP state abbreviations, a body after "Leader of" or "Chief of" in
an apposition, a portfolio after "Secretary of", and dates after a title. Sentences written
for the purpose."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kg.extract import extract
from kg.extract.names import person_name
from kg.model import Article
from kg.namespaces import SDO

from .positions import offices

_2017 = datetime(2017, 6, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Pentagon spokesman Navy Captain Timothy Taylor said initial reports were wrong.",
            ("Timothy Taylor", "spokesman", "United States"),
        ),
        (
            "Army spokesman Lt. Col. John Smith said the attack had failed.",
            ("John Smith", "Army spokesman", ""),
        ),
        (
            "The Chief of the Army, Lieutenant-General Peter Cosgrove, has confirmed that an "
            "Australian man was arrested in Afghanistan. The Australian Defence Force said "
            "the man had been discharged in 1999.",
            ("Peter Cosgrove", "Chief of the Army", "Australia"),
        ),
    ],
)
def test_a_rank_between_the_title_and_the_name(body: str, expected: tuple[str, ...]) -> None:
    assert expected in offices(body)


def test_a_full_stop_ending_a_sentence_is_no_ranks() -> None:
    # "general." ends the sentence: the name after it is not the "U.S. attorney"'s.
    body = (
        "Activists protested at the hearing of Jeff Sessions, who was later confirmed to "
        "become U.S. attorney general. Fairooz laughed during the hearing."
    )
    assert not any(name == "Fairooz" for name, _, _ in offices(body))


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("King Abdullah", "King Abdullah"),
        ("King Carl XVI Gustaf", "King Carl XVI Gustaf"),
        ("Queen Elizabeth II", "Queen Elizabeth II"),
        ("Pope John Paul II", "Pope John Paul II"),
        ("Prince Harry", "Prince Harry"),
        ("President General Pervez Musharraf", "Pervez Musharraf"),
    ],
)
def test_a_regnal_name_keeps_its_title(written: str, name: str) -> None:
    assert person_name(written) == name


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Jordan's King Abdullah met Tony Blair in London.",
            ("King Abdullah", "King", "Jordan"),
        ),
        (
            "Pope John Paul II urged delegates at a major UN meeting to act on climate.",
            ("Pope John Paul II", "Pope", "Vatican"),
        ),
        (
            "Callista Gingrich presented her credentials to Pope Francis at the Vatican.",
            ("Pope Francis", "Pope", "Vatican"),
        ),
    ],
)
def test_monarchs_and_popes_by_their_regnal_names(body: str, expected: tuple[str, ...]) -> None:
    assert expected in offices(body)


def test_a_queen_with_no_country_named_is_not_guessed() -> None:
    assert offices("Queen Elizabeth II opened the session.") == set()


def test_pro_tem_belongs_to_the_office_not_to_the_name() -> None:
    body = "Indiana Senate President Pro Tem David Long said the bill would pass."
    assert offices(body) == {("David Long", "Senate President Pro Tem", "Indiana")}


def test_an_ap_state_abbreviation_is_the_state() -> None:
    body = "Wash. Gov. Jay Inslee said on Monday he would ban state-funded travel to Indiana."
    assert ("Jay Inslee", "Governor", "Washington") in offices(body, _2017)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Mr Hain, Leader of the Commons, told BBC Radio Four's Today programme that the "
            "Tories were playing politics with the anti-terror bill.",
            ("Hain", "Leader of the Commons", "United Kingdom"),
        ),
        (
            "James Mattis, Secretary of Defense, said on Tuesday that the Pentagon would "
            "review the policy, the White House said.",
            ("James Mattis", "Secretary of Defense", "United States"),
        ),
    ],
)
def test_the_body_or_portfolio_after_a_bare_head_set_off_after_the_name(
    body: str, expected: tuple[str, ...]
) -> None:
    assert expected in offices(body, _2017)


def test_a_date_after_a_title_is_not_part_of_the_office() -> None:
    # "on Wednesday" is no portfolio, and he had resigned the post.
    body = (
        "Before he resigned the position of home secretary on Wednesday, David Blunkett had "
        "been in charge of a substantial body of government."
    )
    assert not any(name == "David Blunkett" for name, _, _ in offices(body))


def test_a_peace_envoy_of_a_country() -> None:
    body = "United States peace envoy Anthony Zinni has told a meeting he would stay."
    assert offices(body) == {("Anthony Zinni", "peace envoy", "United States")}


def test_a_plural_title_over_a_list_divided_by_semicolons() -> None:
    body = (
        "Four other candidates — Senators Amy Klobuchar of Minnesota; Gov. Jay Inslee of "
        "Washington — said the report should be released."
    )
    # Undated: the table of Congress cannot tell the senator by the date.
    assert offices(body) == {
        ("Amy Klobuchar", "Senator", "United States"),
        ("Jay Inslee", "Governor", "Washington"),
    }


@pytest.mark.parametrize(
    ("body", "body_name"),
    [
        (
            "Max Richtman, executive vice president of the National Committee to Preserve "
            "Social Security and Medicare, an advocacy group, said the cuts were wrong.",
            "National Committee to Preserve Social Security",
        ),
        (
            "Joel Simon, executive director of the Committee to Protect Journalists, said the "
            "arrests were unjust.",
            "Committee to Protect Journalists",
        ),
    ],
)
def test_a_body_named_for_its_cause_is_an_advocacy_group(body: str, body_name: str) -> None:
    # The whole name is the body's, and its officers hold no public office.
    assert offices(body) == set()
    facts = extract(Article(source="t.txt", body=body)).facts
    names = {str(f.object) for f in facts if str(f.predicate) == str(SDO.name)}
    assert body_name in names
