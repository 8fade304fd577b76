"""HTML views: what they select, and what a real browser does with them (offline, no injection)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kg
from kg.builder import build_to
from kg.cli import main
from kg.errors import ConfigError
from kg.overview import build_overview
from kg.views import budgeted, build_view, graph_view

from .browser import chromium, open_file, screenshot
from .conftest import ROOT

EXPORTS = ROOT / "exports"
ADAMS = "https://kg.example/id/person/eric-adams"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as running:
        yield running


def test_the_overview_holds_every_drawable_entity() -> None:
    data = build_view(EXPORTS)
    kinds = {node["type"] for node in data["nodes"]}
    assert kinds == {
        "article",
        "outlet",
        "official",
        "person",
        "city",
        "organization",
        "topic",
        "quote",
    }
    adams = next(node for node in data["nodes"] if node["id"] == ADAMS)
    assert dict(adams["properties"])["role"] == ["Mayor of New York City"]
    assert {"from": ADAMS, "to": "https://kg.example/id/city/5128581", "label": "Mayor"} in data[
        "edges"
    ]
    assert data["omitted"] == 0


def test_focus_depth_types_and_period_select_what_was_asked() -> None:
    one_hop = build_view(EXPORTS, focus="Eric Adams", depth=1)
    ids = {node["id"] for node in one_hop["nodes"]}
    assert ADAMS in ids and "https://kg.example/id/city/5128581" in ids
    assert all(node["type"] != "topic" for node in one_hop["nodes"])
    assert one_hop["focus"] == ADAMS
    assert len(build_view(EXPORTS, focus=ADAMS, depth=2)["nodes"]) > len(one_hop["nodes"])
    officials = build_view(EXPORTS, types={"official"})
    assert sorted(node["title"] for node in officials["nodes"]) == [
        "Aaron Peskin",
        "Bill de Blasio",
        "Eric Adams",
        "Fabien Levy",
    ]
    august_17 = build_view(EXPORTS, since="2020-08-17", types={"article"})
    assert len(august_17["nodes"]) == 3
    until = build_view(EXPORTS, until="2020-08-15", types={"article"})
    assert sorted(n["title"][:20] for n in until["nodes"]) == [
        "Black Lives Matter A",
        "NYPD Used Facial Rec",
    ]


def test_a_name_that_fits_several_nodes_lists_them() -> None:
    with pytest.raises(ConfigError, match=r"'New York' names \d+ nodes; give one of their IRIs"):
        build_view(EXPORTS, focus="New York")
    with pytest.raises(ConfigError, match="no node is named 'Nobody'"):
        build_view(EXPORTS, focus="Nobody")
    with pytest.raises(ConfigError, match="unknown node type spaceship"):
        build_view(EXPORTS, types={"spaceship"})


def test_over_budget_the_best_connected_are_kept_and_the_rest_counted() -> None:
    whole = graph_view(kg.load(EXPORTS / "graph.ttl"))
    kept = budgeted(whole, 5)
    assert len(kept.kinds) == 5 and kept.omitted == len(whole.kinds) - 5
    degree = whole.degrees()
    assert min(degree[i] for i in kept.kinds) >= max(
        degree[i] for i in whole.kinds if i not in kept.kinds
    )


ROLES = """\
@prefix schema: <https://schema.org/> .
@prefix kg: <https://kg.example/ns#> .
@prefix id: <https://kg.example/id/> .

id:adams a schema:Person, kg:Official ; schema:name "Eric Adams" ;
    kg:holdsPosition id:mayor, id:chair, id:unknown ; schema:knows id:adams, id:nyc .
id:mayor a kg:Position ; schema:roleName "Mayor" ; kg:jurisdiction id:nyc .
id:chair a kg:Position ; kg:jurisdiction <https://example.org/not-drawn> .
id:nyc a schema:City ; schema:name "New York City" .
id:story a schema:NewsArticle ; schema:headline "A story" ; schema:mentions id:adams ;
    schema:datePublished "2020-08-17", "2020-08-15" .
<https://kg.example/id/evidence/1> a kg:Evidence ; schema:about id:adams ;
    schema:name "Eric Adams" .
