"""Where organization mentions come from: the model's ORG entities (trimmed to the name and
split where the model ran a list together), names told by their form (a body's head noun:
"the Chicago Park District"), and companies named before a legal form or a stock ticker.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.bodies import (
    after_members,
    ends_in_head,
    holds_head,
    name_of,
    named_by_form,
    named_for_a_cause,
    one_name,
    ordinal,
)
from kg.extract.citations import outlet_mentions, redefined_acronyms
from kg.extract.companies import LEGAL_FORMS, TICKER, is_descriptor, run_together
from kg.extract.nlp import OUTLET, Field, Mention
from kg.extract.organization_checks import (
    NOT_ORGANIZATION,
    OTHER_LABELS,
    entity_organization,
    in_headline_line,
    is_building,
    office_of_role,
    otherwise_labelled,
    person_labelled,
)
from kg.extract.organization_names import (
    EDGES,
    GENERIC,
    GOVERNMENT,
    HONORIFICS,
    STATE,
    OrganizationName,
    abbreviates,
    company_named,
    country_code,
    is_place,
    known_organization,
    organization_named,
)
from kg.extract.party_adjectives import in_title, state_party
from kg.model import Ref
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Span


def by_form(
    fields: tuple[Field, ...],
    found: list[Mention],
    people: set[tuple[str, int]],
    names: dict[Ref, OrganizationName],
    context: Context,
    grown: set[int],
) -> Iterator[Mention]:
    """Names that say by their form that they are organizations' ("the Chicago Park
    District", which the model calls a place), where no other mention (an outlet's
    included) holds their words; and a longer name of this form around one organization
    mention, which the model or the gazetteer cut short, replaces it (its ``id`` is added to
    ``grown``): "the Chicago Coalition" + "for the Homeless", "Chicago" + "Department of
    Transportation" (not the United States'), "Chicago Police" + "Board"."""
    at = {(m.field.name, i): m for m in found for i in range(m.span.start, m.span.end)}
    outlets = {
        (m.field.name, i) for m in outlet_mentions(context) for i in range(m.span.start, m.span.end)
    }
    for field in fields:
        if field.headline:
            continue
        for span in named_by_form(field.doc):
            where = [(field.name, i) for i in range(span.start, span.end)]
            if any(w in outlets for w in where) or all(w in people for w in where):
                continue
            inside = {id(at[w]): at[w] for w in where if w in at}
            prefix = _acronym_prefix(span, list(inside.values()))
            if prefix is not None:
                del inside[id(prefix)]  # "U.N." + "Human Rights Council": one name
            if len(inside) > 1 and _pieces_of_one_name(span, list(inside.values())):
                # "the Public" + "and Commercial Services Union": the model cut one name.
                grown.update(inside)
                inside = {}
            if len(inside) > 1:
                continue
            inner = next(iter(inside.values()), None)
            if inner is not None and prefix is None and not _grows(span, inner, people):
                continue
            if in_headline_line(field, span) or is_place(span):
                continue
            text = name_of(span)
            if NOT_ORGANIZATION.search(text) or office_of_role(text) or is_building(span, text):
                continue
            named = organization_named(text)
            if named is None or STATE.search(named.name):
                continue
            if prefix is not None:
                seat = fold(EDGES.sub("", prefix.span.text)) in gz.seats()
                if not seat and fold(named.name) not in gz.organization_by_form():
                    continue
                grown.add(id(prefix))
            if inner is not None:
                if named.ref == inner.ref:
                    continue  # the acronym before it, if any, is part of its name
                grown.add(id(inner))
            names.setdefault(named.ref, named)
            yield Mention(named.ref, named.name, field, span)


def _pieces_of_one_name(span: Span, inside: list[Mention]) -> bool:
    """Whether the mentions inside a name of one body's form ("Public and Commercial
    Services Union", "National Committee to Preserve Social Security") are pieces the
    model cut from it: each lies within it, and none is a body a list knows ("the FBI and
    Justice Department" is two)."""
    joined = " and " in span.text and one_name(EDGES.sub("", span.text))
    if not joined and not named_for_a_cause(span):
        return False
    return all(
        span.start <= m.span.start + (m.span[0].lower_ == "the")  # "the National Committee"
        and m.span.end <= span.end
        and fold(m.name) not in gz.organization_by_form()
        for m in inside
    )


def _acronym_prefix(span: Span, inside: list[Mention]) -> Mention | None:
    """The mention of a body's acronym or of a seat of government that opens a longer name
    ("U.N." of "the U.N. Human Rights Council", "EU" of "EU Commission", "White House" of
    "the White House Homeland Security Council"), which that name replaces (an acronym's
    where the gazetteer knows it)."""
    first = span.start + (span[0].lower_ == "the")
    for mention in inside:
        word = mention.span.text
        seat = fold(EDGES.sub("", word)) in gz.seats()  # "the White House" + "... Council"
        if mention.span.start == first and (
            (len(mention.span) == 1 and word.upper() == word) or seat
        ):
            return mention if mention.span.end < span.end else None
    return None


