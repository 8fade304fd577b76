"""How a span of text names an organization: its canonical name, other names, kind and city.

"NYPD", "New York City Police Department" and "New York Police Department" are one
organization: the gazetteer (data/organizations.tsv, data/us_government.tsv) gives each its
canonical name and other names; a country's bodies are also found by the country's name or
adjective ("the Chinese Foreign Ministry", "U.S. Treasury"), and a national body named
without its country by the article's home country; names no list knows are kept as
written, minus "the" and a possessive.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.companies import COMPANY, SUFFIX, without_suffixes
from kg.extract.home import home_country
from kg.extract.nlp import Field
from kg.model import Ref
from kg.text import clean_label, fold

if TYPE_CHECKING:
    from spacy.tokens import Span

GOVERNMENT = re.compile(
    r"\b(Police|Department|Ministry|Agency|Commission|Council|Parliament|Senate|Congress|"
    r"Army|Navy|Air Force|Forces?|Office|Bureau|Service|Court|Authority|Committee)\b"
)

# A government, cabinet or opposition stands for the state, not an organization; a lone
# institution word ("the Government", "Defence") names none in particular.
STATE = re.compile(r"\b(Government|Cabinet|Opposition|Administration)$")

GENERIC = frozenset(
    """
    government parliament senate defence defense interior home state navy army group police
    opposition cabinet treasury ministry department council court federal party
    """.split()  # noqa: SIM905 - a word list reads best as words
) | {"air force"}

_MINISTRY = re.compile(
    r"(Foreign|Defen[cs]e|Interior|Home|Finance|Health|Justice) Ministry", re.IGNORECASE
)

_MINISTRY_OF = re.compile(
    r"Ministry of (Foreign Affairs|Defen[cs]e|(?:the )?Interior|Home Affairs|Finance|Health|"
    r"Justice)",
    re.IGNORECASE,
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

_DOTTED = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?\.?")

# A bracket the name leaves open: a ticker run into it ("JPMorgan Chase & Co(JPM.N").
_UNCLOSED = re.compile(r"\s*\([^)]*$")

EDGES = re.compile(r"^(?:the|The)\s+|['’]s?$")


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
        """The name of a gazetteer organization; a country's body named by the country and
        an institution word has that word as another name ("United States Senate":
        "Senate", as news at home writes it)."""
        aliases = known.aliases
        country = gz.country(known.country) if known.country else None
        if country is not None:
            for prefix in (f"{country.name} ", *(f"{d} " for d in _adjectives(country.iso))):
                rest = known.name.removeprefix(prefix)
                if rest != known.name and fold(rest) in GENERIC and rest not in aliases:
                    aliases = (*aliases, rest)
        return cls(known.name, aliases, known.kind, known.city, known.country)

    @property
    def ref(self) -> Ref:
        """The identity of the organization: its folded canonical name ("&" read "and")."""
        return Ref(f"organization/{fold(self.name.replace(' & ', ' and '))}")


def organization_named(text: str) -> OrganizationName | None:
    """The organization a name denotes, by the gazetteer, else as written.

    >>> organization_named("the New York City Police Department").name
    'New York City Police Department'
    >>> organization_named("NYPD").ref.key
    'organization/new york city police department'
    >>> organization_named("Miami Police").name
    'Miami Police Department'
    >>> organization_named("South Wales Police").name
    'South Wales Police'
    >>> organization_named("JPMorgan Chase & Co(JPM.N").aliases
    ('JPMorgan Chase',)
    """
    name = EDGES.sub("", _UNCLOSED.sub("", clean_label(text))).strip()
    if not fold(name):
        return None
    known = known_organization(name)
    if known is not None:
        return known
    parliament = parliament_of(name)
    if parliament is not None:
        return parliament
    aliases: tuple[str, ...] = ()
    if name.endswith(" Police"):
        # A city's force is its police department ("Miami Police"); a region's force is
        # named as written ("South Wales Police", "West Yorkshire Police").
        owner = name.removesuffix(" Police")
        if any(isinstance(p, gz.City) for p in gz.places(owner)):
            name, aliases = f"{name} Department", (name,)
        else:
            aliases = (f"{name} Department",)
    elif _DOTTED.fullmatch(name):
        aliases = (name.replace(".", ""),)  # "N.A.A.C.P." is the NAACP
    elif SUFFIX.search(name):
        aliases = without_suffixes(name)  # "Exxon Mobil Corp." is Exxon Mobil too
    kind = "government" if GOVERNMENT.search(name) else "company" if COMPANY.search(name) else ""
    return OrganizationName(name, aliases, kind)


def known_organization(name: str) -> OrganizationName | None:
    """A gazetteer organization by the name, its possessive-free form ("New York's Police
    Department"), the name without a trailing "Party" ("Jamiat Ulema-i-Islam Party"), or
    a demonym's place moved behind "of" ("Victorian Law Institute" is the Law Institute of
    Victoria), or without "the" after "of" ("Department of the Interior")."""
    table = gz.organization_by_form()
    forms = [name, re.sub(r"['’]s\b", "", name)]
    if _DOTTED.fullmatch(name):
        forms.append(name.replace(".", ""))  # "F.B.I.", "N.A.A.C.P."
    if name.endswith(" Party"):
        forms.append(name.removesuffix(" Party"))
    if "Organisation" in name:
        forms.append(name.replace("Organisation", "Organization"))  # British spelling
    first, _, rest = name.partition(" ")
    place = place_of_demonym(first) if rest else None
    if place is not None:
        forms.append(f"{rest} of {place}")
    undotted = _DOTTED_WORD.sub(lambda m: m.group().replace(".", ""), name)
    if undotted != name:
        forms.append(undotted)  # "U.N. General Assembly" is the UN General Assembly
    if " of the " in name:
        forms.append(name.replace(" of the ", " of "))  # "Department of the Interior"
    if name.startswith("House of Representatives ") and name.endswith(" Committee"):
        forms.append(name.replace("House of Representatives", "House", 1))
    for form in forms:
        known = table.get(fold(form))
        if known is not None:
            return OrganizationName.of(known)
    return _national(name)


# A dotted acronym inside a longer name ("U.N. Security Council", "U.S. Air Force").
_DOTTED_WORD = re.compile(r"\b(?:[A-Z]\.){2,}")


def _national(name: str) -> OrganizationName | None:
    """A country's body named with the country or its adjective before it: "U.S. Treasury"
    (the country's one listed body ending with a lone institution word), "U.S. House Armed
    Services Committee" (a listed body of that country), "U.S. Homeland Security" ("...
    Department"), "the Chinese Foreign Ministry", "Japan's Ministry of Defense"."""
    words = name.split()
    table = gz.organization_by_form()
    for size in (1, 2, 3):
        if len(words) <= size:
            break
        owner = re.sub(r"['’]s$", "", " ".join(words[:size]))
        rest = " ".join(words[size:])
        iso = country_code(owner)
        if iso is None:
            continue
        if rest.startswith("House of Representatives "):
            rest = rest.replace("House of Representatives", "House", 1)
        forms = [rest, f"{rest} Department"] if " " in rest else [rest]
        # "U.S. Export-Import Bank" is the Export-Import Bank of the U.S.
        forms += [f"{rest} of the {owner}", f"{rest} of {owner}"]
        known = next((table[fold(f)] for f in forms if fold(f) in table), None)
        if known is not None and known.country == iso:
            return OrganizationName.of(known)
        ministry = body_of(owner, rest)
        if ministry is not None:
            return ministry
        if fold(rest) in GENERIC and not STATE.search(rest):
            # "U.S. Treasury" is the one US body ending so; "the United States Government"
            # is the state itself, not a body whose long name ends in "Government".
            bodies = [o for o in gz.organizations() if o.country == iso and o.name.endswith(rest)]
            if len(bodies) == 1:
                return OrganizationName.of(bodies[0])
        return None
    return None


@cache
def _adjectives(iso: str) -> tuple[str, ...]:
    """The adjectives of a country's people ("Australian")."""
    return tuple(d for d, code in gz.demonyms().items() if code == iso)


def country_code(owner: str) -> str | None:
    """The ISO code of the country a name or an adjective names ("U.S.", "Chinese")."""
    country = next((p for p in gz.places(owner) if isinstance(p, gz.Country)), None)
    if country is not None:
        return country.iso
    iso = gz.demonyms().get(owner)
    return iso if iso and not iso.startswith("org:") else None


def place_of_demonym(word: str) -> str | None:
    """ "Victorian" -> Victoria, "Indian" -> India: the state or country an adjective names."""
    state = gz.state_by_form().get(fold(word))
    if state is not None and fold(state.name) != fold(word):
        return state.name
    iso = gz.demonyms().get(word)
    country = gz.country(iso) if iso and not iso.startswith("org:") else None
    return country.name if country else None


def parliament_of(name: str) -> OrganizationName | None:
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


def company_named(text: str) -> OrganizationName:
    return OrganizationName(text, without_suffixes(text), "company")


HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir"})


def abbreviates(acronym: str, name: str) -> bool:
    """Whether an acronym is made of a name's initials, small words counted or not ("CBOE":
    Chicago Board of Elections; "SEIU": Service Employees International Union)."""
    words = re.findall(r"[\w’']+", name)
    return acronym in (
        "".join(w[0] for w in words if w[0].isupper()),
        "".join(w[0].upper() for w in words),
    )


def nearest_country(
    field: Field, ent: Span, candidates: tuple[gz.Organization, ...], context: Context
) -> gz.Organization:
    """Of several bodies sharing a name, the one of the country the passage is about."""
    countries = frozenset(c.country for c in candidates if c.country)
    iso = home_country(
        context, field=field.name, sentence=field.sentence_index(ent.start_char), among=countries
    )
    return next((c for c in candidates if c.country == iso), candidates[0])


def at_home(
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
    known = table.get(fold(f"{named.name} of {country.name}")) or table.get(
        fold(f"{named.name} of the {country.name}")  # "the Supreme Court" in a US report
    )
    if known is not None:
        return OrganizationName.of(known)
    if named.name == "Parliament":
        return parliament_of(f"{country.name} Parliament")
    if fold(named.name) in GENERIC or named.name == "House":
        # A lone institution word: the home country's one body whose name ends with it,
        # or holds it before "of" ("the House": the House of Representatives, where the
        # country has one such house), with the word as another of its names.
        bodies = [
            o
            for o in gz.organizations()
            if o.country == iso
            and (o.name.endswith(f" {named.name}") or f" {named.name} of " in f" {o.name} ")
        ]
        if len(bodies) == 1:
            body = OrganizationName.of(bodies[0])
            return dataclasses.replace(body, aliases=(*body.aliases, named.name))
    return None


def known_prefix(ent: Span) -> OrganizationName | None:
    end = ent.end
    while end > ent.start and ent.doc[end - 1].is_lower:
        end -= 1
    known = gz.organization_by_form().get(fold(EDGES.sub("", ent.doc[ent.start : end].text)))
    if known is None:
        return None
    return OrganizationName.of(known)


def owned_body(field: Field, ent: Span) -> OrganizationName | None:
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
    ministry = _MINISTRY.fullmatch(body) or _MINISTRY_OF.fullmatch(body)
    countries = [p for p in gz.places(owner) if isinstance(p, gz.Country)]
    if not countries:
        iso = gz.demonyms().get(owner)
        country = gz.country(iso) if iso and not iso.startswith("org:") else None
        countries = [country] if country else []
    if ministry and countries:
        # "Pakistan's Foreign Ministry": each country has one, named the usual way.
        return ministry_of(ministry.group(1), countries[0])
    return None


def ministry_of(portfolio: str, country: gz.Country) -> OrganizationName:
    """A country's ministry by its portfolio word ("foreign", "Defense", "the Interior"),
    with the forms news writes for it ("Chinese Foreign Ministry", "China's Foreign
    Ministry"; "Defence" and "Defense" alike) as other names.

    >>> ministry_of("Defense", gz.country("RU")).name
    'Ministry of Defence (Russia)'
    """
    word = portfolio.lower().removeprefix("the ").split()[0]
    word = "defence" if word == "defense" else word
    spelled = [_PORTFOLIOS[word], "Defense"] if word == "defence" else [_PORTFOLIOS[word]]
    adjectives = [d for d, iso in gz.demonyms().items() if iso == country.iso][:2]
    short = {"Foreign Affairs": "Foreign", "Home Affairs": "Home"}
    aliases: list[str] = []
    for each in spelled:
        brief = short.get(each, each)
        aliases += [f"Ministry of {each} ({country.name})", f"Ministry of {each} of {country.name}"]
        aliases += [f"{country.name}'s {brief} Ministry", f"{country.name} {brief} Ministry"]
        aliases += [f"{a} {brief} Ministry" for a in adjectives]
        aliases += [f"{a} Ministry of {each}" for a in adjectives]
    name = f"Ministry of {spelled[0]} ({country.name})"
    return OrganizationName(
        name, tuple(a for a in dict.fromkeys(aliases) if a != name), "government", None, country.iso
    )


def is_place(ent: Span) -> bool:
    return bool(gz.places(EDGES.sub("", ent.text))) and not ent.ent_id_
