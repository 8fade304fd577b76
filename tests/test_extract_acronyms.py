"""Acronyms and the full names an article gives them."""

from __future__ import annotations

import pytest

from kg.extract.acronyms import definitions, expansions


@pytest.mark.parametrize(
    ("text", "acronym", "expected"),
    [
        ("the Office of Personnel Management", "OPM", ["Office of Personnel Management"]),
        # Small words counted or not, hyphens splitting words.
        ("the Chicago Board of Elections", "CBOE", ["Chicago Board of Elections"]),
        (
            "at the Asia-Pacific Economic Cooperation forum",
            "APEC",
            ["Asia-Pacific Economic Cooperation"],
        ),
        # Not opened by a capitalized word, or initials that do not spell it.
        ("the office of personnel management", "OPM", []),
        ("the Office of Budget Management", "OPM", []),
    ],
)
def test_expansions(text: str, acronym: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in expansions(text, acronym)] == expected


def test_definitions_in_brackets_and_with_or() -> None:
    text = (
        "The Federal Aviation Administration (FAA) and the Clean Air Act, or CAA, were "
        "cited, and (AP) was not."
    )
    assert [(a, text[s:e]) for a, s, e in definitions(text)] == [
        ("FAA", "Federal Aviation Administration"),
        ("CAA", "Clean Air Act"),
    ]
