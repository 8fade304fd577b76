"""Article records from the field names news schemas use (front matter, JSON), never trusted.

Each kg field is looked up under the names of ``schemas.CANDIDATES`` (after the user's own,
``FieldMap``), highest precedence first; a value of the wrong type is dropped with a note and
the next name is tried. What the record holds that no name reads is returned as the
article's ``unused`` field paths, for the build report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

from kg.errors import InputError
from kg.model import Article, Image, Provider
from kg.readers.dates import parse_date
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.readers.mapping import NO_FIELDS, FieldMap
from kg.readers.schemas import STRUCTURAL_PREFIX, containers
from kg.text import clean_label, strip_invisible
from kg.urls import web_url

T = TypeVar("T")

_CONTAINERS = containers()
# NewsAPI cuts `content` and says how much is left: "... [+2345 chars]".
_NEWSAPI_CUT = re.compile(r"\s*…?\s*\[\+\d+ chars\]\s*$")
_ITEM_SEPARATORS = re.compile(r"[,;]")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|,|\||&|\band\b)\s*")
_BYLINE = re.compile(r"^(?:by|von|par|por)\s+", re.IGNORECASE)
_HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
_MAX_UNUSED = 50
"""At most this many unused field names are kept per record (a record may have thousands)."""
_MAX_LISTED = 20
"""At most this many of a record's field names are quoted in a note."""


class _Skip:
    """A candidate whose value is a container other names read inside: no note, not used."""


_SKIP = _Skip()


class _Record:
    """One mapping being read: typed values, notes on what was dropped, and what was read."""

    def __init__(
        self, location: str, data: Mapping[Any, Any], limits: Limits = DEFAULT_LIMITS
    ) -> None:
        self.location = location
        self.data = data
        self.limits = limits
        self.problems: list[str] = []
        self.read: set[str] = set()
        self.inner: dict[str, list[_Record]] = {}
        """Lists of mappings read item by item (images), by key."""
        self.nested_unused: list[str] = []

    def drop(self, key: str, reason: str) -> None:
        self.problems.append(f"{self.location}: field {key!r} dropped: {reason}")

    def lookup(self, path: str) -> tuple[bool, Any]:
        """The value of a key, or of a dotted path into mappings (``source.name``)."""
        if path in self.data:
            return True, self.data[path]
        if "." not in path:
            return False, None
        value: Any = self.data
        for part in path.split("."):
            if not isinstance(value, Mapping) or part not in value:
                return False, None
            value = value[part]
        return True, value

    def first(
        self, names: tuple[str, ...], convert: Callable[[_Record, str, Any], T | _Skip | None]
    ) -> T | None:
        """The first valid value among the names; later names present count as read."""
        found: T | None = None
        for name in names:
            present, value = self.lookup(name)
            if not present:
                continue
            if found is not None or value is None or value == "" or value == []:
                # Known names without a value, or outranked, were read all the same.
                if not (isinstance(value, Mapping) and name in _CONTAINERS):
                    self.read.add(name)
                continue
            result = convert(self, name, value)
            if not isinstance(result, _Skip):
                self.read.add(name)
                found = result
        return found

    def too_long(self, key: str, value: object) -> bool:
        """Whether a text value exceeds max_field_chars (and is dropped with a note)."""
        if isinstance(value, str) and len(value) > self.limits.max_field_chars:
            limit = self.limits.max_field_chars
            self.drop(key, f"{len(value)} characters (limit max_field_chars={limit})")
            return True
        return False

    def unused(self) -> tuple[str, ...]:
        """Field paths of the record that nothing read (``slug``, ``source.id``, ``images[].x``)."""
        found: list[str] = []

        def walk(mapping: Mapping[Any, Any], prefix: str) -> None:
            for key, value in mapping.items():
                name = str(key)
                path = prefix + name
                if name.startswith(STRUCTURAL_PREFIX) or value in (None, "", [], {}):
                    continue  # a keyword of JSON-LD, or nothing to lose
                if path in self.inner:
                    found.extend(
                        f"{path}[].{name}" for item in self.inner[path] for name in item.unused()
                    )
                elif path in self.read:
                    continue
                elif isinstance(value, Mapping) and any(
                    r.startswith(path + ".") for r in self.read
                ):
                    walk(value, path + ".")
                else:
                    found.append(_shown(path))

        walk(self.data, "")
        return tuple(sorted({*found, *self.nested_unused}))[:_MAX_UNUSED]


