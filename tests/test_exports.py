"""The committed exports are exactly what the build writes, valid and self-contained."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from pyshacl import validate
from rdflib.compare import isomorphic, to_isomorphic

from kg.builder import build_to
from kg.namespaces import KG
from kg.ontology import ontology_file

from .conftest import ROOT, require_tool

EXPORTS = ROOT / "exports"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("exports")
    build_to(["seeds"], output)
    return output


def test_committed_exports_match_a_fresh_build_byte_for_byte(fresh: Path) -> None:
    committed = sorted(p.name for p in EXPORTS.iterdir())
    assert committed == sorted(p.name for p in fresh.iterdir())
    for name in committed:
        assert (fresh / name).read_bytes() == (EXPORTS / name).read_bytes(), (
            f"exports/{name} is stale: run make run"
        )


def test_a_second_build_is_byte_identical(fresh: Path, tmp_path: Path) -> None:
    build_to(["seeds"], tmp_path)
    for path in fresh.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_turtle_parses_with_rdflib_and_pyoxigraph_to_isomorphic_graphs() -> None:
    by_rdflib = rdflib.Graph().parse(EXPORTS / "graph.ttl", format="turtle")
    store = ox.Store()
    store.load(path=str(EXPORTS / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    by_oxigraph = rdflib.Graph().parse(
        data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode(),
        format="nt",
    )
    assert len(by_rdflib) > 50
    assert isomorphic(to_isomorphic(by_rdflib), to_isomorphic(by_oxigraph))


def test_turtle_binds_the_expected_prefixes() -> None:
    text = (EXPORTS / "graph.ttl").read_text()
    for prefix in ("schema:", "kg:", "skos:", "article:", "outlet:", "topic:"):
        assert f"@prefix {prefix} " in text
    assert "org1:" not in text and "+00:00" not in text


def test_turtle_conforms_to_the_shapes() -> None:
    data = rdflib.Graph().parse(EXPORTS / "graph.ttl", format="turtle")
    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    conforms, _, text = validate(data, shacl_graph=shapes)
    assert conforms, text


def test_shapes_catch_a_broken_graph() -> None:
    data = rdflib.Graph().parse(EXPORTS / "graph.ttl", format="turtle")
    outlet = next(data.subjects(rdflib.RDF.type, rdflib.SDO.NewsMediaOrganization))
    data.remove((outlet, rdflib.SDO.name, None))
    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    conforms, _, text = validate(data, shacl_graph=shapes)
    assert not conforms and "every outlet has one name" in text


def test_shapes_allow_one_name_to_show() -> None:
    """Issue #21: a second spelling is an alternate name, never a second name or role name."""
    data = rdflib.Graph().parse(EXPORTS / "graph.ttl", format="turtle")
    position = next(data.subjects(rdflib.RDF.type, KG.Position))
    role = next(data.objects(position, rdflib.SDO.roleName))
    data.add((position, rdflib.SDO.roleName, rdflib.Literal(str(role).lower() + "x")))
    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    conforms, _, text = validate(data, shacl_graph=shapes)
    assert not conforms and "MaxCountConstraintComponent" in text and "roleName" in text


def test_turtle_passes_a_strict_independent_parser() -> None:
    rapper = require_tool("rapper")
    result = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(EXPORTS / "graph.ttl")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"returned \d+ triples", result.stderr)


def test_html_holds_every_entity_and_loads_nothing_from_the_network() -> None:
    html = (EXPORTS / "graph.html").read_text()
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=", html)
    assert not re.search(r"@import", html)
    data = rdflib.Graph().parse(EXPORTS / "graph.ttl", format="turtle")
    # The overview draws the entities; the articles are listed beside them.
    for node_class in (rdflib.SDO.NewsMediaOrganization, rdflib.SDO.City):
        for node in data.subjects(rdflib.RDF.type, node_class):
            assert f'"id":"{node}"' in html, node
    for headline in data.objects(None, rdflib.SDO.headline):
        assert json.dumps(str(headline), ensure_ascii=False)[1:-1] in html, headline
    for label in ("Gothamist", "NBC 6 South Florida", "New York Post", "Newsweek"):
        assert label in html
