"""Evidence in the text that a name with no organization word is a body's
(`kg.extract.organization_support`): each rule on sentences of its own, and what it must
not take."""

from __future__ import annotations

import pytest

from kg.extract import Context, extract, pipeline
from kg.extract.organization_support import (
    DESCRIBED,
    LISTED,
    NOUN_AFTER,
    NOUN_BEFORE,
    POSSESSOR,
    POST_AFTER,
    TRUSTED,
)
from kg.extract.organizations import organization_evidence, organization_mentions
from kg.model import Article
from kg.namespaces import SDO

# A sentence in ordinary case before each example: a body of one short sentence in
# capitals would be read as a headline.
OPENING = "The announcement came after months of talks with residents over the plans. "


def found(body: str) -> set[str]:
    """The organization keys an article mentions."""
    facts = extract(Article(source="test.txt", body=OPENING + body)).facts
    return {
        f.object.key  # type: ignore[union-attr]
        for f in facts
        if str(f.predicate) == str(SDO.mentions)
        and getattr(f.object, "key", "").startswith("organization/")
    }


def evidence(body: str) -> dict[str, str]:
    """The rule that found each organization mention, by the mention's text."""
    article = Article(source="test.txt", body=OPENING + body)
    context = Context(article=article)
    for step in pipeline():
        context.found[step.name] = list(step(article, context))
    rules = organization_evidence(context)
    return {
        m.span.text.removeprefix("The ").removeprefix("the "): rules[
            (m.field.name, m.span.start, m.span.end)
        ]
        for m in organization_mentions(context)
    }


@pytest.mark.parametrize(
    ("body", "name", "rule"),
    [
        # A body's noun right before the name (UK union news).
        ("The union Unite said its members at the depot would strike on Monday.", "Unite", None),
        # What a body owns (US utility and charity news).
        (
            "Residents can read the rules on Nicor's web site before the hearing.",
            "Nicor",
            POSSESSOR,
        ),
        (
            "Rules were changed by the Sierra Club's board on Tuesday, and Oxfam's members agreed.",
            "Oxfam",
            POSSESSOR,
        ),
        # A list of bodies (US city grants), one of them named by its head noun.
        (
            "Grants went to the West Side Health Authority, Good Neighbors, and the Chicago "
            "Urban League.",
            "Good Neighbors",
            LISTED,
        ),
        # A body's noun right after it (US local sports).
        ("The Oakland Roots organization announced a new coach.", "Oakland Roots", None),
        # A description set off after it (US city budget story).
        (
            "The council's report was praised by Westgate Watchers, a nonprofit that tracks "
            "city spending.",
            "Westgate Watchers",
            DESCRIBED,
        ),
        # "one of" a plural body noun set off after it (US national politics).
        (
            '"It was a stunning display of moral cowardice," said Democracy for America, '
            "just one of several such groups bashing the Senate.",
            "Democracy for America",
            DESCRIBED,
        ),
        # A list beside a body named by its head noun (US city grants).
        (
            "Her research was funded by the Joyce Foundation, Catalyst Chicago and the Field "
            "Museum.",
            "Catalyst Chicago",
            LISTED,
        ),
    ],
)
def test_a_name_with_no_organization_word_is_a_body_where_the_text_says_so(
    body: str, name: str, rule: str | None
) -> None:
    found_rules = evidence(body)
    assert name in found_rules
    if rule is not None:
        assert found_rules[name] == rule
    assert found_rules[name] in TRUSTED or not found_rules[name].startswith("text:")


def test_a_post_after_the_name_says_it_is_a_body() -> None:
    organizations = found(
        OPENING + "Greenpeace activists climbed the fence at the reactor at dawn."
    )
    assert "organization/greenpeace" in organizations
    # A company's management, directors or administrators.
    organizations = found(
        OPENING + "Qantas management and the unions will meet again today. Lawyers for "
        "former HIH directors asked for a delay."
    )
    assert {"organization/qantas", "organization/hih"} <= organizations


def test_the_subject_of_a_verb_alone_makes_no_body() -> None:
    # Subjects of verbs were right for 9 names of 22 over the development sets: measured
    # and dropped. A capitalized word the model calls an organization that only acts is none.
    assert {NOUN_BEFORE, NOUN_AFTER, DESCRIBED, POST_AFTER, LISTED} <= TRUSTED
    assert "organization/refiles" not in found("Refiles said the vote would take place soon.")


@pytest.mark.parametrize(
    "body",
    [
        # Places and people beside posts are no bodies.
        "Chicago officials said the new rules would take effect in May.",
        "Ms. Kaplan said she would appeal the ruling on Tuesday.",
        # A paper's last word alone is an outlet's, not a body's.
        "She covered City Hall for a decade and joined the Herald in 2018.",
    ],
)
def test_no_body_where_the_text_does_not_say_so(body: str) -> None:
    organizations = found(body)
    assert organizations == set()


def test_a_name_the_model_calls_a_person_is_a_body_in_a_list_of_bodies() -> None:
    rules = evidence(
        "The grant was shared by the Englewood Community Council, Mujeres Adelante, and the "
        "Southside Housing Alliance."
    )
    assert rules["Mujeres Adelante"] == LISTED
