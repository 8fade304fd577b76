"""The given-name list's maker (kg/extract/data/make_given_names.py): the Census files it
reads and the names it leaves out, on small files of the Census's own format."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

MAKER = Path(__file__).parents[1] / "kg" / "extract" / "data" / "make_given_names.py"


def maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_given_names", MAKER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_census_first_names_and_surname_shares(tmp_path: Path) -> None:
    (tmp_path / "dist.male.first").write_text(
        "JAMES          3.318  3.318      1\nHOWARD         0.319 34.000     40\n",
        encoding="ascii",
    )
    (tmp_path / "dist.female.first").write_text("MARY           2.629  2.629      1\n")
    (tmp_path / "dist.all.last").write_text(
        "SMITH          1.006  1.006      1\nWALKER         0.219  9.000     25\n",
        encoding="ascii",
    )
    first, surnames = maker().census(tmp_path)
    assert first == {"James", "Howard", "Mary"}
    assert surnames["Walker"] == 0.00219


def test_titles_offices_and_short_names_are_left_out() -> None:
    kept = maker().kept
    assert kept("Nabil") and kept("Vladimir")
    assert not kept("King") and not kept("Judge") and not kept("Senator")
    assert not kept("Al") and not kept("Mary-Ann")