def _shown(path: str) -> str:
    """A field name as a report may show it: one line, short, visible."""
    name = clean_label(path)[:80]
    return name or "(blank)"


def _type(value: object) -> str:
    return type(value).__name__


# ---------------------------------------------------------------- value converters


def _text(record: _Record, key: str, value: Any, *, label: bool = True) -> str | _Skip | None:
    if isinstance(value, Mapping):
        if "@value" in value:  # a JSON-LD value object
            value = value["@value"]
        elif key in _CONTAINERS:
            return _SKIP
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        record.drop(key, f"expected text, got {_type(value)}")
        return None
    if record.too_long(key, value):
        return None
    cleaned = clean_label(str(value)) if label else strip_invisible(str(value)).strip()
    return cleaned or None


def _name(record: _Record, key: str, value: Any) -> str | _Skip | None:
    """Text, or the ``name`` of a mapping (a JSON-LD Organization, NewsAPI's source)."""
    if isinstance(value, Mapping) and "name" in value:
        record.read.add(f"{key}.name")
        result = _text(record, f"{key}.name", value["name"])
        return _SKIP if result is None else result
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return _SKIP  # a site's URL names no one; outlet_domain reads it
    if isinstance(value, list):
        record.drop(key, "expected a name or a mapping with one, got list")
        return None
    return _text(record, key, value)


def _domain(record: _Record, key: str, value: Any) -> str | _Skip | None:
    """A host name, from a host, a URL, or a mapping's ``url``."""
    if isinstance(value, Mapping):
        for inner in ("url", "@id"):
            if isinstance(value.get(inner), str):
                record.read.add(f"{key}.{inner}")
                return _domain(record, f"{key}.{inner}", value[inner]) or _SKIP
        if key in _CONTAINERS:
            return _SKIP
    if key in _CONTAINERS and not (isinstance(value, str) and _looks_like_a_site(value)):
        return _SKIP  # "source: The Example Times" names the outlet: read as its name
    if not isinstance(value, str):
        record.drop(key, f"expected a domain, got {_type(value)}")
        return None
    if record.too_long(key, value):
        return None
    text = clean_label(value).lower()
    if text.startswith(("http://", "https://")):
        url = web_url(text)
        if url is None:
            record.drop(key, "not an http(s) URL")
        return urlsplit(url).hostname if url else None
    if _HOST.match(text):
        return text
    record.drop(key, f"not a domain name: {text[:40]!r}")
    return None


def _looks_like_a_site(text: str) -> bool:
    """A URL or a host name ("example.com"), not an outlet's name ("The Example Times")."""
    text = text.strip().lower()
    return text.startswith(("http://", "https://")) or bool(_HOST.match(text))


def _url(record: _Record, key: str, value: Any) -> str | _Skip | None:
    if isinstance(value, Mapping):
        for inner in ("url", "@id"):
            if isinstance(value.get(inner), str):
                record.read.add(f"{key}.{inner}")
                return _url(record, f"{key}.{inner}", value[inner])
        if key in _CONTAINERS:
            return _SKIP
        record.drop(key, "expected a URL, got a mapping without 'url'")
        return None
    if key in _CONTAINERS and not str(value).strip().lower().startswith(("http", "/")):
        return _SKIP  # "source: The Example Times" names the outlet
    if record.too_long(key, value):
        return None
    url = web_url(value)
    if url is None:
        if isinstance(value, str) and value.strip().startswith("/"):
            record.drop(key, f"a relative URL ({value.strip()[:60]!r}); kg needs http(s)://...")
        else:
            record.drop(key, "not an http(s) URL")
    return url


def _first_text(record: _Record, key: str, value: Any) -> str | _Skip | None:
    """Text, or the first text of a list (schema.org's ``articleSection: ["Politics"]``)."""
    if isinstance(value, list) and value and isinstance(value[0], str):
        value = value[0]
    return _text(record, key, value)


