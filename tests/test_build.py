"""Building the seeds gives the expected graph, the same way every time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

import kg
from kg.builder import build_to
from kg.errors import ConfigError, InputError
from kg.graph import KnowledgeGraph
from kg.namespaces import KG, RDF, SDO, SKOS

from .conftest import ROOT


def names_of(graph: KnowledgeGraph, class_iri: str, name_iri: str) -> list[str]:
    rows = graph.query(
        f"SELECT DISTINCT ?name WHERE {{ ?x a <{class_iri}> ; <{name_iri}> ?name }} ORDER BY ?name"
    )
    return [row["name"].value for row in rows]  # type: ignore[union-attr,index]


def test_seed_build_has_six_articles_four_publishers_and_two_cited_outlets(
    seed_graph: KnowledgeGraph,
) -> None:
    report = seed_graph.report
    assert report.counts["articles"] == 6
    assert names_of(seed_graph, str(SDO.NewsMediaOrganization), str(SDO.name)) == [
        "Gothamist",
        "NBC 6 South Florida",
        "New York Post",
        "Newsweek",
        "Politico",  # cited in the text of the plain-text seed, as is the Times
        "The New York Times",
    ]
    assert report.counts["outlets"] == 6
    assert names_of(seed_graph, str(SKOS.Concept), str(SKOS.prefLabel)) == ["AI", "Computer Vision"]
    assert (report.files, report.records, report.skipped) == (2, 2, [])


def test_related_articles_link_to_the_main_article_and_have_their_own_outlet(
    seed_graph: KnowledgeGraph,
) -> None:
    rows = list(
        seed_graph.query(f"""
        SELECT ?outlet (COUNT(?related) AS ?n) WHERE {{
            ?main <{KG.relatedArticle}> ?related .
            ?related <{SDO.publisher}>/<{SDO.name}> ?outlet .
        }} GROUP BY ?outlet ORDER BY ?outlet""")
    )
    assert [(r["outlet"].value, int(r["n"].value)) for r in rows] == [  # type: ignore[union-attr,index]
        ("Gothamist", 2),
        ("NBC 6 South Florida", 1),
        ("Newsweek", 1),
    ]


def test_plain_text_article_gets_a_stable_identity_without_a_headline(
    seed_graph: KnowledgeGraph,
) -> None:
    rows = list(
        seed_graph.query(f"""
        SELECT ?article WHERE {{
            ?article a <{SDO.NewsArticle}> ;
                <{KG.sourceFile}> "seeds/000_1acd798047e26139.txt" .
            FILTER NOT EXISTS {{ ?article <{SDO.headline}> ?h }}
        }}""")
    )
    assert len(rows) == 1
    again = kg.build(["seeds/000_1acd798047e26139.txt"])
    assert rows[0]["article"] in {q.subject for q in again.store}  # type: ignore[index]


def test_dates_are_typed_and_keep_utc_as_z(seed_graph: KnowledgeGraph) -> None:
    dates = {
        q.object
        for q in seed_graph.store.quads_for_pattern(
            None, ox.NamedNode(str(SDO.datePublished)), None
        )
    }
    assert (
        ox.Literal(
            "2020-08-17T08:14:00Z",
            datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime"),
        )
        in dates
    )


def test_each_fact_lives_in_one_named_graph(seed_graph: KnowledgeGraph) -> None:
    """docs/query.md: an article's facts in its graph, an entity's in the entity's graph."""
    quads = list(seed_graph.store)
    homes: dict[tuple[object, object, object], set[str]] = {}
    for quad in quads:
        homes.setdefault(quad.triple, set()).add(quad.graph_name.value)  # type: ignore[union-attr]
    assert all(len(graphs) == 1 for graphs in homes.values())  # the union holds each fact once
    base = "https://kg.example/id/"
    articles = {
        q.subject.value
        for q in quads
        if q.predicate.value == str(RDF.type) and q.object.value == str(SDO.NewsArticle)
    }
    assert len(articles) == 6  # two source articles and the four the front matter relates
    for quad in quads:
        subject, obj = quad.subject.value, quad.object.value
        if subject.startswith(base + "evidence/"):
            expected = quad.graph_name.value  # in the graph of the record it supports
            assert expected.startswith(base + "graph/article/")
        elif subject in articles or obj in articles:
            article = subject if subject in articles else obj
            expected = base + "graph/" + article.removeprefix(base)
        else:
            expected = base + "graph/" + subject.removeprefix(base)
        assert quad.graph_name.value == expected, quad
    reported = [q for q in quads if q.predicate.value == str(KG.reportedIn)]
    assert reported and all(
        q.graph_name.value.startswith(base + "graph/article/") for q in reported
    )


