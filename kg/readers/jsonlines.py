"""Articles as JSON (an object, or a list of objects) or JSON Lines (one object per line)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

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
