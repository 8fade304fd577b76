"""One organization whatever form the article names it by: an acronym in brackets after a
name ("the Commonwealth Ministerial Action Group (CMAG)"), an acronym the article spells
out elsewhere ("the Congressional Budget Office" ... "the CBO"; a law's acronym is no
body), and a short form of a longer name in the same article ("the Park District").
"""

from __future__ import annotations

import dataclasses
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.extract import gazetteers as gz
from kg.extract.acronyms import THING_HEADS, definitions, expansions, is_acronym
from kg.extract.bodies import HEADS, ends_in_head
from kg.extract.companies import has_legal_form
from kg.extract.nlp import Field, Mention
from kg.extract.organization_checks import THINGS
from kg.extract.organization_names import (
    EDGES,
    OrganizationName,
    abbreviates,
    known_organization,
    organization_named,
)
from kg.model import Ref
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Span


# The kind of body that may end its name and be left out ("the Middle Way group").
_KINDS = frozenset({"Group", "Organization", "Organisation", "Movement", "Party", "Campaign"})


def short_forms(found: list[Mention], names: dict[Ref, OrganizationName]) -> list[Mention]:
    """ "the Park District" after "the Chicago Park District": a name of two words or more
    that ends a longer name in the same article, and that no list knows, is that body; so is
    a lone word that opens one ("Yankuang" and "Yankuang Group"), and a name that opens one
    before its legal form or its kind ("Middle Way" and "the Middle Way Group")."""
    longer = {m.name: m.ref for m in found}
    # As the text writes them too: "the Senate Judiciary committee" is a listed body's,
    # whose name the list words otherwise ("Senate Committee on the Judiciary").
    written = {fold(m.span.text): m.ref for m in found}
    table = gz.organization_by_form()
    renamed: dict[str, Ref] = {}
    for name in longer:
        if fold(name) in table:
            continue
        if " " not in name:
            # "Yankuang" after "Yankuang Group": a lone word that opens one longer name.
            whole = {longer[n] for n in longer if n.startswith(f"{name} ")}
        else:
            whole = {longer[n] for n in longer if n.endswith(f" {name}")}
            whole |= {ref for w, ref in written.items() if w.endswith(f" {fold(name)}")}
            whole.discard(longer[name])
            # "Air Products" and "Air Products and Chemicals Inc": a company's opening words;
            # "Middle Way" and "the Middle Way Group": a body's name without its kind.
            whole |= {
                longer[n]
                for n in longer
                if n.startswith(f"{name} ") and (has_legal_form(n) or n[len(name) + 1 :] in _KINDS)
            }
        if len(whole) == 1:
            renamed[name] = whole.pop()
    if not renamed:
        return found
    return [
        dataclasses.replace(m, ref=renamed[m.name], name=names[renamed[m.name]].name)
        if m.name in renamed
        else m
        for m in found
    ]


def with_acronyms(found: list[Mention], named: dict[Ref, OrganizationName]) -> list[Mention]:
    """ "the Commonwealth Ministerial Action Group (CMAG)": the acronym in brackets after a
    name is that organization's, here and wherever else the article uses it."""
    acronyms: dict[str, OrganizationName] = {}
    for mention in found:
        doc, span = mention.field.doc, mention.span
        if not (span.start > 0 and span.end < len(doc) and doc[span.start - 1].text == "("):
            continue
        if doc[span.end].text != ")" or not span.text.isupper():
            continue
        before = next(
            (m for m in found if m.field is mention.field and m.span.end == span.start - 1), None
        )
        if before is None or before.ref == mention.ref:
            continue
        long = named[before.ref]
        if abbreviates(span.text, long.name):
            acronyms[fold(span.text)] = long
            if span.text not in long.aliases:
                named[long.ref] = dataclasses.replace(long, aliases=(*long.aliases, span.text))
    if not acronyms:
        return found
    return [
        dataclasses.replace(m, ref=acronyms[fold(m.name)].ref, name=acronyms[fold(m.name)].name)
        if fold(m.name) in acronyms
        else m
        for m in found
    ]


