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
from typing import Any

from kg.casing import display_name
from kg.errors import ConfigError
from kg.model import ArticleFacts, Fact, Iri, Ref
from kg.namespaces import KG, OWL, SDO
from kg.text import fold, slug
from kg.urls import web_url

DEFAULT_BASE = "https://kg.example/id/"

# Keys that are already readable IRI segments: domains, and folded names (words
# without hyphens, so "a b" and "a-b" cannot meet). Others get a slug and a hash.
_DOMAIN_LIKE = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$")
_WORDS = re.compile(r"^[a-z0-9]+( [a-z0-9]+){0,9}$")
_HASHED_KINDS = {"article", "image", "evidence", "quote", "position", "graph"}

# Plain strings: facts' predicates are compared per fact, and rdflib's namespace
# attributes cost microseconds each.
_DATE_PUBLISHED = str(SDO.datePublished)
_NAME = str(SDO.name)
_ALTERNATE_NAME = str(SDO.alternateName)
_MENTIONS = str(SDO.mentions)
_ROLE_NAME = str(SDO.roleName)
_HOLDER = str(KG.holder)
_JURISDICTION = str(KG.jurisdiction)
_REPORTED_IN = str(KG.reportedIn)
_SAME_AS = str(OWL.sameAs)


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


class _Namesakes:
    """The articles in which one person name holds a position, clustered as they come.

    Two articles belong together when they give the name the same role, the same
    jurisdiction or another shared entity (a city, an organization): each such
    token links an article to the first article that had it, so clustering costs
    one step per token instead of a comparison of every pair of articles.
    """

    def __init__(self) -> None:
        self.articles = _UnionFind()
        self.first_with: dict[str, str] = {}
        self.markers: dict[str, tuple[str, str]] = {}
        self.taken: set[Sighting] = set()

    def take(self, sighting: Sighting) -> None:
        """One article's roles, jurisdictions and other entities for this name (a sighting
        taken before is not taken again)."""
        if sighting in self.taken:
            return
        self.taken.add(sighting)
        article, roles, jurisdictions, context = sighting
        self.articles.find(article)
        jurisdiction, role = self.markers.get(article, ("~", "~"))
        self.markers[article] = (min({jurisdiction, *jurisdictions}), min({role, *roles}))
        tokens = (
            [f"r {r}" for r in roles]
            + [f"j {j}" for j in jurisdictions]
            + [f"c {c}" for c in context]
        )
        for token in tokens:
            first = self.first_with.setdefault(token, article)
            if first != article:
                self.articles.union(first, article)

    def splits(self, person: str) -> Iterator[tuple[str, str]]:
        """(article, split key) for the articles outside the largest cluster."""
        groups = sorted(self.articles.groups(), key=lambda g: (-len(g), g[0]))
        for group in groups[1:]:
            marker = min(self.markers[a][0] for a in group)
            if marker == "~":
                marker = min(self.markers[a][1] for a in group)
            # "|" separates the parts of position keys, so splits use "@".
            for article in group:
                yield article, f"{person}@{marker}"


_KEPT_CLUSTERS = 50
"""Names of at least this many sightings keep their clusters between builds (fewer are
quicker to cluster again than to keep)."""


