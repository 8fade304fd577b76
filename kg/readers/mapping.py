"""A user's mapping of their own field names onto kg fields (``--field date=published_on``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from kg.errors import ConfigError
from kg.readers.schemas import CANDIDATES, FIELD_ALIASES
from kg.readers.yamlsafe import YamlLimitError, load_yaml

FieldsOption = Mapping[str, "str | Sequence[str]"]
"""What ``kg.build(..., fields=...)`` takes: kg field -> source name(s)."""


@dataclass(frozen=True)
class FieldMap:
    """Source field names per kg field, tried before the names kg knows (schemas.py).

    >>> FieldMap.parse(["date=published_on", "body=story_text"]).sources("date")
    ('published_on',)
    """

    entries: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def sources(self, field: str) -> tuple[str, ...]:
        """The user's source names for one kg field, in the order given."""
        return next((names for name, names in self.entries if name == field), ())

    def candidates(self, field: str) -> tuple[str, ...]:
        """Every name tried for a kg field: the user's first, then the built-in ones."""
        built_in = tuple(c.key for c in CANDIDATES[field])
        mine = self.sources(field)
        return (*mine, *(key for key in built_in if key not in mine))

    def __bool__(self) -> bool:
        return bool(self.entries)

    def describe(self) -> str:
        """A stable text form (for the build's fingerprint and messages).

        >>> FieldMap.of({"body": ["story", "text2"], "date": "on"}).describe()
        'body=story,text2 date=on'
        """
        return " ".join(f"{name}={','.join(names)}" for name, names in self.entries)

    def then(self, other: FieldMap) -> FieldMap:
        """This mapping's names first, then ``other``'s, field by field."""
        merged: dict[str, list[str]] = {}
        for name, names in (*self.entries, *other.entries):
            merged.setdefault(name, []).extend(n for n in names if n not in merged.get(name, []))
        return FieldMap(tuple(sorted((name, tuple(names)) for name, names in merged.items())))

    @classmethod
    def of(cls, fields: FieldMap | FieldsOption | None) -> FieldMap:
        """A FieldMap from ``{"date": "published_on", "body": ["story", "text"]}``."""
        if fields is None:
            return NO_FIELDS
        if isinstance(fields, FieldMap):
            return fields
        if not isinstance(fields, Mapping):
            raise ConfigError(
                f"fields must map kg fields to source names, not {type(fields).__name__}"
            )
        merged: dict[str, list[str]] = {}
        for raw_name, raw_sources in fields.items():
            name = _kg_field(raw_name)
            sources = [raw_sources] if isinstance(raw_sources, str) else raw_sources
            if not isinstance(sources, Sequence) or not all(
                isinstance(s, str) and s.strip() for s in sources
            ):
                raise ConfigError(
                    f"the source of kg field {raw_name!r} must be a field name or a list of "
                    f"them, not {raw_sources!r}"
                )
            merged.setdefault(name, []).extend(s.strip() for s in sources)
        return FieldMap(
            tuple(sorted((name, tuple(dict.fromkeys(names))) for name, names in merged.items()))
        )

    @classmethod
    def parse(cls, items: Sequence[str]) -> FieldMap:
        """From ``--field`` options: ``["date=published_on", "body=story_text"]``."""
        pairs: dict[str, list[str]] = {}
        for item in items:
            name, sep, source = item.partition("=")
            if not sep or not name.strip() or not source.strip():
                raise ConfigError(f"--field takes KG_FIELD=SOURCE_FIELD, not {item!r}")
            pairs.setdefault(name.strip(), []).append(source.strip())
        return cls.of(pairs)

    @classmethod
    def load(cls, path: str | Path) -> FieldMap:
        """From a YAML (or JSON) file mapping kg fields to source names (``--fields``)."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: cannot read the field mapping: {error}") from error
        try:
            data, _ = load_yaml(text)
        except (yaml.YAMLError, YamlLimitError) as error:
            raise ConfigError(f"{path}: not a YAML mapping of kg fields: {error}") from error
        if not isinstance(data, Mapping):
            raise ConfigError(
                f"{path}: a field mapping is a YAML mapping such as 'date: published_on'"
            )
        try:
            return cls.of({str(key): value for key, value in data.items()})
        except ConfigError as error:
            raise ConfigError(f"{path}: {error}") from error


NO_FIELDS = FieldMap()


def _kg_field(name: object) -> str:
    text = str(name).strip()
    field = FIELD_ALIASES.get(text, text)
    if field not in CANDIDATES:
        known = ", ".join(CANDIDATES)
        raise ConfigError(f"unknown kg field {text!r} in the field mapping; known: {known}")
    return field
