"""Every fact in one named graph: the shipped queries give the same rows over Turtle, over
N-Quads and TriG, and over a loaded Oxigraph server with and without a union default graph,
on a corpus where one official is named in hundreds of articles; `kg load` keeps a store
equal to the build it was last given."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.builder import build_to
from kg.graphstore import load
from kg.sparql import named_queries, run

from .servers import oxigraph_server, sparql_select

ARTICLES = 300
STATES = [("Albany", "New York"), ("Trenton", "New Jersey"), ("Hartford", "Connecticut")]
GOVERNORS = ["Kathy Hochul", "Phil Murphy", "Ned Lamont"]
OUTLETS = ["The New York Times", "Reuters", "the Associated Press"]

Rows = list[tuple[str | None, ...]]


def article(index: int, *, edition: str = "") -> dict[str, str]:
    """A short wire story naming Mayor Eric Adams and one of three governors."""
    capital, state = STATES[index % 3]
    governor = GOVERNORS[index % 3]
    body = (
        f"New York City Mayor Eric Adams said on Monday that the city would expand its "
        f"subway safety program to {index + 2} more stations{edition}. "
        f'"We will keep every rider in this city safe, and we will do it in the open," '
        f"Adams said at City Hall. According to {OUTLETS[index % 3]}, the New York Police "
        f"Department has deployed {index + 40} more officers since March.\n\n"
        f"In {capital}, {state} Governor {governor} said the state would review the plan. "
        f'"The state has to see the numbers before it pays for any of this," {governor} said.'
    )
    return {
        "title": f"Adams expands subway program, story {index}{edition}",
        "webUrl": f"https://news.example/2024/story-{index}",
        "publishedDateTime": f"2024-{1 + index % 12:02d}-{1 + index % 28:02d}T12:00:00Z",
        "body": body,
    }


def write_corpus(folder: Path, indexes: range | list[int], *, edition: str = "") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in indexes:
        text = json.dumps(article(index, edition=edition))
        (folder / f"story-{index:04d}.json").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def big_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 articles that all name Eric Adams, built into Turtle, N-Quads and TriG."""
    root = tmp_path_factory.mktemp("named-graphs")
    write_corpus(root / "news", range(ARTICLES))
    build_to([root / "news"], root / "out", formats=["turtle", "nquads", "trig"])
    return root / "out"


def rows(graph: Path, name: str) -> Rows:
    result = run(graph, name)
    return sorted(tuple(row[v] for v in result.variables) for row in result.rows)


def http_rows(url: str, sparql: str, *, ask_for_union: bool = False) -> Rows:
    return sorted(sparql_select(url, sparql, ask_for_union=ask_for_union))


def all_quads(url: str) -> set[tuple[str, ...]]:
    """Every quad in a server's named graphs, as values (the exports have no blank nodes)."""
    return set(
        http_rows(url, "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")  # type: ignore[arg-type]
    )


def test_each_triple_of_the_nquads_lives_in_one_graph(big_build: Path) -> None:
    triples = Counter(
        line.removesuffix(" .").rsplit(" ", 1)[0]  # "S P O G ." without " G ."
        for line in (big_build / "graph.nq").read_text(encoding="utf-8").splitlines()
        if line
    )
    repeated = [triple for triple, count in triples.items() if count > 1]
    assert not repeated, repeated[:3]


def test_every_shipped_query_gives_the_same_rows_over_turtle_nquads_and_trig(
    big_build: Path,
) -> None:
    for name in named_queries():
        over_turtle = rows(big_build / "graph.ttl", name)
        assert rows(big_build / "graph.nq", name) == over_turtle, name
        assert rows(big_build / "graph.trig", name) == over_turtle, name
    adams = [row for row in rows(big_build / "graph.nq", "officials") if row[0] == "Eric Adams"]
    # One row per official, office and article: the fact is not multiplied by its copies.
    assert len(adams) == ARTICLES
    assert {(row[1], row[2]) for row in adams} == {("Mayor", "New York City")}


@pytest.mark.slow
def test_a_loaded_server_answers_alike_with_and_without_a_union_default_graph(
    big_build: Path, tmp_path: Path
) -> None:
    expected = {name: rows(big_build / "graph.ttl", name) for name in named_queries()}
    for union in (True, False):
        with oxigraph_server(tmp_path / f"store-{union}", union=union) as url:
            report = load(big_build / "graph.nq", f"{url}/store")
            assert report.graphs > ARTICLES
            for name, named in named_queries().items():
                answered = http_rows(url, named.text, ask_for_union=not union)
                assert answered == expected[name], (name, union)
            if not union:  # the default graph alone is empty: every fact is in a named graph
                assert http_rows(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1") == []


@pytest.mark.slow
def test_loading_a_new_build_makes_the_store_equal_a_fresh_load_of_it(tmp_path: Path) -> None:
    write_corpus(tmp_path / "v1", range(12))
    build_to([tmp_path / "v1"], tmp_path / "out1", formats=["nquads"])
    # The next day: story 11 is gone, story 3 is rewritten, stories 12 and 13 are new.
    write_corpus(tmp_path / "v2", [i for i in range(14) if i not in (3, 11)])
    write_corpus(tmp_path / "v2", [3], edition=" in Queens")
    build_to([tmp_path / "v2"], tmp_path / "out2", formats=["nquads"])

    with oxigraph_server(tmp_path / "kept") as kept, oxigraph_server(tmp_path / "fresh") as fresh:
        load(tmp_path / "out1", f"{kept}/store")
        before = all_quads(kept)
        report = load(tmp_path / "out2", f"{kept}/store")
        load(tmp_path / "out2", f"{fresh}/store")
        after, expected = all_quads(kept), all_quads(fresh)
    assert after == expected
    assert before != expected
    assert report.removed >= 1  # story 11's graph, at least
    assert not any("story 11" in value for quad in after for value in quad)
