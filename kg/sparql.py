"""SPARQL over a built graph or an exported file, read only, with Oxigraph as the engine."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.graph import KnowledgeGraph

RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}

# What cannot be a keyword: comments, strings, IRIs, prefixed names.
_NOT_KEYWORDS = re.compile(
    r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>'
    r"|[A-Za-z_][\w.-]*:[\w.-]*|\?\w+|\$\w+"
)
_UPDATE = re.compile(
    r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in kg/queries/: its name, what it answers and its text."""

    name: str
    description: str
    text: str


@dataclass
class QueryResult:
    """The answer to a query: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: str
    variables: list[str]
    rows: list[dict[str, str | None]]
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None
    graph: KnowledgeGraph | None = None
    text: str = ""
    document: tuple[str, bytes] | None = None
    """A SELECT's results document when ``run`` was asked for one (then ``rows`` is empty)."""
    kept: Path | None = None
    """The kept answer (``kg.answers``) the rows were read from, instead of running the query."""

    def serialize(self, result_format: str) -> bytes:
        """SELECT rows as a SPARQL 1.1 results document (csv, tsv, json, xml)."""
        if self.document is not None and self.document[0] == result_format:
            return self.document[1]
        if self.kept is not None:
            from kg.answers import read

            return _document(read(self.kept), result_format)
        if self.kind != "select" or self.graph is None:
            raise QueryError(f"{result_format} output needs a SELECT query")
        solutions = self.graph.query(self.text)
        assert isinstance(solutions, ox.QuerySolutions)
        return _document(solutions, result_format)

    def turtle(self, prefixes: dict[str, str] | None = None) -> bytes:
        """CONSTRUCT/DESCRIBE triples as Turtle."""
        document = ox.serialize(self.triples or [], format=ox.RdfFormat.TURTLE, prefixes=prefixes)
        assert document is not None
        return document


def _document(solutions: ox.QuerySolutions, result_format: str) -> bytes:
    chosen = RESULT_FORMATS.get(result_format)
    if chosen is None:
        raise QueryError(
            f"unknown results format {result_format!r}; known: {', '.join(RESULT_FORMATS)}"
        )
    document = solutions.serialize(format=chosen)
    assert document is not None  # no output stream given: the bytes are returned
    return document


@cache
def named_queries() -> dict[str, NamedQuery]:
    """The shipped queries, by name (the file name without ``.rq``)."""
    found: dict[str, NamedQuery] = {}
    for entry in sorted(resources.files("kg.queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            found[entry.name.removesuffix(".rq")] = NamedQuery(
                entry.name.removesuffix(".rq"), _description(text), text
            )
    return found


def _description(text: str) -> str:
    for line in text.splitlines():
        comment = line.lstrip("# ").strip()
        if line.startswith("#") and comment:
            return comment.split(": ", 1)[-1] if ": " in comment[:30] else comment
    return ""


def query_text(query: str) -> str:
    """The SPARQL for a shipped query's name, or ``query`` itself."""
    named = named_queries().get(query.strip())
    return named.text if named is not None else query


def check_read_only(sparql: str) -> None:
    """Refuse updates and SERVICE calls (queries must not write, nor reach the network)."""
    code = _NOT_KEYWORDS.sub(" ", sparql)
    if match := _UPDATE.search(code):
        raise QueryError(f"kg query is read only: {match.group(1).upper()} is an update operation")
    if _SERVICE.search(code):
        raise QueryError("kg query does not call remote endpoints: SERVICE is not allowed")


def syntax_message(error: SyntaxError) -> str:
    """Oxigraph's syntax error as ``SPARQL syntax error at line L, column C: reason``."""
    message = str(error)
    if match := _POSITION.match(message):
        line, column, reason = match.groups()
        return f"SPARQL syntax error at line {line}, column {column}: {reason}"
    return f"SPARQL syntax error: {message}"


def open_graph(graph: KnowledgeGraph | str | Path) -> KnowledgeGraph:
    """A graph as given, or loaded from an exported file or build folder."""
    return graph if isinstance(graph, KnowledgeGraph) else KnowledgeGraph.load(graph)


def run(
    graph: KnowledgeGraph | str | Path,
    sparql: str,
    *,
    wait: bool = True,
    waiting: Callable[[str], None] | None = None,
    result_format: str | None = None,
) -> QueryResult:
    """Run SPARQL (or a shipped query's name) over a graph, all named graphs merged.

    An export or build folder is queried through its persistent query store
    (``kg.querystore``; built on first use, waiting for another process building it
    unless ``wait`` is false). Raises QueryError for invalid or writing queries, with
    the line and column of a syntax error. With ``result_format`` (csv, tsv, json,
    xml), a SELECT's answer is serialized as it is read, into ``document``, and no
    rows are kept (the query runs once).
    """
    from kg.answers import find, find_for
    from kg.querystore import StoredGraph, query_graph

    text = query_text(sparql)
    check_read_only(text)
    # A shipped query over a build is answered from its kept answer when there is one.
    if text != sparql:
        if isinstance(graph, StoredGraph):
            kept = find_for(graph.query_store.build, sparql.strip())
        else:
            kept = None if isinstance(graph, KnowledgeGraph) else find(graph, sparql.strip())
        if kept is not None:
            return _kept(kept, text, result_format)
    store_graph = (
        graph
        if isinstance(graph, KnowledgeGraph)
        else query_graph(graph, wait=wait, waiting=waiting)
    )
    try:
        answer = store_graph.query(text)
    except SyntaxError as error:
        raise QueryError(syntax_message(error)) from error
    except OSError as error:
        raise QueryError(f"the query failed: {error}") from error
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", [], [], boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult("graph", [], [], triples=list(answer), graph=store_graph)
    variables = [variable.value for variable in answer.variables]
    if result_format is not None:
        document = (result_format, _document(answer, result_format))
        return QueryResult("select", variables, [], graph=store_graph, text=text, document=document)
    rows = [{name: _value(solution[name]) for name in variables} for solution in answer]
    return QueryResult("select", variables, rows, graph=store_graph, text=text)


def _kept(kept: Path, text: str, result_format: str | None) -> QueryResult:
    """The answer of a shipped query read from its kept TSV document (``kg.answers``)."""
    from kg.answers import read

    answer = read(kept)
    variables = [variable.value for variable in answer.variables]
    if result_format in ("tsv", "csv"):
        document = (result_format, kept.with_suffix(f".{result_format}").read_bytes())
    elif result_format is not None:
        document = (result_format, _document(answer, result_format))
    else:
        # Terms in the variables' order, without a lookup by name (a third of the time).
        rows = [dict(zip(variables, map(_value, solution), strict=True)) for solution in answer]
        return QueryResult("select", variables, rows, text=text, kept=kept)
    return QueryResult("select", variables, [], text=text, document=document, kept=kept)


def query(graph: KnowledgeGraph | str | Path, sparql: str) -> list[dict[str, str | None]]:
    """The rows of a SELECT query (or a shipped query's name), values as text.

    >>> import kg
    >>> rows = kg.query(kg.build(["seeds"]), "articles")  # doctest: +SKIP
    """
    result = run(graph, sparql)
    if result.kind != "select":
        raise QueryError(
            "kg.query returns rows: use a SELECT (kg.sparql.run answers ASK/CONSTRUCT)"
        )
    return result.rows


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode | ox.Triple | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)
