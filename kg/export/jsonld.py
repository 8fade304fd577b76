"""JSON-LD with kg's published context (ontology/context.jsonld) embedded, named graphs kept.

The document is in flattened form, written as the quads stream by, so any size of
graph exports in bounded memory: one node object per line, grouped in a
``{"@id": graph, "@graph": [...]}`` object per named graph (the default graph's
nodes sit at the top level). IRIs are compacted with the context's prefixes;
integers and booleans in canonical form are native JSON, every other literal keeps
its lexical form (``{"@value": ..., "@type": ...}``), so nothing changes on the
way back to RDF.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.atomic import atomic_open
from kg.namespaces import RDF, XSD
from kg.ontology import ontology_file

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | ox.DefaultGraph

_TYPE = str(RDF.type)
_STRING = str(XSD.string)
_INTEGER = str(XSD.integer)
_BOOLEAN = str(XSD.boolean)
_GEN_DELIMS = set(":/?#[]@")
# Canonical, and below 10**21: JSON-LD reads larger JSON numbers back as xsd:double.
_NATIVE_INTEGER = re.compile(r"-?(0|[1-9][0-9]{0,19})")


@cache
def published_context() -> dict[str, str]:
    """The vocabulary prefixes of ontology/context.jsonld."""
    document = json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))
    context: dict[str, str] = document["@context"]
    return context


class Compactor:
    """Compact IRIs (``schema:name``) by the longest matching prefix of a context.

    As in JSON-LD 1.1, only prefixes whose IRI ends in a general delimiter
    (``:/?#[]@``) compact; IRIs seen before come from a cache.
    """

    def __init__(self, context: dict[str, str]) -> None:
        self._prefixes = {
            namespace: prefix
            for prefix, namespace in context.items()
            if namespace and namespace[-1] in _GEN_DELIMS
        }
        ends = "".join(sorted({namespace[-1] for namespace in self._prefixes}))
        self._delimiter = re.compile(f"[{re.escape(ends)}]") if ends else None
        self._cache: dict[str, str] = {}

    def iri(self, value: str) -> str:
        """``value`` as a compact IRI where a prefix fits, else as it is.

        >>> Compactor({"schema": "https://schema.org/"}).iri("https://schema.org/name")
        'schema:name'
        """
        found = self._cache.get(value)
        if found is None:
            if len(self._cache) >= 200_000:
                self._cache.clear()
            found = self._cache[value] = self._compact(value)
        return found

    def _compact(self, value: str) -> str:
        if self._delimiter is None:
            return value
        ends = [match.end() for match in self._delimiter.finditer(value)]
        for end in reversed(ends):
            prefix = self._prefixes.get(value[:end])
            # A suffix starting "//" would read back as an absolute IRI.
            if prefix is not None and not value.startswith("//", end):
                return f"{prefix}:{value[end:]}"
        return value

    def node(self, term: Term) -> str:
        """A subject or graph name: a compact IRI, or a blank node's ``_:`` label."""
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        assert isinstance(term, ox.NamedNode), f"not a node: {term}"
        return self.iri(term.value)

    def value(self, term: Term) -> Any:
        """An object as a JSON-LD value object, node reference or native value."""
        if isinstance(term, ox.Literal):
            datatype = term.datatype.value
            if term.language:
                return {"@value": term.value, "@language": term.language}
            if datatype == _STRING:
                return term.value
            if datatype == _BOOLEAN and term.value in ("true", "false"):
                return term.value == "true"
            if datatype == _INTEGER and _NATIVE_INTEGER.fullmatch(term.value):
                return int(term.value)
            return {"@value": term.value, "@type": self.iri(datatype)}
        return {"@id": self.node(term)}


def node_object(subject: Term, triples: list[ox.Quad], compactor: Compactor) -> dict[str, Any]:
    """One subject's statements as a JSON-LD node object."""
    node: dict[str, Any] = {"@id": compactor.node(subject)}
    for predicate, group in groupby(triples, key=lambda quad: quad.predicate.value):
        objects = [quad.object for quad in group]
        if predicate == _TYPE and all(isinstance(o, ox.NamedNode) for o in objects):
            values = [compactor.iri(o.value) for o in objects]  # type: ignore[union-attr]
            key = "@type"
        else:
            values = [compactor.value(o) for o in objects]
            key = compactor.iri(predicate)
        node[key] = values[0] if len(values) == 1 else values
    return node


def write_jsonld(graph: KnowledgeGraph, stream: IO[bytes]) -> None:
    """Write the JSON-LD document of ``graph``'s quads to a binary stream."""
    context = dict(sorted({**published_context(), **graph.prefixes}.items()))
    compactor = Compactor(context)
    stream.write(b'{"@context": ' + _json(context) + b',\n "@graph": [')
    separator = b"\n"
    for name, quads in groupby(graph.quads(), key=lambda quad: quad.graph_name):
        named = not isinstance(name, ox.DefaultGraph)
        if named:
            stream.write(separator + b'{"@id": ' + _json(compactor.node(name)) + b', "@graph": [')
            separator = b"\n"
        # Node by node: the default graph of a loaded file may hold everything.
        for node in _nodes(quads, compactor):
            stream.write(separator + _json(node))
            separator = b",\n"
        if named:
            stream.write(b"\n]}")
            separator = b",\n"
    stream.write(b"\n]}\n")


def _nodes(quads: Iterator[ox.Quad], compactor: Compactor) -> Iterator[dict[str, Any]]:
    # A graph's quads are sorted, so each subject's statements are consecutive.
    for subject, group in groupby(quads, key=lambda quad: quad.subject):
        yield node_object(subject, list(group), compactor)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")


class JsonLdExporter:
    """Flattened JSON-LD; the context is embedded, so no processor fetches anything."""

    name = "jsonld"
    filename = "graph.jsonld"
    media_type = "application/ld+json"
    description = "JSON-LD, context embedded, one named graph per source article"

    def write(self, graph: KnowledgeGraph, path: Path) -> None:
        """Stream the document to ``path``, atomically."""
        with atomic_open(path) as stream:
            write_jsonld(graph, stream)


JSONLD = JsonLdExporter()
