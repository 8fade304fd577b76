"""A persistent query store: an on-disk Oxigraph database beside a build's export.

Parsing a large export on every query costs about 4.5 µs a quad (over a minute at
16 million quads). The first query of a build bulk loads its richest export (the
N-Quads, else the TriG, Turtle ...) into ``BUILD/.kg-query-store/``, in Rust; later
queries open that database read only in milliseconds. A store is named by the
fingerprint of the export it came from (its name, size, modification time and a
hash of its first and last megabyte, and the Oxigraph version), so a changed export
is loaded again and the stale store removed.

A store is built in a temporary folder and renamed into place when complete, so a
reader only ever opens finished stores, which are never written again: an incremental
build (``kg.storesync``) that brings a store up to date with its delta takes it aside
first, when no reader holds it, and puts it back under the new export's name. Building
holds an exclusive lock on the ``.kg-query-store`` folder (``kg.locking``): a second
process waits for the first, or with ``wait=False`` fails naming it. Readers hold a
shared lock on their store's folder, so a rebuild does not remove a store that a
running ``kg serve`` still reads.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.delta import CHANGED, Delta
from kg.errors import InputError, LockedError, StorageError
from kg.graph import KnowledgeGraph
from kg.locking import Waiting, folder_lock, in_use
from kg.rdffiles import rdf_file

log = logging.getLogger(__name__)

STORE_FOLDER = ".kg-query-store"
"""The folder, beside an export, that holds its query stores."""

INDEX_SUFFIX = ".index"
"""A store's entity index (``kg.entityindex``) is the file named as its folder, with this suffix."""

MIN_STORE_BYTES = 1 << 20
"""Smaller exports are parsed into memory for each query: that is as fast as opening a store."""

_SAMPLE = 1 << 20
_FORMAT = "1"  # bump when the way a store is made changes


@dataclass(frozen=True)
class StoreBuild:
    """How a store came to be: loaded now (with the seconds it took) or found ready."""

    source: Path
    location: Path
    built: bool
    seconds: float = 0.0


def fingerprint(file: Path) -> str:
    """A digest that changes when ``file`` does: name, size, mtime, first and last MiB.

    Hashing the whole export would cost seconds at ten million quads; a rewrite of
    the export changes its modification time, and the samples catch a copy that kept it.
    """
    status = file.stat()
    digest = hashlib.blake2b(digest_size=10)
    digest.update(f"{_FORMAT}\0{ox.__version__}\0{file.name}\0".encode())
    digest.update(f"{status.st_size}\0{status.st_mtime_ns}\0".encode())
    with file.open("rb") as stream:
        digest.update(stream.read(_SAMPLE))
        if status.st_size > 2 * _SAMPLE:
            stream.seek(-_SAMPLE, os.SEEK_END)
            digest.update(stream.read(_SAMPLE))
    return digest.hexdigest()


def store_root(source: Path) -> Path:
    """Where the stores of an export live: beside it, or in the user's cache when that
    folder cannot be written (an export on a read-only mount)."""
    folder = source.resolve().parent
    if os.access(folder, os.W_OK):
        return folder / STORE_FOLDER
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    key = hashlib.blake2b(str(folder).encode(), digest_size=8).hexdigest()
    return cache / "kg" / "query-stores" / key


def ensure_store(
    path: str | Path, *, wait: bool = True, waiting: Waiting | None = None
) -> StoreBuild:
    """The query store of ``path`` (an export or a build folder), bulk loaded if missing.

    ``waiting`` is told when it waits for another process building the store, and
    when it loads the store itself. Raises InputError when ``path`` has no export (or
    it does not parse), LockedError when another process is building the store and
    ``wait`` is false.
    """
    source, rdf_format = rdf_file(Path(path))
    root = store_root(source)
    location = root / f"{source.name}-{fingerprint(source)}"
    if location.is_dir():
        return StoreBuild(source, location, built=False)
    try:
        lock = folder_lock(root, wait=wait, waiting=waiting)
        with lock:
            if location.is_dir():  # another process built it while we waited
                return StoreBuild(source, location, built=False)
            if waiting is not None:
                waiting(f"loading {source} into its query store in {root} (once)")
            started = time.perf_counter()
            _build(source, rdf_format, location)
            seconds = time.perf_counter() - started
            _remove_stale(root, source.name, keep=location)
    except PermissionError as error:
        raise StorageError(f"{root}: cannot write the query store: {error}") from error
    log.info("loaded %s into the query store %s in %.1f s", source, location, seconds)
    return StoreBuild(source, location, built=True, seconds=seconds)


