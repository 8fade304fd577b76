"""The article records inside a JSON document: a list, an API's envelope, a JSON-LD graph.

NewsAPI and GDELT wrap their articles as ``{"articles": [...]}``, other APIs as
``{"response": {"results": [...]}}``; schema.org JSON-LD puts a ``NewsArticle`` beside the
``WebPage``, ``Organization`` and ``Person`` nodes it refers to by ``@id``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from kg.errors import InputError
from kg.readers.schemas import CANDIDATES

ENVELOPE_KEYS = ("articles", "results", "items", "entries", "docs", "data", "response")
"""Keys under which APIs put their list of records, tried in this order."""
MAX_DEPTH = 4
"""Envelopes inside envelopes are opened this deep at most."""
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    }
)
"""schema.org types read as articles; other JSON-LD nodes are what articles refer to."""
# A mapping with one of these keys is a record itself, not an envelope.
_RECORD_KEYS = frozenset(
    candidate.key
    for field in ("title", "url", "body", "date")
    for candidate in CANDIDATES[field]
    if "." not in candidate.key
)


def json_ld_types(node: Mapping[Any, Any]) -> set[str]:
    """The local names of a JSON-LD node's ``@type`` (``schema:NewsArticle`` -> NewsArticle).

    >>> sorted(json_ld_types({"@type": ["https://schema.org/NewsArticle", "schema:Thing"]}))
    ['NewsArticle', 'Thing']
    """
    raw = node.get("@type")
    types = raw if isinstance(raw, list) else [raw]
    return {
        t.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in types if isinstance(t, str)
    }


def records(source: str, document: Any) -> Iterator[Any]:
    """The records of a parsed JSON document, JSON-LD references resolved.

    Raises InputError when the document holds no record at all (an empty list, an API's
    error response, JSON-LD without an article).
    """
    found = list(_records(source, document, depth=0))
    if not found:
        raise InputError(source, "no article records in the file (an empty list or envelope)")
    yield from found


def _records(source: str, document: Any, *, depth: int) -> Iterator[Any]:
    if isinstance(document, list):
        yield from _nodes(source, document)
        return
    if not isinstance(document, Mapping):
        yield document  # the reader says why it is not a record
        return
    if isinstance(document.get("@graph"), list):
        yield from _nodes(source, document["@graph"])
        return
    if document.get("status") == "error" and "message" in document:
        code = document.get("code")
        message = str(document.get("message"))[:200]
        raise InputError(
            source, f"the file is an API's error response{f' ({code})' if code else ''}: {message}"
        )
    if "@type" in document or _RECORD_KEYS & document.keys() or depth >= MAX_DEPTH:
        yield from _nodes(source, [document])
        return
    for key in ENVELOPE_KEYS:
        inner = document.get(key)
        if isinstance(inner, list | Mapping):
            yield from _records(source, inner, depth=depth + 1)
            return
    yield document


def _nodes(source: str, nodes: list[Any]) -> Iterator[Any]:
    """Records among JSON-LD nodes (or plain records): article nodes, references resolved."""
    typed = [n for n in nodes if isinstance(n, Mapping) and "@type" in n]
    if not typed:
        yield from nodes
        return
    articles = [n for n in typed if json_ld_types(n) & ARTICLE_TYPES]
    if not articles and len(typed) == len(nodes):
        kinds = sorted({t for n in typed for t in json_ld_types(n)})
        raise InputError(
            source,
            "JSON-LD without an article node (it holds "
            f"{', '.join(kinds[:8]) or 'untyped nodes'}; kg reads "
            "NewsArticle, Article, BlogPosting and their kinds)",
        )
    by_id = {n["@id"]: n for n in typed if isinstance(n.get("@id"), str)}
    for node in nodes:
        if isinstance(node, Mapping) and "@type" in node:
            if json_ld_types(node) & ARTICLE_TYPES:
                yield {key: _resolved(value, by_id) for key, value in node.items()}
        else:
            yield node


def _resolved(value: Any, by_id: Mapping[str, Any]) -> Any:
    """A reference ``{"@id": ...}`` replaced by the node it names (one level deep)."""
    if isinstance(value, list):
        return [_resolved(item, by_id) for item in value]
    if (
        isinstance(value, Mapping)
        and set(value) == {"@id"}
        and isinstance(value["@id"], str)
        and value["@id"] in by_id
    ):
        return by_id[value["@id"]]
    return value
