"""The records officials are found as: who holds which role, and where it belongs."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.nlp import Mention
from kg.extract.roles import Role
from kg.model import Ref

Owner = tuple[Mention, str]
"""A mention named with a role, and its kind: "place", "organization" or "person"."""
Named = dict[tuple[str, int], Owner]
"""(field name, token index) -> the place, organization or person named at that token."""


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    """The place, body or person an office belongs to."""

    ref: Ref
    name: str


@dataclass(slots=True)
class Holding:
    """One person holding one role, as one passage states it."""

    person: Mention
    role: Role
    jurisdiction: Jurisdiction | None
    inferred: bool = False
    serves: Mention | None = None
    """For aides: the mention of the office-holder they serve ("Adams spokesperson")."""
    titled: bool = False
    """Whether the role is a title written before the name ("Prime Minister John Howard")."""
    kind: str = "public"
    """A public office, a party office or a private title (offices.py decides)."""
    body: Jurisdiction | None = None
    """The organization the role belongs to, when the text names one ("NAACP president")."""
    level: str = ""
    """Where to look for the place when the phrase names none: "city", "state", "country"
    (a public body's level, "the House"), or "" for the role's own scope."""
    how: str = ""
    """Which evidence gave the jurisdiction ("phrase", "of-after", "home", "officeholders"
    ...): kept for measuring each path's precision (benchmarks/officials_paths.py)."""
    pattern: str = ""
    """Which shape of text made the person an office-holder ("title", "apposition",
    "copula", "referred" ...): kept for measuring, like ``how``."""

    @property
    def current(self) -> bool:
        """A public office the person holds at the time of the article: an official's."""
        return self.kind == "public" and not self.role.past and not self.role.sought


def attach(holding: Holding, found: Owner | None, how: str = "phrase") -> None:
    """Give a holding what is named with its role: a place or body is its jurisdiction, a
    person the office-holder an aide serves; ``how`` names the shape that named it."""
    if found is None:
        return
    mention, kind = found
    if kind == "person":
        holding.serves = mention
    else:
        holding.jurisdiction = Jurisdiction(mention.ref, mention.name)
        holding.how = how
