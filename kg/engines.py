"""Engines run the pure per-file function over many files: in this process, in worker
processes, or on a Dask cluster. Each yields FileResults in the order of the sources,
so the build's output never depends on the engine or the number of workers."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from typing import TYPE_CHECKING, Any

from kg.errors import ConfigError
from kg.extract import Extractor, pipeline
from kg.readers.limits import Limits
from kg.readers.mapping import NO_FIELDS, FieldMap

if TYPE_CHECKING:
    from kg.builder import FileResult

ENGINES = ("local", "dask")
PARTITION_FILES = 250
"""The most files a Dask partition holds (beyond four partitions per worker)."""


def default_jobs() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@cache
def _steps(names: tuple[str, ...] | None) -> list[Extractor]:
    # Once per process: the extractors (and, through them, the spaCy model) load lazily.
    return pipeline(list(names) if names is not None else None)


def process(
    source: str, names: tuple[str, ...] | None, limits: Limits, fields: FieldMap = NO_FIELDS
) -> FileResult:
    """The unit of work, by extractor names, so it can be sent to another process."""
    from kg.builder import process_file

    return process_file(source, _steps(names), limits, fields)


def _process_many(
    sources: Sequence[str], names: tuple[str, ...] | None, limits: Limits, fields: FieldMap
) -> list[FileResult]:
    return [process(source, names, limits, fields) for source in sources]


def run_local(
    sources: Sequence[str],
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
    # Chunks keep inter-process traffic low; map() keeps the order of the sources.
    chunk = max(1, min(64, len(sources) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        count = len(sources)
        yield from pool.map(
            process, sources, [names] * count, [limits] * count, [fields] * count, chunksize=chunk
        )


def run_dask(
    sources: Sequence[str],
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
        import dask.bag as db
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise ConfigError("the dask engine needs the dask extra: pip install 'kg[dask]'") from error
    if not sources:
        return
    # Four partitions per worker at least, and no more than a few hundred files in
    # one: the client holds a few partitions' results at a time.
    partitions = max(1, min(len(sources), max(jobs * 4, -(-len(sources) // PARTITION_FILES))))
    bag = db.from_sequence(list(sources), npartitions=partitions)  # type: ignore[no-untyped-call]
    delayed = bag.map_partitions(_process_many, names, limits, fields).to_delayed()
    cluster: Any = None
    if scheduler is None:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
    with Client(scheduler or cluster) as client:  # type: ignore[no-untyped-call]
        window = max(2, jobs * 2)
        futures: list[Any] = []
        for part in delayed:
            futures.append(client.compute(part))
            if len(futures) >= window:
                yield from futures.pop(0).result()
        for future in futures:
            yield from future.result()
    if cluster is not None:
        cluster.close()


def run(
    engine: str,
    sources: Sequence[str],
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
