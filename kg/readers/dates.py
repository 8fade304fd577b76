"""Dates as news records write them: ISO 8601, RFC 2822, GDELT's compact form, Unix time."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime

_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Unix seconds between 1990 and 2100; milliseconds in the same span.
_SECONDS = (631_152_000, 4_102_444_800)


def parse_date(value: object) -> datetime | None:
    """A date-time from a field's value, or None when it is not one.

    A date alone is midnight UTC; a date-time without an offset stays without one.

    >>> parse_date("2024-10-16T12:30:00Z")
    datetime.datetime(2024, 10, 16, 12, 30, tzinfo=datetime.timezone.utc)
    >>> parse_date("Wed, 16 Oct 2024 12:30:00 GMT")
    datetime.datetime(2024, 10, 16, 12, 30, tzinfo=datetime.timezone.utc)
    >>> parse_date("20241016T123000Z") == parse_date("20241016123000") == parse_date(1729081800)
    True
    >>> parse_date("next Tuesday") is None
    True
    """
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=UTC)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_number(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 64:
        return None
    compact = _COMPACT.fullmatch(text)
    if compact:
        try:
            year, month, day, hour, minute, second = map(int, compact.groups())
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        except ValueError:
            return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return parsed.replace(tzinfo=UTC) if _DATE_ONLY.fullmatch(text) else parsed
    if text.isdigit():
        return _from_number(int(text))
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _from_number(number: float) -> datetime | None:
    if number != number:  # NaN
        return None
    if 10_000_000_000_000 <= number < 100_000_000_000_000 and float(number).is_integer():
        return parse_date(str(int(number)))  # GDELT GKG's DATE, 20150218230000
    seconds = number / 1000 if number >= _SECONDS[1] else number
    if not _SECONDS[0] <= seconds < _SECONDS[1]:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC)
