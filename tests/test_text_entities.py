"""A text dump that kept HTML's character references (a CMS's export, a feed's description)
reads as the characters they stand for; ampersands of the text's own stay."""

from __future__ import annotations

from newsclean.cleaners import clean_text
from newsclean.cleaners.text import unescaped

from .conftest import assert_gone, assert_once

DUMP = """\
Tom &amp; Jerry return to the cinema this summer&nbsp;&ndash; the studio said on Friday that \
the film opens in July after three years of work.
The studio&#8217;s chief said the &quot;classic&quot; pair would be drawn by hand, as in the \
shorts of the 1940s &#x2014; every frame of them.
AT&T, the Q&A after the screening and R&D's budget &c. are the text's own ampersands.
"""


def test_character_references_read_as_their_characters() -> None:
    body = clean_text(DUMP).articleBody or ""
    assert_once(
        body,
        "Tom & Jerry return to the cinema this summer – the studio said",
        "The studio’s chief said the \"classic\" pair would be drawn by hand",
        "the shorts of the 1940s — every frame of them.",
        "AT&T, the Q&A after the screening and R&D's budget &c. are the text's own ampersands.",
    )
    assert_gone(body, "&amp;", "&nbsp;", "&#8217;", "&quot;", "&#x2014;", "\xa0")


def test_only_closed_references_are_read() -> None:
    assert unescaped("&amp; &amp &ampx; &#38; &#x26; &bogus; & ;") == "& &amp &ampx; & & &bogus; & ;"
    assert unescaped("&#1114112; &#xD800;") == "\ufffd \ufffd"  # (no such character: a replacement)
    assert unescaped("a &lt;p&gt; tag") == "a <p> tag"  # (escaped markup is the text's)
