"""A big JSON Lines file is read as parts: same output whatever the cut, errors in place."""

from __future__ import annotations

import codecs
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import json_lines
from kg.builder import build_to
from kg.readers import read_file, split
from kg.readers.jsonlines import JsonReader
from kg.readers.limits import Limits

from .conftest import ROOT

FORMATS = ["nquads", "jsonld"]
BAD_LINES = {6: "{not json\n", 13: "\n", 14: "  \r\n", 21: "[1, 2]\n"}


def exports(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """24 records (about 100 KB) with a BOM, Windows line ends, blank and bad lines."""
    lines = list(json_lines(24, seed=5))
    for number, line in BAD_LINES.items():
        lines[number - 1] = line
    lines[2] = lines[2].replace("\n", "\r\n")
    path = tmp_path_factory.mktemp("big") / "dump.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + "".join(lines).encode())
    return path


@pytest.fixture
def parts_read(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The index of every part of a JSON Lines file read from now on, in order."""
    read: list[int] = []
    read_part = JsonReader.read_part

    def counted(self: JsonReader, part, **options):  # type: ignore[no-untyped-def]
        read.append(part.index)
        return read_part(self, part, **options)

    monkeypatch.setattr(JsonReader, "read_part", counted)
    return read


@pytest.fixture(scope="module")
def whole(big: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    output = tmp_path_factory.mktemp("whole")
    assert split(str(big), Limits()) is None, "under chunk_bytes: read whole"
    graph = build_to([big], output, formats=FORMATS, jobs=1)
    assert graph.report.records == 20
    return exports(output)


def test_parts_cover_the_file_at_line_ends_and_number_lines_as_the_whole(big: Path) -> None:
    parts = split(str(big), Limits(chunk_bytes=3000))
    assert parts is not None and len(parts) > 10
    data = big.read_bytes()
    assert parts[0].start == 0 and parts[-1].stop == len(data)
    for before, after in itertools.pairwise(parts):
        assert before.stop == after.start and data[before.stop - 1 : before.stop] == b"\n"
    assert [p.index for p in parts] == list(range(len(parts)))
    whole = [(i.line, i.record) for i in read_file(str(big)) if not isinstance(i, Exception)]
    cut = [(i.line, i.record) for p in parts for i in read_file(p) if not isinstance(i, Exception)]
    assert cut == whole and len(whole) == 20


def test_a_file_that_is_not_clean_utf8_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    text = "".join(json_lines(6, seed=2))
    path.write_bytes(text.encode() + '{"title": "Caf\xe9"}\n'.encode("latin-1"))
    assert split(str(path), Limits(chunk_bytes=2000)) is None
    path.write_bytes(text.encode())
    assert split(str(path), Limits(chunk_bytes=2000)) is not None


def test_a_line_longer_than_max_file_bytes_is_skipped_by_its_number(tmp_path: Path) -> None:
    lines = list(json_lines(5, seed=3))
    lines[2] = json.dumps({"title": "long", "body": "word " * 20_000}) + "\n"
    path = tmp_path / "long.jsonl"
    path.write_text("".join(lines))
    limits = Limits(chunk_bytes=5000, max_file_bytes=50_000)
    parts = split(str(path), limits)
    assert parts is not None and [p.line for p in parts if p.oversized] == [3]
    items = [i for p in parts for i in JsonReader().read_part(p, limits=limits)]
    errors = [str(i) for i in items if isinstance(i, Exception)]
    assert errors == [f"{path}:3: a line longer than 50000 bytes (limit max_file_bytes)"]
    assert [i.line for i in items if not isinstance(i, Exception)] == [1, 2, 4, 5]


def test_max_file_bytes_bounds_a_part_of_a_json_lines_file(big: Path) -> None:
    parts = split(str(big), Limits(max_file_bytes=20_000))
    assert parts is not None and len(parts) > 4
    assert all(p.stop - p.start <= 20_000 for p in parts)


def test_a_big_file_cut_small_builds_the_same_bytes_in_one_process(
    big: Path, whole: dict[str, bytes], tmp_path: Path
) -> None:
    graph = build_to([big], tmp_path, formats=FORMATS, jobs=1, limits=Limits(chunk_bytes=4000))
    assert exports(tmp_path) == whole
    assert graph.report.files == 1 and graph.report.records == 20
    assert sorted(s.location for s in graph.report.skipped) == [f"{big}:21", f"{big}:6"]


def test_a_big_file_shared_by_two_workers_builds_the_same_bytes(
    big: Path, whole: dict[str, bytes], tmp_path: Path
) -> None:
    # At two jobs a 100 KB file is cut in two parts of 64 KB at most; smaller parts here.
    graph = build_to([big], tmp_path, formats=FORMATS, jobs=2, limits=Limits(chunk_bytes=9000))
    assert exports(tmp_path) == whole
    assert len(graph.report.skipped) == 2, "each bad record counted once"


# distributed's scheduler can leave a listening socket to the garbage collector when it
# shuts down (as in test_scale).
@pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)
def test_a_big_file_shared_by_a_dask_cluster_builds_the_same_bytes(
    big: Path, whole: dict[str, bytes], tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    limits = Limits(chunk_bytes=9000)
    build_to([big], tmp_path, formats=FORMATS, engine="dask", jobs=2, limits=limits)
    assert exports(tmp_path) == whole


KILLED_BUILD = """
import os, sys
from kg.builder import build_to
from kg.factstore import FactsStore
from kg.readers.limits import Limits

save = FactsStore.save
def save_three(self, result):
    save(self, result)
    if result.part == 2:
        os._exit(9)  # as abrupt as kill -9, in the middle of the file
FactsStore.save = save_three
build_to([sys.argv[1]], sys.argv[2], store=sys.argv[3], formats=["nquads", "jsonld"],
         limits=Limits(chunk_bytes=int(sys.argv[4])))
"""


def test_a_build_killed_in_the_middle_of_a_big_file_resumes_at_its_next_part(
    big: Path, whole: dict[str, bytes], tmp_path: Path, parts_read: list[int]
) -> None:
    store, limits = tmp_path / "store", Limits(chunk_bytes=9000)
    parts = split(str(big), limits)
    assert parts is not None
    command = [sys.executable, "-c", KILLED_BUILD, str(big), str(tmp_path / "dead"), str(store)]
    killed = subprocess.run([*command, "9000"], cwd=ROOT, check=False)
    assert killed.returncode == 9
    read = parts_read
    graph = build_to([big], tmp_path / "resumed", formats=FORMATS, store=store, limits=limits)
    assert read == list(range(3, len(parts))), "parts 0-2 came from the store"
    assert exports(tmp_path / "resumed") == whole
    assert len(graph.report.skipped) == 2
    again = build_to([big], tmp_path / "again", formats=FORMATS, store=store, limits=limits)
    assert again.report.reused == 1 and read == list(range(3, len(parts)))
    assert exports(tmp_path / "again") == whole


def test_a_store_keeps_only_the_facts_files_of_the_latest_cut(big: Path, tmp_path: Path) -> None:
    store, dump = tmp_path / "store", tmp_path / "dump.jsonl"
    dump.write_bytes(big.read_bytes())

    def build(chunk_bytes: int) -> set[str]:
        """Change the file (or it is reused whole) and build it cut this way."""
        with dump.open("a") as stream:
            stream.write('{"title": "One more", "body": "A last record."}\n')
        build_to(
            [dump],
            tmp_path / "out",
            formats=["nquads"],
            extractors=["articles"],
            store=store,
            limits=Limits(chunk_bytes=chunk_bytes),
        )
        return {p.name for p in (store / "facts").iterdir()}

    cut = build(9000)
    assert len(cut) > 10
    assert len(build(1 << 20)) == 1, "read whole: the parts' files are gone"
    assert build(9000) == cut
    assert 1 < len(build(20_000)) < len(cut), "fewer parts: the others are removed"


def test_a_file_that_grew_at_the_end_reads_only_its_new_parts(
    big: Path, tmp_path: Path, parts_read: list[int]
) -> None:
    """An appended log: the parts of the old head (same bytes, cut alike) keep their facts;
    the old last part and the new ones are read; the exports equal a fresh build's."""
    store, dump, limits = tmp_path / "store", tmp_path / "dump.jsonl", Limits(chunk_bytes=9000)
    dump.write_bytes(big.read_bytes())
    build_to([dump], tmp_path / "first", formats=FORMATS, store=store, limits=limits)
    old = split(str(dump), limits)
    assert old is not None
    with dump.open("a") as stream:
        stream.writelines(json_lines(6, seed=11, first=100))
    new = split(str(dump), limits)
    assert new is not None and len(new) > len(old)
    read = parts_read
    read.clear()  # the first build read every part
    grown = build_to([dump], tmp_path / "grown", formats=FORMATS, store=store, limits=limits)
    last = len(old) - 1  # the old last part is read again unless the new cut ends there too
    first = last + ((old[last].start, old[last].stop) == (new[last].start, new[last].stop))
    assert read == list(range(first, len(new))), "the old head came from the store"
    assert grown.report.records == 26
    build_to([dump], tmp_path / "fresh", formats=FORMATS, limits=limits)
    assert exports(tmp_path / "grown") == exports(tmp_path / "fresh")
    # A change in the middle keeps only the parts before it.
    text = dump.read_bytes()
    middle = new[len(new) // 2].start + 20
    dump.write_bytes(
        text[:middle] + (b"X" if text[middle : middle + 1] != b"X" else b"Y") + text[middle + 1 :]
    )
    read.clear()
    build_to([dump], tmp_path / "edited", formats=FORMATS, store=store, limits=limits)
    assert read == list(range(len(new) // 2, len(new)))
