"""Media players: time codes, control texts and player labels go; sentences with times stay."""

from newsclean.cleaners import Block, Document
from newsclean.cleaners.media_players import MediaPlayers, player_residue


def removed(doc: Document) -> list[str]:
    return [doc.blocks[d.position].text for d in MediaPlayers()(doc)]


def text_doc(*lines: str) -> Document:
    return Document([Block(line) for line in lines])


def test_seed_podcast_widget_goes() -> None:
    doc = text_doc("The last paragraph of the story.", "Podcasts", "0:00", "25:36", "0:00", "26:25")
    assert removed(doc) == ["Podcasts", "0:00", "25:36", "0:00", "26:25"]


def test_video_js_control_text_goes() -> None:
    doc = text_doc(
        "Current Time 0:00 / Duration 3:15",
        "Loaded: 0%",
        "Remaining Time -3:15",
        "1x",
        "Playback Rate",
        "The reporter filed the story at 10:30.",
    )
    assert removed(doc) == [
        "Current Time 0:00 / Duration 3:15",
        "Loaded: 0%",
        "Remaining Time -3:15",
        "1x",
        "Playback Rate",
    ]


def test_listen_prompts_go() -> None:
    doc = text_doc("Listen to this article", "Your browser does not support the audio element.")
    assert removed(doc) == ["Listen to this article", "Your browser does not support the audio element."]


def test_text_inside_a_player_element_goes() -> None:
    doc = Document(
        [
            Block("Episode 12: The week in review", tag="span", path="body/div.audio-player/span.title"),
            Block("The minister spoke for 25 minutes.", tag="p", path="body/div.article/p"),
        ]
    )
    assert removed(doc) == ["Episode 12: The week in review"]


def test_sentences_mentioning_times_stay() -> None:
    doc = text_doc(
        "The match ended 0:00 after extra time, a first for the league.",
        "Kick-off is at 19:45 local time.",
        "Podcasts are growing fast, the report says.",
        "Audio",
    )
    assert removed(doc) == []


def test_a_lone_label_without_a_player_stays() -> None:
    assert removed(text_doc("Podcasts", "A short real paragraph.")) == []


def test_whole_player_element_goes_but_a_page_wrapper_named_player_keeps_its_article() -> None:
    player = "body/div#v1.video-js"
    article = "body/div.player-page-layout/div.story"
    doc = Document(
        [
            Block("Play Video", tag="p", path=f"{player}/p.vjs-big-play-button"),
            Block("Font Size 50% 75% 100% 125%", tag="p", path=f"{player}/div.vjs-font/p"),
            *[
                Block(
                    f"Paragraph {n}: the council voted on the budget after a long and heated debate.",
                    path=f"{article}/p",
                )
                for n in range(20)
            ],
        ]
    )
    assert removed(doc) == ["Play Video", "Font Size 50% 75% 100% 125%"]


def test_times_and_figures_in_tables_stay() -> None:
    doc = text_doc(
        "1", "Eliud Kipchoge", "2:01:09", "2", "Kenenisa Bekele", "2:01:41", "Share of votes", "38%", "49.98%"
    )
    assert removed(doc) == []


def test_a_video_players_notice_goes_and_a_sentence_about_video_stays() -> None:
    doc = text_doc(
        "The mayor spoke for ten minutes.",
        "To view this video please enable JavaScript, and consider upgrading to a web browser that supports "
        "HTML5 video",
        "We apologize, but this video has failed to load.",
        "The video of the meeting failed to load for many residents, the council said.",
    )
    assert removed(doc) == [doc.blocks[1].text, doc.blocks[2].text]


PROSE = "The candidates will debate in one week in what will be their first meeting on a stage."


def test_a_slideshows_slides_go_and_counts_in_the_text_stay() -> None:
    # A photo slideshow above the text, its names meaningless: the counters ("2 of 5" ...) tell
    # it, and each slide's separator and caption inside its box go with them; the article's
    # paragraphs outside the box stay.
    box = "body/main/div.g1/div.g2"
    slides = [Block("The first photo's caption, a crowd at the rally.", tag="p", path=f"{box}/span.c/p")]
    for k in range(2, 6):
        slides += [
            Block(f"{k} of 5", tag="span", path=f"{box}/span.k"),
            Block("|", tag="span", path=f"{box}/span.k/span.s"),
            Block(f"Photo {k}'s caption, the candidate waves to supporters.", tag="p", path=f"{box}/span.c/p"),
        ]
    article = [Block(PROSE, tag="p", path="body/main/div.t1/p") for _ in range(2)]
    doc = Document([Block("Election day nears", tag="h2", path="body/main/div.g1/h2"), *slides, *article])
    doc = Document(doc.blocks, source_format="html")
    gone = removed(doc)
    assert gone == [b.text for b in slides]
    # A rating printed the same on each row, a score counting up in steps, and two counters
    # alone are no slideshow.
    rows = [Block(t, tag="td", path="body/main/table/tr/td") for t in ("5/5", "5/5", "5/5", "5 / 10", "10 / 10")]
    pair = [Block(t, tag="span", path="body/main/div.x/span") for t in ("1 of 3", "2 of 3")]
    assert removed(Document([*rows, *pair, *article], source_format="html")) == []


