"""Entity resolution: canonical keys from every article are merged into entities and given IRIs.

Resolution is a deterministic reduce: IRIs are minted from keys alone, so the
graph does not depend on input order, partitioning or the number of workers.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime

from kg.errors import ConfigError
from kg.model import ArticleFacts, Fact, Ref
from kg.namespaces import KG, SDO
from kg.text import fold, slug
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


def person_base_key(key: str) -> str:
    """A person key without single-letter middle initials: ``eric l adams`` is ``eric adams``.

    >>> person_base_key("person/eric l adams")
    'person/eric adams'
    >>> person_base_key("person/j smith")
    'person/j smith'
    """
    kind, _, name = key.partition("/")
    words = name.split()
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return f"{kind}/{' '.join(words)}"


_ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "at", "to", "a", "an"}


def acronyms(name: str) -> set[str]:
    """Folded acronyms a multi-word organization name is known by.

    The word "City" is often left out of acronyms (New York City Police Department
    is the NYPD), so both forms are given.

    >>> sorted(acronyms("New York City Police Department"))
    ['nycpd', 'nypd']
    >>> acronyms("Amazon")
    set()
    """
    words = [w for w in fold(name).split() if w not in _ACRONYM_SKIP]
    if len(words) < 2:
        return set()
    found = {"".join(w[0] for w in words)}
    without_city = [w for w in words if w != "city"]
    if len(without_city) >= 2:
        found.add("".join(w[0] for w in without_city))
    return found


def _without_city(name: str) -> str:
    """A long name without the word "city", which names use and omit at will.

    >>> _without_city("New York City Police Department")
    'new york police department'
    >>> _without_city("City Hall")
    'city hall'
    """
    words = fold(name).split()
    if len(words) < 4:
        return " ".join(words)
    return " ".join(w for w in words if w != "city")


class _UnionFind:
    """Disjoint sets over strings; the representative is chosen by the caller afterwards."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)

    def groups(self) -> list[list[str]]:
        members: dict[str, list[str]] = defaultdict(list)
        for item in sorted(self.parent):
            members[self.find(item)].append(item)
        return sorted(members.values())


@dataclass
class _Sighting:
    """What one article says about a person who holds a position in it."""

    roles: set[str] = field(default_factory=set)
    jurisdictions: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)


@dataclass
class _Position:
    person: str
    role: str
    jurisdiction: str
    articles: set[str] = field(default_factory=set)


