"""Incremental resolution (issue #17): a build for its delta alone updates the resolution state
its store keeps instead of resolving every record again, and still says exactly what a full
build would: after files are added, changed and removed (a person split from a namesake and
joined again, a president's two names merged by his identifier and then named by a third,
an article's date moved by another file), the graph digests it records equal those of a full
build of the same files, the full exports made from the state equal a fresh build byte for
byte, the deltas applied to a real Oxigraph server equal a fresh full load, and a build
killed in the middle leaves the store as it was."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kg.builder import build_to
from kg.delta import DIGESTS, MANIFEST, REMOVED, DeltaError, deltas
from kg.graphstore import apply_delta, load
from kg.resolution import FORMAT, PICKLE

from .conftest import ROOT
from .servers import oxigraph_server
from .test_named_graphs import all_quads, write_corpus

GRAPHS = "https://kg.example/id/graph/"


def story(news: Path, name: str, title: str, body: str, date: str) -> None:
    document = {
        "title": title,
        "webUrl": f"https://news.example/2024/{name}",
        "publishedDateTime": f"{date}T12:00:00Z",
        "body": body,
    }
    (news / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")


def digests(store: Path) -> dict[str, bytes]:
    with sqlite3.connect(store / DIGESTS) as db:
        return dict(db.execute("SELECT iri, digest FROM graphs").fetchall())


def full_digests(news: Path, store: Path, copy: Path) -> dict[str, bytes]:
    """The digests a full build of the same files records: a copy of the store without its
    resolution state, built from its saved facts with N-Quads."""
    shutil.copytree(store, copy)
    for path in copy.glob(PICKLE.format("*")):
        path.unlink()
    build_to([news], copy / "out", formats=["nquads"], store=copy, prune=True, jobs=1)
    return digests(copy)


def removed(folder: str) -> list[str]:
    text = (Path(folder) / REMOVED).read_text(encoding="utf-8")
    return [iri.removeprefix(GRAPHS) for iri in text.split()]


def first_day(news: Path) -> None:
    write_corpus(news, range(5))
    story(
        news,
        "smith-a",
        "Springfield mayor opens park",
        'Springfield, Illinois Mayor John Smith opened a park on Monday. "It is a good day," '
        "Smith said.",
        "2024-05-02",
    )


def second_day(news: Path) -> None:
    """A namesake in another state and office; two names of a president; a rewritten story."""
    story(
        news,
        "smith-b",
        "Ohio senator speaks",
        "Ohio Senator John Smith said in Columbus that the bill would pass. "
        '"We have the votes," Smith said.',
        "2024-05-03",
    )
    story(
        news,
        "biden-1",
        "Biden signs bill",
        "President Biden signed the infrastructure bill in Washington on Monday. "
        '"This is a big deal," Biden said.',
        "2023-03-01",
    )
    story(
        news,
        "biden-2",
        "Joe Biden travels",
        'President Joe Biden traveled to Ohio on Tuesday. "We will rebuild," Joe Biden said '
        "in Cleveland.",
        "2023-03-02",
    )
    write_corpus(news, [2], edition=" in Queens")


def third_day(news: Path) -> None:
    """The namesake gone; an earlier date for story 1 from another file; the president named
    by a third name more often than by the other two."""
    (news / "smith-b.json").unlink()
    (news / "story-0004.json").unlink()
    document = {
        "title": "Adams expands subway program, story 1",
        "webUrl": "https://news.example/2024/story-1",
        "publishedDateTime": "2023-01-01T12:00:00Z",
        "body": "New York City Mayor Eric Adams said the plan would go on.",
    }
    (news / "again.json").write_text(json.dumps(document), encoding="utf-8")
    for index in range(3):
        story(
            news,
            f"biden-full-{index}",
            f"Joseph Biden story {index}",
            "President Joseph Biden met governors in Washington on Wednesday. Joseph Biden "
            f"said the talks went well. President Joseph Biden will travel {index + 2} times.",
            f"2023-04-0{index + 1}",
        )


@pytest.mark.slow
def test_deltas_of_an_incremental_state_equal_full_builds_and_a_fresh_load(
    tmp_path: Path,
) -> None:
    news, store, delta = tmp_path / "news", tmp_path / "store", tmp_path / "delta"
    first_day(news)
    build_to([news], tmp_path / "out1", formats=["nquads"], store=store, jobs=1)
    assert list(store.glob(PICKLE.format("*"))) == [store / PICKLE.format(1)]

    second_day(news)
    two = build_to([news], None, store=store, prune=True, delta=delta, jobs=1)
    assert not two.has_data  # the delta alone: no dataset was made
    assert digests(store) == full_digests(news, store, tmp_path / "check2")
    assert removed(two.report.outputs["delta"]) == []
    changed = (delta / "000002" / "changed.nq").read_text(encoding="utf-8")
    assert "person/john-smith-state-ohio" in changed  # split from the Illinois mayor
    assert "/story-3>" not in changed  # an untouched story is not in the delta

    third_day(news)
    three = build_to([news], None, store=store, prune=True, delta=delta, jobs=1)
    assert digests(store) == full_digests(news, store, tmp_path / "check3")
    gone = removed(three.report.outputs["delta"])
    # The namesake's graph goes with its article; the president's merged node gets the key
    # of his most used name, so its old IRI's graph is removed and the new one written.
    assert "person/john-smith-state-ohio-e8fdf2be" in gone
    assert "person/joe-biden" in gone
    assert "person/joseph-biden" in (delta / "000003" / "changed.nq").read_text()
    assert [d.build for d in deltas(delta)] == [2, 3]
    assert list(store.glob(PICKLE.format("*"))) == [store / PICKLE.format(3)]

    # Full exports from the kept state equal a fresh build's, byte for byte.
    formats = ["nquads", "turtle"]
    build_to([news], tmp_path / "kept", formats=formats, store=store, prune=True, jobs=1)
    build_to([news], tmp_path / "fresh", formats=formats, jobs=1)
    for name in ("graph.nq", "graph.ttl"):
        assert (tmp_path / "kept" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()

    with oxigraph_server(tmp_path / "db1") as kept, oxigraph_server(tmp_path / "db2") as fresh:
        load(tmp_path / "out1", f"{kept}/store")
        report = apply_delta(delta, f"{kept}/store")
        load(tmp_path / "fresh", f"{fresh}/store")
        assert report.applied == (2, 3)
        assert all_quads(kept) == all_quads(fresh)


KILLED = """
import os, sys
from pathlib import Path
from kg import delta
from kg.builder import build_to

