"""SPARQL over the exports, the shipped queries, and the real servers they are loaded into."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

import kg
from kg.builder import build_to
from kg.cli import main
from kg.errors import QueryError
from kg.export import exporters
from kg.graphstore import load
from kg.sparql import named_queries, run

from .conftest import ROOT, require_tool
from .servers import falkordb_server, oxigraph_server, sparql_select

RDF_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld")


@pytest.fixture(scope="module")
def build_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built into every format."""
    folder = tmp_path_factory.mktemp("build")
    build_to(["seeds"], folder, formats=exporters.names())
    return folder


def rows(graph: object, name: str) -> list[tuple[str | None, ...]]:
    result = run(graph, name)  # type: ignore[arg-type]
    return [tuple(row[v] for v in result.variables) for row in result.rows]


def test_articles_query_on_the_seeds(build_folder: Path) -> None:
    found = rows(build_folder / "graph.ttl", "articles")
    assert len(found) == 6
    assert found[0][0] == "seeds/000_1acd798047e26139.txt" and found[0][2:] == (
        None,
        None,
        None,
        None,
    )
    by_headline = {r[3]: r for r in found[1:]}
    post = by_headline["De Blasio calls for ‘clear standards’ for facial recognition tech for NYPD"]
    assert post[0] == "seeds/004_f6bbf849466959f6.txt"
    assert post[2] == (
        "https://nypost.com/2020/08/17/de-blasio-calls-for-clear-standards-for-facial-recognition-tech-for-nypd/"
    )
    assert (post[4], post[5]) == ("2020-08-17T08:14:00Z", "New York Post")
    assert sorted(r[5] for r in found[1:]) == [
        "Gothamist",
        "Gothamist",
        "NBC 6 South Florida",
        "New York Post",
        "Newsweek",
    ]


def test_outlets_query_counts_each_outlet_once(build_folder: Path) -> None:
    assert rows(build_folder, "outlets")[:4] == [
        ("Gothamist", "gothamist.com", "2", "0"),
        ("NBC 6 South Florida", "nbcmiami.com", "1", "0"),
        ("New York Post", "nypost.com", "1", "0"),
        ("Newsweek", "newsweek.com", "1", "0"),
    ]


def test_every_shipped_query_is_documented_and_runs(build_folder: Path) -> None:
    assert {
        "articles",
        "mentions",
        "outlets",
        "officials",
        "people",
        "cities",
        "organizations",
        "quotes",
        "coverage",
        "timeline",
        "evidence",
    } <= set(named_queries()) | {"mentions", "officials", "quotes"}
    for name, named in named_queries().items():
        assert named.text.startswith(f"# {name}: "), name
        assert len(named.description) > 20, name
        assert run(build_folder / "graph.nq", name).kind == "select"


def test_column_names_are_the_documented_words(build_folder: Path) -> None:
    expected = {
        "articles": ["source", "article", "url", "headline", "date", "outlet"],
        "outlets": ["name", "domain", "published", "cites"],
        "people": ["name", "role", "jurisdiction", "organization", "articles"],
        "cities": ["name", "country", "geonames", "articles"],
        "organizations": ["name", "kind", "city", "articles"],
        "coverage": ["outlet", "domain", "city", "country", "articles"],
    }
    for name, columns in expected.items():
        assert run(build_folder, name).variables == columns


