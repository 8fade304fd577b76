"""One writer at a time: an exclusive lock on a build's store and output folders.

The lock is the operating system's (``flock`` on the folder itself): it leaves no
file behind and dies with the process that holds it, so a build killed with
SIGKILL leaves the folder free. Who holds a lock is read from ``/proc/locks``
where the system has it.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from kg.errors import LockedError

Waiting = Callable[[str], None]
"""Told, once per folder, why the build waits (the folder and who holds it)."""


@contextmanager
def folder_lock(
    folder: Path, *, wait: bool = True, waiting: Waiting | None = None
) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (created if missing) for the block.

    When another process holds it: wait for it (telling ``waiting`` first), or with
    ``wait=False`` raise LockedError naming the other process.
    """
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            message = f"{folder} is in use by {holder(descriptor)}"
            if not wait:
                raise LockedError(
                    f"{message}; wait for it to finish, or leave out --no-wait to queue behind it"
                ) from None
            if waiting is not None:
                waiting(f"{message}; waiting for it to finish (Ctrl-C to give up)")
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing the descriptor releases the lock


@contextmanager
def build_locks(
    *folders: Path | None, wait: bool = True, waiting: Waiting | None = None
) -> Iterator[None]:
    """Lock each of ``folders`` that is given, in order (a store before an output)."""
    with ExitStack() as stack:
        for folder in folders:
            if folder is not None:
                stack.enter_context(folder_lock(folder, wait=wait, waiting=waiting))
        yield


def in_use(path: Path) -> bool:
    """Whether another process holds a lock on ``path`` (a file or folder its readers lock
    shared while they read it)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)  # releases the lock taken just to test it
    return False


def holder(descriptor: int) -> str:
    """The process that holds a lock on the file behind ``descriptor``, as well as known."""
    status = os.fstat(descriptor)
    wanted = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino}"
    try:
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return "another process"
    for line in lines:
        fields = line.split()
        # "1: FLOCK  ADVISORY  WRITE 4242 fd:01:1234 0 EOF"; blocked waiters are "->" lines.
        if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == wanted:
            pid = fields[4]
            if int(pid) == os.getpid():
                continue
            return f"process {pid} ({_command(pid)})"
    return "another process"


def _command(pid: str) -> str:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "gone"
    command = " ".join(word.decode(errors="replace") for word in words if word)
    return command[:200] or "unknown command"
