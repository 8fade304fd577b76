"""One bad file never stops a build: whatever happens while reading or extracting a file
(a bug, a runaway step, a worker that dies or hangs) is that file's problem; and one
build at a time writes a store or an output folder."""

from __future__ import annotations

import json
import logging
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kg
from kg.builder import build_to
from kg.cli import EXIT_SKIPPED, main
from kg.errors import InputError, LockedError
from kg.extract import Extractor, extractors
from kg.locking import folder_lock
from kg.model import Article
from kg.readers import readers
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.timelimit import TimeLimitExceeded, time_limit
from kg.workers import TaskFailure, run_supervised

from .conftest import ROOT
from .tasks import behave

KG = [sys.executable, "-m", "kg"]


# ------------------------------------------------------------------ the worker pool


def test_a_task_that_kills_or_hangs_its_worker_fails_alone() -> None:
    tasks = [("a",), ("die",), ("b",), ("hang",), ("raise",), ("slow",), ("c",)]
    results = list(run_supervised(behave, tasks, jobs=2, hang_seconds=2))
    assert results[0] == "A" and results[2] == "B" and results[6] == "C"
    assert results[5] == "SLOW"  # three seconds of work, but a heartbeat every half second
    failures = {r.arguments[0]: r.reason for r in results if isinstance(r, TaskFailure)}
    assert failures == {
        "die": "its worker process was killed by SIGKILL (out of memory?)",
        "hang": "no progress for 2 s: its worker process was stopped",
        "raise": "internal error: ValueError: a bug in the task",
    }


def test_the_pool_keeps_the_order_of_the_tasks() -> None:
    tasks = [(word,) for word in ("slow", *"abcdefghij")]
    assert list(run_supervised(behave, tasks, jobs=2, hang_seconds=5, window=4)) == [
        "SLOW",
        *"ABCDEFGHIJ",
    ]


# ------------------------------------------------------------------ time limits


@pytest.mark.parametrize("in_thread", [False, True], ids=["main thread", "other thread"])
def test_a_step_past_its_time_limit_is_stopped(in_thread: bool) -> None:
    outcome: list[str] = []

    def spin() -> None:
        started = time.perf_counter()
        try:
            with time_limit(0.3):
                while True:
                    pass
        except TimeLimitExceeded as error:
            # Stopped at the limit, give or take the machine's load: never before it, and
            # long before a loop without one would end.
            spent = time.perf_counter() - started
            outcome.append(f"{error}, {'in time' if 0.3 <= spent < 2 else spent}")
        with time_limit(0.3):  # a step that ends in time leaves nothing behind
            time.sleep(0.05)
        time.sleep(0.4)
        outcome.append("no late exception")

    if in_thread:
        thread = threading.Thread(target=spin)
        thread.start()
        thread.join()
    else:
        spin()
    assert outcome == ["stopped after 0.3 s, in time", "no late exception"]


def _long_article(folder: Path) -> Path:
    path = folder / "long.txt"
    path.write_text("Mayor Jane Doe of Springfield said the council would meet again. " * 14_000)
    return path


def test_a_runaway_record_is_stopped_and_the_build_goes_on(tmp_path: Path) -> None:
    # The other articles are a sentence each, so that a loaded machine still extracts
    # them well within the limit.
    others = tmp_path / "others"
    others.mkdir()
    for number in range(3):
        (others / f"short-{number}.txt").write_text(f"Mayor Jane Doe spoke on day {number}.")
    graph = kg.build([_long_article(tmp_path), others], limits=Limits(max_file_seconds=1))
    assert [(s.location, s.reason) for s in graph.report.skipped] == [
        (
            f"{tmp_path / 'long.txt'}:1",
            "extracting it took longer than 1 s: stopped (limit max_file_seconds)",
        )
    ]
    assert graph.report.counts["articles"] == 3  # the other articles are all there


# ------------------------------------------------------------------ internal errors


class _ExplodingReader:
    name = "exploding"
    suffixes = (".boom",)

    def accepts(self, path: Path, text: str) -> bool:
        return path.suffix == ".boom"

    def read(self, source: str, text: str, *, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article]:
        yield Article(source=source, body="Mayor Jane Doe spoke.", title="Read before the bug")
        raise ValueError("day is out of range for month")


def _explode_on_request(article: Article, context: Any) -> list[Any]:
    if "explode" in article.body:
        raise RecursionError("maximum recursion depth exceeded")
    return []


@pytest.fixture
def buggy_plugins() -> Iterator[None]:
    readers.register("exploding", _ExplodingReader)
    extractors.register(
        "exploding",
        Extractor("exploding", _explode_on_request, emits=frozenset({"schema:Thing"})),
    )
    yield
    readers.unregister("exploding")
    extractors.unregister("exploding")


