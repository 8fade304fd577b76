"""Articles as YAML front matter (title, excerpt, dates, URLs, provider, ...) plus a body."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from kg.errors import InputError
from kg.model import Article
from kg.readers.fields import article_from_fields
from kg.readers.yamlsafe import load_yaml


class _SafeHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: Any) -> Any:
        return load_yaml(fm)


class FrontMatterReader:
    """Reads ``---``-delimited YAML front matter and the body below it."""

    name = "frontmatter"
    suffixes = (".md", ".markdown", ".txt")

    def accepts(self, path: Path, text: str) -> bool:
        """Front matter is recognized by its opening ``---`` line, whatever the suffix."""
        return text.lstrip("\ufeff").startswith("---\n")

    def read(self, source: str, text: str) -> Iterator[Article]:
        """Yield the one article of the file."""
        try:
            post = frontmatter.loads(text, handler=_SafeHandler())
        except yaml.YAMLError as error:
            line = _error_line(text, getattr(error, "problem_mark", None))
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            raise InputError(source, f"invalid YAML front matter: {problem}", line=line) from error
        if not isinstance(post.metadata, Mapping) or not post.metadata:
            raise InputError(source, "the front matter is not a mapping of fields", line=2)
        yield article_from_fields(source, post.metadata, body=post.content, line=1)


def _error_line(text: str, mark: yaml.Mark | None) -> int | None:
    """The file line of a YAML error, counting the opening fence as line 1."""
    if mark is None:
        return None
    lines = text.lstrip("\ufeff").split("\n")
    closing = next((n for n, line in enumerate(lines[1:], start=2) if line.rstrip() == "---"), None)
    line = int(mark.line) + 2
    return min(line, closing) if closing else line
