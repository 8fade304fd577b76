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
    assert first == {"James": {"m"}, "Howard": {"m"}, "Mary": {"f"}}
    assert surnames["Walker"] == 0.00219


def test_titles_offices_and_short_names_are_left_out() -> None:
    kept = maker().kept
    assert kept("Nabil") and kept("Vladimir")
    assert not kept("King") and not kept("Judge") and not kept("Senator")
    assert not kept("Al") and not kept("Mary-Ann")


def test_a_name_carries_the_sex_of_nearly_all_given_it() -> None:
    from collections import Counter

    sex = maker().sex
    babies = Counter({"Nancy": 1000, "Leslie": 1000, "Donald": 1000})
    girls = Counter({"Nancy": 997, "Leslie": 700, "Donald": 4})
    census = {"Marion": {"m", "f"}, "Mitch": {"m"}}
    assert [sex(n, babies, girls, census) for n in ("Nancy", "Leslie", "Donald")] == ["f", "", "m"]
    # A name only the Census lists: the sex of the one list that has it, if one.
    assert sex("Mitch", babies, girls, census) == "m"
    assert sex("Marion", babies, girls, census) == ""


def test_the_shipped_list_reads_the_sex_column() -> None:
    from kg.extract import gazetteers as gz

    sexes = gz.given_name_sexes()
    assert (sexes["Nancy"], sexes["Barack"], sexes["Leslie"]) == ("f", "m", "")
    assert "Nancy" in gz.given_names() and "Nancy\tf" not in gz.given_names()
