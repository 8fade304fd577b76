"""Orchestration: paths -> readers -> extractors -> resolver -> graph -> exporters."""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, replace
from pathlib import Path

from kg import engines, storesync
from kg.atomic import atomic_write, remove_leftovers
from kg.delta import BuildState, DeltaReport, GraphDigests
from kg.errors import ConfigError, InputError, InputNote, StorageError
from kg.export import DEFAULT_FORMATS, Exporter, exporters
from kg.export.neo4j_delta import write_cypher
from kg.extract import Extractor, extract, pipeline
from kg.factstore import FactsStore, extraction_fingerprint
from kg.graph import KnowledgeGraph
from kg.locking import Waiting, build_locks
from kg.model import Article, ArticleFacts, BuildReport, FileResult, Skipped
from kg.namespaces import KG, SDO, SKOS
from kg.readers import discover, read_file, split
from kg.readers.chunks import Part
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.readers.mapping import NO_FIELDS, FieldMap, FieldsOption
from kg.resolution import ResolutionState
from kg.resolve import DEFAULT_BASE, Resolver
from kg.timelimit import TimeLimitExceeded, time_limit

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
"""Called with (stage, done, in all) as a build goes: ``read`` counts files, ``load``
records, and each ``write FORMAT`` goes from 0 to 1."""

REPORT_FILE = "build-report.json"

# The summary's rows: label -> class whose instances are counted.
SUMMARY_CLASSES = {
    "articles": str(SDO.NewsArticle),
    "outlets": str(SDO.NewsMediaOrganization),
    "people": str(SDO.Person),
    "officials": str(KG.Official),
    "cities": str(SDO.City),
    "organizations": str(SDO.Organization),
    "topics": str(SKOS.Concept),
    "quotes": str(SDO.Quotation),
}


def process_file(
    source: str | Part,
    steps: Sequence[Extractor],
    limits: Limits = DEFAULT_LIMITS,
    fields: FieldMap = NO_FIELDS,
    *,
    beat: Callable[[], None] | None = None,
) -> FileResult:
    """Read and extract one file, or one part of a big one: the pure unit of work
    engines distribute.

    Whatever goes wrong with one file stays in its result: a bad record, a bug met on
    it, a step that runs past ``limits.max_file_seconds`` (reading the file, or
    extracting one of its records) are errors beside the facts of its other records.
    ``beat`` is called as each step starts, so a supervisor can tell work from a hang.
    """
    if isinstance(source, Part):
        result = FileResult(source.source, part=source.index, parts=source.count)
    else:
        result = FileResult(source)
    name = result.source
    seconds = limits.max_file_seconds
    unused: set[str] = set()
    items = read_file(source, limits=limits, fields=fields)
    while True:
        if beat is not None:
            beat()
        clock = time.perf_counter()
        try:
            with time_limit(seconds):
                item = next(items, None)
        except TimeLimitExceeded:
            result.errors.append(_stopped(name, seconds, "reading it"))
            break
        finally:
            result.read_seconds += time.perf_counter() - clock
        if item is None:
            break
        if isinstance(item, InputError):
            result.errors.append(item)
            continue
        unused.update(item.unused)
        if beat is not None:
            beat()
        clock = time.perf_counter()
        try:
            with time_limit(seconds):
                result.facts.append(extract(item, steps))
        except TimeLimitExceeded:
            result.errors.append(_stopped(name, seconds, "extracting it", line=item.line))
        except Exception as error:  # an extractor bug must not lose the other articles
            log.debug("extraction failed for %s", name, exc_info=True)
            result.errors.append(
                InputError.internal(name, error, line=item.line, doing="extracting it")
            )
        finally:
            result.extract_seconds += time.perf_counter() - clock
    result.unused_fields = sorted(unused)
    return result


def _stopped(source: str, seconds: int, doing: str, *, line: int | None = None) -> InputError:
    reason = f"{doing} took longer than {seconds} s: stopped (limit max_file_seconds)"
    return InputError(source, reason, line=line)


def _record(report: BuildReport, error: InputError, strict: bool) -> None:
    if isinstance(error, InputNote):  # records left out on purpose, said once per file
        report.problems.append(str(error))
        return
    if strict:
        raise error
    log.warning("%s", error)
    if error.detail:
        log.debug("%s\n%s", error, error.detail)
    report.skipped.append(Skipped(error.location, error.reason, error.detail))


