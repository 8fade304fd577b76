"""News outlets cited in the text ("Politico noted", "according to The New York Times")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract import Context, extractor
from kg.extract import gazetteers as gz
from kg.extract.nlp import OUTLET, Mention, analyse, first_mentions
from kg.extract.outlets import outlet_facts, outlet_ref
from kg.model import Article, Fact
from kg.namespaces import SDO
from kg.text import fold

# Labels under which the model puts an outlet whose name is also an English word ("Time").
_NAME_LABELS = frozenset({OUTLET, "ORG", "WORK_OF_ART", "PERSON", "PRODUCT"})


def outlet_mentions(context: Context) -> list[Mention]:
    """Every outlet named in the article's fields (cached for other extractors)."""
    found = context.cache.get("citations")
    if found is None:
        found = context.cache["citations"] = list(_find(context))
    return found


def _find(context: Context) -> Iterator[Mention]:
    by_form = gz.outlet_by_form()
    for field in analyse(context):
        for ent in field.doc.ents:
            # Forms that are also English words reach here only as names the model saw.
            outlet = by_form.get(_form(ent.text)) if ent.label_ in _NAME_LABELS else None
            doc = field.doc
            # "NBC 6", "CBS 2": a network's name and a channel number is a local station.
            if ent.end < len(doc) and doc[ent.end].like_num:
                outlet = None
            # "Michael Bloomberg": an outlet's name at the end of a longer name is not it.
            if (
                ent.start > 0
                and doc[ent.start - 1].is_title
                and not doc[ent.start - 1].is_sent_start
            ):
                outlet = None
            # Forms that are also English are trusted only as written ("The Hill", not "the Hill").
            if (
                outlet is not None
                and ent.label_ != OUTLET
                and not any(
                    ent.text.removesuffix("'s").removesuffix("’s") == form
                    for form in outlet.word_forms
                )
            ):
                outlet = None
            if outlet is not None:
                ref = outlet_ref(outlet.domain, outlet.name)
                if ref is not None:
                    yield Mention(ref, outlet.name, field, ent)


def _form(text: str) -> str:
    return fold(re.sub(r"^[Tt]he |['’]s$", "", text))


@extractor("citations", emits={"schema:citation", "schema:NewsMediaOrganization"})
def citations(article: Article, context: Context) -> Iterator[Fact]:
    """Outlets the text cites, as the same outlet nodes as publishers (keyed by domain)."""
    for mention in first_mentions(outlet_mentions(context)):
        yield Fact(mention.field.article, SDO.citation, mention.ref, mention.evidence("citations"))
        domain = mention.ref.key.partition("/")[2]
        yield from outlet_facts(mention.ref, name=mention.name, domain=domain)