class Resolver:
    """Merges entity keys from every article and mints IRIs; ``observe`` all, then ``finish``.

    The rules (docs/resolution.md):

    - outlets are their registered domain; an outlet known only by name joins the
      domain outlet that carries the same name; the most used name is the name,
      the others become ``schema:alternateName``;
    - organizations with the same folded name or alternate name are one; an acronym
      joins the one organization whose name abbreviates to it;
    - people are their folded full name (middle initials dropped); the same name is
      split into two people only when the articles give them different roles AND
      different jurisdictions AND share no other entity (a city, an organization);
      articles that give no role join the most reported one;
    - positions are (person, role, jurisdiction), dated by their articles.
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)
        self._aliases: dict[str, str] = {}
        self._split: dict[tuple[str, str], str] = {}
        self._names: dict[str, Counter[str]] = defaultdict(Counter)
        self._alternate_names: dict[str, set[str]] = defaultdict(set)
        self._dates: dict[str, datetime] = {}
        self._sightings: dict[str, dict[str, _Sighting]] = defaultdict(dict)
        self._positions: dict[tuple[str, str], _Position] = {}
        self._preferred: dict[str, str] = {}
        self._finished = False

    # ------------------------------------------------------------------ observe

    def observe(self, facts: ArticleFacts) -> None:
        """Take note of one article's entities, names, dates and positions."""
        mentions: dict[str, set[str]] = defaultdict(set)
        drafts: dict[str, _Position] = defaultdict(lambda: _Position("", "", ""))
        for fact in facts.facts:
            subject, predicate, obj = fact.subject, fact.predicate, fact.object
            kind = subject.kind
            if predicate == SDO.datePublished and kind == "article" and isinstance(obj, datetime):
                self._dates[subject.key] = obj
            elif predicate == SDO.name and kind in _NAMED_KINDS and isinstance(obj, str):
                self._names[self._base(subject.key)][obj] += 1
            elif predicate == SDO.alternateName and isinstance(obj, str):
                self._alternate_names[subject.key].add(obj)
            elif predicate == SDO.mentions and isinstance(obj, Ref):
                mentions[subject.key].add(obj.key)
            elif kind == "position":
                draft = drafts[subject.key]
                if predicate == KG.holder and isinstance(obj, Ref):
                    draft.person = obj.key
                elif predicate == SDO.roleName and isinstance(obj, str):
                    draft.role = obj
                elif predicate == KG.jurisdiction and isinstance(obj, Ref):
                    draft.jurisdiction = obj.key
                elif predicate == KG.reportedIn and isinstance(obj, Ref):
                    draft.articles.add(obj.key)
        for key, draft in drafts.items():
            if not draft.person:
                continue
            position = self._positions.setdefault(
                (key, facts.article.key), _Position(draft.person, draft.role, draft.jurisdiction)
            )
            position.articles.update(draft.articles)
            # Sightings are per source article (a file's record with its related
            # articles): the unit the graph stage resolves facts within.
            sighting = self._sightings[self._base(draft.person)].setdefault(
                facts.article.key, _Sighting()
            )
            sighting.roles.add(fold(draft.role))
            if draft.jurisdiction:
                sighting.jurisdictions.add(draft.jurisdiction)
            for article in draft.articles:
                sighting.context.update(
                    k for k in mentions.get(article, ()) if not k.startswith("person/")
                )

    def observe_all(self, items: Iterable[ArticleFacts]) -> None:
        """Observe many articles."""
        for item in items:
            self.observe(item)

    # ------------------------------------------------------------------- finish

    def finish(self) -> None:
        """Decide the merges, splits and preferred names once every article is observed."""
        self._merge_outlets_by_name()
        self._merge_organizations()
        self._split_people()
        merged: dict[str, Counter[str]] = defaultdict(Counter)
        for key, names in sorted(self._names.items()):
            merged[self._aliases.get(key, key)].update(names)
        self._preferred = {
            key: min(names.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[0]
            for key, names in merged.items()
        }
        self._finished = True

    def _merge_outlets_by_name(self) -> None:
        by_name: dict[str, set[str]] = defaultdict(set)
        for key, names in self._names.items():
            if key.startswith("outlet/") and not key.startswith("outlet/name:"):
                for name in names:
                    by_name[fold(name)].add(key)
        for key in sorted(self._names):
            if key.startswith("outlet/name:"):
                owners = by_name.get(key.removeprefix("outlet/name:"), set())
                if len(owners) == 1:
                    self._aliases[key] = next(iter(owners))

    def _merge_organizations(self) -> None:
        keys = sorted(k for k in self._names if k.startswith("organization/"))
        groups = _UnionFind()
        strong: dict[str, set[str]] = defaultdict(set)
        weak: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            groups.find(key)
            names = set(self._names[key]) | self._alternate_names.get(key, set())
            for name in names:
                strong[fold(name)].add(key)
                strong[_without_city(name)].add(key)
                for acronym in acronyms(name):
                    weak[acronym].add(key)
        for owners in strong.values():
            first, *rest = sorted(owners)
            for other in rest:
                groups.union(first, other)
        for alias, owners in sorted(strong.items()):
            long_forms = {groups.find(k) for k in weak.get(alias, set())} - {
                groups.find(k) for k in owners
            }
            if len(long_forms) == 1:
                groups.union(min(owners), next(iter(long_forms)))
        for members in groups.groups():
            canonical = min(members, key=lambda k: (-sum(self._names[k].values()), k))
            for member in members:
                if member != canonical:
                    self._aliases[member] = canonical

    def _split_people(self) -> None:
        for person, sightings in sorted(self._sightings.items()):
            if len(sightings) < 2:
                continue
            clusters = _UnionFind()
            articles = sorted(sightings)
            for article in articles:
                clusters.find(article)
            for index, first in enumerate(articles):
                for second in articles[index + 1 :]:
                    a, b = sightings[first], sightings[second]
                    if (
                        a.roles & b.roles
                        or a.jurisdictions & b.jurisdictions
                        or a.context & b.context
                    ):
                        clusters.union(first, second)
            groups = sorted(clusters.groups(), key=lambda g: (-len(g), g[0]))
            for group in groups[1:]:
                marker = min(j for a in group for j in sightings[a].jurisdictions | {"~"})
                if marker == "~":
                    marker = min(r for a in group for r in sightings[a].roles)
                # "|" separates the parts of position keys, so splits use "@".
                split_key = f"{person}@{marker}"
                for article in group:
                    self._split[(person, article)] = split_key

    # ------------------------------------------------------------------ answers

    @staticmethod
    def _base(key: str) -> str:
        return person_base_key(key) if key.startswith("person/") else key

    def canonical(self, ref: Ref, *, within: Ref | None = None) -> Ref:
        """The key an entity was merged into, as seen from the article ``within``."""
        key = self._base(ref.key)
        if key.startswith("position/"):
            person, _, rest = key.removeprefix("position/").partition("|")
            role, _, jurisdiction = rest.partition("|")
            person = self.canonical(Ref(person), within=within).key
            if jurisdiction:
                jurisdiction = self.canonical(Ref(jurisdiction)).key
            return Ref(f"position/{person}|{role}|{jurisdiction}")
        if within is not None and (key, within.key) in self._split:
            return Ref(self._split[(key, within.key)])
        return Ref(self._aliases.get(key, key))

    def iri(self, ref: Ref, *, within: Ref | None = None) -> str:
        """The IRI of an entity, minted from its canonical key alone."""
        key = self.canonical(ref, within=within).key
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

    def derived_graph_iri(self) -> str:
        """The named graph of facts that only the whole corpus supports (report dates)."""
        return f"{self.base}graph/resolution"

    def rewrite(self, fact: Fact, *, within: Ref) -> Fact:
        """A fact as the merged graph states it: names other than the preferred one are aliases."""
        if fact.predicate == SDO.name and isinstance(fact.object, str):
            canonical = self.canonical(fact.subject, within=within).key
            preferred = self._preferred.get(canonical)
            if preferred is not None and preferred != fact.object:
                return replace(fact, predicate=SDO.alternateName)
        return fact

    def derived_facts(self) -> Iterator[Fact]:
        """Facts about merged entities: when each position was first and last reported."""
        reported: dict[str, set[str]] = defaultdict(set)
        for (key, source), position in self._positions.items():
            canonical = self.canonical(Ref(key), within=Ref(source)).key
            reported[canonical].update(position.articles)
        for key in sorted(reported):
            dates = sorted(self._dates[a] for a in reported[key] if a in self._dates)
            if dates:
                yield Fact(Ref(key), KG.firstReported, dates[0])
                yield Fact(Ref(key), KG.lastReported, dates[-1])


_NAMED_KINDS = {"outlet", "organization", "person", "city"}
