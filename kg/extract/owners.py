"""The jurisdiction named with a role: "Pakistan's Foreign Minister", "Indian Prime Minister",
"South Australian Labor MP", "Israeli army spokesman", "its President", "Defence Ministry
spokesman" (the body the article named before)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.names import HONORIFICS
from kg.extract.nlp import Field, Mention
from kg.extract.organizations import (
    OrganizationName,
    body_of,
    organization_mentions,
    organization_named,
    organization_names,
)
from kg.extract.people import person_mentions
from kg.extract.places import country_ref
from kg.extract.positions import Named, Owner
from kg.extract.roles import BODIES, COURTS, MODIFIERS, Role, past, sought
from kg.model import Ref
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LONGEST_STATE = 4

POSSESSIVE = frozenset({"'s", "’s"})

# Nouns that end a body's name: "Fire Department Commissioner" is the department's.
_BODY_NOUNS = frozenset(
    {"department", "ministry", "agency", "board", "commission", "committee", "district"}
)
# Offices of a place: a party named before one is the holder's party ("Labor MP").
_PLACE_SCOPES = frozenset({"country", "state", "city"})


def qualify(field: Field, role: Role, named: Named, context: Context) -> tuple[Role, Owner | None]:
    """The role as its jurisdiction leaves it, and the jurisdiction named before it."""
    doc = field.doc
    index = role.start - 1
    # "Israeli Government spokesman": the government stands for the state named before it.
    if index > 0 and doc[index].lower_ == "government":
        index -= 1
    owner = owner_ending_at(field, index, named) or _body_before(field, index, named)
    possessive = index >= 0 and doc[index].lower_ in POSSESSIVE
    # "South Australian Labor MP Lyn Breuer": a party before an office of a place is the
    # holder's party; the place is named before it, or found from context.
    if (
        owner is not None
        and not possessive
        and role.scope in _PLACE_SCOPES
        and _is_party(owner[0], context)
    ):
        before = owner_ending_at(field, owner[0].span.start - 1, named)
        # Only a place: "ExxonMobil Corp. Democratic Senator Tom Carper" is a sentence's
        # end the model ran on, not the company's senator.
        owner = before if before is not None and before[1] == "place" else None
    # "Senate Democratic leader Chuck Schumer", "House Republican whip": a party's leader
    # in a legislature is the legislature's office (as "Senate Minority Leader" is).
    if owner is not None and not possessive and _is_party(owner[0], context):
        chamber = _legislature_before(field, owner[0].span.start - 1, named, context)
        if chamber is not None:
            role = role.over(doc, owner[0].span.start, role.end, role.head_start)
            return role, chamber
    # "United Nations Middle East envoy": a region between the body and the role is the
    # role's remit.
    region = field.ent_at.get(index) if owner is None and index >= 0 else None
    start = region.start if region is not None and region.label_ == "LOC" else None
    if start is None or gz.places(doc[start : index + 1].text):
        start = _region_ending_at(doc, index) if owner is None else None
    if start is not None:
        role = role.over(doc, start, role.end)
        owner = owner_ending_at(field, start - 1, named)
    # "its President Burhanuddin Rabbani": the organization just named.
    if owner is None and index >= 0 and doc[index].lower_ == "its":
        owner = organization_before(field, index, context)
    # "bureau Deputy Director David Bowdich": the bureau the text named before.
    if owner is None and index >= 0 and doc[index].lower_ in _REFERRING_NOUNS:
        owner = organization_before(field, index, context, anywhere=True, noun=doc[index].lower_)
    # "Trump was responding to a post by his spokeswoman Sarah Sanders": the aide of the
    # one person the sentence names before.
    if owner is None and index >= 0 and doc[index].lower_ in ("his", "her"):
        owner = person_before(field, index, context) if role.scope == "aide" else None
    if owner is not None and owner[0].span.end > role.start:
        # "Israeli army spokesman": the body's name ran into the role's modifiers.
        end = owner[0].span.end
        if end >= role.end:
            return role, owner
        if end > role.head_start:
            # "Metropolitan Police Commissioner": the body took the head's first word; the
            # office of the body is what follows ("Commissioner").
            return role.over(doc, end, role.end, end), owner
        role = role.over(doc, end, role.end)
        return role, owner
    if owner is not None:
        role = _attorney(doc, role, owner, possessive)
        role = _department_minister(doc, role, owner, possessive)
        role = _chamber_president(doc, role, owner, possessive)
        owner = _state_chamber(field, owner, named)
        role, owner = _territorial_secretary(doc, role, owner, possessive)
        role = _with_modifiers_before(doc, owner[0].span.start, role)
        role = _when(doc, owner[0].span.start, role)
        owner = state_office(role, owner)
    role, owner = _split_body(field, role, owner, context)
    if owner is not None:
        role = _committee_chair(doc, role, owner, possessive)
    return role, owner


def _region_ending_at(doc: Doc, index: int) -> int | None:
    """Where a region that envoys are named for ends at ``index`` starts, when the model
    labelled it nothing ("UN Middle East envoy")."""
    for size in (3, 2, 1):
        start = index - size + 1
        if start >= 0 and doc[start : index + 1].text in _REGIONS:
            return start
    return None


# Regions that envoys and special representatives are named for (Wikipedia "Special envoy",
# "Special Representative of the Secretary-General").
_REGIONS = frozenset(
    {
        "Middle East",
        "Mideast",
        "Balkans",
        "Great Lakes",
        "Horn of Africa",
        "Sahel",
        "Central Asia",
        "Korean Peninsula",
        "Persian Gulf",
        "Gulf",
        "Asia-Pacific",
        "Latin America",
        "Caribbean",
    }
)


def _territorial_secretary(
    doc: Doc, role: Role, owner: Owner, possessive: bool
) -> tuple[Role, Owner]:
    """ "Welsh Secretary Peter Hain", "Northern Ireland Secretary": a state's name or
    adjective right before a bare "Secretary" is the cabinet office for that part of the
    country (the Secretary of State for Wales), an office of the country it belongs to;
    "Scottish First Minister" and "Illinois Secretary of State" are the state's own."""
    mention, kind = owner
    if possessive or kind != "place" or mention.ref.kind != "state":
        return role, owner
    if fold(role.text) != "secretary" or mention.span.end != role.start:
        return role, owner
    state = gz.state_by_form().get(fold(mention.span.text))
    country = gz.country(state.country) if state is not None else None
    if country is None or country.iso == "US":
        return role, owner  # a US state's secretaries are its own ("Secretary of State")
    whole = role.over(doc, mention.span.start, role.end)
    return whole, (
        Mention(country_ref(country.iso), country.name, mention.field, mention.span),
        "place",
    )


