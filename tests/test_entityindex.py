"""The entity index: each page table holds the rows of its shipped query, in the query's
order; it is made once beside the query store, made again when the export changes, and
a locked store folder gives the clear error."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.corpus import generate
from kg.builder import build_to
from kg.entityindex import (
    SECTION_METHODS,
    SUFFIX,
    TOP_CLASSES,
    OpenIndex,
    ensure_index,
    index_path,
)
from kg.errors import LockedError, StorageError
from kg.querystore import STORE_FOLDER, QueryStore, ensure_store
from kg.server.pages import entity_query
from kg.server.pool import QueryPool, Select

# The ORDER BY of each shipped query: rows tied on it may come in any order.
ORDER = {
    "articles": ["date", "article"],
    "published": ["date", "article"],
    "cites": ["articles", "name"],
    "offices": ["last", "role"],
    "officials": ["articles", "name"],
    "quotes": ["date", "text"],
    "evidence": ["article", "sentence", "relation"],
    "facts": ["property", "value"],
    "contents": ["relation", "name"],
    "top": ["articles", "name"],
    "search": ["name"],
}


@pytest.fixture(scope="module")
def build_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and a few synthetic articles (which cite outlets), as N-Quads."""
    folder = tmp_path_factory.mktemp("index")
    generate(folder / "corpus", 12)
    build_to([folder / "corpus", "seeds"], folder / "out", formats=["nquads"])
    return folder / "out"


@pytest.fixture(scope="module")
def opened(build_folder: Path) -> OpenIndex:
    store = ensure_store(build_folder)
    path, seconds = ensure_index(store)
    assert seconds is not None and path == index_path(store) and path.is_file()
    return OpenIndex(path)


def same_rows(
    section: str, expected: list[list[object]], got: list[list[object]], variables: list[str]
) -> None:
    """The same rows, and the same sequence of the ORDER BY's values."""
    assert sorted(map(repr, got)) == sorted(map(repr, expected)), section
    keys = [variables.index(v) for v in ORDER[section]]
    assert [[row[k] for k in keys] for row in got] == [
        [row[k] for k in keys] for row in expected
    ], section


def test_every_page_table_holds_its_query_rows(build_folder: Path, opened: OpenIndex) -> None:
    store = ensure_store(build_folder)
    pool = QueryPool(store.location, workers=1)
    try:
        everything = pool.ask(
            Select(
                "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s) && "
                '!CONTAINS(STR(?s), "/evidence/")) } ORDER BY ?s'
            )
        )
        entities = [row[0][1] for row in everything.rows]
        assert len(entities) > 50
        checked = dict.fromkeys(SECTION_METHODS, 0)
        for iri in entities:
            for section in SECTION_METHODS:
                expected = pool.ask(Select(entity_query(section), {"entity": ("iri", iri)}))
                got = opened.section(section, iri)
                assert got.table.variables == expected.variables, section
                assert got.total >= len(expected.rows)
                same_rows(section, expected.rows, got.table.rows[:500], expected.variables)
                checked[section] += bool(expected.rows)
        # Every table was compared on entities that have rows.
        assert all(checked.values()), checked
        for class_iri in TOP_CLASSES:
            expected = pool.ask(Select(entity_query("top"), {"class": ("iri", class_iri)}))
            got = opened.top(class_iri)
            same_rows("top", expected.rows, got.rows, expected.variables)
        for text in ("an", "new", "x", "reuters"):
            expected = pool.ask(Select(entity_query("search"), {"text": ("literal", text)}))
            got = opened.search(text)
            assert len(got.rows) == len(expected.rows), text
            same_rows("search", expected.rows, got.rows, expected.variables)
    finally:
        pool.close()


def test_a_slice_pages_through_the_rows(opened: OpenIndex) -> None:
    people = opened.top(TOP_CLASSES[0]).rows
    iri = people[0][1][1]  # type: ignore[index]
    whole = opened.section("evidence", iri)
    assert whole.total == len(whole.table.rows) > 2
    second = opened.section("evidence", iri, offset=1, limit=2)
    assert second.total == whole.total and second.offset == 1
    assert second.table.rows == whole.table.rows[1:3]
    unknown = opened.section("articles", "https://kg.example/id/nobody")
    assert unknown.total == 0 and unknown.table.rows == []


