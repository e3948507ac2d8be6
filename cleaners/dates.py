"""Date and time parsing: raw dates as pages print them -> ISO 8601."""

from __future__ import annotations

import contextlib
import re
import warnings
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

ZONE_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 3600, "BST": 3600, "IST": 19800,
    "CET": 3600, "CEST": 7200, "MEZ": 3600, "MESZ": 7200, "EET": 7200, "EEST": 10800,
    "MSK": 10800, "EST": -18000, "EDT": -14400, "CST": -21600, "CDT": -18000,
    "MST": -25200, "MDT": -21600, "PST": -28800, "PDT": -25200, "JST": 32400, "KST": 32400,
    "AEST": 36000, "AEDT": 39600,
}  # fmt: skip
"""Offsets (seconds east of UTC) of the zone names news pages print after their times."""

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
        with warnings.catch_warnings():
            # An unknown zone name ("CEST") leaves the time without offset; no warning.
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            parsed = dateutil_parser.parse(
                text, dayfirst=dayfirst, default=datetime(1900, 1, 1), tzinfos=ZONE_ABBREVIATIONS
            )
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1900:
        return None
    if parsed.tzinfo is None and timezone:
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            parsed = parsed.replace(tzinfo=ZoneInfo(timezone))
    return parsed.isoformat()
