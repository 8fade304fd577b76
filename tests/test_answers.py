"""Kept answers: the answer kept for each shipped query holds the rows the query gives,
in its order; `kg query BUILD NAME` reads it; a changed export makes them again."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from benchmarks.corpus import generate
from kg.answers import SUFFIX, answers_path, ensure_answers, find
from kg.builder import build_to
from kg.cli import main
from kg.querystore import STORE_FOLDER, QueryStore, ensure_store
from kg.sparql import named_queries, run

Row = dict[str, str | None]


def order_key(name: str, row: Row) -> tuple[str, ...]:
    """The values of a shipped query's ORDER BY in a row: rows tied on them may come in
    any order."""
    clause = re.search(r"ORDER BY (.*)", named_queries()[name].text)
    assert clause is not None, name
    key = []
    for function, variable in re.findall(r"(?:(\w+)\()?\?(\w+)", clause.group(1)):
        value = row[variable] or ""
        key.append(value.lower() if function == "LCASE" else value)
    return tuple(key)


@pytest.fixture(scope="module")
def build_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and a few synthetic articles, as N-Quads."""
    folder = tmp_path_factory.mktemp("answers")
    generate(folder / "corpus", 12)
    build_to([folder / "corpus", "seeds"], folder / "out", formats=["nquads"])
    return folder / "out"


def sparql_rows(folder: Path, name: str) -> list[Row]:
    """The rows of the shipped query run by the engine over the query store."""
    graph = QueryStore.open(folder).graph()
    answer = graph.query(named_queries()[name].text)
    assert isinstance(answer, ox.QuerySolutions)
    variables = [v.value for v in answer.variables]
    return [
        {v: None if s[v] is None else getattr(s[v], "value", str(s[v])) for v in variables}
        for s in answer
    ]


def test_the_kept_rows_are_the_query_rows_in_its_order(build_folder: Path) -> None:
    shipped = list(named_queries())
    expected = {name: sparql_rows(build_folder, name) for name in shipped}
    assert all(find(build_folder, name) is None for name in shipped)
    folder, seconds = ensure_answers(ensure_store(build_folder))
    assert seconds is not None and set(seconds) == {"load", *shipped}
    assert ensure_answers(ensure_store(build_folder))[1] is None  # found, not made again
    assert {"people", "timeline", "mentions", "evidence"} <= set(shipped)
    for name in shipped:
        kept = find(build_folder, name)
        assert kept is not None and kept.parent == folder
        result = run(build_folder, name)
        assert result.kept == kept, name
        assert expected[name], name  # the build has rows for every listing
        assert sorted(map(repr, result.rows)) == sorted(map(repr, expected[name])), name
        keys = [order_key(name, row) for row in result.rows]
        assert keys == [order_key(name, row) for row in expected[name]], name


def test_kg_query_prints_the_kept_answer(build_folder: Path) -> None:
    ensure_answers(ensure_store(build_folder))
    kept = find(build_folder, "people")
    assert kept is not None
    runner = CliRunner()
    tsv = runner.invoke(main, ["query", str(build_folder), "people", "--format", "tsv"])
    assert tsv.exit_code == 0, tsv.output
    assert tsv.stdout_bytes == kept.read_bytes()
    csv = runner.invoke(main, ["query", str(build_folder), "people", "--format", "csv"])
    assert csv.exit_code == 0, csv.output
    assert csv.stdout_bytes == kept.with_suffix(".csv").read_bytes()
    converted = ox.parse_query_results(path=str(kept), format=ox.QueryResultsFormat.TSV)
    assert isinstance(converted, ox.QuerySolutions)
    assert csv.stdout_bytes == converted.serialize(format=ox.QueryResultsFormat.CSV)
    json = runner.invoke(main, ["query", str(build_folder), "people", "--format", "json"])
    assert json.exit_code == 0 and json.output.startswith('{"head":{"vars":["name",')
    lines = csv.output.splitlines()
    assert lines[0] == "name,role,jurisdiction,organization,articles"
    assert len(lines) == len(run(build_folder, "people").rows) + 1
    # A query of the user's, even one spelled as a shipped one, runs on the store.
    assert run(build_folder, named_queries()["people"].text).kept is None


def test_the_answers_are_made_again_when_the_export_changes(tmp_path: Path) -> None:
    build_to(["seeds"], tmp_path, formats=["nquads"])
    first, _ = ensure_answers(ensure_store(tmp_path))
    assert find(tmp_path, "people") is not None
    graph = tmp_path / "graph.nq"
    extra = (
        "<https://kg.example/id/person/zz> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://schema.org/Person> .\n"
        '<https://kg.example/id/person/zz> <https://schema.org/name> "Zed Zebra" .\n'
    )
    graph.write_text(graph.read_text() + extra)
    os.utime(graph, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert find(tmp_path, "people") is None  # the kept answer is of the old export
    assert "Zed Zebra" in {row["name"] for row in run(tmp_path, "people").rows}
    store = ensure_store(tmp_path)
    second, seconds = ensure_answers(store)
    assert seconds is not None and second == answers_path(store) != first
    assert not first.exists()  # removed with its store
    assert "Zed Zebra" in {row["name"] for row in run(tmp_path, "people").rows}
    assert sorted(
        p.name for p in (tmp_path / STORE_FOLDER).iterdir() if p.name.endswith(SUFFIX)
    ) == [second.name]


def test_an_export_too_big_for_memory_is_a_clear_error(build_folder: Path) -> None:
    from kg.answers import check_memory, memory_needed
    from kg.errors import StorageError

    source = build_folder / "graph.nq"
    needed = memory_needed(source)
    assert needed > source.stat().st_size
    check_memory(source, needed + 1)
    check_memory(source, None)  # unknown: no check
    with pytest.raises(StorageError, match=r"graph\.nq: keeping the shipped queries' answers"):
        check_memory(source, needed // 2)
