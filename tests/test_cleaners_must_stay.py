"""Kind 9: the cleaners' patterns never delete real sentences.

Every pattern in ``cleaners/`` that judges a block by its words (prompts, timestamps, media
players, icon sprites) gets a sentence of ordinary news prose that uses the same words, which must
stay in the body, in HTML and in a text dump. A pattern that cannot tell a notice from such a
sentence is narrowed (it must start the block, speak to the reader, or stand alone) or goes.
``fixtures/extraction/kind-9-cleaner-patterns.html`` is a whole page with both: a theatre review
made of such sentences, and the notices around it, which still go.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from newsclean.cleaners import clean_html, clean_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "kind-9-cleaner-patterns.html"

ARTICLE = [
    "The harbour board voted on Tuesday to rebuild the north quay, ending a dispute that had kept the "
    "fishing fleet tied up at the old pier for most of the winter season.",
    "Work starts in March and should take eighteen months, the board's chair told reporters, adding "
    "that the cost would be shared with the county and two regional funds.",
    "Fishermen welcomed the decision but warned that the temporary berths offered during the works "
    "were too shallow for the larger trawlers that land most of the catch.",
    "The board will publish the final design in the spring, after a consultation with residents, the "
    "harbour master and the two fishing cooperatives that use the quay.",
]

MUST_STAY = [
    ("share-link-copied", "Link copied from the ministry's own website showed the figures had been revised twice."),
    ("follow-prefix", "Join him on a walk through the old town, where every house has a story to tell."),
    ("follow-prefix-2", "Follow them on their journey across the Sahara and the film becomes a study of patience."),
    ("teaser-more-on", "More on that later."),
    ("teaser-click-here", "Many readers click here to read the comments first, the survey found."),
    ("teaser-related", "Related costs, such as insurance and parking, rose faster than rents."),
    (
        "teaser-related-aside",
        "RELATED: The board's first plan did not fare well. Aside from the chair, most members voted "
        "against it in 2019, and the fleet stayed at the old pier.",
    ),
    ("teaser-trends", "Trends in the data were clear: fewer births, later marriages and smaller homes."),
    (
        "newsletter-inbox",
        "In her weekly newsletter, the senator urged voters to subscribe to a local paper "
        "and sign up for council alerts.",
    ),
    (
        "newsletter-journalism",
        "Fund quality journalism through a licence levy, the commission recommends in its final report.",
    ),
    ("newsletter-cookies", "We use cookies from the bakery next door for every meeting, the chair joked."),
    ("newsletter-tags", "Tags: the word was scrawled on every wall of the estate, residents said."),
    ("newsletter-member", "Become a member of the club and you pay less for the pitch, the treasurer explained."),
    ("cta-get-posts", "Get ready: the council posts its budget on Friday."),
    ("cta-unsubscribe", "Millions chose to unsubscribe after the price rise."),
    ("cta-free-trial", "The app offers a free trial for 30 days, regulators said."),
    ("cta-book", "Patients can book a consultation online from Monday."),
    ("cta-copyright", "The copyright dispute went to court in May."),
    ("cta-written-by", "Written by a former nurse, the memoir became a bestseller."),
    ("cta-affiliate", "Regulators fined the blogger over hidden affiliate links."),
    ("cta-commission", "Agents earn a commission on each sale, the report found."),
    ("cta-disclosure", "Disclosure of the files was ordered by the judge."),
    ("cta-advertisement", "Advertisement spending rose five percent last year."),
    ("ad-label-other-language", "Anzeige: so heißt in Deutschland jede bezahlte Seite in der Zeitung."),
    ("cta-print", "Print editions sold out by noon, the publisher said."),
    ("share-bookmark", "Bookmark to the left of the door, the guide said, is the old harbour map."),
    ("cta-join-conversation", "Join the conversation about housing at the town hall on Monday evening."),
    ("cta-inbox", "Check your inbox for a letter from the tax office, officials warned."),
    ("cta-funded", "The site, funded by readers, broke the story in March."),
    ("cta-contact", "Contact us, the police urged witnesses, if you saw the van that night."),
    ("cta-start-free", "Most users start free and pay later, the company says."),
    ("disclosure-commission", "Estate agents typically receive a commission of 1.5% on each sale, the survey found."),
    ("disclosure-compensated", "Victims may be compensated under the new scheme, the minister said on Tuesday."),
    ("disclosure-affiliate", "The retailer's affiliate programs paid bloggers two million dollars last year."),
    (
        "notice-production",
        "The new Hamlet is a production of the Royal Shakespeare Company, and it is the best in years.",
    ),
    ("notice-liked", "If you liked this article's premise, please read the novel it draws on."),
    ("notice-views", "The views expressed by residents at the meeting were not necessarily shared by the council."),
    ("notice-sign-in", "Users must now sign in to comment, the company said."),
    ("notice-sign-in-2", "You need to sign in to comment now, the forum's owner told its users in May."),
    ("form-final-step", "As a final step before posting your comment on the plan, read it twice, the mayor urged."),
    ("form-no-comments", "No comments yet from the minister, whose office said a statement would follow."),
    (
        "footer-comment-feed",
        "You can follow this conversation by subscribing to the comment feed for this post, she wrote.",
    ),
    ("notice-take-a-moment", "Doctors asked patients to please take a moment to leave feedback after each visit."),
    (
        "notice-account",
        "Already have an account? That question opens every sign-up page, and it is a trap, the researchers argue.",
    ),
    ("timestamps-date", "The vote passed on 5 March 2024."),
    ("timestamps-updated", "Updated rules take effect on 1 April 2025."),
    ("timestamps-today", "Today the quay is empty."),
    ("timestamps-ago", "Five years ago the quay was full."),
    ("players-live", "Live music returns to the quay on Saturday."),
    ("players-play", "Play resumed after a short delay."),
    ("players-audio", "Audio of the call was released on Monday."),
    ("players-listen", "Listen to the fishermen and you hear a different story."),
    (
        "icons-silicon",
        "Silicon carbide, silicon nitride and silicon photonics: the silicon industry's lexicon is iconic, "
        "and silicon firms from Silicon Valley to silicon fabs in Taiwan call silicon wafers the new silicon gold.",
    ),
]
"""(the pattern whose words the sentence uses, the sentence)."""


def _paragraphs(sentence: str) -> list[str]:
    return [*ARTICLE[:2], sentence, *ARTICLE[2:]]


@pytest.mark.parametrize(("pattern", "sentence"), MUST_STAY, ids=[p for p, _ in MUST_STAY])
def test_a_sentence_with_a_patterns_words_stays_in_html(pattern: str, sentence: str) -> None:
    page = "<html><body><article><h1>Quay to be rebuilt</h1>"
    page += "".join(f"<p>{p}</p>" for p in _paragraphs(sentence)) + "</article></body></html>"
    article = clean_html(page)
    assert sentence in (article.articleBody or ""), [s for s in article.cleaning if s.action != "left-out"]


@pytest.mark.parametrize(("pattern", "sentence"), MUST_STAY, ids=[p for p, _ in MUST_STAY])
def test_a_sentence_with_a_patterns_words_stays_in_a_text_dump(pattern: str, sentence: str) -> None:
    article = clean_text("\n".join(["Quay to be rebuilt", *_paragraphs(sentence)]))
    assert sentence in (article.articleBody or ""), article.cleaning


CREDIT_STAYS = [
    "Images from the probe showed ice on the crater floor.",
    "Courtesy of the family, the letters were published in 1990.",
    "Photographs from the 1950s show the quay full of boats.",
]
CREDIT_GOES = ["Photo: Shutterstock", "Image from Mary's April 2024 review.", "Photo by Ann Lee for The Times"]


def test_image_credit_lines_go_and_sentences_with_their_words_stay() -> None:
    paragraphs = [ARTICLE[0], *CREDIT_STAYS, ARTICLE[1], *CREDIT_GOES, *ARTICLE[2:]]
    page = (
        "<html><body><article><h1>Quay</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    )
    article = clean_html(page)
    for sentence in CREDIT_STAYS:
        assert sentence in (article.articleBody or ""), sentence
    credits = {s.text for s in article.cleaning if s.reason.endswith("an image's caption or credit")}
    assert credits == set(CREDIT_GOES)


REVIEW_STAYS = [
    "The new Hamlet is a production of the Royal Shakespeare Company",
    "If you liked this article's account of the 2019 production, please read on",
    "The views expressed by the cast in the programme notes are not necessarily shared",
    "Join him on a walk through Elsinore's corridors",
    "Written by a former nurse, the new adaptation",
    "The copyright dispute over the translation",
    "Become a member of the theatre's club, the box office explained",
    "Silicon carbide, silicon nitride and silicon photonics",
    "Hamlet runs at the Royal Exchange until 14 March.",
]
REVIEW_GOES = {
    "If you enjoyed this article, please share it with a friend.": "prompts",
    "The views expressed in this article are those of the author": "prompts",
    "Already have an account? Sign in to comment": None,
    "Sign up for our arts newsletter": None,
    "We use cookies to improve your experience": None,
}


def test_the_kind_9_page_keeps_the_review_and_drops_the_notices() -> None:
    article = clean_html(FIXTURE.read_bytes(), url="https://www.northbridge-gazette.example/arts/hamlet-review")
    body = article.articleBody or ""
    for sentence in REVIEW_STAYS:
        assert sentence in body, sentence
    for notice, cleaner in REVIEW_GOES.items():
        assert notice not in body, notice
        explained = [s for s in article.cleaning if notice[:40] in s.text or s.text.removesuffix(" …") in notice]
        assert explained, notice  # every removal is in the provenance
        if cleaner:
            assert any(s.cleaner == cleaner for s in explained), (notice, explained)


CLOSING = (
    "A second meeting is planned for June, when the county will say how much of the bill it can pay this year."
)

LEAD_STAYS = [
    ("byline-reviewed-by", "Reviewed by three judges, the plan was approved without changes."),
    ("byline-written-by", "Written by a former nurse, the memoir became a bestseller."),
    ("byline-posted-on", "Posted on the town hall door, the notice gave residents two weeks."),
    ("byline-published-by", "Published by a small press in Leeds, the book sold ten thousand copies."),
    ("byline-edited-by", "Edited by his widow, the diaries appear in print for the first time."),
    ("byline-fact-checked-by", "Fact-checked by the paper's staff, the claims held up."),
    ("byline-updated-on", "Updated on Monday, the flood map now covers the whole valley."),
    ("byline-reported-by", "Reported by a neighbour, the fire was out within an hour."),
    ("byline-on-behalf-of", "On behalf of the family, his son thanked the rescue crews."),
    ("byline-last-updated", "Last updated in 1990, the map sent the hikers the wrong way."),
    ("byline-by-name", "By Tuesday morning the water had receded from the quay."),
    ("byline-date-by", "June 8, 2012 - the day the quay closed - is still remembered."),
    ("byline-updated-date", "The rules, updated on March 5, 2024, apply to every boat."),
]
"""(the ``html.BYLINE`` alternative whose words the sentence opens with, the sentence): the
article's first paragraph, short, where bylines sit."""

