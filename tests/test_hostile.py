"""Hostile and broken input: each crafted file gives exactly the documented outcome, and no build
ever writes an invalid export."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.builder import build_to
from kg.cli import EXIT_SKIPPED, main
from kg.errors import InputError
from kg.export import exporters
from kg.model import Article
from kg.readers import read_file, readers
from kg.readers.limits import DEFAULT_LIMITS, Limits

from .browser import chromium, open_file
from .conftest import ROOT, require_tool

HOSTILE = ROOT / "tests" / "data" / "hostile"

# file -> the InputErrors it gives, as (line, reason prefix)
SKIPPED: dict[str, list[tuple[int | None, str]]] = {
    "billion-laughs.md": [
        (8, "front matter refused: more than 100000 nodes once aliases are expanded")
    ],
    "deep-nesting.md": [(3, "front matter refused: nesting deeper than 32 levels")],
    "python-tag.md": [(3, "unsupported YAML tag tag:yaml.org,2002:python/object/apply:os.system")],
    "broken-yaml.md": [(4, "invalid YAML front matter")],
    "binary.txt": [(None, "not a text file (it contains NUL bytes)")],
    "empty.txt": [(None, "the file is empty")],
    "markdown-without-front-matter.md": [(None, "no YAML front matter")],
    "front-matter-is-a-list.md": [(2, "the front matter is not a mapping of fields")],
    "unclosed-front-matter.md": [(1, "the front matter has no closing '---' line")],
    "deep-nesting.json": [(None, "nesting deeper than 32 levels (limit max_json_depth)")],
    # Found by the long fuzz run (python -m benchmarks.fuzz): a !!set tag on text or a
    # list crashed PyYAML's constructor.
    "set-tag-on-text.md": [(5, "invalid YAML front matter: expected a mapping, found a scalar")],
    "set-tag-on-a-list.md": [
        (7, "invalid YAML front matter: expected a mapping, found a sequence")
    ],
    "not-objects.json": [
        (None, "expected a JSON object, got int"),
        (None, "expected a JSON object, got str"),
        (None, "expected a JSON object, got NoneType"),
    ],
}


def _problems(article: Article) -> list[str]:
    return [problem.split(": ", 1)[1] for problem in article.problems]


# file -> a check of the article(s) kept, with the repaired values
KEPT: dict[str, Callable[[list[Article]], None]] = {
    "duplicate-keys.md": lambda a: (
        _eq(a[0].title, "Second title"),
        _eq(_problems(a[0]), ["duplicate key 'title' in the front matter; the last value is kept"]),
    ),
    "topics-wrong-type.md": lambda a: (
        _eq(a[0].topics, ()),
        _eq(_problems(a[0]), ["field 'topics' dropped: expected a list of text, got int"]),
    ),
    "bad-date.md": lambda a: (
        _eq(a[0].published, None),
        _eq(
            _problems(a[0]),
            ["field 'publishedDateTime' dropped: not an ISO 8601 date-time: 'next Tuesday'"],
        ),
    ),
    "javascript-url.md": lambda a: (
        _eq(a[0].url, None),
        _eq(_problems(a[0]), ["field 'webUrl' dropped: not an http(s) URL"]),
    ),
    "newline-in-url.md": lambda a: _eq(a[0].url, None),
    "data-url-image.md": lambda a: (
        _eq(a[0].images, ()),
        _eq(_problems(a[0]), ["field 'url' dropped: not an http(s) URL"]),
    ),
    "url-unsafe-characters.md": lambda a: _eq(
        a[0].url, "https://example.com/a%20b/%22q%22/%3Cx%3E/%7By%7D%7Cz%5E%60?k=v%20w#frag%20ment"
    ),
    "idn-host.md": lambda a: _eq(a[0].url, "https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC"),
    "bad-percent.md": lambda a: _eq(a[0].url, "https://example.com/100%25zz/%41"),
    "bidi-title.md": lambda a: (
        _eq(a[0].title, "Mayor evil Smith said so"),
        _eq(a[0].provider.name if a[0].provider else None, "News Outlet"),
    ),
    "control-chars.txt": lambda a: _eq(a[0].body, "Mayor Jane Doe said the [31mcity[0m would act."),
    "utf8-bom-crlf.txt": lambda a: (
        _eq(a[0].body, "The council met on Monday.\nIt voted to act."),
        _eq(a[0].problems, ()),
    ),
    "crlf-frontmatter.md": lambda a: (
        _eq(a[0].title, "CRLF title"),
        _eq(a[0].body, "Body with CRLF."),
    ),
    "utf16-bom.txt": lambda a: (
        _eq(a[0].body, "The mayor of Springfield spoke."),
        _eq(a[0].problems, ()),
    ),
    "utf16-no-bom.txt": lambda a: (
        _eq(a[0].body, "The mayor of Springfield spoke."),
        _eq(_problems(a[0]), ["UTF-16 without a byte order mark; decoded as UTF-16-LE"]),
    ),
    "latin1.txt": lambda a: (
        _eq(a[0].body, "Le maire de Montréal a parlé à la presse."),
        _eq(_problems(a[0]), ["not UTF-8; decoded as Windows-1252 (Latin-1)"]),
    ),
    "invalid-utf8-in-front-matter.md": lambda a: _eq(a[0].title, "Café news"),
    "mojibake.txt": lambda a: (
        _eq(a[0].body, 'The café owner said “yes".'),
        _eq(_problems(a[0]), ["UTF-8 that had been decoded as Windows-1252 once; repaired"]),
    ),
    "script-title.json": lambda a: _eq(a[0].title, "<script>window.__pwned=1</script>"),
    "html-body.txt": lambda a: _eq(a[0].body.startswith("<html><body><script>"), True),
    "giant-title.md": lambda a: (
        _eq(a[0].title, None),
        _eq(
            _problems(a[0]),
            ["field 'title' dropped: 150000 characters (limit max_field_chars=100000)"],
        ),
    ),
    "giant-body.txt": lambda a: _eq(len(a[0].body), 137_999),
    "mixed-lines.jsonl": lambda a: _eq([x.title for x in a], ["Good one", "Good two"]),
    "related-wrong-type.md": lambda a: _eq(
        _problems(a[0]), ["field 'related' dropped: expected a list, got str"]
    ),
    "provider-wrong-type.md": lambda a: (
        _eq(a[0].provider, None),
        _eq(_problems(a[0]), ["field 'provider' dropped: expected a mapping, got list"]),
    ),
    "null-and-mixed-items.md": lambda a: (
        _eq((a[0].title, a[0].excerpt, a[0].topics), (None, "12", ("AI", "3"))),
        _eq(_problems(a[0]), ["field 'topics[]' dropped: some items are not text"]),
    ),
    "huge-integers.md": lambda a: (
        _eq(a[0].quality, 123456789012345678901234567890),
        _eq(
            _problems(a[0]),
            [
                "field 'width' dropped: -5 is below 0",
                "field 'height' dropped: expected an integer, got '1e999'",
            ],
        ),
    ),
    "nan-quality.json": lambda a: _eq(
        _problems(a[0]), ["field 'quality' dropped: expected an integer, got float"]
    ),
    # YAML resolves these to timestamps, numbers or booleans it cannot build: each is
    # kept as its text, for the field to keep (text) or drop (a date, a number).
    "unquoted-impossible-date.md": lambda a: (
        _eq(
            (a[0].title, a[0].published, a[0].url),
            ("An impossible day", None, "https://example.com/feb-30"),
        ),
        _eq(
            _problems(a[0]),
            ["field 'publishedDateTime' dropped: not an ISO 8601 date-time: '2020-02-30'"],
        ),
    ),
    "impossible-timestamps.md": lambda a: (
        _eq((a[0].title, a[0].excerpt), ("2020-13-45T99:99:99Z", "2020-01-01 25:61:00")),
        _eq(
            _problems(a[0]),
            [
                "field 'publishedDateTime' dropped: "
                "not an ISO 8601 date-time: '0000-01-01T00:00:00Z'"
            ],
        ),
    ),
    "tags-on-wrong-values.md": lambda a: (
        _eq((a[0].title, a[0].excerpt, a[0].quality), ("abc", "1.2.3", None)),
        _eq(_problems(a[0]), ["field 'quality' dropped: expected an integer, got 'maybe'"]),
    ),
    # Found by the grammar fuzzer: libyaml's timestamp constructor failed with an
    # AttributeError on a time without a date.
    "timestamp-tag-on-a-time.md": lambda a: _eq(a[0].excerpt, "0:00:00"),
    "non-text-keys.md": lambda a: (
        _eq(
            (a[0].title, a[0].excerpt, a[0].body),
            ("Keys that are not text", "kept", "The mayor spoke."),
        ),
        _eq(
            [p.split(": ", 1) for p in a[0].problems],
            [
                [
                    f"{HOSTILE / 'non-text-keys.md'}:3",
                    "front matter key '2020-01-01' dropped: keys must be text, not date",
                ],
                [
                    f"{HOSTILE / 'non-text-keys.md'}:4",
                    "front matter key '42' dropped: keys must be text, not int",
                ],
                [
                    f"{HOSTILE / 'non-text-keys.md'}:5",
                    "front matter a sequence used as a key dropped: keys must be text",
                ],
            ],
        ),
    ),
    "deep-line.jsonl": lambda a: _eq(
        [x.title for x in a], ["Before the deep line", "After the deep line"]
    ),
    "lone-surrogate.json": lambda a: (
        _eq(a[0].title, "Broken text"),
        _eq(a[0].body, "Body  here."),
    ),
}
ERRORS_BESIDE_ARTICLES = {
    "mixed-lines.jsonl": [(2, "invalid JSON"), (3, "expected a JSON object, got list")],
    "deep-line.jsonl": [(2, "nesting deeper than 32 levels (limit max_json_depth)")],
}


def _eq(found: object, expected: object) -> None:
    assert found == expected, f"{found!r} != {expected!r}"


def test_the_hostile_set_is_complete() -> None:
    files = sorted(p.name for p in HOSTILE.iterdir())
    assert len(files) >= 30
    assert files == sorted([*SKIPPED, *KEPT])


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_unreadable_files_are_reported_with_line_and_reason(name: str) -> None:
    items = list(read_file(str(HOSTILE / name)))
    assert all(isinstance(item, InputError) for item in items)
    assert [
        (e.line, e.reason[: len(reason)])
        for e, (_, reason) in zip(items, SKIPPED[name], strict=True)
    ] == SKIPPED[name]  # type: ignore[union-attr]
    for error in items:
        assert str(error).startswith(
            f"{HOSTILE / name}{':' + str(error.line) if error.line else ''}: "
        )  # type: ignore[union-attr]


@pytest.mark.parametrize("name", sorted(KEPT))
def test_sound_articles_are_kept_with_bad_fields_dropped_or_repaired(name: str) -> None:
    items = list(read_file(str(HOSTILE / name)))
    articles = [item for item in items if isinstance(item, Article)]
    errors = [(e.line, e.reason.split(":")[0]) for e in items if isinstance(e, InputError)]
    assert errors == [
        (line, reason.split(":")[0]) for line, reason in ERRORS_BESIDE_ARTICLES.get(name, [])
    ]
    KEPT[name](articles)


def test_limits_are_configurable() -> None:
    small = Limits(max_body_chars=1000, max_yaml_depth=2)
    article = next(read_file(str(HOSTILE / "giant-body.txt"), limits=small))
    assert isinstance(article, Article) and len(article.body) == 1000
    assert "body cut to 1000 of 137999 characters (limit max_body_chars)" in article.problems[0]
    error = next(read_file(str(HOSTILE / "deep-nesting.md"), limits=Limits(max_yaml_depth=100)))
    assert isinstance(error, Article)
    refused = next(read_file(str(ROOT / "seeds" / "004_f6bbf849466959f6.txt"), limits=small))
    assert isinstance(refused, InputError) and "nesting deeper than 2 levels" in refused.reason
    assert DEFAULT_LIMITS.with_overrides({"max_yaml_nodes": 5}).max_yaml_nodes == 5


def test_the_alias_bomb_is_refused_in_milliseconds() -> None:
    import time

    started = time.perf_counter()
    list(read_file(str(HOSTILE / "billion-laughs.md")))
    assert time.perf_counter() - started < 1.0  # expanded it would be a billion nodes


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """Every hostile file and the good seeds and corpus, built together in every format."""
    output = tmp_path_factory.mktemp("hostile-build")
    graph = build_to(
        [HOSTILE, ROOT / "seeds", ROOT / "tests/data/corpus/frontmatter"],
        output,
        formats=exporters.names(),
    )
    return output, graph


def test_the_build_goes_on_and_keeps_every_good_article(everything: tuple[Path, Any]) -> None:
    output, graph = everything
    report = json.loads((output / "build-report.json").read_text())
    skipped = {entry["location"].split(":")[0].rsplit("/", 1)[-1] for entry in report["skipped"]}
    assert skipped == set(SKIPPED) | set(ERRORS_BESIDE_ARTICLES)
    clean = kg.build([ROOT / "seeds", ROOT / "tests/data/corpus/frontmatter"])
    good = {row["url"] for row in kg.query(clean, "articles")}
    assert good <= {row["url"] for row in kg.query(graph, "articles")}
    assert any("duplicate key 'title'" in problem for problem in report["problems"])


@pytest.mark.parametrize("tool", ["rapper", "serdi"])
def test_strict_parsers_accept_what_hostile_input_built(
    everything: tuple[Path, Any], tool: str
) -> None:
    output, _ = everything
    binary = require_tool(tool)
    for name, syntax in (("graph.ttl", "turtle"), ("graph.nt", "ntriples"), ("graph.nq", "nquads")):
        if tool == "serdi" and syntax == "nquads":
            continue
        command = (
            [binary, "-i", syntax, "-c", str(output / name)]
            if tool == "rapper"
            else [binary, "-i", syntax, "-o", "ntriples", str(output / name)]
        )
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        assert result.returncode == 0, (name, result.stderr[-2000:])


def test_no_iri_in_the_exports_is_unsafe(everything: tuple[Path, Any]) -> None:
    output, _ = everything
    store = ox.Store()
    store.load(path=str(output / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    for quad in store:
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, ox.NamedNode):
                assert term.value.startswith(("http://", "https://")), term
                assert not any(c in term.value for c in ' <>"{}|^`\\'), term


def test_the_html_view_executes_nothing_injected(everything: tuple[Path, Any]) -> None:
    output, _ = everything
    with chromium() as browser, open_file(browser, output / "graph.html") as opened:
        opened.wait_until("() => window.kgStabilized === true")
        opened.evaluate("() => window.kgFind('pwned')")
        opened.page.wait_for_timeout(200)
        assert opened.evaluate("() => typeof window.__pwned") == "undefined"
        assert opened.evaluate(
            "() => [...document.querySelectorAll('a')].every(a => /^https?:/.test(a.href))"
        )
        assert opened.errors == [] and opened.requests == []


def test_exit_codes_and_report_lines(tmp_path: Path) -> None:
    runner = CliRunner()
    clean = runner.invoke(main, ["build", "seeds", "-o", str(tmp_path / "a"), "-q"])
    assert clean.exit_code == 0
    mixed = runner.invoke(
        main, ["build", "seeds", str(HOSTILE / "broken-yaml.md"), "-o", str(tmp_path / "b"), "-q"]
    )
    assert mixed.exit_code == EXIT_SKIPPED
    assert f"{HOSTILE / 'broken-yaml.md'}:4: invalid YAML front matter" in mixed.output
    strict = runner.invoke(
        main,
        ["build", "seeds", str(HOSTILE / "bad-date.md"), "--strict", "-o", str(tmp_path / "c")],
    )
    assert strict.exit_code == 1 and "publishedDateTime" in strict.output
    limited = runner.invoke(
        main,
        [
            "build",
            str(HOSTILE / "giant-body.txt"),
            "--limit",
            "max_body_chars=500",
            "-o",
            str(tmp_path / "d"),
            "-q",
        ],
    )
    assert limited.exit_code == 0 and "body cut to 500" in limited.output
    bad_limit = runner.invoke(
        main, ["build", "seeds", "--limit", "max_cats=3", "-o", str(tmp_path / "e")]
    )
    assert bad_limit.exit_code == 1 and "unknown limit 'max_cats'" in bad_limit.output


def test_a_build_that_dies_leaves_the_previous_exports_intact(tmp_path: Path) -> None:
    build_to(["seeds"], tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    class Exploding:
        name = "exploding"
        filename = "graph.ttl"
        media_type = "text/turtle"
        description = "writes half a file, then fails"

        def write(self, graph: Any, path: Path) -> None:
            from kg.atomic import atomic_open

            with atomic_open(path) as stream:
                stream.write(b"@prefix half")
                raise RuntimeError("disk on fire")

    exporters.register("exploding", Exploding())
    try:
        with pytest.raises(RuntimeError, match="disk on fire"):
            build_to(["seeds", HOSTILE / "bad-date.md"], tmp_path, formats=["exploding"])
    finally:
        exporters.unregister("exploding")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


# ------------------------------------------------------------------ property-based

_text = st.text(st.characters(codec="utf-8"), max_size=200)
_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), _text)
_yaml_data = st.recursive(
    _scalar,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=20,
)
_record = st.fixed_dictionaries(
    {},
    optional={
        "title": _yaml_data,
        "excerpt": _yaml_data,
        "webUrl": _yaml_data,
        "publishedDateTime": _yaml_data,
        "topics": _yaml_data,
        "images": _yaml_data,
        "related": _yaml_data,
        "provider": _yaml_data,
        "quality": _yaml_data,
    },
)


def _read_everywhere(tmp_path: Path, name: str, data: bytes) -> Iterator[Article | InputError]:
    path = tmp_path / name
    path.write_bytes(data)
    yield from read_file(str(path))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl"]))
def test_arbitrary_bytes_never_raise(tmp_path: Path, data: bytes, suffix: str) -> None:
    for item in _read_everywhere(tmp_path, "x" + suffix, data):
        assert isinstance(item, Article | InputError)


@settings(max_examples=150, deadline=None)
@given(text=_text)
def test_every_reader_turns_arbitrary_text_into_articles_or_input_errors(text: str) -> None:
    for name in readers.names():
        reader = readers.get(name)()  # type: ignore[operator]
        try:
            items = list(reader.read(f"x{reader.suffixes[0]}", text))
        except InputError:
            continue
        assert all(isinstance(item, Article | InputError) for item in items)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(record=_record)
def test_arbitrary_records_always_serialize_to_parseable_rdf(
    tmp_path: Path, record: dict[str, Any]
) -> None:
    import yaml

    (tmp_path / "a.md").write_text(
        "---\n" + yaml.safe_dump(record or {"title": "x"}) + "---\nBody.\n"
    )
    (tmp_path / "b.json").write_text(json.dumps(record))
    graph = kg.build(
        [tmp_path / "a.md", tmp_path / "b.json"], extractors=["articles", "outlets", "topics"]
    )
    for name in ("turtle", "nquads", "jsonld"):
        exporter = exporters.get(name)
        exporter.write(graph, tmp_path / exporter.filename)
        store = ox.Store()
        store.load(
            path=str(tmp_path / exporter.filename),
            format=ox.RdfFormat.from_extension(exporter.filename.rsplit(".", 1)[1]),
        )


def test_the_reader_fuzz_target_runs(tmp_path: Path) -> None:
    # libFuzzer adds what it finds to its first corpus folder: give it a copy.
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests" / "fuzz" / "corpus", corpus)
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "fuzz" / "fuzz_readers.py"),
            "-runs=3000",
            "-max_len=2048",
            f"-dict={ROOT / 'tests' / 'fuzz' / 'yaml-json.dict'}",
            f"-artifact_prefix={tmp_path}/",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 3000 runs" in result.stderr
