"""RDF terms as N-Triples text, character for character as Oxigraph writes them.

A build writes its quads as text, not as pyoxigraph objects: formatting a line
costs a microsecond where building the four term objects costs eight, and a large
build writes hundreds of millions of them. Writing exactly Oxigraph's canonical
form keeps the files byte-identical to what its serializers would produce (tested).
IRIs reach this module already valid: minted by the resolver, or cleaned by
``kg.urls`` when they come from the input.
"""

from __future__ import annotations

from datetime import UTC, datetime

from kg.model import LangString
from kg.namespaces import XSD

_ESCAPES = {code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)} | {
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0C: "\\f",
    0x0D: "\\r",
    0x22: '\\"',
    0x5C: "\\\\",
}

_INTEGER = f"^^<{XSD.integer}>"
_DOUBLE = f"^^<{XSD.double}>"
_BOOLEAN = f"^^<{XSD.boolean}>"
_DATETIME = f"^^<{XSD.dateTime}>"


def iri(value: str) -> str:
    """An IRI term.

    >>> iri("https://schema.org/name")
    '<https://schema.org/name>'
    """
    return f"<{value}>"


def quoted(text: str) -> str:
    """A string in N-Triples quotes, escaped as Oxigraph escapes it.

    >>> print(quoted('He said "no"\\n'))
    "He said \\"no\\"\\n"
    """
    return f'"{text.translate(_ESCAPES)}"'


def literal(value: object) -> str:
    """The typed literal for a Python value (``str`` is a plain ``xsd:string``).

    >>> literal(3), literal(True), literal(LangString("Paris", "FR"))
    ('"3"^^<http://www.w3.org/2001/XMLSchema#integer>', \
'"true"^^<http://www.w3.org/2001/XMLSchema#boolean>', '"Paris"@fr')
    """
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, LangString):
        return f"{quoted(value.text)}@{value.lang.lower()}"
    if isinstance(value, bool):
        return ('"true"' if value else '"false"') + _BOOLEAN
    if isinstance(value, int):
        return f'"{value}"{_INTEGER}'
    if isinstance(value, float):
        return f'"{value!r}"{_DOUBLE}'
    if isinstance(value, datetime):
        return f'"{format_datetime(value)}"{_DATETIME}'
    return quoted(str(value))


def format_datetime(value: datetime) -> str:
    """xsd:dateTime text, with ``Z`` for UTC (rdflib would write ``+00:00``).

    >>> format_datetime(datetime(2020, 8, 17, 8, 14, tzinfo=UTC))
    '2020-08-17T08:14:00Z'
    """
    text = value.isoformat()
    if value.utcoffset() is not None and value.utcoffset() == UTC.utcoffset(None):
        text = text.removesuffix("+00:00") + "Z"
    return text
