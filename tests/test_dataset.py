"""A built graph on disk (N-Triples text, sorted runs, quads) and the keys it is made of."""

from __future__ import annotations

import gzip
import pickle
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pyoxigraph as ox
from hypothesis import given
from hypothesis import strategies as st

from kg import terms
from kg.dataset import Dataset
from kg.factstore import FactsStore, extraction_fingerprint
from kg.model import ArticleFacts, Evidence, Fact, Iri, LangString, Ref
from kg.namespaces import SDO
from kg.sorting import LineSorter

from .conftest import ROOT

EX = "https://example.org/"


@given(st.text())
def test_plain_literals_are_written_as_oxigraph_writes_them(text: str) -> None:
    assert terms.literal(text) == str(ox.Literal(text))


@given(
    st.one_of(
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5))])),
    )
)
def test_typed_literals_match_the_term_objects_they_replace(value: object) -> None:
    from kg.namespaces import XSD

    datatype = {int: XSD.integer, float: XSD.double, bool: XSD.boolean, datetime: XSD.dateTime}[
        type(value)
    ]
    lexical = terms.literal(value).split('"')[1]
    expected = ox.Literal(lexical, datatype=ox.NamedNode(str(datatype)))
    assert terms.literal(value) == str(expected)
    assert ox.parse(f"<{EX}s> <{EX}p> {terms.literal(value)} .", format=ox.RdfFormat.N_TRIPLES)


def test_language_tags_are_lower_case_as_in_oxigraph() -> None:
    value = LangString("New York", "EN-US")
    assert terms.literal(value) == str(ox.Literal("New York", language="en-US"))


@given(st.lists(st.text(alphabet="abc\u00e9\U0001f600", max_size=4), max_size=60))
def test_a_sorter_that_spills_gives_what_one_that_does_not_gives(words: list[str]) -> None:
    lines = [f"{word}\n" for word in words]
    with LineSorter(run_lines=3) as spilling, LineSorter() as in_memory:
        spilling.extend(lines)
        in_memory.extend(lines)
        expected = sorted({line.encode() for line in lines})
        assert list(spilling) == expected
        assert list(in_memory) == expected
        assert list(spilling) == expected, "a second reading reads the merged run"
        assert spilling.spilled == (len(lines) >= 3)


@given(
    st.lists(st.text(alphabet="abc", max_size=3), min_size=7, max_size=40),
    st.lists(st.text(alphabet="abd", max_size=3), max_size=10),
    st.integers(0, 5),
)
def test_readings_that_stop_early_interleave_or_come_between_additions(
    words: list[str], more: list[str], stop: int
) -> None:
    lines = [f"{word}\n" for word in words]
    added = [f"{word}\n" for word in more]
    with LineSorter(run_lines=3) as sorter:
        sorter.extend(lines)
        expected = sorted({line.encode() for line in lines})
        first, second = iter(sorter), iter(sorter)
        assert [next(first) for _ in range(min(stop, len(expected)))] == expected[:stop]
        assert list(second) == expected, "read whole while another reading is half way"
        assert list(first) == expected[stop:]
        partial = iter(sorter)
        next(partial)
        del partial  # a reading given up does not leave a half-merged run behind
        sorter.extend(added)  # to the merged run, new runs are added
        assert list(sorter) == sorted({line.encode() for line in lines + added})
        assert list(sorter) == sorted({line.encode() for line in lines + added})
        folder = sorter._folder
        assert folder is not None and len(list(folder.iterdir())) == 1, "one merged run left"


def statement(s: str, p: str, o: str) -> str:
    return f"<{EX}{s}> <{EX}{p}> {o}"


