"""Officials: people holding an office, with the role as stated and the jurisdiction it belongs to.

Where the text states an office (titles.py: next to a name), what it names with it
(owners.py), and the jurisdiction the phrase leaves out (jurisdictions.py: from the rest
of the article, marked inferred) are worked out in their own modules; this one puts them
together and states the facts. docs/extraction.md has every shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from kg.extract import Context, extractor
from kg.extract.appositions import appositions
from kg.extract.great_offices import great_offices_alone
from kg.extract.jurisdictions import fill_bodies, fill_in
from kg.extract.nlp import analyse
from kg.extract.officeholders import ended, no_older_than, spells
from kg.extract.offices import PUBLIC, opposition_abroad, settle, unplaced_titles
from kg.extract.organizations import (
    organization_facts,
    organization_mentions,
    organization_named,
    organization_names,
)
from kg.extract.people import person_mentions
from kg.extract.places import city_facts, city_ref, country_facts, place_mentions
from kg.extract.positions import Holding, Jurisdiction, Named
from kg.extract.quotation_marks import quotation_spans
from kg.extract.roles import role_name
from kg.extract.titles import delayed, holdings_of, referred, taking_office
from kg.model import Article, Evidence, Fact, Iri, Ref
from kg.namespaces import KG, OWL, RDF, SDO
from kg.text import fold


def holdings(context: Context) -> list[Holding]:
    """Every office the article's text gives a person."""
    found = context.cache.get("officials")
    if found is None:
        named: Named = {}
        for kind, mentions in (
            ("place", place_mentions(context)),
            ("organization", organization_mentions(context)),
            ("person", person_mentions(context)),
        ):
            for mention in mentions:
                for i in range(mention.span.start, mention.span.end):
                    named[mention.field.name, i] = (mention, kind)
        found = [h for m in person_mentions(context) for h in holdings_of(m, named, context)]
        found += appositions(context, named)
        fields = analyse(context)
        for field in fields:
            found += taking_office(field, named, context)
        for field in fields:
            found += delayed(field, found, named, context)
        for field in fields:
            found += referred(field, found, named, context)
        found += great_offices_alone(context, found)
        # An office named only inside a quotation is the speaker's word, not the report's
        # ("President Arafat asked ...", in his adviser's quotation).
        found = [h for h in found if not _quoted(h, context)]
        _dated(found, context)
        _ended(found, context)
        _left(found)
        fill_bodies(found, context)
        settle(found, context)
        fill_in(found, context)
        opposition_abroad(found)
        unplaced_titles(found)
        context.cache["officials"] = found
    return found


_IN_YEAR = re.compile(r"\W*(?:back )?in (\d{4})\b", re.IGNORECASE)


def _dated(found: list[Holding], context: Context) -> None:
    """ "In 2012, mayor Rahm Emanuel closed 50 schools": an office stated in a sentence set in
    a year before the article's is held then, not now. A peerage, which states no office,
    is a peer's of then in a sentence naming only years long before the article's (or, with
    no date, the latest year the article names): "The last prime minister ... was Lord
    Liverpool, ... in 1812"."""
    published = context.article.published
    # An undated article is no older than the latest year it names.
    named = [int(y) for y in _YEAR.findall(context.article.body)]
    now = published.year if published is not None else max(named, default=None)
    for holding in found:
        person = holding.person
        sentence = person.field.sentence_at(person.span.start_char)
        year = _IN_YEAR.match(sentence)
        if published is not None and year is not None and int(year.group(1)) < published.year:
            holding.role = replace(holding.role, past=True)
        elif holding.pattern == "peerage" and now is not None:
            years = [int(y) for y in _YEAR.findall(sentence)]
            if years and max(years) < now - _LONG_BEFORE:
                holding.role = replace(holding.role, past=True)


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_LONG_BEFORE = 10
"""How many years before the article a year is history rather than news."""


_NAME = r"[A-Z][\w.'’-]*"
_LEFT = re.compile(
    # An apposition, a relative clause or "of" and a state after the name; or another
    # titled name it is coordinated with ("Conyers and Republican Representative Trent
    # Franks resigned").
    rf"^(?:\s*,[^,;]{{1,120}},|\s*,\s+who|\s+of\s+{_NAME}(?:\s+{_NAME})?)?"
    rf"(?:\s+and\s+(?:{_NAME}\s+){{1,5}}{_NAME})?\s+(?:has\s+|had\s+)?"
    r"(?:resigned|stepped down|quit|retired|died|was (?:fired|ousted|dismissed|removed)|"
    r"announced (?:his|her) (?:immediate )?(?:retirement|resignation))\b"
)


def _left(found: list[Holding]) -> None:
    """ "Representative John Conyers, a Democrat from Michigan, resigned after ...", "X, who
    was fired in May", "Sir Anthony Meyer, the Tory backbencher who ..., has died", "John
    Conyers of Michigan announced his immediate retirement", "X and Representative Y
    resigned": the office named with a person who has left it is past."""
    for holding in found:
        person = holding.person
        after = person.field.text[person.span.end_char : person.span.end_char + 120]
        if not holding.role.past and _LEFT.match(after):
            holding.role = replace(holding.role, past=True)


def _ended(found: list[Holding], context: Context) -> None:
    """An office the officeholders table shows its holder had left before the article's date
    ("the previous administration of President Barack Obama", in late 2017) is past; with
    no date, before another office the article gives began ("President Donald Trump") or
    was left ("former President Barack Obama")."""
    published = context.article.published
    when = published.date() if published is not None else None
    if when is None:
        # No date: the article is no older than the latest start of an office it gives
        # someone that the table knows ("President Donald Trump": 2017-01-20 or later).
        bounds = [no_older_than(h.person.name, h.role.text, former=h.role.past) for h in found]
        when = max((d for d in bounds if d is not None), default=None)
    for holding in found:
        person, role = holding.person, holding.role
        if not role.past and ended(person.name, when, role.text, earliest=published is None):
            holding.role = replace(role, past=True)


