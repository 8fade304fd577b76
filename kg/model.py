"""The plain records that flow through a build: articles in, facts out.

Everything here is immutable and picklable, so the per-article work can run in
another process or on another machine (see docs/architecture.md). The records that
builds save and reload by the million pickle as plain constructor calls
(``__reduce__``): frozen slotted dataclasses otherwise unpickle ten times slower.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.errors import InputError


@dataclass(frozen=True, slots=True)
class Provider:
    """The outlet an article record names as its publisher."""

    name: str | None = None
    domain: str | None = None
    country: str | None = None
    """The country the record says the outlet is in (GDELT's ``sourcecountry``)."""


@dataclass(frozen=True, slots=True)
class Image:
    """An image attached to an article."""

    url: str
    width: int | None = None
    height: int | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One normalized news article, as a reader yields it.

    ``source`` is the input path as the build saw it; ``record`` numbers the
    articles inside a multi-record file (JSON Lines), starting at 0. Related
    articles are articles too, carrying the ``source`` of the file that named them.
    ``unused`` names the record's fields that no reader rule read (for the build report).
    """

    source: str
    body: str = ""
    title: str | None = None
    excerpt: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    url: str | None = None
    amp_url: str | None = None
    cdn_amp_url: str | None = None
    original_url: str | None = None
    type: str | None = None
    category: str | None = None
    quality: int | None = None
    language: str | None = None
    provider: Provider | None = None
    authors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    related: tuple[Article, ...] = ()
    record: int = 0
    line: int | None = None
    problems: tuple[str, ...] = ()
    unused: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        """A quick word count of the article's text, for throughput figures."""
        return sum(len(text.split()) for text in (self.title, self.excerpt, self.body) if text)


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to an entity by its canonical key (``kind/value``), resolved to an IRI later."""

    key: str

    def __reduce__(self) -> tuple[type[Ref], tuple[str]]:
        return Ref, (self.key,)

    @property
    def kind(self) -> str:
        """The entity kind, the part of the key before the first slash."""
        return self.key.split("/", 1)[0]


@dataclass(frozen=True, slots=True)
class Iri:
    """An external IRI (a web page, an image, a GeoNames feature), already cleaned."""

    value: str

    def __reduce__(self) -> tuple[type[Iri], tuple[str]]:
        return Iri, (self.value,)


@dataclass(frozen=True, slots=True)
class LangString:
    """A literal with a language tag."""

    text: str
    lang: str

    def __reduce__(self) -> tuple[type[LangString], tuple[str, str]]:
        return LangString, (self.text, self.lang)


Literal = str | int | float | bool | datetime | LangString
"""Python values that become typed RDF literals."""

Object = Ref | Iri | Literal


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the article a fact was found, and by which extractor."""

    extractor: str
    field: str
    start: int
    end: int
    sentence: str
    inferred: bool = False

    def __reduce__(self) -> tuple[type[Evidence], tuple[str, str, int, int, str, bool]]:
        return Evidence, (
            self.extractor,
            self.field,
            self.start,
            self.end,
            self.sentence,
            self.inferred,
        )


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement about an entity: ``subject predicate object``.

    ``predicate`` is a full IRI string taken from a vocabulary namespace
    (``kg.vocab``), never typed by hand.
    """

    subject: Ref
    predicate: str
    object: Object
    evidence: Evidence | None = None

    def __reduce__(self) -> tuple[type[Fact], tuple[Ref, str, Object, Evidence | None]]:
        return Fact, (self.subject, self.predicate, self.object, self.evidence)


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """All that the extractors found in one article record."""

    source: str
    article: Ref
    facts: tuple[Fact, ...]
    problems: tuple[str, ...] = ()
    words: int = 0


@dataclass(slots=True)
class Skipped:
    """An input that produced no article, with the reason (and, for an internal error,
    the traceback a developer needs)."""

    location: str
    reason: str
    detail: str | None = None


@dataclass(slots=True)
class BuildReport:
    """What a build read, skipped and produced."""

    files: int = 0
    records: int = 0
    words: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unused_fields: dict[str, int] = field(default_factory=dict)
    """Record fields no reader rule read -> the number of files that had them."""
    counts: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    reused: int = 0
    pruned: int = 0
    outputs: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class FileResult:
    """What one input file (or part ``part`` of the ``parts`` it is read as) gave: its
    articles' facts, the problems met, the time each step took. A build's stores keep
    these (``kg.factstore``); older stores pickled them as ``kg.builder.FileResult``,
    which still names this class."""

    source: str
    facts: list[ArticleFacts] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    unused_fields: list[str] = field(default_factory=list)
    read_seconds: float = 0.0
    extract_seconds: float = 0.0
    part: int = 0
    parts: int = 1
