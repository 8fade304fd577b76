"""Every namespace and prefix kg writes, bound in one place."""

from __future__ import annotations

from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from kg.vocab import KG

GEONAMES = "https://sws.geonames.org/"

__all__ = [
    "DCTERMS",
    "GEONAMES",
    "KG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SKOS",
    "XSD",
    "prefixes",
]

# `org:` is deliberately absent: rdflib binds it to the W3C Organization ontology.
_VOCABULARY_PREFIXES = {
    "kg": str(KG),
    "schema": str(SDO),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "gn": GEONAMES,
}

# Data IRIs are {base}{kind}/{local}; each kind gets a short prefix in Turtle.
ENTITY_KINDS = (
    "activity",
    "article",
    "city",
    "country",
    "evidence",
    "graph",
    "image",
    "organization",
    "outlet",
    "person",
    "position",
    "quote",
    "state",
    "topic",
)


def prefixes(base: str) -> dict[str, str]:
    """Prefix -> namespace, for serializers: the vocabularies plus one per entity kind."""
    data = {kind: f"{base}{kind}/" for kind in ENTITY_KINDS}
    return {**_VOCABULARY_PREFIXES, **data}
