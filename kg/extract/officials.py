"""Officials: people holding an office, with the role as stated and the jurisdiction it belongs to.

The shapes, found over tokens next to each person's name (docs/extraction.md has them all):

- a title before the name: "New York City Mayor Eric Adams", "Pakistan's Foreign Minister
  Abdul Sattar", "Adams spokesperson Fabien Levy" (an aide takes the jurisdiction of the
  office-holder they serve), "President of the Hazara Ethnic Society, Hassan Ghulam";
- an apposition or a copula after it: "Aaron Peskin, the city supervisor who ...", "Tim
  Costello, who is the president of the Baptist Union", "Mr Rehman ... is head of ...";
- taking or leaving an office: "was elected Prime Minister", "to step down as
  Governor-General";
- a delayed identification: an office named alone ("Brisbane's Lord Mayor says ...") whose
  holder the next sentence names ("Jim Soorley ... says");
- where the phrase names no jurisdiction: the same person's office stated elsewhere, the
  office-holder an aide serves, the article's city (city offices), its home country
  (national offices: see home.py) or the organization just named (offices of a body); the
  evidence says it was inferred.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import Context, extractor
from kg.extract import gazetteers as gz
from kg.extract.home import home_country
from kg.extract.nlp import Field, Mention, analyse
from kg.extract.organizations import (
    OrganizationName,
    body_of,
    organization_facts,
    organization_mentions,
    organization_named,
    organization_names,
)
from kg.extract.people import person_mentions
from kg.extract.places import city_facts, city_ref, country_facts, country_ref, place_mentions
from kg.extract.quotes import quotation_spans
from kg.extract.roles import (
    BODIES,
    MODIFIERS,
    Role,
    role_ending_at,
    role_last_words,
    role_starting_at,
)
from kg.model import Article, Evidence, Fact, Iri, Ref
from kg.namespaces import KG, RDF, SDO
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Ranks and honorifics that may stand between an office and the name ("President General
# Pervez Musharraf", "the Governor-General, Dr Peter Hollingworth").
_RANKS = frozenset(
    {"general", "gen", "colonel", "admiral", "rear", "brigadier", "dr", "mr", "ms", "sir"}
)
_LONGEST_TAIL = 6
_LONGEST_STATE = 4
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
_POSSESSIVE = frozenset({"'s", "’s"})
# "the new Solomon Islands Prime Minister": words between "the" and an office named alone.
_CURRENT = frozenset({"new", "current", "incumbent"})
# Taking or keeping an office (not "resigned as", "stepped down as": those are past).
_TAKING = re.compile(
    r"\b(?:to (?:step down|resign|remain|continue|serve)|(?:re-)?elected|installed|sworn in|"
    r"appointed)(?: as)? (?=\w)",
    re.IGNORECASE,
)
# Offices of a place: a party named before one is the holder's party ("Labor MP").
_PLACE_SCOPES = frozenset({"country", "state", "city"})
Named = dict[tuple[str, int], tuple[Mention, str]]


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
    titled: bool = False
    """Whether the role is a title written before the name ("Prime Minister John Howard")."""


def holdings(context: Context) -> list[Holding]:
    """Every office the article's text gives a person."""
    found = context.cache.get("officials")
    if found is None:
        named: Named = {}
        for kind, mentions in (
            ("place", place_mentions(context)),
            ("organization", organization_mentions(context)),
            ("person", person_mentions(context)),
        ):
            for mention in mentions:
                for i in range(mention.span.start, mention.span.end):
                    named[mention.field.name, i] = (mention, kind)
        found = [h for m in person_mentions(context) for h in _holdings_of(m, named, context)]
        fields = analyse(context)
        for field in fields:
            found += _taking_office(field, named, context)
        for field in fields:
            found += _delayed(field, found, named, context)
        # An office named only inside a quotation is the speaker's word, not the report's
        # ("President Arafat asked ...", in his adviser's quotation).
        found = [h for h in found if not _quoted(h, context)]
        _fill_in(found, context)
        context.cache["officials"] = found
    return found


