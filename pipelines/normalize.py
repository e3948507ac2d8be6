"""Normalise stage: the library's record normalisation (:mod:`newsclean.cleaners.normalize`)
applied to every article record of a crawl."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newsclean.cleaners.normalize import DATE_FIELDS, in_field_order, normalize_record, utc_time
from newsclean.cleaners.site import SiteProfile, get_profile, profile_for_url
from newsclean.cleaners.urls import TRACKING_PARAMETERS
from newsclean.pipelines.settings import DEFAULTS
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

__all__ = ["NormalizePipeline", "NormalizedRecord"]


class NormalizedRecord(dict[str, Any]):
    """A record normalised already, as :func:`~newsclean.cleaners.api.build_record` leaves every
    record, with the time zone and tracking parameters it was normalised with. The clean stage
    hands its records on as these: the normalise stage then gives them their download time and
    counts them, and normalises only a record it would normalise differently (another zone or
    other tracking parameters), instead of normalising every record twice. Any other dict,
    including a copy a stage in between made, is normalised as usual."""

    __slots__ = ("timezone", "tracking")

    def __init__(self, record: dict[str, Any], *, timezone: str | None, tracking: tuple[str, ...]) -> None:
        super().__init__(record)
        self.timezone = timezone
        self.tracking = tracking


def _site_timezone(record: dict[str, Any], fallback: str | None) -> str | None:
    # The zone is per-site knowledge kept in one declarative file per site: look it up from
    # the site name the record carries rather than copying it into every record.
    profile: SiteProfile | None = None
    if isinstance(record.get("site"), str):
        try:
            profile = get_profile(record["site"])
        except KeyError:
            profile = None
    if profile is None and isinstance(record.get("url"), str):
        profile = profile_for_url(record["url"])
    if profile is not None and profile.timezone:
        return str(profile.timezone)
    return fallback


class NormalizePipeline:
    """Normalises article records (see :func:`normalize_record`); other items pass unchanged.

    Off when ``NEWSCLEAN_NORMALIZE`` is false. The site's time zone comes from its profile
    (``site`` field, else the URL's host), then ``NEWSCLEAN_DEFAULT_TIMEZONE``.
    """

    def __init__(self, crawler: Crawler, *, default_timezone: str | None, tracking: tuple[str, ...]) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.default_timezone = default_timezone
        self.tracking = tracking

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalizePipeline:
        settings = crawler.settings
        if not settings.getbool("NEWSCLEAN_NORMALIZE", DEFAULTS["NEWSCLEAN_NORMALIZE"]):
            raise NotConfigured("NEWSCLEAN_NORMALIZE is off")
        zone = settings.get("NEWSCLEAN_DEFAULT_TIMEZONE") or None
        if zone:
            try:
                ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ValueError(f"NEWSCLEAN_DEFAULT_TIMEZONE: unknown time zone {zone!r}") from exc
        extra = tuple(settings.getlist("NEWSCLEAN_TRACKING_PARAMETERS"))
        return cls(crawler, default_timezone=zone, tracking=TRACKING_PARAMETERS + extra)

    async def process_item(self, item: Any) -> Any:
        if not (isinstance(item, dict) and "cleaning" in item):
            return item
        zone = _site_timezone(item, self.default_timezone)
        done = type(item) is NormalizedRecord and item.timezone == zone and item.tracking == self.tracking
        downloaded = item.get("dateDownloaded")
        if isinstance(downloaded, str | None):  # a crawled page was downloaded now, unless the spider said when
            item = {**item, "dateDownloaded": utc_time(downloaded)}
        record = in_field_order(item) if done else normalize_record(item, timezone=zone, tracking=self.tracking)
        self.stats.inc_value("newsclean/normalize/records")
        for field, raw_field in DATE_FIELDS:
            value = record.get(field)
            if record.get(raw_field) and not value:
                self.stats.inc_value("newsclean/normalize/date_unparsed")
            elif isinstance(value, str) and datetime.fromisoformat(value).tzinfo is None:
                self.stats.inc_value("newsclean/normalize/date_without_offset")
        return record
