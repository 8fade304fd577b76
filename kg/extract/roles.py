"""Role phrases over tokens: "Prime Minister", "acting Immigration Minister", "Sen.", "Ald.".

A role is a head from data/roles.tsv ("minister", "spokesperson", "secretary of state",
"sen") with the portfolio and rank words before it. Abbreviated heads are written out in
the role's name ("Sen." is Senator, "Lt. Gov." Lieutenant Governor); spaCy splits some of
them from their full stop ("Ald", "."), which the matching steps over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from kg.extract import gazetteers as gz

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words that qualify a role head: portfolios, ranks within an office, and "acting".
MODIFIERS = frozenset(
    """
    prime foreign defence defense deputy acting shadow vice assistant associate senior junior
    chief city police interior home finance health immigration justice trade education
    environment emergency services affairs transport agriculture energy employment
    industry communications security intelligence information treasury state federal
    international cooperation development press parliamentary interim executive general
    attorney first multicultural aboriginal tourism resources planning housing public works
    economic culture arts science technology veterans women youth sport regional
    opposition army military ministry department campaign chief-of-staff lord high cabinet
    majority minority ranking county fire schools school media armed forces national homeland
    commerce transportation urban parks recreation revenue budget children equalities sports
    business skills pensions work digital climate rural safety policy principal human special
    legislative domestic economy fisheries forestry water mines mining minerals petroleum oil
    infrastructure roads ports telecommunications broadcasting heritage indigenous industrial
    relations workplace consumer fair trading racing gaming social welfare family families
    aged ageing seniors disability citizenship customs border prisons corrections land lands
    natural conservation wildlife sustainability primary industries innovation research
    reconstruction regions territories religious taxation integrity anti-corruption utilities
    multiculturalism privacy electoral ethics standards constitutional economics lifelong
    learning peace
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Kinds of court before a judge's title ("U.S. District Judge", "Circuit Judge").
COURTS = frozenset({"district", "circuit", "appeals", "appellate", "bankruptcy", "superior"})
# A role described as past or future is not a current office ("former Archbishop").
PAST = frozenset(
    {
        "former",
        "ex",
        "retired",
        "late",
        "then",
        "elect",
        "would-be",
        "prospective",
        "ousted",
        "deposed",
        "previous",
        "one-time",
        "onetime",
        "erstwhile",
        "fired",
        "sacked",
    }
)
# Modifiers that name the body an aide speaks for ("Defence Ministry spokesman", "army
# spokesman"): the role is the head, the body its jurisdiction.
BODIES = frozenset({"ministry", "department", "army", "military", "navy", "police"})
_WORD = re.compile(r"\w+|-|'s")


@dataclass(frozen=True, slots=True)
class Role:
    """A role phrase: its name (abbreviations written out), how its jurisdiction is found, and
    its token range."""

    text: str
    scope: str
    start: int
    end: int
    head: int = -1
    """Where the head starts, after the modifiers ("Foreign | Minister"); -1: at ``start``."""
    past: bool = False
    """Whether the text gives it as past ("former Mayor", "ex-minister", "then-director")."""
    sought: bool = False
    """Whether it is an office sought, not held ("candidates for 4th Ward alderman")."""

    @property
    def head_start(self) -> int:
        """The token index where the role's head starts."""
        return self.start if self.head < 0 else self.head

    def over(self, doc: Doc, start: int, end: int, head: int | None = None) -> Role:
        """The same role over other tokens ("Mayor" -> "Mayor of New York")."""
        return Role(
            phrase(doc, start, end),
            self.scope,
            start,
            end,
            self.head if head is None else head,
            self.past,
        )


@cache
def _countries() -> dict[tuple[str, ...], frozenset[str]]:
    """Head words -> the countries that use the title (data/roles.tsv, "countries")."""
    text = files("kg.extract").joinpath("data", "roles.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {
        tuple(_WORD.findall(row[0])): frozenset(row[3].split())
        for row in rows[1:]
        if len(row) > 3 and row[3].strip()
    }


def _listed(doc: Doc, role: Role) -> frozenset[str]:
    found = _head_starting_at(doc, role.head_start)
    if found is None:
        return frozenset()
    words = tuple(word(t) for t in doc[role.head_start : found[0]] if not _stop(doc, t.i))
    return _countries().get(words, frozenset())


