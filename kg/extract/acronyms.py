"""Acronyms and the names they stand for, as the article itself spells them out.

News defines an acronym once ("the Committee on Foreign Investment in the United States
(CFIUS)", "the National Defense Authorization Act, or NDAA,") or writes the full name in one
place and the acronym in another ("the Congressional Budget Office" ... "the CBO study").
The full name tells what the acronym names: a body ("CFIUS" is that committee), or a law, a
programme or a status ("NDAA", "DACA", "TPS"), which is no organization.
"""

from __future__ import annotations

import re
from functools import cache

# Small words a name holds between its capitalized words ("Committee on Foreign Investment
# in the United States"); an acronym may count them or not ("CBOE": Chicago Board of
# Elections).
_SMALL = ("of", "for", "the", "and", "on", "in", "to", "at", "&")
_SEPARATOR = r"(?:[\s-]+(?:" + "|".join(_SMALL) + r"))*[\s-]+"
_ACRONYM = re.compile(r"[A-Z]{2,8}")

# The last word of a law's, a programme's or a status's name: "... Authorization Act",
# "Deferred Action for Childhood Arrivals" + "program", "Temporary Protected Status".
THING_HEADS = frozenset(
    """
    Act Acts Bill Law Program Programme Status Initiative Plan Agreement Treaty Accord Protocol
    Strategy Scheme Project Amendment Order Rule Regulation Directive Doctrine Framework Deal
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def is_acronym(text: str) -> bool:
    """Whether a word is an acronym of capitals that could stand for a name ("CFIUS")."""
    return _ACRONYM.fullmatch(text) is not None


@cache
def _pattern(acronym: str) -> re.Pattern[str]:
    """A name whose words' initials spell the acronym: capitalized words, with small words
    between them or counted as letters ("Chicago Board of Elections" for "CBOE")."""
    letters = []
    for letter in acronym:
        small = [w for w in _SMALL if w[0] == letter.lower()]
        word = rf"{letter}[a-z’'][\w’']*|{letter}(?=[\s-])"
        letters.append(f"(?:{word}|{'|'.join(small)})" if small else f"(?:{word})")
    return re.compile(r"(?<![\w-])" + _SEPARATOR.join(letters) + r"(?![\w’'])")


def expansions(text: str, acronym: str) -> list[tuple[int, int]]:
    """The character spans in ``text`` of names whose initials spell ``acronym``, each
    opened by a capitalized word.

    >>> text = "the Committee on Foreign Investment in the United States (CFIUS)"
    >>> [text[a:b] for a, b in expansions(text, "CFIUS")]
    ['Committee on Foreign Investment in the United States']
    >>> text = "after the Asia-Pacific Economic Cooperation summit"
    >>> [text[a:b] for a, b in expansions(text, "APEC")]
    ['Asia-Pacific Economic Cooperation']
    """
    if not is_acronym(acronym):
        return []
    return [m.span() for m in _pattern(acronym).finditer(text) if m.group()[0].isupper()]


# "Full Name (ACR)", "Full Name, or ACR,": the article spells the acronym out.
_DEFINED = re.compile(r"\s*\(([A-Z]{2,8})\)|,? or (?:the )?([A-Z]{2,8})\b(?=[,.;:)]|\s)")


def definitions(text: str) -> list[tuple[str, int, int]]:
    """Each acronym the text defines, with the span of the full name before it:
    (acronym, start, end).

    >>> text = "the National Defense Authorization Act, or NDAA, which sets pay"
    >>> [(a, text[s:e]) for a, s, e in definitions(text)]
    [('NDAA', 'National Defense Authorization Act')]
    """
    found = []
    for match in _DEFINED.finditer(text):
        acronym = match.group(1) or match.group(2)
        before = text[: match.start()]
        for start, end in expansions(before, acronym):
            if end == len(before):
                found.append((acronym, start, end))
                break
    return found
