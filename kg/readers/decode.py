"""Bytes to text: UTF-8 (BOM or not), UTF-16 (BOM or not), Latin-1; never silent mojibake."""

from __future__ import annotations

import codecs
import re

from kg.errors import InputError

# UTF-8 read as Windows-1252 and saved again: "CafÃ©", "â€œquotedâ€\x9d".
_MOJIBAKE = re.compile("[ÂÃ][\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u203a]")


def decode(source: str, data: bytes) -> tuple[str, list[str]]:
    """The text of a file and the problems met decoding it (empty when it was clean UTF-8).

    Line endings become ``\\n``. Raises InputError for binary data.
    """
    problems: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _utf16(source, data, "utf-16")
    elif (encoding := _bomless_utf16(data)) is not None:
        text = _utf16(source, data, encoding)
        problems.append(
            f"{source}: UTF-16 without a byte order mark; decoded as {encoding.upper()}"
        )
    else:
        if b"\x00" in data:
            raise InputError(source, "not a text file (it contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if _looks_binary(data):
                raise InputError(source, "not a text file (binary data)") from error
            text = data.decode("cp1252", errors="replace")
            problems.append(f"{source}: not UTF-8; decoded as Windows-1252 (Latin-1)")
        else:
            repaired = _repair_mojibake(text)
            if repaired is not None:
                text = repaired
                problems.append(
                    f"{source}: UTF-8 that had been decoded as Windows-1252 once; repaired"
                )
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def _utf16(source: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(source, f"not valid UTF-16 text: {error.reason}") from error


def _bomless_utf16(data: bytes) -> str | None:
    """utf-16-le or -be when NUL bytes sit in every other place (ASCII-range text), else None."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def looks_like_mojibake(text: str) -> bool:
    """Whether the text holds a sequence that UTF-8 read as Windows-1252 would show."""
    return _MOJIBAKE.search(text) is not None


def _repair_mojibake(text: str) -> str | None:
    """The text as first written, when it is UTF-8 decoded as Windows-1252 once; else None."""
    if not looks_like_mojibake(text):
        return None
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return repaired if len(_MOJIBAKE.findall(repaired)) < len(_MOJIBAKE.findall(text)) else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for byte in sample if byte < 0x09 or 0x0E <= byte < 0x20)
    return controls > len(sample) // 20
