"""Who held which office when: the reference table of data/officeholders.tsv, by name and date.

US presidents, vice presidents and members of Congress with their terms (CC0, from
github.com/unitedstates/congress-legislators; data/SOURCES.md). The table confirms what the
text states, it never invents an office: a person the text calls "Sen." or "Speaker" whom
the table knows as a member of Congress on the article's date holds a United States
office, and carries the table's Wikidata and Bioguide identifiers. With no date, any term
counts. A surname alone ("President Obama") is looked up only with the office the text
gives, among the holders of that office.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from kg.extract import gazetteers as gz
from kg.text import fold

WIKIDATA = "http://www.wikidata.org/entity/"
BIOGUIDE = "https://bioguide.congress.gov/search/bio/"

# The offices of the table that a role's words may name.
_ROLE_OFFICES = {
    "president": {"president"},
    "vice president": {"vice president"},
    "senator": {"senator"},
    "representative": {"representative"},
    "congressman": {"representative"},
    "congresswoman": {"representative"},
    "speaker": {"representative"},
    "majority leader": {"senator", "representative"},
    "minority leader": {"senator", "representative"},
    "whip": {"senator", "representative"},
    "majority whip": {"senator", "representative"},
    "minority whip": {"senator", "representative"},
}


@dataclass(frozen=True, slots=True)
class Spell:
    """One person's unbroken time in one office."""

    name: str
    office: str
    state: str
    """A US state's two-letter code, or US for national offices."""
    start: date
    end: date
    wikidata: str
    bioguide: str

    def held_on(self, when: date | None) -> bool:
        """Whether the office was held on a date (any date, when it is not known)."""
        return when is None or self.start <= when <= self.end

    @property
    def identifiers(self) -> tuple[str, ...]:
        """The person's IRIs in Wikidata and the Biographical Directory of Congress."""
        found = []
        if self.wikidata:
            found.append(f"{WIKIDATA}{self.wikidata}")
        if self.bioguide:
            found.append(f"{BIOGUIDE}{self.bioguide}")
        return tuple(found)


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _surname(name: str) -> str:
    """A name's folded surname, past a generational suffix ("Al Lawson, Jr.": lawson).

    >>> _surname("Joseph R. Biden Jr."), _surname("Nick Rahall II"), _surname("Trump")
    ('biden', 'rahall', 'trump')
    """
    words = fold(name).replace(",", " ").split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _key(name: str) -> str:
    """A name folded, with single-letter middle initials dropped ("John A. Boehner")."""
    words = fold(name).split()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


@cache
def _table() -> tuple[dict[str, list[Spell]], dict[str, list[Spell]]]:
    by_name: dict[str, list[Spell]] = {}
    by_surname: dict[str, list[Spell]] = {}
    for name, forms, office, state, start, end, wikidata, bioguide in gz.officeholder_rows():
        spell = Spell(
            name,
            office,
            state,
            date.fromisoformat(start),
            date.fromisoformat(end),
            wikidata,
            bioguide,
        )
        for form in {_key(f) for f in (name, *forms.split("|")) if f}:
            by_name.setdefault(form, []).append(spell)
        by_surname.setdefault(_surname(name), []).append(spell)
    return by_name, by_surname


def spells(name: str, when: date | None, role: str | None = None) -> list[Spell]:
    """The spells in office of the person a name denotes, held on ``when`` (any time if None)
    and, with ``role``, of the offices that role names. A surname alone needs the role, and
    one holder of that office."""
    by_name, by_surname = _table()
    key = _key(name)
    offices = _offices(role) if role is not None else None
    if " " in key:
        found = [s for s in by_name.get(key, []) if s.held_on(when)]
        if offices is not None:
            found = [s for s in found if s.office in offices] or [
                # "Vice President Michael Pence", the table's Mike Pence: the holder of an
                # office of one holder at a time by that surname whose given name starts
                # alike (among the many members of Congress, too weak a sign).
                s
                for s in by_surname.get(_surname(name), [])
                if key.split()[-1] not in _SUFFIXES  # Donald Trump Jr. is not his father
                and s.held_on(when)
                and s.office in offices & _ONE_HOLDER
                and fold(s.name)[0] == key[0]
            ]
        return _one_person(found)
    if offices is None:
        return []
    return _one_person(
        [s for s in by_surname.get(key, []) if s.held_on(when) and s.office in offices]
    )


