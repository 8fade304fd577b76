"""Interactive HTML views of the graph: vis-network (the copy pyvis ships), inlined, offline.

Two pages: the entity overview (``graph.html``, ``kg view`` without ``--focus``:
entities tied by the articles they share, laid out by kg, articles in a side
panel) and the article graph (``kg view --articles``, ``--focus``: articles and
entities as nodes, laid out in the browser).

Input strings never reach the page as markup: the view's data travels as JSON in
a ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped,
and the page's script puts text in place with ``textContent`` only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.atomic import atomic_write
from kg.overview import DEFAULT_ARTICLES_PER_ENTITY, build_overview
from kg.views import DEFAULT_MAX_NODES, build_view

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

# The page and script of each kind of view.
_PAGES = {"entities": ("overview.html", "overview.js"), "articles": ("view.html", "view.js")}
_MARKER = re.compile(r"__(TITLE|VIS_CSS|DATA|VIS_JS|APP_JS|SCRIPT_HASHES)__")


@cache
def _asset(name: str) -> str:
    return (resources.files("kg.export") / "assets" / name).read_text(encoding="utf-8")


@cache
def _vis_asset(name: str) -> str:
    # pyvis ships vis-network; inlining it is what makes the page work offline.
    return (resources.files("pyvis") / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    # Only "</script" can end a script element early; other "</" (in regular
    # expressions, say) must stay as they are.
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)


def _json_for_html(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(data: dict[str, Any], *, title: str = "kg knowledge graph") -> str:
    """The self-contained page for a view's data (the overview's or the article graph's)."""
    from html import escape

    template, script = _PAGES[data.get("mode", "articles")]
    page = _asset(template)
    scripts = {
        "__VIS_JS__": _script_safe(_vis_asset("vis-network.min.js")),
        "__APP_JS__": _script_safe(_asset(script)),
    }
    # The policy allows exactly the page's scripts, by hash: nothing injected could run.
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"
        for marker, code in scripts.items()
        if marker in page
    )
    replacements = {
        "__TITLE__": escape(title),
        "__VIS_CSS__": re.sub(r"</(style)", r"<\\/\1", _vis_asset("vis-network.css"), flags=re.I)
        if "__VIS_CSS__" in page
        else "",
        "__DATA__": _json_for_html(data),
        "__SCRIPT_HASHES__": hashes,
        **scripts,
    }
    # One pass over the template: inserted text is never scanned for markers again.
    return _MARKER.sub(lambda match: replacements[match.group(0)], page)


class HtmlExporter:
    """The overview page of a build."""

    name = "html"
    filename = "graph.html"
    media_type = "text/html"
    description = "interactive HTML overview of the entities (offline, vis-network)"

    def write(self, graph: KnowledgeGraph, path: Path) -> None:
        """Write the entity overview: the graph's most mentioned entities, within the budget."""
        atomic_write(path, render_html(build_overview(graph)))


def view(
    graph: KnowledgeGraph | str | Path,
    output: str | Path,
    *,
    focus: str | None = None,
    depth: int = 2,
    types: set[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    articles: bool = False,
    articles_per_entity: int = DEFAULT_ARTICLES_PER_ENTITY,
    title: str | None = None,
) -> dict[str, Any]:
    """Write an HTML view of a graph (or an export, or a build folder) to ``output``.

    The entity overview, unless ``articles`` or a ``focus`` asks for the article
    graph. Returns the view's data (nodes, edges, omitted count).
    """
    if articles or focus is not None:
        data = build_view(
            graph,
            focus=focus,
            depth=depth,
            types=types,
            since=since,
            until=until,
            max_nodes=max_nodes,
        )
    else:
        data = build_overview(
            graph,
            types=types,
            since=since,
            until=until,
            max_nodes=max_nodes,
            articles_per_entity=articles_per_entity,
        )
    if title is None:
        parts = [f"around {focus}" if focus else "", ", ".join(sorted(types)) if types else ""]
        period = f"{since or '…'} to {until or '…'}" if since or until else ""
        title = (
            "kg: " + "; ".join(p for p in (*parts, period) if p)
            if any(parts) or period
            else "kg knowledge graph"
        )
    atomic_write(output, render_html(data, title=title))
    return data


HTML = HtmlExporter()