def _grows(span: Span, inner: Mention, people: set[tuple[str, int]]) -> bool:
    """Whether a name of an organization's form around a mention is that organization's
    full name: the mention lies inside it, nothing it adds is a person's, and what it adds
    before the mention is a state, a county or a city ("Illinois" + "Department of
    Transportation") unless the mention is the model's own cut ("Chicago Coalition" + "for
    the Homeless"); a list ("the FBI and Justice Department") holds two mentions and is
    none."""
    doc, name = span.doc, inner.field.name
    # "the Board of Deputies" inside "Board of Deputies of British Jews": "the" is no word
    # of the name.
    first = inner.span.start + (inner.span[0].lower_ == "the" and len(inner.span) > 1)
    if not (span.start <= first and inner.span.end <= span.end) or span.end - span.start == (
        inner.span.end - first
    ):
        return False
    added = [i for i in range(span.start, span.end) if not first <= i < inner.span.end]
    if any((name, i) in people for i in added):
        return False
    before = doc[span.start : first]
    if any(t.text in ("and", "&", ",") for t in before):
        return False
    after = doc[inner.span.end : span.end]
    if any(t.text in ("and", "&", ",") for t in after) and not one_name(span.text):
        return False
    if not before:
        return True
    if before[-1].text in ("'s", "’s") and _place_before_name(before[:-1], inner.span):
        return False  # "Pennsylvania’s" + "Villanova University": where it is, no more name
    known = fold(inner.name) in gz.organization_by_form()
    # A listed name that ends a longer one is not that body ("the National Security
    # Council" is not the UN Security Council): capitalized words before it that are no
    # place make another name; a state's or city's name makes the state's or city's body.
    other = all(t.is_title and t.ent_type_ != "GPE" for t in before if t.lower_ != "the")
    return not known or _sub_national(before.text) or country_code(before.text) is not None or other


def _sub_national(text: str) -> bool:
    """Whether words name a state, a county or a city ("Illinois", "Cook County", "Chicago")."""
    text = EDGES.sub("", text).strip()
    if text.endswith(" County") or fold(text) in gz.state_by_form():
        return True
    return any(isinstance(p, gz.City) for p in gz.places(text))


def model_mentions(
    field: Field,
    people: set[tuple[str, int]],
    names: dict[Ref, OrganizationName],
    context: Context,
    outlets: set[tuple[str, int]],
) -> Iterator[Mention]:
    redefined = redefined_acronyms(context)
    for ent in field.ents:
        if ent.label_ == "PERSON" and (field.name, ent.start) not in outlets:
            named = person_labelled(field, ent, people)
            if named is not None:  # "the Proud Boys organization"
                _remember(names, named)
                yield Mention(named.ref, named.name, field, ent)
            continue
        if ent.label_ in OTHER_LABELS and (field.name, ent.start) not in outlets:
            named = otherwise_labelled(field, ent, people)
            if named is not None:  # "Environmental group Earthjustice"
                _remember(names, named)
                yield Mention(named.ref, named.name, field, ent)
            continue
        if (field.name, ent.start) in outlets:
            continue  # an outlet is not an organization here
        if ent.label_ != "ORG" and not (ent.label_ == OUTLET and ent.text in redefined):
            continue  # an outlet's acronym the article gives another name is that name's
        span, acronym = _extent(ent)
        if span is None:
            continue
        state = state_party(span)
        if state is not None:
            whole, party = state
            names.setdefault(party.ref, party)
            yield Mention(party.ref, party.name, field, whole)
            continue
        parts = run_together(span)
        if len(parts) > 1:
            # "Zillow, Pinterest Inc": names the model ran into one, each read alone.
            for part in parts:
                named = entity_organization(field, part, part, people, context)
                if named is not None:
                    _remember(names, named)
                    yield Mention(named.ref, named.name, field, part)
            continue
        named = entity_organization(field, ent, span, people, context)
        if named is not None:
            if acronym and acronym not in named.aliases and abbreviates(acronym, named.name):
                named = dataclasses.replace(named, aliases=(*named.aliases, acronym))
            _remember(names, named)
            if in_title(field, span, named):
                # "Senate Majority Leader", "House Speaker", "Army secretary": a chamber or
                # service named only as part of an office. Officials read it; the graph
                # does not get it.
                context.cache.setdefault("party adjectives", set()).add((field.name, span.start))
            yield Mention(named.ref, named.name, field, span)


