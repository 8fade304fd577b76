"""Organization names told by their form, whatever label the model gave them.

English names an organization with a head noun that says what it is ("the Chicago Park
District", "Jackson State University", "the Hyde Park Chamber of Commerce", "the Office of
Equity and Racial Justice"). The statistical model often labels such names a place or a
person, or cuts them; a run of capitalized words that ends in such a head, or holds "<head>
of/for/on" and more capitalized words, is an organization's name by its form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.extract.roles import is_role_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

HEADS = frozenset(
    """
    Department District Schools Authority Association Council Committee Subcommittee
    Commission Agency Board Bureau Party Union Coalition Caucus Institute Foundation Society
    Trust Fund Alliance League Federation Network Corporation Company Club Clubs Conservancy
    Organization Organisation University College Library Hospital Center Centre Executive
    Assembly Court Chamber Ministry Labs Laboratory Collaborative Partnership Police
    Administration Corps Guard Army Navy Commissioners
    """.split()  # noqa: SIM905 - a word list reads best as words
)
"""Nouns that end an organization's name ("... District", "... University")."""

DESCRIPTORS = frozenset(
    """
    party group company firm charity union organisation organization network agency
    association foundation coalition club institute council society trust nonprofit
    non-profit bank insurer airline pollster
    """.split()  # noqa: SIM905 - a word list reads best as words
)
"""Lower-case nouns that say the name beside them is an organization's ("his new party,
Veritas", "Unison, the public sector union")."""

_OF_HEADS = HEADS | {"Office", "Friends", "Museum", "Bank", "Secretariat"}
"""Nouns that open one before "of", "for" or "on" ("Office of ...", "Friends of the Parks")."""

# "the 9th Circuit Court of Appeals", "the 2nd Congressional District Committee".
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
_LOWER_HEADS = frozenset({"committee", "subcommittee", "commission", "caucus", "police"})
_BUILDINGS = frozenset({"station", "stations", "headquarters", "room", "rooms"})
# Prepositions that open a sentence before a name ("At the Court of Appeal on Monday").
_OPENING_PREPOSITIONS = frozenset({"At", "In", "On", "From", "By", "With", "After", "Before"})
_JOINS = frozenset({"of", "for", "on", "and", "&", "the"})
_CHAMBERS = frozenset({"Senate", "House", "Congress", "Parliament", "Assembly", "Commons", "Lords"})
# Words a name of this form never holds: weekdays, months, and the words of events and
# things ("the Board Room", "Supreme Court ruling" stops at "ruling" anyway).
_NEVER = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Room Building Hall Street Avenue
    This That These Those Our Their His Her Its My Your Every Each Any No But And Or Nor Yet
    However Meanwhile Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_ONE_NAME = re.compile(
    r"(?:[A-Z][\w’'.&-]*\s)*(?:" + "|".join(sorted(_OF_HEADS)) + r")\s(?:of|for|on)\s"
    r"(?:the\s)?[A-Z][\w’'.-]*(?:,?\s(?:(?:and|&)\s)?[A-Z][\w’'.-]*)*"
)
# "Health and Human Relations Committee", "Boys & Girls Club": two words joined before
# the head (none of them a head itself: "the Park District and Chicago Public Schools" is
# a list).
_JOINED = re.compile(r"(?:[A-Z][\w’'.-]*\s)+(?:and|&)\s(?:[A-Z][\w’'.-]*\s)+(\w+)")


def one_name(text: str) -> bool:
    """Whether a name holding "and" or a comma is one body's ("Department for Culture, Media
    and Sport", "Committee on Health and Human Relations"), not a list run together.

    >>> one_name("Department for Education and Skills")
    True
    >>> one_name("Health and Human Relations committee")
    True
    >>> one_name("Labour and the Conservatives"), one_name("Park District and Public Schools")
    (False, False)
    """
    if _ONE_NAME.fullmatch(text) is not None:
        return True
    joined = _JOINED.fullmatch(text)
    if joined is None or joined.group(1).capitalize() not in HEADS:
        return False
    before = text[: joined.start(1)].split()[:-1]
    return not any(w in HEADS for w in before)


def ordinal(text: str) -> bool:
    """Whether a word is an ordinal in figures ("9th"), which opens names of courts and
    districts."""
    return _ORDINAL.fullmatch(text) is not None


