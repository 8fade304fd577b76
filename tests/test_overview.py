"""The entity overview on a generated corpus whose co-mentions are known: what is drawn, how
heavy each tie is, what selecting an entity lists, what a period hides; in a real browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import kg
from benchmarks.overview_large import NewsCorpus, news_graph
from kg.errors import ConfigError
from kg.graph import KnowledgeGraph
from kg.layout import components, force_layout
from kg.overview import build_overview

from .browser import chromium, open_file, screenshot

DRAWN = 12


@pytest.fixture(scope="module")
def news() -> tuple[KnowledgeGraph, NewsCorpus]:
    """30 entities in 60 articles over six months of 2024."""
    return news_graph(30, 60, months=6, seed=11)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as running:
        yield running


def _key_of(corpus: NewsCorpus) -> dict[str, str]:
    return {iri: key for key, iri in corpus.iris.items()}


def _articles(corpus: NewsCorpus, key: str, months: tuple[int, int] = (1, 12)) -> list[int]:
    """An entity's articles in the months given, newest first."""
    found = [a for a in corpus.articles_of(key) if months[0] <= corpus.dates[a].month <= months[1]]
    return sorted(found, key=lambda a: corpus.dates[a], reverse=True)


def _shared(corpus: NewsCorpus, a: str, b: str, months: tuple[int, int] = (1, 12)) -> int:
    return len(set(_articles(corpus, a, months)) & set(_articles(corpus, b, months)))


def test_the_most_mentioned_entities_are_drawn_tied_by_the_articles_they_share(
    news: tuple[KnowledgeGraph, NewsCorpus],
) -> None:
    graph, corpus = news
    data = build_overview(graph, max_nodes=DRAWN)
    key_of = _key_of(corpus)
    counts = {key: len(corpus.articles_of(key)) for key in corpus.iris}
    drawn = [key_of[node["id"]] for node in data["nodes"]]
    assert len(drawn) == DRAWN and data["omitted"] == len(counts) - DRAWN
    left_out = set(counts) - set(drawn)
    assert min(counts[key] for key in drawn) >= max(counts[key] for key in left_out)
    assert [node["count"] for node in data["nodes"]] == sorted(
        (counts[key] for key in drawn), reverse=True
    )
    assert all(node["type"] != "article" for node in data["nodes"])
    assert data["edges"], "the drawn entities share articles"
    for low, high, weight, histogram, _ in data["edges"]:
        a, b = drawn[low], drawn[high]
        assert weight == _shared(corpus, a, b), (a, b)
        assert sum(histogram[1::2]) == weight
    # Every drawn entity that shares an article with another drawn one has a tie.
    tied = {end for edge in data["edges"] for end in edge[:2]}
    for position, key in enumerate(drawn):
        if any(_shared(corpus, key, other) for other in drawn if other != key):
            assert position in tied, key
    # An official's office is a typed tie to its city.
    typed = [edge for edge in data["edges"] if edge[4]]
    assert typed and all(
        phrases == [["Mayor of", 1]] or phrases == [["Mayor of", -1]] for *_, phrases in typed
    )
    for low, high, *_, phrases in typed:
        official, city = (low, high) if phrases[0][1] > 0 else (high, low)
        assert data["nodes"][official]["type"] == "official"
        assert data["nodes"][city]["type"] == "city"


def test_each_entity_carries_its_articles_newest_first_with_evidence(
    news: tuple[KnowledgeGraph, NewsCorpus],
) -> None:
    graph, corpus = news
    data = build_overview(graph, max_nodes=DRAWN, articles_per_entity=5)
    key_of = _key_of(corpus)
    for node in data["nodes"]:
        key = key_of[node["id"]]
        expected = _articles(corpus, key)[:5]
        rows = [data["articles"][row] for row, _ in node["articles"]]
        assert [row[0] for row in rows] == [corpus.headlines[a] for a in expected]
        assert [row[1] for row in rows] == [corpus.dates[a].date().isoformat() for a in expected]
        assert [row[3] for row in rows] == [f"https://news.example/story/{a}" for a in expected]
        for (_, sentence), article in zip(node["articles"], expected, strict=True):
            if key in corpus.mentions[article]:
                assert data["sentences"][sentence] == (
                    f"In story {article}, {corpus.names[key]} was in the news."
                )
            else:  # an outlet's own articles: publishing states no sentence
                assert sentence == -1
        assert node["count"] == len(corpus.articles_of(key))


def test_a_period_counts_only_its_articles(news: tuple[KnowledgeGraph, NewsCorpus]) -> None:
    graph, corpus = news
    data = build_overview(graph, since="2024-02", until="2024-03", max_nodes=100)
    key_of = _key_of(corpus)
    for node in data["nodes"]:
        assert node["count"] == len(_articles(corpus, key_of[node["id"]], (2, 3)))
    in_period = {key for key in corpus.iris if _articles(corpus, key, (2, 3))}
    assert {key_of[node["id"]] for node in data["nodes"]} == in_period
    # Two months: the page's period filter moves by days.
    assert data["periods"][0][:7] == "2024-02" and data["periods"][-1][:7] == "2024-03"
    assert len(data["periods"][0]) == len("2024-02-11")


def test_what_the_overview_refuses(news: tuple[KnowledgeGraph, NewsCorpus]) -> None:
    graph, _ = news
    with pytest.raises(ConfigError, match="use --articles for the article graph"):
        build_overview(graph, types={"article"})
    with pytest.raises(ConfigError, match="--max-nodes must be at least 1"):
        build_overview(graph, max_nodes=0)


