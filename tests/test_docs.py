"""The docs are checked like code: generated parts are current, every component is documented."""

from __future__ import annotations

from kg.clidoc import render
from kg.export import exporters
from kg.extract import extractors
from kg.readers import readers
from kg.sparql import named_queries

from .conftest import ROOT


def test_the_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text() == render(), "run `make docs`"


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    commands = ("build", "query", "serve", "export", "validate", "load", "view", "eval", "plugins")
    for command in commands:
        assert f"kg {command}" in readme, command


def test_every_registered_component_and_shipped_query_is_documented() -> None:
    docs = {path.name: path.read_text() for path in (ROOT / "docs").glob("*.md")}
    for name in readers.names():
        assert f"`{name}`" in docs["input.md"], name
    for name in exporters.names():
        assert f"`{name}`" in docs["query.md"], name
    for name in extractors.names():
        assert f"`{name}`" in docs["extraction.md"] or f"`{name}`" in docs["architecture.md"], name
    for name in named_queries():
        assert f"`{name}`" in docs["query.md"], name
    for path in (ROOT / "kg" / "queries" / "entity").glob("*.rq"):
        assert f"`{path.stem}`" in docs["serve.md"], path.name
