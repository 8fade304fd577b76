"""Officials found next to a name over tokens: the title before it, "the Y of Z, X", an
apposition or copula after it, taking an office, and the delayed-identification lede."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.great_offices import held_by_another
from kg.extract.names import REGNAL_TITLES
from kg.extract.nlp import Field, Mention
from kg.extract.officeholders import spells
from kg.extract.offices import MILITARY_RANKS, PARTY, body_kind, country_jurisdiction, seat
from kg.extract.organization_names import HONORIFICS, country_code
from kg.extract.organizations import organization_named
from kg.extract.owners import (
    POSSESSIVE,
    named_place_at,
    owner_ending_at,
    qualify,
    state_office,
)
from kg.extract.people import POST_NOMINALS, person_mentions
from kg.extract.positions import Holding, Jurisdiction, Named, Owner, attach
from kg.extract.quotation_marks import quotation_spans
from kg.extract.roles import (
    MODIFIERS,
    Role,
    is_plural_title,
    is_seated,
    past,
    role_ending_at,
    role_last_words,
    role_starting_at,
    written_plural_at,
)
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Ranks, the services that hold them, and honorifics that may stand between an office and
# the name ("President General Pervez Musharraf", "the Governor-General, Dr Peter
# Hollingworth", "Pentagon spokesman Navy Captain Timothy Taylor", "the Chief of the Army,
# Lieutenant-General Peter Cosgrove").
_SERVICES = frozenset({"navy", "army", "air", "force", "marine", "corps"})
_RANKS = MILITARY_RANKS | _SERVICES | {"dr", "mr", "ms", "sir"}
_ABBREVIATED_RANKS = frozenset({"gen", "adm", "col", "lt", "maj", "brig", "cmdr", "capt", "sgt"})

_LONGEST_TAIL = 8
"""The most tokens between "of" and the name in "Y of Z, X" ("of the Joint Chiefs of Staff")."""

_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})

# "the new Solomon Islands Prime Minister": words between "the" and an office named alone.
_CURRENT = frozenset({"new", "current", "incumbent"})

# Taking or keeping an office (not "resigned as", "stepped down as": those are past). An
# election or appointment is the subject's only in the passive ("was elected", "newly
# appointed", ", installed as") or with "as": "Rosenstein appointed the special counsel"
# gives the office to someone else.
_TAKING = re.compile(
    r"\b(?:(?:to|will) (?:step down|resign|remain|continue|serve)(?: as)?|"
    r"(?:(?:was|were|is|are|be|been|being|newly|just|recently|since|later|,) )"
    r"(?:re-?)?(?:elected|installed|sworn in|appointed|named)(?: as)?|"
    r"(?:re-?)?(?:elected|installed|sworn in|appointed|named) as) (?=\w)",
    re.IGNORECASE,
)


def _ranked(doc: Doc, index: int) -> bool:
    """Whether token ``index`` belongs to a rank before a name: a rank or service word, or
    the hyphen of "Lieutenant-General" or the full stop of "Lt." that spaCy splits off."""
    if doc[index].text == ".":
        # "Lt. Col. John Smith", not "... to become U.S. attorney general. Fairooz"
        return index > 0 and doc[index - 1].lower_ in _ABBREVIATED_RANKS
    if doc[index].text == "-":
        return index > 0 and doc[index - 1].lower_ in _RANKS
    return doc[index].lower_.rstrip(".") in _RANKS


def holdings_of(person: Mention, named: Named, context: Context) -> Iterator[Holding]:
    """The offices written next to a person's name: a title before it ("Mayor Eric Adams"),
    set off by a comma, shared with another title ("Cook County Commissioner and mayoral
    candidate Brandon Johnson") or with the name before ("Alds. Roderick Sawyer (6th) and
    Raymond Lopez"), or "the Y of Z, X"."""
    doc = person.field.doc
    end = person.span.start
    longer = role_ending_at(doc, end + 1) if end + 1 < len(doc) else None
    if longer is not None and longer.start < end:
        return  # "Assistant Chief Constable David Warcup" read as "Constable David Warcup"
    # "Labour peer Lord Dubs", "The Lord Chancellor, Lord Falconer": the title before the
    # peerage; with none, the peerage is the office (below).
    peerage = end - 1 if end > 0 and doc[end - 1].text in _PEERAGES else -1
    if peerage >= 0:
        end = peerage
    # "Attorney-General Daryl Williams" before "President General Pervez Musharraf".
    role = role_ending_at(doc, end)
    pattern = "title"
    if role is None:
        while end > 0 and _ranked(doc, end - 1):
            end -= 1
        # "The Immigration Minister, Philip Ruddock, says": the title set off by a comma.
        if end > 1 and doc[end - 1].text == ",":
            end -= 1
            pattern = "title-comma"
        role = role_ending_at(doc, end) or _role_for_portfolio(doc, end)
        if role is not None and pattern == "title-comma":
            role, pattern = _set_off(person, role)
            if role is None:
                return
        if role is None:
            role, pattern = _shared_title(person, named), "title-shared"
    if role is not None:
        role, owner = qualify(person.field, role, named, context)
        how = "phrase"
        if owner is None:
            owner, how = _body_named_before(person.field, role.start), "unlisted-body"
        holding = Holding(person, role, None, titled=True, pattern=pattern)
        if owner is not None:
            attach(holding, owner, how)
        elif _is_peer(doc, role):
            # "Labour peer Lord Dubs": a peerage is the United Kingdom's, whatever the
            # article's home country.
            holding.jurisdiction, holding.how = _united_kingdom(), "peerage"
        else:
            attach(holding, _of_place_after(person, role, named), "of-after")
        yield holding
        if peerage >= 0 and not _is_peer(doc, role):
            # "Former Labour leader Lord Kinnock", "BP chief executive Lord Browne": a peer
            # whatever the title says; one office per person is stated, a title's first.
            yield _peer(person, peerage)
    elif peerage >= 0:
        yield _peer(person, peerage)
    else:
        yield from _monarch(person, named)
        yield from _role_of_before(person, end, named, context)
        yield from _member_of_congress(person, context)


def _role_for_portfolio(doc: Doc, end: int) -> Role | None:
    """A title whose portfolio follows it after "for", right before the name: "Liberal
    Democrat spokeswoman for women Sandra Gidley", "Minister for Sport Richard Caborn"."""
    for size in (1, 2):
        link = end - size - 1
        if link < 1 or doc[link].lower_ != "for":
            continue
        if not all(t.is_alpha and t.lower_ in MODIFIERS for t in doc[link + 1 : end]):
            continue
        role = role_ending_at(doc, link)
        if role is not None:
            return role.over(doc, role.start, end)
    return None


# Nouns that end the name of a public body ("Federal Railroad Administration", "Consumer
# Financial Protection Bureau"); not "Board", "Office" or "Service", which companies'
# names end with as often ("Acme Services Board chairman").
_BODY_ENDS = frozenset(
    "administration agency department commission bureau authority ministry inspectorate".split()  # noqa: SIM905
)


def _body_named_before(field: Field, index: int) -> Owner | None:
    """A body named in capitalized words just before a title that the organizations found
    no name for: a seat of government ("White House Chief of Staff"), or a body no list
    knows ending in a body's noun ("Federal Railroad Administration administrator Amit
    Bose"; offices.py decides whether it is public)."""
    doc = field.doc
    end = index
    # "SNP Holyrood leader Nicola Sturgeon": a party's leader in a legislature, no office.
    leader = index < len(doc) and doc[index].lower_ == "leader"
    for start in range(max(end - 3, 0), end if not leader else 0):
        # "White House Chief of Staff John Kelly", "Downing Street spokesman": a seat of
        # government stands for its government (offices.py places it).
        words = doc[start:end]
        if words[0].is_title and seat(words.text) is not None:
            body = organization_named(words.text)
            if body is not None:
                return Mention(body.ref, body.name, field, words), "organization"
    if end < 1 or doc[end - 1].lower_ not in _BODY_ENDS or not doc[end - 1].is_title:
        return None
    start = end - 1
    while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha:
        start -= 1
    if start < end - 1 and doc[start].is_sent_start and doc[start].lower_ in _OPENING_WORDS:
        start += 1
    if end - start < 2:
        return None  # "Department spokesman": whose, the text says elsewhere
    body = organization_named(doc[start:end].text)
    if body is None:
        return None
    return Mention(body.ref, body.name, field, doc[start:end]), "organization"


_OPENING_WORDS = frozenset({"the", "a", "an", "but", "and", "new", "former"})


# The titles of members of the House of Lords written before their name (Wikipedia
# "Peerages in the United Kingdom", "Forms of address in the United Kingdom"): "Lord" for a
# baron, viscount, earl or marquess, "Baroness" for a woman peer. Not "Lady" (also a
# knight's wife's title) nor "Sir" (a knight's); a judge's "Lord Justice" names a court.
_PEERAGES = frozenset({"Lord", "Baroness"})


def _peer(person: Mention, peerage: int) -> Holding:
    """ "Lord Dubs", "Baroness Kennedy": a peer, a member of the House of Lords, the United
    Kingdom's legislature (LABELLING.md: peers are legislators)."""
    doc = person.field.doc
    # "the party's former treasurer Lord Ashcroft": the past is the title's, not the
    # peerage's, which is for life.
    ended = past(doc, peerage) and role_ending_at(doc, peerage) is None
    role = Role("peer", "country", peerage, peerage + 1, past=ended)
    holding = Holding(person, role, None, titled=True, pattern="peerage")
    holding.jurisdiction, holding.how = _united_kingdom(), "peerage"
    return holding


def _is_peer(doc: Doc, role: Role) -> bool:
    """Whether a role is a peer's ("Labour peer", "life peer")."""
    return doc[role.end - 1].lower_ in ("peer", "peers")


def _united_kingdom() -> Jurisdiction | None:
    return country_jurisdiction("GB")


# A party named before a legislator's name, or after it with the state ("Democrats Kirsten
# Gillibrand of New York", "Chuck Grassley, a Republican from Iowa").
_PARTY_BEFORE = re.compile(r"\b(?:Democrats?|Republicans?)\s+$")
# A party's letter in brackets after a name, alone or with the state ("Chris Murphy (D)",
# "Ron Wyden (D-Ore.)"): how US news marks members of Congress.
_PARTY_AFTER = re.compile(r"\s?\((?:D|R|I)(?:[-–][A-Z][A-Za-z.]*)?\)")
_STATE_AFTER = re.compile(
    r"^(?:\s+(?:of|from)|,\s+(?:a|the)\s+(?:\w+\s+)?(?:Democrat|Republican)\s+(?:of|from))"
    r"\s+(?P<state>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
)
_CONGRESS = {"senator": "Senator", "representative": "Representative"}
_CHAMBERS = {
    "senator": re.compile(r"\b(?:Senate|[Ss]enators?)\b"),
    "representative": re.compile(
        r"\b(?:(?<!White )House|[Cc]ongress(?:wo)?man|[Rr]epresentatives?)\b"
    ),
}


_MEMBERS = re.compile(
    r"\b(?:members|(?<!House of )representatives|senators|lawmakers)\b", re.IGNORECASE
)
"""Words of a sentence that lists members of a chamber ("The other Republican
representatives Ryan appointed were: ...")."""

# Words of a sentence that names a chamber for the seat sought, not the one held ("Democrat
# Doug Jones, who scored an upset victory last week in the U.S. Senate race in Alabama").
_RACE = re.compile(
    r"\b(?:races?|elections?|campaign|candidates?|candidacy|nominee|primary|victory|"
    r"defeat(?:ed)?|concede[sd]?|-elect)\b",
    re.IGNORECASE,
)


def _member_of_congress(person: Mention, context: Context) -> Iterator[Holding]:
    """A member of Congress named with no title but with their party before the name or in
    brackets after it ("Cory Booker (D)"), or their state after it ("sponsored in the Senate
    by Democrats Kirsten Gillibrand of New York and Kamala Harris of California"), whom the
    officeholders table knows in office on the article's date (with no date: in the chamber
    the sentence names), in the state the text gives if it gives one: the table's office
    (Senator, Representative), marked inferred."""
    published = context.article.published
    field = person.field
    if " " not in person.name:
        return
    text, start, end = field.text, person.span.start_char, person.span.end_char
    party = _PARTY_BEFORE.search(text, max(0, start - 14), start) or _PARTY_AFTER.match(text, end)
    state = _STATE_AFTER.match(text[end : end + 60])
    when = published.date() if published is not None else None
    found = [s for s in spells(person.name, when) if s.office in _CONGRESS]
    chamber = None
    if when is None or (party is None and state is None):
        # No date to tell whether they sat then ("Ann Wagner of Missouri", years before she
        # was elected), or neither party nor state named with them ("The other Republican
        # representatives Ryan appointed were: Rob Bishop, ..."): only where the sentence
        # names their chamber, which also tells a senator who was a representative before;
        # with neither date, party nor state, only in a sentence listing its members.
        sentence = field.sentence_span(field.sentence_index(start))
        if _RACE.search(sentence.text):
            return  # "who scored an upset victory in the U.S. Senate race": a seat sought
        if party is None and state is None and when is None and not _MEMBERS.search(sentence.text):
            return
        chambers = {o: m for o, w in _CHAMBERS.items() if (m := w.search(sentence.text))}
        found = [s for s in found if s.office in chambers]
        if found:
            chamber = chambers[found[0].office], sentence.start_char
    if len({s.office for s in found}) != 1:
        return
    named_state = gz.us_state_names().get(found[0].state, "")
    if state is not None and fold(state["state"]) != fold(named_state):
        return  # "John Smith of Ohio": not the table's John Smith of Texas
    doc = field.doc
    if party is not None:
        words = doc.char_span(party.start(), party.end(), alignment_mode="expand")
    elif state is not None:
        words = doc.char_span(end, end + state.end(), alignment_mode="expand")
    elif chamber is not None:
        match, base = chamber
        words = doc.char_span(base + match.start(), base + match.end(), alignment_mode="expand")
    else:
        words = None
    if words is None:
        return
    role = Role(_CONGRESS[found[0].office], "country", words.start, words.end)
    yield Holding(person, role, None, inferred=True, pattern="congress-table")


def _of_place_after(person: Mention, role: Role, named: Named) -> Owner | None:
    """ "Governor Jerry Brown of California", "Mayor Jane Roe of Springfield", "President
    Emmanuel Macron of France": the place after the name is the title's, when it is of the
    title's level (a state or city for a governor or a mayor, a country for a national
    office: "Senator Amy Klobuchar of Minnesota" names her state, not her office's)."""
    field, doc, after = person.field, person.field.doc, person.span.end
    if after + 1 >= len(doc) or doc[after].lower_ != "of":
        return None
    found = named.get((field.name, after + 1)) or named_place_at(field, after + 1)
    if found is None or found[1] != "place" or found[0].span.start != after + 1:
        return None
    found = state_office(role, found)  # "Governor Jay Inslee of Washington": the state
    kind = found[0].ref.kind
    fits = {"city": ("city", "state"), "state": ("state",), "country": ("country",)}
    return found if kind in fits.get(role.scope, ()) else None


# Reigning heads of state's titles (Wikipedia "List of current monarchs of sovereign
# states"). Not role heads: "King" is also a surname ("Sophia King"), so a title only
# right before a name, and an office only with the country named with it.
_MONARCHS = frozenset({"King", "Queen", "Emperor", "Sultan", "Emir"})


def _monarch(person: Mention, named: Named) -> Iterator[Holding]:
    """ "Jordan's King Abdullah", "Saudi King Salman", "King Abdullah of Jordan": a monarch,
    whose office is the country's; with no country named ("Queen Elizabeth II" alone) it
    is not guessed. "Pope Francis" is the sovereign of the Holy See, Vatican City's head of
    state. A king's, a queen's and a pope's title is part of the regnal name (people.py)."""
    field, doc, start = person.field, person.field.doc, person.span.start
    inside = len(person.span) > 1 and doc[start].text in REGNAL_TITLES
    title = start if inside else start - 1
    if title < 0 or doc[title].text not in _MONARCHS | REGNAL_TITLES:
        return
    role = Role(doc[title].text, "monarch", title, title + 1)
    holding = Holding(person, role, None, titled=True, pattern="monarch")
    if doc[title].text == "Pope":
        holding.jurisdiction, holding.how = country_jurisdiction("VA"), "pope"
        yield holding
        return
    owner = owner_ending_at(field, title - 1, named) if title > 0 else None
    after = person.span.end
    if owner is None and after + 1 < len(doc) and doc[after].lower_ == "of":
        owner = named.get((field.name, after + 1)) or named_place_at(field, after + 1)
    if owner is None or owner[0].ref.kind != "country":
        return
    attach(holding, owner)
    yield holding


# Prepositions whose object a title set off before a name may be: "a spokeswoman for the
# mayor, Jane Roe", "the wife of the governor, Jane Roe", "according to the governor, John
# Smith, ...", "In a letter to the governor, John Smith wrote", "his second term as US
# President, Tony Blair has said".
_OF_FOR = frozenset({"of", "for"})
_TO_WITH = frozenset({"to", "with", "from", "by", "as"})


def _set_off(person: Mention, role: Role) -> tuple[Role | None, str]:
    """Whose office a title set off by a comma before a name is. After "of" or "for" it is
    not the name's: the name is the noun's before ("a spokeswoman for the mayor, Jane Roe":
    an aide's office, when that noun is one); after "to", "with", "from", "by" or "as" it is
    the name's only when a comma or the sentence's end closes the name as an apposition
    ("according to the governor, John Smith, ..."; not "In a letter to the governor, John
    Smith wrote" nor "his second term as US President, Tony Blair has said")."""
    doc = person.field.doc
    link = role.start - 1
    while link >= 0 and doc[link].ent_type_ in ("GPE", "NORP", "ORG"):
        link -= 1  # "as US President": the office's country or body before it
    if link >= 0 and doc[link].lower_ in _DETERMINERS:
        link -= 1
    word = doc[link].lower_ if link >= 0 else ""
    if word in _OF_FOR:
        aide = role_ending_at(doc, link)
        if word == "for" and aide is not None and aide.scope == "aide":
            return aide, "aide-comma"
        return None, "title-comma"
    after = person.span.end
    while after < len(doc) and doc[after].text.rstrip(".") in POST_NOMINALS:
        after += 1  # "from Counsel Assisting, Lionel Roberts QC, that ...": the name's letters
    if after < len(doc) and doc[after].text in ("'s", "’s"):
        return None, "title-comma"  # "... the defendant's attorney, Stone's charges could"
    closed = after >= len(doc) or doc[after].is_punct or doc[after].is_sent_start
    if word in _TO_WITH and not closed:
        return None, "title-comma"
    return role, "title-comma"


def _shared_title(person: Mention, named: Named) -> Role | None:
    """A title that also covers this name: "<title> and <other words> Name" (up to three
    lowercase words: "Commissioner and mayoral candidate Brandon Johnson"), or a plural
    title before the names listed just before ("Alds. Roderick Sawyer (6th) and Raymond
    Lopez", "Sens. Jeff Flake, Bob Corker and Susan Collins")."""
    doc, field, start = person.field.doc, person.field, person.span.start
    for size in range(1, 4):
        link = start - size - 1
        if link < 1 or not all(t.is_lower for t in doc[link + 1 : start]):
            break
        if doc[link].lower_ == "and":
            role = role_ending_at(doc, link)
            if role is not None:
                return role
    # Back over the names listed before this one ("Alds. Brian Hopkins, Roderick Sawyer and
    # Raymond Lopez") to the plural title before the first; each may have its place after
    # it ("Governors Kim Reynolds of Iowa, Rick Snyder of Michigan and Bill Haslam of
    # Tennessee"), and when every one has, a written-out plural is a title too.
    placed = _place_after(person, named) is not None
    index = start - 1
    while index >= 1 and doc[index].lower_ in ("and", ","):
        index -= 1
        if doc[index].text == ",":  # "A, B, and C"
            index -= 1
        if doc[index].text == ")":
            while index > 0 and doc[index].text != "(":
                index -= 1
            index -= 1
        place = _place_ending_at(field, index, named)
        if place is not None and place.start >= 2 and doc[place.start - 1].lower_ == "of":
            index = place.start - 2
        else:
            placed = False
        before = named.get((field.name, index))
        if before is None or before[1] != "person" or before[0].span.end != index + 1:
            return None
        role = role_ending_at(doc, before[0].span.start)
        if role is not None:
            return role if is_plural_title(doc, role) else None
        plural = written_plural_at(doc, before[0].span.start - 1) if placed else None
        if plural is not None:
            return plural
        index = before[0].span.start - 1
    if placed and index == start - 1 and _listed_after(person, named):
        return written_plural_at(doc, index)  # the list's first name
    return None


def _place_after(person: Mention, named: Named) -> Span | None:
    """The place named after the name and "of" ("Kim Reynolds of Iowa"), if any."""
    field, after = person.field, person.span.end
    if after + 1 >= len(field.doc) or field.doc[after].lower_ != "of":
        return None
    found = named.get((field.name, after + 1)) or named_place_at(field, after + 1)
    return found[0].span if found is not None and found[1] == "place" else None


def _listed_after(person: Mention, named: Named) -> bool:
    """Whether another name follows the name and its place, after a comma or "and"
    ("Kim Reynolds of Iowa, Rick Snyder of Michigan"), or after a semicolon, with its own
    title ("Senators Amy Klobuchar of Minnesota; Gov. Jay Inslee of Washington")."""
    field, doc = person.field, person.field.doc
    place = _place_after(person, named)
    if place is None:
        return False
    after = place.end
    if after + 1 >= len(doc) or doc[after].lower_ not in (",", "and", ";"):
        return False
    start = after + 1
    if doc[after].text == ";":
        title = role_starting_at(doc, start)
        start = title.end if title is not None else start
    follows = named.get((field.name, start))
    return follows is not None and follows[1] == "person"


def _place_ending_at(field: Field, index: int, named: Named) -> Span | None:
    """The span of the place (a city, a country, a state) whose last token is ``index``."""
    found = named.get((field.name, index))
    if found is None and index in field.ent_at:
        found = named_place_at(field, field.ent_at[index].start)
    if found is None or found[1] != "place" or found[0].span.end != index + 1:
        return None
    return found[0].span


def _role_of_before(person: Mention, end: int, named: Named, context: Context) -> Iterator[Holding]:
    """ "the Mayor of New York, Rudolph Giuliani", "President of the Hazara Ethnic Society of
    Australia, Hassan Ghulam" (of a place or body: its jurisdiction); "the UN High
    Commissioner for Refugees, Ruud Lubbers", "New Zealand's ambassador to Brazil, Denise
    Almao", "Labor's spokesman on Home Affairs, John Faulkner" (of a portfolio or a
    posting: part of the role)."""
    doc, field = person.field.doc, person.field
    owner = named.get((field.name, end - 1)) if end > 0 else None
    if owner is not None and owner[1] != "person":
        link = owner[0].span.start - 1
        if link > 0 and owner[1] == "organization" and country_code(doc[link].text):
            link -= 1  # "the head of the US" + "Central Command"
        if link > 0 and doc[link].lower_ == "the":
            link -= 1
        if link > 0 and doc[link].lower_ in ("of", "for"):
            role = role_ending_at(doc, link)
            if role is not None:
                if owner[1] == "organization":
                    # "Secretary of Defense James Mattis": the department is the portfolio;
                    # "Chairman of the Joint Chiefs of Staff Gen. X": "Chairman" alone is no
                    # clear office, the body it chairs is part of it.
                    role = role.over(doc, role.start, owner[0].span.end, role.head_start)
                holding = Holding(person, role, None, pattern="of-before")
                attach(holding, owner, "of-body")
                yield holding
                return
    if end > 0 and doc[end - 1].lower_ == "and":
        return  # "the Tory MP for Sleaford and North Hykeham": the name ends the seat's
    for link in range(end - 1, max(end - _LONGEST_TAIL, 0), -1):
        if doc[link].lower_ not in ("of", "for", "on", "to"):
            continue
        role = role_ending_at(doc, link)
        if role is None or link + 1 >= end:
            continue
        tail = doc[link + 1 : end]
        # "Chancellor of the Exchequer Gordon Brown", "Chief Secretary to the Treasury
        # Paul Boateng": a "the" may open the capitalized words of the portfolio.
        if tail[0].lower_ == "the" and len(tail) > 1:
            tail = tail[1:]
        if not all(t.is_title or t.lower_ in ("of", "for", "and") for t in tail):
            return
        if any(t.ent_type_ in ("DATE", "TIME") for t in tail):
            return  # "resigned the position of home secretary on Wednesday, David Blunkett"
        # "New Zealand's ambassador to Brazil, Denise Almao": the posting is where the
        # office is held, not part of it (LABELLING.md: the shortest clear form).
        # "the MP for Wantage, Robert Jackson": the seat, not part of the office either.
        seat = doc[link].lower_ == "for" and is_seated(doc, role)
        last = role.end if doc[link].lower_ == "to" or seat else end
        whole = role.over(doc, role.start, last, role.head_start)
        whole, found = qualify(field, whole, named, context)
        holding = Holding(person, whole, None, pattern="of-before")
        attach(holding, found)
        yield holding
        return


def taking_office(field: Field, named: Named, context: Context) -> Iterator[Holding]:
    """ "Sir Allan Kemakeza ... was elected Prime Minister", "Brian Greig, installed as
    interim leader", "calling on Dr Hollingworth to step down as Governor-General": the
    office is the nearest person's before it in the sentence."""
    doc = field.doc
    for match in _TAKING.finditer(field.text):
        found = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if found is None:
            continue
        start = found.start + (doc[found.start].lower_ == "the")
        if start < len(doc) - 1 and doc[start].lower_ in _CURRENT:
            start += 1  # "will serve as the new alderman"
        role = role_starting_at(doc, start)
        owner = named.get((field.name, start))
        if role is None and owner is not None and owner[1] != "person":
            # "was named White House chief of staff": the body or place, then the office.
            role = role_starting_at(doc, owner[0].span.end)
        else:
            owner = None
        if role is None:
            continue
        sentence = field.sentence_index(match.start())
        people = [
            m
            for m in person_mentions(context)
            if m.field is field
            and m.span.end_char <= match.start()
            and field.sentence_index(m.span.start_char) == sentence
        ]
        if not people:
            continue
        person = max(people, key=lambda m: m.span.start)
        holding = Holding(person, role, None, pattern="taking")
        attach(holding, owner)
        if role.end < len(doc) - 1 and doc[role.end].lower_ == "of":
            target = role.end + 1 + (doc[role.end + 1].lower_ == "the")
            attach(holding, named.get((field.name, target)), "of-after")
        yield holding


def delayed(
    field: Field, found: list[Holding], named: Named, context: Context
) -> Iterator[Holding]:
    """The delayed-identification lede: an office named alone and definite in a text's first
    sentence, which names nobody ("The Governor-General will issue a statement ..."), is
    held by the first person the second sentence newly names ("Dr Peter Hollingworth was
    ..."), unless another role introduces them there ("Prime Minister John Howard", "Jack
    Law, chief executive of ...": then the next one the sentence names)."""
    doc = field.doc
    people = [m for m in person_mentions(context) if m.field is field]
    if len(field.sentence_starts) < 2 or any(
        field.sentence_index(m.span.start_char) == 0 for m in people
    ):
        return
    lede = field.text[: field.sentence_starts[1]]
    attached = {(h.person.field.name, h.role.start) for h in found}
    # An office already given to someone is referred back to, not introduced.
    held = {office_words(h.role.text) for h in found}
    for match in _role_words().finditer(lede):
        last = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if last is None or (last.end < len(doc) and doc[last.end].text == "-"):
            continue  # "Governor" of "Governor-General": the longer head follows
        longer = role_ending_at(doc, last.end + 1) if last.end < len(doc) else None
        if longer is not None and longer.start <= last.start:
            continue  # "justice" of "Scotland's justice minister": the minister follows
        role = role_ending_at(doc, last.end)
        if role is None or (field.name, role.start) in attached or office_words(role.text) in held:
            continue
        definite = _definite(field, role, named)
        if definite is None:
            continue
        # Not one another role introduces there, before the name or after it ("Jack Law,
        # chief executive of Alcohol Focus Scotland, said Jack McConnell's comment ...").
        introduced = {h.person.span.start for h in found if h.person.field is field}
        following = [
            m
            for m in people
            if field.sentence_index(m.span.start_char) == 1 and m.span.start not in introduced
        ]
        if following:
            role, owner = definite
            holding = Holding(following[0], role, None, pattern="delayed")
            attach(holding, owner)
            yield holding
        return


def referred(
    field: Field, found: list[Holding], named: Named, context: Context
) -> Iterator[Holding]:
    """An office named alone and definite that opens a sentence ("The foreign secretary
    said ...", "The East Midlands MEP, who quit ...") refers back to the person who is the
    subject of the sentence before or the one before that ("Mr Straw said ... he added."),
    when no one else in the article holds that office and that person holds none."""
    doc = field.doc
    people = [m for m in person_mentions(context) if m.field is field]
    held = {office_words(h.role.text) for h in found if not h.role.past}
    # A party's post is no office of state: "Scottish Conservative Party leader David
    # McLetchie ... The Edinburgh MSP".
    # A peerage is no office of government either: "Lord Falconer said ... The
    # constitutional affairs secretary outlined ...".
    holders = {
        h.person.ref
        for h in found
        if not h.role.past and not h.role.sought and not _party_post(h) and h.pattern != "peerage"
    }
    quoted = quotation_spans(context, field)
    for number, start in enumerate(field.sentence_tokens):
        if number == 0:
            continue
        end = (
            field.sentence_tokens[number + 1]
            if number + 1 < len(field.sentence_tokens)
            else len(doc)
        )
        for opening in _subject_places(field, start, end):
            role, owner = _opening_office(field, opening, named)
            if role is None or office_words(role.text) in held:
                continue
            if any(s <= doc[role.start].idx < e for s, e in quoted):
                continue
            if role.end < len(doc) and doc[role.end].lower_ in ("'s", "’s"):
                continue  # "The chancellor's announcement ...": not the sentence's subject
            if opening > start and (
                any(start <= m.span.start < opening for m in people)
                or not _verb_follows(field, role.end, named)
            ):
                continue  # "Blair met Chirac, and the president said": which one?
            referent = _last_subject(people, field, number, quoted)
            if referent is None or referent.ref in holders or _speaks_of(referent, role):
                continue
            if held_by_another(context, referent, fold(role.text)):
                continue  # the office's holder is someone else the article names
            holding = Holding(referent, role, None, inferred=True, pattern="referred")
            attach(holding, owner)
            held.add(office_words(role.text))
            yield holding
            break


def _party_post(holding: Holding) -> bool:
    """Whether a holding is a post in the party its phrase names ("Labour Party leader")."""
    where = holding.jurisdiction
    return where is not None and where.ref.kind == "organization" and body_kind(where.name) == PARTY


def _speaks_of(referent: Mention, role: Role) -> bool:
    """Whether the referent's own sentence names the office after them as someone else's
    ("Michael Howard has no doubt it is the prime minister who ..."): not theirs."""
    field = referent.field
    sentence = field.sentence_span(field.sentence_index(referent.span.start_char))
    after = fold(field.text[referent.span.end_char : sentence.end_char])
    return f" {fold(role.text)} " in f" {after} "


# Words that may open a sentence before its subject ("But the prime minister said").
_OPENERS = frozenset(
    {"but", "and", "yet", "so", "however", "meanwhile", "now", "later", "earlier", "still"}
)
# Speech verbs after which the subject follows ('"...," said the prime minister').
_SPEECH = frozenset({"said", "says", "added", "told", "insisted", "warned", "argued"})


def _verb_follows(field: Field, index: int, named: Named) -> bool:
    """Whether the words after an office inside a sentence go on as its subject's ("the
    prime minister said", "..., said the prime minister."), not as an apposition ("the
    F.B.I. director at the time, James B. Comey") or a phrase of its own."""
    doc = field.doc
    if index >= len(doc):
        return True
    token = doc[index]
    if token.text in (".", "!", "?") or (token.is_quote and index + 1 >= len(doc)):
        return True
    if token.text == ",":
        return index + 1 < len(doc) and (field.name, index + 1) not in named
    return token.is_lower and token.is_alpha and token.lower_ not in _PREPOSITIONS


_PREPOSITIONS = frozenset(
    {"at", "of", "for", "in", "on", "to", "from", "with", "by", "and", "or", "who", "whose"}
)


def _subject_places(field: Field, start: int, end: int) -> Iterator[int]:
    """Where a sentence's subject may start: at its start, after an opening "But" or
    "However,", after the comma that closes an opening phrase ("Speaking in Brussels, the
    prime minister said"), and after a speech verb ('"...," said the prime minister')."""
    doc = field.doc
    yield start
    index = start
    if index < end and doc[index].lower_ in _OPENERS:
        index += 1
        if index < end and doc[index].text == ",":
            index += 1
        yield index
    for index in range(start + 1, end - 1):
        before = doc[index - 1]
        if doc[index].lower_ != "the":
            continue
        opening = before.text == "," and not doc[start].is_quote
        if (opening and index - start <= _OPENING_PHRASE) or (
            before.lower_ in _SPEECH and index >= 2 and doc[index - 2].text in _CLOSING
        ):
            yield index


_CLOSING = frozenset({",", '"', "”", "'", "’", "''"})

_OPENING_PHRASE = 12
"""The longest opening phrase (in tokens) before the comma that ends it."""


def _opening_office(field: Field, start: int, named: Named) -> tuple[Role | None, Owner | None]:
    """The office named alone and definite at the start of a sentence ("The Culture
    Secretary", "The Glasgow Kelvin MP"), followed by a verb or a comma, not a name."""
    doc = field.doc
    while start < len(doc) - 1 and doc[start].is_space:
        start += 1  # a paragraph's break before its first sentence
    if doc[start].lower_ != "the":
        return None, None
    for end in range(start + 2, min(start + 7, len(doc))):
        role = role_ending_at(doc, end)
        if role is None or role.past:
            continue
        if _longer_role(doc, role, end):
            continue  # "The deputy prime minister": not "deputy" alone
        after = doc[end] if end < len(doc) else None
        if after is not None and after.text == "-":
            continue  # "Governor" of "Governor-General": the longer head follows
        if after is None or (field.name, end) in named or after.is_title:
            return None, None
        definite = _definite(field, role, named)
        return definite if definite is not None else (None, None)
    return None, None


def _longer_role(doc: Doc, role: Role, end: int) -> bool:
    """Whether a longer role goes on from the same start past ``end`` ("deputy" of "deputy
    prime minister")."""
    for later in range(end + 1, min(end + 4, len(doc) + 1)):
        longer = role_ending_at(doc, later)
        if longer is not None and longer.start <= role.start:
            return True
    return False


def _last_subject(
    people: list[Mention], field: Field, number: int, quoted: list[tuple[int, int]]
) -> Mention | None:
    """The person who is the subject of one of the two sentences before sentence ``number``,
    or further back over sentences whose subject is "he" or "she" or that open a quotation
    ("Mr McConnell said ... He said he was proud ... The first minister also praised")."""
    for back, before in enumerate(range(number - 1, max(-1, number - 6), -1)):
        found = _subject(people, field, before, quoted)
        if found is not None:
            return found
        opening = field.doc[field.sentence_tokens[before]]
        if back >= 1 and opening.lower_ not in _PRONOUNS and not opening.is_quote:
            return None
    return None


_PRONOUNS = frozenset({"he", "she"})


def _subject(
    people: list[Mention], field: Field, sentence: int, quoted: list[tuple[int, int]]
) -> Mention | None:
    """The first person a sentence names outside quotation marks, if it names them first
    (its subject, near enough: "Mr Straw said ...")."""
    if sentence < 0:
        return None
    for mention in people:
        if field.sentence_index(mention.span.start_char) != sentence:
            continue
        if any(s <= mention.span.start_char < e for s, e in quoted):
            continue
        opening = field.sentence_tokens[sentence]
        start = _titled_from(field, mention)
        words = [t for t in field.doc[opening:start] if not t.is_punct]
        if (len(words) > 2 and not _says_after(field, start, mention)) or _others(
            people, field, sentence, mention, quoted
        ):
            return None
        return mention
    return None


def _says_after(field: Field, start: int, mention: Mention) -> bool:
    """Whether a name after a comma is the subject of the speech verb after it, which ends
    its sentence's reported words ("Fathers who defy orders could be tagged, Lord Falconer
    said.")."""
    doc, end = field.doc, mention.span.end
    while start > 0 and (doc[start - 1].text in HONORIFICS or doc[start - 1].text in _PEERAGES):
        start -= 1  # "Mr Straw", "Lord Falconer"
    return (
        start > 0 and doc[start - 1].text == "," and end < len(doc) and doc[end].lower_ in _SPEECH
    )


def _titled_from(field: Field, mention: Mention) -> int:
    """Where a person's mention starts with the title written before it and the names that
    own the title ("Scottish Conservative Party leader David McLetchie"): the sentence's
    subject all the same."""
    doc = field.doc
    role = role_ending_at(doc, mention.span.start)
    if role is None or role.past:
        return mention.span.start
    start = role.start
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].text in ("'s", "’s")):
        start -= 1
    return start


