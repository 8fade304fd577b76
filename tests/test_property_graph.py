"""The property-graph view streams, and GraphML and Neo4j CSV are written from it."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from kg.export import property_graph
from kg.export.graphml import to_networkx, write_graphml
from kg.export.neo4j import write_neo4j
from kg.export.property_graph import Node, NodeIndex, nodes
from kg.graph import KnowledgeGraph

TURTLE = """\
@prefix schema: <https://schema.org/> .
@prefix kg: <https://kg.example/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .

ex:adams a schema:Person, kg:Official ;
    schema:name "Eric Adams" , "Adams" ;
    schema:sameAs <https://www.wikidata.org/wiki/Q5386080> ;
    kg:holdsPosition ex:mayor .
ex:mayor a kg:Position ;
    schema:roleName "Mayor <of> \\u000B&co" ;
    kg:holder ex:adams ;
    schema:startDate "2022"^^xsd:integer .
ex:adams-office a schema:Place ; schema:latitude "40.7"^^xsd:double ; kg:open true .
ex:note a kg:Evidence ; schema:about ex:adams .
_:blank schema:about ex:adams .
"""


@pytest.fixture
def graph(tmp_path: Path) -> KnowledgeGraph:
    path = tmp_path / "small.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return KnowledgeGraph.load(path)


def test_typed_iris_are_nodes_and_other_objects_are_properties(graph: KnowledgeGraph) -> None:
    view = {node.iri: node for node in nodes(graph)}
    # Evidence records and blank nodes are left out; nodes come in the order of the
    # sorted N-Triples lines ("<...adams-office>" before "<...adams>").
    assert list(view) == [
        "https://example.org/adams-office",
        "https://example.org/adams",
        "https://example.org/mayor",
    ]
    adams = view["https://example.org/adams"]
    assert adams == Node(
        "https://example.org/adams",
        ["Official", "Person"],
        {"name": ["Adams", "Eric Adams"], "sameAs": ["https://www.wikidata.org/wiki/Q5386080"]},
        [("HOLDS_POSITION", "https://example.org/mayor")],
    )
    mayor = view["https://example.org/mayor"]
    assert mayor.properties == {"roleName": ["Mayor <of> \x0b&co"], "startDate": [2022]}
    assert mayor.relationships == [], "kg:holder is the inverse of HOLDS_POSITION"
    assert view["https://example.org/adams-office"].properties == {
        "latitude": [40.7],
        "open": [True],
    }


def test_graphml_rereads_as_the_networkx_view(graph: KnowledgeGraph, tmp_path: Path) -> None:
    write_graphml(graph, tmp_path / "graph.graphml")
    read = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    expected = to_networkx(graph)
    # The character XML cannot hold is dropped; < and & are escaped and come back.
    expected.nodes["https://example.org/mayor"]["roleName"] = "Mayor <of> &co"
    assert dict(read.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted((u, v, d["type"]) for u, v, d in read.edges(data=True)) == [
        ("https://example.org/adams", "https://example.org/mayor", "HOLDS_POSITION")
    ]
    assert read.nodes["https://example.org/adams"]["name"] == "Adams | Eric Adams"
    assert read.nodes["https://example.org/mayor"]["startDate"] == 2022
    assert read.nodes["https://example.org/adams-office"]["open"] is True


def test_neo4j_columns_are_typed_from_every_node_of_a_label_set(
    graph: KnowledgeGraph, tmp_path: Path
) -> None:
    write_neo4j(nodes(graph), tmp_path)
    with (tmp_path / "nodes-Official-Person.csv").open(encoding="utf-8") as stream:
        assert list(csv.reader(stream)) == [
            ["iri:ID", "name:string[]", "sameAs", ":LABEL"],
            [
                "https://example.org/adams",
                "Adams|Eric Adams",
                "https://www.wikidata.org/wiki/Q5386080",
                "Resource;Official;Person",
            ],
        ]
    with (tmp_path / "nodes-Place.csv").open(encoding="utf-8") as stream:
        assert next(csv.reader(stream)) == ["iri:ID", "latitude:float", "open:boolean", ":LABEL"]
    assert (tmp_path / "relationships-HOLDS_POSITION.csv").read_text() == (
        ":START_ID,:END_ID\nhttps://example.org/adams,https://example.org/mayor\n"
    )
    assert not list(tmp_path.glob(".pending-*")), "the waiting rows are cleaned up"


def test_the_view_is_the_same_whatever_the_batch_size(
    seed_graph: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = list(nodes(seed_graph))
    monkeypatch.setattr(property_graph, "_BATCH_LINES", 7)
    assert list(nodes(seed_graph)) == whole
    assert len(whole) > 20, "many batches of seven lines"


def test_the_node_index_answers_for_digests_it_holds_only() -> None:
    a_type = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    lines = [
        b"<https://e.org/a> " + a_type + b" <https://e.org/T> .\n",
        b"<https://e.org/b> <https://e.org/p> <https://e.org/a> .\n",
    ]
    index = NodeIndex.of_lines(lines)
    assert len(index) == 1
    assert index.contains(["https://e.org/a", "https://e.org/b", "https://e.org/c"]) == [
        True,
        False,
        False,
    ]
    assert NodeIndex([]).contains(["https://e.org/a"]) == [False]
