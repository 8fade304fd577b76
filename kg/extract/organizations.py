"""Organizations named in the text, one key per organization whatever form names it.

"NYPD", "New York City Police Department" and "New York Police Department" are one
organization: the gazetteer (data/organizations.tsv) gives each its canonical name and
other names; names it does not know are kept as written, minus "the" and a possessive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract import Context, extractor
from kg.extract import gazetteers as gz
from kg.extract.nlp import Field, Mention, analyse, first_mentions, in_text_order, mention_facts
from kg.extract.people import person_mentions
from kg.extract.places import city_facts, city_ref, place_mentions
from kg.extract.roles import is_role_head
from kg.model import Article, Fact, Iri, Ref
from kg.namespaces import RDF, SDO
from kg.text import clean_label, fold

if TYPE_CHECKING:
    from spacy.tokens import Span

_GOVERNMENT = re.compile(
    r"\b(Police|Department|Ministry|Agency|Commission|Council|Parliament|Senate|Congress|"
    r"Army|Navy|Air Force|Forces?|Office|Bureau|Service|Court|Authority|Committee)\b"
)
_COMPANY = re.compile(r"\b(Inc|Corp|Corporation|Ltd|Limited|LLC|Company|Co|Group|plc)\b\.?")
# A government, cabinet or opposition stands for the state, not an organization; a lone
# institution word ("the Government", "Defence") names none in particular.
_STATE = re.compile(r"\b(Government|Cabinet|Opposition|Administration)$")
_GENERIC = frozenset(
    """
    government parliament senate defence defense interior home state navy army group police
    opposition cabinet treasury ministry department council court federal
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Buildings, laws, programmes and spans the model cut short ("Anglican Archbishop of").
_NOT_ORGANIZATION = re.compile(
    r"\b(Centre|Center|Theatre|Theater|Palace|Palais|Hotel|Airport|Stadium|Act|Bill|Treaty|"
    r"Accord|Solution|Program|Programme|Guide)$|^(Theatre|Theater|Hotel|Office of)\b|"
    r"\b(of|the|and|for)$"
)
_MINISTRY = re.compile(r"(Foreign|Defen[cs]e|Interior|Home|Finance|Health|Justice) Ministry")
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
_EDGES = re.compile(r"^(?:the|The)\s+|['’]s?$")
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

    @property
    def ref(self) -> Ref:
        """The identity of the organization: its folded canonical name."""
        return Ref(f"organization/{fold(self.name)}")


def organization_named(text: str) -> OrganizationName | None:
    """The organization a name denotes, by the gazetteer, else as written.

    >>> organization_named("the New York City Police Department").name
    'New York City Police Department'
    >>> organization_named("NYPD").ref.key
    'organization/new york city police department'
    >>> organization_named("Miami Police").name
    'Miami Police Department'
    """
    name = _EDGES.sub("", clean_label(text)).strip()
    if not fold(name):
        return None
    table = gz.organization_by_form()
    # "New York's Police Department" is the New York Police Department.
    known = table.get(fold(name)) or table.get(fold(re.sub(r"['’]s\b", "", name)))
    if known is not None:
        return OrganizationName(known.name, known.aliases, known.kind, known.city)
    parliament = _parliament(name)
    if parliament is not None:
        return parliament
    if name.endswith(" Police"):
        name += " Department"
    kind = "government" if _GOVERNMENT.search(name) else "company" if _COMPANY.search(name) else ""
    return OrganizationName(name, (), kind)


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
        found = [mention for field in fields for mention in _find(field, people)]
        taken = {(m.field.name, m.span.start) for m in found}
        found += _city_police(context, taken)
        found += [m for field in fields for m in _parliaments(field)]
        found = context.cache["organizations"] = in_text_order(found, fields)
    return found


def _parliaments(field: Field) -> Iterator[Mention]:
    """ "the Indian parliament" in lower case, which the model does not take for a name."""
    doc = field.doc
    for match in _LOWER_PARLIAMENT.finditer(doc.text):
        word = doc.char_span(match.start(), match.end())
        if word is None or word.start == 0 or word[0].ent_type_:
            continue
        owner = field.ent_at.get(word.start - 1)
        if owner is not None:
            named = _parliament(f"{owner.text} Parliament")
            if named is not None:
                yield Mention(named.ref, named.name, field, doc[owner.start : word.end])


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
    return OrganizationName(f"Parliament of {country.name}", (), "government")


