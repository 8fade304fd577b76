"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, Latin-1 as a reported fallback."""

from __future__ import annotations

import codecs

from kg.errors import InputError


def decode(source: str, data: bytes) -> tuple[str, list[str]]:
    """The text of a file and the problems met decoding it (empty when it was clean UTF-8).

    Line endings become ``\\n``. Raises InputError for binary data.
    """
    problems: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(source, f"not valid UTF-16 text: {error.reason}") from error
    else:
        if b"\x00" in data:
            raise InputError(source, "not a text file (it contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if _looks_binary(data):
                raise InputError(source, "not a text file (binary data)") from error
            text = data.decode("cp1252", errors="replace")
            problems.append(f"{source}: not UTF-8; decoded as Windows-1252/Latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for byte in sample if byte < 0x09 or 0x0E <= byte < 0x20)
    return controls > len(sample) // 20
