"""Organizations named in the text, one key per organization whatever form names it.

"NYPD", "New York City Police Department" and "New York Police Department" are one
organization: the gazetteer (data/organizations.tsv) gives each its canonical name and
other names; names it does not know are kept as written, minus "the" and a possessive.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract import Context, extractor
from kg.extract import gazetteers as gz
from kg.extract.home import home_country
from kg.extract.nlp import Field, Mention, analyse, first_mentions, in_text_order, mention_facts
from kg.extract.people import person_mentions
from kg.extract.places import city_facts, city_ref, place_mentions
from kg.extract.roles import is_role_head, role_starting_at
from kg.model import Article, Fact, Iri, Ref
from kg.namespaces import RDF, SDO
from kg.text import clean_label, fold

if TYPE_CHECKING:
    from spacy.tokens import Span

_GOVERNMENT = re.compile(
    r"\b(Police|Department|Ministry|Agency|Commission|Council|Parliament|Senate|Congress|"
    r"Army|Navy|Air Force|Forces?|Office|Bureau|Service|Court|Authority|Committee)\b"
)
_COMPANY = re.compile(r"\b(Inc|Corp|Corporation|Ltd|Limited|LLC|Company|Co|Group|plc)\b\.?")
# A government, cabinet or opposition stands for the state, not an organization; a lone
# institution word ("the Government", "Defence") names none in particular.
_STATE = re.compile(r"\b(Government|Cabinet|Opposition|Administration)$")
_GENERIC = frozenset(
    """
    government parliament senate defence defense interior home state navy army group police
    opposition cabinet treasury ministry department council court federal
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Buildings, laws, programmes and spans the model cut short ("Anglican Archbishop of").
_NOT_ORGANIZATION = re.compile(
    r"\b(Centre|Center|Theatre|Theater|Palace|Palais|Hotel|Airport|Stadium|Act|Bill|Treaty|"
    r"Accord|Solution|Program|Programme|Guide)$|^(Theatre|Theater|Hotel|Office of)\b|"
    r"\b(of|the|and|for)$"
)
_MINISTRY = re.compile(
    r"(Foreign|Defen[cs]e|Interior|Home|Finance|Health|Justice) Ministry", re.IGNORECASE
)
_PORTFOLIOS = {
    "foreign": "Foreign Affairs",
    "defence": "Defence",
    "defense": "Defense",
    "interior": "Interior",
    "home": "Home Affairs",
    "finance": "Finance",
    "health": "Health",
    "justice": "Justice",
}
_PARLIAMENT = re.compile(r"(.+?)(?:['’]s)? Parliament")
_LOWER_PARLIAMENT = re.compile(r"\bparliament\b")
_EDGES = re.compile(r"^(?:the|The)\s+|['’]s?$")
# How adjectives of peoples, faiths and places end: "Anglican", "Kashmiri", "Chinese".
_ADJECTIVE = re.compile(r"(?:an|ese|ish|ic|i)$")
# Words after a name that make it a place: "the Amazon River" is not Amazon the company.
_FEATURES = frozenset(
    """
    River Rainforest Basin Valley Mountains Mountain Sea Lake Desert Forest Peninsula Gulf Bay
    Island Islands Delta
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_KIND_TYPES = {
    "government": SDO.GovernmentOrganization,
    "company": SDO.Corporation,
    "ngo": SDO.NGO,
}


@dataclass(frozen=True, slots=True)
class OrganizationName:
    """How a span of text names an organization: canonical name, other names, kind, city."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    city: int | None = None
    country: str | None = None

    @classmethod
    def of(cls, known: gz.Organization) -> OrganizationName:
        """The name of a gazetteer organization."""
        return cls(known.name, known.aliases, known.kind, known.city, known.country)

    @property
    def ref(self) -> Ref:
        """The identity of the organization: its folded canonical name."""
        return Ref(f"organization/{fold(self.name)}")


def organization_named(text: str) -> OrganizationName | None:
    """The organization a name denotes, by the gazetteer, else as written.

    >>> organization_named("the New York City Police Department").name
    'New York City Police Department'
    >>> organization_named("NYPD").ref.key
    'organization/new york city police department'
    >>> organization_named("Miami Police").name
    'Miami Police Department'
    """
    name = _EDGES.sub("", clean_label(text)).strip()
    if not fold(name):
        return None
    known = _known(name)
    if known is not None:
        return known
    parliament = _parliament(name)
    if parliament is not None:
        return parliament
    if name.endswith(" Police"):
        name += " Department"
    kind = "government" if _GOVERNMENT.search(name) else "company" if _COMPANY.search(name) else ""
    return OrganizationName(name, (), kind)


def _known(name: str) -> OrganizationName | None:
    """A gazetteer organization by the name, its possessive-free form ("New York's Police
    Department"), the name without a trailing "Party" ("Jamiat Ulema-i-Islam Party"), or
    a demonym's place moved behind "of" ("Victorian Law Institute" is the Law Institute of
    Victoria)."""
    table = gz.organization_by_form()
    forms = [name, re.sub(r"['’]s\b", "", name)]
    if name.endswith(" Party"):
        forms.append(name.removesuffix(" Party"))
    first, _, rest = name.partition(" ")
    place = _place_of_demonym(first) if rest else None
    if place is not None:
        forms.append(f"{rest} of {place}")
    for form in forms:
        known = table.get(fold(form))
        if known is not None:
            return OrganizationName.of(known)
    return None


def _place_of_demonym(word: str) -> str | None:
    """ "Victorian" -> Victoria, "Indian" -> India: the state or country an adjective names."""
    state = gz.state_by_form().get(fold(word))
    if state is not None and fold(state.name) != fold(word):
        return state.name
    iso = gz.demonyms().get(word)
    country = gz.country(iso) if iso and not iso.startswith("org:") else None
    return country.name if country else None


def organization_mentions(context: Context) -> list[Mention]:
    """Every organization named in the article's fields (cached for other extractors)."""
    found = context.cache.get("organizations")
    if found is None:
        people = {
            (m.field.name, i)
            for m in person_mentions(context)
            for i in range(m.span.start, m.span.end)
        }
        fields = analyse(context)
        named: dict[Ref, OrganizationName] = {}
        found = [mention for field in fields for mention in _find(field, people, named, context)]
        taken = {(m.field.name, m.span.start) for m in found}
        found += _city_police(context, taken, named)
        found += [m for field in fields for m in _parliaments(field, named)]
        found = _with_acronyms(found, named)
        found = context.cache["organizations"] = in_text_order(found, fields)
        context.cache["organization names"] = named
    return found


def organization_names(context: Context) -> dict[Ref, OrganizationName]:
    """How the article names each organization it mentions, by key."""
    organization_mentions(context)
    names: dict[Ref, OrganizationName] = context.cache["organization names"]
    return names


def _with_acronyms(found: list[Mention], named: dict[Ref, OrganizationName]) -> list[Mention]:
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
        initials = "".join(w[0] for w in long.name.split() if w[0].isupper())
        if initials == span.text:
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


def _parliaments(field: Field, named: dict[Ref, OrganizationName]) -> Iterator[Mention]:
    """ "the Indian parliament" in lower case, which the model does not take for a name."""
    doc = field.doc
    for match in _LOWER_PARLIAMENT.finditer(field.text):
        word = doc.char_span(match.start(), match.end())
        if word is None or word.start == 0 or word[0].ent_type_:
            continue
        owner = field.ent_at.get(word.start - 1)
        if owner is not None:
            parliament = _parliament(f"{owner.text} Parliament")
            if parliament is not None:
                named.setdefault(parliament.ref, parliament)
                yield Mention(parliament.ref, parliament.name, field, doc[owner.start : word.end])


def _parliament(name: str) -> OrganizationName | None:
    """ "Indian Parliament", "Australia's Parliament": the Parliament of that country."""
    found = _PARLIAMENT.fullmatch(name)
    if found is None:
        return None
    owner = found.group(1)
    code = gz.demonyms().get(owner)
    country = gz.country(code) if code else None
    if country is None:
        country = next((p for p in gz.places(owner) if isinstance(p, gz.Country)), None)
    if country is None:
        return None
    return OrganizationName(f"Parliament of {country.name}", (), "government", None, country.iso)


def _city_police(
    context: Context, taken: set[tuple[str, int]], names: dict[Ref, OrganizationName]
) -> Iterator[Mention]:
    """ "Miami Police officers": a city the model tagged alone, then "Police", is its force."""
    for city in place_mentions(context):
        doc, end = city.field.doc, city.span.end
        if city.ref.kind != "city" or end >= len(doc) or doc[end].text != "Police":
            continue
        if (city.field.name, city.span.start) in taken:
            continue
        if end + 1 < len(doc) and doc[end + 1].text in ("Department", "Service", "Force"):
            end += 1
        named = organization_named(doc[city.span.start : end + 1].text)
        if named is not None:
            names.setdefault(named.ref, named)
            yield Mention(named.ref, named.name, city.field, doc[city.span.start : end + 1])


def _find(
    field: Field,
    people: set[tuple[str, int]],
    names: dict[Ref, OrganizationName],
    context: Context,
) -> Iterator[Mention]:
    for ent in field.ents:
        named = _named(field, ent, people, context)
        if named is not None:
            names.setdefault(named.ref, named)
            yield Mention(named.ref, named.name, field, ent)


def _named(
    field: Field, ent: Span, people: set[tuple[str, int]], context: Context
) -> OrganizationName | None:
    """The organization an entity names, or None when it names none."""
    if ent.label_ != "ORG":
        return None
    doc = field.doc
    # In Headline Case the model takes any capitalized run for a name: trust only the
    # gazetteer and names that say they are organizations.
    if field.headline and not (
        ent.ent_id_ or _GOVERNMENT.search(ent.text) or _COMPANY.search(ent.text)
    ):
        return None
    if (field.name, ent.start) in people or (field.name, ent.end - 1) in people:
        return None  # part of a person's name ("Wali Masood" of Ahmad Wali Masood)
    if ent.end < len(doc) and doc[ent.end].text in _FEATURES:
        return None  # "the Amazon River": a place named after the same word
    if ent.ent_id_:
        known = gz.organization_by_form()[fold(ent.ent_id_)]
        candidates = gz.organization_candidates(_EDGES.sub("", ent.text))
        if len(candidates) > 1:
            known = _nearest_country(field, ent, candidates, context)
        return OrganizationName.of(known)
    if _is_place(ent) or _is_portfolio(ent) or _describes(ent):
        return None
    text = _EDGES.sub("", ent.text)
    if "," in text or " and " in text or _NOT_ORGANIZATION.search(text):
        return None  # a list the model ran together, a building, a law, a broken span
    if is_role_head(ent[-1].text) or _ends_in_role(ent):
        return None  # an office ("the Governor-General", "NSW Emergency Services Minister")
    if ent[-1].is_lower:
        # A description ("the Toowoomba school") unless a known name opens it ("the
        # Labor party", "his Al Qaeda network").
        return _known_prefix(ent)
    named = _owned(field, ent) or organization_named(ent.text)
    if named is None or len(fold(named.name)) < 2 or _STATE.search(named.name):
        return None
    if fold(named.name) not in gz.organization_by_form():
        home = _at_home(field, ent, named, context)
        if home is not None:
            return home
    if fold(named.name) in _GENERIC:
        return None
    return named


def _nearest_country(
    field: Field, ent: Span, candidates: tuple[gz.Organization, ...], context: Context
) -> gz.Organization:
    """Of several bodies sharing a name, the one of the country the passage is about."""
    countries = frozenset(c.country for c in candidates if c.country)
    iso = home_country(
        context, field=field.name, sentence=field.sentence_index(ent.start_char), among=countries
    )
    return next((c for c in candidates if c.country == iso), candidates[0])


def _is_portfolio(ent: Span) -> bool:
    """ "spokesman on Home Affairs", "Minister for Immigration": a portfolio, not a body."""
    doc = ent.doc
    start = ent.start + (doc[ent.start].lower_ == "the")
    if start < 2 or doc[start - 1].lower_ not in ("on", "for"):
        return False
    scope = gz.roles().get(doc[start - 2].lower_)
    return scope in ("aide", "country", "state")


def _describes(ent: Span) -> bool:
    """ "a Toowoomba Anglican school", "a Kashmiri group": an adjective of a people, a faith
    or a place before a common noun, with an indefinite article, describes rather than
    names ("a Qantas flight" still names Qantas)."""
    doc = ent.doc
    return (
        ent.start > 0
        and doc[ent.start - 1].lower_ in ("a", "an")
        and ent.end < len(doc)
        and doc[ent.end].is_lower
        and doc[ent.end].is_alpha
        and _ADJECTIVE.search(ent[-1].text) is not None
    )


def _ends_in_role(ent: Span) -> bool:
    """ "New South Wales Emergency" + "Services Minister": the model ran a place into the
    role that follows it."""
    doc = ent.doc
    for start in range(ent.start + 1, ent.end):
        role = role_starting_at(doc, start)
        if role is not None and role.end > ent.end:
            return True
    return False


def _at_home(
    field: Field, ent: Span, named: OrganizationName, context: Context
) -> OrganizationName | None:
    """A national body named without its country, the article's home country's: "the Police
    Federation" is the Police Federation of Australia in an Australian report, "the Senate"
    the Australian Senate, "Parliament" the Parliament of Australia."""
    iso = home_country(context, field=field.name, sentence=field.sentence_index(ent.start_char))
    country = gz.country(iso) if iso else None
    if country is None:
        return None
    table = gz.organization_by_form()
    known = table.get(fold(f"{named.name} of {country.name}"))
    if known is not None:
        return OrganizationName.of(known)
    if named.name == "Parliament":
        return _parliament(f"{country.name} Parliament")
    if " " not in named.name and fold(named.name) in _GENERIC:
        # A lone institution word: the home country's one body whose name ends with it.
        bodies = [o for o in gz.organizations() if o.country == iso and o.name.endswith(named.name)]
        if len(bodies) == 1:
            return OrganizationName.of(bodies[0])
    return None


def _known_prefix(ent: Span) -> OrganizationName | None:
    end = ent.end
    while end > ent.start and ent.doc[end - 1].is_lower:
        end -= 1
    known = gz.organization_by_form().get(fold(_EDGES.sub("", ent.doc[ent.start : end].text)))
    if known is None:
        return None
    return OrganizationName.of(known)


def _owned(field: Field, ent: Span) -> OrganizationName | None:
    """A possessive place and a known name: "New York's Police Department" is the NYPD."""
    doc = field.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ not in ("'s", "’s"):
        return None
    owner = doc[ent.start - 1] if doc[ent.start - 1].ent_type_ else doc[ent.start - 2]
    if owner.ent_type_ != "GPE":
        return None
    place = field.ent_at[owner.i]
    owner_name = re.sub(r"['’]s$", "", place.text)
    return body_of(owner_name, ent.text)


def body_of(owner: str, body: str) -> OrganizationName | None:
    """A body named with its owner: "New York" + "Police Department" is the NYPD,
    "Israeli" + "army" the Israel Defense Forces, "Pakistan" + "Foreign Ministry" the
    Ministry of Foreign Affairs (Pakistan).

    >>> body_of("Pakistan", "Foreign Ministry").name
    'Ministry of Foreign Affairs (Pakistan)'
    """
    known = gz.organization_by_form().get(fold(f"{owner} {body}"))
    if known is not None:
        return OrganizationName.of(known)
    ministry = _MINISTRY.fullmatch(body)
    countries = [p for p in gz.places(owner) if isinstance(p, gz.Country)]
    if not countries:
        iso = gz.demonyms().get(owner)
        country = gz.country(iso) if iso and not iso.startswith("org:") else None
        countries = [country] if country else []
    if ministry and countries:
        # "Pakistan's Foreign Ministry": each country has one, named the usual way.
        return OrganizationName(
            _ministry_name(ministry.group(1), countries[0].name),
            (),
            "government",
            None,
            countries[0].iso,
        )
    return None


def _ministry_name(portfolio: str, country: str) -> str:
    return f"Ministry of {_PORTFOLIOS[portfolio.lower()]} ({country})"


def _is_place(ent: Span) -> bool:
    return bool(gz.places(_EDGES.sub("", ent.text))) and not ent.ent_id_


def organization_facts(named: OrganizationName, city: Ref | None) -> Iterator[Fact]:
    """The facts that describe an organization node."""
    ref = named.ref
    yield Fact(ref, RDF.type, Iri(SDO.Organization))
    subclass = _KIND_TYPES.get(named.kind)
    if subclass is not None:
        yield Fact(ref, RDF.type, Iri(subclass))
    yield Fact(ref, SDO.name, named.name)
    for alias in named.aliases:
        yield Fact(ref, SDO.alternateName, alias)
    if city is not None:
        yield Fact(ref, SDO.location, city)


@extractor(
    "organizations", emits={"schema:Organization", "schema:mentions"}, requires={"people", "places"}
)
def organizations(article: Article, context: Context) -> Iterator[Fact]:
    """Organizations named in the text, with the city they belong to where the text says so."""
    mentions = organization_mentions(context)
    yield from mention_facts(mentions, "organizations")
    # A city that opens the organization's name is its city ("Miami Police").
    cities = {
        (m.field.name, m.span.start): m.ref for m in place_mentions(context) if m.ref.kind == "city"
    }
    names = organization_names(context)
    described: set[Ref] = set()
    for mention in first_mentions(mentions):
        if mention.ref in described:
            continue
        described.add(mention.ref)
        named = names[mention.ref]
        city = cities.get((mention.field.name, mention.span.start)) or cities.get(
            (mention.field.name, mention.span.start + 1)  # after "the"
        )
        if named.city is not None:
            city = city_ref(named.city)
            yield from city_facts(named.city)
        yield from organization_facts(named, city)
