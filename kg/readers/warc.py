"""WARC web archives (``.warc``, ``.warc.gz``): each HTML response record is a page.

The archive is streamed record by record (warcio), never held in memory: a record is
read, made an article (``webpage``) and let go. A record's byte offset in the file is
its ``line``, so a report line ``crawl.warc.gz:48213: ...`` points at it and a later
reader can start there. Records that are not HTML pages (requests, metadata, images,
redirects) are skipped and counted, in one note per archive.

An archive larger than ``limits.chunk_bytes`` is cut into parts of whole records
(``split``), each a unit of work like a part of a JSON Lines file (``kg.readers.chunks``):
one scan of the record headers finds where each record starts and ends, and a part is
read by seeking to its first record. A worker then holds one part's pages at a time,
whatever the size of the archive. An archive the scan cannot read to its end (damaged,
cut short) is read whole, which reports where it fails.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError, InputNote
from kg.model import Article
from kg.readers.chunks import Part
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.readers.mapping import NO_FIELDS, FieldMap
from kg.readers.webpage import article_from_page, decode_page
from kg.urls import web_url

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)


class WarcReader:
    """Streams the HTML pages of a WARC archive, gzipped or not."""

    name = "warc"
    suffixes = (".warc", ".warc.gz")

    def accepts(self, path: Path, text: str) -> bool:
        """Archives by name: ``.warc`` or ``.warc.gz``."""
        return path.name.lower().endswith(self.suffixes)

    def read(
        self,
        source: str,
        text: str,
        *,
        limits: Limits = DEFAULT_LIMITS,
        fields: FieldMap = NO_FIELDS,
    ) -> Iterator[Article | InputError]:
        """An archive is read from its file (``read_path``), never as one text."""
        raise InputError(source, "a WARC archive is read from its file, not from text")

    def split(self, source: str, limits: Limits = DEFAULT_LIMITS) -> list[Part] | None:
        """An archive larger than ``limits.chunk_bytes`` cut into parts of whole records of
        about that size (None: read it whole, as a small or damaged archive is)."""
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        try:
            size = Path(source).stat().st_size
            if size <= limits.chunk_bytes:
                return None
            starts: list[tuple[int, int]] = []  # each part's first record and pages before it
            skipped: Counter[str] = Counter()
            pages = 0
            with Path(source).open("rb") as stream:
                records = ArchiveIterator(stream, arc2warc=True)
                for record in records:
                    if not starts or records.offset - starts[-1][0] >= limits.chunk_bytes:
                        starts.append((records.offset, pages))
                    kind = _page_kind(record)
                    if kind is None:
                        pages += 1
                    else:
                        skipped[kind] += 1
                    records.read_to_end()
                    if _unread(record) > 0:
                        return None  # cut short: the whole read reports where
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError):
            return None
        if len(starts) < 2:
            return None
        stops = [start for start, _ in starts[1:]] + [size]
        note = _skipped_note(skipped)
        return [
            Part(source, a, b, line=a, record=first, index=n, count=len(starts), note=note)
            for n, ((a, first), b) in enumerate(zip(starts, stops, strict=True))
        ]

    def read_part(
        self, part: Part, *, limits: Limits = DEFAULT_LIMITS, fields: FieldMap = NO_FIELDS
    ) -> Iterator[Article | InputError]:
        """The pages of one part, numbered and located as in the whole archive; the last
        part gives the archive's note on the records left out."""
        yield from self._records(part.source, limits, fields, part=part)
        if part.index == part.count - 1 and part.note:
            yield InputNote(part.source, part.note)

    def read_path(
        self, source: str, *, limits: Limits = DEFAULT_LIMITS, fields: FieldMap = NO_FIELDS
    ) -> Iterator[Article | InputError]:
        """Yield an article per HTML response record, in archive order."""
        yield from self._records(source, limits, fields)

    def _records(
        self, source: str, limits: Limits, fields: FieldMap, *, part: Part | None = None
    ) -> Iterator[Article | InputError]:
        """The pages of the archive, or of its ``part`` (from its first record to its stop)."""
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        skipped: Counter[str] = Counter()
        start = part.start if part is not None else 0
        pages = part.record if part is not None else 0
        offset = start
        failed = False
        try:
            with Path(source).open("rb") as stream:
                stream.seek(start)
                records = ArchiveIterator(stream, arc2warc=True)
                for record in records:
                    if part is not None and records.offset >= part.stop:
                        break
                    kind = _page_kind(record)
                    if kind is not None:
                        skipped[kind] += 1
                        continue
                    # The payload first: asking for the offset finishes the record.
                    payload = record.content_stream().read(limits.max_page_chars + 1)
                    cut = len(payload) <= limits.max_page_chars and _unread(record) > 0
                    offset = records.get_record_offset()
                    if cut:
                        failed = True
                        yield InputError(
                            source,
                            "the archive is cut short inside this record (a truncated "
                            "download?); the records before it were read",
                            line=offset,
                        )
                        break
                    item = _page(source, record, payload, offset, pages, limits, fields)
                    pages += isinstance(item, Article)
                    yield item
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as error:
            failed = True
            yield InputError(
                source,
                f"the archive is damaged or cut short after byte {offset} ({error}); "
                "the records before it were read",
            )
        except OSError as error:
            failed = True
            yield InputError(source, f"cannot read the archive: {error.strerror or error}")
        if part is not None:
            return  # the split counted the archive's records left out (``read_part``)
        if skipped:
            yield InputNote(source, _skipped_note(skipped))
        elif not pages and not failed:
            yield InputError(source, "the archive holds no records")


def _skipped_note(skipped: Counter[str]) -> str:
    """The note on an archive's records that are not pages ("" when there are none)."""
    skipped = +skipped  # drop zero counts
    if not skipped:
        return ""
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items()))
    return f"{sum(skipped.values())} WARC records are not HTML pages, left out: {kinds}"


def _unread(record: object) -> int:
    """What a record's header promised and its file did not hold, once its payload is read."""
    limit = getattr(getattr(record, "raw_stream", None), "limit", 0)
    return limit if isinstance(limit, int) else 0


def _page_kind(record: object) -> str | None:
    """None for an HTML page with status 2xx, else what the record is (to count it)."""
    kind = getattr(record, "rec_type", None) or "unknown"
    if kind != "response":
        return str(kind)
    http = getattr(record, "http_headers", None)
    if http is None:
        return "non-HTTP response"
    status = http.get_statuscode() or "?"
    if not status.startswith("2"):
        return f"HTTP {status}"
    mime = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return None if mime in PAGE_TYPES else (mime or "untyped response")


def _page(
    source: str,
    record: object,
    payload: bytes,
    offset: int,
    index: int,
    limits: Limits,
    fields: FieldMap,
) -> Article | InputError:
    target = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    content_type = record.http_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    if len(payload) > limits.max_page_chars:
        return InputError(
            source,
            f"page too large: over {limits.max_page_chars} bytes (limit max_page_chars)",
            line=offset,
        )
    charset = _CHARSET.search(content_type)
    text = decode_page(payload, charset.group(1) if charset else None)
    try:
        return article_from_page(
            source,
            text,
            url=web_url(target),
            record=index,
            line=offset,
            limits=limits,
            fields=fields,
        )
    except InputError as error:
        return error
