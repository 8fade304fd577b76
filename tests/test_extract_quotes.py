"""Quotations and their speakers: what is a person's quotation (LABELLING.md) and who said it."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.quotes import is_quotation, spans
from kg.model import Article
from kg.namespaces import SDO


def quotes_of(body: str) -> dict[str, str | None]:
    """Each quotation's text -> its speaker's key (None when no one is named)."""
    facts = extract(Article(source="test.txt", body=body)).facts
    texts = {f.subject.key: str(f.object) for f in facts if str(f.predicate) == str(SDO.text)}
    speakers = {
        f.subject.key: f.object.key  # type: ignore[union-attr]
        for f in facts
        if str(f.predicate) == str(SDO.creator)
    }
    return {text: speakers.get(key) for key, text in texts.items()}


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [
        ("humiliating retreat", False),  # a scare quote
        ("no idea", False),
        ("I'm hopeful.", True),  # a whole sentence, however short
        ("great honour and pride", True),  # four words
        ("Face the Nation", False),  # a title
        ("Britain is Working", False),
    ],
)
def test_a_quotation_is_four_words_or_a_sentence_and_not_a_title(
    quoted: str, expected: bool
) -> None:
    assert is_quotation(quoted) is expected


def test_scare_quotes_are_not_quotations() -> None:
    found = quotes_of('Jane Roe called the plan a "humiliating retreat" on Monday.')
    assert found == {}


def test_an_organization_or_an_unnamed_source_is_no_speaker() -> None:
    found = quotes_of(
        'Jane Roe arrived late. "We condemn these attacks without reserve," Amnesty '
        'International said. "We will look into the matter closely," a spokesman said.'
    )
    assert found == {
        "We condemn these attacks without reserve": None,
        "We will look into the matter closely": None,
    }


def test_a_quotation_that_goes_on_keeps_its_speaker() -> None:
    found = quotes_of(
        "“I am honored to be chosen today,” said Monique Scott. “Building on the work of "
        "others, I will strive to do more.\n\n“We start on Monday with the budget.”\n\n"
        "Mary Major, the council chair, was not at the meeting."
    )
    assert set(found.values()) == {"person/monique scott"}
    assert len(found) == 2  # the quotation runs on over the paragraph break


def test_scraped_text_without_spaces_and_mixed_marks() -> None:
    text = 'the vote.“I am thrilled that she will serve us,” said John Doe.“She is ready now."'
    assert [text[s:e] for s, e in spans(text)] == [
        "I am thrilled that she will serve us,",
        "She is ready now.",
    ]
    found = quotes_of(
        "The council met on Monday to vote.“I am thrilled that she will serve us,” said "
        "John Doe.“She is ready to lead the ward now.”The vote is on Friday."
    )
    assert set(found.values()) == {"person/john doe"}


@pytest.mark.parametrize(
    "body",
    [
        # A title, a body or a lower-case post between the verb and the name.
        "“The campus is an investment in all of us,” said CPD Superintendent John Doe.",
        '"There should be an inquiry into this role," said director John Doe.',
        # The name before the verb is the speaker; the one after "told" is the addressee.
        "“We have a big challenge and work to do,” John Doe told Jane Roe on Monday.",
    ],
)
def test_the_speaker_is_the_subject_or_the_name_right_after_the_verb(body: str) -> None:
    assert set(quotes_of(body).values()) == {"person/john doe"}


def test_he_said_is_not_the_outlet_named_after_it() -> None:
    found = quotes_of(
        "John Doe spoke on Monday. “We have a big challenge, and we have work to do,” he "
        "said in an interview first posted online by The New York Times."
    )
    assert set(found.values()) == {"person/john doe"}
