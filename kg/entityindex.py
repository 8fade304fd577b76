"""The entity index: what `kg serve`'s pages show, in SQLite beside the query store.

An entity page joins the entity with every article that names it; from the query
store's on-disk indexes that took seconds a page at 10,000 articles. The entity index
holds the export's triples with integer term ids in SQLite (stdlib), indexed by
subject and by (predicate, object); the tables that grow with the articles (an
entity's articles, evidence, quotes, officials, an outlet's articles and citations)
made for every entity at once, numbered in their query's order, so a page reads 50
rows by position; the home page's lists and the names to search. The short tables
(facts, offices, an article's contents) are joined when asked. Each table answers what
its shipped query in ``kg/queries/entity/`` answers over the store (the same rows, in
the query's order; all of them, where the query stops at 500), which the tests check.

It lives beside the store it belongs to, named by the same fingerprint
(``.kg-query-store/NAME-FINGERPRINT.index``), and has the same life: made in a
temporary file under the store folder's exclusive lock, renamed into place when
complete, never written again, removed when the export changes and no reader holds
it. It is made in one streaming pass over the export (a line parser for N-Quads and
N-Triples, pyoxigraph's parser for other formats) when `kg serve` first starts on a
build, not by `kg query`, which does not need it.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, StorageError
from kg.locking import Waiting, folder_lock, in_use
from kg.querystore import INDEX_SUFFIX, StoreBuild, fingerprint
from kg.rdffiles import rdf_file

log = logging.getLogger(__name__)

SUFFIX = INDEX_SUFFIX
"""An index's file is its store's folder name with this suffix."""

_FORMAT = "3"  # bump when the tables change: an index of another format is made again
_BATCH = 50_000
_CHUNK = 5_000  # ids a lookup asks for at once (SQLite takes up to 32,766 parameters)
_PROGRESS_LINES = 2_000_000

SCHEMA = "https://schema.org/"
KG = "https://kg.example/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = RDF + "type"

Term = tuple[str, str] | None
"""A value as the pages take it: (``iri`` | ``literal`` | ``blank``, text); None if unbound."""

Progress = Callable[[str], None]

_KINDS = ("iri", "blank", "literal")
_NUMERIC = {
    XSD + name
    for name in (
        *("integer", "decimal", "double", "float", "int", "long", "short", "byte"),
        *("nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger"),
        *("unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"),
    )
}
_LINKS = (SCHEMA + "mentions", SCHEMA + "citation", SCHEMA + "about")
_FACTS_LEFT_OUT = (*_LINKS, KG + "holdsPosition")


@dataclass(frozen=True)
class Table:
    """A SELECT's variables and rows, values as ``Term`` (a page table's rows)."""

    variables: list[str]
    rows: list[list[Term]] = field(default_factory=list)


@dataclass(frozen=True)
class Slice:
    """One page of a table: its rows, where they start, and how many rows there are in all."""

    table: Table
    offset: int
    total: int


# -- building ----------------------------------------------------------------------------


def index_path(build: StoreBuild) -> Path:
    """Where the entity index of a query store lives: beside the store, same fingerprint."""
    return build.location.with_name(build.location.name + SUFFIX)


def ensure_index(
    build: StoreBuild,
    *,
    wait: bool = True,
    waiting: Waiting | None = None,
) -> tuple[Path, float | None]:
    """The entity index of the store ``build``, made first if missing.

    Returns its path and the seconds its making took (None when it was there).
    ``waiting`` is told when this waits for another process and how the making goes.
    Raises LockedError when another process holds the store folder and ``wait`` is false.
    """
    target = index_path(build)
    if target.is_file():
        return target, None
    root = target.parent
    try:
        with folder_lock(root, wait=wait, waiting=waiting):
            if target.is_file():  # another process made it while we waited
                return target, None
            # The export may have changed since the store was made: index what the
            # store holds or nothing (the fingerprint names both).
            if fingerprint(build.source) not in build.location.name:
                raise StorageError(f"{build.source} changed while kg serve started; start it again")
            started = time.perf_counter()
            _make(build.source, target, waiting)
            seconds = time.perf_counter() - started
            _remove_stale(root, build.source.name, keep=target)
    except PermissionError as error:
        raise StorageError(f"{root}: cannot write the entity index: {error}") from error
    log.info("made the entity index %s in %.1f s", target, seconds)
    return target, seconds


def _remove_stale(root: Path, name: str, *, keep: Path) -> None:
    """Remove the indexes of older versions of ``name`` that no reader holds, and the
    temporary files of killed makings (we hold the folder's lock)."""
    for path in root.iterdir():
        if path == keep or not path.is_file() or not path.name.endswith(SUFFIX):
            continue
        leftover = path.name.startswith(f"tmp-{name}-")
        if leftover or (path.name.startswith(f"{name}-") and not in_use(path)):
            path.unlink(missing_ok=True)


def _make(source: Path, target: Path, progress: Progress | None) -> None:
    """Write the index of ``source`` to a temporary file, then rename it to ``target``."""
    temporary = target.with_name(f"tmp-{target.name.removesuffix(SUFFIX)}-{os.getpid()}{SUFFIX}")
    temporary.unlink(missing_ok=True)
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            _fill(connection, source, progress)
        finally:
            connection.close()
        temporary.chmod(0o644)
        temporary.rename(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _fill(connection: sqlite3.Connection, source: Path, progress: Progress | None) -> None:
    # A temporary file renamed only when whole: no journal or sync is worth its time.
    for pragma in (
        "journal_mode=OFF",
        "synchronous=OFF",
        "cache_size=-262144",
        "mmap_size=17179869184",
        "locking_mode=EXCLUSIVE",
    ):
        connection.execute(f"PRAGMA {pragma}")
    connection.executescript(
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE term(id INTEGER PRIMARY KEY, kind INTEGER, value TEXT, extra TEXT);
        CREATE TABLE triple(s INTEGER, p INTEGER, o INTEGER);
        """
    )
    started, cpu_started = time.perf_counter(), time.process_time()
    ids: dict[str, int] = {}
    triples: list[tuple[int, int, int]] = []
    lines = 0
    connection.execute("BEGIN")

    def term_id(text: str) -> int:
        found = ids.get(text)
        if found is None:
            found = ids[text] = len(ids) + 1
            kind, value, extra = _decode(text)
            pending_terms.append((found, kind, value, extra))
        return found

    pending_terms: list[tuple[int, int, str, str | None]] = []
    get = ids.get
    for lines, (subject, predicate, value) in enumerate(_triples(source), start=1):
        # term_id inlined: three calls a statement cost a quarter of the reading
        s = get(subject) or term_id(subject)
        p = get(predicate) or term_id(predicate)
        o = get(value) or term_id(value)
        triples.append((s, p, o))
        if len(triples) >= _BATCH:
            connection.executemany("INSERT INTO triple VALUES (?, ?, ?)", triples)
            connection.executemany("INSERT INTO term VALUES (?, ?, ?, ?)", pending_terms)
            triples.clear()
            pending_terms.clear()
        if progress is not None and lines % _PROGRESS_LINES == 0:
            progress(f"entity index: read {lines:,} triples of {source.name}")
    connection.executemany("INSERT INTO triple VALUES (?, ?, ?)", triples)
    connection.executemany("INSERT INTO term VALUES (?, ?, ?, ?)", pending_terms)
    connection.execute("COMMIT")
    read = time.perf_counter() - started
    if progress is not None:
        progress(f"entity index: {lines:,} triples, {len(ids):,} terms read; sorting them")
    ids.clear()  # the terms are in SQLite now
    phases = {"read": read}
    processor = {"read": time.process_time() - cpu_started}
    mark, cpu_mark = time.perf_counter(), time.process_time()

    def phase(name: str) -> None:
        # Wall and processor seconds: on a shared machine the wall time is mostly waiting.
        nonlocal mark, cpu_mark
        now, cpu_now = time.perf_counter(), time.process_time()
        phases[name], processor[name] = now - mark, cpu_now - cpu_mark
        mark, cpu_mark = now, cpu_now

    connection.executescript(
        """
        CREATE INDEX triple_spo ON triple(s, p, o);
        CREATE INDEX triple_pos ON triple(p, o, s);
        CREATE INDEX term_iri ON term(value) WHERE kind = 0;
        """
    )
    phase("sort")
    index = EntityIndex(connection)
    connection.execute("BEGIN")
    connection.execute("CREATE TABLE label(entity INTEGER, name INTEGER, lower TEXT)")
    names = index.ids(SCHEMA + "name", SKOS + "prefLabel")
    rows = connection.execute(
        "SELECT t.s, t.o, n.value FROM triple t JOIN term n ON n.id = t.o "
        f"WHERE t.p IN ({','.join('?' * len(names))})",
        names,
    )
    connection.executemany(
        "INSERT INTO label VALUES (?, ?, ?)", ((s, o, value.lower()) for s, o, value in rows)
    )
    index.make_cards()
    phase("names and cards")
    for name in LONG_TABLES:
        if progress is not None:
            progress(f"entity index: the {name} of every entity")
        index.make_long_table(name)
        phase(name)
    tops = {iri: _encode(index.compute_top(iri)) for iri in TOP_CLASSES}
    phase("top")
    connection.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("format", _FORMAT),
            ("source", str(source)),
            ("triples", str(lines)),
            ("seconds_read", f"{read:.2f}"),
            ("top", json.dumps(tops)),
        ],
    )
    connection.execute("COMMIT")
    connection.execute("PRAGMA analysis_limit=1000")
    connection.execute("ANALYZE")
    phase("analyze")
    seconds = time.perf_counter() - started
    connection.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("seconds", f"{seconds:.2f}"),
            ("phases", json.dumps({name: round(value, 2) for name, value in phases.items()})),
            ("cpu", json.dumps({name: round(value, 2) for name, value in processor.items()})),
        ],
    )


TOP_CLASSES = (
    SCHEMA + "Person",
    SCHEMA + "NewsMediaOrganization",
    SCHEMA + "City",
    SCHEMA + "Organization",
)
"""The classes whose most named entities the home page lists (kept in the index)."""


def _encode(table: Table) -> dict[str, object]:
    return {"variables": table.variables, "rows": table.rows}


# -- reading the export ------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        if code:
            return chr(int(code, 16))
        return _SIMPLE.get(match.group(3), match.group(0))

    return _ESCAPE.sub(one, text)


def _decode(text: str) -> tuple[int, str, str | None]:
    """(kind, value, datatype or @language) of a term written as in N-Triples."""
    if text.startswith("<"):
        return 0, _unescape(text[1:-1]), None
    if text.startswith("_:"):
        return 1, text, None
    end = text.rindex('"')
    value = _unescape(text[1:end])
    rest = text[end + 1 :]
    if rest.startswith("^^<"):
        return 2, value, _unescape(rest[3:-1])
    if rest.startswith("@"):
        return 2, value, rest
    return 2, value, None


def _object_end(rest: str) -> int:
    """Where the object term at the start of ``rest`` ends (an N-Quads line's third term)."""
    if rest.startswith("<"):
        return rest.index(">") + 1
    if rest.startswith("_:"):
        return rest.index(" ")
    if not rest.startswith('"'):
        raise ValueError("no object term")
    end = rest.index('"', 1)
    while _escaped(rest, end):
        end = rest.index('"', end + 1)
    end += 1
    if rest.startswith("^^<", end):
        return rest.index(">", end) + 1
    if rest.startswith("@", end):
        return rest.index(" ", end)
    return end


def _escaped(text: str, position: int) -> bool:
    slashes = 0
    while text[position - 1 - slashes] == "\\":
        slashes += 1
    return slashes % 2 == 1


_ENDS = frozenset({".\n", ".", ".\r\n"})


def _triples(source: Path) -> Iterator[tuple[str, str, str]]:
    """Subject, predicate and object of each statement of ``source``, written as in
    N-Triples (the graph names dropped: the pages, like the store's default graph,
    see the union)."""
    _, rdf_format = rdf_file(source)
    if rdf_format not in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES):
        try:
            for quad in ox.parse(path=str(source), format=rdf_format, lenient=True):
                yield str(quad.subject), str(quad.predicate), str(quad.object)
        except SyntaxError as error:
            raise InputError(str(source), f"invalid {rdf_format.name}: {error}") from error
        return
    with source.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            # The build writes one statement a line, terms separated by one space, the
            # graph last: the object is what lies between the predicate and the graph
            # (two splits in C). A line of any other shape (no graph, a comment) is cut
            # term by term, or goes to the full parser.
            try:
                subject, predicate, rest = line.split(" ", 2)
                value, graph, tail = rest.rsplit(" ", 2)
                if (
                    tail in _ENDS
                    and graph[0] == "<"
                    and graph[-1] == ">"
                    and '"' not in graph
                    and predicate[0] == "<"
                    and subject[0] in "<_"
                    and (value[0] == "<" or value[-1] == '"' or '"^^<' in value or '"@' in value)
                ):
                    yield subject, predicate, value
                    continue
            except (ValueError, IndexError):
                pass
            try:
                subject, predicate, rest = line.split(" ", 2)
                end = _object_end(rest)
                if subject[0] not in "<_" or predicate[0] != "<":
                    raise ValueError("not a statement")
                yield subject, predicate, rest[:end]
            except (ValueError, IndexError):
                yield from _parse_line(source, number, line, rdf_format)


def _parse_line(
    source: Path, number: int, line: str, rdf_format: ox.RdfFormat
) -> Iterable[tuple[str, str, str]]:
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return []
    try:
        quads = list(ox.parse(stripped.encode(), format=rdf_format))
    except SyntaxError as error:
        raise InputError(f"{source}:{number}", f"invalid {rdf_format.name}: {error}") from error
    return [(str(q.subject), str(q.predicate), str(q.object)) for q in quads]


# -- reading the index -------------------------------------------------------------------

_Key = tuple[object, ...]


def order_key(term: tuple[int, str, str | None] | None) -> _Key:
    """A sort key in SPARQL's order: unbound, blank nodes, IRIs, then literals
    (numbers by value, other literals by their text)."""
    if term is None:
        return (0,)
    kind, value, extra = term
    if kind == 0:
        return (2, value)
    if kind == 1:
        return (1, value)
    if extra in _NUMERIC:
        try:
            return (3, 0, float(value), value)
        except ValueError:
            pass
    return (3, 1, value)


class _Descending:
    """Reverses the order of a key (for a sort on several keys in mixed directions)."""

    __slots__ = ("key",)

    def __init__(self, key: _Key) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return other.key < self.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Descending) and other.key == self.key


@dataclass(frozen=True)
class Computed:
    """A value the query makes (a count, a local name), not a term of the graph."""

    text: str
    datatype: str | None


Value = int | Computed | None
"""A row's value while a table is made: a term id, a value the query computes, or unbound."""


def _or_none(values: list[int] | None) -> list[int | None]:
    """The values of an OPTIONAL pattern: those found, or one unbound."""
    return list(values) if values else [None]


class EntityIndex:
    """An open entity index; each page table is a method named as its query."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        connection.create_function("local_name", 1, local_name, deterministic=True)
        self._ids: dict[str, int] = {}

    # terms

    def ids(self, *iris: str) -> list[int]:
        """The ids of these IRIs (-1 for one the graph does not hold)."""
        found = []
        for iri in iris:
            if iri not in self._ids:
                row = self.connection.execute(
                    "SELECT id FROM term WHERE kind = 0 AND value = ?", (iri,)
                ).fetchone()
                self._ids[iri] = row[0] if row else -1
            found.append(self._ids[iri])
        return found

    def id(self, iri: str) -> int:
        return self.ids(iri)[0]

    def terms(self, ids: Iterable[int | None]) -> dict[int, tuple[int, str, str | None]]:
        """The (kind, value, extra) of each id."""
        wanted = sorted({i for i in ids if i is not None and i > 0})
        found: dict[int, tuple[int, str, str | None]] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            for id_, kind, value, extra in self.connection.execute(
                "SELECT id, kind, value, extra FROM term "
                f"WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                found[id_] = (kind, value, extra)
        return found

    def _table(
        self,
        variables: list[str],
        rows: list[dict[str, Value]],
        order: list[tuple[str, bool]],
        *,
        distinct: bool = True,
    ) -> Table:
        """Rows of term ids (or texts and numbers made by the query) as a Table in the
        query's ORDER BY (``order``: variable, descending)."""
        if distinct:
            seen: set[tuple[object, ...]] = set()
            unique = []
            for row in rows:
                key = tuple(row.get(v) for v in variables)
                if key not in seen:
                    seen.add(key)
                    unique.append(row)
            rows = unique
        found = self.terms(
            value for row in rows for value in row.values() if isinstance(value, int)
        )

        def resolved(value: object) -> tuple[int, str, str | None] | None:
            if value is None:
                return None
            if isinstance(value, Computed):
                return (2, value.text, value.datatype)
            assert isinstance(value, int)
            return found.get(value)

        full = [{v: resolved(row.get(v)) for v in variables} for row in rows]
        for variable, descending in reversed(order):
            full.sort(
                key=lambda row: (
                    _Descending(order_key(row[variable]))
                    if descending
                    else order_key(row[variable])
                )
            )
        return Table(
            variables,
            [
                [None if row[v] is None else (_KINDS[row[v][0]], row[v][1]) for v in variables]  # type: ignore[index]
                for row in full
            ],
        )

    def _objects(self, subjects: Iterable[int], predicate: str) -> dict[int, list[int]]:
        """Each subject's objects of ``predicate`` (subjects without one left out)."""
        p = self.id(predicate)
        found: dict[int, list[int]] = {}
        wanted = sorted(set(subjects))
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            for s, o in self.connection.execute(
                f"SELECT s, o FROM triple WHERE p = ? AND s IN ({','.join('?' * len(chunk))})",
                [p, *chunk],
            ):
                found.setdefault(s, []).append(o)
        for values in found.values():
            values[:] = sorted(set(values))
        return found

    # the page tables (kg/queries/entity/NAME.rq)

    def offices(self, entity: int) -> Table:
        positions = self._objects([entity], KG + "holdsPosition").get(entity, [])
        roles = self._objects(positions, SCHEMA + "roleName")
        firsts = self._objects(positions, KG + "firstReported")
        lasts = self._objects(positions, KG + "lastReported")
        reported = self._objects(positions, KG + "reportedIn")
        places = self._objects(positions, KG + "jurisdiction")
        place_names = self._objects({p for ps in places.values() for p in ps}, SCHEMA + "name")
        groups: dict[tuple[int | None, ...], set[int]] = {}
        for position in positions:
            # OPTIONAL { ?position jurisdiction ?place . OPTIONAL { ?place name ?j } }
            pairs: list[tuple[int | None, int | None]] = [
                (j, place)
                for place in places.get(position, [])
                for j in _or_none(place_names.get(place))
            ]
            for role in roles.get(position, []):
                for jurisdiction, place in pairs or [(None, None)]:
                    for first in _or_none(firsts.get(position)):
                        for last in _or_none(lasts.get(position)):
                            key = (role, jurisdiction, place, first, last)
                            groups.setdefault(key, set()).update(reported.get(position, []))
        variables = ["entity", "role", "jurisdiction", "place", "first", "last", "articles"]
        rows: list[dict[str, Value]] = [
            {
                "entity": entity,
                **dict(zip(variables[1:-1], key, strict=True)),
                "articles": _count(len(found)),
            }
            for key, found in groups.items()
        ]
        return self._table(variables, rows, [("last", True), ("role", False)], distinct=False)

    # The tables that grow with the articles that name an entity (thousands of rows at
    # 10,000 articles) are made for every entity when the index is made: SQLite joins
    # and sorts them once (LONG_TABLES), and a page reads its 50 rows by position.
    # An OPTIONAL of two patterns is a LEFT JOIN whose first pattern requires the
    # second (EXISTS): a parenthesized join would be made for every article first.

    def _sql(self, sql: str, **iris: str | int) -> list[tuple[object, ...]]:
        parameters = {
            name: value if isinstance(value, int) else self.id(value)
            for name, value in iris.items()
        }
        return self.connection.execute(sql, parameters).fetchall()

    def make_cards(self) -> None:
        """The card of each article (while the index is made): its date, headline,
        publisher and the publisher's name (a row for each combination, as the
        OPTIONALs of the queries give), with the date's and the IRI's text to sort on;
        and, for the time the index is made, the row of each evidence node."""
        self._sql(
            """
            CREATE TABLE card AS
            SELECT a.s AS article, d.o AS date, h.o AS headline, pub.o AS publisher,
                pn.o AS outlet, td.value AS date_key, ta.value AS article_key
            FROM (
                SELECT DISTINCT s FROM triple
                WHERE p IN (:mentions, :citation, :about, :publisher)
            ) a
            JOIN term ta ON ta.id = a.s
            LEFT JOIN triple d ON d.s = a.s AND d.p = :date
            LEFT JOIN term td ON td.id = d.o
            LEFT JOIN triple h ON h.s = a.s AND h.p = :headline
            LEFT JOIN triple pub ON pub.s = a.s AND pub.p = :publisher
                AND EXISTS (SELECT 1 FROM triple x WHERE x.s = pub.o AND x.p = :name)
            LEFT JOIN triple pn ON pn.s = pub.o AND pn.p = :name
            """,
            date=SCHEMA + "datePublished",
            headline=SCHEMA + "headline",
            name=SCHEMA + "name",
            publisher=SCHEMA + "publisher",
            mentions=SCHEMA + "mentions",
            citation=SCHEMA + "citation",
            about=SCHEMA + "about",
        )
        self.connection.execute(
            "CREATE INDEX card_article ON card(article, date_key, article_key, date, headline, "
            "publisher, outlet)"
        )
        # An evidence node is named by its subject and its object: its row is made once.
        self._sql(
            """
            CREATE TEMP TABLE evidence_card AS
            SELECT ty.s AS node, local_name(tp.value) AS v0, se.o AS v1, inf.o AS v2,
                src.o AS v3, h.o AS v4, gn.o AS v5, ta.value AS k1, ts.value AS k2
            FROM triple ty
            JOIN triple pr ON pr.s = ty.s AND pr.p = :predicate
            JOIN term tp ON tp.id = pr.o
            JOIN triple se ON se.s = ty.s AND se.p = :sentence
            JOIN term ts ON ts.id = se.o
            JOIN triple inf ON inf.s = ty.s AND inf.p = :inferred
            JOIN triple src ON src.s = ty.s AND src.p = :derived
            JOIN term ta ON ta.id = src.o
            LEFT JOIN triple g ON g.s = ty.s AND g.p = :generated
                AND EXISTS (SELECT 1 FROM triple x WHERE x.s = g.o AND x.p = :name)
            LEFT JOIN triple gn ON gn.s = g.o AND gn.p = :name
            LEFT JOIN triple h ON h.s = src.o AND h.p = :headline
            WHERE ty.p = :type AND ty.o = :evidence
            """,
            type=RDF_TYPE,
            evidence=KG + "Evidence",
            predicate=RDF + "predicate",
            sentence=KG + "sentence",
            inferred=KG + "inferred",
            derived=PROV + "wasDerivedFrom",
            name=SCHEMA + "name",
            generated=PROV + "wasGeneratedBy",
            headline=SCHEMA + "headline",
        )
        self.connection.execute("CREATE INDEX temp.evidence_node ON evidence_card(node)")

    def make_long_table(self, name: str) -> None:
        """Make the table ``rows_NAME``: each entity's rows of the long table ``name``,
        numbered from 0 in the query's order (while the index is made)."""
        table = LONG_TABLES[name]
        values = ", ".join(f"v{i}" for i in range(len(table.kinds)))
        self._sql(
            f"CREATE TABLE rows_{name} AS SELECT entity, "
            f"ROW_NUMBER() OVER (PARTITION BY entity ORDER BY {table.order}) - 1 AS pos, "
            f"{values} FROM ({table.select})",
            **table.iris,
        )
        self.connection.execute(f"CREATE UNIQUE INDEX rows_{name}_at ON rows_{name}(entity, pos)")

    def long_rows(
        self, name: str, entity: int, offset: int, limit: int | None
    ) -> tuple[list[tuple[object, ...]], int]:
        """Rows ``offset`` to ``offset + limit`` of an entity's long table, and how many
        rows it has."""
        values = ", ".join(f"v{i}" for i in range(len(LONG_TABLES[name].kinds)))
        end = -1 if limit is None else offset + limit
        rows = self.connection.execute(
            f"SELECT {values} FROM rows_{name} WHERE entity = ? AND pos >= ? "
            "AND (pos < ? OR ? < 0) ORDER BY pos",
            (entity, offset, end, end),
        ).fetchall()
        (total,) = self.connection.execute(
            f"SELECT COUNT(*) FROM rows_{name} WHERE entity = ?", (entity,)
        ).fetchone()
        return rows, total

    def facts(self, entity: int) -> Table:
        left_out = set(self.ids(*_FACTS_LEFT_OUT))
        rows: list[dict[str, Value]] = [
            {"entity": entity, "property": p, "value": o}
            for p, o in self.connection.execute("SELECT p, o FROM triple WHERE s = ?", (entity,))
            if p not in left_out
        ]
        return self._table(
            ["entity", "property", "value"], rows, [("property", False), ("value", False)]
        )

    def contents(self, entity: int) -> Table:
        link_ids = self.ids(*_LINKS, SCHEMA + "publisher")
        targets = [
            (p, o)
            for p, o in self.connection.execute("SELECT p, o FROM triple WHERE s = ?", (entity,))
            if p in link_ids
        ]
        objects = [o for _, o in targets]
        names = self._objects(objects, SCHEMA + "name")
        for target, labels in self._objects(objects, SKOS + "prefLabel").items():
            names.setdefault(target, []).extend(labels)
        classes = self._objects(objects, RDF_TYPE)
        relation = self._local_names(p for p, _ in targets)
        found = self.terms(c for cs in classes.values() for c in cs)
        rows: list[dict[str, Value]] = []
        for link, target in sorted(set(targets)):
            kinds = sorted(classes.get(target, []), key=lambda c: order_key(found.get(c)))
            for name in _or_none(sorted(set(names.get(target, [])))):
                rows.append(
                    {
                        "entity": entity,
                        "relation": relation[link],
                        "name": name,
                        "target": target,
                        "type": kinds[0] if kinds else None,
                    }
                )
        variables = ["entity", "relation", "name", "target", "type"]
        return self._table(variables, rows, [("relation", False), ("name", False)])

    def search(self, text: str, limit: int = 100) -> Table:
        """Entities whose name contains ``text`` (lower case), shortest names first."""
        pairs = set(
            self.connection.execute(
                "SELECT entity, name FROM label WHERE instr(lower, ?) > 0", (text,)
            )
        )
        classes = self._objects({e for e, _ in pairs}, RDF_TYPE)
        found = self.terms([n for _, n in pairs] + [c for cs in classes.values() for c in cs])
        rows: list[dict[str, Value]] = []
        for entity, name in pairs:
            kinds = sorted(classes.get(entity, []), key=lambda c: order_key(found.get(c)))
            rows.append(
                {
                    "text": Computed(text, None),
                    "entity": entity,
                    "name": name,
                    "type": kinds[0] if kinds else None,
                    "length": _count(len(found[name][1])),
                }
            )
        table = self._table(
            ["text", "entity", "name", "type", "length"],
            rows,
            [("length", False), ("name", False)],
            distinct=False,
        )
        return Table(table.variables[:-1], [row[:-1] for row in table.rows[:limit]])

    def compute_top(self, class_iri: str, limit: int = 30) -> Table:
        """The entities of a class named in the most articles (the home page's lists)."""
        rdf_type, cls = self.ids(RDF_TYPE, class_iri)
        links = self.ids(*_LINKS, SCHEMA + "publisher")
        counts = self.connection.execute(
            "SELECT m.o, COUNT(DISTINCT m.s) FROM triple c JOIN triple m ON m.o = c.s "
            f"AND m.p IN ({','.join('?' * len(links))}) "
            "WHERE c.p = ? AND c.o = ? GROUP BY m.o",
            [*links, rdf_type, cls],
        ).fetchall()
        labels = self._objects([e for e, _ in counts], SCHEMA + "name")
        for entity, names in self._objects([e for e, _ in counts], SKOS + "prefLabel").items():
            labels.setdefault(entity, []).extend(names)
        found = self.terms(n for ns in labels.values() for n in ns)
        rows: list[dict[str, Value]] = []
        for entity, articles in counts:
            names = sorted(labels.get(entity, []), key=lambda n: order_key(found.get(n)))
            rows.append(
                {
                    "class": cls,
                    "entity": entity,
                    "name": names[0] if names else None,
                    "articles": _count(articles),
                }
            )
        table = self._table(
            ["class", "entity", "name", "articles"],
            rows,
            [("articles", True), ("name", False)],
            distinct=False,
        )
        return Table(table.variables, table.rows[:limit])

    def _local_names(self, ids: Iterable[int]) -> dict[int, Computed]:
        """REPLACE(STR(?link), "^.*[/#]", "") of each IRI."""
        found = self.terms(ids)
        return {i: Computed(local_name(value), None) for i, (_, value, _) in found.items()}

    def resolve(self, iri: str, kinds: str, rows: list[tuple[object, ...]]) -> list[list[Term]]:
        """Rows of an SQL table as page values, the entity first: ``kinds`` says what each
        value is (``i`` a term id, ``t`` a text the query makes, ``c`` a count)."""
        found = self.terms(
            value  # type: ignore[misc]
            for row in rows
            for value, kind in zip(row, kinds, strict=False)
            if kind == "i" and value is not None
        )
        resolved: list[list[Term]] = []
        for row in rows:
            values: list[Term] = [("iri", iri)]
            for value, kind in zip(row, kinds, strict=False):
                if value is None:
                    values.append(None)
                elif kind == "i":
                    term = found[value]  # type: ignore[index]
                    values.append((_KINDS[term[0]], term[1]))
                else:
                    values.append(("literal", str(value)))
            resolved.append(values)
        return resolved


def local_name(iri: str) -> str:
    """What ``REPLACE(STR(?iri), "^.*[/#]", "")`` gives: the IRI after its last / or #."""
    return re.sub(r"^.*[/#]", "", iri)


def _count(number: int) -> Computed:
    return Computed(str(number), XSD + "integer")


@dataclass(frozen=True)
class LongTable:
    """A page table made for every entity with SQL: ``select`` gives ``entity``, the
    values ``v0``, ``v1`` ... (``kinds``: ``i`` a term id, ``t`` a text the query
    makes, ``c`` a count) and the sort keys of ``order``, the query's ORDER BY;
    ``iris`` are the ids the SQL names."""

    kinds: str
    select: str
    order: str
    iris: dict[str, str]


LONG_TABLES = {
    "articles": LongTable(
        "iiiiit",
        """
        SELECT DISTINCT l.o AS entity, c.date AS v0, l.s AS v1, c.headline AS v2,
            c.outlet AS v3, c.publisher AS v4, local_name(tl.value) AS v5,
            c.date_key AS k1, c.article_key AS k2
        FROM triple l
        JOIN card c ON c.article = l.s
        JOIN term tl ON tl.id = l.p
        WHERE l.p IN (:mentions, :citation, :about)
        """,
        "k1 DESC, k2",
        {
            "mentions": SCHEMA + "mentions",
            "citation": SCHEMA + "citation",
            "about": SCHEMA + "about",
        },
    ),
    "published": LongTable(
        "iiit",
        """
        SELECT DISTINCT p.o AS entity, c.date AS v0, p.s AS v1, c.headline AS v2,
            tu.value AS v3, c.date_key AS k1, c.article_key AS k2
        FROM triple p
        JOIN card c ON c.article = p.s
        LEFT JOIN triple u ON u.s = p.s AND u.p = :url
        LEFT JOIN term tu ON tu.id = u.o
        WHERE p.p = :publisher
        """,
        "k1 DESC, k2",
        {"url": SCHEMA + "url", "publisher": SCHEMA + "publisher"},
    ),
    "cites": LongTable(
        "iic",
        """
        SELECT p.o AS entity, n.o AS v0, c.o AS v1, COUNT(DISTINCT p.s) AS v2, tn.value AS k2
        FROM triple p
        JOIN triple c ON c.s = p.s AND c.p = :citation
        LEFT JOIN triple n ON n.s = c.o AND n.p = :name
        LEFT JOIN term tn ON tn.id = n.o
        WHERE p.p = :publisher
        GROUP BY p.o, n.o, c.o
        """,
        "v2 DESC, k2",
        {
            "citation": SCHEMA + "citation",
            "name": SCHEMA + "name",
            "publisher": SCHEMA + "publisher",
        },
    ),
    "quotes": LongTable(
        "iiii",
        """
        SELECT DISTINCT c.o AS entity, t.o AS v0, d.o AS v1, part.o AS v2, h.o AS v3,
            td.value AS k1, tt.value AS k2
        FROM triple c
        JOIN triple t ON t.s = c.s AND t.p = :text
        JOIN term tt ON tt.id = t.o
        JOIN triple part ON part.s = c.s AND part.p = :part
        LEFT JOIN triple d ON d.s = part.o AND d.p = :date
        LEFT JOIN term td ON td.id = d.o
        LEFT JOIN triple h ON h.s = part.o AND h.p = :headline
        WHERE c.p = :creator
        """,
        "k1 DESC, k2",
        {
            "text": SCHEMA + "text",
            "part": SCHEMA + "isPartOf",
            "date": SCHEMA + "datePublished",
            "headline": SCHEMA + "headline",
            "creator": SCHEMA + "creator",
        },
    ),
    "evidence": LongTable(
        "tiiiii",
        """
        SELECT DISTINCT ev.o AS entity, e.v0, e.v1, e.v2, e.v3, e.v4, e.v5, e.k1, e.k2
        FROM triple ev
        JOIN evidence_card e ON e.node = ev.s
        WHERE ev.p IN (:subject, :object)
        """,
        "k1, k2, v0",
        {"subject": RDF + "subject", "object": RDF + "object"},
    ),
    "officials": LongTable(
        "iiiiic",
        """
        SELECT j.o AS entity, n.o AS v0, h.o AS v1, r.o AS v2, f.o AS v3, la.o AS v4,
            COUNT(DISTINCT rep.o) AS v5, tn.value AS k2
        FROM triple j
        JOIN triple h ON h.s = j.s AND h.p = :holder
        JOIN triple r ON r.s = j.s AND r.p = :role
        LEFT JOIN triple n ON n.s = h.o AND n.p = :name
        LEFT JOIN term tn ON tn.id = n.o
        LEFT JOIN triple f ON f.s = j.s AND f.p = :first
        LEFT JOIN triple la ON la.s = j.s AND la.p = :last
        LEFT JOIN triple rep ON rep.s = j.s AND rep.p = :reported
        WHERE j.p = :jurisdiction
        GROUP BY j.o, n.o, h.o, r.o, f.o, la.o
        """,
        "v5 DESC, k2",
        {
            "holder": KG + "holder",
            "role": SCHEMA + "roleName",
            "name": SCHEMA + "name",
            "first": KG + "firstReported",
            "last": KG + "lastReported",
            "reported": KG + "reportedIn",
            "jurisdiction": KG + "jurisdiction",
        },
    ),
}
"""The long page tables (kg/queries/entity/NAME.rq), made for every entity at once."""

SECTION_METHODS = (
    "articles",
    "published",
    "cites",
    "offices",
    "officials",
    "quotes",
    "evidence",
    "facts",
    "contents",
)
"""The page tables the index answers: each is a shipped query in kg/queries/entity/."""


class OpenIndex:
    """An entity index open read only (a connection a thread), with a shared lock on its
    file so that a rebuild does not remove it while it is served."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = os.open(path, os.O_RDONLY)
        fcntl.flock(self._descriptor, fcntl.LOCK_SH)
        self._local = threading.local()
        try:
            meta = dict(self._index().connection.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError as error:
            self.close()
            raise StorageError(
                f"{path}: cannot read the entity index ({error}); delete it and start again"
            ) from error
        if meta.get("format") != _FORMAT:
            self.close()
            raise StorageError(f"{path}: an entity index of another kg version; delete it")
        self.meta = meta
        self._top = {
            iri: Table(
                t["variables"], [[tuple(v) if v else None for v in row] for row in t["rows"]]
            )
            for iri, t in json.loads(meta["top"]).items()
        }

    def _index(self) -> EntityIndex:
        index = getattr(self._local, "index", None)
        if index is None:
            connection = sqlite3.connect(
                f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            # Map the file: a page's thousands of lookups read memory, not system calls.
            connection.execute("PRAGMA mmap_size=17179869184")
            connection.execute("PRAGMA cache_size=-65536")
            index = self._local.index = EntityIndex(connection)
        return index

    def section(self, name: str, iri: str, *, offset: int = 0, limit: int | None = None) -> Slice:
        """Rows ``offset`` to ``offset + limit`` of a page table of the entity ``iri``."""
        if name not in SECTION_METHODS:
            raise KeyError(name)
        index = self._index()
        entity = index.id(iri)
        if entity < 0:
            return Slice(Table(_variables(name)), 0, 0)
        end = None if limit is None else offset + limit
        if name in LONG_TABLES:
            rows, total = index.long_rows(name, entity, offset, limit)
            shown = index.resolve(iri, LONG_TABLES[name].kinds, rows)
            return Slice(Table(_variables(name), shown), offset, total)
        table: Table = getattr(index, name)(entity)
        return Slice(Table(table.variables, table.rows[offset:end]), offset, len(table.rows))

    def top(self, class_iri: str) -> Table:
        """The home page's list of ``class_iri`` (made with the index)."""
        return self._top.get(class_iri) or self._index().compute_top(class_iri)

    def search(self, text: str) -> Table:
        """Entities whose name contains ``text`` (lower case)."""
        return self._index().search(text)

    def close(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None

    def __del__(self) -> None:
        self.close()


def _variables(name: str) -> list[str]:
    return {
        "articles": ["entity", "date", "article", "headline", "outlet", "publisher", "relation"],
        "published": ["entity", "date", "article", "headline", "url"],
        "cites": ["entity", "name", "cited", "articles"],
        "offices": ["entity", "role", "jurisdiction", "place", "first", "last", "articles"],
        "officials": ["entity", "name", "person", "role", "first", "last", "articles"],
        "quotes": ["entity", "text", "date", "article", "headline"],
        "evidence": [
            "entity",
            "relation",
            "sentence",
            "inferred",
            "article",
            "headline",
            "extractor",
        ],
        "facts": ["entity", "property", "value"],
        "contents": ["entity", "relation", "name", "target", "type"],
    }[name]
