"""`kg serve` as a real process on 127.0.0.1: the SPARQL 1.1 Protocol, read only and time
bounded; entity pages in headless Chromium; downloads; 20 concurrent clients; clear errors."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.builder import build_to
from kg.sparql import run

from .browser import OpenedPage, chromium, screenshot
from .servers import free_port

PERSON_WITH_OFFICE = """
PREFIX kg: <https://kg.example/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?person ?name WHERE {
  ?person kg:holdsPosition ?position ; schema:name ?name .
  ?quote schema:creator ?person .
} ORDER BY ?name LIMIT 1
"""


@pytest.fixture(scope="module")
def build_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built into N-Quads, Turtle and the HTML overview."""
    folder = tmp_path_factory.mktemp("serve")
    build_to(["seeds"], folder, formats=["nquads", "turtle", "html"])
    return folder


@contextmanager
def kg_serve(folder: Path, *options: str) -> Iterator[str]:
    """`kg serve FOLDER` on a free port; yields its URL, stops it after."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(folder), "--port", str(port), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"kg serve exited: {process.communicate()[1]}")
            try:
                with urllib.request.urlopen(url + "sparql?query=ASK%7B%7D", timeout=5):
                    break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.communicate(timeout=20)


@pytest.fixture(scope="module")
def server(build_folder: Path) -> Iterator[str]:
    with kg_serve(build_folder) as url:
        yield url


def fetch(
    url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, str, bytes]:
    """Status, content type and body of one request (errors included)."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def select(server: str, sparql: str) -> list[dict[str, str]]:
    status, media_type, body = fetch(
        server + "sparql?" + urllib.parse.urlencode({"query": sparql}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert status == 200 and media_type == "application/sparql-results+json", body
    document = json.loads(body)
    return [{k: v["value"] for k, v in b.items()} for b in document["results"]["bindings"]]


def test_the_endpoint_answers_as_kg_query(server: str, build_folder: Path) -> None:
    expected = run(build_folder, "outlets")
    got = select(server, expected.text)
    assert [row.get("name") for row in got] == [row["name"] for row in expected.rows]
    # POST as a form and as a raw query, CSV chosen by Accept.
    form = urllib.parse.urlencode({"query": expected.text}).encode()
    status, media_type, body = fetch(
        server + "sparql",
        data=form,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
    )
    assert status == 200 and media_type.startswith("text/csv")
    lines = list(csv.reader(io.StringIO(body.decode())))
    assert lines[0] == expected.variables and len(lines) == len(expected.rows) + 1
    status, _, body = fetch(
        server + "sparql",
        data=b"ASK { ?s a <https://schema.org/NewsArticle> }",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert status == 200 and json.loads(body)["boolean"] is True


def test_construct_answers_turtle_and_graphs_are_the_union(server: str) -> None:
    article = "?a a <https://schema.org/NewsArticle>"
    sparql = f"CONSTRUCT {{ {article} }} WHERE {{ {article} }}"
    status, media_type, body = fetch(server + "sparql?" + urllib.parse.urlencode({"query": sparql}))
    assert status == 200 and media_type.startswith("text/turtle")
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    named = select(
        server,
        f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ GRAPH ?g {{ {article} }} }}",
    )
    assert len(triples) == int(named[0]["n"]) > 0


def test_updates_are_refused_and_change_nothing(server: str) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = select(server, count)
    update = "INSERT DATA { <https://x.example/a> <https://x.example/b> <https://x.example/c> }"
    refused = [
        fetch(
            server + "sparql",
            data=update.encode(),
            headers={"Content-Type": "application/sparql-update"},
        ),
        fetch(
            server + "sparql",
            data=urllib.parse.urlencode({"update": update}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        ),
        fetch(server + "sparql?" + urllib.parse.urlencode({"query": update})),
        fetch(server + "update", data=update.encode()),
    ]
    assert [status for status, _, _ in refused] == [403, 403, 403, 403]
    assert b"read only" in refused[0][2]
    assert select(server, count) == before
    status, _, body = fetch(server + "sparql?" + urllib.parse.urlencode({"query": "SELEC ?x"}))
    assert status == 400 and b"syntax error at line 1, column" in body


def test_a_query_past_the_time_limit_is_stopped(build_folder: Path) -> None:
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with kg_serve(build_folder, "--timeout", "1", "--workers", "1") as url:
        started = time.monotonic()
        status, _, body = fetch(url + "sparql?" + urllib.parse.urlencode({"query": endless}))
        assert status == 503 and b"1 s limit" in body
        assert time.monotonic() - started < 30
        # The worker was replaced: the next query is answered.
        assert select(url, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")


def test_twenty_concurrent_clients_get_the_same_answers(server: str) -> None:
    person = select(server, PERSON_WITH_OFFICE)[0]["person"]
    page = server + "entity?" + urllib.parse.urlencode({"iri": person})
    outlets = server + "queries/outlets.csv"
    expected = {page: fetch(page)[2], outlets: fetch(outlets)[2]}

    def client(number: int) -> list[bool]:
        answers = []
        for request in range(6):
            target = page if (number + request) % 2 else outlets
            status, _, body = fetch(target)
            answers.append(status == 200 and body == expected[target])
        return answers

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(client, range(20)))
    assert all(all(answers) for answers in results), results


def test_entity_page_in_chromium(server: str) -> None:
    found = select(server, PERSON_WITH_OFFICE)[0]
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        outside: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))

        def refuse(route: object) -> None:
            outside.append(route.request.url)  # type: ignore[attr-defined]
            route.abort()  # type: ignore[attr-defined]

        page.route(re.compile(r"^(?!http://127\.0\.0\.1:)(https?|wss?)://"), refuse)
        started = time.monotonic()
        page.goto(server + "entity?" + urllib.parse.urlencode({"iri": found["person"]}))
        elapsed = time.monotonic() - started
        assert page.inner_text("h1") == found["name"]
        titles = page.eval_on_selector_all(
            "section h2", "hs => hs.map(h => h.firstChild.textContent.trim())"
        )
        assert titles[:4] == ["Offices", "Quotes", "Articles", "Evidence"]
        offices = page.eval_on_selector_all("#offices tbody tr", "rows => rows.length")
        quotes = page.eval_on_selector_all("#quotes tbody tr", "rows => rows.length")
        assert offices >= 1 and quotes >= 1
        # Links go to other entities' pages, which open.
        page.click("#offices tbody a")
        assert page.url.startswith(server + "entity?iri=")
        assert page.inner_text("h1")
        screenshot(OpenedPage(page), "serve-entity")
        context.close()
    assert not errors and not outside, (errors, outside)
    assert elapsed < 30