def _remember(names: dict[Ref, OrganizationName], named: OrganizationName) -> None:
    """Keep how the article names an organization, with the other names each mention adds
    ("the Senate" after "the U.S. Senate")."""
    before = names.get(named.ref)
    if before is None:
        names[named.ref] = named
        return
    extra = [a for a in named.aliases if a not in before.aliases and a != before.name]
    if extra:
        names[named.ref] = dataclasses.replace(before, aliases=(*before.aliases, *extra))


def listed_companies(
    field: Field, taken: set[tuple[str, int]], people: set[tuple[str, int]]
) -> Iterator[tuple[Span, OrganizationName]]:
    """Companies the model did not find, named before a stock ticker ("shares of Qualcomm
    Inc (QCOM.O)") or with their legal form in a list ("Microsoft Corp, Salesforce.com
    Inc, Lyft"): the capitalized words before the ticker or the legal form."""
    doc = field.doc
    for index, token in enumerate(doc):
        legal = token.text.rstrip(".") in LEGAL_FORMS and doc[index - 1].text[:1].isupper()
        if index < 2 or not (legal or TICKER.fullmatch(token.text)):
            continue
        end = index - 1 if doc[index - 1].text == "(" else index
        if legal:
            end = index + 1  # the legal form is part of the name
        elif doc[end - 1].text in ("'s", "’s"):
            end -= 1
        start = end - 1 if legal else end
        while start > 0 and (
            doc[start - 1].is_title
            or doc[start - 1].is_upper
            or (doc[start - 1].text[:1].isupper() and doc[start - 1].text[-1:].isalpha())
            or (doc[start - 1].text in ("&", "of", "and") and start < end and not legal)
            or (doc[start - 1].text == "&" and legal)
            or (doc[start - 1].text == "." and start < end)
        ):
            start -= 1
        while start < end and (
            doc[start].text in ("&", "of", "and", ".") or is_descriptor(doc[start])
        ):
            start += 1
        if start >= end or any(
            (field.name, i) in taken or (field.name, i) in people for i in range(start, end)
        ):
            continue
        span = doc[start:end]
        text = EDGES.sub("", span.text)
        if text and not NOT_ORGANIZATION.search(text):
            yield span, known_organization(text) or company_named(text)


def named_companies(
    field: Field, taken: set[tuple[str, int]], people: set[tuple[str, int]]
) -> Iterator[tuple[Span, OrganizationName]]:
    """Companies of the reference list named in the text by a name of two words or more
    that no given name opens ("Lockheed Martin", "Wells Fargo"), where the model labelled
    none or only part of it ("Lockheed" ORG, "Martin" PRODUCT)."""
    if field.headline:
        return
    doc, text, by_first = field.doc, field.text, _company_names()
    for word in _CAPITALIZED.finditer(text):
        pattern = by_first.get(word.group())
        match = pattern.match(text, word.start()) if pattern is not None else None
        if match is None:
            continue
        span = doc.char_span(match.start(), match.end())
        if span is None:
            continue
        where = {(field.name, i) for i in range(span.start, span.end)}
        if where & taken or where & people:
            continue
        company = gz.listed_companies()[fold(match.group())]
        yield span, OrganizationName.of(company)


_CAPITALIZED = re.compile(r"(?<![\w&.'’-])[A-Z0-9][\w'’.&-]*")


@cache
def _company_names() -> dict[str, re.Pattern[str]]:
    """The reference list's names of two words or more, by first word: each first word's
    names as one pattern, longest first."""
    forms: dict[str, list[str]] = {}
    companies = gz.listed_companies().values()
    for form in {c.name for c in companies} | {a for c in companies for a in c.aliases}:
        first = form.split()[0]
        if " " in form and first not in gz.given_names():
            forms.setdefault(first, []).append(form)
    return {
        first: re.compile(
            "(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w&-])"
        )
        for first, names in forms.items()
    }


_JOIN_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "de", "du", "la", "&"})


