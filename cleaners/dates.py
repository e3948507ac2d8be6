"""Date and time parsing: raw dates as pages print them -> ISO 8601."""

from __future__ import annotations

import contextlib
import re
import warnings
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser

__all__ = [
    "DATE_LINE",
    "LOCAL_DATE_LINE",
    "MONTH_NAMES",
    "RELATIVE_DATE",
    "fetch_time",
    "is_relative",
    "looks_like_date",
    "normalize_date",
]

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

_SHORT_YEAR = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2}\b")
_ISO_START = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
_PLAIN_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?")
"""An ISO 8601 date or time as pages' metadata prints it ("2024-05-02T10:08:00+02:00"): what
``datetime.fromisoformat`` reads as dateutil does, in a fraction of its time."""
_LABEL = re.compile(r"^\s*(?:published|updated|posted|last\s+updated|modified|date)\s*:?\s*(?:on\s+)?", re.I)


MONTH_NAMES: dict[str, int] = {}
"""Month names and abbreviations in the languages news sites print dates in (German, French,
Spanish, Italian, Portuguese, Dutch, Swedish/Danish/Norwegian, Polish, Turkish, Russian and
Ukrainian, nominative and genitive), folded to lower case -> month number."""
_MONTH_ROWS = [
    "januar jänner janvier enero gennaio janeiro januari stycznia styczeń ocak январь января січня jan janv ene gen",
    "februar feber février fevrier febrero febbraio fevereiro februari lutego luty şubat февраль февраля лютого feb "
    "févr fevr",
    "märz maerz mars marzo março maart marca marzec mart март марта березня mär mrz",
    "april avril abril aprile kwietnia kwiecień nisan апрель апреля квітня apr avr abr",
    "mai mayo maggio maio mei maj maja mayıs май мая травня mag",
    "juni juin junio giugno junho czerwca czerwiec haziran июнь июня червня jun giu",
    "juli juillet julio luglio julho lipca lipiec temmuz июль июля липня jul juil lug",
    "august août aout agosto augustus augusti sierpnia sierpień ağustos август августа серпня aug ago",
    "september septembre septiembre settembre setembro września wrzesień eylül сентябрь сентября вересня sep sept set",
    "oktober octobre octubre ottobre outubro października październik ekim октябрь октября жовтня okt oct ott out",
    "november novembre noviembre novembro listopada listopad kasım ноябрь ноября листопада nov",
    "dezember décembre decembre diciembre dicembre dezembro december grudnia grudzień aralık декабрь декабря грудня "
    "dez déc dec dic",
]
for _number, _row in enumerate(_MONTH_ROWS, start=1):
    for _name in _row.split():
        MONTH_NAMES.setdefault(_name, _number)
_LOCAL_MONTH = "|".join(sorted((re.escape(n) for n in MONTH_NAMES), key=len, reverse=True))

_LOCAL_LABEL = (
    r"(?:(?:veröffentlicht|aktualisiert|erstellt|publiziert|stand|publié|mis\s+à\s+jour|publicado|actualizado|"
    r"pubblicato|aggiornato|gepubliceerd|bijgewerkt|publicerad|uppdaterad|opublikowano|опубликовано|обновлено|"
    r"опубліковано|оновлено|published|updated|posted|date)\s*(?:am|le|el|il|em|op|on|den|:)?\s*:?\s*)?"
)
_LOCAL_TIME = r"(?:\s*(?:,|um|à|a\s+las|alle|às|om|kl\.?|в|o|-|–|\|)?\s*\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|h|ч))?)?"

