"""The exceptions kg raises. Only ``kg.cli`` turns them into exit codes."""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KgError):
    """An input file could not be read into articles (or one of its fields was dropped).

    ``detail`` holds what a developer needs and a user does not (the traceback of an
    internal error): it goes to the build report and the debug log, not the terminal.
    """

    def __init__(
        self, path: str, reason: str, *, line: int | None = None, detail: str | None = None
    ) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        self.detail = detail
        super().__init__(self.location + ": " + reason)

    def __reduce__(self) -> tuple[object, tuple[str, str, int | None, str | None]]:
        # Errors travel back from worker processes; the keyword-only fields must survive.
        return (_input_error, (self.path, self.reason, self.line, self.detail))

    @classmethod
    def internal(
        cls, path: str, error: BaseException, *, line: int | None = None, doing: str = ""
    ) -> InputError:
        """A bug or a runaway met while handling one input: ``PATH: internal error: ...``."""
        import traceback

        detail = "".join(traceback.format_exception(error))
        what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        reason = f"internal error{' while ' + doing if doing else ''}: {what}"
        return cls(path, reason[:500], line=line, detail=detail)

    @property
    def location(self) -> str:
        """``PATH`` or ``PATH:LINE``, the prefix of every report line."""
        return f"{self.path}:{self.line}" if self.line is not None else self.path


class PluginError(KgError):
    """A reader, extractor or exporter is unknown, duplicated or misdeclared."""


class ConfigError(KgError):
    """An option has a value kg cannot use."""


class QueryError(KgError):
    """A SPARQL query is invalid, or not allowed (updates, SERVICE calls)."""


class ExportError(KgError):
    """A graph could not be written in the requested format."""


class StorageError(KgError):
    """A build's working files or outputs could not be written (a full disk, no permission)."""


class LockedError(KgError):
    """A store or output folder is in use by another build."""


def _input_error(path: str, reason: str, line: int | None, detail: str | None) -> InputError:
    return InputError(path, reason, line=line, detail=detail)