def _quoted(holding: Holding, context: Context) -> bool:
    field = holding.person.field
    start = field.doc[holding.role.start].idx
    return any(s <= start < e for s, e in quotation_spans(context, field))


def _holdings_of(person: Mention, named: Named, context: Context) -> Iterator[Holding]:
    doc = person.field.doc
    end = person.span.start
    # "Attorney-General Daryl Williams" before "President General Pervez Musharraf".
    role = role_ending_at(doc, end)
    if role is None:
        while end > 0 and doc[end - 1].lower_.rstrip(".") in _RANKS:
            end -= 1
        # "The Immigration Minister, Philip Ruddock, says": the title set off by a comma.
        if end > 1 and doc[end - 1].text == ",":
            end -= 1
        role = role_ending_at(doc, end)
    if role is not None:
        role, owner = _qualify(person.field, role, named, context)
        holding = Holding(person, role, None, titled=True)
        _set(holding, owner)
        yield holding
    else:
        yield from _role_of_before(person, end, named, context)
    yield from _role_after(person, named, context)


def _role_after(person: Mention, named: Named, context: Context) -> Iterator[Holding]:
    """ "Aaron Peskin, the city supervisor", "Tim Costello, who is the president of the
    Baptist Union", "Mr Rehman, who is under house arrest, is head of ...", "Nabil Abu
    Rudeina, an advisor to Mr Arafat"."""
    field, doc = person.field, person.field.doc
    for start in _after_name(doc, person.span.end):
        if doc[start].lower_ in _DETERMINERS:
            start += 1
        owner = None
        if (field.name, start) in named:
            owner = named[field.name, start]
            start = owner[0].span.end
            if start < len(doc) and doc[start].lower_ in _POSSESSIVE:
                start += 1
        role = role_starting_at(doc, start)
        if role is None:
            continue
        if role.end < len(doc) and doc[role.end].lower_ in _POSSESSIVE:
            return  # "Jacques Chirac, the Prime Minister's office": not his office
        holding = Holding(person, role, None)
        if owner is not None:
            _set(holding, owner)
        elif role.end < len(doc) - 1 and doc[role.end].lower_ in ("of", "for", "at", "to"):
            _set_target(holding, named)
        elif role.end < len(doc) - 1 and doc[role.end].lower_ == "on":
            holding.role = _with_portfolio(doc, role)
        yield holding
        return


def _set_target(holding: Holding, named: Named) -> None:
    """ "head of the ACLU" (a body), "an advisor to Mr Arafat" (a person), "ambassador to
    Brazil" (a posting, part of the role)."""
    field, role = holding.person.field, holding.role
    doc = field.doc
    link = doc[role.end].lower_
    target = role.end + 1
    while target < len(doc) - 1 and (
        doc[target].lower_ == "the" or doc[target].lower_.rstrip(".") in _RANKS
    ):
        target += 1
    found = named.get((field.name, target)) or _norp(field, target)
    if found is None:
        return
    if link != "to":
        if found[1] != "person":
            _set(holding, found)
    elif found[1] == "person":
        _set(holding, found)
    else:
        end = found[0].span.end
        holding.role = Role(doc[role.start : end].text, role.scope, role.start, end, role.head)


def _after_name(doc: Doc, after: int) -> list[int]:
    """Where a role after a name may start: ", the ...", ", who is the ...", " is ...",
    ", who ..., is ..."."""
    if after >= len(doc) - 1:
        return []
    if doc[after].lower_ == "is":
        return [after + 1]
    if doc[after].text != ",":
        return []
    start = after + 1
    if doc[start].lower_ != "who":
        return [start]
    found = [start + 2] if start + 1 < len(doc) and doc[start + 1].lower_ == "is" else []
    # "Mr Rehman, who is under house arrest, is head of ...": past the relative clause.
    for index in range(start + 1, min(len(doc) - 1, start + 12)):
        if doc[index].is_sent_start:
            break
        if doc[index].text == ",":
            if doc[index + 1].lower_ == "is":
                found.append(index + 2)
            break
    return found


