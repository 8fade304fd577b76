"""What resolution needs, kept in an incremental build's store, so that a build with N new or
changed files on a store of M files costs in proportion to N (issue #17).

Resolution is a reduce: ``kg.resolve.Observed`` sums what every record shows the resolver
(names and their counts, identifiers, dates, the sightings people are split by), and every
decision ``Resolver.finish`` makes is a function of that sum alone. The store keeps, beside
the graph digests of ``kg.delta`` and in the same SQLite database (``graphs.sqlite``, one
transaction per build):

- ``resolution-G.pickle``: the sum (generation G, named in the database), and the decisions
  of the last build (aliases, splits, names shown), one pickle for the whole store;
- ``state_files``: each source's version (content hash, facts file, parts) and words;
- ``state_records``: each record (source, part, index), its ``Observation`` (what it added
  to the sum, to take it back), its entity statements by graph, its statements about
  articles and its evidence records as the dataset takes them
  (``kg.dataset.Dataset.add_record``), and the articles it states something about
  (zlib-compressed);
- ``state_parts``: what each saved file or part reports beside its facts (its errors, its
  unused fields, each record's words and problems), for the build report;
- ``state_tokens``: the keys each record's IRIs and names depend on (entity keys, role
  names), so a changed decision finds the records it rewrites;
- ``state_article_graphs``: the article graphs each record writes to;
- ``state_lines``: every entity graph's distinct statements, with how many records make
  each (a line leaves its graph when no record makes it any more);
- ``state_reported``, ``state_derived``: the articles that report each position, and the
  dates derived from them.

A build takes back the observations of removed and changed files, adds those of new ones,
finishes resolution on the sum (in memory, no record read), and compares the decisions with
the last build's: the records whose keys' merges, splits or names changed are made again
with the new ones, and so are the other records of the article graphs they write to. The
graphs whose statements may have changed are then those records' article graphs and the
entity graphs one of whose lines came or went: ``changed`` gives them, whole, for the delta
(``kg.delta.GraphDigests.update``). Entity IRIs are minted from keys alone, so they stay
the same unless new evidence merges or splits an entity: then the old IRI's graph loses
its statements and is in the delta's ``removed.txt``, and the graphs that named it are
rewritten (docs/scale.md).

A build with exports makes the whole dataset from the kept statements (``rebuild``), in
source order, without reading a facts file or making a statement again: the records the
update made again hold their new statements, and the others' are unchanged.
"""

from __future__ import annotations

import logging
import pickle
import sqlite3
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from kg.atomic import atomic_write
from kg.dataset import Dataset
from kg.factstore import FactsStore
from kg.graph import KnowledgeGraph, QuadMaker
from kg.graphnames import GraphNames
from kg.model import ArticleFacts, FileResult, Ref
from kg.namespaces import SDO
from kg.resolve import (
    _NAMED_KINDS,
    _REPORTED_IN,
    Decisions,
    Observation,
    Observed,
    Resolver,
    observation,
    person_base_key,
)
from kg.text import fold

T = TypeVar("T")
log = logging.getLogger(__name__)
FORMAT = 2
PICKLE = "resolution-{}.pickle"
_ROLE_NAME = str(SDO.roleName)

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS state_files "
    "(file TEXT PRIMARY KEY, version TEXT, words INTEGER) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS state_records (id INTEGER PRIMARY KEY, file TEXT, "
    "part INTEGER, idx INTEGER, graph TEXT, observation BLOB, lines BLOB, made BLOB, "
    "articles TEXT)",
    "CREATE INDEX IF NOT EXISTS state_records_order ON state_records (file, part, idx)",
    "CREATE TABLE IF NOT EXISTS state_parts "
    "(file TEXT, part INTEGER, summary BLOB, PRIMARY KEY (file, part)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS state_tokens "
    "(token TEXT, record INTEGER, PRIMARY KEY (token, record)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS state_tokens_record ON state_tokens (record)",
    "CREATE TABLE IF NOT EXISTS state_article_graphs "
    "(graph TEXT, record INTEGER, PRIMARY KEY (graph, record)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS state_article_graphs_record ON state_article_graphs (record)",
    "CREATE TABLE IF NOT EXISTS state_lines "
    "(graph TEXT, line TEXT, count INTEGER, PRIMARY KEY (graph, line)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS state_reported (position TEXT, article TEXT, record INTEGER)",
    "CREATE INDEX IF NOT EXISTS state_reported_position ON state_reported (position)",
    "CREATE INDEX IF NOT EXISTS state_reported_article ON state_reported (article)",
    "CREATE INDEX IF NOT EXISTS state_reported_record ON state_reported (record)",
    "CREATE TABLE IF NOT EXISTS state_derived "
    "(position TEXT PRIMARY KEY, graph TEXT, lines TEXT) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS state_derived_graph ON state_derived (graph)",
)
TABLES = (
    "state_files",
    "state_records",
    "state_parts",
    "state_tokens",
    "state_article_graphs",
    "state_lines",
    "state_reported",
    "state_derived",
)


