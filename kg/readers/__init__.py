"""Readers turn input files into Article records; one module per format.

A reader has a ``name``, the ``suffixes`` it reads, ``accepts(path, text)`` and
``read(source, text)``, which yields Articles, or InputErrors for records it
had to skip while the rest of the file goes on.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from kg.errors import InputError
from kg.model import Article
from kg.readers.decode import decode
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.registry import Registry


class Reader(Protocol):
    """What the build needs of a reader."""

    name: str
    suffixes: tuple[str, ...]

    def accepts(self, path: Path, text: str) -> bool:
        """Whether this reader reads the file (by suffix, or by a look at its text)."""
        ...

    def read(
        self, source: str, text: str, *, limits: Limits = DEFAULT_LIMITS
    ) -> Iterator[Article | InputError]:
        """The file's articles, and an InputError for each record that could not be read."""
        ...


readers: Registry[Reader] = Registry("reader", "kg.readers")
readers.register("frontmatter", "kg.readers.frontmatter:FrontMatterReader", aliases=("yaml", "md"))
readers.register("json", "kg.readers.jsonlines:JsonReader", aliases=("jsonl", "ndjson"))
readers.register("text", "kg.readers.plaintext:PlainTextReader", aliases=("txt", "plain"))

# Front matter is recognized by content before plain text claims a .txt file.
_PRECEDENCE = ("frontmatter", "json", "text")


def _reader_instances() -> list[Reader]:
    names = [*_PRECEDENCE, *(n for n in readers.names() if n not in _PRECEDENCE)]
    return [readers.get(name)() for name in names]  # type: ignore[operator]


def input_suffixes() -> set[str]:
    """Every suffix some registered reader reads."""
    return {suffix for reader in _reader_instances() for suffix in reader.suffixes}


def discover(paths: Iterable[str | Path]) -> tuple[list[str], list[InputError]]:
    """Expand files, folders (recursively) and globs into input files, in a stable order.

    Hidden files and folders are left out; a path that matches nothing is an error.
    """
    suffixes = input_suffixes()
    found: dict[str, None] = {}
    missing: list[InputError] = []
    for raw in paths:
        text = str(raw)
        # glob.glob, not Path.glob: a user's pattern may be absolute.
        expanded = glob.glob(text, recursive=True)  # noqa: PTH207
        matches = sorted(expanded) if glob.has_magic(text) else [text]
        if not matches or not all(Path(m).exists() for m in matches):
            missing.append(InputError(text, "no such file or directory"))
            continue
        for match in matches:
            path = Path(match)
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    relative = child.relative_to(path).parts
                    hidden = any(part.startswith(".") for part in relative)
                    if child.is_file() and not hidden and child.suffix.lower() in suffixes:
                        found.setdefault(str(child))
            elif path.is_file():
                found.setdefault(match)
    return list(found), missing


def read_file(source: str, *, limits: Limits = DEFAULT_LIMITS) -> Iterator[Article | InputError]:
    """Read one input file with the first reader that accepts it.

    Never raises for a bad file: problems are yielded, so one bad file cannot stop a
    build. An exception no reader should raise (a bug, a recursion limit) ends the
    file's reading as an ``internal error``, with its traceback in the error's detail.
    """
    try:
        yield from _read(source, limits)
    except Exception as error:
        yield InputError.internal(source, error, doing="reading it")


def _read(source: str, limits: Limits) -> Iterator[Article | InputError]:
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            reason = f"file too large: {size} bytes (limit max_file_bytes={limits.max_file_bytes})"
            yield InputError(source, reason)
            return
        text, problems = decode(source, path.read_bytes())
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield InputError(source, f"cannot read the file: {error.strerror or error}")
        return
    for reader in _reader_instances():
        if reader.accepts(path, text):
            try:
                for item in reader.read(source, text, limits=limits):
                    if problems and isinstance(item, Article):
                        item = replace(item, problems=(*problems, *item.problems))
                    yield item
            except InputError as error:
                yield error
            return
    if path.suffix.lower() in (".md", ".markdown"):
        yield InputError(source, "no YAML front matter (save plain article bodies as .txt)")
    else:
        yield InputError(source, f"no reader for {path.suffix or 'files without a suffix'}")