def title_countries(doc: Doc, role: Role) -> frozenset[str]:
    """The countries whose national offices a role's title names, where only a few use it
    ("Secretary of State": the United States, the United Kingdom); empty: any country."""
    return frozenset(c for c in _listed(doc, role) if not c.startswith("!"))


def title_not_in(doc: Doc, role: Role) -> frozenset[str]:
    """The countries that have no office by a role's title ("Prime Minister": not the United
    States; "President": not a monarchy); empty: none known."""
    return frozenset(c[1:] for c in _listed(doc, role) if c.startswith("!"))


def head_not_in(head: str) -> frozenset[str]:
    """The countries that have no office by a head's name ("minister": the United States,
    whose departments are not ministries)."""
    listed = _countries().get(tuple(_WORD.findall(head)), frozenset())
    return frozenset(c[1:] for c in listed if c.startswith("!"))


def word(token: Token) -> str:
    """A token as role heads are listed: lower case, without a trailing full stop ("sen")."""
    return token.lower_.rstrip(".") or token.lower_


@cache
def _abbreviations() -> dict[str, str]:
    """Abbreviated word -> written word ("lt" -> "Lieutenant"), from the heads' written forms."""
    found: dict[str, str] = {}
    for head, written in gz.written_roles().items():
        words, full = head.split(" "), written.split(" ")
        if len(words) == len(full):
            found.update(zip(words, full, strict=True))
    return found


def _stop(doc: Doc, index: int) -> bool:
    """Whether token ``index`` is the full stop of an abbreviation spaCy split off ("Ald", ".")."""
    return (
        doc[index].text == "."
        and index > 0
        and not doc[index - 1].whitespace_
        and word(doc[index - 1]) in _abbreviations()
    )


@cache
def _heads() -> list[tuple[tuple[str, ...], str]]:
    heads = [(tuple(_WORD.findall(head)), scope) for head, scope in gz.roles().items()]
    return sorted(heads, key=lambda h: -len(h[0]))


@cache
def _heads_by(position: int) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Heads by their first (0) or last (-1) word, longest first: one dict look-up a token."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, scope in _heads():
        index.setdefault(words[position], []).append((words, scope))
    return index


def _head_ending_at(doc: Doc, end: int) -> tuple[int, str] | None:
    last = end - 1
    if last > 0 and _stop(doc, last):
        last -= 1
    if last < 0:
        return None
    for words, scope in _heads_by(-1).get(word(doc[last]), ()):
        index = last
        for each in reversed(words):
            while index > 0 and _stop(doc, index):
                index -= 1
            if index < 0 or word(doc[index]) != each:
                break
            index -= 1
        else:
            return index + 1, scope
    return None


def _head_starting_at(doc: Doc, start: int) -> tuple[int, str] | None:
    if start >= len(doc):
        return None
    for words, scope in _heads_by(0).get(word(doc[start]), ()):
        index = start
        for each in words:
            while index < len(doc) and _stop(doc, index):
                index += 1
            if index >= len(doc) or word(doc[index]) != each:
                break
            index += 1
        else:
            if index < len(doc) and _stop(doc, index):
                index += 1
            return index, scope
    return None


def _modifier(doc: Doc, index: int, scope: str = "") -> bool:
    token = doc[index]
    if token.text == "-":
        return 0 < index < len(doc) - 1 and not token.whitespace_
    if token.lower_ == "county" and index > 0 and _names_county(doc[index - 1]):
        return False  # "Cook County Sheriff": the county is the jurisdiction, not a rank
    if token.lower_ in COURTS:
        # "Cook County Circuit Judge", whatever the model ran "Circuit" into
        return scope == "court"
    if _local_government(doc, index):
        return True  # "shadow local government secretary", "Local Government Minister"
    return token.lower_ in MODIFIERS and token.ent_type_ not in ("GPE", "NORP", "PERSON")


def _local_government(doc: Doc, index: int) -> bool:
    """Whether the word at ``index`` is either word of the portfolio "local government"
    (each word alone names no portfolio: "local police", "government spokesman")."""
    pair = ("local", "government")
    word_at = doc[index].lower_
    if word_at == pair[0]:
        return index + 1 < len(doc) and doc[index + 1].lower_ == pair[1]
    return word_at == pair[1] and index > 0 and doc[index - 1].lower_ == pair[0]


def _names_county(token: Token) -> bool:
    """Whether a word before "County" is the county's name ("Cook", not "Deputy")."""
    return token.is_title and token.is_alpha and token.lower_ not in MODIFIERS


