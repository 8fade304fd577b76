"""A built graph on disk: its quads graph by graph, and the union of its graphs, sorted.

A build streams each source article's statements here as N-Triples text
(``kg.terms``), so memory stays bounded whatever the size of the corpus:

- the quads go to one gzip-compressed N-Quads file, a named graph at a time, in
  the order of the source files, each graph's lines sorted and distinct; a graph
  that several records contribute to (the same article in two files) is merged
  and written after the others;
- every triple also goes to a ``LineSorter``, whose merged runs are the union of
  the graphs, sorted and without repeats: what Turtle, N-Triples, the summary
  counts and the HTML views read.

The Oxigraph store that answers SPARQL is made from the quads file on first use
(``kg.graph.KnowledgeGraph.store``).
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

from kg.namespaces import RDF
from kg.sorting import LineSorter

QUADS_FILE = "quads.nq.gz"
_TYPE = f" <{RDF.type}> ".encode()


@dataclass
class Statistics:
    """Distinct triples of the union graph, and distinct instances of each class."""

    triples: int = 0
    instances: Counter[str] = field(default_factory=Counter)


def temporary_folder(owner: object, prefix: str) -> Path:
    """A new temporary folder, removed when ``owner`` is (or at exit), without a warning."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    weakref.finalize(owner, shutil.rmtree, path, ignore_errors=True)
    return path


class Dataset:
    """Quads and sorted triples of one graph, in a folder (temporary unless given)."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self._temporary = folder is None
        self.folder = temporary_folder(self, "kg-dataset-") if folder is None else Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.quads_path = self.folder / QUADS_FILE
        self.quads = 0
        # Level 1: most of gzip's gain on N-Quads (about 12x) at 160 MB/s.
        self._quads_out: gzip.GzipFile | None = gzip.open(  # noqa: SIM115 (closed by finish)
            self.quads_path, "wb", compresslevel=1
        )
        self._triples = LineSorter(self._subfolder("triples"))
        self._shared = LineSorter(self._subfolder("shared"))
        self._statistics: Statistics | None = None

    def _subfolder(self, name: str) -> Path:
        path = self.folder / name
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir()
        return path

    # ------------------------------------------------------------------ writing

    def add_graph(
        self, graph: str | None, statements: Iterable[str], *, shared: bool = False
    ) -> None:
        """One graph's statements (``"<s> <p> o"`` N-Triples text, no terminator).

        ``graph`` is the graph name's N-Triples text (``"<iri>"``), or None for the
        default graph. ``shared`` graphs (more records to come for the same graph)
        are held in a sorter and written, merged, by ``finish``.
        """
        name = f" {graph}" if graph is not None else ""
        lines = sorted(set(statements))
        if shared:
            self._shared.extend(f"{name}\t{line}{name} .\n" for line in lines)
        else:
            self._write_quads([f"{line}{name} .\n" for line in lines])
        self._triples.extend(f"{line} .\n" for line in lines)

    def finish(self) -> None:
        """Write the merged shared graphs; the dataset is then read only."""
        if self._quads_out is None:
            return
        batch: list[str] = []
        for line in self._shared:
            batch.append(line.decode("utf-8").split("\t", 1)[1])
            if len(batch) >= 10_000:
                self._write_quads(batch)
                batch = []
        self._write_quads(batch)
        self._shared.close()
        self._quads_out.close()
        self._quads_out = None

    def _write_quads(self, lines: list[str]) -> None:
        assert self._quads_out is not None, "the dataset is finished"
        self._quads_out.write("".join(lines).encode("utf-8"))
        self.quads += len(lines)

    # ------------------------------------------------------------------ reading

    def open_quads(self) -> IO[bytes]:
        """The N-Quads file, decompressed as it is read."""
        self.finish()
        return cast(IO[bytes], gzip.open(self.quads_path, "rb"))

    def triple_lines(self) -> Iterator[bytes]:
        """The union of the graphs as N-Triples lines, sorted and distinct."""
        self.finish()
        return iter(self._triples)

    def statistics(self) -> Statistics:
        """Counted in one pass over the sorted triples, then kept."""
        if self._statistics is None:
            statistics = Statistics()
            for line in self.triple_lines():
                statistics.triples += 1
                if _TYPE in line:
                    _, predicate, obj = line.split(b" ", 2)
                    if predicate == _TYPE[1:-1] and obj.startswith(b"<"):
                        statistics.instances[obj[1 : obj.index(b">")].decode()] += 1
            self._statistics = statistics
        return self._statistics

    def close(self) -> None:
        """Remove what the dataset wrote (a temporary folder entirely)."""
        if self._quads_out is not None:
            self._quads_out.close()
            self._quads_out = None
        self._triples.close()
        self._shared.close()
        if self._temporary:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
