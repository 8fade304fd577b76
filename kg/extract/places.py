"""Cities (and the countries that officials serve), found in the text and resolved with GeoNames."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract import Context, extractor
from kg.extract import gazetteers as gz
from kg.extract.localities import (
    Candidate,
    after_where,
    domestic_countries,
    hyphenated_towns,
    in_list_of_places,
    is_region,
    listed_towns,
    named_as_town,
    not_the_place,
    opens_feature,
    supported_towns,
    unlabelled_after_where,
    unlabelled_before_mayor,
    without_neighbourhoods,
)
from kg.extract.nlp import Field, Mention, analyse, first_mentions, in_text_order, mention_facts
from kg.extract.people import person_mentions
from kg.model import Article, Fact, Iri, Ref
from kg.namespaces import GEONAMES, OWL, RDF, SDO
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Span

_PLACE_LABELS = frozenset({"GPE", "LOC"})
# Lower-case words before a city that name a part of it ("west Jerusalem").
_QUARTERS = frozenset(
    """
    north south east west northern southern eastern western central downtown greater
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Labels the model gives towns it does not know, read as a town where the words before say
# it is a place ("near Mount Gambier" as FAC, "near Bowling Green" as ORG).
_NAMES_OF_TOWNS = frozenset({"FAC", "ORG", "PERSON"})
# The statistical model often takes "Miami Police" or "Brisbane City Council" as one
# organization; a city that opens such a name is still a city mention.
_LONGEST_CITY_PREFIX = 3
_BIG_CITY = 100_000
# Entities the model takes a place inside for: buildings, bodies, works and events.
_INSIDE_WHERE = frozenset({"FAC", "ORG", "WORK_OF_ART", "EVENT"})
# Events named by the city that holds them ("the Adelaide Test"): the city is a place.
_EVENTS = frozenset({"Test", "Olympics", "Games", "Summit", "Marathon"})
_HUGE_CITY = 400_000


def city_ref(geonameid: int) -> Ref:
    """The identity of a city: its GeoNames id."""
    return Ref(f"city/{geonameid}")


def country_ref(iso: str) -> Ref:
    """The identity of a country: its ISO 3166-1 alpha-2 code."""
    return Ref(f"country/{iso}")


def place_mentions(context: Context) -> list[Mention]:
    """Every city and country named in the article's fields (cached for other extractors)."""
    found = context.cache.get("places")
    if found is None:
        persons = person_mentions(context)
        people = {(m.field.name, i) for m in persons for i in range(m.span.start, m.span.end)}
        # People the article names by one word ("daughter Victoria"): that word elsewhere is
        # the person too ("Victoria, a lobbyist, ..." as ORG), unless after "in" or "from".
        lone = frozenset(fold(m.name) for m in persons if " " not in m.name)
        found = context.cache["places"] = _find(analyse(context), people, lone)
    return found


