"""Incremental builds keep their export's query store in step, graph by graph.

The query store of a build folder (``kg.querystore``) is named by the fingerprint of the
export it was loaded from, so a build that rewrites that export leaves it stale, and the
next query would load the whole export again: minutes at 10,000 articles. A build on a
facts store (``--store``) knows what changed in its export: its delta (``kg.delta``)
against the store's last build. When the export it replaces is the one the store's last
build wrote (the store's ``graphs.sqlite`` records each export's fingerprint) and a query
store was loaded from it, the build applies the delta to that query store
(``kg.querystore.update_store``) instead. Only the N-Quads and TriG exports keep the
named graphs a delta is made of, so only their query stores follow.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.delta import DeltaError, GraphDigests, deltas
from kg.errors import InputError
from kg.factstore import WORK
from kg.querystore import StoreBuild, fingerprint, store_root, update_store
from kg.rdffiles import rdf_file

log = logging.getLogger(__name__)

NAMED_GRAPH_EXPORTS = ("graph.nq", "graph.trig")
"""The exports whose query stores an incremental build updates."""


@dataclass(frozen=True)
class Following:
    """A query store an incremental build brings up to date: the export it was loaded
    from, that export's fingerprint, and the store's build that wrote it."""

    export: Path
    previous: str
    build: int


def query_export(output: Path) -> Path | None:
    """The export of ``output`` a query store would be loaded from, when it keeps named
    graphs (``kg.rdffiles.rdf_file`` picks it); None otherwise."""
    try:
        source, _ = rdf_file(output)
    except InputError:
        return None
    return source if source.name in NAMED_GRAPH_EXPORTS else None


def following(output: Path | None, store: Path | None) -> Following | None:
    """The query store a build into ``output`` on ``store`` should update, or None: there
    must be one, loaded from the export the store's last build wrote. Call with the
    store's build lock held, before the build."""
    if output is None or store is None:
        return None
    export = query_export(output)
    if export is None:
        return None
    previous = fingerprint(export)
    if not (store_root(export) / f"{export.name}-{previous}").is_dir():
        return None
    digests = GraphDigests(store)
    try:
        last, written = digests.last(), digests.exported(export)
    finally:
        digests.close()
    if last is None or written != (last.build, previous):
        return None
    return Following(export, previous, last.build)


def private_delta(store: Path) -> Path:
    """A folder for the delta of a build that was not asked for one: in the facts store's
    work folder, which the build holds (a killed build's folder is removed with the rest
    of its work, ``kg.factstore``)."""
    work = store / WORK
    work.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"kg-delta-{os.getpid()}-", dir=work))


def remove_private(folder: Path) -> None:
    """Remove a ``private_delta`` folder."""
    shutil.rmtree(folder, ignore_errors=True)


def after_build(
    output: Path, store: Path, written: set[Path], follow: Following | None, delta: Path | None
) -> StoreBuild | None:
    """After a build's exports (``written``): record the query export's fingerprint in
    ``store``, and with ``follow`` apply the build's ``delta`` (the folder of its delta,
    ``kg.delta``) to the export's query store.
    The query store made, or None when none was updated."""
    export = query_export(output)
    if export is None or export.resolve() not in {path.resolve() for path in written}:
        return None
    digests = GraphDigests(store)
    try:
        last = digests.last()
        if last is None:
            return None
        digests.record_export(export, last.build, fingerprint(export))
    finally:
        digests.close()
    if follow is None or delta is None or follow.export.resolve() != export.resolve():
        return None
    try:
        (changes,) = deltas(delta)
    except (DeltaError, ValueError) as error:
        log.warning("the query store of %s is not updated: %s", export, error)
        return None
    if changes.build != last.build or changes.base is None or changes.base.build != follow.build:
        return None
    return update_store(export, follow.previous, changes)
