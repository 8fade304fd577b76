"""Who speaks: the subject of a speech verb, by the dependency parse.

A quotation's speaker is the subject of the verb that attributes it ("...," Smith said;
said Sen. John Smith; Smith, who leads the panel, said: "..."). The subject is one of:

- a name: the mention holding the subject word, or a name joined to it ("Home Affairs
  spokesman Mark Oaten", "Cook County Commissioner and mayoral candidate Brandon Johnson");
  a possessor is not the subject ("Trump's campaign said" is the campaign speaking);
- "he" or "she": the most recent compatible named subject before it (a person whose
  honorific says another sex is not compatible);
- a role alone ("the senator said", "The Foreign Secretary told the BBC"): the person last
  named before it with that role, else the named main subject of the sentence before when
  the text gives them no other office; a description alone ("the Democrat said"): that
  subject;
- a noun of saying ("Trump's tweet read", "Mr Sharon's accusation that ... "...""): its
  possessor;
- anything else ("a spokesman", "the document", "officials", "they"): someone unnamed,
  so no one.

Only the sentences that decide are parsed: the attribution's, and for a pronoun or a role
the few before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.nlp import Field, Mention, Parsed, parsed
from kg.extract.officials import holdings
from kg.extract.roles import is_role_head
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = ("nsubj", "nsubjpass")
_JOINED = ("compound", "appos", "conj", "flat")
"""Dependents of a subject word that name the same speaker."""
PRONOUN_SEXES = {"he": "m", "she": "f"}
"""The sex each subject pronoun stands for."""
_RELATIVE = ("who", "that")
_HONORIFIC = re.compile(
    r"\b(mr|mrs|ms|miss|sir|lady|dame|lord|(?:congress|spokes|chair|council|assembly|business)"
    r"(?:wo)?man|spokeswoman|queen|king|princess|prince|duchess|duke|baroness|baron)\.?\s*$",
    re.IGNORECASE,
)
_FEMALE = frozenset(
    {"mrs", "ms", "miss", "lady", "dame", "queen", "princess", "duchess", "baroness"}
)
_SAYS_OF_SELF = re.compile(
    r"\s*(?:said|says|told \w+|added|wrote|insisted|argued)\s+(?:that\s+)?(he|she)\b",
    re.IGNORECASE,
)
"""After a name, a speech verb whose clause's subject is "he" or "she" ("Pelosi said she
would ..."): most often the same person, which tells their sex."""
_LOOK_BACK = 2
_CHAIN = 6
"""How many sentences back a chain of "he" or "she" as main subjects may lead."""
"""How many sentences before a pronoun or a role its antecedent may be."""
_ADJACENT = re.compile(r"\s*")
_OBJECT_VERB = re.compile(r"told|tells|asked|urged|warned|accused|called|branded", re.I)
"""After these verbs a name is the one spoken to or of ("told Smith"), not the speaker."""
_PRONOUN_BEFORE = re.compile(r"\b(he|she)\s+$", re.IGNORECASE)
# Between the two names of "A and B": a party's letter after A, and B's title.
# (a full stop only after an abbreviation: "Sen.", not the end of "... Corey Lewandowski.").
_AND_THEN = re.compile(
    r"(?:\s*\([A-Z][^()]{0,20}\))?\s+and\s+(?:[A-Z][a-z]{0,3}\.\s+|[A-Z][\w'’-]*\s+){0,5}"
)
_RANKS = frozenset({"shadow", "deputy", "vice", "assistant", "acting", "junior", "former", "ex"})
"""Words that make a role another office than its head alone names."""
_CLIMB = ("conj", "advcl", "xcomp", "ccomp", "acl", "relcl")
"""A verb without a subject of its own shares its head's ("Smith said ..., adding")."""
UTTERANCES = frozenset(
    {
        *("statement", "statements", "tweet", "tweets", "post", "posts", "message", "messages"),
        *("letter", "letters", "remarks", "comments", "comment", "words", "accusation"),
        *("accusations", "claim", "claims", "description", "warning", "promise", "pledge"),
        *("vow", "assertion", "charge", "plea", "admission", "testimony", "response", "reply"),
        *("answer", "prediction", "insistence", "suggestion", "assessment", "verdict"),
        *("speech", "reaction", "retort"),
    }
)
"""Nouns of saying: their possessor is who said the words ("Trump's tweet read",
"Mr Sharon's accusation that ..."), unlike a possessor's body ("Trump's campaign said")."""
_CLAUSES = ("acl", "relcl", "ccomp", "advcl", "pcomp", "xcomp")
_DESCRIPTIONS = frozenset(
    {
        *("democrat", "republican", "lawmaker", "legislator", "politician", "congressman"),
        *("congresswoman", "candidate", "nominee", "conservative", "liberal", "tory"),
        *("moderate", "billionaire", "businessman", "businesswoman", "activist", "veteran"),
        *("peer", "backbencher", "campaigner"),
    }
)
"""Nouns that describe a person named before ("the Democrat said"), not an office."""
_SAYS = re.compile(
    r"said|says|told|tells|added|adds|stated|wrote|writes|argued|argues|insisted|insists|"
    r"warned|warns|explained|replied|tweeted|declared|announced|claimed|claims",
    re.IGNORECASE,
)
"""Verbs that report someone's words."""
_RELATIONS = frozenset(
    {
        *("wife", "husband", "mother", "father", "sister", "brother", "son", "daughter"),
        *("widow", "widower", "aunt", "uncle", "niece", "nephew", "cousin", "partner"),
        *("girlfriend", "boyfriend", "fiancee", "fiance", "friend", "neighbor", "neighbour"),
        *("lawyer", "attorney", "doctor", "grandmother", "grandfather", "parents"),
    }
)
"""Nouns that name a person by their tie to another ("Saipov's sister", "his lawyer")."""
_PAST = frozenset({"retired", "former", "ex"})
_SOME = frozenset({"one", "some", "many", "several", "two", "three", "all", "another", "most"})