def national_everywhere(name: str, when: date | None, role: str) -> bool:
    """Whether everyone the table knows by a name (a surname too, any time when ``when`` is
    not known) in the national office a role names held a United States office: "President
    Bush" in an undated report is one of two presidents, both the United States'.

    >>> national_everywhere("Bush", None, "President"), national_everywhere("Bush", None, "Mayor")
    (True, False)
    """
    offices = _offices(role)
    if not offices:
        return False
    by_name, by_surname = _table()
    key = _key(name)
    found = by_name.get(key, []) if " " in key else by_surname.get(key, [])
    found = [s for s in found if s.office in offices and s.held_on(when)]
    return bool(found) and all(s.state == "US" for s in found)


def ended(name: str, when: date | None, role: str, *, earliest: bool = False) -> bool:
    """Whether everyone the table knows by a name in the office a role names had left it
    before ``when``: "President Barack Obama" or "President George W. Bush" in a report of
    late 2017 names an office held before (the text's "previous administration"), not now.
    With ``earliest``, ``when`` is the earliest date the article can have (the start of an
    office it gives someone else), and an office left on that day is over too. False when
    the date is not known, the table knows no such spell, or one is current or to come."""
    offices = _offices(role)
    if when is None or not offices:
        return False
    by_name, by_surname = _table()
    key = _key(name)
    found = by_name.get(key, []) if " " in key else by_surname.get(key, [])
    found = [s for s in found if s.office in offices]
    return bool(found) and all(s.end <= when if earliest else s.end < when for s in found)


# The dates between which the table holds everyone in an office: presidents and vice
# presidents since 1989; members of Congress from mid-2013 (the source's snapshots begin
# in 2013: most members who left in January 2013 are missing), up to its last update.
_COMPLETE = {
    "president": date(1989, 1, 20),
    "vice president": date(1989, 1, 20),
    "senator": date(2013, 6, 1),
    "representative": date(2013, 6, 1),
}
_UPDATED = date(2026, 6, 1)


def unknown_holder(name: str, when: date | None, role: str, *, earliest: bool = False) -> bool:
    """Whether the table, complete for the office a role names on ``when``, knows nobody by
    that name in it then, nor as a US politician around then: "President Emmanuel Macron"
    or "Senate Majority Leader Paul Gazelka" (of the Minnesota Senate) in a report of 2017
    hold no United States office (a politician of the time by that name may hold another:
    not the presidency). With ``earliest``, ``when`` is the earliest date the
    article can have, and the office held at any time from then on counts. False when the
    table cannot tell (no date, another office, a date it does not cover)."""
    offices = _offices(role)
    if when is None or not offices or when > _UPDATED:
        return False
    if any(when < _COMPLETE[o] for o in offices):
        return False
    # By surname: the table writes some names otherwise ("K. Michael Conaway" for Mike
    # Conaway, "David Loebsack" for Dave); anyone of that surname in the office then counts.
    namesakes = _table()[1].get(_surname(name), [])
    held = [
        s
        for s in namesakes
        if s.office in offices and (s.end >= when if earliest else s.held_on(when))
    ]
    if offices <= _ONE_HOLDER:
        # "President John Kennedy" in 2017 is not the senator of that name: an office of one
        # holder at a time the table knows whole.
        return not held
    return not held and not known_around(name, when)


_ONE_HOLDER = frozenset({"president", "vice president"})


def never_in_congress(name: str, role: str, *, surname: bool = True) -> bool:
    """Whether a full name the text gives a seat in Congress ("Rep. Kam Buckner") is nobody
    the table knows, in any office or (with ``surname``) by its surname in that one, at any
    time: someone who sat there after mid-2013 would be in it, so the seat is most likely a
    state legislature's. False for a surname alone, or a role that names no seat in
    Congress."""
    offices = _offices(role)
    words = fold(name).split()
    if len(words) < 2 or not offices or not offices <= {"senator", "representative"}:
        return False
    namesakes = _table()[1].get(_surname(name), []) if surname else []
    return not known(name) and not any(s.office in offices for s in namesakes)


