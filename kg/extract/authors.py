"""The article's bylines: ``schema:author`` people, or the outlet when a wire service signs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract import Context, article_ref, extractor
from kg.extract import gazetteers as gz
from kg.extract.names import person_key, person_name
from kg.extract.outlets import outlet_facts, outlet_ref
from kg.extract.people import person_facts
from kg.model import Article, Fact
from kg.namespaces import SDO
from kg.text import fold

_MAX_WORDS = 5
# A word of a name: capitalized ("O'Neil", "Jean-Luc"), an initial ("J."), or a particle.
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3})$")


def is_person_name(text: str) -> bool:
    """Whether a byline reads as one person's name (two to five words, capitalized).

    >>> is_person_name("Jane Doe"), is_person_name("Bill de Blasio"), is_person_name("Staff")
    (True, True, False)
    >>> is_person_name("CNN Wire 2"), is_person_name("the editors")
    (False, False)
    """
    words = text.split()
    if not 2 <= len(words) <= _MAX_WORDS or any(c.isdigit() for c in text):
        return False
    return all(_NAME_WORD.match(word) for word in words) and words[0][:1].isupper()


@extractor("authors", emits={"schema:author", "schema:Person", "schema:NewsMediaOrganization"})
def authors(article: Article, context: Context) -> Iterator[Fact]:
    """Each byline: a known outlet ("Reuters") as that outlet, a person's name as a person."""
    subject = article_ref(article)
    for byline in article.authors:
        outlet = gz.outlet_by_form().get(fold(byline.removeprefix("The ")))
        if outlet is not None:
            ref = outlet_ref(outlet.domain, outlet.name)
            if ref is not None:
                yield Fact(subject, SDO.author, ref)
                yield from outlet_facts(ref, name=outlet.name, domain=outlet.domain)
            continue
        name = person_name(byline)
        if is_person_name(name):
            ref = person_key(name)
            yield Fact(subject, SDO.author, ref)
            yield from person_facts(ref, name)
