"""Articles as JSON (an object, a list, an API's envelope, JSON-LD) or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import Article
from kg.readers.envelopes import records
from kg.readers.fields import article_from_fields
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.readers.mapping import NO_FIELDS, FieldMap


class JsonReader:
    """Reads news API dumps, JSON-LD and scraper output with any recognized schema's names."""

    name = "json"
    suffixes = (".json", ".jsonl", ".ndjson")

    def accepts(self, path: Path, text: str) -> bool:
        """JSON files by suffix."""
        return path.suffix.lower() in self.suffixes

    def read(
        self,
        source: str,
        text: str,
        *,
        limits: Limits = DEFAULT_LIMITS,
        fields: FieldMap = NO_FIELDS,
    ) -> Iterator[Article | InputError]:
        """Yield one article per record; a bad record is yielded as an error, the others go on."""
        stripped = text.lstrip("\ufeff").strip()
        if not stripped:
            raise InputError(source, "the file is empty")
        if not source.lower().endswith((".jsonl", ".ndjson")):
            try:
                document = json.loads(stripped)
            except json.JSONDecodeError as error:
                raise InputError(source, f"invalid JSON: {error.msg}", line=error.lineno) from error
            for record, item in enumerate(records(source, document)):
                yield self._article(
                    source, item, record=record, line=None, limits=limits, fields=fields
                )
            return
        for record, (number, line) in enumerate(
            (n, raw) for n, raw in enumerate(text.split("\n"), start=1) if raw.strip()
        ):
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                yield InputError(source, f"invalid JSON: {error.msg}", line=number)
                continue
            yield self._article(
                source, item, record=record, line=number, limits=limits, fields=fields
            )

    @staticmethod
    def _article(
        source: str,
        item: Any,
        *,
        record: int,
        line: int | None,
        limits: Limits,
        fields: FieldMap,
    ) -> Article | InputError:
        if not isinstance(item, Mapping):
            return InputError(
                source, f"expected a JSON object, got {type(item).__name__}", line=line
            )
        try:
            return article_from_fields(
                source, item, record=record, line=line, limits=limits, fields=fields
            )
        except InputError as error:  # a record with nothing to read; the others go on
            return error
