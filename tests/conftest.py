"""Shared fixtures. Tests run from the repository root, as `make test` does."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg
from kg.graph import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
IN_CI = bool(os.environ.get("CI"))


@pytest.fixture(autouse=True, scope="session")
def _at_repository_root() -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(ROOT)
    yield
    os.chdir(previous)


@pytest.fixture(scope="session")
def seed_graph() -> KnowledgeGraph:
    """The graph of seeds/, built once per test session."""
    return kg.build(["seeds"])


def require_tool(name: str) -> str:
    """The path of an outside tool; missing fails in CI and skips elsewhere."""
    # Console scripts of the test environment (oxigraph) sit beside its python.
    path = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if path is None:
        message = f"{name} is not installed (.ci/run installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path
