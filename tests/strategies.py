"""Grammar-based generators of hostile article files, for the fuzz tests and the long fuzz
run (``python -m benchmarks.fuzz``).

Front matter is written as YAML text, not dumped from Python values, so that every
implicit type reaches the reader as a plain scalar: timestamps, integers in every
base, floats, infinities and NaNs, nulls and booleans, in range and out of it; and
YAML's other features: tags, anchors and aliases (also undefined ones), merge keys,
complex and non-text keys, flow and block styles, deep nesting. Files come in odd
encodings and line endings. JSON documents and JSON Lines files nest deep, repeat
keys, and hold huge numbers, NaN and lone surrogates.
"""

from __future__ import annotations

from hypothesis import strategies as st

FIELDS = (
    "title",
    "excerpt",
    "publishedDateTime",
    "webUrl",
    "ampWebUrl",
    "originalUrl",
    "provider",
    "images",
    "related",
    "topics",
    "quality",
    "type",
    "category",
    "body",
    "name",
    "domain",
    "url",
    "width",
)

_digits = st.integers(min_value=0, max_value=99).map(lambda n: f"{n:02d}")
_year = st.integers(min_value=0, max_value=9999).map(lambda n: f"{n:04d}")
_zone = st.sampled_from(["", "Z", "+00:00", "-05:00", "+25:99", " +1", "z"])


@st.composite
def timestamps(draw: st.DrawFn) -> str:
    """YAML timestamps, their components in range or out of it ("2020-02-30", "25:61")."""
    date = f"{draw(_year)}-{draw(_digits)}-{draw(_digits)}"
    if draw(st.booleans()):
        return date
    separator = draw(st.sampled_from(["T", "t", " ", "  "]))
    fraction = draw(st.sampled_from(["", ".5", ".123456789", "."]))
    clock = f"{draw(_digits)}:{draw(_digits)}:{draw(_digits)}{fraction}"
    return f"{date}{separator}{clock}{draw(_zone)}"


_integers = st.one_of(
    st.integers().map(str),
    st.integers(min_value=0).map(hex),
    st.integers(min_value=0).map(lambda n: f"0o{n:o}"),
    st.integers(min_value=0).map(bin),
    st.integers(min_value=0, max_value=10**6).map(lambda n: f"0{n:o}"),  # YAML 1.1 octal
    st.tuples(st.integers(0, 99), st.integers(0, 99), st.integers(0, 99)).map(
        lambda t: f"{t[0]}:{t[1]:02d}:{t[2]:02d}"  # sexagesimal
    ),
    st.sampled_from(["1_000", "-0", "+12", "0x_FF", "0b1_0", "99999999999999999999999999"]),
)
_floats = st.one_of(
    st.floats(allow_nan=False).map(repr),
    st.sampled_from(
        [".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1e999", "-1.0e+999", "1.5e-400", "1:20.5", "."]
    ),
)
_words = st.sampled_from(
    [
        "~",
        "null",
        "Null",
        "NULL",
        "",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "n",
        "true",
        "False",
        "=",
        "<<",
        "'quoted'",
        '"double \\u00e9 \\ud800"',
        "plain text with: a colon",
        "# a comment",
        "Mayor Jane Doe said",
        "https://example.com/a?b=c#d",
        "javascript:alert(1)",
        "|",
        ">-",
    ]
)
_tags = st.sampled_from(
    [
        "!!int",
        "!!float",
        "!!bool",
        "!!null",
        "!!str",
        "!!timestamp",
        "!!binary",
        "!!set",
        "!!omap",
        "!!pairs",
        "!!python/object:os.system",
        "!!python/name:os.system",
        "!custom",
        "!<tag:example.com,2026:x>",
    ]
)
_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
scalars = st.one_of(timestamps(), _integers, _floats, _words, _text.map(repr))


@st.composite
def yaml_values(draw: st.DrawFn, depth: int = 0) -> str:
    """A YAML value as text: a scalar (maybe tagged or anchored), an alias, or a
    collection in flow style, nesting now and then far past any sane depth."""
    choice = draw(st.integers(0, 9))
    prefix = ""
    if draw(st.integers(0, 5)) == 0:
        prefix += draw(_tags) + " "
    if draw(st.integers(0, 5)) == 0:
        prefix += f"&{draw(st.sampled_from('abc'))} "
    if choice == 0:
        return f"*{draw(st.sampled_from('abcz'))}"  # z is never defined
    if choice == 1 and depth < 3:
        items = draw(st.lists(_YAML_VALUES[depth + 1], max_size=3))
        return prefix + "[" + ", ".join(items) + "]"
    if choice == 2 and depth < 3:
        pairs = draw(st.lists(st.tuples(_YAML_KEYS, _YAML_VALUES[depth + 1]), max_size=3))
        return prefix + "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
    if choice == 3 and depth == 0 and draw(st.integers(0, 9)) == 0:
        levels = draw(st.integers(20, 60))
        return "[" * levels + "]" * levels
    return prefix + draw(scalars)


