"""The news schemas kg reads out of the box (issue #19), the field mapping, and the report of
fields nothing read: each schema's real-shaped record gives the right headline, date, URL,
outlet, authors, topics and body, and its hostile variants give exactly the stated outcome."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.cli import main
from kg.errors import ConfigError, InputError
from kg.graph import KnowledgeGraph
from kg.model import Article
from kg.readers import read_file
from kg.readers.mapping import FieldMap
from kg.readers.schemas import CANDIDATES, markdown_table, precedence_table

from .conftest import DATA, ROOT

SCHEMAS = DATA / "schemas"


def articles(path: Path | str, **options: Any) -> list[Article]:
    items = list(read_file(str(path), **options))
    assert all(isinstance(item, Article) for item in items), items
    return items  # type: ignore[return-value]


def notes(article: Article) -> list[str]:
    return [problem.split(": ", 1)[1] for problem in article.problems]


# ------------------------------------------------------------------ each schema, field by field


def test_newsapi_response() -> None:
    first, second = articles(SCHEMAS / "newsapi-everything.json")
    assert first.title == "Chicago to widen police use of facial recognition after review"
    assert first.published == datetime(2024, 10, 15, 14, 5, 31, tzinfo=UTC)
    assert first.url == (
        "https://www.lakeshoreledger.com/2024/10/15/chicago-facial-recognition-review/"
    )
    assert first.provider is not None and first.provider.name == "Lakeshore Ledger"
    assert first.authors == ("Dana Whitfield", "Marcus Lee")
    assert first.excerpt == (
        "The city will extend a pilot program to every district, officials said on Tuesday."
    )
    assert [image.url for image in first.images] == [
        "https://www.lakeshoreledger.com/wp-content/uploads/2024/10/cameras-1200x675.jpg"
    ]
    # `content` is the body, without NewsAPI's "… [+3120 chars]" marker.
    assert first.body.startswith("Chicago Mayor Brandon Johnson said on Tuesday")
    assert first.body.endswith('"We will use every tool t')
    assert (first.problems, first.unused) == ((), ())  # source.id is null: nothing lost
    assert (second.authors, second.body, second.images) == ((), "", ())
    assert second.unused == ("source.id",)
    assert [a.record for a in (first, second)] == [0, 1]


def test_gdelt_doc_artlist() -> None:
    first, second = articles(SCHEMAS / "gdelt-artlist.json")
    assert first.title == "Chancellor Rachel Reeves rules out rail fares freeze in budget"
    assert first.published == datetime(2024, 10, 16, 12, 30, tzinfo=UTC)
    assert first.url == (
        "https://www.harbourherald.co.uk/news/politics/rail-fares-freeze-budget-12345678"
    )
    assert first.amp_url == f"{first.url}.amp"
    assert first.provider is not None
    assert (first.provider.domain, first.provider.country) == (
        "harbourherald.co.uk",
        "United Kingdom",
    )
    assert first.language == "English"
    assert [image.url for image in first.images] == [
        "https://www.harbourherald.co.uk/resources/images/rail.jpg"
    ]
    # Empty url_mobile and socialimage are nothing, not errors.
    assert (second.amp_url, second.images, second.problems) == (None, (), ())
    assert second.provider is not None and second.provider.country == "Germany"


def test_hugo_front_matter() -> None:
    (post,) = articles(SCHEMAS / "hugo-post.md")
    assert post.title == "Council approves transit budget after late-night session"
    assert post.published == datetime(2024, 10, 16, tzinfo=UTC)
    assert post.modified == datetime(2024, 10, 18, 9, tzinfo=timezone(timedelta(hours=-4)))
    assert post.url == "https://www.bayviewgazette.com/2024/10/16/council-approves-transit-budget/"
    assert post.provider is not None and post.provider.name == "The Bayview Gazette"
    assert post.authors == ("Maria Gonzalez",)
    assert post.topics == ("transit", "budget", "Local News")  # tags, then categories
    assert (
        post.excerpt == "The city council voted 9-2 to fund new bus lanes and longer subway hours."
    )
    assert post.body.startswith("Boston Mayor Michelle Wu praised the vote")
    assert post.problems == ()
    assert post.unused == ("draft", "slug", "weight")


def test_jekyll_front_matter_with_relative_links() -> None:
    (post,) = articles(SCHEMAS / "jekyll-post.md")
    assert post.title == "Governor signs wildfire preparedness bill"
    assert post.published == datetime(2024, 9, 30, 16, 20, tzinfo=timezone(timedelta(hours=-7)))
    assert post.modified == datetime(2024, 10, 1, tzinfo=UTC)
    assert post.authors == ("Sam Patel",)  # author: {name: ..., twitter: ...}
    assert post.topics == ("wildfires", "politics", "california")
    assert (post.url, post.images) == (None, ())
    assert notes(post) == [
        "field 'permalink' dropped: a relative URL ('/2024/09/30/governor-signs-wildfire-bill/'); "
        "kg needs http(s)://...",
        "field 'image' dropped: a relative URL ('/assets/img/fire-crews.jpg'); "
        "kg needs http(s)://...",
        "no URL in the record (its fields: author, categories, comments, date, image, "
        "last_modified_at, layout, permalink, tags, title); if one of them holds it, map it: "
        "--field url=NAME",
    ]
    assert post.unused == ("comments", "layout")


def test_schema_org_json_ld_graph() -> None:
    (article,) = articles(SCHEMAS / "jsonld-newsarticle.json")
    assert article.title == "Hochul announces rent relief fund for tenants"
    assert article.published == datetime(2024, 10, 14, 8, tzinfo=UTC)
    assert article.modified == datetime(2024, 10, 14, 15, 42, 10, tzinfo=UTC)
    # mainEntityOfPage refers to the WebPage node by @id; its url is the article's.
    assert article.url == "https://www.hudsonpost.com/2024/10/14/hochul-rent-relief/"
    assert article.provider is not None
    assert (article.provider.name, article.provider.domain) == (
        "The Hudson Post",
        "www.hudsonpost.com",
    )
    assert article.authors == ("Alex Rivera",)  # the Person node its @id names
    assert article.topics == ("housing", "rent", "Albany")
    assert (article.category, article.language) == ("Politics", "en-US")
    assert [(i.url, i.width, i.title) for i in article.images] == [
        (
            "https://www.hudsonpost.com/wp-content/uploads/2024/10/hochul-albany.jpg",
            1200,
            "Governor Kathy Hochul in Albany",
        )
    ]
    assert article.body.startswith("New York Governor Kathy Hochul announced")
    assert article.problems == ()
    assert article.unused == ("isPartOf", "publisher.logo", "wordCount")


def test_scraper_outputs() -> None:
    trafilatura, news_please, crawler = articles(SCHEMAS / "scrapers.jsonl")
    assert trafilatura.url == "https://pugetdaily.org/2024/10/15/council-delays-police-contract/"
    assert trafilatura.provider is not None
    assert (trafilatura.provider.name, trafilatura.provider.domain) == (
        "Puget Daily",
        "pugetdaily.org",
    )
    assert trafilatura.authors == ("Jane Roe", "John Poe")
    assert trafilatura.topics == ("police", "contracts", "Politics", "Seattle")
    assert trafilatura.body.startswith("Seattle Mayor Bruce Harrell asked")
    assert trafilatura.unused == (
        "filedate",
        "fingerprint",
        "pagetype",
        "raw_text",
    )
    assert news_please.published == datetime(2024, 10, 15, 17, 45)
    assert news_please.modified == datetime(2024, 10, 15, 18, 3)
    assert news_please.provider is not None and news_please.provider.domain == "www.capitolwire.net"
    assert news_please.body.startswith("Senator Amy Klobuchar of Minnesota")
    assert crawler.url == "https://www.riverbendnews.com/local/2024/10/14/water-main/"
    assert crawler.published == datetime(2024, 10, 14, 16, tzinfo=UTC)  # RFC 2822
    assert crawler.provider is not None and crawler.provider.name == "Riverbend News"
    assert crawler.category == "Local"
    assert crawler.body.startswith("Denver Mayor Mike Johnston said")
    assert [a.line for a in (trafilatura, news_please, crawler)] == [1, 2, 3]


# ------------------------------------------------------------------ the graph of every schema


@pytest.fixture(scope="module")
def schema_graph() -> KnowledgeGraph:
    return kg.build(sorted(p for p in SCHEMAS.iterdir() if p.name != "SOURCES.md"))


ARTICLE_ROWS = """
PREFIX schema: <https://schema.org/>
SELECT ?headline ?date ?url ?outlet ?country
       (GROUP_CONCAT(DISTINCT ?author; separator="|") AS ?authors)
