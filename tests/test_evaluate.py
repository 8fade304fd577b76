"""The scorer: schema v1 and v2 labels, alternatives, neutral items, several sets side by side."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.evaluate import (
    KINDS,
    Score,
    evaluate_sets,
    load_labels,
    official_classes,
    score_facts,
    side_by_side,
    with_dateline_neutral,
)
from kg.extract import extract
from kg.extract.home import dateline
from kg.model import Article, Fact, Ref
from kg.namespaces import KG, SDO
from kg.readers import read_file


def person(name: str, *others: str) -> list[Fact]:
    key = Ref(f"person/{name.lower()}")
    return [
        Fact(Ref("article/a"), str(SDO.mentions), key),
        Fact(key, str(SDO.name), name),
        *(Fact(key, str(SDO.alternateName), other) for other in others),
    ]


def office(holder: str, role: str, place: str | None, number: int = 0) -> list[Fact]:
    position = Ref(f"position/{holder.lower()}/{number}")
    facts = [
        Fact(position, str(KG.holder), Ref(f"person/{holder.lower()}")),
        Fact(position, str(SDO.roleName), role),
    ]
    if place:
        where = Ref(f"country/{place.lower()}")
        facts += [Fact(position, str(KG.jurisdiction), where), Fact(where, str(SDO.name), place)]
    return facts


def organization(name: str, *others: str) -> list[Fact]:
    key = Ref(f"organization/{name.lower()}")
    return [
        Fact(Ref("article/a"), str(SDO.mentions), key),
        Fact(key, str(SDO.name), name),
        *(Fact(key, str(SDO.alternateName), other) for other in others),
    ]


def city(geonameid: int, name: str, country: str) -> list[Fact]:
    key = Ref(f"city/{geonameid}")
    return [
        Fact(Ref("article/a"), str(SDO.mentions), key),
        Fact(key, str(SDO.name), name),
        Fact(key, str(SDO.addressCountry), country),
    ]


def scores(gold: dict[str, Any], facts: list[Fact]) -> dict[str, tuple[int, int, int]]:
    result = {kind: Score() for kind in KINDS}
    score_facts(result, gold, facts)
    return {kind: (s.tp, s.fp, s.fn) for kind, s in result.items()}


BURR = [
    *person("Richard Burr"),
    *office("Richard Burr", "Senate Intelligence Committee chairman", "North Carolina"),
]


def test_a_list_of_roles_or_jurisdictions_is_a_set_of_alternatives() -> None:
    gold = {
        "officials": [
            {
                "name": "Richard Burr",
                "role": ["Senator", "Senate Intelligence Committee chairman"],
                "jurisdiction": ["United States", "North Carolina"],
            }
        ]
    }
    assert scores(gold, BURR)["officials"] == (1, 0, 0)
    wrong_place = gold | {"officials": [gold["officials"][0] | {"jurisdiction": "Iowa"}]}
    assert scores(wrong_place, BURR)["officials"] == (0, 1, 1)


def test_an_entry_with_alternatives_counts_once() -> None:
    # Both of Burr's stated forms extracted: the gold entry matches one; the other is spurious.
    facts = [*BURR, *office("Richard Burr", "Senator", "United States", 1)]
    gold = {
        "officials": [
            {
                "name": "Richard Burr",
                "role": ["Senator", "Senate Intelligence Committee chairman"],
                "jurisdiction": ["United States", "North Carolina"],
            }
        ]
    }
    assert scores(gold, facts)["officials"] == (1, 1, 0)


def test_a_null_jurisdiction_wants_none_and_may_be_an_alternative() -> None:
    facts = [*person("Jane Doe"), *office("Jane Doe", "judge", None)]
    gold: dict[str, Any] = {
        "officials": [{"name": "Jane Doe", "role": "judge", "jurisdiction": None}]
    }
    assert scores(gold, facts)["officials"] == (1, 0, 0)
    placed = [*person("Jane Doe"), *office("Jane Doe", "judge", "United States")]
    assert scores(gold, placed)["officials"] == (0, 1, 1)
    either = {"officials": [gold["officials"][0] | {"jurisdiction": [None, "United States"]}]}
    assert scores(either, facts)["officials"] == (1, 0, 0)
    assert scores(either, placed)["officials"] == (1, 0, 0)


def test_organization_alternatives_match_any_name_once() -> None:
    gold = {
        "organizations": [
            ["Senate Judiciary Committee", "United States Senate Committee on the Judiciary"]
        ]
    }
    one = organization("Senate Judiciary Committee")
    assert scores(gold, one)["organizations"] == (1, 0, 0)
    two = [*one, *organization("United States Senate Committee on the Judiciary")]
    assert scores(gold, two)["organizations"] == (1, 1, 0)


def test_neutral_items_are_neither_rewarded_nor_penalized() -> None:
    facts = [
        *person("Jane Reporter"),
        *person("Donald Trump"),
        *organization("Heritage Foundation"),
        *organization("Federal Bureau of Investigation", "FBI"),
        *city(4140963, "Washington", "US"),
    ]
    gold: dict[str, Any] = {"people": ["Donald Trump"], "organizations": ["FBI"]}
    assert scores(gold, facts)["people"] == (1, 1, 0)
    assert scores(gold, facts)["organizations"] == (1, 1, 0)
    assert scores(gold, facts)["cities"] == (0, 1, 0)
    neutral = gold | {
        "neutral": {
            "people": ["Jane Reporter"],
            "organizations": ["Heritage Foundation"],
            "cities": ["Washington"],
        }
    }
    assert scores(neutral, facts)["people"] == (1, 0, 0)
    assert scores(neutral, facts)["organizations"] == (1, 0, 0)
    assert scores(neutral, facts)["cities"] == (0, 0, 0)
    # A neutral city given with its country drops that city only.
    elsewhere = gold | {"neutral": {"cities": [{"name": "Washington", "country": "GB"}]}}
    assert scores(elsewhere, facts)["cities"] == (0, 1, 0)


def test_a_dateline_is_read_from_the_opening_of_a_body() -> None:
    assert dateline("WASHINGTON (Reuters) - U.S. senators said") == (["Washington"], "Reuters")
    assert dateline("WASHINGTON/NEW YORK (Reuters) - Two") == (
        ["Washington", "New York"],
        "Reuters",
    )
    assert dateline("LONDON, March 3 (AP) — The") == (["London"], "AP")
    assert dateline("CHICAGO — The city council") == (["Chicago"], None)
    assert dateline("Senate passes bill\n\nWASHINGTON (Reuters) - The") == (
        ["Washington"],
        "Reuters",
    )
    assert dateline("The mayor said - in a statement") == ([], None)
    assert dateline("U.S. Senate Majority Leader said on Friday") == ([], None)
    # A wire's credit with no place is a dateline too, and its wire neutral.
    assert dateline("Tax cut in focus\n\n(Reuters) - A U.S. proposal") == ([], "Reuters")
    assert dateline("(a draft) - the text") == ([], None)


def test_dateline_city_and_wire_are_neutral_unless_gold() -> None:
    """LABELLING.md: a dateline city and a wire service named only in the dateline are
    neither rewarded nor penalized; named in the body (gold), they count as usual."""
    cited = [Fact(Ref("article/a"), str(SDO.citation), Ref("outlet/reuters.com"))]
    facts = [*city(4140963, "Washington", "US"), *cited]
    body = "WASHINGTON (Reuters) - The Senate voted."
    assert scores(with_dateline_neutral({}, body), facts)["cities"] == (0, 0, 0)
    assert scores(with_dateline_neutral({}, body), facts)["outlets"] == (0, 0, 0)
    assert scores({}, facts)["outlets"] == (0, 1, 0)
    gold = {"cities": ["Washington"], "outlets": ["Reuters"]}
    assert scores(with_dateline_neutral(gold, body), facts)["cities"] == (1, 0, 0)
    assert scores(with_dateline_neutral(gold, body), facts)["outlets"] == (1, 0, 0)
    assert with_dateline_neutral(gold, "The Senate voted.") is gold
    credit = "(Reuters) - The Senate voted."
    assert scores(with_dateline_neutral({}, credit), cited)["outlets"] == (0, 0, 0)


def test_a_prediction_that_matches_gold_is_not_dropped_as_neutral() -> None:
    facts = organization("United States Congress", "Congress")
    gold = {"organizations": ["United States Congress"], "neutral": {"organizations": ["Congress"]}}
    assert scores(gold, facts)["organizations"] == (1, 0, 0)


def test_v1_labels_score_as_their_v2_form_with_single_alternatives() -> None:
    # The labelled set is (mostly) schema v1: lifting each role, jurisdiction, organization
    # and outlet into a one-item list, with empty neutral lists, must not move a single count.
    for label in load_labels("tests/data/labelled")[::4]:
        facts = [
            f
            for article in read_file(str(label.path))
            if isinstance(article, Article)
            for f in extract(article).facts
        ]
        lifted = copy.deepcopy(label.data)

        def listed(value: Any) -> list[Any]:
            return value if isinstance(value, list) else [value]

        for official in lifted["officials"]:
            official["role"] = listed(official["role"])
            official["jurisdiction"] = listed(official["jurisdiction"])
        lifted["organizations"] = [listed(o) for o in lifted["organizations"]]
        lifted["outlets"] = [listed(o) for o in lifted["outlets"]]
        lifted["neutral"] = {"people": [], "cities": [], "organizations": [], "outlets": []}
        assert scores(lifted, facts) == scores(label.data, facts), label.path.name


def test_a_malformed_entry_names_its_label_file(tmp_path: Path) -> None:
    label = tmp_path / "bad.yaml"
    label.write_text(
        "file: seeds/000_1acd798047e26139.txt\n"
        "officials: [{name: Eric Adams, role: {office: Mayor}, jurisdiction: null}]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"bad\.yaml: role"):
        load_labels(tmp_path)


def test_a_city_needs_an_iso_country_code(tmp_path: Path) -> None:
    label = tmp_path / "bad.yaml"
    label.write_text(
        "file: seeds/000_1acd798047e26139.txt\ncities: [{name: Helsinki, country: Finland}]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"bad\.yaml: city .*two-letter ISO country code"):
        load_labels(tmp_path)


def test_neutral_alternatives_are_each_neutral_and_bad_ones_are_named(tmp_path: Path) -> None:
    label = tmp_path / "alternatives.yaml"
    label.write_text(
        "file: seeds/000_1acd798047e26139.txt\n"
        "neutral: {organizations: [[Labour Party, Labour], Home Office]}\n",
        encoding="utf-8",
    )
    (loaded,) = load_labels(tmp_path)
    assert loaded.data["neutral"]["organizations"] == ["Labour Party", "Labour", "Home Office"]
    label.write_text(
        "file: seeds/000_1acd798047e26139.txt\nneutral: {people: [{name: Blair}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"alternatives\.yaml: neutral people entry"):
        load_labels(tmp_path)


def test_several_sets_print_side_by_side_and_a_missing_one_fails_first(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for label in Path("tests/data/labelled").glob("seed-*.yaml"):
        (seeds / label.name).write_text(label.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="no such folder"):
        evaluate_sets([("seeds", seeds), ("blind", tmp_path / "missing")])
    first, second = evaluate_sets([("seeds", seeds), ("again", seeds)])
    assert first.files == second.files == 2
    table = side_by_side([first, second]).splitlines()
    assert "seeds, 2 files" in table[0] and "again, 2 files" in table[0]
    people = table[2].split()
    assert people[0] == "people" and people[1:6] == people[6:11]

    result = CliRunner().invoke(main, ["eval", str(seeds), "--set", f"copy={seeds}"])
    assert result.exit_code == 0, result.output
    assert "copy, 2 files" in result.output
    missing = CliRunner().invoke(main, ["eval", str(seeds), str(tmp_path / "nowhere")])
    assert missing.exit_code == 1
    assert "nowhere: no such folder" in missing.output


def test_mistakes_name_what_was_missed_and_what_was_spurious() -> None:
    result = {kind: Score() for kind in KINDS}
    gold = {"officials": [{"name": "Richard Burr", "role": "Senator", "jurisdiction": "Iowa"}]}
    score_facts(result, gold, BURR, "wire-001.yaml")
    assert sorted(result["officials"].mistakes) == [
        ("wire-001.yaml", "missed", "richard burr / senator / iowa"),
        (
            "wire-001.yaml",
            "spurious",
            "richard burr / senate intelligence committee chairman / north carolina",
        ),
    ]


def test_an_outlet_may_list_alternatives() -> None:
    cited = [Fact(Ref("article/a"), str(SDO.citation), Ref("outlet/bbc.co.uk"))]
    gold: dict[str, Any] = {"outlets": [["BBC Radio 4", "BBC"]]}
    assert scores(gold, cited)["outlets"] == (1, 0, 0)
    assert scores({"outlets": ["CNN"], "neutral": {"outlets": [["BBC"]]}}, cited)["outlets"] == (
        0,
        0,
        1,
    )


def test_the_generic_organizations_of_labelling_md_are_neutral_unless_gold() -> None:
    facts = [
        *organization("United States Congress", "Congress"),
        *organization("Democratic Party", "Democrats"),
        *organization("Acme Corporation"),
    ]
    assert scores({"organizations": []}, facts)["organizations"] == (0, 1, 0)
    gold: dict[str, Any] = {"organizations": [["Democratic Party", "Democrats"]]}
    assert scores(gold, facts)["organizations"] == (1, 1, 0)


def test_publishers_are_outlets_matched_by_domain_or_name() -> None:
    # LABELLING.md: the publishers of the article and of its related articles are outlets.
    def published(article: str, key: str, name: str) -> list[Fact]:
        outlet = Ref(f"outlet/{key}")
        return [
            Fact(Ref(article), str(SDO.publisher), outlet),
            Fact(outlet, str(SDO.name), name),
        ]

    facts = [
        *published("article/a", "huffpost.com", "HuffPost"),
        *published("article/related", "lawndalenews.com", "Lawndale News"),
        Fact(Ref("article/a"), str(SDO.citation), Ref("outlet/huffpost.com")),  # once
    ]
    gold: dict[str, Any] = {"outlets": ["HuffPost", "Lawndale News"]}
    assert scores(gold, facts)["outlets"] == (2, 0, 0)
    assert scores({"outlets": ["HuffPost"]}, facts)["outlets"] == (1, 1, 0)
    neutral: dict[str, Any] = {"outlets": ["HuffPost"], "neutral": {"outlets": ["Lawndale News"]}}
    assert scores(neutral, facts)["outlets"] == (1, 0, 0)


def test_officials_mistakes_are_counted_by_class() -> None:
    result = {kind: Score() for kind in KINDS}
    gold = {
        "officials": [
            {"name": "Richard Burr", "role": "Senator", "jurisdiction": "Iowa"},
            {"name": "Jane Doe", "role": "judge", "jurisdiction": None},
        ]
    }
    facts = [
        *BURR,
        *person("John Roe"),
        *office("John Roe", "Mayor", "Springfield"),
        *person("Richard Burr"),
        *office("Richard Burr", "Senator", "North Carolina", 1),
    ]
    score_facts(result, gold, facts, "a.yaml")
    assert official_classes(result["officials"]) == {
        "missed": 1,
        "wrong role": 0,
        "wrong jurisdiction": 1,
        "spurious": 2,
    }
