"""Direct quotations and who said them.

Quotations are found by their marks (curly or straight, double, or curly single), over
the raw text: a mark is an opening one when it starts a word and a closing one when it
ends one. A quotation left open when the next one opens is newswire paragraph
continuation and runs on to the next closing mark. Single quoted words are scare quotes.

The speaker is the person (or organization, or outlet) named next to a speech verb
after the quotation ("...," said Aaron Peskin), else the one just before the speech verb
of its sentence ("Adams spokesperson Fabien Levy said: ..."); for "he said", or a
quotation with no attribution, the person last named as saying something. Names inside
quotation marks never speak; people come before organizations. See docs/extraction.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract import Context, extractor
from kg.extract.citations import outlet_mentions
from kg.extract.nlp import Field, Mention, analyse
from kg.extract.organizations import organization_mentions
from kg.extract.people import person_mentions
from kg.extract.quotation_marks import quotation_spans
from kg.extract.quotation_marks import spans as spans
from kg.extract.speakers import PRONOUN_SEXES, UTTERANCES, Speakers
from kg.model import Article, Evidence, Fact, Iri, Ref
from kg.namespaces import RDF, SDO
from kg.resolve import digest
from kg.text import fold

_OPENING = '“‘"'
_SPEECH = re.compile(
    r"\b(said|says|told|tells|added|adds|asked|warned|warns|explained|stated|insisted|"
    r"noted|claimed|declared|wrote|writes|tweeted|replied|continued|argued|urged|announced|"
    r"according to|quoted|conceded|admitted|acknowledged|stressed|suggested|described|"
    r"called|branded|accused|believes|thinks|promised|vowed|predicted|say|claims|read|reads|"
    r"saying|accusing|calling|describing|branding|warning|telling|adding|insisting|"
    r"recalled|recalls|responded|responds|answered|countered|contended|maintained|"
    r"asserted|remarked|joked|quipped|complained|lamented|testified|boasted|pleaded|"
    r"shouted|yelled|wondered|cautioned|recounted|emphasized|emphasised|reiterated|"
    r"concluded|explains|insists|argues|recalling|denied|denies|denying|"
    r"statement|went on(?=\s*[:,.])|goes on(?=\s*[:,.]))\b",
    re.IGNORECASE,
)
_SAYING = re.compile(
    r"(?P<stance>\b(?:criticised|criticized|condemned|welcomed|defended|attacked|dismissed|"
    r"rejected|outlined|praised|hit out|slammed)\b)|" + _SPEECH.pattern,
    re.IGNORECASE,
)
"""Speech verbs and verbs of a stance taken in words ("Dave Prentis criticised the plans.
"If you want ..."): the last person who took one may go on in an unattributed quotation."""
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
_POSSESSED_UTTERANCE = re.compile(
    r"(?:['’]s?|\b(?:his|her))\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(UTTERANCES)) + r")\b",
    re.IGNORECASE,
)
"""A possessor before a noun of saying: "Trump's comments", "her latest statement"."""
_WAS_POSSESSED = re.compile(
    r"^[\s,]*(?:was|is|came)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)['’]s?\s+"
    r"(?:[\w-]+\s+)?(?:" + "|".join(sorted(UTTERANCES)) + r")\b"
)
"""After a quotation, its attribution as a possessed noun of saying: '"...," was Mr Marr's
assessment'."""
_GOES_ON = re.compile(
    r"^[\s,]*(?:and|but|or|nor|yet|then|while|whereas|although|though)\b", re.IGNORECASE
)
"""After a quotation inside a sentence, "... and urged voters to ..." goes on with the
sentence's own verbs, and "..., while Senator Tom Cotton called it ..." with a clause of its
own: no attribution follows."""
_BY = re.compile(r"\bby\b")
_HE_BEFORE = re.compile(r"\b(?:he|she)\s+$", re.IGNORECASE)
_PRONOUN = re.compile(r"^\W*(he|she|they)\b|\b(he|she|they) (said|says|added|told)\b", re.I)
_ATTRIBUTION = re.compile(r"^[\s,—–-]*(?:[\w.’'-]+\s){0,4}?" + _SPEECH.pattern, re.I)
# A sentence ends at . ! ? before a capital or a quotation mark; before a curly opening mark
# also without a space ("...Mayor.“I am"), as scraped text has it.
_SENTENCE_END = re.compile(r"[.!?][\"”’]?(?:\s+(?=[\"“‘A-Z])|(?=[“‘]))")
# Between "said" and the speaker's name, a few words of title: "said director Kate Allen",
# "said Tory shadow local government secretary Caroline Spelman".
_TITLES_ONLY = re.compile(r"\s*(?:[\w.’'-]+\s+){0,6}")
_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Reps?|Sens?|Gov|Lt|Gen|Col|Capt|Sgt|Adm|Maj|Cmdr|Alds?|Supt|"
    r"Atty|Prof|Rev|Hon|Sec|Amb|Del|U\.S|U\.N)$"
)
"""Title abbreviations whose full stop ends no sentence (AP Stylebook titles)."""
_TITLE_SMALL = frozenset(
    {
        *("the", "of", "and", "a", "an", "in", "on", "for", "to", "is", "at", "with", "from"),
        *("by", "or", "nor", "but", "as", "into", "onto", "over", "up", "vs", "vs.", "via"),
    }
)
"""Words a title leaves in lower case (articles, short conjunctions and prepositions:
"Fire and Fury", "Keeping Up with the Kardashians", "Letter from Birmingham Jail")."""
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "its"})
_WINDOW = 120
_LOOKBACK = 400
_MIN_WORDS = 4
_TITLE_WORDS = 10
"""Capitalized words up to this many are a title ("On the Record with Greta Van Susteren")."""
"""Shorter quotations are scare quotes ("a 'humiliating retreat'"), unless a whole sentence."""
# An attribution to someone unnamed: "a spokesman said", "officials told", "sources say".
_UNNAMED = re.compile(
    r"^[\s,—–-]*(?:(?:a|an|one|two|three|some|several|other|many)\s+(?:\w+\s){0,3}?|"
    r"(?:\w+\s)?(?:officials|sources|aides|critics|analysts|experts|residents|police|"
    r"observers|insiders|members|supporters|opponents|people)\s)"
    r"(?:said|says|told|added|wrote|argued|warned|explained)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation's text and place in its field, and its speaker's mention."""

    field: Field
    start: int
    end: int
    text: str
    speaker: Mention | None
    evidence: str = ""
    """What decided the speaker (or that there is none): "after:name-before-verb",
    "before:pronoun:main-subject", "recent:previous-speaker" ...; measured by
    benchmarks/quote_evidence.py."""


def quotations(context: Context) -> list[Quotation]:
    """Every quotation in the article's fields, with its speaker where one is found."""
    speakers = [
        *person_mentions(context),
        *organization_mentions(context),
        *outlet_mentions(context),
    ]
    found = []
    for field in analyse(context):
        text = field.text
        marks = quotation_spans(context, field)
        # Names inside a quotation are what the speaker talks about, not who speaks.
        mentions = sorted(
            (
                m
                for m in speakers
                if m.field is field and not any(s <= m.span.start_char < e for s, e in marks)
            ),
            key=lambda m: m.span.start_char,
        )
        previous: tuple[Mention, int] | None = None
        last_end = unnamed = 0  # where the last quotation and the last unnamed one end
        subjects = Speakers(context, field, mentions, marks)
        for start, end in marks:
            quoted = text[start:end].strip().rstrip(",")
            if not is_quotation(quoted):
                continue
            speaker, how = _speaker(text, start, end, mentions, previous, last_end, subjects)
            if how.startswith("next:") and _goes_on_after_attribution(
                text, start, previous, last_end, mentions
            ):
                # '"...," Hua said at a briefing. "For example, ..." Trump tweeted again':
                # the quotation right after an attribution goes on with its speaker; the
                # next sentence's verb opens someone else's report.
                assert previous is not None
                speaker, how = previous[0], "unattributed:after-attribution"
            elif how.startswith(_CONTINUED) and unnamed > max(
                previous[1] if previous else 0,
                *(m.span.end_char for m in mentions if m.span.end_char < start),
            ):
                # '"...," said the statement. "However, ..."', '"...," she said. "..."' (no
                # "she" found): the quotation goes on the one before, whose speaker is
                # unnamed or not found, not an earlier one's.
                speaker, how = None, "unattributed:previous-unnamed"
            last_end = end
            if speaker is not None:
                previous = speaker, end
            elif how.endswith(_NO_ONE_FOUND):
                unnamed = end
            # Organizations and outlets are found as speakers so that their words are not
            # given to a person named nearby; only a person's quotation has a speaker.
            person = speaker if speaker is not None and speaker.ref.kind == "person" else None
            if speaker is not None and person is None:
                how += ":" + speaker.ref.kind
            found.append(Quotation(field, start, end, quoted, person, how))
    return found


def _goes_on_after_attribution(
    text: str,
    start: int,
    previous: tuple[Mention, int] | None,
    last_end: int,
    mentions: list[Mention],
) -> bool:
    """Whether the quotation at ``start`` follows the one before it and that one's short
    attribution alone ('"...," Warner said. "..."'), which names its speaker and no one
    else."""
    if previous is None or previous[1] != last_end or start - last_end > _ATTRIBUTION_LENGTH:
        return False
    between = [m for m in mentions if last_end <= m.span.start_char < start]
    return bool(between) and all(m.ref == previous[0].ref for m in between)


_ATTRIBUTION_LENGTH = 80
"""The most characters between a quotation and the next for the words between to be only
the first one's attribution ('," Hua said at a regular ministry briefing. ')."""

# A quotation given to the one before's speaker, or to the last person who said something.
_CONTINUED = ("unattributed:previous-speaker", "unattributed:last-sayer")
# A quotation whose attribution names someone who is no one named: an unnamed speaker ("the
# statement said") or a pronoun no earlier name fits ("she said").
_NO_ONE_FOUND = (":unnamed", ":unnamed-words", "pronoun-words:nobody")


def is_quotation(quoted: str) -> bool:
    """Whether quoted words are a quotation: four words or more, or a whole sentence ("I'm
    hopeful."), and not a title ("Face the Nation", "Britain is Working").

    >>> is_quotation("humiliating retreat"), is_quotation("I'm hopeful.")
    (False, True)
    >>> is_quotation("we will go on"), is_quotation("Keep It Clean And Green")
    (True, False)
    """
    words = quoted.split()
    sentence = quoted[:1].isupper() and quoted.rstrip("’'\"”")[-1:] in ".!?" and len(words) > 1
    return (len(words) >= _MIN_WORDS or sentence) and not _is_title(words)


def _is_title(words: list[str]) -> bool:
    """Programme and product names in quotes ("Face the Nation") are not speech."""
    return len(words) <= _TITLE_WORDS and all(
        w[0].isupper() or not w[0].isalpha() or w in _TITLE_SMALL for w in words
    )


def _speaker(
    text: str,
    start: int,
    end: int,
    mentions: list[Mention],
    previous: tuple[Mention, int] | None,
    last_end: int,
    subjects: Speakers,
) -> tuple[Mention | None, str]:
    """The speaker of the quotation at text[start:end]; ``last_end`` is where the quotation
    before it ends (what lies between is that one's attribution).

    The subject of the attribution's speech verb decides where the parse reads one (a
    name, "he" or "she" for a name before, "the senator" for the senator named before, or
    someone unnamed); else the words around the quotation do."""
    after = end + 1
    tail = text[after : after + _WINDOW].split("\n", 1)[0]
    # A title's full stop ("said Rep. Paul Baker") does not end the attribution.
    ends = (m for m in _SENTENCE_END.finditer(tail) if not _ABBREVIATION.search(tail, 0, m.start()))
    cut = [m.end() for m in [next(ends, None)] if m]
    cut += [tail.find(c) for c in _OPENING if c in tail]
    tail = tail[: min(cut, default=len(tail))]
    # After a quotation that ends its sentence, only an attribution that follows at once
    # ("... .” he said", "... .” said Peskin") belongs to it.
    ends_sentence = text[start:end].rstrip()[-1:] in ".!?"
    # The sentence the quotation stands in (a closing mark of the quotation before ends
    # none: '"...," he said, "...."' is one sentence).
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    sentence_start = max(sentence_start, text.rfind("\n", 0, start) + 1)
    # A fragment quoted inside its sentence ('He said the plan was "a disaster."') has its
    # attribution in that sentence: the next sentence ("Smith called it ...") is another's.
    fragment = bool(text[sentence_start : max(start - 1, sentence_start)].strip(' "“‘—–-('))
    verb = _SPEECH.search(tail)
    # After a quotation that ends its sentence, words that end with a colon before the
    # next one introduce that one ("... wise." The Foreign Secretary told the BBC: "...").
    # ... or with a comma right before it ('... ." Sessions responded, "I did not ...').
    introduces = ends_sentence and tail.rstrip().endswith((":", ","))
    # ... and a capitalized speech word opens a sentence of its own ("According to ...").
    if ends_sentence and verb is not None and not tail[: verb.start()].strip(" ,—–-"):
        introduces = introduces or tail[verb.start() : verb.start() + 1].isupper()
    if ends_sentence and fragment:
        introduces = True
    said = _said_with_colon(text, sentence_start, start, mentions)
    if said is not None and _PRONOUN_SAID.match(tail):
        # 'David Laws said: "...," he said.': the name that opens the quotation is the one
        # the pronoun after it stands for.
        return said, "before:colon-and-pronoun"
    possessed = _WAS_POSSESSED.match(tail)
    if possessed:
        at = after + possessed.end("name")
        owners = [m for m in mentions if m.span.end_char == at and m.ref.kind == "person"]
        if owners:
            return owners[0], "after:was-possessed"
    if not introduces and _UNNAMED.match(tail):
        return None, "after:unnamed-words"  # "...," a spokesman said: no one named speaks
    where = "next:" if ends_sentence else "after:"
    if (
        verb is not None
        and not introduces
        and not _GOES_ON.match(tail)
        and (
            not ends_sentence
            or (_ATTRIBUTION.match(tail) and not subjects.reports(after + verb.start()))
        )
    ):
        subject = subjects.subject_of_verb(after + verb.start(), after + verb.end(), after)
        if subject.decided:
            return subject.mention, where + subject.how
        said, how = _attributed(
            text, after + verb.start(), after + verb.end(), after, tail, mentions
        )
        if said is not None:
            return said, where + how
        pronoun = _PRONOUN.search(tail)
        if pronoun:
            said, how = _recent_speaker(text, start, mentions, previous)
            sex = PRONOUN_SEXES.get((pronoun.group(1) or pronoun.group(2)).lower())
            if said is not None and sex and subjects.sex.get(said.ref, sex) != sex:
                # '"...," he said' after a woman spoke: he is the man named last before.
                said, how = subjects.recent(start, sex), "other-sex"
            return said, where + "pronoun-words:" + how
        if _unknown_name(tail[: verb.start()], verb.group()):
            # '"...," ComEd said': an attribution whose subject is a name no extractor
            # found is someone else's, not the speaker of the quotation before.
            return None, where + "unknown-subject"
    head_start = max(sentence_start, last_end + 1)
    before = [m for m in mentions if head_start <= m.span.start_char < start - 1]
    if _POSSESSED_UTTERANCE.search(text, head_start, start):
        # "Mr Sharon's accusation that Mr Arafat was "..."": the noun's possessor said it.
        subject = subjects.author_of_fragment(start)
        if subject.decided:
            return subject.mention, "possessed-utterance:" + subject.how
    if _BY.search(text, head_start, start):
        subject = subjects.agent_of_fragment(start)  # "... was hailed by X as "...""
        if subject.decided:
            return subject.mention, "agent:" + subject.how
    # "Trump noted in his statement that ...": the verb, not the noun, attributes.
    found = list(_SPEECH.finditer(text, head_start, start))
    verbs = [v for v in found if v.group().lower() != "statement"] or found
    if verbs:
        # "Smith said: "..."", "She said: "..."", "The document said: "..."".
        subject = subjects.subject_of_verb(
            verbs[-1].start(), verbs[-1].end(), head_start, inverted=False
        )
        if subject.decided:
            return subject.mention, "before:" + subject.how
        if _HE_BEFORE.search(text, max(head_start, verbs[-1].start() - 5), verbs[-1].start()):
            # "Asked about Senator McCain, he said: ...": not a name of this sentence.
            said, how = _recent_speaker(text, head_start, mentions, previous)
            return said, "before:pronoun-words:" + how
    else:
        # A fragment quoted in a sentence: its subject ("She praised ... "ensuring ..."").
        subject = subjects.subject_of_sentence(start)
        if subject.decided:
            return subject.mention, "fragment:" + subject.how
        people = [m for m in before if m.ref.kind == "person"]
        if people and text[head_start : start - 1].rstrip().endswith(":"):
            # A colon introduces the words of the person the sentence names ("Trump on
            # Twitter: "..."", "McCarthy's advice was simple: "..."").
            return people[0], "colon:first-name"
        if fragment:
            # No speech verb and no person as the subject ("The report found that the
            # agents showed "..."", "The park will feature "...""): no one is quoted.
            return None, "fragment:no-speaker"
    if before:
        if verbs:
            # The speaker is the name just before the last speech verb ("X said: ...").
            ahead = [m for m in before if m.span.end_char <= verbs[-1].start()]
            if ahead:
                named = _people_first(ahead)[-1]
                # "The top Democrat on the committee, responding to attacks on Robert
                # Mueller, said ...": a name inside a clause set off by commas, after the
                # sentence's own first words, is not its subject.
                inside = "," in text[named.span.end_char : verbs[-1].start()] and any(
                    w[:1].islower() for w in text[head_start : named.span.start_char].split()
                )
                if not inside:
                    return named, "before:name-words"
                return None, "before:name-in-clause"
            # Only names after the verb ("described Sayfullo Saipov as "...""): whom the
            # words are about, not who said them.
            return None, "before:name-after-verb-words"
        # No speech verb: the sentence's subject, its first person, speaks the fragment.
        return _people_first(before)[0], "fragment:first-name-words"
    said, how = _recent_speaker(text, start, mentions, previous)
    if how.endswith(":other-after"):
        # Someone else is named after the last person who said something, with no
        # attribution here: either may be speaking ("...," Harkin said. Rep. Joan Miller
        # disagreed. "...").
        return None, "unattributed:last-sayer-not-last-named"
    return said, "unattributed:" + how


def _said_with_colon(
    text: str, sentence_start: int, start: int, mentions: list[Mention]
) -> Mention | None:
    """The person named just before a speech verb and a colon that open the quotation at
    ``start`` in its sentence ("For the Lib Dems David Laws said: "..."), if any."""
    before = _COLON_SAID.search(text, sentence_start, start)
    if before is None:
        return None
    people = [
        m
        for m in mentions
        if m.ref.kind == "person" and sentence_start <= m.span.end_char <= before.start()
    ]
    if not people or text[people[-1].span.end_char : before.start()].strip():
        return None
    return people[-1]


_COLON_SAID = re.compile(r"\s(?:said|says|added|told \w+):\s*[\"“]?\s*\Z")
_PRONOUN_SAID = re.compile(r"^\W*(?:he|she) (?:said|says|added)\b", re.IGNORECASE)


def _unknown_name(subject: str, verb: str) -> bool:
    """Whether the words before an attribution's speech verb hold a name ("ComEd",
    "Protect Our Parks") rather than a noun ("the statement continued") or nothing."""
    if verb.lower() in ("statement", "according to"):
        return False
    words = [w.strip(",.;:—–-\"'”“’") for w in subject.split()]
    return any(w[:1].isupper() and w.lower() not in _ARTICLES for w in words) and not any(
        w.lower() in UTTERANCES for w in words
    )


def _attributed(
    text: str, verb: int, verb_end: int, after: int, tail: str, mentions: list[Mention]
) -> tuple[Mention | None, str]:
    """Who the attribution after a quotation names: the subject before its speech verb
    ("...," Adams spokesperson Fabien Levy said), else the name right after the verb, past
    any title ("...," said Chairman Michelle Harris). A name further on is an addressee or
    a source ("he told The Hill"), not the speaker."""
    subject = [m for m in mentions if after <= m.span.start_char and m.span.end_char <= verb]
    if subject:
        return _people_first(subject)[-1], "name-before-verb-words"
    named = [m for m in mentions if verb_end <= m.span.start_char < after + len(tail)]
    found = [m for m in named if _TITLES_ONLY.fullmatch(text[verb_end : m.span.start_char])]
    # "said CPD Superintendent David O. Brown": the body in the title is not the speaker.
    return (_people_first(found)[0], "name-after-verb-words") if found else (None, "")


def _people_first(mentions: list[Mention]) -> list[Mention]:
    """The people among the mentions if any, else all: "Tim Costello, president of the
    Baptist Union, said" is Costello speaking, not the union."""
    people = [m for m in mentions if m.ref.kind == "person"]
    return people or mentions


_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose|whom)\b[^,]*,\s*\Z")


