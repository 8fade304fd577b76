"""Make officeholders.tsv from a clone of github.com/unitedstates/congress-legislators (CC0).

Run: python kg/extract/data/make_officeholders.py PATH/TO/congress-legislators/.git

The repository's legislators-historical.yaml is too large to fetch here, so the members are
read from legislators-current.yaml as it stood every six months since the repository began
(2012): everyone who served in Congress from 2012 on, each with all their terms (back to
1990), plus the presidents and vice presidents of executive.yaml since 1989. Consecutive
terms of one office and state are merged. One row per merged term.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

OUTPUT = Path(__file__).with_name("officeholders.tsv")
SINCE = date(1990, 1, 1)
OFFICES = {
    "sen": "senator",
    "rep": "representative",
    "prez": "president",
    "viceprez": "vice president",
}
GAP = timedelta(days=45)
"""Terms this close are one spell in office (a term ends on 3 January, the next starts then)."""


def git(repository: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(repository), *arguments],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def snapshots(repository: Path) -> list[str]:
    """A commit of the main branch every six months, and the newest."""
    found = []
    for year in range(2012, date.today().year + 1):
        for month in (2, 8):
            commit = git(repository, "rev-list", "-1", f"--before={year}-{month:02}-01", "main")
            if commit.strip():
                found.append(commit.strip())
    found.append(git(repository, "rev-parse", "main").strip())
    return list(dict.fromkeys(found))


def load(repository: Path, commit: str, path: str) -> list[dict[str, Any]]:
    text = git(repository, "show", f"{commit}:{path}")
    loaded: list[dict[str, Any]] = yaml.load(text, Loader=yaml.CSafeLoader)
    return loaded


def forms(name: dict[str, str]) -> list[str]:
    """The names a person goes by: official, first and last, nickname and last, with middle."""
    first, last = name.get("first", ""), name.get("last", "")
    found = [name.get("official_full", "")]
    found += [f"{first} {last}", f"{name.get('nickname', '')} {last}"]
    if name.get("middle"):
        found.append(f"{first} {name['middle']} {last}")
    found = [f.strip() for f in found if f.strip() and f.strip() != last]
    suffix = name.get("suffix", "")
    if suffix:
        found += [f"{each} {suffix}" for each in list(found) if not each.endswith(suffix)]
    return [
        f.strip()
        for f in dict.fromkeys(found)
        if f.strip() and f.strip() not in (last, f"{last} {suffix}")
    ]


def day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def spells(terms: list[dict[str, Any]]) -> list[tuple[str, str, date, date]]:
    """(office, state, start, end) with consecutive terms of one office and state merged."""
    merged: list[tuple[str, str, date, date]] = []
    for term in sorted(terms, key=lambda t: str(t["start"])):
        office = OFFICES.get(term["type"])
        if office is None:
            continue
        state = term.get("state", "")
        start, end = day(term["start"]), day(term["end"])
        if merged and merged[-1][:2] == (office, state) and start - merged[-1][3] <= GAP:
            merged[-1] = (office, state, merged[-1][2], max(end, merged[-1][3]))
        else:
            merged.append((office, state, start, end))
    return [spell for spell in merged if spell[3] >= SINCE]


def main(repository: Path) -> None:
    people: dict[str, dict[str, Any]] = {}
    for commit in snapshots(repository):
        for person in load(repository, commit, "legislators-current.yaml"):
            people[person["id"]["bioguide"]] = person  # the newest record wins
    executives = load(repository, "main", "executive.yaml")
    for person in executives:
        key = person["id"].get("bioguide") or f"exec:{person['id'].get('govtrack')}"
        known = people.get(key)
        if known is None:
            people[key] = person
        else:
            known["terms"] = known["terms"] + person["terms"]
            known["id"] = {**person["id"], **known["id"]}
    rows = []
    for key, person in people.items():
        ids = person["id"]
        names = forms(person["name"])
        for office, state, start, end in spells(person["terms"]):
            rows.append(
                [
                    names[0],
                    "|".join(names[1:]),
                    office,
                    state or "US",
                    start.isoformat(),
                    end.isoformat(),
                    ids.get("wikidata", ""),
                    "" if key.startswith("exec:") else key,
                ]
            )
    rows.sort(key=lambda r: (r[0], r[4]))
    commit = git(repository, "rev-parse", "main").strip()
    with OUTPUT.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "# US presidents, vice presidents and members of Congress with their terms in office\n"
            "# (spells since 1990; members: everyone in Congress from 2012 on). Source:\n"
            "# github.com/unitedstates/congress-legislators (CC0 1.0), commit "
            f"{commit},\n# legislators-current.yaml every six months and executive.yaml; made by\n"
            "# kg/extract/data/make_officeholders.py. state: a US state's code, or US.\n"
        )
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(
            ["name", "forms", "office", "state", "start", "end", "wikidata", "bioguide"]
        )
        writer.writerows(rows)
    print(f"{len(rows)} spells of {len(people)} people -> {OUTPUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
