"""The knowledge graph: extracted facts as RDF quads, one named graph per source article.

Oxigraph holds, serializes and queries the data (see docs/architecture.md for
the measurements behind that choice); ``to_rdflib()`` gives the rdflib API over
the same store without copying it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox

from kg import __version__
from kg.model import ArticleFacts, BuildReport, Evidence, Iri, LangString, Ref
from kg.namespaces import KG, PROV, RDF, SDO, XSD, prefixes
from kg.resolve import DEFAULT_BASE, Resolver, digest
from kg.sorting import sorted_unique

if TYPE_CHECKING:
    import rdflib

_XSD_INTEGER = ox.NamedNode(str(XSD.integer))
_XSD_DOUBLE = ox.NamedNode(str(XSD.double))
_XSD_BOOLEAN = ox.NamedNode(str(XSD.boolean))
_XSD_DATETIME = ox.NamedNode(str(XSD.dateTime))
_RDF_TYPE = ox.NamedNode(str(RDF.type))


def literal(value: object) -> ox.Literal:
    """A typed RDF literal for a Python value."""
    if isinstance(value, LangString):
        return ox.Literal(value.text, language=value.lang)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_XSD_BOOLEAN)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_XSD_INTEGER)
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=_XSD_DOUBLE)
    if isinstance(value, datetime):
        return ox.Literal(format_datetime(value), datatype=_XSD_DATETIME)
    return ox.Literal(str(value))


def format_datetime(value: datetime) -> str:
    """xsd:dateTime text, with ``Z`` for UTC (rdflib would write ``+00:00``).

    >>> format_datetime(datetime(2020, 8, 17, 8, 14, tzinfo=UTC))
    '2020-08-17T08:14:00Z'
    """
    text = value.isoformat()
    if value.utcoffset() is not None and value.utcoffset() == UTC.utcoffset(None):
        text = text.removesuffix("+00:00") + "Z"
    return text


class QuadMaker:
    """Turns one article's facts into quads in its named graph, with IRIs from a resolver."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._nodes: dict[str, ox.NamedNode] = {}

    def node(self, iri: str) -> ox.NamedNode:
        """A NamedNode, interned (articles repeat the same predicates and outlets)."""
        found = self._nodes.get(iri)
        if found is None:
            if len(self._nodes) > 200_000:
                self._nodes.clear()
            found = self._nodes[iri] = ox.NamedNode(iri)
        return found

    def term(self, value: object, within: Ref) -> ox.NamedNode | ox.Literal:
        if isinstance(value, Ref):
            return self.node(self.resolver.iri(value, within=within))
        if isinstance(value, Iri):
            return self.node(value.value)
        return literal(value)

    def quads(self, facts: ArticleFacts) -> Iterator[ox.Quad]:
        """Every quad of one article: its facts, and the evidence behind those that have it."""
        within = facts.article
        graph = self.node(self.resolver.graph_iri(within))
        article = self.node(self.resolver.iri(within))
        source = literal(facts.source)
        for original in facts.facts:
            fact = self.resolver.rewrite(original, within=within)
            subject = self.node(self.resolver.iri(fact.subject, within=within))
            predicate = self.node(fact.predicate)
            obj = self.term(fact.object, within)
            yield ox.Quad(subject, predicate, obj, graph)
            if fact.evidence is not None:
                statement = (subject, predicate, obj)
                yield from self._evidence(fact.evidence, statement, article, source, graph)

    def derived_quads(self) -> Iterator[ox.Quad]:
        """Facts that need the whole corpus (position report dates), in their own named graph."""
        graph = self.node(self.resolver.derived_graph_iri())
        for fact in self.resolver.derived_facts():
            yield ox.Quad(
                self.node(self.resolver.iri(fact.subject)),
                self.node(fact.predicate),
                self.term(fact.object, fact.subject),
                graph,
            )

    def _evidence(
        self,
        evidence: Evidence,
        statement: tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal],
        article: ox.NamedNode,
        source: ox.Literal,
        graph: ox.NamedNode,
    ) -> Iterator[ox.Quad]:
        subject, predicate, obj = statement
        key = f"{graph.value} {subject} {predicate} {obj} {evidence.field} {evidence.start}"
        node = self.node(f"{self.resolver.base}evidence/{digest(key)}")
        activity = self.node(f"{self.resolver.base}activity/{evidence.extractor}-{__version__}")
        for p, o in (
            (RDF.type, ox.NamedNode(str(KG.Evidence))),
            (RDF.subject, subject),
            (RDF.predicate, predicate),
            (RDF.object, obj),
            (PROV.wasDerivedFrom, article),
            (KG.sourceFile, source),
            (PROV.wasGeneratedBy, activity),
            (KG.textField, literal(evidence.field)),
            (KG.charStart, literal(evidence.start)),
            (KG.charEnd, literal(evidence.end)),
            (KG.sentence, literal(evidence.sentence)),
            (KG.inferred, literal(evidence.inferred)),
        ):
            yield ox.Quad(node, self.node(p), o, graph)
        for p, o in (
            (RDF.type, ox.NamedNode(str(KG.Extraction))),
            (SDO.name, literal(f"kg {evidence.extractor} extractor")),
            (SDO.softwareVersion, literal(__version__)),
        ):
            yield ox.Quad(activity, self.node(p), o, graph)


