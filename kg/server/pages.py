"""The HTML pages of `kg serve`, rendered on the server from query results, every value escaped.

A page is a list of sections, each the table of one query in ``kg/queries/entity/``
(the entity passed as ``?entity``), read from the entity index (``kg.entityindex``)
a page of rows at a time; which sections an entity gets depends on its class. Pages
load no script and nothing from another host, except the SPARQL editor, which loads
the bundled YASGUI from this server.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from urllib.parse import quote, urlencode

from kg.entityindex import Slice, Table, Term

SCHEMA = "https://schema.org/"
KG = "https://kg.example/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class Column:
    """A shown column: its header, the variable shown, and the variable of the IRI it links."""

    header: str
    value: str
    link: str | None = None


@dataclass(frozen=True)
class Section:
    """One table of an entity page: a title, its query (``kg/queries/entity/NAME.rq``), columns."""

    name: str
    title: str
    query: str
    columns: tuple[Column, ...]


ARTICLES = Section(
    "articles",
    "Articles",
    "articles",
    (
        Column("date", "date"),
        Column("headline", "headline", "article"),
        Column("outlet", "outlet", "publisher"),
        Column("how", "relation"),
    ),
)
EVIDENCE = Section(
    "evidence",
    "Evidence",
    "evidence",
    (
        Column("sentence", "sentence"),
        Column("relation", "relation"),
        Column("inferred", "inferred"),
        Column("article", "headline", "article"),
        Column("extractor", "extractor"),
    ),
)
OFFICES = Section(
    "offices",
    "Offices",
    "offices",
    (
        Column("role", "role"),
        Column("jurisdiction", "jurisdiction", "place"),
        Column("first reported", "first"),
        Column("last reported", "last"),
        Column("articles", "articles"),
    ),
)
QUOTES = Section(
    "quotes",
    "Quotes",
    "quotes",
    (Column("quote", "text"), Column("date", "date"), Column("article", "headline", "article")),
)
PUBLISHED = Section(
    "published",
    "Published articles",
    "published",
    (Column("date", "date"), Column("headline", "headline", "article"), Column("url", "url")),
)
CITES = Section(
    "cites",
    "Outlets its articles cite",
    "cites",
    (Column("outlet", "name", "cited"), Column("articles", "articles")),
)
OFFICIALS = Section(
    "officials",
    "Who holds office here",
    "officials",
    (
        Column("name", "name", "person"),
        Column("role", "role"),
        Column("first reported", "first"),
        Column("last reported", "last"),
        Column("articles", "articles"),
    ),
)
CONTENTS = Section(
    "contents",
    "What it mentions, cites and is about",
    "contents",
    (Column("relation", "relation"), Column("name", "name", "target"), Column("type", "type")),
)
FACTS = Section(
    "facts", "Statements", "facts", (Column("property", "property"), Column("value", "value"))
)

KINDS: dict[str, tuple[Section, ...]] = {
    "person": (OFFICES, QUOTES, ARTICLES, EVIDENCE, FACTS),
    # An outlet's or a city's evidence is a sentence per article that names it: the
    # articles table says the same, and sorting thousands of sentences cost 0.6 s of
    # a 1.1 s page at 1,000 articles.
    "outlet": (PUBLISHED, CITES, ARTICLES, FACTS),
    "city": (OFFICIALS, ARTICLES, FACTS),
    "organization": (OFFICIALS, QUOTES, ARTICLES, EVIDENCE, FACTS),
    "article": (CONTENTS, QUOTES, EVIDENCE, FACTS),
    "entity": (ARTICLES, EVIDENCE, FACTS),
}
SECTIONS = {section.name: section for sections in KINDS.values() for section in sections}

# The most telling class decides the kind (an official is a person, a news outlet an
# organization).
_CLASS_KINDS = (
    (SCHEMA + "NewsArticle", "article"),
    (KG + "Official", "person"),
    (SCHEMA + "Person", "person"),
    (SCHEMA + "NewsMediaOrganization", "outlet"),
    (SCHEMA + "City", "city"),
    (SCHEMA + "Organization", "organization"),
    (SCHEMA + "GovernmentOrganization", "organization"),
    (SCHEMA + "Corporation", "organization"),
)

HOME_CLASSES = (
    ("People", SCHEMA + "Person"),
    ("Outlets", SCHEMA + "NewsMediaOrganization"),
    ("Cities", SCHEMA + "City"),
    ("Organizations", SCHEMA + "Organization"),
)


@cache
def entity_query(name: str) -> str:
    """The text of ``kg/queries/entity/NAME.rq``."""
    return resources.files("kg.queries.entity").joinpath(f"{name}.rq").read_text("utf-8")


def kind_of(classes: set[str]) -> str:
    """The page kind for an entity of these classes."""
    for iri, kind in _CLASS_KINDS:
        if iri in classes:
            return kind
    return "entity"


def entity_url(iri: str) -> str:
    """The page of an entity."""
    return "/entity?" + urlencode({"iri": iri})


def short(iri: str) -> str:
    """A readable name for a vocabulary IRI: ``schema:Person``, ``kg:Official``."""
    for prefix, namespace in (("schema", SCHEMA), ("kg", KG), ("skos", SKOS)):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    for namespace in (
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://www.w3.org/2002/07/owl#",
    ):
        if iri.startswith(namespace):
            return ("rdf:" if "rdf-syntax" in namespace else "owl:") + iri[len(namespace) :]
    return iri


def page(title: str, body: str, *, head: str = "") -> bytes:
    """A whole page: the shared header, ``body`` (already escaped HTML)."""
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · kg</title>"
        '<link rel=stylesheet href="/assets/kg.css">'
        f"{head}</head><body>"
        '<header><a class=brand href="/">kg</a><nav>'
        '<a href="/">Home</a><a href="/queries">Queries</a><a href="/editor">SPARQL</a>'
        '<form action="/search" method=get role=search>'
        '<input name=q placeholder="Find a person, outlet, city…" aria-label=Search>'
        "</form></nav></header>"
        f"<main>{body}</main></body></html>"
    ).encode()


def cell(row: dict[str, Term], column: Column, base: str) -> str:
    """One table cell: the value, linked to its entity's page when the IRI is the build's."""
    term = row.get(column.value)
    text = "" if term is None else term[1]
    target = row.get(column.link) if column.link else term
    if term is not None and term[0] == "iri":
        text = short(text)
    if target is not None and target[0] == "iri":
        iri = target[1]
        label = escape(text or iri)
        if iri.startswith(base):
            return f'<a href="{escape(entity_url(iri))}">{label}</a>'
        if iri.startswith(("http://", "https://")) and column.link is None and text == iri:
            return f'<a href="{escape(iri)}" rel="noopener noreferrer nofollow">{label}</a>'
        return label
    if text.startswith(("http://", "https://")) and column.value == "url":
        return f'<a href="{escape(text)}" rel="noopener noreferrer nofollow">{escape(text)}</a>'
    return escape(text)


def table(table: Table, columns: tuple[Column, ...], base: str) -> str:
    """An HTML table of query rows, or a note that there are none."""
    if not table.rows:
        return "<p class=empty>None found.</p>"
    head = "".join(f"<th>{escape(column.header)}</th>" for column in columns)
    lines = []
    for values in table.rows:
        row = dict(zip(table.variables, values, strict=True))
        lines.append("<tr>" + "".join(f"<td>{cell(row, c, base)}</td>" for c in columns) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"


def downloads(path: str, parameters: dict[str, str]) -> str:
    """Links to the CSV and JSON of a table."""
    links = []
    for suffix, label in (("csv", "CSV"), ("json", "JSON")):
        href = f"{path}.{suffix}?{urlencode(parameters)}" if parameters else f"{path}.{suffix}"
        links.append(f'<a href="{escape(href)}" download>{label}</a>')
    return f"<span class=downloads>{' · '.join(links)}</span>"


def entity_page(iri: str, facts: Table, sections: list[tuple[Section, Slice]], base: str) -> bytes:
    """The page of one entity: its name and classes, then a table per section (a page
    of its rows, with links to the pages before and after)."""
    rows = [dict(zip(facts.variables, values, strict=True)) for values in facts.rows]
    names = [_text(row) for row in rows if _is(row, SCHEMA + "name", SKOS + "prefLabel")]
    names += [_text(row) for row in rows if _is(row, SCHEMA + "headline")]
    classes = sorted({_text(row) for row in rows if _is(row, RDF_TYPE)})
    name = names[0] if names else iri
    kind = kind_of(set(classes))
    parts = [
        f"<h1>{escape(name)}</h1>",
        f"<p class=meta><span class=kind>{escape(kind)}</span> "
        f"{' '.join(f'<span class=class>{escape(short(c))}</span>' for c in classes)}"
        f" <code>{escape(iri)}</code></p>",
    ]
    if len(set(names)) > 1:
        others = ", ".join(escape(other) for other in sorted(set(names) - {name}))
        parts.append(f"<p class=aka>Also named: {others}</p>")
    toc = " · ".join(f'<a href="#{s.name}">{escape(s.title)}</a>' for s, _ in sections)
    parts.append(f"<nav class=toc>{toc}</nav>")
    for section, part in sections:
        count = f" <small>({part.total:,})</small>"
        link = downloads(f"/entity/{section.name}", {"iri": iri})
        parts.append(
            f'<section id="{section.name}"><h2>{escape(section.title)}{count} {link}</h2>'
            f"{table(part.table, section.columns, base)}{pager(iri, section, part)}</section>"
        )
    return page(name, "".join(parts))


def pager(iri: str, section: Section, part: Slice) -> str:
    """ "Rows 51 to 100 of 1,234" and links to the pages before and after, when the
    table does not fit in one page."""
    shown = len(part.table.rows)
    if part.offset == 0 and shown >= part.total:
        return ""
    links = []
    size = max(shown, 1)
    if part.offset > 0:
        before = max(0, part.offset - size)
        links.append(_page_link(iri, section, before, "previous page"))
    if part.offset + shown < part.total:
        links.append(_page_link(iri, section, part.offset + shown, "next page"))
    first, last = (part.offset + 1, part.offset + shown) if shown else (0, 0)
    return (
        f"<p class=pager>Rows {first:,} to {last:,} of {part.total:,}"
        f"{' · ' if links else ''}{' · '.join(links)}</p>"
    )


def _page_link(iri: str, section: Section, start: int, label: str) -> str:
    parameters = {"iri": iri, section.name: str(start)} if start else {"iri": iri}
    href = f"/entity?{urlencode(parameters)}#{section.name}"
    return f'<a href="{escape(href)}">{escape(label)}</a>'


def _text(row: dict[str, Term]) -> str:
    value = row.get("value")
    return "" if value is None else value[1]


def _is(row: dict[str, Term], *properties: str) -> bool:
    prop, value = row.get("property"), row.get("value")
    return prop is not None and prop[1] in properties and value is not None


def home_page(
    build: str,
    counts: list[tuple[str, Table]],
    views: list[str],
    base: str,
) -> bytes:
    """The start page: the most mentioned entities of each kind, the build's views."""
    parts = [f"<h1>{escape(build)}</h1>"]
    if views:
        links = " · ".join(f'<a href="/views/{quote(name)}">{escape(name)}</a>' for name in views)
        parts.append(f"<p class=views>Views of the build: {links}</p>")
    parts.append(
        '<p>Query it: the <a href="/editor">SPARQL editor</a>, the '
        '<a href="/queries">shipped queries</a>, or the SPARQL 1.1 endpoint at '
        "<code>/sparql</code>.</p><div class=grid>"
    )
    columns = (Column("name", "name", "entity"), Column("articles", "articles"))
    for title, result in counts:
        parts.append(f"<section><h2>{escape(title)}</h2>{table(result, columns, base)}</section>")
    parts.append("</div>")
    return page(build, "".join(parts))


