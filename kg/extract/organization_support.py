"""Evidence in the text that a name the model labels ORG is an organization's, where the
name itself does not say so (no head noun, organization word or legal form: "Metra",
"Veritas", "Proud Boys", "Women Employed").

Each rule says what the text does with the name, as news writes of bodies and not of
people or places: a noun of a body beside it ("civil rights group Liberty", "the Proud Boys
organization", "Fusion GPS, the firm behind ..."), a post held in it ("a BAA spokesman",
"a spokesperson for the Podesta Group", "joined Veritas"), what it has ("Metra's board",
"Chicago Scholars' web site"), a list of bodies it stands in ("World Business Chicago,
Women Employed, and Civic Consulting Alliance"). Each returns the name of its evidence,
whose precision `benchmarks.organization_evidence` measures over the development sets;
`TRUSTED` holds those kept (>= 0.85). The subject of a verb in the parse of the sentence
("Veritas wanted ...") was measured too and dropped: right for 9 names of 22 (people,
products, headline words), and parsing each sentence cost a quarter of the extraction time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract.bodies import DESCRIPTORS, ends_in_head, one_name
from kg.extract.citations import MASTHEAD_WORDS
from kg.extract.companies import has_legal_form
from kg.extract.nlp import Field, analyse
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Span

NOUN_BEFORE = "text: a body's noun before it"
NOUN_AFTER = "text: a body's noun after it"
DESCRIBED = "text: described beside it"
POST_AFTER = "text: a post in it after the name"
POST_BEFORE = "text: a post held in it"
POSSESSOR = "text: what it has"
LISTED = "text: in a list of bodies"

# Nouns of bodies and trades: "civil rights group Liberty", "developer Hilco", "industry
# body ELSPA", "UK airport operator BAA", "the Proud Boys organization".
BODY_NOUNS = DESCRIPTORS | frozenset(
    """
    groups parties companies firms charities unions organisations organizations networks
    agencies associations foundations coalitions clubs nonprofits non-profits banks insurers
    airlines operator operators developer developers retailer retailers carrier carriers
    lender lenders maker makers manufacturer manufacturers contractor contractors supplier
    suppliers chain chains giant conglomerate watchdog regulator broker brokerage
    consultancy outfit startup movement campaign lobby body
    """.split()  # noqa: SIM905 - a word list reads best as words
)

# Nouns of bodies after a name that they qualify: "the Proud Boys organization", "his own
# Tanzim movement"; not trades ("• Impose retailer penalties") nor plurals, before which a
# name is an adjective ("Commonwealth agencies").
KINDS_AFTER = frozenset(
    """
    organization organisation group party movement union charity coalition network
    foundation association nonprofit non-profit
    """.split()  # noqa: SIM905 - a word list reads best as words
)

# Posts and members of a body after its name: "a BAA spokesman", "the Veritas leader",
# "Greenpeace activists".
POSTS_AFTER = frozenset(
    """
    spokesman spokeswoman spokesperson spokespeople chairman chairwoman leader leaders
    leadership member members volunteers staff staffers employees executives
    executive official officials boss bosses chief founder activists campaigners protesters
    demonstrators supporters management directors shareholders administrators
    """.split()  # noqa: SIM905 - a word list reads best as words
)

# Posts held in a body before "of", "for" or "at" and its name: "a spokesperson for the
# Podesta Group", "members of Women Employed", "director of civil rights group Liberty".
POSTS_BEFORE = frozenset(
    """
    spokesman spokeswoman spokesperson chairman chairwoman leader member members volunteer
    volunteers employee employees staff director directors founder co-founder head chief
    executive executives president treasurer trustee trustees official officials
    """.split()  # noqa: SIM905 - a word list reads best as words
)

# What a body has and a person does not: "Metra's board", "Chicago Scholars' web site".
HOLDINGS = frozenset(
    """
    board members membership website site shares shareholders stock headquarters employees
    workforce staff spokesman spokeswoman spokesperson chairman chairwoman executives
    volunteers branches stores subsidiary founder leadership
    """.split()  # noqa: SIM905 - a word list reads best as words
)

_NAMING = frozenset({"as", "called", "named", "dubbed"})
_ARTICLES = frozenset({"the", "a", "an"})
_DASHES = frozenset({",", "—", "–", "-", "--"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Words that end an appositive's noun phrase: "the firm behind the dossier".
_PHRASE_ENDS = frozenset(
    """
    of for in at behind with that which who whose based linked from on to by and or whose
    founded led run set created
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def local_support(field: Field, span: Span) -> str | None:
    """The evidence the words around one mention give, or None: a body's noun before or
    after it, a description set off beside it, a post held in it, or what it has. A
    paper's last word alone ("joined the Herald") is an outlet's, not a body's."""
    doc = field.doc
    if len(span) - (span[0].lower_ == "the") == 1 and span[-1].text in MASTHEAD_WORDS:
        return None
    start = span.start - (span.start > 0 and doc[span.start - 1].lower_ == "the")
    if span[0].lower_ == "the":
        start = span.start
    before = doc[start - 1] if start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.is_lower and before.lower_ in BODY_NOUNS:
        return NOUN_BEFORE
    if after is not None and after.lower_ in KINDS_AFTER:
        return NOUN_AFTER
    if _described(span):
        return DESCRIBED
    if after is not None and after.is_lower and after.lower_ in POSTS_AFTER:
        return POST_AFTER
    if after is not None and after.text in _POSSESSIVE:
        following = [t for t in doc[span.end + 1 : span.end + 3] if t.is_lower]
        if following and (
            following[0].lower_ in HOLDINGS or (following[0].lower_ == "web" and len(following) > 1)
        ):
            return POSSESSOR
    if before is not None and _post_before(field, start):
        return POST_BEFORE
    return None


