"""Safe YAML loading for front matter: libyaml's safe loader, plain data only."""

from __future__ import annotations

from typing import Any

import yaml

try:
    _Loader: type[yaml.CSafeLoader] = yaml.CSafeLoader
except AttributeError as error:  # pragma: no cover - depends on how PyYAML was built
    raise ImportError(
        "PyYAML was built without libyaml; kg needs yaml.CSafeLoader (ten times faster). "
        "Reinstall PyYAML from a wheel: pip install --force-reinstall pyyaml"
    ) from error


def load_yaml(text: str) -> Any:
    """Parse YAML with the safe loader: no Python tags, only plain data."""
    return yaml.load(text, Loader=_Loader)
