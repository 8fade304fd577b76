"""Safe, bounded YAML for front matter: libyaml's safe loader, after a check of its events.

libyaml's event stream is cheap to produce and never expands aliases, so one pass
over it measures what loading would build (nodes counted with every alias
expanded), how deep it nests and whether a mapping repeats a key, before
anything is constructed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from kg.readers.limits import DEFAULT_LIMITS, Limits

try:
    _Loader: type[yaml.CSafeLoader] = yaml.CSafeLoader
    # The base loader's events come straight from libyaml; it constructs nothing.
    _Parser: type[yaml.CBaseLoader] = yaml.CBaseLoader
except AttributeError as error:  # pragma: no cover - depends on how PyYAML was built
    raise ImportError(
        "PyYAML was built without libyaml; kg needs yaml.CSafeLoader (ten times faster). "
        "Reinstall PyYAML from a wheel: pip install --force-reinstall pyyaml"
    ) from error


class YamlLimitError(ValueError):
    """The YAML is well formed but exceeds a limit; ``line`` is 0-based within the YAML."""

    def __init__(self, reason: str, line: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


@dataclass
class _Collection:
    size: int = 1
    anchor: str | None = None
    mapping: bool = False
    keys: set[str] = field(default_factory=set)
    expecting_key: bool = True


@dataclass
class YamlCheck:
    """What the event pass found that is worth reporting: repeated keys (kept: the last wins)."""

    duplicate_keys: list[tuple[str, int]] = field(default_factory=list)


def check_events(text: str, limits: Limits = DEFAULT_LIMITS) -> YamlCheck:
    """Measure the YAML without constructing it; raise YamlLimitError past a limit."""
    found = YamlCheck()
    sizes: dict[str, int] = {}
    stack: list[_Collection] = []
    total = 0
    parser = _Parser(text)
    try:
        while (event := parser.get_event()) is not None:
            line = event.start_mark.line if event.start_mark else None
            if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                if isinstance(event, yaml.AliasEvent):
                    size = sizes.get(event.anchor or "", 1)
                else:
                    size = 1
                    if event.anchor:
                        sizes[event.anchor] = 1
                if stack:
                    _note_child(stack[-1], event, line, found)
                    stack[-1].size += size
                else:
                    total += size
            elif isinstance(event, yaml.CollectionStartEvent):
                if stack:
                    _note_child(stack[-1], event, line, found)
                stack.append(
                    _Collection(
                        anchor=event.anchor, mapping=isinstance(event, yaml.MappingStartEvent)
                    )
                )
                if len(stack) > limits.max_yaml_depth:
                    raise YamlLimitError(
                        f"nesting deeper than {limits.max_yaml_depth} levels "
                        "(limit max_yaml_depth)",
                        line,
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                done = stack.pop()
                if done.anchor:
                    sizes[done.anchor] = done.size
                if stack:
                    stack[-1].size += done.size
                else:
                    total += done.size
            if total + sum(c.size for c in stack) > limits.max_yaml_nodes:
                raise YamlLimitError(
                    f"more than {limits.max_yaml_nodes} nodes once aliases are expanded "
                    "(limit max_yaml_nodes; an alias bomb?)",
                    line,
                )
    finally:
        parser.dispose()
    return found


def _note_child(parent: _Collection, event: yaml.Event, line: int | None, found: YamlCheck) -> None:
    if not parent.mapping:
        return
    if parent.expecting_key and isinstance(event, yaml.ScalarEvent):
        if event.value in parent.keys:
            found.duplicate_keys.append((event.value, line or 0))
        parent.keys.add(event.value)
    parent.expecting_key = not parent.expecting_key


def load_yaml(text: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Any, YamlCheck]:
    """Parse YAML with the safe loader (no Python tags, plain data only) within ``limits``."""
    check = check_events(text, limits)
    return yaml.load(text, Loader=_Loader), check  # a SafeLoader: plain data only
