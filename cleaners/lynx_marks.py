"""What ``lynx -dump`` prints where a page has no text: a picture without words (its file's name in
brackets) and a frame (its address). :func:`~newsclean.cleaners.text.from_lynx` drops the names
inside a line; the page chrome cleaner drops a line that is only such a mark once the article's run
is chosen (:func:`~newsclean.cleaners.prompts.embed_residue`)."""

from __future__ import annotations

import re

__all__ = ["frame_line", "picture_name"]

PICTURE_FILE = re.compile(r"\A[^/]*\.(?:gif|jpe?g|png|svg|webp|ico|bmp)(?:[?#&].*)?\Z", re.IGNORECASE)
"""A picture's file: its name, maybe with the query of the address it came from."""

ADDRESS_QUERY = re.compile(r"\?[^?=\s]*=|&[\w.-]+=|;base64,")
"""A file's name that is an address's last part with its query ("tr?id=1416&ev=PageView",
"imagesizer?file=a.jpg&width=60") or a picture written into the page ("png;base64,iVBOR...")."""

_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]{1,20}:|/)\S*", re.IGNORECASE)

FRAME_PIECES = 4
"""Pieces at most of the address on a frame's line (:func:`frame_line`): a long one is wrapped."""


def frame_line(text: str) -> bool:
    """Whether ``text`` is what ``lynx -dump`` prints for a frame or an embedded one (a video
    player, a map, a like button) instead of its page: "IFRAME: https://www.youtube.com/embed/...",
    the address maybe wrapped into pieces, each with an address's marks (``/=&%?#``)."""
    label, _, address = text.strip().partition(" ")
    pieces = address.split()
    return (
        label in ("IFRAME:", "FRAME:")
        and 0 < len(pieces) <= FRAME_PIECES
        and _ADDRESS.fullmatch(pieces[0]) is not None
        and all(any(mark in piece for mark in "/=&%?#") for piece in pieces[1:])
    )


def picture_name(token: str) -> bool:
    """Whether ``token`` (what a ``lynx -dump`` prints in brackets) is the file's name lynx prints
    for a picture without words: a picture's file ("p00ntrfq.jpg", "sn-truckers.jpg&cmd=part(120x80)")
    or an address's last part with its query (:data:`ADDRESS_QUERY`: a tracking pixel's
    "tr?id=1416&ev=PageView"). A long name lynx wrapped is back on one line with a space where it
    broke ("p00ntrfq.jpg ", "imagesizer?file=a9EA7 .jpg&width=60")."""
    name = token.replace(" ", "")
    return bool(PICTURE_FILE.fullmatch(name) or ADDRESS_QUERY.search(name))
