"""Articles as YAML front matter (title, excerpt, dates, URLs, provider, ...) plus a body."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from kg.errors import InputError
from kg.model import Article
from kg.readers.fields import article_from_fields
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.readers.yamlsafe import YamlCheck, YamlLimitError, load_yaml


class _BoundedHandler(YAMLHandler):
    """python-frontmatter's YAML handler, loading through kg's bounded safe loader."""

    def __init__(self, limits: Limits) -> None:
        super().__init__()
        self.limits = limits
        self.check = YamlCheck()

    def load(self, fm: str, **kwargs: Any) -> Any:
        data, self.check = load_yaml(fm, self.limits)
        return data


class FrontMatterReader:
    """Reads ``---``-delimited YAML front matter and the body below it."""

    name = "frontmatter"
    suffixes = (".md", ".markdown", ".txt")

    def accepts(self, path: Path, text: str) -> bool:
        """Front matter is recognized by its opening ``---`` line, whatever the suffix."""
        return text.lstrip("\ufeff").startswith("---\n")

    def read(self, source: str, text: str, *, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article]:
        """Yield the one article of the file."""
        lines = text.lstrip("\ufeff").split("\n")
        if not any(line.rstrip() in ("---", "...") for line in lines[1:]):
            raise InputError(source, "the front matter has no closing '---' line", line=1)
        handler = _BoundedHandler(limits)
        try:
            post = frontmatter.loads(text, handler=handler)
        except YamlLimitError as error:
            raise InputError(
                source, f"front matter refused: {error.reason}", line=_line(text, error.line)
            ) from error
        except yaml.constructor.ConstructorError as error:
            problem = str(error.problem or "")
            if problem.startswith("could not determine a constructor for the tag"):
                tag = problem.rsplit("'", 2)[-2] if problem.count("'") >= 2 else "?"
                line = _error_line(text, error.problem_mark)
                raise InputError(
                    source, f"unsupported YAML tag {tag} (only plain data is read)", line=line
                ) from error
            raise InputError(
                source,
                f"invalid YAML front matter: {problem or error}",
                line=_error_line(text, error.problem_mark),
            ) from error
        except yaml.YAMLError as error:
            line = _error_line(text, getattr(error, "problem_mark", None))
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            raise InputError(source, f"invalid YAML front matter: {problem}", line=line) from error
        if not isinstance(post.metadata, Mapping) or not post.metadata:
            raise InputError(source, "the front matter is not a mapping of fields", line=2)
        duplicates = [
            f"{source}:{_line(text, line)}: duplicate key {key!r} in the front matter; "
            "the last value is kept"
            for key, line in handler.check.duplicate_keys
        ] + [
            f"{source}:{_line(text, line)}: front matter {note}"
            if line is not None
            else f"{source}: front matter {note}"
            for note, line in handler.check.notes
        ]
        article = article_from_fields(
            source, post.metadata, body=post.content, line=1, limits=limits
        )
        yield replace(article, problems=(*duplicates, *article.problems)) if duplicates else article


def _error_line(text: str, mark: yaml.Mark | None) -> int | None:
    """The file line of a YAML error, counting the opening fence as line 1."""
    return None if mark is None else _line(text, int(mark.line))


def _line(text: str, yaml_line: int | None) -> int | None:
    """The file line of a 0-based line of the front matter (clamped to its closing fence)."""
    if yaml_line is None:
        return None
    lines = text.lstrip("\ufeff").split("\n")
    closing = next((n for n, line in enumerate(lines[1:], start=2) if line.rstrip() == "---"), None)
    line = yaml_line + 1  # the front matter text starts with the newline after "---"
    return min(line, closing) if closing else line