@dataclass
class Held:
    """The pickled part of the state: the sum of observations and the last decisions."""

    observed: Observed = field(default_factory=Observed)
    decisions: Decisions | None = None


@dataclass
class _Made:
    """One record made into statements: its graph, article graphs' lines and entity lines,
    its statements about articles (``homed``) and its evidence records (``own``)."""

    graph: str
    articles: dict[str, set[str]]
    entities: dict[str, set[str]]
    reported: set[tuple[str, str]]
    homed: list[str]
    own: list[str]


@dataclass(frozen=True)
class Kept:
    """One record as a full build's dataset takes it, read from the state: its article
    graph, its statements about articles (its entity statements are in ``state_lines``,
    once for all records), its evidence records, and the articles it states something
    about."""

    graph: str
    statements: list[str]
    own: list[str]
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    """What one saved file or part reports beside its facts: the result without its facts,
    and each record's words and problems."""

    result: FileResult
    records: tuple[tuple[int, tuple[str, ...]], ...]


def summary(result: FileResult) -> Summary:
    """A file's or part's report, for a build that does not read its facts."""
    records = tuple((facts.words, tuple(facts.problems)) for facts in result.facts)
    return Summary(replace(result, facts=[]), records)


def tokens_of(facts: ArticleFacts) -> set[str]:
    """The keys a record's IRIs and shown names depend on: its entities' keys (people
    without middle initials; a position's person and jurisdiction) and its role names."""
    found: set[str] = set()
    for fact in facts.facts:
        for ref in (fact.subject, fact.object):
            if not isinstance(ref, Ref):
                continue
            kind = ref.kind
            if kind in _NAMED_KINDS:
                found.add(person_base_key(ref.key) if kind == "person" else ref.key)
            elif kind == "position":
                person, _, rest = ref.key.removeprefix("position/").partition("|")
                jurisdiction = rest.partition("|")[2]
                found.add(person_base_key(person))
                if jurisdiction:
                    found.add(jurisdiction)
        if str(fact.predicate) == _ROLE_NAME and isinstance(fact.object, str):
            found.add(f"role:{fold(fact.object)}")
    return found


