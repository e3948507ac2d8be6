"""The seed: cleaning the naive rt.com dump must give exactly the expected record."""

from __future__ import annotations

import json
from pathlib import Path

from newsclean.cleaners import clean_text
from newsclean.spiders.sites import profile_for_url

SEED_URL = "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/"
FIELDS = ("headline", "description", "datePublished", "datePublishedRaw", "articleBody")


def _seed(seeds: Path) -> tuple[str, dict[str, str]]:
    text = (seeds / "000_e64b6c45e47c0fa8.txt").read_text(encoding="utf-8")
    expected = json.loads((seeds / "000_e64b6c45e47c0fa8.expected.json").read_text(encoding="utf-8"))
    return text, expected


def test_seed_with_url_gives_the_expected_record(seeds: Path) -> None:
    text, expected = _seed(seeds)
    record = clean_text(text, url=SEED_URL, site=profile_for_url(SEED_URL)).to_dict()
    assert {k: record.get(k) for k in (*FIELDS, "url")} == {k: expected[k] for k in (*FIELDS, "url")}


def test_seed_provenance_names_every_kind_of_boilerplate(seeds: Path) -> None:
    text, _ = _seed(seeds)
    steps = clean_text(text, url=SEED_URL, site=profile_for_url(SEED_URL)).cleaning
    by_cleaner = {(s.cleaner, s.text) for s in steps}
    assert any(c == "icon_sprites" and t.startswith("icon bookmark-bicon") for c, t in by_cleaner)
    assert ("timestamps", "14 Feb, 2024 10:08") in by_cleaner
    assert ("media_players", "Podcasts") in by_cleaner
    assert sum(1 for s in steps if s.cleaner == "media_players") == 5
    caption = [s for s in steps if s.cleaner == "repeats" and s.action == "removed"]
    assert [s.text for s in caption] == [_seed(seeds)[1]["headline"]]
    assert all(s.reason for s in steps)


def test_seed_without_url_keeps_the_body_and_drops_the_offset(seeds: Path) -> None:
    text, expected = _seed(seeds)
    record = clean_text(text).to_dict()
    assert record["articleBody"] == expected["articleBody"]
    assert record["datePublished"] == "2024-02-14T10:08:00"
    assert "url" not in record


def test_seed_with_windows_line_breaks_and_bom_is_the_same(seeds: Path) -> None:
    text, expected = _seed(seeds)
    mangled = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    record = clean_text(mangled, url=SEED_URL, site=profile_for_url(SEED_URL)).to_dict()
    assert record["articleBody"] == expected["articleBody"]
    assert record["headline"] == expected["headline"]