END_STAYS = [
    ("end-about-the-author", "About the author of the plan, little is known."),
    ("end-related", "Related costs rose faster than rents."),
    ("end-read-more", "Read more books, the librarian urged."),
    ("end-sources", "Sources close to the board disagreed."),
    ("end-citations", "Citations for speeding doubled in May."),
    ("end-disclaimer", "Disclaimer notices went up on every pier."),
    ("end-disclosure", "Disclosure of the files was ordered."),
    ("end-written-by", "Written by hand, the letter reached the board."),
    ("end-editor", "The editor resigned in protest."),
    ("end-helpful", "Was this helpful? Not to the fishermen."),
    ("end-rate-this", "Rate it as you like, the chair said."),
    ("end-up-next", "Up next is the harbour wall."),
    ("end-keep-reading", "Keep reading the small print, he warned."),
    ("end-recommended", "Recommended reading for the board: the 1990 report."),
    ("end-more-from", "More news from the quay will follow."),
    ("end-comments", "Comments from residents were mixed."),
    ("end-tags", "Tags on every crate were checked."),
    ("end-share-this", "Share this view? Few fishermen do."),
    ("end-most-read", "Most read the report in a day."),
    ("end-leave-a-reply", "Leave a reply by Friday, the council asked."),
    ("end-popular", "Popular now, the quay was empty then."),
    ("end-filed-under", "Filed under protest, the appeal failed."),
    ("end-posted-in", "Posted in March, the notice was ignored."),
    ("end-join-the-discussion", "Join the discussion at the town hall."),
    ("end-like-this", "Like this, the quay could last a century."),
    ("end-categories", "Categories of boats were listed."),
]
"""(the end-matter pattern whose words the sentence opens with: ``html.END_MATTER``,
``page_chrome.END_OF_ARTICLE``, the line model's end-heading feature, ``prompts``, the
sentence): a short paragraph in the article's second half, where those headings sit."""