def test_a_bug_met_on_one_file_skips_that_file_with_its_traceback_in_the_report(
    tmp_path: Path, buggy_plugins: None
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.boom").write_text("anything")
    (tmp_path / "in" / "bad.txt").write_text("Please explode now.")
    (tmp_path / "in" / "good.txt").write_text("Mayor Jane Doe of Springfield spoke.")
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(tmp_path / "in"),
            "seeds",
            "-o",
            str(tmp_path / "out"),
            "-q",
            "-j",
            "1",
            "--extractor",
            "articles",
            "--extractor",
            "exploding",
        ],
    )
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert result.output.splitlines() == [
        f"{tmp_path / 'in' / 'bad.txt'}:1: internal error while extracting it: "
        "RecursionError: maximum recursion depth exceeded",
        f"{tmp_path / 'in' / 'x.boom'}: internal error while reading it: "
        "ValueError: day is out of range for month",
        "unused fields: heat (1 file), images[].isCached (1 file), "  # the seed's, issue #19
        "related[].images[].isCached (1 file), secured (1 file)",
    ]
    report = json.loads((tmp_path / "out" / "build-report.json").read_text())
    tracebacks = [entry["traceback"] for entry in report["skipped"]]
    assert all(t.startswith("Traceback (most recent call last):") for t in tracebacks)
    assert "in _explode_on_request" in tracebacks[0] and "in read" in tracebacks[1]
    assert report["records"] == 2 + 2  # the good file, the article read before the bug, seeds


def test_the_debug_log_has_the_traceback(
    tmp_path: Path, buggy_plugins: None, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "x.boom").write_text("anything")
    with caplog.at_level(logging.DEBUG, logger="kg"):
        kg.build([tmp_path / "x.boom"])
    debug = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    assert any("Traceback (most recent call last):" in message for message in debug)


def test_strict_still_stops_at_the_first_problem(tmp_path: Path, buggy_plugins: None) -> None:
    (tmp_path / "x.boom").write_text("anything")
    with pytest.raises(InputError, match="internal error while reading it"):
        kg.build([tmp_path / "x.boom"], strict=True)


# ------------------------------------------------------------------ real processes


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.slow
def test_a_worker_killed_mid_file_costs_only_that_file(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(4):
        text = f"Report {number}. " + "Mayor Jane Doe of Springfield said the council met. " * 3000
        (inputs / f"long-{number}.txt").write_text(text)
    build = subprocess.Popen(
        [*KG, "build", str(inputs), "-o", str(tmp_path / "out"), "-q", "-j", "2"],
        stderr=subprocess.PIPE,
        text=True,
    )
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and time.monotonic() < deadline and build.poll() is None:
        # A worker that has spent seconds of CPU has loaded spaCy and is extracting.
        busy = [pid for pid in _descendants(build.pid) if _cpu_seconds(pid) > 4]
        if busy:
            killed = busy[0]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.2)
    _, stderr = build.communicate(timeout=600)
    assert killed is not None, "no busy worker was found"
    assert build.returncode == EXIT_SKIPPED, stderr
    lines = [line for line in stderr.splitlines() if "SIGKILL" in line]
    assert len(lines) == 1 and lines[0].endswith(
        ": skipped: its worker process was killed by SIGKILL (out of memory?)"
    )
    report = json.loads((tmp_path / "out" / "build-report.json").read_text())
    assert report["records"] == 3  # the other three files were read and extracted


def _holds(folder: Path) -> bool:
    """Whether another process holds the lock on ``folder``."""
    try:
        with folder_lock(folder, wait=False):
            return False
    except LockedError:
        return True


@pytest.mark.slow
def test_two_builds_on_one_store_take_turns(tmp_path: Path) -> None:
    store, out = tmp_path / "store", tmp_path / "out"
    corpus = ROOT / "tests" / "data" / "corpus" / "plaintext"
    first = subprocess.Popen(
        [*KG, "build", str(corpus), "--store", str(store), "-o", str(out), "-q", "-j", "1"],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not _holds(store) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _holds(store), "the first build never took its lock"
    refused = subprocess.run(
        [*KG, "build", "seeds", "--store", str(store), "-o", str(out), "-q", "--no-wait"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 1
    assert f"{store} is in use by process {first.pid} (" in refused.stderr
    queued = subprocess.run(
        [*KG, "build", "seeds", str(corpus), "--store", str(store), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    first.communicate(timeout=300)
    assert first.returncode == 0
    assert queued.returncode == 0, queued.stderr
    assert f"{store} is in use by process {first.pid}" in queued.stderr
    assert "waiting for it to finish" in queued.stderr
    fresh = tmp_path / "fresh"
    build_to(["seeds", corpus], fresh)
    for name in ("graph.ttl", "graph.html", "build-report.json"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


@pytest.mark.slow
def test_a_build_killed_at_any_point_leaves_outputs_store_and_lock_sound(tmp_path: Path) -> None:
    store, out = tmp_path / "store", tmp_path / "out"
    corpus = ROOT / "tests" / "data" / "corpus" / "plaintext"
    fresh = tmp_path / "fresh"
    build_to(["seeds", corpus], fresh)
    after = {p.name: p.read_bytes() for p in fresh.iterdir()}
    build_to(["seeds"], out, store=store)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    command = [*KG, "build", "seeds", str(corpus), "--store", str(store), "-o", str(out), "-q"]
    for delay in random.Random(15).sample([x / 10 for x in range(5, 120)], 4):
        victim = subprocess.Popen([*command, "-j", "1"], stderr=subprocess.DEVNULL)
        time.sleep(delay)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        assert not _holds(store) and not _holds(out), f"a lock outlived its build ({delay} s)"
        # Each output is whole: the earlier build's, or (if the kill came late) this one's.
        for name, old in before.items():
            assert (out / name).read_bytes() in (old, after[name]), f"{name} torn at {delay} s"
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == after  # no temporary file left