def _with_portfolio(doc: Doc, role: Role) -> Role:
    """ "spokesman on Home Affairs": the capitalized portfolio after "on" is the role's."""
    end = role.end + 1
    while end < len(doc) and (doc[end].is_title or doc[end].lower_ in ("and", "of")):
        end += 1
    while end > role.end + 1 and not doc[end - 1].is_title:
        end -= 1
    if end == role.end + 1:
        return role
    return Role(doc[role.start : end].text, role.scope, role.start, end, role.head_start)


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
        if link > 0 and doc[link].lower_ == "the":
            link -= 1
        if link > 0 and doc[link].lower_ in ("of", "for"):
            role = role_ending_at(doc, link)
            if role is not None:
                holding = Holding(person, role, None)
                _set(holding, owner)
                yield holding
                return
    for link in range(end - 1, max(end - _LONGEST_TAIL, 0), -1):
        if doc[link].lower_ not in ("of", "for", "on", "to"):
            continue
        role = role_ending_at(doc, link)
        if role is None or link + 1 >= end:
            continue
        if not all(t.is_title or t.lower_ in ("of", "for", "and") for t in doc[link + 1 : end]):
            return
        whole = Role(doc[role.start : end].text, role.scope, role.start, end, role.head_start)
        whole, found = _qualify(field, whole, named, context)
        holding = Holding(person, whole, None)
        _set(holding, found)
        yield holding
        return


def _qualify(
    field: Field, role: Role, named: Named, context: Context
) -> tuple[Role, tuple[Mention, str] | None]:
    """The role as its jurisdiction leaves it, and the jurisdiction named before it."""
    doc = field.doc
    index = role.start - 1
    # "Israeli Government spokesman": the government stands for the state named before it.
    if index > 0 and doc[index].lower_ == "government":
        index -= 1
    owner = _owner_ending_at(field, index, named)
    possessive = index >= 0 and doc[index].lower_ in _POSSESSIVE
    # "South Australian Labor MP Lyn Breuer": a party before an office of a place is the
    # holder's party; the place is named before it, or found from context.
    if (
        owner is not None
        and not possessive
        and role.scope in _PLACE_SCOPES
        and _is_party(owner[0], context)
    ):
        owner = _owner_ending_at(field, owner[0].span.start - 1, named)
    # "United Nations Middle East envoy": a region between the body and the role is the
    # role's remit.
    region = field.ent_at.get(index) if owner is None and index >= 0 else None
    if region is not None and region.label_ == "LOC" and not gz.places(region.text):
        role = Role(
            doc[region.start : role.end].text, role.scope, region.start, role.end, role.head
        )
        owner = _owner_ending_at(field, region.start - 1, named)
    # "its President Burhanuddin Rabbani": the organization just named.
    if owner is None and index >= 0 and doc[index].lower_ == "its":
        owner = _organization_before(field, index, context)
    if owner is not None and owner[0].span.end > role.start:
        # "Israeli army spokesman": the body's name ran into the role's modifiers.
        end = owner[0].span.end
        if end > role.head_start:
            return role, owner
        role = Role(doc[end : role.end].text, role.scope, end, role.end, role.head)
        return role, owner
    if owner is not None:
        role = _with_modifiers_before(doc, owner[0].span.start, role)
    return _split_body(field, role, owner, context)


def _owner_ending_at(field: Field, index: int, named: Named) -> tuple[Mention, str] | None:
    """The place, body or person named just before a role ("Pakistan's", "Indian")."""
    doc = field.doc
    if index >= 0 and doc[index].lower_ in _POSSESSIVE:
        index -= 1
    if index < 0:
        return None
    return (
        named.get((field.name, index))
        or _norp(field, index)
        or _demonym_at(field, index)
        or _state_ending_at(field, index)
    )


