"""The outlet that publishes each article, identified by its registered domain."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract import Context, article_ref, extractor
from kg.extract import gazetteers as gz
from kg.extract.places import country_facts, country_ref
from kg.model import Article, Fact, Iri, Ref
from kg.namespaces import KG, RDF, SDO
from kg.text import fold
from kg.urls import registered_domain


def outlet_ref(domain: str | None, name: str | None) -> Ref | None:
    """An outlet's identity: its registered domain, else its folded name."""
    if domain:
        return Ref(f"outlet/{domain}")
    if name and fold(name):
        return Ref(f"outlet/name:{fold(name)}")
    return None


def outlet_domain(outlet: Ref) -> str | None:
    """The registered domain an outlet is keyed by, or None for one known by name only."""
    key = outlet.key.partition("/")[2]
    return None if key.startswith("name:") else key


def outlet_facts(outlet: Ref, *, name: str | None, domain: str | None) -> Iterator[Fact]:
    """The facts that describe an outlet node."""
    yield Fact(outlet, RDF.type, Iri(SDO.NewsMediaOrganization))
    if name:
        yield Fact(outlet, SDO.name, name)
    if domain:
        yield Fact(outlet, KG.domain, domain)
        yield Fact(outlet, SDO.url, Iri(f"https://{domain}/"))


@extractor("outlets", emits={"schema:NewsMediaOrganization", "schema:publisher", "schema:location"})
def outlets(article: Article, context: Context) -> Iterator[Fact]:
    """The publisher of the article and of each related article."""
    for each in (article, *article.related):
        provider = each.provider
        name = provider.name if provider else None
        domain = None
        if provider and provider.domain:
            domain = registered_domain(provider.domain)
        if domain is None:
            domain = next(
                (
                    d
                    for d in map(registered_domain, filter(None, (each.url, each.original_url)))
                    if d
                ),
                None,
            )
        outlet = outlet_ref(domain, name)
        if outlet is None:
            continue
        yield Fact(article_ref(each), SDO.publisher, outlet)
        yield from outlet_facts(outlet, name=name or domain, domain=domain)
        country = _country(provider.country if provider else None)
        if country is not None:
            yield Fact(outlet, SDO.location, country_ref(country.iso))
            yield from country_facts(country.iso)


def _country(name: str | None) -> gz.Country | None:
    """The country a record names as the outlet's (GDELT's ``sourcecountry``)."""
    if not name:
        return None
    return next((p for p in gz.places(name) if isinstance(p, gz.Country)), None)
