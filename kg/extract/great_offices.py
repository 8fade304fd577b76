"""A great office named alone, "the chancellor", "the prime minister", given to the one
person of the article whom the table of great offices (data/ministers.tsv) knows in it.

British and Australian news names its ministers in full once and then by the office alone:
"Mr Brown ... before he left for Africa the chancellor told reporters", "Mr Blair ...
the prime minister". The text says there is a chancellor in the story; the table says
which of the people the story names held that office (on the article's date, or at any
time when it has none). An office is given only when exactly one person fits, after the
offices that fit one person alone have taken theirs ("the prime minister" in a story of
Mr Blair and Mr Brown is Mr Blair's once "the chancellor" is Mr Brown's), and only when
no one holds it already and the text gives the person no office, past or present.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract import Context
from kg.extract.nlp import Field, Mention, analyse
from kg.extract.officeholders import countries_held, held_then
from kg.extract.people import person_mentions
from kg.extract.positions import Holding
from kg.extract.quotation_marks import quotation_spans
from kg.extract.roles import Role, role_ending_at
from kg.text import fold

# The offices named alone that the table knows, not "the president" (of a country, a
# company or a club) nor "the attorney general" (of a state as often as of a country).
_ALONE = re.compile(
    r"\b[Tt]he (?P<office>deputy prime minister|prime minister|chancellor of the exchequer|"
    r"lord chancellor|chancellor|foreign secretary|home secretary|foreign minister|"
    r"defence minister|immigration minister|treasurer)\b(?! of (?!the exchequer))(?! (?-i:[A-Z]))",
    re.IGNORECASE,
)


def great_offices_alone(context: Context, found: list[Holding]) -> Iterator[Holding]:
    """The holdings the table of great offices gives the offices the article names alone."""
    people = _people(context)
    if not people:
        return
    reported = _named_outside_quotations(context)
    # An office held already is not named alone, unless its holder is another country's
    # ("Italian Prime Minister Silvio Berlusconi ... Mr Blair ... the prime minister").
    held: dict[str, set[str | None]] = {}
    for h in found:
        if not h.role.past:
            place = h.jurisdiction.ref.key if h.jurisdiction is not None else None
            held.setdefault(fold(h.role.text), set()).add(place)
    # Anyone the text gives an office already, a past one too ("Former chancellor Kenneth
    # Clarke said the chancellor ...": not Clarke), is not the one meant.
    busy = {h.person.ref for h in found}
    when = context.article.published.date() if context.article.published else None
    roles: dict[str, tuple[Role, Field]] = {}
    candidates: dict[str, list[Mention]] = {}
    for field in analyse(context):
        quoted = quotation_spans(context, field)
        for match in _ALONE.finditer(field.text):
            office = fold(match.group("office"))
            if office in roles or None in held.get(office, ()):
                continue
            if any(s <= match.start() < e for s, e in quoted):
                continue  # the speaker's words, not the report's
            span = field.doc.char_span(match.start("office"), match.end(), alignment_mode="expand")
            role = role_ending_at(field.doc, span.end) if span is not None else None
            if role is None or role.past:
                continue
            others = held.get(office, set())
            fits = [
                p
                for p in people
                if p.ref not in busy
                and (countries := countries_held(p.name, when, office))
                and not any(f"country/{iso}" in others for iso in countries)
            ]
            if len(fits) > 1:
                # Of two holders the table knows, one named only inside quotation marks is
                # the speaker's subject, not the one the report calls "the prime minister"
                # ('"... the mistake that John Major made in 1992"').
                fits = [p for p in fits if p.ref in reported] or fits
            if fits:
                roles[office], candidates[office] = (role, field), fits
    given: dict[str, Mention] = {}
    while True:
        taken = {m.ref for m in given.values()}
        single = {
            office: left[0]
            for office, fits in candidates.items()
            if office not in given
            for left in [[p for p in fits if p.ref not in taken]]
            if len(left) == 1
        }
        if not single:
            break
        given.update(single)
    for office, person in given.items():
        role, field = roles[office]
        # The holding is read where its office is: a mention of the person in that field,
        # the last before the office, else the first after it.
        here = [m for m in person_mentions(context) if m.field is field and m.ref == person.ref]
        if not here:
            continue
        before = [m for m in here if m.span.end <= role.start]
        mention = before[-1] if before else here[0]
        yield Holding(mention, role, None, inferred=True, pattern="great-office")


def held_by_another(context: Context, person: Mention, office: str) -> bool:
    """Whether the table of great offices gives an office to another person the article
    names and not to this one ("the chancellor" of a story of Mr Kennedy and Mr Brown is
    not Mr Kennedy's, whoever the sentence before was about)."""
    when = context.article.published.date() if context.article.published else None
    people = _people(context)
    mine = next((p for p in people if p.ref == person.ref), person)
    if held_then(mine.name, when, office):
        return False
    return any(p.ref != person.ref and held_then(p.name, when, office) for p in people)


def _named_outside_quotations(context: Context) -> set[object]:
    """The people the report names in its own words, outside quotation marks."""
    quoted = {field.name: quotation_spans(context, field) for field in analyse(context)}
    return {
        m.ref
        for m in person_mentions(context)
        if not any(s <= m.span.start_char < e for s, e in quoted[m.field.name])
    }


def _people(context: Context) -> list[Mention]:
    """Each person of the article once, by the mention of their fullest name."""
    fullest: dict[object, Mention] = {}
    for mention in person_mentions(context):
        known = fullest.get(mention.ref)
        if known is None or len(mention.name.split()) > len(known.name.split()):
            fullest[mention.ref] = mention
    return list(fullest.values())