def test_reverse_input_order_gives_the_same_graph() -> None:
    forward = kg.build(["seeds/000_1acd798047e26139.txt", "seeds/004_f6bbf849466959f6.txt"])
    backward = kg.build(["seeds/004_f6bbf849466959f6.txt", "seeds/000_1acd798047e26139.txt"])
    assert list(forward.quads()) == list(backward.quads())


def test_base_iri_is_configurable_and_checked() -> None:
    graph = kg.build(["seeds"], base="https://news.example.org/kg/")
    assert all(q.subject.value.startswith("https://news.example.org/kg/") for q in graph.store)
    with pytest.raises(ConfigError, match="must be an absolute http"):
        kg.build(["seeds"], base="not an iri")


def test_a_bad_file_is_skipped_and_the_build_goes_on(tmp_path: Path) -> None:
    shutil.copy(ROOT / "seeds" / "004_f6bbf849466959f6.txt", tmp_path / "good.md")
    (tmp_path / "bad.md").write_text("---\ntitle: [oops\n---\n")
    graph = kg.build([tmp_path])
    assert graph.report.counts["articles"] == 5
    assert [(s.location, s.reason.split(":")[0]) for s in graph.report.skipped] == [
        (f"{tmp_path / 'bad.md'}:3", "invalid YAML front matter")
    ]
    with pytest.raises(InputError):
        kg.build([tmp_path], strict=True)


def test_to_rdflib_shares_the_store(seed_graph: KnowledgeGraph) -> None:
    dataset = seed_graph.to_rdflib()
    articles = set(dataset.subjects(RDF.type, SDO.NewsArticle))
    assert len(articles) == 6
    plain = rdflib.Graph()
    for triple in seed_graph.triples():
        plain.add(
            tuple(
                rdflib.util.from_n3(str(t))
                for t in (triple.subject, triple.predicate, triple.object)
            )
        )  # type: ignore[arg-type]
    reparsed = rdflib.Graph().parse(
        data=(ROOT / "exports" / "graph.ttl").read_text(), format="turtle"
    )
    assert isomorphic(plain, reparsed)


def test_public_functions_are_not_shadowed_by_submodules() -> None:
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(kg.__path__, "kg."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    for name in kg.__all__:
        if name != "__version__":
            assert callable(getattr(kg, name)), f"kg.{name} is shadowed by a submodule"


def test_progress_is_reported_by_stage(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    build_to(["seeds"], tmp_path, formats=["turtle", "html"], progress=lambda *c: calls.append(c))
    assert [c for c in calls if c[0] == "read"] == [("read", 1, 2), ("read", 2, 2)]
    assert calls[-4:] == [
        ("write turtle", 0, 1),
        ("write turtle", 1, 1),
        ("write html", 0, 1),
        ("write html", 1, 1),
    ]


def test_a_full_disk_is_an_error_that_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.dataset import Dataset
    from kg.errors import StorageError

    def full(self: object, lines: list[str]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Dataset, "_write_quads", full)
    with pytest.raises(StorageError, match=r"No space left on device.*set TMPDIR"):
        build_to(["seeds"], tmp_path / "out", store=tmp_path / "store")
    assert (tmp_path / "store" / "manifest.json").is_file(), "the facts are kept for next time"
