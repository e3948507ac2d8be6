"""ISO 8601 dates read by datetime.fromisoformat give what dateutil gave."""

from __future__ import annotations

import random
from datetime import datetime

from dateutil import parser as dateutil_parser
from newsclean.cleaners import dates
from newsclean.cleaners.dates import normalize_date


def _iso_texts(count: int) -> list[str]:
    rng = random.Random(7)
    texts = []
    for _ in range(count):
        year = rng.choice([1899, 1900, 1949, 1950, 2000, 2024, 2099])
        text = f"{year:04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}"
        if rng.random() < 0.8:
            text += f"T{rng.randint(0, 25):02d}:{rng.randint(0, 60):02d}"
            if rng.random() < 0.7:
                text += f":{rng.randint(0, 61):02d}"
                if rng.random() < 0.4:
                    text += "." + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 6)))
            text += rng.choice(["", "Z", "+00:00", "-00:00", "+02:00", "-05:30", "+14:00", "+23:59"])
        texts.append(text)
    return texts


def test_plain_iso_dates_read_as_dateutil_reads_them() -> None:
    read = 0
    for text in _iso_texts(5000):
        assert dates._PLAIN_ISO.fullmatch(text)
        try:
            fast = datetime.fromisoformat(text)
        except ValueError:
            continue  # dateutil reads these (or refuses them) as before
        slow = dateutil_parser.parse(text, default=datetime(1900, 1, 1), tzinfos=dates.ZONE_ABBREVIATIONS)
        assert fast.isoformat() == slow.isoformat(), text
        assert (fast.tzinfo is None) == (slow.tzinfo is None), text
        read += 1
    assert read > 1000


def test_normalize_date_on_iso_texts() -> None:
    assert normalize_date("2024-05-02T10:08:00+02:00") == "2024-05-02T10:08:00+02:00"
    assert normalize_date("2024-05-02T10:08:00.5Z") == "2024-05-02T10:08:00.500000+00:00"
    assert normalize_date("2024-05-02", timezone="Europe/Berlin") == "2024-05-02T00:00:00+02:00"
    assert normalize_date("2024-04-31T10:00") is None  # no such day, for both readers
