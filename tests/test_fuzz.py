"""Generated hostile files through every reader and the whole per-file step: nothing may
escape, and nothing may be an internal error (that would be a bug kg must fix at its
root). ``python -m benchmarks.fuzz --minutes N`` runs the same properties for longer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from kg.builder import FileResult, process_file
from kg.errors import InputError
from kg.extract import pipeline
from kg.model import Article
from kg.readers import read_file

from .strategies import article_files

_SETTINGS = {
    "deadline": None,
    "derandomize": True,  # the same cases on every run: CI must not turn on luck
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}


def read_generated(folder: Path, suffix: str, data: bytes) -> list[Article | InputError]:
    """What read_file makes of a generated file; fails on anything but articles and
    input errors, and on internal errors."""
    path = folder / f"generated{suffix}"
    path.write_bytes(data)
    items = list(read_file(str(path)))
    for item in items:
        assert isinstance(item, Article | InputError), type(item)
        if isinstance(item, InputError):
            assert not item.reason.startswith("internal error"), item.detail
    return items


def process_generated(folder: Path, suffix: str, data: bytes) -> FileResult:
    """The whole per-file step on a generated file; fails on internal errors."""
    path = folder / f"generated{suffix}"
    path.write_bytes(data)
    result = process_file(str(path), pipeline())
    for error in result.errors:
        assert not error.reason.startswith("internal error"), error.detail
    return result


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=2500, **_SETTINGS)  # type: ignore[arg-type]
@given(file=article_files())
def test_every_reader_survives_generated_files(folder: Path, file: tuple[str, bytes]) -> None:
    read_generated(folder, *file)


@settings(max_examples=300, **_SETTINGS)  # type: ignore[arg-type]
@given(file=article_files())
def test_reading_and_extraction_survive_generated_files(
    folder: Path, file: tuple[str, bytes]
) -> None:
    process_generated(folder, *file)
