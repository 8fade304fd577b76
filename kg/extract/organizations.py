"""Organizations named in the text, one key per organization whatever form names it.

The extractor puts together the mentions of the modules below it: candidates from the
model and the text (`organization_candidates`, `companies`, `government_bodies`), the tests
that accept them (`organization_checks`, `party_adjectives`), how each is named
(`organization_names`) and the forms that are one organization (`organization_aliases`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.extract import Context, extractor
from kg.extract.acronyms import is_acronym
from kg.extract.citations import outlet_mentions
from kg.extract.companies import ticker_after
from kg.extract.government_bodies import (
    chamber_committees,
    city_police,
    coordinated_bodies,
    district_courts,
    ministries,
    parliament_committees,
    parliaments,
)
from kg.extract.nlp import Mention, analyse, first_mentions, in_text_order, mention_facts
from kg.extract.organization_aliases import overlaps, short_forms, spelled_out, with_acronyms
from kg.extract.organization_candidates import (
    by_form,
    listed_companies,
    model_mentions,
    named_companies,
)
from kg.extract.organization_checks import (
    ACRONYM_ALONE,
    LABEL_ALONE,
    LISTED_COMPANY,
    LONE_CHAMBER,
    model_evidence,
)
from kg.extract.organization_names import OrganizationName, body_of, ministry_of, organization_named
from kg.extract.organization_support import TRUSTED
from kg.extract.people import person_mentions
from kg.extract.places import city_facts, city_ref, place_mentions
from kg.model import Article, Fact, Iri, Ref
from kg.namespaces import RDF, SDO

if TYPE_CHECKING:
    pass

__all__ = [
    "OrganizationName",
    "body_of",
    "ministry_of",
    "organization_evidence",
    "organization_facts",
    "organization_mentions",
    "organization_named",
    "organization_names",
    "organizations",
    "ticker_after",
]

# Mentions found by rules too weak to make an organization node (measured precision under
# 0.5 on the development sets); other extractors still read them.
_NOT_EMITTED = frozenset({LONE_CHAMBER, LABEL_ALONE, ACRONYM_ALONE})

_KIND_TYPES = {
    "government": SDO.GovernmentOrganization,
    "company": SDO.Corporation,
    "ngo": SDO.NGO,
}


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
        evidence: dict[tuple[str, int, int], str] = {}
        found = [
            mention
            for field in fields
            for mention in model_mentions(field, people, named, context, outlets)
        ]
        for mention in found:
            evidence[_where(mention)] = model_evidence(mention, named[mention.ref], context)
        taken = {(m.field.name, i) for m in found for i in range(m.span.start, m.span.end)}
        found += _noted(evidence, "city police", city_police(context, taken, named))
        listed = []
        for field in fields:
            for span, company in listed_companies(field, taken, people):
                named.setdefault(company.ref, company)
                listed.append(Mention(company.ref, company.name, field, span))
        found += _noted(evidence, "ticker or legal form in text", listed)
        taken.update((m.field.name, i) for m in listed for i in range(m.span.start, m.span.end))
        named_listed = []
        for field in fields:
            for span, company in named_companies(field, taken, people):
                named.setdefault(company.ref, company)
                named_listed.append(Mention(company.ref, company.name, field, span))
        found += _noted(evidence, LISTED_COMPANY, named_listed)
        found += _noted(evidence, "parliament", (m for f in fields for m in parliaments(f, named)))
        found += _noted(evidence, "ministry", (m for f in fields for m in ministries(f, named)))
        committees = _noted(
            evidence, "committee", (m for f in fields for m in chamber_committees(f, named))
        )
        committees += _noted(
            evidence,
            "parliament committee",
            (m for f in fields for m in parliament_committees(f, named)),
        )
        committees += _noted(
            evidence, "district court", (m for f in fields for m in district_courts(f, named))
        )
        committees += _noted(
            evidence,
            "plural head and a list",
            (m for f in fields for m in coordinated_bodies(f, named)),
        )
        found = [m for m in found if not any(overlaps(m, c.span) for c in committees)]
        found += committees
        grown: set[int] = set()
        found += _noted(
            evidence, "head noun (form)", by_form(fields, found, people, named, context, grown)
        )
        found = [m for m in found if id(m) not in grown]
        refs = {_where(m): m.ref for m in found}
        found = with_acronyms(found, named)
        found = short_forms(found, named)
        found = spelled_out(fields, found, named)
        for mention in found:
            if refs[_where(mention)] != mention.ref and is_acronym(mention.span.text):
                evidence[_where(mention)] = "acronym spelled out"
        found = context.cache["organizations"] = in_text_order(found, fields)
        context.cache["organization names"] = named
        context.cache["organization evidence"] = evidence
    return found


def _emitted(evidence: str) -> bool:
    """Whether a mention found by this evidence makes an organization node: not by the
    rules too weak by their measured precision (`_NOT_EMITTED`, and the text's evidence
    under 0.85, `organization_support.TRUSTED`)."""
    if evidence in _NOT_EMITTED:
        return False
    return not evidence.startswith("text:") or evidence in TRUSTED


def organization_evidence(context: Context) -> dict[tuple[str, int, int], str]:
    """The rule that found each organization mention, by (field, first token, end token):
    what the precision of each rule is measured by (benchmarks.organization_evidence)."""
    organization_mentions(context)
    evidence: dict[tuple[str, int, int], str] = context.cache["organization evidence"]
    return evidence


def _where(mention: Mention) -> tuple[str, int, int]:
    return mention.field.name, mention.span.start, mention.span.end


def _noted(
    evidence: dict[tuple[str, int, int], str], rule: str, mentions: Iterable[Mention]
) -> list[Mention]:
    """The mentions a rule found, each noted as found by it."""
    found = list(mentions)
    for mention in found:
        evidence.setdefault(_where(mention), rule)
    return found


def organization_names(context: Context) -> dict[Ref, OrganizationName]:
    """How the article names each organization it mentions, by key."""
    organization_mentions(context)
    names: dict[Ref, OrganizationName] = context.cache["organization names"]
    return names


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
    evidence = organization_evidence(context)
    mentions = [
        m
        for m in found
        if (m.field.name, m.span.start) not in adjectives and _emitted(evidence[_where(m)])
    ]
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
