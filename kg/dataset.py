"""A built graph on disk: its quads graph by graph, and the union of its graphs.

A build streams each source article's statements here as N-Triples text
(``kg.terms``), so memory stays bounded whatever the size of the corpus:

- the quads go to one gzip-compressed N-Quads file, a named graph at a time
  (``kg.graphnames`` says which statement lives in which graph): first the articles'
  graphs, in the order of the source files, each graph's lines sorted and
  distinct; then the article graphs that several records contribute to (the same
  article in two files, an article named as related by others), merged; then the
  entities' graphs, from the sorted union, one subject at a time;
- the union of the graphs (what Turtle, N-Triples, the summary counts and the
  HTML views read) has two parts. Statements about entities, which many articles
  make, go to a ``LineSorter`` whose merged runs are sorted and distinct. A graph's
  *own* statements, about nodes no other graph has (its evidence records, three
  quarters of a build), need neither: they are appended to a file graph by graph,
  already sorted, and never sorted again.

The Oxigraph store that answers SPARQL is made from the quads file on first use
(``kg.graph.KnowledgeGraph.store``).
"""

from __future__ import annotations

import gzip
import heapq
import os
import queue
import shutil
import tempfile
import threading
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

from kg.graphnames import GraphNames
from kg.namespaces import RDF
from kg.sorting import LineSorter

QUADS_FILE = "quads.nq.gz"
OWN_FILE = "own.nt"
_RDF_TYPE = f"<{RDF.type}>"
_TYPED = f" {_RDF_TYPE} "
_TYPE = _TYPED.encode()


@dataclass
class Statistics:
    """Distinct triples of the union graph, and distinct instances of each class."""

    triples: int = 0
    instances: Counter[str] = field(default_factory=Counter)


def temporary_folder(owner: object, prefix: str, within: str | Path | None = None) -> Path:
    """A new temporary folder (in ``within``, or the system's), removed with ``owner``.

    Removed when ``owner`` is garbage collected, or at exit, without a warning.
    """
    if within is not None:
        Path(within).mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=within))
    weakref.finalize(owner, shutil.rmtree, path, ignore_errors=True)
    return path


def _count(statistics: Statistics, instances: Counter[str], line: bytes) -> None:
    """Count one distinct line of the union: a triple, and an instance if it types one."""
    statistics.triples += 1
    if _TYPE in line:
        _, predicate, obj = line.split(b" ", 2)
        if predicate == _TYPE[1:-1] and obj.startswith(b"<"):
            instances[obj[1 : obj.index(b">")].decode()] += 1