def test_queries_are_read_only_and_offline(build_folder: Path) -> None:
    with pytest.raises(QueryError, match="read only: DELETE"):
        run(build_folder, "DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="read only: INSERT"):
        run(build_folder, "INSERT DATA { <http://a> <http://b> <http://c> }")
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        run(build_folder, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    # Keywords inside strings, IRIs and comments are not operations.
    assert run(build_folder, 'SELECT ("DELETE SERVICE" AS ?x) WHERE {} # INSERT').rows == [
        {"x": "DELETE SERVICE"}
    ]


def test_syntax_errors_give_line_and_column(build_folder: Path) -> None:
    with pytest.raises(QueryError, match=r"line 2, column \d+: expected"):
        run(build_folder, "SELECT ?x WHERE {\n  ?x ?y }")


def test_cli_formats(build_folder: Path) -> None:
    runner = CliRunner()
    csv_out = runner.invoke(
        main, ["query", str(build_folder / "graph.ttl"), "outlets", "--format", "csv"]
    )
    assert csv_out.exit_code == 0
    assert csv_out.output.splitlines()[:2] == [
        "name,domain,published,cites",
        "Gothamist,gothamist.com,2,0",
    ]
    json_out = runner.invoke(main, ["query", str(build_folder), "outlets", "--format", "json"])
    bindings = json.loads(json_out.output)["results"]["bindings"]
    assert bindings[0]["name"] == {"type": "literal", "value": "Gothamist"}
    ask = runner.invoke(
        main, ["query", str(build_folder), "ASK { ?a a <https://schema.org/NewsArticle> }"]
    )
    assert ask.output == "true\n"
    names = (
        "CONSTRUCT { ?o <https://schema.org/name> ?n } "
        "WHERE { ?o <https://kg.example/ns#domain> ?d ; <https://schema.org/name> ?n }"
    )
    construct = runner.invoke(main, ["query", str(build_folder), names])
    assert len(rdflib.Graph().parse(data=construct.output, format="turtle")) == 6
    query_file = build_folder / "q.rq"
    query_file.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }")
    counted = runner.invoke(
        main, ["query", str(build_folder / "graph.trig"), "-f", str(query_file), "--format", "tsv"]
    )
    assert counted.output.splitlines() == ["?n", "6"]
    bad = runner.invoke(main, ["query", str(build_folder), "SELECT ?x WHERE { ?x }"])
    assert bad.exit_code == 1 and "line 1, column" in bad.output


def test_library_query_returns_rows() -> None:
    rows_ = kg.query(
        kg.build(["seeds"]), "SELECT ?d WHERE { ?o <https://kg.example/ns#domain> ?d } ORDER BY ?d"
    )
    assert [r["d"] for r in rows_] == [
        "gothamist.com",
        "nbcmiami.com",
        "newsweek.com",
        "nypost.com",
        "nytimes.com",
        "politico.com",
    ]


def _as_rdflib(path: Path) -> rdflib.Graph:
    """A file's triples (named graphs merged) as an rdflib Graph, via rdflib's own parsers."""
    fmt = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}[
        path.suffix
    ]
    dataset = rdflib.Dataset()
    dataset.parse(path, format=fmt)
    merged = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


def _as_oxigraph(path: Path) -> rdflib.Graph:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")))
    triples = {quad.triple for quad in store}
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=text, format="nt")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_every_rdf_export_parses_back_to_the_turtle_graph(build_folder: Path, name: str) -> None:
    path = build_folder / exporters.get(name).filename
    turtle = _as_rdflib(build_folder / "graph.ttl")
    assert isomorphic(_as_rdflib(path), turtle), name
    assert isomorphic(_as_oxigraph(path), turtle), name


