"""The kg command: help, exit codes, summary and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kg.cli import EXIT_SKIPPED, main


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "plugins"):
        assert command in result.output


def test_build_prints_a_summary_and_writes_the_outputs(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "seeds", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for row in (
        "articles",
        "outlets",
        "people",
        "cities",
        "organizations",
        "topics",
        "triples",
        "files skipped",
    ):
        assert row in result.output
    assert (
        str(tmp_path / "graph.ttl") in result.output
        and str(tmp_path / "graph.html") in result.output
    )
    report = json.loads((tmp_path / "build-report.json").read_text())
    assert report["counts"]["articles"] == 6 and report["skipped"] == []


def test_skipped_files_are_reported_and_set_the_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "in" / "bad.md"
    bad.parent.mkdir()
    bad.write_text("---\n{{{\n---\n")
    result = CliRunner().invoke(
        main, ["build", str(bad.parent), "seeds", "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == EXIT_SKIPPED
    assert f"{bad}:3: invalid YAML front matter" in result.output


def test_strict_stops_with_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "nowhere", "--strict", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "nowhere: no such file or directory" in result.output


def test_unknown_format_names_the_choices(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", "seeds", "-f", "docx", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "unknown exporter 'docx'; available:" in result.output and "turtle" in result.output


def test_plugins_lists_readers_extractors_and_exporters() -> None:
    result = CliRunner().invoke(main, ["plugins"])
    assert result.exit_code == 0
    for name in ("frontmatter", "json", "text", "articles", "outlets", "topics", "turtle", "html"):
        assert name in result.output


def test_python_dash_m_kg_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "kg, version 0.1.0"


def test_eval_prints_scores_beside_the_baseline(tmp_path: Path) -> None:
    label = Path("tests/data/labelled/seed-000_1acd798047e26139.yaml")
    (tmp_path / label.name).write_text(label.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 labelled articles" in result.output
    people = next(line for line in result.output.splitlines() if line.startswith("people"))
    assert people.split()[1:4] == ["1.00", "1.00", "1.00"]


def test_eval_of_a_folder_without_labels_fails_with_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert "no *.yaml label files" in result.output
