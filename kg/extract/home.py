"""The country an article is written from, estimated from the domestic things it names.

A newsroom names its own country's offices without the country: an Australian report says
"Defence Minister Robert Hill", "the Federal Government", "Senator Hill", and qualifies only
foreign ones ("Indian Prime Minister"). A careful reader infers the home country from what
the article names: that country's states, cities, parties and agencies, the country itself
and its demonym, and the publisher's country code. Each is a weighted signal tied to its
sentence, so a file holding two stories weighs the signals nearest to a passage most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.extract import Context
from kg.extract import gazetteers as gz
from kg.extract.bodies import holds_head
from kg.extract.nlp import OUTLET as OUTLET_LABEL
from kg.extract.nlp import Field, Mention, analyse
from kg.extract.places import place_mentions
from kg.text import fold
from kg.urls import registered_domain

if TYPE_CHECKING:
    from spacy.tokens import Span

# States and a country's own bodies (agencies, parties, professional bodies, its news
# media) say more about where the writer is than a country's or a city's name, which is as
# often where the news happens; a country named after "in" or "to" ("troops arrived in
# Afghanistan") is where, not who, and counts half. Armed groups are what the news is about.
COUNTRY, LOCATION, DEMONYM, CITY, STATE, ORGANIZATION, OUTLET = 1.0, 0.5, 1.0, 1.0, 2.0, 2.0, 2.0
PUBLISHER = 3.0
"""The publisher's country-code domain holds for the whole article."""
_LOCATIVE = frozenset({"in", "into", "to", "across", "throughout", "inside", "near", "around"})
# Fields other than the one read (a title, an excerpt) count at this share.
_OTHER_FIELD = 0.5
_COUNTRY_CODE_DOMAINS = {"uk": "GB"}
_THE = re.compile(r"^(?:the|The)\s+")
# Dashes after a dateline: em, en, hyphen, and the horizontal bar ("WASHINGTON ―", HuffPost).
_DATELINE = re.compile(
    r"\s*(?P<places>[A-Z][A-Z.'’ -]{1,40}(?:/[A-Z][A-Z.'’ -]{1,40})*?)"
    r"(?:,[^—–―\n(]{0,40})?\s*(?:\((?P<wire>[^)\n]{1,40})\)\s*)?[—–―-]\s"
)
_CREDIT = re.compile(r"\s*\((?P<wire>[A-Z][^)\n]{1,39})\)\s*[—–―-]\s")
DOMESTIC = frozenset({"state", "party", "organization", "institution", "outlet", "publisher"})
"""Signals of where the writer is, not where the news is: the country's own divisions,
bodies (and seats of government) and media, and the publisher's domain."""
_MARGIN = 2.0


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing an article names that belongs to a country, and where it stands."""

    iso: str
    weight: float
    kind: str
    """What names the country: country, location, demonym, city, state (its name or a body of
    one of its states), party, organization, outlet, publisher."""
    field: str
    """The field's name; "" for the publisher, which holds for the whole article."""
    sentence: int


def signals(context: Context) -> list[Signal]:
    """Every domestic signal of the article (cached for the extractors that ask)."""
    found = context.cache.get("home")
    if found is None:
        found = context.cache["home"] = _signals(context)
    return found


