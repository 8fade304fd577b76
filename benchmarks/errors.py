"""Error analysis: officials' mistakes counted by class, and on a development set each missed
and spurious entry, by file.

Run: .venv/bin/python -m benchmarks.errors FOLDER [KIND...]   (e.g. tests/data/labelled officials)
On the blind sets (tests/data/heldout and every tests/data/blind*) only the aggregate
counts are printed, never an entry, so that they stay blind.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kg.evaluate import KINDS, evaluate, official_classes


def is_blind(folder: Path) -> bool:
    """A held-out or blind set (``heldout``, ``blind``, ``blind-wire``, ``blind2`` ...)."""
    return any(part == "heldout" or part.startswith("blind") for part in folder.resolve().parts)


def main(arguments: list[str]) -> None:
    if not arguments:
        raise SystemExit(__doc__)
    folder, kinds = Path(arguments[0]), arguments[1:] or list(KINDS)
    blind = is_blind(folder)
    result = evaluate(folder)
    print(f"command: python -m benchmarks.errors {' '.join(arguments)}")
    for kind in kinds:
        score = result.system[kind]
        print(f"\n## {kind}: P {score.precision:.2f} R {score.recall:.2f} F1 {score.f1:.2f}")
        if kind == "officials":
            classes = official_classes(score)
            print(", ".join(f"{name} {count}" for name, count in classes.items()))
        if blind:
            continue  # a blind set: counts only
        for source, what, entry in sorted(score.mistakes):
            print(f"{source:<50.50} {what:<9} {entry}")


if __name__ == "__main__":
    main(sys.argv[1:])
