"""News outlets cited in the text ("Politico noted", "according to The New York Times")."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from kg.extract import Context, article_ref, extractor
from kg.extract import gazetteers as gz
from kg.extract.acronyms import definitions
from kg.extract.home import home_country
from kg.extract.nlp import OUTLET, Field, Mention, analyse, first_mentions
from kg.extract.outlets import outlet_domain, outlet_facts, outlet_ref
from kg.model import Article, Fact, Ref
from kg.namespaces import SDO
from kg.text import fold
from kg.urls import registered_domain

if TYPE_CHECKING:
    from spacy.tokens import Span

# The ruler's label, and those under which the model puts an outlet whose name is also an
# English word ("Time").
_NAME_LABELS = frozenset({OUTLET, "ORG", "WORK_OF_ART", "PERSON", "PRODUCT"})


def outlet_mentions(context: Context) -> list[Mention]:
    """Every outlet named in the article's fields (cached for other extractors)."""
    found = context.cache.get("citations")
    if found is None:
        found = list(_find(context))
        found += _referred_back(context, found)
        found += _web_addresses(context, found)
        found = context.cache["citations"] = _short_forms(found)
    return found


def _find(context: Context) -> Iterator[Mention]:
    redefined = redefined_acronyms(context)
    for field in analyse(context):
        for ent in field.ents:
            if ent.text in redefined:
                continue  # "the Australian Federal Police (AFP)": its AFP is no news agency
            outlet = _cited(ent) or _described(ent) or _national(ent, field, context)
            ref = outlet_ref(outlet.domain, outlet.name) if outlet else None
            if outlet is not None and ref is not None:
                yield Mention(ref, outlet.name, field, ent)
                continue
            name = _unlisted(ent)
            ref = outlet_ref(None, name) if name else None
            if name and ref is not None:
                yield Mention(ref, name, field, ent)


def redefined_acronyms(context: Context) -> frozenset[str]:
    """The outlets' acronyms the article defines as another name's ("the Australian Federal
    Police (AFP)"): there, the acronym is that name's, not the news agency's (cached)."""
    found = context.cache.get("redefined acronyms")
    if found is None:
        outlets = gz.outlet_by_form()
        found = context.cache["redefined acronyms"] = frozenset(
            acronym
            for field in analyse(context)
            for acronym, start, end in definitions(field.text)
            if fold(acronym) in outlets and fold(field.text[start:end]) not in outlets
        )
    return frozenset(found)