class Resolver:
    """Merges entity keys from every article and mints IRIs; ``observe`` all, then ``finish``.

    The rules (docs/resolution.md):

    - outlets are their registered domain; an outlet known only by name joins the
      domain outlet that carries the same name; the most used name is the name,
      the others become ``schema:alternateName``;
    - organizations with the same folded name or alternate name are one; an acronym
      joins the one organization whose name abbreviates to it;
    - people with one identifier (owl:sameAs, from the officeholders table) are one;
    - people are their folded full name (middle initials dropped); the same name is
      split into two people only when the articles give them different roles AND
      different jurisdictions AND share no other entity (a city, an organization);
      articles that give no role join the most reported one;
    - positions are (person, role, jurisdiction), dated by their articles;
    - every entity shows one name and every position one role name, chosen by
      ``kg.casing.display_name`` (a role's over the whole corpus, so that every
      president's position reads "President"); other spellings are alternate names.
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)
        self._aliases: dict[str, str] = {}
        self._split: dict[tuple[str, str], str] = {}
        self._role_names: dict[str, str] = {}
        self._reported: dict[str, tuple[datetime, datetime]] = {}
        self._split_people_keys: set[str] = set()
        self._canonical_keys: dict[str, str] = {}
        self._iris: dict[str, str] = {}
        self._preferred: dict[str, str] = {}
        self._finished = False
        self.observed = Observed()

    @classmethod
    def of(cls, observed: Observed, base: str = DEFAULT_BASE) -> Resolver:
        """A resolver that has observed what ``observed`` sums up (kept by an incremental
        build's store, ``kg.resolution``), ready to ``finish``."""
        resolver = cls(base)
        resolver.observed = observed
        return resolver

    # ------------------------------------------------------------------ observe

    def observe(self, facts: ArticleFacts) -> None:
        """Take note of one article's entities, names, dates and positions."""
        self.observed.add(observation(facts))

    def observe_all(self, items: Iterable[ArticleFacts]) -> None:
        """Observe many articles."""
        for item in items:
            self.observe(item)

    # ------------------------------------------------------------------- finish

    def finish(self) -> None:
        """Decide the merges, splits and preferred names once every article is observed."""
        self._merge_outlets_by_name()
        self._merge_organizations()
        self._merge_identified_people()
        self._split_people()
        merged: dict[str, Counter[str]] = defaultdict(Counter)
        for key, names in sorted(self.observed.names.items()):
            merged[self._aliases.get(key, key)].update(names)
        self._preferred = {
            key: display_name(names, key.partition("/")[0]) for key, names in merged.items()
        }
        self._role_names = {
            folded: display_name(forms, "role") for folded, forms in self.observed.roles.items()
        }
        self._finished = True

    def _merge_outlets_by_name(self) -> None:
        by_name: dict[str, set[str]] = defaultdict(set)
        for key, names in self.observed.names.items():
            if key.startswith("outlet/") and not key.startswith("outlet/name:"):
                for name in names:
                    by_name[fold(name)].add(key)
        for key in sorted(self.observed.names):
            if key.startswith("outlet/name:"):
                owners = by_name.get(key.removeprefix("outlet/name:"), set())
                if len(owners) == 1:
                    self._aliases[key] = next(iter(owners))

    def _merge_organizations(self) -> None:
        all_names = self.observed.names
        keys = sorted(k for k in all_names if k.startswith("organization/"))
        groups = _UnionFind()
        strong: dict[str, set[str]] = defaultdict(set)
        weak: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            groups.find(key)
            names = set(all_names[key]) | set(self.observed.alternate_names.get(key, ()))
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
            canonical = min(members, key=lambda k: (-self.observed.count(k), k))
            for member in members:
                if member != canonical:
                    self._aliases[member] = canonical

    def _merge_identified_people(self) -> None:
        """People with one identifier (owl:sameAs Wikidata, Bioguide) are one person, whatever
        names the articles gave them ("Trump", "Donald Trump"): the most named key stands for
        them all."""
        groups = _UnionFind()
        for _, keys in sorted(self.observed.identified.items()):
            first, *rest = sorted(keys)
            groups.find(first)
            for other in rest:
                groups.union(first, other)
        for members in groups.groups():
            canonical = min(members, key=lambda k: (-self.observed.count(k), -len(k), k))
            for member in members:
                if member != canonical:
                    self._aliases[member] = canonical

    def _split_people(self) -> None:
        observed = self.observed
        # The clusters of a name change only with its sightings: those of the names
        # whose sightings changed since the last finish are made again, or, for a name
        # of many sightings that records only added to, grown by the new ones (clusters
        # are the connected parts of a graph, the same in any order).
        for person in sorted(observed.unsplit):
            observed.splits.pop(person, None)
            sightings: Counter[Sighting] = observed.sightings.get(person, Counter())
            namesakes = observed.namesakes.pop(person, None)
            if namesakes is None or person in observed.shrunk:
                namesakes = _Namesakes()
            for sighting in sorted(s for s in sightings if s not in namesakes.taken):
                namesakes.take(sighting)
            found = tuple(namesakes.splits(person))
            if found:
                observed.splits[person] = found
            if len(sightings) >= _KEPT_CLUSTERS:
                observed.namesakes[person] = namesakes
        observed.unsplit.clear()
        observed.shrunk.clear()
        for person, found in sorted(observed.splits.items()):
            for article, split_key in found:
                self._split[(person, article)] = split_key
                self._split_people_keys.add(person)

    def decisions(self) -> Decisions:
        """The merges, splits and names ``finish`` decided."""
        assert self._finished, "finish first"
        return Decisions(
            dict(self._aliases), dict(self._split), dict(self._preferred), dict(self._role_names)
        )

    # ------------------------------------------------------------------ answers

    @staticmethod
    def _base(key: str) -> str:
        return person_base_key(key) if key.startswith("person/") else key

    def canonical(self, ref: Ref, *, within: Ref | None = None) -> Ref:
        """The key an entity was merged into, as seen from the article ``within``."""
        return Ref(self._canonical_key(ref.key, within))

    def _canonical_key(self, key: str, within: Ref | None) -> str:
        cached = self._canonical_keys.get(key)
        if cached is not None:
            return cached
        base = self._base(key)
        person = base
        if base.startswith("position/"):
            person, _, rest = base.removeprefix("position/").partition("|")
            role, _, jurisdiction = rest.partition("|")
            person = self._base(person)
            if jurisdiction:
                jurisdiction = self._canonical_key(jurisdiction, None)
            canonical = f"position/{self._canonical_key(person, within)}|{role}|{jurisdiction}"
        elif within is not None and (base, within.key) in self._split:
            canonical = self._split[(base, within.key)]
        else:
            canonical = self._aliases.get(base, base)
        # Once resolution is done, a key means the same in every article unless its
        # person was split.
        if self._finished and person not in self._split_people_keys:
            if len(self._canonical_keys) > _CACHE_SIZE:
                self._canonical_keys.clear()
            self._canonical_keys[key] = canonical
        return canonical

    def iri(self, ref: Ref, *, within: Ref | None = None) -> str:
        """The IRI of an entity, minted from its canonical key alone."""
        key = self._canonical_key(ref.key, within)
        found = self._iris.get(key)
        if found is None:
            if len(self._iris) > _CACHE_SIZE:
                self._iris.clear()
            found = self._iris[key] = self._mint(key)
        return found

    def _mint(self, key: str) -> str:
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

    def contributors(self, article: Ref) -> int:
        """How many observed records state something about this article (more than one:
        the same article in two files, or an article others name as related)."""
        return self.observed.contributors[article.key]

    @staticmethod
    def articles_of(facts: ArticleFacts) -> set[Ref]:
        """The articles a record states something about: itself, and those it relates to
        (the article nodes among its facts' subjects and objects)."""
        found = {facts.article}
        for fact in facts.facts:
            if fact.subject.kind == "article":
                found.add(fact.subject)
            if isinstance(fact.object, Ref) and fact.object.kind == "article":
                found.add(fact.object)
        return found

    def rewrite(self, fact: Fact, *, within: Ref) -> list[Fact]:
        """A fact as the merged graph states it: a name or role name other than the one
        shown becomes an alternate name (with the fact's evidence), beside the one shown."""
        predicate = str(fact.predicate)
        if not isinstance(fact.object, str) or predicate not in (_NAME, _ROLE_NAME):
            return [fact]
        if predicate == _ROLE_NAME:
            shown = self._role_names.get(fold(fact.object))
        else:
            canonical = self.canonical(fact.subject, within=within).key
            shown = self._preferred.get(canonical)
            if shown is None and "@" in canonical:  # a person split from namesakes
                base = canonical.partition("@")[0]
                shown = self._preferred.get(self._aliases.get(base, base))
        if shown is None or shown == fact.object:
            return [fact]
        return [
            Fact(fact.subject, fact.predicate, shown),
            replace(fact, predicate=SDO.alternateName),
        ]

    def note_reported(self, fact: Fact, *, within: Ref) -> None:
        """Date a position by an article that reports it (a ``kg:reportedIn`` fact).

        Called as the graph is loaded, once resolution has decided which position
        each article's statement belongs to.
        """
        date = self.observed.date(fact.object.key) if isinstance(fact.object, Ref) else None
        if date is None:
            return
        key = self.canonical(fact.subject, within=within).key
        first, last = self._reported.get(key, (date, date))
        self._reported[key] = (min(first, date), max(last, date))

    def derived_facts(self) -> Iterator[Fact]:
        """Facts about merged entities: when each position was first and last reported."""
        for key, (first, last) in sorted(self._reported.items()):
            yield Fact(Ref(key), KG.firstReported, first)
            yield Fact(Ref(key), KG.lastReported, last)


Sighting = tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]
"""What one record says of a name holding a position there: (article, roles, jurisdictions,
other entities named), the unit people are split by."""


