"""Small text helpers shared by readers, extractors and the resolver."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain

_UNASSIGNED_PLANES = range(0x40000, 0xE0000)
"""Planes 4 to 13: no code point there is assigned in any Unicode version to date."""


@lru_cache(maxsize=1)
def _strip_table() -> dict[int, None]:
    """Bidi overrides and isolates, zero-width characters, BOMs and other invisible format
    characters (Unicode category Cf, which let a name look like another one), C0 and C1
    controls but newline, tab and carriage return, and lone surrogates (from JSON "\\ud800"
    escapes, which cannot be written as UTF-8 at all). Built on first use: scanning the
    Unicode database costs a tenth of a second, which commands that clean no text skip."""
    assigned = chain(range(_UNASSIGNED_PLANES.start), range(_UNASSIGNED_PLANES.stop, 0x110000))
    invisible = (code for code in assigned if unicodedata.category(chr(code)) == "Cf")
    control = (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0))
    return dict.fromkeys((*invisible, *control, *range(0xD800, 0xE000)))


_SPACE = re.compile(r"\s+")


def strip_invisible(text: str) -> str:
    """Remove control and invisible format characters, keeping newlines and tabs.

    >>> strip_invisible("Eric\\u200b Adams\\u202e")
    'Eric Adams'
    """
    return text.translate(_strip_table())


def clean_label(text: str) -> str:
    """A one-line label: invisible characters removed, whitespace collapsed, NFC.

    >>> clean_label("  New\\n York\\u00a0City ")
    'New York City'
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFC", strip_invisible(text))).strip()


def fold(text: str) -> str:
    """A matching key: case, accents, punctuation and spacing folded away.

    >>> fold("Bill de Blasio's")
    'bill de blasio s'
    >>> fold("Ébrard")
    'ebrard'
    """
    # Names are folded over and over (every mention, every gazetteer look-up).
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


_SHORT = 120
_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    if text.isascii():
        # NFKD, NFC and accents change nothing in ASCII.
        return " ".join(_WORD.findall(text.translate(_strip_table()).lower()))
    decomposed = unicodedata.normalize("NFKD", clean_label(text))
    ascii_ish = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(ascii_ish.casefold()))


_fold_short = lru_cache(maxsize=1 << 16)(_fold)


def slug(text: str) -> str:
    """A readable IRI segment: folded words joined by hyphens (may be empty).

    >>> slug("Computer Vision")
    'computer-vision'
    """
    return fold(text).replace(" ", "-").replace("_", "-")
