"""Tasks for the worker-pool tests: importable by worker processes, each misbehaving on cue."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable


def behave(value: str, *, beat: Callable[[], None]) -> str:
    """Answer ``value``; "die" kills the worker, "hang" stops it sending heartbeats,
    "raise" raises, "slow" works long but keeps beating."""
    beat()
    if value == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    elif value == "hang":
        time.sleep(3600)
    elif value == "raise":
        raise ValueError("a bug in the task")
    elif value == "slow":
        for _ in range(6):
            time.sleep(0.5)
            beat()
    return value.upper()
