"""Lines that main-text extraction keeps but that are never an article's text.

Extraction libraries judge blocks by their markup and link density; a short paragraph of
plain text inside the article's container passes, so copyright notices, newsletter
calls and "MORE:" promos of TV-station sites end up in the text. These rules drop such a
line only when it is short and has the shape of one, wherever it stands.
"""

from __future__ import annotations

import re

_MAX_WORDS = 30
"""Longer lines are article text, whatever they say."""

_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b", re.IGNORECASE)
_PROMO = re.compile(
    r"^(?:more|read more|related|see also|watch|listen|also read|recommended)\s*:", re.IGNORECASE
)
_CALL = re.compile(
    r"^(?:subscribe|sign up|sign in|join|get|follow us|download|click here|register)\b",
    re.IGNORECASE,
)
_CALL_WORDS = re.compile(
    r"\b(?:newsletters?|by email|e-mail|inbox|subscribe|subscription|sign up|free|app)\b",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """Whether a line of extracted text is a site's notice, call or promo.

    >>> is_boilerplate("Copyright 2023 Sunbeam Television Corp. All rights reserved.")
    True
    >>> is_boilerplate("Subscribe to Metro Times newsletters.")
    True
    >>> is_boilerplate("MORE: Black-led group strikes deal to revitalize Oakland Coliseum site")
    True
    >>> is_boilerplate("Join thousands of people who receive the latest news every day by email.")
    True
    >>> is_boilerplate("Get the latest figures from the county, the mayor said.")
    False
    """
    text = line.strip()
    if not text or len(text.split()) > _MAX_WORDS:
        return False
    if _COPYRIGHT.search(text) or _PROMO.match(text):
        return True
    return bool(_CALL.match(text) and _CALL_WORDS.search(text))


def without_boilerplate(text: str) -> str:
    """The text without its boilerplate lines."""
    return "\n".join(line for line in text.split("\n") if not is_boilerplate(line))