def _before_relative_clause(text: str, ahead: list[Mention], said: Mention, verb: int) -> Mention:
    """The person whose relative clause holds the name before a speech verb: "Martin Bell,
    who won the Tatton seat from Neil Hamilton, said ..." is Bell's saying."""
    people = [
        m for m in ahead if m.ref.kind == "person" and m.span.end_char <= said.span.start_char
    ]
    for person in reversed(people):
        if _RELATIVE_CLAUSE.search(text, person.span.end_char, verb):
            return person
    return said


_PRONOUN_SAYS = re.compile(r"\b(?:he|she)\s*\Z", re.IGNORECASE)


def _recent_speaker(
    text: str, start: int, mentions: list[Mention], previous: tuple[Mention, int] | None
) -> tuple[Mention | None, str]:
    """Who speaks in an unattributed quotation, or in one attributed to "he" or "she".

    The speaker of the quotation before, when no one else is named between the two (a
    quotation that goes on after its attribution: "...," said Scott. "Building on ...");
    else the person last named as saying something ("Mr Crean says there are ... . "We
    heard ...""); else no one.
    """
    people = [m for m in mentions if m.ref.kind == "person" and m.span.start_char < start]
    if previous is not None:
        # Names in the previous quotation's own attribution ('...," he told Akihito.') are
        # whom it was said to or of, not another speaker.
        stop = _SENTENCE_END.search(text, max(previous[1] - 1, 0), start)
        between = [m for m in people if m.span.start_char >= (stop.end() if stop else start)]
        if all(m.ref == previous[0].ref for m in between):
            bodies = any(
                previous[1] <= m.span.start_char < start and m.ref.kind != "person"
                for m in mentions
            )
            return previous[0], "previous-speaker" + (":other-between" if bodies else "")
    said: Mention | None = None
    stance = False
    for verb in _SAYING.finditer(text, max(0, start - _LOOKBACK), start):
        sentence = max((m.end() for m in _SENTENCE_END.finditer(text, 0, verb.start())), default=0)
        ahead = [m for m in mentions if sentence <= m.span.start_char < verb.start()]
        prior = _SAYING.search(text, sentence, verb.start())
        if prior is not None and _THAT.search(text, prior.end(), verb.start()):
            # A verb reported in a clause of another ("Lewis reminded MPs that McCartney
            # described Letwin as ..."): its subject is not the one speaking.
            continue
        last = max((m.span.end_char for m in ahead), default=sentence)
        if any(
            _PRONOUN_SAYS.search(text, last, said_by.start())
            for said_by in _SAYING.finditer(text, last, verb.end())
        ):
            # "Mr Blair has failed to tackle these problems, he claimed, saying ...": the
            # name before is whom "he" speaks of; "he" is a sayer named earlier.
            continue
        if ahead:
            # ", saying ...": a participle set off after the main clause has its subject
            # ("Fitzgerald has defended the decision to play Rafter, saying ...").
            participle = verb.group().lower().endswith("ing") and text[
                max(0, verb.start() - 3) : verb.start()
            ].rstrip().endswith(",")
            said = _people_first(ahead)[0 if participle else -1]
            said = _before_relative_clause(text, ahead, said, verb.start())
            stance = verb.group("stance") is not None
    if said is not None:
        # Others named in the sayer's own sentence are who it speaks of ("Nielson said he
        # had suspended Mr Houston. "..."); one named in a sentence after may be speaking.
        stop = _SENTENCE_END.search(text, said.span.end_char, start)
        after = stop.end() if stop else start
        later = {m.ref for m in people if m.span.start_char >= after} - {said.ref}
        return said, "last-sayer" + (":stance" if stance else "") + (
            ":other-after" if later else ""
        )
    # Nobody named as saying anything near: a name that only stands before the quotation
    # ("Governor Cuomo unveiled the budget. ... "...," the Treasury said") is no speaker.
    return None, "nobody"


