"""Names in their usual case: one display form among the spellings a corpus gives a name.

The same office, person or organization is written in several cases: "President" before
a name and "president" in running text, "AARON KOHLI" in a wire's market commentary,
"BMO CAPITAL MARKETS" beside "BMO Capital Markets". The resolver shows one form
(``display_name``); the others stay as alternate names and in the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.text import fold

PARTICLES = frozenset(
    {"de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "le", "la", "bin", "ibn"}
    | {"al", "el", "abu"}
)
"""Name particles written in lower case inside a name ("Bill de Blasio", "Bashar al-Assad")."""

_SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "by", "or"} | PARTICLES
)
"""Words a title keeps in lower case unless they open it ("Secretary of State")."""

_ROMAN = frozenset({"ii", "iii", "iv", "vi", "vii", "viii", "ix"})
_VOWELS = frozenset("aeiouAEIOU")
_LETTERS = re.compile(r"[^\W\d_]")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)+$")
_PIECE = re.compile(r"([-'’])")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}$")


def in_usual_case(name: str, kind: str) -> bool:
    """Whether a name is written as running text writes it, not in capitals or in lower case.

    ``kind`` is the entity kind: ``person``, ``role`` (an office) or any other (an
    organization, outlet or place). A single word in capitals is an acronym, except
    a person's name or an office of four letters or more; a web domain, and an outlet's
    name (from the publisher's own metadata, a brand), may be in lower case; an office
    is in its usual case when written as a title ("Foreign Minister", "Secretary of
    State").

    >>> in_usual_case("AARON KOHLI", "person"), in_usual_case("Aaron Kohli", "person")
    (False, True)
    >>> in_usual_case("NYPD", "organization"), in_usual_case("BMO CAPITAL MARKETS", "organization")
    (True, False)
    >>> in_usual_case("foreign minister", "role"), in_usual_case("Foreign Minister", "role")
    (False, True)
    >>> in_usual_case("CEO", "role"), in_usual_case("PRESIDENT", "role")
    (True, False)
    >>> in_usual_case("harbourherald.co.uk", "organization"), in_usual_case("nrc", "outlet")
    (True, True)
    """
    letters = "".join(_LETTERS.findall(name))
    if not letters or _DOMAIN.match(name):
        return True
    if letters.islower():
        return kind == "outlet"
    if letters.isupper():
        words = [w for w in name.split() if _LETTERS.search(w)]
        if len(words) > 1:
            return False
        if kind == "person":
            return len(letters) < 4
        return kind != "role" or len(letters) < 4
    if kind == "role":
        return all(not word[:1].islower() or word in _SMALL_WORDS for word in name.split() if word)
    return True


def recase(name: str, kind: str) -> str:
    """A name in capitals or in lower case, written in title case.

    Particles stay in lower case inside a person's name; in other names, small words
    ("of", "the") stay in lower case and words without a vowel are taken for acronyms.

    >>> recase("AARON KOHLI", "person")
    'Aaron Kohli'
    >>> recase("BASHAR AL-ASSAD", "person")
    'Bashar al-Assad'
    >>> recase("JEAN-LUC DE LA FONTAINE", "person")
    'Jean-Luc de la Fontaine'
    >>> recase("PATRICK O'BRIEN III", "person")
    "Patrick O'Brien III"
    >>> recase("foreign minister", "role")
    'Foreign Minister'
    >>> recase("u.s. secretary of state", "role")
    'U.S. Secretary of State'
    >>> recase("BBC NEWS", "outlet")
    'BBC News'
    """
    words = name.split(" ")
    return " ".join(
        _recase_word(word, first=index == 0, person=kind == "person")
        for index, word in enumerate(words)
    )


def _upper(text: str) -> str:
    """Upper case, leaving alone a letter whose capital is two letters ("ß", "ᾀ")."""
    return "".join(char if len(char.upper()) > 1 else char.upper() for char in text)


def _lower(text: str) -> str:
    """Lower case, leaving alone a letter whose small form is two letters ("İ")."""
    return "".join(char if len(char.lower()) > 1 else char.lower() for char in text)


def _capitalize(text: str) -> str:
    """The first letter in title case, the rest in lower case, letter for letter."""
    head = text[:1]
    return (head if len(head.title()) > 1 else head.title()) + _lower(text[1:])


def _recase_word(word: str, *, first: bool, person: bool) -> str:
    lower = _lower(word)
    if not lower:
        return word
    if _INITIALS.match(lower):
        return _upper(lower)
    if lower in _ROMAN and person and not first:
        return _upper(lower)
    if not first and lower in (PARTICLES if person else _SMALL_WORDS):
        return lower
    letters = "".join(_LETTERS.findall(lower))
    if not person and len(letters) >= 3 and not _VOWELS.intersection(letters):
        return _upper(word)
    pieces = _PIECE.split(lower)
    out: list[str] = []
    for index, piece in enumerate(pieces):
        after_hyphen = index > 0 and pieces[index - 1] == "-"
        if index % 2 == 1 or (
            person and index == 0 and not first and piece in PARTICLES and len(pieces) > 1
        ):
            out.append(piece)  # a separator, or "al" in "al-Assad"
        elif piece.startswith("mc") and len(piece) > 2 and person:
            out.append("Mc" + _capitalize(piece[2:]))
        elif index > 0 and not after_hyphen and len(piece) == 1:
            out.append(piece)  # the "s" of a possessive
        else:
            out.append(_capitalize(piece))
    return "".join(out)


def display_name(forms: Mapping[str, int], kind: str) -> str:
    """The form to show, from each form's count: the most frequent in its usual case (ties:
    the longer, then the first in code-point order); when every form is in capitals or
    in lower case, the most frequent recased (``recase``).

    A word in capitals is taken for an acronym only when the corpus never writes it
    otherwise: "REUTERS" beside "Reuters" is shown "Reuters".

    >>> display_name({"president": 5, "President": 2}, "role")
    'President'
    >>> display_name({"foreign minister": 3}, "role")
    'Foreign Minister'
    >>> display_name({"BMO CAPITAL MARKETS": 1, "BMO Capital Markets": 1}, "organization")
    'BMO Capital Markets'
    >>> display_name({"JACK ABLIN": 2}, "person")
    'Jack Ablin'
    >>> display_name({"REUTERS": 3, "Reuters": 1}, "outlet")
    'Reuters'
    >>> display_name({"NYPD": 3, "New York City Police Department": 1}, "organization")
    'NYPD'
    """
    usual = {form: count for form, count in forms.items() if in_usual_case(form, kind)}
    written_otherwise = {fold(form) for form in usual if not form.isupper()}
    usual = {
        form: count
        for form, count in usual.items()
        if not form.isupper() or fold(form) not in written_otherwise
    }
    best = min((usual or forms).items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[0]
    return best if usual else recase(best, kind)
