"""Where the ontology files are, and the generator of ``kg/vocab.py`` from ``ontology/kg.ttl``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

NAMESPACE = "https://kg.example/ns#"

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def ontology_dir() -> Path:
    """The folder holding kg.ttl and shapes.ttl, in a wheel or in a source checkout."""
    for candidate in (_PACKAGE_DIR / "ontology", _PACKAGE_DIR.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise FileNotFoundError("kg's ontology files are missing: reinstall kg")


def ontology_file(name: str) -> Path:
    """The path of one ontology file, e.g. ``ontology_file("shapes.ttl")``."""
    return ontology_dir() / name


def render_vocab_module(ttl: Path) -> str:
    """Python source of a closed ``DefinedNamespace`` holding every term ``ttl`` declares."""
    graph = rdflib.Graph().parse(ttl, format="turtle")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms: list[tuple[str, str]] = []
    for kind in kinds:
        for term in graph.subjects(RDF.type, kind):
            if isinstance(term, rdflib.URIRef) and str(term).startswith(NAMESPACE):
                comment = graph.value(term, RDFS.comment) or graph.value(term, RDFS.label) or ""
                terms.append((str(term)[len(NAMESPACE) :], " ".join(str(comment).split())))
    lines = [
        '"""The kg ontology\'s terms as Python names. Generated from ontology/kg.ttl by',
        '``make vocab``; do not edit. A typo in a term name fails at import."""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class KG(DefinedNamespace):",
        '    """Terms of the kg ontology (only what schema.org, PROV-O and SKOS lack)."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{NAMESPACE}")',
        "",
    ]
    for name, comment in sorted(set(terms)):
        lines.append(f"    {name}: URIRef  # {comment}"[:200].rstrip())
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - used by `make vocab`
    target = _PACKAGE_DIR / "vocab.py"
    target.write_text(render_vocab_module(_PACKAGE_DIR.parent / "ontology" / "kg.ttl"))
    print(f"wrote {target}")
