"""Articles as plain text: the whole file is the body."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import Article
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.readers.mapping import NO_FIELDS, FieldMap
from kg.text import strip_invisible


class PlainTextReader:
    """Reads a ``.txt`` file as an article body; no headline is invented."""

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
        body = strip_invisible(text).strip()
        if not body:
            raise InputError(source, "the file is empty")
        problems: tuple[str, ...] = ()
        if len(body) > limits.max_body_chars:
            problems = (
                f"{source}: body cut to {limits.max_body_chars} of {len(body)} characters "
                "(limit max_body_chars)",
            )
            body = body[: limits.max_body_chars]
        yield Article(source=source, body=body, line=1, problems=problems)
