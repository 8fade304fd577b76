"""Make us_government.tsv: US federal departments, agencies and congressional committees.

Run: python kg/extract/data/make_us_government.py FOIA_GIT CONGRESS_GIT

- FOIA_GIT: a clone of github.com/18F/2015-foia (CC0 1.0; the FOIA contacts of every federal
  agency, with its components): each agency, and each component marked top-level, with the
  abbreviation the file gives; and each other component named as a body of its own, whose
  last word is an agency's ("Federal Railroad Administration", "Forest Service"; not
  regional or field offices, divisions or "Office of ..." units), with no acronym made up.
- CONGRESS_GIT: a clone of github.com/unitedstates/congress-legislators (CC0 1.0): every
  committee of committees-current.yaml as it stood every six months since 2012, and the
  newest; a committee renamed over time keeps its newest name and the older ones as other
  names (one row per committee id).

The short forms news writes are made from the official names by rule, not by hand:
"Department of Justice" -> "Justice Department"; "Senate Committee on the Judiciary" ->
"Senate Judiciary Committee"; "Senate Select Committee on Intelligence" -> "Senate
Intelligence Committee"; "Committee on Banking, Housing, and Urban Affairs" -> "Senate Banking
Committee"; a "U.S." and a "United States" form of each. Bodies that data/organizations.tsv
already lists (by any of their names) are left to it.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
OUTPUT = HERE / "us_government.tsv"
HEADER = """\
# US federal departments, agencies and congressional committees, with the other names news
# uses for them (made by rule from the official names: "Justice Department", "Senate
# Judiciary Committee"). Made by kg/extract/data/make_us_government.py from
# github.com/18F/2015-foia (CC0 1.0) commit {foia} (contacts/data/*.yaml) and
# github.com/unitedstates/congress-legislators (CC0 1.0) commit {congress}
# (committees-current.yaml every six months since 2012). Columns as in organizations.tsv.
"""


def git(repository: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(repository), *arguments],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def load(repository: Path, commit: str, path: str) -> Any:
    return yaml.load(git(repository, "show", f"{commit}:{path}"), Loader=yaml.CSafeLoader)


def fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def variants(name: str) -> list[str]:
    """The forms of a federal body's name: with and without "U.S."/"United States", "&"
    written out."""
    bare = re.sub(r"^(?:U\.S\.|US|United States)\s+", "", name)
    forms = [name, bare, f"U.S. {bare}", f"United States {bare}"]
    forms += [f.replace(" & ", " and ") for f in forms if " & " in f]
    return forms


CLASHES = frozenset({"PRC", "FCA", "IAF", "ACL", "CFA"})
"""Abbreviations that name something better known (China, the UK's Financial Conduct
Authority, the Israeli Air Force ...): left out."""


def initials(name: str) -> str:
    """ "Internal Revenue Service" -> "IRS": an agency's acronym where the source gives none
    (names of three capitalized words or more)."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) > 2 else ""


def department_forms(name: str) -> tuple[str, list[str]]:
    """ "Department of Justice": canonical "United States Department of Justice", other names
    "Justice Department", "U.S. Justice Department" ..."""
    found = re.fullmatch(r"Department of (?:the )?(.+)", name)
    if found is None:
        return name, variants(name)
    topic = found.group(1)
    full = f"United States {name}"
    short = f"{topic} Department"
    return full, [*variants(name), short, f"U.S. {short}"]


AGENCY_WORDS = frozenset(
    """
    Administration Agency Service Bureau Corporation Commission Board Survey Command Authority
    Foundation Council Corps
    """.split()  # noqa: SIM905 - a word list reads best as words
)
"""The last words of a federal body's own name: a component so named is a body of its own."""


def _named_body(component: dict[str, Any]) -> bool:
    """Whether a component that is not top-level is a body named in its own right ("Federal
    Railroad Administration"), not an office, a division or a regional or field office."""
    name = re.sub(r"\s+-\s+.*", "", str(component.get("name") or "").strip())
    words = name.split()
    return (
        len(words) >= 2
        and words[-1] in AGENCY_WORDS
        and not name.startswith(("Office", "The "))
        and "(" not in name
        and "," not in name
    )


def agencies(repository: Path, commit: str) -> list[tuple[str, list[str]]]:
    found = []
    listing = git(repository, "ls-tree", "--name-only", "-z", commit, "contacts/data/")
    for path in sorted(p for p in listing.split("\0") if p.endswith(".yaml")):
        agency = load(repository, commit, path)
        if not agency or not agency.get("name"):
            continue
        components = agency.get("departments") or []
        bodies = [agency] + [c for c in components if c.get("top_level") or _named_body(c)]
        for body in bodies:
            name = re.sub(r"\s+-\s+.*", "", str(body["name"]).strip())  # "... - Headquarters"
            if name.startswith("Office of the") or "(" in name:
                continue  # offices of a post ("Office of the Attorney General"), not bodies
            canonical, forms = department_forms(name)
            made = initials(name) if body is agency or body.get("top_level") else ""
            abbreviation = str(body.get("abbreviation") or "").strip() or made
            if abbreviation.isupper() and len(abbreviation) > 2 and abbreviation not in CLASHES:
                forms.append(abbreviation)
            found.append((canonical, forms))
    return found


