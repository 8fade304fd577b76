"""The listings: the answers of the shipped queries that list the whole graph, kept.

``people``, ``timeline``, ``mentions`` and ``evidence`` return a row per person and
position, per entity and article, per statement: 65,000 to 977,000 rows at 10,000
articles, 12 to 99 s each in memory and several times that from the query store's
on-disk indexes, however the query is written (the engine's cost per row). They
depend on nothing but the export, so their answers are kept: each query's SPARQL
1.1 TSV results document (lossless: every term in N-Triples syntax), written when
the listings are made, in the query's order. ``kg query BUILD people`` (the shipped
name, unchanged) then reads the document instead of running the query: the TSV as
it is, other formats and rows converted by pyoxigraph's results parser.

The listings live beside the query store they belong to, named by the same
fingerprint (``.kg-query-store/NAME-FINGERPRINT.listings/QUERY.tsv``), and have its
life: made in a temporary folder under the store folder's exclusive lock, renamed into
place when complete, never written again, removed with the store when the export
changes. They are made by running the shipped SPARQL itself over the export loaded in
memory (where these joins run 3 to 8 times faster than on disk), so their rows are
the query's rows by construction; `kg serve` makes them on its first start, after the
entity index (not `kg query`, whose first query would pay for them).
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StorageError
from kg.locking import Waiting, folder_lock, in_use
from kg.querystore import StoreBuild, fingerprint, store_root
from kg.rdffiles import rdf_file

log = logging.getLogger(__name__)

LISTINGS = ("people", "timeline", "mentions", "evidence")
"""The shipped queries whose answers are kept: each lists the whole graph."""

SUFFIX = ".listings"
"""A store's listings are in the folder named as the store's, with this suffix."""

_TSV = ".tsv"


def listings_path(build: StoreBuild) -> Path:
    """Where the listings of a query store live: beside it, same fingerprint."""
    return build.location.with_name(build.location.name + SUFFIX)


def find(path: str | Path, name: str) -> Path | None:
    """The kept answer of the shipped query ``name`` for the export ``path`` (an export or
    a build folder), or None when there is none (not a listing, or not made yet)."""
    if name not in LISTINGS:
        return None
    source, _ = rdf_file(Path(path))
    return _found(store_root(source) / f"{source.name}-{fingerprint(source)}", name)


def find_for(build: StoreBuild, name: str) -> Path | None:
    """The kept answer of ``name`` for an opened query store, or None."""
    return _found(build.location, name) if name in LISTINGS else None


def _found(location: Path, name: str) -> Path | None:
    document = location.with_name(location.name + SUFFIX) / f"{name}{_TSV}"
    return document if document.is_file() else None


def ensure_listings(
    build: StoreBuild, *, wait: bool = True, waiting: Waiting | None = None
) -> tuple[Path, dict[str, float] | None]:
    """The listings of the store ``build``, made first if missing.

    Returns their folder and the seconds each took (None when they were there).
    Raises LockedError when another process holds the store folder and ``wait`` is false.
    """
    target = listings_path(build)
    if target.is_dir():
        return target, None
    root = target.parent
    try:
        with folder_lock(root, wait=wait, waiting=waiting):
            if target.is_dir():  # another process made them while we waited
                return target, None
            if fingerprint(build.source) not in build.location.name:
                raise StorageError(f"{build.source} changed while kg serve started; start it again")
            seconds = _make(build.source, target, waiting)
            _remove_stale(root, build.source.name, keep=target)
    except PermissionError as error:
        raise StorageError(f"{root}: cannot write the listings: {error}") from error
    log.info("made the listings %s in %.1f s", target, sum(seconds.values()))
    return target, seconds


def _make(source: Path, target: Path, progress: Waiting | None) -> dict[str, float]:
    """Run each listing over ``source`` loaded in memory; write the TSV documents in a
    temporary folder, renamed to ``target`` when all are written."""
    from kg.graph import KnowledgeGraph
    from kg.sparql import named_queries

    temporary = target.with_name(f"tmp-{target.name.removesuffix(SUFFIX)}-{os.getpid()}{SUFFIX}")
    shutil.rmtree(temporary, ignore_errors=True)
    seconds: dict[str, float] = {}
    try:
        temporary.mkdir()
        if progress is not None:
            progress(f"listings: loading {source.name} into memory")
        started = time.perf_counter()
        graph = KnowledgeGraph.load(source)
        graph.query("ASK { ?s ?p ?o }")  # the store is made on first use
        seconds["load"] = time.perf_counter() - started
        for name in LISTINGS:
            if progress is not None:
                progress(f"listings: {name}")
            started = time.perf_counter()
            answer = graph.query(named_queries()[name].text)
            assert isinstance(answer, ox.QuerySolutions)
            answer.serialize(str(temporary / f"{name}{_TSV}"), ox.QueryResultsFormat.TSV)
            seconds[name] = time.perf_counter() - started
        del graph
        temporary.rename(target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return seconds


def _remove_stale(root: Path, name: str, *, keep: Path) -> None:
    """Remove the listings of older versions of ``name`` that no reader holds, and the
    temporary folders of killed makings (we hold the folder's lock)."""
    for path in root.iterdir():
        if path == keep or not path.is_dir() or not path.name.endswith(SUFFIX):
            continue
        leftover = path.name.startswith(f"tmp-{name}-")
        if leftover or (path.name.startswith(f"{name}-") and not in_use(path)):
            shutil.rmtree(path, ignore_errors=True)


def read(document: Path) -> ox.QuerySolutions:
    """A kept answer as query solutions (parsed by pyoxigraph as they are read)."""
    answer = ox.parse_query_results(path=str(document), format=ox.QueryResultsFormat.TSV)
    assert isinstance(answer, ox.QuerySolutions)
    return answer
