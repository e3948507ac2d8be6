"""Date and time parsing: raw dates as pages print them -> ISO 8601."""

from __future__ import annotations

import contextlib
import re
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser

__all__ = ["DATE_LINE", "looks_like_date", "normalize_date"]

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:gmt|utc|[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?"
_DAY_NAME = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"

DATE_LINE = re.compile(
    rf"""^\s*(?:(?:published|updated|posted|last\s+updated|modified|date)\s*:?\s*(?:on\s+)?)?
    {_DAY_NAME}
    (?:
        \d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}                 # 14 Feb, 2024
      | (?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}                 # February 14, 2024
      | \d{{4}}-\d{{2}}-\d{{2}}(?:[T\s]{_TIME})?                # 2024-02-14T10:08
      | \d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}                      # 14.02.2024
    )
    (?:\s*(?:,|\bat\b|-|–|\|)?\s*{_TIME})?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A line that is only a date, optionally with a time and a "Published:" style label."""

_LABEL = re.compile(r"^\s*(?:published|updated|posted|last\s+updated|modified|date)\s*:?\s*(?:on\s+)?", re.I)


def looks_like_date(text: str) -> bool:
    """True when ``text`` is a date or date-time line and nothing more."""
    return len(text) <= 80 and DATE_LINE.match(text) is not None


def normalize_date(raw: str, *, timezone: str | None = None) -> str | None:
    """Parse ``raw`` into ISO 8601.

    An offset printed in ``raw`` is kept; otherwise ``timezone`` (an IANA name) is applied;
    with neither, the result carries no offset. Returns ``None`` when ``raw`` is not a date.

    >>> normalize_date("14 Feb, 2024 10:08", timezone="UTC")
    '2024-02-14T10:08:00+00:00'
    >>> normalize_date("14 Feb, 2024 10:08")
    '2024-02-14T10:08:00'
    """
    text = _LABEL.sub("", raw.strip())
    if not text:
        return None
    try:
        dayfirst = re.match(r"^\d{1,2}\.\d{1,2}\.\d{2,4}", text) is not None
        parsed = dateutil_parser.parse(text, dayfirst=dayfirst, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1900:
        return None
    if parsed.tzinfo is None and timezone:
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            parsed = parsed.replace(tzinfo=ZoneInfo(timezone))
    return parsed.isoformat()