def _signals(context: Context) -> list[Signal]:
    found = []
    for mention in place_mentions(context):
        field, at = mention.field, mention.field.sentence_index(mention.span.start_char)
        code = mention.ref.key.partition("/")[2]
        if mention.ref.kind == "city":
            # "flew to Kabul", "a visit to Moscow": where someone goes says nothing of whose
            # offices they hold ("spoke in Sydney" still does: a report's own city).
            kind = "location" if _destination(mention) else "city"
            found.append(Signal(gz.city(int(code)).country, CITY, kind, field.name, at))
        elif is_located(mention):
            found.append(Signal(code, LOCATION, "location", field.name, at))
        else:
            found.append(Signal(code, COUNTRY, "country", field.name, at))
    shared: list[tuple[str, int, tuple[gz.Organization, ...]]] = []
    bare: list[Signal] = []
    for field in analyse(context):
        for ent in field.ents:
            at = field.sentence_index(ent.start_char)
            text = _THE.sub("", ent.text)
            signal: Signal | None = None
            seat = _seat_country(text) if ent.label_ in ("ORG", "FAC", "GPE") else None
            if seat is not None:
                # "the White House said", "a Kremlin statement": a seat of government stands
                # for the country's own government, as its agencies do.
                signal = Signal(seat, ORGANIZATION, "organization", field.name, at)
            elif ent.label_ in ("NORP", "GPE", "LOC"):
                # spaCy often calls a state a location ("across New South Wales").
                signal = _place_signal(text, field.name, at)
            elif ent.label_ == "ORG" and ent.ent_id_:
                candidates = gz.organization_candidates(text)
                if len(candidates) > 1:
                    shared.append((field.name, at, candidates))
                else:
                    signal = _organization_signal(ent.ent_id_, field.name, at)
                    if signal is not None and signal.kind == "party" and _opening_word(ent):
                        bare.append(signal)  # "Liberals Fume At ...": the party, or the word
                        signal = None
            elif ent.label_ == "ORG" and " " in text:
                # "the Australian Government": a demonym opens the name.
                iso = _country_of_demonym(text.split(" ", 1)[0])
                signal = Signal(iso, DEMONYM, "institution", field.name, at) if iso else None
                state = _state_opening(text) if signal is None and _body_shaped(ent) else None
                if state is not None:  # "the New South Wales Fire Brigades"
                    signal = _place_signal(state, field.name, at)
            elif ent.label_ == OUTLET_LABEL and ent.ent_id_ and not _relayed(ent):
                # "told Channel Seven": a cited outlet's country-code domain.
                iso = _domain_country(ent.ent_id_)
                signal = Signal(iso, OUTLET, "outlet", field.name, at) if iso else None
            if signal is not None:
                found.append(signal)
        found += _unlabelled_states(field) + _federal_institutions(field)
    provider = context.article.provider
    domain = registered_domain(provider.domain) if provider and provider.domain else None
    iso = _domain_country(domain) if domain else None
    if iso is not None:
        found.append(Signal(iso, PUBLISHER, "publisher", "", 0))
    dateline = dateline_country(context.article.body)
    if dateline is not None:
        found.append(Signal(dateline, PUBLISHER, "dateline", "", 0))
    # A party named by one word that opens its sentence or headline ("Liberals Fume At
    # ...", "Liberal groups, which ...") counts only for the country the other signals
    # point to, or where there are none: capitalized there, it may be the common word.
    overall = _best(found, None, 0, frozenset(), None) if found else None
    found += [s for s in bare if overall is None or s.iso == overall]
    # A name several countries' bodies share ("Labor Party": Australian or Israeli) is the
    # body of the country the other signals around it point to.
    for name, at, candidates in shared:
        countries = frozenset(c.country for c in candidates if c.country)
        best = _best(found, name, at, frozenset(), countries)
        chosen = next((c for c in candidates if c.country == best), None)
        if chosen is not None and chosen.kind != "group" and best is not None:
            found.append(Signal(best, ORGANIZATION, _body_kind(chosen.name, chosen.kind), name, at))
    return found


_REPORTS = frozenset({"reports", "reported", "says", "said", "quoted", "cited"})


def _relayed(outlet: Span) -> bool:
    """Whether an outlet is named as the source of a report the article passes on ("As the
    BBC reports", "according to CNN"): another newsroom's report says nothing of where this
    one is, as "told Channel Seven" does."""
    doc = outlet.doc
    after = doc[outlet.end].lower_ if outlet.end < len(doc) else ""
    before = doc[max(0, outlet.start - 2) : outlet.start].text.lower()
    return after in _REPORTS or before.endswith("according to")


def dateline(body: str) -> tuple[list[str], str | None]:
    """The places and the wire service of a body's dateline ("WASHINGTON/NEW YORK (Reuters)
    - ...", "LONDON —", "(Reuters) -"), which opens the body or its first paragraph after a
    headline line: places in their usual case, or nothing when there is no dateline.

    >>> dateline("WASHINGTON (Reuters) - The Senate voted."), dateline("(Reuters) - It rose.")
    ((['Washington'], 'Reuters'), ([], 'Reuters'))
    >>> dateline("WASHINGTON ― Democrats provided votes.")
    (['Washington'], None)
    """
    lines = [line for line in body.splitlines()[:4] if line.strip()][:2]
    match = next((m for line in lines if (m := _DATELINE.match(line))), None)
    if match is None:
        # "(Reuters) - A U.S. proposal ...": a wire's credit with no place.
        credit = next((m for line in lines if (m := _CREDIT.match(line))), None)
        return [], credit["wire"] if credit is not None else None
    places = [place.strip().title() for place in match["places"].split("/") if place.strip()]
    return places, match["wire"]