def _post_before(field: Field, start: int) -> bool:
    """ "a spokesperson for the Podesta Group", "members of Women Employed", "joined
    Veritas": a post held in the body, or joining it, right before its name."""
    doc = field.doc
    word = doc[start - 1]
    if word.lower_ in ("joined", "joining", "joins"):
        return True
    if word.lower_ not in ("of", "for", "at") or start < 2:
        return False
    post = doc[start - 2]
    return post.is_lower and post.lower_ in POSTS_BEFORE


def _described(span: Span) -> bool:
    """ "Fusion GPS, the firm behind the dossier", "the Proud Boys — an extremist group",
    "Democracy for America, just one of several such groups": a noun phrase opened by an
    article or "one of" and set off by a comma or a dash, whose noun is a body's."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text not in _DASHES:
        return False
    start = span.end + 1 + (doc[span.end + 1].lower_ in ("just", "only"))
    if start + 2 < len(doc) and doc[start].lower_ == "one" and doc[start + 1].lower_ == "of":
        # "Democracy for America, just one of several such groups bashing ...": one of a
        # plural body noun.
        for token in doc[start + 2 : min(len(doc), start + 6)]:
            if token.is_punct or not token.is_lower:
                break
            if token.lower_ in BODY_NOUNS and token.lower_.endswith("s"):
                return True
        return False
    if doc[start].lower_ in _ARTICLES:
        start += 1
    else:
        return False
    last = None
    for token in doc[start : min(len(doc), start + 7)]:
        if token.is_punct or token.lower_ in _PHRASE_ENDS or not token.is_lower:
            break
        last = token
    return last is not None and last.lower_ in BODY_NOUNS


def _strong(ent: Span) -> bool:
    """Whether an entity names a body by itself: the gazetteer's, or a head noun or a legal
    form ends it."""
    return (bool(ent.ent_id_) and ent.label_ == "ORG") or (
        ent.label_ == "ORG" and (ends_in_head(ent) or has_legal_form(ent.text))
    )


def listed(field: Field, span: Span) -> bool:
    """Whether a name stands in a list ("A, B and C") of names, one of which is a body's by
    itself ("World Business Chicago, Women Employed, and Civic Consulting Alliance";
    "McKinley Park Development Council, Latinos Progresando, and ..."). "A and B Union" is
    one name, not a list ("the Public and Commercial Services Union")."""
    doc = field.doc
    opening = span.start - (
        span[0].lower_ != "the" and doc[span.start - 1 : span.start].text == "the"
    )
    if opening > 0 and doc[opening - 1].lower_ in _NAMING:
        return False  # "known as Ground-Based Interceptors": a name of anything
    ends = {e.end: e for e in field.ents}
    index, seen = span.start, 0
    while seen < 8:  # leftwards
        gap = index
        while gap > 0 and doc[gap - 1].text in (",", "and", "the"):
            gap -= 1
        ent = ends.get(gap)
        if gap == index or ent is None or not any(t.text in (",", "and") for t in doc[gap:index]):
            break
        if _strong(ent):
            return True
        index, seen = ent.start, seen + 1
    index, seen = span.end, 0
    while seen < 8:  # rightwards
        gap = index
        while gap < len(doc) and doc[gap].text in (",", "and", "the"):
            gap += 1
        ent = field.ent_at.get(gap)
        if gap == index or ent is None or not any(t.text in (",", "and") for t in doc[index:gap]):
            break
        if seen == 0 and doc[index].text == "and" and one_name(doc[span.start : ent.end].text):
            return False  # "the Public and Commercial Services Union"
        if _strong(ent):
            return True
        index, seen = ent.end, seen + 1
    return False


def support(field: Field, span: Span, context: Context) -> str | None:
    """The strongest evidence the text gives for one mention of a name, or None."""
    found = local_support(field, span)
    if found is not None:
        return found
    if listed(field, span):
        return LISTED
    return None


def name_support(field: Field, span: Span, context: Context) -> str | None:
    """The evidence for a name in the article: this mention's, else that of another
    mention of the same name the model labels ORG (a name recurs: "BAA support ..." and
    "a BAA spokesman")."""
    found = support(field, span, context)
    if found is not None:
        return found
    key = fold(_bare(span))
    cache: dict[str, str | None] = context.cache.setdefault("organization support", {})
    if key in cache:
        return cache[key]
    cache[key] = None
    for other_field in analyse(context):
        if other_field.headline:
            continue
        for ent in other_field.ents:
            if ent.label_ != "ORG" or fold(_bare(ent)) != key:
                continue
            if other_field is field and ent.start <= span.start < ent.end:
                continue
            bare = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
            found = local_support(other_field, bare)
            if found is not None:
                cache[key] = found
                return found
    return None


def _bare(span: Span) -> str:
    words = [t.text for t in span if t.lower_ != "the"]
    return " ".join(words)


TRUSTED = frozenset(
    {NOUN_BEFORE, NOUN_AFTER, DESCRIBED, POST_AFTER, POST_BEFORE, POSSESSOR, LISTED}
)
"""The rules whose measured precision over the development sets is >= 0.85: a mention
they support makes an organization node."""


def not_a_place_name(field: Field, span: Span) -> bool:
    """Whether the text says a name that is also a place's names a body: a body's noun
    right beside it or a description set off after it ("civil rights group Liberty")."""
    return local_support(field, span) in (NOUN_BEFORE, NOUN_AFTER, DESCRIBED)
