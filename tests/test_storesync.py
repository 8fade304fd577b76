"""Incremental builds bring their export's query store up to date with the delta alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.builder import build_to
from kg.delta import deltas
from kg.factstore import WORK
from kg.querystore import QueryStore, ensure_store

ARTICLES = sorted(Path("tests/data/development/articles").glob("*.txt"))[:7]


def quads(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, None))


def fresh_load(export: Path) -> set[ox.Quad]:
    """The quads of ``export`` loaded whole into a new store: what the update must equal."""
    store = ox.Store()
    store.bulk_load(path=str(export), format=ox.RdfFormat.N_QUADS)
    return quads(store)


def stored(output: Path) -> set[ox.Quad]:
    with QueryStore.open(output) as opened:
        return quads(opened.store)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in ARTICLES[:5]:
        shutil.copy(path, folder)
    return folder


def change(folder: Path) -> None:
    """One article added, one removed, one changed."""
    shutil.copy(ARTICLES[5], folder)
    (folder / ARTICLES[0].name).unlink()
    edited = folder / ARTICLES[1].name
    edited.write_text(
        edited.read_text(encoding="utf-8") + '\nMayor Lori Lightfoot said: "We will fix it."\n',
        encoding="utf-8",
    )


def test_an_incremental_build_updates_the_query_store_with_its_delta(
    tmp_path: Path, articles: Path
) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    build_to([articles], out, formats=["nquads"], store=store)
    first = ensure_store(out)
    assert first.built

    change(articles)
    graph = build_to([articles], out, formats=["nquads"], store=store)
    assert "update the query store" in graph.report.timings
    assert "delta" not in graph.report.outputs  # the delta made for the store alone
    assert not list((store / WORK).glob("kg-delta-*"))  # and removed
    after = ensure_store(out)
    assert not after.built and after.location != first.location  # updated, not reloaded
    assert not first.location.exists()
    assert stored(out) == fresh_load(out / "graph.nq")

    # With the user's delta, that delta is applied, and kept where they asked.
    shutil.copy(ARTICLES[6], articles)
    graph = build_to([articles], out, formats=["nquads"], store=store, delta=tmp_path / "d")
    (written,) = deltas(tmp_path / "d")
    assert graph.report.outputs["delta"] == str(written.folder)
    assert written.changed_graphs > 0
    assert not ensure_store(out).built
    assert stored(out) == fresh_load(out / "graph.nq")


def test_a_query_store_of_an_export_the_store_did_not_write_last_is_loaded_again(
    tmp_path: Path, articles: Path
) -> None:
    out, other, store = tmp_path / "out", tmp_path / "other", tmp_path / "store"
    build_to([articles], out, formats=["nquads"], store=store)
    ensure_store(out)
    build_to([articles, ARTICLES[5]], other, formats=["nquads"], store=store)

    # This build's delta is against the build into `other`: it would not fit out's store.
    change(articles)
    graph = build_to([articles], out, formats=["nquads"], store=store)
    assert "update the query store" not in graph.report.timings
    assert ensure_store(out).built
    assert stored(out) == fresh_load(out / "graph.nq")


def test_a_query_store_in_use_is_left_to_its_reader(tmp_path: Path, articles: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    build_to([articles], out, formats=["nquads"], store=store)
    reader = QueryStore.open(out)
    before = quads(reader.store)

    change(articles)
    graph = build_to([articles], out, formats=["nquads"], store=store)
    assert "update the query store" not in graph.report.timings
    assert quads(reader.store) == before  # the reader's store is untouched
    assert ensure_store(out).built  # the next query loads the new export whole
    assert stored(out) == fresh_load(out / "graph.nq")
    reader.close()


def test_a_turtle_export_has_no_graphs_to_update(tmp_path: Path, articles: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    build_to([articles], out, formats=["turtle"], store=store)
    ensure_store(out)
    change(articles)
    graph = build_to([articles], out, formats=["turtle"], store=store)
    assert "update the query store" not in graph.report.timings
    assert ensure_store(out).built
