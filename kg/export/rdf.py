"""RDF exports (Turtle, N-Triples, N-Quads, TriG) written by Oxigraph in a deterministic order."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox

from kg.atomic import atomic_open

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph


@dataclass(frozen=True)
class RdfExporter:
    """One RDF syntax; quad formats keep the named graph of each article."""

    name: str
    filename: str
    media_type: str
    format: ox.RdfFormat
    description: str

    def write(self, graph: KnowledgeGraph, path: Path) -> None:
        """Serialize the whole graph, sorted, so the same input gives the same bytes.

        The N-Quads of a build are its dataset's quads file as it is: a build writes
        Oxigraph's own canonical N-Quads (``kg.terms``), so parsing and serializing them
        again would give the same bytes (tested), at a cost that grows with the graph.
        """
        dataset = graph.dataset
        if self.format == ox.RdfFormat.N_QUADS and dataset.graph_names is not None:
            with dataset.open_quads() as source, atomic_open(path) as stream:
                shutil.copyfileobj(source, stream, 1 << 20)
            return
        prefixes = (
            graph.prefixes if self.format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        )
        items = graph.quads() if self.format.supports_datasets else graph.triples()
        with atomic_open(path) as stream:
            if prefixes:
                with _SortedHeader(stream) as sorted_stream:
                    # A RawIOBase is a binary file object, which Oxigraph's stub omits.
                    target: IO[bytes] = sorted_stream  # type: ignore[assignment]
                    ox.serialize(items, target, format=self.format, prefixes=prefixes)
            else:
                ox.serialize(items, stream, format=self.format)


class _SortedHeader(io.RawIOBase):
    """Passes bytes on, sorting the leading ``@prefix`` lines (Oxigraph writes a hash order)."""

    def __init__(self, target: IO[bytes]) -> None:
        super().__init__()
        self.target = target
        self.head = bytearray()
        self.lines: list[bytes] = []
        self.in_header = True

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if not self.in_header:
            return self.target.write(data)
        self.head.extend(data)
        while self.in_header and b"\n" in self.head:
            end = self.head.index(b"\n") + 1
            if not self.head.startswith(b"@prefix"):
                self._flush_header()
                break
            self.lines.append(bytes(self.head[:end]))
            del self.head[:end]
        return len(data)

    def _flush_header(self) -> None:
        self.in_header = False
        self.target.write(b"".join(sorted(self.lines)))
        self.target.write(bytes(self.head))
        self.head.clear()

    def close(self) -> None:
        if self.in_header:
            self._flush_header()
        super().close()


TURTLE = RdfExporter(
    "turtle",
    "graph.ttl",
    "text/turtle",
    ox.RdfFormat.TURTLE,
    "Turtle, all named graphs merged; prefixes bound",
)
NTRIPLES = RdfExporter(
    "ntriples",
    "graph.nt",
    "application/n-triples",
    ox.RdfFormat.N_TRIPLES,
    "N-Triples, all named graphs merged; one triple a line",
)
NQUADS = RdfExporter(
    "nquads",
    "graph.nq",
    "application/n-quads",
    ox.RdfFormat.N_QUADS,
    "N-Quads, one named graph per source article",
)
TRIG = RdfExporter(
    "trig",
    "graph.trig",
    "application/trig",
    ox.RdfFormat.TRIG,
    "TriG, one named graph per source article",
)
