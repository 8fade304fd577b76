"""One big JSON Lines file beside the same records in several files; worker memory by file size.

Run: .venv/bin/python -m benchmarks.big_files [--articles 1000] [--files 8] [--jobs 2]
         [--big-mb 150] [--small-mb 10] [--no-speed] [--no-memory] [--keep DIR]

Speed: ``--articles`` records (benchmarks/corpus.py) as one JSON Lines file, and the same
records cut into ``--files`` files, each built by ``kg build -j JOBS`` in its own process
(all extractors); the wall times and their ratio are printed with the commands.

Memory: a ``--big-mb`` and a ``--small-mb`` JSON Lines file of the same kind of records,
each built with the ``articles`` extractor alone (reading, parsing and saving the parts
is what grows with a file; spaCy's share is the same for any file and would take hours
here), with the peak resident memory (VmHWM) of the build's own process and of its
largest worker, sampled from /proc while it runs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.corpus import json_lines


def write_records(path: Path, articles: int, files: int) -> list[Path]:
    """``articles`` records in ``files`` files (contiguous runs, in order) under ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    lines = list(json_lines(articles))
    size = -(-len(lines) // files)
    written = []
    for index, start in enumerate(range(0, len(lines), size)):
        target = path / f"records-{index:03d}.jsonl"
        target.write_text("".join(lines[start : start + size]))
        written.append(target)
    return written


def write_size(path: Path, megabytes: int) -> int:
    """A JSON Lines file of about ``megabytes`` MiB; returns its record count."""
    goal, written, records = megabytes << 20, 0, 0
    with path.open("w") as stream:
        while written < goal:
            for line in json_lines(1000, seed=records + 1, first=records):
                stream.write(line)
                written += len(line.encode())
                records += 1
                if written >= goal:
                    break
    return records


def _descendants(pid: int) -> Iterator[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    stack = list(children.get(pid, []))
    while stack:
        child = stack.pop()
        yield child
        stack.extend(children.get(child, []))


def _peak_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak MiB of the command's process and of its largest descendant."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        main = workers = 0
        while process.poll() is None:
            main = max(main, _peak_kib(process.pid))
            for child in _descendants(process.pid):
                workers = max(workers, _peak_kib(child))
            time.sleep(0.2)
        wall = time.perf_counter() - started
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-3000:]
            raise SystemExit(f"failed: {' '.join(command)}\n{message}")
    return wall, main / 1024, workers / 1024


def kg_build(inputs: list[Path], output: Path, jobs: int, *options: str) -> list[str]:
    paths = [str(p) for p in inputs]
    return [
        sys.executable,
        "-m",
        "kg",
        "build",
        *paths,
        "-o",
        str(output),
        "-j",
        str(jobs),
        *options,
    ]


def speed(folder: Path, articles: int, files: int, jobs: int) -> None:
    one = write_records(folder / "one", articles, 1)
    many = write_records(folder / "many", articles, files)
    print(
        f"{articles:,} records: one file of {one[0].stat().st_size / 2**20:.1f} MiB, "
        f"and {len(many)} files"
    )
    times = {}
    for label, inputs in (("one file", one), (f"{len(many)} files", many)):
        inputs = inputs if len(inputs) == 1 else [inputs[0].parent]
        command = kg_build(inputs, folder / label.replace(" ", "-"), jobs)
        times[label], _, _ = run(command)
        print(f"  {label:>9}: {times[label]:7.1f} s   {' '.join(command)}")
    one_time, many_time = times["one file"], times[f"{len(many)} files"]
    print(
        f"  ratio one file / {len(many)} files: {one_time / many_time:.2f}x (target: at most 1.15x)"
    )


def memory(folder: Path, sizes: list[int], jobs: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for megabytes in sizes:
        path = folder / f"dump-{megabytes}mb.jsonl"
        records = write_size(path, megabytes)
        command = kg_build(
            [path], folder / f"out-{megabytes}", jobs, "--extractor", "articles", "-f", "nquads"
        )
        wall, main, workers = run(command)
        print(
            f"{megabytes:>5} MiB, {records:,} records: {wall:7.1f} s, main process "
            f"{main:,.0f} MiB, largest worker {workers:,.0f} MiB   {' '.join(command)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--big-mb", type=int, default=150)
    parser.add_argument("--small-mb", type=int, default=10)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--keep", type=Path, help="folder for the inputs and outputs")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-big-files-"))
    try:
        if not args.no_speed:
            speed(folder / "speed", args.articles, args.files, args.jobs)
        if not args.no_memory:
            memory(folder / "memory", [args.small_mb, args.big_mb], args.jobs)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