def build(
    paths: Iterable[str | Path],
    *,
    base: str = DEFAULT_BASE,
    extractors: Sequence[str] | None = None,
    progress: Progress | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    engine: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
    store: str | Path | None = None,
    prune: bool = False,
    fields: FieldMap | FieldsOption | None = None,
    wait: bool = True,
    waiting: Waiting | None = None,
    delta: str | Path | None = None,
) -> KnowledgeGraph:
    """Build the knowledge graph of the articles in ``paths`` (files, folders, globs).

    Files that cannot be read are reported in ``graph.report.skipped`` and the
    build goes on, unless ``strict`` is set. ``jobs`` worker processes (or a Dask
    cluster, ``engine="dask"``) read and extract; the output is the same whatever
    the engine. With ``store`` (a folder), the facts of each file and the built
    dataset are kept there, and files whose content has not changed are not read
    again; ``prune`` drops the facts of files that are gone. ``fields`` maps kg fields to
    the records' own names (``{"date": "published_on"}``, see docs/input.md); the fields
    no rule read are counted in ``graph.report.unused_fields``. ``graph.report.timings``
    gives each stage's seconds.

    A store is used by one build at a time: when another build holds it, this one
    waits (telling ``waiting`` why), or raises LockedError with ``wait=False``.

    With a store, the digest of each named graph is recorded there, and with ``delta``
    (a folder) what changed since the store's last build is written into it
    (``kg.delta``); ``graph.report.outputs["delta"]`` names the delta written.
    """
    return build_to(
        paths,
        None,
        formats=(),
        base=base,
        extractors=extractors,
        progress=progress,
        strict=strict,
        limits=limits,
        engine=engine,
        jobs=jobs,
        scheduler=scheduler,
        store=store,
        prune=prune,
        fields=fields,
        wait=wait,
        waiting=waiting,
        delta=delta,
        cypher=True,  # the whole graph is made, so the delta gets its Neo4j script
    )


def _check_delta(store: str | Path | None, delta: str | Path | None) -> None:
    if delta is not None and store is None:
        raise ConfigError(
            "--delta needs --store: a delta is what changed since the last build on a store"
        )


def _folder(path: str | Path | None) -> Path | None:
    return Path(path) if path is not None else None


def _build(
    paths: Iterable[str | Path],
    *,
    base: str,
    extractors: Sequence[str] | None,
    progress: Progress | None,
    strict: bool,
    limits: Limits,
    engine: str,
    jobs: int,
    scheduler: str | None,
    store: str | Path | None,
    prune: bool,
    fields: FieldMap,
    delta: Path | None = None,
    full: bool = True,
    cypher: bool = True,
) -> KnowledgeGraph:
    """Read, extract, resolve and load; with a store, record the graphs' digests and the
    resolution state, and write the ``delta`` (with its Neo4j script when ``cypher``).
    Without ``full`` (a build for its delta alone, on a store whose state is kept), no
    dataset is made: the graph is empty."""
    report = BuildReport()
    resolver = Resolver(base)  # checks the base IRI before anything is made
    names = tuple(extractor.name for extractor in pipeline(extractors))
    sources, missing = discover(paths)
    for error in missing:
        _record(report, error, strict)
    report.files = len(sources)
    fingerprint = (
        extraction_fingerprint(names, reading=fields.describe()) if store is not None else ""
    )
    facts_store = FactsStore(Path(store) if store is not None else None, fingerprint=fingerprint)
    digests = GraphDigests(Path(store)) if store is not None else None
    state = (
        ResolutionState(digests.db, Path(store), key=f"{fingerprint} {base}")
        if digests is not None and store is not None
        else None
    )
    # With a kept state, the resolver is made from it: records are not observed one by one.
    kept = state is not None and state.valid
    timings = report.timings
    fields_seen = _FieldCounter(report.unused_fields)
    observer = None if kept else resolver
    try:
        started = time.perf_counter()
        fresh = facts_store.changed(sources)
        cutting = _cutting(fresh, limits, jobs)
        work = _work(fresh, cutting, facts_store, report, observer, strict, fields_seen)
        results = engines.run(
            engine, work, names, limits, jobs=jobs, scheduler=scheduler, fields=fields
        )
        done = len(sources) - len(fresh)
        timings["read (worker seconds)"] = timings["extract (worker seconds)"] = 0.0
        for result in results:
            # Resolution observes each file (or part) as it arrives; its facts wait on disk.
            _observe(result, report, observer, strict, fields_seen)
            with _storage(facts_store.folder):
                facts_store.save(result)
            timings["read (worker seconds)"] += result.read_seconds
            timings["extract (worker seconds)"] += result.extract_seconds
            if result.part == result.parts - 1:
                done += 1
                if progress is not None:
                    progress("read", done, len(sources))
        timings["read+extract"] = time.perf_counter() - started
        started = time.perf_counter()
        report.reused = len(sources) - len(fresh)
        report.pruned = facts_store.prune(sources) if prune else 0
        if digests is None or state is None:
            for result in facts_store.results(excluding=set(fresh)):
                _observe(result, report, resolver, strict, fields_seen)
            resolver.finish()
            timings["resolve"] = time.perf_counter() - started
            graph = _load(facts_store.results(), facts_store, resolver, report, progress)
        else:
            with digests.transaction():
                graph = _build_on_store(
                    facts_store,
                    digests,
                    state,
                    resolver,
                    report,
                    fresh=set(fresh),
                    strict=strict,
                    fields_seen=fields_seen,
                    progress=progress,
                    delta=delta,
                    full=full,
                    cypher=cypher,
                )
            state.clean()
    finally:
        facts_store.close()
        if digests is not None:
            digests.close()
    started = time.perf_counter()
    graph.report = report
    if graph.has_data:
        report.counts = {
            label: graph.count_instances(iri) for label, iri in SUMMARY_CLASSES.items()
        }
        report.triples = len(graph)
    timings["count"] = time.perf_counter() - started
    return graph