update = delta.GraphDigests.update

def dying(self, graphs, *args, **options):
    def some():
        for index, graph in enumerate(graphs):
            if index == 3:
                os._exit(9)  # as abrupt as kill -9, in the middle of the build's transaction
            yield graph
    return update(self, some(), *args, **options)

delta.GraphDigests.update = dying
build_to([sys.argv[1]], None, store=sys.argv[2], prune=True, delta=sys.argv[3], jobs=1)
"""


@pytest.mark.slow
def test_a_build_killed_in_its_transaction_leaves_the_store_at_the_last_build(
    tmp_path: Path,
) -> None:
    news, store, delta = tmp_path / "news", tmp_path / "store", tmp_path / "delta"
    write_corpus(news, range(4))
    build_to([news], tmp_path / "out1", formats=["nquads"], store=store, jobs=1)
    before = digests(store)
    write_corpus(news, [4, 5])
    (news / "story-0001.json").unlink()
    killed = subprocess.run(
        [sys.executable, "-c", KILLED, str(news), str(store), str(delta)], cwd=ROOT, check=False
    )
    assert killed.returncode == 9
    assert digests(store) == before
    assert deltas(delta) == []  # no delta was put in place
    after = build_to([news], None, store=store, prune=True, delta=delta, jobs=1)
    folder = Path(after.report.outputs["delta"])
    document = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert document["base"]["build"] == 1 and document["build"] == 2
    assert "graph/article/" in (folder / REMOVED).read_text()
    assert digests(store) == full_digests(news, store, tmp_path / "check")


KILLED_AFTER_THE_DELTA = """
import os, sys
from kg import delta
from kg.builder import build_to

finish = delta._Writer.finish

