"""Big line-based files cut into parts: byte ranges that end at line boundaries.

A part is the unit of work for a JSON Lines file larger than ``limits.chunk_bytes``:
each is read and extracted by itself, in any worker, and its facts are saved as soon
as it is done, so a worker holds one part at a time whatever the size of the file.
Each part knows the number of its first line and record, so errors keep their place.

A file is cut only when every part decodes as clean UTF-8 on its own (no NUL byte,
nothing that looks like mojibake): then the parts' text, joined, is exactly the text
the whole file would decode to, and the output is the same whatever the cut. Any other
file is read whole, as before (and ``max_file_bytes`` applies to it).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.readers.decode import looks_like_mojibake
from kg.readers.limits import Limits

_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class Part:
    """Bytes ``start:stop`` of ``source``, whose first line is number ``line`` (from 1)
    and first record number ``record`` (from 0); part ``index`` of ``count``.

    ``oversized`` marks a single line longer than ``max_file_bytes``: it is reported,
    never read. ``note`` is what the reader says of the whole file once, with its last
    part (a WARC archive's records that are not pages).
    """

    source: str
    start: int
    stop: int
    line: int
    record: int
    index: int
    count: int
    oversized: bool = False
    note: str = ""


def split_lines(source: str, limits: Limits) -> list[Part] | None:
    """The parts of a file of lines, or None when it is to be read whole: it fits in one
    part, cannot be read, or is not clean UTF-8 (see the module's docstring).

    A part holds ``chunk_bytes`` and ``max_file_bytes`` at most, but for a single line
    longer than a part: it is a part of its own, ``oversized`` when it is longer than
    ``max_file_bytes``."""
    path = Path(source)
    try:
        size = path.stat().st_size
        if size <= min(limits.chunk_bytes, limits.max_file_bytes):
            return None
        with path.open("rb") as stream:
            ranges = _ranges(stream, size, limits)
    except (OSError, _ReadWhole):
        return None
    if not any(records for _, _, _, records, _ in ranges):
        return None  # only blank lines: the whole-file reader says the file is empty
    parts = []
    line, record = 1, 0
    for index, (start, stop, lines, records, oversized) in enumerate(ranges):
        parts.append(Part(source, start, stop, line, record, index, len(ranges), oversized))
        line, record = line + lines, record + records
    return parts


class _ReadWhole(Exception):
    """A part that does not decode as clean UTF-8 by itself."""


def _ranges(stream: BinaryIO, size: int, limits: Limits) -> list[tuple[int, int, int, int, bool]]:
    """(start, stop, lines, records, oversized) of each part, in order."""
    ranges = []
    start = 0
    while start < size:
        stream.seek(start)
        data = stream.read(min(limits.chunk_bytes, limits.max_file_bytes))
        if start + len(data) < size and not data.endswith(b"\n"):
            cut = data.rfind(b"\n") + 1
            if cut:  # whole lines only: the next part starts with the unfinished one
                data = data[:cut]
            else:  # one line longer than a part: read on to its end
                rest, length = _rest_of_line(stream, data, limits.max_file_bytes)
                if rest is None:
                    stream.seek(start + length - 1)
                    lines = int(stream.read(1) == b"\n")
                    ranges.append((start, start + length, lines, 1, True))
                    start += length
                    continue
                data = rest
        text = part_text(data, first=start == 0)
        records = sum(1 for line in text.split("\n") if line.strip())
        ranges.append((start, start + len(data), text.count("\n"), records, False))
        start += len(data)
    return ranges


def _rest_of_line(stream: BinaryIO, data: bytes, most: int) -> tuple[bytes | None, int]:
    """The line ``data`` begins, read to its end, and its length in bytes; None for the
    line when it is longer than ``most`` bytes (it is measured, never held whole)."""
    pieces: list[bytes] | None = [data]
    length, piece = len(data), data
    while not piece.endswith(b"\n"):
        piece = stream.readline(_BLOCK)
        if not piece:
            break
        length += len(piece)
        if length > most:
            pieces = None
        elif pieces is not None:
            pieces.append(piece)
    return (b"".join(pieces) if pieces is not None else None), length


def part_text(data: bytes, *, first: bool) -> str:
    """A part's text, as the whole file's decoding would give it (raises _ReadWhole when
    that cannot be promised). Line endings become ``\\n``."""
    if b"\x00" in data:
        raise _ReadWhole
    if first and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _ReadWhole from error
    if looks_like_mojibake(text):
        raise _ReadWhole
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_part(part: Part) -> str:
    """The text of a part, read from its file."""
    with Path(part.source).open("rb") as stream:
        stream.seek(part.start)
        data = stream.read(part.stop - part.start)
    try:
        return part_text(data, first=part.start == 0)
    except _ReadWhole as error:
        raise OSError("the file changed while it was read") from error