_LAWYERS = frozenset({"attorney", "counsel"})


def _attorney(doc: Doc, role: Role, owner: Owner, possessive: bool) -> Role:
    """ "Warren County Attorney Amy Milliken", "U.S. Attorney Preet Bharara", "White House
    Counsel Robert Bauer": a government's attorney or counsel is named with its place or
    seat ("County Attorney", "White House Counsel"); "Attorney" alone would read as any
    lawyer's."""
    mention = owner[0]
    if possessive or mention.span.end != role.start or fold(role.text) not in _LAWYERS:
        return role
    first = mention.span.end - 1 if mention.span[-1].text == "County" else mention.span.start
    return role.over(doc, first, role.end, role.head_start)


_CHAIRS = frozenset({"chairman", "chairwoman", "chair", "chairperson"})


def _committee_chair(doc: Doc, role: Role, owner: Owner, possessive: bool) -> Role:
    """ "House Judiciary Committee Chairman Jerrold Nadler": a committee's chair is named
    with the committee (LABELLING.md: "Senate Intelligence Committee chairman"); the
    committee's legislature still gives the jurisdiction."""
    mention, kind = owner
    if (
        possessive
        or kind != "organization"
        or mention.span.end != role.start
        or fold(doc[role.head_start : role.end].text) not in _CHAIRS
        or "committee" not in fold(mention.span.text).split()
        or mention.span[-1].is_lower  # "the committee chairman": the one named before
    ):
        return role
    return role.over(doc, mention.span.start, role.end, role.head_start)


def _department_minister(doc: Doc, role: Role, owner: Owner, possessive: bool) -> Role:
    """ "Home Office minister Hazel Blears", "Foreign Office minister": a junior minister
    named by the department written just before is that department's minister, as the
    text words it (the department still gives the jurisdiction)."""
    mention, kind = owner
    if (
        possessive
        or kind != "organization"
        or fold(doc[role.head_start].text) != "minister"
        or mention.span.end != role.start
        or mention.span[-1].text != "Office"
    ):
        return role
    return role.over(doc, mention.span.start + (mention.span[0].lower_ == "the"), role.end)


