"""Extractors map one article to facts; one module per entity kind.

An extractor is a pure function of the article (and of what the extractors it
``requires`` found), wrapped with the vocabulary terms it ``emits``. Built-ins
register here through the same registry third-party packages use
(entry point group ``kg.extractors``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kg.errors import PluginError
from kg.model import Article, ArticleFacts, Fact, Ref
from kg.registry import Registry
from kg.text import fold
from kg.urls import canonical_url

ExtractFunction = Callable[[Article, "Context"], Iterable[Fact]]


@dataclass(frozen=True)
class Extractor:
    """A named extraction step and its declared contract."""

    name: str
    function: ExtractFunction
    emits: frozenset[str]
    requires: frozenset[str] = frozenset()
    description: str = ""

    def __call__(self, article: Article, context: Context) -> Iterable[Fact]:
        return self.function(article, context)


def extractor(
    name: str, *, emits: Iterable[str], requires: Iterable[str] = ()
) -> Callable[[ExtractFunction], Extractor]:
    """Declare an extractor: ``@extractor("topics", emits={"skos:Concept"})``."""

    def wrap(function: ExtractFunction) -> Extractor:
        return Extractor(
            name=name,
            function=function,
            emits=frozenset(emits),
            requires=frozenset(requires),
            description=(function.__doc__ or "").strip().splitlines()[0]
            if function.__doc__
            else "",
        )

    return wrap


@dataclass
class Context:
    """What one article's extractors share: the facts found so far and cached analyses."""

    article: Article
    found: dict[str, list[Fact]] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

    def facts_of(self, name: str) -> list[Fact]:
        """The facts an earlier extractor (one this extractor requires) produced."""
        return self.found.get(name, [])


extractors: Registry[Extractor] = Registry("extractor", "kg.extractors")
extractors.register("articles", "kg.extract.articles:articles")
extractors.register("outlets", "kg.extract.outlets:outlets")
extractors.register("topics", "kg.extract.topics:topics")
extractors.register("authors", "kg.extract.authors:authors")
extractors.register("places", "kg.extract.places:places")
extractors.register("citations", "kg.extract.citations:citations")
extractors.register("people", "kg.extract.people:people")
extractors.register("organizations", "kg.extract.organizations:organizations")
extractors.register("officials", "kg.extract.officials:officials")
extractors.register("quotes", "kg.extract.quotes:quotes")


def article_ref(article: Article) -> Ref:
    """The identity of an article: its canonical URL, else a hash of its normalized text."""
    for candidate in (article.url, article.original_url, article.amp_url, article.cdn_amp_url):
        url = canonical_url(candidate)
        if url:
            return Ref(f"article/{url}")
    return _text_ref(article.title, article.excerpt, article.body)


@lru_cache(maxsize=64)
def _text_ref(*parts: str | None) -> Ref:
    # Each field of an article asks for its identity: fold the text once, not per field.
    text = fold(" ".join(t for t in parts if t))
    return Ref(f"article/text:{hashlib.sha256(text.encode()).hexdigest()[:32]}")


def pipeline(names: Sequence[str] | None = None) -> list[Extractor]:
    """The extractors to run, ordered so that each comes after what it requires."""
    chosen = [extractors.get(n) for n in (names if names is not None else extractors.names())]
    by_name = {e.name: e for e in chosen}
    for each in chosen:
        missing = sorted(each.requires - by_name.keys())
        if missing:
            raise PluginError(
                f"extractor {each.name!r} requires {', '.join(missing)}, which "
                f"{'is' if len(missing) == 1 else 'are'} not selected"
            )
    ordered: list[Extractor] = []
    placed: set[str] = set()
    while len(ordered) < len(chosen):
        ready = [e for e in chosen if e.name not in placed and e.requires <= placed]
        if not ready:
            cycle = sorted(e.name for e in chosen if e.name not in placed)
            raise PluginError(f"extractors require each other in a cycle: {', '.join(cycle)}")
        for each in sorted(ready, key=lambda e: e.name):
            ordered.append(each)
            placed.add(each.name)
    return ordered


def extract(article: Article, steps: Sequence[Extractor] | None = None) -> ArticleFacts:
    """All facts about one article: the pure per-article function of a build."""
    context = Context(article=article)
    facts: list[Fact] = []
    for step in steps if steps is not None else pipeline():
        found = list(step(article, context))
        context.found[step.name] = found
        facts.extend(found)
    return ArticleFacts(
        source=article.source,
        article=article_ref(article),
        facts=tuple(facts),
        problems=article.problems,
        words=article.words,
    )
