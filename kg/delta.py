"""What changed between two builds on one store, graph by graph: the delta a database applies.

A build with ``--store`` records, in ``graphs.sqlite`` in the store, the digest of each
named graph it wrote (SHA-256 of the graph's sorted, distinct N-Quads lines) and a
fingerprint of the whole build (SHA-256 of every graph's IRI and digest, by IRI). The
next build compares its graphs with those: a graph whose digest differs, or that is new,
is *changed*; a graph the last build had and this one has not is *removed*. With
``--delta DIR`` the build writes them as ``DIR/NNNNNN/`` (NNNNNN is the build's number
in the store, so a build that wrote no delta leaves a hole in the sequence):

- ``changed.nq``: the changed and new graphs, whole, a graph after another, in N-Quads;
- ``removed.txt``: the IRIs of the removed graphs, one a line, sorted;
- ``delta.json``: the build's number and fingerprint, the number and fingerprint of the
  build it applies to (``base``; null for a store's first build, whose delta holds every
  graph), and counts.

The folder is written under a temporary name and renamed into place, so a consumer sees
a whole delta or none. ``kg.graphstore.apply_delta`` applies them (docs/scale.md).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import IO

from kg.errors import ConfigError, KgError
from kg.resolve import DEFAULT_BASE

DIGESTS = "graphs.sqlite"
CHANGED = "changed.nq"
REMOVED = "removed.txt"
MANIFEST = "delta.json"
FORMAT = 1

log = logging.getLogger(__name__)

Extra = Callable[[Path, "set[str]", "BuildState | None"], None]


class DeltaError(KgError):
    """A delta folder that cannot be read, or deltas that do not follow one another."""


@dataclass(frozen=True)
class BuildState:
    """A build recorded in a store: its number and its fingerprint."""

    build: int
    fingerprint: str


@dataclass(frozen=True)
class DeltaReport:
    """How this build's graphs compare with the previous build's on the same store."""

    build: int
    fingerprint: str
    base: BuildState | None
    graphs: int
    changed_graphs: int
    new_graphs: int
    removed_graphs: int
    changed_quads: int
    folder: str | None = None

    def manifest(self) -> dict[str, object]:
        """The ``delta.json`` document."""
        document = asdict(self)
        document.pop("folder")
        return {"format": FORMAT, **document}


def graph_runs(lines: Iterable[bytes]) -> Iterator[tuple[bytes, list[bytes]]]:
    """Consecutive N-Quads lines of one named graph: (graph term ``<iri>``, lines).

    Every quad of a build is in a named graph (``kg.graphnames``), whose IRI is the last
    term of its line; IRIs have no spaces, so the last ``" <"`` starts it.
    """
    name = b""
    run: list[bytes] = []
    for line in lines:
        if not line.strip():
            continue
        body = line.rstrip(b"\r\n")
        if not body.endswith(b" ."):
            raise DeltaError(f"not an N-Quads line of a kg build: {line[:200]!r}")
        start = body.rfind(b" <", 0, len(body) - 2)
        graph = body[start + 1 : -2]
        if start < 0 or not graph.endswith(b">"):
            raise DeltaError(f"a quad outside any named graph: {line[:200]!r}")
        if graph != name:
            if run:
                yield name, run
            name, run = graph, []
        run.append(body + b"\n")
    if run:
        yield name, run


def digest_of(lines: list[bytes]) -> bytes:
    """SHA-256 of a graph's sorted, distinct lines (the same graph, the same digest)."""
    hasher = hashlib.sha256()
    for line in sorted(set(lines)):
        hasher.update(line)
    return hasher.digest()


