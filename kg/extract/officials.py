"""Officials: people holding an office, with the role as stated and the jurisdiction it belongs to.

Three shapes, found over tokens next to each person's name:

- a title before the name: "New York City Mayor Eric Adams", "Pakistan's Foreign Minister
  Abdul Sattar", "Adams spokesperson Fabien Levy" (an aide takes the jurisdiction of the
  office-holder they serve);
- an apposition after it: "Aaron Peskin, the city supervisor who ...", "Albert Fox Cahn,
  head of the Surveillance Technology Oversight Project";
- where the phrase names no jurisdiction, the article's most named city (for city offices)
  or country (for national ones) is taken, and the evidence says it was inferred.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract import Context, extractor
from kg.extract import gazetteers as gz
from kg.extract.nlp import Field, Mention, analyse
from kg.extract.organizations import organization_mentions, organization_named
from kg.extract.people import person_mentions
from kg.extract.places import city_facts, city_ref, country_facts, country_ref, place_mentions
from kg.extract.roles import MODIFIERS, Role, role_ending_at, role_starting_at
from kg.model import Article, Evidence, Fact, Iri, Ref
from kg.namespaces import KG, RDF, SDO
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Ranks that may stand between an office and the name ("President General Pervez Musharraf").
_RANKS = frozenset({"general", "gen", "colonel", "admiral", "rear", "brigadier", "dr", "mr", "ms"})
_LONGEST_TAIL = 6
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """The place, body or person an office belongs to."""

    ref: Ref
    name: str


@dataclass(slots=True)
class Holding:
    """One person holding one role, as one passage states it."""

    person: Mention
    role: Role
    jurisdiction: Jurisdiction | None
    inferred: bool = False
    serves: Mention | None = None
    """For aides: the mention of the office-holder they serve ("Adams spokesperson")."""


def holdings(context: Context) -> list[Holding]:
    """Every office the article's text gives a person."""
    fields = analyse(context)
    named: dict[tuple[str, int], tuple[Mention, str]] = {}
    for kind, mentions in (
        ("place", place_mentions(context)),
        ("organization", organization_mentions(context)),
        ("person", person_mentions(context)),
    ):
        for mention in mentions:
            for i in range(mention.span.start, mention.span.end):
                named[mention.field.name, i] = (mention, kind)
    found = [h for m in person_mentions(context) for h in _holdings_of(m, named)]
    _fill_in(found, fields, context)
    return found


def _holdings_of(
    person: Mention, named: dict[tuple[str, int], tuple[Mention, str]]
) -> Iterator[Holding]:
    doc = person.field.doc
    end = person.span.start
    while end > 0 and doc[end - 1].lower_.rstrip(".") in _RANKS:
        end -= 1
    # "The Immigration Minister, Philip Ruddock, says": the title set off by a comma.
    if end > 1 and doc[end - 1].text == ",":
        end -= 1
    role = role_ending_at(doc, end)
    if role is not None:
        holding = Holding(person, role, None)
        owner = _entity_before(person.field, role.start, named)
        _set(holding, owner)
        if owner is not None:
            holding.role = _with_modifiers_before(doc, owner[0].span.start, role)
        yield holding
    else:
        yield from _role_of_before(person, end, named)
    after = person.span.end
    if after < len(doc) - 1 and doc[after].text == ",":
        start = after + 1
        if doc[start].lower_ in _DETERMINERS:
            start += 1
        owner = None
        if (person.field.name, start) in named:
            owner = named[person.field.name, start]
            start = owner[0].span.end
            if start < len(doc) and doc[start].lower_ in ("'s", "’s"):
                start += 1
        role = role_starting_at(doc, start)
        if role is None:
            return
        holding = Holding(person, role, None)
        if owner is not None:
            _set(holding, owner)
        elif role.end < len(doc) - 1 and doc[role.end].lower_ in ("of", "for", "at"):
            target = role.end + 1
            if doc[target].lower_ == "the" and target < len(doc) - 1:
                target += 1
            _set(holding, named.get((person.field.name, target)) or _norp(person.field, target))
        yield holding


