"""Role phrases over tokens: "Prime Minister", "acting Immigration Minister", "city supervisor".

A role is a head from data/roles.tsv ("minister", "spokesperson", "secretary of state")
with the portfolio and rank words before it. No parser is needed: the phrases are
found from the tokens next to a person's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import gazetteers as gz

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Words that qualify a role head: portfolios, ranks within an office, and "acting".
MODIFIERS = frozenset(
    """
    prime foreign defence defense deputy acting shadow vice assistant associate senior junior
    chief city police interior home finance health immigration justice trade education
    environment emergency services affairs transport agriculture energy labour employment
    industry communications security intelligence information treasury state federal
    international cooperation development press parliamentary interim executive general
    attorney first multicultural aboriginal tourism resources planning housing public works
    economic culture arts science technology veterans women youth sport regional local
    opposition army military ministry department campaign chief-of-staff lord high cabinet
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# A role described as past or future is not a current office ("former Archbishop").
PAST = frozenset(
    {
        "former",
        "ex",
        "retired",
        "late",
        "then",
        "outgoing",
        "elect",
        "would-be",
        "ousted",
        "deposed",
        "previous",
        "one-time",
    }
)
# Modifiers that name the body an aide speaks for ("Defence Ministry spokesman", "army
# spokesman"): the role is the head, the body its jurisdiction.
BODIES = frozenset({"ministry", "department", "army", "military", "navy", "police"})
_WORD = re.compile(r"\w+|-")


@dataclass(frozen=True, slots=True)
class Role:
    """A role phrase: its text as written, how its jurisdiction is found, its token range."""

    text: str
    scope: str
    start: int
    end: int
    head: int = -1
    """Where the head starts, after the modifiers ("Foreign | Minister"); -1: at ``start``."""

    @property
    def head_start(self) -> int:
        """The token index where the role's head starts."""
        return self.start if self.head < 0 else self.head


@cache
def _heads() -> list[tuple[tuple[str, ...], str]]:
    heads = [(tuple(_WORD.findall(head)), scope) for head, scope in gz.roles().items()]
    return sorted(heads, key=lambda h: -len(h[0]))


@cache
def _heads_by(position: int) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Heads by their first (0) or last (-1) word, longest first: one dict look-up a token."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, scope in _heads():
        index.setdefault(words[position], []).append((words, scope))
    return index


def _head_ending_at(doc: Doc, end: int) -> tuple[int, str] | None:
    if end == 0:
        return None
    for words, scope in _heads_by(-1).get(doc[end - 1].lower_, ()):
        start = end - len(words)
        if start >= 0 and tuple(t.lower_ for t in doc[start:end]) == words:
            return start, scope
    return None


def _head_starting_at(doc: Doc, start: int) -> tuple[int, str] | None:
    if start >= len(doc):
        return None
    for words, scope in _heads_by(0).get(doc[start].lower_, ()):
        end = start + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[start:end]) == words:
            return end, scope
    return None


def _modifier(doc: Doc, index: int) -> bool:
    token = doc[index]
    if token.text == "-":
        return 0 < index < len(doc) - 1 and not token.whitespace_
    return token.lower_ in MODIFIERS and token.ent_type_ not in ("GPE", "NORP", "PERSON")


def _trim(doc: Doc, start: int, end: int) -> int:
    while start < end and (doc[start].text == "-" or doc[start].lower_ == "federal"):
        start += 1
    return start


def role_ending_at(doc: Doc, end: int) -> Role | None:
    """The role phrase that ends just before token ``end`` ("... Mayor | Eric Adams"), if any."""
    found = _head_ending_at(doc, end)
    if found is None:
        return None
    head, scope = found
    start = head
    while start > 0 and _modifier(doc, start - 1):
        start -= 1
    start = _trim(doc, start, end)
    if start > 0 and doc[start - 1].lower_ in PAST:
        return None
    return Role(doc[start:end].text, scope, start, end, head)


def role_starting_at(doc: Doc, start: int) -> Role | None:
    """The role phrase that starts at token ``start`` (", the city supervisor who ..."), if any."""
    if start < len(doc) and doc[start].lower_ in PAST:
        return None
    end = start
    while end < len(doc) and _modifier(doc, end) and _head_starting_at(doc, end) is None:
        end += 1
    found = _head_starting_at(doc, end)
    if found is None:
        return None
    head_end, scope = found
    first = _trim(doc, start, head_end)
    return Role(doc[first:head_end].text, scope, first, head_end, end)


def is_role_word(word: str) -> bool:
    """Whether a word belongs to role phrases (a head's last word or a modifier).

    >>> is_role_word("Minister"), is_role_word("Adams")
    (True, False)
    """
    lower = word.lower()
    return lower in MODIFIERS or lower in _heads_by(-1)


def role_last_words() -> frozenset[str]:
    """The last words of the role heads ("minister", "general" of "governor-general")."""
    return frozenset(_heads_by(-1))


def is_role_head(word: str) -> bool:
    """Whether a word ends a role head ("Minister", "Governor-General"'s "General").

    >>> is_role_head("Minister"), is_role_head("Ministry")
    (True, False)
    """
    return word.lower() in _heads_by(-1)