class GraphDigests:
    """The digests of the last build's named graphs, kept in a store folder (SQLite)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / DIGESTS
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS graphs "
                "(iri TEXT PRIMARY KEY, digest BLOB, node TEXT) WITHOUT ROWID"
            )
            self._db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        except sqlite3.DatabaseError as error:
            raise ConfigError(f"{self.path}: not a kg graph digests database ({error})") from error

    def last(self) -> BuildState | None:
        """The last recorded build, or None (a store no build with digests has used)."""
        rows = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        if "build" not in rows:
            return None
        return BuildState(int(rows["build"]), rows["fingerprint"])

    def exported(self, export: Path) -> tuple[int, str] | None:
        """The build that last wrote ``export`` and the file's fingerprint then
        (``record_export``), or None."""
        row = self._db.execute(
            "SELECT value FROM meta WHERE key = ?", (f"export {export.resolve()}",)
        ).fetchone()
        if row is None:
            return None
        build, _, fingerprint = str(row[0]).partition(" ")
        return int(build), fingerprint

    def record_export(self, export: Path, build: int, fingerprint: str) -> None:
        """Record that ``build`` wrote ``export``, whose fingerprint is now ``fingerprint``:
        what the next build checks before it updates the export's query store."""
        self._db.execute(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            (f"export {export.resolve()}", f"{build} {fingerprint}"),
        )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction for what a build records (committed if no exception): a build
        killed before its end leaves the store at the last build."""
        self._db.execute("BEGIN")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @property
    def db(self) -> sqlite3.Connection:
        """The database, which an incremental build's resolution state shares
        (``kg.resolution``), so both are recorded in one transaction."""
        return self._db

    def compare(
        self,
        quads: IO[bytes],
        delta: Path | None = None,
        *,
        base_iri: str = DEFAULT_BASE,
        extra: Extra | None = None,
    ) -> DeltaReport:
        """Digest each graph of ``quads`` (a build's N-Quads, every graph), compare with the
        last build's, record this build's, and with ``delta`` (a folder) write the delta.

        ``extra`` may add files to the delta before it is put in place: it is given the
        folder, the nodes whose graphs changed or were removed (the node a graph is named
        after, ``kg.graphnames``) and the base build. Run inside ``transaction``: the
        digests are committed after the delta is in place, so a build killed in between
        leaves the store at the last build, and the next delta says so in its ``base``.
        """
        db = self._db
        db.execute("DROP TABLE IF EXISTS next")
        db.execute(
            "CREATE TEMP TABLE next (iri TEXT PRIMARY KEY, digest BLOB, node TEXT) WITHOUT ROWID"
        )
        with _Writer(self, delta, base_iri) as writer:
            for name, lines in graph_runs(quads):
                iri = name[1:-1].decode("utf-8")
                value = digest_of(lines)
                node = node_of(iri, lines[0], base_iri)
                try:
                    db.execute("INSERT INTO next VALUES (?, ?, ?)", (iri, value, node))
                except sqlite3.IntegrityError:
                    raise DeltaError(
                        f"graph {iri} comes twice in the build's quads: its digest would be wrong"
                    ) from None
                writer.graph(iri, value, node, lines)
            removed = db.execute(
                "SELECT iri, node FROM graphs WHERE iri NOT IN (SELECT iri FROM next) ORDER BY iri"
            ).fetchall()
            db.execute("DELETE FROM graphs")
            db.execute("INSERT INTO graphs SELECT iri, digest, node FROM next")
            db.execute("DROP TABLE next")
            return writer.finish(removed, extra)

    def update(
        self,
        graphs: Iterable[tuple[str, list[bytes]]],
        delta: Path | None = None,
        *,
        base_iri: str = DEFAULT_BASE,
        extra: Extra | None = None,
    ) -> DeltaReport:
        """As ``compare``, given only the graphs that may have changed (each graph's IRI and
        its N-Quads lines, none for a graph that no longer has a statement): the others are
        the last build's. What an incremental build costs: the graphs it names."""
        db = self._db
        with _Writer(self, delta, base_iri) as writer:
            removed = []
            for iri, lines in graphs:
                if not lines:
                    row = db.execute("SELECT node FROM graphs WHERE iri = ?", (iri,)).fetchone()
                    if row is not None:
                        removed.append((iri, row[0]))
                        db.execute("DELETE FROM graphs WHERE iri = ?", (iri,))
                    continue
                value = digest_of(lines)
                node = node_of(iri, lines[0], base_iri)
                if writer.graph(iri, value, node, lines):
                    db.execute("INSERT OR REPLACE INTO graphs VALUES (?, ?, ?)", (iri, value, node))
            return writer.finish(sorted(removed), extra)

    def close(self) -> None:
        """Close the database."""
        self._db.close()


class _Writer:
    """Compares graphs with the recorded ones and writes the changed ones into a staged
    delta folder, put in place by ``finish``; the graphs table is the caller's to update."""

    def __init__(self, digests: GraphDigests, delta: Path | None, base_iri: str) -> None:
        self.db = digests.db
        self.delta = delta
        self.base = digests.last()
        self.number = (self.base.build if self.base is not None else 0) + 1
        self.staging: Path | None = None
        self.out: IO[bytes] | None = None
        self.touched: set[str] = set()
        self.changed = self.new = self.quads = 0

    def __enter__(self) -> _Writer:
        if self.delta is not None:
            self.delta.mkdir(parents=True, exist_ok=True)
            self.staging = Path(
                tempfile.mkdtemp(prefix=f".{self.number:06d}.", suffix=".tmp", dir=self.delta)
            )
            self.out = (self.staging / CHANGED).open("wb")
        return self

    def __exit__(self, *_: object) -> None:
        if self.out is not None:
            self.out.close()
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)

    def graph(self, iri: str, value: bytes, node: str, lines: list[bytes]) -> bool:
        """One graph of this build: whether it changed (then it goes to the delta)."""
        row = self.db.execute("SELECT digest FROM graphs WHERE iri = ?", (iri,)).fetchone()
        if row is not None and row[0] == value:
            return False
        self.changed += 1
        self.new += row is None
        self.touched.add(node)
        self.quads += len(lines)
        if self.out is not None:
            self.out.write(b"".join(lines))
        return True

    def _uncommitted(self, target: Path) -> Path | None:
        """Where to move ``target`` aside when it is the delta of a build of this store that
        was killed after putting it in place and before recording itself: a delta with this
        build's number whose base is this build's base (the store's commit decides which
        delta is real). None when there is no such folder."""
        if not target.is_dir():
            return None
        try:
            found = Delta.read(target)
        except DeltaError:
            return None
        if found.build != self.number or found.base != self.base:
            return None
        return target.with_name(f".{target.name}.uncommitted.{os.getpid()}")

    def finish(self, removed: list[tuple[str, str]], extra: Extra | None) -> DeltaReport:
        """Record the build's number and fingerprint (the graphs table holds this build's
        graphs) and put the delta in place."""
        self.touched.update(node for _, node in removed)
        fingerprint = hashlib.sha256()
        graphs = 0
        for iri, value in self.db.execute("SELECT iri, digest FROM graphs ORDER BY iri"):
            fingerprint.update(f"{iri}\t{value.hex()}\n".encode())
            graphs += 1
        report = DeltaReport(
            build=self.number,
            fingerprint=fingerprint.hexdigest(),
            base=self.base,
            graphs=graphs,
            changed_graphs=self.changed,
            new_graphs=self.new,
            removed_graphs=len(removed),
            changed_quads=self.quads,
        )
        if self.staging is not None and self.out is not None and self.delta is not None:
            self.out.close()
            staging = self.staging
            (staging / REMOVED).write_text("".join(f"{iri}\n" for iri, _ in removed), "utf-8")
            manifest = json.dumps(report.manifest(), indent=1) + "\n"
            (staging / MANIFEST).write_text(manifest, "utf-8")
            if extra is not None:
                extra(staging, self.touched, self.base)
            for path in staging.iterdir():
                with path.open("rb") as stream:
                    os.fsync(stream.fileno())
            staging.chmod(0o755)
            target = self.delta / f"{self.number:06d}"
            stale = self._uncommitted(target)
            if target.exists() and stale is None:
                raise DeltaError(
                    f"{target} exists already: a delta of another store? give each store "
                    "its own --delta folder"
                )
            if stale is not None:
                # A build of this store put it in place and was killed before its commit:
                # the store is still at the base build, so that delta never happened.
                log.warning("%s: left by a build killed before its commit, replaced", target)
                target.rename(stale)
            staging.rename(target)
            self.staging = None
            if stale is not None:
                shutil.rmtree(stale, ignore_errors=True)
            report = replace(report, folder=str(target))
        self.db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('build', ?), ('fingerprint', ?)",
            (str(self.number), report.fingerprint),
        )
        return report