def no_older_than(name: str, role: str, *, former: bool = False) -> date | None:
    """The earliest date an article can have that gives the person a name denotes the office
    a role names, by the table: the day they first took it ("President Donald Trump":
    2017-01-20), or, for an office it calls former ("former President Barack Obama"), the
    day they first left it."""
    found = spells(name, None, role)
    if not found:
        return None
    return min(s.end for s in found) if former else min(s.start for s in found)


def known_around(name: str, when: date | None, years: int = 4) -> list[Spell]:
    """The spells of the person a full name denotes that were held within ``years`` of
    ``when`` (any, when it is not known): a politician of the country then, whatever office
    the text gives them ("Attorney General Jeff Sessions", a senator until weeks before)."""
    found = known(name)
    if when is None:
        return found
    return [s for s in found if s.start.year - years <= when.year <= s.end.year + years]


def known(name: str) -> list[Spell]:
    """Every spell of the person a full name denotes (for the identifiers), or none when the
    name is a surname alone or is shared by two people of the table."""
    key = _key(name)
    return _one_person(_table()[0].get(key, [])) if " " in key else []


def known_person(name: str) -> bool:
    """Whether a full name is someone's the reference tables hold (a US president, vice
    president or member of Congress, a holder of a great office, a mayor).

    >>> known_person("Tony Blair"), known_person("Tora Bora")
    (True, False)
    """
    key = _key(name)
    return " " in key and any(
        key in table for table in (_table()[0], _ministers()[0], _mayors()[0])
    )


@cache
def officeholder_surnames() -> frozenset[str]:
    """The folded surnames of everyone the reference tables hold: US presidents, vice
    presidents and members of Congress, the great offices' holders, the mayors."""
    return frozenset(_table()[1]) | frozenset(_ministers()[1]) | frozenset(_mayors()[1])


def _offices(role: str) -> set[str]:
    words = fold(role).split()
    for size in (3, 2, 1):
        found = _ROLE_OFFICES.get(" ".join(words[-size:]))
        if found is not None:
            return found
    return set()


def _one_person(found: list[Spell]) -> list[Spell]:
    people = {s.wikidata or s.bioguide or s.name for s in found}
    return found if len(people) == 1 else []


@dataclass(frozen=True, slots=True)
class MayorSpell:
    """One mayor's term in one city (data/mayors.tsv)."""

    name: str
    city: int
    """The city's GeoNames id."""
    start: date
    end: date


def _terms(table: str) -> Iterator[tuple[list[str], list[str], date, date]]:
    """The rows of a table of terms in office (data/mayors.tsv, data/ministers.tsv): the
    holder's names (the first the usual one, then the others the table gives after it), the
    row's own columns, and the term's start and end (``date.max`` while it lasts)."""
    text = files("kg.extract").joinpath("data", table).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    for name, forms, *columns, start, end in rows[1:]:
        names = [name, *(f for f in forms.split("|") if f)]
        ended = date.fromisoformat(end) if end.strip() else date.max
        yield names, columns, date.fromisoformat(start), ended


@cache
def _mayors() -> tuple[dict[str, list[MayorSpell]], dict[str, list[MayorSpell]]]:
    by_name: dict[str, list[MayorSpell]] = {}
    by_surname: dict[str, list[MayorSpell]] = {}
    for names, (city,), start, end in _terms("mayors.tsv"):
        spell = MayorSpell(names[0], int(city), start, end)
        for form in {_key(n) for n in names}:
            by_name.setdefault(form, []).append(spell)
        by_surname.setdefault(_surname(names[0]), []).append(spell)
    return by_name, by_surname


