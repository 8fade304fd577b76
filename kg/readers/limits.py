"""Bounds on what one input file may make kg do: sizes, YAML nesting and alias expansion."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from kg.errors import ConfigError


@dataclass(frozen=True)
class Limits:
    """Limits applied to every input file. Change them with ``kg build --limit NAME=VALUE``."""

    max_file_bytes: int = 64 * 1024 * 1024
    """Larger files are skipped unread."""
    chunk_bytes: int = 2 * 1024 * 1024
    """A larger JSON Lines file is cut into parts of about this many bytes (at line ends),
    each read and extracted as one task; ``max_file_bytes`` then bounds a part, not the file
    (docs/scale.md)."""
    max_yaml_nodes: int = 100_000
    """Front matter whose nodes, counting every alias expansion, exceed this is refused
    (a "billion laughs" file is refused in milliseconds, never expanded)."""
    max_yaml_depth: int = 32
    """Deeper nesting of lists and mappings in front matter is refused."""
    max_json_depth: int = 32
    """A JSON document or JSON Lines record nesting arrays and objects deeper is refused
    (checked before parsing)."""
    max_field_chars: int = 100_000
    """A longer metadata value (title, excerpt, URL, topic ...) is dropped with a note."""
    max_body_chars: int = 1_000_000
    """A longer body is cut to this length, with a note. spaCy analyses a text whole, at
    about 3 GB of memory per million characters, and refuses more than a million."""
    max_page_chars: int = 10_000_000
    """A longer web page (a file, or a record of a WARC archive) is skipped unread."""
    max_file_seconds: int = 300
    """Reading a file, or extracting one of its records, that takes longer is stopped and
    skipped; the build goes on."""

    def with_overrides(self, overrides: dict[str, int]) -> Limits:
        """A copy with some limits changed; unknown names and values below 1 are errors."""
        known = {f.name for f in fields(self)}
        for name, value in overrides.items():
            if name not in known:
                raise ConfigError(f"unknown limit {name!r}; known: {', '.join(sorted(known))}")
            if value < 1:
                raise ConfigError(f"limit {name} must be at least 1, not {value}")
        return replace(self, **overrides)


DEFAULT_LIMITS = Limits()


def parse_overrides(items: tuple[str, ...] | list[str]) -> dict[str, int]:
    """``["max_yaml_depth=8"]`` -> ``{"max_yaml_depth": 8}``, with clear errors.

    >>> parse_overrides(["max_yaml_depth=8", "max-body-chars=1000"])
    {'max_yaml_depth': 8, 'max_body_chars': 1000}
    """
    overrides: dict[str, int] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not value.strip().isdigit():
            raise ConfigError(f"--limit takes NAME=NUMBER, not {item!r}")
        overrides[name.strip().replace("-", "_")] = int(value)
    return overrides