def _others(
    people: list[Mention],
    field: Field,
    sentence: int,
    subject: Mention,
    quoted: list[tuple[int, int]],
) -> bool:
    """Whether a sentence names another person outside quotation marks than its subject
    ("Michael Howard attacked Tony Blair. The prime minister ...": which one is meant?)."""
    return any(
        m.ref != subject.ref
        and field.sentence_index(m.span.start_char) == sentence
        and not any(s <= m.span.start_char < e for s, e in quoted)
        for m in people
    )


def subject_before(context: Context, field: Field, number: int) -> Mention | None:
    """The person a sentence's opening "he" or "she" (or definite office) refers back to:
    the subject of the sentence before, or of earlier ones over sentences that open with
    "he" or "she" or a quotation, when that sentence names no one else."""
    people = [m for m in person_mentions(context) if m.field is field]
    return _last_subject(people, field, number, quotation_spans(context, field))


def office_words(role: str) -> str:
    """A role's folded words, without the hyphens and the case that vary between mentions."""
    return fold(role)


def _definite(field: Field, role: Role, named: Named) -> tuple[Role, Owner | None] | None:
    """Whether an office is named as one particular office-holder ("the Governor-General",
    "Brisbane's Lord Mayor"), with the jurisdiction named before it; None if not."""
    doc = field.doc
    if role.end < len(doc) and (field.name, role.end) in named:
        return None  # a name follows: not alone
    index = role.start - 1
    owner = None
    while index >= 0:
        token = doc[index]
        if token.lower_ in _CURRENT:
            index -= 1
        elif owner is None and (field.name, index) in named:
            owner = named[field.name, index]
            index = owner[0].span.start - 1
        elif token.lower_ in POSSESSIVE:
            return role, owner or owner_ending_at(field, index, named)
        else:
            break
    if index >= 0 and doc[index].lower_ == "the":
        return role, state_office(role, owner) if owner is not None else None
    return None


@cache
def _role_words() -> re.Pattern[str]:
    words = sorted(role_last_words(), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)