def _load(
    results: Iterable[FileResult],
    facts_store: FactsStore,
    resolver: Resolver,
    report: BuildReport,
    progress: Progress | None,
    on_record: Callable[[ArticleFacts, str, list[str], list[str]], None] | None = None,
) -> KnowledgeGraph:
    """Every record's statements into the build's dataset."""
    started = time.perf_counter()
    with _storage(facts_store.work_folder()):
        graph = KnowledgeGraph.from_facts(
            (facts for result in results for facts in result.facts),
            resolver,
            within=facts_store.work_folder(),
            progress=_load_progress(progress, report),
            on_record=on_record,
        )
    report.timings["load"] = time.perf_counter() - started
    return graph


def _build_on_store(
    facts_store: FactsStore,
    digests: GraphDigests,
    state: ResolutionState,
    resolver: Resolver,
    report: BuildReport,
    *,
    fresh: set[str],
    strict: bool,
    fields_seen: _FieldCounter,
    progress: Progress | None,
    delta: Path | None,
    full: bool,
    cypher: bool,
) -> KnowledgeGraph:
    """Resolve and load with the store's resolution state (``kg.resolution``), and record
    the graphs' digests (``kg.delta``), in the build's transaction.

    With a kept state, resolution is finished on its sum and only the records whose
    statements may change are made again; the delta names the graphs they write, and the
    digests of those graphs are recorded. With ``full`` the whole dataset is made too (for
    exports), from the statements the state keeps of every record: no facts file is read
    and no statement made again. Without a kept state (a first build, other extraction
    code), every record is made and recorded, and every graph's digest taken from the
    dataset.
    """
    timings = report.timings
    started = time.perf_counter()
    if state.valid:
        resolver, changes = state.update(facts_store, resolver.base)
        timings["resolve"] = time.perf_counter() - started
        if full:
            # The files read by this build were counted as they came; the others' reports
            # are kept with the state, and so are every record's statements.
            for kept in state.summaries(excluding=fresh):
                _tally(kept.result, kept.records, report, strict, fields_seen)
            started = time.perf_counter()
            with _storage(facts_store.work_folder()):
                graph = state.rebuild(
                    resolver,
                    within=facts_store.work_folder(),
                    progress=_load_progress(progress, report),
                )
            timings["load"] = time.perf_counter() - started
        else:
            graph = KnowledgeGraph(base=resolver.base)
            report.records = state.records()
            report.words = state.words()
        started = time.perf_counter()
        found = digests.update(
            changes,
            delta,
            base_iri=resolver.base,
            extra=_cypher(graph, facts_store.folder) if delta and full and cypher else None,
        )
        _delta_done(graph, report, found, delta, started)
        state.save()
        return graph
    # Without a kept state (a first build, other extraction code, a state of an earlier
    # kg): every record is observed, made and recorded.
    for result in facts_store.results(excluding=fresh):
        _observe(result, report, resolver, strict, fields_seen)
    resolver.finish()
    timings["resolve"] = time.perf_counter() - started
    state.reset()
    records, recorder = state.record(facts_store, resolver)
    graph = _load(
        (FileResult("", facts=[item]) for item in records),
        facts_store,
        resolver,
        report,
        progress,
        on_record=recorder,
    )
    state.recorded(resolver)
    started = time.perf_counter()
    dataset = graph.dataset
    dataset.finish()
    with gzip.open(dataset.quads_path, "rb") as quads:
        found = digests.compare(
            quads,  # type: ignore[arg-type]
            delta,
            base_iri=graph.base,
            extra=_cypher(graph, facts_store.folder) if delta and cypher else None,
        )
    _delta_done(graph, report, found, delta, started)
    state.save()
    return graph