def _role_of_before(
    person: Mention, end: int, named: dict[tuple[str, int], tuple[Mention, str]]
) -> Iterator[Holding]:
    """ "the Mayor of New York, Rudolph Giuliani" (of a place or body: its jurisdiction);
    "the UN High Commissioner for Refugees, Ruud Lubbers" (of a portfolio: part of the role)."""
    doc, field = person.field.doc, person.field
    for link in range(end - 1, max(end - _LONGEST_TAIL, 0), -1):
        if doc[link].lower_ not in ("of", "for"):
            continue
        role = role_ending_at(doc, link)
        if role is None:
            return
        target = link + 1 + (doc[link + 1].lower_ == "the")
        owner = named.get((field.name, target)) or _norp(field, target)
        holding = Holding(person, role, None)
        if owner is not None and owner[0].span.end == end:
            _set(holding, owner)
        elif all(t.is_title or t.lower_ in ("of", "for", "and") for t in doc[link + 1 : end]):
            holding.role = Role(doc[role.start : end].text, role.scope, role.start, end)
            _set(holding, _entity_before(field, role.start, named))
        else:
            return
        yield holding
        return


def _with_modifiers_before(doc: Doc, start: int, role: Role) -> Role:
    """ "chief Palestinian negotiator": modifiers before the jurisdiction belong to the role."""
    first = start
    while first > 0 and doc[first - 1].lower_ in MODIFIERS:
        first -= 1
    if first == start:
        return role
    return Role(f"{doc[first:start].text} {role.text}", role.scope, role.start, role.end)


def _entity_before(
    field: Field, start: int, named: dict[tuple[str, int], tuple[Mention, str]]
) -> tuple[Mention, str] | None:
    doc = field.doc
    index = start - 1
    if index >= 0 and doc[index].lower_ in ("'s", "’s"):
        index -= 1
    if index < 0:
        return None
    return named.get((field.name, index)) or _norp(field, index)


def _norp(field: Field, index: int) -> tuple[Mention, str] | None:
    """A demonym ("Indian") or an unknown state or region name, as a jurisdiction."""
    if index >= len(field.doc):
        return None
    token = field.doc[index]
    if token.ent_type_ not in ("NORP", "GPE"):
        return None
    span = field.ent_at[index]
    if span.text in ("Federal", "State"):
        return None  # "Federal Treasurer": the country, found from context
    iso = gz.demonyms().get(span.text)
    if iso is not None and iso.startswith("org:"):
        named = organization_named(iso[4:])
        if named is not None:
            return Mention(named.ref, named.name, field, span), "organization"
    if iso is not None:
        country = gz.country(iso)
        if country is not None:
            return Mention(country_ref(iso), country.name, field, span), "place"
    if span.label_ == "GPE":
        return Mention(Ref(f"state/{fold(span.text)}"), span.text, field, span), "place"
    return None


def _set(holding: Holding, found: tuple[Mention, str] | None) -> None:
    if found is None:
        return
    mention, kind = found
    if kind == "person":
        holding.serves = mention
    else:
        holding.jurisdiction = Jurisdiction(mention.ref, mention.name)


@dataclass
class _Surroundings:
    """The places an article names, counted: where an office with no stated place is."""

    cities: Counter[Jurisdiction]
    countries: Counter[Jurisdiction]
    states: Counter[Jurisdiction]
    by_sentence: dict[tuple[str, int], Counter[Jurisdiction]]
    """Countries by (field, sentence start)."""


def _surroundings(fields: tuple[Field, ...], context: Context) -> _Surroundings:
    """Countries, demonyms ("Indian") and the countries of cities; cities, and the cities of
    organizations (the NYPD's); regions GeoNames does not know as a city or country."""
    around = _Surroundings(Counter(), Counter(), Counter(), {})
    for mention in place_mentions(context):
        sentence = around.by_sentence.setdefault(
            (mention.field.name, mention.span.sent.start), Counter()
        )
        if mention.ref.kind == "city":
            around.cities[Jurisdiction(mention.ref, mention.name)] += 1
            code = gz.city(int(mention.ref.key.partition("/")[2])).country
            _count_country(around.countries, code)
            _count_country(sentence, code)
        else:
            around.countries[Jurisdiction(mention.ref, mention.name)] += 1
            sentence[Jurisdiction(mention.ref, mention.name)] += 1
    for field in fields:
        for ent in field.ents:
            demonym = gz.demonyms().get(ent.text) if ent.label_ == "NORP" else None
            if demonym is not None and not demonym.startswith("org:"):
                _count_country(around.countries, demonym)
                key = (field.name, ent.sent.start)
                _count_country(around.by_sentence.setdefault(key, Counter()), demonym)
            if ent.label_ == "GPE" and not gz.places(ent.text) and ent.text[:1].isupper():
                region = _norp(field, ent.start)
                if region is not None and region[0].ref.kind == "state":
                    around.states[Jurisdiction(region[0].ref, region[0].name)] += 1
    for mention in organization_mentions(context):
        named = organization_named(mention.span.text)
        if named is not None and named.city is not None:
            around.cities[Jurisdiction(city_ref(named.city), gz.city(named.city).name)] += 1
    return around