LOCAL_DATE_LINE = re.compile(
    rf"""^\s*{_LOCAL_LABEL}(?:[^\W\d]{{2,12}}\.?,?\s+)?
    (?:
        \d{{1,2}}\.?\s*(?:de\s+)?(?:{_LOCAL_MONTH})\.?,?\s*(?:de\s+)?\d{{4}}(?:\s*(?:г\.?|р\.?|года|року))?
      | (?:{_LOCAL_MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}
      | \d{{4}}\s*[年년]\s*\d{{1,2}}\s*[月월]\s*\d{{1,2}}\s*[日일]?
      | \d{{4}}[./-]\d{{1,2}}[./-]\d{{1,2}}\.?
      | \d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}
    ){_LOCAL_TIME}
    (?:\s*\d{{1,2}}\s*[時时시]\s*\d{{1,2}}\s*[分분]?)?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A date line in the site's language ("Veröffentlicht am 13. Mai 2026 um 15:44", "5 de marzo
de 2024", "12 марта 2024 г.", "2024年3月5日 14:30"), with an optional label and time."""

RELATIVE_DATE = re.compile(
    r"""^\s*(?:
        (?P<n1>\d+|an?|one)\s+(?P<u1>sec|min|hour|hr|day|week|month|year)\w*\s+ago
      | vor\s+(?P<n2>\d+|einer?|einem)\s+(?P<u2>sekunde|minute|stunde|tag|woche|monat|jahr)\w*
      | il\s+y\s+a\s+(?P<n3>\d+|une?)\s+(?P<u3>seconde|minute|heure|jour|semaine|mois|an)\w*
      | hace\s+(?P<n4>\d+|una?)\s+(?P<u4>segundo|minuto|hora|día|dia|semana|mes|año)\w*
      | (?P<n5>\d+|una?)\s+(?P<u5>second|minut|or|giorn|settiman|mes|ann)\w*\s+fa
      | (?P<n6>\d+)\s+(?P<u6>секунд|минут|час|дн|день|недел|месяц|год|лет)\w*\s+назад
      | (?P<n7>\d+)\s*(?P<u7>秒|分钟|分|小时|時間|天|日|周|週間|个月|ヶ月|年)\s*前
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A relative time in the site's language ("3 hours ago", "vor 3 Stunden", "il y a 2 jours",
"hace 2 horas", "2 ore fa", "2 часа назад", "3小时前", "2日前")."""

_UNIT_SECONDS = [
    (("sec", "sekunde", "seconde", "segundo", "second", "секунд", "秒"), 1),
    (("min", "minute", "minuto", "minut", "минут", "分钟", "分"), 60),
    (("hour", "hr", "stunde", "heure", "hora", "or", "час", "小时", "時間"), 3600),
    (("day", "tag", "jour", "día", "dia", "giorn", "дн", "день", "天", "日"), 86400),
    (("week", "woche", "semaine", "semana", "settiman", "недел", "周", "週間"), 7 * 86400),
    (("month", "monat", "mois", "mes", "месяц", "个月", "ヶ月"), 30 * 86400),
    (("year", "jahr", "an", "año", "ann", "год", "лет", "年"), 365 * 86400),
]

_NEGATIVE_YEAR = re.compile(r"^-\s*\d{1,6}-\d")


def fetch_time(value: datetime | str | None) -> datetime | None:
    """When a page was fetched, as an aware ``datetime`` (what relative dates count back
    from): a ``datetime`` (UTC when it has no zone), ISO 8601 text, or an HTTP date
    (``Tue, 05 Mar 2024 12:00:00 GMT``); ``None`` for ``None`` or text that is neither."""
    if value is None or value == "":
        return None
    moment: datetime | None = value if isinstance(value, datetime) else None
    if moment is None:
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            from email.utils import parsedate_to_datetime

            try:
                moment = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def is_relative(text: str) -> bool:
    """True when ``text`` is a relative time ("vor 3 Stunden", "Published 2 hours ago"): its
    date depends on when the page was fetched."""
    return RELATIVE_DATE.match(_LABEL.sub("", text.strip())) is not None


_DIGIT = re.compile(r"\d")
"""What every date line holds (each form of :data:`DATE_LINE` and :data:`LOCAL_DATE_LINE` has
a day or a year in digits): a line without one is no date, asked before the two patterns
(their labels and month names tried at the line's start cost 2-25 us a line)."""


def looks_like_date(text: str) -> bool:
    """True when ``text`` is a date or date-time line and nothing more, in English or in the
    site's language."""
    return (
        len(text) <= 80
        and _DIGIT.search(text) is not None
        and (DATE_LINE.match(text) is not None or LOCAL_DATE_LINE.match(text) is not None)
    )


def _relative(text: str, reference: datetime) -> datetime | None:
    m = RELATIVE_DATE.match(text)
    if m is None:
        return None
    number = next(v for k, v in m.groupdict().items() if k.startswith("n") and v)
    unit = next(v for k, v in m.groupdict().items() if k.startswith("u") and v).lower()
    count = int(number) if number.isdigit() else 1
    for prefixes, seconds in _UNIT_SECONDS:
        if unit in prefixes or any(unit.startswith(p) and len(p) > 2 for p in prefixes):
            return reference - timedelta(seconds=count * seconds)
    return None


_NUMERIC_LOCAL = re.compile(r"(\d{4})\s*[年년./-]\s*(\d{1,2})\s*[月월./-]\s*(\d{1,2})")
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})\.?\s*(?:de\s+)?({_LOCAL_MONTH})\.?,?\s*(?:de\s+)?(\d{{4}})", re.I)
_MONTH_DAY_YEAR = re.compile(rf"({_LOCAL_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", re.I)
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.])")
_CLOCK = re.compile(r"(?<![\d.])(\d{1,2})\s*(?:[:h時时시]|\.(?=\d{2}\b))\s*(\d{2})(?!\d)")


def _local(text: str) -> datetime | None:
    """The fast path for dates in other languages: day, month name (or CJK numbers) and year,
    and a clock time when one is printed."""
    date: tuple[int, int, int] | None = None
    rest = text
    m = _NUMERIC_LOCAL.search(text)
    if m:
        date = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif m := _DOTTED.search(text):
        year = int(m.group(3))
        date = (year + 2000 if year < 100 else year, int(m.group(2)), int(m.group(1)))
    else:
        m = _DAY_MONTH_YEAR.search(text)
        if m:
            date = (int(m.group(3)), MONTH_NAMES[m.group(2).lower()], int(m.group(1)))
        else:
            m = _MONTH_DAY_YEAR.search(text)
            if m:
                date = (int(m.group(3)), MONTH_NAMES[m.group(1).lower()], int(m.group(2)))
    if date is None or m is None:
        return None
    rest = text[m.end() :]
    clock = _CLOCK.search(rest)
    hour, minute = (int(clock.group(1)), int(clock.group(2))) if clock else (0, 0)
    try:
        return datetime(date[0], date[1], date[2], hour, minute) if hour < 24 and minute < 60 else None
    except ValueError:
        return None