def _find(
    fields: tuple[Field, ...], people: set[tuple[str, int]], lone: frozenset[str] = frozenset()
) -> list[Mention]:
    candidates: list[Candidate] = []
    inside_names: list[Candidate] = []
    # Names no list of cities of 15,000 knows, or a lone word the model took for a person
    # after "from" or "in": towns, when the article's country supports them.
    small: list[tuple[Field, Span]] = []
    big: list[tuple[Field, Span]] = []
    # Which rule found each name (`Mention.how`), by field and span.
    how: dict[tuple[str, int, int], str] = {}

    def found(field: Field, span: Span, rule: str) -> tuple[Field, Span]:
        how.setdefault((field.name, span.start, span.end), rule)
        return field, span

    for field in fields:
        for ent in field.ents:
            span = ent
            while len(span) > 1 and (span[0].lower_ == "the" or span[0].text in _QUARTERS):
                span = span[1:]  # "the", "in west Jerusalem": the city
            if len(span) > 1 and span[-1].lower_ in ("'s", "’s"):
                span = span[:-1]  # "New Zealand's ambassador"
            span = _hyphenated_place(span)  # "Stratford" + "-upon-Avon"
            if not_the_place(field, span, people):
                continue
            if len(span) == 1 and fold(span.text) in lone and not after_where(span):
                continue
            if ent.label_ in _PLACE_LABELS:
                options = gz.places(span.text)
                if options and is_region(field, span, options[0]):
                    continue
                if options:
                    found(field, span, "model-place")
                    candidates.append((field, span, options))
                elif fold(span.text) not in gz.regions():
                    small.append(found(field, span, "model-place-town"))
            elif ent.label_ in _INSIDE_WHERE and (inside := _where_inside(span)) is not None:
                # "the Golden Temple in Amritsar" (one FAC entity), "the first Test in
                # Adelaide" (a work, to the model): the town after "in"
                small.append(found(field, inside, "inside-where"))
            elif ent.label_ == "FAC" and (parts := _listed_places(span)):
                # "Doncaster, Hartlepool, North Tyneside" as one building
                candidates += [(*found(field, part, "listed"), options) for part, options in parts]
            elif _town_named(ent, span):
                # "near Bowling Green", "the capital, Honiara"
                small.append(found(field, span, "named-as-town"))
            elif ent.label_ == "PERSON" and len(span) == 1 and not _ends_a_name(span):
                if after_where(span, also_people=True) or in_list_of_places(field, span):
                    # "both from Keighley", "Tamworth, Gunnedah"
                    small.append(found(field, span, "person-where"))
                elif not any((field.name, i) in people for i in range(span.start, span.end)):
                    # No person's name to the people extractor: a big city of the
                    # article's country ("including Perth and Darwin").
                    big.append(found(field, span, "person-big-city"))
            elif ent.label_ == "PERSON" and len(span) > 1 and after_where(span):
                # "100 kilometres west of Alice Springs": a town of two words after a
                # preposition of place, when the article's country supports it.
                small.append(found(field, span, "person-where"))
            elif ent.label_ == "PERSON" and len(span) > 1:
                # The model takes some two-word towns for people ("Khan Yunis").
                options = [
                    p
                    for p in gz.places(span.text, primary=True)
                    if isinstance(p, gz.City) and p.population >= _BIG_CITY
                ]
                if options:
                    found(field, span, "person-two-words")
                    inside_names.append((field, span, options))
            elif ent.label_ == "ORG" and not ent.ent_id_ and len(span) == 1 and after_where(span):
                # "spoke in Torquay": a town the model missed
                small.append(found(field, span, "organization-where"))
            elif ent.label_ in ("ORG", "NORP"):
                # The model takes some small countries for organizations ("Nauru's
                # President"), and runs lists of towns into one ("Salfit and Tulkarem").
                whole: list[gz.City | gz.Country] = [
                    p for p in gz.places(span.text) if isinstance(p, gz.Country)
                ]
                if whole and not ent.ent_id_:
                    candidates.append((field, span, whole))
                    continue
                parts = _listed_places(span) if not ent.ent_id_ else []
                if parts:
                    candidates += [
                        (*found(field, part, "listed"), options) for part, options in parts
                    ]
                    continue
                # "Miami Police", "an Adelaide man": only big cities, so that a common
                # word that is also a town somewhere ("Police", "Federal") is not one.
                for size in range(min(_LONGEST_CITY_PREFIX, len(span)), 0, -1):
                    options = [
                        p
                        for p in gz.places(span[:size].text, primary=True)
                        if isinstance(p, gz.City) and p.population >= _BIG_CITY
                    ]
                    if options:
                        if not opens_feature(span[:size]):
                            rule = "city-modifier" if _modifies(ent, span, size) else "inside-name"
                            found(field, span[:size], rule)
                            inside_names.append((field, span[:size], options))
                        break
        small += [found(f, s, "unlabelled-where") for f, s in unlabelled_after_where(field)]
        small += [found(f, s, "listed-town") for f, s in listed_towns(field, people)]
        small += [found(f, s, "hyphenated-town") for f, s in hyphenated_towns(field)]
        small += [found(f, s, "before-mayor") for f, s in unlabelled_before_mayor(field)]
    # A name two rules found ("Aberystwyth" after a person's label and in a list) once.
    small = list({(f.name, s.start, s.end): (f, s) for f, s in small}.values())
    # A country named in the article settles which of several same-named cities is meant.
    countries = Counter(
        options[0].iso for _, _, options in candidates if isinstance(options[0], gz.Country)
    )
    # So do the country's own divisions and bodies ("Scotland", "Labour", "the Home
    # Office"): a report from a country often never names it.
    countries.update(domestic_countries(fields))
    countries.update(
        iso
        for field in fields
        for ent in field.ents
        if ent.label_ == "NORP" and (iso := gz.demonym_country(ent.text)) is not None
    )
    # How often each name voted for its likeliest reading's country.
    votes = Counter(
        (fold(span.text), options[0].country)
        for _, span, options in candidates
        if isinstance(options[0], gz.City)
    )
    countries.update(country for (_, country), n in votes.items() for _ in range(n))
    # A city inside another name must be in a country the article is about, or very big
    # ("Miami Police"): "Commonwealth" is a city of 200,000 in the Philippines.
    kept_inside = [
        (field, span, options)
        for field, span, options in inside_names
        if any(
            isinstance(p, gz.City) and (p.country in countries or p.population >= _HUGE_CITY)
            for p in options
        )
    ]
    candidates += kept_inside
    # A metropolis named as a word of a thing ("a Melbourne team") says which country the
    # story is in as well as a city named alone: it supports the country's small towns.
    countries.update(
        options[0].country for _, _, options in kept_inside if isinstance(options[0], gz.City)
    )
    candidates += supported_towns(small, countries)
    candidates += [
        (field, span, [p for p in options if isinstance(p, gz.City) and p.population >= _BIG_CITY])
        for field, span, options in supported_towns(big, countries)
        if any(isinstance(p, gz.City) and p.population >= _BIG_CITY for p in options)
    ]
    states = _states_named(fields)
    mentions = []
    for field, span, options in candidates:
        place = options[0]
        if isinstance(place, gz.Country):
            mentions.append(Mention(country_ref(place.iso), place.name, field, span))
            continue
        primary = [p for p in options if isinstance(p, gz.City) and fold(p.name) == fold(span.text)]
        others = countries.copy()
        others[place.country] -= votes[fold(span.text), place.country]
        place = _namesake(span, place, primary, others, states) or place
        rule = how.get((field.name, span.start, span.end), "")
        if rule == "model-place" and place.population < _BIG_CITY and not _supported(place, others):
            continue  # "a family from Essex" in a British story: no Essex, Maryland
        if place.population < _HUGE_CITY and fold(span.text) in gz.seats():
            continue  # "Westminster" is Parliament's seat, not Westminster, Colorado
        mentions.append(Mention(city_ref(place.geonameid), place.name, field, span, how=rule))
    return in_text_order(without_neighbourhoods(mentions, candidates, _home_cities(fields)), fields)


