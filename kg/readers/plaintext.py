"""Articles as plain text: a headline line, if the file opens with one, then the body."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import Article
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.readers.mapping import NO_FIELDS, FieldMap
from kg.text import strip_invisible

MAX_HEADLINE_WORDS = 30
"""A first line longer than this is a paragraph, whatever its punctuation."""

_FIRST_PARAGRAPH = re.compile(r"(?P<line>[^\n]+)\n[ \t]*\n\s*(?P<rest>\S[\s\S]*)")
# How a sentence of a body ends, before any closing quotes or brackets; a headline ends
# with a word, a figure, a question or an exclamation.
_SENTENCE_END = re.compile(r"[.,:;…—–-][\"'”’»)\]]*$")


def split_headline(text: str) -> tuple[str | None, str]:
    """The headline a plain-text article opens with, and its body.

    A news file saved as text commonly starts with its headline on a line of its own, a
    blank line, then the story. That first line is the headline when it is a paragraph
    of one line, at most ``MAX_HEADLINE_WORDS`` words, that does not end as a sentence of
    the body would (a full stop, comma, colon, semicolon or dash); otherwise the whole
    text is the body and no headline is invented.

    >>> split_headline("Mayor backs bike lanes\\n\\nThe mayor said on Monday ...")
    ('Mayor backs bike lanes', 'The mayor said on Monday ...')
    >>> split_headline("The mayor said on Monday.\\n\\nHe added ...")
    (None, 'The mayor said on Monday.\\n\\nHe added ...')
    """
    match = _FIRST_PARAGRAPH.match(text)
    if match is None:
        return None, text
    line = match["line"].strip()
    if len(line.split()) > MAX_HEADLINE_WORDS or _SENTENCE_END.search(line):
        return None, text
    return line, match["rest"]


class PlainTextReader:
    """Reads a ``.txt`` file as an article body, after its headline line if it has one."""

    name = "text"
    suffixes = (".txt",)

    def accepts(self, path: Path, text: str) -> bool:
        """Any ``.txt`` file that is not front matter."""
        return path.suffix.lower() in self.suffixes

    def read(
        self,
        source: str,
        text: str,
        *,
        limits: Limits = DEFAULT_LIMITS,
        fields: FieldMap = NO_FIELDS,
    ) -> Iterator[Article]:
        """Yield the one article of the file (a plain text has no fields to map)."""
        title, body = split_headline(strip_invisible(text).strip())
        if not body:
            raise InputError(source, "the file is empty")
        problems: tuple[str, ...] = ()
        if len(body) > limits.max_body_chars:
            problems = (
                f"{source}: body cut to {limits.max_body_chars} of {len(body)} characters "
                "(limit max_body_chars)",
            )
            body = body[: limits.max_body_chars]
        yield Article(source=source, title=title, body=body, line=1, problems=problems)