def _fill_in(found: list[Holding], fields: tuple[Field, ...], context: Context) -> None:
    """Jurisdictions from context: the same person's stated office, an aide's from whom they
    serve, else the place the passage or the article is about."""
    around = _surroundings(fields, context)
    served = {h.person.ref: h.jurisdiction for h in found if h.jurisdiction and not h.serves}
    stated: dict[Ref, Jurisdiction] = {}
    for holding in found:
        if holding.jurisdiction is not None and not holding.serves:
            stated.setdefault(holding.person.ref, holding.jurisdiction)
    for holding in found:
        if holding.jurisdiction is not None:
            continue
        holding.inferred = True
        scope = holding.role.scope
        if holding.person.ref in stated and scope != "aide":
            holding.jurisdiction = stated[holding.person.ref]
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
        elif scope in ("country", "state") and around.countries:
            # A country named in the official's own sentence, else the article's.
            person = holding.person
            sentence = around.by_sentence.get((person.field.name, person.span.sent.start))
            holding.jurisdiction = (sentence or around.countries).most_common(1)[0][0]


def _count_country(countries: Counter[Jurisdiction], iso: str) -> None:
    country = gz.country(iso)
    if country is not None:
        countries[Jurisdiction(country_ref(iso), country.name)] += 1


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


def position_ref(person: Ref, role: str, jurisdiction: Ref | None) -> Ref:
    """The identity of a position: holder, folded role, jurisdiction."""
    where = jurisdiction.key if jurisdiction else ""
    return Ref(f"position/{person.key}|{fold(role)}|{where}")


def jurisdiction_facts(jurisdiction: Jurisdiction) -> Iterator[Fact]:
    """Describe a jurisdiction that no other extractor describes (countries, states, cities)."""
    kind, _, value = jurisdiction.ref.key.partition("/")
    if kind == "country":
        yield from country_facts(value)
    elif kind == "state":
        yield Fact(jurisdiction.ref, RDF.type, Iri(SDO.State))
        yield Fact(jurisdiction.ref, SDO.name, jurisdiction.name)
    elif kind == "city":
        yield from city_facts(int(value))


@extractor(
    "officials",
    emits={"kg:Official", "kg:Position"},
    requires={"people", "places", "organizations"},
)
def officials(article: Article, context: Context) -> Iterator[Fact]:
    """Positions people hold, with role, jurisdiction and the article that reports them."""
    seen: set[tuple[Ref, Ref]] = set()
    for holding in holdings(context):
        person = holding.person
        where = holding.jurisdiction
        position = position_ref(person.ref, holding.role.text, where.ref if where else None)
        if (person.field.article, position) in seen:
            continue
        seen.add((person.field.article, position))
        doc = person.field.doc
        start = min(person.span.start, holding.role.start)
        end = max(person.span.end, holding.role.end)
        passage = doc[start:end]
        evidence = Evidence(
            "officials",
            person.field.name,
            passage.start_char,
            passage.end_char,
            passage.sent.text.strip(),
        )
        yield Fact(person.ref, RDF.type, Iri(KG.Official))
        yield Fact(position, RDF.type, Iri(KG.Position))
        yield Fact(position, KG.holder, person.ref)
        yield Fact(person.ref, KG.holdsPosition, position)
        yield Fact(position, SDO.roleName, holding.role.text)
        yield Fact(position, KG.reportedIn, person.field.article, evidence)
        if where is not None:
            inferred = Evidence(
                evidence.extractor,
                evidence.field,
                evidence.start,
                evidence.end,
                evidence.sentence,
                inferred=holding.inferred,
            )
            yield Fact(position, KG.jurisdiction, where.ref, inferred)
            yield from jurisdiction_facts(where)
