"""Quotation spans found by their marks, over the raw text: the one reading of quotation
marks that the quotes extractor and the officials' rules (an office named inside a short
quotation is the speaker's word) share, below both of them.

A mark is an opening one when it starts a word and a closing one when it ends one; a
quotation left open when the next one opens is newswire paragraph continuation and runs on
to the next closing mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract import Context
from kg.extract.nlp import Field

_PAIRS = {"“": "”", '"': '"', "‘": "’"}
# Typists mix curly and straight double marks (“...," Romney said): either closes either.
_CLOSING = {"“": '”"', '"': '"”', "‘": "’"}
_MARKS = frozenset('“”‘’"')
_ATTRIBUTED = re.compile(
    r"\s+(?:he|she|(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+"
    r"(?:said|says|added|adds|told|tells)\b"
)
"""An attribution right after a closing mark: ', he said', ', Mr Ruddock says'."""
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z\"“‘])|\n")


def spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each quotation's text between its marks.

    >>> t = 'He said "it is fine" and “we go on. Then “more here,” he said.'
    >>> [t[s:e] for s, e in spans(t)]
    ['it is fine', 'we go on. Then “more here,']
    >>> t = 'He spoke. Our record is a fine one," he said. "We will go on."'
    >>> [t[s:e] for s, e in spans(t)]
    ['Our record is a fine one,', 'We will go on.']
    >>> t = '“We hit them “much harder” today,” she said.'
    >>> [t[s:e] for s, e in spans(t)]
    ['We hit them “much harder” today,']
    """
    opening: int | None = None
    mark = ""
    inner = 0  # quotations open inside the open one ('“... “much harder” ...”')
    last = 0  # where the last quotation ended
    for i, char in enumerate(text):
        if char not in _MARKS:
            continue
        if opening is None and _closes(text, i, '"') and _ATTRIBUTED.match(text, i + 1):
            # A closing mark with no opening one, before an attribution: the opening mark
            # was lost ('... the meeting. Australia has a very fine record," he said.'),
            # and the quotation starts with its sentence.
            yield _sentence_start(text, i, last), i
            last = i + 1
            continue
        if opening is not None and _closes(text, i, mark):
            if inner:
                inner -= 1
                continue
            yield opening, i
            opening, last = None, i + 1
            continue
        opens = _opens(text, i)
        if opens and opening is not None and _nested(text, opening, i, mark):
            inner += 1
            continue
        # A new opening mark while a double one is open is paragraph continuation: the
        # first mark stays. A single one left open was an apostrophe: the new mark wins.
        if opens and (opening is None or (mark == "‘" and char != "‘")):
            opening, mark, inner = i + 1, char, 0


def _sentence_start(text: str, i: int, last: int) -> int:
    """Where the sentence holding character ``i`` starts, not before ``last``."""
    found = [m.end() for m in _SENTENCE_BREAK.finditer(text, last, i)]
    return max([last, *found[-1:]])


def _closes(text: str, i: int, mark: str) -> bool:
    """Whether the mark at ``i`` closes a quotation opened by ``mark``: it ends a word (a
    curly ” always closes: "...for all.”In her"). Scraped text loses the space after a
    sentence's last mark: '...revenue."Hairston said': a straight mark after . ! ? or a
    comma and before a letter closes too."""
    char = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (
        char in _CLOSING[mark]
        and not before.isspace()
        and (char == "”" or not after.isalnum() or _glued(text, i))
    )


def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` opens a quotation: curly opening marks open wherever they
    stand (scraped text loses the space in "...said.“Next"), a straight one only at the
    start of a word (or glued after a sentence: '...safe."I see us')."""
    char = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (
        char in _PAIRS
        and (char in "“‘" or before.isspace() or before in "([—-:" or _glued(text, i))
        and not after.isspace()
    )


def _glued(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return text[i] == '"' and before in ".!?," and after.isalpha()


def _nested(text: str, opening: int, i: int, mark: str) -> bool:
    """Whether an opening mark at ``i`` inside the quotation opened at ``opening`` starts a
    quotation inside it ('“Based on that, the Military has hit ISIS “much harder” over the
    last two days,” Trump wrote') rather than the next paragraph of the same one, whose
    closing mark was left out by newswire convention ('... this year. “We will ...'): it
    stands inside a sentence of the same paragraph, and two closing marks follow in that
    paragraph before any other opening mark, its own and the outer one's."""
    inside = text[opening:i]
    if mark == "‘" or text[i] == "‘" or "\n" in inside or inside.rstrip()[-1:] in '.!?:;"”':
        return False
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    closing = 0
    for j in range(i + 1, end):
        if _glued(text, j):
            return False  # scraped text whose marks lost their spaces: the parity is lost
        if _closes(text, j, mark if closing else text[i]):
            closing += 1
            if closing == 2:
                return True
        elif _opens(text, j):
            return False
    return False


def quotation_spans(context: Context, field: Field) -> list[tuple[int, int]]:
    """The quotation spans of a field, found once per article (officials ask too)."""
    found: dict[str, list[tuple[int, int]]] = context.cache.setdefault("quoted", {})
    if field.name not in found:
        found[field.name] = list(spans(field.text))
    return found[field.name]