def test_editor_runs_a_query_offline(server: str) -> None:
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        outside: list[str] = []

        def refuse(route: object) -> None:
            outside.append(route.request.url)  # type: ignore[attr-defined]
            route.abort()  # type: ignore[attr-defined]

        page.route(re.compile(r"^(?!http://127\.0\.0\.1:)(https?|wss?)://"), refuse)
        query = (
            "SELECT ?name WHERE { ?o a <https://schema.org/NewsMediaOrganization> ;"
            " <https://schema.org/name> ?name } ORDER BY ?name"
        )
        page.goto(server + "editor?" + urllib.parse.urlencode({"query": query}))
        page.wait_for_selector(".yasqe_queryButton", timeout=30_000)
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr table tbody tr", timeout=30_000)
        cells = page.eval_on_selector_all(".yasr table tbody tr", "rows => rows.length")
        context.close()
    assert cells == len(select(server, query))
    assert not outside, outside


def test_downloads_views_and_escaping(server: str) -> None:
    person = select(server, PERSON_WITH_OFFICE)[0]["person"]
    status, media_type, body = fetch(
        server + "entity/offices.csv?" + urllib.parse.urlencode({"iri": person})
    )
    assert status == 200 and media_type.startswith("text/csv")
    header = body.decode().splitlines()[0].split(",")
    assert header[:2] == ["entity", "role"]
    status, media_type, body = fetch(server + "queries/quotes.json")
    assert status == 200 and json.loads(body)["head"]["vars"][0] == "speaker"
    assert fetch(server + "views/graph.html")[0] == 200
    assert fetch(server + "views/..%2Fgraph.nq")[0] == 404
    assert fetch(server + "assets/../querystore.py")[0] == 404
    hostile = '<script>alert("x")</script>'
    status, _, body = fetch(server + "search?" + urllib.parse.urlencode({"q": hostile}))
    assert status == 200 and hostile.encode() not in body
    assert b"&lt;script&gt;" in body
    status, _, body = fetch(server + "entity?" + urllib.parse.urlencode({"iri": "x:" + hostile}))
    assert hostile.encode() not in body
    status, _, body = fetch(server)
    assert status == 200 and b"/views/graph.html" in body


def test_a_folder_without_an_export_is_a_clear_error(tmp_path: Path) -> None:
    answer = subprocess.run(
        [sys.executable, "-m", "kg", "serve", str(tmp_path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert answer.returncode == 1
    assert "no graph file in this folder" in answer.stderr


def test_a_port_in_use_is_a_clear_error(build_folder: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        answer = subprocess.run(
            [sys.executable, "-m", "kg", "serve", str(build_folder), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert answer.returncode == 1
    assert f"port {port} on 127.0.0.1 is in use" in answer.stderr


def test_entity_tables_page_through_their_rows(server: str) -> None:
    person = select(server, PERSON_WITH_OFFICE)[0]["person"]
    page = server + "entity?" + urllib.parse.urlencode({"iri": person})
    status, _, whole = fetch(page)
    status_later, _, later = fetch(page + "&evidence=1")
    assert status == status_later == 200
    rows = re.search(rb'<section id="evidence">.*?</section>', whole, re.S)
    rest = re.search(rb'<section id="evidence">.*?</section>', later, re.S)
    assert rows is not None and rest is not None
    count = rows.group(0).count(b"<tr>") - 1  # the header row
    assert count >= 2 and rest.group(0).count(b"<tr>") - 1 == count - 1
    assert f"Rows 2 to {count} of {count}".encode() in rest.group(0)
    assert b"previous page" in rest.group(0) and b"Rows" not in rows.group(0)


def test_the_query_pages_read_the_kept_answers(server: str, build_folder: Path) -> None:
    """The first start keeps every shipped query's answer (in the background); then
    /queries/NAME serves it."""
    from kg.answers import find
    from kg.sparql import named_queries

    deadline = time.monotonic() + 120
    while any(find(build_folder, name) is None for name in named_queries()):
        assert time.monotonic() < deadline, "the answers were not kept in 120 s"
        time.sleep(0.2)
    for name in named_queries():
        kept = find(build_folder, name)
        assert kept is not None, name
        status, media_type, body = fetch(server + f"queries/{name}.csv")
        assert status == 200 and media_type.startswith("text/csv")
        assert body == kept.with_suffix(".csv").read_bytes(), name
    status, _, page = fetch(server + "queries/people")
    first = find(build_folder, "people")
    assert first is not None
    kept_first_name = first.read_text().splitlines()[1].split("\t")[0].strip('"')
    assert status == 200 and kept_first_name.encode() in page
