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


# Prose that repeats on purpose: each repeat below is part of the article and must stay.

CHORUS = (
    "So carry me down to the harbour wall<br>Where the lamps burn low and the gulls still call<br>"
    "Carry me down when the tide runs high<br>And sing me the song of the salt-grey sky"
)


def test_a_chorus_sung_between_verses_stays_each_time() -> None:
    verses = (
        "My father built boats on the river's side<br>With oak from the hill and tar from the tide",
        "The yard is a car park, the slipway is sold<br>But the river still runs where the keels were laid",
        "When my time comes round and the light goes thin<br>Let the boats that he built bring the evening in",
    )
    stanzas = "".join(f"<p>{verse}</p><p>{CHORUS}</p>" for verse in verses)
    html = _article(
        "<p>The song that closes the new album is the one the band has played at every show since 2019, "
        "a ballad about the boatyards that once lined the estuary. The full lyrics, printed in the "
        "album's sleeve, read:</p>"
        f"{stanzas}<p>The band recorded it live in one take at the old sail loft in Penwith.</p>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("So carry me down to the harbour wall") == 3
    assert body.count("Let the boats that he built") == 1


def test_a_quoted_refrain_repeated_by_the_crowd_stays() -> None:
    chant = "“Whose streets? Our streets!”"
    html = _article(
        f"<p>{PARA}</p><blockquote>{chant}</blockquote>"
        "<p>The marchers set off from the station square shortly after noon, led by a brass band and "
        "a banner that stretched across both lanes of Harbour Road.</p>"
        f"<blockquote>{chant}</blockquote>"
        "<p>By the time they reached the town hall, police estimated the crowd at four thousand, twice "
        "the number the organisers had registered for.</p>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("Whose streets? Our streets!") == 2


def test_the_same_question_under_each_section_of_a_guide_stays() -> None:
    sections = "".join(
        f"<h2>{name}</h2><p>{name} {PARA}</p><h3>Who is it for?</h3><p>{who}</p>"
        for name, who in (
            ("The harbour tram", "Commuters who work near the docks and want to skip the ring road at rush hour."),
            ("The night bus", "Shift workers and anyone leaving the city centre after the last tram at midnight."),
        )
    )
    body = clean_html(_article(f"{sections}<p>Both services take the same contactless cards.</p>")).articleBody or ""
    assert body.count("Who is it for?") == 2


def test_the_same_ingredient_in_two_lists_of_a_recipe_stays() -> None:
    html = _article(
        "<p>This tart comes in two parts, a rich shortcrust base and a lemon filling, and both are made the "
        "day before you serve it so the pastry can rest and the curd can set overnight.</p>"
        "<h2>For the pastry</h2><ul><li>225 g plain flour</li><li>2 tablespoons unsalted butter, melted</li>"
        "<li>1 egg yolk</li><li>A pinch of fine sea salt</li></ul>"
        "<h2>For the filling</h2><ul><li>Zest and juice of four lemons</li><li>150 g caster sugar</li>"
        "<li>2 tablespoons unsalted butter, melted</li><li>3 large free-range eggs</li></ul>"
        "<p>Rub the butter into the flour until it looks like breadcrumbs, then bind it with the yolk and "
        "a spoonful of cold water, wrap it and chill it for an hour before rolling.</p>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("2 tablespoons unsalted butter, melted") == 2


def test_a_list_of_headlines_printed_twice_is_kept_once() -> None:
    items = "".join(
        f"<li>{h}</li>"
        for h in (
            "Ferry timetable changes from Monday",
            "Library extends its weekend hours",
            "New crossing planned near the school gates",
        )
    )
    html = _article(f"<p>{PARA}</p><ul>{items}</ul><p>1. {PARA}</p><p>2. {PARA}</p><ul>{items}</ul>")
    body = clean_html(html).articleBody or ""
    assert body.count("Library extends its weekend hours") == 1


# Markers: a short label printed in a box of its own between the article's paragraphs.

STORY = (
    "The council voted on Tuesday to extend the tram line by four stops.",
    "Work on the first of the new stops will begin in the spring, the council said.",
    "Residents of Harbour Road asked for a crossing beside the school, which was granted.",
    "The union said it would ask for two more drivers on each shift once the line opens.",
    "An Anzeige in the local paper announced the public hearing a month before the vote.",
)


def test_an_ad_slots_marker_between_paragraphs_goes_every_time() -> None:
    slot = '<div class="x9"><div class="y2"><span>Anzeige</span></div></div>'
    html = _article(slot.join(f"<p>{line}</p>" for line in STORY))
    body = clean_html(html).articleBody or ""
    assert "Anzeige\n" not in body and not body.startswith("Anzeige") and "\nAnzeige" not in body
    assert all(line in body for line in STORY)  # the sentence naming an "Anzeige" stays


def test_a_screen_readers_label_over_each_paragraph_goes_with_its_empty_copies() -> None:
    label = '<div class="v1">Article content</div>'
    sections = [f'<section class="g1">{label}<div class="i1"><p>{line}</p></div></section>' for line in STORY]
    empty = f'<section class="g1">{label}<div class="i1"></div></section>'
    body = clean_html(_article("".join([*sections[:-1], empty, empty, sections[-1]]))).articleBody or ""
    assert "Article content" not in body
    assert all(line in body for line in STORY)


def test_a_label_in_the_paragraphs_own_container_or_a_heading_stays() -> None:
    own = "".join(f"<p>Product spotlight</p><p>{line}</p>" for line in STORY)
    body = clean_html(_article(own)).articleBody or ""
    assert body.count("Product spotlight") == len(STORY)
    headed = "".join(f"<h3>Why we like it</h3><p>{line}</p>" for line in STORY)
    body = clean_html(_article(headed)).articleBody or ""
    assert body.count("Why we like it") == len(STORY)


def test_a_screen_readers_label_before_each_paragraph_and_section_heading_goes() -> None:
    # The label sits before every block: between two paragraphs only once, twice before a
    # section's heading, once before a player's remnant ("Back to video"). It goes every time.
    label = '<div class="v1">Article content</div>'
    parts = [
        f"<p>{STORY[0]}</p>",
        label,
        "<h2>The new stops</h2>",
        f"<p>{STORY[1]}</p>",
        label,
        "<h2>What residents asked for</h2>",
        f"<p>{STORY[2]}</p>",
        label,
        "<div>Back to video</div>",
        f"<p>{STORY[3]}</p>",
        label,
        f"<p>{STORY[4]}</p>",
    ]
    body = clean_html(_article("".join(parts))).articleBody or ""
    assert "Article content" not in body
    assert all(line in body for line in STORY)
    assert "The new stops" in body and "What residents asked for" in body


def test_a_label_over_a_heading_in_the_paragraphs_own_container_stays() -> None:
    # A section's kicker printed in the paragraphs' own container before each heading is the
    # article's (the path guard): it stays every time.
    own = "".join(f"<p>{line}</p><p>Editor's pick</p><h3>Section {n}</h3>" for n, line in enumerate(STORY))
    body = clean_html(_article(own)).articleBody or ""
    assert body.count("Editor's pick") == len(STORY)


def test_a_label_in_one_cell_tables_between_paragraphs_goes_and_a_table_of_figures_stays() -> None:
    # A page of 2000-2008 wraps each box in a one-cell table: the label's line is a paragraph
    # like a <div>'s, and goes as the same label in <div>s does. A table of two cells is data.
    label = "<table><tr><td>Article content</td></tr></table>"
    body = clean_html(_article(label.join(f"<p>{line}</p>" for line in STORY))).articleBody or ""
    assert "Article content" not in body
    assert all(line in body for line in STORY)
    figures = "<table><tr><td>Stops</td><td>4</td></tr></table>"
    body = clean_html(_article(figures.join(f"<p>{line}</p>" for line in STORY))).articleBody or ""
    assert body.count("Stops") == len(STORY) - 1