def _quoted(holding: Holding, context: Context) -> bool:
    field = holding.person.field
    start = field.doc[holding.role.start].idx
    # A quotation the marks leave open over paragraphs is not trusted that far: only one of
    # a sentence or two ("President Arafat asked us to wait," he said) hides an office.
    return any(s <= start < e and e - s <= _QUOTED for s, e in quotation_spans(context, field))


_QUOTED = 300
"""The longest quotation (in characters) whose offices are the speaker's words."""


def position_ref(person: Ref, role: str, jurisdiction: Ref | None, *, former: bool = False) -> Ref:
    """The identity of a position: holder, folded role, jurisdiction (a former one's role
    is marked, so that a former and a current mayor of one city are two positions)."""
    where = jurisdiction.key if jurisdiction else ""
    title = f"former {fold(role)}" if former else fold(role)
    return Ref(f"position/{person.key}|{title}|{where}")


def jurisdiction_facts(jurisdiction: Jurisdiction, context: Context) -> Iterator[Fact]:
    """Describe a jurisdiction: its name and type, whatever kind of node it is."""
    kind, _, value = jurisdiction.ref.key.partition("/")
    if kind == "country":
        yield from country_facts(value)
    elif kind == "state":
        yield Fact(jurisdiction.ref, RDF.type, Iri(SDO.State))
        yield Fact(jurisdiction.ref, SDO.name, jurisdiction.name)
    elif kind == "city":
        yield from city_facts(int(value))
    elif kind == "organization":
        # "Palestinian leader": a body no sentence names still needs its name.
        named = organization_names(context).get(jurisdiction.ref) or organization_named(
            jurisdiction.name
        )
        if named is not None:
            city = city_ref(named.city) if named.city is not None else None
            if named.city is not None:
                yield from city_facts(named.city)
            yield from organization_facts(named, city)


@extractor(
    "officials",
    emits={"kg:Official", "kg:Position", "owl:sameAs"},
    requires={"people", "places", "organizations"},
)
def officials(article: Article, context: Context) -> Iterator[Fact]:
    """Positions people hold, or held before ("former"), with role, jurisdiction and the
    article that reports them; identifiers of the officeholders the reference table knows."""
    seen: set[tuple[Ref, Ref]] = set()
    linked: set[Ref] = set()
    found = holdings(context)
    chosen = one_office_each(found)
    for holding in found:
        if holding.kind != PUBLIC or holding.role.sought:
            continue
        if (
            not holding.role.past
            and chosen.get((holding.person.field.article, holding.person.ref)) is not holding
        ):
            continue
        person, where, former = holding.person, holding.jurisdiction, holding.role.past
        name = role_name(holding.role, person.field.doc)
        position = position_ref(person.ref, name, where.ref if where else None, former=former)
        if (person.field.article, position) in seen:
            continue
        seen.add((person.field.article, position))
        evidence = _evidence(holding)
        yield Fact(position, RDF.type, Iri(KG.Position))
        if former:
            yield Fact(position, KG.formerHolder, person.ref)
            yield Fact(person.ref, KG.heldPosition, position)
        else:
            yield Fact(person.ref, RDF.type, Iri(KG.Official))
            yield Fact(position, KG.holder, person.ref)
            yield Fact(person.ref, KG.holdsPosition, position)
        yield Fact(position, SDO.roleName, name)
        yield Fact(position, KG.reportedIn, person.field.article, evidence)
        if where is not None:
            yield Fact(
                position, KG.jurisdiction, where.ref, replace(evidence, inferred=holding.inferred)
            )
            yield from jurisdiction_facts(where, context)
        if not former and person.ref not in linked:
            linked.add(person.ref)
            for identifier in _identifiers(holding, context):
                yield Fact(person.ref, OWL.sameAs, Iri(identifier), evidence)


def one_office_each(found: list[Holding]) -> dict[tuple[Ref, Ref], Holding]:
    """The one current office stated for each person of an article: the one with a
    jurisdiction, other than a peerage, written as a title before the name, first in the
    text. The forms an
    article gives one officeholder ("Senator Bob Corker, chairman of the Senate Foreign
    Relations Committee", "Trent Franks ... Congressman Franks") are one official
    (LABELLING.md: several forms of one role), not one official per form."""
    chosen: dict[tuple[Ref, Ref], Holding] = {}
    ranked = sorted(
        (h for h in found if h.kind == PUBLIC and not h.role.sought and not h.role.past),
        # A peer's other office first ("Lord Woolf, the Lord Chief Justice").
        key=lambda h: (h.jurisdiction is None, h.pattern == "peerage", not h.titled),
    )
    for holding in ranked:
        chosen.setdefault((holding.person.field.article, holding.person.ref), holding)
    return chosen


def _evidence(holding: Holding) -> Evidence:
    person = holding.person
    doc = person.field.doc
    passage = doc[
        min(person.span.start, holding.role.start) : max(person.span.end, holding.role.end)
    ]
    return Evidence(
        "officials",
        person.field.name,
        passage.start_char,
        passage.end_char,
        person.field.sentence_at(passage.start_char),
    )


def _identifiers(holding: Holding, context: Context) -> tuple[str, ...]:
    """The Wikidata and Bioguide IRIs of an officeholder the reference table knows: one who
    holds the office the text gives them on the article's date (a president, a member of
    Congress: "Speaker John Boehner", "President Obama")."""
    published = context.article.published
    found = spells(holding.person.name, published.date() if published else None, holding.role.text)
    return found[0].identifiers if found else ()