def _both(paragraphs: list[str]) -> tuple[str, str]:
    page = "<html><body><article><h1>Quay to be rebuilt</h1>"
    page += "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    html = clean_html(page).articleBody or ""
    text = clean_text("\n".join(["Quay to be rebuilt", *paragraphs])).articleBody or ""
    return html, text


@pytest.mark.parametrize(("pattern", "sentence"), LEAD_STAYS, ids=[p for p, _ in LEAD_STAYS])
def test_a_first_paragraph_with_a_bylines_words_stays(pattern: str, sentence: str) -> None:
    for body in _both([sentence, *ARTICLE]):
        assert sentence in body


@pytest.mark.parametrize(("pattern", "sentence"), END_STAYS, ids=[p for p, _ in END_STAYS])
def test_a_late_paragraph_with_an_end_headings_words_stays_with_what_follows(pattern: str, sentence: str) -> None:
    for body in _both([*ARTICLE, sentence, CLOSING]):
        assert sentence in body and CLOSING in body
    for body in _both([*ARTICLE, CLOSING, sentence]):
        assert sentence in body


END_HEADINGS_GO = ["Related posts", "About the author", "Read more", "Sources", "Disclaimer"]


@pytest.mark.parametrize("heading", END_HEADINGS_GO)
def test_the_end_headings_themselves_still_close_the_article(heading: str) -> None:
    teaser = "Ferry fares to rise in spring as the operator blames fuel costs and a shortage of crews"
    html, _ = _both([*ARTICLE, CLOSING, heading, teaser])
    assert CLOSING in html and teaser not in html, html
