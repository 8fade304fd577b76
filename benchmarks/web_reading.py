"""Web input, measured: main-text quality, reading cost beside extraction, WARC memory.

    python -m benchmarks.web_reading [--pages 1000] [--build]

1. Main text of the labelled fixture pages (tests/data/web/pages.yaml): a page passes when
   its first and last sentences are in the text and none of its boilerplate lines are;
   kg's reader beside the libraries it was chosen from (those installed).
2. Reading a page (kg's HTML reader, end to end) against extracting its text (spaCy and
   rules), per page, in the same run. Target: at most 0.3x.
3. A WARC of ``--pages`` pages (the fixture pages under new URLs), read in a fresh
   process: peak memory beside a tenth of the archive's size. Target: flat. warcio and
   FastWARC iterate the same archive. ``--build`` also builds both archives with
   ``kg build -j 2``: the peak memory of the build and of its largest worker.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.big_files import run
from benchmarks.web_corpus import WEB, fixture_pages, write_warc


def _flat(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "")


def _passes(page: dict[str, object], text: str) -> bool:
    body = _flat(text)
    boilerplate = page["boilerplate"]
    return (
        str(page["first"]) in body
        and str(page["last"]) in body
        and not any(line in body for line in boilerplate)  # type: ignore[attr-defined]
    )


def _extractors() -> dict[str, Callable[[str], str]]:
    """Main-text extractors to compare, by name (the ones installed here)."""
    import trafilatura

    found: dict[str, Callable[[str], str]] = {
        "trafilatura (default)": lambda html: trafilatura.extract(html) or "",
        "trafilatura (fast, precision)": lambda html: (
            trafilatura.extract(html, fast=True, favor_precision=True, include_tables=False) or ""
        ),
    }
    try:
        from lxml import html as lxml_html
        from readability import Document

        found["readability-lxml"] = lambda html: lxml_html.fromstring(
            Document(html).summary() or "<p></p>"
        ).text_content()
    except ImportError:
        pass
    try:
        import justext

        stoplist = justext.get_stoplist("English")
        found["jusText"] = lambda html: "\n".join(
            p.text for p in justext.justext(html.encode(), stoplist) if not p.is_boilerplate
        )
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        found["resiliparse"] = lambda html: extract_plain_text(
            HTMLTree.parse(html), main_content=True
        )
    except ImportError:
        pass
    return found


def quality(pages: list[dict[str, object]]) -> None:
    from kg.model import Article
    from kg.readers import read_file

    print("1. main text of the fixture pages (first and last sentence, no boilerplate)")
    texts = {str(p["file"]): bytes(p["html"]).decode("utf-8", "replace") for p in pages}  # type: ignore[arg-type]
    for name, extract in _extractors().items():
        started = time.perf_counter()
        results = [extract(texts[str(p["file"])]) for p in pages]
        seconds = (time.perf_counter() - started) / len(pages)
        passed = sum(_passes(p, text) for p, text in zip(pages, results, strict=True))
        print(f"   {name:32} {passed:2}/{len(pages)} pages  {1000 * seconds:6.1f} ms/page")
    passed = 0
    started = time.perf_counter()
    for page in pages:
        article = next(read_file(str(WEB / "pages" / str(page["file"]))))
        passed += isinstance(article, Article) and _passes(page, article.body)
    seconds = (time.perf_counter() - started) / len(pages)
    share = passed / len(pages)
    print(
        f"   {'kg html reader':32} {passed:2}/{len(pages)} pages  {1000 * seconds:6.1f} ms/page"
        f"   -> {share:.0%} (target: at least 90%)"
    )


def cost(pages: list[dict[str, object]]) -> None:
    from kg.extract import extract, pipeline
    from kg.model import Article
    from kg.readers import read_file

    steps = pipeline()
    extract(Article(source="warm-up", body="New York City Mayor Eric Adams spoke."), steps)
    read_seconds = extract_seconds = 0.0
    words = 0
    for page in pages:
        started = time.perf_counter()
        article = next(read_file(str(WEB / "pages" / str(page["file"]))))
        read_seconds += time.perf_counter() - started
        assert isinstance(article, Article)
        started = time.perf_counter()
        extract(article, steps)
        extract_seconds += time.perf_counter() - started
        words += article.words
    ratio = read_seconds / extract_seconds
    print("2. reading a page against extracting its text (same run)")
    print(
        f"   read {1000 * read_seconds / len(pages):.1f} ms/page, extract "
        f"{1000 * extract_seconds / len(pages):.1f} ms/page ({words // len(pages)} words), "
        f"read/extract = {ratio:.2f} (target: at most 0.3; end to end "
        f"{1 + ratio:.2f}x of extraction alone)"
    )


_READ_ALL = """
import resource, sys, time
from kg.readers import read_file
from kg.model import Article
started = time.perf_counter()
pages = sum(isinstance(item, Article) for item in read_file(sys.argv[1]))
seconds = time.perf_counter() - started
print(pages, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def memory(pages: list[dict[str, object]], count: int, build: bool) -> None:
    print("3. WARC archives of fixture pages, read in a fresh process (peak RSS)")
    with tempfile.TemporaryDirectory(prefix="kg-warc-") as folder:
        rows = []
        for size in (max(1, count // 10), count):
            path = Path(folder) / f"crawl-{size}.warc.gz"
            copies = -(-size // len(pages))
            write_warc(path, pages, copies=copies)
            result = subprocess.run(
                [sys.executable, "-c", _READ_ALL, str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            read, seconds, peak = result.stdout.split()
            rows.append((int(read), path.stat().st_size, float(seconds), int(peak)))
            print(
                f"   {int(read):5} pages, {path.stat().st_size / 2**20:6.1f} MiB gzipped: "
                f"read in {float(seconds):6.1f} s, peak {int(peak)} MiB"
            )
        (small, *_), (large, *_) = rows
        growth = rows[1][3] / rows[0][3]
        print(f"   {large / small:.0f}x the pages, {growth:.2f}x the peak memory (target: flat)")
        _iterate(Path(folder) / f"crawl-{count}.warc.gz")
        if build:
            _build(Path(folder), [max(1, count // 10), count])


def _build(folder: Path, sizes: list[int]) -> None:
    """``kg build -j 2`` of each archive: the peak memory of the build's own process and of
    its largest worker. An archive over ``chunk_bytes`` is read as parts of whole records,
    so a worker's peak must not grow with the archive."""
    peaks = []
    for size in sizes:
        archive = folder / f"crawl-{size}.warc.gz"
        command = [
            sys.executable,
            "-m",
            "kg",
            "build",
            str(archive),
            "-o",
            str(folder / f"out-{size}"),
        ]
        command += ["-j", "2", "-q"]
        wall, main, worker = run(command)
        peaks.append(worker)
        print(
            f"   kg build of the {size}-page archive ({archive.stat().st_size / 2**20:.1f} MiB): "
            f"{wall:.0f} s, main process {main:,.0f} MiB, largest worker {worker:,.0f} MiB"
            f"   {' '.join(command)}"
        )
    print(
        f"   {sizes[-1] / sizes[0]:.0f}x the pages, largest worker {peaks[-1] / peaks[0]:.2f}x "
        "(target: flat)"
    )


def _iterate(path: Path) -> None:
    """warcio and FastWARC reading every record's payload, no page extraction."""
    from warcio.archiveiterator import ArchiveIterator

    started = time.perf_counter()
    with path.open("rb") as stream:
        total = sum(len(r.content_stream().read()) for r in ArchiveIterator(stream))
    warcio_seconds = time.perf_counter() - started
    line = f"   iterating {total / 2**20:.0f} MiB of payloads: warcio {warcio_seconds:.2f} s"
    try:
        from fastwarc.warc import ArchiveIterator as FastIterator
    except ImportError:
        print(line + " (FastWARC not installed)")
        return
    started = time.perf_counter()
    with path.open("rb") as stream:
        fast_total = sum(len(r.reader.read()) for r in FastIterator(stream))
    print(line + f", FastWARC {time.perf_counter() - started:.2f} s ({fast_total} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages in the large WARC")
    parser.add_argument("--build", action="store_true", help="also kg build the large WARC")
    options = parser.parse_args()
    pages = fixture_pages()
    print(
        f"python -m benchmarks.web_reading --pages {options.pages}"
        f"{' --build' if options.build else ''}  ({len(pages)} fixture pages)"
    )
    quality(pages)
    cost(pages)
    memory(pages, options.pages, options.build)


if __name__ == "__main__":
    main()