def _chamber_president(doc: Doc, role: Role, owner: Owner, possessive: bool) -> Role:
    """ "Massachusetts Senate President Stan Rosenberg": the president of a legislature is
    named with it ("Senate President"); "President" alone would read as a head of state."""
    mention, kind = owner
    if possessive or kind != "organization" or mention.span.end != role.start:
        return role
    office = fold(doc[role.head_start : role.end].text).removesuffix(" pro tem")
    if office.removesuffix(" pro tempore") not in ("president", "vice president"):
        return role  # "Senate President Pro Tem David Long" is one too
    last = mention.span[-1]
    if last.lower_ not in _LEGISLATURES or not last.is_title:
        return role
    return role.over(doc, last.i, role.end, role.head_start)


def _state_chamber(field: Field, owner: Owner, named: Named) -> Owner:
    """ "Massachusetts Senate President", "Texas House Speaker": a legislature named by its
    chamber alone right after a state is the state's, whatever body the gazetteer knows by
    that word (the United States Senate)."""
    mention, kind = owner
    words = fold(mention.span.text).split()
    if kind != "organization" or len(words) != 1 or words[0] not in _LEGISLATURES:
        return owner
    before = mention.span.start - 1
    state = _state_ending_at(field, before) if before >= 0 else None
    if state is None or state[0].ref.kind != "state":
        return owner
    return state


def state_office(role: Role, owner: Owner) -> Owner:
    """ "Oklahoma Gov. Mary Fallin", "New York Attorney General": a state's or a country's
    office named with a place named like a state is the state's, though a city bears the
    name too (Oklahoma City, New York City): a city has no governor or attorney general;
    a state's office named with a city is the city's state's."""
    mention, kind = owner
    if role.scope not in ("state", "country") or kind != "place" or mention.ref.kind != "city":
        return owner  # "New York Attorney General": the state's, not the city's
    state = gz.state_by_form().get(fold(mention.span.text))
    if state is not None:
        return Mention(state_ref(state.name), state.name, mention.field, mention.span), "place"
    if role.scope == "state":
        # "The Edinburgh MSP", "Sacramento Assemblyman": a state's office with the city
        # the holder sits for, in the state the city lies in.
        name = gz.state_of_city(gz.city(int(mention.ref.key.partition("/")[2])))
        if name is not None:
            return Mention(state_ref(name), name, mention.field, mention.span), "place"
    return owner


def _when(doc: Doc, start: int, role: Role) -> Role:
    """ "former Mexican President", "ex-Chicago Public Schools CEO": a past office, and
    "candidates for 4th Ward alderman" one sought, said before the place or body that
    qualifies it."""
    return replace(
        role,
        past=role.past or past(doc, start),
        sought=role.sought or sought(doc, start, role.end),
    )


_BODY_WORDS = frozenset(
    {"commission", "council", "committee", "board", "agency", "authority", "court", "bank"}
)


def _body_before(field: Field, index: int, named: Named) -> Owner | None:
    """A body named in lower case just before the role, with the capitalized words that say
    whose it is ("European commission president"): that body, as written."""
    doc = field.doc
    if index < 1 or doc[index].lower_ not in _BODY_WORDS or not doc[index].is_lower:
        return None
    start = index
    while start > 0 and doc[start - 1].is_title and (field.name, start - 1) not in named:
        start -= 1
    if start < index and doc[start].is_sent_start:
        start += 1  # "New European commission president": "New" opens the sentence
    if start == index:
        return None
    body = organization_named(doc[start : index + 1].text)
    if body is None:
        return None
    return Mention(body.ref, body.name, field, doc[start : index + 1]), "organization"


def owner_ending_at(field: Field, index: int, named: Named) -> Owner | None:
    """The place, body or person named just before a role ("Pakistan's", "Indian")."""
    doc = field.doc
    if index >= 0 and doc[index].lower_ in POSSESSIVE:
        index -= 1
    if index < 0:
        return None
    return (
        _county_ending_at(field, index)
        or named.get((field.name, index))
        or named_place_at(field, index)
        or _demonym_at(field, index)
        or _state_ending_at(field, index)
    )


def _county_ending_at(field: Field, index: int) -> Owner | None:
    """A US county named by its form, "<Name> County" ("Cook County Sheriff", "Los Angeles
    County Supervisor"): the county, as written."""
    doc = field.doc
    if index < 1 or doc[index].text != "County":
        return None
    start = index
    while start > max(index - 3, 0) and doc[start - 1].is_title and doc[start - 1].is_alpha:
        if doc[start - 1].lower_ in MODIFIERS:
            break
        start -= 1
    if start == index:
        return None
    span = doc[start : index + 1]
    return Mention(state_ref(span.text), span.text, field, span), "place"


