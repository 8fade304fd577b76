"""Atomic file writes: a build that dies leaves the previous outputs intact."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def atomic_open(path: str | Path, mode: str = "wb", *, durable: bool = True) -> Iterator[IO[bytes]]:
    """Write to a temporary file beside ``path``, then rename it over ``path``.

    ``durable`` waits for the data to reach the disk before the rename (outputs);
    files a build can make again (saved facts) skip that wait.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, mode) as stream:
            yield stream
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        Path(temporary).chmod(0o644)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write(path: str | Path, data: bytes | str, *, durable: bool = True) -> None:
    """Write all of ``data`` to ``path`` atomically (text as UTF-8)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_open(path, durable=durable) as stream:
        stream.write(payload)


def remove_leftovers(folder: str | Path) -> int:
    """Remove the temporary files that writes killed mid-way left in ``folder``.

    Only for a folder this process holds the lock of (``kg.locking``): another
    writer's files in progress look the same. Returns how many were removed.
    """
    removed = 0
    for path in Path(folder).glob(".*.tmp"):
        if path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed
