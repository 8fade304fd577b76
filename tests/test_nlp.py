"""The shared text analysis: entities from the recognizer alone, parses of chosen sentences."""

from __future__ import annotations

from pathlib import Path

from kg.extract import Context
from kg.extract.nlp import analyse, parsed, recognizer, statistical_model
from kg.model import Article


def tokens(body: str) -> list[str]:
    """The words of a text's one field as the pipeline splits them."""
    (field,) = analyse(Context(Article(source="test.txt", body=body)))
    return [t.text for t in field.doc]


def test_the_recognizer_alone_finds_the_same_entities_as_the_model_with_tok2vec() -> None:
    # The shared tok2vec feeds only the tagger and parser: leaving it out changes nothing.
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("seeds").glob("*.txt"))][:3]
    full = [[(e.start, e.end, e.label_) for e in d.ents] for d in statistical_model().pipe(texts)]
    alone = [[(e.start, e.end, e.label_) for e in d.ents] for d in recognizer().pipe(texts)]
    assert full == alone
    assert "tok2vec" not in recognizer().pipe_names


def test_parsed_sentences_line_up_with_the_field_tokens() -> None:
    body = (
        "The vote was close. Richard Burr, the Republican chairman of the Senate "
        "Intelligence Committee, said the inquiry would go on."
    )
    context = Context(Article(source="test.txt", body=body))
    (field,) = analyse(context)
    found = parsed(context, [(field, 1)])
    sentence = found["body", 1]
    chairman = next(t for t in field.doc if t.text == "chairman")
    token = sentence.token(chairman.i)
    assert token.text == "chairman"
    assert token.dep_ == "appos" and token.head.text == "Burr"
    assert sentence.index(token.head) == chairman.i - 4
    # Asked again, the parse comes from the cache.
    assert parsed(context, [(field, 1)])["body", 1] is sentence


def test_a_closing_quotation_mark_run_into_a_name_is_a_token_of_its_own() -> None:
    words = tokens('He asked the district for money "to no avail."Chuck Swirsky disagreed.')
    assert words[words.index("avail") :][:4] == ["avail", ".", '"', "Chuck"]


def test_list_items_a_scraper_ran_together_split_where_a_given_name_or_a_word_follows() -> None:
    words = tokens(
        "Panelists: Joan Hill, director at the Office of Education and Human ServicesEbony "
        "Lucas, attorney. Incumbent: Ald. Chris Taliaferro Headed to runoffContesting "
        "candidate: none. Shares of PerkinElmer and LinkedIn rose."
    )
    assert {"Services", "Ebony", "runoff", "Contesting"} <= set(words)
    assert {"PerkinElmer", "LinkedIn"} <= set(words)  # one name each, not two items
