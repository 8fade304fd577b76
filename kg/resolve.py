"""Entity resolution: canonical keys from every article are merged into entities and given IRIs.

Resolution is a deterministic reduce: IRIs are minted from keys alone, so the
graph does not depend on input order, partitioning or the number of workers.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from kg.errors import ConfigError
from kg.model import ArticleFacts, Ref
from kg.text import slug
from kg.urls import web_url

DEFAULT_BASE = "https://kg.example/id/"

# Keys that are already readable IRI segments: domains, and folded names (words
# without hyphens, so "a b" and "a-b" cannot meet). Others get a slug and a hash.
_DOMAIN_LIKE = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$")
_WORDS = re.compile(r"^[a-z0-9]+( [a-z0-9]+){0,9}$")
_HASHED_KINDS = {"article", "image", "evidence", "quote", "position", "graph"}


def check_base(base: str) -> str:
    """A valid base IRI ending in ``/`` or ``#``, or ConfigError."""
    url = web_url(base)
    if url is None or url != base or not base.endswith(("/", "#")):
        raise ConfigError(
            f"base IRI {base!r} must be an absolute http(s) IRI ending in '/' or '#', "
            f"like {DEFAULT_BASE}"
        )
    return base


def digest(text: str, length: int = 16) -> str:
    """A short stable hash, for IRIs minted from long or arbitrary keys."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


class Resolver:
    """Maps entity keys to IRIs; ``observe`` every article's facts, then ``finish``."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)
        self._aliases: dict[str, str] = {}

    def observe(self, facts: ArticleFacts) -> None:
        """Take note of one article's keys (for merges across articles)."""

    def observe_all(self, items: Iterable[ArticleFacts]) -> None:
        """Observe many articles."""
        for item in items:
            self.observe(item)

    def finish(self) -> None:
        """Decide the merges once every article has been observed."""

    def canonical(self, ref: Ref) -> Ref:
        """The key an entity was merged into (itself when it was not merged)."""
        return Ref(self._aliases.get(ref.key, ref.key))

    def iri(self, ref: Ref) -> str:
        """The IRI of an entity, minted from its canonical key alone."""
        key = self.canonical(ref).key
        kind, _, local = key.partition("/")
        if kind not in _HASHED_KINDS:
            if _DOMAIN_LIKE.match(local):
                return f"{self.base}{kind}/{local}"
            if _WORDS.match(local):
                return f"{self.base}{kind}/{local.replace(' ', '-')}"
            readable = slug(local)[:60].strip("-")
            if readable:
                return f"{self.base}{kind}/{readable}-{digest(key, 8)}"
        return f"{self.base}{kind}/{digest(key)}"

    def graph_iri(self, article: Ref) -> str:
        """The named graph holding one source article's facts."""
        return f"{self.base}graph/{digest(self.canonical(article).key)}"