def _extent(ent: Span) -> tuple[Span | None, str]:
    """The tokens of an entity that name the organization, and an acronym the model ran
    into it: bullets and lower-case words before the name go ("• Diagnostic", "the full
    City Council"), a bracketed acronym after it is set aside ("the Service Employees
    International Union (SEIU"), and a committee the model cut short gets its last word
    back ("the Senate Intelligence" + "Committee")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (
        not any(c.isalnum() for c in doc[start].text)
        or (doc[start].is_lower and doc[start].is_alpha and doc[start].lower_ != "the")
    ):
        if doc[start].text in ("(", "#", "@"):
            break
        start += 1
    if start + 1 < end and doc[start].lower_ == "the" and doc[start + 1].is_lower:
        start += 2
        while start < end and doc[start].is_lower:
            start += 1
    if start == ent.start and start > 0 and ordinal(doc[start - 1].text) and holds_head(ent):
        start -= 1  # "the 9th" + "U.S. Circuit Court of Appeals"
    if start == ent.start and ends_in_head(ent):
        start = _listed_words_before(ent)  # "the Construction, Forestry," + "Mining and ..."
    if start + 1 < end and doc[start].text == doc[start + 1].text:
        start += 1  # "British British Casino Association": a word written twice
    if (
        start + 2 < end
        and doc[start].is_sent_start
        and doc[start + 1].is_lower
        and doc[start + 1].is_alpha  # not "'s": "Moody's Investors Service said ..."
        and doc[start + 1].lower_ not in _JOIN_WORDS
    ):
        start += 2  # "Backers included" + "Hartwell Corp": a sentence's opening words
        while start < end and doc[start].is_lower:
            start += 1
    if start + 1 < end and TICKER.fullmatch(doc[end - 1].text):
        end -= 1  # "Broadcom Ltd AVGO.O": a stock ticker after the name
    if start + 1 < end and is_descriptor(doc[start]):
        start += 1  # "Chipmaker Qualcomm Inc": a trade before the name
    start = after_members(doc, start, end)  # "Members of the" + "Broken Arrow ... Club"
    for index in range(start + 1, end - 1):
        if doc[index].text not in ("'s", "’s"):
            continue
        if _possessive_name(doc[start : index + 1]):
            break  # "Moody's Investors Service": the company's name ends in "'s"
        if _body(doc[start:index]):
            start = index + 1  # "the University of Chicago’s Harris" + "Policy Labs": a part
        elif _place_before_name(doc[start:index], doc[index + 1 : end]):
            start = index + 1  # "Pennsylvania’s" + "Villanova University": where it is
        break
    acronym = ""
    for index in range(start + 1, end):
        if doc[index].text in HONORIFICS:
            end = index  # "the Foreign Policy Centre Mr Straw": a name run into the next
            break
    for index in range(start, end):
        if doc[index].text == "(":
            acronym = "".join(t.text for t in doc[index + 1 : end] if t.text != ")")
            end = index
            break
    if end < len(doc) and doc[end].lower_ in _COMMITTEE_WORDS and doc[end - 1].is_title:
        end += 1
    if start >= end:
        return None, ""
    return doc[start:end], acronym if acronym.isupper() else ""


def _possessive_name(span: Span) -> bool:
    """Whether words ending in "'s" are a listed body's or company's own name ("Moody's",
    "McDonald's"), not a place's or a body's possessive."""
    form = fold(span.text.removeprefix("the ").removeprefix("The "))
    return form in gz.organization_by_form() or form in gz.listed_companies()


def _listed_words_before(ent: Span) -> int:
    """Where a body's name begins when the model cut it at a list of capitalized words
    ("the Construction, Forestry," + "Mining and Energy Union", "the Women's and" +
    "Children's Hospital"): back over words that no entity holds, each followed by a comma
    or "and", to the word after a lower-case one; not to a sentence's first word, which
    is capitalized whatever it is ("Yesterday, Police Union ...")."""
    doc = ent.doc
    start = index = ent.start
    while index >= 2 and doc[index - 1].lower_ in (",", "and", "&"):
        word = index - 2
        if word >= 1 and doc[word].text in ("'s", "’s"):
            word -= 1  # "Women's and"
        if not (doc[word].is_title and doc[word].is_alpha) or doc[word].ent_iob_ != "O":
            break
        if doc[word].is_sent_start:
            break
        index = start = word
    return start


def _place_before_name(place: Span, rest: Span) -> bool:
    """Whether a place's possessive stands before a body's own name that ends in a head noun
    ("Pennsylvania’s Villanova University"), not before the words of the place's own body
    ("New York's Police Department", "Britain's Foreign Office") nor in a name ("America’s
    Health Insurance Plans")."""
    text = EDGES.sub("", place.text)
    if not (gz.places(text) or fold(text) in gz.state_by_form()):
        return False
    return (
        len(rest) >= 2
        and ends_in_head(rest)
        and fold(rest[0].text) not in GENERIC
        and not GOVERNMENT.match(rest.text)
    )


def _body(span: Span) -> bool:
    """Whether words name a body whole: a known one, or one by its form ("the University
    of Chicago", "the Police Department")."""
    text = EDGES.sub("", span.text)
    return fold(text) in gz.organization_by_form() or any(
        part.end == span.end for part in named_by_form(span.doc, span.start, span.end)
    )


_COMMITTEE_WORDS = frozenset({"committee", "subcommittee", "commission", "caucus"})
