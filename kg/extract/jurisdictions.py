"""Jurisdictions the role's phrase does not name, from the rest of the article (marked
inferred): the same person's stated office, the office-holder an aide serves, a title
joined by "and", the city or state the article names, the home country."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.home import home_country
from kg.extract.nlp import Field, analyse
from kg.extract.organizations import organization_mentions, organization_names
from kg.extract.owners import named_place_at, organization_before
from kg.extract.places import city_ref, country_ref, place_mentions
from kg.extract.positions import Holding, Jurisdiction
from kg.extract.titles import office_words
from kg.model import Ref
from kg.text import fold


@dataclass
class _Surroundings:
    """The cities and states an article names, counted: where a city or state office is."""

    cities: Counter[Jurisdiction]
    states: Counter[Jurisdiction]


def _surroundings(fields: tuple[Field, ...], context: Context) -> _Surroundings:
    """Cities, and the cities of organizations (the NYPD's); states and regions GeoNames
    does not know as a city or country."""
    around = _Surroundings(Counter(), Counter())
    for mention in place_mentions(context):
        if mention.ref.kind == "city":
            around.cities[Jurisdiction(mention.ref, mention.name)] += 1
    for field in fields:
        for ent in field.ents:
            if ent.label_ in ("GPE", "NORP") and not gz.places(ent.text) and ent.text[:1].isupper():
                region = named_place_at(field, ent.start)
                if region is not None and region[0].ref.kind == "state":
                    around.states[Jurisdiction(region[0].ref, region[0].name)] += 1
    for mention in organization_mentions(context):
        named = organization_names(context).get(mention.ref)
        if named is not None and named.city is not None:
            around.cities[Jurisdiction(city_ref(named.city), gz.city(named.city).name)] += 1
    return around


def fill_in(found: list[Holding], context: Context) -> None:
    """Jurisdictions from context: the same person's stated office, an aide's from whom they
    serve, else the place or body the passage or the article is about."""
    fields = analyse(context)
    around = _surroundings(fields, context)
    stated: dict[tuple[Ref, str], Jurisdiction] = {}
    national: dict[Ref, Jurisdiction] = {}
    served: dict[Ref, Jurisdiction] = {}
    marked: dict[tuple[str, int], set[str]] = {}
    by_end: dict[tuple[str, int], Holding] = {}
    for holding in found:
        where, person = holding.jurisdiction, holding.person
        if where is None or holding.serves is not None:
            continue
        stated.setdefault((person.ref, fold(holding.role.text)), where)
        served.setdefault(person.ref, where)
        if where.ref.kind == "country":
            national.setdefault(person.ref, where)
            sentence = person.field.sentence_index(person.span.start_char)
            marked.setdefault((person.field.name, sentence), set()).add(where.ref.key[8:])
        by_end[person.field.name, person.span.end] = holding
    # "Shadow Treasurer" is the opposition's mirror of the Treasurer: the same country.
    offices: dict[str, Jurisdiction] = {}
    for holding in found:
        if holding.jurisdiction is not None and holding.serves is None:
            offices.setdefault(office_words(holding.role.text), holding.jurisdiction)
    first: dict[tuple[Ref, str], Jurisdiction | None] = {}
    for holding in found:
        if holding.jurisdiction is not None:
            continue
        holding.inferred = True
        person, scope = holding.person, holding.role.scope
        key = (person.ref, fold(holding.role.text))
        if key in stated:
            holding.jurisdiction = stated[key]
            continue
        if key in first:
            holding.jurisdiction = first[key]
            continue
        doc = person.field.doc
        ahead = None
        if (
            holding.titled
            and holding.role.start > 1
            and doc[holding.role.start - 1].lower_ == "and"
        ):
            # "German Chancellor Gerhard Schroeder and Foreign Minister Joschka Fischer".
            ahead = by_end.get((person.field.name, holding.role.start - 1))
        if ahead is not None and ahead.role.scope == scope:
            holding.jurisdiction = ahead.jurisdiction
        elif holding.serves is not None:
            # The office of whom they serve; else, as the text says, that person.
            boss = holding.serves
            holding.jurisdiction = served.get(boss.ref)
            if holding.jurisdiction is None:
                holding.jurisdiction = Jurisdiction(boss.ref, boss.name)
                holding.inferred = False
        elif scope == "city" and around.cities:
            nearest = _nearest_city(holding, context)
            holding.jurisdiction = nearest or around.cities.most_common(1)[0][0]
        elif scope == "state" and around.states:
            holding.jurisdiction = around.states.most_common(1)[0][0]
        elif scope in ("country", "state"):
            mirrored = _shadowed(holding.role.text)
            holding.jurisdiction = (
                national.get(person.ref)
                or (offices.get(mirrored) if mirrored else None)
                or _home(holding, marked, context)
            )
            if holding.jurisdiction is not None and holding.jurisdiction.ref.kind == "country":
                # One person's offices with no country stated are in one country ("Defence
                # Minister Robert Hill ... Senator Hill").
                national.setdefault(person.ref, holding.jurisdiction)
        elif scope == "body":
            body = organization_before(
                person.field, max(holding.role.start - 1, 0), context, anywhere=True
            )
            if body is not None:
                holding.jurisdiction = Jurisdiction(body[0].ref, body[0].name)
        first[key] = holding.jurisdiction
        if holding.jurisdiction is not None:
            offices.setdefault(office_words(holding.role.text), holding.jurisdiction)


def _shadowed(role: str) -> str | None:
    """The office a shadow office mirrors ("Shadow Treasurer" -> "treasurer"), if it is one."""
    words = fold(role).split(" ")
    return " ".join(words[1:]) if len(words) > 1 and words[0] == "shadow" else None


def _home(
    holding: Holding, marked: dict[tuple[str, int], set[str]], context: Context
) -> Jurisdiction | None:
    """A national office with no country stated is the home country's (home.py); a country
    that qualifies another office in the same sentence ("talks with Indonesian President
    Megawati") is foreign to this one."""
    person = holding.person
    sentence = person.field.sentence_index(person.span.start_char)
    foreign = frozenset(marked.get((person.field.name, sentence), ()))
    iso = home_country(context, field=person.field.name, sentence=sentence, exclude=foreign)
    country = gz.country(iso) if iso else None
    if iso is None or country is None:
        return None
    return Jurisdiction(country_ref(iso), country.name)


def _nearest_city(holding: Holding, context: Context) -> Jurisdiction | None:
    """The city named closest to the person in the same field: the one the passage is about."""
    where = holding.person.span.start_char
    near = [
        m
        for m in place_mentions(context)
        if m.ref.kind == "city" and m.field is holding.person.field
    ]
    if not near:
        return None
    closest = min(near, key=lambda m: abs(m.span.start_char - where))
    return Jurisdiction(closest.ref, closest.name)
