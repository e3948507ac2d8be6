"""The library's ``NEWSCLEAN_*`` settings: each name with its default and what it means.

Each package keeps one such table for the settings it reads (this one;
``newsclean.pipelines.settings``; ``newsclean.spiders.defaults``, which also joins the three).
Scrapy reads the names from its settings, the ``newsclean`` command from its options; the
library's functions take them as keyword arguments. The docs' settings reference is generated
from the tables, so a setting is documented where it is defined.
"""

from __future__ import annotations

from typing import Any, NamedTuple

__all__ = ["DEFAULTS", "SETTINGS", "Setting"]

class Setting(NamedTuple):
    """One setting: its name, its default and what it does (Markdown, shown in the docs)."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "NEWSCLEAN_CLEANERS",
        {},
        "cleaner name -> order, merged over the built-in orders (50-600); `None` turns a cleaner off; plugins "
        "not named run at their class's `order` (default 900)",
    ),
    Setting(
        "NEWSCLEAN_MAIN_CONTENT",
        "scorer",
        "how spiders find an HTML page's main content when no site profile names its body: `scorer` "
        "(newsclean's own), `readability` (readability-lxml) or `selected` (the scorer, cross-checked "
        "against readability-lxml's candidate by a learned selector when unsure); "
        "`newsclean clean --main-content` is the same choice",
    ),
    Setting(
        "NEWSCLEAN_MARKDOWN",
        False,
        "records also carry `articleBodyMarkdown` (the kept blocks as CommonMark)",
    ),
    Setting(
        "NEWSCLEAN_DEFAULT_TIMEZONE",
        None,
        "IANA zone applied to dates printed without an offset when the site profile names none; `None` leaves "
        "them without an offset",
    ),
    Setting(
        "NEWSCLEAN_TRACKING_PARAMETERS",
        [],
        "query parameters removed from canonical URLs on top of the built-in list; a trailing `*` makes a "
        "prefix (`partner_*`)",
    ),
    Setting(
        "NEWSCLEAN_MIN_WORDS",
        25,
        "fewest words a valid body has",
    ),
    Setting(
        "NEWSCLEAN_MAX_WORDS",
        50000,
        "most words a valid body has (more means the page's text was not isolated)",
    ),
    Setting(
        "NEWSCLEAN_MAX_RECORD_BYTES",
        5000000,
        "a record larger than this as JSON is quarantined (`record_too_large`) without its body, HTML and "
        "provenance; `0` turns the check off",
    ),
    Setting(
        "NEWSCLEAN_MAX_PAGE_BYTES",
        20971520,
        "`clean_html`, `clean_text` and `clean` (and so `newsclean clean`) refuse a page larger than this "
        "(20 MiB; bytes, or characters of a `str`) with `InputError` instead of spending memory and time on "
        "it (their `max_bytes` argument); `0`: no bound. Crawled pages are bounded by Scrapy's "
        "`DOWNLOAD_MAXSIZE`",
    ),
    Setting(
        "NEWSCLEAN_SITE_MEMORY_MIN_PAGES",
        3,
        "distinct pages of a site a block must be seen on before the `site-memory` cleaner removes it (at least 2)",
    ),
)
"""The settings the library reads."""

DEFAULTS: dict[str, Any] = {setting.name: setting.default for setting in SETTINGS}
"""Setting name -> default value."""