def mayor_city(name: str, when: date | None) -> int | None:
    """The GeoNames id of the city whose mayor a name denotes on ``when`` (any time when it
    is not known), by the mayors table: "Mayor Lori Lightfoot" in 2022 is Chicago's. A
    surname alone ("Mayor Lightfoot") answers when one mayor of the table bears it then
    (the caller decides whether a surname is enough); None when the table does not know the
    name or knows it in two cities.

    >>> mayor_city("Lori Lightfoot", date(2022, 7, 8)), mayor_city("Lightfoot", None)
    (4887398, 4887398)
    >>> mayor_city("Johnson", date(2023, 6, 1)) is None  # Chicago's or Dallas's?
    True
    """
    by_name, by_surname = _mayors()
    key = _key(name)
    table = by_name if " " in key else by_surname
    cities = {s.city for s in table.get(key, []) if when is None or s.start <= when <= s.end}
    return next(iter(cities)) if len(cities) == 1 else None


def mayor_ended(name: str, when: date | None, *, earliest: bool = False) -> bool:
    """Whether the mayors table knows a full name only in terms that ended before ``when``:
    "Mayor Rahm Emanuel" in a report of 2021 names an office he held before. With
    ``earliest``, ``when`` is the earliest date the article can have, and a term that ended
    that day is over too. False when the date is not known or the table does not know the
    name.

    >>> mayor_ended("Rahm Emanuel", date(2021, 3, 1)), mayor_ended("Rahm Emanuel", None)
    (True, False)
    """
    key = _key(name)
    if when is None or " " not in key:
        return False
    found = _mayors()[0].get(key, [])
    return bool(found) and all(s.end <= when if earliest else s.end < when for s in found)


def mayor_since(name: str) -> date | None:
    """The day the mayor a full name denotes first took office, by the mayors table: an
    article calling them "Mayor" is no older ("Mayor Lori Lightfoot": 2019-05-20)."""
    key = _key(name)
    found = _mayors()[0].get(key, []) if " " in key else []
    return min((s.start for s in found), default=None)


@dataclass(frozen=True, slots=True)
class MinisterSpell:
    """One holder's term in one of a country's great offices (data/ministers.tsv)."""

    name: str
    country: str
    office: str
    start: date
    end: date


@cache
def _ministers() -> tuple[dict[str, list[MinisterSpell]], dict[str, list[MinisterSpell]]]:
    by_name: dict[str, list[MinisterSpell]] = {}
    by_surname: dict[str, list[MinisterSpell]] = {}
    for names, (country, office), start, end in _terms("ministers.tsv"):
        spell = MinisterSpell(names[0], country, office, start, end)
        for form in {_key(n) for n in names}:
            by_name.setdefault(form, []).append(spell)
        for surname in {_surname(n) for n in names}:
            by_surname.setdefault(surname, []).append(spell)
    return by_name, by_surname


_GREAT_OFFICES = {
    "prime minister": "prime minister",
    "pm": "prime minister",
    "premier": "prime minister",
    "deputy prime minister": "deputy prime minister",
    "chancellor": "chancellor",
    "chancellor of the exchequer": "chancellor",
    "lord chancellor": "lord chancellor",
    "foreign secretary": "foreign secretary",
    "home secretary": "home secretary",
    "treasurer": "treasurer",
    "foreign minister": "foreign minister",
    "foreign affairs minister": "foreign minister",
    "minister for foreign affairs": "foreign minister",
    "defence minister": "defence minister",
    "defense minister": "defence minister",
    "minister for defence": "defence minister",
    "immigration minister": "immigration minister",
    "minister for immigration": "immigration minister",
    "attorney general": "attorney general",
    "attorney-general": "attorney general",
    "governor general": "governor general",
    "governor-general": "governor general",
    "president": "president",
    # "Interim President Hamid Karzai": the country's presidency, held for a time.
    "interim president": "president",
    "acting president": "president",
    "interim prime minister": "prime minister",
    "acting prime minister": "prime minister",
    "justice": "justice",
    "associate justice": "justice",
    "supreme court justice": "justice",
    "chief justice": "chief justice",
}
"""Role words (folded) -> the office of the ministers table they name."""
# Offices whose holders the table knows by full name only: "Justice Thomas" may be any
# country's judge, not the United States' Clarence Thomas.
_BY_FULL_NAME = frozenset({"justice", "chief justice"})


