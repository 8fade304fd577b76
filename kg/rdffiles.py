"""Reading RDF files: which file of a build folder to read, in which format, and loading it.

Below the graph and the exporters, so that both can use it without importing each other.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError

_SUFFIX_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}

# In a build folder, the richest file wins: quads keep the named graphs.
_BUILD_FILES = ("graph.nq", "graph.trig", "graph.ttl", "graph.nt", "graph.jsonld")


def graph_file(path: Path) -> Path:
    """The RDF file to read for ``path``: itself, or the best export in a build folder."""
    if path.is_dir():
        for name in _BUILD_FILES:
            if (path / name).is_file():
                return path / name
        raise InputError(str(path), "no graph file in this folder (expected graph.ttl or graph.nq)")
    if not path.is_file():
        raise InputError(str(path), "no such file or directory")
    return path


def rdf_file(path: Path) -> tuple[Path, ox.RdfFormat]:
    """The RDF file to read for ``path`` (a file or a build folder) and its format, by suffix."""
    file = graph_file(path)
    rdf_format = _SUFFIX_FORMATS.get(file.suffix.lower())
    if rdf_format is None:
        known = ", ".join(sorted(_SUFFIX_FORMATS))
        raise InputError(str(file), f"unknown RDF file suffix {file.suffix!r}; known: {known}")
    return file, rdf_format


def load_into(store: ox.Store, path: Path) -> None:
    """Load an RDF file (format by suffix) or a build folder into ``store``."""
    file, rdf_format = rdf_file(path)
    try:
        store.bulk_load(path=str(file), format=rdf_format)
    except SyntaxError as error:
        raise InputError(str(file), f"invalid {rdf_format.name}: {error}") from error
