"""The persistent query store: built once beside the export, reopened read only, rebuilt
when the export changes, answering every shipped query as the parsed export does."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.answers import find
from kg.builder import build_to
from kg.cli import main
from kg.errors import InputError, LockedError
from kg.graph import KnowledgeGraph
from kg.querystore import STORE_FOLDER, QueryStore, ensure_store, query_graph
from kg.sparql import named_queries, run


@pytest.fixture(scope="module")
def build_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built into Turtle and N-Quads."""
    folder = tmp_path_factory.mktemp("build")
    build_to(["seeds"], folder, formats=["turtle", "nquads"])
    return folder


def sorted_rows(graph: KnowledgeGraph, name: str) -> list[tuple[str | None, ...]]:
    result = run(graph, name)
    return sorted(tuple(row[v] or "" for v in result.variables) for row in result.rows)


def test_every_shipped_query_answers_as_over_the_parsed_export(build_folder: Path) -> None:
    stored = query_graph(build_folder, min_bytes=0)
    parsed = KnowledgeGraph.load(build_folder / "graph.nq")
    for name in named_queries():
        assert sorted_rows(stored, name) == sorted_rows(parsed, name), name
    # The default graph is the union of the named graphs, as in `kg query`.
    assert sorted_rows(stored, "articles")
    stored_store = stored.store
    assert len(list(stored_store.named_graphs())) > 1


def test_the_store_is_built_once_and_opened_after(tmp_path: Path, build_folder: Path) -> None:
    folder = tmp_path / "build"
    folder.mkdir()
    (folder / "graph.nq").write_bytes((build_folder / "graph.nq").read_bytes())
    first = ensure_store(folder)
    assert first.built and first.location.parent == folder / STORE_FOLDER
    assert first.source == folder / "graph.nq"  # the richest export: quads keep the graphs
    second = ensure_store(folder)
    assert not second.built and second.location == first.location
    with QueryStore.open(folder) as opened:
        assert bool(opened.store.query("ASK { ?s ?p ?o }", use_default_graph_as_union=True))


def test_a_changed_export_is_loaded_again_and_the_stale_store_removed(
    tmp_path: Path, build_folder: Path
) -> None:
    export = tmp_path / "graph.nq"
    export.write_bytes((build_folder / "graph.nq").read_bytes())
    first = ensure_store(export)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://schema.org/name> ?o }"
    before = run(query_graph(export, min_bytes=0), count).rows[0]["n"]
    extra = b'<https://kg.example/x> <https://schema.org/name> "Added" <https://kg.example/g> .\n'
    export.write_bytes(export.read_bytes() + extra)
    os.utime(export, ns=(time.time_ns(), time.time_ns() + 1_000_000_000))
    second = ensure_store(export)
    assert second.built and second.location != first.location
    assert not first.location.exists()
    after = run(query_graph(export, min_bytes=0), count).rows[0]["n"]
    assert int(str(after)) == int(str(before)) + 1


def test_a_store_in_use_is_kept_until_its_reader_lets_go(
    tmp_path: Path, build_folder: Path
) -> None:
    export = tmp_path / "graph.nq"
    export.write_bytes((build_folder / "graph.nq").read_bytes())
    reader = QueryStore.open(export)
    export.write_bytes(export.read_bytes() + b"\n")
    os.utime(export, ns=(time.time_ns(), time.time_ns() + 1_000_000_000))
    ensure_store(export)
    assert reader.build.location.exists()  # a running reader keeps its store
    assert bool(reader.store.query("ASK { ?s ?p ?o }", use_default_graph_as_union=True))
    reader.close()


def test_a_folder_without_an_export_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no graph file in this folder"):
        ensure_store(tmp_path)
    result = CliRunner().invoke(main, ["query", str(tmp_path), "articles"])
    assert result.exit_code == 1
    assert "no graph file in this folder" in result.output


def test_a_store_being_built_by_another_process_is_named(
    tmp_path: Path, build_folder: Path
) -> None:
    export = tmp_path / "graph.nq"
    export.write_bytes((build_folder / "graph.nq").read_bytes())
    root = tmp_path / STORE_FOLDER
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from kg.locking import folder_lock\n"
            "with folder_lock(Path(sys.argv[1])):\n"
            "    print('locked', flush=True)\n"
            "    time.sleep(60)\n",
            str(root),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError, match=rf"process {holder.pid}"):
            ensure_store(export, wait=False)
    finally:
        holder.kill()
        holder.communicate()


def large_export(folder: Path, build_folder: Path, *, copied: bytes = b"/graph/") -> Path:
    """An N-Quads export past the size at which a store pays: the seeds' statements again
    with the IRIs that hold ``copied`` renamed (by default, in more graphs; with
    ``b"/id/"``, more articles and entities like the seeds')."""
    export = folder / "graph.nq"
    data = (build_folder / "graph.nq").read_bytes()
    copies = [data]
    for copy in range(1, 1 + (1 << 20) // len(data) + 1):
        copies.append(data.replace(copied, copied + f"copy{copy}-".encode()))
    export.write_bytes(b"".join(copies))
    return export


def test_cli_query_of_a_large_export_leaves_a_store(tmp_path: Path, build_folder: Path) -> None:
    export = large_export(tmp_path, build_folder)
    parsed = CliRunner().invoke(
        main, ["query", str(export), "outlets", "--format", "csv", "--no-store"]
    )
    assert parsed.exit_code == 0, parsed.output
    assert not (tmp_path / STORE_FOLDER).exists()
    result = CliRunner().invoke(
        main, ["query", str(export), "outlets", "--format", "csv", "--no-keep-answers"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("name,domain,published,cites")
    assert "into its query store" in result.stderr
    stores = list((tmp_path / STORE_FOLDER).iterdir())
    assert len(stores) == 1 and stores[0].name.startswith("graph.nq-")
    again = CliRunner().invoke(
        main, ["query", str(export), "outlets", "--format", "csv", "--no-keep-answers"]
    )
    assert again.stdout == result.stdout == parsed.stdout
    assert "query store" not in again.stderr  # opened, not loaded again
    assert "background" not in result.stderr + again.stderr
    assert [p.name for p in (tmp_path / STORE_FOLDER).iterdir()] == [stores[0].name]


def test_the_first_query_keeps_the_answers_in_the_background(
    tmp_path: Path, build_folder: Path
) -> None:
    # The same entities in many graphs would make the listings' joins explode.
    export = large_export(tmp_path, build_folder, copied=b"/id/")
    query = [sys.executable, "-m", "kg", "query", str(export), "outlets", "--format", "csv"]
    first = subprocess.run(query, capture_output=True, text=True, check=True, timeout=300)
    started = re.search(r"in the background \(process (\d+), log (\S+)\)", first.stderr)
    assert started is not None, first.stderr
    # kg query has exited; the process it started goes on alone and says when it is done.
    log = Path(started.group(2))
    deadline = time.monotonic() + 300
    while "kg answers: kept the answers of" not in log.read_text():
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.2)
    kept = find(export, "outlets")
    assert kept is not None
    second = subprocess.run(query, capture_output=True, text=True, check=True, timeout=300)
    assert second.stdout == kept.with_suffix(".csv").read_text()
    assert sorted(second.stdout.splitlines()) == sorted(first.stdout.splitlines())
    assert "background" not in second.stderr  # read, nothing left to keep
    assert run(export, "outlets").kept == kept
    again = CliRunner().invoke(main, ["answers", str(export)])
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("kg answers: kept already in ")
