"""Make companies.tsv: the companies of the S&P 500 since 2012, with the names news gives them.

Run: python kg/extract/data/make_companies.py PATH/TO/s-and-p-500-companies/.git

The repository github.com/datasets/s-and-p-500-companies (data under the Open Data Commons
Public Domain Dedication and License) keeps the index's constituents in
``data/constituents.csv``, updated from Wikipedia's "List of S&P 500 companies" since 2012:
every version of the file in its history is read, so that a company that left the index
(or was renamed: "Wal-Mart Stores", now "Walmart") is known by each name it had. Each name
stands for itself ("Google" is not renamed "Alphabet Inc."); the names that come to one
bare form are one company, named as the file named it last, with each name's form without
its legal form ("Oracle Corp.": "Oracle"; "The Boeing
Company": "Boeing"). A short form of one word that is also a common given name, a US
state's name or a city's ("Ball" stays, "Southern" of "Southern Co." goes: a word of
direction) is left out: kg reads a one-word name only where the model already labels the
word an organization's, and a lone common word is too weak a form even there.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

OUTPUT = Path(__file__).with_name("companies.tsv")
HEADER = """\
# Companies of the S&P 500 index since 2012 (every version of data/constituents.csv in the
# history of github.com/datasets/s-and-p-500-companies, ODC-PDDL-1.0): the latest name, then
# its other names (earlier names, and names without their legal form). Made by
# make_companies.py; read as evidence that a name the model labels an organization is a
# company's ("Boeing"), and to find names of two words or more ("Lockheed Martin").
name\taliases
"""
_CLASS = re.compile(r"\s*(?:\((?:Class [A-Z]|The|new|New|old)\)|Class [A-Z]|Cl|'[A-Z]'|\b[A-Z])$")
_LEGAL = re.compile(
    r",?\s+(?:Inc|Incorporated|Corp|Corporation|Company|Co|Companies|plc|PLC|Plc|Ltd|"
    r"Limited|N\.V|NV|S\.A|SA|AG|SE|LLC|L\.P|LP|Holdings|Holding)\.?$"
)
_WORDS_OF_DIRECTION = frozenset({"Southern", "Northern", "Eastern", "Western", "Central"})


def _versions(git_dir: str) -> list[str]:
    """Every version of the constituents file, oldest first."""
    commits = subprocess.run(
        [
            "git",
            "--git-dir",
            git_dir,
            "log",
            "--reverse",
            "--format=%H",
            "--",
            "data/constituents.csv",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [
        subprocess.run(
            ["git", "--git-dir", git_dir, "show", f"{commit}:data/constituents.csv"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for commit in commits
    ]


def _names(text: str) -> list[tuple[str, str]]:
    """(ticker, name) of each row, whatever the file's header called the name."""
    rows = list(csv.DictReader(io.StringIO(text)))
    key = next((k for k in ("Security", "Name", "Company") if rows and k in rows[0]), None)
    return [(row["Symbol"], row[key].strip()) for row in rows if key and row[key].strip()]


def _forms(name: str) -> list[str]:
    """A name and its shorter forms: without a share class, "The", a legal form."""
    name = _CLASS.sub("", name).strip()
    forms = [name]
    bare = name[4:] if name.startswith("The ") else name
    while True:
        shorter = _LEGAL.sub("", bare).strip(" ,")
        if shorter == bare or not shorter:
            break
        bare = shorter
    forms.append(bare)
    return list(dict.fromkeys(forms))


def _initials(name: str) -> bool:
    """Whether a name is three capitals or fewer ("ADM", "AES"): an acronym of many bodies."""
    return name.isupper() and len(name) <= 3 and name.isalpha()


def _weak(form: str) -> bool:
    """Whether a one-word form is too common a word to stand for a company."""
    from kg.extract import gazetteers as gz

    if " " in form or "&" in form:
        return False
    if len(form) < 3 or _initials(form) or form in _WORDS_OF_DIRECTION or form in gz.given_names():
        return True
    return bool(gz.places(form)) or form.casefold() in {
        s.casefold() for s in gz.us_state_names().values()
    }


def main(git_dir: str) -> None:
    # Each name stands for itself ("Google" is not renamed "Alphabet Inc." where a text
    # writes it): names that come to the same bare form are one company.
    by_bare: dict[str, list[str]] = {}
    for text in _versions(git_dir):
        for _, name in _names(text):
            forms = _forms(name)
            names = by_bare.setdefault(forms[-1].casefold(), [])
            if forms[0] in names:
                names.remove(forms[0])
            names.append(forms[0])  # the latest last
    lines = []
    for names in by_bare.values():
        canonical = names[-1]
        if _initials(canonical):
            continue
        forms = [f for name in reversed(names) for f in _forms(name)]
        others = [f for f in dict.fromkeys(forms) if f != canonical and not _weak(f)]
        lines.append(f"{canonical}\t{'|'.join(others)}")
    lines.sort(key=str.casefold)
    OUTPUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(lines)} companies")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
