"""Which place names are cities of the story, and which are a state, a street, a person's
name, a neighbourhood of a bigger city, or a small town the article's country supports.

GeoNames knows tens of thousands of cities, and many of their names are also a state's
("Florida" is a town in Cuba), a surname ("Houston", "Rubio"), the first word of a park or
a university ("Washington Park", "Jackson State University"), or a neighbourhood that
GeoNames lists with its own population ("Hyde Park", "South Shore" in Chicago). The rules
here decide those readings from the text around the name and from the other places the
article names; `places.py` does the looking up.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from math import cos, radians, sqrt
from typing import TYPE_CHECKING

from kg.extract import gazetteers as gz
from kg.extract.nlp import Field, Mention
from kg.extract.roles import MODIFIERS, PAST
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Candidate = tuple[Field, "Span", list[gz.City | gz.Country]]
"""A place name found in a field, with the places it may denote (likeliest first)."""

# A capitalized word right after a place name that makes both one feature's name: a park,
# a street, a school, a county ("Washington Park", "Jackson State University").
_FEATURES = frozenset(
    """
    Park Street St Avenue Ave Road Rd Boulevard Blvd Square Lane Drive Way Place University
    College State County Township Heights Highlands Station Airport Stadium Hall Center
    Centre Bridge River Lake Beach Island Valley Hills Mall Plaza Tower Building Library
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Words before a name that say it is where something is: "in Houston" is the city even
# when a Mr Houston is in the story ("to", "at" and "of" take people as often).
_WHERE = frozenset({"in", "from", "near", "outside", "around", "across"})
# Words that, before "of" or "from", make the place after them a state: "Republican of
# Florida", "senator from New York".
_STATE_HOLDERS = frozenset(
    """
    republican democrat democratic independent senator sen senators governor gov
    representative rep congressman congresswoman legislature
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Words after a state's name that make it the state: its legislators and governor ("a New
# York Democrat", "New York Gov. Andrew Cuomo"); a city has neither.
_OF_A_STATE = frozenset(
    """
    democrat democrats republican republicans lawmaker lawmakers legislator legislators
    legislature congressman congresswoman senator senators sen governor gov delegation
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_PERSON_OR_CITY = 100_000
"""A person's name after "from" is a city's only when the city has this many people."""
_CITY_OVER_REGION = 400_000
"""A state's name that is also a city this big ("New York", "Washington") is the city
unless the words around it say state."""
_METROPOLIS = 1_000_000
_PART_OF_CITY = 100_000
_KM_PER_SQRT_PEOPLE = 0.01
"""A city's reach: about 16 km for Chicago's 2.7 million, 24 km for Sydney's 5.6 million."""
TOWN_SUPPORT = 0.5
"""A small town is read only in a country named at least half as often as the article's
most-named country."""


def after_where(span: Span, *, also_people: bool = False) -> bool:
    """Whether a preposition of place comes right before the name ("both from Keighley");
    ``also_people`` counts those that take people as often ("to Llanelli")."""
    if span.start == 0:
        return False
    doc, at = span.doc, span.start - 1
    word = doc[at].lower_
    if word == "of" and at > 0 and doc[at - 1].lower_ in _BEARINGS:
        return True  # "100 kilometres west of Alice Springs"
    return word in _WHERE or (also_people and word in ("to", "at"))


_BEARINGS = frozenset(
    """
    north south east west north-east north-west south-east south-west northeast northwest
    southeast southwest
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def named_as_town(span: Span) -> bool:
    """Whether the words before the name say it is a place: a preposition of place
    (`after_where`), "the Solomon Islands capital, Honiara", "the town of Millicent"."""
    if after_where(span):
        return True
    doc, start = span.doc, span.start
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ == "capital":
        return True
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _TOWN_WORDS


_TOWN_WORDS = frozenset({"city", "town", "village", "suburb", "township", "capital"})


def opens_feature(span: Span) -> bool:
    """Whether the name opens a feature's name: "Washington Park Camera Club", "Jackson
    State University", "New York State"."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].is_title and doc[span.end].text in _FEATURES


# Verbs after a capital that make it its government ("Washington said", "Moscow has").
_GOVERNMENT_ACTS = frozenset(
    """
    said says say has have had will would wants warned warns accused accuses insisted
    insists denied denies rejected rejects responded announced claimed claims believes
    hopes fears urged urges demanded demands agreed refused threatened blamed blames argues
    argued maintains tried tries sought seeks wanted
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Nouns after a city that make it the name of an event held there ("the Petersberg talks").
_EVENTS = frozenset(
    """
    talks summit conference accord accords agreement process protocol declaration treaty
    convention conventions negotiations
    """.split()  # noqa: SIM905 - a word list reads best as words
)


_DONE_BY = frozenset(
    """
    accused blamed urged backed supported criticised criticized condemned pressed
    sanctioned targeted recognised recognized opposed rejected warned threatened
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def for_its_government(span: Span) -> bool:
    """A capital that stands for its government ("Washington said", "Moscow has warned",
    "accused by Washington"): neither right nor wrong as a city (LABELLING.md), and no
    place of the story."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    dealt = (
        after in _GOVERNMENT_ACTS  # "Moscow tried to help"
        or after in _RELATIONS  # "Moscow ties"
        or (before == "by" and span.start >= 2 and doc[span.start - 2].lower_ in _DONE_BY)
        or before in _DEALT_WITH  # "colluded with Moscow", "among Tehran, the United States"
        or any(
            # "relations between Hanoi and Beijing" (not "flights between London and Paris")
            doc[index].lower_ == "between" and doc[index - 1].lower_ in _RELATIONS
            for index in range(max(1, span.start - 4), span.start)
        )
    )
    # The words first: folding the name costs more.
    return dealt and fold(span.text) in gz.capitals()


# Words before a capital that make it a government: one deals with a government.
_DEALT_WITH = frozenset({"with", "against", "toward", "towards", "among"})
# Nouns of dealings between governments: after a capital ("Moscow ties") or before
# "between" ("relations between Hanoi and Beijing").
_RELATIONS = frozenset(
    """
    ties relations relationship regime government tension tensions talks dialogue rift
    dispute feud rapprochement pact deal agreement accord
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def names_an_event(span: Span) -> bool:
    """A city that names an event held there ("the Petersberg talks", "the Oslo accords"),
    unless the text says the event was there ("at the Geneva talks")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in _EVENTS:
        return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in ("the", "a", "an")


_NEIGHBOURHOOD_WORDS = frozenset(
    {"neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "community"}
)


def not_the_place(field: Field, span: Span, people: set[tuple[str, int]]) -> bool:
    """A name that opens a feature's name (`opens_feature`), a capital for its government,
    an event's name, or that the people extractor
    read as a person ("Mr Houston", "the Rubio approach", "Nothing Happened to Clinton")
    unless a preposition of place that takes no person comes before it ("in Houston")."""
    doc = span.doc
    if opens_feature(span) or for_its_government(span) or names_an_event(span):
        return True
    if span.end < len(doc) and doc[span.end].lower_ in _NEIGHBOURHOOD_WORDS:
        return True  # "the Austin neighborhood": a part of a city, not the city
    if not any((field.name, i) in people for i in range(span.start, span.end)):
        return False
    if not after_where(span) or (span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")):
        return True
    # "from" takes people too ("distance themselves from Moore"): after it, a person's name
    # is a city only when a big one ("flew in from Houston").
    return doc[span.start - 1].lower_ == "from" and not any(
        isinstance(p, gz.City) and p.population >= _PERSON_OR_CITY
        for p in gz.places(span.text, primary=True)
    )


def is_region(field: Field, span: Span, reading: gz.City | gz.Country) -> bool:
    """A state, province or continent ("Maryland", "Florida", "Asia"), not a city of that
    name. A name that is also a big city's ("New York", "Washington") is the city, unless
    the words around it make it the state: "Republican of New York", "a senator from New
    York", "Illinois and New York", "New York state", "a New York Democrat". The big city
    must lie in the state's country: "Victoria" is the Australian state."""
    if fold(span.text) not in gz.regions() or isinstance(reading, gz.Country):
        return False
    if reading.population < _CITY_OVER_REGION:
        return True
    state = gz.state_by_form().get(fold(span.text))
    if state is not None and state.country != reading.country:
        return True  # "Victoria" the Australian state, not Hong Kong's Victoria
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (
        after.lower_ == "state" or (after.is_title and after.lower_.rstrip(".") in _OF_A_STATE)
    ):
        return True  # "New York state", "a New York Democrat", "Washington Gov. Jay Inslee"
    if (
        span.start >= 2
        and doc[span.start - 1].lower_ in ("of", "from")
        and (
            doc[span.start - 2].lower_.rstrip(".") in _STATE_HOLDERS
            or doc[span.start - 2].ent_type_ == "PERSON"  # "Kirsten Gillibrand of New York"
        )
    ):
        return True
    # A list of states: "California, Illinois and New York".
    for joint, index in ((span.start - 1, span.start - 2), (span.end, span.end + 1)):
        if 0 <= joint < len(doc) and doc[joint].text in (",", "and", "or"):
            other = field.ent_at.get(index)
            if (
                other is not None
                and fold(other.text) in gz.regions()
                and fold(other.text) != fold(span.text)
                and not _big_city(other.text)  # "New York and Washington": cities
            ):
                return True
    return False


def _big_city(name: str) -> bool:
    reading = next(iter(gz.places(name)), None)
    return isinstance(reading, gz.City) and reading.population >= _CITY_OVER_REGION


def in_list_of_places(field: Field, span: Span) -> bool:
    """Whether a name stands in a list beside a place the model saw ("Tamworth, Gunnedah
    and Quirindi", where it took the last two for people)."""
    doc = span.doc
    for joint, index in ((span.start - 1, span.start - 2), (span.end, span.end + 1)):
        if 0 <= joint < len(doc) and doc[joint].text in (",", "and", "or"):
            other = field.ent_at.get(index)
            if other is not None and other.label_ in ("GPE", "LOC") and gz.places(other.text):
                return True
    return False


def unlabelled_after_where(field: Field) -> list[tuple[Field, Span]]:
    """Capitalized words no entity holds right after "in", "from", "near" ...: a town the
    model did not see ("launched the campaign in Folkestone on Monday"). Only a town of the
    article's country may be read there (`supported_towns`)."""
    doc, text = field.doc, field.text
    found: list[tuple[Field, Span]] = []
    if field.headline:
        return found
    for match in _AFTER_WHERE.finditer(text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or any(t.ent_type_ for t in span):
            continue
        if not all(t.is_title and t.is_alpha for t in span) or span.end >= len(doc):
            continue
        after = doc[span.end]
        if after.is_title or after.text in ("-", "’s", "'s"):
            continue  # a longer name, or a person's ("in Smith's view")
        found.append((field, span))
    return found


def listed_towns(field: Field, people: set[tuple[str, int]]) -> list[tuple[Field, Span]]:
    """Names set in a list of places that the model did not take for places: unlabelled
    ("Basingstoke, Shrewsbury, Dorset and Torbay") or taken for a person or a body ("cities
    including Cardiff, Bangor, Aberystwyth and Wrexham"). A list is a run of names joined by
    commas and "and"/"or": of three names or more, one a place the model saw, or closed by
    "and"/"or" after a word for towns ("towns and cities including"). Only a town of the
    article's country may be read there (`supported_towns`), and no name the people
    extractor took for a person."""
    doc = field.doc
    found: list[tuple[Field, Span]] = []
    at = 0
    while at < len(doc):
        # A list opens a name: "Martin and Australia's" of "Lockheed Martin" is none.
        items, joints = _list_from(field, at) if not _capital_before(doc, at) else ([], [])
        if not items:
            at += 1
            continue
        at = items[-1].end
        closed = bool(joints) and joints[-1] in ("and", "or")
        if _after_town_word(items[0]):
            listed = len(items) >= 2 and closed
        else:  # "Butler and Lucas both polled": two surnames, one the model took for a place
            listed = len(items) >= 3 and any(_place_seen(item) for item in items)
        if not listed:
            continue
        found += [
            (field, item)
            for item in items
            if item[0].ent_type_ not in ("GPE", "LOC")  # read as places already, or regions
            and not any((field.name, i) in people for i in range(item.start, item.end))
        ]
    return found


def _list_from(field: Field, start: int) -> tuple[list[Span], list[str]]:
    """The names of the list that opens at ``start`` and the words that join them."""
    doc = field.doc
    items: list[Span] = []
    joints: list[str] = []
    at = start
    while (item := _list_item(field, at)) is not None:
        if item.end < len(doc) and doc[item.end].text in ("'s", "’s"):
            break  # "Australia's Austal": a name's owner, not a place of the list
        items.append(item)
        at = item.end
        if at + 1 < len(doc) and doc[at].text == "," and doc[at + 1].lower_ in ("and", "or"):
            at += 1  # "Leicester, and Torbay"
        if at + 1 >= len(doc) or doc[at].lower_ not in _LIST_JOINTS:
            break
        joints.append(doc[at].lower_)
        at += 1
    return items, joints[: len(items) - 1]


def _list_item(field: Field, at: int) -> Span | None:
    """The name that starts at token ``at``: a whole entity of a place, person or body
    (not one the gazetteer links), or up to three capitalized words no entity holds."""
    doc = field.doc
    if at >= len(doc):
        return None
    ent = field.ent_at.get(at)
    if ent is not None:
        if ent.label_ not in _LISTED_LABELS or ent.ent_id_ or len(ent) > 3:
            return None
        return ent if all(t.is_title and t.is_alpha for t in ent) else None
    end = at
    while end < len(doc) and end - at < 3 and _capital(doc[end]):
        end += 1
    return doc[at:end] if end > at else None


def _capital_before(doc: Doc, at: int) -> bool:
    return at > 0 and doc[at - 1].is_title and doc[at - 1].is_alpha


_LISTED_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG"})
_TOWN_WORDS_PLURAL = frozenset({"towns", "cities", "villages", "suburbs", "communities"})


def _after_town_word(item: Span) -> bool:
    """Whether a word for towns comes just before the list ("towns and cities including
    Cardiff", "in the cities of Leeds")."""
    doc = item.doc
    before = [t.lower_ for t in doc[max(0, item.start - 3) : item.start]]
    return any(word in _TOWN_WORDS_PLURAL for word in before)


_LIST_JOINTS = frozenset({",", "and", "or"})


def _place_seen(ent: Span) -> bool:
    return ent.label_ in ("GPE", "LOC") and bool(gz.places(ent.text))


def _capital(token: Token) -> bool:
    return token.is_title and token.is_alpha and not token.ent_type_


def unlabelled_before_mayor(field: Field) -> list[tuple[Field, Span]]:
    """Capitalized words no entity holds right before "mayor" and opening no longer name:
    the town whose mayor the text names, which the model did not see ("Middlesbrough mayor
    Ray Mallon", at a paragraph's start). Only a town of the article's country may be read
    there (`supported_towns`)."""
    doc, text = field.doc, field.text
    found: list[tuple[Field, Span]] = []
    if field.headline:
        return found
    for match in _BEFORE_MAYOR.finditer(text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or any(t.ent_type_ for t in span):
            continue
        if not span[0].is_sent_start and span.start > 0 and doc[span.start - 1].is_title:
            continue  # the end of a longer name
        if any(t.is_stop or t.lower_ in MODIFIERS or t.lower_ in PAST for t in span):
            continue  # "Former mayor", "Deputy mayor"
        found.append((field, span))
    return found


def hyphenated_towns(field: Field) -> list[tuple[Field, Span]]:
    """Names of the English shape "X-on-Y", "X-upon-Y", "X-under-Y" ("Stoke-on-Trent",
    "Stockton-on-Tees", "Newcastle-upon-Tyne"), which name towns, not people or bodies, and
    which the model cuts or misses (or takes for a person). Only a town of the article's
    country is read there (`supported_towns`); one the model saw as a place is read as such
    already, and one inside an organization's name is no city mention."""
    doc, text = field.doc, field.text
    found: list[tuple[Field, Span]] = []
    for match in _HYPHENATED_TOWN.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or span[0].ent_type_ not in ("", "PERSON"):
            continue
        found.append((field, span))
    return found


_TOWN_LINKS = frozenset({"on", "upon", "under"})
_HYPHENATED_TOWN = re.compile(r"\b[A-Z][a-z]+-(?:on|upon|under)-[A-Z][a-z]+\b")
_BEFORE_MAYOR = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) mayor\b")
_AFTER_WHERE = re.compile(r"\b(?:in|from|near|outside) ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")


def domestic_countries(fields: Sequence[Field]) -> Counter[str]:
    """The countries of the divisions ("Scotland", "Illinois") and of the gazetteer's
    bodies ("Labour", "the Home Office") the article names, once per mention; a name
    several countries' bodies share ("Labour") says nothing here."""
    found: Counter[str] = Counter()
    for field in fields:
        for ent in field.ents:
            if ent.label_ == "ORG" and ent.ent_id_:
                if len(gz.organization_candidates(ent.text.removeprefix("the "))) > 1:
                    continue
                known = gz.organization_by_form().get(fold(ent.ent_id_))
                if known is not None and known.kind != "group":
                    iso = known.country
                    if iso is None and known.city is not None:
                        iso = gz.city(known.city).country
                    if iso:
                        found[iso] += 1
            elif ent.label_ in ("GPE", "LOC"):
                name = ent.text.removesuffix("'s").removesuffix("’s")  # "South Australia's"
                state = gz.state_by_form().get(fold(name))
                if state is not None:
                    found[state.country] += 1
    return found


def supported_towns(
    small: Sequence[tuple[Field, Span]], countries: Counter[str]
) -> list[Candidate]:
    """Names no list of cities of 15,000 people knows ("Welshpool"), and lone words the
    model took for a person after "from" or "in" ("both from Keighley"), read as a city or
    a town of 5,000 people or more in a country the article names about as often as its
    most-named one. Elsewhere such a name is more often a word or a person than a town."""
    if not small or not countries:
        return []
    most = max(countries.values())
    supported = {iso for iso, n in countries.items() if n >= TOWN_SUPPORT * most}
    found: list[Candidate] = []
    for field, span in small:
        if not all(t.is_title or not t.is_alpha or t.lower_ in _TOWN_LINKS for t in span):
            continue
        options: list[gz.City | gz.Country] = [
            p
            for p in (*gz.places(span.text, primary=True), *gz.towns(span.text))
            if isinstance(p, gz.City) and p.country in supported
        ]
        if options:
            found.append((field, span, options))
    return found


def without_neighbourhoods(
    mentions: list[Mention], candidates: list[Candidate], home_cities: Sequence[int] = ()
) -> list[Mention]:
    """City mentions less the parts of a metropolis the article names: GeoNames lists
    neighbourhoods with their own population ("Hyde Park", "Englewood" and "South Shore"
    in Chicago, "Bethnal Green" in London). A place of this name counts as a part when it
    lies within the metropolis's reach (in its first-level division), with under a tenth
    of its people and under 100,000: "Hyde Park" in a Chicago story is Chicago's, not the
    bigger one near Boston, and is no city. A suburb that close is lost with them.

    The metropolis may also be the home city of a body the article names
    (``home_cities``: "CPD" is Chicago's), or, where the article names none, the one
    metropolis that two or more of the names it reads as small towns lie within reach
    of ("Hyde Park" and "Kenwood" in a local paper that never writes "Chicago")."""
    named = {m.ref.key for m in mentions if m.ref.kind == "city"}
    big = [
        city
        for city in (gz.city(int(key.partition("/")[2])) for key in named)
        if city.population >= _METROPOLIS
    ]
    big += [c for c in map(gz.city, home_cities) if c.population >= _METROPOLIS]
    if not big:
        big = _shared_metropolis(mentions, candidates)
    if not big:
        return mentions
    parts = {
        (field.name, span.start)
        for field, span, options in candidates
        if any(
            isinstance(p, gz.City)
            and fold(p.name) == fold(span.text)
            and any(_part_of(p, metropolis) for metropolis in big)
            for p in options
        )
    }
    return [m for m in mentions if (m.field.name, m.span.start) not in parts]


def _shared_metropolis(mentions: list[Mention], candidates: list[Candidate]) -> list[gz.City]:
    """The metropolis that two or more of the article's city names would be parts of
    (by any reading of each name), if exactly one is."""
    mentioned = {(m.field.name, m.span.start) for m in mentions if m.ref.kind == "city"}
    readings: dict[str, list[gz.City]] = {}
    for field, span, options in candidates:
        if (field.name, span.start) in mentioned:
            readings.setdefault(fold(span.text), []).extend(
                p
                for p in options
                if isinstance(p, gz.City)
                and fold(p.name) == fold(span.text)
                and p.population < _PART_OF_CITY
            )
    if sum(bool(r) for r in readings.values()) < 2:
        return []
    found = [
        metropolis
        for metropolis in gz.metropolises(_METROPOLIS)
        if sum(any(_part_of(p, metropolis) for p in r) for r in readings.values()) >= 2
    ]
    return found if len(found) == 1 else []


def _part_of(place: gz.City, metropolis: gz.City) -> bool:
    if place.geonameid == metropolis.geonameid or place.country != metropolis.country:
        return False
    if place.admin1 != metropolis.admin1 or place.population >= _PART_OF_CITY:
        return False
    if place.population * 10 > metropolis.population:
        return False
    return _km(place, metropolis) <= _KM_PER_SQRT_PEOPLE * sqrt(metropolis.population)


def _km(one: gz.City, other: gz.City) -> float:
    """The distance between two cities (flat-earth approximation, good to a few percent at
    the scale of a city)."""
    north = (one.latitude - other.latitude) * 111.2
    east = (one.longitude - other.longitude) * 111.2 * cos(radians(one.latitude))
    return sqrt(north * north + east * east)
