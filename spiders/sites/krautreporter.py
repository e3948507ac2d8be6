"""Krautreporter (krautreporter.de): German member-funded reportage.

Articles have "Lesen"/"Hören" tabs; the audio player sits in the "Hören" tab, outside the
text (div.article-markdown), so the body selector alone keeps it out.
"""

from newsclean.cleaners.site import SiteProfile

PROFILE = SiteProfile(
    name="krautreporter",
    domains=("krautreporter.de",),
    timezone="Europe/Berlin",
    language="de",
    extra={"home": "https://krautreporter.de/"},
    article_url=r"^https?://(?:www\.)?krautreporter\.de/[a-z-]+/\d+-[\w-]+/?$",
    headline="header.article-headers-standard h1",
    authors="a.article-headers-shared-author__name",
    body="div.article-markdown",
    boilerplate=(
        # Credits and editor's notes: an all-italic paragraph after a rule ("Übersetzung: ...,
        # Redaktion: ..., Schlussredaktion: ..., Audioversion: ..."). Rules also split sections,
        # so the paragraphs that follow a rule are not all credits.
        "div.article-markdown > hr + p > em:only-child",
    ),
)
