"""Jurisdictions the role's phrase does not name, from evidence elsewhere (marked inferred).

In order, the first that applies: the same person's same office stated elsewhere in the
article; a title joined by "and" to one that names its place ("German Chancellor X and
Foreign Minister Y"); the reference table of officeholders (officeholders.py: a member of
Congress on the article's date holds a United States office); the same person's other
national office; for a city office the city the article names most; for a state office
("state Rep.") the state the article names, else the state of its city; for a national
office the home country, only when the article's domestic signals (its states, parties,
agencies, outlets, publisher: home.py) point to one country and nothing in the sentence
names another. An aide takes the jurisdiction of the office-holder they serve. Where none
of these holds the office is left without a jurisdiction: a wrong one is worse.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.home import (
    DOMESTIC,
    dateline_country,
    domestic_country,
    is_city_too,
    is_located,
    signals,
)
from kg.extract.nlp import Field, Mention, analyse
from kg.extract.officeholders import (
    known_around,
    mayor_city,
    mayor_ended,
    mayor_since,
    minister_country,
    national_everywhere,
    never_in_congress,
    no_older_than,
    outside_great_office,
    spells,
    unknown_holder,
)
from kg.extract.offices import PUBLIC
from kg.extract.organization_names import country_code
from kg.extract.organizations import (
    organization_mentions,
    organization_named,
    organization_names,
)
from kg.extract.owners import LEVEL_NOUNS, organization_before, possessive_level, state_ref
from kg.extract.people import person_mentions
from kg.extract.places import city_ref, country_ref, place_mentions
from kg.extract.positions import Holding, Jurisdiction
from kg.extract.roles import head_not_in, title_countries, title_not_in
from kg.model import Ref
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Span


def fill_bodies(found: list[Holding], context: Context) -> None:
    """An office of a body whose phrase names none belongs to the organization named just
    before it, in its sentence or the one before ("The Northern Alliance ... its leader")."""
    for holding in found:
        if holding.jurisdiction is None and holding.serves is None and holding.role.scope == "body":
            if _complemented(holding):
                continue  # "head of the consumer financial services group for law firm X"
            person, start = holding.person, max(holding.role.start - 1, 0)
            noun = _common_noun_before(holding)
            if noun in _BODY_NOUNS:
                # "Chuck Grassley, the committee chairman": the committee named before.
                body = _body_named_before(person.field, start, noun, context)
            elif noun:
                continue  # "former network chief Roger Ailes": the network's, not the House's
            else:
                body = organization_before(person.field, start, context)
            if body is not None:
                holding.jurisdiction = Jurisdiction(body[0].ref, body[0].name)
                holding.inferred = True
                holding.how = "body-before"


def _complemented(holding: Holding) -> bool:
    """Whether the role's phrase goes on to name what it heads ("head of the ... group"),
    a body no list knows rather than one named before."""
    doc, end = holding.person.field.doc, holding.role.end
    return end < len(doc) and doc[end].lower_ in ("of", "for", "at")


# Words that may stand before an office of the body just named ("its leader", "the group's
# new chairman"), unlike a common noun that names another body ("network chief").
# Not "a" or "an": "Powell, a lawyer, was lauded" names a trade, not an office of the Fed
# named before.
_BEFORE_BODY_OFFICE = frozenset(
    {"its", "their", "the", "top", "new", "current", "longtime", "own", "'s", "’s"}
)


def _common_noun_before(holding: Holding) -> str:
    """The lower-case word other than a determiner or an adjective of rank that stands
    right before the role: a noun naming the body ("company spokesman", "union boss"); ""
    if none."""
    start = holding.role.start
    if start < 1:
        return ""
    token = holding.person.field.doc[start - 1]
    if token.is_lower and token.is_alpha and token.lower_ not in _BEFORE_BODY_OFFICE:
        return token.lower_
    return ""


_BODY_NOUNS = frozenset(
    {"committee", "panel", "subcommittee", "commission", "agency", "council", "board"}
)
"""Nouns that refer back to a public body the article named ("the committee chairman")."""


def _body_named_before(
    field: Field, index: int, noun: str, context: Context
) -> tuple[Mention, str] | None:
    """The last organization named before a token whose name holds ``noun`` ("the Senate
    Judiciary Committee" for "the committee"); a panel is a committee."""
    words = {noun, "committee"} if noun in ("panel", "subcommittee") else {noun}
    before = [
        m
        for m in organization_mentions(context)
        if m.field is field and m.span.end <= index and words & set(fold(m.name).split())
    ]
    return (before[-1], "organization") if before else None


def fill_in(found: list[Holding], context: Context) -> None:
    """Give each holding whose phrase names no jurisdiction the one the evidence supports."""
    stated: dict[tuple[Ref, str], Jurisdiction] = {}
    # The kind of office each stated one is: a club's president stated once is a club's
    # president wherever the text names the office again.
    kinds: dict[tuple[Ref, str], tuple[str, Jurisdiction | None]] = {}
    national: dict[Ref, Jurisdiction] = {}
    marked: dict[tuple[str, int], set[str]] = {}
    by_end: dict[tuple[str, int], Holding] = {}
    for holding in found:
        where, person = holding.jurisdiction, holding.person
        if where is None or holding.serves is not None:
            continue
        stated.setdefault((person.ref, fold(holding.role.text)), where)
        kinds.setdefault((person.ref, fold(holding.role.text)), (holding.kind, holding.body))
        if where.ref.kind == "country" and holding.body is None:
            national.setdefault(person.ref, where)
            sentence = person.field.sentence_index(person.span.start_char)
            marked.setdefault((person.field.name, sentence), set()).add(where.ref.key[8:])
        by_end[person.field.name, person.span.end] = holding
    # "Shadow Treasurer" is the opposition's mirror of the Treasurer: the same country.
    offices: dict[str, Jurisdiction] = {}
    for holding in found:
        if holding.jurisdiction is not None and holding.serves is None:
            offices.setdefault(fold(holding.role.text), holding.jurisdiction)
    places = _Places(context)
    _ended_mayors(found, places.date)
    places.mayors = _table_mayors(found, places)
    for holding in found:
        if holding.jurisdiction is not None or holding.serves is not None:
            continue
        holding.inferred = True
        person = holding.person
        key = (person.ref, fold(holding.role.text))
        ahead = _coordinated(holding, by_end)
        if key in stated:
            holding.jurisdiction, holding.how = stated[key], "stated-elsewhere"
            if key in kinds:
                holding.kind, holding.body = kinds[key]
        elif ahead is not None and ahead.role.scope == holding.role.scope:
            holding.jurisdiction, holding.how = ahead.jurisdiction, "coordinated"
            if ahead.kind != PUBLIC:
                # "Adventure World president Stephan Friedli and vice-president Peter
                # Balmer": the same body's officers; a public office ahead makes none
                # public ("White House counsel Don McGahn and campaign lawyer Ben Ginsberg").
                holding.kind, holding.body = ahead.kind, ahead.body
        else:
            holding.jurisdiction = _from_evidence(holding, national, offices, marked, places)
        if holding.jurisdiction is not None:
            stated.setdefault(key, holding.jurisdiction)
            offices.setdefault(fold(holding.role.text), holding.jurisdiction)
            if holding.jurisdiction.ref.kind == "country":
                # One person's offices with no country stated are in one country ("Defence
                # Minister Robert Hill ... Senator Hill").
                national.setdefault(person.ref, holding.jurisdiction)
    _not_in_table(found, places)
    _devolved_frontbenches(found, places)
    # An aide serves the jurisdiction of the office-holder they serve ("Adams spokesperson").
    held = {h.person.ref: h.jurisdiction for h in found if h.serves is None and h.jurisdiction}
    for holding in found:
        if holding.serves is not None and holding.jurisdiction is None:
            holding.jurisdiction = held.get(holding.serves.ref)
            holding.inferred = True
            holding.how = "aide"


def _devolved_frontbenches(found: list[Holding], places: _Places) -> None:
    """A party's frontbench spokesperson in a report on a devolved government ("Tory finance
    spokesman Brian Monteith" beside the Scottish Executive, naming no body of
    Westminster's): a member of the nation's parliament, speaking there."""
    frontbench = [
        h
        for h in found
        if "frontbench" in h.how
        and h.jurisdiction is not None
        and h.jurisdiction.ref == country_ref("GB")
    ]
    nation = places.devolved("GB") if frontbench else None
    if nation is None:
        return
    for holding in frontbench:
        holding.jurisdiction = nation
        holding.how += ">devolved"


def _is_mayor(holding: Holding) -> bool:
    """Whether the role is a city's mayor itself ("Mayor"), not a deputy's or a lord
    mayor's."""
    return fold(holding.role.text) == "mayor"


def _ended_mayors(found: list[Holding], when: date | None) -> None:
    """ "Mayor Rahm Emanuel" in a report of 2021: an office the mayors table shows its holder
    had left before the article's date is past, whatever city the text names. An undated
    article is no older than the terms of the mayors it names ("Mayor Lori Lightfoot":
    2019 on), so "when Mayor Richard Daley closed seven centers" there is a past office."""
    mayors = [h for h in found if _is_mayor(h) and not h.role.past]
    earliest = when is None
    if earliest:
        when = max(filter(None, (mayor_since(h.person.name) for h in mayors)), default=None)
    for holding in mayors:
        if mayor_ended(holding.person.name, when, earliest=earliest):
            holding.role = replace(holding.role, past=True)


def _table_mayors(found: list[Holding], places: _Places) -> dict[Ref, int]:
    """The people the article calls "Mayor" whom the mayors table knows by their full name
    on its date, with their city's GeoNames id."""
    known: dict[Ref, int] = {}
    for holding in found:
        name = holding.person.name
        if _is_mayor(holding) and not holding.role.past and " " in name.strip():
            city = mayor_city(name, places.date)
            if city is not None:
                known.setdefault(holding.person.ref, city)
    return known


def _not_in_table(found: list[Holding], places: _Places) -> None:
    """A United States office the text does not name as such ("President", "Senate Majority
    Leader", not "U.S. Senator") whose holder the officeholders table, complete for that
    office on the article's date, does not know: not the United States' ("President Emmanuel
    Macron" in a Washington report, a state senate's leader). None rather than a guess.
    In an undated article, a seat in Congress whose holder the table never knew is the
    state legislature's of the one state the article names ("Rep. Kam Buckner (D-26th)"
    in a Chicago paper: an Illinois state representative)."""
    when = places.date
    earliest = when is None
    if earliest:
        # No date: the article is no older than the offices it gives that the table knows
        # ("President Donald Trump": 2017-01-20 or later).
        bounds = [no_older_than(h.person.name, h.role.text, former=h.role.past) for h in found]
        when = max((d for d in bounds if d is not None), default=None)
    for holding in found:
        where = holding.jurisdiction
        if where is None or where.ref.key != "country/US" or holding.serves is not None:
            continue
        if holding.how == "phrase" or holding.role.past:
            continue  # "U.S. Rep. Jane Roe": the text names the country with the office
        name, role = holding.person.name, holding.role.text
        if unknown_holder(name, when, role, earliest=earliest):
            holding.how += ">not-in-table"
            holding.jurisdiction = _state_seat(holding, places) or _other_country(holding, places)
        elif earliest and never_in_congress(name, role):
            # No one state named: a member of Congress of before the table ("Senator
            # Jesse Helms" in a report of 2001) as likely; the country stands.
            holding.how += ">never-in-congress"
            holding.jurisdiction = _state_seat(holding, places) or where
        elif fold(role) in _ATTORNEY_GENERAL and outside_great_office(
            name, places.date, role, "US"
        ):
            # "incumbent Attorney General Kwame Raoul" in a report on Illinois: every
            # state has an attorney general, and the United States' was someone else.
            holding.how += ">not-the-country's"
            holding.jurisdiction = _named_state(holding, places)


_ATTORNEY_GENERAL = frozenset({"attorney general", "attorney-general"})


def _other_country(holding: Holding, places: _Places) -> Jurisdiction | None:
    """A head of state or government the United States table does not know ("President Juan
    Orlando Hernandez" in a Washington report on Honduras): the one other country that has
    the office named in the holder's sentence, if the article names it most of all the
    others (`_MAIN_COUNTRY_SHARE`); None for a president the table knows at any time
    ("President Dwight D. Eisenhower" in 2017 is the United States' of the past)."""
    person, role = holding.person, holding.role
    if fold(role.text) not in _HEADS or spells(person.name, None, role.text):
        return None
    absent = title_not_in(person.field.doc, role) | {"US"}
    found = [s for s in signals(places.context) if s.iso not in absent]
    sentence = person.field.sentence_index(person.span.start_char)
    near = {s.iso for s in found if s.field == person.field.name and s.sentence == sentence}
    ranked = Counter(s.iso for s in found).most_common(2)
    if len(near) != 1 or ranked[0][0] not in near:
        return None
    if len(ranked) == 2 and ranked[0][1] < _MAIN_COUNTRY_SHARE * ranked[1][1]:
        return None
    holding.how += ">main-other-country"
    return places.country(ranked[0][0])


_HEADS = frozenset({"president", "vice president", "prime minister"})
_MAIN_COUNTRY_SHARE = 3
"""How many times as often as any other the one other country must be named."""


def _state_seat(holding: Holding, places: _Places) -> Jurisdiction | None:
    """The state whose legislature holds a seat the text calls a senator's or a
    representative's and Congress does not: the one state the article names, if any."""
    if not never_in_congress(holding.person.name, holding.role.text, surname=False):
        return None
    return _named_state(holding, places)


def _named_state(holding: Holding, places: _Places) -> Jurisdiction | None:
    """The one state the article names for a holding (``_Places.state``), its evidence
    added to the holding's ``how``."""
    how = holding.how
    state = places.state(holding)
    holding.how = f"{how}>{holding.how}" if state else how
    return state


def _coordinated(holding: Holding, by_end: dict[tuple[str, int], Holding]) -> Holding | None:
    """ "German Chancellor Gerhard Schroeder and Foreign Minister Joschka Fischer": the title
    joined by "and" to a name with a stated place."""
    doc, start = holding.person.field.doc, holding.role.start
    if holding.titled and start > 1 and doc[start - 1].lower_ == "and":
        return by_end.get((holding.person.field.name, start - 1))
    return None


def _from_evidence(
    holding: Holding,
    national: dict[Ref, Jurisdiction],
    offices: dict[str, Jurisdiction],
    marked: dict[tuple[str, int], set[str]],
    places: _Places,
) -> Jurisdiction | None:
    person, role = holding.person, holding.role
    minister = minister_country(person.name, places.date, role.text)
    if minister is not None:
        # "Foreign Secretary Jack Straw" in a report on Kashmir, "Foreign Minister Alexander
        # Downer" in one on Zimbabwe: the table of great offices knows them there then.
        holding.how = "ministers-table"
        return places.country(minister)
    level = _body_level(holding, places.context)
    scope = level or _scope(holding)
    if scope == "city" and _state_service(holding, places):
        scope = "state"
    if scope in ("city", "state", "county"):
        if scope == "city":
            found = places.city(holding)
        elif scope == "state":
            found = places.state(holding)
        else:
            holding.how = "county"
            found = places.county()
        if level:
            holding.how = f"body-level>{holding.how}"
        return found
    if scope == "court":
        # "Judge Ronald Gould said the court would rule" in a report on the "9th U.S.
        # Circuit Court of Appeals": a judge of the courts the article names, all federal.
        holding.how = "federal-courts"
        if places.federal_courts_only():
            return places.country("US")
        users = title_countries(person.field.doc, role)
        if len(users) == 1:
            # "Lord Woolf, the Lord Chief Justice": a title one country's courts have.
            holding.how = "title-country"
            return places.country(next(iter(users)))
        country = places.courts_country()
        if country is not None:
            # "trial judge Justice Richard Curtis" in a report from "Lewes Crown Court".
            holding.how = "courts-country"
            return places.country(country)
        return None
    if scope != "country":
        return None
    seat = _INTERNATIONAL_SEATS.get(fold(person.field.doc[role.head_start : role.end].text))
    if seat is not None:
        # "Labour MEP Glenys Kinnock": a Member of the European Parliament sits for the
        # European Union, whatever country elected them (unless the phrase names it).
        body = organization_named(seat)
        if body is not None:
            holding.how = "international-seat"
            return Jurisdiction(body.ref, body.name)
    users = title_countries(person.field.doc, role)
    us_title = "US" not in title_not_in(person.field.doc, role) and (not users or "US" in users)
    if (
        spells(person.name, places.date, role.text)
        # "President Bush", undated: one of two presidents, both the United States'.
        or national_everywhere(person.name, places.date, role.text)
        # A US politician of the time by that name holds a US office, if the US has it:
        # "Labour MP Chris Smith" in a BBC report is not the New Jersey congressman.
        or (us_title and known_around(person.name, places.date))
    ):
        holding.how = "officeholders"
        return places.country("US")
    mirrored = _shadowed(role.text)
    holding.how = "national-other"
    found = national.get(person.ref) or (offices.get(mirrored) if mirrored else None)
    if found is not None:
        return found
    owner = _pronoun_owner(holding, national, places.context)
    if owner is not None:
        # "Turkish President Tayyip Erdogan said his foreign minister, Mevlut Cavusoglu":
        # the government of the one "his" is.
        holding.how = "pronoun-owner"
        return owner
    party = _party_country(holding, places.context)
    if party is not None:
        # "Labour MP Chris Smith", "Tory peer Lord Campbell": the holder's party named
        # with an office of a place is a party of one country, whose office it is.
        holding.how = "party-country"
        return _state_instead(holding, places, party) or places.country(party)
    sentence = person.field.sentence_index(person.span.start_char)
    foreign = frozenset(marked.get((person.field.name, sentence), ()))
    home = places.home(person.field.name, sentence, foreign)
    dated = False
    if home is None:
        home = places.dateline_home(person.field.name, sentence, foreign)
        dated = home is not None
    if home is None and not _federal(holding):
        stated = places.country_of_office(role.text)
        if stated is not None:
            # "Iraq's ambassador said ... The statement by Ambassador Abbas Khalaf": with no
            # home country, the one country the text gives that office elsewhere.
            holding.how = "stated-for-a-country"
            return stated
    if home is None and _federal(holding):
        # "Federal Science Minister Peter McGauran" in a report naming only Sydney: the
        # federal government of the one federation whose places the article names.
        home = places.federation(foreign)
        holding.how = "federal"
        if home is not None:
            return home
    if users and (home is None or home.ref.key.partition("/")[2] not in users):
        # "Secretary of State Rex Tillerson" in a Beijing report: not China's; the one
        # country using the title that the article names, else none.
        named = users & places.named_countries()
        holding.how = "title-country"
        return places.country(next(iter(named))) if len(named) == 1 else None
    absent = title_not_in(person.field.doc, role)
    if holding.body is not None and "ministry" in fold(holding.body.name).split():
        absent |= head_not_in("minister")  # "Foreign Ministry spokesman": not Washington's
    if home is not None and home.ref.key.partition("/")[2] in absent:
        # "Prime Minister Benjamin Netanyahu" in a Washington report: not the United States'.
        holding.how = "home-domestic>no-such-title"
        if _federal(holding):
            # "The Federal Agriculture Minister ... the United States Congress": the one
            # federation named that has the office.
            return places.federation_with(absent)
        stated = places.country_of_office(role.text)
        if stated is not None:
            # "Pence voices U.S. concern to Turkish prime minister ... a meeting with Prime
            # Minister Binali Yildirim": the one country the text gives that office.
            holding.how += ">stated-for-a-country"
        return stated
    holding.how = "dateline-sentence" if dated else "home-domestic"
    if home is not None and _devolvable(holding):
        nation = places.devolved(home.ref.key.partition("/")[2])
        if nation is not None:
            # "Deputy Health Minister Rhona Brankin" in a report on the Scottish Executive:
            # the devolved government's minister, not the United Kingdom's.
            holding.how = "devolved"
            return nation
    if home is not None:
        iso = home.ref.key.partition("/")[2]
        state = _state_instead(holding, places, iso)
        if state is not None:
            return state
        if _state_level(holding) and places.states_only(iso, parties=iso != "GB"):
            # "Emergency Services Minister Ted Quinlan" in a report naming New South Wales
            # and the ACT about as often: a state's minister as likely as the federation's
            # (not "Defence Minister": no state has one), and no one state to give.
            holding.how = "home-domestic>states-only"
            return None
    return home


# Australia's territories by the abbreviations news writes them with (not in
# data/states.tsv, where "Act" or "Nt" in any case would be read as them).
_TERRITORIES = {"ACT": "Australian Capital Territory", "NT": "Northern Territory"}


def _state_instead(holding: Holding, places: _Places, iso: str) -> Jurisdiction | None:
    """The state whose office a title that states have too is, in an article whose only
    signals of a federation are its states (and parties): "Police Minister David
    Llewellyn", "Speaker Michael Polley" in a report on Tasmania's parliament. The one
    state the holder's sentence names, else the only state the article names. Not
    the United Kingdom's nations, whose MPs sit at Westminster (their devolved ministers
    are `_Places.devolved`'s)."""
    if iso == "GB" or not _state_level(holding) or not places.states_only(iso, parties=True):
        return None  # the United Kingdom's nations: `_Places.devolved`
    how = holding.how
    state = places.state(holding)  # names its evidence in holding.how
    if state is None or (holding.how != "state-sentence" and places.other_states(state)):
        # "Emergency Services Minister Ted Quinlan" in a report on New South Wales's fires
        # with a paragraph on the ACT's: either state's minister.
        holding.how = how  # the country's evidence stands
        return None
    holding.how = "home-domestic>state"
    return state


# The last words of titles a federation's states have as well as the federation: their
# ministers, treasurers, attorneys-general, speakers and members (the Australian states'
# parliaments and governments, Wikipedia "States and territories of Australia").
_STATE_LEVEL_TOO = frozenset(
    {"minister", "treasurer", "attorney-general", "speaker", "backbencher", "mp", "mla", "mlc"}
)


def _state_level(holding: Holding) -> bool:
    """Whether a title is one a federation's states have too: a minister (not the prime
    minister, nor of a portfolio the federation keeps: `_FEDERAL_PORTFOLIOS`), a treasurer,
    an attorney-general, a speaker, a member of a parliament."""
    words = fold(holding.role.text).replace("attorney general", "attorney-general").split()
    if not words or words[-1] not in _STATE_LEVEL_TOO or "prime" in words:
        return False
    return not _FEDERAL_PORTFOLIOS & set(words) and not _federal(holding)


_FEDERAL_PORTFOLIOS = frozenset({"defence", "defense", "foreign", "immigration", "trade"})
"""Words of a minister's portfolio that a federation keeps for itself, its states having
none (the Australian Constitution, section 51: defence, external affairs, immigration,
trade with other countries)."""


def _federal(holding: Holding) -> bool:
    """Whether "federal" qualifies the role ("Federal Science Minister", "the federal
    health minister")."""
    doc, start = holding.person.field.doc, holding.role.start
    words = fold(holding.role.text).split()
    return (bool(words) and words[0] == "federal") or (
        start > 0 and doc[start - 1].lower_ == "federal"
    )


def _pronoun_owner(
    holding: Holding, national: dict[Ref, Jurisdiction], context: Context
) -> Jurisdiction | None:
    """The country of a national office that "his" or "her" gives to the person named
    last before it in its sentence, when that person holds a national office there ("Turkish
    President Tayyip Erdogan said his foreign minister, Mevlut Cavusoglu, ..."); None
    otherwise."""
    person, role = holding.person, holding.role
    field, doc = person.field, person.field.doc
    if role.start == 0 or doc[role.start - 1].lower_ not in ("his", "her"):
        return None
    sentence = field.sentence_index(person.span.start_char)
    before = [
        m
        for m in person_mentions(context)
        if m.field is field
        and m.span.end < role.start
        and m.ref != person.ref
        and field.sentence_index(m.span.start_char) == sentence
    ]
    if not before:
        return None
    return national.get(max(before, key=lambda m: m.span.start).ref)


def _party_country(holding: Holding, context: Context) -> str | None:
    """The country (ISO code) of the party named right before a national office ("Labour
    MP", "Republican Senator"), as the gazetteer gives it (a name two countries' parties
    share is read as the one of the country the passage is about); None if no party is
    named there or the party is of no one country."""
    person, start = holding.person, holding.role.start
    names = organization_names(context)
    for mention in organization_mentions(context):
        if mention.field is person.field and mention.span.end == start:
            named = names.get(mention.ref)
            if named is not None and named.kind == "party" and named.country:
                return named.country
    return None


def _devolvable(holding: Holding) -> bool:
    """Whether a national title is one a devolved government uses too: a minister (not the
    prime minister), as the Scottish, Welsh and Northern Ireland executives have; not a
    secretary of state, an MP, a chancellor (the United Kingdom's own offices)."""
    words = fold(holding.role.text).split()
    return bool(words) and words[-1] == "minister" and "prime" not in words


_INTERNATIONAL_SEATS = {"mep": "European Union", "euro mp": "European Union"}
"""Titles of the members of an international body's assembly, and the body whose office
they hold (LABELLING.md: an MEP's jurisdiction is the European Union, or their country
where the text names it)."""


def _body_level(holding: Holding, context: Context) -> str:
    """The level of government a lower-case word or a possessive names right before the
    body an office belongs to, where the body's own name says no place ("an assistant
    commissioner in the city Department of Public Health", "the county's Board of
    Review"); "" if none."""
    body = holding.body
    if body is None or holding.jurisdiction is not None:
        return ""
    person = holding.person
    doc = person.field.doc
    mentions = [
        m for m in organization_mentions(context) if m.field is person.field and m.ref == body.ref
    ]
    if not mentions:
        return ""
    # The mention nearest the office's role.
    start = min(mentions, key=lambda m: abs(m.span.start - holding.role.start)).span.start
    if start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in LEVEL_NOUNS:
        return LEVEL_NOUNS[doc[start - 1].lower_]
    return possessive_level(doc, start)


# Countries whose police forces and fire services are their states' and territories', not
# their cities' (Wikipedia "Law enforcement in Australia", "Fire services in Australia").
_STATE_SERVICE_COUNTRIES = frozenset({"AU"})
_CITY_SERVICES = frozenset({"police", "fire"})


def _state_service(holding: Holding, places: _Places) -> bool:
    """Whether an office a city would have is a police force's or fire service's in a
    country whose states run them: "Rural Fire Service Commissioner Phil Koperberg",
    "Police Commissioner Peter Ryan" in an Australian report are a state's officers."""
    words = fold(holding.role.text).split()
    if holding.body is not None:
        words += fold(holding.body.name).split()
    if not _CITY_SERVICES.intersection(words):
        return False
    person = holding.person
    home = places.home(
        person.field.name, person.field.sentence_index(person.span.start_char), frozenset()
    )
    return home is not None and home.ref.key.partition("/")[2] in _STATE_SERVICE_COUNTRIES


_PUBLIC_LEVELS = frozenset({"city", "county", "state", "country"})


def _scope(holding: Holding) -> str:
    """How the jurisdiction is found: the level of the body it belongs to, or the level a
    possessive before the role names ("the state's attorney general": a state office, not
    the country's; "the city's budget director"), else the role's own, except that "state"
    in a legislator's title makes it a state office ("state Rep.", "state Sen.")."""
    if holding.level:
        return holding.level
    level = possessive_level(holding.person.field.doc, holding.role.start)
    if level:
        return level
    words = fold(holding.role.text).split()
    # "state Rep.", not "Secretary of State for the Family".
    state = any(w == "state" and words[i - 1 : i] != ["of"] for i, w in enumerate(words[:-1]))
    if holding.role.scope == "country" and (state or _assembly(holding)):
        return "state"
    if "county" in words[:-1] and holding.role.scope in _PUBLIC_LEVELS:
        return "county"  # "county Treasurer Maria Pappas", "County Clerk Karen Yarbrough"
    return holding.role.scope


# Words before "Assembly" that make it a country's or a body's, not a state's or a devolved
# nation's ("National Assembly Speaker", "the U.N. General Assembly President").
_NATIONAL_ASSEMBLIES = frozenset(
    fold(w) for w in ("National", "General", "European", "Parliamentary", "Constituent", "People's")
)


def _assembly(holding: Holding) -> bool:
    """Whether a national title follows a bare "Assembly", a US state's lower house or a
    devolved nation's ("Assembly Speaker Anthony Rendon", "Assembly Member Jane Roe"):
    the office is of that level."""
    doc, start = holding.person.field.doc, holding.role.start
    if start == 0 or doc[start - 1].text != "Assembly":
        return False
    return start < 2 or fold(doc[start - 2].text) not in _NATIONAL_ASSEMBLIES


def _big(city: Ref) -> bool:
    """A city big enough to be the one a passage is about rather than a neighbourhood of
    the article's city that shares a town's name elsewhere ("Hyde Park", "Woodlawn")."""
    return gz.city(int(city.key.partition("/")[2])).population >= _BIG_CITY


_BIG_CITY = 100_000

_FEDERAL_COURT = re.compile(r"\bU\.\s?S\.|\b(?:US|United States|[Ff]ederal)\b")
"""Words that make a court named a United States federal one."""

_COUNTY = re.compile(
    r"\b(?!(?:The|This|That|Each|Every|A|One) )(?:[A-Z][\w'’.-]*[a-z] ){1,2}County\b"
)
"""A county named by its form ("Cook County", "Los Angeles County")."""


def _opening_city(name: str) -> Jurisdiction | None:
    """The big city whose name opens a body's longer name ("Chicago Park District", "New
    York City Council"), not a state's or a country's ("New York State Assembly")."""
    words = re.sub(r"^(?:the|The)\s+", "", name).split()
    for size in range(min(3, len(words) - 1), 0, -1):
        opening = " ".join(words[:size])
        if gz.state_by_form().get(fold(opening)) is not None or opening in gz.demonyms():
            continue
        found = gz.places(opening, primary=True)
        if not found or not isinstance(found[0], gz.City) or found[0].name != opening:
            continue
        if found[0].population >= _BIG_CITY:
            return Jurisdiction(city_ref(found[0].geonameid), found[0].name)
    return None


def _nation_in(name: str, iso: str) -> str:
    """The division of a country (data/states.tsv) a body's name names by a word or its
    adjective ("Scottish Executive": Scotland), or ""."""
    states = gz.state_by_form()
    words = fold(name).split()
    for size in (2, 1):  # "Northern Ireland Assembly", "Welsh Assembly"
        for start in range(len(words) - size + 1):
            state = states.get(" ".join(words[start : start + size]))
            if state is not None and state.country == iso:
                return state.name
    return ""


def _state_named(ent: Span) -> gz.State | None:
    """The state an entity names: a place's name ("Victoria"), or a state's name the model
    took for a body, with its article and possessive ("The Northern Territory's coroner")."""
    words = [t for t in ent if t.lower_ not in ("the", "'s", "’s")]
    if ent.label_ == "ORG" and (ent.ent_id_ or len(words) == len(ent)):
        return None  # a body of the state's name ("Victoria Police" is no ORG "Victoria")
    return gz.state_by_form().get(fold(" ".join(t.text for t in words)))


def _unmistakable(city: gz.City) -> bool:
    """Whether a city's name leaves its state in no doubt: no other place of that name has
    half its people ("Chicago", "Portland"; not "Springfield", "Aurora")."""
    others = [p for p in gz.places(city.name, primary=True) if p != city]
    return all(isinstance(p, gz.City) and p.population * 2 <= city.population for p in others)


def _shadowed(role: str) -> str | None:
    """The office a shadow office mirrors ("Shadow Treasurer" -> "treasurer"), if it is one."""
    words = fold(role).split(" ")
    return " ".join(words[1:]) if len(words) > 1 and words[0] == "shadow" else None


_DEVOLVED_SERVICES = frozenset({"National Health Service"})
"""Bodies of a country's name that each devolved nation runs for itself (Wikipedia
"National Health Service": NHS England, NHS Scotland, NHS Wales): no sign of the
country's own government."""


class _Places:
    """The places an article names, counted once: where its city and state offices are."""

    def __init__(self, context: Context) -> None:
        self.context = context
        published = context.article.published
        self.date: date | None = published.date() if published else None
        self.cities: Counter[Jurisdiction] = Counter()
        self.states: Counter[Jurisdiction] = Counter()
        self.mayors: dict[Ref, int] = {}
        """People the article calls "Mayor" whom the mayors table places, and the city."""
        for mention in place_mentions(context):
            if mention.ref.kind == "city":
                self.cities[Jurisdiction(mention.ref, mention.name)] += 1
        self._state_sentences: dict[tuple[str, int], set[Jurisdiction]] = {}
        self._named_states: set[Jurisdiction] = set()
        """Every state the article names, by any label, or by an abbreviation the model
        labels nothing ("a total fire ban is in force in the ACT")."""
        for field in analyse(context):
            for ent in field.ents:
                if ent.label_ in ("GPE", "NORP", "LOC", "ORG") and ent.text[:1].isupper():
                    state = _state_named(ent)
                    if state is None or is_city_too(state):
                        continue  # "Washington said": the capital, as often as the state
                    where = Jurisdiction(state_ref(state.name), state.name)
                    self._named_states.add(where)
                    if ent.label_ == "LOC":
                        continue
                    self.states[where] += 1
                    at = (field.name, field.sentence_index(ent.start_char))
                    self._state_sentences.setdefault(at, set()).add(where)
            for token in field.doc:
                if len(token.text) > 1 and token.text.isupper() and not token.ent_type_:
                    name = _TERRITORIES.get(token.text)
                    state = gz.state_by_form().get(fold(name or token.text))
                    if state is not None:
                        self._named_states.add(Jurisdiction(state_ref(state.name), state.name))
        self._by_sentence: dict[tuple[str, int], set[str]] = {}
        for mention in place_mentions(context):
            if mention.ref.kind == "country" and not is_located(mention):
                at = (mention.field.name, mention.field.sentence_index(mention.span.start_char))
                self._by_sentence.setdefault(at, set()).add(mention.ref.key.partition("/")[2])
        for field in analyse(context):
            for ent in field.ents:
                iso = gz.demonyms().get(ent.text) if ent.label_ == "NORP" else None
                if iso is not None and not iso.startswith("org:"):
                    at = (field.name, field.sentence_index(ent.start_char))
                    self._by_sentence.setdefault(at, set()).add(iso)
        names = organization_names(context)
        for mention in organization_mentions(context):
            named = names.get(mention.ref)
            if named is not None and named.city is not None:
                self.cities[Jurisdiction(city_ref(named.city), gz.city(named.city).name)] += 1
            else:
                # "Chicago Park District", "Chicago City Council": a body named for its city.
                opening = _opening_city(mention.name)
                if opening is not None:
                    self.cities[opening] += 1

    def city(self, holding: Holding) -> Jurisdiction | None:
        """The city named in the holder's sentence (the nearest), else the one the article
        names most."""
        person = holding.person
        field, sentence = person.field, person.field.sentence_index(person.span.start_char)
        top = self._main_city()
        top_ref = top.ref if top is not None else None
        # A city inside a body's name ("Members of the Broken Arrow Horseback Riding Club
        # wave ... Ald. Sophia King", "the Economic Club of Washington") is where the body
        # is, not the office.
        bodies = [m.span for m in organization_mentions(self.context) if m.field is field]
        near = [
            m
            for m in place_mentions(self.context)
            if m.ref.kind == "city"
            and m.field is field
            and field.sentence_index(m.span.start_char) == sentence
            and (m.ref == top_ref or _big(m.ref))
            and not any(
                b.start <= m.span.start and m.span.end <= b.end and len(b) > len(m.span)
                for b in bodies
            )
        ]
        closest = (
            min(near, key=lambda m: abs(m.span.start_char - person.span.start_char))
            if near
            else None
        )
        if _is_mayor(holding):
            known = self.mayors.get(person.ref) or mayor_city(person.name, self.date)
            if known is not None:
                table = Jurisdiction(city_ref(known), gz.city(known).name)
                text = closest.ref if closest is not None else top_ref
                named = table.ref in {j.ref for j in self.cities} | {m.ref for m in near}
                if text is None or text == table.ref or (person.ref in self.mayors and named):
                    holding.how = "mayors-table"
                    return table
                if person.ref in self.mayors:
                    # The table's city for a full name, another city in the text, and the
                    # table's city named nowhere: a namesake, or a visit? None.
                    holding.how = "mayors-table>conflict"
                    return None
                # A surname alone ("Mayor Wu") is the table's mayor only where the
                # article's own city does not say otherwise: the text's city, below.
        if closest is not None:
            holding.how = "city-sentence"
            return Jurisdiction(closest.ref, closest.name)
        holding.how = "city-main"
        if top is None:
            # No city named: a city office of the article whose mayor the table places
            # ("Mayor Lori Lightfoot ... Alderman Leslie Hairston"), when it places one.
            cities = set(self.mayors.values())
            if len(cities) == 1:
                holding.how = "city-of-mayor"
                known = next(iter(cities))
                return Jurisdiction(city_ref(known), gz.city(known).name)
        return top

    def _main_city(self) -> Jurisdiction | None:
        """The city whose mayor the article names (by the mayors table) where it names the
        city too, else the big city the article names most, else the city it names most: a
        local paper names its city's neighbourhoods ("Hyde Park") and places its stories
        name ("the Broken Arrow Horseback Riding Club") more often than the city."""
        placed = {city_ref(known) for known in self.mayors.values()}
        if len(placed) == 1:
            named = [j for j in self.cities if j.ref in placed]
            if named:
                return named[0]
        big = [(n, j) for j, n in self.cities.most_common() if _big(j.ref)]
        if big:
            return big[0][1]
        return self.cities.most_common(1)[0][0] if self.cities else None

    def state(self, holding: Holding) -> Jurisdiction | None:
        """The one state the holder's sentence names, else the state the article names
        clearly most (twice as often as any other), else the state of the city it names
        most; none when the article names several states about as often ("Republicans
        in Texas, Florida and Ohio ... Governor John Kasich")."""
        person = holding.person
        at = (person.field.name, person.field.sentence_index(person.span.start_char))
        near = self._state_sentences.get(at, set())
        if len(near) == 1:
            holding.how = "state-sentence"
            return next(iter(near))
        ranked = self.states.most_common(2)
        holding.how = "state-most"
        if len(ranked) == 1 or (len(ranked) == 2 and ranked[0][1] >= 2 * ranked[1][1]):
            return ranked[0][0]
        if ranked:
            return None
        holding.how = "state-city"
        main = self._main_city()
        if main is None:
            return None
        city = gz.city(int(main.ref.key.partition("/")[2]))
        if not _unmistakable(city):
            return None  # "Springfield": Illinois's, Missouri's or Massachusetts's?
        if city.country == "US" and city.admin1 == "DC":
            # Washington is no state's city: the District of Columbia has no governor and
            # no state legislature (Wikipedia "Washington, D.C."); a Washington dateline
            # says where the news is written, not which state's governor speaks.
            return None
        name = gz.state_of_city(city)  # "Melbourne": Victoria's
        return Jurisdiction(state_ref(name), name) if name else None

    def other_states(self, state: Jurisdiction) -> bool:
        """Whether the article names a state other than this one."""
        return bool(self._named_states - {state})

    def federal_courts_only(self) -> bool:
        """Whether the article names courts and every one is a United States federal
        court ("the 9th U.S. Circuit Court of Appeals", "the U.S. Supreme Court"); a court
        named with no country ("Circuit Court", "Cook County Circuit Court") may be a
        state's."""
        courts = {
            m.name for m in organization_mentions(self.context) if "court" in fold(m.name).split()
        }
        return bool(courts) and all(_FEDERAL_COURT.search(name) for name in courts)

    def courts_country(self) -> str | None:
        """The one country outside the United States whose towns name every court the
        article names ("Lewes Crown Court": England's, the United Kingdom's); None when a
        court names no town, or the towns are of several countries or of the United States
        (whose courts are a state's as often as the federation's)."""
        countries: set[str] = set()
        for mention in organization_mentions(self.context):
            words = mention.name.split()
            cut = next((i for i, w in enumerate(words) if w.lower() == "court"), None)
            if cut is None:
                continue
            # The town stands before the court's word ("Lewes Crown Court"); what follows
            # "of" is the court's business ("the Court of Session").
            words = words[:cut]
            towns = [
                p
                for size in (2, 1)
                for i in range(len(words) - size + 1)
                for p in gz.places(" ".join(words[i : i + size]), primary=True)
                if isinstance(p, gz.City)
            ]
            if not towns:
                return None
            countries.add(max(towns, key=lambda c: c.population).country)
        if len(countries) != 1 or "US" in countries:
            return None
        return next(iter(countries))

    def county(self) -> Jurisdiction | None:
        """The county the article names ("Cook County"), when it names only one."""
        counties = {
            fold(m.group(0)): m.group(0)
            for field in analyse(self.context)
            for m in _COUNTY.finditer(field.text)
        }
        if len(counties) != 1:
            return None
        name = next(iter(counties.values()))
        return Jurisdiction(state_ref(name), name)

    def devolved(self, iso: str) -> Jurisdiction | None:
        """The one devolved nation of a country (data/states.tsv: Scotland, Wales) whose
        government the article names ("the Scottish Executive", "Holyrood"), when it names
        no body or seat of the country's own government ("Whitehall", "the Home Office",
        "the Commons"): the article is about that nation's government."""
        nations: set[str] = set()
        national = 0
        names = organization_names(self.context)
        for mention in organization_mentions(self.context):
            named = names.get(mention.ref)
            if named is None or named.kind != "government" or named.country != iso:
                continue
            if named.name in _DEVOLVED_SERVICES:
                continue  # "NHS staff" in Wales: each nation runs its own
            nation = _nation_in(mention.name, iso)
            if nation:
                nations.add(nation)
            else:
                national += 1
        for field in analyse(self.context):
            for ent in field.ents:
                place = gz.seats().get(fold(re.sub(r"^(?:the|The)\s+", "", ent.text)))
                if place == iso:
                    national += 1
                elif place is not None and _nation_in(place, iso):
                    nations.add(place)
        if national or len(nations) != 1:
            return None
        nation = next(iter(nations))
        return Jurisdiction(state_ref(nation), nation)

    def federation(self, foreign: frozenset[str]) -> Jurisdiction | None:
        """The one country whose places or bodies the article names, when that country
        has states (data/states.tsv) and no other country is named."""
        named = self.named_countries()
        if len(named) != 1 or named & foreign:
            return None
        iso = next(iter(named))
        federal = any(state.country == iso for state in gz.state_by_form().values())
        return self.country(iso) if federal else None

    def federation_with(self, absent: frozenset[str]) -> Jurisdiction | None:
        """The one country with states (data/states.tsv) the article names, other than
        those without the office (``absent``)."""
        federations = {state.country for state in gz.state_by_form().values()}
        named = (self.named_countries() & federations) - absent
        return self.country(next(iter(named))) if len(named) == 1 else None

    def states_only(self, iso: str, *, parties: bool) -> bool:
        """Whether the article's domestic signals of a country are its states alone (no
        body, seat of government, medium or publisher of the country's own); with
        ``parties``, its parties, which a federation's states' politics have too, say
        nothing (the United Kingdom's parties are Westminster's)."""
        kinds = {s.kind for s in signals(self.context) if s.iso == iso and s.kind in DOMESTIC}
        return (kinds - {"party"} if parties else kinds) == {"state"}

    def country_of_office(self, role: str) -> Jurisdiction | None:
        """The one country the article gives an office written alone elsewhere
        ("Turkey's prime minister", "the Turkish prime minister"), if exactly one."""
        pattern = re.compile(
            r"\b([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:['’]s)? (?i:" + re.escape(role) + r")\b"
        )
        found = {
            iso
            for field in analyse(self.context)
            for match in pattern.finditer(field.text)
            for iso in [country_code(match.group(1))]
            if iso is not None
        }
        return self.country(next(iter(found))) if len(found) == 1 else None

    def named_countries(self) -> frozenset[str]:
        """Every country the article names, by its name, its demonym or its places."""
        return frozenset(s.iso for s in signals(self.context))

    def sentence_countries(self, field: str, sentence: int) -> set[str]:
        """The countries a sentence names as actors ("Pakistan says", "Pakistani"), not as
        where something happens ("troops arrived in Afghanistan")."""
        return self._by_sentence.get((field, sentence), set())

    def country(self, iso: str) -> Jurisdiction | None:
        country = gz.country(iso)
        return Jurisdiction(country_ref(iso), country.name) if country is not None else None

    def dateline_home(
        self, field: str, sentence: int, foreign: frozenset[str]
    ) -> Jurisdiction | None:
        """The dateline's country, for an article with no other domestic signal, when the
        holder's sentence names that country as an actor too ("ANKARA (Reuters) -
        President Tayyip Erdogan said Turkey would not bow ..."): the dateline alone is
        where the reporter stands, not whose office it is ("SEOUL (Reuters) - National
        Security Adviser H.R. McMaster")."""
        iso = dateline_country(self.context.article.body)
        if iso is None or iso in foreign or iso not in self.sentence_countries(field, sentence):
            return None
        if any(s.kind in DOMESTIC for s in signals(self.context)):
            return None  # the article's own bodies or media say where it is from
        return self.country(iso)

    def home(self, field: str, sentence: int, foreign: frozenset[str]) -> Jurisdiction | None:
        """The country the article's domestic signals point to (its states, bodies, media,
        publisher), not counting foreign ones."""
        # Not the country the article names most (home.home_country): that is what it is
        # about, not whose officials it names ("Foreign Minister Alexander Downer" in a
        # report on Zimbabwe); right for two thirds of the development sets' offices only
        # (benchmarks/officials_paths.py), so none rather than a guess.
        iso = domestic_country(self.context, field=field, sentence=sentence, exclude=foreign)
        return self.country(iso) if iso else None
