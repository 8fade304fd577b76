"""Engines run the pure per-file function over many files (or parts of big files, see
``kg.readers.chunks``): in this process, in worker processes, or on a Dask cluster. Each
yields FileResults in the order of the sources, so the build's output never depends on
the engine or the number of workers."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any

from kg.errors import ConfigError, InputError
from kg.extract import Extractor, extract, pipeline
from kg.model import Article, FileResult
from kg.readers.chunks import Part
from kg.readers.limits import Limits
from kg.readers.mapping import NO_FIELDS, FieldMap
from kg.workers import Beat, TaskFailure, run_supervised

ENGINES = ("local", "dask")
HANG_GRACE_SECONDS = 60
"""How long past a step's time limit a silent worker process is given before it is stopped."""
PARTITION_FILES = 250
"""The most files a Dask partition holds (beyond four partitions per worker)."""


def default_jobs() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@cache
def _steps(names: tuple[str, ...] | None) -> list[Extractor]:
    """The extractors, once per process, warmed up on a small article: what they load
    lazily (the spaCy model, gazetteers) must not count against a file's time limit."""
    steps = pipeline(list(names) if names is not None else None)
    warm_up = Article(source="<warm-up>", title="Mayor Jane Doe of Springfield said: “Yes.”")
    with contextlib.suppress(Exception):  # a broken extractor is reported on real articles
        extract(warm_up, steps)
    return steps


def process(
    source: str | Part,
    names: tuple[str, ...] | None,
    limits: Limits,
    fields: FieldMap = NO_FIELDS,
    *,
    beat: Beat | None = None,
) -> FileResult:
    """The unit of work, by extractor names, so it can be sent to another process."""
    from kg.builder import process_file

    return process_file(source, _steps(names), limits, fields, beat=beat)


def _failed(failure: TaskFailure) -> FileResult:
    """The result of a file whose worker died or hung: the file is skipped with the reason."""
    item = failure.arguments[0]
    if isinstance(item, Part):
        error = InputError(item.source, f"skipped: {failure.reason}", line=item.line)
        return FileResult(item.source, errors=[error], part=item.index, parts=item.count)
    return FileResult(item, errors=[InputError(item, f"skipped: {failure.reason}")])


def _process_many(
    sources: Sequence[str | Part], names: tuple[str, ...] | None, limits: Limits, fields: FieldMap
) -> list[FileResult]:
    return [process(source, names, limits, fields) for source in sources]


def run_local(
    sources: Sequence[str | Part],
    names: tuple[str, ...] | None,
    limits: Limits,
    *,
    jobs: int,
    fields: FieldMap = NO_FIELDS,
) -> Iterator[FileResult]:
    """In this process (``jobs=1``) or in ``jobs`` worker processes, in source order."""
    # Starting workers (each loads the spaCy model) only pays off for several files each.
    if jobs <= 1 or len(sources) < 2 * jobs:
        for source in sources:
            yield process(source, names, limits, fields)
        return
    # A worker that stops sending heartbeats is stuck where the time limit cannot
    # reach (in C code): it is stopped a minute after its step's limit.
    results = run_supervised(
        process,
        ((source, names, limits, fields) for source in sources),
        jobs=jobs,
        hang_seconds=limits.max_file_seconds + HANG_GRACE_SECONDS,
    )
    for result in results:
        yield _failed(result) if isinstance(result, TaskFailure) else result


def run_dask(
    sources: Sequence[str | Part],
    names: tuple[str, ...] | None,
    limits: Limits,
    *,
    jobs: int,
    scheduler: str | None = None,
    fields: FieldMap = NO_FIELDS,
) -> Iterator[FileResult]:
    """As a Dask bag over partitions of the sources, on ``scheduler`` or a LocalCluster.

    Partitions are gathered in order, a few at a time, so memory stays bounded.
    """
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise ConfigError("the dask engine needs the dask extra: pip install 'kg[dask]'") from error
    if not sources:
        return
    # Four partitions per worker at least, and no more than a few hundred files in
    # one: the client holds a few partitions' results at a time.
    count = max(1, min(len(sources), max(jobs * 4, -(-len(sources) // PARTITION_FILES))))
    size = -(-len(sources) // count)
    partitions = [list(sources[start : start + size]) for start in range(0, len(sources), size)]
    cluster: Any = None
    if scheduler is None:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
    with Client(scheduler or cluster) as client:  # type: ignore[no-untyped-call]
        window = max(2, jobs * 2)
        futures: list[tuple[list[str | Part], Any]] = []
        for partition in partitions:
            task = dask.delayed(_process_many)(partition, names, limits, fields)  # type: ignore[attr-defined]
            futures.append((partition, client.compute(task)))
            if len(futures) >= window:
                yield from _gathered(*futures.pop(0))
        for partition, future in futures:
            yield from _gathered(partition, future)
    if cluster is not None:
        cluster.close()


def _gathered(partition: list[str | Part], future: Any) -> list[FileResult]:
    """A partition's results; when its task failed (its worker died, say), each of its
    files skipped with the reason, and the other partitions go on."""
    try:
        return list(future.result())
    except Exception as error:
        reason = f"the Dask task of its partition failed: {type(error).__name__}: {error}"
        return [_failed(TaskFailure((source,), reason)) for source in partition]


def run(
    engine: str,
    sources: Sequence[str | Part],
    names: tuple[str, ...] | None,
    limits: Limits,
    *,
    jobs: int,
    scheduler: str | None = None,
    fields: FieldMap = NO_FIELDS,
) -> Iterator[FileResult]:
    """Dispatch to an engine by name: ``local`` (processes) or ``dask``."""
    runners: dict[str, Callable[[], Iterator[FileResult]]] = {
        "local": lambda: run_local(sources, names, limits, jobs=jobs, fields=fields),
        "dask": lambda: run_dask(
            sources, names, limits, jobs=jobs, scheduler=scheduler, fields=fields
        ),
    }
    if engine not in runners:
        raise ConfigError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise ConfigError("--scheduler needs --engine dask")
    return runners[engine]()