def _build(source: Path, rdf_format: ox.RdfFormat, location: Path) -> None:
    """Bulk load ``source`` into a new store at ``location`` (made whole, then renamed)."""
    building = location.with_name(f"tmp-{location.name}-{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    try:
        store = ox.Store(str(building))
        try:
            # The build wrote this file; lenient skips re-validating every IRI.
            store.bulk_load(path=str(source), format=rdf_format, lenient=True)
            store.flush()
        except SyntaxError as error:
            raise InputError(str(source), f"invalid {rdf_format.name}: {error}") from error
        finally:
            del store  # closes the database before the rename
        building.rename(location)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


def update_store(source: Path, previous: str, changes: Delta) -> StoreBuild | None:
    """Bring the store loaded from an earlier ``source`` (whose fingerprint was
    ``previous``) up to date with ``changes``, the delta from that export to this one:
    the changed and removed graphs are dropped, the changed loaded again, and the store
    takes the new export's name. None, and nothing done, when there is no such store or
    a reader holds it (the next query loads the export whole).
    """
    root = store_root(source)
    old = root / f"{source.name}-{previous}"
    location = root / f"{source.name}-{fingerprint(source)}"
    if not old.is_dir():
        return None
    started = time.perf_counter()
    with folder_lock(root):
        if location.is_dir():
            return StoreBuild(source, location, built=False)
        descriptor = os.open(old, os.O_RDONLY)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held while renamed
            except BlockingIOError:
                log.info("%s is in use: the next query loads %s whole", old, source)
                return None
            building = location.with_name(f"tmp-{location.name}-{os.getpid()}")
            old.rename(building)
            try:
                _apply(building, changes)
                building.rename(location)
            except BaseException:
                shutil.rmtree(building, ignore_errors=True)
                raise
        finally:
            os.close(descriptor)
        _remove_stale(root, source.name, keep=location)
    seconds = time.perf_counter() - started
    log.info("updated the query store %s with %s in %.1f s", location, changes.folder, seconds)
    return StoreBuild(source, location, built=True, seconds=seconds)


def _apply(location: Path, changes: Delta) -> None:
    """Drop the delta's changed and removed graphs from the store at ``location``, then
    bulk load the changed graphs."""
    store = ox.Store(str(location))
    try:
        for iri in [*changes.removed(), *(iri for iri, _ in changes.changed())]:
            store.remove_graph(ox.NamedNode(iri))
        if changes.changed_graphs:
            changed = changes.folder / CHANGED
            store.bulk_load(path=str(changed), format=ox.RdfFormat.N_QUADS, lenient=True)
        store.flush()
    finally:
        del store  # closes the database before the rename


def _remove_stale(root: Path, name: str, *, keep: Path) -> None:
    """Remove the stores of older versions of ``name`` and their entity indexes
    (``kg.entityindex``) that no reader holds, and the temporary folders and files
    that killed builds left (we hold the root's lock)."""
    for folder in root.iterdir():
        if folder == keep or folder.name.startswith(keep.name + "."):  # its index, listings
            continue
        stale = folder.name.startswith(f"{name}-")
        leftover = folder.name.startswith(f"tmp-{name}-")
        if not (stale or leftover) or (not leftover and in_use(folder)):
            continue
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
        elif folder.name.endswith(INDEX_SUFFIX):
            folder.unlink(missing_ok=True)


@dataclass
class QueryStore:
    """A finished query store, open read only, with a shared lock on its folder."""

    build: StoreBuild
    store: ox.Store
    _descriptor: int | None = field(default=None, repr=False)

    @classmethod
    def open(
        cls, path: str | Path, *, wait: bool = True, waiting: Waiting | None = None
    ) -> QueryStore:
        """Open (building first if needed) the query store of an export or build folder."""
        for _ in range(3):
            build = ensure_store(path, wait=wait, waiting=waiting)
            try:
                descriptor = os.open(build.location, os.O_RDONLY)
            except FileNotFoundError:  # taken aside by an update (update_store): again
                continue
            fcntl.flock(descriptor, fcntl.LOCK_SH)
            if build.location.is_dir():
                break
            os.close(descriptor)
        else:
            raise StorageError(f"the query store of {path} keeps changing; query again")
        try:
            store = open_read_only(build.location)
        except BaseException:
            os.close(descriptor)
            raise
        return cls(build, store, descriptor)

    def graph(self) -> KnowledgeGraph:
        """The store as a KnowledgeGraph (its exports read the source file)."""
        return StoredGraph(self)

    def close(self) -> None:
        """Release the store's folder (the store object itself closes when collected)."""
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None

    def __enter__(self) -> QueryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()


class StoredGraph(KnowledgeGraph):
    """A KnowledgeGraph over a query store; it keeps the store's shared lock while alive."""

    def __init__(self, query_store: QueryStore) -> None:
        super().__init__(query_store.store)
        self._source = rdf_file(query_store.build.source)
        self.query_store = query_store


def open_read_only(location: Path) -> ox.Store:
    """A finished store opened read only; a clear error when it cannot be."""
    try:
        return ox.Store.read_only(str(location))
    except OSError as error:
        if "lock" in str(error).lower():
            raise LockedError(f"{location} is locked by another process: {error}") from error
        raise StorageError(
            f"{location}: cannot open the query store ({error}); delete the folder and "
            "query again to rebuild it"
        ) from error


def query_graph(
    path: str | Path,
    *,
    min_bytes: int = MIN_STORE_BYTES,
    wait: bool = True,
    waiting: Waiting | None = None,
) -> KnowledgeGraph:
    """The graph to query for an export or build folder: its persistent store, or
    (for an export under ``min_bytes``) the export parsed into memory."""
    source, _ = rdf_file(Path(path))
    if source.stat().st_size < min_bytes:
        return KnowledgeGraph.load(source)
    return QueryStore.open(source, wait=wait, waiting=waiting).graph()
