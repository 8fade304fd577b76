"""The topics an article record is filed under, as SKOS concepts."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract import Context, article_ref, extractor
from kg.model import Article, Fact, Iri, Ref
from kg.namespaces import RDF, SDO, SKOS
from kg.text import fold


@extractor("topics", emits={"skos:Concept", "schema:about"})
def topics(article: Article, context: Context) -> Iterator[Fact]:
    """One concept per topic name; the same name in any case or spacing is one concept."""
    subject = article_ref(article)
    for name in article.topics:
        if not fold(name):
            continue
        topic = Ref(f"topic/{fold(name)}")
        yield Fact(subject, SDO.about, topic)
        yield Fact(topic, RDF.type, Iri(SKOS.Concept))
        yield Fact(topic, SKOS.prefLabel, name)
