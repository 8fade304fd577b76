"""Kept answers: the results of every shipped query over a build, written once.

A shipped query's answer depends on nothing but the export and the query's text, and
the ones that list the whole graph (``people``, ``timeline``, ``mentions``,
``evidence``: 65,000 to 977,000 rows at 10,000 articles) take 12 to 99 s each in
memory and several times that from the query store's on-disk indexes, however the
query is written (the engine's cost per row). So each shipped query's SPARQL 1.1 TSV
results document (lossless: every term in N-Triples syntax) is kept, in the query's
order, with its CSV document, and ``kg query BUILD people`` (the shipped name) reads
them instead of running the query: TSV and CSV as they are, JSON, XML and rows
through pyoxigraph's results parser, in Rust.

The answers live beside the query store they belong to, named by the same
fingerprint (``.kg-query-store/NAME-FINGERPRINT.answers/QUERY-DIGEST.tsv``; the
digest is the query text's, so a kg version whose query changed runs it on the store
instead of reading an answer to another question), and have the store's life: written
under the store folder's exclusive lock, each file renamed into place when whole,
removed with the store when the export changes. They are made by running the
shipped SPARQL itself over the export loaded in memory (where these joins run 3 to 8
times faster than on disk), so their rows are the query's rows by construction.
They are made by `kg answers BUILD`, by `kg serve` on its first start (after the entity
index), and, like ``git gc --auto``, in a detached background process at a lower priority
that `kg query` starts after a query it ran on the store (``keep_in_background``), so that
the first query pays for the store alone and the shipped queries after it are read.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.atomic import atomic_write
from kg.errors import StorageError
from kg.locking import Waiting, folder_lock, in_use
from kg.querystore import StoreBuild, fingerprint, store_root
from kg.rdffiles import rdf_file

log = logging.getLogger(__name__)

SUFFIX = ".answers"
"""A store's kept answers are in the folder named as the store's, with this suffix."""

LOG_SUFFIX = ".answers.log"
"""The log of a background process making a store's answers: named as the store, beside it."""


def _shipped() -> dict[str, str]:
    from kg.sparql import named_queries

    return {name: named.text for name, named in named_queries().items()}


def _file_name(name: str, text: str) -> str:
    digest = hashlib.blake2b(text.encode(), digest_size=6).hexdigest()
    return f"{name}-{digest}.tsv"


def answers_path(build: StoreBuild) -> Path:
    """Where the kept answers of a query store live: beside it, same fingerprint."""
    return build.location.with_name(build.location.name + SUFFIX)


def find(path: str | Path, name: str) -> Path | None:
    """The kept answer of the shipped query ``name`` over the export ``path`` (an export
    or a build folder), or None (not a shipped query, or not kept yet)."""
    if name not in _shipped():
        return None
    source, _ = rdf_file(Path(path))
    return _found(store_root(source) / f"{source.name}-{fingerprint(source)}", name)


def find_for(build: StoreBuild, name: str) -> Path | None:
    """The kept answer of the shipped query ``name`` for an opened query store, or None."""
    return _found(build.location, name)


def _found(location: Path, name: str) -> Path | None:
    text = _shipped().get(name)
    if text is None:
        return None
    document = location.with_name(location.name + SUFFIX) / _file_name(name, text)
    return document if document.is_file() else None


def ensure_answers(
    build: StoreBuild, *, wait: bool = True, waiting: Waiting | None = None
) -> tuple[Path, dict[str, tuple[float, float]] | None]:
    """The kept answers of every shipped query over the store ``build``, made if missing.

    Returns their folder and the wall and processor seconds the making took, by step
    (``load``, then each query; None when all were there). Raises LockedError when
    another process holds the store folder and ``wait`` is false.
    """
    target = answers_path(build)
    if not _missing(target):
        return target, None
    check_memory(build.source, available_memory())
    root = target.parent
    try:
        with folder_lock(root, wait=wait, waiting=waiting):
            missing = _missing(target)
            if not missing:  # another process made them while we waited
                return target, None
            if fingerprint(build.source) not in build.location.name:
                raise StorageError(f"{build.source} changed while its answers were to be kept")
            seconds = _make(build.source, target, missing, waiting)
            _write_made(target, seconds)
            _remove_stale(root, build.source.name, keep=target)
    except PermissionError as error:
        raise StorageError(f"{root}: cannot write the kept answers: {error}") from error
    log.info("kept the answers %s in %.1f s", target, sum(w for w, _ in seconds.values()))
    return target, seconds


# Peak memory of an export loaded in memory, per byte of the file (measured at 10,000
# articles: about 6 GiB for 2.6 GB of N-Quads, as much for 0.57 GB of Turtle).
_MEMORY_PER_BYTE = {".nq": 2.5, ".nt": 2.5}
_MEMORY_PER_BYTE_OTHER = 11.0


def memory_needed(source: Path) -> int:
    """About how many bytes ``source`` takes once loaded in memory (an estimate)."""
    factor = _MEMORY_PER_BYTE.get(source.suffix, _MEMORY_PER_BYTE_OTHER)
    return int(source.stat().st_size * factor)


