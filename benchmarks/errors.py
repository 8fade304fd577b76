"""Error analysis on a development set: each missed and spurious entry, by file.

Run: .venv/bin/python -m benchmarks.errors FOLDER [KIND...]   (e.g. tests/data/labelled officials)
Refuses the blind sets (tests/data/heldout, tests/data/blind): their figures are looked at only
in aggregate (`kg eval`), never entry by entry, so that they stay blind.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.evaluate import KINDS, evaluate

BLIND = ("heldout", "blind")


def main(arguments: list[str]) -> None:
    if not arguments:
        raise SystemExit(__doc__)
    folder, kinds = Path(arguments[0]), arguments[1:] or list(KINDS)
    if any(part in BLIND for part in folder.resolve().parts):
        raise SystemExit(f"{folder} is a blind set: use `kg eval` for its aggregate figures only")
    result = evaluate(folder)
    print(f"command: python -m benchmarks.errors {' '.join(arguments)}")
    for kind in kinds:
        score = result.system[kind]
        print(f"\n## {kind}: P {score.precision:.2f} R {score.recall:.2f} F1 {score.f1:.2f}")
        for source, what, entry in sorted(score.mistakes):
            print(f"{source:<50.50} {what:<9} {entry}")


if __name__ == "__main__":
    main(sys.argv[1:])
