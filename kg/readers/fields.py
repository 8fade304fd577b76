"""Article records from the field names news APIs use (front matter, JSON), never trusted."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any

from kg.model import Article, Image, Provider
from kg.readers.limits import DEFAULT_LIMITS, Limits
from kg.text import clean_label, strip_invisible
from kg.urls import web_url

_URL_FIELDS = {
    "webUrl": "url",
    "ampWebUrl": "amp_url",
    "cdnAmpWebUrl": "cdn_amp_url",
    "originalUrl": "original_url",
}


class _Fields:
    """Reads one mapping, dropping each field of the wrong type with a note."""

    def __init__(
        self, location: str, data: Mapping[Any, Any], limits: Limits = DEFAULT_LIMITS
    ) -> None:
        self.location = location
        self.data = data
        self.limits = limits
        self.problems: list[str] = []

    def drop(self, key: str, reason: str) -> None:
        self.problems.append(f"{self.location}: field {key!r} dropped: {reason}")

    def too_long(self, key: str, value: object) -> bool:
        """Whether a text value exceeds max_field_chars (and is dropped with a note)."""
        if isinstance(value, str) and len(value) > self.limits.max_field_chars:
            limit = self.limits.max_field_chars
            self.drop(key, f"{len(value)} characters (limit max_field_chars={limit})")
            return True
        return False

    def text(self, key: str, *, label: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.drop(key, f"expected text, got {type(value).__name__}")
            return None
        if self.too_long(key, value):
            return None
        cleaned = clean_label(str(value)) if label else strip_invisible(str(value)).strip()
        return cleaned or None

    def integer(self, key: str, *, minimum: int | None = None) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            self.drop(key, f"expected an integer, got {type(value).__name__}")
            return None
        try:
            number = int(value)
        except ValueError:
            self.drop(key, f"expected an integer, got {str(value)[:40]!r}")
            return None
        if minimum is not None and number < minimum:
            self.drop(key, f"{number} is below {minimum}")
            return None
        return number

    def url(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if self.too_long(key, value):
            return None
        url = web_url(value)
        if url is None:
            self.drop(key, "not an http(s) URL")
        return url

    def when(self, key: str) -> datetime | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value
        if isinstance(value, date):
            return datetime.combine(value, time(), tzinfo=UTC)
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value.strip())
            except ValueError:
                pass
        self.drop(key, f"not an ISO 8601 date-time: {str(value)[:40]!r}")
        return None

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.drop(key, f"expected a list of text, got {type(value).__name__}")
            return ()
        kept = [
            clean_label(str(item))
            for item in value
            if isinstance(item, str | int | float)
            and not isinstance(item, bool)
            and len(str(item)) <= self.limits.max_field_chars
        ]
        if len(kept) < len(value):
            self.drop(f"{key}[]", "some items are not text")
        return tuple(dict.fromkeys(item for item in kept if item))

    def mappings(self, key: str) -> list[Mapping[Any, Any]]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.drop(key, f"expected a list, got {type(value).__name__}")
            return []
        kept = [item for item in value if isinstance(item, Mapping)]
        if len(kept) < len(value):
            self.drop(f"{key}[]", "some items are not mappings")
        return kept


def article_from_fields(
    source: str,
    data: Mapping[Any, Any],
    *,
    body: str = "",
    record: int = 0,
    line: int | None = None,
    nested: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Article:
    """An Article from a mapping with the seed's field names; bad fields are dropped and noted."""
    location = f"{source}:{line}" if line is not None else source
    fields = _Fields(location, data, limits)
    provider = None
    raw_provider = data.get("provider")
    if isinstance(raw_provider, Mapping):
        provider_fields = _Fields(location, raw_provider, limits)
        provider = Provider(
            name=provider_fields.text("name"), domain=provider_fields.text("domain")
        )
        fields.problems.extend(provider_fields.problems)
    elif raw_provider is not None:
        fields.drop("provider", f"expected a mapping, got {type(raw_provider).__name__}")
    images = []
    for item in fields.mappings("images"):
        image_fields = _Fields(location, item, limits)
        url = image_fields.url("url")
        if url:
            images.append(
                Image(
                    url=url,
                    width=image_fields.integer("width", minimum=0),
                    height=image_fields.integer("height", minimum=0),
                    title=image_fields.text("title"),
                )
            )
        fields.problems.extend(image_fields.problems)
    related: list[Article] = []
    if not nested:
        for item in fields.mappings("related"):
            related_article = article_from_fields(
                source, item, record=record, line=line, nested=True, limits=limits
            )
            fields.problems.extend(related_article.problems)
            related.append(related_article)
    urls = {attribute: fields.url(key) for key, attribute in _URL_FIELDS.items()}
    body_field = data.get("body")
    if not body and isinstance(body_field, str):
        body = body_field
    elif body_field is not None and not isinstance(body_field, str):
        fields.drop("body", f"expected text, got {type(body_field).__name__}")
    if len(body) > limits.max_body_chars:
        fields.problems.append(
            f"{location}: body cut to {limits.max_body_chars} of {len(body)} characters "
            "(limit max_body_chars)"
        )
        body = body[: limits.max_body_chars]
    return Article(
        source=source,
        body=strip_invisible(body).strip(),
        title=fields.text("title"),
        excerpt=fields.text("excerpt"),
        published=fields.when("publishedDateTime"),
        type=fields.text("type"),
        category=fields.text("category"),
        quality=fields.integer("quality"),
        provider=provider,
        topics=fields.strings("topics"),
        images=tuple(images),
        related=tuple(related),
        record=record,
        line=line,
        problems=tuple(fields.problems),
        **urls,
    )