def _joined(doc: Doc, start: int, head: int) -> bool:
    """Whether the token before ``start`` joins a capitalized portfolio to the next one of an
    office: "Trade and Industry Secretary", "Culture, Media and Sport Secretary" (a comma
    only in a list that an "and" closes before the head)."""
    link = start - 1
    if link < 1 or start >= head:
        return False
    if not (doc[start].is_title or (doc[start].is_lower and doc[start].lower_ in MODIFIERS)):
        return False  # "Work and pensions minister": a listed portfolio in lower case too
    if doc[link].lower_ == "and" or (
        doc[link].text == "," and any(t.lower_ == "and" for t in doc[start:head])
    ):
        # Whatever label the model gave a portfolio in the list ("Culture" as a place);
        # in lower case when the whole title is ("shadow work and pensions secretary").
        before = doc[link - 1]
        lower = before.is_lower and doc[start].is_lower
        return before.lower_ in MODIFIERS and (before.is_title or lower)
    return False


def _affairs(doc: Doc, start: int) -> bool:
    """Whether the word before ``start`` names the affairs of a portfolio no list holds:
    "Constitutional Affairs Minister", "Consumer Affairs Minister" (not a people's or a
    place's: "Israeli" of "Israeli Affairs" is the office's country)."""
    before = doc[start - 1]
    return (
        doc[start].lower_ == "affairs"
        and before.is_title
        and before.is_alpha
        and before.ent_type_ not in ("GPE", "NORP", "PERSON")
        and not before.is_sent_start
    )


def _trim(doc: Doc, start: int, end: int) -> int:
    while start < end and (doc[start].text == "-" or doc[start].lower_ == "federal"):
        start += 1
    return start


def role_name(role: Role, doc: Doc) -> str:
    """A role's name in the shortest form that is still clear, as a reader names the office:
    a judge's kind of court goes, the court being the jurisdiction's ("U.S. District Judge":
    "Judge"; "Chief District Judge": "Chief Judge"); a party's or the majority's leader or
    whip in a chamber keeps the chamber ("Senate Republican Leader", not the party's
    "Republican Leader"; "Senate Majority Leader", not the House's or a state's); a bare
    "chief" keeps the body named before it ("CIA chief")."""
    if role.scope == "court":
        kept = [w for w in role.text.split(" ") if w.lower() not in COURTS]
        return " ".join(kept) if kept else role.text
    before = doc[role.start - 1] if role.start > 0 else None
    if (
        before is not None
        and before.text in _CHAMBER_WORDS
        and doc[role.start].text in _LEADERS_OF
        and doc[role.end - 1].lower_ in {"leader", "whip"}
    ):
        return f"{before.text} {role.text}"
    if role.text.lower() in _BARE_HEADS:
        # "CIA chief Mike Pompeo": a chief of nothing named is no office a reader knows.
        body = next((e for e in doc.ents if e.end == role.start and e.label_ == "ORG"), None)
        if body is not None and not body[-1].text.endswith(("'s", "’s")):
            named = body[1:] if body[0].lower_ == "the" else body
            return f"{named.text} {role.text}"
        if before is not None and before.is_lower and before.lower_ in BODIES:
            return f"{before.text} {role.text}"  # "Norfolk police chief": "police chief"
    return role.text


_BARE_HEADS = frozenset({"chief", "head", "boss"})


_CHAMBER_WORDS = frozenset({"Senate", "House"})
# Whose leader or whip a chamber's is: a party's, the majority's, the minority's.
_LEADERS_OF = frozenset(
    {"Republican", "Democratic", "Democrat", "GOP", "Majority", "Minority", "majority", "minority"}
)


def phrase(doc: Doc, start: int, end: int) -> str:
    """The words of tokens ``start`` to ``end`` as a role's name: abbreviations written out
    ("Lt. Gov." -> "Lieutenant Governor"), the spacing of the text kept otherwise."""
    parts: list[str] = []
    for index in range(start, end):
        token = doc[index]
        if _stop(doc, index):
            if parts and index + 1 < end:
                parts[-1] = parts[-1].rstrip() + " "
            continue
        # Abbreviations are capitalized ("Sen."); a plural title is written out as one
        # holder's in any case ("incumbent alders Raymond Lopez, Derrick Curtis ...").
        capital = token.text[:1].isupper() or word(token) in _PLURAL_HEADS
        written = _abbreviations().get(word(token)) if capital else None
        space = " " if written and index + 1 < end else token.whitespace_
        parts.append((written or token.text) + space)
    return "".join(parts).strip()