def holds_head(span: Span) -> bool:
    """Whether any word of a span is an organization's head noun."""
    return any(t.text in HEADS for t in span)


def ends_in_head(span: Span) -> bool:
    """Whether a span's last word is an organization's head noun ("Chicago Fire Department")."""
    return span[-1].text in HEADS


def _word(token: Token) -> bool:
    text = token.text
    return (
        (
            text[:1].isupper()
            and any(c.islower() for c in text)
            and "’" not in text[1:]
            and "'" not in text[1:]
            and text.rstrip(".") not in _NEVER
        )
        or (text.isupper() and text.isalpha() and len(text) > 1)
        or _DOTTED.fullmatch(text) is not None  # "U.N." of "the U.N. General Assembly"
        or _ORDINAL.fullmatch(text) is not None
    )


def named_by_form(doc: Doc, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Each run of capitalized words in ``doc[start:end]`` that names an organization by
    its form. Connecting words ("of", "and", "the") count only between capitalized words;
    a role word that opens a run ("Superintendent") is left out; a run of head nouns alone
    ("Police Department") names no particular body."""
    end = len(doc) if end is None else end
    index = start
    while index < end:
        if not _word(doc[index]):
            index += 1
            continue
        last = index
        cursor = index + 1
        while cursor < end:
            if _word(doc[cursor]):
                last = cursor
                cursor += 1
            elif _possessive_inside(doc, cursor, end, index):
                cursor += 1  # "the Cook County Sheriff's Office", "Lurie Children's Hospital"
            elif doc[cursor].text in _JOINS and cursor + 1 < end:
                cursor += 1
            elif _cause_after(doc, cursor, end):
                cursor += 1  # "the Committee to | Protect Journalists": a cause's name
            else:
                break
        if (
            last + 1 < end
            and doc[last + 1].lower_ in _LOWER_HEADS
            and doc[last + 1].is_lower
            # "London's Paddington Green police station": a building, no named force.
            and not (last + 2 < end and doc[last + 2].lower_ in _BUILDINGS)
            # "Afghan police", "Palestinian police": a people's police, not a named force.
            and doc[index].ent_type_ != "NORP"
            # "the Senate committee's investigation": which of its committees, not a name.
            and not (last == index and doc[index].text in _CHAMBERS)
        ):
            last += 1  # "the Health and Human Relations committee", "West Yorkshire police"
        yield from _parts(doc, index, last + 1)
        index = last + 1


_CAMPAIGNS = frozenset(
    {"Committee", "Coalition", "Campaign", "Alliance", "League", "Fund", "Society", "Movement"}
)


def _cause_after(doc: Doc, index: int, end: int) -> bool:
    """Whether "to" at ``index`` joins a campaigning body's head to the capitalized cause
    it is named for ("Committee to Protect Journalists")."""
    return (
        doc[index].text == "to"
        and index + 1 < end
        and doc[index - 1].text in _CAMPAIGNS
        and _word(doc[index + 1])
    )


def named_for_a_cause(span: Span) -> bool:
    """Whether a name joins a campaigning body's head to its cause by "to" ("the National
    Committee to Preserve Social Security")."""
    return any(_cause_after(span.doc, t.i, span.end) for t in span if t.text == "to")


_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def _possessive_inside(doc: Doc, index: int, end: int, start: int) -> bool:
    """Whether a possessive belongs inside a name: after a word that is no place's or
    person's, ends no name the model found and is no body's name (from ``start``), before
    another capitalized word ("State's Attorney's Office", "Taxpayers' Alliance"; not
    "Chicago's Department of ...", "the University of Chicago's Harris School")."""
    if doc[index].text not in _POSSESSIVES or index == 0 or index + 1 >= end:
        return False
    before, after = doc[index - 1], doc[index + 1]
    if before.ent_type_ and doc[index].ent_iob_ != "I":
        return False  # "the Chicago Police Department's Bureau": a name ends there
    owner = [t.text for t in doc[start:index]]
    if owner[-1] in HEADS or any(
        w in _OF_HEADS and n in ("of", "for", "on") for w, n in pairwise(owner)
    ):
        return False  # "the University of Chicago’s Harris Policy Labs": a body's part
    return (
        _word(before)
        and before.ent_type_ not in ("GPE", "PERSON", "LOC", "NORP")
        and (_word(after) and not after.text.isupper())
    )


def _parts(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """The names in a run: itself where it is one body's name, else each part between
    "and"s ("the Park District and Chicago Public Schools")."""
    joins = [i for i in range(start, end) if doc[i].text in ("and", "&")]
    if not joins or one_name(doc[start:end].text):
        yield from _name_in(doc, start, end)
        return
    for first, stop in zip([start, *(j + 1 for j in joins)], [*joins, end], strict=True):
        yield from _name_in(doc, first, stop)


def name_of(span: Span) -> str:
    """The name a span gives, its head capitalized ("West Yorkshire police" -> "West
    Yorkshire Police")."""
    last = span[-1]
    if last.is_lower and last.lower_ in _LOWER_HEADS:
        return f"{span[:-1].text} {last.text.capitalize()}"
    return span.text


WORKS = frozenset(
    """
    Commentary Report Review Survey Index Study Bulletin Yearbook Handbook Guide Atlas Outlook
    Digest Almanac Census Forecast Briefing
    """.split()  # noqa: SIM905 - a word list reads best as words
)
"""Works a body publishes, named "<work> of <body>" ("the Quarterly Economic Commentary of
Strathclyde University"): the body's name follows "of"."""


_MEMBERS = frozenset(
    [
        "members",
        "supporters",
        "leaders",
        "residents",
        "officials",
        "employees",
        "staff",
        "volunteers",
    ]
)
"""Words for a body's people, which open "<people> of the <body>" ("Members of the Broken
Arrow Horseback Riding Club"); not "Friends of the Earth" or "Daughters of the American
Revolution", whose names these words are part of."""


def after_members(doc: Doc, start: int, end: int) -> int:
    """Where a body's name starts after "<people> of (the)" opening ``doc[start:end]``
    ("Members of the" + "Broken Arrow Horseback Riding Club"): ``start`` if none."""
    if start + 3 < end and doc[start].lower_ in _MEMBERS and doc[start + 1].lower_ == "of":
        return start + 2 + (doc[start + 2].lower_ == "the")
    return start


def opens_sentence(token: Token) -> bool:
    """Whether a token opens its sentence or paragraph (after a line break too)."""
    return token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].is_space)


