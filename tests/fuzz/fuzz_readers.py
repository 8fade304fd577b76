"""Coverage-guided fuzzing of every reader with atheris: nothing but InputError may escape.

Run: python tests/fuzz/fuzz_readers.py -runs=100000 tests/fuzz/corpus
(the test suite runs it for a bounded number of runs).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from kg.errors import InputError
    from kg.model import Article
    from kg.readers import read_file

_FOLDER = Path(tempfile.mkdtemp(prefix="kg-fuzz-"))
_SUFFIXES = (".md", ".txt", ".json", ".jsonl")


def one_input(data: bytes) -> None:
    """Read ``data`` as each kind of file; read_file must yield, never raise."""
    if not data:
        return
    path = _FOLDER / f"input{_SUFFIXES[data[0] % len(_SUFFIXES)]}"
    path.write_bytes(data[1:])
    for item in read_file(str(path)):
        if not isinstance(item, Article | InputError):
            raise TypeError(f"read_file yielded {type(item).__name__}")


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
