"""The straightforward script a user would write instead of kg, as the end-to-end baseline.

python-frontmatter, spaCy's full pipeline, an rdflib graph, rdflib's Turtle writer and
pyvis's HTML, one file after another. Run: .venv/bin/python -m benchmarks.naive CORPUS OUT
"""

from __future__ import annotations

import sys
from pathlib import Path

import frontmatter
import networkx as nx
import rdflib
import spacy
from pyvis.network import Network
from rdflib.namespace import RDF, SDO

from kg.extract.nlp import MODELS


def full_model() -> spacy.language.Language:
    """The same model kg uses, with its whole pipeline (parser, tagger, lemmatizer ...)."""
    for name in MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no spaCy English model installed")


def main(corpus: Path, output: Path) -> None:
    full = full_model()
    graph = rdflib.Graph()
    base = rdflib.Namespace("https://naive.example/")
    for index, path in enumerate(sorted(corpus.rglob("*.*"))):
        post = frontmatter.load(path)
        article = base[f"article/{index}"]
        graph.add((article, RDF.type, SDO.NewsArticle))
        if "title" in post.metadata:
            graph.add((article, SDO.headline, rdflib.Literal(post.metadata["title"])))
        provider = post.metadata.get("provider")
        if isinstance(provider, dict) and provider.get("name"):
            outlet = base[f"outlet/{provider['name'].replace(' ', '_')}"]
            graph.add((article, SDO.publisher, outlet))
            graph.add((outlet, SDO.name, rdflib.Literal(provider["name"])))
        for ent in full(post.content).ents:
            kind = {"PERSON": SDO.Person, "GPE": SDO.City, "ORG": SDO.Organization}.get(ent.label_)
            if kind is None:
                continue
            node = base[f"{ent.label_.lower()}/{ent.text.replace(' ', '_')}"]
            graph.add((node, RDF.type, kind))
            graph.add((node, SDO.name, rdflib.Literal(ent.text)))
            graph.add((article, SDO.mentions, node))
    output.mkdir(parents=True, exist_ok=True)
    graph.serialize(output / "graph.ttl", format="turtle")
    network = nx.DiGraph()
    for s, _, o in graph.triples((None, SDO.mentions, None)):
        network.add_edge(str(s), str(o))
    view = Network(cdn_resources="in_line")
    view.from_nx(network)
    view.write_html(str(output / "graph.html"))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
