"""Where a build keeps each file's extracted facts: a temporary folder, or ``--store DIR``.

With a store folder the build is incremental: a manifest maps each source file to
the hash of its content and to its pickled facts, so an unchanged file is never
read or extracted again; a changed one is redone; ``prune`` forgets files that are
gone. Resolution and loading are redone from all the saved facts each time (they
are cheap next to extraction), so an incremental build equals a fresh one.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.atomic import atomic_write
from kg.errors import ConfigError
from kg.resolve import digest

if TYPE_CHECKING:
    from kg.builder import FileResult

MANIFEST = "manifest.json"
LARGE_BUILD = 2_000
"""Beyond this many files a build without a store keeps its graph on disk anyway."""
FORMAT_VERSION = 1


def content_hash(path: str) -> str:
    """SHA-256 of a file's bytes ("" when it cannot be read: the reader will say why)."""
    hasher = hashlib.sha256()
    try:
        with Path(path).open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                hasher.update(block)
    except OSError:
        return ""
    return hasher.hexdigest()


class FactsStore:
    """Pickled FileResults by source, with the content hash each was made from."""

    def __init__(self, folder: Path | None) -> None:
        self.persistent = folder is not None
        self._temporary = (
            None if folder is not None else tempfile.TemporaryDirectory(prefix="kg-facts-")
        )
        self.folder = folder if folder is not None else Path(self._temporary.name)  # type: ignore[union-attr]
        (self.folder / "facts").mkdir(parents=True, exist_ok=True)
        self.entries: dict[str, dict[str, str]] = {}
        self.generation = 0
        manifest = self.folder / MANIFEST
        if self.persistent and manifest.is_file():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as error:
                raise ConfigError(f"{manifest}: not a kg store manifest ({error})") from error
            if data.get("version") == FORMAT_VERSION:
                self.entries = data["files"]
                self.generation = int(data.get("generation", 0))
        self._hashes: dict[str, str] = {}
        self._graph_folder: tempfile.TemporaryDirectory[str] | None = None

    def changed(self, sources: Sequence[str]) -> list[str]:
        """The sources that must be read: new, changed, or (without a store) all."""
        if not self.persistent:
            return list(sources)
        stale = []
        for source in sources:
            self._hashes[source] = content_hash(source)
            entry = self.entries.get(source)
            if (
                entry is None
                or entry["sha256"] != self._hashes[source]
                or not (self.folder / entry["facts"]).is_file()
            ):
                stale.append(source)
        return stale

    def save(self, result: FileResult) -> None:
        """Keep one file's facts (replacing what an earlier build saved for it)."""
        name = f"facts/{digest(result.source, 24)}.pickle"
        atomic_write(self.folder / name, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        self.entries[result.source] = {"sha256": self._hashes.get(result.source, ""), "facts": name}

    def prune(self, sources: Sequence[str]) -> int:
        """Forget files no longer among ``sources``; return how many."""
        present = set(sources)
        gone = [source for source in self.entries if source not in present]
        for source in gone:
            (self.folder / self.entries.pop(source)["facts"]).unlink(missing_ok=True)
        return len(gone)

    def results(self) -> Iterator[FileResult]:
        """Every saved FileResult, by source."""
        for source in sorted(self.entries):
            with (self.folder / self.entries[source]["facts"]).open("rb") as stream:
                yield pickle.load(stream)

    def graph_store(self, *, files: int) -> ox.Store | None:
        """A fresh on-disk Oxigraph store, or None for an in-memory one.

        On disk in the store folder; in a temporary folder (kept while the store is
        open) for builds of more than ``LARGE_BUILD`` files, so memory stays bounded.
        """
        if not self.persistent:
            if files <= LARGE_BUILD:
                return None
            self._graph_folder = tempfile.TemporaryDirectory(prefix="kg-graph-")
            return ox.Store(self._graph_folder.name)
        # A new folder per build: a graph from an earlier build may still hold the old
        # store's lock in this process (RocksDB locks by path); its open files outlive
        # the removal of the folder.
        self.generation += 1
        for old in self.folder.glob("oxigraph-*"):
            shutil.rmtree(old, ignore_errors=True)
        return ox.Store(str(self.folder / f"oxigraph-{self.generation}"))

    def detach_graph_folder(self) -> object:
        """The temporary folder of the graph's store (or None), for the graph to hold."""
        folder, self._graph_folder = self._graph_folder, None
        return folder

    def close(self) -> None:
        """Write the manifest (store folder) or remove the temporary folder."""
        if self.persistent:
            document = {
                "version": FORMAT_VERSION,
                "generation": self.generation,
                "graph": f"oxigraph-{self.generation}",
                "files": dict(sorted(self.entries.items())),
            }
            atomic_write(self.folder / MANIFEST, json.dumps(document, indent=1) + "\n")
        elif self._temporary is not None:
            self._temporary.cleanup()
