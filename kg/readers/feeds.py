"""RSS and Atom feeds: each item is an article; the feed's title and site are its publisher.

Parsed by feedparser (which sanitizes the items' HTML) after defusedxml has refused any
XML entity declaration, the door of entity-expansion attacks. Items are read in feed
order; an item that cannot be read is reported and the others go on.
"""

from __future__ import annotations

import io
import re
from calendar import timegm
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Article
from kg.readers.fields import article_from_fields
from kg.readers.htmltext import html_to_text
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.readers.mapping import NO_FIELDS, FieldMap

# The root of a feed, after an XML declaration, comments, processing instructions, a DTD.
_FEED_ROOT = re.compile(r"<(?:[\w-]+:)?(?:rss|feed|RDF)\b")
_PROLOG = 4096
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def looks_like_a_feed(text: str) -> bool:
    """Whether a document's first element is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``.

    >>> looks_like_a_feed('<?xml version="1.0"?>\\n<rss version="2.0"><channel/></rss>')
    True
    >>> looks_like_a_feed("<html><body>rss</body></html>")
    False
    """
    head = _COMMENT.sub("", text.lstrip("\ufeff \t\r\n")[:_PROLOG]).lstrip()
    if not head.startswith("<"):
        return False
    first = re.search(r"<(?![?!])", head)
    return bool(first and _FEED_ROOT.match(head, first.start()))


class FeedReader:
    """Reads RSS 0.9x/1.0/2.0 and Atom feeds, whatever the file's suffix."""

    name = "feed"
    suffixes = (".rss", ".atom", ".xml")

    def accepts(self, path: Path, text: str) -> bool:
        """Any file that is a feed (an ``.xml`` file that is not a feed is left alone)."""
        return looks_like_a_feed(text)

    def read(
        self,
        source: str,
        text: str,
        *,
        limits: Limits = DEFAULT_LIMITS,
        fields: FieldMap = NO_FIELDS,
    ) -> Iterator[Article | InputError]:
        """Yield one article per item; an item that cannot be read is yielded as an error."""
        import feedparser

        data = text.encode("utf-8")
        _refuse_entities(source, text, data)
        parsed = feedparser.parse(
            io.BytesIO(data),
            response_headers={"content-type": "application/xml; charset=utf-8"},
            sanitize_html=True,
            resolve_relative_uris=True,
        )
        entries = list(parsed.entries)
        if not entries:
            problem = parsed.get("bozo_exception")
            raise InputError(source, f"a feed without items{f' ({problem})' if problem else ''}")
        # Plain dicts: feedparser's own mapping maps missing keys onto others, with warnings.
        feed = dict(parsed.get("feed", {}))
        publisher = _publisher(feed)
        for record, entry in enumerate(entries):
            try:
                yield article_from_fields(
                    source,
                    item_record(dict(entry), publisher, feed.get("language")),
                    record=record,
                    limits=limits,
                    fields=fields,
                )
            except InputError as error:
                yield InputError(source, f"item {record + 1}: {error.reason}")


def _refuse_entities(source: str, text: str, data: bytes) -> None:
    """Refuse a feed that declares entities; ill-formed XML goes on to feedparser's
    lenient parser, which expands none of them."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    root = _FEED_ROOT.search(text)
    if _ENTITY.search(text[: root.start()] if root else text[:_PROLOG]):
        raise InputError(source, "the feed declares XML entities; refused (entity expansion)")
    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise InputError(source, f"the feed is refused: {type(error).__name__}") from error
    except (ParseError, ValueError):
        pass


def _publisher(feed: Mapping[str, Any]) -> dict[str, str]:
    """The feed's title and site, as the publisher of its items."""
    publisher = {}
    if isinstance(feed.get("title"), str) and feed["title"].strip():
        publisher["name"] = feed["title"]
    if isinstance(feed.get("link"), str) and feed["link"].strip():
        publisher["url"] = feed["link"]
    return publisher


def item_record(
    entry: Mapping[str, Any], publisher: Mapping[str, str], language: object = None
) -> dict[str, Any]:
    """A feed item under the names kg reads (``fields``): its HTML already made text."""
    record: dict[str, Any] = {}
    for key in ("title", "link"):
        if isinstance(entry.get(key), str):
            record[key] = html_to_text(entry[key]) if key == "title" else entry[key]
    published = _when(entry.get("published_parsed")) or _when(entry.get("updated_parsed"))
    if published:
        record["published"] = published
    elif entry.get("published") or entry.get("updated"):
        record["published"] = entry.get("published") or entry.get("updated")
    if entry.get("published_parsed") and entry.get("updated_parsed"):
        record["modified"] = _when(entry["updated_parsed"])
    if isinstance(entry.get("summary"), str):
        record["description"] = html_to_text(entry["summary"])
    contents = [c.get("value") for c in entry.get("content", ()) if isinstance(c, Mapping)]
    body = "\n".join(html_to_text(value) for value in contents if isinstance(value, str))
    if body:
        record["body"] = body
    authors = [a.get("name") for a in entry.get("authors", ()) if isinstance(a, Mapping)]
    authors = [name for name in authors if isinstance(name, str) and name.strip()]
    if authors:
        record["authors"] = authors
    tags = [t.get("term") for t in entry.get("tags", ()) if isinstance(t, Mapping)]
    if any(isinstance(tag, str) for tag in tags):
        record["tags"] = [tag for tag in tags if isinstance(tag, str)]
    images = [
        media.get("url")
        for media in (*entry.get("media_content", ()), *entry.get("media_thumbnail", ()))
        if isinstance(media, Mapping) and media.get("medium", "image") == "image"
    ] + [
        link.get("href")
        for link in entry.get("links", ())
        if isinstance(link, Mapping)
        and link.get("rel") == "enclosure"
        and str(link.get("type", "")).startswith("image/")
    ]
    if any(isinstance(url, str) for url in images):
        record["image"] = next(url for url in images if isinstance(url, str))
    if publisher:
        record["publisher"] = dict(publisher)
    if isinstance(language, str) and language.strip():
        record["language"] = language
    return record


def _when(parsed: object) -> str | None:
    """feedparser's UTC time tuple as ISO 8601."""
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(timegm(parsed), tz=UTC).isoformat()  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
