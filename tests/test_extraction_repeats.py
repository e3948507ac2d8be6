"""Paragraphs printed twice in an HTML article: a call to action placed twice goes once."""

from newsclean.cleaners import clean_html

PARA = (
    "The council voted on Tuesday to extend the tram line by four stops, a decision that "
    "followed two years of consultation with residents, shop owners and the transport union."
)
CTA = "Want more from City News? Sign up for our newsletter, The Daily Stop, and travel smarter every morning."
PULL = "“We listened to every single objection before we drew the route,” the mayor said at the meeting."


def _article(inner: str) -> str:
    return f"<html><body><main><article><h1>Tram line extended</h1>{inner}</article></main></body></html>"


def test_a_call_to_action_placed_twice_is_kept_once() -> None:
    html = _article(f"<p>{PARA}</p><p>{CTA}</p><p>1. {PARA}</p><p>2. {PARA}</p><p>{CTA}</p><p>3. {PARA}</p>")
    body = clean_html(html).articleBody or ""
    assert body.count("Sign up for our newsletter") == 1
    assert body.count("The council voted") == 4


def test_a_pull_quote_repeating_the_text_stays() -> None:
    html = _article(f"<p>{PARA}</p><p>{PULL}</p><p>1. {PARA}</p><p>2. {PARA}</p><p>{PULL}</p><p>3. {PARA}</p>")
    body = clean_html(html).articleBody or ""
    assert body.count("We listened to every single objection") == 2


def test_a_label_over_each_item_of_a_roundup_stays() -> None:
    items = "".join(
        f"<h2>{name}</h2><p>{name} {PARA}</p><h3>What We Don't Like</h3><p>The {name} lid is loose.</p>"
        for name in ("Fellow Stagg", "Bonavita", "Cosori")
    )
    body = clean_html(_article(f"{items}<p>In short, {PARA}</p>")).articleBody or ""
    assert body.count("What We Don't Like") == 3


def test_a_caption_printed_twice_is_kept_once() -> None:
    caption = "The new tram stop at Harbour Road, seen from the bridge"
    html = _article(f"<p>{PARA}</p><p>{caption}</p><p>1. {PARA}</p><p>{caption}</p><p>2. {PARA}</p>")
    body = clean_html(html).articleBody or ""
    assert body.count("seen from the bridge") == 1