def _demonym_at(field: Field, index: int) -> Owner | None:
    """A demonym inside a longer entity ("Israeli" of "the Israeli Government")."""
    token = field.doc[index]
    iso = gz.demonyms().get(token.text)
    country = gz.country(iso) if iso and not iso.startswith("org:") else None
    if country is None:
        return None
    return Mention(
        country_ref(country.iso), country.name, field, field.doc[index : index + 1]
    ), "place"


_LEGISLATURES = frozenset({"senate", "house", "assembly", "parliament", "congress", "legislature"})


def _legislature_before(field: Field, index: int, named: Named, context: Context) -> Owner | None:
    """The legislature named right before a token ("Senate" of "Senate Democratic leader")."""
    if index < 0:
        return None
    found = named.get((field.name, index))
    token = field.doc[index]
    if found is None and token.is_title and token.lower_ in _LEGISLATURES:
        body = organization_named(token.text)  # "House", which no list places
        if body is not None:
            found = (
                Mention(body.ref, body.name, field, field.doc[index : index + 1]),
                "organization",
            )
    if found is None or found[1] != "organization" or found[0].span.end != index + 1:
        return None
    if not _LEGISLATURES & set(fold(found[0].span.text).split()):
        return None
    return found


def _is_party(mention: Mention, context: Context) -> bool:
    named = organization_names(context).get(mention.ref)
    return named is not None and named.kind == "party"


def organization_before(
    field: Field, index: int, context: Context, *, anywhere: bool = False, noun: str = ""
) -> Owner | None:
    """The organization named last before a token: in its sentence or the one before, or
    ``anywhere`` before it in the field; with ``noun``, one whose name has that word ("the
    FBI ... bureau Deputy Director": the Federal Bureau of Investigation)."""
    sentence = field.sentence_index(field.doc[index].idx)
    names = organization_names(context) if noun else {}
    before = [
        m
        for m in organization_mentions(context)
        if m.field is field
        and m.span.end <= index
        and (anywhere or sentence - 1 <= field.sentence_index(m.span.start_char))
        and (not noun or (m.ref in names and noun in fold(names[m.ref].name).split()))
    ]
    return (before[-1], "organization") if before else None


# Lower-case nouns that refer back to a body named before ("the bureau", "the agency").
_REFERRING_NOUNS = frozenset({"bureau", "agency", "department", "ministry", "commission"})


def person_before(field: Field, index: int, context: Context) -> Owner | None:
    """The one person named before a token in its sentence; None when there are several
    ("Trump met Putin and his spokesman": whose?)."""
    sentence = field.sentence_index(field.doc[index].idx)
    before = {
        m.ref: m
        for m in person_mentions(context)
        if m.field is field
        and m.span.end <= index
        and field.sentence_index(m.span.start_char) == sentence
    }
    return (next(iter(before.values())), "person") if len(before) == 1 else None


def _split_body(
    field: Field, role: Role, owner: Owner | None, context: Context
) -> tuple[Role, Owner | None]:
    """ "Defence Ministry spokesman", "Israeli army spokesman", "Fire Department
    Commissioner": an office of a body named in the role belongs to that body (an aide's
    "army" or "ministry" only when the article says which body it is)."""
    doc = field.doc
    nouns = BODIES | _BODY_NOUNS if role.scope == "aide" else _BODY_NOUNS
    if role.scope == "court":
        nouns = nouns - COURTS  # "U.S. District Judge": a kind of court, not a body
    words = [i for i in range(role.start, role.head_start) if doc[i].lower_ in nouns]
    if not words:
        return role, owner
    last = words[-1]
    body_text = doc[role.start : last + 1].text
    body: OrganizationName | None = None
    if owner is not None and owner[1] != "person":
        owner_name = re.sub(r"['’]s$", "", owner[0].span.text)
        body = body_of(owner_name, body_text)
    if body is None:
        body = _named_body(field, role.start, body_text, context)
    if body is None and doc[last].lower_ in _BODY_NOUNS:
        # A body no list knows: named by its words ("Chicago Fire Department").
        owned = re.sub(r"['’]s$", "", owner[0].span.text) if owner and owner[1] == "place" else ""
        body = organization_named(f"{owned} {body_text}".strip())
    if body is None:
        return role, owner
    head = role.over(doc, last + 1, role.end, role.head_start)
    span = doc[owner[0].span.start if owner else role.start : last + 1]
    return head, (Mention(body.ref, body.name, field, span), "organization")


