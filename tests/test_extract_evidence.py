"""The measure of each extraction rule's precision (benchmarks/evidence.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import evidence


def test_each_rule_counts_its_right_and_wrong_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "development-tiny"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text(
        "Mayor Karen Bass spoke in Los Angeles on Monday. Mr Smith said the plan would work.\n",
        encoding="utf-8",
    )
    (folder / "a.yaml").write_text(
        f"file: {article}\npeople: [Karen Bass]\ncities: [Los Angeles]\n", encoding="utf-8"
    )
    evidence.main([str(folder), "--show", "after-honorific"])
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:4] for line in out.splitlines() if line[:1].islower()}
    assert rows["model"] == ["1", "1.00", "0"]  # Karen Bass: found, precision, wrong
    assert rows["after-honorific"] == ["1", "0.00", "1"]  # "Smith" is not in the labels
    assert "a.yaml: Smith" in out


def test_blind_sets_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "blind-wire"
    folder.mkdir()
    with pytest.raises(SystemExit):
        evidence.main([str(folder)])
