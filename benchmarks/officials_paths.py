"""Officials' precision by the evidence that produced them, over development sets together.

Each current official kg states was made an official by one shape of text (a title before
the name, an apposition, a copula, an office referred back to ...) and got its jurisdiction
by one path (the role's own phrase, a body's place, the officeholders table, the article's
home country, the nearest city ...): ``Holding.pattern`` and ``Holding.how``. This prints,
for each pattern, how many officials it made and how many of those are gold officials
(name right), with the right role; and for each jurisdiction path, among officials whose
name and role are right, how many got the right jurisdiction. A path whose precision is
low is a guess on unseen text too.

Run: .venv/bin/python -m benchmarks.officials_paths [FOLDER ...] [--list PATH]
(default: every development set: tests/data/development*, tests/data/labelled).
Never on a blind or held-out set: it prints entries.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from benchmarks.errors import is_blind
from kg.evaluate import _choices, load_labels, with_dateline_neutral
from kg.extract import Context, pipeline
from kg.extract.officials import holdings, one_office_each
from kg.model import Article
from kg.namespaces import SDO
from kg.readers import read_file
from kg.text import fold


def default_folders() -> list[Path]:
    """Every development set: tests/data/development* and tests/data/labelled (never a
    blind or held-out one)."""
    data = Path("tests/data")
    found = sorted(p for p in data.glob("development*") if p.is_dir())
    return [*found, data / "labelled"]


def _gold(data: dict[str, Any]) -> dict[str, list[tuple[frozenset[str], frozenset[str]]]]:
    found: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = defaultdict(list)
    for official in data.get("officials") or []:
        found[fold(official["name"])].append(
            (
                _choices(None, official.get("role"), "role"),
                _choices(None, official.get("jurisdiction"), "jurisdiction", optional=True),
            )
        )
    return found


def measure(folders: list[Path]) -> list[tuple[str, ...]]:
    """(pattern, jurisdiction path, verdict, file, shown entry, role scope and what names
    the jurisdiction) for each current official.

    The verdict is "right", "wrong jurisdiction", "wrong role" or "spurious" (the person is
    no gold official of the article)."""
    rows: list[tuple[str, ...]] = []
    steps = pipeline()
    for folder in folders:
        if is_blind(folder):
            raise SystemExit(f"{folder}: a blind set; never measured entry by entry")
        for label in load_labels(folder):
            articles = [a for a in read_file(str(label.path)) if isinstance(a, Article)]
            gold = _gold(with_dateline_neutral(label.data, articles[0].body if articles else ""))
            for article in articles:
                context = Context(article=article)
                names: dict[str, set[str]] = {}
                for step in steps:
                    found = list(step(article, context))
                    context.found[step.name] = found
                    for fact in found:
                        if str(fact.predicate) in (str(SDO.name), str(SDO.alternateName)):
                            names.setdefault(fact.subject.key, set()).add(fold(str(fact.object)))
                seen = set()
                for holding in one_office_each(holdings(context)).values():
                    person = min(names.get(holding.person.ref.key, {fold(holding.person.name)}))
                    role = fold(holding.role.text)
                    where = holding.jurisdiction
                    place = (
                        frozenset(names.get(where.ref.key, {fold(where.name)}))
                        if where
                        else frozenset({""})
                    )
                    key = (person, role, place)
                    if key in seen:
                        continue
                    seen.add(key)
                    entries = gold.get(person, [])
                    if not entries:
                        verdict = "spurious"
                    elif not any(role in roles for roles, _ in entries):
                        verdict = "wrong role"
                    elif any(role in roles and place & places for roles, places in entries):
                        verdict = "right"
                    else:
                        verdict = "wrong jurisdiction"
                    how = holding.how if where is not None else f"none({holding.how})"
                    if where is not None:
                        how = f"{how}:{where.ref.kind}"
                    shown = f"{person} / {role} / {' | '.join(sorted(place))}"
                    named = "body" if holding.body is not None else "place" if where else "none"
                    scope = f"{holding.role.scope} with {named}"
                    rows.append(
                        (holding.pattern or "?", how, verdict, label.source.name, shown, scope)
                    )
    return rows


def table(rows: list[tuple[str, ...]], column: int, title: str) -> str:
    """Counts by one column: produced, right, wrong, precision."""
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        by[row[column]][row[2]] += 1
    lines = [
        f"| {title} | produced | right | wrong jur. | wrong role | spurious | precision | "
        "jur. precision |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, counts in sorted(by.items(), key=lambda item: -sum(item[1].values())):
        total = sum(counts.values())
        lines.append(
            f"| {name} | {total} | {counts['right']} | {counts['wrong jurisdiction']} | "
            f"{counts['wrong role']} | {counts['spurious']} | {counts['right'] / total:.2f} | "
            f"{_ratio(counts['right'], counts['right'] + counts['wrong jurisdiction'])} |"
        )
    return "\n".join(lines)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--list", help="print the entries of this pattern or path (or 'all')")
    arguments = parser.parse_args()
    folders = arguments.folders or default_folders()
    rows = measure([f for f in folders if f.is_dir()])
    print(f"command: python -m benchmarks.officials_paths {' '.join(map(str, folders))}\n")
    print(table(rows, 0, "made an official by"))
    print()
    print(table(rows, 1, "jurisdiction by"))
    print()
    print(table(rows, 5, "role scope, named with"))
    if arguments.list:
        print()
        for row in sorted(rows):
            if arguments.list in ("all", row[0], row[1], row[5]) and (
                arguments.list == "all" or row[2] != "right"
            ):
                print(
                    f"{row[0]:<14} {row[1]:<28} {row[5]:<20} {row[2]:<18} {row[3]:<22.22} {row[4]}"
                )


if __name__ == "__main__":
    main()