class KnowledgeGraph:
    """A built graph: an Oxigraph store of quads, named graph per article, and its build report."""

    def __init__(
        self,
        store: ox.Store | None = None,
        *,
        base: str = DEFAULT_BASE,
        report: BuildReport | None = None,
    ) -> None:
        self.store = store if store is not None else ox.Store()
        self.base = base
        self.report = report if report is not None else BuildReport()
        self.keep_alive: object = None

    @classmethod
    def from_facts(
        cls, items: Iterable[ArticleFacts], resolver: Resolver, *, store: ox.Store | None = None
    ) -> KnowledgeGraph:
        """Resolve and load article facts (``resolver`` must have observed them all)."""
        graph = cls(store, base=resolver.base)
        maker = QuadMaker(resolver)
        graph.store.bulk_extend(quad for item in items for quad in maker.quads(item))
        graph.store.bulk_extend(maker.derived_quads())
        return graph

    @classmethod
    def load(cls, path: str | Path, *, base: str = DEFAULT_BASE) -> KnowledgeGraph:
        """Read an exported graph file (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML)."""
        from kg.export.rdf import load_into

        graph = cls(base=base)
        load_into(graph.store, Path(path))
        return graph

    def __len__(self) -> int:
        """The number of distinct triples, all named graphs merged."""
        return sum(1 for _ in self.triples())

    @property
    def prefixes(self) -> dict[str, str]:
        """The prefixes serializers bind."""
        return prefixes(self.base)

    def triples(self) -> Iterator[ox.Triple]:
        """Distinct triples of the union of all named graphs and the default graph, sorted.

        The order is that of their N-Triples lines; sorting happens on disk past a few
        hundred thousand triples, so memory stays bounded.
        """
        lines = (f"{q.subject} {q.predicate} {q.object} .\n" for q in self.store)
        reader: IO[bytes] = _LineReader(sorted_unique(lines))  # type: ignore[assignment]
        parsed = ox.parse(reader, format=ox.RdfFormat.N_TRIPLES)
        return (quad.triple for quad in parsed)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad, sorted by graph then triple (in bounded memory, as ``triples``)."""
        # The graph leads each line to sort by it, and is cut off again before parsing.
        lines = (
            f"{q.graph_name}\t{q.subject} {q.predicate} {q.object} {_graph_term(q)}.\n"
            for q in self.store
        )
        quads = (line.split("\t", 1)[1] for line in sorted_unique(lines))
        reader: IO[bytes] = _LineReader(quads)  # type: ignore[assignment]
        return ox.parse(reader, format=ox.RdfFormat.N_QUADS)

    def query(self, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run SPARQL with every named graph merged into the default graph."""
        return self.store.query(sparql, use_default_graph_as_union=True)

    def count_instances(self, class_iri: str) -> int:
        """How many distinct subjects have ``rdf:type class_iri`` in any graph."""
        return len(
            {
                quad.subject
                for quad in self.store.quads_for_pattern(
                    None, _RDF_TYPE, ox.NamedNode(class_iri), None
                )
            }
        )

    def to_rdflib(self) -> rdflib.Dataset:
        """The same data behind rdflib's Dataset API (oxrdflib's store; no copy is made)."""
        import rdflib
        from oxrdflib import OxigraphStore

        dataset = rdflib.Dataset(store=OxigraphStore(store=self.store), default_union=True)
        for prefix, namespace in self.prefixes.items():
            dataset.bind(prefix, namespace, override=True, replace=True)
        return dataset


def _graph_term(quad: ox.Quad) -> str:
    return "" if isinstance(quad.graph_name, ox.DefaultGraph) else f"{quad.graph_name} "


class _LineReader(io.RawIOBase):
    """A binary file object over an iterator of text lines, for Oxigraph's streaming parser."""

    def __init__(self, lines: Iterator[str]) -> None:
        super().__init__()
        self._lines = lines
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while len(self._buffer) < len(target):
            chunk = b"".join(line.encode("utf-8") for line in islice(self._lines, 4096))
            if not chunk:
                break
            self._buffer += chunk
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size
