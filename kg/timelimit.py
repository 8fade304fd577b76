"""A time limit on one step of work (reading a file, extracting a record), so that a
pathological input stops itself instead of the build.

In a process's main thread the limit is an interval timer (SIGALRM): its handler
runs between bytecodes and also inside long regular-expression matches, which check
for signals. In any other thread (a Dask worker's) a watchdog thread raises the
exception in the working thread at its next bytecode, so a single long call into C
is only stopped when it returns. Worker processes are also watched from outside
(``kg.workers``), which catches what neither can stop.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimitExceeded(BaseException):
    """A step ran past its time limit.

    A BaseException, like KeyboardInterrupt, so that the ``except Exception`` of the
    code it interrupts does not swallow it.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"stopped after {seconds:g} s")
        self.seconds = seconds


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TimeLimitExceeded in this thread if the block runs longer than ``seconds``.

    ``None`` or 0 sets no limit. Limits do not nest: the inner one replaces the outer.
    """
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    done = threading.Event()
    # An asynchronous exception is raised by class, not instance: one class per limit.
    exceeded = type("TimeLimitExceeded", (_ThreadTimeLimit,), {"seconds": seconds})

    def expire() -> None:
        if not done.wait(seconds):
            ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(exceeded))

    watcher = threading.Thread(target=expire, name="kg-time-limit", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
        # An exception the watchdog set just as the block ended must not fire later.
        ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


class _ThreadTimeLimit(TimeLimitExceeded):
    """The base of the classes the watchdog raises, each knowing its limit."""

    seconds: float = 0.0

    def __init__(self) -> None:
        super().__init__(type(self).seconds)