def _when(record: _Record, key: str, value: Any) -> datetime | None:
    parsed = parse_date(value)
    if parsed is None:
        record.drop(key, f"not an ISO 8601 date-time: {str(value)[:40]!r}")
    return parsed


def _integer(record: _Record, key: str, value: Any, *, minimum: int | None = None) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | str):
        record.drop(key, f"expected an integer, got {_type(value)}")
        return None
    try:
        number = int(value)
    except ValueError:
        record.drop(key, f"expected an integer, got {str(value)[:40]!r}")
        return None
    if minimum is not None and number < minimum:
        record.drop(key, f"{number} is below {minimum}")
        return None
    return number


def _strings(record: _Record, key: str, value: Any) -> tuple[str, ...] | None:
    """A list of text, or one text of items separated by commas or semicolons (``"a, b"``)."""
    if isinstance(value, str):
        value = _ITEM_SEPARATORS.split(value)
    if not isinstance(value, list):
        record.drop(key, f"expected a list of text, got {_type(value)}")
        return None
    kept = [
        clean_label(str(item))
        for item in value
        if isinstance(item, str | int | float)
        and not isinstance(item, bool)
        and len(str(item)) <= record.limits.max_field_chars
    ]
    if len(kept) < len(value):
        record.drop(f"{key}[]", "some items are not text")
    return tuple(dict.fromkeys(item for item in kept if item)) or None


