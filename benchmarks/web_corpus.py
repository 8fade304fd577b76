"""Feeds and WARC archives made of the real fixture pages (tests/data/web/pages).

The committed ``tests/data/web/feeds/news.rss`` and ``tests/data/web/warc/news.warc.gz``
come from ``python -m benchmarks.web_corpus``; the reading benchmark writes archives of
any size the same way (each copy of a page under its own URL).
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "tests" / "data" / "web"
_STAMP = "2024-10-16T12:00:00Z"


def fixture_pages() -> list[dict[str, object]]:
    """The labelled pages (pages.yaml), each with its HTML bytes under ``html``."""
    pages = yaml.safe_load((WEB / "pages.yaml").read_text(encoding="utf-8"))
    for page in pages:
        page["html"] = (WEB / "pages" / str(page["file"])).read_bytes()
    return list(pages)


def write_warc(path: Path, pages: Iterable[dict[str, object]], *, copies: int = 1) -> int:
    """A gzipped WARC: per page a request, its HTML response and a metadata record; then
    an image response and a redirect, which a reader must skip. Returns the pages written."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    written = 0
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for copy in range(copies):
            for page in pages:
                url = str(page["url"]) + (f"?copy={copy}" if copy else "")
                request = writer.create_warc_record(
                    url,
                    "request",
                    payload=io.BytesIO(b""),
                    http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True),
                    warc_headers_dict={"WARC-Date": _STAMP},
                )
                headers = StatusAndHeaders(
                    "200 OK",
                    [("Content-Type", "text/html; charset=utf-8")],
                    protocol="HTTP/1.1",
                )
                response = writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(page["html"]),  # type: ignore[arg-type]
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": _STAMP},
                )
                metadata = writer.create_warc_record(
                    url,
                    "metadata",
                    payload=io.BytesIO(b"fetchTimeMs: 120\n"),
                    warc_content_type="application/warc-fields",
                    warc_headers_dict={"WARC-Date": _STAMP},
                )
                for record in (request, response, metadata):
                    writer.write_record(record)
                written += 1
        image = writer.create_warc_record(
            "https://example.com/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
            ),
            warc_headers_dict={"WARC-Date": _STAMP},
        )
        redirect = writer.create_warc_record(
            "https://example.com/old",
            "response",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "301 Moved Permanently",
                [("Location", "https://example.com/new"), ("Content-Type", "text/html")],
                protocol="HTTP/1.1",
            ),
            warc_headers_dict={"WARC-Date": _STAMP},
        )
        writer.write_record(image)
        writer.write_record(redirect)
    return written


def write_feed(path: Path, pages: Iterable[dict[str, object]]) -> None:
    """An RSS 2.0 feed as WordPress writes one: each page an item whose
    ``content:encoded`` is the page's article HTML (its ``<p>`` paragraphs)."""
    from lxml import html as lxml_html

    items = []
    for page in pages:
        tree = lxml_html.document_fromstring(page["html"])  # type: ignore[arg-type]
        first, last = str(page["first"]), str(page["last"])
        paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p")]
        start = next(i for i, p in enumerate(paragraphs) if first in p)
        end = next(i for i, p in enumerate(paragraphs) if last in p)
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs[start : end + 1])
        when = datetime.fromisoformat(str(page["date"])).replace(tzinfo=UTC)
        headline = page["headlines"][0]  # type: ignore[index]
        items.append(
            f"""  <item>
    <title>{escape(headline)}</title>
    <link>{escape(str(page["url"]))}</link>
    <pubDate>{format_datetime(when)}</pubDate>
    <dc:creator><![CDATA[Staff Writer]]></dc:creator>
    <category><![CDATA[News]]></category>
    <description><![CDATA[{escape(first)}]]></description>
    <content:encoded><![CDATA[{body}<script>window.__pwned=1</script>]]></content:encoded>
  </item>
"""
        )
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Fixture News</title>
  <link>https://news.example.org/</link>
  <description>The labelled fixture pages, as a feed</description>
  <language>en-US</language>
{"".join(items)}</channel>
</rss>
""",
        encoding="utf-8",
    )


def main() -> None:
    pages = fixture_pages()[:5]
    write_feed(WEB / "feeds" / "news.rss", pages)
    write_warc(WEB / "warc" / "news.warc.gz", pages)
    with gzip.open(WEB / "warc" / "news.warc.gz", "rb") as stream:
        print(f"news.warc.gz: {len(pages)} pages, {len(stream.read())} bytes unpacked")


if __name__ == "__main__":
    main()