def changed_tokens(old: Decisions, new: Decisions) -> set[str]:
    """The tokens (``tokens_of``) whose meaning differs between two builds' decisions."""
    found = {
        k
        for k in old.aliases.keys() | new.aliases.keys()
        if old.aliases.get(k) != new.aliases.get(k)
    }
    before: dict[str, dict[str, str]] = defaultdict(dict)
    after: dict[str, dict[str, str]] = defaultdict(dict)
    for (person, article), key in old.split.items():
        before[person][article] = key
    for (person, article), key in new.split.items():
        after[person][article] = key
    found.update(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    renamed = {
        k
        for k in old.preferred.keys() | new.preferred.keys()
        if old.preferred.get(k) != new.preferred.get(k)
    }
    found.update(renamed)
    for aliases in (old.aliases, new.aliases):
        found.update(k for k, canonical in aliases.items() if canonical in renamed)
    found.update(
        f"role:{f}"
        for f in old.role_names.keys() | new.role_names.keys()
        if old.role_names.get(f) != new.role_names.get(f)
    )
    return found


def _pack(value: object) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def _pack_lines(statements: list[str], own: list[str]) -> bytes:
    """A record's statements and evidence records: N-Triples lines hold no line break."""
    text = "\n".join([str(len(statements)), *statements, *own])
    return zlib.compress(text.encode("utf-8"), 1)


def _unpack_lines(blob: bytes) -> tuple[list[str], list[str]]:
    count, *lines = zlib.decompress(blob).decode("utf-8").split("\n")
    cut = int(count)
    return lines[:cut], lines[cut:]


def _unpack(blob: bytes) -> object:
    return pickle.loads(zlib.decompress(blob))


class ResolutionState:
    """The resolution state of one store, in the digests' database (see the module)."""

    def __init__(self, db: sqlite3.Connection, folder: Path, *, key: str) -> None:
        """``key`` names what the state was made by (extraction code and base IRI): a state
        made otherwise is dropped and made again."""
        self.db = db
        self.folder = folder
        self.key = key
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        if not meta.get("state_key", f"{FORMAT} ").startswith(f"{FORMAT} "):
            # A state of an earlier format: made again, from every saved file's facts, by
            # this build (its tables may lack columns).
            log.info("%s: resolution state of an earlier kg, made again", folder)
            for table in TABLES:
                db.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in SCHEMA:
            db.execute(statement)
        self.generation = int(meta.get("state_generation", "0"))
        self.held: Held | None = None
        if meta.get("state_key") == f"{FORMAT} {key}" and self.generation:
            try:
                with (folder / PICKLE.format(self.generation)).open("rb") as stream:
                    held = pickle.load(stream)
                if isinstance(held, Held):
                    self.held = held
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                self.held = None

    @property
    def valid(self) -> bool:
        """Whether the store holds a state this build can update (else ``reset``)."""
        return self.held is not None and self.held.decisions is not None

    # ------------------------------------------------------------------ making anew

    def reset(self) -> None:
        """Forget the state: the build records every record (``record``). Run in the build's
        transaction."""
        for table in TABLES:
            self.db.execute(f"DELETE FROM {table}")
        self.held = Held()

    def record(
        self, facts_store: FactsStore, resolver: Resolver
    ) -> tuple[Iterator[ArticleFacts], _Recorder]:
        """Every saved record, for ``KnowledgeGraph.from_facts``, and the callback that
        records each as it is made (after ``reset``; ``resolver`` has observed them all)."""
        recorder = _Recorder(self, facts_store, resolver)
        return recorder.records(), recorder

    def recorded(self, resolver: Resolver) -> None:
        """Once every record is recorded: keep the resolver's sum and decisions, and date
        the positions."""
        self.held = Held(resolver.observed, resolver.decisions())
        positions = {p for (p,) in self.db.execute("SELECT DISTINCT position FROM state_reported")}
        self._derive(QuadMaker(resolver), resolver, positions)

    def keep_record(self, file: str, part: int, index: int, seen: Observation) -> int:
        """Keep one record's observation; its row id."""
        rid = self.db.execute(
            "INSERT INTO state_records (file, part, idx, observation, articles) "
            "VALUES (?, ?, ?, ?, ?)",
            (file, part, index, _pack(seen), "\n".join(seen.articles)),
        ).lastrowid
        assert rid is not None
        return rid

    def keep_part(self, result: FileResult) -> None:
        """Keep what a saved file or part reports beside its facts (``Summary``)."""
        self.db.execute(
            "INSERT OR REPLACE INTO state_parts VALUES (?, ?, ?)",
            (result.source, result.part, _pack(summary(result))),
        )

    # ------------------------------------------------------------------ reading back

    def kept(self) -> Iterator[Kept]:
        """Every record's statements as a full build's dataset takes them, in source order
        (file, part, record), as ``FactsStore.results`` gives the records."""
        rows = self.db.execute(
            "SELECT graph, made, articles FROM state_records ORDER BY file, part, idx"
        )
        for graph, made, articles in rows:
            statements, own = _unpack_lines(made)
            yield Kept(graph, statements, own, tuple(articles.split("\n")) if articles else ())

    def summaries(self, *, excluding: set[str]) -> Iterator[Summary]:
        """What each saved file or part reports (but those of ``excluding``), in source order."""
        for file, blob in self.db.execute(
            "SELECT file, summary FROM state_parts ORDER BY file, part"
        ):
            if file not in excluding:
                found: Summary = _unpack(blob)  # type: ignore[assignment]
                yield found

    # ------------------------------------------------------------------ updating

    def update(
        self, facts_store: FactsStore, base: str
    ) -> tuple[Resolver, Iterator[tuple[str, list[bytes]]]]:
        """Bring the state to the store's files: the finished resolver, and the graphs
        whose statements may have changed (``kg.delta.GraphDigests.update``)."""
        assert self.held is not None and self.held.decisions is not None
        db = self.db
        observed = self.held.observed
        current = facts_store.versions()
        held = dict(db.execute("SELECT file, version FROM state_files").fetchall())
        gone_files = sorted(f for f, v in held.items() if current.get(f) != v)
        fresh_files = sorted(f for f, v in current.items() if held.get(f) != v)

        dated: dict[str, datetime | None] = {}
        gone: dict[int, _Old] = {}
        for file in gone_files:
            rows = db.execute(
                "SELECT id, graph, observation, lines FROM state_records WHERE file = ?", (file,)
            ).fetchall()
            for rid, graph, blob, lines in rows:
                seen: Observation = _unpack(blob)  # type: ignore[assignment]
                for key, _ in seen.dates:
                    dated.setdefault(key, observed.date(key))
                observed.add(seen, -1)
                gone[rid] = _Old(graph, _unpack(lines))  # type: ignore[arg-type]
            db.execute("DELETE FROM state_files WHERE file = ?", (file,))
            db.execute("DELETE FROM state_parts WHERE file = ?", (file,))
        fresh: dict[int, ArticleFacts] = {}
        for file in fresh_files:
            words = 0
            for result in facts_store.saved(file):
                self.keep_part(result)
                for index, facts in enumerate(result.facts):
                    seen = observation(facts)
                    for key, _ in seen.dates:
                        dated.setdefault(key, observed.date(key))
                    observed.add(seen)
                    words += facts.words
                    fresh[self.keep_record(file, result.part, index, seen)] = facts
            db.execute("INSERT INTO state_files VALUES (?, ?, ?)", (file, current[file], words))

        resolver = Resolver.of(observed, base)
        resolver.finish()
        decisions = resolver.decisions()
        tokens = changed_tokens(self.held.decisions, decisions)
        self.held.decisions = decisions
        redated = {key for key, date in dated.items() if observed.date(key) != date}
        return resolver, self._changes(resolver, facts_store, gone, fresh, tokens, redated)

    def _changes(
        self,
        resolver: Resolver,
        facts_store: FactsStore,
        gone: dict[int, _Old],
        fresh: dict[int, ArticleFacts],
        tokens: set[str],
        redated: set[str],
    ) -> Iterator[tuple[str, list[bytes]]]:
        """Update the state's records and lines now; the graphs that may have changed, as
        they are read."""
        made, changed_articles, touched_entities = self._update_records(
            resolver, facts_store, gone, fresh, tokens, redated
        )
        return self._graphs(made, changed_articles, touched_entities)

    def _update_records(
        self,
        resolver: Resolver,
        facts_store: FactsStore,
        gone: dict[int, _Old],
        fresh: dict[int, ArticleFacts],
        tokens: set[str],
        redated: set[str],
    ) -> tuple[dict[int, _Made], set[str], set[str]]:
        db = self.db
        maker = QuadMaker(resolver)
        names = maker.graph_names
        # The records whose statements may change: new ones, and those naming a key whose
        # merge, split or shown name changed.
        redo = _records(db, "SELECT DISTINCT record FROM state_tokens WHERE token IN", tokens)
        redo -= gone.keys()
        old = {rid: self._old(rid) for rid in sorted(redo)}
        changed_articles: set[str] = set()
        positions: set[str] = set()
        for rid in gone:
            changed_articles.update(self._forget(rid, gone[rid], positions))
        for rid, before in old.items():
            changed_articles.update(self._forget(rid, before, positions))
        made: dict[int, _Made] = {}
        facts_of = dict(fresh)
        facts_of.update(self._facts(facts_store, redo))
        touched_entities: set[str] = set()
        for rid in sorted(facts_of):
            facts = facts_of[rid]
            item = made[rid] = _make(maker, names, resolver, facts)
            self._remember(rid, facts, item, touched_entities, positions)
            changed_articles.update(item.articles)
        for before in (*gone.values(), *old.values()):
            touched_entities.update(before.entities)
        # Every record of a changed article graph is needed to write it whole.
        others = _records(
            db, "SELECT record FROM state_article_graphs WHERE graph IN", changed_articles
        )
        for rid, facts in self._facts(facts_store, others - made.keys()).items():
            made[rid] = _make(maker, names, resolver, facts)
        # Positions dated by an article whose date changed.
        for chunk in _chunks(sorted(redated)):
            marks = ",".join("?" * len(chunk))
            positions.update(
                p
                for (p,) in db.execute(
                    f"SELECT position FROM state_reported WHERE article IN ({marks})", chunk
                )
            )
        touched_entities.update(self._derive(maker, resolver, positions))
        return made, changed_articles, touched_entities

    def _graphs(
        self, made: dict[int, _Made], changed_articles: set[str], touched_entities: set[str]
    ) -> Iterator[tuple[str, list[bytes]]]:
        db = self.db
        for graph in sorted(changed_articles):
            lines: set[str] = set()
            for item in made.values():
                lines.update(item.articles.get(graph, ()))
            yield graph[1:-1], _quads(graph, lines)
        for graph in sorted(touched_entities - changed_articles):
            rows = db.execute("SELECT line FROM state_lines WHERE graph = ?", (graph,))
            lines = {line for (line,) in rows}
            for (text,) in db.execute("SELECT lines FROM state_derived WHERE graph = ?", (graph,)):
                lines.update(text.splitlines())
            yield graph[1:-1], _quads(graph, lines)

    def _old(self, rid: int) -> _Old:
        graph, lines = self.db.execute(
            "SELECT graph, lines FROM state_records WHERE id = ?", (rid,)
        ).fetchone()
        entities = _unpack(lines) if lines is not None else {}
        return _Old(graph, entities, gone=False)  # type: ignore[arg-type]

    def _forget(self, rid: int, before: _Old, positions: set[str]) -> set[str]:
        """Take a record's statements out of the state; the article graphs it wrote to."""
        db = self.db
        for graph, lines in before.entities.items():
            pairs = [(graph, line) for line in lines]
            db.executemany(
                "UPDATE state_lines SET count = count - 1 WHERE graph = ? AND line = ?", pairs
            )
            db.executemany(
                "DELETE FROM state_lines WHERE graph = ? AND line = ? AND count <= 0", pairs
            )
        articles = {
            g
            for (g,) in db.execute(
                "SELECT graph FROM state_article_graphs WHERE record = ?", (rid,)
            )
        }
        positions.update(
            p for (p,) in db.execute("SELECT position FROM state_reported WHERE record = ?", (rid,))
        )
        for table in ("state_tokens", "state_article_graphs", "state_reported"):
            db.execute(f"DELETE FROM {table} WHERE record = ?", (rid,))
        if before.gone:
            db.execute("DELETE FROM state_records WHERE id = ?", (rid,))
        return articles

    def _remember(
        self,
        rid: int,
        facts: ArticleFacts,
        item: _Made,
        touched: set[str],
        positions: set[str],
    ) -> None:
        """Put a record's statements into the state."""
        db = self.db
        entities = {graph: sorted(lines) for graph, lines in item.entities.items()}
        for graph, lines in entities.items():
            db.executemany(
                "INSERT INTO state_lines VALUES (?, ?, 1) "
                "ON CONFLICT (graph, line) DO UPDATE SET count = count + 1",
                ((graph, line) for line in lines),
            )
        touched.update(entities)
        db.execute(
            "UPDATE state_records SET graph = ?, lines = ?, made = ? WHERE id = ?",
            (item.graph, _pack(entities), _pack_lines(item.homed, item.own), rid),
        )
        db.executemany(
            "INSERT OR IGNORE INTO state_tokens VALUES (?, ?)",
            ((token, rid) for token in sorted(tokens_of(facts))),
        )
        db.executemany(
            "INSERT OR IGNORE INTO state_article_graphs VALUES (?, ?)",
            ((graph, rid) for graph in sorted(item.articles)),
        )
        db.executemany(
            "INSERT INTO state_reported VALUES (?, ?, ?)",
            ((p, a, rid) for p, a in sorted(item.reported)),
        )
        positions.update(p for p, _ in item.reported)

    def _facts(self, facts_store: FactsStore, records: Iterable[int]) -> dict[int, ArticleFacts]:
        """Saved records' facts, each file part read once."""
        wanted: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
        for chunk in _chunks(sorted(records)):
            marks = ",".join("?" * len(chunk))
            for rid, file, part, index in self.db.execute(
                f"SELECT id, file, part, idx FROM state_records WHERE id IN ({marks})", chunk
            ):
                wanted[(file, part)].append((rid, index))
        found = {}
        for (file, part), items in sorted(wanted.items()):
            result = facts_store.part(file, part)
            for rid, index in items:
                found[rid] = result.facts[index]
        return found

    def _derive(self, maker: QuadMaker, resolver: Resolver, positions: set[str]) -> set[str]:
        """Date the positions again (first and last reported); the graphs that changed."""
        db = self.db
        touched: set[str] = set()
        for position in sorted(positions):
            dates = [
                date
                for (article,) in db.execute(
                    "SELECT article FROM state_reported WHERE position = ?", (position,)
                )
                if (date := resolver.observed.date(article)) is not None
            ]
            row = db.execute(
                "SELECT graph, lines FROM state_derived WHERE position = ?", (position,)
            ).fetchone()
            new = None
            if dates:
                resolver._reported = {position: (min(dates), max(dates))}
                lines = "".join(f"{line}\n" for line in sorted(maker.derived_statements()))
                graph = maker.graph_names.graph_of(maker.iri(resolver.iri(Ref(position))))
                new = (graph, lines)
            if row == new:
                continue
            if new is not None:
                db.execute(
                    "INSERT OR REPLACE INTO state_derived VALUES (?, ?, ?)", (position, *new)
                )
                touched.add(new[0])
            else:
                db.execute("DELETE FROM state_derived WHERE position = ?", (position,))
            if row is not None:
                touched.add(row[0])
        resolver._reported = {}
        return touched

    def rebuild(
        self,
        resolver: Resolver,
        *,
        within: Path | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> KnowledgeGraph:
        """The whole dataset, made from the kept statements (``kept``) and the positions'
        dates: what ``KnowledgeGraph.from_facts`` makes of every saved record, without
        reading their facts (``resolver`` is the updated state's, ``update``).
        ``progress`` is told how many records are in, every thousand."""
        maker = QuadMaker(resolver)
        names = maker.graph_names
        # The article graphs several records write to are merged before they are written.
        shared = {key for key, count in resolver.observed.contributors.items() if count > 1}
        dataset = Dataset(within, graph_names=names)
        try:
            for done, record in enumerate(self.kept(), start=1):
                dataset.add_record(
                    record.graph,
                    record.statements,
                    own=record.own,
                    shared=frozenset(
                        names.graph_of(maker.iri(resolver.iri(Ref(article))))
                        for article in record.articles
                        if article in shared
                    ),
                )
                if progress is not None and done % 1000 == 0:
                    progress(done)
            # Every record's entity statements, once: the distinct lines of every entity
            # graph (the dataset sorts the union), and the positions' dates.
            lines = self.db.execute("SELECT line FROM state_lines")
            dataset.add_entity_statements(line for (line,) in lines)
            derived = self.db.execute("SELECT lines FROM state_derived")
            dataset.add_entity_statements(
                line for (text,) in derived.fetchall() for line in text.splitlines()
            )
            dataset.finish()
        except BaseException:
            dataset.close()
            raise
        return KnowledgeGraph(base=resolver.base, dataset=dataset)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Write the pickled part under a new generation and name it in the database (the
        build's transaction commits both; ``clean`` then removes the old one)."""
        assert self.held is not None
        generation = self.generation + 1
        data = pickle.dumps(self.held, protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write(self.folder / PICKLE.format(generation), data, durable=False)
        self.db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('state_generation', ?), ('state_key', ?)",
            (str(generation), f"{FORMAT} {self.key}"),
        )
        self.generation = generation

    def clean(self) -> None:
        """Remove the pickles of other generations (after the commit)."""
        keep = PICKLE.format(self.generation)
        for path in self.folder.glob(PICKLE.format("*")):
            if path.name != keep:
                path.unlink(missing_ok=True)

    def words(self) -> int:
        """The words of every record the state holds."""
        return int(self.db.execute("SELECT COALESCE(SUM(words), 0) FROM state_files").fetchone()[0])

    def records(self) -> int:
        """How many records the state holds."""
        return int(self.db.execute("SELECT COUNT(*) FROM state_records").fetchone()[0])


@dataclass
class _Old:
    """What the state held of a record: its graph and its entity lines by graph."""

    graph: str
    entities: dict[str, list[str]]
    gone: bool = True


class _Recorder:
    """Records every record of a full build as ``KnowledgeGraph.from_facts`` makes it."""

    def __init__(self, state: ResolutionState, facts_store: FactsStore, resolver: Resolver) -> None:
        self.state = state
        self.facts_store = facts_store
        self.resolver = resolver
        self.names = GraphNames(resolver.base)
        self.current = 0

    def records(self) -> Iterator[ArticleFacts]:
        db = self.state.db
        versions = self.facts_store.versions()
        for file in sorted(self.facts_store.entries):
            words = 0
            for result in self.facts_store.saved(file):
                self.state.keep_part(result)
                for index, facts in enumerate(result.facts):
                    seen = observation(facts)
                    words += facts.words
                    self.current = self.state.keep_record(file, result.part, index, seen)
                    yield facts
            db.execute("INSERT INTO state_files VALUES (?, ?, ?)", (file, versions[file], words))

    def __call__(
        self, facts: ArticleFacts, graph: str, statements: list[str], own: list[str]
    ) -> None:
        within = facts.article
        reported = {
            (self.resolver.canonical(Ref(p), within=within).key, a) for p, a in _reported(facts)
        }
        item = _split(self.names, graph, statements, own, reported)
        self.state._remember(self.current, facts, item, set(), set())


def _reported(facts: ArticleFacts) -> set[tuple[str, str]]:
    """(position key, article key) of each ``kg:reportedIn`` fact, before resolution."""
    return {
        (fact.subject.key, fact.object.key)
        for fact in facts.facts
        if str(fact.predicate) == _REPORTED_IN and isinstance(fact.object, Ref)
    }


def _make(maker: QuadMaker, names: GraphNames, resolver: Resolver, facts: ArticleFacts) -> _Made:
    statements, own = maker.statements(facts)
    reported = {
        (resolver.canonical(Ref(p), within=facts.article).key, a) for p, a in _reported(facts)
    }
    return _split(names, maker.graph_name(facts), statements, own, reported)


def _split(
    names: GraphNames,
    graph: str,
    statements: list[str],
    own: list[str],
    reported: set[tuple[str, str]],
) -> _Made:
    """A record's statements by graph, as ``kg.dataset.Dataset.add_record`` places them."""
    articles: dict[str, set[str]] = {graph: set(own)}
    entities: dict[str, set[str]] = {}
    homed = []
    for statement in statements:
        home = names.article_graph(statement)
        if home is None:
            entities.setdefault(names.graph_of(statement.partition(" ")[0]), set()).add(statement)
        else:
            articles.setdefault(home, set()).add(statement)
            homed.append(statement)
    return _Made(graph, articles, entities, reported, homed, own)


def _quads(graph: str, lines: Iterable[str]) -> list[bytes]:
    return [f"{line} {graph} .\n".encode() for line in sorted(lines)]


def _records(db: sqlite3.Connection, query: str, values: Iterable[str]) -> set[int]:
    """The record ids ``query`` (ending in ``IN``) finds for any of ``values``, asked in
    chunks that keep under SQLite's limit of bound parameters."""
    found: set[int] = set()
    for chunk in _chunks(sorted(values)):
        marks = ",".join("?" * len(chunk))
        found.update(record for (record,) in db.execute(f"{query} ({marks})", chunk))
    return found


def _chunks(items: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """Runs of at most ``size`` items (SQLite takes a bounded number of parameters)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
