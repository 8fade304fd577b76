"""Articles as JSON (an object, a list, an API's envelope, JSON-LD) or JSON Lines."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from kg.errors import InputError
from kg.model import Article
from kg.readers.chunks import Part, read_part, split_lines
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
            for record, item in enumerate(records(source, document)):
                yield self._article(
                    source, item, record=record, line=None, limits=limits, fields=fields
                )
            return
        yield from self._lines(source, text, line=1, record=0, limits=limits, fields=fields)

    def split(self, source: str, limits: Limits = DEFAULT_LIMITS) -> list[Part] | None:
        """A JSON Lines file larger than ``limits.chunk_bytes`` cut into parts at line ends
        (None: read it whole)."""
        if not source.lower().endswith((".jsonl", ".ndjson")):
            return None
        return split_lines(source, limits)

    def read_part(
        self, part: Part, *, limits: Limits = DEFAULT_LIMITS, fields: FieldMap = NO_FIELDS
    ) -> Iterator[Article | InputError]:
        """The records of one part of a JSON Lines file, numbered as in the whole file."""
        if part.oversized:
            reason = f"a line longer than {limits.max_file_bytes} bytes (limit max_file_bytes)"
            yield InputError(part.source, reason, line=part.line)
            return
        try:
            text = read_part(part)
        except OSError as error:
            yield InputError(part.source, f"cannot read the file: {error.strerror or error}")
            return
        yield from self._lines(
            part.source, text, line=part.line, record=part.record, limits=limits, fields=fields
        )

    def _lines(
        self, source: str, text: str, *, line: int, record: int, limits: Limits, fields: FieldMap
    ) -> Iterator[Article | InputError]:
        """The records of JSON Lines text whose first line and record have these numbers."""
        for count, (number, raw) in enumerate(
            (n, raw) for n, raw in enumerate(text.split("\n"), start=line) if raw.strip()
        ):
            if too_deep(raw, limits.max_json_depth):
                yield InputError(source, _deep(limits), line=number)
                continue
            try:
                item = json.loads(raw)
            except json.JSONDecodeError as error:
                yield InputError(source, f"invalid JSON: {error.msg}", line=number)
                continue
            yield self._article(
                source, item, record=record + count, line=number, limits=limits, fields=fields
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
