"""Government bodies that the model does not take for names, found by their phrasing:
a chamber's committees by their topics ("the House Judiciary and Oversight committees"),
US federal courts by their district ("U.S. District Court in the District of Columbia"),
a country's ministry or parliament in lower case ("China's foreign ministry", "the Indian
parliament"), and a city's police ("Miami Police officers").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.bodies import HEADS
from kg.extract.nlp import Field, Mention
from kg.extract.organization_names import (
    OrganizationName,
    body_of,
    organization_named,
    parliament_of,
)
from kg.extract.places import place_mentions
from kg.model import Ref
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LOWER_PARLIAMENT = re.compile(r"\bparliament\b")

# "the House Judiciary and Oversight committees", "the Senate's armed services committee":
# a chamber, then one or more committees' topics, then "committee(s)" in lower case.
_CHAMBER_COMMITTEES = re.compile(
    r"\b(Senate|House)(?: of Representatives)?(?:['’]s)? "
    r"((?:[A-Za-z][\w-]*,? (?:and )?){1,6}?)(committees?)\b"
)

# "the House of Representatives Judiciary Committee" (the lists know the "House" form);
# "House Judiciary Chairman Bob Goodlatte" names the committee its chairman leads.
_CHAMBER_COMMITTEE_NAMED = re.compile(
    r"\b(Senate|House)(?: of Representatives)? ((?:[A-Z][\w-]* ){1,3}?)"
    r"(?:(Committee)\b|(?=(?:[Cc]hairman|[Cc]hairwoman|[Cc]hair|[Rr]anking member)\b))"
)


# "the Senate and House Armed Services committees", "the House and Senate Intelligence
# Committees": one topic shared by both chambers' committees.
_BOTH_CHAMBERS = re.compile(
    r"\b(Senate|House)(?: of Representatives)? and (?:the )?(Senate|House)"
    r"(?: of Representatives)?(?:['’]s?)? ((?:[A-Z][\w-]*,? (?:and )?){1,4}?)([Cc]ommittees)\b"
)


def chamber_committees(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
    """Committees named by a chamber and their topics, written in lower case or shared by
    one "committees": "the House Judiciary and Oversight committees" are the House
    Judiciary Committee and the House Oversight Committee, "the Senate and House Armed
    Services committees" each chamber's; each topic must give a listed committee of each
    chamber."""
    table = gz.organization_by_form()
    doc = field.doc
    matches: list[tuple[re.Match[str], tuple[str, ...]]] = [
        (m, (m.group(1),)) for m in _CHAMBER_COMMITTEES.finditer(field.text)
    ]
    matches += [(m, m.group(1, 2)) for m in _BOTH_CHAMBERS.finditer(field.text)]
    matches += [(m, (m.group(1),)) for m in _CHAMBER_COMMITTEE_NAMED.finditer(field.text)]
    for match, chambers in matches:
        topics, word = match.groups()[-2:]
        word = word if word is not None else ""
        parts = [topics.strip().rstrip(",")]
        if word.lower() == "committees":
            parts = [p for p in re.split(r",? and |, ", parts[0]) if p]
        bodies = [table.get(fold(f"{c} {p} Committee")) for c in chambers for p in parts]
        if not parts or any(b is None or b.country != "US" for b in bodies):
            continue
        # A chairman's title names the committee by its chamber and topic alone.
        end = match.end() if word != "" else match.start(2) + len(match.group(2).rstrip())
        span = doc.char_span(match.start(), end, alignment_mode="expand")
        if span is None:
            continue
        for body in bodies:
            if body is not None:
                name = OrganizationName.of(body)
                named.setdefault(name.ref, name)
                yield Mention(name.ref, name.name, field, span)


# A US federal court by its district: "U.S. District Court in the District of Columbia",
# "a federal judge in the Northern District of California".
_DISTRICT_COURT = re.compile(
    r"\b(?:(?:U\.S\.|US|United States|[Ff]ederal) )?(District|Bankruptcy) Court (?:in|for) the "
    r"((?:Northern|Southern|Eastern|Western|Middle|Central) )?District of "
    r"([A-Z]\w*(?: [A-Z]\w+)?)"
)

_DISTRICT = re.compile(
    r"\b(?<=the )(Northern|Southern|Eastern|Western|Middle|Central) District of "
    r"([A-Z]\w+(?: [A-Z]\w+)?)"
)


def district_courts(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
    """US federal courts named by their district ("U.S. District Court in the District of
    Columbia"; "the Northern District of California", a US state's district, alone): the
    United States District Court for that district, not a place or a generic "District
    Court"."""
    taken: list[tuple[int, int]] = []
    for match in _DISTRICT_COURT.finditer(field.text):
        kind, part, state = match.groups()
        name = f"United States {kind} Court for the {part or ''}District of {state}"
        taken.append(match.span())
        yield from _court(
            field, named, match.span(), name, f"{part}District of {state}" if part else ""
        )
    for match in _DISTRICT.finditer(field.text):
        part, state = match.groups()
        place = gz.state_by_form().get(fold(state))
        if place is None or place.country != "US" or any(a <= match.start() < b for a, b in taken):
            continue
        name = f"United States District Court for the {part} District of {state}"
        yield from _court(field, named, match.span(), name, f"{part} District of {state}")


def _court(
    field: Field,
    named: dict[Ref, OrganizationName],
    where: tuple[int, int],
    name: str,
    district: str,
) -> Iterator[Mention]:
    span = field.doc.char_span(*where, alignment_mode="expand")
    if span is None:
        return
    short = name.removeprefix("United States ")
    aliases = [f"U.S. {short}", f"U.S. {short}".replace(" for the ", " in the "), district]
    aliases.append("U.S. District Court")  # the generic name wire copy often gives it
    court = OrganizationName(name, tuple(a for a in aliases if a), "government", None, "US")
    named.setdefault(court.ref, court)
    yield Mention(court.ref, court.name, field, span)


_LOWER_MINISTRY = re.compile(
    r"\b(?:foreign|defen[cs]e|interior|finance|health|justice) ministry\b", re.IGNORECASE
)


def ministries(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
    """ "China's foreign ministry", "the German defence ministry": a country's ministry in
    lower case, which the model does not take for a name."""
    doc = field.doc
    for match in _LOWER_MINISTRY.finditer(field.text):
        words = doc.char_span(match.start(), match.end())
        if words is None or words.start < 1 or not words[-1].is_lower:
            continue
        before = words.start - 1
        if doc[before].text in ("'s", "’s") and before > 0:
            before -= 1
        owner = field.ent_at.get(before)
        if owner is None or owner.label_ not in ("GPE", "NORP"):
            continue
        body = body_of(re.sub(r"['’]s$", "", owner.text), words.text.title())
        if body is not None:
            named.setdefault(body.ref, body)
            yield Mention(body.ref, body.name, field, doc[owner.start : words.end])


def parliaments(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
    """ "the Indian parliament" in lower case, which the model does not take for a name."""
    doc = field.doc
    for match in _LOWER_PARLIAMENT.finditer(field.text):
        word = doc.char_span(match.start(), match.end())
        if word is None or word.start == 0 or word[0].ent_type_:
            continue
        owner = field.ent_at.get(word.start - 1)
        if owner is not None:
            parliament = parliament_of(f"{owner.text} Parliament")
            if parliament is not None:
                named.setdefault(parliament.ref, parliament)
                yield Mention(parliament.ref, parliament.name, field, doc[owner.start : word.end])


# "the Commons foreign affairs committee", "the Scottish Parliament's environment
# committee": a British legislature's committee by its chamber and topic, in any case (not
# "Westminster's", which may be the city council's).
_PARLIAMENT_COMMITTEE = re.compile(
    r"\b(House of Commons|House of Lords|Commons|Lords|Scottish Parliament|"
    r"Welsh Assembly|Northern Ireland Assembly)(?:['’]s?)? "
    r"((?:[A-Za-z][a-z-]*,? (?:and )?){1,5}?)([Cc]ommittee)\b"
)
_CHAMBERS = {
    "house of commons": "House of Commons",
    "commons": "House of Commons",
    "house of lords": "House of Lords",
    "lords": "House of Lords",
}
_SMALL_WORDS = frozenset({"and", "of", "for", "on", "the"})
# Words that say what kind of committee it is, not what it is on ("a Commons select
# committee"): no name.
_KINDS_OF_COMMITTEE = frozenset(
    {"select", "joint", "standing", "special", "new", "powerful", "influential", "cross-party"}
)


def parliament_committees(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
    """A British legislature's committee named by its chamber and its topic, as BBC news
    writes it in lower case ("the Commons public accounts committee": the House of Commons
    Public Accounts Committee, "Commons Public Accounts Committee" its other name)."""
    doc = field.doc
    for match in _PARLIAMENT_COMMITTEE.finditer(field.text):
        chamber, topic = match.group(1), match.group(2).strip().rstrip(",")
        words = topic.replace(",", "").split()
        if not words or words[0].lower() in _KINDS_OF_COMMITTEE | _SMALL_WORDS:
            continue  # "a Commons select committee": what kind, not what it is on
        titled = " ".join(
            w if w.lower() in _SMALL_WORDS else w[:1].upper() + w[1:] for w in topic.split(" ")
        )
        house = _CHAMBERS.get(chamber.lower(), chamber)
        short = house.removeprefix("House of ")
        aliases = (f"{short} {titled} Committee",) if short != house else ()
        name = OrganizationName(f"{house} {titled} Committee", aliases, "government", None, "GB")
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        named.setdefault(name.ref, name)
        yield Mention(name.ref, name.name, field, span)


def city_police(
    context: Context, taken: set[tuple[str, int]], names: dict[Ref, OrganizationName]
) -> Iterator[Mention]:
    """ "Miami Police officers": a city the model tagged alone, then "Police", is its force."""
    for city in place_mentions(context):
        doc, end = city.field.doc, city.span.end
        if city.ref.kind != "city" or end >= len(doc) or doc[end].text != "Police":
            continue
        if (city.field.name, city.span.start) in taken:
            continue
        if end + 1 < len(doc) and doc[end + 1].text in ("Department", "Service", "Force"):
            end += 1
        elif end + 1 < len(doc) and doc[end + 1].text in HEADS:
            continue  # "the Chicago Police Board": another body
        named = organization_named(doc[city.span.start : end + 1].text)
        if named is not None:
            names.setdefault(named.ref, named)
            yield Mention(named.ref, named.name, city.field, doc[city.span.start : end + 1])


# A plural head before "of" and a list of names: "the Departments of Streets and Sanitation,
# Police, Buildings, and Business Affairs and Consumer Protection".
_PLURAL_HEADS = {
    "Departments": "Department",
    "Ministries": "Ministry",
    "Offices": "Office",
    "Bureaus": "Bureau",
    "Boards": "Board",
    "Commissions": "Commission",
}


def coordinated_bodies(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
    """Each body of a plural head before a list that commas divide: "the Departments of
    Streets and Sanitation, Police, Buildings, and Business Affairs and Consumer
    Protection" names the Department of Streets and Sanitation, of Buildings and of
    Business Affairs and Consumer Protection ("and" inside an item is part of its name; a
    head word alone, "Police", is no particular body). Without a comma ("the Departments of
    Justice and State") one name or two cannot be told apart, and none is read."""
    doc = field.doc
    for index, token in enumerate(doc[:-2]):
        single = _PLURAL_HEADS.get(token.text)
        if single is None or doc[index + 1].text not in ("of", "for"):
            continue
        items: list[tuple[int, int]] = []
        start = cursor = index + 2
        while cursor < len(doc):
            text = doc[cursor].text
            if text == ",":
                items.append((start, cursor))
                cursor += 1
                if cursor < len(doc) and doc[cursor].text == "and":
                    cursor += 1
                start = cursor
            elif text[:1].isupper() or (text in ("and", "&", "of", "the") and cursor > start):
                cursor += 1
            else:
                break
        items.append((start, cursor))
        items = [_trimmed(doc, a, b) for a, b in items]
        if len(items) < 2 or any(a >= b for a, b in items):
            continue
        for number, (first, end) in enumerate(items):
            words = doc[first:end].text
            if len(words.split()) == 1 and words in HEADS:
                continue  # "Police": no particular body
            body = organization_named(f"{single} {doc[index + 1].text} {words}")
            if body is None:
                continue
            named.setdefault(body.ref, body)
            yield Mention(body.ref, body.name, field, doc[index if number == 0 else first : end])


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """An item of a list without the joining words at its ends."""
    while start < end and doc[start].text in ("and", "&", "of", "the"):
        start += 1
    while end > start and doc[end - 1].text in ("and", "&", "of", "the"):
        end -= 1
    return start, end