DATEPARSER_MAX_CHARS = 64
"""Longest text handed to dateparser: a date line is short, and dateparser's work grows with the
text (500 characters of junk took seconds, most of it trying every language)."""


def _worth_dateparser(text: str, language: str | None) -> bool:
    """Whether ``text`` is short and date-like enough for dateparser: at most
    :data:`DATEPARSER_MAX_CHARS` characters, not only digits, and with a digit in it unless the
    page's language is known ("gestern", "hier" are dates only in a known language)."""
    if len(text) > DATEPARSER_MAX_CHARS or text.isdigit():
        return False
    return language is not None or any(c.isdigit() for c in text)


def _dateparser(text: str, language: str | None, reference: datetime) -> datetime | None:
    """dateparser, the maintained multilingual parser, as the last resort (the page's language
    as a hint)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import dateparser
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": reference.replace(tzinfo=None),
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = dateparser.parse(text, languages=[language] if language else None, settings=settings)
        except Exception:
            return None
    return found if isinstance(found, datetime) else None


def normalize_date(
    raw: str, *, timezone: str | None = None, language: str | None = None, reference: datetime | None = None
) -> str | None:
    """Parse ``raw`` into ISO 8601.

    An offset printed in ``raw`` is kept; otherwise ``timezone`` (an IANA name) is applied;
    with neither, the result carries no offset. Returns ``None`` when ``raw`` is not a date.
    Dates in other languages ("13. Mai 2026 um 15:44", "2024年3月5日") are read by a fast path,
    then by dateparser with ``language`` (the page's) as a hint; relative times ("vor 3
    Stunden", "il y a 2 jours") count back from ``reference`` (default: now, UTC).

    >>> normalize_date("14 Feb, 2024 10:08", timezone="UTC")
    '2024-02-14T10:08:00+00:00'
    >>> normalize_date("14 Feb, 2024 10:08")
    '2024-02-14T10:08:00'
    """
    text = _LABEL.sub("", raw.strip())
    if not text or _NEGATIVE_YEAR.match(text):  # no datetime for years before 1: no date, not a wrong one
        return None
    if RELATIVE_DATE.match(text):
        base = reference or datetime.now(UTC)
        found = _relative(text, base if base.tzinfo else base.replace(tzinfo=UTC))
        return found.replace(second=0, microsecond=0).isoformat() if found else None
    parsed = _english(text)
    if parsed is None:
        parsed = _local(text)
    if parsed is None and _worth_dateparser(text, language):
        parsed = _dateparser(text, language, reference or datetime.now(UTC))
    if parsed is None:
        return None
    if parsed.tzinfo is None and timezone:
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            parsed = parsed.replace(tzinfo=ZoneInfo(timezone))
    try:
        return parsed.isoformat()
    except ValueError:  # an offset of 24 hours or more ("+24:00", "UTC+30") is no real offset
        return None


def _english(text: str) -> datetime | None:
    """dateutil's reading of ``text`` (English month names, numeric forms), or ``None``."""
    if not _ISO_START.match(text) and _DAY_MONTH_YEAR.search(text) and not DATE_LINE.match(text):
        # (The anchored test first: metadata's dates are mostly ISO 8601, where the search for a
        # day, a month's name in 14 languages and a year tried at every character.)
        return None  # a date in another language: dateutil would mistake its month name
    parsed: datetime | None = None
    if _PLAIN_ISO.fullmatch(text):
        with contextlib.suppress(ValueError):  # "T24:00", day 31 of April: dateutil decides
            parsed = datetime.fromisoformat(text)
    if parsed is None:
        parsed = _dateutil(text)
    if parsed is None or parsed.year == 1900:
        return None
    if parsed.year < 1950 and _SHORT_YEAR.search(text):
        parsed = parsed.replace(year=parsed.year + 100)  # "25.04.24": dateutil's century is 1900's
    return parsed


def _dateutil(text: str) -> datetime | None:
    try:
        dayfirst = re.match(r"^\d{1,2}\.\d{1,2}\.\d{2,4}", text) is not None
        with warnings.catch_warnings():
            # An unknown zone name ("CEST") leaves the time without offset; no warning.
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            parsed = dateutil_parser.parse(
                text, dayfirst=dayfirst, default=datetime(1900, 1, 1), tzinfos=ZONE_ABBREVIATIONS
            )
    except (ValueError, ArithmeticError, TypeError):  # dateutil's own; decimal's on "2024:0888...8"
        return None
    return parsed
