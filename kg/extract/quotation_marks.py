"""Quotation spans found by their marks, over the raw text: the one reading of quotation
marks that the quotes extractor and the officials' rules (an office named inside a short
quotation is the speaker's word) share, below both of them.

A mark is an opening one when it starts a word and a closing one when it ends one; a
quotation left open when the next one opens is newswire paragraph continuation and runs on
to the next closing mark.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract import Context
from kg.extract.nlp import Field

_PAIRS = {"“": "”", '"': '"', "‘": "’"}
# Typists mix curly and straight double marks (“...," Romney said): either closes either.
_CLOSING = {"“": '”"', '"': '"”', "‘": "’"}


def spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each quotation's text between its marks.

    >>> t = 'He said "it is fine" and “we go on. Then “more here,” he said.'
    >>> [t[s:e] for s, e in spans(t)]
    ['it is fine', 'we go on. Then “more here,']
    """
    opening: int | None = None
    mark = ""
    for i, char in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        # Scraped text loses the space after a sentence's last mark: '...revenue."Hairston
        # said ... safe."I see us': a straight mark after . ! ? or a comma closes an open
        # quotation and opens one when none is open.
        glued = char == '"' and before in ".!?," and after.isalpha()
        if (
            opening is not None
            and char in _CLOSING[mark]
            and not before.isspace()
            and (char == "”" or not after.isalnum() or glued)  # "...all.”In her"
        ):
            yield opening, i
            opening = None
            continue
        # Curly opening marks open wherever they stand (scraped text loses the space in
        # "...said.“Next"); a straight one only at the start of a word.
        opens = (
            char in _PAIRS
            and (char in "“‘" or before.isspace() or before in "([—-:" or glued)
            and not after.isspace()
        )
        # A new opening mark while a double one is open is paragraph continuation: the
        # first mark stays. A single one left open was an apostrophe: the new mark wins.
        if opens and (opening is None or (mark == "‘" and char != "‘")):
            opening, mark = i + 1, char


def quotation_spans(context: Context, field: Field) -> list[tuple[int, int]]:
    """The quotation spans of a field, found once per article (officials ask too)."""
    found: dict[str, list[tuple[int, int]]] = context.cache.setdefault("quoted", {})
    if field.name not in found:
        found[field.name] = list(spans(field.text))
    return found[field.name]