@dataclass(frozen=True)
class Observation:
    """What one record shows the resolver, as pairs that add up (and can be taken back)."""

    articles: tuple[str, ...] = ()
    dates: tuple[tuple[str, datetime], ...] = ()
    names: tuple[tuple[str, str], ...] = ()
    alternate_names: tuple[tuple[str, str], ...] = ()
    identified: tuple[tuple[str, str], ...] = ()
    roles: tuple[tuple[str, str], ...] = ()
    sightings: tuple[tuple[str, Sighting], ...] = ()


def observation(facts: ArticleFacts) -> Observation:
    """One record's entities, names, dates and positions, as the resolver counts them."""
    base = Resolver._base
    dates: set[tuple[str, datetime]] = set()
    names: list[tuple[str, str]] = []
    alternate: set[tuple[str, str]] = set()
    identified: set[tuple[str, str]] = set()
    roles: list[tuple[str, str]] = []
    mentions: dict[str, set[str]] = defaultdict(set)
    drafts: dict[str, _Draft] = defaultdict(_Draft)
    for fact in facts.facts:
        subject, predicate, obj = fact.subject, str(fact.predicate), fact.object
        kind = subject.kind
        if predicate == _DATE_PUBLISHED and kind == "article" and isinstance(obj, datetime):
            dates.add((subject.key, obj))
        elif predicate == _NAME and kind in _NAMED_KINDS and isinstance(obj, str):
            names.append((base(subject.key), obj))
        elif predicate == _ALTERNATE_NAME and isinstance(obj, str):
            alternate.add((subject.key, obj))
        elif predicate == _MENTIONS and isinstance(obj, Ref):
            mentions[subject.key].add(obj.key)
        elif predicate == _SAME_AS and kind == "person" and isinstance(obj, Iri):
            identified.add((obj.value, base(subject.key)))
        elif kind == "position":
            draft = drafts[subject.key]
            if predicate == _HOLDER and isinstance(obj, Ref):
                draft.person = obj.key
            elif predicate == _ROLE_NAME and isinstance(obj, str):
                draft.role = obj
                roles.append((fold(obj), obj))
            elif predicate == _JURISDICTION and isinstance(obj, Ref):
                draft.jurisdiction = obj.key
            elif predicate == _REPORTED_IN and isinstance(obj, Ref):
                draft.articles.add(obj.key)
    # What one source article (a file's record with its related articles) says of each
    # name holding a position there: the unit resolution splits by.
    found: dict[str, tuple[set[str], set[str], set[str]]] = {}
    for draft in drafts.values():
        if not draft.person:
            continue
        role_set, jurisdictions, context = found.setdefault(
            base(draft.person), (set(), set(), set())
        )
        role_set.add(fold(draft.role))
        if draft.jurisdiction:
            jurisdictions.add(draft.jurisdiction)
        for article in draft.articles:
            context.update(k for k in mentions.get(article, ()) if not k.startswith("person/"))
    sightings = tuple(
        (person, (facts.article.key, tuple(sorted(r)), tuple(sorted(j)), tuple(sorted(c))))
        for person, (r, j, c) in sorted(found.items())
    )
    return Observation(
        articles=tuple(sorted(a.key for a in Resolver.articles_of(facts))),
        dates=tuple(sorted(dates)),
        names=tuple(names),
        alternate_names=tuple(sorted(alternate)),
        identified=tuple(sorted(identified)),
        roles=tuple(roles),
        sightings=sightings,
    )


