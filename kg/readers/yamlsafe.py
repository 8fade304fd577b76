"""Safe, bounded YAML for front matter: libyaml's safe loader, after a check of its events.

libyaml's event stream is cheap to produce and never expands aliases, so one pass
over it measures what loading would build (nodes counted with every alias
expanded), how deep it nests and whether a mapping repeats a key, before
anything is constructed.

Construction is tolerant where YAML's implicit types are not: a plain scalar that
looks like a timestamp, a number or a boolean but cannot be built
(``2020-02-30``, ``!!int abc``) stays its text, for the field that reads it to keep
or drop with a reason, and a mapping key that is not text (``2020-01-01: x``) is
dropped with a note, instead of the whole file failing.
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
    """What loading found worth reporting, each with its 0-based line in the YAML.

    ``duplicate_keys``: repeated keys (the last value wins); ``notes``: keys dropped
    for not being text.
    """

    duplicate_keys: list[tuple[str, int]] = field(default_factory=list)
    notes: list[tuple[str, int | None]] = field(default_factory=list)


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


# The scalar types whose constructors can fail on a value that resolved to them (or
# was tagged so): a date that does not exist, an int tag on text, a bool tag on "maybe".
_TOLERATED = frozenset(
    f"tag:yaml.org,2002:{kind}" for kind in ("bool", "int", "float", "timestamp", "binary", "null")
)


class _TolerantLoader(yaml.CSafeLoader):
    """libyaml's safe loader, keeping as text the scalars its constructors reject."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.notes: list[tuple[str, int | None]] = []

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except Exception:  # a scalar constructor's bug or refusal (ValueError, AttributeError)
            if not (isinstance(node, yaml.ScalarNode) and node.tag in _TOLERATED):
                raise
            # The constructor marked the node as under construction: undo that, and
            # remember its text, so that an alias to it gets the same text. The field
            # that reads it takes the text, or drops it with its own reason.
            self.recursive_objects.pop(node, None)
            self.constructed_objects[node] = node.value
            return node.value

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """The pairs whose key is text; other keys are dropped with a note."""
        if not isinstance(node, yaml.MappingNode):  # a !!set or !!map tag on a list or text
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping, found a {node.id}", node.start_mark
            )
        self.flatten_mapping(node)
        kept = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.notes.append(
                    (f"a {key_node.id} used as a key dropped: keys must be text", _line(key_node))
                )
                continue
            key = self.construct_object(key_node)
            if isinstance(key, str):
                kept.append((key_node, value_node))
            else:
                reason = f"keys must be text, not {type(key).__name__}"
                self.notes.append(
                    (f"key {key_node.value[:40]!r} dropped: {reason}", _line(key_node))
                )
        node.value = kept
        return yaml.constructor.BaseConstructor.construct_mapping(self, node, deep)


def _line(node: yaml.Node) -> int | None:
    return node.start_mark.line if node.start_mark else None


def load_yaml(text: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Any, YamlCheck]:
    """Parse YAML with the safe loader (no Python tags, plain data only) within ``limits``.

    Raises ``yaml.YAMLError`` for malformed YAML, ``YamlLimitError`` past a limit.
    """
    check = check_events(text, limits)
    loader = _TolerantLoader(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    check.notes.extend(loader.notes)
    return data, check
