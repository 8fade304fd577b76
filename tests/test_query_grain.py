"""Issue #21: every shipped query returns one row per fact, at the grain docs/query.md states,
on a corpus that writes the same names in several cases and spellings ("president" and
"President", "REUTERS" and "Reuters", "JACK ABLIN", "NYPD" and "New York Police
Department"); and names found in capitals are shown in their usual case."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from kg.builder import build_to
from kg.sparql import named_queries, run

DOCS = Path(__file__).parent.parent / "docs" / "query.md"

STORIES = [
    (
        "Trump raises steel tariffs",
        "President Donald Trump said on {day} that tariffs on steel would rise. "
        '"We will protect our workers," Trump said at the White House in Washington.',
    ),
    (
        "Trump meets Lavrov",
        "U.S. president Donald Trump met Russian foreign minister Sergei Lavrov in Washington "
        "on {day}. The president said the talks went well.",
    ),
    (
        "Lavrov ready to talk",
        "Russian Foreign Minister Sergei Lavrov said in Moscow on {day} that Russia was ready "
        'to talk. "Nobody wants a long war," Lavrov said.',
    ),
    (
        "Market views",
        "Stocks fell on Wall Street on {day}.\n\n"
        'AARON KOHLI, STRATEGIST, BMO CAPITAL MARKETS, NEW YORK: "The market is nervous about '
        'the Federal Reserve."\n\n'
        'JACK ABLIN, CHIEF INVESTMENT OFFICER, CRESSET CAPITAL, CHICAGO: "Rates will stay high."',
    ),
    (
        "Bond yields rise",
        "Aaron Kohli, a strategist at BMO Capital Markets in New York, said on {day} that bond "
        "yields were rising. The Federal Reserve meets next week in Washington.",
    ),
    (
        "Hochul reviews plan",
        "New York Governor Kathy Hochul said in Albany on {day} that the state would review the "
        "plan. Later, New York governor Kathy Hochul met the New York Police Department. The "
        "NYPD has asked for more officers.",
    ),
]
OUTLETS = [
    ("Reuters", "https://www.reuters.com"),
    ("REUTERS", "https://www.reuters.com"),
    ("the Associated Press", "https://apnews.com"),
]
DAYS = ["Monday", "Tuesday"]

Row = tuple[str | None, ...]


def write_corpus(folder: Path) -> None:
    """Each story twice, from outlets that spell their own name in two cases."""
    folder.mkdir(parents=True)
    for index in range(2 * len(STORIES)):
        title, body = STORIES[index % len(STORIES)]
        outlet, site = OUTLETS[index % len(OUTLETS)]
        record = {
            "title": f"{title} ({index})",
            "url": f"{site}/2025/story-{index}",
            "publisher": outlet,
            "published": f"2025-03-{1 + index:02d}T12:00:00Z",
            "body": body.format(day=DAYS[index // len(STORIES)]),
        }
        (folder / f"story-{index:02d}.json").write_text(json.dumps(record), encoding="utf-8")


@pytest.fixture(scope="module")
def variants_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("grain")
    write_corpus(root / "news")
    build_to([root / "news"], root / "out", formats=["nquads"])
    return root / "out"


def documented_grains() -> dict[str, list[str]]:
    """Each shipped query's key columns, from the grain column of docs/query.md's table."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### Shipped queries", 1)[1].split("\n\n", 1)[1].split("\n\n", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("| `")]
    grains: dict[str, list[str]] = {}
    for line in lines:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        grain = re.search(r"\(([^)]*)\)", cells[2])
        assert grain is not None, f"docs/query.md: no key columns in the grain of {cells[0]}"
        grains[cells[0].strip("`")] = re.findall(r"`(\w+)`", grain.group(1))
    return grains


def rows_of(graph: Path, name: str) -> tuple[list[str], list[Row]]:
    result = run(graph, name)
    return result.variables, [tuple(row[v] for v in result.variables) for row in result.rows]


def alternate_only_names(graph: Path) -> set[str]:
    """Spellings the graph keeps only as alternate names: no shipped query should show one."""
    _, alternates = rows_of(
        graph,
        "PREFIX schema: <https://schema.org/> SELECT DISTINCT ?n WHERE { "
        "?x schema:alternateName ?n FILTER NOT EXISTS { ?y schema:name|schema:roleName ?n } }",
    )
    return {str(n) for (n,) in alternates}


def test_every_shipped_query_has_a_documented_grain() -> None:
    grains = documented_grains()
    assert sorted(grains) == sorted(named_queries())
    assert all(grains.values()), grains


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_shipped_query_returns_one_row_per_fact(variants_build: Path, name: str) -> None:
    key_columns = documented_grains()[name]
    variables, rows = rows_of(variants_build, name)
    assert rows, f"{name}: the variants corpus gives no rows"
    missing = [c for c in key_columns if c not in variables]
    assert not missing, f"{name}: docs/query.md names key columns it lacks: {missing}"
    positions = [variables.index(c) for c in key_columns]
    keys = Counter(tuple((row[i] or "").casefold() for i in positions) for row in rows)
    repeated = {key: count for key, count in keys.items() if count > 1}
    assert not repeated, f"{name}: several rows per {key_columns}: {repeated}"
    alternates = alternate_only_names(variants_build)
    shown = {value for row in rows for value in row if value in alternates}
    assert not shown, f"{name}: rows show alternate names {shown}"


def test_names_in_capitals_are_shown_in_their_usual_case(variants_build: Path) -> None:
    _, mentions = rows_of(variants_build, "mentions")
    names = {row[3] for row in mentions}
    assert {"Jack Ablin", "Cresset Capital", "BMO Capital Markets"} <= names
    assert not {n for n in names if n and n.isupper() and " " in n}, names
    _, officials = rows_of(variants_build, "officials")
    assert {row[1] for row in officials} == {"President", "Foreign Minister", "Governor"}
    _, outlets = rows_of(variants_build, "outlets")
    assert {row[0] for row in outlets} == {"Reuters", "the Associated Press"}
    # The text's own form stays in the evidence (and as an alternate name).
    _, evidence = rows_of(variants_build, "evidence")
    assert any(row[0] == "Jack Ablin" and "JACK ABLIN" in (row[3] or "") for row in evidence)
    assert "JACK ABLIN" in alternate_only_names(variants_build)