def test_the_layout_is_seeded_and_keeps_parts_together() -> None:
    sources, targets = np.array([0, 1, 3]), np.array([1, 2, 4])
    first = force_layout(6, sources, targets, np.array([1, 5, 1]))
    assert np.array_equal(first, force_layout(6, sources, targets, np.array([1, 5, 1])))
    assert components(6, sources, targets).tolist() == [0, 0, 0, 3, 3, 5]
    # The two parts and the single node end up near each other, not pushed apart.
    spread = np.ptp(first, axis=0).max()
    assert spread < 10


def _panel_headlines(opened: Any) -> list[str]:
    """The headlines the side panel lists, paging through with the Older button."""
    page = opened.page
    headlines: list[str] = []
    while True:
        headlines += page.locator("#kg-articles li > :first-child").all_inner_texts()
        older = page.locator("#kg-pager button", has_text="Older")
        if not older.count() or older.is_disabled():
            return headlines
        older.click()


def test_the_overview_in_chromium(
    browser: Any, news: tuple[KnowledgeGraph, NewsCorpus], tmp_path: Path
) -> None:
    graph, corpus = news
    target = tmp_path / "overview.html"
    data = kg.view(graph, target, max_nodes=DRAWN)
    key_of = _key_of(corpus)
    drawn = [node["id"] for node in data["nodes"]]
    with open_file(browser, target) as opened:
        opened.wait_until("() => window.kgReady === true")
        assert opened.errors == [] and opened.requests == []
        assert sorted(opened.evaluate("() => window.kgOverview.visible()")) == sorted(drawn)
        for a, b, weight in opened.evaluate("() => window.kgOverview.ties()"):
            assert weight == _shared(corpus, key_of[a], key_of[b])

        # A reader clicks the most mentioned entity: the panel lists exactly its articles.
        busiest = drawn[0]
        spot = opened.evaluate(f"() => window.kgOverview.where({busiest!r})")
        opened.page.mouse.click(spot["x"], spot["y"])
        assert opened.evaluate("() => window.kgOverview.selected()") == busiest
        assert opened.page.inner_text("#kg-details h2") == corpus.names[key_of[busiest]]
        expected = [corpus.headlines[a] for a in _articles(corpus, key_of[busiest])]
        assert len(expected) > 10, "the test should page through the list"
        assert _panel_headlines(opened) == expected[: data["articlesPerEntity"]]

        # The period filter, moved with the keyboard: March alone.
        opened.page.focus("#kg-from")
        opened.page.keyboard.press("ArrowRight")
        opened.page.keyboard.press("ArrowRight")
        opened.page.focus("#kg-to")
        for _ in range(3):
            opened.page.keyboard.press("ArrowLeft")
        opened.wait_until(
            "() => document.getElementById('kg-period-label').textContent === '2024-03 to 2024-03'"
        )
        opened.page.wait_for_timeout(100)
        visible = opened.evaluate("() => window.kgOverview.visible()")
        assert sorted(visible) == sorted(
            iri for iri in drawn if _articles(corpus, key_of[iri], (3, 3))
        )
        assert len(visible) < len(drawn), "the period should hide someone"
        for a, b, weight in opened.evaluate("() => window.kgOverview.ties()"):
            assert weight == _shared(corpus, key_of[a], key_of[b], (3, 3)) > 0
        # The panel lists the period's articles among the newest the page holds, and says so.
        held = _articles(corpus, key_of[busiest])[: data["articlesPerEntity"]]
        assert busiest in visible and len(held) < len(expected)
        assert _panel_headlines(opened) == [
            corpus.headlines[a] for a in held if corpus.dates[a].month == 3
        ]
        assert f"newest {len(held)} of its {len(expected)} articles" in opened.page.inner_text(
            "#kg-details"
        )
        assert "in the period" in opened.page.inner_text("#kg-details")
        screenshot(opened, "overview-period")
        opened.evaluate("() => window.kgSetPeriod()")

        # Types can be hidden; search finds an entity by a part of its name.
        cities = [n["id"] for n in data["nodes"] if n["type"] == "city"]
        opened.page.locator("#kg-types li[data-type=city] input").uncheck()
        assert not set(cities) & set(opened.evaluate("() => window.kgOverview.visible()"))
        assert opened.evaluate("() => window.kgFind('person number')") in drawn
        assert opened.errors == [] and opened.requests == []


UNDATED = """\
@prefix schema: <https://schema.org/> .
@prefix id: <https://kg.example/id/> .

id:a a schema:NewsArticle ; schema:headline "A" ; schema:datePublished "2024-03-02" ;
    schema:mentions id:ann, id:oslo .
id:b a schema:NewsArticle ; schema:headline "B" ; schema:mentions id:ann, id:oslo .
id:c a schema:NewsArticle ; schema:headline "C" ; schema:datePublished "2024-03-05" ;
    schema:mentions id:ann .
id:ann a schema:Person ; schema:name "Ann Example" .
id:oslo a schema:City ; schema:name "Oslo" .
"""


def test_undated_articles_count_only_over_the_whole_span(tmp_path: Path) -> None:
    path = tmp_path / "undated.ttl"
    path.write_text(UNDATED)
    data = build_overview(path)
    assert data["periods"] == ["2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05"]
    undated = len(data["periods"])
    ann, oslo = data["nodes"]
    assert (ann["title"], ann["count"], ann["hist"]) == ("Ann Example", 3, [0, 1, 3, 1, undated, 1])
    assert (oslo["count"], oslo["hist"]) == (2, [0, 1, undated, 1])
    assert data["edges"] == [[0, 1, 2, [0, 1, undated, 1], []]]
    # Newest first, the undated one last.
    assert [data["articles"][row][0] for row, _ in ann["articles"]] == ["C", "A", "B"]