def _demonym_at(field: Field, index: int) -> tuple[Mention, str] | None:
    """A demonym inside a longer entity ("Israeli" of "the Israeli Government")."""
    token = field.doc[index]
    iso = gz.demonyms().get(token.text)
    country = gz.country(iso) if iso and not iso.startswith("org:") else None
    if country is None:
        return None
    return Mention(
        country_ref(country.iso), country.name, field, field.doc[index : index + 1]
    ), "place"


def _is_party(mention: Mention, context: Context) -> bool:
    named = organization_names(context).get(mention.ref)
    return named is not None and named.kind == "party"


def _organization_before(
    field: Field, index: int, context: Context, *, anywhere: bool = False
) -> tuple[Mention, str] | None:
    """The organization named last before a token: in its sentence or the one before, or
    ``anywhere`` before it in the field."""
    sentence = field.sentence_index(field.doc[index].idx)
    before = [
        m
        for m in organization_mentions(context)
        if m.field is field
        and m.span.end <= index
        and (anywhere or sentence - 1 <= field.sentence_index(m.span.start_char))
    ]
    return (before[-1], "organization") if before else None


def _split_body(
    field: Field, role: Role, owner: tuple[Mention, str] | None, context: Context
) -> tuple[Role, tuple[Mention, str] | None]:
    """ "Defence Ministry spokesman", "Israeli army spokesman": an aide of a body named in
    the role speaks for that body, when the article says which body it is."""
    doc = field.doc
    if role.scope != "aide":
        return role, owner
    words = [i for i in range(role.start, role.head_start) if doc[i].lower_ in BODIES]
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
    if body is None:
        return role, owner
    head = Role(doc[last + 1 : role.end].text, role.scope, last + 1, role.end, role.head_start)
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
    return Role(f"{doc[first:start].text} {role.text}", role.scope, role.start, role.end, role.head)


def _norp(field: Field, index: int) -> tuple[Mention, str] | None:
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
    state = gz.state_by_form().get(fold(span.text))
    if state is not None:
        return Mention(state_ref(state.name), state.name, field, span), "place"
    if span.label_ == "GPE":
        return Mention(state_ref(span.text), span.text, field, span), "place"
    return None


def _state_ending_at(field: Field, index: int) -> tuple[Mention, str] | None:
    """A state named by the words ending at a token, whatever label the model gave them
    ("New South Wales" inside "New South Wales Emergency")."""
    doc = field.doc
    states = gz.state_by_form()
    for size in range(min(_LONGEST_STATE, index + 1), 0, -1):
        span = doc[index - size + 1 : index + 1]
        state = states.get(fold(span.text))
        if state is not None and span[0].is_title:
            return Mention(state_ref(state.name), state.name, field, span), "place"
    return None


def state_ref(name: str) -> Ref:
    """The identity of a state or region: its folded name."""
    return Ref(f"state/{fold(name)}")


def _set(holding: Holding, found: tuple[Mention, str] | None) -> None:
    if found is None:
        return
    mention, kind = found
    if kind == "person":
        holding.serves = mention
    else:
        holding.jurisdiction = Jurisdiction(mention.ref, mention.name)


def _taking_office(field: Field, named: Named, context: Context) -> Iterator[Holding]:
    """ "Sir Allan Kemakeza ... was elected Prime Minister", "Brian Greig, installed as
    interim leader", "calling on Dr Hollingworth to step down as Governor-General": the
    office is the nearest person's before it in the sentence."""
    doc = field.doc
    for match in _TAKING.finditer(field.text):
        found = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if found is None:
            continue
        start = found.start + (doc[found.start].lower_ == "the")
        role = role_starting_at(doc, start)
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
        holding = Holding(person, role, None)
        if role.end < len(doc) - 1 and doc[role.end].lower_ == "of":
            target = role.end + 1 + (doc[role.end + 1].lower_ == "the")
            _set(holding, named.get((field.name, target)))
        yield holding


