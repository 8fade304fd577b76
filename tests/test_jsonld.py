"""The streamed JSON-LD reads back, in two processors, to exactly the quads written."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.export.jsonld import JSONLD, Compactor
from kg.graph import KnowledgeGraph

TRIG = """\
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .

ex:adams a schema:Person ;
    schema:name "Eric Adams", "Eric Adams"@en, "Éric"@fr ;
    schema:sameAs <https://schema.org/>, <https://schema.org///odd>, <urn:isbn:0451450523> .

<https://kg.example/id/graph/one> {
    ex:article a schema:NewsArticle, "not an IRI" ;
        schema:wordCount 417, "007"^^xsd:integer, 1000000000000000000000 ;
        schema:latitude "40.70"^^xsd:double ;
        schema:isAccessibleForFree true, "1"^^xsd:boolean ;
        schema:datePublished "2020-08-17T22:15:00Z"^^xsd:dateTime ;
        schema:text "a \\"quote\\"\\nover two lines \\u2028 and \\\\ more" ;
        schema:mentions ex:adams, _:someone .
    _:someone schema:name "a blank node" .
}
"""


def _quads(path: Path) -> set[ox.Quad]:
    return set(ox.parse(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:])))


def test_jsonld_reads_back_to_the_same_quads(tmp_path: Path) -> None:
    source = tmp_path / "input.trig"
    source.write_text(TRIG, encoding="utf-8")
    target = tmp_path / "graph.jsonld"
    JSONLD.write(KnowledgeGraph.load(source), target)

    expected, found = _quads(source), _quads(target)
    assert len(found) == len(expected) == 20
    named = {q for q in expected if not isinstance(q.subject, ox.BlankNode)}
    assert named <= found, "every quad without a blank node comes back unchanged"
    assert sum(isinstance(q.object, ox.BlankNode) for q in found) == 1

    by_rdflib = rdflib.Dataset()
    by_rdflib.parse(target, format="json-ld")
    original = rdflib.Dataset()
    original.parse(source, format="trig")
    for name in (rdflib.URIRef("https://kg.example/id/graph/one"), DATASET_DEFAULT_GRAPH_ID):
        assert isomorphic(_copy(by_rdflib.graph(name)), _copy(original.graph(name))), name


def _copy(graph: rdflib.Graph) -> rdflib.Graph:
    copy = rdflib.Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def test_jsonld_is_one_node_object_a_line_with_the_context_embedded(tmp_path: Path) -> None:
    source = tmp_path / "input.trig"
    source.write_text(TRIG, encoding="utf-8")
    target = tmp_path / "graph.jsonld"
    JSONLD.write(KnowledgeGraph.load(source), target)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["@context"]["schema"] == "https://schema.org/"
    adams, article_graph = document["@graph"]
    assert adams["@type"] == "schema:Person"
    assert adams["schema:sameAs"] == [
        {"@id": "https://schema.org///odd"},  # "schema://odd" would read as an absolute IRI
        {"@id": "schema:"},
        {"@id": "urn:isbn:0451450523"},
    ]
    assert article_graph["@id"] == "graph:one"
    article, someone = article_graph["@graph"]
    assert someone == {"@id": "_:someone", "schema:name": "a blank node"}
    assert article["schema:wordCount"] == [
        {"@type": "xsd:integer", "@value": "007"},
        {"@type": "xsd:integer", "@value": "1000000000000000000000"},
        417,
    ]
    assert article["schema:latitude"] == {"@type": "xsd:double", "@value": "40.70"}
    assert article["rdf:type"] == ["not an IRI", {"@id": "schema:NewsArticle"}]
    lines = target.read_text(encoding="utf-8").splitlines()
    assert any(line.startswith('{"@id": "https://example.org/article"') for line in lines)


def test_compact_iris_take_the_longest_prefix() -> None:
    compactor = Compactor({"kg": "https://kg.example/", "person": "https://kg.example/id/person/"})
    assert compactor.iri("https://kg.example/id/person/eric-adams") == "person:eric-adams"
    assert compactor.iri("https://kg.example/ns") == "kg:ns"
    assert compactor.iri("https://other.example/x") == "https://other.example/x"
