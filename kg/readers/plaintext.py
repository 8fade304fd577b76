"""Articles as plain text: the whole file is the body."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.model import Article
from kg.text import strip_invisible


class PlainTextReader:
    """Reads a ``.txt`` file as an article body; no headline is invented."""

    name = "text"
    suffixes = (".txt",)

    def accepts(self, path: Path, text: str) -> bool:
        """Any ``.txt`` file that is not front matter."""
        return path.suffix.lower() in self.suffixes

    def read(self, source: str, text: str) -> Iterator[Article]:
        """Yield the one article of the file."""
        body = strip_invisible(text).strip()
        if not body:
            raise InputError(source, "the file is empty")
        yield Article(source=source, body=body, line=1)