def _names(record: _Record, key: str, value: Any) -> tuple[str, ...] | None:
    """People's names: text ("A, B and C"), a mapping with a name, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    bad = 0
    for item in items:
        if isinstance(item, Mapping) and "name" in item:
            item = item["name"]
        if not isinstance(item, str) or len(item) > record.limits.max_field_chars:
            bad += 1
            continue
        for part in _AUTHOR_SEPARATORS.split(clean_label(item)):
            part = _BYLINE.sub("", part).strip()
            if not part:
                continue
            if part.lower().startswith(("http://", "https://", "www.")) or "@" in part:
                record.drop(key, f"not a name: {part[:60]!r}")
                continue
            names.append(part)
    if bad and isinstance(value, list):
        record.drop(f"{key}[]", "some items are not names")
    elif bad:
        record.drop(key, f"expected a name, got {_type(value)}")
    return tuple(dict.fromkeys(names)) or None


def _body(record: _Record, key: str, value: Any) -> str | _Skip | None:
    if isinstance(value, Mapping) and key in _CONTAINERS:
        return _SKIP
    if not isinstance(value, str):
        record.drop(key, f"expected text, got {_type(value)}")
        return None
    return _NEWSAPI_CUT.sub("", value)


def _images(record: _Record, key: str, value: Any) -> tuple[Image, ...] | None:
    """Image URLs or image objects (``url``/``contentUrl``, width, height, title/caption)."""
    items = value if isinstance(value, list) else [value]
    images: list[Image] = []
    bad = 0
    for item in items:
        if isinstance(item, str):
            url = _url(record, key, item)
            if isinstance(url, str):
                images.append(Image(url=url))
        elif isinstance(item, Mapping):
            image = _Record(record.location, item, record.limits)
            record.inner.setdefault(key, []).append(image)
            url = image.first(("url", "contentUrl", "@id"), _url)
            width = image.first(("width",), lambda r, k, v: _integer(r, k, v, minimum=0))
            height = image.first(("height",), lambda r, k, v: _integer(r, k, v, minimum=0))
            title = image.first(("title", "caption", "name"), _text)
            record.problems.extend(image.problems)
            if url:
                images.append(Image(url=url, width=width, height=height, title=title))
        else:
            bad += 1
    if bad:
        record.drop(f"{key}[]", "some items are not URLs or mappings")
    return tuple(images) or None


# ---------------------------------------------------------------- the record


def article_from_fields(
    source: str,
    data: Mapping[Any, Any],
    *,
    body: str = "",
    record: int = 0,
    line: int | None = None,
    nested: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    fields: FieldMap = NO_FIELDS,
) -> Article:
    """An Article from a mapping with any recognized schema's names; bad fields are noted."""
    location = f"{source}:{line}" if line is not None else source
    reader = _Record(location, data, limits)

    def first(field: str, convert: Callable[[_Record, str, Any], T | _Skip | None]) -> T | None:
        return reader.first(fields.candidates(field), convert)

    related: list[Article] = []
    if not nested:
        for key in fields.candidates("related"):
            present, value = reader.lookup(key)
            if not present or value is None:
                continue
            reader.read.add(key)
            if not isinstance(value, list):
                reader.drop(key, f"expected a list, got {_type(value)}")
                continue
            items = [item for item in value if isinstance(item, Mapping)]
            if len(items) < len(value):
                reader.drop(f"{key}[]", "some items are not mappings")
            for item in items:
                article = article_from_fields(
                    source, item, record=record, line=line, nested=True, limits=limits
                )
                reader.problems.extend(article.problems)
                reader.nested_unused.extend(f"{key}[].{name}" for name in article.unused)
                related.append(article)
            break
    name = first("outlet", _name)
    domain = first("outlet_domain", _domain)
    country = first("country", _text)
    provider = (
        Provider(name=name, domain=domain, country=country) if name or domain or country else None
    )
    body_field = first("body", _body)
    if not body.strip() and body_field:
        body = body_field
    if len(body) > limits.max_body_chars:
        reader.problems.append(
            f"{location}: body cut to {limits.max_body_chars} of {len(body)} characters "
            "(limit max_body_chars)"
        )
        body = body[: limits.max_body_chars]
    title = first("title", _text)
    published = first("date", _when)
    urls = {
        attribute: first(attribute, _url)
        for attribute in ("url", "amp_url", "cdn_amp_url", "original_url")
    }
    topics: list[str] = []
    for key in fields.candidates("topics"):  # every name's topics, merged
        topics.extend(reader.first((key,), _strings) or ())
    article = Article(
        source=source,
        body=strip_invisible(body).strip(),
        title=title,
        excerpt=first("description", _text),
        published=published,
        modified=first("modified", _when),
        type=first("type", _text),
        category=first("category", _first_text),
        quality=first("quality", _integer),
        language=first("language", _text),
        provider=provider,
        authors=first("authors", _names) or (),
        topics=tuple(dict.fromkeys(topics)),
        images=first("images", _images) or (),
        related=tuple(related),
        record=record,
        line=line,
        url=urls["url"],
        amp_url=urls["amp_url"],
        cdn_amp_url=urls["cdn_amp_url"],
        original_url=urls["original_url"],
    )
    if nested:
        return replace(article, problems=tuple(reader.problems), unused=reader.unused())
    if not (title or article.body or article.excerpt or any(urls.values())):
        raise InputError(
            source,
            f"no headline, text or URL in the record (its fields: {_listed(data)}); "
            "map the record's own names with --field, e.g. --field title=NAME",
            line=line,
        )
    if not (title and published and any(urls.values())):
        reader.problems.append(_missing_note(location, data, title, published, urls))
    return replace(article, problems=tuple(reader.problems), unused=reader.unused())


def _missing_note(
    location: str,
    data: Mapping[Any, Any],
    title: str | None,
    published: datetime | None,
    urls: Mapping[str, str | None],
) -> str:
    missing = [
        label
        for label, value in (
            ("headline", title),
            ("date", published),
            ("URL", any(urls.values())),
        )
        if not value
    ]
    what = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
    field = {"headline": "title", "date": "date", "URL": "url"}[missing[0]]
    return (
        f"{location}: no {what} in the record (its fields: {_listed(data)}); "
        f"if one of them holds it, map it: --field {field}=NAME"
    )


def _listed(data: Mapping[Any, Any]) -> str:
    """A record's field names for a note: sorted, shown safely, at most _MAX_LISTED."""
    names = sorted(_shown(str(key)) for key in data)
    listed = ", ".join(names[:_MAX_LISTED]) + (", ..." if len(names) > _MAX_LISTED else "")
    return listed or "none"
