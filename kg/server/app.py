"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint and HTML pages over a build's query store.

The HTTP server is the standard library's threading server (one thread a connection,
bound to 127.0.0.1 by default); every query runs in a ``QueryPool`` worker process,
so a slow query is stopped at the time limit and at most ``workers`` run at once.
Routes:

- ``/sparql``: SPARQL 1.1 Protocol queries (GET ``?query=``, POST form or
  ``application/sparql-query``), results as JSON, XML, CSV or TSV, graphs as Turtle,
  N-Triples, RDF/XML or JSON-LD by ``Accept`` (or ``format=``); updates are refused (403).
- ``/``, ``/entity?iri=``, ``/search?q=``, ``/queries``, ``/queries/NAME``: pages, with
  ``.csv`` and ``.json`` downloads of each table; ``/editor``: the SPARQL editor.
- ``/views/NAME.html``: the HTML views in the build folder, as the build wrote them.
"""

from __future__ import annotations

import errno
import logging
import re
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from itertools import islice
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.answers import ensure_answers, find_for, read
from kg.entityindex import OpenIndex, Table, ensure_index
from kg.errors import KgError, QueryError
from kg.locking import Waiting
from kg.querystore import QueryStore, StoreBuild
from kg.resolve import DEFAULT_BASE
from kg.server import pages
from kg.server.pool import (
    RESULTS_TYPES,
    Answer,
    Busy,
    Document,
    QueryPool,
    QueryTimeout,
    Select,
    term_value,
)
from kg.sparql import check_read_only, named_queries

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20
"""The largest request body read (a query or a form)."""

PAGE_ROWS = 200
"""Rows a shipped query's page shows; its downloads hold all."""

ENTITY_ROWS = 50
"""Rows an entity page's table shows at once; links page through the rest."""

_PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; frame-ancestors 'none'"
)
_ASSET_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
_DOWNLOAD_TYPES = {"csv": "text/csv", "json": "application/sparql-results+json"}
_SPLIT_SELECT = re.compile(r"^\s*SELECT\b", re.IGNORECASE | re.MULTILINE)


class PortInUse(KgError):
    """The address kg serve was asked to listen on is taken."""


