"""The field names common news schemas use for each kg field, in order of precedence.

kg reads a record (front matter, a JSON object) by looking up, for each of its own fields,
the names below in order: the first present and valid value wins. A user's mapping
(``--field date=published_on``) is tried before them. The table in docs/input.md is
``markdown_table()`` (a test keeps the two the same).
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMAS = ("seed", "NewsAPI", "GDELT", "Hugo/Jekyll/Eleventy", "schema.org", "scrapers")
"""The schemas recognized out of the box, as the docs' table names them.

"scrapers" are the JSON outputs of common extraction tools (trafilatura, newspaper4k,
news-please) and hand-written crawlers.
"""

_SEED, _NEWSAPI, _GDELT, _SSG, _SCHEMA, _SCRAPERS = SCHEMAS


@dataclass(frozen=True)
class Candidate:
    """A source field name (``source.name`` reads inside a mapping) and who uses it."""

    key: str
    schemas: tuple[str, ...]


def _c(key: str, *schemas: str) -> Candidate:
    return Candidate(key, schemas)


# kg field -> candidate names, highest precedence first. The seed's own names come first,
# so a seed-shaped record reads as it always did whatever else it holds.
CANDIDATES: dict[str, tuple[Candidate, ...]] = {
    "title": (
        _c("title", _SEED, _NEWSAPI, _GDELT, _SSG, _SCRAPERS),
        _c("headline", _SCHEMA),
    ),
    "description": (
        _c("excerpt", _SEED, _SCRAPERS),
        _c("description", _NEWSAPI, _SSG, _SCHEMA, _SCRAPERS),
        _c("summary", _SSG, _SCRAPERS),
        _c("abstract", _SCHEMA),
        _c("meta_description", _SCRAPERS),
    ),
    "body": (
        _c("body", _SEED, _SCRAPERS),
        _c("articleBody", _SCHEMA),
        _c("text", _SCHEMA, _SCRAPERS),
        _c("maintext", _SCRAPERS),
        _c("content", _NEWSAPI, _SCRAPERS),
    ),
    "date": (
        _c("publishedDateTime", _SEED),
        _c("datePublished", _SCHEMA),
        _c("publishedAt", _NEWSAPI),
        _c("publishDate", _SSG),
        _c("publish_date", _SCRAPERS),
        _c("date_publish", _SCRAPERS),
        _c("published", _SCRAPERS),
        _c("pubDate", _SCRAPERS),
        _c("date", _SSG, _SCRAPERS),
        _c("seendate", _GDELT),
        _c("DATE", _GDELT),
    ),
    "modified": (
        _c("dateModified", _SCHEMA),
        _c("lastmod", _SSG),
        _c("last_modified_at", _SSG),
        _c("modified", _SCRAPERS),
        _c("updated", _SSG, _SCRAPERS),
        _c("date_modify", _SCRAPERS),
    ),
    "url": (
        _c("webUrl", _SEED),
        _c("url", _NEWSAPI, _GDELT, _SSG, _SCHEMA, _SCRAPERS),
        _c("link", _SCRAPERS),
        _c("permalink", _SSG),
        _c("canonical_url", _SCRAPERS),
        _c("mainEntityOfPage", _SCHEMA),
        _c("DocumentIdentifier", _GDELT),
        _c("source", _SCRAPERS),
        _c("@id", _SCHEMA),
    ),
    "amp_url": (
        _c("ampWebUrl", _SEED),
        _c("ampUrl", _SCRAPERS),
        _c("url_mobile", _GDELT),
    ),
    "cdn_amp_url": (_c("cdnAmpWebUrl", _SEED),),
    "original_url": (_c("originalUrl", _SEED),),
    "outlet": (
        _c("provider.name", _SEED),
        _c("source.name", _NEWSAPI),
        _c("publisher.name", _SCHEMA),
        _c("provider", _SCRAPERS),
        _c("source", _SSG, _SCRAPERS),
        _c("publisher", _SSG, _SCHEMA, _SCRAPERS),
        _c("site_name", _SCRAPERS),
        _c("sitename", _SCRAPERS),
        _c("source-hostname", _SCRAPERS),
    ),
    "outlet_domain": (
        _c("provider.domain", _SEED),
        _c("domain", _GDELT),
        _c("source_domain", _SCRAPERS),
        _c("hostname", _SCRAPERS),
        _c("SourceCommonName", _GDELT),
        _c("publisher.url", _SCHEMA),
        _c("source.url", _SCRAPERS),
        _c("source", _SCRAPERS),
    ),
    "country": (_c("sourcecountry", _GDELT),),
    "authors": (
        _c("authors", _SSG, _SCRAPERS),
        _c("author", _NEWSAPI, _SSG, _SCHEMA, _SCRAPERS),
        _c("byline", _SCRAPERS),
        _c("creator", _SCHEMA),
    ),
    "topics": (
        _c("topics", _SEED),
        _c("tags", _SSG, _SCRAPERS),
        _c("categories", _SSG, _SCRAPERS),
        _c("keywords", _SCHEMA, _SCRAPERS),
    ),
    "category": (
        _c("category", _SEED),
        _c("articleSection", _SCHEMA),
        _c("section", _SCRAPERS),
    ),
    "images": (
        _c("images", _SEED),
        _c("image", _SSG, _SCHEMA, _SCRAPERS),
        _c("urlToImage", _NEWSAPI),
        _c("socialimage", _GDELT),
        _c("image_url", _SCRAPERS),
        _c("top_image", _SCRAPERS),
        _c("thumbnailUrl", _SCHEMA),
    ),
    "language": (
        _c("language", _GDELT, _SCRAPERS),
        _c("inLanguage", _SCHEMA),
        _c("lang", _SSG, _SCRAPERS),
    ),
    "type": (_c("type", _SEED),),
    "quality": (_c("quality", _SEED),),
    "related": (_c("related", _SEED),),
}

UNION_FIELDS = frozenset({"topics"})
"""kg fields that take the values of every candidate present, not the first."""

FIELD_ALIASES = {
    "headline": "title",
    "excerpt": "description",
    "summary": "description",
    "published": "date",
    "author": "authors",
    "publisher": "outlet",
    "domain": "outlet_domain",
    "image": "images",
    "tags": "topics",
    "section": "category",
}
"""Other names a user may give a kg field in a mapping (``--field headline=hed``)."""

MEANINGS = {
    "title": "headline (`schema:headline`)",
    "description": "summary (`schema:description`)",
    "body": "the text analysed for people, places, quotes",
    "date": "publication date (`schema:datePublished`)",
    "modified": "last change (`schema:dateModified`)",
    "url": "the article's identity (`schema:url`)",
    "amp_url": "`kg:ampUrl`",
    "cdn_amp_url": "`kg:cdnAmpUrl`",
    "original_url": "`kg:originalUrl`",
    "outlet": "publisher's name",
    "outlet_domain": "publisher's domain (else the URL's)",
    "country": "publisher's country (`schema:location`)",
    "authors": "`schema:author`",
    "topics": "`schema:about` concepts",
    "category": "`schema:articleSection`",
    "images": "`schema:image`",
    "language": "`schema:inLanguage`",
    "type": "`kg:articleType`",
    "quality": "`kg:quality`",
    "related": "`kg:relatedArticle` records",
}

STRUCTURAL_PREFIX = "@"
"""JSON-LD keywords (``@context``, ``@type`` ...) say what a record is: never "unused"."""


def containers() -> frozenset[str]:
    """Keys that hold a mapping some candidate reads inside (``source`` of ``source.name``)."""
    return frozenset(
        candidate.key.split(".", 1)[0]
        for candidates in CANDIDATES.values()
        for candidate in candidates
        if "." in candidate.key
    )


def markdown_table() -> str:
    """The docs' table: a row per kg field, a column per schema, names in precedence order."""
    header = ["kg field", *SCHEMAS]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for name, candidates in CANDIDATES.items():
        cells = [f"`{name}`"]
        for schema in SCHEMAS:
            keys = [f"`{c.key}`" for c in candidates if schema in c.schemas]
            cells.append(", ".join(keys) or "")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def precedence_table() -> str:
    """Each kg field's candidate names in the order they are tried, and what the field is."""
    lines = ["| kg field | names tried, in order | becomes |", "| --- | --- | --- |"]
    for name, candidates in CANDIDATES.items():
        order = " > ".join(f"`{c.key}`" for c in candidates)
        if name in UNION_FIELDS:
            order += " (all of them, merged)"
        lines.append(f"| `{name}` | {order} | {MEANINGS[name]} |")
    return "\n".join(lines) + "\n"
