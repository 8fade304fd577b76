"""The ``kg`` command: thin wrappers over the library. Only this module prints or exits."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from kg import __version__
from kg.errors import KgError
from kg.resolve import DEFAULT_BASE

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3
"""The build finished, but some inputs were skipped (see build-report.json)."""

stderr = Console(stderr=True)
stdout = Console()


def _fail(error: KgError) -> click.ClickException:
    return click.ClickException(str(error))


def base_option(function: F) -> F:
    """The ``--base-iri`` option shared by commands that mint IRIs."""
    return click.option(
        "--base-iri",
        default=DEFAULT_BASE,
        show_default=True,
        help="Base of the IRIs minted for articles, people, places ...",
    )(function)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", is_flag=True, help="Log what kg does to stderr.")
@click.option(
    "--debug", is_flag=True, help="Log everything, with the tracebacks of internal errors."
)
def main(verbose: bool, debug: bool) -> None:
    """Turn folders of news articles into a linked-data knowledge graph."""
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.INFO if verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("exports"),
    show_default=True,
    help="Folder to write the graph files into.",
)
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    metavar="NAME",
    help="Export format (repeatable): turtle, ntriples, nquads, trig, html ... "
    "[default: turtle and html]",
)
@click.option(
    "--extractor",
    "extractors",
    multiple=True,
    metavar="NAME",
    help="Run only these extractors (repeatable). [default: all]",
)
@click.option(
    "--strict", is_flag=True, help="Stop at the first problem: a file skipped or a field dropped."
)
@click.option(
    "--limit",
    "limit_overrides",
    multiple=True,
    metavar="NAME=N",
    help="Change an input limit (repeatable): max_file_bytes, chunk_bytes, max_yaml_nodes, "
    "max_yaml_depth, max_json_depth, max_field_chars, max_body_chars, max_page_chars, "
    "max_file_seconds. See docs/input.md.",
)
@click.option(
    "--field",
    "field_items",
    multiple=True,
    metavar="KG_FIELD=NAME",
    help="Read a kg field from the records' own field NAME (repeatable), e.g. "
    "--field date=published_on --field body=story_text. See docs/input.md.",
)
@click.option(
    "--fields",
    "fields_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A YAML file of such mappings (date: published_on); --field entries come first.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (or Dask workers) for reading and extraction. [default: cores]",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine's processes; dask: a Dask cluster (pip install 'kg[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster).",
)
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep each file's facts (and the build's temporary files) here; "
    "later builds skip unchanged files, and a killed build resumes.",
)
@click.option(
    "--prune", is_flag=True, help="With --store: drop the facts of files no longer given."
)
@click.option(
    "--delta",
    type=click.Path(file_okay=False, path_type=Path),
    help="With --store: write what changed since the store's last build into this folder "
    "(DIR/NNNNNN/, for kg load --delta); without -f, no other output. See docs/scale.md.",
)
@click.option(
    "--delta-cypher",
    is_flag=True,
    help="With --delta and no -f: write the delta's Neo4j script (neo4j.cypher) too, which "
    "makes the whole graph (a build from the store) instead of the changed graphs alone.",
)
@click.option(
    "--no-wait",
    is_flag=True,
    help="Stop at once when another build is using the store or the output folder "
    "(by default, wait for it).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@base_option
def build(
    paths: tuple[str, ...],
    output: Path,
    formats: tuple[str, ...],
    extractors: tuple[str, ...],
    strict: bool,
    limit_overrides: tuple[str, ...],
    field_items: tuple[str, ...],
    fields_file: Path | None,
    jobs: int | None,
    engine: str,
    scheduler: str | None,
    store: Path | None,
    prune: bool,
    delta: Path | None,
    delta_cypher: bool,
    no_wait: bool,
    quiet: bool,
    base_iri: str,
) -> None:
    """Build the graph of the articles in PATHS (files, folders, globs) into OUTPUT.

    Each problem is reported on stderr as PATH:LINE: reason, and in
    OUTPUT/build-report.json (with the traceback of an internal error). Exit
    status: 0 when every input was read, 3 when some files or records were
    skipped, 1 on an error (or the first problem, with --strict). A step that
    runs past --limit max_file_seconds (reading a file, extracting a record) is
    stopped and skipped. One build at a time uses a store or an output folder.
    """
    from kg.builder import build_to
    from kg.engines import default_jobs
    from kg.readers.limits import DEFAULT_LIMITS, parse_overrides
    from kg.readers.mapping import NO_FIELDS, FieldMap

    try:
        limits = DEFAULT_LIMITS.with_overrides(parse_overrides(limit_overrides))
        fields = FieldMap.parse(field_items).then(
            FieldMap.load(fields_file) if fields_file else NO_FIELDS
        )
    except KgError as error:
        raise _fail(error) from error
    from kg.export import DEFAULT_FORMATS

    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
        disable=quiet,
    )
    units = {"read": "reading files", "load": "writing the graph: records"}
    with progress:
        task = progress.add_task(units["read"], total=None)

        def advance(stage: str, done: int, total: int) -> None:
            description = units.get(stage, stage)
            progress.update(task, description=description, completed=done, total=total)

        try:
            graph = build_to(
                paths,
                None if delta is not None and not formats else output,
                formats=formats or DEFAULT_FORMATS,
                base=base_iri,
                extractors=extractors or None,
                progress=advance,
                strict=strict,
                limits=limits,
                engine=engine,
                jobs=jobs or default_jobs(),
                scheduler=scheduler,
                store=store,
                prune=prune,
                fields=fields,
                delta=delta,
                cypher=delta_cypher,
                wait=not no_wait,
                waiting=lambda message: progress.console.print(
                    f"kg build: {message}", soft_wrap=True, highlight=False
                ),
            )
        except KgError as error:
            raise _fail(error) from error
    report = graph.report
    for skipped in report.skipped:
        click.echo(f"{skipped.location}: {skipped.reason}", err=True)
    for problem in sorted(set(report.problems)):
        click.echo(problem, err=True)
    if report.unused_fields:
        click.echo(f"unused fields: {unused_summary(report.unused_fields)}", err=True)
    if not quiet:
        table = Table(title=f"kg build: {report.files} files, {report.records} article records")
        table.add_column("", style="bold")
        table.add_column("count", justify="right")
        for label, count in report.counts.items():
            table.add_row(label, str(count))
        if report.counts:  # a build for its delta alone counts no instances
            table.add_row("triples", str(report.triples))
        table.add_row("files skipped", str(len(report.skipped)))
        stdout.print(table)
        for name, path in report.outputs.items():
            stdout.print(f"{name:>8}: {path}", highlight=False)
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


def unused_summary(unused: dict[str, int]) -> str:
    """``lastmod (412 files), slug (412 files)``: most files first, then by name.

    >>> unused_summary({"slug": 2, "heat": 1, "lastmod": 2})
    'lastmod (2 files), slug (2 files), heat (1 file)'
    """
    ranked = sorted(unused.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{name} ({n} file{'s' if n != 1 else ''})" for name, n in ranked)


@main.command()
@click.argument("graph", required=False)
@click.argument("query", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the SPARQL from FILE.rq.",
)
@click.option(
    "--format",
    "result_format",
    type=click.Choice(["table", "csv", "tsv", "json", "xml"]),
    default="table",
    show_default=True,
    help="How to print SELECT results.",
)
@click.option("--list", "list_queries", is_flag=True, help="List the shipped queries and exit.")
@click.option(
    "--no-wait",
    is_flag=True,
    help="Stop at once when another process is building the query store (by default, wait).",
)
@click.option(
    "--store/--no-store",
    default=True,
    show_default=True,
    help="Query the export's on-disk query store (made on first use), or parse the export "
    "into memory for this query (slower to start, faster on join-heavy queries).",
)
@click.option(
    "--keep-answers/--no-keep-answers",
    default=True,
    show_default=True,
    help="After a query on the query store, keep the shipped queries' answers in a "
    "background process at low priority (kg answers), unless they are kept already.",
)
def query(
    graph: str | None,
    query: str | None,
    query_file: Path | None,
    result_format: str,
    list_queries: bool,
    no_wait: bool,
    store: bool,
    keep_answers: bool,
) -> None:
    """Run SPARQL over GRAPH (an exported file or a build folder), read only.

    QUERY is SPARQL text or the name of a shipped query (see --list). SELECT
    prints a table (or CSV/TSV/JSON/XML results), ASK prints true or false,
    CONSTRUCT and DESCRIBE print Turtle. An export of 1 MiB or more is bulk
    loaded once into a query store beside it (.kg-query-store/), which later
    queries open in milliseconds; it is loaded again when the export changes.
    The shipped queries' answers are then kept in the background (see kg
    answers), and a shipped query is read from its kept answer instead of being
    run (docs/query.md, kept answers).
    """
    from kg.sparql import named_queries, open_graph, run

    if list_queries:
        table = Table(title="shipped queries (kg query GRAPH NAME)")
        table.add_column("name", style="bold")
        table.add_column("answers")
        for named in named_queries().values():
            table.add_row(named.name, named.description)
        stdout.print(table)
        return
    if graph is None or (query is None) == (query_file is None):
        raise click.UsageError("give GRAPH and either QUERY or -f FILE.rq (or --list)")
    text = query_file.read_text(encoding="utf-8") if query_file else str(query)
    try:
        result = run(
            graph if store else open_graph(graph),
            text,
            wait=not no_wait,
            waiting=lambda message: stderr.print(
                f"kg query: {message}", soft_wrap=True, highlight=False
            ),
            result_format=None if result_format == "table" else result_format,
        )
        if result.kind == "ask":
            click.echo("true" if result.boolean else "false")
        elif result.kind == "graph":
            from kg.namespaces import prefixes
            from kg.resolve import DEFAULT_BASE

            click.echo(result.turtle(prefixes(DEFAULT_BASE)).decode("utf-8"), nl=False)
        elif result_format != "table":
            click.echo(result.serialize(result_format), nl=False)  # bytes, as written
        else:
            table = Table(show_lines=False)
            for name in result.variables:
                table.add_column(name, overflow="fold")
            for row in result.rows:
                table.add_row(*(row[name] or "" for name in result.variables))
            stdout.print(table)
            stderr.print(f"{len(result.rows)} rows", highlight=False)
        if keep_answers:
            _keep_answers_in_background(result.graph)
    except KgError as error:
        raise _fail(error) from error


def _keep_answers_in_background(graph: KnowledgeGraph | None) -> None:
    """Start keeping the shipped queries' answers of the query store ``graph`` was read
    from, if it was one and they are not kept (kg.answers.keep_in_background)."""
    from kg.answers import keep_in_background
    from kg.errors import StorageError
    from kg.querystore import StoredGraph

    if not isinstance(graph, StoredGraph):
        return
    build = graph.query_store.build
    try:
        started = keep_in_background(build)
    except StorageError as error:
        if build.built:  # said once, when the store is loaded
            stderr.print(f"kg query: {error}", soft_wrap=True, highlight=False)
        return
    if started is not None:
        stderr.print(
            f"kg query: keeping the shipped queries' answers in the background (process "
            f"{started.pid}, log {started.log}); shipped queries read them once kept",
            soft_wrap=True,
            highlight=False,
        )


@main.command()
@click.argument("graph")
@click.option(
    "--no-wait",
    is_flag=True,
    help="Stop at once when another process is building the query store or the answers.",
)
def answers(graph: str, no_wait: bool) -> None:
    """Keep the answers of every shipped query over GRAPH (a build folder or an export),
    so that kg query and kg serve read them instead of running them (docs/query.md,
    kept answers). Loads the query store first if needed. kg serve's first start does
    this, and kg query starts it in the background after a query on the store.
    """
    from kg.answers import ensure_answers
    from kg.querystore import ensure_store

    def waiting(message: str) -> None:
        stderr.print(f"kg answers: {message}", soft_wrap=True, highlight=False)

    try:
        build = ensure_store(graph, wait=not no_wait, waiting=waiting)
        folder, seconds = ensure_answers(build, wait=not no_wait, waiting=waiting)
    except KgError as error:
        raise _fail(error) from error
    if seconds is None:
        click.echo(f"kg answers: kept already in {folder}")
        return
    wall = sum(wall for wall, _ in seconds.values())
    cpu = sum(cpu for _, cpu in seconds.values())
    click.echo(
        f"kg answers: kept the answers of {len(seconds) - 1} shipped queries in {folder} "
        f"({wall:.1f} s, {cpu:.1f} s of processor)"
    )


@main.command()
@click.argument("graph")
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    required=True,
    metavar="NAME",
    help="Format (repeatable): turtle, ntriples, nquads, trig, jsonld, graphml, neo4j, html.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write into.",
)
def export(graph: str, formats: tuple[str, ...], output: Path) -> None:
    """Convert GRAPH (an exported file or build folder) into other formats."""
    from kg.export import export_to

    try:
        written = export_to(graph, output, formats=formats)
    except KgError as error:
        raise _fail(error) from error
    for name, path in written.items():
        stdout.print(f"{name:>8}: {path}", highlight=False)


@main.command()
@click.argument("graph")
@click.option(
    "--shapes",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="SHACL shapes to use instead of kg's ontology/shapes.ttl.",
)
def validate(graph: str, shapes: Path | None) -> None:
    """Check GRAPH against kg's SHACL shapes. Exit status 0 when it conforms, 1 when not."""
    from kg.validate import validate as run_validation

    try:
        report = run_validation(graph, shapes=shapes)
    except KgError as error:
        raise _fail(error) from error
    if report.conforms:
        click.echo(f"{graph}: conforms to the shapes")
        return
    for violation in report.violations:
        where = f" {violation.path}" if violation.path else ""
        click.echo(f"{violation.severity}: <{violation.focus}>{where}: {violation.message}")
    raise click.ClickException(f"{graph}: {len(report.violations)} violations of the shapes")


