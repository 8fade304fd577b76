"""Saved web pages (``.html``, ``.htm``): the article's main text and the page's metadata.

The main text comes from trafilatura (fast mode, favouring precision), without the
lines ``boilerplate`` knows; the metadata from the page's own schema.org JSON-LD
(``NewsArticle`` and the nodes it names), then its ``<meta>``/OpenGraph tags, its
canonical link and, for a date, htmldate. The metadata is gathered under schema.org's
names and read by the same rules as any JSON-LD record (``fields``), so a user's
``--field`` mapping applies to pages too. Docs: docs/input.md.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

from kg.errors import InputError
from kg.model import Article
from kg.readers.boilerplate import without_boilerplate
from kg.readers.envelopes import ARTICLE_TYPES, json_ld_types, records
from kg.readers.fields import article_from_fields
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.readers.mapping import NO_FIELDS, FieldMap

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
# meta name/property -> the schema.org name it fills, in order of preference.
_META: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("headline", ("og:title", "twitter:title")),
    (
        "datePublished",
        (
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "date",
            "pubdate",
            "publishdate",
            "dc.date",
            "dcterms.created",
            "parsely-pub-date",
            "sailthru.date",
        ),
    ),
    ("dateModified", ("article:modified_time", "og:updated_time", "dcterms.modified")),
    ("publisher", ("og:site_name", "application-name")),
    ("author", ("author", "article:author", "parsely-author", "byl", "dc.creator")),
    ("articleSection", ("article:section",)),
    ("keywords", ("news_keywords", "keywords")),
    ("image", ("og:image", "twitter:image")),
    ("description", ("og:description", "description", "twitter:description")),
)


class HtmlReader:
    """Reads a saved web page as one article: main text and metadata."""

    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def accepts(self, path: Path, text: str) -> bool:
        """Web pages by suffix (a page that opens with front matter is front matter)."""
        return path.suffix.lower() in self.suffixes

    def read(
        self,
        source: str,
        text: str,
        *,
        limits: Limits = DEFAULT_LIMITS,
        fields: FieldMap = NO_FIELDS,
    ) -> Iterator[Article]:
        """Yield the page's article."""
        if not text.strip():
            raise InputError(source, "the file is empty")
        yield article_from_page(source, text, limits=limits, fields=fields)


def decode_page(payload: bytes, charset: str | None = None) -> str:
    """A page's text: the HTTP header's charset, else the page's ``<meta charset>``, else UTF-8.

    >>> decode_page("café".encode("latin-1"), "ISO-8859-1")
    'café'
    >>> decode_page(b'<meta charset="windows-1252">caf\\xe9')
    '<meta charset="windows-1252">café'
    """
    declared = charset
    if declared is None:
        found = _META_CHARSET.search(payload[:4096])
        declared = found.group(1).decode("ascii") if found else None
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return payload.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return payload.decode("cp1252", errors="replace")


def article_from_page(
    source: str,
    text: str,
    *,
    url: str | None = None,
    record: int = 0,
    line: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    fields: FieldMap = NO_FIELDS,
) -> Article:
    """One page's Article; ``url`` is where it was fetched from (used without a canonical link).

    Raises InputError for what is not a page (empty, unparseable) or holds no article.
    """
    if len(text) > limits.max_page_chars:
        raise InputError(
            source,
            f"page too large: {len(text)} characters (limit max_page_chars="
            f"{limits.max_page_chars})",
            line=line,
        )
    tree = _parse(source, text, line)
    metadata = page_record(tree, url)
    body_field = metadata.pop("articleBody", None)
    body = main_text(tree, metadata.get("url"))
    if not body and isinstance(body_field, str):
        body = body_field
    if not metadata.get("datePublished"):
        # Last: htmldate may prune the tree it reads.
        date = _htmldate(tree)
        if date:
            metadata["datePublished"] = date
    article = article_from_fields(
        source, metadata, body=body, record=record, line=line, limits=limits, fields=fields
    )
    # A page's metadata is the publisher's, not fields a user chose: nothing is "unused".
    return replace(article, unused=()) if article.unused else article


def _parse(source: str, text: str, line: int | None) -> Any:
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        tree = lxml_html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise InputError(source, f"not an HTML page: {error}", line=line) from error
    if tree is None or not len(tree):
        raise InputError(source, "not an HTML page: the document is empty", line=line)
    return tree


def main_text(tree: Any, url: object = None) -> str:
    """The article's text, without navigation, ads, comments or site notices."""
    import trafilatura

    try:
        text = trafilatura.extract(
            tree,
            url=url if isinstance(url, str) else None,
            fast=True,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
            output_format="txt",
        )
    except (ValueError, TypeError, RecursionError, etree.LxmlError) as error:
        log.info("main text extraction failed: %s", error)
        return ""
    return without_boilerplate(text or "")


def page_record(tree: Any, url: str | None = None) -> dict[str, Any]:
    """The page's metadata under schema.org's names: its JSON-LD article, then meta tags."""
    record: dict[str, Any] = dict(_json_ld_article(tree) or {})
    meta = _meta_tags(tree)
    for name, keys in _META:
        if record.get(name):
            continue
        values = [value for key in keys for value in meta.get(key, ())]
        if name == "keywords":
            values = [*meta.get("article:tag", ()), *values]
            if values:
                record[name] = values
            continue
        if name == "author":
            values = [v for v in values if not v.lower().startswith(("http://", "https://"))]
        if values:
            record[name] = values[0]
    if not record.get("headline"):
        title = tree.findtext(".//title") or tree.findtext(".//h1")
        if title and title.strip():
            record["headline"] = title.strip()
    canonical = _canonical(tree, meta, url)
    if canonical:
        record["url"] = canonical
    elif url and not record.get("url"):
        record["url"] = url
    language = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if language and not record.get("inLanguage"):
        record["inLanguage"] = language
    return record


def _json_ld_article(tree: Any) -> Mapping[str, Any] | None:
    """The first article node of the page's JSON-LD scripts, its references resolved."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except (ValueError, RecursionError):
            continue
        try:
            nodes = list(records("", data))
        except InputError:
            continue
        for node in nodes:
            if isinstance(node, Mapping) and json_ld_types(node) & ARTICLE_TYPES:
                return _unescaped(node)  # type: ignore[no-any-return]
    return None


def _unescaped(value: Any, depth: int = 0) -> Any:
    """JSON-LD text with HTML entities decoded: CMSs escape it twice (``O&#039;Donnell``)."""
    if isinstance(value, str):
        return unescape(value) if "&" in value else value
    if depth > 8:
        return value
    if isinstance(value, Mapping):
        return {key: _unescaped(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_unescaped(item, depth + 1) for item in value]
    return value


def _meta_tags(tree: Any) -> dict[str, list[str]]:
    """Every ``<meta>`` by lowercased name or property, values in page order."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            found.setdefault(key.strip(), []).append(content)
    return found


def _canonical(tree: Any, meta: Mapping[str, list[str]], url: str | None) -> str | None:
    """The page's canonical URL (made absolute against og:url or where it was fetched)."""
    base = next(iter(meta.get("og:url", ())), None) or url
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            href = str(link.get("href")).strip()
            return urljoin(base, href) if base else href
    return base if base != url else None


def _htmldate(tree: Any) -> str | None:
    """The publication date htmldate finds in the page's markup (no network, no text search)."""
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=False, original_date=True)
    except (ValueError, TypeError, RecursionError, etree.LxmlError):
        return None
    return found if isinstance(found, str) else None