def dateline_country(body: str) -> str | None:
    """The country (ISO code) of a dateline's first city, if any ("ANKARA (Reuters) -": TR)."""
    places, _ = dateline(body)
    if not places:
        return None
    found = gz.places(places[0], primary=True)
    city = next((p for p in found if isinstance(p, gz.City)), None)
    return city.country if city is not None else None


def _place_signal(text: str, field: str, at: int) -> Signal | None:
    iso = _country_of_demonym(text)
    if iso is not None:
        return Signal(iso, DEMONYM, "demonym", field, at)
    state = gz.state_by_form().get(fold(text))
    if state is None or is_city_too(state):
        # "Washington suspended visa services": the capital's government, not the state
        # (a city mention already counts it).
        return None
    return Signal(state.country, STATE, "state", field, at)


_CITY_TOO = 500_000
"""A state named like a city of its country this big is as often the city ("Washington")."""


def is_city_too(state: gz.State) -> bool:
    """Whether a state's name is also a big city's of its country ("Washington", "New
    York"): named alone, it is as often the city or the government seated there."""
    return any(
        isinstance(p, gz.City) and p.country == state.country and p.population >= _CITY_TOO
        for p in gz.places(state.name, primary=True)
    )


def _seat_country(text: str) -> str | None:
    """The country (ISO code) whose government a seat of government names ("White House",
    "Kremlin"); None for a state's seat ("Holyrood") or another name."""
    place = gz.seats().get(fold(text))
    return place if place is not None and len(place) == 2 else None


def _opening_word(ent: Span) -> bool:
    """Whether an entity is one word (past "the") that opens its sentence."""
    words = [t for t in ent if t.lower_ != "the"]
    return len(words) == 1 and (ent[0].is_sent_start or ent.start == 0)


def _organization_signal(name: str, field: str, at: int) -> Signal | None:
    known = gz.organization_by_form().get(fold(name))
    if known is None or known.kind == "group":
        return None
    iso = known.country
    if iso is None and known.city is not None:
        iso = gz.city(known.city).country
    if iso is None:
        return None
    return Signal(iso, ORGANIZATION, _body_kind(known.name, known.kind), field, at)


def _body_kind(name: str, kind: str) -> str:
    """The kind of signal a country's body gives: a party (its states' politics have them
    too), a state's body ("State Emergency Service", "New South Wales Fire Brigades": every
    state of the federation has one), else the country's own organization."""
    if kind == "party":
        return "party"
    if name.startswith("State ") or _state_opening(name):
        return "state"
    return "organization"


def _body_shaped(span: Span) -> bool:
    """Whether a name says by its words that it is a public body's ("New South Wales Fire
    Brigades", "Texas Department of Public Safety"; not "the Texas Chainsaw Massacre")."""
    return holds_head(span) or span[-1].text in _SERVICES


_SERVICES = frozenset({"Service", "Services", "Brigade", "Brigades"})


# Australian news (the ABC's reports of 2001 throughout) capitalizes the Commonwealth's
# institutions as proper names ("the Federal Government", "the Federal Opposition"), where
# US news writes a lower-case "federal government" (AP Stylebook, "federal"): a signal for
# Australia, no stronger than a demonym.
_FEDERAL_INSTITUTIONS = re.compile(
    r"\b[Tt]he Federal (?:Government|Opposition|Parliament|Cabinet)\b"
)


def _federal_institutions(field: Field) -> list[Signal]:
    """ "the Federal Government", "the Federal Opposition": Australia's, so written."""
    return [
        Signal("AU", DEMONYM, "institution", field.name, field.sentence_index(m.start()))
        for m in _FEDERAL_INSTITUTIONS.finditer(field.text)
    ]


def _unlabelled_states(field: Field) -> list[Signal]:
    """The states named in words of two or more that the model labels nothing ("a New
    South Wales rule", "the Western Australian coast" is a demonym's): a state's name
    that is no big city's too is its country's signal wherever it stands."""
    found = []
    for match in _state_names().finditer(field.text):
        if any(e.start_char < match.end() and match.start() < e.end_char for e in field.ents):
            continue  # the model's entity counts already, whatever its label
        state = gz.state_by_form()[fold(match.group())]
        at = field.sentence_index(match.start())
        found.append(Signal(state.country, STATE, "state", field.name, at))
    return found