def available_memory() -> int | None:
    """The memory the system can give without swapping (MemAvailable), None if unknown."""
    try:
        with Path("/proc/meminfo").open(encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def check_memory(source: Path, available: int | None) -> None:
    """Raise StorageError when loading ``source`` in memory would not fit in ``available``
    bytes: a server killed by the system for its memory answers nobody."""
    needed = memory_needed(source)
    if available is not None and needed > available:
        raise StorageError(
            f"{source}: keeping the shipped queries' answers holds the export in memory, "
            f"about {needed / 2**30:.1f} GiB, and {available / 2**30:.1f} GiB are available: "
            "kg query and kg serve run them on the store instead"
        )


def _missing(target: Path) -> dict[str, str]:
    """The shipped queries (name: text) whose answer ``target`` does not hold."""
    return {
        name: text
        for name, text in _shipped().items()
        if not (
            (target / _file_name(name, text)).is_file()
            and (target / _file_name(name, text)).with_suffix(".csv").is_file()
        )
    }


def _make(
    source: Path, target: Path, queries: dict[str, str], progress: Waiting | None
) -> dict[str, tuple[float, float]]:
    """Run ``queries`` over ``source`` loaded in memory; each TSV document is written to
    a temporary file, renamed into ``target`` when whole."""
    from kg.graph import KnowledgeGraph

    target.mkdir(exist_ok=True)
    seconds: dict[str, tuple[float, float]] = {}
    if progress is not None:
        progress(f"kept answers: loading {source.name} into memory")
    started, cpu = time.perf_counter(), time.process_time()
    graph = KnowledgeGraph.load(source)
    graph.query("ASK { ?s ?p ?o }")  # the store is made on first use
    seconds["load"] = (time.perf_counter() - started, time.process_time() - cpu)
    for name, text in queries.items():
        if progress is not None:
            progress(f"kept answers: {name}")
        started, cpu = time.perf_counter(), time.process_time()
        document = target / _file_name(name, text)
        temporary = target / f"tmp-{os.getpid()}-{document.name}"
        try:
            answer = graph.query(text)
            if not isinstance(answer, ox.QuerySolutions):
                raise StorageError(f"the shipped query {name} is not a SELECT: no answer to keep")
            answer.serialize(str(temporary), ox.QueryResultsFormat.TSV)
            # The CSV too (what big answers are mostly asked as): a copy is faster than
            # a conversion, 3 s at a million rows.
            comma = document.with_suffix(".csv")
            comma_temporary = temporary.with_suffix(".csv")
            read(temporary).serialize(str(comma_temporary), ox.QueryResultsFormat.CSV)
            comma_temporary.rename(comma)
            temporary.rename(document)
        except BaseException:
            temporary.unlink(missing_ok=True)
            temporary.with_suffix(".csv").unlink(missing_ok=True)
            raise
        seconds[name] = (time.perf_counter() - started, time.process_time() - cpu)
    return seconds


MADE = "made.json"
"""In an answers folder: the seconds (wall and processor) of each step of its making."""


def _write_made(target: Path, seconds: dict[str, tuple[float, float]]) -> None:
    figures = {step: [round(wall, 2), round(cpu, 2)] for step, (wall, cpu) in seconds.items()}
    atomic_write(target / MADE, json.dumps(figures))


def _remove_stale(root: Path, name: str, *, keep: Path) -> None:
    """Remove the kept answers of older versions of ``name`` that no reader holds (we
    hold the folder's lock); their stores go the same way (``kg.querystore``)."""
    for path in root.iterdir():
        if path == keep or not path.is_dir() or not path.name.endswith(SUFFIX):
            continue
        if path.name.startswith(f"{name}-") and not in_use(path):
            shutil.rmtree(path, ignore_errors=True)
    for log_path in root.glob(f"{name}-*{LOG_SUFFIX}"):  # of background makings
        if log_path.name != keep.name.removesuffix(SUFFIX) + LOG_SUFFIX:
            log_path.unlink(missing_ok=True)
    for leftover in keep.glob("tmp-*"):  # of a killed making
        leftover.unlink(missing_ok=True)


@dataclass(frozen=True)
class Background:
    """A background process started to keep a store's answers: its id and its log."""

    pid: int
    log: Path


def keep_in_background(build: StoreBuild) -> Background | None:
    """Start a detached process, at a lower priority, that keeps the answers of the store
    ``build`` (``kg answers``); None when they are kept already or being made.

    Raises StorageError when the export would not fit in the memory available (nothing
    is started).
    """
    if not _missing(answers_path(build)) or in_use(build.location.parent):
        return None
    check_memory(build.source, available_memory())
    log_path = build.location.with_name(build.location.name + LOG_SUFFIX)
    command = [sys.executable, "-m", "kg", "answers", str(build.source), "--no-wait"]
    with log_path.open("ab") as output:
        process = subprocess.Popen(
            (["nice", "-n", "10"] if shutil.which("nice") else []) + command,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # not stopped by the terminal's Ctrl-C or hang-up
            close_fds=True,
        )
    return Background(process.pid, log_path)


def read(document: Path) -> ox.QuerySolutions:
    """A kept answer as query solutions (parsed by pyoxigraph as they are read)."""
    answer = ox.parse_query_results(path=str(document), format=ox.QueryResultsFormat.TSV)
    assert isinstance(answer, ox.QuerySolutions)
    return answer
