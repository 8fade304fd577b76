"""WARC web archives (``.warc``, ``.warc.gz``): each HTML response record is a page.

The archive is streamed record by record (warcio), never held in memory: a record is
read, made an article (``webpage``) and let go. A record's byte offset in the file is
its ``line``, so a report line ``crawl.warc.gz:48213: ...`` points at it and a later
reader can start there. Records that are not HTML pages (requests, metadata, images,
redirects) are skipped and counted, in one note per archive.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError, InputNote
from kg.model import Article
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

    def read_path(
        self, source: str, *, limits: Limits = DEFAULT_LIMITS, fields: FieldMap = NO_FIELDS
    ) -> Iterator[Article | InputError]:
        """Yield an article per HTML response record, in archive order."""
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        skipped: Counter[str] = Counter()
        pages = 0
        offset = 0
        failed = False
        try:
            with Path(source).open("rb") as stream:
                records = ArchiveIterator(stream, arc2warc=True)
                for record in records:
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
        if skipped:
            total = sum(skipped.values())
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items()))
            yield InputNote(source, f"{total} WARC records are not HTML pages, left out: {kinds}")
        elif not pages and not failed:
            yield InputError(source, "the archive holds no records")


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