def committee_forms(chamber: str, name: str) -> list[str]:
    """ "Senate Committee on the Judiciary" -> "Senate Judiciary Committee", "Judiciary
    Committee"; "House Permanent Select Committee on Intelligence" -> "House Intelligence
    Committee"; "Committee on Banking, Housing, and Urban Affairs" -> "Senate Banking
    Committee" too."""
    forms = [name]
    found = re.fullmatch(
        r"(?:(House|Senate)\s+)?(?:Permanent\s+)?(?:(Select|Special)\s+)?"
        r"Committee on (?:the )?(.+)",
        name,
    )
    if found is None or chamber not in ("House", "Senate"):
        return forms
    topic = found.group(3)
    # The first of a list of topics is the committee's short name ("Banking, Housing, and
    # Urban Affairs" -> Banking; "Oversight and Government Reform" -> Oversight), unless
    # "and" joins two words of one topic ("Ways and Means", "Energy and Commerce").
    first = topic.split(",")[0]
    head, _, rest = first.partition(" and ")
    if rest and " " in rest:
        first = head
    for each in dict.fromkeys([topic, first]):
        if not each.startswith(chamber):
            # Without the chamber too ("the Foreign Relations Committee"); a form both
            # chambers' committees share ("Judiciary Committee") is left out below.
            forms += [f"{chamber} {each} Committee", f"{each} Committee"]
    if not name.startswith(chamber):
        forms.append(f"{chamber} {name}")
    return forms


def committees(repository: Path) -> list[tuple[str, list[str]]]:
    commits = []
    for year in range(2012, date.today().year + 1):
        for month in (2, 8):
            commit = git(repository, "rev-list", "-1", f"--before={year}-{month:02}-01", "HEAD")
            if commit.strip():
                commits.append(commit.strip())
    commits.append(git(repository, "rev-parse", "HEAD").strip())
    names: dict[str, list[tuple[str, str]]] = {}
    for commit in dict.fromkeys(commits):
        try:
            listed = load(repository, commit, "committees-current.yaml")
        except subprocess.CalledProcessError:
            continue
        for committee in listed or []:
            chamber = {"house": "House", "senate": "Senate"}.get(committee.get("type"), "")
            entry = (chamber, str(committee["name"]).strip())
            seen = names.setdefault(str(committee["thomas_id"]), [])
            if entry in seen:
                seen.remove(entry)
            seen.append(entry)  # the newest name last
    found = []
    for entries in names.values():
        chamber, newest = entries[-1]
        canonical = (
            f"United States {newest}" if chamber and "United States" not in newest else newest
        )
        forms = [canonical]
        for each_chamber, each in entries:
            forms += committee_forms(each_chamber, each)
        found.append((canonical, forms))
    return found


def known_forms() -> set[str]:
    """Every folded name and other name of data/organizations.tsv."""
    known = set()
    lines = (HERE / "organizations.tsv").read_text(encoding="utf-8").splitlines()
    rows = csv.reader((r for r in lines if r and not r.startswith("#")), delimiter="\t")
    next(rows)
    for row in rows:
        known.add(fold(row[0]))
        known.update(fold(a) for a in (row[2] if len(row) > 2 else "").split("|") if a)
    return known


def main(foia: Path, congress: Path) -> None:
    foia_commit = git(foia, "rev-parse", "HEAD").strip()
    congress_commit = git(congress, "rev-parse", "HEAD").strip()
    known = known_forms()
    taken: set[str] = set()
    named: set[str] = set()
    rows: list[tuple[str, list[str]]] = []
    for canonical, forms in [*agencies(foia, foia_commit), *committees(congress)]:
        folded = {fold(f) for f in [canonical, *forms]}
        if folded & known or fold(canonical) in taken or fold(canonical) in named:
            continue  # known already, or a body two agencies' files both list
        # A short form two bodies share ("DC": Denali Commission, District of Columbia) is
        # neither's.
        others = [f for f in dict.fromkeys(forms) if f != canonical and fold(f) != fold(canonical)]
        rows.append((canonical, others))
        taken.add(fold(canonical))
        named.update(folded)
    counts: dict[str, int] = {}
    for canonical, others in rows:
        for form in {fold(f) for f in [canonical, *others]}:
            counts[form] = counts.get(form, 0) + 1
    with OUTPUT.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER.format(foia=foia_commit, congress=congress_commit))
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["name", "kind", "aliases", "city", "country"])
        for canonical, others in sorted(rows):
            unique: list[str] = []
            for form in others:
                if counts[fold(form)] == 1 and fold(form) not in {fold(u) for u in unique}:
                    unique.append(form)
            writer.writerow([canonical, "government", "|".join(unique), "", "US"])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
