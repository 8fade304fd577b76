"""Which roles are public offices: the body a role belongs to decides.

An office of a place (a mayor, a minister, a senator) or of a public body (a ministry, a
police department, a legislature, a court, an international body) is public. The same
words for a political party ("Tory leader", "RNC chairman") are party offices, and for a
company, a university, an NGO, a union or a church ("NAACP president", "director of
Amnesty International") private titles: neither is an official's office. A seat of
government stands for its state ("Kremlin spokesman": Russia).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.organizations import (
    organization_mentions,
    organization_named,
    organization_names,
)
from kg.extract.owners import possessive_level, state_ref
from kg.extract.party_adjectives import party_before
from kg.extract.places import city_ref, country_ref
from kg.extract.positions import Holding, Jurisdiction
from kg.extract.roles import MODIFIERS, head_not_in, title_countries
from kg.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PUBLIC, PARTY, PRIVATE = "public", "party", "private"

_PUBLIC_KINDS = frozenset({"government", "international"})
# Words that make an organization's name a party's: the party names and their demonyms.
_PARTY_WORDS = frozenset(
    """
    party republican republicans democratic democrats democrat gop labour labor conservative
    conservatives tory tories liberal liberals lib dem dems ukip bnp snp plaid green greens
    likud nationals whigs
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# Words that make a name a company's, a school's or an association's: checked before the
# words of public bodies ("National Rifle Association", "Bank of America").
_PRIVATE_WORDS = frozenset(
    """
    university college inc corp corporation company co ltd llc plc group bank association
    union society foundation institute center centre church mosque synagogue alliance
    coalition network chamber club league federation fund trust project campaign hospital
    partners holdings studio studios moves
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_PUBLIC_WORDS = frozenset(
    """
    department ministry agency administration commission committee council senate house
    congress parliament assembly court courts police sheriff office bureau authority board
    district government cabinet treasury army navy marines guard forces force service
    legislature tribunal reserve schools embassy consulate city county municipal federal
    executive inspectorate prosecutor prosecutors
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# A council or board of a trade or an industry is its members' body, not a public one
# ("Minerals Council", "Business Council of Australia"); a ministry or an agency of one is
# public ("Food Standards Agency").
_MEETING_WORDS = frozenset({"council", "board"})
_TRADES = frozenset(
    """
    business industry industries food grocery groceries minerals mining retail retailers
    manufacturers manufacturing employers exporters growers producers farmers grains
    petroleum insurance bankers property tourism builders
    cricket rugby football soccer tennis golf hockey athletics racing sport sports olympic
    """.split()  # noqa: SIM905 - a word list reads best as words
)
# A council or conference of public bodies or their heads is the association they form
# ("National Council of State Housing Agencies", "U.S. Conference of Mayors"), no public body.
# A body named for the cause it campaigns for ("Committee to Protect Journalists",
# "Coalition to Stop Gun Violence", "Campaign to Protect Rural England"): an advocacy group.
_CAUSE = re.compile(
    r"\b(?:Committee|Coalition|Campaign|Alliance|League|Fund|Society|Council|Movement) to [A-Z]"
)
_FEDERATION = re.compile(
    r"\b(?:Council|Conference|Board|League) of (?:[A-Z][\w.-]* )*"
    r"(?:Agencies|Governments|Legislatures|Counties|Cities|Mayors|Governors|Boards|Councils|"
    r"Commissions|Officials|Chiefs|Administrators|Attorneys General|Secretaries of State)$"
)
_OF_PLACE = re.compile(r"(?:City|Town|Village|County|State|Commonwealth) of (.+)", re.IGNORECASE)
_PUBLIC_BANKS = re.compile(r"\b(?:reserve|central|world|federal)\b", re.IGNORECASE)


def body_kind(name: str, known: str = "") -> str:
    """Whether an organization is a public body, a party or a private one, from the
    gazetteer's kind where it knows the body, else from the words of its name.

    >>> body_kind("Chicago Fire Department"), body_kind("Republican National Committee")
    ('public', 'party')
    >>> body_kind("Amnesty International", "ngo"), body_kind("Hyde Park Chamber of Commerce")
    ('private', 'private')
    >>> body_kind("National Council of State Housing Agencies"), body_kind("City Council")
    ('private', 'public')
    >>> body_kind("Committee to Protect Journalists")
    'private'
    """
    words = set(fold(name).split())
    if _trade_meeting(words):
        return PRIVATE  # "Australian Food and Grocery Council", "Business Council": a trade's
    if _FEDERATION.search(name):
        return PRIVATE  # "National Council of State Housing Agencies": its members' body
    if _CAUSE.search(name):
        return PRIVATE  # "National Committee to Preserve Social Security": a cause's
    if known:
        return PUBLIC if known in _PUBLIC_KINDS else PARTY if known == "party" else PRIVATE
    if seat(name) is not None:
        return PUBLIC
    if words & _PARTY_WORDS:
        return PARTY
    if "bank" in words and _PUBLIC_BANKS.search(name):
        return PUBLIC
    if words & _PRIVATE_WORDS:
        return PRIVATE
    return PUBLIC if words & _PUBLIC_WORDS else PRIVATE


def _trade_meeting(words: set[str]) -> bool:
    """Whether a body's name is a council or a board of a trade or a sport ("Minerals
    Council", "International Cricket Council")."""
    public = words & _PUBLIC_WORDS
    return bool(public) and public <= _MEETING_WORDS and bool(words & _TRADES)


_PRIVATE_BEFORE = re.compile(
    r"\b(?:non-?profit|not-for-profit|think[- ]tank|advocacy group|lobby group|trade group|"
    r"industry group|private)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _described_private(body: Jurisdiction, context: Context) -> bool:
    """Whether the text calls a body no list knows private where it names it ("the
    non-profit American Council on Renewable Energy", "the think tank Council on ...")."""
    for mention in organization_mentions(context):
        if mention.ref == body.ref:
            text = mention.field.text
            start = mention.span.start_char
            if _PRIVATE_BEFORE.search(text, max(0, start - 30), start):
                return True
    return False


def seat(name: str) -> str | None:
    """The country (ISO code) or state a seat of government names ("the Kremlin": RU).

    >>> seat("the Kremlin"), seat("Downing Street"), seat("City Hall")
    ('RU', 'GB', None)
    """
    return gz.seats().get(fold(re.sub(r"^(?:the|The)\s+", "", name)))


# Modifiers that rank or place an office rather than name a portfolio: "Lib Dem home
# affairs spokesman" speaks for a portfolio (a frontbench office), "Labour campaign
# spokesman" for the party.
_RANKS = frozenset(
    """
    prime deputy acting shadow vice assistant associate senior junior chief city police state
    federal international press parliamentary interim executive general attorney first lord
    high cabinet majority minority ranking county campaign army military ministry department
    opposition national principal public regional local
    """.split()  # noqa: SIM905 - a word list reads best as words
)
_PORTFOLIOS = MODIFIERS - _RANKS
_PUBLIC_SCOPES = frozenset({"city", "county", "state", "country", "court"})


def settle(found: list[Holding], context: Context) -> None:
    """Decide each holding's kind (public, party, private) from the body it belongs to, and
    give a public body's office the place of that body ("Chicago Police Department
    superintendent": Chicago; "Kremlin spokesman": Russia)."""
    names = organization_names(context)
    for holding in found:
        where = holding.jurisdiction
        if holding.serves is not None:
            continue
        if where is None:
            # "the city's budget director": an office of the government the possessive names.
            doc = holding.person.field.doc
            level = possessive_level(doc, holding.role.start)
            if not level:
                level = _level_in_title(holding) or _office_level(holding)
                if level:
                    holding.pattern += "+level"  # measured apart (benchmarks.officials_paths)
            # "Home Affairs spokesman Mark Oaten": an aide of a government portfolio.
            portfolio = holding.role.scope == "aide" and _frontbench(holding)
            party = party_before(doc, holding.role.start) if portfolio else None
            if party is not None and party.country:
                # "Tory foreign affairs spokesman": the portfolio of the party's country.
                holding.jurisdiction = country_jurisdiction(party.country)
                holding.how = "frontbench-party"
            military = officer(holding)
            public = holding.role.scope in _PUBLIC_SCOPES or portfolio or bool(level) or military
            holding.kind = PUBLIC if public and not _unnamed_body(holding) else PRIVATE
            if holding.kind == PUBLIC and _party_post(holding, context):
                holding.kind = PARTY
            if level or portfolio or military:
                holding.level = level or "country"
            continue
        if where.ref.kind != "organization":
            government = _government_of(where)
            if government is not None:
                # "Chief Financial Officer at the City of Chicago": the city's government,
                # whose every office is public.
                holding.jurisdiction, holding.kind = government, PUBLIC
                holding.how += ">government"
            elif _stateless_president(holding):
                # "SEIU Healthcare Illinois President Greg Kelley": a US state has a
                # governor, not a president; the title is a body's the text names around it.
                holding.kind = PRIVATE
            elif holding.role.scope == "body" and not _place_office(holding):
                # "Paul Hanly, a New York lawyer", "the DeKalb County chairman for the Moore
                # campaign": a title of a body, named only with a place, is not the place's
                # office (a commissioner, an assessor or a "County Attorney" is).
                holding.kind = PRIVATE
            continue
        known = names.get(where.ref) or organization_named(where.name)
        holding.body = where
        holding.kind = body_kind(where.name, known.kind if known is not None else "")
        listed = gz.organization_by_form().get(fold(where.name)) is not None
        if holding.kind == PUBLIC and not listed and _described_private(where, context):
            # "president of the non-profit American Council on Renewable Energy"
            holding.kind = PRIVATE
        if holding.kind == PARTY and _frontbench(holding):
            # "Lib Dem home affairs spokesman", "Labor's spokesman on Home Affairs": the
            # opposition's portfolio in parliament, an office of the party's country.
            holding.kind = PUBLIC
            country = known.country if known is not None else None
            holding.jurisdiction = country_jurisdiction(country) if country else None
            holding.how += ">frontbench"
        elif holding.kind == PRIVATE and not (known and known.kind) and officer(holding):
            # "General Paul Selva, vice chairman of the Joint Chiefs of Staff": a body no
            # list knows, served by a military officer, is the armed forces' (the country's).
            holding.kind, holding.level, holding.jurisdiction = PUBLIC, "country", None
        elif holding.kind == PUBLIC and where.name.startswith("State "):
            # "SES spokeswoman Laura Goodin": each state of the federation has a State
            # Emergency Service; whose it is is found as for a state's office.
            holding.level, holding.jurisdiction = "state", None
            holding.how += ">state-body"
        elif holding.kind == PUBLIC:
            city, country = (known.city, known.country) if known is not None else (None, None)
            holding.jurisdiction = _place_of(where, city, country)
            holding.how += ">" + (
                "body" if holding.jurisdiction is where else f"body-{holding.jurisdiction.ref.kind}"
            )
            unplaced = known is None or not (
                known.kind == "international" or known.country or known.city
            )
            if holding.jurisdiction is where and (
                _generic(where.name) or (unplaced and not _international(where.name))
            ):
                # A public body no list places ("the House", "Fire Department", "Federal
                # Reserve"): its place is found as for an office of its level; a body is
                # a jurisdiction only when it is a people's own or an international one.
                holding.level = _level(where.name)
                holding.jurisdiction = None
    party_posts = {h.person.ref for h in found if h.kind == PARTY}
    for holding in found:
        if _rank_and_file(holding):
            holding.kind = PRIVATE
        elif holding.kind == PUBLIC and holding.person.ref in party_posts and _bare(holding):
            # "Labour's campaign spokesman Fraser Kemp ... Labour spokesman Mr Kemp": the
            # party's spokesman, as the text says elsewhere, not a frontbencher.
            holding.kind = PARTY
    # An aide's office is public when the person they serve holds one.
    holders = {h.person.ref for h in found if h.kind == PUBLIC and h.serves is None}
    for holding in found:
        if holding.serves is not None:
            # An aide serves the office ("Adams spokesperson"), and so does a place's office
            # in its holder's government ("Trump's defense secretary"); a person's own lawyer
            # or agent ("Trump's lawyer") is no official.
            serving = (
                holding.role.scope == "aide"
                or holding.role.scope in _PUBLIC_SCOPES
                or _portfolio_head(holding)
            )
            holding.kind = PUBLIC if serving and holding.serves.ref in holders else PRIVATE


def _portfolio_head(holding: Holding) -> bool:
    """Whether a body's title says what part of a government it heads ("Trump's budget
    chief", "his legislative affairs director"; not "his campaign chairman", nor a bare
    "director"): a post in the government of the office-holder it serves."""
    role, doc = holding.role, holding.person.field.doc
    if role.scope != "body" or role.head_start <= role.start:
        return False
    if doc[role.end - 1].lower_ in _PERSONAL_HEADS:
        return False  # "Trump defense lawyer John Dowd": his own
    return not any(t.lower_ in _NOT_GOVERNMENT for t in doc[role.start : role.head_start])


# A person's own advisers, whoever they serve.
_PERSONAL_HEADS = frozenset(
    {"lawyer", "lawyers", "attorney", "attorneys", "counsel", "solicitor", "agent", "doctor"}
)


# A party's own posts ("Liberal Party President Shane Stone"); the party's offices, not the
# country's.
_PARTY_POSTS = frozenset(
    """
    president vice-president secretary treasurer chairman chairwoman chair director
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _party_post(holding: Holding, context: Context) -> bool:
    """Whether a title is a post in the party named right before it by its full name
    ("Liberal Party President", "National Party Secretary"): an adjective ("Democratic
    President Obama") names the holder's party, a full name the body the post is in."""
    person, role = holding.person, holding.role
    words = fold(role.text).split()
    if not words or not set(words) <= _PARTY_POSTS | {"vice", "general", "federal", "state"}:
        return False
    names = organization_names(context)
    for mention in organization_mentions(context):
        if mention.field is person.field and mention.span.end == role.start:
            named = names.get(mention.ref)
            if named is None or named.kind != "party":
                return False
            # "Lib Dem president Simon Hughes": a country with no such office of state has
            # it only as a party's post.
            stateless = named.country is not None and named.country in head_not_in(words[-1])
            return stateless or mention.span[-1].lower_ == "party"
    return False


# Words before "officer" in a police or prison officer's title, which names no office
# (LABELLING.md: police chiefs, not officers).
_RANK_AND_FILE = frozenset(
    """
    police senior junior patrol off-duty duty correctional corrections probation parole
    arresting an a the
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _rank_and_file(holding: Holding) -> bool:
    """Whether a role is a police or prison officer's ("Officer", "police officer")."""
    words = fold(holding.role.text).split()
    return (
        bool(words) and words[-1] in ("officer", "officers") and set(words[:-1]) <= _RANK_AND_FILE
    )


# Offices whose holder an aide may be said to serve by the office alone ("the mayor's chief
# of staff", "the governor's spokesman"), and the level of government of each.
_SERVED_OFFICES = {
    "mayor": "city",
    "governor": "state",
    "president": "country",
    "premier": "state",
    "chancellor": "country",
}


def _served_office(holding: Holding) -> str:
    """The office an aide's title says they serve, "the mayor's press secretary", "a
    spokeswoman for the mayor": "mayor"; "" if none (or if it is the holder's own name's,
    "Mayor Adams's")."""
    doc, role = holding.person.field.doc, holding.role
    if role.scope != "aide":
        return ""
    start, end = role.start, role.end
    # "the president's top political adviser": words that rank the aide may come between.
    while start > 3 and start > role.start - 3 and _aide_rank(doc[start - 1]):
        start -= 1
    if start >= 3 and doc[start - 1].lower_ in ("'s", "’s"):
        determiner, office = doc[start - 3].lower_, doc[start - 2].lower_
    elif end + 2 < len(doc) and doc[end].lower_ in ("for", "to"):
        determiner, office = doc[end + 1].lower_, doc[end + 2].lower_
    else:
        return ""
    return office if office in _SERVED_OFFICES and determiner == "the" else ""


def _aide_rank(token: Token) -> bool:
    """Whether a word before an aide's title ranks or describes the aide ("top", "chief",
    "political"), not a name or a portfolio of its own."""
    return token.is_alpha and token.is_lower and token.lower_ not in ("the", "a", "an", "and")


def _office_level(holding: Holding) -> str:
    """The level of government of an aide's office named by the office served alone ("the
    governor's spokesman", "the mayor's chief engagement officer"): a state's, a city's
    office, placed as such offices are (the state or city the article supports); "" if
    none. Not the served holder's jurisdiction: which holding of theirs is meant, the text
    does not say."""
    return _SERVED_OFFICES.get(_served_office(holding), "")


# Words of a title that name the level of government whose office it is ("City Comptroller
# Reshma Soni", "county clerk", "State Comptroller"). A state or county "chairman", "leader"
# or "director" is as often a party's or a campaign's ("Republican state chairman", "the
# campaign's state director"): "state" makes only a place's own offices public.
_TITLE_LEVELS = {
    "city": "city",
    "municipal": "city",
    "county": "county",
    "state": "state",
    "federal": "country",
}
_PARTY_HEADS = frozenset({"chairman", "chairwoman", "chair", "chairperson", "leader", "director"})


def _level_in_title(holding: Holding) -> str:
    """The level a title's own words give a body's title no body is named with: "City
    Comptroller", "county assessor", "State Comptroller", "Federal Privacy Commissioner"
    (a city's, a county's, a state's, a country's office); "" if none."""
    doc, role = holding.person.field.doc, holding.role
    if role.scope == "aide":
        return _aides_level(doc[role.start : role.head_start])
    if role.scope != "body":
        return ""
    head = fold(doc[role.head_start : role.end].text)
    # "The Federal Privacy Commissioner": "federal" opens the title where a role's words
    # leave it out.
    first = role.start - (role.start > 0 and doc[role.start - 1].lower_ == "federal")
    for token in doc[first : role.head_start]:
        level = _TITLE_LEVELS.get(token.lower_)
        if level is None:
            continue
        if level == "state" and not all(w in _PLACE_OFFICES for w in head.split()):
            return ""
        if head in _PARTY_HEADS and level != "city":
            return ""
        return level
    return ""


def _aides_level(words: Span) -> str:
    """The level of government an aide's title gives in lower case: "a state elections
    spokeswoman", "a city spokesman" (not "state media", "the campaign's state
    spokesman")."""
    if any(t.lower_ in _NOT_GOVERNMENT for t in words):
        return ""
    for token in words:
        level = _TITLE_LEVELS.get(token.text)  # lower case only: "State Department" is a body
        if level is not None:
            return level
    return ""


_NOT_GOVERNMENT = frozenset(
    {"media", "television", "tv", "radio", "news", "campaign", "party", "company", "union"}
)


# Titles of a body ("body" in data/roles.tsv) that are also the offices of a place named
# with them: "Cook County Commissioner", "Cook County Assessor", "Cook County Medical
# Examiner", "North Korean leader", "Warren County Attorney" (a place's attorney: its role
# keeps the place), "U.S. Attorney", "Vietnam's General Secretary" (a party-state's leader;
# a union's is a body's).
_PLACE_OFFICES = frozenset(
    """
    commissioner assessor comptroller coroner medical examiner administrator leader
    inspector general high commissioner negotiator secretary
    """.split()  # noqa: SIM905 - a word list reads best as words
)


# Words before "attorney" that make it a place's own lawyer ("County Attorney", "City
# Attorney", "U.S. Attorney"), not a lawyer in practice there ("a New York attorney").
_ATTORNEY_LEVELS = frozenset({"county", "city", "state", "u s", "us", "district", "town"})


def _place_office(holding: Holding) -> bool:
    """Whether a body's title named with a place is that place's office."""
    doc, role = holding.person.field.doc, holding.role
    words = fold(doc[role.head_start : role.end].text).split()
    if words and words[-1] == "attorney":
        # "County Attorney", "U.S. Attorney"; not "attorney", nor "a New York attorney"
        return role.head_start > 0 and fold(doc[role.head_start - 1].text) in _ATTORNEY_LEVELS
    if words and words[-1] in _SERVICE_HEADS and role.head_start > role.start:
        # "Iraqi intelligence chief", "Pakistan's army chief": the head of a state's service
        service = fold(doc[role.start : role.head_start].text).split()
        return bool(service) and all(w in _STATE_SERVICES for w in service)
    return bool(words) and all(w in _PLACE_OFFICES for w in words)


_SERVICE_HEADS = frozenset({"chief", "head", "boss"})
# A state's own services, whose chief named with a place is that place's official.
_STATE_SERVICES = frozenset(
    """
    intelligence army military defence defense police security spy navy naval air force
    armed forces customs border immigration fire prisons
    """.split()  # noqa: SIM905 - a word list reads best as words
)


# Titles that bodies of every kind share with states ("Cato Institute Vice President",
# "Heritage Foundation President", "Campaign Treasurer", "University Chancellor").
_SHARED_TITLES = frozenset(
    {"president", "vice president", "vice-president", "secretary", "treasurer", "chancellor"}
)


def _unnamed_body(holding: Holding) -> bool:
    """Whether a title before a name that bodies share with states ("President") follows
    capitalized words naming no place, party or person, so a body no list knows: "Cato
    Institute Vice President Jane Roe", "Heritage Foundation President" are not a
    country's offices."""
    field, role = holding.person.field, holding.role
    doc = field.doc
    if not holding.titled or field.headline or role.start < 1:
        return False
    if fold(doc[role.head_start : role.end].text) not in _SHARED_TITLES:
        return False
    before = doc[role.start - 1]
    word = fold(before.text)
    # The body's name runs over two words at least, inside a sentence: a word after a
    # paragraph break or a full stop opens a sentence the sentencizer may have missed.
    opening = role.start < 2 or doc[role.start - 2].is_space or doc[role.start - 2].is_punct
    return (
        ((not opening and not before.is_sent_start) or _unknown_acronym(before.text))
        and before.text[:1].isupper()
        and before.is_alpha
        and before.ent_type_ in ("ORG", "")  # not a place, a people, a person, a date
        and word not in _PARTY_WORDS
        and word not in MODIFIERS
        and before.text not in gz.demonyms()
        and gz.state_by_form().get(word) is None
    )


def _unknown_acronym(word: str) -> bool:
    """Whether a word is an acronym no list knows as a public body ("CFMEU" of "CFMEU
    secretary Martin Kingham"): a body's name in one word, even opening a sentence."""
    if not (word.isalpha() and word.isupper() and len(word) >= 3):
        return False
    known = gz.organization_by_form().get(fold(word))
    return known is None or known.kind not in ("government", "international")


_CHAMBERS = frozenset({"senate", "house", "assembly", "legislature", "council", "board"})


def _stateless_president(holding: Holding) -> bool:
    """Whether a president is named with a US state, which has none ("Illinois President"),
    unlike a chamber's ("Massachusetts Senate President")."""
    where = holding.jurisdiction
    if where is None or where.ref.kind != "state":
        return False
    words = fold(holding.role.text).split()
    if not words or words[-1] != "president" or _CHAMBERS & set(words):
        return False
    state = gz.state_by_form().get(fold(where.name))
    return state is not None and state.country == "US"


def opposition_abroad(found: list[Holding]) -> None:
    """An opposition leader outside the parliaments that make the Leader of the Opposition
    an office (data/roles.tsv), or with no country known, leads a party, not an office."""
    for holding in found:
        doc, role = holding.person.field.doc, holding.role
        if holding.kind != PUBLIC or fold(doc[role.head_start : role.end].text) != _OPPOSITION:
            continue
        where = holding.jurisdiction
        iso = where.ref.key.partition("/")[2] if where and where.ref.kind == "country" else ""
        if iso not in title_countries(doc, role):
            holding.kind = PARTY


_OPPOSITION = "opposition leader"


# Titles that bodies of every kind have as well as states, by their head: with no body and
# no place found for them, whose office they are is unknown, most often a private body's
# ("Jefferson Keel, president of the National Congress of American Indians", "Police
# Federation chairman Jan Berry", "the CFMEU secretary, Martin Kingham").
_ANYONES_TITLES = frozenset(
    {
        "president",
        "vice president",
        "vice-president",
        "chairman",
        "chairwoman",
        "chair",
        "secretary",
        "general secretary",
        "treasurer",
        "director",
        "chief executive",
        "chief executive officer",
    }
)


def unplaced_titles(found: list[Holding]) -> None:
    """A title bodies of every kind share with states, held where the article supports no
    place, is no public office: the graph states no official of nowhere."""
    for holding in found:
        if holding.kind != PUBLIC or holding.serves is not None:
            continue
        doc, role = holding.person.field.doc, holding.role
        head = fold(doc[role.head_start : role.end].text)
        if holding.jurisdiction is None and head in _ANYONES_TITLES and head == fold(role.text):
            holding.kind = PRIVATE


MILITARY_RANKS = frozenset(
    """
    general gen admiral adm colonel col lieutenant lt major maj brigadier brig rear vice
    commander cmdr captain capt sergeant sgt marshal
    """.split()  # noqa: SIM905 - a word list reads best as words
)
"""Military ranks written before an officer's name (AP Stylebook "military titles")."""
_RETIRED = frozenset({"retired", "ret", "former", "ex"})


def officer(holding: Holding) -> bool:
    """Whether the holder's name follows a military rank ("Gen. Mark Milley", "Adm. Mike
    Rogers"; not "retired Gen."): their office is held in a country's armed forces."""
    doc, index = holding.person.field.doc, holding.person.span.start - 1
    ranked = False
    while index >= 0 and (
        doc[index].lower_.rstrip(".") in MILITARY_RANKS or doc[index].text in ".-"
    ):
        ranked = ranked or doc[index].lower_.rstrip(".") in MILITARY_RANKS
        index -= 1
    return ranked and not (index >= 0 and doc[index].lower_.rstrip(".") in _RETIRED)


_CITY_WORDS = frozenset(
    {"city", "municipal", "council", "park", "parks", "ward", "aldermanic", "fire", "police"}
)
_STATE_WORDS = frozenset({"state", "statehouse", "legislature"})


def _generic(name: str) -> bool:
    """Whether a body's name says only what kind of body it is ("the House", "Fire
    Department", "Senate Intelligence Committee"), not whose ("European commission")."""
    words = fold(name).split()
    generic = _PUBLIC_WORDS | _CITY_WORDS | _STATE_WORDS | MODIFIERS | {"the", "of", "and"}
    return bool(words) and all(w in generic for w in words)


_INTERNATIONAL = re.compile(
    r"\b(?:United Nations|U\.N\.|UN|International|World|Global|European|African|Asian|"
    r"Arab|Atlantic|Pacific|Commonwealth|Islamic|Interpol|NATO|OPEC|ASEAN)\b"
)


def _international(name: str) -> bool:
    """Whether a body's name says it is international ("UN Human Rights Council",
    "International Atomic Energy Agency"), so that its office is its own, not a country's."""
    return _INTERNATIONAL.search(name) is not None


def _level(name: str) -> str:
    """The level of government a public body's name says it belongs to."""
    words = set(fold(name).split())
    if words & {"national", "federal"}:
        return "country"  # "National Economic Council": not a city's council
    if words & _STATE_WORDS:
        return "state"
    return "city" if words & _CITY_WORDS else "country"


def _frontbench(holding: Holding) -> bool:
    """Whether a party's title names a portfolio ("home affairs spokesman", "spokeswoman
    for women", "local government spokesman") or a shadow office, or is the bare
    spokesperson of a party that speaks through its members in parliament ("Tory
    spokesman David Davis"; not "a UKIP spokesman")."""
    words = fold(holding.role.text).split()
    head = fold(holding.person.field.doc[holding.role.head_start].text)
    if _bare(holding):
        party = party_before(holding.person.field.doc, holding.role.start)
        return party is not None and party.frontbench
    return bool(words) and (
        words[0] == "shadow"
        or "local government" in " ".join(words)
        or any(w in _PORTFOLIOS for w in words if w != head)
    )


def _bare(holding: Holding) -> bool:
    """Whether a role is a spokesperson's with no portfolio or rank ("Tory spokesman")."""
    return fold(holding.role.text) in _SPOKESPEOPLE


_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def country_jurisdiction(iso: str) -> Jurisdiction | None:
    """A country (ISO code) as a jurisdiction, by its gazetteer name."""
    country = gz.country(iso)
    return Jurisdiction(country_ref(iso), country.name) if country is not None else None


def _place_of(body: Jurisdiction, city: int | None, country: str | None) -> Jurisdiction:
    """A public body's place: its city, its country, the state its seat names; a body a
    people's officials serve (data/demonyms.tsv: the Palestinian Authority) stays itself."""
    if body.name in _self_governing():
        return body
    place = seat(body.name)
    if place is not None and len(place) == 2:
        return country_jurisdiction(place) or body
    if place is not None:
        return Jurisdiction(state_ref(place), place)
    if city is not None:
        return Jurisdiction(city_ref(city), gz.city(city).name)
    if country is not None:
        return country_jurisdiction(country) or body
    return _named_place(body) or body


def _government_of(where: Jurisdiction) -> Jurisdiction | None:
    """The place a government's name names ("the City of Chicago", "the State of Illinois"),
    when a role is named with it as with a place; None for any other place."""
    if _OF_PLACE.fullmatch(re.sub(r"^(?:the|The)\s+", "", where.name)) is None:
        return None
    return _named_place(where)


def _named_place(body: Jurisdiction) -> Jurisdiction | None:
    """The city, state or country that opens a body's name ("Chicago Park District")."""
    name = re.sub(r"^(?:the|The)\s+", "", body.name)
    named = _OF_PLACE.fullmatch(name)
    if named is not None:
        # "the City of Chicago", "the State of Illinois": the place itself.
        name = named.group(1)
        state = gz.state_by_form().get(fold(name))
        if state is not None:
            return Jurisdiction(state_ref(state.name), state.name)
        for place in gz.places(name, primary=True)[:1]:
            if isinstance(place, gz.Country):
                return country_jurisdiction(place.iso)
            return Jurisdiction(city_ref(place.geonameid), place.name)
        return None
    words = name.split(" ")
    iso = gz.demonyms().get(words[0])
    if iso is not None and not iso.startswith("org:") and len(words) > 1:
        return country_jurisdiction(iso)  # "Chinese Foreign Ministry": China's
    for size in range(min(3, len(words) - 1), 0, -1):
        opening = " ".join(words[:size])
        if all(fold(w) in _PUBLIC_WORDS | MODIFIERS for w in words[:size]):
            continue  # "Federal Reserve": "Federal" is a town in Argentina, not the place
        state = gz.state_by_form().get(fold(opening))
        if state is not None:
            return Jurisdiction(state_ref(state.name), state.name)
        for place in gz.places(opening, primary=True)[:1]:
            if isinstance(place, gz.Country):
                return country_jurisdiction(place.iso)
            return Jurisdiction(city_ref(place.geonameid), place.name)
    return None


def _self_governing() -> frozenset[str]:
    return frozenset(iso[4:] for iso in gz.demonyms().values() if iso.startswith("org:"))