@main.command()
@click.argument("graph", required=False)
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="SPARQL 1.1 Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store.",
)
@click.option(
    "--delta",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Apply the deltas of kg build --delta (a DIR of them, or one DIR/NNNNNN) "
    "instead of loading GRAPH whole. See docs/scale.md.",
)
@click.option(
    "--prune/--no-prune",
    default=True,
    show_default=True,
    help="Delete the store's kg graphs (under BASE-IRI/graph/) that GRAPH does not have.",
)
@click.option(
    "--query-endpoint",
    metavar="URL",
    help="The store's SPARQL query endpoint, asked which graphs it has "
    "[default: beside --endpoint: /store -> /query, /data -> /query].",
)
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds per request.")
@base_option
def load(
    graph: str | None,
    endpoint: str,
    delta: Path | None,
    prune: bool,
    query_endpoint: str | None,
    timeout: float,
    base_iri: str,
) -> None:
    """Make a triple store's kg graphs equal GRAPH's: each named graph replaced (PUT), and
    the kg graphs GRAPH no longer has deleted. With --delta, apply what changed instead:
    the deltas the store has not had yet, in order."""
    from kg.graphstore import apply_delta
    from kg.graphstore import load as push

    if (graph is None) == (delta is None):
        raise click.UsageError("give GRAPH or --delta DIR (one of them)")
    try:
        if delta is not None:
            applied = apply_delta(delta, endpoint, timeout=timeout)
            if not applied.applied:
                click.echo(f"{endpoint} has every delta in {delta} (build {applied.build})")
                return
            builds = ", ".join(str(n) for n in applied.applied)
            click.echo(
                f"applied the deltas of builds {builds} to {endpoint}: {applied.graphs} "
                f"graphs replaced ({applied.triples} triples), {applied.removed} deleted"
            )
            return
        assert graph is not None
        report = push(
            graph,
            endpoint,
            timeout=timeout,
            base=base_iri,
            prune=prune,
            query_endpoint=query_endpoint,
        )
    except KgError as error:
        raise _fail(error) from error
    removed = f"; deleted {report.removed} stale graphs" if report.removed else ""
    click.echo(
        f"loaded {report.triples} triples in {report.graphs} named graphs into {endpoint}{removed}"
    )


