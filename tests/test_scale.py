"""Engines and incremental builds give exactly the output of a plain serial build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg import factstore
from kg.builder import build_to

from .conftest import ROOT

INPUTS = [
    ROOT / "seeds",
    ROOT / "tests/data/corpus/frontmatter",
    ROOT / "tests/data/corpus/plaintext",
]
FORMATS = ["turtle", "nquads", "jsonld", "graphml", "html"]


def exports(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    output = tmp_path_factory.mktemp("serial")
    build_to(INPUTS, output, formats=FORMATS, jobs=1)
    return exports(output)


def test_two_worker_processes_write_the_same_bytes(
    serial: dict[str, bytes], tmp_path: Path
) -> None:
    graph = build_to(INPUTS, tmp_path, formats=FORMATS, jobs=2)
    assert graph.report.files == 47
    assert exports(tmp_path) == serial


# distributed's scheduler can leave a listening socket to the garbage collector when it
# shuts down; that is its business, not a difference in what kg writes.
@pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)
def test_a_dask_local_cluster_writes_the_same_bytes(
    serial: dict[str, bytes], tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    build_to(INPUTS, tmp_path, formats=FORMATS, engine="dask", jobs=2)
    assert exports(tmp_path) == serial


def test_an_incremental_build_equals_a_fresh_build_of_the_final_set(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests/data/corpus/plaintext", corpus)
    shutil.copytree(ROOT / "seeds", corpus / "seeds")
    store = tmp_path / "store"
    first = build_to([corpus], tmp_path / "first", store=store)
    assert (first.report.reused, first.report.files) == (0, 42)
    # Tomorrow: one file added, one changed, one removed.
    (corpus / "added.txt").write_text("Mayor Jane Roe of Boston said the city would act.\n")
    changed = corpus / "abc-012.txt"
    changed.write_text(changed.read_text().replace("Pakistan", "Bangladesh"))
    (corpus / "abc-013.txt").unlink()
    again = build_to([corpus], tmp_path / "again", store=store, prune=True)
    assert (again.report.reused, again.report.pruned, again.report.files) == (40, 1, 42)
    fresh = build_to([corpus], tmp_path / "fresh")
    assert exports(tmp_path / "again").keys() == exports(tmp_path / "fresh").keys()
    for name, data in exports(tmp_path / "fresh").items():
        if name != "build-report.json":
            assert exports(tmp_path / "again")[name] == data, name
    assert fresh.report.counts == again.report.counts
    # Without --prune, a removed file's facts stay in the graph.
    (corpus / "abc-026.txt").unlink()
    kept = build_to([corpus], tmp_path / "kept", store=store)
    assert kept.report.counts["articles"] == again.report.counts["articles"]


def test_a_file_of_the_same_size_and_time_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests/data/corpus/plaintext", corpus)
    store = tmp_path / "store"
    build_to([corpus], tmp_path / "first", store=store)
    hashed: list[str] = []
    real = factstore.content_hash
    monkeypatch.setattr(factstore, "content_hash", lambda p: hashed.append(p) or real(p))
    again = build_to([corpus], tmp_path / "again", store=store)
    assert (again.report.reused, hashed) == (40, [])
    # Touched (a new modification time, the same bytes): read and hashed, not extracted.
    touched = corpus / "abc-012.txt"
    status = touched.stat()
    os.utime(touched, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000_000))
    later = build_to([corpus], tmp_path / "later", store=store)
    assert (later.report.reused, hashed) == (40, [str(touched)])
    for name, data in exports(tmp_path / "first").items():
        if name != "build-report.json":
            assert exports(tmp_path / "later")[name] == data, name


KILLED_BUILD = """
import os, sys
from kg.builder import build_to

def die_after_ten(stage, done, total):
    if stage == "read" and done == 10:
        os._exit(9)  # as abrupt as kill -9: no finally, no manifest

build_to([sys.argv[1]], sys.argv[2], store=sys.argv[3], progress=die_after_ten)
"""


def test_a_killed_build_keeps_what_it_extracted(tmp_path: Path) -> None:
    corpus = ROOT / "tests/data/corpus/plaintext"
    store = tmp_path / "store"
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BUILD, str(corpus), str(tmp_path / "dead"), str(store)],
        cwd=ROOT,
        check=False,
    )
    assert killed.returncode == 9
    assert not (store / "manifest.json").exists()
    resumed = build_to([corpus], tmp_path / "resumed", store=store)
    assert (resumed.report.reused, resumed.report.files) == (10, 40)
    assert not (store / "journal.jsonl").exists(), "the manifest now holds it all"
    build_to([corpus], tmp_path / "fresh")
    for name, data in exports(tmp_path / "fresh").items():
        if name != "build-report.json":
            assert exports(tmp_path / "resumed")[name] == data, name


def test_a_journal_of_other_extraction_code_is_not_trusted(tmp_path: Path) -> None:
    from kg.factstore import FORMAT_VERSION, FactsStore

    store = tmp_path / "store"
    store.mkdir()
    (store / "facts").mkdir()
    (store / "facts" / "x.pickle").write_bytes(b"")
    lines = [
        json.dumps({"version": FORMAT_VERSION, "extraction": "other code"}),
        json.dumps({"source": "a.txt", "sha256": "0", "facts": "facts/x.pickle"}),
    ]
    (store / "journal.jsonl").write_text("\n".join(lines) + "\n")
    assert FactsStore(store, fingerprint="this code").entries == {}
    assert not (store / "journal.jsonl").exists()
    header = json.dumps({"version": FORMAT_VERSION, "extraction": "this code"})
    (store / "journal.jsonl").write_text("\n".join([header, lines[1], '{"sour']))
    assert FactsStore(store, fingerprint="this code").entries == {
        "a.txt": {"sha256": "0", "facts": "facts/x.pickle"}
    }, "a torn last line is skipped"