def _cypher(
    graph: KnowledgeGraph, store: Path
) -> Callable[[Path, set[str], BuildState | None], None]:
    """What adds the Neo4j script to a delta (``kg.export.neo4j_delta``)."""

    def cypher(target: Path, touched: set[str], base: BuildState | None) -> None:
        write_cypher(graph, touched, target, store, base)

    return cypher


def _delta_done(
    graph: KnowledgeGraph,
    report: BuildReport,
    found: DeltaReport,
    delta: Path | None,
    started: float,
) -> None:
    if found.folder is not None:
        report.outputs["delta"] = found.folder
    report.timings["digest graphs" + (" and write delta" if delta else "")] = (
        time.perf_counter() - started
    )


def _load_progress(progress: Progress | None, report: BuildReport) -> Callable[[int], None] | None:
    """The loading step's progress: records loaded of the report's records."""
    if progress is None:
        return None
    return lambda records: progress("load", records, report.records)


@contextmanager
def _storage(folder: Path | None) -> Iterator[None]:
    """Turn a failed write of the build's working files into an error that says what to do."""
    try:
        yield
    except OSError as error:
        where = folder or Path(tempfile.gettempdir())
        raise StorageError(
            f"cannot write the build's working files in {where} ({error}); a build needs "
            "about 170 bytes of temporary space per quad: give --store a folder on a disk "
            "with room, or set TMPDIR"
        ) from error


MIN_PART_BYTES = 64 * 1024
"""Parts of a big file are no smaller than this when they are cut to share it among workers."""


def _cutting(sources: Sequence[str], limits: Limits, jobs: int) -> Limits:
    """The limits to cut big files with: parts of ``limits.chunk_bytes`` at most, and small
    enough that ``jobs`` workers get four parts each of what there is to read (so one
    JSON Lines file keeps every worker busy)."""
    if jobs <= 1:
        return limits
    total = 0
    for source in sources:
        with contextlib.suppress(OSError):
            total += Path(source).stat().st_size
    share = max(MIN_PART_BYTES, total // (4 * jobs))
    return replace(limits, chunk_bytes=min(limits.chunk_bytes, share))


def _work(
    sources: Sequence[str],
    limits: Limits,
    facts_store: FactsStore,
    report: BuildReport,
    resolver: Resolver | None,
    strict: bool,
    fields_seen: _FieldCounter,
) -> list[str | Part]:
    """The units of work: each file, or each part of a big one (``kg.readers.chunks``).

    The parts an earlier, killed build saved are not read again: they are observed
    from the store here.
    """
    facts_store.cut = f"{limits.chunk_bytes}/{limits.max_file_bytes}"
    work: list[str | Part] = []
    for source in sources:
        parts = split(source, limits)
        if parts is None:
            work.append(source)
            continue
        saved = facts_store.resumed(source, parts)
        if saved:
            for result in facts_store.saved(source):
                _observe(result, report, resolver, strict, fields_seen)
        work.extend(parts[saved:])
    return work


class _FieldCounter:
    """Counts, per unused field name, the files that had it: once per file, however many
    parts the file was read as (a file's parts come one after another)."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.seen: dict[str, set[str]] = {}

    def add(self, result: FileResult) -> None:
        """Count the unused fields of one file, or of one part of a big file."""
        if result.parts == 1:
            names: Iterable[str] = result.unused_fields
        else:
            seen = self.seen.setdefault(result.source, set())  # a few big files' names
            names = [name for name in result.unused_fields if name not in seen]
            seen.update(names)
        for name in names:
            self.counts[name] = self.counts.get(name, 0) + 1


def _observe(
    result: FileResult,
    report: BuildReport,
    resolver: Resolver | None,
    strict: bool,
    fields_seen: _FieldCounter,
) -> None:
    """Count one file's records, note its problems, and show its facts to the resolver
    (if any: a kept resolution state has them already)."""
    records = [(facts.words, facts.problems) for facts in result.facts]
    _tally(result, records, report, strict, fields_seen)
    if resolver is not None:
        for facts in result.facts:
            resolver.observe(facts)


def _tally(
    result: FileResult,
    records: Iterable[tuple[int, Sequence[str]]],
    report: BuildReport,
    strict: bool,
    fields_seen: _FieldCounter,
) -> None:
    """Count one file's (or part's) records, given as (words, problems), and note its
    problems: from its facts, or from what a store's resolution state keeps of them."""
    records = list(records)
    errors = [e for e in result.errors if not isinstance(e, InputNote)]
    if strict and (errors or any(problems for _, problems in records)):
        said = [str(e) for e in errors] + [p for _, found in records for p in found]
        raise InputError(result.source, "; ".join(said))
    for error in result.errors:
        _record(report, error, strict)
    fields_seen.add(result)
    for words, problems in records:
        report.records += 1
        report.words += words
        report.problems.extend(problems)