def _city_police(context: Context, taken: set[tuple[str, int]]) -> Iterator[Mention]:
    """ "Miami Police officers": a city the model tagged alone, then "Police", is its force."""
    for city in place_mentions(context):
        doc, end = city.field.doc, city.span.end
        if city.ref.kind != "city" or end >= len(doc) or doc[end].text != "Police":
            continue
        if (city.field.name, city.span.start) in taken:
            continue
        if end + 1 < len(doc) and doc[end + 1].text in ("Department", "Service", "Force"):
            end += 1
        named = organization_named(doc[city.span.start : end + 1].text)
        if named is not None:
            yield Mention(named.ref, named.name, city.field, doc[city.span.start : end + 1])


def _find(field: Field, people: set[tuple[str, int]]) -> Iterator[Mention]:
    headline = field.headline
    for ent in field.ents:
        if ent.label_ != "ORG":
            continue
        # In Headline Case the model takes any capitalized run for a name: trust only the
        # gazetteer and names that say they are organizations.
        if headline and not (
            ent.ent_id_ or _GOVERNMENT.search(ent.text) or _COMPANY.search(ent.text)
        ):
            continue
        if (field.name, ent.start) in people or (field.name, ent.end - 1) in people:
            continue  # part of a person's name ("Wali Masood" of Ahmad Wali Masood)
        if _is_place(ent):
            continue
        text = _EDGES.sub("", ent.text)
        if "," in text or " and " in text or _NOT_ORGANIZATION.search(text):
            continue  # a list the model ran together, a building, a law, a broken span
        if is_role_head(ent[-1].text) and not ent.ent_id_:
            continue  # an office ("the Governor-General"), not a body
        if ent[-1].is_lower:
            # A description ("the Toowoomba school") unless a known name opens it ("the
            # Labor party", "his Al Qaeda network").
            known = _known_prefix(ent)
            if known is not None:
                yield Mention(known.ref, known.name, field, ent)
            continue
        named = _owned(field, ent) or organization_named(ent.text)
        if named is None or len(fold(named.name)) < 2 or _STATE.search(named.name):
            continue
        if not ent.ent_id_ and fold(named.name) in _GENERIC:
            continue
        yield Mention(named.ref, named.name, field, ent)


def _known_prefix(ent: Span) -> OrganizationName | None:
    end = ent.end
    while end > ent.start and ent.doc[end - 1].is_lower:
        end -= 1
    known = gz.organization_by_form().get(fold(_EDGES.sub("", ent.doc[ent.start : end].text)))
    if known is None:
        return None
    return OrganizationName(known.name, known.aliases, known.kind, known.city)


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
    known = gz.organization_by_form().get(fold(f"{owner_name} {ent.text}"))
    if known is not None:
        return OrganizationName(known.name, known.aliases, known.kind, known.city)
    ministry = _MINISTRY.fullmatch(ent.text)
    countries = [p for p in gz.places(owner_name) if isinstance(p, gz.Country)]
    if ministry and countries:
        # "Pakistan's Foreign Ministry": each country has one, named the usual way.
        portfolio = _PORTFOLIOS[ministry.group(1).lower()]
        return OrganizationName(f"Ministry of {portfolio} ({countries[0].name})", (), "government")
    return None


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
    mentions = organization_mentions(context)
    yield from mention_facts(mentions, "organizations")
    # A city that opens the organization's name is its city ("Miami Police").
    cities = {
        (m.field.name, m.span.start): m.ref for m in place_mentions(context) if m.ref.kind == "city"
    }
    described: set[Ref] = set()
    for mention in first_mentions(mentions):
        if mention.ref in described:
            continue
        described.add(mention.ref)
        named = organization_named(mention.name)
        assert named is not None  # it named one when the mention was made
        city = cities.get((mention.field.name, mention.span.start)) or cities.get(
            (mention.field.name, mention.span.start + 1)  # after "the"
        )
        if named.city is not None:
            city = city_ref(named.city)
            yield from city_facts(named.city)
        yield from organization_facts(named, city)
