"""Sorted, distinct streams of text lines in bounded memory: sorted runs on disk, then a merge.

Exports are sorted so that the same input gives the same bytes; sorting N-Triples
lines rather than Python term objects keeps that affordable for graphs far larger
than memory.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO

RUN_LINES = 400_000
"""Lines sorted in memory at a time (a few hundred MB at most for N-Triples)."""


def sorted_unique(lines: Iterable[str], *, run_lines: int = RUN_LINES) -> Iterator[str]:
    """``lines`` sorted (by code point) without repeats, spilling sorted runs to disk.

    >>> list(sorted_unique(["b\\n", "a\\n", "b\\n", "c\\n"], run_lines=2))
    ['a\\n', 'b\\n', 'c\\n']
    """
    with tempfile.TemporaryDirectory(prefix="kg-sort-") as folder, ExitStack() as stack:
        runs: list[IO[str]] = []
        batch: list[str] = []
        for line in lines:
            batch.append(line)
            if len(batch) >= run_lines:
                runs.append(_spill(sorted(set(batch)), Path(folder) / f"{len(runs)}", stack))
                batch = []
        if not runs:
            yield from sorted(set(batch))
            return
        if batch:
            runs.append(_spill(sorted(set(batch)), Path(folder) / f"{len(runs)}", stack))
        previous = None
        for line in heapq.merge(*runs):
            if line != previous:
                yield line
                previous = line


def _spill(lines: list[str], path: Path, stack: ExitStack) -> IO[str]:
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.writelines(lines)
    return stack.enter_context(path.open(encoding="utf-8", newline="\n"))
