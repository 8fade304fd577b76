"""Named registries of readers, extractors and exporters.

Built-ins register through the same call as third-party packages, which
declare entry points in the groups ``kg.readers``, ``kg.extractors`` and
``kg.exporters`` (value ``module:attribute``). Targets import lazily, on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from importlib.metadata import entry_points
from typing import Generic, TypeVar

from kg.errors import PluginError

T = TypeVar("T")


class Registry(Generic[T]):
    """Components of one kind, by name and alias, imported when first asked for."""

    def __init__(self, kind: str, group: str) -> None:
        self.kind = kind
        self.group = group
        self._targets: dict[str, str | T] = {}
        self._aliases: dict[str, str] = {}
        self._entry_points_loaded = False

    def register(self, name: str, target: str | T, *, aliases: tuple[str, ...] = ()) -> None:
        """Add a component; ``target`` is the object or its ``"module:attribute"`` path."""
        for key in (name, *aliases):
            if key in self._aliases and self._aliases[key] != name:
                raise PluginError(
                    f"{self.kind} name {key!r} is taken by {self._aliases[key]!r}: "
                    "choose another name"
                )
        self._targets[name] = target
        for key in (name, *aliases):
            self._aliases[key.lower()] = name

    def unregister(self, name: str) -> None:
        """Remove a component and its aliases (a plugin that is unloaded, a test's stand-in)."""
        canonical = self.canonical_name(name)
        del self._targets[canonical]
        for key in [key for key, target in self._aliases.items() if target == canonical]:
            del self._aliases[key]

    def _load_entry_points(self) -> None:
        if self._entry_points_loaded:
            return
        self._entry_points_loaded = True
        for point in entry_points(group=self.group):
            if point.name not in self._targets:
                self.register(point.name, point.value)

    def canonical_name(self, name: str) -> str:
        """The registered name for a name or alias; raises PluginError listing the choices."""
        self._load_entry_points()
        try:
            return self._aliases[name.lower()]
        except KeyError:
            choices = ", ".join(self.names())
            raise PluginError(f"unknown {self.kind} {name!r}; available: {choices}") from None

    def get(self, name: str) -> T:
        """The component registered under ``name`` (or an alias), imported if need be."""
        canonical = self.canonical_name(name)
        target = self._targets[canonical]
        if isinstance(target, str):
            module_name, _, attribute = target.partition(":")
            try:
                loaded: T = getattr(importlib.import_module(module_name), attribute)
            except (ImportError, AttributeError) as error:
                raise PluginError(
                    f"{self.kind} {canonical!r} cannot be loaded from {target}: {error}"
                ) from error
            self._targets[canonical] = loaded
            return loaded
        return target

    def names(self) -> list[str]:
        """Registered names, sorted."""
        self._load_entry_points()
        return sorted(self._targets)

    def aliases(self, name: str) -> list[str]:
        """The aliases of a registered name, sorted."""
        canonical = self.canonical_name(name)
        return sorted(a for a, n in self._aliases.items() if n == canonical and a != canonical)

    def __iter__(self) -> Iterator[T]:
        return (self.get(name) for name in self.names())

    def __contains__(self, name: object) -> bool:
        self._load_entry_points()
        return isinstance(name, str) and name.lower() in self._aliases
