"""rt.com (RT): English-language news; prints its article times in GMT."""

from newsclean.cleaners.site import SiteProfile

PROFILE = SiteProfile(
    name="rt",
    domains=("rt.com",),
    timezone="UTC",
    language="en",
    feeds=("https://www.rt.com/rss/",),
    sitemaps=("https://www.rt.com/sitemap.xml",),
    article_url=r"^https?://(?:www\.)?rt\.com/[a-z-]+/\d+-[\w-]+/?$",
    headline="h1.article__heading",
    standfirst="div.article__summary",
    date="span.date_article-header",
    body="div.article__text",
    boilerplate=(
        ".read-more",  # "Read more" teaser of another article, inside the text
        ".read-more-big",  # "Also on rt.com" teaser (2019 markup)
        ".follows-channel",  # "Follow RT on Telegram"
        ".podcast-player",  # "Podcasts" widget with 0:00 / 25:36 time texts
    ),
)
