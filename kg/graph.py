"""The knowledge graph: extracted facts as RDF quads, one named graph per source article.

Facts become N-Triples text (``kg.terms``) streamed into a ``kg.dataset.Dataset``
on disk; Oxigraph parses, serializes and queries them (see docs/architecture.md
for the measurements behind that choice); ``to_rdflib()`` gives the rdflib API
over the same store without copying it.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pyoxigraph as ox

from kg import __version__, terms
from kg.dataset import Dataset, temporary_folder
from kg.graphnames import GraphNames
from kg.model import ArticleFacts, BuildReport, Evidence, Iri, Ref
from kg.namespaces import KG, PROV, RDF, SDO, prefixes
from kg.rdffiles import load_into, rdf_file
from kg.resolve import DEFAULT_BASE, Resolver, digest

if TYPE_CHECKING:
    import rdflib

MEMORY_STORE_QUADS = 3_000_000
"""Beyond this many quads, the store made for SPARQL lives in a temporary folder on disk."""


def _term(iri: object) -> str:
    return terms.iri(str(iri))


# Predicates of the statements kg adds itself, as N-Triples text (looked up once:
# rdflib's namespace attributes are slow in a loop that runs per statement).
_A = _term(RDF.type)
_EVIDENCE = _term(KG.Evidence)
_EXTRACTION = _term(KG.Extraction)
_NAME = _term(SDO.name)
_SOFTWARE_VERSION = _term(SDO.softwareVersion)
_EVIDENCE_PREDICATES = tuple(
    _term(p)
    for p in (
        RDF.subject,
        RDF.predicate,
        RDF.object,
        PROV.wasDerivedFrom,
        KG.sourceFile,
        PROV.wasGeneratedBy,
        KG.textField,
        KG.charStart,
        KG.charEnd,
        KG.sentence,
        KG.inferred,
    )
)
_REPORTED_IN = str(KG.reportedIn)


class QuadMaker:
    """Turns one article's facts into N-Triples statements, with IRIs from a resolver."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.graph_names = GraphNames(resolver.base)
        self._iris: dict[str, str] = {}

    def iri(self, value: str) -> str:
        """An IRI term, interned (articles repeat the same predicates and outlets)."""
        found = self._iris.get(value)
        if found is None:
            if len(self._iris) > 200_000:
                self._iris.clear()
            found = self._iris[value] = terms.iri(value)
        return found

    def term(self, value: object, within: Ref) -> str:
        """The N-Triples text of a fact's object."""
        if isinstance(value, Ref):
            return self.iri(self.resolver.iri(value, within=within))
        if isinstance(value, Iri):
            return self.iri(value.value)
        return terms.literal(value)

    def graph_name(self, facts: ArticleFacts) -> str:
        """The named graph of one article's facts, as N-Triples text (``kg.graphnames``)."""
        return self.graph_names.graph_of(self.iri(self.resolver.iri(facts.article)))

    def shared_graphs(self, facts: ArticleFacts) -> frozenset[str]:
        """The article graphs this record writes to that other records write to as well."""
        return frozenset(
            self.graph_names.graph_of(self.iri(self.resolver.iri(article)))
            for article in self.resolver.articles_of(facts)
            if self.resolver.contributors(article) > 1
        )

    def statements(self, facts: ArticleFacts) -> tuple[list[str], list[str]]:
        """One article's statements: its facts, and the graph's own evidence records.

        Evidence nodes are minted from the graph's IRI, so no other graph has them.
        Positions are dated on the way (``Resolver.note_reported``), so the derived
        statements come after every article's.
        """
        within = facts.article
        graph = self.graph_name(facts)[1:-1]
        article = self.iri(self.resolver.iri(within))
        source = terms.literal(facts.source)
        activities: set[str] = set()
        statements: list[str] = []
        own: list[str] = []
        for original in facts.facts:
            for fact in self.resolver.rewrite(original, within=within):
                predicate = str(fact.predicate)
                if predicate == _REPORTED_IN:
                    self.resolver.note_reported(fact, within=within)
                triple = (
                    self.iri(self.resolver.iri(fact.subject, within=within)),
                    self.iri(predicate),
                    self.term(fact.object, within),
                )
                statements.append(" ".join(triple))
                if fact.evidence is not None:
                    own.extend(self._evidence(fact.evidence, triple, graph, article, source))
                    activities.add(fact.evidence.extractor)
        for extractor in sorted(activities):
            activity = self._activity(extractor)
            statements.append(f"{activity} {_A} {_EXTRACTION}")
            statements.append(f"{activity} {_NAME} {terms.literal(f'kg {extractor} extractor')}")
            statements.append(f"{activity} {_SOFTWARE_VERSION} {terms.literal(__version__)}")
        return statements, own

    def derived_statements(self) -> Iterator[str]:
        """Facts that need the whole corpus (position report dates), once every article is in."""
        for fact in self.resolver.derived_facts():
            subject = self.iri(self.resolver.iri(fact.subject))
            obj = self.term(fact.object, fact.subject)
            yield f"{subject} {self.iri(str(fact.predicate))} {obj}"

    def _activity(self, extractor: str) -> str:
        return self.iri(f"{self.resolver.base}activity/{extractor}-{__version__}")

    def _evidence(
        self,
        evidence: Evidence,
        triple: tuple[str, str, str],
        graph: str,
        article: str,
        source: str,
    ) -> Iterator[str]:
        """The reified statement: what was said, where, and by which extractor."""
        subject, predicate, obj = triple
        key = f"{graph} {subject} {predicate} {obj} {evidence.field} {evidence.start}"
        node = terms.iri(f"{self.resolver.base}evidence/{digest(key)}")
        yield f"{node} {_A} {_EVIDENCE}"
        values = (
            subject,
            predicate,
            obj,
            article,
            source,
            self._activity(evidence.extractor),
            terms.quoted(evidence.field),
            terms.literal(evidence.start),
            terms.literal(evidence.end),
            terms.quoted(evidence.sentence),
            terms.literal(evidence.inferred),
        )
        for p, o in zip(_EVIDENCE_PREDICATES, values, strict=True):
            yield f"{node} {p} {o}"