def sought(doc: Doc, start: int, end: int) -> bool:
    """Whether an office is named as one sought: "candidates for 4th Ward alderman", "his
    opponent for president", "running for mayor" ("a win for President Trump", "called for
    Commons leader Peter Hain to ...": a title, the name after it holding it)."""
    if start < 2 or doc[start - 1].lower_ != "for" or doc[start - 1].is_sent_start:
        return False
    named = end < len(doc) and doc[end].is_title and doc[end].is_alpha
    # "2023.Candidates for": a scrape's run-together sentences keep the word at the end.
    seeking = doc[start - 2].lower_.rsplit(".", 1)[-1] in _SEEKING
    return not (doc[end - 1].is_title or named) or seeking


_SEEKING = frozenset({"candidate", "candidates", "hopeful", "hopefuls", "nominee", "running"})


def past(doc: Doc, start: int) -> bool:
    """Whether the word before a role marks it as past or future ("former", "ex-", "then-"),
    also over a lower-case noun naming the body ("former network chief")."""
    before = start - 1
    if before > 0 and doc[before].text == "-" and not doc[before - 1].whitespace_:
        before -= 1
    if before >= 0 and doc[before].lower_ in PAST:
        return True
    if _past_over_names(doc, before):
        return True
    if before >= 1 and doc[before].lower_ == "of" and doc[before - 1].lower_ in _DEATHS:
        return True  # "the assassination of President John F Kennedy": a holder now dead
    return (
        before >= 1
        and doc[before].is_lower
        and doc[before].is_alpha
        and doc[before].lower_ not in _NOT_BODY_NOUNS
        and doc[before - 1].lower_ in _FORMER
    )


_DEATHS = frozenset({"assassination", "death", "funeral", "murder", "killing", "memory"})


def _past_over_names(doc: Doc, index: int) -> bool:
    """ "then-Chicago Inspector General", "former Cook County Assessor": a past marker before
    capitalized words no entity holds, which name the office's place or body."""
    words = 0
    while index >= 0 and words < _LONGEST_NAME:
        if doc[index].is_title and doc[index].is_alpha:
            index -= 1
        elif _leaning(doc, index):
            index -= 2  # "former pro-Russian Ukrainian President"
        else:
            break
        words += 1
    if not words or index < 0:
        return False
    if index > 0 and doc[index].text == "-" and not doc[index - 1].whitespace_:
        index -= 1
    return doc[index].lower_ in _FORMER


def _leaning(doc: Doc, index: int) -> bool:
    """Whether a hyphen joins "pro" or "anti" to the capitalized word after it ("pro-Russian")."""
    return (
        index > 0
        and doc[index].text == "-"
        and not doc[index - 1].whitespace_
        and doc[index - 1].lower_ in ("pro", "anti")
    )


_LONGEST_NAME = 3
"""The most capitalized words between "former" or "then-" and a role."""


# Lower-case words between "former" and a role that belong to a new clause, not the role.
_NOT_BODY_NOUNS = frozenset(
    "and or but as the a an now current by of for to in on at with from".split()  # noqa: SIM905
)
_FORMER = frozenset(
    {"former", "ex", "then", "onetime", "one-time", "erstwhile", "previous", "prospective"}
)
"""The adjectives of PAST that reach over a noun naming the body ("former network chief")."""


def role_ending_at(doc: Doc, end: int) -> Role | None:
    """The role phrase that ends just before token ``end`` ("... Mayor | Eric Adams"), if any,
    with "pro tem" after its head ("Senate President Pro Tem David Long")."""
    found = _head_ending_at(doc, end - _pro_tempore_ending_at(doc, end))
    if found is None:
        return None
    head, scope = found
    start = head
    while start > 0:
        if _joined(doc, start, head):
            start -= 2  # the link and the portfolio before it
        elif _modifier(doc, start - 1, scope) or _affairs(doc, start):
            start -= 1
        else:
            break
    start = _shadow_portfolio(doc, start)
    start = _trim(doc, start, end)
    assisting = _assisting(doc, start)
    if assisting is not None:
        start = head = assisting[0]
        scope = assisting[1]
    return Role(
        phrase(doc, start, end), scope, start, end, head, past(doc, start), sought(doc, start, end)
    )


