"""newsclean's cleaner library: HTML or plain text in, one clean article record out.

Usable without Scrapy::

    from newsclean.cleaners import clean_text, clean_html

    article = clean_text(dump, url="https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/")
    article.headline, article.articleBody, article.cleaning  # provenance of every removal

Public API:

- :func:`clean`, :func:`clean_html`, :func:`clean_text`: input -> :class:`Article`.
- :class:`Article` and its parts, :func:`json_schema`: the record and its JSON Schema.
- :class:`Document`, :class:`Block`, :class:`BlockKind`: what cleaners read.
- :class:`Cleaner`, :class:`Decision`, :class:`CleanerChain`, :func:`register`,
  :func:`available_cleaners`: writing and configuring cleaners (plugins use the entry-point
  group ``newsclean.cleaners``).
- :class:`SiteProfile`, :func:`profile_for_url`, :func:`register_site`: declarative per-site
  knowledge, found from a URL (plugins use the entry-point group ``newsclean.sites``).
- :class:`InputError` (and its subclass :class:`DecodeError`): the only exception the
  ``clean*`` functions raise for bad input (binary bytes, a malformed ``url`` argument).
"""

from newsclean.cleaners.api import clean, clean_document, clean_html, clean_text, looks_like_html
from newsclean.cleaners.chain import (
    Action,
    Cleaner,
    CleanerChain,
    Decision,
    available_cleaners,
    register,
)
from newsclean.cleaners.decoding import DecodeError
from newsclean.cleaners.document import Block, BlockKind, Document
from newsclean.cleaners.errors import InputError
from newsclean.cleaners.record import (
    Article,
    Author,
    Breadcrumb,
    CleaningStep,
    Image,
    LiveBlogUpdate,
    json_schema,
)
from newsclean.cleaners.site import SiteProfile, profile_for_url, register_site

__all__ = [
    "Action",
    "Article",
    "Author",
    "Block",
    "BlockKind",
    "Breadcrumb",
    "Cleaner",
    "CleanerChain",
    "CleaningStep",
    "Decision",
    "DecodeError",
    "Document",
    "Image",
    "InputError",
    "LiveBlogUpdate",
    "SiteProfile",
    "available_cleaners",
    "clean",
    "clean_document",
    "clean_html",
    "clean_text",
    "json_schema",
    "looks_like_html",
    "profile_for_url",
    "register",
    "register_site",
]