WHERE {
  ?article schema:headline ?headline .
  OPTIONAL { ?article schema:datePublished ?date }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article schema:publisher/schema:name ?outlet }
  OPTIONAL { ?article schema:publisher/schema:location/schema:name ?country }
  OPTIONAL { ?article schema:author/schema:name ?author }
}
GROUP BY ?headline ?date ?url ?outlet ?country
"""


def test_every_schema_builds_with_headline_date_url_outlet_and_authors(
    schema_graph: KnowledgeGraph,
) -> None:
    rows = {row["headline"]: row for row in kg.query(schema_graph, ARTICLE_ROWS)}
    expected = {
        "Chicago to widen police use of facial recognition after review": (
            "Lakeshore Ledger",
            "Dana Whitfield|Marcus Lee",
        ),
        "Illinois lawmakers weigh limits on police face scans": ("Reuters", ""),
        "Chancellor Rachel Reeves rules out rail fares freeze in budget": (
            "harbourherald.co.uk",
            "",
        ),
        "Council approves transit budget after late-night session": (
            "The Bayview Gazette",
            "Maria Gonzalez",
        ),
        "Governor signs wildfire preparedness bill": (None, "Sam Patel"),
        "Hochul announces rent relief fund for tenants": ("The Hudson Post", "Alex Rivera"),
        "Seattle council delays vote on police contract": ("Puget Daily", "Jane Roe|John Poe"),
        "Klobuchar pushes for vote on election security bill": ("capitolwire.net", "Lena Fischer"),
        "Water main break closes downtown streets": ("Riverbend News", ""),
    }
    for headline, (outlet, authors) in expected.items():
        row = rows[headline]
        assert row["outlet"] == outlet, headline
        assert "|".join(sorted((row["authors"] or "").split("|"))) == authors, headline
        assert row["date"], headline
        assert bool(row["url"]) == (headline != "Governor signs wildfire preparedness bill")
    assert rows["Chancellor Rachel Reeves rules out rail fares freeze in budget"]["country"] == (
        "United Kingdom"
    )


def test_every_schema_body_is_analysed(schema_graph: KnowledgeGraph) -> None:
    officials = {
        (r["name"], r["role"], r["source"].rsplit("/", 1)[-1])
        for r in kg.query(schema_graph, "officials")
    }
    assert {
        ("Brandon Johnson", "Mayor", "newsapi-everything.json"),
        ("Rachel Reeves", "Chancellor", "gdelt-artlist.json"),  # the headline: GDELT has no body
        ("Michelle Wu", "Mayor", "hugo-post.md"),
        ("Gavin Newsom", "Governor", "jekyll-post.md"),
        ("Kathy Hochul", "Governor", "jsonld-newsarticle.json"),
        ("Bruce Harrell", "Mayor", "scrapers.jsonl"),
        ("Amy Klobuchar", "Senator", "scrapers.jsonl"),
        ("Mike Johnston", "Mayor", "scrapers.jsonl"),
    } <= officials


def test_topics_dates_and_languages_reach_the_graph(schema_graph: KnowledgeGraph) -> None:
    rows = kg.query(
        schema_graph,
        """PREFIX schema: <https://schema.org/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?headline ?topic ?modified ?language WHERE {
          ?article schema:headline "Hochul announces rent relief fund for tenants" ;
                   schema:headline ?headline ; schema:about/skos:prefLabel ?topic ;
                   schema:dateModified ?modified ; schema:inLanguage ?language }""",
    )
    assert {row["topic"] for row in rows} == {"housing", "rent", "Albany"}
    assert {(row["modified"], row["language"]) for row in rows} == {
        ("2024-10-14T15:42:10Z", "en-US")
    }


def test_the_graph_of_every_schema_satisfies_the_shapes(schema_graph: KnowledgeGraph) -> None:
    from kg.validate import validate

    report = validate(schema_graph)
    assert report.conforms, report.text[:3000]


def test_unused_fields_are_counted_per_file(schema_graph: KnowledgeGraph) -> None:
    unused = schema_graph.report.unused_fields
    assert unused["source.id"] == 1  # two NewsAPI records, one file
    assert {"draft", "slug", "weight", "layout", "isPartOf", "raw_text"} <= set(unused)
    assert "title" not in unused and "publishedAt" not in unused


# ------------------------------------------------------------------ hostile variants

NEWSAPI_RECORD = {
    "source": {"id": None, "name": "Lakeshore Ledger"},
    "author": "Dana Whitfield",
    "title": "A title",
    "url": "https://www.lakeshoreledger.com/a/",
    "publishedAt": "2024-10-15T14:05:31Z",
    "content": "Chicago Mayor Brandon Johnson spoke.",
}

# (file name, content) -> the outcome: each article's (title, outlet name, notes), or errors
HOSTILE: list[tuple[str, str, list[Any]]] = [
    (
        "error.json",
        json.dumps({"status": "error", "code": "apiKeyInvalid", "message": "Your API key is bad."}),
        ["the file is an API's error response (apiKeyInvalid): Your API key is bad."],
    ),
    (
        "empty-envelope.json",
        json.dumps({"status": "ok", "totalResults": 0, "articles": []}),
        ["no article records in the file (an empty list or envelope)"],
    ),
    (
        "nested-envelope.json",
        json.dumps({"response": {"status": "ok", "results": {"articles": [NEWSAPI_RECORD]}}}),
        [("A title", "Lakeshore Ledger", [])],
    ),
    (
        "source-is-a-list.json",
        json.dumps({"articles": [{**NEWSAPI_RECORD, "source": [{"name": "X"}]}]}),
        [
            (
                "A title",
                None,
                ["field 'source' dropped: expected a name or a mapping with one, got list"],
            )
        ],
    ),
    (
        "title-is-a-list.json",
        json.dumps([{**NEWSAPI_RECORD, "title": ["A", "B"]}]),
        [
            (
                None,
                "Lakeshore Ledger",
                [
                    "field 'title' dropped: expected text, got list",
                    "no headline in the record (its fields: author, content, publishedAt, "
                    "source, title, url); if one of them holds it, map it: --field title=NAME",
                ],
            )
        ],
    ),
    (
        "wrong-types.json",
        json.dumps([{**NEWSAPI_RECORD, "author": 42, "content": ["x"], "publishedAt": {"d": 1}}]),
        [
            (
                "A title",
                "Lakeshore Ledger",
                [
                    "field 'content' dropped: expected text, got list",
                    "field 'publishedAt' dropped: not an ISO 8601 date-time: \"{'d': 1}\"",
                    "field 'author' dropped: expected a name, got int",
                    "no date in the record (its fields: author, content, publishedAt, source, "
                    "title, url); if one of them holds it, map it: --field date=NAME",
                ],
            )
        ],
    ),
    (
        "gdelt-bad-values.json",
        json.dumps(
            {
                "articles": [
                    {
                        "url": "https://example.co.uk/a",
                        "title": "T",
                        "seendate": "20241399T999999Z",
                        "domain": "not a domain!",
                        "language": ["English"],
                        "sourcecountry": "Atlantis",
                    }
                ]
            }
        ),
        [
            (
                "T",
                None,
                [
                    "field 'domain' dropped: not a domain name: 'not a domain!'",
                    "field 'seendate' dropped: not an ISO 8601 date-time: '20241399T999999Z'",
                    "field 'language' dropped: expected text, got list",
                    "no date in the record (its fields: domain, language, seendate, "
                    "sourcecountry, title, url); if one of them holds it, map it: "
                    "--field date=NAME",
                ],
            )
        ],
    ),
    (
        "gdelt-articles-not-a-list.json",
        json.dumps({"articles": "none"}),
        [
            "no headline, text or URL in the record (its fields: articles); map the record's "
            "own names with --field, e.g. --field title=NAME"
        ],
    ),
    (
        "hugo-wrong-types.md",
        "---\ntitle: Post\ndate: yesterday\nurl: /news/post/\ntags: transit\n"
        "categories: {a: 1}\nauthor: [Ann Lee, {name: Bo Chen}, 3]\n---\nText.\n",
        [
            (
                "Post",
                None,
                [
                    "field 'date' dropped: not an ISO 8601 date-time: 'yesterday'",
                    "field 'url' dropped: a relative URL ('/news/post/'); kg needs http(s)://...",
                    "field 'categories' dropped: expected a list of text, got dict",
                    "field 'author[]' dropped: some items are not names",
                    "no date or URL in the record (its fields: author, categories, date, tags, "
                    "title, url); if one of them holds it, map it: --field date=NAME",
                ],
            )
        ],
    ),
    (
        "jsonld-without-article.json",
        json.dumps(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebSite", "@id": "#w", "name": "W"},
                    {"@type": "Organization", "@id": "#o", "name": "O"},
                ],
            }
        ),
        [
            "JSON-LD without an article node (it holds Organization, WebSite; kg reads "
            "NewsArticle, Article, BlogPosting and their kinds)"
        ],
    ),
    (
        "jsonld-odd-shapes.json",
        json.dumps(
            [
                {"@type": "BreadcrumbList", "itemListElement": []},
                {
                    "@type": ["https://schema.org/NewsArticle"],
                    "headline": "H",
                    "mainEntityOfPage": "https://example.com/h",
                    "datePublished": "2024-01-02",
                    "publisher": "Example Daily",
                    "author": {"@id": "#nobody"},
                    "keywords": ["a", "b"],
                },
            ]
        ),
        [("H", "Example Daily", ["field 'author' dropped: expected a name, got dict"])],
    ),
]


@pytest.mark.parametrize(("name", "content", "outcome"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_variants_give_exact_outcomes(
    tmp_path: Path, name: str, content: str, outcome: list[Any]
) -> None:
    path = tmp_path / name
    path.write_text(content)
    items = list(read_file(str(path)))
    found = [
        item.reason
        if isinstance(item, InputError)
        else (item.title, item.provider.name if item.provider else None, notes(item))
        for item in items
    ]
    assert found == outcome


# ------------------------------------------------------------------ the mapping option

CUSTOM = {
    "hed": "Denver mayor orders review of snow plans",
    "published_on": "2024-12-02T10:00:00Z",
    "permalink_abs": "https://www.frontrangetimes.com/2024/12/02/snow-review/",
    "story_text": "Denver Mayor Mike Johnston ordered a review of the city's snow plans on Monday.",
    "brand": "Front Range Times",
    "slug": "snow-review",
}


@pytest.fixture
def custom_file(tmp_path: Path) -> Path:
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps(CUSTOM) + "\n" + json.dumps({**CUSTOM, "hed": "Second"}) + "\n")
    return path


def test_unmapped_records_say_what_is_missing_and_what_is_there(custom_file: Path) -> None:
    with pytest.raises(AssertionError):
        articles(custom_file)
    (error, _) = list(read_file(str(custom_file)))
    assert isinstance(error, InputError) and error.line == 1
    assert error.reason.startswith(
        "no headline, text or URL in the record (its fields: brand, hed, permalink_abs, "
        "published_on, slug, story_text)"
    )


def test_a_mapping_from_python(custom_file: Path) -> None:
    mapping = {
        "title": "hed",
        "date": "published_on",
        "url": "permalink_abs",
        "body": "story_text",
        "outlet": ["brand"],
    }
    first, _ = articles(custom_file, fields=FieldMap.of(mapping))
    assert (first.title, first.published, first.url) == (
        CUSTOM["hed"],
        datetime(2024, 12, 2, 10, tzinfo=UTC),
        CUSTOM["permalink_abs"],
    )
    assert first.provider is not None and first.provider.name == "Front Range Times"
    assert (first.problems, first.unused) == ((), ("slug",))
    graph = kg.build([custom_file], fields=mapping)
    assert {(r["name"], r["role"]) for r in kg.query(graph, "officials")} == {
        ("Mike Johnston", "Mayor")
    }
    assert graph.report.unused_fields == {"slug": 1}


def test_a_mapping_from_the_command_line_and_a_file(custom_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    options = ["--field", "title=hed", "--field", "date=published_on", "-q"]
    mapped = runner.invoke(
        main,
        [
            "build",
            str(custom_file),
            *options,
            "--field",
            "body=story_text",
            "--field",
            "url=permalink_abs",
            "-o",
            str(tmp_path / "a"),
        ],
    )
    assert mapped.exit_code == 0, mapped.output
    assert "unused fields: brand (1 file), slug (1 file)" in mapped.output
    report = json.loads((tmp_path / "a" / "build-report.json").read_text())
    assert report["unused_fields"] == {"brand": 1, "slug": 1}
    assert report["problems"] == [] and report["records"] == 2
    (tmp_path / "map.yaml").write_text("body: story_text\nheadline: hed\nurl: permalink_abs\n")
    from_file = runner.invoke(
        main,
        [
            "build",
            str(custom_file),
            "--fields",
            str(tmp_path / "map.yaml"),
            "-o",
            str(tmp_path / "b"),
            "-q",
        ],
    )
    assert from_file.exit_code == 0, from_file.output
    assert "no date in the record" in from_file.output
    unknown = runner.invoke(
        main, ["build", str(custom_file), "--field", "dat=published_on", "-o", str(tmp_path)]
    )
    assert unknown.exit_code == 1
    assert "unknown kg field 'dat' in the field mapping; known: title" in unknown.output


def test_mapping_errors_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--field takes KG_FIELD=SOURCE_FIELD"):
        FieldMap.parse(["date"])
    with pytest.raises(ConfigError, match="must be a field name or a list of them"):
        FieldMap.of({"date": 3})  # type: ignore[dict-item]
    (tmp_path / "list.yaml").write_text("- date\n")
    with pytest.raises(ConfigError, match="a field mapping is a YAML mapping"):
        FieldMap.load(tmp_path / "list.yaml")
    merged = FieldMap.parse(["date=a"]).then(FieldMap.of({"date": "b", "body": "c"}))
    assert merged.candidates("date")[:3] == ("a", "b", "publishedDateTime")


def test_a_changed_mapping_is_not_served_from_the_store(custom_file: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    mapping = {"title": "hed", "body": "story_text", "url": "permalink_abs"}
    before = kg.build([custom_file], fields=mapping, store=store, extractors=["articles"])
    assert not [r for r in kg.query(before, "articles") if r.get("date")]
    after = kg.build(
        [custom_file],
        fields={**mapping, "date": "published_on"},
        store=store,
        extractors=["articles"],
    )
    assert after.report.reused == 0
    assert {r["date"] for r in kg.query(after, "articles")} == {"2024-12-02T10:00:00Z"}


# ------------------------------------------------------------------ the docs


def test_the_docs_table_is_the_code_table() -> None:
    docs = (ROOT / "docs" / "input.md").read_text()
    assert markdown_table() in docs
    assert precedence_table() in docs


# ------------------------------------------------------------------ any record, any shape

_KEYS = sorted(
    {c.key.split(".")[0] for cs in CANDIDATES.values() for c in cs}
    | {"@type", "@graph", "@id", "articles", "status", "message", "name", "url", "slug"}
)
_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)
)
_value = st.recursive(
    _scalar,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=15,
)
_records = st.dictionaries(st.sampled_from(_KEYS), _value, max_size=8)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=st.one_of(_records, st.lists(_records, max_size=3), _value))
def test_any_document_of_schema_names_gives_articles_or_input_errors(
    tmp_path: Path, document: Any
) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps(document))
    for item in read_file(str(path)):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            urls = (item.url, item.amp_url, item.cdn_amp_url, item.original_url)
            assert item.title or item.body or item.excerpt or any(urls)
            assert all(isinstance(name, str) for name in item.authors + item.topics + item.unused)