_CITY_SUPPORT = 0.25
"""A city under 100,000 people is read only in a country the article names at least this
share as often as its most-named one (half as strict as for towns under 15,000: a story of
Israel names the Palestinian cities beside it, "Ramallah", "Jenin")."""
_NAMESAKE_SHARE = 0.2
"""A smaller namesake is read for the article's country only when it has at least this share
of the likeliest reading's people: "Tamworth" in an Australian story is the one in New South
Wales (half the English town's size), but "Geneva" in an American one is still Switzerland's
(Geneva, Illinois has a tenth of its people), and "Moscow" Russia's."""


def _supported(city: gz.City, countries: Counter[str]) -> bool:
    """Whether the article names the country of a city under 100,000 people, besides the
    city's own name, often enough (`_CITY_SUPPORT`): a small city's name is often a county's,
    a region's, or another country's town ("a family from Essex" in a British story)."""
    most = max(countries.values(), default=0)
    return most > 0 and countries[city.country] >= _CITY_SUPPORT * most


def _namesake(
    span: Span,
    place: gz.City,
    primary: list[gz.City],
    countries: Counter[str],
    states: frozenset[str],
) -> gz.City | None:
    """Which of the cities of this very name (``primary``, not alternate spellings) is
    meant, or None for the likeliest reading (``place``): the one whose state or country
    the text writes right after it ("Geneva, Ill.", "London, Ontario", and a town of
    5,000 or more: "Palm Beach, Florida"); else one of a
    fair size (`_NAMESAKE_SHARE`) in the country the article names most (the name's own
    likeliest reading does not count: "Tamworth" alone must not vote for England),
    preferring a US city in a state the article names ("Dover" beside New Hampshire)."""
    qualified = _qualifier(span)
    if qualified is not None:
        # A town of the 5,000 list counts here: "Palm Beach, Florida" is no Australian city.
        return next(
            (
                p
                for p in (*primary, *gz.towns(span.text))
                if qualified in (p.country, f"{p.country}-{p.admin1}")
            ),
            None,
        )
    if len(primary) < 2:
        return None
    likeliest = max(p.population for p in primary)
    fair = [p for p in primary if p.population >= _NAMESAKE_SHARE * likeliest]
    best = max((countries[p.country] for p in fair), default=0)
    if best <= 0:
        return None
    chosen = [p for p in fair if countries[p.country] == best]
    return next((p for p in chosen if f"{p.country}-{p.admin1}" in states), chosen[0])