def _delayed(
    field: Field, found: list[Holding], named: Named, context: Context
) -> Iterator[Holding]:
    """The delayed-identification lede: an office named alone and definite in a text's first
    sentence, which names nobody ("The Governor-General will issue a statement ..."), is
    held by the first person the second sentence newly names ("Dr Peter Hollingworth was
    ..."), unless another title introduces them there ("Prime Minister John Howard")."""
    doc = field.doc
    people = [m for m in person_mentions(context) if m.field is field]
    if len(field.sentence_starts) < 2 or any(
        field.sentence_index(m.span.start_char) == 0 for m in people
    ):
        return
    lede = field.text[: field.sentence_starts[1]]
    attached = {(h.person.field.name, h.role.start) for h in found}
    # An office already given to someone is referred back to, not introduced.
    held = {_office(h.role.text) for h in found}
    for match in _role_words().finditer(lede):
        last = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if last is None or (last.end < len(doc) and doc[last.end].text == "-"):
            continue  # "Governor" of "Governor-General": the longer head follows
        role = role_ending_at(doc, last.end)
        if role is None or (field.name, role.start) in attached or _office(role.text) in held:
            continue
        definite = _definite(field, role, named)
        if definite is None:
            continue
        titled = {h.person.span.start for h in found if h.titled and h.person.field is field}
        following = [
            m
            for m in people
            if field.sentence_index(m.span.start_char) == 1 and m.span.start not in titled
        ]
        if following:
            role, owner = definite
            holding = Holding(following[0], role, None)
            _set(holding, owner)
            yield holding
        return


def _office(role: str) -> str:
    """A role's folded words, without the hyphens and the case that vary between mentions."""
    return fold(role)


def _definite(
    field: Field, role: Role, named: Named
) -> tuple[Role, tuple[Mention, str] | None] | None:
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
        elif token.lower_ in _POSSESSIVE:
            return role, owner or _owner_ending_at(field, index, named)
        else:
            break
    if index >= 0 and doc[index].lower_ == "the":
        return role, owner
    return None


@cache
def _role_words() -> re.Pattern[str]:
    words = sorted(role_last_words(), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)


@dataclass
class _Surroundings:
    """The cities and states an article names, counted: where a city or state office is."""

    cities: Counter[Jurisdiction]
    states: Counter[Jurisdiction]


def _surroundings(fields: tuple[Field, ...], context: Context) -> _Surroundings:
    """Cities, and the cities of organizations (the NYPD's); states and regions GeoNames
    does not know as a city or country."""
    around = _Surroundings(Counter(), Counter())
    for mention in place_mentions(context):
        if mention.ref.kind == "city":
            around.cities[Jurisdiction(mention.ref, mention.name)] += 1
    for field in fields:
        for ent in field.ents:
            if ent.label_ in ("GPE", "NORP") and not gz.places(ent.text) and ent.text[:1].isupper():
                region = _norp(field, ent.start)
                if region is not None and region[0].ref.kind == "state":
                    around.states[Jurisdiction(region[0].ref, region[0].name)] += 1
    for mention in organization_mentions(context):
        named = organization_names(context).get(mention.ref)
        if named is not None and named.city is not None:
            around.cities[Jurisdiction(city_ref(named.city), gz.city(named.city).name)] += 1
    return around


