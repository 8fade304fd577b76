"""What the officials extractor states about a text, as rows the tests can compare."""

from __future__ import annotations

from datetime import datetime

from kg.extract import extract
from kg.model import Article, Fact, Ref
from kg.namespaces import KG, SDO


def facts(body: str, published: datetime | None = None) -> list[Fact]:
    """Every fact the extractors find in an article of this body."""
    return list(extract(Article(source="t.txt", body=body, published=published)).facts)


def offices(body: str, published: datetime | None = None) -> set[tuple[str, str, str]]:
    """(holder, role, jurisdiction's name or "") of every current position."""
    found = facts(body, published)
    names = {f.subject.key: str(f.object) for f in found if str(f.predicate) == str(SDO.name)}
    wanted = (KG.holder, SDO.roleName, KG.jurisdiction)
    by: dict[str, dict[str, object]] = {str(p): {} for p in wanted}
    for fact in found:
        if str(fact.predicate) in by:
            by[str(fact.predicate)][fact.subject.key] = fact.object
    rows = set()
    for position, holder in by[str(KG.holder)].items():
        assert isinstance(holder, Ref)
        where = by[str(KG.jurisdiction)].get(position)
        place = names.get(where.key, where.key) if isinstance(where, Ref) else ""
        rows.add((names[holder.key], str(by[str(SDO.roleName)][position]), place))
    return rows