@dataclass
class Response:
    """What a route answers."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] | None = None


class Site:
    """What the pages and the endpoint need: the pool, the entity index, the build folder,
    the base IRI."""

    def __init__(
        self, query_store: QueryStore, pool: QueryPool, index: OpenIndex, *, base: str
    ) -> None:
        self.query_store = query_store
        self.pool = pool
        self.index = index
        self.base = base
        self.folder = query_store.build.source.parent
        self.title = str(query_store.build.source.parent.name or query_store.build.source)
        self._home: bytes | None = None
        self._home_lock = threading.Lock()

    def views(self) -> list[str]:
        """The HTML files in the build folder."""
        return sorted(path.name for path in self.folder.glob("*.html") if path.is_file())

    def home(self) -> bytes:
        """The start page, made once (the store never changes while served)."""
        with self._home_lock:
            if self._home is None:
                counts = [(title, self.index.top(iri)) for title, iri in pages.HOME_CLASSES]
                self._home = pages.home_page(self.title, counts, self.views(), self.base)
            return self._home

    def entity(self, iri: str, starts: dict[str, int]) -> bytes:
        """An entity's page from the index: its statements decide which tables it gets;
        ``starts`` says where a paged table starts (its first row otherwise)."""
        facts = self.index.section("facts", iri)
        rows = facts.table.rows
        variables = facts.table.variables
        classes = {
            row[variables.index("value")][1]  # type: ignore[index]
            for row in rows
            if row[variables.index("property")] == ("iri", pages.RDF_TYPE)
        }
        shown = []
        for section in pages.KINDS[pages.kind_of(classes)]:
            start = max(0, starts.get(section.name, 0))
            shown.append(
                (section, self.index.section(section.name, iri, offset=start, limit=ENTITY_ROWS))
            )
        return pages.entity_page(iri, facts.table, shown, self.base)


class Handler(BaseHTTPRequestHandler):
    """Routes a request to the endpoint, a page, a download, a view or an asset."""

    server: Server
    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        self._dispatch(None)

    def do_HEAD(self) -> None:
        self._dispatch(None, head=True)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(Response(413, "text/plain", b"request body over 1 MiB\n"), close=True)
            return
        self._dispatch(self.rfile.read(length))

    def _dispatch(self, body: bytes | None, *, head: bool = False) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query, keep_blank_values=True)
        try:
            response = self._route(url.path, query, body)
        except QueryTimeout as error:
            response = self._error(503, str(error), url.path)
        except Busy as error:
            response = self._error(503, str(error), url.path)
        except QueryError as error:
            response = self._error(400, str(error), url.path)
        except KgError as error:
            response = self._error(500, str(error), url.path)
        self._send(response, head=head)

    def _error(self, status: int, message: str, path: str) -> Response:
        if path == "/sparql" or path.endswith((".csv", ".json")):
            return Response(status, "text/plain; charset=utf-8", f"{message}\n".encode())
        return Response(status, "text/html; charset=utf-8", pages.error_page(status, message))

    def _route(self, path: str, query: dict[str, list[str]], body: bytes | None) -> Response:
        site = self.server.site
        first = {name: values[0] for name, values in query.items() if values}
        if path == "/sparql":
            return self._sparql(first, body)
        if path in ("/update", "/sparql/update"):
            return Response(403, "text/plain", b"kg serve is read only: updates are refused\n")
        if body is not None:
            return Response(405, "text/plain", b"only /sparql accepts POST\n")
        if path == "/":
            return _html(site.home())
        if path == "/entity":
            iri = first.get("iri", "")
            if not iri:
                return self._error(400, "give the entity as ?iri=", path)
            starts = {name: int(value) for name, value in first.items() if value.isdigit()}
            return _html(site.entity(iri, starts))
        if match := re.fullmatch(r"/entity/(\w+)\.(csv|json)", path):
            section = pages.SECTIONS.get(match.group(1))
            if section is None or not first.get("iri"):
                return self._error(404, "no such table (or no ?iri=)", path)
            request = Document(
                pages.entity_query(section.query),
                (_DOWNLOAD_TYPES[match.group(2)],),
                {"entity": ("iri", first["iri"])},
            )
            return _download(site.pool.ask(request), f"{section.name}.{match.group(2)}")
        if path == "/search":
            text = first.get("q", "").strip()
            found = site.index.search(text.lower())
            return _html(pages.search_page(text, found, site.base))
        if path == "/queries":
            shipped = [(q.name, q.description) for q in named_queries().values()]
            return _html(pages.queries_page(shipped))
        if match := re.fullmatch(r"/queries/(\w+)(?:\.(csv|json))?", path):
            named = named_queries().get(match.group(1))
            if named is None:
                return self._error(404, f"no shipped query {match.group(1)!r}", path)
            kept = find_for(site.query_store.build, named.name)
            if match.group(2):
                media_type = _DOWNLOAD_TYPES[match.group(2)]
                if kept is not None and match.group(2) == "csv":  # kept when it started
                    answer = Answer(media_type, kept.with_suffix(".csv").read_bytes())
                elif kept is not None:  # kept when the server started (kg.answers)
                    body = read(kept).serialize(format=RESULTS_TYPES[media_type])
                    assert body is not None  # no output stream given: the bytes are returned
                    answer = Answer(media_type, body)
                else:
                    answer = site.pool.ask(Document(named.text, (media_type,)))
                return _download(answer, f"{named.name}.{match.group(2)}")
            if kept is not None:
                result = _first_rows(kept, PAGE_ROWS + 1)
            else:
                result = site.pool.ask(Select(_limited(named.text, PAGE_ROWS + 1)))
            return _html(
                pages.query_page(
                    named.name, named.description, named.text, result, site.base, PAGE_ROWS
                )
            )
        if path == "/editor":
            default = named_queries()["articles"].text
            return _html(pages.editor_page(first.get("query", default)))
        if path.startswith("/views/"):
            name = path.removeprefix("/views/")
            if name not in site.views():
                return self._error(404, f"no view {name!r} in the build folder", path)
            data = (site.folder / name).read_bytes()
            return Response(200, "text/html; charset=utf-8", data)
        if path == "/favicon.ico":
            return Response(204, "image/x-icon", b"")
        if path.startswith("/assets/"):
            return _asset(path.removeprefix("/assets/"))
        return self._error(404, f"nothing at {path}", path)

    def _sparql(self, first: dict[str, str], body: bytes | None) -> Response:
        """The SPARQL 1.1 Protocol's query operation; the update operation is refused."""
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        form = dict(first)
        graphs: dict[str, list[str]] = {}
        if body is not None and content_type == "application/x-www-form-urlencoded":
            parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            form.update({name: values[0] for name, values in parsed.items() if values})
            graphs = parsed
        if (body is not None and content_type == "application/sparql-update") or "update" in form:
            return Response(403, "text/plain", b"kg serve is read only: updates are refused\n")
        if body is not None and content_type == "application/sparql-query":
            sparql = body.decode("utf-8", "replace")
        else:
            sparql = form.get("query", "")
        if not sparql.strip():
            accept = self.headers.get("Accept") or ""
            if body is None and "text/html" in accept:
                return Response(303, "text/plain", b"", {"Location": "/editor"})
            return Response(400, "text/plain", b"give a SPARQL query: ?query=...\n")
        try:
            check_read_only(sparql)
        except QueryError as error:
            return Response(403, "text/plain; charset=utf-8", f"{error}\n".encode())
        media_types = _accepted(form.get("format"), self.headers.get("Accept"))
        query_graphs = parse_qs(urlsplit(self.path).query)
        defaults = query_graphs.get("default-graph-uri", []) + graphs.get("default-graph-uri", [])
        named = query_graphs.get("named-graph-uri", []) + graphs.get("named-graph-uri", [])
        request = Document(
            sparql, media_types, default_graphs=tuple(defaults), named_graphs=tuple(named)
        )
        answer: Answer = self.server.site.pool.ask(request)
        media_type = answer.media_type
        if media_type.startswith("text/"):
            media_type += "; charset=utf-8"
        return Response(200, media_type, answer.body)

    def _send(self, response: Response, *, head: bool = False, close: bool = False) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.media_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if response.media_type.startswith("text/html") and not self.path.startswith("/views/"):
            self.send_header("Content-Security-Policy", _PAGE_CSP)
        for name, value in (response.headers or {}).items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if not head:
            self.wfile.write(response.body)