def spelled_out(
    fields: tuple[Field, ...], found: list[Mention], named: dict[Ref, OrganizationName]
) -> list[Mention]:
    """Acronyms read by the full names the article gives them ("the Committee on Foreign
    Investment in the United States (CFIUS)", "the National Defense Authorization Act, or
    NDAA", or the full name written elsewhere: "the Congressional Budget Office" ... "the
    CBO"): an acronym of a body is that body (its full name completed where the model cut
    it), and an acronym of a law, a programme or a status ("NDAA", "DACA", "TPS") is no
    organization, nor is its full name."""
    table = gz.organization_by_form()
    verdicts: dict[str, OrganizationName | Span] = {}
    completed: dict[Ref, OrganizationName] = {}
    for field in fields:
        for acronym, start, end in definitions(field.text):
            span = field.doc.char_span(start, end, alignment_mode="expand")
            verdict = _spelled(span, found, named, completed) if span is not None else None
            if verdict is not None:
                verdicts.setdefault(acronym, verdict)
    for mention in found:
        acronym = mention.span.text
        if not is_acronym(acronym) or acronym in verdicts or fold(acronym) in table:
            continue
        for field in fields:
            for start, end in expansions(field.text, acronym):
                span = field.doc.char_span(start, end)
                verdict = _spelled(span, found, named, completed) if span is not None else None
                if verdict is not None:
                    verdicts[acronym] = verdict
                    break
            if acronym in verdicts:
                break
    if not verdicts:
        return found
    things = [v for v in verdicts.values() if not isinstance(v, OrganizationName)]
    kept = []
    for mention in found:
        verdict = verdicts.get(mention.span.text)
        if fold(mention.name) not in table and (
            any(overlaps(mention, thing) for thing in things)
            or (verdict is not None and not isinstance(verdict, OrganizationName))
        ):
            continue  # a law's, a programme's or a status's name or acronym
        if mention.ref in completed:
            body = named[completed[mention.ref].ref] = completed[mention.ref]
            mention = dataclasses.replace(mention, ref=body.ref, name=body.name)
        if isinstance(verdict, OrganizationName):
            body = named.get(verdict.ref, verdict)
            if fold(mention.span.text) not in {fold(f) for f in (body.name, *body.aliases)}:
                body = dataclasses.replace(body, aliases=(*body.aliases, mention.span.text))
            named[body.ref] = body
            mention = dataclasses.replace(mention, ref=body.ref, name=body.name)
        kept.append(mention)
    for acronym, verdict in verdicts.items():
        defined = named.get(verdict.ref) if isinstance(verdict, OrganizationName) else None
        if defined and acronym not in defined.aliases and abbreviates(acronym, defined.name):
            named[defined.ref] = dataclasses.replace(defined, aliases=(*defined.aliases, acronym))
    return kept


def overlaps(mention: Mention, span: Span) -> bool:
    return (
        mention.field.doc is span.doc
        and mention.span.start < span.end
        and span.start < mention.span.end
    )


def _spelled(
    span: Span,
    found: list[Mention],
    named: dict[Ref, OrganizationName],
    completed: dict[Ref, OrganizationName],
) -> OrganizationName | Span | None:
    """What an acronym's full name names: a body (an organization mention it overlaps, a
    known name, or a name of a body's form), a thing (a law's, a programme's or a status's
    name: the span itself), or nothing the rules can tell (None). A mention the full name
    holds and goes beyond, which no list knows, is completed (``completed``: its key ->
    the full name's)."""
    doc = span.doc
    after = span.end
    if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
        after += 3  # "the Deferred Action for Childhood Arrivals (DACA)" + "program"
    if span[-1].text in THING_HEADS or (
        after < len(doc) and doc[after].is_lower and doc[after].lower_ in THINGS
    ):
        return span
    text = EDGES.sub("", span.text)
    inside = [m for m in found if overlaps(m, span)]
    if inside:
        inner = inside[0]
        table = gz.organization_by_form()
        if len(inside) == 1 and len(inner.span) < len(span) and fold(inner.name) not in table:
            whole = organization_named(text)
            first = inner.span.start + (inner.span[0].lower_ == "the")
            if whole is not None and span.start <= first:
                completed[inner.ref] = whole  # "Committee on Foreign Investment" + "in the US"
                return whole
        return named.get(inner.ref)
    known = known_organization(text)
    if known is not None:
        return known
    if ends_in_head(span) or any(
        a.text in HEADS and b.lower_ in ("of", "for", "on") for a, b in pairwise(span)
    ):
        return organization_named(text)
    return None
