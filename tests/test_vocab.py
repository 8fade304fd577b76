"""The generated vocabulary module is current, and every term is documented."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.ontology import NAMESPACE, ontology_file, render_vocab_module

from .conftest import ROOT


def test_vocab_module_is_generated_from_the_ontology() -> None:
    expected = render_vocab_module(ROOT / "ontology" / "kg.ttl")
    assert (ROOT / "kg" / "vocab.py").read_text() == expected, "run `make vocab`"


def test_every_ontology_term_has_a_label_and_a_comment() -> None:
    graph = rdflib.Graph().parse(ontology_file("kg.ttl"))
    terms = [
        t
        for k in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for t in graph.subjects(RDF.type, k)
        if str(t).startswith(NAMESPACE)
    ]
    assert len(terms) > 10
    for term in terms:
        assert graph.value(term, RDFS.label), term
        assert graph.value(term, RDFS.comment), term


def test_a_typo_in_a_term_fails() -> None:
    from kg.vocab import KG

    assert str(KG.sourceFile) == NAMESPACE + "sourceFile"
    try:
        KG.sorceFile  # noqa: B018
    except AttributeError:
        return
    raise AssertionError("KG accepted an undeclared term")