def _count(table: dict[str, Counter[Any]], key: str, value: object, sign: int) -> None:
    """Add ``sign`` to one count, forgetting what falls to zero."""
    counts = table.get(key)
    if counts is None:
        counts = table[key] = Counter()
    counts[value] += sign
    if counts[value] <= 0:
        del counts[value]
        if not counts:
            del table[key]


@dataclass
class Observed:
    """The sum of the records a resolver observed: counts that records add and take back,
    so an incremental build keeps it (``kg.resolution``) instead of observing every record
    again. Every decision ``Resolver.finish`` makes is a function of it alone."""

    names: dict[str, Counter[str]] = field(default_factory=dict)
    alternate_names: dict[str, Counter[str]] = field(default_factory=dict)
    roles: dict[str, Counter[str]] = field(default_factory=dict)
    dates: dict[str, Counter[datetime]] = field(default_factory=dict)
    identified: dict[str, Counter[str]] = field(default_factory=dict)
    sightings: dict[str, Counter[Sighting]] = field(default_factory=dict)
    contributors: Counter[str] = field(default_factory=Counter)
    # What the last finish split each name into, and the names whose sightings changed
    # since: a function of the sightings, kept so a finish clusters the changed ones only.
    splits: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    unsplit: set[str] = field(default_factory=set)
    # The clusters of the names of many sightings, kept to be grown by new sightings, and
    # the names some record took sightings from since the last finish (made again).
    namesakes: dict[str, _Namesakes] = field(default_factory=dict)
    shrunk: set[str] = field(default_factory=set)

    def __setstate__(self, state: dict[str, Any]) -> None:
        # A state kept by a kg before the clusters were kept: none kept yet.
        self.__dict__.update({"namesakes": {}, "shrunk": set(), **state})

    def add(self, seen: Observation, sign: int = 1) -> None:
        """Count one record in (``sign`` 1) or out (-1)."""
        for article in seen.articles:
            self.contributors[article] += sign
            if self.contributors[article] <= 0:
                del self.contributors[article]
        for key, date in seen.dates:
            _count(self.dates, key, date, sign)
        for key, name in seen.names:
            _count(self.names, key, name, sign)
        for key, name in seen.alternate_names:
            _count(self.alternate_names, key, name, sign)
        for iri, key in seen.identified:
            _count(self.identified, iri, key, sign)
        for folded, role in seen.roles:
            _count(self.roles, folded, role, sign)
        for person, sighting in seen.sightings:
            _count(self.sightings, person, sighting, sign)
            self.unsplit.add(person)
            if sign < 0:
                self.shrunk.add(person)

    def count(self, key: str) -> int:
        """How many times records named an entity key."""
        names = self.names.get(key)
        return sum(names.values()) if names else 0

    def date(self, article: str) -> datetime | None:
        """An article's date: the earliest its records give (they may disagree)."""
        dates = self.dates.get(article)
        return min(dates) if dates else None


@dataclass(frozen=True)
class Decisions:
    """What ``Resolver.finish`` decided, kept to tell what the next build changes."""

    aliases: dict[str, str]
    split: dict[tuple[str, str], str]
    preferred: dict[str, str]
    role_names: dict[str, str]


@dataclass
class _Draft:
    """A position as one article states it, gathered from its facts."""

    person: str = ""
    role: str = ""
    jurisdiction: str = ""
    articles: set[str] = field(default_factory=set)


_CACHE_SIZE = 500_000
"""Keys whose canonical form and IRI are remembered (entities, not evidence)."""

_NAMED_KINDS = {"outlet", "organization", "person", "city", "state", "country"}
