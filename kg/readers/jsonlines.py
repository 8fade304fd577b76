"""Articles as JSON (an object, or a list of objects) or JSON Lines (one object per line)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from kg.errors import InputError
from kg.model import Article
from kg.readers.fields import article_from_fields
from kg.readers.limits import DEFAULT_LIMITS, Limits


class JsonReader:
    """Reads news API dumps with the front-matter field names, plus ``body``."""

    name = "json"
    suffixes = (".json", ".jsonl", ".ndjson")

    def accepts(self, path: Path, text: str) -> bool:
        """JSON files by suffix."""
        return path.suffix.lower() in self.suffixes

    def read(
        self, source: str, text: str, *, limits: Limits = DEFAULT_LIMITS
    ) -> Iterator[Article | InputError]:
        """Yield one article per object; a bad record is yielded as an error, the others go on."""
        stripped = text.lstrip("\ufeff").strip()
        if not stripped:
            raise InputError(source, "the file is empty")
        if not source.lower().endswith((".jsonl", ".ndjson")):
            if too_deep(stripped, limits.max_json_depth):
                raise InputError(source, _deep(limits))
            try:
                document = json.loads(stripped)
            except json.JSONDecodeError as error:
                raise InputError(source, f"invalid JSON: {error.msg}", line=error.lineno) from error
            items = document if isinstance(document, list) else [document]
            for record, item in enumerate(items):
                yield self._article(source, item, record=record, line=None, limits=limits)
            return
        for record, (number, line) in enumerate(
            (n, raw) for n, raw in enumerate(text.split("\n"), start=1) if raw.strip()
        ):
            if too_deep(line, limits.max_json_depth):
                yield InputError(source, _deep(limits), line=number)
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                yield InputError(source, f"invalid JSON: {error.msg}", line=number)
                continue
            yield self._article(source, item, record=record, line=number, limits=limits)

    @staticmethod
    def _article(
        source: str, item: Any, *, record: int, line: int | None, limits: Limits
    ) -> Article | InputError:
        if not isinstance(item, Mapping):
            return InputError(
                source, f"expected a JSON object, got {type(item).__name__}", line=line
            )
        return article_from_fields(source, item, record=record, line=line, limits=limits)


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")


def too_deep(document: str, limit: int) -> bool:
    """Whether JSON text nests arrays and objects more than ``limit`` deep, found without
    parsing it (the parser would recurse once per level).

    >>> too_deep('{"a": [[1]], "b": "[[[["}', 3), too_deep('[[[[]]]]', 3)
    (False, True)
    """
    if document.count("[") + document.count("{") <= limit:
        return False
    brackets = _NOT_A_BRACKET.sub("", _STRING.sub("", document)).encode("ascii")
    steps = np.where(np.frombuffer(brackets, dtype=np.uint8) % 4 == 3, 1, -1)  # "[" and "{"
    return bool(steps.size) and int(np.cumsum(steps).max()) > limit


def _deep(limits: Limits) -> str:
    return f"nesting deeper than {limits.max_json_depth} levels (limit max_json_depth)"
