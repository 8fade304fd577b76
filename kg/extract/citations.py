"""News outlets cited in the text ("Politico noted", "according to The New York Times")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract import Context, extractor
from kg.extract import gazetteers as gz
from kg.extract.nlp import OUTLET, Mention, analyse, first_mentions
from kg.extract.outlets import outlet_domain, outlet_facts, outlet_ref
from kg.model import Article, Fact
from kg.namespaces import SDO
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Span

# The ruler's label, and those under which the model puts an outlet whose name is also an
# English word ("Time").
_NAME_LABELS = frozenset({OUTLET, "ORG", "WORK_OF_ART", "PERSON", "PRODUCT"})


def outlet_mentions(context: Context) -> list[Mention]:
    """Every outlet named in the article's fields (cached for other extractors)."""
    found = context.cache.get("citations")
    if found is None:
        found = context.cache["citations"] = list(_find(context))
    return found


def _find(context: Context) -> Iterator[Mention]:
    for field in analyse(context):
        for ent in field.ents:
            outlet = _cited(ent)
            ref = outlet_ref(outlet.domain, outlet.name) if outlet else None
            if outlet is not None and ref is not None:
                yield Mention(ref, outlet.name, field, ent)
                continue
            name = _unlisted(ent)
            ref = outlet_ref(None, name) if name else None
            if name and ref is not None:
                yield Mention(ref, name, field, ent)


# A broadcaster's call sign: "WBEZ", "WMUR", "KQED-FM".
_CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?")
# The last word of a newspaper's or magazine's name: "the Sunday Times", "New York Magazine".
_MASTHEAD = re.compile(
    r"(?:\w+ )+(?:Times|Post|Herald|Tribune|Telegraph|Journal|Gazette|Magazine|Chronicle|"
    r"Examiner|Courier|Inquirer|Dispatch|Bulletin|Standard|Express|Mirror|Observer|Sun-Times)"
)


def _unlisted(ent: Span) -> str | None:
    """The name of an outlet the gazetteer does not list, told by its form: a call sign, or
    a name ending as newspapers' and magazines' names do, kept as written ("The" included
    where the text writes it before the name)."""
    if ent.label_ not in ("ORG", "WORK_OF_ART", "PRODUCT"):
        return None
    text = re.sub(r"^[Tt]he |['’]s?$", "", ent.text)
    if _CALL_SIGN.fullmatch(text):
        return text
    if not _MASTHEAD.fullmatch(text) or not all(w[0].isupper() for w in text.split()):
        return None
    doc = ent.doc
    written = ent.text[:4] in ("the ", "The ") or (
        ent.start > 0 and doc[ent.start - 1].lower_ == "the"
    )
    return f"The {text}" if written else text


def _cited(ent: Span) -> gz.Outlet | None:
    """The outlet an entity names, if it names one."""
    if ent.label_ not in _NAME_LABELS:
        return None
    doc = ent.doc
    outlet = gz.outlet_by_form().get(_form(ent.text))
    if outlet is None:
        return None
    before = doc[ent.start - 1] if ent.start else None
    # "The Hill", where the model leaves "The" out of the name.
    written = ent.text if before is None or before.text != "The" else f"The {ent.text}"
    # "NBC 6", "CBS 2": a network's name and a channel number is a local station.
    if ent.end < len(doc) and doc[ent.end].like_num:
        return None
    # "Michael Bloomberg": an outlet's name at the end of a longer name is not the outlet.
    if before is not None and before.is_title and not before.is_sent_start and before.text != "The":
        return None
    # A form that is also English counts only where the model saw a name, written as in the
    # list ("The Hill", not "the Hill").
    if ent.label_ != OUTLET and re.sub(r"['’]s$", "", written) not in outlet.word_forms:
        return None
    return outlet


def _form(text: str) -> str:
    return fold(re.sub(r"^[Tt]he |['’]s$", "", text))


@extractor("citations", emits={"schema:citation", "schema:NewsMediaOrganization"})
def citations(article: Article, context: Context) -> Iterator[Fact]:
    """Outlets the text cites, as the same outlet nodes as publishers (keyed by domain)."""
    for mention in first_mentions(outlet_mentions(context)):
        yield Fact(mention.field.article, SDO.citation, mention.ref, mention.evidence("citations"))
        yield from outlet_facts(mention.ref, name=mention.name, domain=outlet_domain(mention.ref))