def _first_rows(kept: Path, rows: int) -> Table:
    """The first ``rows`` rows of a kept answer (read as far as needed)."""
    answer = read(kept)
    variables = [variable.value for variable in answer.variables]
    return Table(
        variables,
        [[term_value(solution[name]) for name in variables] for solution in islice(answer, rows)],
    )


def _html(body: bytes) -> Response:
    return Response(200, "text/html; charset=utf-8", body)


def _download(answer: Answer, filename: str) -> Response:
    media_type = answer.media_type + (
        "; charset=utf-8" if answer.media_type.startswith("text/") else ""
    )
    disposition = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(200, media_type, answer.body, disposition)


def _accepted(chosen: str | None, accept: str | None) -> tuple[str, ...]:
    """Media types in the client's order of preference (``format=`` first)."""
    short = {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv",
        "tsv": "text/tab-separated-values",
        "turtle": "text/turtle",
        "ntriples": "application/n-triples",
        "jsonld": "application/ld+json",
        "rdfxml": "application/rdf+xml",
    }
    wanted: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept or "").split(",")):
        media_type, *parameters = (part.strip() for part in item.split(";"))
        weight = 1.0
        for parameter in parameters:
            if parameter.startswith("q="):
                try:
                    weight = float(parameter[2:])
                except ValueError:
                    weight = 0.0
        if media_type:
            wanted.append((-weight, position, media_type.lower()))
    ordered = tuple(media_type for _, _, media_type in sorted(wanted))
    if chosen and chosen.lower() in short:
        return (short[chosen.lower()], *ordered)
    return ordered