def _named_body(
    field: Field, before: int, body_text: str, context: Context
) -> OrganizationName | None:
    """The body of the article that "ministry" or "Defence Ministry" refers back to: the last
    one named before whose name holds the same words ("Ministry of Defence (Afghanistan)")."""
    words = [w.lower() for w in body_text.split()]
    names = organization_names(context)
    chosen = None
    for mention in organization_mentions(context):
        if mention.field is field and mention.span.start >= before:
            break
        name = mention.name.lower()
        portfolio = [w for w in words if w not in BODIES]
        body_words = [w for w in words if w in BODIES]
        if all(w in name for w in body_words) and all(w in name for w in portfolio):
            chosen = names.get(mention.ref)
    return chosen


def _with_modifiers_before(doc: Doc, start: int, role: Role) -> Role:
    """ "chief Palestinian negotiator": modifiers before the jurisdiction belong to the role."""
    first = start
    while first > 0 and doc[first - 1].lower_ in MODIFIERS:
        first -= 1
    if first == start:
        return role
    return replace(role, text=f"{doc[first:start].text} {role.text}")


def named_place_at(field: Field, index: int) -> Owner | None:
    """A demonym ("Indian") or a state or region name, as a jurisdiction."""
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
    state = gz.state_by_form().get(fold(span.text)) or _abbreviated_state(span.text)
    if state is not None:
        return Mention(state_ref(state.name), state.name, field, span), "place"
    if span.label_ == "GPE" and span.text.lower().rstrip(".") not in HONORIFICS:
        # Not "Mr" of "Mr Justice Sullivan", which the model may take for a place.
        return Mention(state_ref(span.text), span.text, field, span), "place"
    return None


def _abbreviated_state(text: str) -> gz.State | None:
    """A US state by its AP abbreviation, full stop included ("Wash. Gov. Jay Inslee",
    "Calif."; not "Mass" or "Ill", which are words)."""
    code = gz.us_state_codes().get(fold(text)) if text.endswith(".") else None
    return gz.State(gz.us_state_names()[code], "US") if code is not None else None


def _state_ending_at(field: Field, index: int) -> Owner | None:
    """A state named by the words ending at a token, whatever label the model gave them
    ("New South Wales" inside "New South Wales Emergency")."""
    doc = field.doc
    states = gz.state_by_form()
    for size in range(min(_LONGEST_STATE, index + 1), 0, -1):
        span = doc[index - size + 1 : index + 1]
        state = states.get(fold(span.text))
        if state is not None and span[0].is_title and span[-1].is_alpha:
            return Mention(state_ref(state.name), state.name, field, span), "place"
    return None


LEVEL_NOUNS = {
    "city": "city",
    "town": "city",
    "village": "city",
    "county": "county",
    "state": "state",
    "nation": "country",
    "country": "country",
}
"""Common nouns whose possessive before a role names the office's level ("the state's")."""

# Words that may stand between such a possessive and the role ("the county's top
# prosecutor", "the city's new budget director").
_LEVEL_ADJECTIVES = frozenset({"top", "new", "own", "chief", "longtime", "current", "interim"})


def possessive_level(doc: Doc, start: int) -> str:
    """The level of government a possessive before a role names: "the state's attorney
    general" (state), "the city's budget director" (city), "the county's top prosecutor"
    (county), "the nation's top diplomat" (country); "" if none.

    >>> from spacy.lang.en import English
    >>> doc = English()("the county's top prosecutor, Kim Foxx")
    >>> possessive_level(doc, 4), possessive_level(doc, 2)
    ('county', '')
    """
    index = start - 1
    while index >= 0 and doc[index].lower_ in _LEVEL_ADJECTIVES:
        index -= 1
    if index < 2 or doc[index].lower_ not in POSSESSIVE:
        return ""
    noun, determiner = doc[index - 1].lower_, doc[index - 2].lower_
    if noun in LEVEL_NOUNS and determiner in ("the", "this", "that"):
        return LEVEL_NOUNS[noun]
    return ""


def state_ref(name: str) -> Ref:
    """The identity of a state or region: its folded name."""
    return Ref(f"state/{fold(name)}")