def _fill_in(found: list[Holding], context: Context) -> None:
    """Jurisdictions from context: the same person's stated office, an aide's from whom they
    serve, else the place or body the passage or the article is about."""
    fields = analyse(context)
    around = _surroundings(fields, context)
    stated: dict[tuple[Ref, str], Jurisdiction] = {}
    national: dict[Ref, Jurisdiction] = {}
    served: dict[Ref, Jurisdiction] = {}
    marked: dict[tuple[str, int], set[str]] = {}
    by_end: dict[tuple[str, int], Holding] = {}
    for holding in found:
        where, person = holding.jurisdiction, holding.person
        if where is None or holding.serves is not None:
            continue
        stated.setdefault((person.ref, fold(holding.role.text)), where)
        served.setdefault(person.ref, where)
        if where.ref.kind == "country":
            national.setdefault(person.ref, where)
            sentence = person.field.sentence_index(person.span.start_char)
            marked.setdefault((person.field.name, sentence), set()).add(where.ref.key[8:])
        by_end[person.field.name, person.span.end] = holding
    # "Shadow Treasurer" is the opposition's mirror of the Treasurer: the same country.
    offices: dict[str, Jurisdiction] = {}
    for holding in found:
        if holding.jurisdiction is not None and holding.serves is None:
            offices.setdefault(_office(holding.role.text), holding.jurisdiction)
    first: dict[tuple[Ref, str], Jurisdiction | None] = {}
    for holding in found:
        if holding.jurisdiction is not None:
            continue
        holding.inferred = True
        person, scope = holding.person, holding.role.scope
        key = (person.ref, fold(holding.role.text))
        if key in stated:
            holding.jurisdiction = stated[key]
            continue
        if key in first:
            holding.jurisdiction = first[key]
            continue
        doc = person.field.doc
        ahead = None
        if (
            holding.titled
            and holding.role.start > 1
            and doc[holding.role.start - 1].lower_ == "and"
        ):
            # "German Chancellor Gerhard Schroeder and Foreign Minister Joschka Fischer".
            ahead = by_end.get((person.field.name, holding.role.start - 1))
        if ahead is not None and ahead.role.scope == scope:
            holding.jurisdiction = ahead.jurisdiction
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
        elif scope in ("country", "state"):
            mirrored = _shadowed(holding.role.text)
            holding.jurisdiction = (
                national.get(person.ref)
                or (offices.get(mirrored) if mirrored else None)
                or _home(holding, marked, context)
            )
            if holding.jurisdiction is not None and holding.jurisdiction.ref.kind == "country":
                # One person's offices with no country stated are in one country ("Defence
                # Minister Robert Hill ... Senator Hill").
                national.setdefault(person.ref, holding.jurisdiction)
        elif scope == "body":
            body = _organization_before(
                person.field, max(holding.role.start - 1, 0), context, anywhere=True
            )
            if body is not None:
                holding.jurisdiction = Jurisdiction(body[0].ref, body[0].name)
        first[key] = holding.jurisdiction
        if holding.jurisdiction is not None:
            offices.setdefault(_office(holding.role.text), holding.jurisdiction)


def _shadowed(role: str) -> str | None:
    """The office a shadow office mirrors ("Shadow Treasurer" -> "treasurer"), if it is one."""
    words = fold(role).split(" ")
    return " ".join(words[1:]) if len(words) > 1 and words[0] == "shadow" else None


def _home(
    holding: Holding, marked: dict[tuple[str, int], set[str]], context: Context
) -> Jurisdiction | None:
    """A national office with no country stated is the home country's (home.py); a country
    that qualifies another office in the same sentence ("talks with Indonesian President
    Megawati") is foreign to this one."""
    person = holding.person
    sentence = person.field.sentence_index(person.span.start_char)
    foreign = frozenset(marked.get((person.field.name, sentence), ()))
    iso = home_country(context, field=person.field.name, sentence=sentence, exclude=foreign)
    country = gz.country(iso) if iso else None
    if iso is None or country is None:
        return None
    return Jurisdiction(country_ref(iso), country.name)


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


def jurisdiction_facts(jurisdiction: Jurisdiction, context: Context) -> Iterator[Fact]:
    """Describe a jurisdiction: its name and type, whatever kind of node it is."""
    kind, _, value = jurisdiction.ref.key.partition("/")
    if kind == "country":
        yield from country_facts(value)
    elif kind == "state":
        yield Fact(jurisdiction.ref, RDF.type, Iri(SDO.State))
        yield Fact(jurisdiction.ref, SDO.name, jurisdiction.name)
    elif kind == "city":
        yield from city_facts(int(value))
    elif kind == "organization":
        # "Palestinian leader": a body no sentence names still needs its name.
        named = organization_names(context).get(jurisdiction.ref) or organization_named(
            jurisdiction.name
        )
        if named is not None:
            city = city_ref(named.city) if named.city is not None else None
            if named.city is not None:
                yield from city_facts(named.city)
            yield from organization_facts(named, city)


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
            yield from jurisdiction_facts(where, context)