def dying(self, *args, **options):
    finish(self, *args, **options)
    os._exit(9)  # the delta is in place; the store's transaction is not committed

delta._Writer.finish = dying
build_to([sys.argv[1]], None, store=sys.argv[2], prune=True, delta=sys.argv[3], jobs=1)
"""


@pytest.mark.slow
def test_a_delta_left_by_a_build_killed_before_its_commit_is_replaced_by_the_next(
    tmp_path: Path,
) -> None:
    news, store, delta = tmp_path / "news", tmp_path / "store", tmp_path / "delta"
    write_corpus(news, range(4))
    build_to([news], tmp_path / "out1", formats=["nquads"], store=store, jobs=1)
    before = digests(store)
    write_corpus(news, [4])
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_THE_DELTA, str(news), str(store), str(delta)],
        cwd=ROOT,
        check=False,
    )
    assert killed.returncode == 9
    assert digests(store) == before  # the store is at build 1: its commit decides
    dead = json.loads((delta / "000002" / MANIFEST).read_text(encoding="utf-8"))
    assert dead["base"]["build"] == 1
    fingerprint = dead["fingerprint"]

    # An endpoint that was given the dead delta is told to reload, not given the next one.
    (delta / "applied.json").write_text(
        json.dumps({"http://127.0.0.1:9/store": {"build": 2, "fingerprint": fingerprint}}),
        encoding="utf-8",
    )

    # Files changed again before the next build: its delta replaces the dead one.
    write_corpus(news, [5])
    (news / "story-0001.json").unlink()
    after = build_to([news], None, store=store, prune=True, delta=delta, jobs=1)
    folder = Path(after.report.outputs["delta"])
    assert folder == delta / "000002"
    document = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert document["base"]["build"] == 1 and document["build"] == 2
    assert document["fingerprint"] != fingerprint
    assert sorted(p.name for p in delta.iterdir()) == ["000002", "applied.json"]
    changed = (folder / "changed.nq").read_text(encoding="utf-8")
    assert "story-4" in changed and "story-5" in changed  # both builds' new files
    assert "graph/article/" in (folder / REMOVED).read_text()
    assert digests(store) == full_digests(news, store, tmp_path / "check")
    with pytest.raises(DeltaError, match="killed before its commit"):
        apply_delta(delta, "http://127.0.0.1:9/store")


def test_a_state_of_an_earlier_format_is_made_again_by_the_next_build(tmp_path: Path) -> None:
    """A store of the kg before the kept statements (its records have no ``made``): the next
    build resolves every record from its facts again and keeps them in the new form."""
    news, store = tmp_path / "news", tmp_path / "store"
    write_corpus(news, range(3))
    build_to([news], tmp_path / "one", formats=["nquads"], store=store, jobs=1)
    with sqlite3.connect(store / DIGESTS) as db:
        (key,) = db.execute("SELECT value FROM meta WHERE key = 'state_key'").fetchone()
        assert key.startswith(f"{FORMAT} ")
        earlier = f"{FORMAT - 1} {key.partition(' ')[2]}"
        db.execute("UPDATE meta SET value = ? WHERE key = 'state_key'", (earlier,))
        db.execute("ALTER TABLE state_records DROP COLUMN made")
        db.execute("DROP TABLE state_parts")
    write_corpus(news, [3])
    build_to([news], tmp_path / "kept", formats=["nquads"], store=store, jobs=1)
    build_to([news], tmp_path / "fresh", formats=["nquads"], jobs=1)
    for name in ("graph.nq", "build-report.json"):
        assert (tmp_path / "kept" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
    with sqlite3.connect(store / DIGESTS) as db:
        (key,) = db.execute("SELECT value FROM meta WHERE key = 'state_key'").fetchone()
    assert key.startswith(f"{FORMAT} ")
    # The next build reads the new form, and no facts file (they could be lost): its exports
    # are the same bytes.
    for path in (store / "facts").iterdir():
        path.write_bytes(b"not a pickle")
    build_to([news], tmp_path / "again", formats=["nquads"], store=store, jobs=1)
    for name in ("graph.nq", "build-report.json"):
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()
