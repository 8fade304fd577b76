"""The article itself and its related articles, from the record's metadata."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract import Context, article_ref, extractor
from kg.model import Article, Fact, Iri, Ref
from kg.namespaces import KG, RDF, SDO
from kg.urls import canonical_url


@extractor(
    "articles",
    emits={"schema:NewsArticle", "schema:ImageObject", "kg:relatedArticle"},
)
def articles(article: Article, context: Context) -> Iterator[Fact]:
    """Headline, description, date, URLs, images and type of an article and its related articles."""
    subject = article_ref(article)
    yield from _describe(subject, article)
    for related in article.related:
        related_subject = article_ref(related)
        if related_subject != subject:
            yield Fact(subject, KG.relatedArticle, related_subject)
            yield from _describe(related_subject, related)


def _describe(subject: Ref, article: Article) -> Iterator[Fact]:
    yield Fact(subject, RDF.type, Iri(SDO.NewsArticle))
    yield Fact(subject, KG.sourceFile, article.source)
    if article.title:
        yield Fact(subject, SDO.headline, article.title)
    if article.excerpt:
        yield Fact(subject, SDO.description, article.excerpt)
    if article.published:
        yield Fact(subject, SDO.datePublished, article.published)
    if article.modified:
        yield Fact(subject, SDO.dateModified, article.modified)
    if article.language:
        yield Fact(subject, SDO.inLanguage, article.language)
    if article.url:
        yield Fact(subject, SDO.url, Iri(article.url))
    for predicate, url in (
        (KG.ampUrl, article.amp_url),
        (KG.cdnAmpUrl, article.cdn_amp_url),
        (KG.originalUrl, article.original_url),
    ):
        if url and url != article.url:
            yield Fact(subject, predicate, Iri(url))
    if article.type:
        yield Fact(subject, KG.articleType, article.type)
    if article.category:
        yield Fact(subject, SDO.articleSection, article.category)
    if article.quality is not None:
        yield Fact(subject, KG.quality, article.quality)
    if article.body:
        yield Fact(subject, SDO.wordCount, len(article.body.split()))
    for image in article.images:
        image_subject = Ref(f"image/{canonical_url(image.url) or image.url}")
        yield Fact(subject, SDO.image, image_subject)
        yield Fact(image_subject, RDF.type, Iri(SDO.ImageObject))
        yield Fact(image_subject, SDO.contentUrl, Iri(image.url))
        if image.width is not None:
            yield Fact(image_subject, SDO.width, image.width)
        if image.height is not None:
            yield Fact(image_subject, SDO.height, image.height)
        if image.title:
            yield Fact(image_subject, SDO.caption, image.title)