def _limited(sparql: str, rows: int) -> str:
    """A SELECT wrapped to give at most ``rows`` rows (its prologue kept in front)."""
    match = _SPLIT_SELECT.search(sparql)
    if match is None:
        return sparql
    prologue, select = sparql[: match.start()], sparql[match.start() :]
    return f"{prologue}SELECT * WHERE {{\n{select}\n}} LIMIT {rows}"


def _asset(name: str) -> Response:
    folder = resources.files("kg.server").joinpath("assets")
    if not re.fullmatch(r"[\w-]+(/[\w.-]+)*\.(css|js|txt)", name) or ".." in name:
        return Response(404, "text/plain", b"no such asset\n")
    target = folder.joinpath(name)
    if not target.is_file():
        return Response(404, "text/plain", b"no such asset\n")
    media_type = _ASSET_TYPES[Path(name).suffix]
    return Response(200, media_type, target.read_bytes(), {"Cache-Control": "max-age=3600"})


class Server(ThreadingHTTPServer):
    """The standard library's threading HTTP server, holding the site."""

    daemon_threads = True
    site: Site


def bind(host: str, port: int) -> Server:
    """A server listening on ``host:port`` (0: any free port); PortInUse if taken."""
    try:
        return Server((host, port), Handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise PortInUse(
                f"port {port} on {host} is in use by another program: stop it, or choose "
                "another port with --port (--port 0 takes any free port)"
            ) from error
        if error.errno == errno.EADDRNOTAVAIL:
            raise PortInUse(f"{host} is not an address of this machine") from error
        raise


def serve(
    path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7870,
    workers: int = 2,
    timeout: float = 30.0,
    base: str = DEFAULT_BASE,
    wait: bool = True,
    waiting: Waiting | None = None,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the build at ``path`` until interrupted (Ctrl-C or SIGTERM).

    The port is taken first, so a taken port fails before the store is loaded;
    ``ready`` is told the server's URL once it answers.
    """
    server = bind(host, port)
    query_store: QueryStore | None = None
    pool: QueryPool | None = None
    index: OpenIndex | None = None
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        query_store = QueryStore.open(path, wait=wait, waiting=waiting)
        location, _ = ensure_index(query_store.build, wait=wait, waiting=waiting)
        # The shipped queries' answers are kept in the background (12 minutes at 10,000
        # articles on a busy machine): until then their pages run them on the store.
        threading.Thread(
            target=_keep_answers, args=(query_store.build, waiting), daemon=True
        ).start()
        index = OpenIndex(location)
        pool = QueryPool(query_store.build.location, workers=workers, timeout=timeout)
        server.site = Site(query_store, pool, index, base=base)
        bound_host, bound_port = server.server_address[:2]
        if ready is not None:
            ready(f"http://{_url_host(str(bound_host))}:{bound_port}/")
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        if pool is not None:
            pool.close()
        if index is not None:
            index.close()
        if query_store is not None:
            query_store.close()


def _keep_answers(build: StoreBuild, waiting: Waiting | None) -> None:
    """Keep the shipped queries' answers (kg.answers), telling ``waiting`` how it went."""
    try:
        _, seconds = ensure_answers(build, waiting=waiting)
    except (KgError, OSError, MemoryError) as error:
        log.warning("the shipped queries' answers were not kept: %s", error)
        if waiting is not None:
            waiting(f"the shipped queries' answers were not kept: {error}")
        return
    if seconds is not None and waiting is not None:
        total = sum(wall for wall, _ in seconds.values())
        waiting(f"kept the shipped queries' answers in {total:.0f} s")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
