"""Person names: the one normalization that extractors, the resolver and the evaluation share."""

from __future__ import annotations

import re

from kg.casing import PARTICLES
from kg.model import Ref
from kg.text import clean_label, fold

# Honorifics, ranks and titles that may open a name as written ("Mr Howard",
# "President General Pervez Musharraf"); they are not part of the person's name.
HONORIFICS = frozenset(
    """
    mr mrs ms miss dr prof professor sir dame lord lady reverend rev father sheikh maulana
    mullah imam rabbi general gen colonel col major lieutenant lt captain capt admiral
    rear vice brigadier commander sergeant sgt corporal private president senator sen
    governor gov mayor judge justice minister premier chancellor king queen prince princess
    ambassador deputy secretary chairman spokesman spokeswoman spokesperson the
    cmdr det detective supt pastor bishop deacon inspector insp constable superintendent
    rt archbishop cardinal baroness baron emperor empress
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Royals named without a surname keep the title ("Prince Harry", "Emperor Akihito").
_ROYAL = frozenset({"prince", "princess", "emperor", "empress"})
REGNAL_TITLES = frozenset({"King", "Queen", "Pope"})
"""Titles that are part of a reigning monarch's or a pope's regnal name, whatever its length
("King Abdullah", "Queen Elizabeth II", "Pope John Paul II"), written capitalized."""
_POSSESSIVE = re.compile(r"['’]s?$")
_EDGE = re.compile(r"^[^\w]+|[^\w.]+$")


def person_name(text: str) -> str:
    """A person's name as written, minus leading titles and a trailing possessive.

    >>> person_name("Mayor Eric Adams")
    'Eric Adams'
    >>> person_name("Adams’s")
    'Adams'
    >>> person_name("President General Pervez Musharraf")
    'Pervez Musharraf'
    >>> person_name("Bill de Blasio")
    'Bill de Blasio'
    >>> person_name("Prince Harry"), person_name("King Carl XVI Gustaf")
    ('Prince Harry', 'King Carl XVI Gustaf')
    >>> person_name("Rt Rev Michael Scott-Joynt")
    'Michael Scott-Joynt'
    """
    words = clean_label(text).split(" ")
    words[-1] = _POSSESSIVE.sub("", words[-1])
    while len(words) > 1 and fold(words[0]) in HONORIFICS:
        if len(words) == 2 and fold(words[0]) in _ROYAL:
            break  # "Prince Harry": a royal without a surname keeps the title
        if words[0] in REGNAL_TITLES:
            break  # "King Abdullah", "Queen Elizabeth II": a regnal name
        words.pop(0)
    return _EDGE.sub("", " ".join(w for w in words if w))


def person_key(name: str) -> Ref:
    """The identity of a person: ``person/<folded full name>``, dots and titles folded away.

    >>> person_key("George W. Bush").key
    'person/george w bush'
    >>> person_key("Mr Howard's").key
    'person/howard'
    """
    return Ref(f"person/{fold(person_name(name))}")


def surname(name: str) -> str:
    """The family name an article uses alone once the full name is known.

    >>> surname("Bill de Blasio")
    'de Blasio'
    >>> surname("Eric Adams")
    'Adams'
    >>> surname("Campbell of Alloway")
    'Campbell'
    """
    name = name.split(" of ")[0]  # "Campbell" of Lord Campbell of Alloway
    words = name.split(" ")
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[start:])