def build_to(
    paths: Iterable[str | Path],
    output: str | Path | None,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    base: str = DEFAULT_BASE,
    extractors: Sequence[str] | None = None,
    progress: Progress | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    engine: str = "local",
    jobs: int = 1,
    scheduler: str | None = None,
    store: str | Path | None = None,
    prune: bool = False,
    fields: FieldMap | FieldsOption | None = None,
    wait: bool = True,
    waiting: Waiting | None = None,
    delta: str | Path | None = None,
    cypher: bool = False,
) -> KnowledgeGraph:
    """Build, then write each format into the ``output`` folder and a ``build-report.json``.

    The store, the delta folder and the output folder are locked for the whole build
    (see ``build``). With ``output`` None, no export is written: a build for its
    ``delta`` alone, which costs what changed (``kg.resolution``) and returns a graph
    without data (its report counts no instances); with ``cypher`` it makes the whole
    graph all the same, to write the delta's Neo4j script.
    """
    chosen = [exporters.get(name) for name in formats]
    folder = _folder(output)
    _check_delta(store, delta)
    with build_locks(_folder(store), _folder(delta), folder, wait=wait, waiting=waiting):
        if folder is not None:
            remove_leftovers(folder)  # of a build that was killed while it wrote
        # A query store loaded from the export this build replaces follows it (kg.storesync)
        # with the build's delta: the user's, or one made for it alone (no Neo4j script).
        follow = storesync.following(folder, _folder(store))
        own_delta = (
            storesync.private_delta(Path(store)) if follow and store and delta is None else None
        )
        try:
            graph = _build(
                paths,
                base=base,
                extractors=extractors,
                progress=progress,
                strict=strict,
                limits=limits,
                engine=engine,
                jobs=jobs,
                scheduler=scheduler,
                store=store,
                prune=prune,
                fields=FieldMap.of(fields),
                delta=_folder(delta) or own_delta,
                full=folder is not None or delta is None or cypher,
                cypher=own_delta is None,
            )
            delta_written = graph.report.outputs.pop("delta", None)
            if own_delta is None and delta_written is not None:
                graph.report.outputs["delta"] = delta_written
            if folder is not None:
                _write_exports(graph, chosen, folder, progress)
                if store is not None:
                    written = {Path(path) for path in graph.report.outputs.values()}
                    updated = storesync.after_build(
                        folder,
                        Path(store),
                        written,
                        follow,
                        Path(delta_written) if delta_written else None,
                    )
                    if updated is not None:
                        graph.report.outputs["query store"] = str(updated.location)
                        graph.report.timings["update the query store"] = updated.seconds
        finally:
            if own_delta is not None:
                storesync.remove_private(own_delta)
    return graph


def _write_exports(
    graph: KnowledgeGraph, chosen: list[Exporter], folder: Path, progress: Progress | None
) -> None:
    for exporter in chosen:
        started = time.perf_counter()
        target = folder / exporter.filename
        if progress is not None:
            progress(f"write {exporter.name}", 0, 1)
        try:
            exporter.write(graph, target)
        except OSError as error:
            raise StorageError(f"cannot write {target}: {error}") from error
        if progress is not None:
            progress(f"write {exporter.name}", 1, 1)
        graph.report.outputs[exporter.name] = str(target)
        graph.report.timings[f"write {exporter.name}"] = time.perf_counter() - started
    write_report(graph.report, folder / REPORT_FILE)


def write_report(report: BuildReport, path: Path) -> None:
    """Write the build report as JSON, without timings, so it is reproducible byte for byte."""
    data = asdict(report)
    data.pop("timings")
    data.pop("outputs")
    data.pop("reused")
    data["skipped"] = sorted(
        (
            {"location": s.location, "reason": s.reason}
            | ({"traceback": s.detail} if s.detail else {})
            for s in report.skipped
        ),
        key=lambda s: (s["location"], s["reason"]),
    )
    data["problems"] = sorted(set(report.problems))
    atomic_write(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


__all__ = ["Article", "FileResult", "Part", "build", "build_to", "process_file"]
