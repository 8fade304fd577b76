"""Sorted, distinct text lines in bounded memory: sorted runs spill to disk and merge on reading.

Exports are sorted so that the same input gives the same bytes; sorting N-Triples
lines rather than Python term objects keeps that affordable for graphs far larger
than memory. Lines are sorted by code point, which is also their UTF-8 byte order.
"""

from __future__ import annotations

import bisect
import shutil
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from itertools import count, islice
from pathlib import Path

_MERGES = count()

RUN_LINES = 1_000_000
"""Lines sorted in memory at a time (about 300 MB of N-Triples at most)."""


class LineSorter:
    """Collects text lines, then yields them sorted and without repeats, as UTF-8 bytes.

    Lines (each ending in a newline) are kept in memory up to ``run_lines``, then
    sorted and written to a run file in ``folder``; reading merges the runs, and
    can be repeated. The first complete reading also writes what it merged to one
    run that replaces the others, so that later readings (a build reads its sorted
    statements once per export, and some exports twice) read one file and merge
    nothing. A sorter that never spilled keeps its lines in memory.

    >>> sorter = LineSorter(run_lines=2)
    >>> sorter.extend(["b\\n", "a\\n", "b\\n", "c\\n"])
    >>> list(sorter), sorter.spilled
    ([b'a\\n', b'b\\n', b'c\\n'], True)
    >>> sorter.close()
    """

    def __init__(self, folder: str | Path | None = None, *, run_lines: int = RUN_LINES) -> None:
        self._run_lines = run_lines
        self._batch: list[str] = []
        self._runs: list[Path] = []
        self._merged: Path | None = None
        self._sorted: list[str] | None = None
        self._folder = Path(folder) if folder is not None else None

    @property
    def spilled(self) -> bool:
        """Whether runs were written to disk."""
        return bool(self._runs)

    def add(self, line: str) -> None:
        """One line, ending in a newline."""
        self._batch.append(line)
        if len(self._batch) >= self._run_lines:
            self._spill()

    def extend(self, lines: Iterable[str]) -> None:
        """Many lines."""
        stream = iter(lines)
        while chunk := list(islice(stream, self._run_lines - len(self._batch))):
            self._batch.extend(chunk)
            if len(self._batch) >= self._run_lines:
                self._spill()

    def __iter__(self) -> Iterator[bytes]:
        if not self._runs:
            if self._sorted is None or self._batch:
                self._sorted = sorted({*self._batch, *(self._sorted or ())})
                self._batch = []
            for text in self._sorted:
                yield text.encode("utf-8")
            return
        if self._batch:
            self._spill()
        if self._merged is not None and self._runs == [self._merged]:
            # A run of its own may repeat lines (the merge drops them); a merged one does not.
            with self._merged.open("rb") as run:
                yield from run
            return
        runs = list(self._runs)
        assert self._folder is not None, "runs are written in a folder"
        merged = self._folder / f"merged-{next(_MERGES):05d}"
        complete = False
        try:
            with ExitStack() as stack:
                streams = [stack.enter_context(path.open("rb")) for path in runs]
                out = stack.enter_context(merged.open("wb"))
                previous = None
                for block in merge_blocks(streams):
                    # Sorted and without repeats within the block; a repeat may straddle two.
                    if block[0] == previous:
                        block = block[1:]
                        if not block:
                            continue
                    out.write(b"".join(block))
                    yield from block
                    previous = block[-1]
            complete = True
        finally:
            # Another reading may have finished first (or lines came since): keep its runs.
            if complete and self._runs == runs:
                for path in runs:
                    path.unlink(missing_ok=True)
                self._runs = [merged]
                self._merged = merged
            else:
                merged.unlink(missing_ok=True)

    def close(self) -> None:
        """Remove the run files."""
        for path in self._runs:
            path.unlink(missing_ok=True)
        self._runs = []

    def __enter__(self) -> LineSorter:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _spill(self) -> None:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="kg-sort-"))
            weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
        path = self._folder / f"run-{len(self._runs):05d}"
        if self._sorted:
            self._batch.extend(self._sorted)
            self._sorted = None
        # Sorting a list is twice as fast as sorting a set (memory order); the merge
        # drops the repeats.
        self._batch.sort()
        # Encoded in chunks: no second copy of the whole run in memory.
        with path.open("wb") as stream:
            for start in range(0, len(self._batch), 50_000):
                stream.write("".join(self._batch[start : start + 50_000]).encode("utf-8"))
        self._runs.append(path)
        self._batch = []


MERGE_LINES = 200_000
"""Lines a merge holds from its runs at a time, all runs together."""


def merge_blocks(streams: Sequence[Iterable[bytes]]) -> Iterator[list[bytes]]:
    """The lines of sorted ``streams`` merged, as sorted blocks without repeats (a line may
    repeat across two blocks, as the last of one and the first of the next).

    Each run's next lines are read a block at a time; every line no greater than the
    smallest of the blocks' last lines is in its final place, so those lines of every block
    are sorted together (Python's sort merges the runs it finds, in C) instead of one line
    at a time through a heap.

    >>> [b for b in merge_blocks([[b"a", b"c", b"e"], [b"b", b"c", b"f"]])]
    [[b'a', b'b', b'c', b'e'], [b'f']]
    """
    size = max(1000, MERGE_LINES // max(1, len(streams)))
    readers = [iter(stream) for stream in streams]
    heads = [list(islice(reader, size)) for reader in readers]
    while True:
        live = [index for index, head in enumerate(heads) if head]
        if not live:
            return
        bound = min(heads[index][-1] for index in live)
        block: list[bytes] = []
        for index in live:
            head = heads[index]
            cut = bisect.bisect_right(head, bound)
            block.extend(head[:cut])
            rest = head[cut:]
            if len(rest) < size // 2:
                rest.extend(islice(readers[index], size))
            heads[index] = rest
        block.sort()
        yield list(dict.fromkeys(block))


def sorted_unique(lines: Iterable[str], *, run_lines: int = RUN_LINES) -> Iterator[bytes]:
    """``lines`` sorted without repeats, as UTF-8 bytes, spilling sorted runs to disk.

    >>> list(sorted_unique(["b\\n", "a\\n", "b\\n", "c\\n"], run_lines=2))
    [b'a\\n', b'b\\n', b'c\\n']
    """
    with LineSorter(run_lines=run_lines) as sorter:
        sorter.extend(lines)
        yield from sorter