def node_of(graph: str, line: bytes, base: str) -> str:
    """The node a graph is named after (``kg.graphnames``): ``{base}graph/person/x`` is
    ``{base}person/x``'s; an outside IRI's graph is named by a digest, and holds that
    IRI's statements alone, so its node is the subject of the graph's ``line``.

    >>> node_of("https://x.example/graph/article/a", b"", "https://x.example/")
    'https://x.example/article/a'
    >>> node_of("https://x.example/graph/external/0f", b"<https://o.example/> <p> <o> <g> .", "https://x.example/")
    'https://o.example/'
    """
    prefix = f"{base}graph/"
    if graph.startswith(prefix) and not graph.startswith(f"{prefix}external/"):
        return base + graph[len(prefix) :]
    return line.partition(b" ")[0][1:-1].decode("utf-8")


def record(
    quads_path: Path,
    store: Path,
    delta: Path | None = None,
    *,
    base_iri: str = DEFAULT_BASE,
    extra: Extra | None = None,
) -> DeltaReport:
    """Compare a build's gzip-compressed N-Quads with the last build on ``store``; see
    ``GraphDigests.compare``."""
    digests = GraphDigests(store)
    try:
        with digests.transaction(), gzip.open(quads_path, "rb") as quads:
            return digests.compare(quads, delta, base_iri=base_iri, extra=extra)  # type: ignore[arg-type]
    finally:
        digests.close()