def minister_country(name: str, when: date | None, role: str) -> str | None:
    """The country (ISO code) whose great office a role names that the person a name
    denotes held on ``when`` (any time when it is not known), by the ministers table:
    "Foreign Secretary Jack Straw" in 2005 (GB), "Foreign Minister Alexander Downer" (AU),
    "Lord Falconer" as Lord Chancellor, "President Emmanuel Macron" (FR). A surname alone
    needs one holder of that office
    then, and a date; None when the table knows nobody, or two people, by that name in
    that office.

    >>> minister_country("Jack Straw", date(2005, 2, 1), "Foreign Secretary")
    'GB'
    >>> minister_country("Jack Straw", date(2005, 2, 1), "Home Secretary") is None
    True
    >>> minister_country("Downer", date(2001, 5, 1), "Foreign Minister")
    'AU'
    >>> minister_country("Angela Merkel", None, "Chancellor"), minister_country("Brown", None, "PM")
    ('DE', None)
    >>> minister_country("Anthony Kennedy", date(2011, 3, 29), "Justice")
    'US'
    >>> minister_country("Kennedy", date(2011, 3, 29), "Justice") is None  # any country's judge
    True
    """
    found = _minister_spells(name, when, role)
    held = {(s.name, s.country) for s in found}
    return next(iter(held))[1] if len(held) == 1 else None


def held_then(name: str, when: date | None, office: str) -> bool:
    """Whether the ministers table knows the person a full name denotes in a great office
    (the words of ``_GREAT_OFFICES``: "chancellor", "prime minister") on ``when``, or at any
    time when it is not known; a surname alone only with a date.

    >>> held_then("Gordon Brown", None, "chancellor"), held_then("Gordon Brown", None, "pm")
    (True, True)
    >>> held_then("Brown", None, "chancellor"), held_then("Jack Straw", None, "chancellor")
    (False, False)
    """
    return bool(_minister_spells(name, when, office))


def countries_held(name: str, when: date | None, office: str) -> frozenset[str]:
    """The countries (ISO codes) whose great office the ministers table gives the person
    on ``when`` (at any time when it is not known), as `held_then` finds them.

    >>> sorted(countries_held("Tony Blair", None, "prime minister"))
    ['GB']
    """
    return frozenset(s.country for s in _minister_spells(name, when, office))


def outside_great_office(name: str, when: date | None, role: str, country: str) -> bool:
    """Whether the ministers table, which holds every holder of a country's great office
    from its first entry on, gives the person a full name denotes no spell in the office a
    role names on ``when`` (at any time, when it is not known): "Attorney General Kwame
    Raoul" in 2022 is not the United States' (Merrick Garland was), so a state's. False
    when the table cannot tell (a surname alone, another office, a date before its
    record)."""
    office = _GREAT_OFFICES.get(" ".join(fold(role).split()))
    key = _key(name)
    if office is None or " " not in key:
        return False
    by_name = _ministers()[0]
    record = [
        s for each in by_name.values() for s in each if (s.office, s.country) == (office, country)
    ]
    if not record or (when is not None and when < min(s.start for s in record)):
        return False
    mine = [s for s in by_name.get(key, []) if (s.office, s.country) == (office, country)]
    return not any(when is None or s.start <= when <= s.end for s in mine)


def _minister_spells(name: str, when: date | None, role: str) -> list[MinisterSpell]:
    """The ministers table's spells of the person a name denotes in the great office a role
    names, held on ``when`` (any time when it is not known); a surname alone only with a
    date ("Prime Minister Martin", undated: Canada's Paul or Ireland's Micheál?)."""
    office = _GREAT_OFFICES.get(" ".join(fold(role).split()))
    key = _key(name)
    if office is None or not key or (" " not in key and (when is None or office in _BY_FULL_NAME)):
        return []
    by_name, by_surname = _ministers()
    table = by_name if " " in key else by_surname
    return [
        s
        for s in table.get(key, [])
        if s.office == office and (when is None or s.start <= when <= s.end)
    ]
