"""People named in the text, each under one key per article: a surname alone is the full name.

Names come from the statistical model's PERSON entities (after the gazetteer ruler has
taken outlets and companies away from it) and from the capitalized words that follow a
role or an honorific ("spokesperson Fabien Levy", "Mr Howard"), which the model misses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from kg.extract import Context, extractor
from kg.extract import gazetteers as gz
from kg.extract.bodies import DESCRIPTORS, opens_sentence
from kg.extract.names import HONORIFICS, REGNAL_TITLES, person_key, person_name, surname
from kg.extract.nlp import Field, Mention, analyse, first_mentions, in_text_order, mention_facts
from kg.extract.officeholders import known_person, officeholder_surnames, spells
from kg.extract.roles import (
    PRO_TEMPORE,
    is_role_head,
    is_role_word,
    role_ending_at,
    role_last_words,
)
from kg.model import Article, Fact, Iri, Ref
from kg.namespaces import RDF, SDO
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Entity labels a lone surname may wrongly carry ("Adams" as ORG); they are people when
# the article has already named that person in full.
_SURNAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "PRODUCT", "FAC"})
# Lower-case words inside a name ("Fernando de la Rua", "Ursula von der Leyen").
_PARTICLES = frozenset(
    """
    de la las los del della van von der den ter bin al el da di du le ibn abu dos das
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_MAX_NAME_WORDS = 4
_CAPITALIZED = re.compile(r"\b[A-Z][\w'’-]*")
# A name found in a field, with the rule that found it (`Mention.how`).
_Found = tuple[Field, "Span", str]
# One scope for name resolution: the whole record (see _find).
_RECORD = Ref("article/record")
# Honorifics and ranks that announce a name ("the" opens names too, but announces none),
# and "Pope", which announces a regnal name and stays part of it (`_royal`).
_TITLES = HONORIFICS - {"the"} | {"pope"}
# Words that make a capitalized run an organization's name rather than a person's.
_ORGANIZATION_WORDS = frozenset(
    """
    Police Department Ministry Agency Commission Council Parliament Senate Congress Assembly
    Army Navy
    Force Forces Office Bureau Service Court Authority Committee Party Union Association
    Group Company Corporation Institute Foundation Society Alliance Front Movement Bank
    University College School Church Network News Radio Television Holdings Industries
    Enterprises Partners Capital Leisure Entertainment Airlines Airways Motors Insurance
    Securities Investments Properties Communications Pharmaceuticals Technologies Inc Ltd
    Plc LLC Corp Project Program Programme Initiative Coalition Fund Trust Board Caucus
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def person_mentions(context: Context) -> list[Mention]:
    """Every person named in the article's fields, resolved (cached for other extractors)."""
    found = context.cache.get("people")
    if found is None:
        found = context.cache["people"] = _find(analyse(context))
    return found


def _find(fields: tuple[Field, ...]) -> list[Mention]:
    # Names the text writes with another's words: 'Martina "Tina" Hone', "Kevin and Leslie
    # Kirkendall"; the model's entities inside a nicknamed name are not names of their own.
    shared = [(field, *each) for field in fields for each in _shared_names(field)]
    renamed = {(f.name, span.start, span.end): name for f, span, name, _ in shared}
    spans = [
        (field, span, how)
        for field in fields
        for span, how in _name_spans(field, _inside(field, shared))
    ]
    spans += [
        (field, span, "nickname" if nickname else "shared-surname")
        for field, span, _, nickname in shared
    ]

    def name_of(field: Field, span: Span) -> str:
        return renamed.get((field.name, span.start, span.end)) or person_name(span.text)

    spans = [
        (f, _royal(span), how)
        for f, span, how in _in_headlines(spans)
        if not _collective(span.text)
    ]
    spans = _sentence_openers(spans)
    # A name the model found that no given name opens, with a word the text also writes as
    # a common word ("Tax Cuts", "Standard Relief", "Proud Boys"), is no person's.
    common = _common_words(fields)
    spans = [
        (f, s, how)
        for f, s, how in spans
        if how != "model" or not (_worded(s, common) or _national_body(s) or _after_body_noun(s))
    ]
    # A name met right after "in" or "near", or before a landform's noun, is a place's
    # ("bases in Tora Bora", "the Tora Bora region"): there and wherever else the text
    # writes it ("the Tora Bora battleground").
    # Not a name the text also titles as a person's ("a lack of trust in Tony Blair" beside
    # "Mr Blair"), nor one the tables of officeholders know.
    titled_surnames = {
        fold(surname(name_of(f, span))) for f, span, how in spans if how.startswith("after-")
    }
    placed = {
        fold(name_of(f, span))
        for f, span, _ in spans
        if _after_in(span)
        and fold(surname(name_of(f, span))) not in titled_surnames
        and not known_person(name_of(f, span))
    }
    spans = [(f, span, how) for f, span, how in spans if fold(name_of(f, span)) not in placed]
    spans += _titled_surnames_in_full(spans)
    # Full names known in the record (the article's title, excerpt and body, and the
    # titles and excerpts of the related articles it lists), by folded surname and by
    # folded full name, so that "Adams" and "De Blasio" find their full names: a related
    # article's "De Blasio" is the Bill de Blasio its record introduced (marked inferred).
    full: dict[tuple[Ref, str], str] = {}

    names = {(_RECORD, name_of(field, span)) for field, span, _ in spans}
    given: dict[tuple[Ref, str], set[str]] = {}
    for _, _, name, nickname in shared:
        if nickname and nickname != name:
            full[_RECORD, fold(nickname)] = name  # "Tina Hone" is Martina Hone
    # A surname shared by two full names is the one the text met first ("Biden" is Joe
    # Biden, named before "his memoir on Beau Biden"; "Podesta" the Tony Podesta a story
    # opens with, not the brother it mentions): news introduces its subject first.
    met: dict[str, int] = {}
    for field, span, _ in spans:
        met.setdefault(name_of(field, span), len(met))
    # "Paul Ryan" of "Representative Paul D. Ryan": a name without the middle initials of
    # the one full name that has them.
    initialled: dict[tuple[Ref, str], set[str]] = {}
    for article, name in names:
        words = name.split(" ")
        if len(words) > 2 and all(_INITIAL.fullmatch(w) for w in words[1:-1]):
            initialled.setdefault((article, fold(f"{words[0]} {words[-1]}")), set()).add(name)
    full.update({key: next(iter(fuller)) for key, fuller in initialled.items() if len(fuller) == 1})
    bearers: dict[tuple[Ref, str], list[str]] = {}
    for article, name in sorted(names, key=lambda n: (-len(n[1].split()), n[1])):
        if " " in name and (article, fold(name)) not in full:
            full[article, fold(name)] = name
            bearers.setdefault((article, fold(surname(name))), []).append(name)
            first_part = surname(name).split("-")[0]
            if "-" in surname(name) and first_part[:1].isupper() and len(first_part) > 2:
                # "Kilroy" of Robert Kilroy-Silk: a double-barrelled name's first part (not
                # a particle: "al" of Ayman al-Zawahiri is no name, "Al Qaeda" no person).
                full.setdefault((article, fold(first_part)), name)
            given.setdefault((article, fold(name.split(" ")[0])), set()).add(name)
            words = name.split(" ")
            for cut in range(1, len(words) - 1):
                # "Wali Masood" of Ahmad Wali Masood, "Suu Kyi" of Aung San Suu Kyi: a
                # name without its first words.
                full.setdefault((article, fold(" ".join(words[cut:]))), name)
            if words[0] in REGNAL_TITLES and len(words) > 3 and _ORDINAL.fullmatch(words[-1]):
                # "John Paul" of Pope John Paul II: the regnal name without its number.
                full.setdefault((article, fold(" ".join(words[1:-1]))), name)
    for key, bearing in bearers.items():
        full.setdefault(key, min(bearing, key=lambda n: met.get(n, len(met))))
    # "Pena" of Enrique Pena Nieto: a three-word name's middle word, when it is no other
    # name's surname (a double surname, not a middle name: a middle name alone is rare).
    for article, name in sorted(names):
        words = name.split(" ")
        if len(words) == 3 and words[1][:1].isupper() and len(words[1]) > 2:
            full.setdefault((article, fold(words[1])), name)
    # A given name alone ("Sir Allan") is the full name when one full name has it.
    for key, candidates in given.items():
        if len(candidates) == 1:
            full.setdefault(key, next(iter(candidates)))
    # "President Trump" beside the text's one full name of that surname, "Donald Trump
    # Jr.": the surname is the president's wherever the text writes it alone.
    for field, span, _ in spans:
        name = name_of(field, span)
        known = full.get((_RECORD, fold(name)), name)
        if known != name and _another_holder(field.doc, span, name, known):
            del full[_RECORD, fold(name)]
    mentions = []
    claimed: set[tuple[str, int]] = set()
    for field, span, how in spans:
        name = name_of(field, span)
        known = full.get((_RECORD, fold(name)), name)
        mentions.append(Mention(person_key(known), known, field, span, known != name, how))
        claimed.update((field.name, i) for i in range(span.start, span.end))
    # A surname the text titles as an office-holder's ("President Trump", "Sen. Grassley")
    # is that person where the model took it alone for an organization ("Trump met ...").
    titled = {
        fold(m.name): m.name
        for m in mentions
        if " " not in m.name
        and m.how in ("after-honorific", "after-role")
        and fold(m.name) in officeholder_surnames()
    }
    # Known names the model gave another label, or none: "Adams" as ORG, "Adams spokesperson".
    for field in fields:
        for span in _known_name_spans(field, full, claimed, titled):
            written = person_name(span.text)
            name = full.get((_RECORD, fold(written))) or titled[fold(written)]
            mentions.append(Mention(person_key(name), name, field, span, True, "resolved"))
    return in_text_order(mentions, fields)


_ORDINAL = re.compile(r"[IVX]+")
"""A regnal number ("II" of John Paul II)."""

# Words of parties, movements and peoples the model sometimes takes for a person's name
# ("Lib Dems", "New Labour", "Afghan Taliban").
_COLLECTIVE = frozenset(
    """
    lib dem dems democrats democrat republicans republican labour labor new tories tory
    conservatives liberal liberals greens taliban ukip gop nationals
    """.split()  # noqa: SIM905 - a word list reads best as words
)


# A party's members, which end no person's name ("Senate Democrats").
# "GOP" ends a party's name, never a person's ("the 11th District GOP organization").
_MEMBERS = frozenset({"democrats", "republicans", "tories", "conservatives", "liberals", "gop"})
# A member's party before a name ("Tory David Burrowes", "Democrat Barack Obama").
_PARTY_WORDS = _COLLECTIVE - {"new", "taliban", "greens", "nationals"}


def _titled_surnames_in_full(spans: list[_Found]) -> list[_Found]:
    """The full names of surnames the text titles ("Mr Jan") where the model found none: a
    capitalized word before the surname, set off by commas or a given name ("A spokesman
    for provincial governor Gul Agha, Akbar Jan, says ... Mr Jan said")."""
    lone = {
        span.text
        for _, span, how in spans
        if how.startswith("after-") and len(span) == 1 and span[0].is_title
    }
    taken = {(f.name, i) for f, span, _ in spans for i in range(span.start, span.end)}
    found: list[_Found] = []
    for field in {f.name: f for f, _, _ in spans}.values():
        doc = field.doc
        for token in doc[1:]:
            given = doc[token.i - 1]
            if token.text not in lone or (field.name, token.i) in taken:
                continue
            if not given.is_title or given.lower_ in HONORIFICS or is_role_word(given.text):
                continue
            if (field.name, given.i) in taken or given.ent_type_ not in ("", "PERSON"):
                continue
            set_off = (
                given.i > 0
                and doc[given.i - 1].text == ","
                and (token.i + 1 < len(doc) and doc[token.i + 1].text == ",")
            )
            if set_off or given.text in gz.given_names():
                found.append((field, doc[given.i : token.i + 1], "titled-surname-in-full"))
    return found


def _another_holder(doc: Doc, span: Span, name: str, known: str) -> bool:
    """Whether the office of one holder titling a surname ("President Trump") is held, by
    the officeholders table, by someone other than the full name the text gives that
    surname ("Donald Trump Jr."): then the surname is not that full name's."""
    before = [fold(t.text) for t in doc[max(span.start - 2, 0) : span.start]]
    if before[-2:] == ["vice", "president"]:
        role = "vice president"
    elif before[-1:] == ["president"]:
        role = "president"
    else:
        return False
    return bool(spells(name, None, role)) and not spells(known, None, role)


def _sentence_openers(spans: list[_Found]) -> list[_Found]:
    """ "Following Romney's news ...": a two-word name met only at the start of sentences,
    whose first word the text also writes in lower case ("reporters following an event")
    and whose second word is the surname of another full name (Mitt Romney), or whose
    first word opens no name ("Plus Obama" beside "President Obama"), is that surname
    alone: the model ran the sentence's first word into it."""
    names = {fold(person_name(s.text)) for _, s, _ in spans}
    openers: dict[str, bool] = {}
    for _, span, _ in spans:
        name = fold(person_name(span.text))
        openers[name] = openers.get(name, True) and opens_sentence(span[0])
    kept = []
    for field, span, how in spans:
        name = fold(person_name(span.text))
        words = name.split()
        if (
            len(words) == 2
            and len(span) == 2
            and openers[name]
            and words[0] not in _PARTICLES
            and (
                # "Plus Obama" beside "President Obama": a word that opens no name
                (
                    span[0].lower_ in _SENTENCE_ADVERBS
                    and any(o != name and o.split()[-1] == words[1] for o in names)
                )
                or (
                    re.search(rf"\b{re.escape(span[0].lower_)}\b", field.text) is not None
                    and any(o != name and o.split()[-1] == words[1] and " " in o for o in names)
                )
            )
        ):
            span = span[1:]
        kept.append((field, span, how))
    return kept


# Words that open sentences and never names ("Plus Obama wants ...").
_SENTENCE_ADVERBS = frozenset(
    """
    plus also but and yet still meanwhile then now instead thus hence besides moreover so
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")


def _common_words(fields: tuple[Field, ...]) -> frozenset[str]:
    """The words the record's text writes in lower case: its own lexicon of common words."""
    return frozenset(w for field in fields for w in _LOWER_WORD.findall(field.text))


def _worded(span: Span, common: frozenset[str]) -> bool:
    """Whether a name of two words or more, opened by no common given name, ends in a word
    the text also writes in lower case as a common word: "Standard Relief" beside "relief",
    "Tax Cuts" beside "cuts". A surname is seldom a common word of the same text, a title
    or a family name opening a name often is ("Pope Francis", "Ban Ki-moon" beside "the
    travel ban"); a given name of one or two letters ("Al Green") says nothing."""
    words = [t for t in span if t.is_alpha and not t.is_lower]
    if len(words) < 2 or len(words[0]) < 3 or words[0].text in gz.given_names():
        return False
    last = span[-1]
    return not last.is_lower and last.lower_ in common and last.lower_ not in HONORIFICS


def _national_body(span: Span) -> bool:
    """Whether a name of two words or more, opened by no common given name, ends in a
    country's name: a national body's ("Soccer Australia", "Cricket Australia"), not a
    person's; a surname that is also a country's name follows a given name ("Steve
    Israel")."""
    words = [t for t in span if t.is_alpha and not t.is_lower]
    if len(words) < 2 or words[0].text in gz.given_names():
        return False
    return any(isinstance(p, gz.Country) for p in gz.places(words[-1].text)[:1])


def _after_body_noun(span: Span) -> bool:
    """Whether a name opened by no common given name follows a noun that says it is a
    body's ("the safety organisation Det Norske Veritas", "the pollster YouGov")."""
    doc = span.doc
    if span.start < 1 or span[0].text in gz.given_names():
        return False
    before = doc[span.start - 1]
    return before.is_lower and before.lower_ in DESCRIPTORS


_ROYALS = ("prince", "princess", "emperor", "empress")


def _royal(span: Span) -> Span:
    """ "Prince Harry", "Emperor Akihito": a royal named without a surname keeps the title
    (names.py); so does a regnal name, whatever its length ("King Carl XVI Gustaf", "Pope
    John Paul II")."""
    doc, start = span.doc, span.start
    if start > 0 and doc[start - 1].text in REGNAL_TITLES:
        return doc[start - 1 : span.end]
    if len(span) == 1 and start > 0 and doc[start - 1].lower_ in _ROYALS:
        return doc[start - 1 : span.end]
    return span


def _collective(text: str) -> bool:
    """Whether a span names a party, a movement or a people, not a person."""
    words = fold(text).split()
    demonyms = gz.demonyms()
    if words and words[-1] in _MEMBERS:
        return True  # "Senate Democrats", "Judiciary Committee Republicans", "District GOP"
    return bool(words) and all(
        w in _COLLECTIVE
        or w.title() in demonyms
        or w.capitalize() in demonyms
        or _of_country(w)  # "Afghanistani"
        for w in words
    )


def _of_country(word: str) -> bool:
    """A country's name with an ending: "Afghanistani", "Pakistanis"."""
    return any(isinstance(p, gz.Country) for size in (1, 2, 3) for p in gz.places(word[:-size])[:1])


def _in_headlines(spans: list[_Found]) -> list[_Found]:
    """Names in Headline Case fields or lines, where capitals mark every word and the model runs a
    name into the words around it ("Trump Says", "Lightfoot Names Monique Scott"), are kept
    only as far as they are names the other fields give: the longest such run of words in
    the span (each run found), else nothing. With no other field, they stay as found."""
    headline = {id(span): _in_headline(field, span) for field, span, _ in spans}
    known: set[str] = set()
    for _, span, _ in spans:
        if not headline[id(span)]:
            name = fold(person_name(span.text))
            known.update({name, fold(surname(person_name(span.text)))})
    if not known:
        return spans
    kept = []
    for field, span, how in spans:
        if not headline[id(span)]:
            kept.append((field, span, how))
            continue
        start = span.start
        while start < span.end:
            end = next(
                (
                    e
                    for e in range(span.end, start, -1)
                    if fold(person_name(span.doc[start:e].text)) in known
                ),
                None,
            )
            if end is None:
                start += 1
                continue
            kept.append((field, span.doc[start:end], how))
            start = end
    return kept


_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}\b")


def _in_headline(field: Field, span: Span) -> bool:
    """Whether a name stands in Headline Case: the field is, or its line is (a plain-text
    file's headline line, a scraped page's "Breaking Newsletters")."""
    if field.headline:
        return True
    text = field.text
    end = text.find("\n", span.end_char)
    line = text[text.rfind("\n", 0, span.start_char) + 1 : end if end >= 0 else len(text)]
    words = _LONG_WORD.findall(line)
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _known_name_spans(
    field: Field,
    full: dict[tuple[Ref, str], str],
    claimed: set[tuple[str, int]],
    titled: dict[str, str],
) -> Iterator[Span]:
    doc = field.doc
    for ent in field.ents:
        if ent.label_ not in _SURNAME_LABELS or (field.name, ent.start) in claimed:
            continue
        if len(ent) == 1 and fold(ent.text) in titled:
            claimed.add((field.name, ent.start))
            yield ent
            continue
        # The whole entity, or its opening words: in Headline Case the model runs a
        # name into the verb after it ("De Blasio Will Reassess" as one ORG).
        for end in range(ent.end, ent.start, -1):
            span = doc[ent.start : end]
            if (_RECORD, fold(person_name(span.text))) in full:
                claimed.update((field.name, i) for i in range(span.start, span.end))
                yield span
                break
    # One-word names already known ("Adams"): found in the text with a regular
    # expression rather than by visiting every token from Python.
    singles = {key for _, key in full if " " not in key}
    for match in _CAPITALIZED.finditer(field.text) if singles else ():
        text = match.group()
        # fold() is what costs here; a plain ASCII word folds to its lower case.
        if (text.casefold() if text.isascii() and text.isalnum() else fold(text)) not in singles:
            continue
        word = doc.char_span(match.start(), match.end())
        if word is None or len(word) != 1:
            continue
        token = word[0]
        if token.is_title and not token.ent_type_ and (field.name, token.i) not in claimed:
            yield word


# A given name, a nickname in quotation marks (one word, or "the" and a word), a surname:
# 'Martina "Tina" Hone', 'Jesús “Chuy” García', 'Jimmy "the Whirlwind" White'.
_NICKNAMED = re.compile(
    r"\b([A-Z][^\W\d_]+) [\"“] ?((?:the )?[A-Z][^\W\d_]+) ?[\"”] ([A-Z][\w’'-]*[^\W\d_])"
)
_SHARED_SURNAME = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+ ([A-Z][\w’'-]*[a-z]))\b")


def _shared_names(field: Field) -> Iterator[tuple[Span, str, str | None]]:
    """Names written with another's words, as (span, full name, other form): 'Martina
    "Tina" Hone' is Martina Hone, also called Tina Hone; in "Kevin and Leslie Kirkendall"
    the model's lone "Kevin" is Kevin Kirkendall (when the text names no other Kevin)."""
    doc, text = field.doc, field.text
    for match in _NICKNAMED.finditer(text):
        span = doc.char_span(match.start(), match.end(3), alignment_mode="expand")
        if span is not None and not field.headline:
            # The given name is its last token: a word of a list the scraper ran into it
            # is no part of it ("Public PolicyMartina “Tina” Hone").
            given = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            if given is not None and len(given) > 1:
                span = doc[given[-1].i : span.end]
            whole = f"{span[0].text} {match[3]}"
            # "the Whirlwind White" is no form of the name: the full name stands for it.
            alias = whole if match[2].startswith("the ") else f"{match[2]} {match[3]}"
            yield span, whole, alias
    for match in _SHARED_SURNAME.finditer(text):
        first = doc.char_span(match.start(1), match.end(1))
        pair = doc.char_span(match.start(2), match.end(2))
        if first is None or pair is None or field.headline:
            continue
        ent, other = field.ent_at.get(first.start), field.ent_at.get(pair.start)
        if (
            ent is not None
            and other is not None
            and len(ent) == 1
            and ent.label_ == other.label_ == "PERSON"
            and (other.start, other.end) == (pair.start, pair.end)
            and _plain_before(first)
            and re.search(rf"\b{match[1]} [A-Z]", text) is None  # no other Kevin
        ):
            yield first, f"{match[1]} {match[3]}", None


def _after_in(span: Span) -> bool:
    """Whether "in", "near" or "outside" comes right before the name, and no possessive
    after it ("in Tora Bora", not "in John Howard's government"), or a landform's noun
    follows it ("the Tora Bora region", "the Tora Bora cave complex"), or a word that opens
    only places' names opens it ("Mt Gambier")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in _LANDFORMS:
        return True
    if len(span) > 1 and span[0].text in _PLACE_OPENERS:
        return True  # "Mt Gambier", "Lake Macquarie"
    return (
        span.start > 0
        and doc[span.start - 1].lower_ in ("in", "near", "outside")
        and span[-1].text not in _POSSESSIVES  # "in Charles Dickens' Oliver Twist"
        and not (span.end < len(doc) and doc[span.end].lower_ in _POSSESSIVES)
        and not _headline_modifier(span)
    )


def _headline_modifier(span: Span) -> bool:
    """ "a show of force in Roger Stone arrest": a name opened by a given name that
    qualifies the noun after it, not a place (not "bases in Tora Bora.")."""
    doc = span.doc
    return (
        len(span) > 1
        and doc[span.start - 1].lower_ == "in"
        and span.end < len(doc)
        and doc[span.end].is_lower
        and doc[span.end].is_alpha
        and span[0].text in gz.given_names()
        and not gz.places(span.text)
    )


_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Words that open a place's name, never a person's.
_PLACE_OPENERS = frozenset({"Mt", "Mt.", "Mount", "Lake", "Cape", "Fort"})
# Nouns after a place's name that say it is one ("the Tora Bora mountains").
_LANDFORMS = frozenset(
    """
    region mountains mountain caves cave valley hills ranges range gorge desert peninsula
    plateau plains
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _plain_before(span: Span) -> bool:
    """Whether a plain word comes before the name ("his parents Kevin"), not a title ("Mayor
    Lightfoot and ...") or a preposition ("of Woodlawn and ...")."""
    if span.start == 0:
        return True
    before = span.doc[span.start - 1]
    if before.is_punct or before.is_space:
        return True
    return before.is_lower and before.lower_ not in _PREPOSITIONS and not is_role_word(before.text)


_PREPOSITIONS = frozenset({"of", "in", "at", "from", "to", "near", "by", "for", "on", "with"})


def _inside(field: Field, shared: list[tuple[Field, Span, str, str | None]]) -> set[int]:
    """The tokens of the nicknamed names of a field."""
    return {
        i
        for f, span, _, nickname in shared
        if f is field and nickname
        for i in range(span.start, span.end)
    }


def _name_spans(field: Field, blocked: set[int]) -> Iterator[tuple[Span, str]]:
    """The names of a field, each with the rule that found it (`Mention.how`)."""
    doc = field.doc
    taken: set[int] = set(blocked)
    for ent in field.ents:
        if ent.start in blocked or ent.end - 1 in blocked:
            continue
        if ent.label_ == "PERSON":
            span = _trim(ent)
            # A lone word is a person only after a title ("Mr Howard"): alone, the model
            # also takes "Government", "Osama" or a town for one ("Be Proactive" too).
            if span is not None and len(span) == 1 and _untitled(ent, span) and not _speaks(span):
                span = None
            how = "model"
            if span is not None and len(span) == 1:
                how = "model-lone-speaks" if _untitled(ent, span) else "model-lone-titled"
            if span is not None and span.start == ent.start and _given_before(doc, span):
                span = doc[span.start - 1 : span.end]  # "... for Human Rights Zeid" + "Ra’ad ..."
                how = "model-extended"
            if span is not None:
                span = _hyphenated(span)  # "Moon Jae" + "-in"
                span = doc[span.start : _peerage(doc, span.start, span.end)]
            if span is not None and span.end < len(doc) and _joins_next(field, span):
                span = _joined(field, span)  # "Enrique Pena" + "Nieto’s", "Brenda Palms Barber"
                how = "model-joined"
            # A lone word kept by its sentence's shape may be a small town's name too.
            placed = span is not None and _is_place(span.text)
            if placed and span is not None and len(span) == 1 and _untitled(ent, span):
                placed = False  # kept above by _speaks, which weighs places itself
            if span is not None and (_a_thing(doc, span) or _among_organizations(field, span)):
                span = None
            if span is not None and not placed and not _of_place(field, span):
                taken.update(range(ent.start, ent.end))
                yield span, how
    # Names the model gave another label, told by the sentence's shape: an age after
    # them ("Marquise Jones, 19,"), a word for a person before them ("organizer Aislinn
    # Pulley"), a speech verb before them ('..., said Devon Carter.').
    # So are those whose surname the text sets off alone as a person's ("Kirstjen Nielsen"
    # as ORG, then "Nielsen, 45, is ..."), and those after a role with its body ("U.S.
    # Ambassador to the United Nations Nikki Haley").
    lone = _lone_surnames(field)
    for ent in field.ents:
        if ent.label_ not in _MISLABELLED or ent.start in taken:
            continue
        if len(ent) == 1 and _relative(ent):
            taken.add(ent.start)
            yield ent, "relative"  # "his wife, Melania" (the model's GPE)
            continue
        if len(ent) == 1 and not _title_field(field) and _officeholder_acting(ent):
            taken.add(ent.start)
            yield ent, "officeholder-surname"  # "While Trump said", the model's ORG
            continue
        if _name_shaped(field, ent):
            how = _mislabelled_person(field, ent, lone)
            if how:
                taken.update(range(ent.start, ent.end))
                yield ent, how
                continue
        # The model ran the end of a role into the name: "Secretary of | Transportation Pete
        # Buttigieg" (one ORG entity). The name is the entity's last words.
        link = ent.start - 1
        if link < 1 or doc[link].lower_ not in ("of", "to", "for", "at"):
            continue
        if role_ending_at(doc, link) is None:
            continue
        for cut in range(ent.start + 1, ent.end - 1):
            tail = doc[cut : ent.end]
            # Given-name evidence: "Oversight Project" of "head of the Surveillance
            # Technology Oversight Project" is no name.
            if _name_shaped(field, tail) and tail[0].text in gz.given_names():
                taken.update(range(cut, ent.end))
                yield tail, "after-role-of-body"
                break
    # A gazetteer name ending a person's name: the ruler took "Bloomberg" of "Michael
    # Bloomberg" for the outlet; so is a town's name the model gave a surname ("President
    # Alejandro Toledo has cut short ...").
    for ent in field.ents:
        first = ent.start
        while (
            first > 0
            and doc[first - 1].is_title
            and not doc[first - 1].is_sent_start
            and doc[first - 1].ent_type_ in ("", "PERSON")
            and doc[first - 1].lower_.rstrip(".") not in HONORIFICS
            and doc[first - 1].lower_ not in _FUNCTION_WORDS  # "But Democrats"
            and not is_role_word(doc[first - 1].text)
        ):
            first -= 1
        if (
            (ent.ent_id_ or _town_surname(ent))
            and len(ent) == 1
            and first < ent.start
            and first not in taken
            and not field.headline
            # "Michael" Bloomberg, not "A" or "Embattled" Republican, nor "Virginia House".
            and doc[first].text in gz.given_names()
            and not any(t.text in _BODY_WORDS or _is_place(t.text) for t in doc[first : ent.start])
        ):
            taken.update(range(first, ent.end))
            yield doc[first : ent.end], "gazetteer-end"
    # A name after a party the model took alone, with the name left unlabelled: "Lib Dem
    # Norman Baker accused ministers". A given name must open it.
    for ent in field.ents:
        start = ent.end
        if ent.label_ not in ("ORG", "NORP") or start in taken or not _collective(ent.text):
            continue
        end = start
        while (
            end < len(doc)
            and end - start < _MAX_NAME_WORDS - 1
            and doc[end].is_title
            and doc[end].ent_type_ in ("", "PERSON")
            and not is_role_word(doc[end].text)
        ):
            end += 1
        if end - start >= 2 and doc[start].text in gz.given_names():
            taken.update(range(start, end))
            yield doc[start:end], "after-party"
    # A surname that is a month's name, which the model took for a date or for nothing:
    # "Theresa May".
    for match in _GIVEN_MONTH.finditer(field.text):
        found = doc.char_span(match.start(), match.end())
        if (
            found is not None
            and len(found) == 2
            and found.start not in taken
            and not found[0].ent_type_
            and found[1].ent_type_ in ("", "DATE")
            and found[0].text in gz.given_names()
        ):
            taken.update(range(found.start, found.end))
            yield found, "given-month"
    # A given name and a surname the model labelled nothing, between lower-case words
    # inside a sentence: "tailender Shane Bond an unsportsmanlike", "dismissing Shane Bond".
    for match in _BARE_NAME.finditer(field.text):
        found = doc.char_span(match.start(1), match.end(2))
        if found is None or len(found) != 2 or found.start in taken or found.end - 1 in taken:
            continue
        given, surname = found[0], found[1]
        if given.ent_type_ or surname.ent_type_ or given.is_sent_start or field.headline:
            continue
        if given.text not in gz.given_names() or surname.text in _BODY_WORDS | _ADDRESS:
            continue
        if is_role_word(surname.text) or _is_place(surname.text) or _is_place(found.text):
            continue
        taken.update(range(found.start, found.end))
        yield found, "bare-given-name"
    # Capitalized words after a role or an honorific: "spokesperson Fabien Levy", "Mr Howard".
    # A regular expression finds the candidates: visiting every token from Python costs.
    for match in _after_title().finditer(field.text):
        found = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if found is None or found.start == 0:
            continue
        token = found[0]
        # A title's own words are not the name: "Brigadier General Ron Kitrey" is Ron Kitrey.
        if token.i in taken or not token.is_title or token.lower_.rstrip(".") in HONORIFICS:
            continue
        if token.lower_ in PRO_TEMPORE:
            continue  # "Senate President Pro Tem David Long": the office's words
        before = token.i
        if not (
            role_ending_at(doc, before) is not None or doc[before - 1].lower_.rstrip(".") in _TITLES
        ):
            continue
        if _plural_title(token.lower_) or token.text in _BODY_WORDS:
            continue  # "the Governor Generals version", "the U.N. General Assembly"
        if token.ent_type_ in _MISLABELLED and role_ending_at(doc, before) is not None:
            # "envoy Terje Roed-Larsen", "City Comptroller Reshma Soni": a name the model
            # took for an organization, or ran into the role before it.
            span = _organization_as_name(field, token.i)
            if span is not None:
                taken.update(range(span.start, span.end))
                yield span, "after-role-org"
            continue
        if token.ent_type_ in _MISLABELLED and doc[before - 1].lower_.rstrip(".") in _PERSONAL:
            # "Mr Katwala" as a place: after "Mr", "Mrs", "Ms" or "Dr" a name is a person's.
            named = field.ent_at.get(token.i)
            if named is not None and named.start == token.i and _name_shaped_words(named):
                taken.update(range(named.start, named.end))
                yield named, "after-personal-honorific"
            continue
        if token.ent_type_ and token.ent_type_ != "PERSON":
            continue
        end = token.i
        while (
            end < len(doc)
            and end - token.i < _MAX_NAME_WORDS
            and (doc[end].is_title or doc[end].lower_ in _PARTICLES)
            and not is_role_word(doc[end].text)
            and doc[end].ent_type_ in ("", "PERSON")
        ):
            end += 1
        if end - token.i == 1 and _hyphenated_surname_at(doc, end):
            end += 3  # "Cardinal Cormac Murphy-O'Connor", the surname the model's organization
        if end < len(doc) and is_role_word(doc[end].text):
            continue  # "Chief Financial Officer": the words of an office, not a name
        end = _peerage(doc, token.i, end)
        if _street(doc, token.i, end):
            continue  # "King Drive": "King" is no title there
        if end - token.i == 1 and _inside_a_name(doc, before - 1):
            continue  # "her Criminal Justice Plan": "Justice" is no title there
        if end > token.i and doc[end - 1].is_title:
            taken.update(range(token.i, end))
            titled = doc[before - 1].lower_.rstrip(".") in _TITLES
            yield doc[token.i : end], "after-honorific" if titled else "after-role"


def _hyphenated_surname_at(doc: Doc, index: int) -> bool:
    """Whether capitalized words joined by a hyphen start at token ``index`` right after a
    given name ("Cormac | Murphy-O'Connor"), which the model may label an organization."""
    if index + 2 >= len(doc) or doc[index - 1].text not in gz.given_names():
        return False
    first, hyphen, second = doc[index], doc[index + 1], doc[index + 2]
    return (
        first.is_title
        and hyphen.text == "-"
        and not first.whitespace_
        and not hyphen.whitespace_
        and second.is_title
        and (index + 3 >= len(doc) or not doc[index + 3].is_title)
    )


_GIVEN_MONTH = re.compile(r"\b(?!May |June |August )[A-Z][a-z]+ (?:May|June|August)\b(?! \d)")
"""A capitalized word and a month that is also a surname ("Theresa May", "Brian May"), not a
date ("August 5")."""

# Titles that are also words of the names of things ("Criminal Justice Plan", "Social
# Justice Party", "Consul General Hotel").
_TITLES_IN_NAMES = frozenset({"justice", "general"})


def _inside_a_name(doc: Doc, title: int) -> bool:
    """Whether a title word that also names things stands inside a longer name: a
    capitalized word before it that is no title or office word and opens no sentence
    ("Criminal Justice", not "Chief Justice" or "Attorney General")."""
    if doc[title].lower_ not in _TITLES_IN_NAMES or title == 0:
        return False
    before = doc[title - 1]
    return (
        before.is_title
        and not before.is_sent_start
        and before.lower_.rstrip(".") not in HONORIFICS
        and not is_role_word(before.text)
    )


def _given_before(doc: Doc, span: Span) -> bool:
    """Whether the model left out the first word of a name that comes right after a role and
    the body it serves: "U.N. High Commissioner for Human Rights Zeid | Ra’ad Al Hussein",
    when no common given name opens what it kept, or when the word left out is a given name
    too: "ambassador to Pakistan | Abdul | Salam Zaeef"."""
    index = span.start - 1
    if index < 1 or len(span) < 2:
        return False
    word = doc[index]
    if span[0].text in gz.given_names() and word.text not in gz.given_names():
        return False  # "Secretary of Homeland Security John Kelly" starts at John
    return (
        word.is_title
        and word.is_alpha
        and not word.ent_type_
        and not word.is_sent_start
        and not is_role_word(word.text)
        and word.lower_ not in HONORIFICS
        and word.text not in _BODY_WORDS
        and _after_role_of_body(doc, index)
    )


def _a_thing(doc: Doc, span: Span) -> bool:
    """Whether "a" or "an" opens the phrase the name ends ("a federal Mega Grant", "an
    ADA Ramp"): a person's name takes none, unless as a modifier ("a Hillary Clinton
    supporter"), which a common given name opening it tells."""
    if span[0].text in gz.given_names():
        return False
    index = span.start - 1
    while index >= 0 and doc[index].is_lower and doc[index].is_alpha and index >= span.start - 2:
        if doc[index].lower_ in ("a", "an"):
            return doc[index + 1 : span.start].text.lower() not in _PERSON_NOUNS
        index -= 1
    return False


def _among_organizations(field: Field, span: Span) -> bool:
    """Whether a name opened by no common given name stands in a list of organizations
    ("Wells Fargo, Lockheed Martin, Oracle"; "the McKinley Park Council, Latinos
    Progresando, and ..."), beside no person's name."""
    if span[0].text in gz.given_names():
        return False
    doc = span.doc
    beside = []
    for joint, other in ((span.start - 1, span.start - 2), (span.end, span.end + 1)):
        if 0 <= joint < len(doc) and doc[joint].text in (",", "and", "or"):
            if other < len(doc) and doc[other].lower_ in ("and", "or", "the"):
                other += 1  # ", and the El Valor Board"
            mate = field.ent_at.get(other) if 0 <= other < len(doc) else None
            if mate is not None and not _modifies(mate):
                beside.append(mate.label_)
    return "ORG" in beside and "PERSON" not in beside


def _modifies(ent: Span) -> bool:
    """Whether an entity runs into lower-case words of its phrase ("Mick Mulvaney, White
    House budget chief"): a description's modifier, not an item of a list."""
    after = ent.end
    return after < len(ent.doc) and ent.doc[after].is_lower and ent.doc[after].is_alpha


def _peerage(doc: Doc, start: int, end: int) -> int:
    """The end of a peer's name that goes on with "of" and a place: "Lord Campbell of
    Alloway" (after "Lord", "Lady", "Baroness" or "Baron")."""
    if (
        start > 0
        and doc[start - 1].lower_ in _PEERS
        and end + 1 < len(doc)
        and doc[end].lower_ == "of"
        and doc[end + 1].is_title
        and not is_role_word(doc[end + 1].text)
    ):
        return end + 2
    return end


def _street(doc: Doc, start: int, end: int) -> bool:
    """Whether the words end in, or come before, a street's word ("King Drive")."""
    return any(
        0 <= i < len(doc) and doc[i].is_title and doc[i].text.rstrip(".") in _ADDRESS
        for i in range(start, end + 1)
    )


def _town_surname(ent: Span) -> bool:
    """Whether a one-word place the model labels may be the surname of the given name
    before it: a town's (not a country's or a state's) name, the name's last word (no
    capitalized word after it)."""
    doc = ent.doc
    if ent.label_ != "GPE" or (ent.end < len(doc) and doc[ent.end].is_title):
        return False
    text = ent.text
    return (
        not any(isinstance(p, gz.Country | gz.State) for p in gz.places(text))
        and fold(text) not in gz.state_by_form()
    )


def _hyphenated(span: Span) -> Span:
    """A name the model cut at a hyphen inside its last word ("Moon Jae" of Moon Jae-in);
    not a word made of the name ("the Ian Murray-skippered boat", "Obama-era")."""
    doc, end = span.doc, span.end
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and not _compound_word(doc[end + 1].text)
    ):
        return doc[span.start : end + 2]
    return span


# Words joined to a name by a hyphen to make an adjective ("Obama-era", "Trump-backed").
_COMPOUND_ENDS = ("ed", "ing", "era", "style", "like", "led", "run", "linked")


def _compound_word(word: str) -> bool:
    """Whether a lower-case word after a hyphen makes the name an adjective: a participle
    or a word such as "era" or "style"."""
    return (
        word.islower()
        and (len(word) > 4 or word in _COMPOUND_ENDS)
        and word.endswith(_COMPOUND_ENDS)
    )


def _plural_title(word: str) -> bool:
    """ "Generals", "Ministers": a rank or role word in the plural."""
    return word.endswith("s") and (word[:-1] in HONORIFICS or is_role_word(word[:-1]))


def _organization_as_name(field: Field, start: int) -> Span | None:
    """An entity the model labelled ORG right after a role, that reads as a person's name:
    two or three capitalized words (hyphens allowed), none an organization word, not a
    gazetteer name."""
    ent = field.ent_at[start]
    if ent.ent_id_:
        return None
    ent = ent.doc[start : ent.end]  # "City Comptroller | Reshma Soni": the words after the role
    words = [t for t in ent if t.text != "-"]
    if not 2 <= len(words) <= 3:
        return None
    if not all(_name_word(t, t.i in (ent.start, ent.end - 1)) for t in words):
        return None
    if any(t.text in _ORGANIZATION_WORDS for t in words) or gz.places(ent.text):
        return None
    if fold(ent.text) in gz.seats():
        return None  # "the deputy White House press secretary": a seat of government
    return ent


_MISLABELLED = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"})
# The titles of peers, whose names may end in "of" and a place ("Lord Campbell of Alloway").
_PEERS = frozenset({"lord", "lady", "baroness", "baron"})
# Honorifics only a person takes: the word after them is a name, whatever the model says.
_PERSONAL = frozenset({"mr", "mrs", "ms", "miss", "dr"})
# Nouns for a person that stand right before a name ("organizer Aislinn Pulley").
_PERSON_NOUNS = frozenset(
    """
    activist organizer organiser resident residents native student teacher founder
    co-founder coach artist author writer reporter photographer lawyer volunteer advocate
    neighbor neighbour owner entrepreneur veteran nurse doctor officer officers victim
    pastor chef poet musician singer rapper historian husband wife son daughter mother
    father brother sister cousin uncle aunt nephew niece grandmother grandfather grandson
    granddaughter boyfriend girlfriend fiance fiancee widow friend
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_AGE = re.compile(r"\d{1,3}")


_INITIAL = re.compile(r"[A-Z]\.?")


def _mislabelled_person(field: Field, ent: Span, lone: frozenset[str]) -> str:
    """Which rule, if any, reads a name-shaped entity the model labelled an organization or a
    place as a person's name ("" for none)."""
    if _person_shaped(field, ent):
        return "set-off"  # an age, a noun for a person, a speech verb
    if fold(ent[-1].text) in lone:
        return "surname-set-off"
    if _after_role_of_body(field.doc, ent.start):
        return "after-role-of-body"
    if _given_name_first(ent):
        if _among_people(field, ent):
            return "given-name-listed"
        if _bare(ent):
            return "given-name-bare"
    return ""


def _name_shaped_words(span: Span) -> bool:
    """One to three capitalized words of a name, none an organization's or a place's word."""
    words = [t for t in span if t.text not in ("-", "'", "’")]
    return (
        1 <= len(words) <= 3
        and all(_name_word(t, t.i in (span.start, span.end - 1)) for t in words)
        and not any(t.text in _BODY_WORDS | _ADDRESS for t in words)
    )


def _name_word(token: Any, edge: bool) -> bool:
    """A capitalized word of a name, or inside it an initial ("Marcus D. Jones")."""
    if not edge and _INITIAL.fullmatch(token.text):
        return True
    return bool(token.is_title and token.is_alpha and not is_role_word(token.text))


def _name_shaped(field: Field, ent: Span) -> bool:
    """Whether an entity the model labelled an organization or a place is shaped like a
    person's name: two or three capitalized words, none an organization's word, no place
    or gazetteer name."""
    words = [t for t in ent if t.text not in ("-", "'", "’")]
    if ent.ent_id_ or not 2 <= len(words) <= 3 or field.headline:
        return False
    if not all(_name_word(t, t.i in (ent.start, ent.end - 1)) for t in words):
        return False
    if any(t.text in _BODY_WORDS | _ADDRESS for t in words) or _collective(words[0].text):
        return False
    # A town's name opening it ("Swansea Unite"), unless a small one: "Nikki" is a town in
    # Benin, and many given names are some village's.
    return not (gz.places(ent.text) or _is_place(words[0].text, _TOWN_AS_GIVEN_NAME))


def _lone_surnames(field: Field) -> frozenset[str]:
    """Lone words, under any label, that the sentence sets off as a person: a speech verb
    or a description (`_speaks`), or an age ("Nielsen, 45, is ...")."""
    found = set()
    doc = field.doc
    for ent in field.ents:
        if len(ent) == 1 and ent.label_ in _SURNAME_LABELS and (_speaks(ent) or _aged(ent)):
            found.add(fold(ent.text))
        elif (
            len(ent) == 1
            and ent.start > 0
            and doc[ent.start - 1].lower_.rstrip(".") in _PERSONAL
            and ent[0].is_title
        ):
            found.add(fold(ent.text))  # "Mr Katwala added:"
    return frozenset(found)


def _title_field(field: Field) -> bool:
    """A headline or an article's title: short, its names read with the body's."""
    return field.headline or field.name == "title"


def _officeholder_acting(ent: Span) -> bool:
    """Whether a lone word the model took for an organization or a product, which no list
    of bodies knows, is the surname of someone the reference tables hold in office and acts
    as a person in its sentence: a possessor, or the subject of a verb right after it
    ("Trump’s decision", "While Trump said", "Trump declined", "Trump has"). A company
    acts so too; its name is seldom an officeholder's, and a name the text gives a company
    in full ("Phillips Petroleum") is the company's."""
    word, doc = ent[0], ent.doc
    if ent.label_ not in ("ORG", "NORP", "PRODUCT") or ent.ent_id_ or not word.is_title:
        return False
    if not word.is_alpha or len(word) < 3 or fold(word.text) not in officeholder_surnames():
        return False
    if gz.places(word.text, primary=True):
        return False  # "Ferguson's nightly protests": the town's, not Rep. Drew Ferguson's
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is None or any(len(e) > 1 and e[0].text == word.text for e in doc.ents):
        return False  # "Phillips Petroleum ... Phillips has announced": the company's
    if after.text in ("’s", "'s") or after.lower_ in _SPEECH_VERBS or after.lower_ in _AUXILIARIES:
        return True
    return (after.is_lower and after.is_alpha and after.lower_.endswith("ed")) or _speaks(ent)


_AUXILIARIES = frozenset(
    """
    has had have is was will would can could should may might must did does
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _aged(span: Span) -> bool:
    """Whether an age is set off right after the name: "Marquise Jones, 19,"."""
    doc, end = span.doc, span.end
    return (
        end + 1 < len(doc)
        and doc[end].text == ","
        and _AGE.fullmatch(doc[end + 1].text) is not None
        and (end + 2 == len(doc) or doc[end + 2].is_punct)
    )


_BODY_LINKS = frozenset({"to", "for", "of", "at", "the", "and", "&"})


def _after_role_of_body(doc: Doc, start: int) -> bool:
    """Whether a role and the body or place it serves come right before: "U.S. Ambassador
    to the United Nations | Nikki Haley", "Secretary of Homeland Security | ..."."""
    index = start - 1
    while index > 0 and start - index <= 6:
        token = doc[index]
        if token.lower_ in ("to", "for", "of", "at"):
            return index < start - 1 and role_ending_at(doc, index) is not None
        if not (token.is_title or token.is_upper or token.lower_ in _BODY_LINKS):
            return False
        index -= 1
    return False


def _given_name_first(ent: Span) -> bool:
    """Whether a common given name opens the name and none ends it: "Alejandro Mayorkas",
    not "Morgan Stanley" (a bank named after two people)."""
    names = gz.given_names()
    return ent[0].text in names and ent[-1].text not in names


def _bare(ent: Span) -> bool:
    """Whether a name the model labels an organization stands bare, as a person's does: no
    article or preposition of place before it ("the Hilton Hotel", "at Maria Lodge"), no
    given name that is also an English word opening it ("the rarely used Royal
    Prerogative") and no word of a place or a building in or after it ("Roosevelt
    Island")."""
    doc = ent.doc
    if ent.label_ != "ORG":
        return False  # the model's place ("Long Island Sound" as LOC)
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("the", "a", "an", *_AT):
        return False  # "his home at Maria Lodge"
    if ent[0].text in _WORDS_AS_GIVEN_NAMES:
        return False
    return not any(t.text in _PLACE_WORDS for t in ent) and not (
        ent.end < len(doc) and doc[ent.end].is_title and doc[ent.end].text in _BODY_WORDS
    )


# Given names of the Census list that are also English words opening names of things
# ("Royal Prerogative", "Liberty Bell", "Golden Globes", "Star Tribune").
_WORDS_AS_GIVEN_NAMES = frozenset(
    """
    Royal King Prince Princess Queen Major Liberty Star Golden Crystal Sterling Summer
    Winter Hope Faith Grace Christian Will May June April August Young Rich Page Chase Art
    Trinity Destiny Harmony Sunny Rose Ivy Pearl Ruby Amber Dawn Marine Forest Autumn Joy
    Noble Mercy Patience Precious Lady Earl Merry
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Words that end the names of places and features, never a person's ("Lucas Heights").
_PLACE_WORDS = frozenset(
    """
    Island Islands Heights Hotel Park Lake River Valley Beach Bay Hill Hills Creek Springs
    Falls Point Harbour Harbor Port Mountain Mountains Forest Village Sound Lodge Estate
    Farm Ranch Canyon Gulf Strait Coast
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Prepositions of place: a name right after them is more often a place's.
_AT = ("at", "in", "near", "from", "off", "outside")


def _among_people(field: Field, ent: Span) -> bool:
    """Whether the name stands in a list beside a person's ("Jane Holl Lute and Alejandro
    Mayorkas", "Alejandro Mayorkas, Jeh Johnson and ...") or speaks ("Alejandro Mayorkas
    said"). Read only for names opening with a common given name: companies are named
    after people too, and listed beside them."""
    doc = field.doc
    start, end = ent.start, ent.end
    if end < len(doc) and doc[end].lower_ in _SPEECH_VERBS:
        return True
    for joint, other in ((start - 1, start - 2), (end, end + 1)):
        if 0 <= joint < len(doc) and doc[joint].lower_ in (",", "and", "or"):
            mate = field.ent_at.get(other)
            if mate is not None and mate.label_ == "PERSON" and len(mate) > 1:
                return True
    return False


def _person_shaped(field: Field, ent: Span) -> bool:
    """Whether a name-shaped entity (`_name_shaped`) reads as a person's name where it
    stands: with an age after it, a noun for a person before it or a speech verb before it
    at a clause's end."""
    doc = field.doc
    start, end = ent.start, ent.end
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if _aged(ent):
        return True  # "Marquise Jones, 19,"
    if before is not None and before.lower_ in _PERSON_NOUNS:
        return True
    return (
        before is not None
        and before.lower_ in _SPEECH_VERBS
        and (after is None or after.is_punct or after.is_space)
    )


@cache
def _after_title() -> re.Pattern[str]:
    """A role's last word or an honorific, then a space and a capital: where a name may start."""
    words = sorted({*role_last_words(), *_TITLES}, key=len, reverse=True)
    return re.compile(rf"(?i:\b(?:{'|'.join(map(re.escape, words))})\b\.?) (?=[A-Z])")


def _trim(span: Span) -> Span | None:
    """The name inside a PERSON entity, without leading titles and scraps ("7.7%.", an
    e-mail address run into a byline) and a trailing possessive or lower-case words; None
    when what is left is a title ("Cook County Commissioner"), an address ("S. Blackstone
    Ave") or a body ("Hyde Park Chamber")."""
    start, end = span.start, span.end
    doc = span.doc
    for index in range(start, end):
        if _SCRAP.search(doc[index].text):
            start = index + 1
    while start < end and (
        doc[start].lower_ in _FUNCTION_WORDS | _CALLS_TO_ACTION
        or (doc[start].is_lower and doc[start].lower_ not in _PARTICLES)  # "rang Lucy"
        or doc[start].lower_ in _NATIONALS  # "Welshman Ray Reardon"
    ):
        start += 1  # "But Democrats", "Be Proactive", "Stay Connected": not a name's words
    while (
        start < end
        and (
            doc[start].lower_.rstrip(".") in HONORIFICS
            or is_role_word(doc[start].text)
            or doc[start].lower_ in PRO_TEMPORE  # "President Pro Tem David Long"
            or (start + 1 < end and _plural_title(doc[start].lower_))  # "Governors Kim Reynolds"
            or not doc[start].text[:1].isalpha()
            or (start + 1 < end and doc[start].lower_ in _PARTY_WORDS)  # "Tory David Burrowes"
        )
    ):
        start += 1
    if (
        end - start > 2
        and start > 0
        and doc[start - 1].lower_ in _BODY_NOUNS
        and doc[start].text not in gz.given_names()
        and doc[start + 1].text in gz.given_names()
    ):
        start += 1  # "the union Unison Dave Prentis": the body's name, then the person's
    if end - start > 2 and doc[end - 1].lower_ == "class" and doc[end - 2].text == "-":
        return None  # "an Arleigh Burke-class destroyer": a ship's class, named after one
    while end > start and (
        doc[end - 1].lower_ in ("'s", "’s", "'", "’")
        or doc[end - 1].is_lower
        or doc[end - 1].is_punct
        or (end - start > 2 and doc[end - 1].text.rstrip(".") in POST_NOMINALS)
        or (end - start > 1 and doc[end - 1].lower_ in _FUNCTION_WORDS)  # "Trump Jr. Had"
    ):
        end -= 1  # "Sir Keir Starmer QC": letters after a name are not part of it
    if start == end or not any(c.isupper() for c in doc[start:end].text):
        return None
    if any(t.is_lower and t.lower_ not in _PARTICLES for t in doc[start + 1 : end - 1]):
        return None  # "Park Supervisor of Recreation": a title, not a name
    words = [t.text.rstrip(".") for t in doc[start:end]]
    if is_role_head(words[-1]) or words[-1] in _ADDRESS or set(words) & _BODY_WORDS:
        return None
    for after in (end, end + 1):
        # "Martin Luther King" + "Drive", "S. Cottage" + "Grove Ave.": a street's name.
        if after >= len(doc) or not doc[after].text[:1].isupper():
            break
        if doc[after].text.split(".")[0] in _ADDRESS:  # "Ave.", or "Ave." run into a byline
            return None
    return doc[start:end]


_SCRAP = re.compile(r"[@%\d]|\.com")
# Nouns for a body, whose name the model runs into the name of the person after it ("the
# public services union Unison Dave Prentis").
_BODY_NOUNS = frozenset(
    """
    union party group company firm charity organisation organization agency campaign
    association newspaper magazine network coalition council bank club watchdog
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Nouns for a country's people that the model runs into the name after them.
_NATIONALS = frozenset(
    f"{people}{sex}"
    for people in ("english", "welsh", "scots", "irish", "french", "dutch", "country")
    for sex in ("man", "woman", "men", "women")
)
# Letters after a name: ranks, honours, degrees ("Keir Starmer QC", "Jane Smith OBE").
POST_NOMINALS = frozenset(
    """
    QC KC MP MPs MSP MS MLA MEP AM TD OBE MBE CBE KBE DBE CH OM PhD MD DDS Esq
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Words that open sentences and never names: the model runs them into the name after them.
_FUNCTION_WORDS = frozenset(
    """
    but and or so if as when while after before because then yet also even still be do does
    did is are was were has have had please thanks
    across around throughout inside outside within without among amid beyond despite during
    towards toward along beneath
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# A scraped page's calls to action and section names, which the model takes for a given
# name ("Stay Connected", "Call Marquita at 773-...", "Breaking Newsletters").
_CALLS_TO_ACTION = frozenset(
    """
    stay call sign subscribe follow click share download visit contact donate register
    email breaking connect submit tap
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Words that, after a name the model cut short, begin something else: the name ends there.
_NOT_NAME_WORDS = frozenset(
    {"Administration", "Campaign", "Government", "Cabinet", "Family", "Show", "Foundation"}
)


_SPEECH_VERBS = frozenset(
    """
    said says told added asked wrote stated explained noted recalled argued insisted
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_NOT_A_SURNAME = _ORGANIZATION_WORDS | {"Government", "God", "Lord", "Jesus"}


def _speaks(span: Span) -> bool:
    """Whether a lone word is a person by the sentence's shape: the speaker of a speech
    verb at a clause's edge ('..., said Lightfoot.', '..." Taylor said') or a name set off
    by a description (", a former teacher", ", who ...")."""
    doc, start, end = span.doc, span.start, span.end
    word = span[0]
    if not (word.is_title and word.is_alpha and len(word) > 2) or word.text in _NOT_A_SURNAME:
        return False
    if _relative(span):
        return True  # "his wife Maggie", "daughter Victoria" (a state's name too)
    if is_role_word(word.text) or _collective(word.text) or _well_known_place(word.text):
        return False
    if _aged(span):
        return True  # "their children Emily, 16,"
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    edge_before = before is None or before.is_punct or before.is_space
    edge_after = after is None or after.is_punct or after.is_space
    if before is not None and before.lower_ in _SPEECH_VERBS and edge_after:
        return True
    if after is not None and after.lower_ in _SPEECH_VERBS and edge_before:
        return True
    # ", a former teacher," / ", who": a description set off after the name.
    if after is not None and after.text == "," and end + 2 < len(doc) and edge_before:
        following = doc[end + 1 : end + 3]
        return following[0].lower_ == "who" or (
            following[0].lower_ in ("a", "an", "the") and following[1].is_lower
        )
    return False


_BARE_NAME = re.compile(r"\b[a-z]{2,} ([A-Z][a-z]+) ([A-Z][a-z]{2,})(?=,? [a-z]|[.,;:])")

_FAMILY = frozenset(
    """
    wife husband son daughter sons daughters children child mother father sister brother
    twin cousin uncle aunt nephew niece grandson granddaughter grandmother grandfather
    stepson stepdaughter partner fiance fiancee widow
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _relative(span: Span) -> bool:
    """Whether a lone common given name, no country's or big city's, follows a word for a
    relative, with or without a comma: "his wife Maggie", "his wife, Melania", "her son,
    Darius", "daughter Victoria" (the model's place). A relative named by
    a given name alone is a person of the story (LABELLING.md: a name as the article gives
    it)."""
    doc, start = span.doc, span.start
    if len(span) != 1 or span[0].text not in gz.given_names() or _country_or_metropolis(span.text):
        return False
    index = start - 1
    if index >= 0 and doc[index].text == ",":
        index -= 1
    return index >= 0 and doc[index].lower_ in _FAMILY


def _untitled(ent: Span, span: Span) -> bool:
    """Whether no title stood before a lone word in its entity: only sentence words, a
    bullet, or the first word of a body's name ("Women Employed")."""
    return not any(
        t.lower_.rstrip(".") in HONORIFICS or is_role_head(t.text.rstrip("."))
        for t in ent.doc[ent.start : span.start]
    )


def _joins_next(field: Field, span: Span) -> bool:
    """Whether the name goes on past the entity: capitalized words no entity holds, then
    another PERSON entity ("Brenda" + "Palms" + "Barber"), or one such word, then a
    possessive or a comma ("Enrique Pena" + "Nieto’s")."""
    doc, end = span.doc, span.end
    while end < len(doc) and end - span.start < _MAX_NAME_WORDS and _loose_name_word(doc[end]):
        end += 1
    if end >= len(doc) or field.headline:
        return False
    after = doc[end]
    if after.ent_type_ == "PERSON" and after.ent_iob_ == "B" and after.is_title:
        return True  # "Brenda Palms" + "Barber": two entities, one name
    if end == span.end:
        return False
    # One word, then the name's end: a possessive, a comma ("said Brenda Palms Barber, ").
    return end == span.end + 1 and (after.lower_ in ("'s", "’s") or after.text in (",", ";"))


def _loose_name_word(token: Any) -> bool:
    return (
        token.is_title
        and token.is_alpha
        and not token.ent_type_
        and not token.is_sent_start
        and token.text not in _BODY_WORDS | _NOT_NAME_WORDS
        and not is_role_word(token.text)
    )


def _joined(field: Field, span: Span) -> Span:
    doc, end = span.doc, span.end
    while _loose_name_word(doc[end]):
        end += 1
    if doc[end].ent_type_ == "PERSON":
        ent = field.ent_at[end]
        end = ent.end
        while end > ent.start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
            end -= 1
    return doc[span.start : end]


def _of_place(field: Field, span: Span) -> bool:
    """A name made of a place the article names: its people ("Hyde Parkers"), or a body
    whose name opens with a city and goes on in capitals ("Swansea Unite" of Swansea Unite
    Against Fascism)."""
    places = _places_named(field)
    name = fold(person_name(span.text))
    first = name.split(" ")[0]
    doc = span.doc
    return any(
        name[: -len(end)] in places for end in ("ers", "ites", "s") if name.endswith(end)
    ) or (
        " " in name
        and first in places
        and span.end < len(doc)
        and doc[span.end].is_title
        and bool(gz.places(first, primary=True))
    )


def _places_named(field: Field) -> frozenset[str]:
    return frozenset(fold(e.text) for e in field.ents if e.label_ in ("GPE", "LOC"))


# Streets named after people end in these ("Martin Luther King Jr. Drive", "King Drive").
_ADDRESS = frozenset(
    """
    Ave Avenue St Street Blvd Boulevard Rd Road Drive Dr Pkwy Parkway Expressway Expy
    Highway Hwy Place Pl Terrace Plaza Square Way
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Buildings, schools and awards named after people ("Stroger Hospital", "Walter Payton
# College Prep", "the Ida B. Wells Award") end in, or hold, one of these.
_BODY_WORDS = _ORGANIZATION_WORDS | frozenset(
    """
    Chamber Center Centre Station Hall Hospital Clinic Library Museum Academy Stadium Arena
    Theater Theatre Cathedral Chapel Mosque Temple Synagogue Airport Prize Award Awards
    Scholarship Fellowship Memorial Elementary Prep Gallery Institute Auditorium Tower House
    Hotel Trophy Cup Medal Brigade Brigades
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _well_known_place(text: str) -> bool:
    """A country, a state or a big city: many surnames are small towns' names too
    ("Taylor", "Jackson"), but "Moscow said" is a government speaking."""
    if fold(text) in gz.regions():
        return True
    return any(
        isinstance(p, gz.Country) or p.population >= _BIG_CITY
        for p in gz.places(text, primary=True)[:1]
    )


_BIG_CITY = 1_000_000


def _country_or_metropolis(text: str) -> bool:
    """A country or a city of a million people: after "his son" still more often a place
    ("his son, Washington") than "Georgia" or "Victoria", which name states too."""
    return any(
        isinstance(p, gz.Country) or p.population >= _BIG_CITY
        for p in gz.places(text, primary=True)[:1]
    )


_TOWN_AS_GIVEN_NAME = 100_000


def _is_place(text: str, population: int = 0) -> bool:
    """Whether the words name a place (a city of at least ``population``, or a country)."""
    return any(
        isinstance(p, gz.Country) or p.population >= population
        for p in gz.places(text, primary=True)
    )


def person_facts(ref: Ref, name: str) -> Iterator[Fact]:
    """The facts that describe a person node."""
    yield Fact(ref, RDF.type, Iri(SDO.Person))
    yield Fact(ref, SDO.name, name)


@extractor("people", emits={"schema:Person", "schema:mentions"})
def people(article: Article, context: Context) -> Iterator[Fact]:
    """People named in the text; a surname alone resolves to the full name met in the article."""
    mentions = person_mentions(context)
    yield from mention_facts(mentions, "people")
    names: dict[Ref, str] = {}
    for mention in first_mentions(mentions):
        names.setdefault(mention.ref, mention.name)
    for ref, name in sorted(names.items(), key=lambda item: item[0].key):
        yield from person_facts(ref, name)