@main.command()
@click.argument("graph")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("view.html"),
    show_default=True,
    help="The HTML file to write.",
)
@click.option("--focus", metavar="NAME_OR_IRI", help="Show this entity and its neighbourhood.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Links to follow from the focus.",
)
@click.option(
    "--types",
    metavar="TYPE,...",
    help="Only these node types: article, outlet, official, person, city, organization,"
    " topic, quote.",
)
@click.option(
    "--since", metavar="DATE", help="Only articles published on or after DATE (YYYY[-MM[-DD]])."
)
@click.option("--until", metavar="DATE", help="Only articles published on or before DATE.")
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=2000,
    show_default=True,
    help="Keep the most mentioned entities (with --articles: the best connected nodes)"
    " beyond this many.",
)
@click.option(
    "--articles",
    is_flag=True,
    help="Draw articles and entities as nodes (the article graph; always so with --focus).",
)
@click.option(
    "--per-entity",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Articles the overview page holds per entity, newest first.",
)
def view(
    graph: str,
    output: Path,
    focus: str | None,
    depth: int,
    types: str | None,
    since: str | None,
    until: str | None,
    max_nodes: int,
    articles: bool,
    per_entity: int,
) -> None:
    """Write an interactive HTML view of GRAPH (an export or a build folder) that opens offline.

    By default the entity overview: people, officials, organizations, cities and
    outlets tied by the articles they share, with the articles in a side panel.
    """
    from kg.export.html import view as write_view

    chosen = {t.strip() for t in types.split(",") if t.strip()} if types else None
    try:
        data = write_view(
            graph,
            output,
            focus=focus,
            depth=depth,
            types=chosen,
            since=since,
            until=until,
            max_nodes=max_nodes,
            articles=articles,
            articles_per_entity=per_entity,
        )
    except KgError as error:
        raise _fail(error) from error
    omitted = f", {data['omitted']} left out" if data["omitted"] else ""
    nodes, edges = ("entities", "ties") if data.get("mode") == "entities" else ("nodes", "edges")
    click.echo(f"{output}: {len(data['nodes'])} {nodes}, {len(data['edges'])} {edges}{omitted}")


