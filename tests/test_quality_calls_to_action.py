"""Calls to action inside an article (found by the wcxb-dev leak benchmark): what goes, what stays."""

from __future__ import annotations

import pytest
from newsclean.cleaners import Block, Document
from newsclean.cleaners.prompts import Prompts


def _removed(*texts: str) -> list[str]:
    doc = Document([Block(t) for t in texts])
    return [doc.blocks[d.position].text for d in Prompts()(doc)]


@pytest.mark.parametrize(
    "text",
    [
        "Join Our Genius Newsletter",
        "Subscribe to get the latest posts sent to your email.",
        "Receive agency growth tips, delivered to your inbox",
        "Start free trial",
        "Book a demo",
        "Boost Conversions with ML – Get a Free Consultation",
        "©2025 iEntry, Inc. All rights reserved. Privacy Policy | Legal | Contact Us |",
        "Written by Cassidy Horton",
        "11 min read",
        "DISCLOSURE: If you buy through affiliate links, I may earn a small commission.",
        "Join our mailing list! Get a newsletter when an episode is published.",
        "Join the Conversation",
        "Be the first to comment",
        "Article Continues Below",
        "Keep reading",
        "Sign in",
        "Thank you! Please check your inbox now for your welcome email.",
        "This story is funded by readers like you",
        "Follow us",
        "What do you think?",
        "Sign up for free to join this conversation on GitHub. Already have an account? Sign in to comment",
        "Playful Void is a production of Idle Cartulary. If you liked this article, please consider "
        "supporting us.",
        "Note: The views expressed on Mises.org are not necessarily those of the Mises Institute.",
        "We may earn commission from links on this page, but we only recommend products we back. "
        "Why trust us?",
        "Products are chosen independently by our editors. Purchases made through our links may "
        "earn us a commission.",
    ],
)
def test_calls_to_action_go(text: str) -> None:
    assert _removed(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The newsletter, founded in 1998, has 40,000 readers, its editor said.",
        "Readers told us the trial was free of charge.",
        "The commission will publish its findings in May.",
        "Register early: places on the course are limited, the organisers said.",
        "Keep reading glasses away from heat, the optician advised.",
        "Follow us into the archive, where the letters from 1916 are kept in acid-free boxes.",
        "What do you think the court will decide, she asked the minister, who did not reply.",
        "The European Commission said the affiliate of the bank had broken no rules in 2023, "
        "according to a statement released after the hearing.",
        "She wrote the book in 11 minutes, she joked.",
        "Copyright law has not kept pace with AI, the judge wrote in a long opinion on Tuesday "
        "that runs to forty pages and cites dozens of earlier cases.",
    ],
)
def test_article_sentences_stay(text: str) -> None:
    assert _removed(text) == []
