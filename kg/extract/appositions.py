"""Offices stated after a name, read from the dependency parse of the sentence.

"Richard Burr, the Republican chairman of the Senate Intelligence Committee", "Jeff
Sessions, who is the attorney general", "Sally Yates is the acting attorney general",
"Marcus Betts, Assistant Vice Chancellor for External Engagement at UIC", "Prentice
Butler, King's chief of staff", "James B. Comey, the F.B.I. director at the time": the
parse ties the office noun to the name (apposition, relative clause, copula) and to the
place, body or person it belongs to (a possessive, "of", "at", "to"), whatever adjectives
stand between. Only sentences with a name followed by a comma or a verb and an office
word after it are parsed (``nlp.parsed``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract.nlp import Field, Mention, Parsed, analyse, parsed
from kg.extract.offices import PARTY, body_kind
from kg.extract.organizations import organization_named
from kg.extract.owners import named_place_at, qualify
from kg.extract.people import person_mentions
from kg.extract.positions import Holding, Named, Owner, attach
from kg.extract.roles import (
    BODIES,
    MODIFIERS,
    PAST,
    Role,
    is_role_head,
    is_role_word,
    is_seated,
    role_ending_at,
    role_last_words,
)
from kg.extract.roles import past as marked_past
from kg.extract.titles import subject_before
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What may follow a name before an office stated after it.
_OPENERS = frozenset({",", "is", "was", "who", "remains", "became", "serves", "served"})
_COPULAS = frozenset({"is", "was", "remains", "became", "serves", "served", "'s", "’s", "has"})
_PAST_COPULAS = frozenset({"was", "served"})
_LINKS = frozenset({"of", "for", "at", "to", "on", "with", "in"})
# The nouns of a seat an elected office is "of" ("alderman of the 1st Ward").
_SEATS = frozenset({"ward", "district", "precinct", "constituency", "riding", "division"})


@cache
def _office_words() -> re.Pattern[str]:
    words = sorted(role_last_words(), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)


def appositions(context: Context, named: Named) -> list[Holding]:
    """Every office the parse ties to a name after it."""
    people = person_mentions(context)
    wanted: dict[tuple[str, int], tuple[Field, int]] = {}
    offices: dict[str, list[int]] = {}
    for person in people:
        field, doc = person.field, person.field.doc
        after = person.span.end
        if after >= len(doc) or doc[after].lower_ not in _OPENERS:
            continue
        starts = offices.get(field.name)
        if starts is None:
            starts = offices[field.name] = [m.start() for m in _office_words().finditer(field.text)]
        sentence = field.sentence_index(person.span.start_char)
        end = (
            field.sentence_starts[sentence + 1]
            if sentence + 1 < len(field.sentence_starts)
            else len(field.text)
        )
        first = bisect_right(starts, person.span.end_char)
        if first < len(starts) and starts[first] < end:
            wanted[field.name, sentence] = (field, sentence)
    pronouns = _pronoun_copulas(context)
    for field, sentence, _ in pronouns:
        wanted[field.name, sentence] = (field, sentence)
    if not wanted:
        return []
    parses = parsed(context, wanted.values())
    found: list[Holding] = []
    for person in people:
        parse = parses.get((person.field.name, person.field.sentence_index(person.span.start_char)))
        if parse is not None:
            found += _after(person, parse, named, context)
    for field, sentence, referent in pronouns:
        parse = parses.get((field.name, sentence))
        if parse is not None:
            found += _said_of(referent, parse, named, context)
    return found


# "He is the city's comptroller.", "She was elected ...": a sentence that opens by saying
# what "he" or "she" is, with an office word in it.
_PRONOUN_COPULA = re.compile(r"(?:He|She) (?:is|remains|serves as|has served as) ")


def _pronoun_copulas(context: Context) -> list[tuple[Field, int, Mention]]:
    """The sentences that open "He is ..." or "She is ..." with an office word in them, and
    the person "he" or "she" is: the subject of the sentence before (titles.py's rule for
    offices referred back to), when that sentence names no one else."""
    found: list[tuple[Field, int, Mention]] = []
    for field in analyse(context):
        for number, start in enumerate(field.sentence_starts):
            if number == 0 or not _PRONOUN_COPULA.match(field.text, start):
                continue
            end = (
                field.sentence_starts[number + 1]
                if number + 1 < len(field.sentence_starts)
                else len(field.text)
            )
            if _office_words().search(field.text, start, end) is None:
                continue
            referent = subject_before(context, field, number)
            if referent is not None:
                found.append((field, number, referent))
    return found


def _said_of(
    person: Mention, sentence: Parsed, named: Named, context: Context
) -> Iterator[Holding]:
    """The offices a "He is the ..." sentence gives the person "he" is."""
    subject = sentence.doc[0]
    if subject.dep_ != "nsubj" or subject.head.lower_ not in _COPULAS:
        return
    for noun, past, _ in _complements(subject.head, "copula"):
        role = _role_at(noun, sentence)
        if role is None:
            continue
        role = _with_compounds(role, noun, sentence, named)
        role, owner = qualify(sentence.field, role, named, context)
        how = "phrase"
        if owner is None:
            owner, how = _possessor(noun, sentence, named), "possessor"
        if past or _at_the_time(noun):
            role = replace(role, past=True)
        holding = Holding(person, role, None, inferred=True, pattern="copula-pronoun")
        if owner is not None:
            attach(holding, owner, how)
        else:
            attach(holding, _linked(holding, noun, sentence, named), "linked")
        yield holding


def _after(person: Mention, sentence: Parsed, named: Named, context: Context) -> Iterator[Holding]:
    field = person.field
    head = _head(person, sentence)
    if head is None:
        return
    for noun, past, shape in _office_nouns(head):
        role = _role_at(noun, sentence)
        if role is None or role.start < person.span.end:
            continue
        role = _with_compounds(role, noun, sentence, named)
        role, owner = qualify(field, role, named, context)
        how = "phrase"
        if owner is None:
            owner, how = _possessor(noun, sentence, named), "possessor"
        if past or _at_the_time(noun):
            role = replace(role, past=True)
        holding = Holding(person, role, None, pattern=shape)
        if owner is not None and _partisan(owner):
            # "the Republican chairman of the Judiciary Committee": the party is the
            # holder's, the office the committee's.
            linked = _linked(holding, noun, sentence, named)
            if linked is not None and linked[1] == "organization" and not _partisan(linked):
                owner, how = linked, "linked"
        if owner is not None:
            attach(holding, owner, how)
        else:
            attach(holding, _linked(holding, noun, sentence, named), "linked")
        yield holding


def _role_at(noun: Token, sentence: Parsed) -> Role | None:
    """The role an office noun heads: the longest head that ends at it or at the noun of its
    "of" ("chief" of "chief of staff")."""
    doc, index = sentence.field.doc, sentence.index(noun)
    ends = [
        sentence.index(c) + 1
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for c in prep.children
        if c.dep_ == "pobj"
    ]
    for end in sorted(ends, reverse=True):
        role = role_ending_at(doc, end)
        if role is not None and role.head_start <= index:
            return role
    role = role_ending_at(doc, index + 1)
    return role if role is not None and role.end == index + 1 else None


def _with_compounds(role: Role, noun: Token, sentence: Parsed, named: Named) -> Role:
    """The role over the capitalized words the parse joins to its noun before it, which no
    name or entity holds: "the mayor's Chief Engagement Officer" (not "Officer" alone);
    "the mayor's former chief engagement officer" (past);
    "the Senate Intelligence Committee chairman" stops at the committee, the role's owner,
    and "the Conservative MP" at the party."""
    field, doc = sentence.field, sentence.field.doc
    start = role.start
    while start > sentence.start:
        token = sentence.token(start - 1)
        if (
            token.dep_ not in ("compound", "amod")
            or token.head.i not in (noun.i, *(t.i for t in noun.lefts))
            or not token.is_alpha
            # "the youngest premier": an adjective only when capitalized or a role's own
            or (token.dep_ == "amod" and not token.is_title and not is_role_word(token.text))
            or token.lower_ in PAST
            or (field.name, start - 1) in named
            or doc[start - 1].ent_type_  # "the Conservative MP": the holder's party
        ):
            break
        start -= 1
    if start == role.start:
        return role
    # "Lightfoot's former chief engagement officer": "former" before the longer role.
    return replace(role.over(doc, start, role.end, role.head_start), past=marked_past(doc, start))


def _head(person: Mention, sentence: Parsed) -> Token | None:
    """The parsed token that heads a name (the one whose head lies outside it)."""
    start, end = person.span.start, person.span.end
    if start < sentence.start or end > sentence.start + len(sentence.doc):
        return None
    for index in range(end - 1, start - 1, -1):
        token = sentence.token(index)
        if not start <= sentence.index(token.head) < end or token.head is token:
            return token
    return None


def _office_nouns(head: Token) -> Iterator[tuple[Token, bool, str]]:
    """The nouns a name is said to be, with whether they are said in the past and the shape
    that says it: an apposition ("X, the mayor"), a relative clause ("X, who is the mayor"),
    a copula ("X is the mayor"), and nouns joined to those ("President and CEO of ...")."""
    found: list[tuple[Token, bool, str]] = []
    for child in head.children:
        if child.dep_ == "appos" or _apposition_parsed_as_conjunct(head, child):
            found.append((child, False, "apposition"))
        elif child.dep_ == "relcl":
            found += _complements(child, "relative")
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lower_ in _COPULAS:
        found += _complements(head.head, "copula")
    for noun, past, shape in list(found):
        found += [(c, past, shape) for c in noun.conjuncts if c.i > noun.i and is_role_head(c.text)]
    yield from found


def _apposition_parsed_as_conjunct(name: Token, child: Token) -> bool:
    """Whether the parse made a list item of an apposition: "name cards for Schumer, the
    Senate Democratic leader, and Pelosi" (a definite office set off by commas straight
    after the name)."""
    if child.dep_ != "conj" or not is_role_head(child.text):
        return False
    doc, opening = name.doc, child.left_edge
    own = [c.right_edge.i for c in child.children if c.dep_ not in ("conj", "cc", "punct")]
    end = max([child.i, *own]) + 1  # "the mayor of Chicago", not the list after it
    return (
        opening.lower_ == "the"
        and opening.i == name.i + 2
        and doc[name.i + 1].text == ","
        and end < len(doc)
        and doc[end].text == ","
    )


def _complements(verb: Token, shape: str) -> list[tuple[Token, bool, str]]:
    """ "is the mayor", "serves as mayor": the noun a copula's subject is said to be."""
    if verb.lower_ not in _COPULAS:
        return []
    past = verb.lower_ in _PAST_COPULAS
    found = [(c, past, shape) for c in verb.children if c.dep_ in ("attr", "oprd")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            found += [(c, past, shape) for c in prep.children if c.dep_ == "pobj"]
    return found


def _at_the_time(noun: Token) -> bool:
    """ "the F.B.I. director at the time": an office held then, not now."""
    return "at the time" in " ".join(t.lower_ for t in noun.subtree if t.i > noun.i)


def _possessor(noun: Token, sentence: Parsed, named: Named) -> Owner | None:
    """ "King's chief of staff", "Apple's chief executive": whose office it is."""
    for child in noun.children:
        if child.dep_ == "poss":
            return named.get((sentence.field.name, sentence.index(child)))
    return None


_BARE_OFFICES = frozenset({"leader", "chief"})


def _portfolio(doc: Doc, start: int, end: int) -> bool:
    """Whether capitalized words are a government portfolio's ("Defense", "Foreign Affairs";
    not a body's, "the Army")."""
    words = [t for t in doc[start:end] if t.lower_ != "the"]
    return bool(words) and all(
        t.is_title and t.lower_ in MODIFIERS and t.lower_ not in BODIES for t in words
    )


def _public_body(found: Owner | None) -> bool:
    """Whether an owner is a public body (a legislature, the army, a ministry)."""
    if found is None or found[1] != "organization":
        return False
    known = organization_named(found[0].name)
    return body_kind(found[0].name, known.kind if known is not None else "") == "public"


def _linked(holding: Holding, noun: Token, sentence: Parsed, named: Named) -> Owner | None:
    """The place, body or person an office is "of", "at" or "to" ("head of the ACLU", "Vice
    Chancellor for External Engagement at UIC", "an advisor to Mr Arafat"); a posting after
    "to" ("ambassador to Brazil") is neither, and a portfolio after "for" or "on" stays in
    the role."""
    field = sentence.field
    doc = field.doc
    heads = [noun, *(c for c in noun.conjuncts if c.i > noun.i)]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
        link = prep.lower_
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if link not in _LINKS or not objects:
            continue
        target = sentence.index(objects[0])
        found = named.get((field.name, target)) or named_place_at(field, target)
        left = min(sentence.index(t) for t in objects[0].subtree)
        end = max(sentence.index(t) for t in objects[0].subtree) + 1
        if found is None:
            found = named.get((field.name, left)) or named_place_at(field, left)
        if found is not None and found[1] == "place" and _names_more(doc, found, end):
            found = None  # "President of Louisville Public Media": a body's name
        if link == "of" and holding.role.scope == "country" and _portfolio(doc, left, end):
            # "James Mattis, Secretary of Defense": the portfolio names the national office
            holding.role = holding.role.over(doc, holding.role.start, end)
            continue
        if link == "of" and _public_body(found) and fold(holding.role.text) in _BARE_OFFICES:
            # "Mr Hain, Leader of the Commons", "Peter Cosgrove, Chief of the Army": "Leader"
            # or "Chief" alone names no clear office; the public body led is part of it, as
            # in "Leader of the Commons Peter Hain" (titles.py).
            holding.role = holding.role.over(doc, holding.role.start, end)
        if is_seated(doc, holding.role) and (
            link == "for" or (link == "of" and objects[0].lower_ in _SEATS)
        ):
            # "MP for Wantage", "alderman of the 1st Ward": the seat, neither the office's
            # name nor its owner
            continue
        if found is None and objects[0].text[:1].isupper():
            if link in ("for", "on"):
                holding.role = holding.role.over(doc, holding.role.start, end)
                continue
            # "President and CEO of Advanced Care Services, Inc.": a body no list knows.
            found = _body(field, left, end)
        if found is None:
            continue
        if link == "in" and found[1] != "organization":
            continue  # "a lawyer in New York": where they work, not whose office it is
        if link == "to" and found[1] != "person":
            continue  # "ambassador to Brazil": a posting, not the office's owner nor its name
        if link != "to" and found[1] == "person" and not _speaks_for(link, holding):
            continue  # "a friend of Mr Arafat"; but "a spokeswoman for Mayor Emanuel" serves him
        return found
    return None


def _names_more(doc: Doc, owner: Owner, end: int) -> bool:
    """Whether a capitalized word follows a place before ``end`` ("Louisville" of
    "Louisville Public Media"): the place opens a longer name."""
    after = owner[0].span.end
    return after < end and doc[after].is_title and doc[after].is_alpha


def _partisan(owner: Owner) -> bool:
    """Whether an office's owner is a political party ("the Republican chairman")."""
    mention, kind = owner
    if kind != "organization":
        return False
    known = organization_named(mention.name)
    return body_kind(mention.name, known.kind if known is not None else "") == PARTY


def _speaks_for(link: str, holding: Holding) -> bool:
    """Whether "for" joins an aide's role to the person they serve ("a spokeswoman for
    Senator McCain", "an adviser for President Obama"), as "to" does ("an aide to ...")."""
    return link == "for" and holding.role.scope == "aide"


def _body(field: Field, start: int, end: int) -> Owner | None:
    """An organization named by the words of a span, as written."""
    doc = field.doc
    if doc[start].lower_ == "the":
        start += 1
    body = organization_named(doc[start:end].text) if start < end else None
    if body is None:
        return None
    return Mention(body.ref, body.name, field, doc[start:end]), "organization"
