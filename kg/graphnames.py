"""Which named graph each statement of a build lives in: every fact in exactly one graph.

- A statement about an article (its subject is an article node; else its object is,
  as in ``<position> kg:reportedIn <article>`` or ``<quote> schema:isPartOf <article>``)
  lives in that article's graph, ``{base}graph/article/<id>``, with the evidence
  records of the article's facts.
- Every other statement lives in the graph of its subject: ``{base}graph/person/eric-adams``
  holds what the build knows of Eric Adams (type, names, positions held),
  ``{base}graph/position/<id>`` a position's holder, role, jurisdiction and dates.

So the union of the graphs, which N-Quads and TriG readers, `kg query` and a triple
store with a union default graph see, holds each fact once, and a query joins facts,
not copies of them; and a change to an article or an entity changes the graphs of what
changed, nothing else (docs/query.md).
"""

from __future__ import annotations

from kg.resolve import digest


class GraphNames:
    """The graph of each statement, for a build whose IRIs start with ``base``.

    Statements and terms are N-Triples text, as ``kg.terms`` writes them.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self._article = f"<{base}article/"
        self._graphs = f"{base}graph/"

    def graph_of(self, node: str) -> str:
        """The graph of a node (``<iri>``): ``{base}graph/`` and the node's own path.

        >>> GraphNames("https://kg.example/id/").graph_of("<https://kg.example/id/person/eric-adams>")
        '<https://kg.example/id/graph/person/eric-adams>'
        """
        iri = node[1:-1]
        if iri.startswith(self.base):
            return f"<{self._graphs}{iri[len(self.base) :]}>"
        return f"<{self._graphs}external/{digest(iri)}>"

    def article_graph(self, statement: str) -> str | None:
        """The graph of the article a statement is about, or None for an entity statement.

        >>> names = GraphNames("https://x.example/")
        >>> names.article_graph('<https://x.example/position/1> <p> <https://x.example/article/a>')
        '<https://x.example/graph/article/a>'
        >>> names.article_graph('<https://x.example/person/b> <p> "x"') is None
        True
        """
        subject, _, rest = statement.partition(" ")
        if subject.startswith(self._article):
            return self.graph_of(subject)
        obj = rest.partition(" ")[2]
        if obj.startswith(self._article):
            return self.graph_of(obj)
        return None

    def home(self, statement: str) -> str:
        """The graph a statement lives in."""
        return self.article_graph(statement) or self.graph_of(statement.partition(" ")[0])