def quote_ref(article: Ref, text: str) -> Ref:
    """The identity of a quotation: a hash of its article and its text."""
    return Ref(f"quote/{digest(article.key + ' ' + fold(text))}")


@extractor(
    "quotes",
    emits={"schema:Quotation"},
    requires={"people", "organizations", "citations"},
)
def quotes(article: Article, context: Context) -> Iterator[Fact]:
    """Each quotation, its speaker and article; the same words in title and excerpt count once."""
    seen: set[Ref] = set()
    for quotation in quotations(context):
        subject = quotation.field.article
        ref = quote_ref(subject, quotation.text)
        if ref in seen:
            continue
        seen.add(ref)
        doc = quotation.field.doc
        passage = doc.char_span(quotation.start, quotation.end, alignment_mode="expand")
        sentence = passage.sent.text.strip() if passage is not None else quotation.text
        evidence = Evidence(
            "quotes", quotation.field.name, quotation.start, quotation.end, sentence
        )
        yield Fact(ref, RDF.type, Iri(SDO.Quotation))
        yield Fact(ref, SDO.text, quotation.text, evidence)
        yield Fact(ref, SDO.isPartOf, subject)
        if quotation.speaker is not None:
            yield Fact(ref, SDO.creator, quotation.speaker.ref, evidence)
