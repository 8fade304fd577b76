"""The CLI reference (docs/cli.md), generated from the commands themselves.

Run ``python -m kg.clidoc`` (``make docs``) after changing an option; a test checks
the committed file is current.
"""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import main


def render() -> str:
    """Markdown with the ``--help`` of ``kg`` and of each subcommand."""
    parts = [
        "# `kg` command reference",
        "",
        "Generated from the code by `make docs`; do not edit.",
        "",
    ]
    settings = {"terminal_width": 100, "max_content_width": 100, **main.context_settings}
    context = click.Context(main, info_name="kg", **settings)
    parts += ["## kg", "", "```", main.get_help(context), "```", ""]
    for name in sorted(main.list_commands(context)):
        command = main.get_command(context, name)
        assert command is not None
        sub = click.Context(command, info_name=f"kg {name}", parent=context, **settings)
        parts += [f"## kg {name}", "", "```", command.get_help(sub), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover - used by `make docs`
    target = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