class _BackgroundWriter:
    """Writes byte chunks to a stream from another thread, a bounded queue in between."""

    def __init__(self, stream: IO[bytes] | gzip.GzipFile) -> None:
        self._stream = stream
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=32)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="kg-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._stream.write(chunk)
                except BaseException as error:  # reported to the producer
                    self._error = error

    def write(self, chunk: bytes) -> None:
        """Queue a chunk (raises what an earlier write raised)."""
        self._raise()
        self._queue.put(chunk)

    def close(self) -> None:
        """Write what is queued, then close the stream."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._stream.close()
        self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            raise OSError(f"writing {getattr(self._stream, 'name', 'a file')}: {self._error}")


class Dataset:
    """Quads and the union graph of one built graph, in a temporary folder (in ``within``)."""

    def __init__(
        self, within: str | Path | None = None, *, graph_names: GraphNames | None = None
    ) -> None:
        self.folder = temporary_folder(self, f"kg-dataset-{os.getpid()}-", within)
        self.graph_names = graph_names
        self.quads_path = self.folder / QUADS_FILE
        self.quads = 0
        # Level 1: most of gzip's gain on N-Quads (about 12x) at 160 MB/s, in a thread
        # of its own (zlib lets go of the interpreter while it compresses).
        self._quads_out: _BackgroundWriter | None = _BackgroundWriter(
            gzip.open(self.quads_path, "wb", compresslevel=1)  # noqa: SIM115 (closed by finish)
        )
        self._own_path = self.folder / OWN_FILE
        self._own_out: IO[bytes] | None = self._own_path.open("wb")
        self._own = Statistics()
        self._entities = LineSorter(self._subfolder("entities"))
        self._shared_graphs = LineSorter(self._subfolder("shared"))
        # The own statements of shared graphs: in the union once, in no entity's graph.
        self._shared_own = LineSorter(self._subfolder("shared-own"))
        self._statistics: Statistics | None = None

    def _subfolder(self, name: str) -> Path:
        path = self.folder / name
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir()
        return path

    # ------------------------------------------------------------------ writing

    def add_record(
        self,
        graph: str,
        statements: Iterable[str],
        *,
        own: Iterable[str] = (),
        shared: frozenset[str] = frozenset(),
    ) -> None:
        """One source record's statements, each to its graph (``kg.graphnames``).

        ``graph`` is the record's article graph (N-Triples text), where its ``own``
        statements (its evidence records) go. Statements about articles go to their
        article's graph; the others, entity statements, join the union now and their
        graphs when the dataset is finished. ``shared`` names the article graphs that
        other records contribute to as well: those are merged before they are written.
        """
        assert self.graph_names is not None, "add_record needs a dataset made with graph names"
        by_graph: dict[str, list[str]] = {graph: []}
        entities: list[str] = []
        for statement in statements:
            home = self.graph_names.article_graph(statement)
            if home is None:
                entities.append(statement)
            else:
                by_graph.setdefault(home, []).append(statement)
        self._entities.extend(f"{line} .\n" for line in entities)
        for name, lines in by_graph.items():
            mine = own if name == graph else ()
            self.add_graph(name, lines, own=mine, shared=name in shared)

    def add_entity_statements(self, statements: Iterable[str]) -> None:
        """Statements about entities that no one record makes (dates that need the corpus)."""
        self._entities.extend(f"{line} .\n" for line in statements)

    def add_graph(
        self,
        graph: str | None,
        statements: Iterable[str],
        *,
        own: Iterable[str] = (),
        shared: bool = False,
    ) -> None:
        """One graph's statements (``"<s> <p> o"`` N-Triples text, no terminator).

        ``graph`` is the graph name's N-Triples text (``"<iri>"``), or None for the
        default graph. ``own`` statements are about nodes that no other graph
        mentions, and are all the statements about those nodes. ``shared`` graphs
        (more records to come for the same graph) are held in a sorter and written,
        merged, by ``finish``.
        """
        name = f" {graph}" if graph is not None else ""
        lines = set(statements)
        owned = set(own)
        if shared:
            # The same graph comes again: its own statements come again too, and are
            # merged into the union with the entities' statements (not into their graphs).
            every = sorted(lines | owned)
            self._shared_graphs.extend(f"{name}\t{line}{name} .\n" for line in every)
            self._shared_own.extend(f"{line} .\n" for line in owned - lines)
            owned = set()
        else:
            every = sorted(lines | owned)
            self._write_quads([f"{line}{name} .\n" for line in every])
        self._entities.extend(f"{line} .\n" for line in lines - owned)
        if owned:
            self._write_own(sorted(owned))

    def finish(self) -> None:
        """Write the merged shared graphs and the entities' graphs; the dataset is then
        read only."""
        if self._quads_out is None:
            return
        batch: list[str] = []
        for line in self._shared_graphs:
            batch.append(line.decode("utf-8").split("\t", 1)[1])
            if len(batch) >= 10_000:
                self._write_quads(batch)
                batch = []
        self._write_quads(batch)
        self._shared_graphs.close()
        if self.graph_names is not None:
            self._write_entity_graphs(self.graph_names)
        self._quads_out.close()
        self._quads_out = None
        if self._own_out is not None:
            self._own_out.close()
            self._own_out = None

    def _write_entity_graphs(self, names: GraphNames) -> None:
        """Each entity's statements, in the graph of their subject: the union's sorted
        lines hold them one subject at a time. The union's statistics are counted on the
        way (the shared graphs' own statements merged in), so that no later pass is needed."""
        statistics = Statistics(self._own.triples, Counter(self._own.instances))
        instances = statistics.instances
        shared_own = iter(self._shared_own)
        pending = next(shared_own, None)
        batch: list[str] = []
        subject, home = "", ""
        triples = 0
        for raw in self._entities:
            while pending is not None and pending <= raw:
                if pending != raw:  # a line of the union that is in no entity's graph
                    _count(statistics, instances, pending)
                pending = next(shared_own, None)
            triples += 1
            if _TYPE in raw:
                _, predicate, obj = raw.split(b" ", 2)
                if predicate == _TYPE[1:-1] and obj.startswith(b"<"):
                    instances[obj[1 : obj.index(b">")].decode()] += 1
            line = raw.decode("utf-8")[:-3]  # without " .\n"
            if names.article_graph(line) is not None:
                continue  # in its article's graph already
            if not line.startswith(subject + " "):
                subject = line.partition(" ")[0]
                home = names.graph_of(subject)
            batch.append(f"{line} {home} .\n")
            if len(batch) >= 10_000:
                self._write_quads(batch)
                batch = []
        self._write_quads(batch)
        while pending is not None:
            _count(statistics, instances, pending)
            pending = next(shared_own, None)
        statistics.triples += triples
        self._statistics = statistics

    def _write_quads(self, lines: list[str]) -> None:
        assert self._quads_out is not None, "the dataset is finished"
        self._quads_out.write("".join(lines).encode("utf-8"))
        self.quads += len(lines)

    def _write_own(self, statements: list[str]) -> None:
        assert self._own_out is not None, "the dataset is finished"
        self._own_out.write("".join(f"{line} .\n" for line in statements).encode("utf-8"))
        self._own.triples += len(statements)
        for line in statements:
            if _TYPED in line:
                _, predicate, obj = line.split(" ", 2)
                if predicate == _RDF_TYPE and obj.startswith("<"):
                    self._own.instances[obj[1:-1]] += 1

    # ------------------------------------------------------------------ reading

    def open_quads(self) -> IO[bytes]:
        """The N-Quads file, decompressed as it is read."""
        self.finish()
        return cast(IO[bytes], gzip.open(self.quads_path, "rb"))

    def triple_lines(self) -> Iterator[bytes]:
        """The union of the graphs as N-Triples lines: entities sorted, then own statements.

        Each subject's statements are consecutive lines (the property-graph view
        relies on it).
        """
        yield from self.entity_lines()
        with self._own_path.open("rb") as stream:
            yield from stream

    def entity_lines(self) -> Iterator[bytes]:
        """The statements about entities, sorted and distinct (no graph's own statements,
        but those of graphs that several records share)."""
        self.finish()
        last = None
        for line in heapq.merge(self._entities, self._shared_own):
            if line != last:
                yield line
                last = line

    def statistics(self) -> Statistics:
        """Counted in one pass over the sorted entity statements (as the dataset is finished,
        for a dataset with graph names), then kept."""
        self.finish()
        if self._statistics is None:
            statistics = Statistics(self._own.triples, Counter(self._own.instances))
            for line in self.entity_lines():
                _count(statistics, statistics.instances, line)
            self._statistics = statistics
        return self._statistics

    def close(self) -> None:
        """Remove the dataset's folder (it is unusable afterwards)."""
        for stream in (self._quads_out, self._own_out):
            if stream is not None:
                stream.close()
        self._quads_out = self._own_out = None
        self._entities.close()
        self._shared_graphs.close()
        self._shared_own.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