def test_the_index_is_made_again_when_the_export_changes(tmp_path: Path) -> None:
    build_to(["seeds"], tmp_path, formats=["nquads"])
    first, seconds = ensure_index(ensure_store(tmp_path))
    assert seconds is not None
    assert ensure_index(ensure_store(tmp_path))[1] is None  # found, not made again
    graph = tmp_path / "graph.nq"
    extra = '<https://kg.example/id/person/zz> <https://schema.org/name> "Zed Zebra" .\n'
    graph.write_text(graph.read_text() + extra)
    os.utime(graph, ns=(time.time_ns(), time.time_ns() + 10**9))
    store = ensure_store(tmp_path)  # as kg query loads it: the stale index goes with its store
    assert store.built and not first.exists()
    second, seconds = ensure_index(store)
    assert seconds is not None and second != first
    found = OpenIndex(second).search("zed zebra")
    assert [row[2] for row in found.rows] == [("literal", "Zed Zebra")]
    assert sorted(
        p.name for p in (tmp_path / STORE_FOLDER).iterdir() if p.name.endswith(SUFFIX)
    ) == [second.name]


def test_a_served_index_is_kept_when_a_new_one_is_made(tmp_path: Path) -> None:
    build_to(["seeds"], tmp_path, formats=["nquads"])
    first, _ = ensure_index(ensure_store(tmp_path))
    served = OpenIndex(first)
    graph = tmp_path / "graph.nq"
    graph.write_text(graph.read_text() + "\n")
    os.utime(graph, ns=(time.time_ns(), time.time_ns() + 10**9))
    second, _ = ensure_index(ensure_store(tmp_path))
    assert first.exists() and second.exists()
    assert served.top(TOP_CLASSES[0]).rows  # still answers
    served.close()


HOLD = """
import sys, time
from pathlib import Path
from kg.locking import folder_lock
with folder_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(60)
"""


def test_a_locked_store_folder_is_a_clear_error(tmp_path: Path) -> None:
    build_to(["seeds"], tmp_path, formats=["nquads"])
    store = ensure_store(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / STORE_FOLDER)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError, match=f"in use by process {holder.pid}"):
            ensure_index(store, wait=False)
    finally:
        holder.kill()
        holder.communicate()
    assert ensure_index(store, wait=False)[1] is not None


def test_a_query_store_still_opens_beside_its_index(build_folder: Path, opened: OpenIndex) -> None:
    with QueryStore.open(build_folder) as query_store:
        assert index_path(query_store.build) == opened.path


def test_kg_serve_no_wait_names_the_process_making_the_index(tmp_path: Path) -> None:
    build_to(["seeds"], tmp_path, formats=["nquads"])
    ensure_store(tmp_path)  # the store is there; the index is not
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / STORE_FOLDER)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        answer = subprocess.run(
            [sys.executable, "-m", "kg", "serve", str(tmp_path), "--port", "0", "--no-wait"],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        holder.kill()
        holder.communicate()
    assert answer.returncode == 1
    assert f"is in use by process {holder.pid}" in answer.stderr


def test_an_unreadable_index_is_a_clear_error(tmp_path: Path) -> None:
    build_to(["seeds"], tmp_path, formats=["nquads"])
    path, _ = ensure_index(ensure_store(tmp_path))
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(StorageError, match="cannot read the entity index"):
        OpenIndex(path)


def test_the_line_reader_gives_the_parser_terms(tmp_path: Path) -> None:
    """The fast split of N-Quads lines, and its fallbacks, give pyoxigraph's terms."""
    import pyoxigraph as ox

    from kg.entityindex import _triples

    lines = [
        '<http://a/s> <http://a/p> "one <http://a/x> two" <http://a/g> .',
        '<http://a/s> <http://a/p> "a \\"quoted\\" <b> ." <http://a/g> .',
        '<http://a/s> <http://a/p> "7"^^<http://www.w3.org/2001/XMLSchema#integer> <http://a/g> .',
        '<http://a/s> <http://a/p> "chat"@fr <http://a/g> .',
        "_:b1 <http://a/p> <http://a/o> <http://a/g> .",
        '<http://a/s> <http://a/p> "no graph, spaces" .',
        "<http://a/s> <http://a/p> <http://a/o> .",
        "# a comment",
        "",
        '<http://a/s>  <http://a/p>   "two  spaces"   <http://a/g> .',
    ]
    path = tmp_path / "graph.nq"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = [
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
    ]
    assert list(_triples(path)) == expected