PRO_TEMPORE = frozenset({"pro", "tem", "tempore"})
"""The words of "pro tem" and "pro tempore", which follow the office they make temporary."""


def _pro_tempore_ending_at(doc: Doc, end: int) -> int:
    """How many tokens of "pro tem" or "pro tempore" end just before token ``end`` (0 or 2)."""
    if end >= 3 and doc[end - 2].lower_ == "pro" and doc[end - 1].lower_ in ("tem", "tempore"):
        return 2
    return 0


def _assisting(doc: Doc, start: int) -> tuple[int, str] | None:
    """The office that takes the role at ``start`` as its object: "Counsel Assisting the
    Commissioner, Lionel Roberts" is the counsel, not the commissioner."""
    if start < 3 or doc[start - 1].lower_ != "the" or doc[start - 2].lower_ != "assisting":
        return None
    found = _head_ending_at(doc, start - 1)
    return found if found is not None and found[0] < start - 2 else None


def _shadow_portfolio(doc: Doc, start: int) -> int:
    """Where a shadow office starts whose portfolio is no listed word ("Shadow Family
    Secretary"): one or two capitalized words right after "Shadow" belong to it."""
    for size in (1, 2):
        at = start - size
        words = doc[at:start] if at > 0 else None
        if words is None or not all(t.is_title and t.is_alpha for t in words):
            return start
        if doc[at - 1].lower_ == "shadow":
            return at - 1
    return start


def role_starting_at(doc: Doc, start: int) -> Role | None:
    """The role phrase that starts at token ``start`` (", the city supervisor who ..."), if any."""
    former = start < len(doc) and doc[start].lower_ in PAST
    if former:
        start += 1
        if start < len(doc) and doc[start].text == "-":
            start += 1
    end = start
    while end < len(doc) and _modifier(doc, end) and _head_starting_at(doc, end) is None:
        end += 1
    found = _head_starting_at(doc, end)
    if found is None:
        return None
    head_end, scope = found
    first = _trim(doc, start, head_end)
    return Role(phrase(doc, first, head_end), scope, first, head_end, end, former)


_PLURAL_HEADS = frozenset({"alds", "sens", "reps", "alders", "aldermen", "alderpersons"})

# Offices elected for a seat: "for" after them names the constituency, district or ward,
# not a portfolio ("MP for Wantage", "Senator for Victoria", "councillor for Riverside").
_SEATED = frozenset(
    """
    mp mep msp mla senator representative congressman congresswoman councillor councilor
    alderman alderwoman councilman councilwoman assemblyman assemblywoman
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def is_seated(doc: Doc, role: Role) -> bool:
    """Whether a role is an office elected for a seat ("MP", "Senator"), whose "for" names
    the seat ("MP for Wantage": the role is "MP")."""
    last = role.end - 1
    if last > 0 and _stop(doc, last):
        last -= 1
    return word(doc[last]) in _SEATED


def is_plural_title(doc: Doc, role: Role) -> bool:
    """Whether a title names several holders ("Alds.", "Sens.")."""
    last = role.end - 1
    if last > 0 and _stop(doc, last):
        last -= 1
    return word(doc[last]) in _PLURAL_HEADS


def written_plural_at(doc: Doc, index: int) -> Role | None:
    """The office of a written-out plural title at token ``index`` ("Governors",
    "Senators"), as one holder's ("Governor"); None for any other word."""
    if index < 0 or not doc[index].is_title or not doc[index].text.endswith("s"):
        return None
    single = doc[index].text[:-1]
    scope = gz.roles().get(single.lower())
    if scope is None:
        return None
    return Role(single, scope, index, index + 1, index, past(doc, index))


def is_role_word(text: str) -> bool:
    """Whether a word belongs to role phrases (a head's last word or a modifier).

    >>> is_role_word("Minister"), is_role_word("Adams")
    (True, False)
    """
    lower = text.lower()
    return lower in MODIFIERS or lower.rstrip(".") in _heads_by(-1)


def role_last_words() -> frozenset[str]:
    """The last words of the role heads ("minister", "general" of "governor-general")."""
    return frozenset(_heads_by(-1))


def is_role_head(text: str) -> bool:
    """Whether a word ends a role head ("Minister", "Governor-General"'s "General").

    >>> is_role_head("Minister"), is_role_head("Ministry")
    (True, False)
    """
    return text.lower() in _heads_by(-1)