class KnowledgeGraph:
    """A built graph: quads in a named graph per source article, and its build report.

    A build gives the graph as a ``Dataset`` on disk (quads graph by graph, and the
    union of the graphs), which exports and views stream through; an Oxigraph store, made
    from the quads when first needed, answers SPARQL. A graph loaded from a file
    starts from the store, and makes its dataset from it when asked to export.
    """

    def __init__(
        self,
        store: ox.Store | None = None,
        *,
        base: str = DEFAULT_BASE,
        report: BuildReport | None = None,
        dataset: Dataset | None = None,
    ) -> None:
        self._store = store
        self._dataset = dataset
        self._store_folder: Path | None = None
        self._source: tuple[Path, ox.RdfFormat] | None = None
        self.base = base
        self.report = report if report is not None else BuildReport()

    @classmethod
    def from_facts(
        cls,
        items: Iterable[ArticleFacts],
        resolver: Resolver,
        *,
        within: str | Path | None = None,
        progress: Callable[[int], None] | None = None,
        on_record: Callable[[ArticleFacts, str, list[str], list[str]], None] | None = None,
    ) -> KnowledgeGraph:
        """Resolve article facts into a dataset (``resolver`` must have observed them all).

        The dataset lives in a temporary folder (in ``within``, or the system's
        temporary folder) as long as the graph. ``progress`` is told how many
        records are in, every thousand; ``on_record`` is given each record, its graph and
        statements (what an incremental build's store keeps, ``kg.resolution``).
        """
        maker = QuadMaker(resolver)
        dataset = Dataset(within, graph_names=maker.graph_names)
        try:
            for done, item in enumerate(items, start=1):
                statements, own = maker.statements(item)
                shared = maker.shared_graphs(item)
                graph = maker.graph_name(item)
                dataset.add_record(graph, statements, own=own, shared=shared)
                if on_record is not None:
                    on_record(item, graph, statements, own)
                if progress is not None and done % 1000 == 0:
                    progress(done)
            dataset.add_entity_statements(maker.derived_statements())
            dataset.finish()
        except BaseException:
            dataset.close()
            raise
        return cls(base=resolver.base, dataset=dataset)

    @classmethod
    def load(cls, path: str | Path, *, base: str = DEFAULT_BASE) -> KnowledgeGraph:
        """Read an exported graph file (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML).

        Exports of the loaded graph keep the file's order of named graphs.
        """
        store = ox.Store()
        load_into(store, Path(path))
        graph = cls(store, base=base)
        graph._source = rdf_file(Path(path))
        return graph

    @property
    def has_data(self) -> bool:
        """Whether the graph holds a dataset, a store or a file (a build for its delta alone,
        ``kg.builder.build_to`` without an output, holds none)."""
        return self._dataset is not None or self._store is not None or self._source is not None

    @property
    def store(self) -> ox.Store:
        """The Oxigraph store (in memory, or in a temporary folder for large graphs)."""
        if self._store is None:
            if self._dataset is None:
                self._store = ox.Store()
            else:
                if self._dataset.quads > MEMORY_STORE_QUADS:
                    self._store_folder = temporary_folder(self, "kg-store-")
                    self._store = ox.Store(str(self._store_folder))
                else:
                    self._store = ox.Store()
                with self._dataset.open_quads() as stream:
                    self._store.bulk_load(stream, format=ox.RdfFormat.N_QUADS, lenient=True)
        return self._store

    @property
    def dataset(self) -> Dataset:
        """The quads and the union graph on disk (made from the file or store of a loaded graph)."""
        if self._dataset is None:
            self._dataset = (
                _dataset_of_file(*self._source)
                if self._source is not None
                else _dataset_of_store(self.store)
            )
        return self._dataset

    def __len__(self) -> int:
        """The number of distinct triples, all named graphs merged."""
        return self.dataset.statistics().triples

    @property
    def prefixes(self) -> dict[str, str]:
        """The prefixes serializers bind."""
        return prefixes(self.base)

    def triple_lines(self) -> Iterator[bytes]:
        """The union of all graphs as distinct N-Triples lines (``Dataset.triple_lines``)."""
        return self.dataset.triple_lines()

    def triples(self) -> Iterator[ox.Triple]:
        """Distinct triples of the union of all graphs, in the order of ``triple_lines``."""
        return self.parse_triples(self.triple_lines())

    @staticmethod
    def parse_triples(lines: Iterable[bytes]) -> Iterator[ox.Triple]:
        """Triples of N-Triples lines (as ``triple_lines`` gives them), parsed as they stream."""
        reader: IO[bytes] = _LineReader(iter(lines))  # type: ignore[assignment]
        parsed = ox.parse(reader, format=ox.RdfFormat.N_TRIPLES, lenient=True)
        return (quad.triple for quad in parsed)

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad, a named graph at a time, each graph's quads sorted."""
        return ox.parse(self.dataset.open_quads(), format=ox.RdfFormat.N_QUADS, lenient=True)

    def query(self, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run SPARQL with every named graph merged into the default graph."""
        return self.store.query(sparql, use_default_graph_as_union=True)

    def count_instances(self, class_iri: str) -> int:
        """How many distinct subjects have ``rdf:type class_iri`` in any graph."""
        return self.dataset.statistics().instances[class_iri]

    def to_rdflib(self) -> rdflib.Dataset:
        """The same data behind rdflib's Dataset API (oxrdflib's store; no copy is made)."""
        import rdflib
        from oxrdflib import OxigraphStore

        dataset = rdflib.Dataset(store=OxigraphStore(store=self.store), default_union=True)
        for prefix, namespace in self.prefixes.items():
            dataset.bind(prefix, namespace, override=True, replace=True)
        return dataset

    def close(self) -> None:
        """Remove the temporary files behind the graph (it is unusable afterwards)."""
        self._store = None
        if self._dataset is not None:
            self._dataset.close()
        if self._store_folder is not None:
            shutil.rmtree(self._store_folder, ignore_errors=True)
            self._store_folder = None


def _dataset_of_file(path: Path, rdf_format: ox.RdfFormat) -> Dataset:
    """A dataset of an RDF file's quads, its graphs in the order the file gives them."""
    dataset = Dataset()
    name: str | None = None
    block: list[str] = []
    for quad in ox.parse(path=str(path), format=rdf_format):
        graph = None if isinstance(quad.graph_name, ox.DefaultGraph) else str(quad.graph_name)
        if graph != name and block:
            dataset.add_graph(name, block)
            block = []
        name = graph
        block.append(f"{quad.subject} {quad.predicate} {quad.object}")
    if block:
        dataset.add_graph(name, block)
    dataset.finish()
    return dataset


def _dataset_of_store(store: ox.Store) -> Dataset:
    """A dataset of a store's quads: graph by graph in IRI order, the default graph first."""
    dataset = Dataset()
    graphs: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [ox.DefaultGraph()]
    graphs += sorted(store.named_graphs(), key=str)
    for graph in graphs:
        text = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b""
        # One triple a line, ending " .": lines end at "\n" only (not at U+2028,
        # which literals may hold unescaped).
        statements = (line[:-2].decode("utf-8") for line in text.split(b"\n") if line)
        dataset.add_graph(None if isinstance(graph, ox.DefaultGraph) else str(graph), statements)
    dataset.finish()
    return dataset


class _LineReader(io.RawIOBase):
    """A binary file object over an iterator of byte lines, for Oxigraph's streaming parser."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        super().__init__()
        self._lines = lines
        self._buffer = b""
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._offset >= len(self._buffer):
            self._buffer = b"".join(islice(self._lines, 4096))
            self._offset = 0
        size = min(len(target), len(self._buffer) - self._offset)
        target[:size] = self._buffer[self._offset : self._offset + size]
        self._offset += size
        return size