@cache
def _state_names() -> re.Pattern[str]:
    """The states' names of two words or more that name no big city too, as one pattern."""
    names = {
        state.name
        for state in gz.state_by_form().values()
        if " " in state.name and not is_city_too(state)
    }
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _state_opening(name: str) -> str | None:
    """The state's name a body's name opens with ("New South Wales" of "New South Wales
    Fire Brigades"), if any."""
    words = name.split()
    for n in range(min(len(words) - 1, 3), 0, -1):
        opening = " ".join(words[:n])
        if fold(opening) in gz.state_by_form():
            return opening
    return None


def _country_of_demonym(word: str) -> str | None:
    iso = gz.demonyms().get(word)
    return iso if iso is not None and not iso.startswith("org:") else None


def _domain_country(domain: str) -> str | None:
    """The country of a country-code domain: "7news.com.au" -> AU, "bbc.co.uk" -> GB."""
    suffix = domain.rsplit(".", 1)[-1]
    iso = _COUNTRY_CODE_DOMAINS.get(suffix, suffix.upper())
    return iso if len(suffix) == 2 and gz.country(iso) is not None else None


def _destination(mention: Mention) -> bool:
    """Whether a place is named as where someone goes ("flew to Kabul", "visited Moscow")."""
    doc, start = mention.span.doc, mention.span.start
    return start > 0 and doc[start - 1].lower_ in _DESTINATION


_DESTINATION = frozenset({"to", "into", "visit", "visited", "visiting", "visits"})


def is_located(mention: Mention) -> bool:
    """Whether a place is named as where something happens ("arrived in Afghanistan")."""
    doc, start = mention.span.doc, mention.span.start
    return start > 0 and doc[start - 1].lower_ in _LOCATIVE


def home_country(
    context: Context,
    *,
    field: str | None = None,
    sentence: int = 0,
    exclude: frozenset[str] = frozenset(),
    among: frozenset[str] | None = None,
) -> str | None:
    """The likeliest home country (ISO code), weighing signals near ``field``/``sentence``.

    A signal ``d`` sentences away counts ``1 / (1 + d)`` of its weight; signals in other
    fields count half. Countries in ``exclude`` (those that qualify another office in
    the passage) are not candidates; with ``among``, only those countries are.
    """
    # Where something happens ("flew to Syria", "troops in Afghanistan") says nothing of
    # whose offices the article names.
    found = [s for s in signals(context) if s.kind != "location"]
    return _best(found, field, sentence, exclude, among)


def domestic_country(
    context: Context,
    *,
    field: str | None = None,
    sentence: int = 0,
    exclude: frozenset[str] = frozenset(),
) -> str | None:
    """The home country by its domestic signals alone (``DOMESTIC``), weighed as in
    ``home_country``, when it outweighs any other country at least twice over; None when
    the article's own institutions say nothing, or say two things.

    The dateline is not one of them: it says where the reporter stands, which for a
    correspondent abroad is not whose offices the report names without a country ("SEOUL
    (Reuters) - National Security Adviser H.R. McMaster"); a dateline never makes a
    foreign office (it still weighs in ``home_country``, for organizations)."""
    found = [s for s in signals(context) if s.kind in DOMESTIC]
    best = _best(found, field, sentence, exclude, None)
    if best is None:
        return None
    second = _best(found, field, sentence, exclude | {best}, None)
    if second is None:
        return best
    scores = _scores(found, field, sentence, exclude)
    return best if scores[best] >= _MARGIN * scores[second] else None


def _best(
    found: list[Signal],
    field: str | None,
    sentence: int,
    exclude: frozenset[str],
    among: frozenset[str] | None,
) -> str | None:
    scores = _scores(found, field, sentence, exclude, among)
    if not scores:
        return None
    best, score = max(scores.items(), key=lambda item: (item[1], item[0]))
    return best if score > 0 else None


def _scores(
    found: list[Signal],
    field: str | None,
    sentence: int,
    exclude: frozenset[str],
    among: frozenset[str] | None = None,
) -> dict[str, float]:
    scores: dict[str, float] = {}
    for signal in found:
        if signal.iso in exclude or (among is not None and signal.iso not in among):
            continue
        weight = signal.weight
        if field is not None and signal.field:
            if signal.field == field:
                weight /= 1 + abs(signal.sentence - sentence)
            else:
                weight *= _OTHER_FIELD
        scores[signal.iso] = scores.get(signal.iso, 0.0) + weight
    return scores
