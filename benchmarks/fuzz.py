"""The long fuzz run: generated hostile files through every reader and the whole per-file
step, for as many minutes as you give it, printing what it found.

    python -m benchmarks.fuzz --minutes 20            # readers, then process_file
    python -m benchmarks.fuzz --minutes 5 --readers-only

Each round is a hypothesis run with a fresh seed (``tests/strategies.py`` generates the
files; the properties are those of ``tests/test_fuzz.py``: nothing escapes, nothing is an
internal error). A failure is shrunk to a minimal file, saved in ``--found`` (default
benchmarks/out/fuzz) and printed; add it to tests/data/hostile with its expected
outcome.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

from tests.strategies import article_files
from tests.test_fuzz import process_generated, read_generated

ROUND = 2_000
"""Cases per hypothesis run; each run has its own seed."""


def fuzz(
    name: str,
    check: Callable[[Path, str, bytes], object],
    *,
    seconds: float,
    found: Path,
) -> tuple[int, int, float]:
    """Run ``check`` on generated files for ``seconds``; return (cases, failures, seconds)."""
    cases = failures = 0
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="kg-fuzz-"))
    last: list[tuple[str, bytes]] = []
    while time.monotonic() - started < seconds:
        round_seed = random.randrange(2**32)

        @seed(round_seed)
        @settings(
            max_examples=ROUND,
            deadline=None,
            database=None,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
        )
        @given(file=article_files())
        def run(file: tuple[str, bytes]) -> None:
            nonlocal cases
            cases += 1
            last[:] = [file]  # after shrinking, hypothesis replays the minimal case last
            check(folder, *file)

        try:
            run()
        except Exception as error:
            failures += 1
            suffix, data = last[0]
            target = found / f"{name}-{round_seed}{suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            print(f"  FOUND by {name} (seed {round_seed}): {str(error).splitlines()[0][:300]}")
            print(f"    the minimal file is {target}")
        print(f"  {name}: {cases:,} cases, {failures} failures so far", flush=True)
    return cases, failures, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="total time [10]")
    parser.add_argument("--readers-only", action="store_true", help="skip process_file")
    parser.add_argument("--found", type=Path, default=Path("benchmarks/out/fuzz"))
    options = parser.parse_args()
    print(f"python -m benchmarks.fuzz {' '.join(sys.argv[1:])}", flush=True)
    seconds = options.minutes * 60
    steps: dict[str, Callable[[Path, str, bytes], object]] = {"read_file": read_generated}
    if not options.readers_only:
        steps["process_file"] = process_generated
    totals = {
        name: fuzz(name, check, seconds=seconds / len(steps), found=options.found)
        for name, check in steps.items()
    }
    print(f"\n{'step':<14} {'cases':>10} {'failures':>9} {'cases/s':>8} {'minutes':>8}")
    for step, (cases, failures, spent) in totals.items():
        print(f"{step:<14} {cases:>10,} {failures:>9} {cases / spent:>8.0f} {spent / 60:>8.1f}")
    sys.exit(1 if any(failures for _, failures, _ in totals.values()) else 0)


if __name__ == "__main__":
    main()
