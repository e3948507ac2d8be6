"""Freie Presse (freiepresse.de): regional daily from Chemnitz, Saxony."""

from newsclean.cleaners.site import SiteProfile

PROFILE = SiteProfile(
    name="freiepresse",
    domains=("freiepresse.de",),
    timezone="Europe/Berlin",
    language="de",
    article_url=r"^https?://(?:www\.)?freiepresse\.de/.+-artikel\d+/?$",
    body="#artikel-content",
    boilerplate=(
        "span.article__location",  # dateline ("Berlin.") before the first paragraph
        "div.firstSection > span:first-child",  # the same dateline in the 2024 markup
        ".article__inline-images",  # image captions with "Bild: ..." credits
        ".appHint",  # "Sie lesen gerade auf die zweitbeste Art! ... Freie Presse App"
        "#appBottomRgt",
        ".rgt-wrapper",
        ".article__rgt-wrapper",
    ),
)
