"""Companies by the marks news gives them: a legal form ("Exxon Mobil Corp.", "Barclays
Plc"), a stock ticker ("General Electric Co (GE.N)"), a trade before the name ("Chipmaker
Qualcomm Inc"), a word nearby ("shares", "an executive at"), a list beside other companies;
and a company's shorter names ("Goldman Sachs Group Inc": "Goldman Sachs").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import gazetteers as gz
from kg.extract.bodies import DESCRIPTORS, one_name
from kg.extract.nlp import Field
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# "Advanced Care Services, Inc.": the comma before a company's suffix ends no list.
INCORPORATED = re.compile(r"^[^,]+, (?:Inc|Corp|Ltd|LLC|L\.L\.C|Co|PLC|Plc|plc)\.?$")

# A company's legal suffix, which news writes or leaves out ("Exxon Mobil Corp.").
# ("Barclays Plc", "Airbus SE": European forms wire copy keeps; not "AG" or "SA", which are
# also an attorney-general's and South Australia's abbreviations.)
SUFFIX = re.compile(r",? (?:& )?(?:Inc|Corp|Co|Ltd|LLC|L\.L\.C|PLC|Plc|plc|SE|NV|SpA)\.?$")

COMPANY = re.compile(
    r"\b(Inc|Corp|Corporation|Ltd|Limited|LLC|Company|Co|Group|plc|Plc|PLC|SE|NV|SpA)\b\.?"
)


def run_together(span: Span) -> list[Span]:
    """The names of a list the model took for one name, split at its commas and "and"s,
    where one of them is a company's with its legal form ("Zillow, Pinterest Inc", "Air
    Products and Shaanxi Future Energy Group Co"); a body's name with "and" or a comma
    ("Department for Culture, Media and Sport", "Advanced Care Services, Inc.") is one."""
    text = span.text
    if not ("," in text or " and " in text) or one_name(text) or INCORPORATED.search(text):
        return [span]
    doc, parts, start = span.doc, [], span.start
    for index in range(span.start, span.end + 1):
        # "and" ends a name only after a comma's list or a legal form ("Air Products and
        # Chemicals Inc" is one name).
        joins = index < span.end and doc[index].text in ("and", "&")
        ends = joins and (
            "," in text
            or SUFFIX.search(doc[start:index].text) is not None
            or _complete(doc[index + 1 : span.end].text)
        )
        if index == span.end or doc[index].text == "," or ends:
            if start < index:
                parts.append(doc[start:index])
            start = index + 1
    if len(parts) < 2 or not any(has_legal_form(p.text) for p in parts):
        return [span]
    return parts


def _complete(text: str) -> bool:
    """Whether words after "and" are a company's whole name: two words or more before a
    legal form ("... and Shaanxi Future Energy Group Co"; not "Air Products and Chemicals
    Inc", "Procter & Gamble Co")."""
    bare = _GROUP.sub("", SUFFIX.sub("", text))
    return bare != text and len(bare.split()) >= 2


# A stock ticker as wire services write it after a company's name: "(GE.N)", "(6502.T)",
# "(VOWG_p.DE)", "(BRKa.N)".
TICKER = re.compile(r"[A-Z0-9][A-Za-z0-9_]{0,7}\.[A-Z]{1,3}")


def ticker_after(span: Span) -> str | None:
    """The stock ticker written after a name, in brackets or not ("General Electric Co
    (GE.N)", "Broadcom Ltd AVGO.O"), after a possessive too ("Alphabet Inc's (GOOGL.O)")."""
    doc = span.doc
    index = span.end
    if index < len(doc) and doc[index].text in ("'s", "’s"):
        index += 1
    if index < len(doc) and TICKER.fullmatch(doc[index].text):
        return doc[index].text
    bracketed = index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text == ")"
    if bracketed and TICKER.fullmatch(doc[index + 1].text):
        return doc[index + 1].text
    return None


# What follows a company's own name: "Group", "Holdings", then the legal form.
_GROUP = re.compile(r" (?:Group|Holdings?)$")


def without_suffixes(name: str) -> tuple[str, ...]:
    """A company's shorter names: without its legal form, then without "Group" or
    "Holdings" ("Goldman Sachs Group Inc": "Goldman Sachs Group", "Goldman Sachs").

    >>> without_suffixes("JPMorgan Chase & Co")
    ('JPMorgan Chase',)
    """
    forms = []
    for pattern in (SUFFIX, _GROUP):
        shorter = pattern.sub("", name)
        if shorter != name and " " in name:
            forms.append(name := shorter)
    return tuple(forms)


LEGAL_FORMS = frozenset({"Inc", "Corp", "Ltd", "LLC", "PLC", "Plc", "plc"})


def is_descriptor(token: Token) -> bool:
    """Whether a sentence's first word is a common noun that describes the company after
    it ("Chipmaker Qualcomm Inc", "Retailer Target Corp")."""
    word = token.lower_
    return bool(token.is_sent_start) and (
        word in DESCRIPTORS or word.endswith("maker") or word in _TRADES
    )


# Nouns of trades that wire copy puts before a company's name at a sentence's start.
_TRADES = frozenset(
    """
    retailer lender miner carrier conglomerate automaker insurer chipmaker drugmaker
    planemaker carmaker automaker brewer refiner developer operator supplier manufacturer
    producer
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def has_legal_form(text: str) -> bool:
    """Whether a name ends in a company's legal form ("General Dynamics Corp"), which no
    office or person's name does."""
    return SUFFIX.search(text) is not None


# Words near a name that say it is a company's ("Raytheon, whose shares rose", "a top
# executive at Raytheon", "rivals such as Lyft").
_COMPANY_CUES = frozenset(
    """
    shares stock stocks shareholders executive executives ceo company companies firm firms
    maker makers manufacturer manufacturers contractor contractors subsidiary startup
    startups rival rivals competitor competitors investors board
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def company_cue(field: Field, span: Span) -> bool:
    """Whether a word of the same sentence within four words of a name says it is a
    company's."""
    doc = field.doc
    sentence = field.sentence_span(field.sentence_index(span.start_char))
    start, end = max(sentence.start, span.start - 4), min(sentence.end, span.end + 4)
    return any(doc[i].lower_ in _COMPANY_CUES for i in range(start, end))


def among_companies(field: Field, span: Span) -> bool:
    """Whether a name stands in a list beside a company's name (a listed company, or one
    with its legal form: "Airbnb, Microsoft Corp, Salesforce.com Inc, Lyft")."""
    doc = field.doc
    neighbours = []
    if span.start > 2 and doc[span.start - 1].text in (",", "and"):
        neighbours.append(field.ent_at.get(span.start - 2))
        neighbours.append(field.ent_at.get(span.start - 3))  # "Microsoft Corp, Salesforce"
    if span.end + 1 < len(doc) and doc[span.end].text in (",", "and"):
        neighbours.append(field.ent_at.get(span.end + 1))
    for ent in neighbours:
        if ent is None or ent.label_ != "ORG":
            continue
        known = gz.organization_by_form().get(fold(ent.ent_id_)) if ent.ent_id_ else None
        if (known is not None and known.kind == "company") or has_legal_form(ent.text):
            return True
    return False