def _name_in(doc: Doc, start: int, end: int) -> Iterator[Span]:
    while start < end and (
        doc[start].text == "The"
        or (doc[start].text in _OPENING_PREPOSITIONS and opens_sentence(doc[start]))
        or doc[start].text in _POSSESSIVES
        or is_role_head(doc[start].text)
        # A sentence's first word is capitalized anyway: it stays only where the model
        # saw a name in it or it is a head ("Chicago ...", "University of ...").
        or (
            doc[start].is_sent_start
            and not doc[start].ent_type_
            and doc[start].text not in _OF_HEADS
        )
        or doc[start].text in _JOINS
    ):
        start += 1
    start = after_members(doc, start, end)
    for index in range(start + 1, end - 2):
        if (
            doc[index].is_title
            and is_role_head(doc[index].text)
            and doc[index + 1].text in ("of", "for")
            and holds_head(doc[index + 2 : end])
        ):
            start = index + 2  # "Communications Director of" + "the Chicago Park District"
            break
    for index in range(start + 1, end - 2):
        if doc[index].text in WORKS and doc[index + 1].text == "of":
            start = index + 2  # "the Quarterly Economic Commentary of" + "Strathclyde University"
            break
    while start < end and doc[start].text in ("the", "The"):
        start += 1
    if end - start < 2:
        return
    words = [t.text for t in doc[start:end]]
    office = words[-1] == "Office" and words[-2] in _POSSESSIVES  # "the Sheriff's Office"
    cause = any(_cause_after(doc, i, end) for i in range(start + 1, end))
    if (
        not office
        and not cause  # "the Committee to Protect Journalists"
        and words[-1].capitalize() not in HEADS
        and not any(
            # "<head> of <name>": a head right before "of", "for" or "on".
            words[i] in _OF_HEADS and words[i + 1] in ("of", "for", "on")
            for i in range(len(words) - 2)
        )
    ):
        return
    names = [w for w in words if w not in _JOINS and w not in _POSSESSIVES]
    if all(
        w in HEADS or w in _OF_HEADS or w.lower() in ("city", "state") or ordinal(w) for w in names
    ):
        return  # "Police Department", "the 3rd District": which one, not whose
    yield doc[start:end]