@main.command()
@click.argument("graph")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(min=0, max=65535),
    default=7870,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Queries answered at once (one process each).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a query may run before it is stopped.",
)
@click.option(
    "--no-wait",
    is_flag=True,
    help="Stop at once when another process is building the query store (by default, wait).",
)
@base_option
def serve(
    graph: str,
    host: str,
    port: int,
    workers: int,
    timeout: float,
    no_wait: bool,
    base_iri: str,
) -> None:
    """Serve GRAPH (a build folder or an export) over HTTP until Ctrl-C: a read-only
    SPARQL 1.1 endpoint at /sparql, a page per entity, the shipped queries with CSV
    and JSON downloads, a SPARQL editor, and the build's HTML views.

    The export is loaded into its query store first if needed (see kg query), the
    first start makes the entity index the pages read (beside the store), then keeps
    the shipped queries' answers in the background.
    """
    from kg.server.app import serve as run_server

    def ready(url: str) -> None:
        click.echo(f"kg serve: {url} (SPARQL endpoint: {url}sparql; Ctrl-C stops)")

    try:
        run_server(
            graph,
            host=host,
            port=port,
            workers=workers,
            timeout=timeout,
            base=base_iri,
            wait=not no_wait,
            waiting=lambda message: stderr.print(
                f"kg serve: {message}", soft_wrap=True, highlight=False
            ),
            ready=ready,
        )
    except KgError as error:
        raise _fail(error) from error