@dataclass(frozen=True)
class Delta:
    """One delta folder, as ``delta.json`` describes it."""

    folder: Path
    build: int
    fingerprint: str
    base: BuildState | None
    changed_graphs: int
    removed_graphs: int

    @classmethod
    def read(cls, folder: Path) -> Delta:
        """Read a delta folder's manifest (DeltaError naming the file if it is not one)."""
        path = folder / MANIFEST
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            if document.get("format") != FORMAT:
                raise DeltaError(f"{path}: delta format {document.get('format')!r}, not {FORMAT}")
            base = document["base"]
            return cls(
                folder,
                int(document["build"]),
                str(document["fingerprint"]),
                BuildState(int(base["build"]), str(base["fingerprint"])) if base else None,
                int(document["changed_graphs"]),
                int(document["removed_graphs"]),
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise DeltaError(f"{path}: not a kg delta manifest ({error})") from error

    def changed(self) -> Iterator[tuple[str, list[bytes]]]:
        """Each changed graph's IRI and its triples as N-Triples lines."""
        with (self.folder / CHANGED).open("rb") as stream:
            for name, lines in graph_runs(stream):
                cut = len(name) + 4  # " <iri> .\n" becomes " .\n"
                yield name[1:-1].decode("utf-8"), [line[:-cut] + b" .\n" for line in lines]

    def removed(self) -> list[str]:
        """The removed graphs' IRIs."""
        text = (self.folder / REMOVED).read_text(encoding="utf-8")
        return [line for line in text.splitlines() if line]


def deltas(path: Path) -> list[Delta]:
    """The deltas at ``path``: one delta folder, or a folder of them, by build number."""
    if (path / MANIFEST).is_file():
        return [Delta.read(path)]
    if not path.is_dir():
        raise DeltaError(f"{path}: no such delta folder")
    folders = sorted(p for p in path.iterdir() if p.is_dir() and p.name.isdigit())
    return sorted((Delta.read(folder) for folder in folders), key=lambda d: d.build)
