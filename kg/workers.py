"""Worker processes that outlive their tasks.

A task that crashes its worker (a segfault, the out-of-memory killer) or stops
making progress is reported as a ``TaskFailure`` in its place; the worker is
replaced and the other tasks go on. Results come back in the order of the tasks.

Each worker runs one task at a time and says when a task makes progress (a
heartbeat per step, see ``kg.builder.process_file``), so a task may run long as
long as its steps do not. Workers start from a fork server: a clean process, not
a copy of a parent that may hold threads and locks.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

Beat = Callable[[], None]
"""Called by a task to say it is making progress."""

Task = Callable[..., Any]
"""A picklable function, called in a worker as ``function(*arguments, beat=beat)``."""


@dataclass(frozen=True)
class TaskFailure:
    """A task that did not return: its worker died or hung, or the task raised."""

    arguments: tuple[Any, ...]
    reason: str


class _Worker:
    """One worker process and the task it is running."""

    def __init__(self, context: Any, function: Task) -> None:
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, function), daemon=True)
        self.process.start()
        theirs.close()
        self.task: int | None = None
        self.last_beat = 0.0

    def give(self, index: int, arguments: tuple[Any, ...]) -> None:
        self.task, self.last_beat = index, time.monotonic()
        self.connection.send((index, arguments))

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def _serve(connection: Connection, function: Task) -> None:
    """A worker's loop: run each task it is sent, answer with its result."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle

    def beat() -> None:
        connection.send(("beat",))

    while (message := connection.recv()) is not None:
        index, arguments = message
        try:
            answer: tuple[Any, ...] = ("done", index, function(*arguments, beat=beat))
        except BaseException as error:  # a bug in the task itself: reported, not fatal
            answer = ("failed", index, f"{type(error).__name__}: {error}")
        connection.send(answer)


def run_supervised(
    function: Task,
    tasks: Iterable[tuple[Any, ...]],
    *,
    jobs: int,
    hang_seconds: float,
    window: int | None = None,
) -> Iterator[Any]:
    """``function(*task)`` for each task in ``jobs`` worker processes, in task order.

    A task whose worker dies, or sends no heartbeat for ``hang_seconds``, yields a
    TaskFailure instead of its result. At most ``window`` tasks are out of order at
    once (held until the tasks before them finish), which bounds memory.
    """
    window = window or max(64, jobs * 16)
    pool = _Pool(function, jobs)
    pending = enumerate(tasks)
    started: dict[int, tuple[Any, ...]] = {}  # tasks given out and not yet yielded
    next_out = 0
    try:
        while True:
            while next_out in pool.finished:
                started.pop(next_out)
                yield pool.finished.pop(next_out)
                next_out += 1
            for worker in pool.idle():
                if len(started) >= window:
                    break
                item = next(pending, None)
                if item is None:
                    break
                started[item[0]] = item[1]
                worker.give(*item)
            if not started:  # every worker is idle and no task is left
                return
            pool.collect(started, hang_seconds)
    finally:
        pool.close()


class _Pool:
    """The workers, and the answers they gave that are not yet yielded."""

    def __init__(self, function: Task, jobs: int) -> None:
        self.function = function
        self.context = multiprocessing.get_context("forkserver")
        self.workers = [_Worker(self.context, function) for _ in range(jobs)]
        self.finished: dict[int, Any] = {}

    def idle(self) -> list[_Worker]:
        """The workers free for a task (a worker found dead is replaced first)."""
        for position, worker in enumerate(self.workers):
            if worker.task is None and not worker.process.is_alive():
                worker.stop()
                self.workers[position] = _Worker(self.context, self.function)
        return [worker for worker in self.workers if worker.task is None]

    def collect(self, started: dict[int, tuple[Any, ...]], hang_seconds: float) -> None:
        """Wait up to a second for answers; replace the workers that died or hung."""
        busy = [worker for worker in self.workers if worker.task is not None]
        ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy], 1.0))
        for position, worker in enumerate(self.workers):
            if worker.task is None:
                continue
            task = worker.task
            failure, replace = None, True
            if worker.connection in ready:
                try:
                    message = worker.connection.recv()
                except (EOFError, OSError):
                    failure = _death(worker)
                else:
                    if message[0] == "beat":
                        worker.last_beat = time.monotonic()
                    elif message[0] == "done":
                        self.finished[task] = message[2]
                        worker.task = None
                    else:  # the task raised; the worker itself is sound
                        failure, replace = f"internal error: {message[2]}", False
            elif worker.process.sentinel in ready:
                failure = _death(worker)
            elif time.monotonic() - worker.last_beat > hang_seconds:
                failure = f"no progress for {hang_seconds:g} s: its worker process was stopped"
            if failure is not None:
                self.finished[task] = TaskFailure(started[task], failure)
                worker.task = None
                if replace:
                    worker.stop()
                    self.workers[position] = _Worker(self.context, self.function)

    def close(self) -> None:
        """Let idle workers finish; stop the others (the build is over, or failed)."""
        for worker in self.workers:
            if worker.task is None and worker.process.is_alive():
                worker.connection.send(None)
        for worker in self.workers:
            worker.process.join(1 if worker.task is None else 0)
            worker.stop()


def _death(worker: _Worker) -> str:
    worker.process.join(5)
    code = worker.process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"its worker process was killed by {name}{hint}"
    return f"its worker process exited with status {code}"
