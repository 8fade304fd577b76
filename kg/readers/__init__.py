"""Readers turn input files into Article records; one module per format.

A reader has a ``name``, the ``suffixes`` it reads, ``accepts(path, text)`` and
``read(source, text)``, which yields Articles, or InputErrors for records it
had to skip while the rest of the file goes on. A reader of a format that can be cut
(JSON Lines) also has ``split(source, limits)`` and ``read_part(part)``: a big file is
then read as parts (``kg.readers.chunks``), each a unit of work.
"""

from __future__ import annotations

import glob
import inspect
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from kg.errors import InputError
from kg.model import Article
from kg.readers.chunks import Part
from kg.readers.decode import decode
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.readers.mapping import NO_FIELDS, FieldMap
from kg.registry import Registry


class Reader(Protocol):
    """What the build needs of a reader."""

    name: str
    suffixes: tuple[str, ...]

    def accepts(self, path: Path, text: str) -> bool:
        """Whether this reader reads the file (by suffix, or by a look at its text)."""
        ...

    def read(
        self,
        source: str,
        text: str,
        *,
        limits: Limits = DEFAULT_LIMITS,
        fields: FieldMap = NO_FIELDS,
    ) -> Iterator[Article | InputError]:
        """The file's articles, and an InputError for each record that could not be read.

        ``fields`` is the user's mapping of their field names onto kg's (``--field``); a
        reader whose ``read`` has no ``fields`` parameter is called without it.
        """
        ...


readers: Registry[Reader] = Registry("reader", "kg.readers")
readers.register("frontmatter", "kg.readers.frontmatter:FrontMatterReader", aliases=("yaml", "md"))
readers.register("json", "kg.readers.jsonlines:JsonReader", aliases=("jsonl", "ndjson"))
readers.register("text", "kg.readers.plaintext:PlainTextReader", aliases=("txt", "plain"))
readers.register("feed", "kg.readers.feeds:FeedReader", aliases=("rss", "atom"))
readers.register("html", "kg.readers.webpage:HtmlReader", aliases=("htm", "page"))
readers.register("warc", "kg.readers.warc:WarcReader", aliases=("warc.gz",))

# Front matter is recognized by content before plain text claims a .txt file (or a page
# its .html file); a feed by content whatever its suffix. A reader with ``read_path``
# (WARC archives) streams its file itself: it is never read into memory as one text.
_PRECEDENCE = ("frontmatter", "json", "warc", "feed", "html", "text")


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
                    if child.is_file() and not hidden and _has_suffix(child, suffixes):
                        found.setdefault(str(child))
            elif path.is_file():
                found.setdefault(match)
    return list(found), missing


def _takes_fields(reader: Reader) -> bool:
    """Whether a reader's ``read`` takes a field mapping (readers written before it don't)."""
    try:
        return "fields" in inspect.signature(reader.read).parameters
    except (TypeError, ValueError):
        return False


def _has_suffix(path: Path, suffixes: set[str]) -> bool:
    """``crawl.warc.gz`` has the suffix ``.warc.gz`` as well as ``.gz``."""
    name = path.name.lower()
    return any(name.endswith(suffix) for suffix in suffixes)


def split(source: str, limits: Limits = DEFAULT_LIMITS) -> list[Part] | None:
    """The parts a big file is read as, or None when it is read whole (the usual case)."""
    reader = _splitter(Path(source))
    return reader.split(source, limits) if reader is not None else None


def _splitter(path: Path) -> Any:
    """The reader that cuts files like this one into parts, if any."""
    for reader in _reader_instances():
        if getattr(reader, "split", None) is not None and reader.accepts(path, ""):
            return reader
    return None


def read_file(
    source: str | os.PathLike[str] | Part,
    *,
    limits: Limits = DEFAULT_LIMITS,
    fields: FieldMap = NO_FIELDS,
) -> Iterator[Article | InputError]:
    """Read one input file (a path, or one part of a file, see ``split``) with the first
    reader that accepts it.

    Never raises for a bad file: problems are yielded, so one bad file cannot stop a
    build. An exception no reader should raise (a bug, a recursion limit) ends the
    file's reading as an ``internal error``, with its traceback in the error's detail.
    """
    if not isinstance(source, (str, Part)):
        source = os.fspath(source)  # a Path reads as its text
    name = source.source if isinstance(source, Part) else source
    try:
        if isinstance(source, Part):
            reader = _splitter(Path(name))
            assert reader is not None, f"no reader cuts {name} into parts"
            yield from reader.read_part(source, limits=limits, fields=fields)
        else:
            yield from _read(source, limits, fields)
    except Exception as error:
        line = source.line if isinstance(source, Part) else None
        yield InputError.internal(name, error, line=line, doing="reading it")


def _read(source: str, limits: Limits, fields: FieldMap) -> Iterator[Article | InputError]:
    path = Path(source)
    for reader in _reader_instances():
        read_path = getattr(reader, "read_path", None)
        if read_path is not None and reader.accepts(path, ""):
            try:
                yield from read_path(source, limits=limits, fields=fields)
            except InputError as error:
                yield error
            return
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
                options = {"fields": fields} if _takes_fields(reader) else {}
                for item in reader.read(source, text, limits=limits, **options):
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