def test_a_counter_written_with_its_separator_tells_a_slideshow() -> None:
    # The counter and the separator before the caption in one line ("4 of 12 |"), as a page
    # written without a box for each prints them: the slides go all the same.
    box = "body/table.g1/tr/td"
    slides: list[Block] = []
    for k in range(1, 13):
        slides += [
            Block(f"{k} of 12 |", tag="td", path=box),
            Block(f"Photo {k}'s caption, the candidate waves to supporters.", tag="font", path=f"{box}/span.c/font"),
        ]
    article = [Block(PROSE, tag="p", path="body/table.t1/tr/td/p") for _ in range(2)]
    gone = removed(Document([*slides, *article], source_format="html"))
    assert gone == [b.text for b in slides]


def test_the_first_separator_is_found_where_the_separator_pattern_finds_it() -> None:
    # ``_controls`` looks for where the first part of a block ends by a pattern with the same
    # match starts as the separator's (white space runs before a slash, a comma or a line
    # break; two white spaces; a colon before white space), not by the separator itself.
    import random

    from newsclean.cleaners.media_players import _CONTROL_SEPARATOR, _SEPARATOR_START

    rnd = random.Random(7)
    texts = ["".join(rnd.choice(" \t\n\u00a0/|,:ab") for _ in range(rnd.randint(0, 14))) for _ in range(20000)]
    texts += ["Current Time 0:00 / Duration 3:15", "Play  Mute", "Loaded: 0%", "a \n b", "a\t|b", "a:b"]
    for text in texts:
        old, new = _CONTROL_SEPARATOR.search(text), _SEPARATOR_START.search(text)
        assert (old and old.start()) == (new and new.start()), repr(text)


def residue(*lines: str) -> list[str]:
    return [lines[i] for i in sorted(player_residue(list(lines)))]


def test_a_dumps_audio_card_and_broken_video_notice_are_a_players() -> None:
    # A broadcaster's audio card: its play button, the clip's length, how long it stays online,
    # the next clip's time and card; video.js's notice broken over lines (its first line the
    # media player cleaner takes) and what follows the video; a player's button in German.
    card = ["Audio starten, abbrechen mit Escape", "Rente mit 60", "00:21 Min..", "Verfügbar bis 22.04.2026."]
    lines = [*card, "Einsatz im Tagesdienst", "45:47", "Löschen, Retten, Rente: Ruhestand mit 60? | audio"]
    assert residue(*lines) == [card[0], card[2], card[3], lines[-2], lines[-1]]
    assert residue("The text.", "browser that", "supports HTML5", "video", "Up Next", "More text.") == [
        "browser that", "supports HTML5", "video", "Up Next"
    ]  # fmt: skip
    assert residue("Nachrichtenagentur", "16:30", "Anhören", "Teilen", "Der Text.") == ["16:30", "Anhören", "Teilen"]
    assert residue("Play Video", "(2:34 min)", "Video 2:30") == ["Play Video", "(2:34 min)", "Video 2:30"]
    assert residue("00:00:49", "Firefighters search the block after the fire – video") == [
        "00:00:49", "Firefighters search the block after the fire – video"
    ]  # fmt: skip


def test_a_live_blogs_times_and_lone_labels_and_words_of_a_notice_in_prose_stay() -> None:
    # A time in a live blog, beside its entry, and a lone "Teilen" or "Up Next": no player beside
    # them. A sentence naming a browser and video, and a line of the notice's words that does
    # not end it, are the article's.
    assert residue("16:30", "Der Bürgermeister trat vor die Presse.", "16:45", "Teilen", "Up Next") == []
    assert residue("Kick-off at 19:45 min after the hour.", "15:17 Uhr", "Verfügbar bis Ende Mai.") == []
    assert residue("The browser that supports HTML5 video is Firefox, he said.", "browser that", "supports") == []
