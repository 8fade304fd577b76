"""Saved web pages, RSS/Atom feeds and WARC archives (issue #18): real fixture pages give
their headline, date, outlet and text; hostile ones are reported and never crash a build."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.cli import main
from kg.errors import InputError, InputNote
from kg.model import Article
from kg.readers import discover, read_file, readers, split
from kg.readers.limits import Limits
from kg.urls import registered_domain

from .conftest import DATA

WEB = DATA / "web"
PAGES = yaml.safe_load((WEB / "pages.yaml").read_text(encoding="utf-8"))


def items(path: Path | str, **options: Any) -> list[Article | InputError]:
    return list(read_file(str(path), **options))


def one_page(path: Path | str, **options: Any) -> Article:
    (article,) = items(path, **options)
    assert isinstance(article, Article), article
    return article


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# ------------------------------------------------------------------ saved pages


@pytest.mark.parametrize("page", PAGES, ids=[p["file"] for p in PAGES])
def test_a_page_gives_headline_date_outlet_and_first_sentence(page: dict[str, Any]) -> None:
    article = one_page(WEB / "pages" / page["file"])
    assert article.title in page["headlines"]
    assert article.published is not None
    assert article.published.date().isoformat() == page["date"]
    assert registered_domain(article.url or "") == page["outlet"]
    assert page["first"] in flat(article.body)
    assert "<" not in article.body or not re.search(r"<(p|div|script|a)\b", article.body)
    assert article.unused == ()


def test_main_text_of_nine_pages_in_ten_is_whole_and_clean() -> None:
    clean = 0
    for page in PAGES:
        body = flat(one_page(WEB / "pages" / page["file"]).body)
        clean += (
            page["first"] in body
            and page["last"] in body
            and not any(line in body for line in page["boilerplate"])
        )
    assert clean / len(PAGES) >= 0.9, f"{clean} of {len(PAGES)}"


def test_scripts_and_styles_never_reach_the_text(tmp_path: Path) -> None:
    path = tmp_path / "scripted.html"
    path.write_text(
        "<html><head><title>Council votes</title>"
        "<script>window.__pwned=1; document.write('Mayor Evil Script said')</script>"
        "<style>.x:before{content:'Mayor Styled Person'}</style></head><body><article>"
        "<h1>City council votes</h1><p>"
        + "Boston Mayor Michelle Wu said the council would vote on the plan next week. "
        * 4
        + "</p><script>alert('Mayor Injected Script')</script><noscript>Enable scripts</noscript>"
        "<p>The second paragraph is long enough to count as the article's own text too.</p>"
        "</article></body></html>"
    )
    article = one_page(path)
    assert article.title == "Council votes"
    assert "Boston Mayor Michelle Wu" in article.body
    for planted in ("Evil Script", "Styled Person", "Injected Script", "pwned", "Enable scripts"):
        assert planted not in article.body


@pytest.mark.parametrize(
    ("content", "outcome"),
    [
        ("", "the file is empty"),
        ("   \n\n", "the file is empty"),
        ("<html><body></body></html>", "no headline, text or URL in the record"),
        ("<!-- only a comment -->", "not an HTML page"),
    ],
)
def test_pages_without_an_article_are_reported(tmp_path: Path, content: str, outcome: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(content)
    (error,) = items(path)
    assert isinstance(error, InputError) and error.reason.startswith(outcome), error


def test_broken_markup_is_read_and_a_huge_page_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<html><body><div><p>Unclosed <b>tags <i>everywhere <p>"
        + "Boston Mayor Michelle Wu said the council would vote on the plan next week. " * 3
    )
    assert "Boston Mayor Michelle Wu" in one_page(broken).body
    huge = tmp_path / "huge.html"
    paragraph = "<p>" + "Mayor Jane Doe said the city would act. " * 50 + "</p>\n"
    huge.write_text("<html><body>" + paragraph * 26_000 + "</body></html>")  # 52 MB
    started = time.perf_counter()
    (error,) = items(huge)
    assert isinstance(error, InputError)
    assert error.reason.startswith("page too large: 52") and "max_page_chars=10000000" in (
        error.reason
    )
    assert time.perf_counter() - started < 30
    small = one_page(broken, limits=Limits(max_page_chars=10_000))
    assert small.body


# ------------------------------------------------------------------ feeds


def test_a_news_feed_gives_an_article_per_item() -> None:
    found = items(WEB / "feeds" / "news.rss")
    assert len(found) == 5 and all(isinstance(a, Article) for a in found)
    for article, page in zip(found, PAGES[:5], strict=True):
        assert isinstance(article, Article)
        assert article.title == page["headlines"][0]
        assert article.url == page["url"]
        assert article.published is not None
        assert article.published.date().isoformat() == page["date"]
        assert article.provider is not None
        assert (article.provider.name, article.provider.domain) == (
            "Fixture News",
            "news.example.org",
        )
        assert article.authors == ("Staff Writer",) and article.topics == ("News",)
        assert article.language == "en-US"
        assert page["first"] in flat(article.body) and page["last"] in flat(article.body)
        assert "pwned" not in article.body and "<p>" not in article.body


def test_atom_and_rss_spec_examples() -> None:
    robots, self_link = items(WEB / "feeds" / "example.atom")
    assert isinstance(robots, Article) and isinstance(self_link, Article)
    assert (robots.title, robots.url, robots.excerpt) == (
        "Atom-Powered Robots Run Amok",
        "http://example.org/2003/12/13/atom03",
        "Some text.",
    )
    assert robots.provider is not None and robots.provider.name == "Example Feed"
    assert self_link.url is None  # its only link is the entry's own Atom document
    (entry,) = items(WEB / "feeds" / "example.rss")
    assert isinstance(entry, Article)
    assert (entry.title, entry.url, str(entry.published)) == (
        "Example entry",
        "http://www.example.com/blog/post/1",
        "2009-09-06 16:20:00+00:00",
    )


@pytest.mark.parametrize("name", ["content-with-script.xml", "content-with-style.atom"])
def test_feed_html_is_sanitized_then_made_text(name: str) -> None:
    (article,) = items(WEB / "feeds" / name)
    assert isinstance(article, Article) and article.body == "safe description"


ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<rss version="2.0"><channel><title>&f;</title>
<item><title>&f;</title><link>https://example.com/a</link></item></channel></rss>
"""


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bomb.rss", ENTITY_BOMB, "the feed declares XML entities; refused (entity expansion)"),
        (
            "external.xml",
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<rss><channel><item><title>&x;</title></item></channel></rss>",
            "the feed declares XML entities; refused (entity expansion)",
        ),
        ("empty.rss", '<rss version="2.0"><channel><title>T</title></channel></rss>', "a feed "),
    ],
)
def test_hostile_feeds_are_refused(tmp_path: Path, name: str, content: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    started = time.perf_counter()
    (error,) = items(path)
    assert time.perf_counter() - started < 1.0
    assert isinstance(error, InputError) and error.reason.startswith(reason), error


def test_an_xml_file_that_is_not_a_feed_is_not_read_as_one(tmp_path: Path) -> None:
    (tmp_path / "config.xml").write_text("<?xml version='1.0'?><config><a>1</a></config>")
    (error,) = items(tmp_path / "config.xml")
    assert isinstance(error, InputError) and error.reason == "no reader for .xml"
    (tmp_path / "feed.txt").write_text(ENTITY_BOMB.replace("&f;", "T"))
    assert "entities" in str(items(tmp_path / "feed.txt")[0])  # a feed, whatever its suffix


# ------------------------------------------------------------------ WARC archives


def test_a_warc_of_news_pages() -> None:
    *articles, note = items(WEB / "warc" / "news.warc.gz")
    assert isinstance(note, InputNote)
    assert note.reason == (
        "12 WARC records are not HTML pages, left out: 1 HTTP 301, 1 image/png, "
        "5 metadata, 5 request"
    )
    assert [a.record for a in articles] == [0, 1, 2, 3, 4]  # type: ignore[union-attr]
    offsets = [a.line for a in articles]  # type: ignore[union-attr]
    assert offsets == sorted(offsets) and len(set(offsets)) == 5
    for article, page in zip(articles, PAGES[:5], strict=True):
        assert isinstance(article, Article)
        assert article.url == page["url"] and article.title in page["headlines"]
        assert page["first"] in flat(article.body)


def test_warcio_sample_archives() -> None:
    example, note = items(WEB / "warc" / "example.warc.gz")
    assert isinstance(example, Article) and example.title == "Example Domain"
    assert example.url == "http://example.com/"  # WARC-Target-URI: the page has no canonical
    assert example.body.startswith("This domain is established to be used for illustrative")
    assert str(note).endswith(
        "5 WARC records are not HTML pages, left out: 2 request, 1 revisit, 2 warcinfo"
    )
    iana, _ = items(WEB / "warc" / "example-iana.org-chunked.warc")
    assert isinstance(iana, Article) and iana.url == "http://iana.org/"  # chunked, decoded


def test_a_truncated_or_garbled_archive_keeps_what_came_before(tmp_path: Path) -> None:
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes((WEB / "warc" / "news.warc.gz").read_bytes()[:120_000])
    found = items(cut)
    assert [type(i).__name__ for i in found] == [
        "Article",
        "Article",
        "Article",
        "InputError",
        "InputNote",
    ]
    error = found[3]
    assert isinstance(error, InputError) and error.line == 103886
    assert error.reason == (
        "the archive is cut short inside this record (a truncated download?); "
        "the records before it were read"
    )
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(bytes(range(256)) * 20)
    (error,) = items(garbage)
    assert isinstance(error, InputError) and error.reason.startswith(
        "the archive is damaged or cut short after byte 0"
    )


def test_a_big_archive_is_read_as_parts_of_whole_records() -> None:
    """Cut into parts, an archive gives the same pages, located as in the whole archive,
    and its note on the records left out once (with its last part)."""
    archive = str(WEB / "warc" / "news.warc.gz")
    whole = items(archive)
    parts = split(archive, Limits(chunk_bytes=40_000))
    assert parts is not None and len(parts) == 3
    assert parts[0].start == 0 and parts[-1].stop == (WEB / "warc" / "news.warc.gz").stat().st_size
    assert all(a.stop == b.start for a, b in itertools.pairwise(parts))
    cut = [item for part in parts for item in read_file(part)]
    assert [(type(i).__name__, getattr(i, "line", None)) for i in cut] == [
        (type(i).__name__, getattr(i, "line", None)) for i in whole
    ]
    assert [a.url for a in cut if isinstance(a, Article)] == [
        a.url for a in whole if isinstance(a, Article)
    ]
    assert [str(n) for n in cut if isinstance(n, InputNote)] == [
        str(n) for n in whole if isinstance(n, InputNote)
    ]
    assert split(archive, Limits()) is None, "under chunk_bytes: read whole"
    small = WEB / "warc" / "example.warc.gz"
    assert split(str(small), Limits(chunk_bytes=100)) is not None


def test_an_archive_cut_short_is_read_whole_to_report_where(tmp_path: Path) -> None:
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes((WEB / "warc" / "news.warc.gz").read_bytes()[:120_000])
    assert split(str(cut), Limits(chunk_bytes=10_000)) is None
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(bytes(range(256)) * 20_000)
    assert split(str(garbage), Limits(chunk_bytes=10_000)) is None


def test_a_big_archive_cut_small_builds_the_same_bytes(tmp_path: Path) -> None:
    archive = WEB / "warc" / "news.warc.gz"
    whole = kg.build_to([archive], tmp_path / "whole", formats=["nquads"], jobs=1)
    cut = kg.build_to(
        [archive], tmp_path / "cut", formats=["nquads"], jobs=2, limits=Limits(chunk_bytes=40_000)
    )
    assert (tmp_path / "cut" / "graph.nq").read_bytes() == (
        tmp_path / "whole" / "graph.nq"
    ).read_bytes()
    assert cut.report.records == whole.report.records == 5
    assert cut.report.problems == whole.report.problems
    assert sum("WARC records are not HTML pages" in p for p in cut.report.problems) == 1


def test_archives_are_found_by_their_double_suffix(tmp_path: Path) -> None:
    shutil.copy(WEB / "warc" / "example.warc.gz", tmp_path / "crawl.warc.gz")
    (tmp_path / "data.json.gz").write_bytes(b"")
    found, _ = discover([tmp_path])
    assert found == [str(tmp_path / "crawl.warc.gz")]


# ------------------------------------------------------------------ the build


def test_kg_build_pages_feeds_and_a_crawl(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(WEB / "pages", pages)
    result = CliRunner().invoke(
        main,
        [
            "build",
            str(pages),
            str(WEB / "feeds" / "news.rss"),
            str(WEB / "warc" / "news.warc.gz"),
            "-o",
            str(tmp_path / "out"),
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "12 WARC records are not HTML pages, left out" in result.output
    report = json.loads((tmp_path / "out" / "build-report.json").read_text())
    assert report["records"] == len(PAGES) + 5 + 5
    graph = kg.load(tmp_path / "out" / "graph.ttl")
    officials = {(row["name"], row["role"]) for row in kg.query(graph, "officials")}
    assert ("Andrew Cuomo", "Governor") in officials  # from the BBC page's text
    assert all("<" not in row["headline"] for row in kg.query(graph, "articles"))


def test_the_new_readers_are_registered() -> None:
    assert {"feed", "html", "warc"} <= set(readers.names())
    output = CliRunner().invoke(main, ["plugins"]).output
    assert "warc" in output and "feed" in output and "html" in output


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode()),
        st.text(max_size=300).map(lambda t: f'<rss version="2.0"><channel>{t}'.encode()),
    ),
    suffix=st.sampled_from([".html", ".rss", ".xml", ".atom", ".warc", ".warc.gz"]),
)
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    for item in read_file(str(path)):
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert not re.search(r"<(script|style)\b", item.body)