def search_page(text: str, result: Table, base: str) -> bytes:
    """Entities whose name contains ``text``."""
    columns = (Column("name", "name", "entity"), Column("type", "type"))
    body = f"<h1>Names containing “{escape(text)}”</h1>{table(result, columns, base)}"
    return page(f"Search: {text}", body)


def queries_page(queries: list[tuple[str, str]]) -> bytes:
    """The shipped queries, each linked to its results."""
    items = "".join(
        f'<li><a href="/queries/{quote(name)}">{escape(name)}</a>: {escape(description)}</li>'
        for name, description in queries
    )
    return page("Shipped queries", f"<h1>Shipped queries</h1><ul class=queries>{items}</ul>")


def query_page(
    name: str, description: str, sparql: str, result: Table, base: str, limit: int
) -> bytes:
    """One shipped query's results (the first ``limit`` rows) and its text."""
    columns = tuple(Column(v, v) for v in result.variables)
    shown = Table(result.variables, result.rows[:limit])
    more = (
        f"<p class=meta>First {limit} of {len(result.rows)} rows; the downloads hold all.</p>"
        if len(result.rows) > limit
        else f"<p class=meta>{len(result.rows)} rows.</p>"
    )
    editor = "/editor?" + urlencode({"query": sparql})
    body = (
        f"<h1>{escape(name)} {downloads(f'/queries/{quote(name)}', {})}</h1>"
        f"<p>{escape(description)}</p>{more}{table(shown, columns, base)}"
        f"<details><summary>SPARQL</summary><pre>{escape(sparql)}</pre>"
        f'<p><a href="{escape(editor)}">Open in the editor</a></p></details>'
    )
    return page(name, body)


def editor_page(query: str) -> bytes:
    """The SPARQL editor: the bundled YASGUI, pointed at this server's endpoint."""
    head = (
        '<link rel=stylesheet href="/assets/yasgui/yasgui.min.css">'
        '<script src="/assets/yasgui/yasgui.min.js" defer></script>'
        '<script src="/assets/editor.js" defer></script>'
    )
    body = (
        "<h1>SPARQL</h1>"
        "<p class=meta>Read only; the default graph is the union of the build's named graphs. "
        "The editor is YASGUI (MIT), bundled.</p>"
        f'<div id=yasgui data-query="{escape(query)}"></div>'
        '<noscript><form method=post action="/sparql">'
        f"<textarea name=query rows=12 cols=80>{escape(query)}</textarea>"
        "<button>Run</button></form></noscript>"
    )
    return page("SPARQL editor", body, head=head)


def error_page(status: int, message: str) -> bytes:
    """A page that says what went wrong."""
    return page(f"Error {status}", f"<h1>Error {status}</h1><p class=error>{escape(message)}</p>")
