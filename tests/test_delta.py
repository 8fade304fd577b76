"""The delta of an incremental build (issue #17): a store records each named graph's digest;
`kg build --store S --delta D` writes the graphs that changed and the ones removed; `kg load
--delta D` applies them to a real Oxigraph server, which then holds what a fresh full load of a
fresh full build gives, quad for quad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.builder import build_to
from kg.cli import main
from kg.delta import CHANGED, MANIFEST, REMOVED, DeltaError, deltas
from kg.graphstore import LoadError, apply_delta, load

from .servers import oxigraph_server
from .test_named_graphs import all_quads, write_corpus

LONE = {
    "title": "Oregon weighs a transit plan",
    "webUrl": "https://news.example/2024/lone",
    "publishedDateTime": "2024-05-02T12:00:00Z",
    "body": "In Salem, Oregon Governor Tina Kotek said on Tuesday that the state would study "
    'a new rail line. "We will build what riders need," Kotek said.',
}
KOTEK = "https://kg.example/id/graph/person/tina-kotek"


def manifest(folder: Path) -> dict[str, object]:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def first_day(news: Path) -> None:
    """Twelve stories and one, the only one naming Tina Kotek."""
    write_corpus(news, range(12))
    (news / "lone.json").write_text(json.dumps(LONE), encoding="utf-8")


def next_day(news: Path) -> None:
    """Story 11 and the lone story are gone, story 3 is rewritten, 12 and 13 are new."""
    (news / "story-0011.json").unlink()
    (news / "lone.json").unlink()
    write_corpus(news, [3], edition=" in Queens")
    write_corpus(news, [12, 13])


@pytest.mark.slow
def test_a_delta_applied_to_a_loaded_server_equals_a_fresh_load_of_a_fresh_build(
    tmp_path: Path,
) -> None:
    news, store, delta = tmp_path / "news", tmp_path / "store", tmp_path / "delta"
    first_day(news)
    build_to([news], tmp_path / "out1", formats=["nquads"], store=store, jobs=1)
    next_day(news)
    graph = build_to([news], None, store=store, prune=True, delta=delta, jobs=1)
    # Without -f the build writes the delta alone.
    assert [p.name for p in delta.iterdir()] == ["000002"]
    assert graph.report.outputs == {"delta": str(delta / "000002")}
    written = manifest(delta / "000002")
    assert written["build"] == 2 and written["base"]["build"] == 1  # type: ignore[index]
    removed = (delta / "000002" / REMOVED).read_text().splitlines()
    # The removed articles' graphs, and the entity no other article names, are removed.
    assert KOTEK in removed
    assert sum("/graph/article/" in iri for iri in removed) == 2
    changed = (delta / "000002" / CHANGED).read_text()
    assert "in Queens" in changed and "story-12" in changed
    # Unchanged stories are not in the delta.
    assert "/story-5>" not in changed
    assert written["changed_graphs"] < written["graphs"]  # type: ignore[operator]

    build_to([news], tmp_path / "fresh-out", formats=["nquads"], jobs=1)
    with oxigraph_server(tmp_path / "kept") as kept, oxigraph_server(tmp_path / "fresh") as fresh:
        load(tmp_path / "out1", f"{kept}/store")
        before = all_quads(kept)
        report = apply_delta(delta, f"{kept}/store")
        load(tmp_path / "fresh-out", f"{fresh}/store")
        after, expected = all_quads(kept), all_quads(fresh)
        # Applied once: the endpoint's build is remembered, nothing is sent again.
        again = apply_delta(delta, f"{kept}/store")
    assert after == expected
    assert before != expected
    assert report.applied == (2,) and report.removed == len(removed)
    assert report.graphs == written["changed_graphs"]
    assert again.applied == () and again.build == 2
    assert not any("Kotek" in value for quad in after for value in quad if value)


@pytest.mark.slow
def test_kg_build_and_load_with_delta_and_a_gap_that_is_refused(tmp_path: Path) -> None:
    news, store, delta = tmp_path / "news", tmp_path / "store", tmp_path / "delta"
    write_corpus(news, range(4))
    runner = CliRunner()
    build = ["build", str(news), "--store", str(store), "-j", "1", "-q"]
    out = tmp_path / "out"
    first = runner.invoke(main, [*build, "-o", str(out), "-f", "nquads"])
    assert first.exit_code == 0, first.output
    # Nothing changed: an empty delta, whose fingerprint is its base's.
    nothing = runner.invoke(main, [*build, "--delta", str(delta), "-o", str(tmp_path / "none")])
    assert nothing.exit_code == 0, nothing.output
    assert not (tmp_path / "none").exists()
    empty = manifest(delta / "000002")
    assert empty["changed_graphs"] == empty["removed_graphs"] == 0
    assert empty["fingerprint"] == empty["base"]["fingerprint"]  # type: ignore[index]
    assert (delta / "000002" / CHANGED).read_bytes() == b""

    with oxigraph_server(tmp_path / "db") as url:
        loaded = runner.invoke(main, ["load", str(out / "graph.nq"), "--endpoint", f"{url}/store"])
        assert loaded.exit_code == 0, loaded.output
        applied = runner.invoke(main, ["load", "--delta", str(delta), "--endpoint", f"{url}/store"])
        assert applied.exit_code == 0, applied.output
        assert "builds 2" in applied.output
        # Build 3 writes no delta; build 4's delta applies to build 3, not to build 2.
        write_corpus(news, [4])
        assert runner.invoke(main, [*build, "-o", str(tmp_path / "out3")]).exit_code == 0
        write_corpus(news, [5])
        assert runner.invoke(main, [*build, "--delta", str(delta)]).exit_code == 0
        assert [d.build for d in deltas(delta)] == [2, 4]
        gap = runner.invoke(main, ["load", "--delta", str(delta), "--endpoint", f"{url}/store"])
        assert gap.exit_code == 1
        assert "applies to build 3" in gap.output and "holds build 2" in gap.output
        both = runner.invoke(main, ["load", str(out), "--delta", str(delta), "--endpoint", url])
        assert both.exit_code != 0 and "one of them" in both.output
    no_store = runner.invoke(main, ["build", str(news), "--delta", str(delta), "-q"])
    assert no_store.exit_code == 1 and "--delta needs --store" in no_store.output


def test_a_graph_the_server_refuses_does_not_stop_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "delta" / "000002"
    folder.mkdir(parents=True)
    g = "https://kg.example/id/graph/"
    (folder / CHANGED).write_text(
        f'<{g}a> <https://x.example/p> "one" <{g}a> .\n'
        f"<{g}b> <https://x.example/p> <not an iri> <{g}b> .\n"
        f'<{g}c> <https://x.example/p> "three" <{g}c> .\n',
        encoding="utf-8",
    )
    (folder / REMOVED).write_text(f"{g}gone\n", encoding="utf-8")
    document = {"format": 1, "build": 2, "fingerprint": "f2", "base": None}
    counts = {"graphs": 3, "changed_graphs": 3, "new_graphs": 3, "removed_graphs": 1}
    (folder / MANIFEST).write_text(json.dumps(document | counts | {"changed_quads": 3}))
    with oxigraph_server(tmp_path / "db") as url:
        with pytest.raises(LoadError, match=rf"1 graphs not applied.*{g}b"):
            apply_delta(tmp_path / "delta", f"{url}/store")
        assert {q[3] for q in all_quads(url)} == {f"{g}a", f"{g}c"}
    assert not (tmp_path / "delta" / "applied.json").exists()  # to be applied again


def test_a_folder_that_is_not_a_delta_is_named(tmp_path: Path) -> None:
    (tmp_path / "000001").mkdir()
    (tmp_path / "000001" / MANIFEST).write_text("{")
    with pytest.raises(DeltaError, match=r"000001/delta\.json: not a kg delta manifest"):
        deltas(tmp_path)


def cypher_database(port: int) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
    """Every node (IRI, labels, properties) and relationship (start, type, end) of a graph."""
    from falkordb import FalkorDB

    graph = FalkorDB(host="127.0.0.1", port=port).select_graph("kg")
    found = graph.query("MATCH (n) RETURN n.iri, labels(n), properties(n)").result_set
    nodes = {
        (iri, tuple(sorted(labels)), json.dumps(p, sort_keys=True)) for iri, labels, p in found
    }
    edges = graph.query("MATCH (a)-[r]->(b) RETURN a.iri, type(r), b.iri").result_set
    return nodes, {tuple(row) for row in edges}


def run_cypher(port: int, script: Path) -> None:
    from falkordb import FalkorDB

    graph = FalkorDB(host="127.0.0.1", port=port).select_graph("kg")
    for statement in script.read_text(encoding="utf-8").splitlines():
        if statement and not statement.startswith("//"):
            graph.query(statement)


@pytest.mark.slow
def test_the_deltas_cypher_makes_a_cypher_database_equal_a_fresh_load(tmp_path: Path) -> None:
    from .servers import falkordb_server

    news, store, delta = tmp_path / "news", tmp_path / "store", tmp_path / "delta"
    first_day(news)
    build_to([news], tmp_path / "out1", formats=["neo4j"], store=store, jobs=1)
    next_day(news)
    build_to([news], None, store=store, prune=True, delta=delta, jobs=1, cypher=True)
    # A third day, with the columns of the second kept: story 5 rewritten, story 14 new.
    write_corpus(news, [5], edition=" in the Bronx")
    write_corpus(news, [14])
    build_to([news], None, store=store, prune=True, delta=delta, jobs=1, cypher=True)
    build_to([news], tmp_path / "fresh", formats=["neo4j"], jobs=1)
    third = (delta / "000003" / "neo4j.cypher").read_text()
    assert "DETACH DELETE" in third and "MERGE (a)-[:" in third

    (tmp_path / "kept").mkdir()
    (tmp_path / "new").mkdir()
    for csv_file in (tmp_path / "out1" / "neo4j").glob("*.csv"):
        (tmp_path / "kept" / csv_file.name).write_bytes(csv_file.read_bytes())
    for csv_file in (tmp_path / "fresh" / "neo4j").glob("*.csv"):
        (tmp_path / "new" / csv_file.name).write_bytes(csv_file.read_bytes())
    with falkordb_server(tmp_path / "kept") as kept, falkordb_server(tmp_path / "new") as fresh:
        run_cypher(kept, tmp_path / "out1" / "neo4j" / "load.cypher")
        before = cypher_database(kept)
        run_cypher(kept, delta / "000002" / "neo4j.cypher")
        run_cypher(kept, delta / "000003" / "neo4j.cypher")
        run_cypher(fresh, tmp_path / "fresh" / "neo4j" / "load.cypher")
        after, expected = cypher_database(kept), cypher_database(fresh)
    assert before != expected
    assert after[0] == expected[0]
    assert after[1] == expected[1]
    assert not any("Kotek" in str(node) for node in after[0])