def _qualifier(span: Span) -> str | None:
    """The state ("US-IL") or country ("CA") written after a city's name and a comma:
    "Geneva, Ill.", "Moscow, Idaho", "London, Ontario" (a Canadian province: its country)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    for size in (3, 2, 1):
        words = doc[span.end + 1 : span.end + 1 + size]
        if len(words) < size or not all(t.is_title or t.is_upper for t in words):
            continue
        name = fold(words.text)
        code = gz.us_state_codes().get(name)
        if code is not None:
            return f"US-{code}"
        state = gz.state_by_form().get(name)
        if state is not None:
            return state.country
        found = next((p for p in gz.places(words.text) if isinstance(p, gz.Country)), None)
        if found is not None:
            return found.iso
    return None


def _states_named(fields: tuple[Field, ...]) -> frozenset[str]:
    """The US states the article names ("US-NH")."""
    codes = gz.us_state_codes()
    return frozenset(
        f"US-{codes[fold(ent.text)]}"
        for field in fields
        for ent in field.ents
        if ent.label_ in _PLACE_LABELS and fold(ent.text) in codes
    )


def _home_cities(fields: tuple[Field, ...]) -> list[int]:
    """The home cities of the gazetteer's bodies the article names ("CPD": Chicago)."""
    found = set()
    for field in fields:
        for ent in field.ents:
            if ent.label_ == "ORG" and ent.ent_id_:
                known = gz.organization_by_form().get(fold(ent.ent_id_))
                if known is not None and known.city is not None:
                    found.add(known.city)
    return sorted(found)


def _town_named(ent: Span, span: Span) -> bool:
    """A town the model gave another label, where the words before say it is a place
    (`named_as_town`) and GeoNames knows the whole name ("near Bowling Green" as ORG); a
    building's label also after "at" or "to" ("crossing the line at Swan Hill")."""
    return (
        ent.label_ in _NAMES_OF_TOWNS
        and not ent.ent_id_
        and (named_as_town(span) or (ent.label_ == "FAC" and after_where(span, also_people=True)))
        and bool(gz.places(span.text, primary=True) or gz.towns(span.text))
    )


def _modifies(ent: Span, span: Span, size: int) -> bool:
    """Whether a city opening an organization's entity describes a thing rather than opens
    the organization's name: the city is the whole entity ("an Adelaide man", where the
    model took "Adelaide" for an organization), the entity goes on in lower case ("the
    Toowoomba school"), or an indefinite article opens it ("a Toowoomba Anglican school").
    Otherwise the city is a word of a name: "the Birmingham News", "Miami Police"."""
    if size == len(span) or span[size].is_lower or span[size].text in _EVENTS:
        return True
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("a", "an")


