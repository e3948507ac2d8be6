"""Durations as people write them in settings and options: ``90s``, ``15m``, ``2h``, ``3d``."""

from __future__ import annotations

import re

__all__ = ["format_duration", "parse_duration"]

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.IGNORECASE)


def parse_duration(value: str | float | int, *, name: str = "duration") -> float:
    """Seconds in ``value``: a number (seconds) or a number with a unit s, m, h, d or w.

    ``ValueError`` names ``name`` and the bad value.
    """
    if isinstance(value, bool):
        raise ValueError(f"{name}: expected a duration such as 15m, 2h or 3d, got {value!r}")
    if isinstance(value, int | float):
        if value < 0:
            raise ValueError(f"{name}: a duration cannot be negative, got {value!r}")
        return float(value)
    match = _DURATION.match(str(value))
    if not match:
        raise ValueError(f"{name}: expected a duration such as 15m, 2h or 3d, got {value!r}")
    number, unit = match.groups()
    return float(number) * _UNITS[(unit or "s").lower()]


def format_duration(seconds: float) -> str:
    """The shortest exact spelling of ``seconds`` (``900`` -> ``15m``)."""
    for unit in ("w", "d", "h", "m"):
        size = _UNITS[unit]
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"
