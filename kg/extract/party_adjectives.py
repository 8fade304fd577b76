"""Parties and chambers named only to describe a member or an office, and a state's party.

"Republican senators", "Labour MP", "House Democrats", "Senate Majority Leader" name no
party or chamber acting: the officials rules read them, the graph does not get them.
"the Wisconsin Republican Party" is the state's party, a body of its own.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.nlp import Field, parsed
from kg.extract.organization_names import EDGES, GENERIC, HONORIFICS, OrganizationName, country_code
from kg.extract.roles import is_role_head, role_starting_at
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Words after a chamber's name that make it a part of a member's description.
_MEMBERS = frozenset({"Republicans", "Democrats", "Republican", "Democratic", "GOP"})


def in_title(field: Field, span: Span, named: OrganizationName) -> bool:
    """Whether a lone institution word ("Senate", "House", "Army") only opens an office's
    title or a description of members: "Senate Majority Leader", "House Speaker", "Army
    secretary", "Senate Republicans"."""
    words = [t for t in span if t.lower_ != "the"]
    doc = field.doc
    if span.end >= len(doc) or named.kind != "government":
        return False
    after = doc[span.end]
    if after.lower_ in _CANDIDACY:
        return True  # "U.S. Senate candidate Roy Moore": a race for a seat
    if len(words) != 1 or not (fold(words[0].text) in GENERIC or words[0].text == "House"):
        return False
    return after.text in _MEMBERS or role_starting_at(doc, span.end) is not None


_CANDIDACY = frozenset({"candidate", "candidates", "race", "seat", "nominee", "primary"})


def state_party(span: Span) -> tuple[Span, OrganizationName] | None:
    """ "the Wisconsin Republican Party": a state's name before a national party's full
    name is that party's organization in the state, a body of its own; another capitalized
    word before it makes another party ("the Kurdistan Democratic Party", "Japan's Liberal
    Democratic Party"), which the gazetteer's shorter name must not take."""
    doc = span.doc
    if not span.text.endswith(" Party") or span.start == 0:
        return None
    known = gz.organization_by_form().get(fold(EDGES.sub("", span.text)))
    if known is None or known.kind != "party":
        return None
    # The model's "Wisconsin Republican Party" is cut to the listed name by the ruler, so
    # the state is read from the words before it ("New Hampshire": two).
    for start in (span.start - 2, span.start - 1):
        words = doc[max(start, 0) : span.start]
        if start < 0 or not all(t.is_title for t in words):
            continue
        state = gz.state_by_form().get(fold(words.text))
        if state is not None and state.country == known.country:
            whole = doc[start : span.end]
            return whole, OrganizationName(whole.text, (), "party", None, state.country)
    start = span.start
    while start > 0 and _party_word(doc[start - 1], known):
        start -= 1
    if start == span.start:
        return None
    whole = doc[start : span.end]
    return whole, OrganizationName(whole.text, (), "party")


def _party_word(token: Token, known: gz.Organization) -> bool:
    """Whether a word before a listed party's name is part of another party's name: a
    capitalized word that is no article, title, chamber or role, and, at a sentence's start,
    a place's ("Kurdistan"); the party's own country ("U.S.") names the same party."""
    text = token.text
    if not (token.is_title or token.is_upper) or not token.is_alpha or len(text) < 2:
        return False
    if token.lower_ in _DETERMINERS or text in HONORIFICS or text in _CHAMBERS:
        return False
    if is_role_head(text) or country_code(text) == known.country:
        return False
    return not token.is_sent_start or bool(gz.places(text)) or country_code(text) is not None


def as_adjective(field: Field, span: Span, context: Context) -> bool:
    """Whether a party's one-word name qualifies the next word ("Republican senators",
    "Labour MP", "Democratic lawmakers", "Republican-led") or gives a member's affiliation
    ("Republican of Florida", "House Democrats") rather than naming the party ("Labour
    won", "Labor's spokesman", "the GOP"): a capitalized word after it is a title or a
    name; for a lower-case one the dependency parse of the sentence decides."""
    doc = field.doc
    if len(span) != 1 or span.end >= len(doc) or span[0].text.isupper():
        return False
    after = doc[span.end]
    if span.start > 0 and doc[span.start - 1].text in _CHAMBERS:
        return True  # "House Democrats", "the Senate Republican": members of a chamber
    if span.text in _MEMBER_NOUNS:
        return True  # "the top Democrat on the committee": a member, never the party
    if span.start > 1 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ == "then":
        return True  # "then-Republican candidate"
    if after.lower_ == "party":
        return False  # "the Labour party": the party named, with its noun in lower case
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and not span.text.endswith("s")
        and (
            before.lower_ in _DETERMINERS
            or any(
                fold(doc[max(0, span.start - n) : span.start].text) in gz.state_by_form()
                for n in (1, 2)
            )
        )
    ):
        return True  # "a Democrat", "The South Carolina Republican set a deadline": a member
    if after.text == "-" and not after.whitespace_:
        return True  # "the Republican-led House"
    if after.lower_ == "of" and span.end + 1 < len(doc) and doc[span.end + 1].is_title:
        return True  # "Marco Rubio, Republican of Florida": a member's affiliation
    if not after.is_alpha or after.lower_ in ("party", "s"):
        return False
    if after.text[:1].isupper():
        return True
    number = field.sentence_index(span.start_char)
    parse = parsed(context, [(field, number)])[(field.name, number)]
    return parse.token(span.start).dep_ in ("amod", "compound", "nmod")


_DETERMINERS = frozenset({"a", "an", "the", "another", "fellow", "one", "every", "no"})

# A party's name for one member ("the top Democrat"): a person, not the party acting.
_MEMBER_NOUNS = frozenset({"Democrat", "Republican"})

_CHAMBERS = frozenset({"House", "Senate", "Congressional", "congressional", "Assembly"})


def party_before(doc: Doc, start: int) -> gz.Organization | None:
    """The listed party whose name, alias or member's adjective is the word or two right
    before token ``start``, a possessive between ("Tory spokesman", "Liberal Democrat
    spokesman", "Plaid Cymru's local government spokesman"); None if none is. A member's
    adjective is the singular of a plural alias ("Tory" of "Tories", "Liberal" of
    "Liberals")."""
    end = start - 1 if start > 0 and doc[start - 1].lower_ in ("'s", "’s") else start
    for size in (2, 1):
        words = doc[max(end - size, 0) : end]
        if end - size < 0 or not all(t.is_title or t.is_upper for t in words):
            continue
        party = _member_adjectives().get(fold(words.text))
        if party is not None:
            return party
    return None


@cache
def _member_adjectives() -> dict[str, gz.Organization]:
    found: dict[str, gz.Organization] = {}
    for party in gz.organizations():
        if party.kind != "party":
            continue
        for form in (party.name, *party.aliases):
            found.setdefault(fold(form), party)
            if form.endswith("ies"):
                found.setdefault(fold(form[:-3] + "y"), party)  # "Tories": "Tory"
            elif form.endswith("s"):
                found.setdefault(fold(form[:-1]), party)  # "Liberals": "Liberal"
    return found