def _ends_a_name(span: Span) -> bool:
    """Whether a capitalized word inside a sentence comes right before the word: "Martin" of
    "Lockheed Martin" (the model's ORG, then its PERSON) ends a longer name, no town."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.is_title and before.is_alpha and not before.is_sent_start


def _hyphenated_place(span: Span) -> Span:
    """The name with the hyphenated words glued after it when together they name a place
    ("Stratford-upon-Avon", where the model tags "Stratford")."""
    doc, end = span.doc, span.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        end += 2
    if end > span.end and gz.places(doc[span.start : end].text):
        return doc[span.start : end]
    return span


def _where_inside(span: Span) -> Span | None:
    """The capitalized words after "in" that end an entity the model took for a building
    or a body: "the Golden Temple in Amritsar", "the Royal Courts of Justice in London"."""
    for index in range(span.end - 2, span.start, -1):
        token = span.doc[index]
        if token.lower_ == "in":
            tail = span.doc[index + 1 : span.end]
            if all(t.is_title and t.is_alpha for t in tail) and gz.places(tail.text):
                return tail
            return None
    return None


def _listed_places(span: Span) -> list[tuple[Span, list[gz.City | gz.Country]]]:
    """ "Salfit and Tulkarem", "Jenin, Nablus and Tulkarm": the places of a list the model
    ran into one entity, when every item is a capitalized name and at least half of them
    are places ("Doncaster, Hartlepool, North Tyneside": a borough GeoNames does not list
    as a city). An item in lower case, or a body's or a feature's ("Pacific Railroad"),
    makes it a name of its own."""
    if not any(t.text in (",", "and") for t in span):
        return []
    items, start = [], span.start
    doc = span.doc
    for token in (*span, None):
        if token is None or token.text in (",", "and"):
            end = token.i if token is not None else span.end
            if end > start:
                items.append(doc[start:end])
            start = end + 1
    found = [(item, gz.places(item.text)) for item in items]
    places = [(item, options) for item, options in found if options]
    if len(found) < 2 or 2 * len(places) < len(found):
        return []
    for item, options in found:
        if options:
            continue
        if not item[0].is_title or not item[-1].is_title or item[-1].text in _NOT_PLACE_ENDS:
            return []
        if any(t.is_lower and t.lower_ not in ("of", "on", "upon") for t in item):
            return []
    return places


# Last words of names that are no place's: bodies and features ("Pacific Railroad").
_NOT_PLACE_ENDS = frozenset(
    """
    Railroad Railway Company Council Party Union Bank Group University College School
    Street Road Avenue Park Bridge Centre Center Hospital Church Club Association
    Department Police Agency Authority Board Trust Fund Inc Ltd Corp
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _city_states(mentions: list[Mention]) -> list[Mention]:
    """A city-state (`gz.city_states`) named as a place ("flights to Singapore", "Osaka,
    Singapore, Taipei and Hong Kong") is a city too: GeoNames has both the country and its
    city of the name. As a government ("Singapore said") or a jurisdiction it stays the
    country alone, and so does a bigger country of its capital's name ("an ambassador to
    Luxembourg")."""
    cities = {(m.field.name, m.span.start) for m in mentions if m.ref.kind == "city"}
    found: list[Mention] = []
    # In text order, so that a city-state read as a city counts for the next in a list.
    for mention in [*mentions, *mentions]:
        if (mention.field.name, mention.span.start) in cities:
            continue
        if mention.ref.kind != "country":
            continue
        city = gz.city_states().get(mention.ref.key.partition("/")[2])
        if city is None or fold(city.name) != fold(mention.span.text):
            continue
        span, doc = mention.span, mention.span.doc
        beside = any(
            0 <= joint < len(doc)
            and doc[joint].text in (",", "and", "or")
            and (mention.field.name, other) in cities
            for joint, other in ((span.start - 1, span.start - 2), (span.end, span.end + 1))
        )
        if beside or after_where(span, also_people=True):
            found.append(
                Mention(city_ref(city.geonameid), city.name, mention.field, span, how="city-state")
            )
            cities.add((mention.field.name, span.start))
    return found


def country_facts(iso: str) -> Iterator[Fact]:
    """The facts that describe a country node."""
    country = gz.country(iso)
    ref = country_ref(iso)
    yield Fact(ref, RDF.type, Iri(SDO.Country))
    if country is not None:
        yield Fact(ref, SDO.name, country.name)
        yield Fact(ref, OWL.sameAs, Iri(f"{GEONAMES}{country.geonameid}/"))


def city_facts(geonameid: int) -> Iterator[Fact]:
    """The facts that describe a city node: name, country, coordinates, GeoNames IRI."""
    city = gz.city(geonameid)
    ref = city_ref(geonameid)
    yield Fact(ref, RDF.type, Iri(SDO.City))
    yield Fact(ref, SDO.name, city.name)
    yield Fact(ref, SDO.addressCountry, city.country)
    yield Fact(ref, SDO.latitude, city.latitude)
    yield Fact(ref, SDO.longitude, city.longitude)
    yield Fact(ref, OWL.sameAs, Iri(f"{GEONAMES}{geonameid}/"))


def city_mentions(context: Context) -> list[Mention]:
    """The article's city mentions: its cities, and city-states named as places."""
    found = place_mentions(context)
    # A city inside an organization's name ("the Chicago Transit Authority", "London Clubs
    # International") is no mention of the place (LABELLING.md), though it may still give
    # the jurisdiction of an office ("Chicago Police Superintendent").
    cities = [m for m in found if m.ref.kind == "city" and m.how != "inside-name"]
    return cities + _city_states(found)


@extractor("places", emits={"schema:City", "schema:mentions"})
def places(article: Article, context: Context) -> Iterator[Fact]:
    """Cities named in the text, as GeoNames cities (countries are left to the officials)."""
    cities = city_mentions(context)
    yield from mention_facts(cities, "places")
    for mention in first_mentions(cities):
        yield from city_facts(int(mention.ref.key.partition("/")[2]))