"""


def test_roles_places_periods_and_provenance(tmp_path: Path) -> None:
    path = tmp_path / "roles.ttl"
    path.write_text(ROLES)
    data = build_view(path)
    nodes = {node["title"]: node for node in data["nodes"]}
    assert sorted(nodes) == ["A story", "Eric Adams", "New York City"]
    # One role has a place that is drawn, one a place that is not, one no position at all.
    roles = dict(nodes["Eric Adams"]["properties"])["role"]
    assert roles == ["Mayor of New York City", "position"]
    edges = {
        (e["from"].rsplit("/")[-1], e["label"], e["to"].rsplit("/")[-1]) for e in data["edges"]
    }
    # No link to itself; the evidence record is not drawn and adds no "about" link.
    assert edges == {
        ("adams", "Mayor", "nyc"),
        ("adams", "knows", "nyc"),
        ("story", "mentions", "adams"),
    }
    assert nodes["Eric Adams"]["degree"] == 3
    # An article's date is its earliest.
    assert [n["title"] for n in build_view(path, until="2020-08-15")["nodes"]] == [
        "Eric Adams",
        "A story",
    ]
    assert build_view(path, focus="york", depth=0)["focus"] == "https://kg.example/id/nyc"


def test_view_command(tmp_path: Path) -> None:
    target = tmp_path / "adams.html"
    result = CliRunner().invoke(
        main, ["view", str(EXPORTS), "--focus", "Eric Adams", "--depth", "1", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{target}: ") and "nodes" in result.output
    assert "<title>kg: around Eric Adams</title>" in target.read_text()
    bad = CliRunner().invoke(main, ["view", str(EXPORTS), "--focus", "New York", "-o", str(target)])
    assert bad.exit_code == 1 and "give one of their IRIs" in bad.output
    overview = CliRunner().invoke(main, ["view", str(EXPORTS), "-o", str(target)])
    assert overview.exit_code == 0 and "entities" in overview.output and "ties" in overview.output
    assert "kgOverview" in target.read_text()
    articles = CliRunner().invoke(main, ["view", str(EXPORTS), "--articles", "-o", str(target)])
    assert articles.exit_code == 0 and "nodes" in articles.output
    assert "kgNetwork" in target.read_text() and "kgOverview" not in target.read_text()
    wrong = CliRunner().invoke(main, ["view", str(EXPORTS), "--types", "quote", "-o", str(target)])
    assert wrong.exit_code == 1 and "use --articles" in wrong.output


def _check_page(opened: Any, expected_nodes: int) -> None:
    opened.wait_until("() => window.kgReady === true")
    assert opened.errors == []
    assert opened.requests == []
    assert opened.evaluate("() => window.kgNetwork.body.data.nodes.length") == expected_nodes


def test_overview_in_chromium_offline(browser: Any) -> None:
    data = build_overview(EXPORTS)
    with open_file(browser, EXPORTS / "graph.html") as opened:
        opened.wait_until("() => window.kgReady === true")
        assert opened.errors == [] and opened.requests == []
        assert sorted(opened.evaluate("() => window.kgOverview.visible()")) == sorted(
            node["id"] for node in data["nodes"]
        )
        assert opened.evaluate("() => window.kgFind('Adams')") == ADAMS
        details = opened.page.inner_text("#kg-details")
        assert opened.page.inner_text("#kg-details h2") == "Eric Adams"
        assert "Mayor of New York City" in details
        # Its one article, with the sentence that names him.
        assert "New York City Mayor Eric Adams is looking to expand" in details
        legend = opened.page.inner_text("#kg-types")
        for label in ("Outlet", "Official", "City", "Organization"):
            assert label in legend
        assert "Article" not in legend and "Quote" not in legend
        links = opened.evaluate("() => [...document.querySelectorAll('a')].map(a => a.href)")
        assert all(link.startswith(("http://", "https://")) for link in links)
        assert screenshot(opened, "overview").stat().st_size > 10_000


def test_article_graph_in_chromium_offline(browser: Any, tmp_path: Path) -> None:
    target = tmp_path / "articles.html"
    data = kg.view(EXPORTS, target, articles=True)
    with open_file(browser, target) as opened:
        _check_page(opened, len(data["nodes"]))
        assert opened.evaluate("() => window.kgFind('Adams')") == ADAMS
        assert opened.evaluate("() => window.kgNetwork.getSelectedNodes()") == [ADAMS]
        assert opened.page.inner_text("#kg-details h2") == "Eric Adams"
        legend = opened.page.inner_text("#kg-legend")
        for label in ("Article", "Outlet", "Official", "City", "Organization", "Topic", "Quote"):
            assert label in legend
        # Unticking a type hides its nodes.
        opened.page.get_by_label("show Topic").uncheck()
        assert opened.evaluate(
            "() => window.kgNetwork.body.data.nodes.get({filter: n => !n.hidden}).length"
        ) == (len(data["nodes"]) - 2)
        links = opened.evaluate("() => [...document.querySelectorAll('a')].map(a => a.href)")
        assert all(link.startswith(("http://", "https://")) for link in links)
        assert screenshot(opened, "articles").stat().st_size > 10_000


def test_focused_view_in_chromium(browser: Any, tmp_path: Path) -> None:
    target = tmp_path / "adams.html"
    data = kg.view(EXPORTS, target, focus="Eric Adams", depth=1)
    with open_file(browser, target) as opened:
        _check_page(opened, len(data["nodes"]))
        opened.wait_until("() => window.kgNetwork.getSelectedNodes().length === 1")
        assert opened.evaluate("() => window.kgNetwork.getSelectedNodes()") == [ADAMS]
        screenshot(opened, "focused")


HOSTILE = {
    "title": "<script>window.__pwned=1</script>Breaking",
    "excerpt": '<img src=x onerror="window.__pwned=2"> Mayor Jane Roe said "<b>bold</b>" today.',
    "webUrl": "javascript:window.__pwned=3",
    "provider": {"name": "<svg onload=window.__pwned=4>", "domain": "evil.example"},
    "topics": ["</script><script>window.__pwned=5</script>"],
    "images": [{"url": "javascript:window.__pwned=6"}],
    "body": 'Officials said "<iframe src=javascript:window.__pwned=7>" today.',
}


def _no_injection_ran(opened: Any) -> None:
    opened.page.wait_for_timeout(300)
    assert opened.evaluate("() => typeof window.__pwned") == "undefined"
    assert opened.evaluate("() => document.querySelectorAll('img, iframe, svg, b').length") == 0
    assert opened.evaluate("() => [...document.querySelectorAll('[href]')].map(a => a.href)") == []
    assert opened.errors == [] and opened.requests == []


def test_injected_markup_never_runs(browser: Any, tmp_path: Path) -> None:
    source = tmp_path / "in" / "hostile.json"
    source.parent.mkdir()
    source.write_text(json.dumps(HOSTILE))
    build_to([source], tmp_path / "out")
    page = tmp_path / "out" / "graph.html"
    text = page.read_text()
    block = re.search(
        r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.DOTALL
    )
    assert block is not None and "<" not in block.group(1) and ">" not in block.group(1)
    data = json.loads(block.group(1))
    assert data["articles"][0][0] == HOSTILE["title"]
    # The overview: the outlet named with markup, and its article in the side panel.
    with open_file(browser, page) as opened:
        opened.wait_until("() => window.kgReady === true")
        assert opened.evaluate("() => window.kgFind('svg')") is not None
        assert opened.page.inner_text("#kg-details h2") == HOSTILE["provider"]["name"]
        assert HOSTILE["title"] in opened.page.inner_text("#kg-articles")
        _no_injection_ran(opened)
    # The article graph of the same build.
    articles = tmp_path / "articles.html"
    kg.view(tmp_path / "out" / "graph.ttl", articles, articles=True)
    with open_file(browser, articles) as opened:
        opened.wait_until("() => window.kgReady === true")
        opened.evaluate("() => window.kgFind('Breaking')")
        assert "<script>window.__pwned=1</script>Breaking" in opened.page.inner_text(
            "#kg-details h2"
        )
        _no_injection_ran(opened)


def test_the_policy_allows_exactly_the_page_scripts_by_hash() -> None:
    import base64
    import hashlib

    html = (EXPORTS / "graph.html").read_text()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    script_src = next(d for d in policy.group(1).split(";") if d.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    allowed = set(re.findall(r"'sha256-([^']+)'", script_src))
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert scripts
    assert {
        base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts
    } == allowed
