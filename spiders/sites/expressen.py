"""Expressen (expressen.se): Swedish tabloid; articles carry a "Lyssna på artikel" audio player."""

from newsclean.cleaners.site import SiteProfile

PROFILE = SiteProfile(
    name="expressen",
    domains=("expressen.se",),
    timezone="Europe/Stockholm",
    language="sv",
    article_url=r"^https?://(?:www\.)?expressen\.se/(?:[a-z0-9-]+/)+[a-z0-9]+(?:-[a-z0-9]+){2,}/?$",
    headline="header.article__header h1",
    # The preamble (bulleted lead) and the text are sibling blocks; the audio player sits
    # between them in div.article__panel, outside both.
    body="div.article__preamble, div.article__body-text",
    boilerplate=("figure",),  # images with "Foto: ..." and "Öppna bild i helskärm", videos
)
