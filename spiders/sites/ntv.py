"""n-tv (n-tv.de): German news channel's site; newer articles open with an "Artikel anhören" player."""

from newsclean.cleaners.site import SiteProfile

PROFILE = SiteProfile(
    name="ntv",
    domains=("n-tv.de",),
    timezone="Europe/Berlin",
    language="de",
    article_url=r"^https?://(?:www\.)?n-tv\.de/.+(?:-article\d+\.html|-id\d+\.html)$",
    # The <h1> and JSON-LD headline carry a kicker ("Neue Leipziger Schule: ..."); og:title
    # is the headline alone.
    headline='meta[property="og:title"]',
    authors=".article__author",
    # div.article__text: markup until 2024; div.wrapper-article: the 2025 markup, whose
    # class names carry build hashes, hence the [class*=...] selectors below.
    body="div.article__text, div.wrapper-article",
    boilerplate=(
        ".article__aside",  # images, galleries, "Mehr zum Thema" boxes inside the text
        "[class*='article-detail-head_']",  # kicker, headline, date and the audio player
        "figure",
        "[class*='social-share_']",
        "section[class*='widget-teaser']",  # video teasers ("01:43 min ...")
        "[class*='Ada_wrapper']",  # ad slots
        "[class*='article-detail-footer_']",  # topic tags
        "p[class*='Typography_text-s__']",  # "Quelle: ntv.de, ino/dpa"
    ),
)