@main.command()
def plugins() -> None:
    """List the registered readers, extractors and exporters."""
    from kg.export import exporters
    from kg.extract import extractors
    from kg.readers import readers

    table = Table(title="kg plugins")
    for column in ("kind", "name", "aliases", "details"):
        table.add_column(column)
    for name in readers.names():
        reader = readers.get(name)
        table.add_row("reader", name, ", ".join(readers.aliases(name)), " ".join(reader.suffixes))
    for name in extractors.names():
        step = extractors.get(name)
        details = "emits " + ", ".join(sorted(step.emits))
        if step.requires:
            details += "; requires " + ", ".join(sorted(step.requires))
        table.add_row("extractor", name, "", details)
    for name in exporters.names():
        exporter = exporters.get(name)
        table.add_row(
            "exporter",
            name,
            ", ".join(exporters.aliases(name)),
            f"{exporter.filename}: {exporter.description}",
        )
    stdout.print(table)


@main.command(name="eval")
@click.argument("folders", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--set",
    "named",
    multiple=True,
    metavar="NAME=FOLDER",
    help="A labelled folder with its column title (repeatable; after the FOLDERS).",
)
def evaluate(folders: tuple[Path, ...], named: tuple[str, ...]) -> None:
    """Score extraction against labelled folders (FOLDER/*.yaml), beside plain spaCy.

    One folder prints precision, recall and F1 per kind for kg and spaCy; several print kg's
    figures and spaCy's F1 side by side, titled by folder name or by NAME.
    """
    from kg.evaluate import evaluate_sets, side_by_side

    sets: list[tuple[str, Path]] = [(folder.name, folder) for folder in folders]
    for item in named:
        title, equals, folder = item.partition("=")
        if not (equals and title and folder):
            raise click.BadParameter(f"{item!r} is not NAME=FOLDER", param_hint="--set")
        sets.append((title, Path(folder)))
    if not sets:
        raise click.UsageError("give at least one labelled folder (FOLDERS or --set NAME=FOLDER)")
    try:
        results = evaluate_sets(sets)
    except KgError as error:
        raise _fail(error) from error
    if len(results) == 1:
        stdout.print(f"{results[0].files} labelled articles in {sets[0][1]}", highlight=False)
        stdout.print(results[0].table(), highlight=False)
    else:
        stdout.print(side_by_side(results), highlight=False, soft_wrap=True)


if __name__ == "__main__":  # pragma: no cover
    main()