_YAML_KEYS = st.one_of(
    st.sampled_from(FIELDS),
    timestamps(),
    _integers,
    st.sampled_from(["null", "~", "true", "no", "<<", "? [a, b]", "? {x: 1}", "'quoted'"]),
)
"""Keys kg reads, and keys YAML does not build as text: dates, numbers, booleans, nulls,
complex keys and merge keys."""
# Strategies are built once: hypothesis validates each new one, which costs more than
# drawing from it.
_YAML_VALUES = [yaml_values(depth) for depth in range(4)]


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """A front-matter document as text: fields, merges, a nested provider, a body."""
    lines = []
    if draw(st.booleans()):
        lines.append("base: &a {title: Merged, quality: 3}")
        lines.append("<<: *a")
    for key, value in draw(st.lists(st.tuples(_YAML_KEYS, _YAML_VALUES[0]), max_size=8)):
        lines.append(f"{key}: {value}")
    if draw(st.booleans()):
        lines.append("provider:")
        lines.append(f"  name: {draw(_YAML_VALUES[1])}")
        lines.append(f"  domain: {draw(_YAML_VALUES[1])}")
    if draw(st.booleans()):
        lines.append("related:")
        lines.append(f"  - title: {draw(_YAML_VALUES[1])}")
        lines.append(f"    webUrl: {draw(_YAML_VALUES[1])}")
    closing = draw(st.sampled_from(["---", "...", "--- ", ""]))
    body = draw(st.sampled_from(["", "Mayor Jane Doe of Springfield said: “We will act.”"]))
    return "---\n" + "\n".join(lines) + f"\n{closing}\n{body}\n"


@st.composite
def json_values(draw: st.DrawFn, depth: int = 0) -> str:
    """A JSON value as text, with what parsers differ on: NaN, huge numbers, lone
    surrogates, repeated keys, and nesting beyond any limit."""
    choice = draw(st.integers(0, 8))
    if choice == 0 and depth < 3:
        return "[" + ", ".join(draw(st.lists(_JSON_VALUES[depth + 1], max_size=3))) + "]"
    if choice in (1, 2) and depth < 3:
        pairs = draw(
            st.lists(st.tuples(st.sampled_from(FIELDS), json_values(depth + 1)), max_size=4)
        )
        return "{" + ", ".join(f'"{k}": {v}' for k, v in pairs) + "}"
    if choice == 3 and draw(st.integers(0, 9)) == 0:
        levels = draw(st.integers(20, 5000))
        return "[" * levels + "]" * levels
    return draw(_JSON_SCALARS)


_FIELD_NAMES = st.sampled_from(FIELDS)
_JSON_SCALARS = st.one_of(
    st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-0", "null", "true", '"\\ud800"']),
    st.integers().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    _text.map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'),
    timestamps().map(lambda t: f'"{t}"'),
)
_JSON_VALUES = [json_values(depth) for depth in range(4)]


@st.composite
def json_documents(draw: st.DrawFn) -> str:
    """A JSON file: one object, a list of them, or anything else."""
    records = draw(st.lists(_JSON_VALUES[0], min_size=1, max_size=3))
    return draw(st.sampled_from([records[0], "[" + ", ".join(records) + "]"]))


@st.composite
def json_lines(draw: st.DrawFn) -> str:
    """A JSON Lines file: records, blank lines and broken lines."""
    lines = draw(st.lists(st.one_of(_JSON_VALUES[0], st.sampled_from(["", "{", "]"])), max_size=5))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str]) -> bytes:
    """Text in the encodings and line endings found in the wild (and some that are not)."""
    value = draw(text)
    ending = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\r"]))
    value = value.replace("\n", ending)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1"]))
    data = value.encode(encoding, errors="replace")
    if draw(st.integers(0, 9)) == 0:
        cut = draw(st.integers(0, len(data)))
        data = data[:cut]  # a file truncated mid-character
    return data


def article_files() -> st.SearchStrategy[tuple[str, bytes]]:
    """(suffix, bytes) of an article file of any format kg reads."""
    return st.one_of(
        st.tuples(st.sampled_from([".md", ".txt"]), encoded(front_matter())),
        st.tuples(st.just(".json"), encoded(json_documents())),
        st.tuples(st.sampled_from([".jsonl", ".ndjson"]), encoded(json_lines())),
        st.tuples(st.just(".txt"), encoded(_text)),
    )
