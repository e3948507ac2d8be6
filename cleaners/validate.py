"""Validation rules of an article record: its JSON Schema and sanity rules, each failure a
:class:`Problem` with a short code and a sentence."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from newsclean.cleaners.normalize import count_words
from newsclean.cleaners.record import json_schema

__all__ = ["Problem", "problems"]

CLOCK_SKEW = timedelta(minutes=10)
"""How far in the future a date with an offset may be (clocks differ a little)."""
UNKNOWN_ZONE_SLACK = timedelta(hours=14)
"""A date without an offset may be in any zone: UTC+14 is as far ahead as zones go."""
_MESSAGE_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a record is not fit to store: a short code (used in stats) and a sentence."""

    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema(), format_checker=FormatChecker())


_JSON_TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "integer": (int,)}


@cache
def _step_shape() -> tuple[frozenset[str], frozenset[str], dict[str, tuple[type, ...]]]:
    """The cleaning step's schema as (allowed keys, required keys, key -> Python types),
    read from the record's JSON Schema; only plain string and integer properties."""
    step = json_schema()["$defs"]["CleaningStep"]
    types = {name: _JSON_TYPES[prop["type"]] for name, prop in step["properties"].items()}
    assert step.get("additionalProperties") is False and all(set(p) == {"type"} for p in step["properties"].values())
    return frozenset(types), frozenset(step.get("required", ())), types


def _plainly_valid_step(step: Any) -> bool:
    """Whether a cleaning step is certainly valid against its schema (True only when every
    value is exactly a str or an int, never a bool or an integral float: those go to the
    full validator)."""
    if type(step) is not dict:
        return False
    allowed, required, types = _step_shape()
    keys = step.keys()
    if not (required <= keys <= allowed):
        return False
    return all(type(value) in types[key] for key, value in step.items())


def _schema_errors(record: dict[str, Any]) -> list[Any]:
    """The record's JSON Schema errors. A record has dozens of cleaning steps and jsonschema
    descends into each (most of the validate stage's time): steps that are plainly valid are
    not handed to it, so its errors are exactly those of the whole record."""
    cleaning = record.get("cleaning")
    if type(cleaning) is list and cleaning and all(_plainly_valid_step(step) for step in cleaning):
        record = {**record, "cleaning": []}
    return sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))


def _shorten(text: str) -> str:
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"


def _future(field: str, value: str, now: datetime) -> Problem | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return Problem("bad_date", f"{field} {value!r} is not an ISO 8601 date")
    if moment.tzinfo is None:
        ahead = moment - now.replace(tzinfo=None) > UNKNOWN_ZONE_SLACK
    else:
        ahead = moment - now > CLOCK_SKEW
    return Problem("date_in_future", f"{field} {value} is in the future") if ahead else None


def problems(
    record: dict[str, Any],
    *,
    min_words: int = 25,
    max_words: int = 50_000,
    max_record_bytes: int | None = None,
    now: datetime | None = None,
) -> list[Problem]:
    """Everything wrong with ``record``: JSON Schema errors, then the sanity rules (a
    headline, a body of ``min_words`` to ``max_words`` words, at most ``max_record_bytes`` of
    JSON when given, no date in the future).

    >>> [p.code for p in problems({"cleaning": [], "articleBody": "Too short."})]
    ['no_headline', 'body_too_short']
    """
    found: list[Problem] = []
    for error in _schema_errors(record):
        where = "/".join(str(p) for p in error.absolute_path) or "record"
        found.append(Problem("schema", f"{where}: {_shorten(error.message)}"))
    headline = record.get("headline")
    if not (isinstance(headline, str) and headline.strip()):
        found.append(Problem("no_headline", "the record has no headline"))
    body = record.get("articleBody")
    words = count_words(body) if isinstance(body, str) else 0
    if words < min_words:
        found.append(Problem("body_too_short", f"the body has {words} words, fewer than {min_words}"))
    elif words > max_words:
        found.append(Problem("body_too_long", f"the body has {words} words, more than {max_words}"))
    if max_record_bytes:
        size = len(json.dumps(record, ensure_ascii=False, default=str).encode("utf-8"))
        if size > max_record_bytes:
            found.append(Problem("record_too_large", f"the record has {size} bytes, more than {max_record_bytes}"))
    moment = now or datetime.now(UTC)
    for field in ("datePublished", "dateModified"):
        value = record.get(field)
        if isinstance(value, str):
            problem = _future(field, value, moment)
            if problem:
                found.append(problem)
    return found