def test_quad_exports_keep_one_named_graph_per_article(build_folder: Path) -> None:
    store = ox.Store()
    store.load(path=str(build_folder / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    source_file = ox.NamedNode("https://kg.example/ns#sourceFile")
    graphs = {q.graph_name.value for q in store.quads_for_pattern(None, source_file, None)}  # type: ignore[union-attr]
    # The two seed files' articles and the four related articles, each in its own graph.
    assert len(graphs) == 6 and all("/graph/article/" in graph for graph in graphs)


def test_jsonld_embeds_the_published_context(build_folder: Path) -> None:
    document = json.loads((build_folder / "graph.jsonld").read_text())
    published = json.loads((ROOT / "ontology" / "context.jsonld").read_text())["@context"]
    assert published.items() <= document["@context"].items()
    assert isinstance(document["@context"], dict)  # embedded, never a remote URL


@pytest.mark.parametrize("tool", ["rapper", "serdi"])
def test_strict_parsers_accept_the_turtle_and_ntriples(build_folder: Path, tool: str) -> None:
    binary = require_tool(tool)
    for name in ("graph.ttl", "graph.nt"):
        syntax = "turtle" if name.endswith("ttl") else "ntriples"
        command = (
            [binary, "-i", syntax, "-c", str(build_folder / name)]
            if tool == "rapper"
            else [binary, "-i", syntax, "-o", "ntriples", str(build_folder / name)]
        )
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr


def test_graphml_rereads_with_every_node_edge_and_attribute(build_folder: Path) -> None:
    network = nx.read_graphml(build_folder / "graph.graphml", force_multigraph=True)
    outlets = {
        n for n, data in network.nodes(data=True) if "NewsMediaOrganization" in data["labels"]
    }
    assert {network.nodes[n]["name"] for n in outlets} == {
        r[0] for r in rows(build_folder, "outlets")
    }
    publishers = [(u, v) for u, v, data in network.edges(data=True) if data["type"] == "PUBLISHER"]
    assert len(publishers) == 5
    image = next(n for n, data in network.nodes(data=True) if data["labels"] == "ImageObject")
    assert isinstance(network.nodes[image]["width"], int)
    typed = run(
        build_folder,
        """SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?type
        FILTER NOT EXISTS { ?x a <https://kg.example/ns#Evidence> }
        FILTER NOT EXISTS { ?x a <https://kg.example/ns#Extraction> } }""",
    )
    assert network.number_of_nodes() == int(typed.rows[0]["n"] or 0)
    official = next(n for n, data in network.nodes(data=True) if data.get("name") == "Eric Adams")
    assert "Official" in network.nodes[official]["labels"]


def test_neo4j_export_loads_into_a_real_cypher_database(build_folder: Path, tmp_path: Path) -> None:
    from falkordb import FalkorDB

    for csv_file in (build_folder / "neo4j").glob("*.csv"):
        shutil.copy(csv_file, tmp_path)
    with falkordb_server(tmp_path) as port:
        graph = FalkorDB(host="127.0.0.1", port=port).select_graph("kg")
        for statement in (build_folder / "neo4j" / "load.cypher").read_text().splitlines():
            if statement and not statement.startswith("//"):
                graph.query(statement)
        outlets = graph.query(
            "MATCH (o:NewsMediaOrganization) OPTIONAL MATCH (a:NewsArticle)-[:PUBLISHER]->(o) "
            "OPTIONAL MATCH (c:NewsArticle)-[:CITATION]->(o) "
            "RETURN o.name, o.domain, count(DISTINCT a), count(DISTINCT c)"
        ).result_set
        sparql = {
            (r[0], r[1], int(r[2] or 0), int(r[3] or 0)) for r in rows(build_folder, "outlets")
        }
        assert {tuple(r) for r in outlets} == sparql
        assert len(sparql) == 6
        topics = graph.query(
            "MATCH (:NewsArticle)-[:ABOUT]->(t:Concept) RETURN t.prefLabel ORDER BY t.prefLabel"
        )
        assert [r[0] for r in topics.result_set] == ["AI", "Computer Vision"]
        officials = graph.query(
            "MATCH (p:Official)-[:HOLDS_POSITION]->(x) RETURN p.name, x.roleName ORDER BY p.name"
        )
        cypher_officials = sorted({(r[0], r[1]) for r in officials.result_set})
        if "officials" in named_queries():
            sparql_officials = sorted(
                {(r["name"], r["role"]) for r in run(build_folder, "officials").rows}
            )
            assert cypher_officials == sparql_officials
        cities = graph.query("MATCH (c:City) RETURN c.name ORDER BY c.name").result_set
        assert [r[0] for r in cities] == sorted({r[0] for r in rows(build_folder, "cities")})  # type: ignore[type-var]


def test_kg_load_into_oxigraph_then_every_shipped_query_answers_the_same(
    build_folder: Path, tmp_path: Path
) -> None:
    with oxigraph_server(tmp_path / "store") as url:
        result = CliRunner().invoke(
            main, ["load", str(build_folder / "graph.nq"), "--endpoint", f"{url}/store"]
        )
        assert result.exit_code == 0, result.output
        assert "named graphs" in result.output
        for name, named in named_queries().items():
            assert sparql_select(url, named.text) == rows(build_folder / "graph.nq", name), name


def test_reloading_a_changed_article_leaves_no_stale_triples(tmp_path: Path) -> None:
    source = tmp_path / "news"
    source.mkdir()
    article = source / "a.json"
    article.write_text(
        json.dumps({"title": "Old headline", "webUrl": "https://example.com/a", "body": "Text."})
    )
    build_to([source], tmp_path / "v1", formats=["nquads"])
    article.write_text(
        json.dumps({"title": "New headline", "webUrl": "https://example.com/a", "body": "Text."})
    )
    build_to([source], tmp_path / "v2", formats=["nquads"])
    with oxigraph_server(tmp_path / "store") as url:
        load(tmp_path / "v1", f"{url}/store")
        load(tmp_path / "v2", f"{url}/store")
        headlines = sparql_select(url, "SELECT ?h WHERE { ?a <https://schema.org/headline> ?h }")
    assert headlines == [("New headline",)]


def test_validate_command_exit_codes(build_folder: Path, tmp_path: Path) -> None:
    good = CliRunner().invoke(main, ["validate", str(build_folder / "graph.ttl")])
    assert good.exit_code == 0 and "conforms" in good.output
    broken = tmp_path / "broken.ttl"
    text = (build_folder / "graph.ttl").read_text()
    broken.write_text(text.replace('schema:name "Gothamist"', 'schema:alternateName "Gothamist"'))
    bad = CliRunner().invoke(main, ["validate", str(broken)])
    assert bad.exit_code == 1
    assert "every outlet has one name" in bad.output and "outlet/gothamist.com" in bad.output


def test_export_command_converts_a_build(build_folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "export",
            str(build_folder / "graph.nq"),
            "-f",
            "trig",
            "-f",
            "graphml",
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.trig").read_bytes() == (build_folder / "graph.trig").read_bytes()


def test_people_cities_and_organizations_queries_on_the_seeds(build_folder: Path) -> None:
    assert rows(build_folder, "people") == [
        ("Aaron Peskin", "City Supervisor", "San Francisco", None, "1"),
        # The head of an NGO holds no public office (LABELLING.md): a person, not an official.
        ("Albert Fox Cahn", None, None, None, "1"),
        ("Bill de Blasio", "Mayor", "New York City", None, "2"),
        # An activist the model tags as an organization, found by "Derrick Ingram said".
        ("Derrick Ingram", None, None, None, "1"),
        ("Eric Adams", "Mayor", "New York City", None, "1"),
        ("Fabien Levy", "Spokesperson", "New York City", None, "1"),
    ]
    assert rows(build_folder, "cities") == [
        ("Miami", "US", "https://sws.geonames.org/4164138/", "1"),
        ("New York City", "US", "https://sws.geonames.org/5128581/", "1"),
        ("San Francisco", "US", "https://sws.geonames.org/5391959/", "1"),
    ]
    organizations = {r[0]: r[1:3] for r in rows(build_folder, "organizations")}
    assert organizations["New York City Police Department"] == (
        "GovernmentOrganization",
        "New York City",
    )
    assert organizations["Miami Police Department"] == ("GovernmentOrganization", "Miami")
    assert organizations["Surveillance Technology Oversight Project"] == ("Organization", None)
    assert rows(build_folder, "coverage") == [
        ("NBC 6 South Florida", "nbcmiami.com", "Miami", "US", "1")
    ]


def test_timeline_dates_each_appearance(build_folder: Path) -> None:
    blasio = [r for r in rows(build_folder, "timeline") if r[0] == "Bill de Blasio"]
    assert [(r[1], r[2], r[5]) for r in blasio] == [
        ("official", "2020-08-17T08:14:00Z", "New York Post"),
        ("official", "2020-08-17T18:08:00Z", "Gothamist"),
    ]