@dataclass(frozen=True, slots=True)
class Subject:
    """What a speech verb's subject is: ``decided`` says the parse settled it, and
    ``mention`` is then the speaker (None: someone unnamed)."""

    decided: bool
    mention: Mention | None = None
    how: str = ""
    """The evidence that decided it ("name-before-verb", "pronoun", "role" ...), for
    measuring each kind of evidence's precision (benchmarks/quote_evidence.py)."""


UNDECIDED = Subject(decided=False)


class Speakers:
    """Subjects of speech verbs in one field, with the mentions that may speak."""

    def __init__(
        self,
        context: Context,
        field: Field,
        mentions: list[Mention],
        quoted: list[tuple[int, int]],
    ) -> None:
        self.context = context
        self.field = field
        self.quoted = quoted
        self.at: dict[int, Mention] = {}
        # People first: a person's mention wins a token an organization also holds.
        for mention in sorted(mentions, key=lambda m: m.ref.kind != "person", reverse=True):
            for index in range(mention.span.start, mention.span.end):
                self.at[index] = mention
        self.people = [m for m in mentions if m.ref.kind == "person"]
        self.sex = _sexes(field.text, self.people)

    def subject_of_verb(
        self, char: int, end: int, begin: int = 0, *, inverted: bool = True
    ) -> Subject:
        """The subject of the verb at characters ``char:end``, in an attribution that
        starts at ``begin``.

        The shapes the words settle are read without a parse (it is what costs): a name
        right before the verb with no comma between the attribution's start and it
        ("...," Smith said; Smith said: "..."; not "Rudeina, an adviser to Mr Arafat
        said"), a name right after the verb (said Smith) where the attribution follows
        the quotation (``inverted``: before it, "Cronin said Reid was ..." names the
        subject of what was said), "he" or "she" right before it."""
        text = self.field.text
        set_off = self._set_off_before(begin, char) if inverted else None
        if set_off is not None:
            return Subject(True, set_off, "name-set-off")
        for mention in self.people:
            if (
                begin <= mention.span.start_char
                and mention.span.end_char <= char
                and _ADJACENT.fullmatch(text[mention.span.end_char : char])
                and "," not in text[begin : mention.span.start_char].strip(" ,—–-")
            ):
                return Subject(True, self.first_named(mention), "name-before-verb")
            if (
                inverted
                and mention.span.start_char >= end
                and _ADJACENT.fullmatch(text[end : mention.span.start_char])
                and not _OBJECT_VERB.fullmatch(text[char:end])
            ):
                return Subject(True, mention, "name-after-verb")
        pronoun = _PRONOUN_BEFORE.search(text, max(0, char - 6), char)
        if pronoun is not None:
            # 'Mr Blair has "..." as in 1997, he said.': the names before ", he said" are
            # the reported words', not the speaker.
            reported = text[: pronoun.start()].rstrip().endswith(",")
            sex = PRONOUN_SEXES[pronoun.group(1).lower()]
            return self.antecedent(pronoun.start(), sex, reported=reported)
        parse, verb = self._token_at(char)
        if verb is None:
            return UNDECIDED
        if _according_to(verb):
            named = self._named(parse, verb)
            return Subject(True, named, "according-to") if named is not None else UNDECIDED
        subject = _agent(verb) or _subject(verb)
        if subject is None:
            # A name the parser read as something else ("Akin, however, continued").
            stray = [
                m
                for c in verb.children
                if _stray_subject(c)
                for m in [self._named(parse, c)]
                if m is not None and m.ref.kind == "person"
            ]
            return Subject(True, stray[0], "stray-subject") if stray else UNDECIDED
        return self._resolve(parse, subject)

    def first_named(self, mention: Mention) -> Mention:
        """The first person of "A and B" when ``mention`` is B: words said jointly are
        listed once, with the first named ("Nancy Pelosi and Chuck Schumer said")."""
        text = self.field.text
        start = mention.span.start_char
        for other in self.people:
            end = other.span.end_char
            if (
                end <= start
                and _AND_THEN.fullmatch(text[end:start])
                and not any(end <= p.span.start_char < start for p in self.people)
            ):
                return other
        return mention

    def _set_off_before(self, begin: int, char: int) -> Mention | None:
        """The name that opens an attribution and is set off by commas before its verb
        ('...," Randy Bellomy, the head of the party in the county that is Barton's
        constituency, said'): the subject, whoever the words set off name."""
        text = self.field.text
        if not text[begin:char].rstrip().endswith(","):
            return None
        for mention in self.people:
            start, end = mention.span.start_char, mention.span.end_char
            if (
                begin <= start < char
                and not text[begin:start].strip(" ,”’\"'—–-")
                and text[end : end + 1] == ","
            ):
                return mention
        return None

    def reports(self, char: int) -> bool:
        """Whether the speech verb at character ``char`` reports a clause of its own
        ("The Federal Opposition says Senator Hill must ..."): a new statement, not the
        attribution of the quotation before it."""
        parse, verb = self._token_at(char)
        # A clause that opens outside the quotation marks ("said Prof Smith would
        # "strengthen ..."") is reported, even when its verb is quoted.
        return verb is not None and any(
            c.dep_ == "ccomp" and not self._quoted(parse, c.left_edge) for c in verb.children
        )

    def subject_of_sentence(self, char: int) -> Subject:
        """The subject of the main verb of the sentence holding character ``char``, when
        it is a name or a pronoun (a fragment quoted inside a sentence: "She praised her
        work in "ensuring ...""); anything else leaves it undecided."""
        starts = self.field.sentence_starts
        begin = starts[self.field.sentence_index(char)] if starts else 0
        if not self.field.text[begin:char].strip(' "“‘\n'):
            return UNDECIDED  # the quotation opens its sentence: no subject outside it
        parse, token = self._token_at(char)
        if token is None:
            return UNDECIDED
        root = token.sent.root
        subject = _agent(root) or _subject(root)
        if subject is None or self._quoted(parse, subject):
            return UNDECIDED
        found = self._resolve(parse, subject)
        return found if found.mention is not None else UNDECIDED

    def author_of_fragment(self, char: int) -> Subject:
        """Who said a fragment quoted inside a noun of saying, the possessor of that noun
        ("Mr Sharon's accusation that Mr Arafat was "responsible ..."", "her description
        of the plan as "..."): the quotation's words hang from the noun in the parse."""
        parse, token = self._token_at(char)
        if token is None:
            return UNDECIDED
        # The words must be the noun's content, a clause under it ("accusation that he
        # was "..."", "comments about her having "...""), not a name put on it ("Leahy
        # called Netanyahu's speech "a tawdry stunt"": Leahy's words).
        clause = False
        for ancestor in token.ancestors:
            author = _author(ancestor) if clause else None
            if author is not None and not self._quoted(parse, author):
                found = self._resolve(parse, author)
                return found if found.mention is not None else UNDECIDED
            clause = clause or ancestor.dep_ in _CLAUSES
        return UNDECIDED

    def agent_of_fragment(self, char: int) -> Subject:
        """Who said a fragment quoted under a passive verb with an agent: "An address by
        Mr Arafat, in which he said ..., was hailed by the envoy as "..."" is the envoy's,
        whatever other speech verb the sentence holds."""
        parse, token = self._token_at(char)
        if token is None:
            return UNDECIDED
        for ancestor in token.ancestors:
            agent = _agent(ancestor)
            if agent is not None and not self._quoted(parse, agent):
                found = self._resolve(parse, agent)
                return found if found.mention is not None else UNDECIDED
        return UNDECIDED

    def recent(self, before: int, sex: str | None = None) -> Mention | None:
        """The most recent person named as a subject before character ``before``, of the
        sex given (when the text tells a person's sex): "he" and "she" stand for them."""
        return self.antecedent(before, sex).mention

    def antecedent(self, before: int, sex: str | None = None, *, reported: bool = False) -> Subject:
        """Whom "he" or "she" at character ``before`` stands for: the most recent person
        named as a subject (``recent``); someone unnamed when a nearer main clause's subject
        is an unnamed person ("A spokesman for the Minister, Kay Patterson, says ...
        "...," he said"); undecided when none is found. With ``reported`` (the pronoun
        closes its sentence's reported words: "..., he said"), no name of its own sentence."""
        number = self.field.sentence_index(before)
        n, last = number + 1, number - _LOOK_BACK
        while n > max(0, last):
            n -= 1
            if reported and n == number:
                last -= 1
                continue
            if n < number and self._inside_quotation(n):
                # A sentence of the quotation's own words ('"As we said ... . This poster
                # is ...," he said') is no step back: its names are not the speaker.
                last = max(last - 1, number - _CHAIN)
                continue
            # One sentence at a time: the antecedent is most often in the nearest.
            parse = parsed(self.context, [(self.field, n)])[(self.field.name, n)]
            found = [
                (token, m)
                for token in parse.doc
                if token.dep_ in _SUBJECTS
                or _according_to(token)
                or _stray_subject(token)
                or _passive_agent(token)
                # A possessor of words as a subject, in a sentence before the pronoun's
                # ("Mr Sharon's hard words opened divisions, with Mr Peres denouncing what
                # he called ...": not within one).
                for m in [
                    self._named(parse, token)
                    or (self._speech_of(parse, token) if n < number else None)
                ]
                if m is not None
                and m.ref.kind == "person"
                and m.span.start_char < before
                and (sex is None or self.sex.get(m.ref, sex) == sex)
                and not _other_of_sex(token, sex)
            ]
            closing = self._closing_speaker(parse, sex) if n < number else None
            if closing is not None:
                # "Mr Brown liked to ..., the Tory leader said. "...," he said": the one
                # whose words the sentence reports, not its reported subject; "..., he
                # said" there leads further back.
                if closing.mention is None:
                    last = max(last - 1, number - _CHAIN)
                    continue
                return Subject(True, closing.mention, "pronoun:closing-speaker")
            # The main clause's subject first ("Mr Crean says he is not calling on Dr
            # Hollingworth ..."); a main clause whose subject is the same pronoun speaks of
            # the same person, further back ("He said ... Mr Houston may be ...").
            main = [
                m
                for token, m in found
                if token.head.i == token.sent.root.i or _passive_agent(token)
            ]
            if main:
                return Subject(
                    True, main[-1], "pronoun:main-subject" + self._rivals(n, before, main[-1], sex)
                )
            if sex is not None and any(
                t.dep_ in _SUBJECTS
                and t.head.i == t.sent.root.i
                and self.field.doc[parse.index(t)].idx < before
                and _unnamed_person(t, partial(self._person_at, parse))
                for t in parse.doc
            ):
                return Subject(True, None, "pronoun:unnamed")
            if sex is not None and any(
                t.lower_ in PRONOUN_SEXES
                and PRONOUN_SEXES[t.lower_] == sex
                and t.dep_ in _SUBJECTS
                and (t.head.i == t.sent.root.i or _SAYS.fullmatch(t.head.text))
                and self.field.doc[parse.index(t)].idx < before
                for t in parse.doc
            ):
                # The same pronoun as a main subject, or as the subject of a speech verb
                # ("This would be based on ..., he said."): the same person, one sentence
                # further back ("He said ... . While saying ..., he criticised ... .
                # "...," he wrote").
                last = max(last - 1, number - _CHAIN)
                continue
            if found:
                return Subject(True, found[-1][1], "pronoun:other-subject")
        return UNDECIDED

    def _closing_speaker(self, parse: Parsed, sex: str | None) -> Subject | None:
        """Who speaks in a sentence closed by its attribution, after a comma or a quotation
        mark (", the Tory leader said.", ", he said."): the person a name or an office
        names (``mention``), or, for "he" or "she" of the sex asked, someone further back
        (``mention`` None); None when no such attribution closes the sentence, or its
        speaker is not found."""
        words = [t for t in parse.doc if not t.is_punct]
        if len(words) < 3 or not _SAYS.fullmatch(words[-1].text):
            return None
        verb = words[-1]
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is None or subject.i != verb.i - 1:
            return None
        opening = subject.left_edge.i
        if opening == 0 or parse.doc[opening - 1].text not in (",", '"', "”", "’"):
            return None
        if subject.lower_ in PRONOUN_SEXES:
            same = sex is None or PRONOUN_SEXES[subject.lower_] == sex
            return Subject(True, None, "closing-pronoun") if same else None
        named = self._named(parse, subject)
        if named is not None and named.ref.kind == "person":
            return Subject(True, named, "closing-name")
        role = [fold(t.text) for t in subject.subtree if t.lower_ not in ("the", "a", "an")]
        if not role or not is_role_head(subject.lower_):
            return None
        char = self.field.doc[parse.index(subject)].idx
        holder = self.holder(char, role)
        return Subject(True, holder, "closing-role") if holder is not None else None

    def _speech_of(self, parse: Parsed, token: Token) -> Mention | None:
        """The named person whose words a subject names ("Mr Johnson's speech comes after
        he ...": Mr Johnson), else None."""
        author = _author(token)
        if author is None or self._quoted(parse, author):
            return None
        return self._named(parse, author)

    def _person_at(self, parse: Parsed, token: Token) -> bool:
        mention = self.at.get(parse.index(token))
        return mention is not None and mention.ref.kind == "person"

    def _inside_quotation(self, n: int) -> bool:
        """Whether sentence ``n`` is all quoted words: it starts inside a quotation and
        nothing but marks follows that quotation's end in it (not '... unchanged,”
        Tillerson told reporters.')."""
        starts = self.field.sentence_starts
        if not starts:
            return False
        begin = starts[n]
        end = starts[n + 1] if n + 1 < len(starts) else len(self.field.text)
        return any(
            s <= begin < e and not self.field.text[e:end].strip(" \n\"”’'.,;:!?")
            for s, e in self.quoted
        )

    def _rivals(self, n: int, before: int, chosen: Mention, sex: str | None) -> str:
        """For measurement: whether other people who may be "he" or "she" are named between
        the antecedent's sentence and the pronoun (":among") or not (":alone"), and whether
        the antecedent's sex is known from the text (":sexed")."""
        starts = self.field.sentence_starts
        begin = starts[n] if starts else 0
        others = {
            m.ref
            for m in self.people
            if begin <= m.span.start_char < before
            and m.ref != chosen.ref
            and (sex is None or self.sex.get(m.ref, sex) == sex)
        }
        known = ":sexed" if chosen.ref in self.sex else ""
        return (":among" if others else ":alone") + known

    def holder(self, before: int, role: list[str]) -> Mention | None:
        """The person last named before character ``before`` in the role whose words are
        ``role`` ("foreign secretary"), as the officials' rules read it ("Foreign Secretary
        Jack Straw", "Jack Straw, the foreign secretary"); a head word alone ("the
        senator") fits any role ending with it but a deputy's or a shadow's.

        Where no one is named in that office, the main subject of the sentence before
        stands for it ("Mr Arafat told CNN ... . "...," the Palestinian leader said"),
        unless the offices the text gives that person are others (the Prime Minister is
        not "the spokesman")."""
        offices = self._offices()
        holders = {ref for ref, held in offices.items() if any(_fits(role, w) for w in held)}
        # The holder's last name before the role word, wherever the office is stated.
        found = [m for m in self.people if m.ref in holders and m.span.start_char < before]
        if found:
            return max(found, key=lambda m: m.span.start_char)
        described = self.described(before)
        if described is None or (offices.get(described.ref) and not _PAST.intersection(role)):
            return None
        return described  # a past rank ("the retired general") is no office of theirs now

    def described(self, before: int) -> Mention | None:
        """The person a description alone stands for ("the Democrat said", "the
        Palestinian leader said"): the named main subject of the sentence before when
        that sentence reports their words too ("Mr Arafat told CNN that ..."); another
        verb leaves the description open ("Mr Blair faced Mr Howard. The Tory leader
        said": either may be meant)."""
        number = self.field.sentence_index(before)
        if number == 0:
            return None
        parse = parsed(self.context, [(self.field, number - 1)])[(self.field.name, number - 1)]
        main = [
            m
            for token in parse.doc
            if token.dep_ in _SUBJECTS
            and token.head.i == token.sent.root.i
            and _SAYS.fullmatch(token.head.text)
            and not self._quoted(parse, token)
            for m in [self._named(parse, token) or self._pronoun(parse, token)]
            if m is not None and m.ref.kind == "person"
        ]
        return main[-1] if main else None

    def _pronoun(self, parse: Parsed, token: Token) -> Mention | None:
        """Whom "he" or "she" as a subject stands for ('"...," he told peers. ... the
        Labour peer said': the one named before), else None."""
        if token.lower_ not in PRONOUN_SEXES:
            return None
        char = self.field.doc[parse.index(token)].idx
        return self.antecedent(char, PRONOUN_SEXES[token.lower_]).mention

    def _titled(self, word: str, before: int) -> Mention | None:
        """The one person named before character ``before`` right after ``word`` as a
        title ("Archbishop Desmond Tutu", "Coach Jane Roe"), if there is exactly one."""
        text = self.field.text
        found = {
            m.ref: m
            for m in self.people
            if m.span.start_char < before
            and (
                text[max(0, m.span.start_char - len(word) - 2) : m.span.start_char]
                .rstrip(" .")
                .lower()
                .endswith(word)
                or m.span.text.lower().startswith(word + " ")
            )
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _offices(self) -> dict[object, list[list[str]]]:
        """The words of each office the officials' rules give each person."""
        found: dict[object, list[list[str]]] = {}
        for h in holdings(self.context):
            found.setdefault(h.person.ref, []).append(fold(h.role.text).split())
        return found

    def _token_at(self, char: int) -> tuple[Parsed, Token | None]:
        number = self.field.sentence_index(char)
        parse = parsed(self.context, [(self.field, number)])[(self.field.name, number)]
        base = self.field.doc[parse.start].idx
        for token in parse.doc:
            if base + token.idx <= char < base + token.idx + len(token.text):
                return parse, token
        return parse, None

    def _quoted(self, parse: Parsed, token: Token) -> bool:
        char = self.field.doc[parse.index(token)].idx
        return any(s <= char < e for s, e in self.quoted)

    def _named(self, parse: Parsed, token: Token) -> Mention | None:
        """The mention the subject word names, directly or through a word joined to it."""
        if _according_to(token):
            token = next(c for c in token.children if c.dep_ == "prep" and c.lower_ == "to")
            token = next((c for c in token.children if c.dep_ == "pobj"), token)
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            token = token.head.head  # "Smith, who leads the panel, said"
        if self._quoted(parse, token):
            return None
        direct = self.at.get(parse.index(token))
        if direct is not None and direct.ref.kind == "person":
            return direct
        # "The Trump administration said": a name that only qualifies a body's noun is
        # not the speaker; a role's noun is the name's ("Home Affairs spokesman Mark Oaten").
        qualified = token.is_lower and not is_role_head(token.lower_)
        joined = [
            m
            for child in token.children
            if child.dep_ in _JOINED and not (child.dep_ == "compound" and qualified)
            for m in [self.at.get(parse.index(child))]
            if m is not None and not self._quoted(parse, child)
        ]
        # "The head of the Victorian Law Institute, John Corcoran, says": the name in
        # apposition may hang from the body the subject heads.
        # Not the one named for an office in the subject ("A spokesman for the Health
        # Minister, Kay Patterson, says": the spokesman speaks, unnamed).
        joined += [
            m
            for child in token.subtree
            if child.dep_ == "appos"
            and child.i != token.i
            and (child.head.i == token.i or not is_role_head(child.head.text))
            and not any(c.lower_ in ("a", "an") for c in token.children)
            for m in [self.at.get(parse.index(child))]
            if m is not None and m.ref.kind == "person" and not self._quoted(parse, child)
        ]
        # Only a person is joined to a subject word: "the Foreign Policy Centre Mr Straw"
        # parses the centre as a compound of "Straw".
        people = [m for m in joined if m.ref.kind == "person"]
        # "said City Comptroller Reshma Soni", "CDOT Commissioner Gia Biagi said": the
        # person named with a body's title speaks, not the body.
        return people[0] if people else direct

    def _resolve(self, parse: Parsed, subject: Token) -> Subject:
        if self._quoted(parse, subject):
            return UNDECIDED
        author = _author(subject)
        if author is not None:
            # "Trump's statement said", "his tweet read"
            found = self._resolve(parse, author)
            return Subject(found.decided, found.mention, "possessor:" + found.how)
        char = self.field.doc[parse.index(subject)].idx
        word = subject.lower_
        if word in _DESCRIPTIONS and any(c.lower_ == "the" for c in subject.children):
            # '"...," said the legislator, Representative Carl Seel': the name set off after
            # the description.
            for child in subject.children:
                named = self.at.get(parse.index(child)) if child.dep_ == "appos" else None
                if named is not None and named.ref.kind == "person":
                    return Subject(True, named, "description-apposition")
            # "the Democrat said" (not the party, which the word also names)
            return Subject(True, self.described(char), "description")
        named = self._named(parse, subject)
        if named is not None:
            return Subject(True, self.first_named(named), "parse:name")
        if word in PRONOUN_SEXES:
            return self.antecedent(char, PRONOUN_SEXES[word])
        if is_role_head(word) and any(c.lower_ == "the" for c in subject.children):
            words = [
                fold(c.text)
                for c in subject.children
                if c.dep_ in ("compound", "amod") and c.i < subject.i
            ]
            # "the secretary of state": a one-word "of" after the head is the role's.
            words.append(fold(word))
            for prep in subject.children:
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if prep.lower_ == "of" and len(objects) == 1 and not list(objects[0].children):
                    words += ["of", fold(objects[0].text)]
            # No one named before in that office ("the Pentagon spokesman said" where the
            # text never names him): someone unnamed, not the nearest name.
            return Subject(True, self.holder(char, words), "role")
        if (
            any(c.lower_ == "the" for c in subject.children)
            and subject.is_alpha
            and not _plural(subject)
        ):
            # "The archbishop added:" after "Archbishop Desmond Tutu": the one person the
            # text names with that word as a title, before it.
            titled = self._titled(word, char)
            if titled is not None:
                return Subject(True, titled, "title")
        if subject.text[:1].isupper():
            # A surname the recognizer missed here but the article names in full.
            same = {m.ref: m for m in self.people if m.name.split()[-1] == subject.text}
            if len(same) == 1:
                return Subject(True, next(iter(same.values())), "surname")
            if subject.i > subject.sent.start:
                return UNDECIDED  # a name no extractor found: the words around decide
        return Subject(True, None, "unnamed")  # "a spokesman", "the document", "they": unnamed


def _plural(token: Token) -> bool:
    """Whether a noun names more than one ("the two former secretaries"): a number with
    it, or a plural ending (the pipeline has no tagger to say so)."""
    return any(c.dep_ == "nummod" or c.lower_ == "both" for c in token.children) or (
        token.lower_.endswith("s") and not token.lower_.endswith(("ss", "us", "is"))
    )


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it hangs from when it has none; a participle
    set off by a comma ("Smith told reporters that the case had ..., saying that ...") is
    the main clause's, wherever the parser hung it."""
    for _ in range(3):
        found = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if found:
            return found[0]
        if _participle(verb) and verb.sent.root.i != verb.i:
            verb = verb.sent.root
            continue
        if verb.dep_ not in _CLIMB or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _participle(verb: Token) -> bool:
    """A present participle that opens a clause after a comma ("..., saying that",
    "..., adding"): its subject is the sentence's main subject."""
    return (
        verb.lower_.endswith("ing")
        and verb.dep_ in _CLIMB
        and verb.i > verb.sent.start
        and verb.doc[verb.i - 1].text == ","
    )


def _unnamed_person(token: Token, person: Callable[[Token], bool]) -> bool:
    """An unnamed person as a subject: "a spokesman", "an official", "a Labour spokesman"
    (a body's name is no person's), or someone named by their tie to another ("Saipov's
    sister", "his lawyer"); ``person`` says whether a word is a person's name (a name
    joined to the subject is looked for first)."""
    unnamed = (is_role_head(token.lower_) or token.lower_ in _DESCRIPTIONS) and any(
        c.lower_ in ("a", "an") for c in token.children
    )
    related = token.lower_ in _RELATIONS and any(c.dep_ == "poss" for c in token.children)
    return (unnamed or related) and not any(
        c.dep_ in ("appos", "compound") and c.text[:1].isupper() and person(c)
        for c in token.children
    )


_OBJECTS = {"m": "him", "f": "her"}


def _other_of_sex(subject: Token, sex: str | None) -> bool:
    """Whether the subject's own verb has "him" or "her" of that sex as its object, who is
    then someone else ("Corbyn accused her of ...": "her" is not Corbyn), so the subject is
    not the one "he" or "she" stands for."""
    if sex is None or subject.dep_ not in _SUBJECTS:
        return False
    return any(
        c.lower_ == _OBJECTS[sex] and c.dep_ in ("dobj", "iobj", "dative")
        for c in subject.head.children
    )


def _fits(role: list[str], words: list[str]) -> bool:
    """Whether an office's words fit a role named alone: the same words, or a head word
    alone ("the senator") for any office ending with it but a deputy's or a shadow's, or
    an office of its head word alone for a role ending with it ("the Ealing North MP")."""
    return (
        words == role
        or (len(role) == 1 and words[-1:] == role and not _RANKS.intersection(words))
        # An office held as its head word alone ("Labour MP Stephen Pound") fits that head
        # with a constituency, state or party before it ("the Ealing North MP", "the Iowa
        # senator"), but not a deputy's or a shadow's.
        or (len(words) == 1 and role[-1:] == words and not _RANKS.intersection(role))
    )


def _author(token: Token) -> Token | None:
    """Who said the words a noun of saying names: its possessor ("Trump's tweets", "his
    statement"), also through "one of" ("One of Trump's tweets read")."""
    if token.lower_ in _SOME:
        token = next(
            (o for p in token.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"),
            token,
        )
    if token.lower_ not in UTTERANCES:
        return None
    return next((c for c in token.children if c.dep_ == "poss"), None)


def _agent(verb: Token) -> Token | None:
    """The agent of a passive verb, who did the saying ("Blair was accused by Howard of
    "..."", "the speech was hailed by the envoy as "...""), not its subject."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _passive_agent(token: Token) -> bool:
    """The doer of a sentence's passive main verb, its subject in meaning: "The position
    was spelt out by spokesman Raanan Gissin" (not of a clause within it: "..., when they
    were beaten by Martina Hingis")."""
    return _agent(token.sent.root) == token


def _stray_subject(token: Token) -> bool:
    """A word before a verb that has no subject, which the parser (without the tagger)
    took for something else: "Akin, however, continued" reads "Akin" as an adverb."""
    verb = token.head
    return (
        token.i < verb.i
        and token.dep_ in ("advmod", "npadvmod", "dep", "nmod", "advcl")
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
    )


def _according_to(token: Token) -> bool:
    return token.lower_ == "according" and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in token.children
    )


def _sexes(text: str, people: list[Mention]) -> dict[object, str]:
    """Each person's sex where the text gives it: an honorific or a sexed title before one
    of their names ("Ms Smith", "Congresswoman Smith", "spokesman John Smith"), or "he" or
    "she" as the subject of what they said ("Smith said she would ..."); a person the text
    gives both is left unknown. Where the text tells nothing, the sex of nearly everyone
    given the person's first name ("Nancy Pelosi": "she")."""
    said: dict[object, set[str]] = {}
    for mention in people:
        match = _HONORIFIC.search(
            text, max(0, mention.span.start_char - 14), mention.span.start_char
        )
        if match:
            word = match.group(1).lower()
            female = word in _FEMALE or word.endswith("woman")
            said.setdefault(mention.ref, set()).add("f" if female else "m")
        own = _SAYS_OF_SELF.match(text, mention.span.end_char)
        if own:
            said.setdefault(mention.ref, set()).add(PRONOUN_SEXES[own.group(1).lower()])
    for mention in people:
        if mention.ref not in said and " " in mention.name:
            sex = gz.given_name_sexes().get(mention.name.split()[0], "")
            if sex:
                said[mention.ref] = {sex}
    return {ref: next(iter(sexes)) for ref, sexes in said.items() if len(sexes) == 1}
