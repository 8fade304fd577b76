"""Each reader turns its format into the expected Article fields."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import Article
from kg.readers import discover, read_file, readers

FRONT = "seeds/004_f6bbf849466959f6.txt"
PLAIN = "seeds/000_1acd798047e26139.txt"


def only_article(source: str | Path) -> Article:
    items = list(read_file(str(source)))
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def test_front_matter_seed_fields() -> None:
    article = only_article(FRONT)
    assert (
        article.title
        == "De Blasio calls for ‘clear standards’ for facial recognition tech for NYPD"
    )
    assert article.excerpt is not None and article.excerpt.startswith(
        "Mayor Bill de Blasio called for"
    )
    assert article.published == datetime(2020, 8, 17, 8, 14, tzinfo=UTC)
    assert article.url == (
        "https://nypost.com/2020/08/17/de-blasio-calls-for-clear-standards-for-facial-recognition-tech-for-nypd/"
    )
    assert article.amp_url is not None and article.amp_url.endswith("/amp/")
    assert article.cdn_amp_url is not None and "cdn.ampproject.org" in article.cdn_amp_url
    assert (article.type, article.category, article.quality) == ("article", "news", 57)
    assert article.provider is not None
    assert (article.provider.name, article.provider.domain) == ("New York Post", "nypost.com")
    assert article.topics == ("Computer Vision", "AI")
    assert [(i.width, i.height) for i in article.images] == [(1200, 800)]
    assert article.body == ""
    assert article.problems == ()


def test_front_matter_seed_related_articles() -> None:
    related = only_article(FRONT).related
    assert [r.provider.name for r in related if r.provider] == [
        "Newsweek",
        "NBC 6 South Florida",
        "Gothamist",
        "Gothamist",
    ]
    assert [r.quality for r in related] == [88, 59, 52, 32]
    assert (
        related[0].title
        == "Black Lives Matter Activist Hunted by NYPD Facial Recognition Technology"
    )
    assert related[0].published == datetime(2020, 8, 15, 14, 57, tzinfo=UTC)
    assert [len(r.images) for r in related] == [1, 1, 1, 0]
    assert related[0].images[0].width == 2500
    assert all(r.source == FRONT for r in related)


def test_plain_text_seed_is_all_body_and_has_no_invented_headline() -> None:
    article = only_article(PLAIN)
    assert article.title is None
    assert article.url is None
    assert article.body.startswith("New York City Mayor Eric Adams is looking to expand")
    assert article.body.endswith('protecting the privacy of New Yorkers."')


def test_a_plain_text_opening_with_a_headline_line_has_that_headline(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(
        "Council backs \u201cNo Mow May\u201d plan for city parks\n\n"
        "CHICAGO - The City Council voted on Wednesday to let the grass grow.\n\n"
        "Ald. Maria Lopez said the plan would save money.\n",
        encoding="utf-8",
    )
    (article,) = read_file(story)
    assert article.title == "Council backs \u201cNo Mow May\u201d plan for city parks"
    assert article.body.startswith("CHICAGO - The City Council voted")
    assert article.body.endswith("save money.")


@pytest.mark.parametrize(
    "opening",
    [
        "The council voted on Wednesday to let the grass grow in city parks.",  # a sentence
        'The plan "will save money," the mayor said:',  # ends as a sentence does
        "Reporting by Jane Doe; editing by John Roe -",  # a byline, ending in a dash
        " ".join(["word"] * 31),  # too long for a headline
    ],
)
def test_a_first_line_that_reads_as_body_is_not_taken_for_a_headline(
    tmp_path: Path, opening: str
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(f"{opening}\n\nThe rest of the story.\n", encoding="utf-8")
    (article,) = read_file(story)
    assert article.title is None
    assert article.body == f"{opening}\n\nThe rest of the story."


def test_a_headline_with_nothing_after_it_is_the_body(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Council backs plan for city parks\n", encoding="utf-8")
    (article,) = read_file(story)
    assert (article.title, article.body) == (None, "Council backs plan for city parks")


def test_corpus_front_matter_variants(tmp_path: Path) -> None:
    article = only_article(
        "tests/data/corpus/frontmatter/"
        "2019-12-21-is-facial-recognition-tech-too-young-to-trust-some-governments-think-so.md"
    )
    assert article.provider is not None and article.provider.domain == "providencejournal.com"
    assert article.images[0].title == article.title
    assert [r.provider.domain for r in article.related if r.provider] == [
        "go.com",
        "technologyreview.com",
        "usatoday.com",
    ]


def test_json_and_json_lines_use_the_same_field_names(tmp_path: Path) -> None:
    record = {
        "title": "A title",
        "webUrl": "https://example.com/a",
        "body": "Some body text.",
        "publishedDateTime": "2021-01-02T03:04:05Z",
        "provider": {"name": "Example", "domain": "example.com"},
        "topics": ["AI"],
    }
    (tmp_path / "one.json").write_text(json.dumps(record))
    (tmp_path / "many.jsonl").write_text(
        json.dumps(record) + "\n\n" + json.dumps({**record, "title": "B"}) + "\n"
    )
    single = only_article(tmp_path / "one.json")
    assert (single.title, single.body, single.topics) == ("A title", "Some body text.", ("AI",))
    assert single.published == datetime(2021, 1, 2, 3, 4, 5, tzinfo=UTC)
    many = list(read_file(str(tmp_path / "many.jsonl")))
    assert [(a.title, a.record, a.line) for a in many if isinstance(a, Article)] == [
        ("A title", 0, 1),
        ("B", 1, 3),
    ]


def test_a_bad_json_line_is_reported_and_the_others_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"title": "good", "body": "x"}\n{not json\n[1, 2]\n{"title": "also good", "body": "y"}\n'
    )
    items = list(read_file(str(path)))
    assert [i.title for i in items if isinstance(i, Article)] == ["good", "also good"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(e.line, e.reason.split(":")[0]) for e in errors] == [
        (2, "invalid JSON"),
        (3, "expected a JSON object, got list"),
    ]
    assert str(errors[0]).startswith(f"{path}:2: invalid JSON")


def test_wrong_typed_fields_are_dropped_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Fine\ntopics: 7\nquality: high\npublishedDateTime: yesterday\n"
        "webUrl: 'javascript:alert(1)'\n---\nBody.\n"
    )
    article = only_article(path)
    assert article.title == "Fine" and article.body == "Body."
    assert (article.topics, article.quality, article.published, article.url) == (
        (),
        None,
        None,
        None,
    )
    assert len(article.problems) == 5  # four fields dropped, then: no date or URL
    assert "no date or URL in the record" in article.problems[-1]
    assert any("'webUrl' dropped: not an http(s) URL" in p for p in article.problems)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.md", "---\ntitle: [unclosed\n---\nbody", "invalid YAML front matter"),
        ("list.md", "---\n- a\n- b\n---\nbody", "the front matter is not a mapping of fields"),
        ("empty.txt", "   \n", "the file is empty"),
        ("notes.md", "# Just markdown\n", "no YAML front matter"),
    ],
)
def test_unreadable_files_become_input_errors(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    items = list(read_file(str(path)))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].reason.startswith(reason)
    assert items[0].path == str(path)


def test_binary_and_latin1_files(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    error = next(read_file(str(tmp_path / "image.txt")))
    assert isinstance(error, InputError) and "NUL" in error.reason
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9 owner Jos\u00e9 said so.".encode("latin-1"))
    article = only_article(tmp_path / "latin.txt")
    assert article.body == "Café owner José said so."
    assert article.problems and "not UTF-8" in article.problems[0]


def test_discover_walks_folders_recursively_and_expands_globs(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("x")
    (tmp_path / "a" / "y.md").write_text("y")
    (tmp_path / "a" / ".hidden.txt").write_text("h")
    (tmp_path / "a" / "picture.png").write_bytes(b"")
    found, missing = discover([tmp_path / "a", str(tmp_path / "a" / "*.md"), tmp_path / "nope"])
    assert found == [str(tmp_path / "a" / "b" / "x.txt"), str(tmp_path / "a" / "y.md")]
    assert [str(m) for m in missing] == [f"{tmp_path / 'nope'}: no such file or directory"]


def test_every_registered_reader_turns_garbage_into_input_errors_only(tmp_path: Path) -> None:
    for name in readers.names():
        reader = readers.get(name)()  # type: ignore[operator]
        source = str(tmp_path / f"x{reader.suffixes[0]}")
        for garbage in ("---\n: : :\n---\n", "{", "---\n[\n---\n", "\ufeff"):
            try:
                items = list(reader.read(source, garbage))
            except InputError as error:
                assert error.path == source
                continue
            assert all(isinstance(item, Article | InputError) for item in items)


def test_a_path_object_reads_as_its_text(tmp_path: Path) -> None:
    good = tmp_path / "story.txt"
    good.write_text("The mayor spoke on Monday.\n", encoding="utf-8")
    (article,) = read_file(good)
    assert isinstance(article, Article) and article.body.startswith("The mayor")
    (error,) = read_file(tmp_path / "missing.txt")
    assert isinstance(error, InputError) and "missing.txt" in str(error)