# Nouns that say the name beside them is a news outlet's: "the Herald newspaper", "the
# newspaper The Hill", "broadcaster GMTV", "the Fars news agency".
_OUTLET_NOUNS = frozenset(
    """
    newspaper newspapers paper magazine tabloid broadsheet daily weekly broadcaster
    network channel station radio television tv website agency outlet
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _described(ent: Span) -> gz.Outlet | None:
    """An outlet a noun beside the name says is one ("the Herald newspaper", "the news
    agency Interfax"), by a form the list gives, the English-word forms included: the noun
    settles what the capital letters alone do not."""
    if ent.label_ not in _NAME_LABELS:
        return None
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    before = doc[ent.start - 1].lower_ if ent.start else ""
    if ent.start and before == "the" and ent.start > 1:
        before = doc[ent.start - 2].lower_
    if after not in _OUTLET_NOUNS and after != "news" and before not in _OUTLET_NOUNS:
        return None
    return gz.outlet_by_form().get(_form(ent.text))


def _national(ent: Span, field: Field, context: Context) -> gz.Outlet | None:
    """An acronym two countries' broadcasters share ("ABC": ABC News in the United States,
    the Australian Broadcasting Corporation in Australia), read as the one of the country
    the passage is about (data/outlets_by_country.tsv), else as the file's first row."""
    if ent.label_ not in _NAME_LABELS:
        return None
    choices = _by_country().get(_form(ent.text))
    if not choices:
        return None
    iso = home_country(
        context,
        field=field.name,
        sentence=field.sentence_index(ent.start_char),
        among=frozenset(choices),
    )
    # With no country to go by, the first row's ("ABC's This Week" in a report that names
    # no country): the name is a broadcaster's either way, never an organization's.
    domain = choices.get(iso or "") or next(iter(choices.values()))
    return next((o for o in gz.outlets() if o.domain == domain), None)


@cache
def _by_country() -> dict[str, dict[str, str]]:
    """Folded form -> {country ISO code: the domain of that country's outlet}."""
    table: dict[str, dict[str, str]] = {}
    text = files("kg.extract").joinpath("data", "outlets_by_country.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and line[0] != "#"]
    for form, iso, domain in rows[1:]:
        table.setdefault(fold(form), {})[iso] = domain
    return table


def _short_forms(found: list[Mention]) -> list[Mention]:
    """ "the Herald" after "the Hyde Park Herald", "the Times" after "The New York Times":
    an outlet's last word alone, where the article names one outlet whose name ends with
    it, is that outlet."""
    full = {m.name.removeprefix("The "): m for m in found}
    renamed: dict[str, Mention] = {}
    for mention in found:
        word = _form(mention.span.text)
        if " " in word:
            continue
        whole = {m.ref: m for n, m in full.items() if " " in n and fold(n).endswith(f" {word}")}
        if len(whole) == 1:
            renamed[mention.name] = next(iter(whole.values()))
    return [
        dataclasses.replace(m, ref=renamed[m.name].ref, name=renamed[m.name].name)
        if m.name in renamed and " " not in _form(m.span.text)
        else m
        for m in found
    ]


_WEB_ADDRESS = re.compile(r"\b(?:www\.)?([A-Za-z][\w-]*\.(?:com|org|net|co\.uk|com\.au))\b")


def _web_addresses(context: Context, found: list[Mention]) -> Iterator[Mention]:
    """ "told FoxNews.com": a listed outlet's web address names that outlet (an address
    the list does not give names none: "NM.org" is a hospital's)."""
    domains = {o.domain.lower(): o for o in gz.outlets()}
    taken = {(m.field.name, i) for m in found for i in range(m.span.start, m.span.end)}
    for field in analyse(context):
        for match in _WEB_ADDRESS.finditer(field.text):
            outlet = domains.get(match.group(1).lower())
            span = field.doc.char_span(*match.span(), alignment_mode="expand")
            ref = outlet_ref(outlet.domain, outlet.name) if outlet else None
            if outlet is None or span is None or ref is None:
                continue
            if any((field.name, i) in taken for i in range(span.start, span.end)):
                continue
            yield Mention(ref, outlet.name, field, span)


# The last words of papers' names that "the" and the word alone refer back to.
MASTHEAD_WORDS = frozenset(
    """
    Times Post Herald Tribune Telegraph Journal Gazette Chronicle Examiner Courier Inquirer
    Dispatch Bulletin Globe Register Enquirer Sun-Times Star Reader Beacon
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _referred_back(context: Context, found: list[Mention]) -> Iterator[Mention]:
    """ "the Post" in an article that names The Washington Post: the last word of a paper
    named in full, after "the" and not before another capitalized word ("the Post
    Office"), refers back to it; the list need not give the short form. The paper that
    publishes the article is named in full by its record: its last word alone, after no
    other capitalized word, is that paper ("a recent Herald interview" in the Hyde Park
    Herald)."""
    papers: dict[tuple[Ref, str], tuple[Ref, str, bool]] = {}
    for mention in found:
        words = mention.name.split()
        if len(words) > 1 and words[-1] in MASTHEAD_WORDS:
            papers.setdefault(
                (mention.field.article, words[-1]), (mention.ref, mention.name, False)
            )
    article = context.article
    for each in (article, *article.related):
        publisher = _publisher(each)
        if publisher is not None:
            ref, name = publisher
            papers.setdefault((article_ref(each), name.split()[-1]), (ref, name, True))
    if not papers:
        return
    taken = {(m.field.name, i) for m in found for i in range(m.span.start, m.span.end)}
    for field in analyse(context):
        doc = field.doc
        for index in range(1, len(doc)):
            paper = papers.get((field.article, doc[index].text))
            if paper is None or (field.name, index) in taken:
                continue
            ref, name, own = paper
            before = doc[index - 1]
            if before.lower_ != "the" and not (
                own and not before.text[:1].isupper() and not doc[index].is_sent_start
            ):
                continue
            after = doc[index + 1].text if index + 1 < len(doc) else ""
            if after[:1].isupper() or after == "-":
                continue
            yield Mention(ref, name, field, doc[index : index + 1])


def _publisher(article: Article) -> tuple[Ref, str] | None:
    """The paper that publishes an article, where its record names it with a masthead's
    last word ("Hyde Park Herald"), and its outlet key."""
    provider = article.provider
    if provider is None or not provider.name:
        return None
    words = provider.name.split()
    if len(words) < 2 or words[-1] not in MASTHEAD_WORDS:
        return None
    domain = registered_domain(provider.domain) if provider.domain else None
    if domain is None:
        urls = filter(None, (article.url, article.original_url))
        domain = next((d for d in map(registered_domain, urls) if d), None)
    ref = outlet_ref(domain, provider.name)
    return None if ref is None else (ref, provider.name)


# A broadcaster's call sign: "WBEZ", "WMUR", "KQED-FM".
_CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?")
# The last word of a newspaper's or magazine's name: "the Sunday Times", "New York Magazine".
_MASTHEAD = re.compile(
    r"(?:[\w’'-]+ )+(?:Times|Post|Herald|Tribune|Telegraph|Journal|Gazette|Magazine|Chronicle|"
    r"Examiner|Courier|Inquirer|Dispatch|Bulletin|Standard|Express|Mirror|Observer|Sun-Times|"
    r"Daily|Public Radio)"
    # A paper's supplement is named by the paper: "the Times Educational Supplement".
    r"|(?:Times|Post|Herald|Telegraph|Guardian|Observer|Independent)(?: \w+)* Supplement"
)


# "... Daily News", "... Morning News": a paper's name; "News" after other words may be
# anything ("Fake News"), so it needs one of these or a place before it ("Deseret" no).
_NEWS = re.compile(r"(?:\w+ )*(?:Daily|Morning|Evening|Sunday|Weekly) News")


def _news_masthead(text: str) -> bool:
    """Whether a name ending in "News" is a paper's: "the Bowling Green Daily News", "the
    Dallas Morning News", "the Anchorage News" (a place, then "News")."""
    if _NEWS.fullmatch(text):
        return True
    place, _, last = text.rpartition(" ")
    if gz.places(text):
        return False  # "the shipping hub of Newport News": a town's own name
    return last == "News" and bool(place) and bool(gz.places(place))


# Nouns after a name that say it is a paper's or an agency's whatever its words: "its
# Al-Naba newspaper"; broader nouns ("network", "channel", "website") name other things too.
_PRINT_NOUNS = frozenset({"newspaper", "magazine", "tabloid", "broadsheet"})


def _before_print_noun(ent: Span, text: str) -> bool:
    """Whether a name the lists do not know stands before a lower-case noun of a paper
    ("its Al-Naba newspaper", "the Vedomosti tabloid") or before "news agency", and is no
    known organization's (a party's "newspaper" is the party's own paper, not the party)."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is None or not after.is_lower:
        return False
    agency = (
        after.lower_ == "news" and ent.end + 1 < len(doc) and doc[ent.end + 1].lower_ == "agency"
    )
    if after.lower_ not in _PRINT_NOUNS and not agency:
        return False
    return fold(text) not in gz.organization_by_form() and not gz.places(text)


def opened_quotation(span: Span) -> bool:
    """Whether an opening quotation mark, written against it, comes right before a name
    ('on C-SPAN's "Washington Journal"'; not '..." Amnesty International said')."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.text in ('"', "“", "‘") and not before.whitespace_


def _unlisted(ent: Span) -> str | None:
    """The name of an outlet the gazetteer does not list, told by its form: a call sign, or
    a name ending as newspapers' and magazines' names do, kept as written (with "The"
    where a capital inside a sentence makes it part of the name)."""
    if ent.label_ not in ("ORG", "WORK_OF_ART", "PRODUCT"):
        return None
    if opened_quotation(ent):
        return None  # C-SPAN's "Washington Journal": a programme's title, in quotation marks
    text = re.sub(r"^[Tt]he |['’]s?$", "", ent.text)
    if _CALL_SIGN.fullmatch(text):
        return text
    if _before_print_noun(ent, text):
        return text  # "its Al-Naba newspaper", "the Interfax news agency"
    if not (_MASTHEAD.fullmatch(text) or _news_masthead(text)) or not all(
        w[0].isupper() for w in text.split()
    ):
        return None
    # "The" is the paper's own only where a capital says so inside a sentence ("he read The
    # Springfield Gazette"); "the Bowling Green Daily News reported" is the article's.
    doc = ent.doc
    the = doc[ent.start] if ent.text[:4] in ("the ", "The ") else None
    if the is None and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        the = doc[ent.start - 1]
    return (
        f"The {text}" if the is not None and the.text == "The" and not the.is_sent_start else text
    )


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
    # "a New Yorker and a Texan": after an indefinite article, a name that heads its noun
    # phrase is a common noun ("a Reuters reporter", "a CNN poll" still cite the outlet).
    if before is not None and before.lower_ in ("a", "an") and not _modifies_noun(ent):
        return None
    # "NBC 6", "CBS 2": a network's name and a channel number is a local station.
    # (Digits: spaCy's like_num takes "first" for a number: "the Post first reported".)
    if ent.end < len(doc) and doc[ent.end].is_digit:
        return None
    # "Michael Bloomberg": an outlet's name at the end of a longer name is not the outlet.
    if before is not None and before.is_title and not before.is_sent_start and before.text != "The":
        return None
    # "Time will tell": a form that is also English, opening a sentence, is the word unless
    # the outlet reports or is owned there ("Time reported", "Time's cover").
    english = re.sub(r"['’]s$", "", written) in outlet.word_forms
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if english and ent[0].is_sent_start and after and after not in _REPORTS:
        return None
    # A form that is also English counts only where the model saw a name, written as in the
    # list ("The Hill", not "the Hill"); a listed name counts with "the" in either case
    # ("from the Daily Telegraph", which the ruler's "The Daily Telegraph" misses).
    listed = {fold(f.removeprefix("The ")) for f in outlet.forms}
    if (
        ent.label_ != OUTLET
        and (ent.label_ == "PERSON" or _form(ent.text) not in listed)
        and re.sub(r"['’]s$", "", written) not in outlet.word_forms
    ):
        return None
    return outlet


# What follows an outlet's name where the outlet itself acts ("Time reported").
_REPORTS = frozenset(
    """
    said says reported reports wrote writes published publishes quoted quotes cited cites
    magazine newspaper 's ’s
    """.split()  # noqa: SIM905 - a word list reads best as words
)

_FUNCTION_WORDS = frozenset(
    """
    and or but nor who whom whose that which was were is are has had from in of with at on to
    """.split()  # noqa: SIM905 - a word list reads best as words
)


def _modifies_noun(ent: Span) -> bool:
    """Whether a lower-case noun follows the name, which then qualifies it ("a Reuters
    reporter", "a CNN interview"), or a slash joins it to another name ("an NBC News/Wall
    Street Journal poll")."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.text == "/":
        return True
    return (
        after is not None
        and after.is_lower
        and after.is_alpha
        and after.lower_ not in _FUNCTION_WORDS
    )


def _form(text: str) -> str:
    return fold(re.sub(r"^[Tt]he |['’]s$", "", text))


@extractor("citations", emits={"schema:citation", "schema:NewsMediaOrganization"})
def citations(article: Article, context: Context) -> Iterator[Fact]:
    """Outlets the text cites, as the same outlet nodes as publishers (keyed by domain)."""
    for mention in first_mentions(outlet_mentions(context)):
        yield Fact(mention.field.article, SDO.citation, mention.ref, mention.evidence("citations"))
        yield from outlet_facts(mention.ref, name=mention.name, domain=outlet_domain(mention.ref))
