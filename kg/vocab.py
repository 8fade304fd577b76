"""The kg ontology's terms as Python names. Generated from ontology/kg.ttl by
``make vocab``; do not edit. A typo in a term name fails at import."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KG(DefinedNamespace):
    """Terms of the kg ontology (only what schema.org, PROV-O and SKOS lack)."""

    _fail = True
    _NS = Namespace("https://kg.example/ns#")

    Evidence: URIRef  # A reified statement with the sentence and character span that support it, the article it came from and the extractor that produced it.
    Extraction: URIRef  # The run of one kg extractor, at one kg version, that generated facts.
    Official: URIRef  # A person who holds a public office or an official role in at least one article, e.g. a mayor, a minister or a spokesperson.
    Position: URIRef  # An office or official role held by a person in a jurisdiction, e.g. Mayor of New York City, as reported by one or more articles.
    alternateUrl: URIRef  # Another URL serving the same article: an AMP page, a CDN cache or an original URL.
    ampUrl: URIRef  # The article's Accelerated Mobile Pages URL.
    articleType: URIRef  # The record's own type of item, e.g. article or video.
    cdnAmpUrl: URIRef  # The article's AMP page as served by an AMP cache.
    charEnd: URIRef  # Offset just past the last character of the supporting span.
    charStart: URIRef  # Offset of the first character of the supporting span in the text field, counted in Unicode code points from 0.
    domain: URIRef  # The registered domain that identifies an outlet, e.g. nypost.com.
    firstReported: URIRef  # The earliest publication date of the articles that state the position.
    formerHolder: URIRef  # A person who held the position before the article that reports it (former, ex-, then-); not its holder at the time.
    heldPosition: URIRef  # A position the person is reported to have held before the article, e.g. as a former mayor.
    holder: URIRef  # The person who holds the position.
    holdsPosition: URIRef  # A position the person is reported to hold.
    inferred: URIRef  # True when the statement is inferred (from context, or by resolving a surname) rather than stated by the text.
    jurisdiction: URIRef  # The place or organization the position belongs to, e.g. New York City for its mayor.
    lastReported: URIRef  # The latest publication date of the articles that state the position.
    originalUrl: URIRef  # The URL the record gives as the article's original location when it differs from its web URL.
    quality: URIRef  # The quality score the news source assigned to the article.
    relatedArticle: URIRef  # An article the record lists as related to this one.
    reportedIn: URIRef  # An article that states the position.
    sentence: URIRef  # The sentence of the article that supports the statement.
    sourceFile: URIRef  # The input file path, as the build saw it, that the article was read from.
    textField: URIRef  # The part of the article the evidence is in: title, excerpt or body.