def test_a_dataset_keeps_graphs_in_order_and_merges_a_graph_given_twice(tmp_path: Path) -> None:
    with Dataset(tmp_path / "data") as dataset:
        dataset.add_graph(f"<{EX}g2>", [statement("b", "p", '"2"'), statement("a", "p", '"1"')])
        twice = [statement("c", "p", '"3"')]
        dataset.add_graph(f"<{EX}g1>", twice, shared=True)
        dataset.add_graph(None, [statement("a", "p", '"1"')])
        dataset.add_graph(f"<{EX}g1>", [*twice, statement("d", "p", f"<{EX}e>")], shared=True)
        with dataset.open_quads() as stream:
            quads = stream.read().decode().splitlines()
        assert quads == [
            f'<{EX}a> <{EX}p> "1" <{EX}g2> .',
            f'<{EX}b> <{EX}p> "2" <{EX}g2> .',
            f'<{EX}a> <{EX}p> "1" .',
            f'<{EX}c> <{EX}p> "3" <{EX}g1> .',
            f"<{EX}d> <{EX}p> <{EX}e> <{EX}g1> .",
        ]
        assert dataset.quads == 5
        # The union: distinct and sorted.
        assert [line.decode() for line in dataset.triple_lines()] == [
            f'<{EX}a> <{EX}p> "1" .\n',
            f'<{EX}b> <{EX}p> "2" .\n',
            f'<{EX}c> <{EX}p> "3" .\n',
            f"<{EX}d> <{EX}p> <{EX}e> .\n",
        ]


def test_the_quads_of_a_build_are_oxigraphs_own_canonical_n_quads(seed_graph: object) -> None:
    from kg.graph import KnowledgeGraph

    assert isinstance(seed_graph, KnowledgeGraph)
    with seed_graph.dataset.open_quads() as stream:
        written = stream.read()
    parsed = list(ox.parse(written, format=ox.RdfFormat.N_QUADS))
    assert ox.serialize(parsed, format=ox.RdfFormat.N_QUADS) == written
    statistics = seed_graph.dataset.statistics()
    assert statistics.triples == len({quad.triple for quad in parsed})
    people = {q.subject for q in parsed if q.object == ox.NamedNode(str(SDO.Person))}
    assert statistics.instances[str(SDO.Person)] == len(people) == 6


def test_saved_facts_round_trip_and_are_redone_when_extraction_changes(tmp_path: Path) -> None:
    from kg.builder import FileResult

    source = tmp_path / "a.txt"
    source.write_text("Mayor Jane Roe of Boston spoke.\n")
    evidence = Evidence("people", "body", 6, 14, "Mayor Jane Roe of Boston spoke.", True)
    facts = ArticleFacts(
        str(source),
        Ref("article/a"),
        (
            Fact(Ref("person/jane roe"), str(SDO.name), "Jane Roe", evidence),
            Fact(Ref("article/a"), str(SDO.image), Iri("https://example.org/a.jpg")),
            Fact(Ref("article/a"), str(SDO.headline), LangString("Roe", "en")),
        ),
    )
    assert pickle.loads(pickle.dumps(facts)) == facts
    store = FactsStore(tmp_path / "store", fingerprint="one")
    assert store.changed([str(source)]) == [str(source)]
    store.save(FileResult(str(source), [facts]))
    store.close()
    again = FactsStore(tmp_path / "store", fingerprint="one")
    assert again.changed([str(source)]) == []
    assert [r.facts for r in again.results()] == [[facts]]
    other = FactsStore(tmp_path / "store", fingerprint="two")
    assert other.changed([str(source)]) == [str(source)]


def test_the_extraction_fingerprint_follows_the_code_and_the_extractors() -> None:
    assert extraction_fingerprint(["people"]) == extraction_fingerprint(["people"])
    assert extraction_fingerprint(["people"]) != extraction_fingerprint(["people", "places"])
    assert (ROOT / "kg" / "extract" / "people.py").is_file()


def test_gzip_quads_are_readable_by_any_tool(tmp_path: Path) -> None:
    with Dataset(tmp_path / "d") as dataset:
        dataset.add_graph(f"<{EX}g>", [statement("a", "p", '"x"')])
        dataset.finish()
        assert gzip.decompress(dataset.quads_path.read_bytes()) == (
            f'<{EX}a> <{EX}p> "x" <{EX}g> .\n'.encode()
        )


def _reference_fold(text: str) -> str:
    import re
    import unicodedata

    from kg.text import clean_label

    decomposed = unicodedata.normalize("NFKD", clean_label(text))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", kept.casefold()))


@given(st.text())
def test_folding_takes_the_ascii_shortcut_without_changing_a_key(text: str) -> None:
    from kg.text import fold

    assert fold(text) == _reference_fold(text)
    assert fold(text * 50) == _reference_fold(text * 50)
