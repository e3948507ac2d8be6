"""Media players: podcast, audio and video widgets and the time and control texts they leak."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from newsclean.cleaners.boxes import blocks_in_boxes
from newsclean.cleaners.caseless import Caseless
from newsclean.cleaners.chain import Decision
from newsclean.cleaners.document import Block, Document

__all__ = ["MediaPlayers", "player_residue"]

TIME_CODE = re.compile(r"^[-−]?\d{1,2}:\d{2}(?::\d{2})?$")
"""A bare playback time: "0:00", "25:36", "-1:02:03"."""

CONTROL_WORDS = re.compile(
    r"""^(?:
        current\ time|duration|remaining\ time|time|stream\ type|live|seek\ to\ live.*|
        play(?:ing)?|pause(?:d)?|mute|unmute|volume(?:\ level)?|full\s?screen|non-fullscreen|
        exit\ full\s?screen|picture-in-picture|loaded|progress|playback\ rate|playback\ speed|
        \d(?:\.\d+)?x|chapters|descriptions|captions|subtitles|captions\ off|subtitles\ settings|
        captions\ settings|descriptions\ off|audio\ track|quality|settings|replay|skip|
        skip\ (?:ahead|back)|rewind|forward|close\ modal\ dialog|beginning\ of\ dialog\ window.*|
        end\ of\ dialog\ window|this\ is\ a\ modal\ window\.?|share|embed|download|
        \d{1,3}(?:\.\d+)?\s?%|[-−]?\d{1,2}:\d{2}(?::\d{2})?|/|\|
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Words a player's controls print; a block made only of these (and times) is a player."""

STRONG_CONTROLS = re.compile(
    r"""^(?:current\ time|remaining\ time|playback\ (?:rate|speed)|stream\ type|seek\ to\ live.*|
        audio\ track|captions\ (?:off|settings)|subtitles\ (?:off|settings)|descriptions\ off|
        non-fullscreen|exit\ full\s?screen|picture-in-picture|unmute|
        beginning\ of\ dialog\ window.*|end\ of\ dialog\ window|close\ modal\ dialog|
        this\ is\ a\ modal\ window\.?|\d(?:\.\d+)?x)$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Control texts no article prints alone: enough to mark a block as a player without a time."""

PLAYER_LABEL = re.compile(
    r"^(?:podcasts?|audio|listen|listen\ now|listen\ to\ (?:this|the)\ (?:article|story|podcast|episode)"
    r"(?:\s*[:(]?\s*\d+\s*min(?:utes?|s)?\.?\)?)?|now\ playing|episode\ \d+|"
    r"your\ browser\ does\ not\ support\ the\ (?:audio|video)\ (?:element|tag)\.?|"
    r"video\ player\ is\ loading\.?|loading\ (?:video|audio|player)\.*|"
    r"audio\ (?:is\ )?(?:generated|read)\ by\ .{1,60}|"
    r"(?:play|listen\ to)\ (?:this\ )?(?:article|story|audio|podcast)|"
    r"this\ audio\ is\ auto-generated.*)$",
    re.IGNORECASE | re.VERBOSE,
)
"""Labels a player shows: "Podcasts", "Listen to this article", "Your browser does not support the audio element"."""

VIDEO_NOTICE = re.compile(
    r"""^(?:
        to\ view\ this\ video,?\ please\ enable\ javascript\b.*|
        please\ enable\ javascript\ to\ (?:view|watch|play)\ (?:this\ |the\ )?video\b.*|
        (?:sorry|we\ apologi[sz]e),?\ (?:but\ )?(?:this|the)\ video\ (?:has\ failed\ to\ load|failed\ to\ load|
            could\ not\ be\ loaded|is\ (?:not|no\ longer)\ available|cannot\ be\ played)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A video player's notice in place of the video: "To view this video please enable JavaScript,
and consider upgrading to a web browser that supports HTML5 video" (video.js's own words), "We
apologize, but this video has failed to load." A player's, whatever surrounds it."""

PLAYER_CLASS = re.compile(
    r"(?:^|[-_ .#/])(?:player|audio|podcast|video-?js|vjs|jw|jwplayer|media-?controls?|"
    r"playback|plyr|mejs|soundcloud|spotify|listen)(?:[-_ .#/]|$)",
    re.IGNORECASE,
)
"""Class or id words of player widgets in HTML."""

TIME_WINDOW = 2
"""A bare time counts as a player's only with another time, a label or controls this close."""

LABEL_WINDOW = 3
"""A player label is removed only when a player block lies within this many blocks."""

MAX_PLAYER_WORDS = 200
"""An element named like a player (``class="audio-player"``) is one only if it holds at most
this many words: more is a transcript, or a page wrapper that happens to carry such a name."""


SLIDE_COUNTER = re.compile(r"\[?(\d{1,3})\s*(?:of|/)\s*(\d{1,3})\]?(?:\s*[|·•])?", re.IGNORECASE)
"""A slideshow's counter printed on each slide: "2 of 12", "[3/5]", "4 of 12 |" (a separator
before the caption the page sets beside it)."""

SLIDE_COUNTER_CHARS = 11
"""A counter is at most this long ("12 of 12 |")."""

MIN_SLIDES = 3
"""A slideshow is told by at least this many counters in a row, one apart ("2 of 12", "3 of 12",
"4 of 12"), each in a box like the others: a rating's "5/5" repeated in a table, or a
score's "5 / 10" then "10 / 10", never counts up so."""

SLIDE_BLOCKS = 3
"""A slide is its counter and at most this many blocks after it inside the slideshow's box (a
separator, the caption, the credit): nothing past them goes, however the box is drawn."""


_CONTROL_WORDS, _STRONG_CONTROLS = Caseless(CONTROL_WORDS), Caseless(STRONG_CONTROLS)
_CONTROL_OPENING = Caseless(re.compile(CONTROL_WORDS.pattern.rstrip().removesuffix("$"), CONTROL_WORDS.flags))
""":data:`CONTROL_WORDS` without its end: whether a control word opens a text (a chunk of its
first words that the whole pattern matches is a beginning of those words that this one does)."""
_PLAYER_LABEL = Caseless(PLAYER_LABEL)
_VIDEO_NOTICE = Caseless(VIDEO_NOTICE)

_CONTROL_SEPARATOR = re.compile(r"\s*(?:/|\||,|\n)\s*|\s{2,}|:\s+")
_SEPARATOR_START = re.compile(r"[/|,\n]|\s\s|\s[/|,]|:\s")
"""Where :data:`_CONTROL_SEPARATOR`'s first match starts (the same positions can start a match
of either): the separator's optional white space in front had ``re`` try it at every character
of a prose paragraph (2.5x slower)."""


def _controls(text: str) -> list[str] | None:
    """The control tokens ``text`` consists of, or ``None`` if it holds anything else."""
    # Most blocks are prose: their first part already fails, so try it before splitting all.
    first = _SEPARATOR_START.search(text)
    head = (text[: first.start()] if first else text).strip(" :")
    if head and _control_tokens(head) is None:
        return None
    parts = [p.strip(" :") for p in _CONTROL_SEPARATOR.split(text)]
    tokens: list[str] = []
    for part in parts:
        if part:
            found = _control_tokens(part)
            if found is None:
                return None  # the first word that is no control settles it
            tokens.extend(found)
    return tokens or None


def _control_tokens(part: str) -> list[str] | None:
    if _CONTROL_WORDS.match(part):
        return [part]
    # "Current Time 0:00" / "Duration 3:15": label followed by a time.
    words = part.split()
    if words and not _CONTROL_OPENING.match(" ".join(words[:3])):
        return None  # (most parts: one look instead of the first word's three chunks below)
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            chunk = " ".join(words[i : i + n])
            if len(words) >= i + n and _CONTROL_WORDS.match(chunk):
                out.append(chunk)
                i += n
                break
        else:
            return None
    return out


def _is_controls_block(block: Block, controls: list[str] | None) -> bool:
    """Player controls: "Current Time 0:00 / Duration 3:15", "Loaded: 0%", "Playback Rate"
    (``controls``: the block's, as :func:`_controls` gives them)."""
    if not controls or not any(any(ch.isalpha() for ch in c) for c in controls):
        return False  # bare figures ("38%") are table cells as often as player readouts
    return any(ch.isdigit() for ch in block.text) or any(_STRONG_CONTROLS.match(c) for c in controls)


def _player_blocks(doc: Document, boxed: dict[int, str], found: list[list[str] | None]) -> list[bool]:
    times = [TIME_CODE.match(b.text.strip()) is not None for b in doc.blocks]
    controls = [_is_controls_block(b, found[i]) or i in boxed for i, b in enumerate(doc.blocks)]
    labels = [_PLAYER_LABEL.match(b.text.strip()) for b in doc.blocks]
    players = []
    for i in range(len(doc.blocks)):
        if controls[i]:
            players.append(True)
        elif times[i]:
            # A lone time is a table cell ("2:03:45" in race results); a player prints its
            # times together, or next to its label or controls.
            lo, hi = max(0, i - TIME_WINDOW), i + TIME_WINDOW + 1
            near = [j for j in range(lo, min(hi, len(doc.blocks))) if j != i]
            players.append(any(times[j] or controls[j] or labels[j] for j in near))
        else:
            players.append(False)
    return players


def _slideshow_blocks(blocks: list[Block]) -> set[int]:
    """The slides of a photo slideshow printed inline (:data:`MIN_SLIDES`): each counter with
    the blocks after it in the slideshow's box (:data:`SLIDE_BLOCKS`), and the slide before the
    first counter left (the first counter is furniture above the text, gone already)."""
    counters: list[tuple[int, int, int]] = []  # (position, slide, slides)
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if len(text) <= SLIDE_COUNTER_CHARS and block.path and (m := SLIDE_COUNTER.fullmatch(text)) is not None:
            counters.append((i, int(m.group(1)), int(m.group(2))))
    found: set[int] = set()
    run: list[tuple[int, int, int]] = []
    for counter in [*counters, (-1, -1, -1)]:
        last = run[-1] if run else None
        if (
            last is not None
            and counter[2] == last[2]
            and counter[1] == last[1] + 1
            and counter[0] - last[0] <= SLIDE_BLOCKS + 1
            and blocks[counter[0]].path == blocks[last[0]].path
        ):
            run.append(counter)
            continue
        if len(run) >= MIN_SLIDES and run[0][2] >= MIN_SLIDES:
            found.update(_slides(blocks, run))
        run = [counter]
    return found


def _slides(blocks: list[Block], run: list[tuple[int, int, int]]) -> set[int]:
    box = blocks[run[0][0]].path.rsplit("/", 1)[0] + "/"
    step = run[1][0] - run[0][0]  # a slide's blocks, its counter's included
    found: set[int] = set()
    for at, _, _ in run:
        found.add(at)
        for j in range(at + 1, min(at + step if at != run[-1][0] else at + SLIDE_BLOCKS + 1, len(blocks))):
            if not blocks[j].path.startswith(box):
                break
            found.add(j)
    for j in range(run[0][0] - 1, max(run[0][0] - step, -1), -1):
        if not blocks[j].path.startswith(box):
            break
        found.add(j)
    return found


class MediaPlayers:
    """Removes podcast, audio and video player widgets: time codes, controls and labels; and
    photo slideshows printed inline, told by their counters."""

    name = "media_players"
    order = 200

    def __call__(self, doc: Document) -> Iterator[Decision]:
        boxed = blocks_in_boxes(doc, PLAYER_CLASS, MAX_PLAYER_WORDS)
        found = [_controls(b.text.strip()) for b in doc.blocks]  # each block's, asked once
        players = _player_blocks(doc, boxed, found)
        slides = _slideshow_blocks(doc.blocks) if doc.source_format != "text" else set()
        for i, block in enumerate(doc.blocks):
            text = block.text.strip()
            if i in slides:
                yield Decision.remove(i, "a slide of a photo slideshow (its counter, caption and credit)")
            elif players[i]:
                if TIME_CODE.match(text):
                    yield Decision.remove(i, "a bare playback time from a media player")
                elif i in boxed:
                    yield Decision.remove(i, f"text inside a media player element ({boxed[i]})")
                else:
                    yield Decision.remove(i, "media player controls and times")
            elif _VIDEO_NOTICE.match(text):
                yield Decision.remove(i, "a video player's notice in place of the video")
            elif _PLAYER_LABEL.match(text) or found[i]:
                near = players[max(0, i - LABEL_WINDOW) : i + LABEL_WINDOW + 1]
                if any(near) or _standalone_label(text):
                    yield Decision.remove(i, "a media player's label or control next to its controls")


def _standalone_label(text: str) -> bool:
    """Labels that are a player's whatever surrounds them."""
    lowered = text.lower()
    return lowered.startswith(("listen to this", "your browser does not support", "this audio is")) or (
        lowered.startswith("audio ") and " by " in lowered
    )


# What a text dump keeps of a player: read inside the article's kept run of lines.
# (A pattern asked of lowered text holds ASCII letters only: "." stands for an accented one.)

PLAY_BUTTON = re.compile(
    r"""^(?:
        (?:play|watch|listen\ to)\ (?:the\ )?(?:video|audio|podcast|clip)|
        (?:audio|video|podcast|clip)\ (?:starten|abspielen|anh.ren|wiedergeben)\b.*|
        lire\ la\ vid.o|reproducir\ (?:el\ )?(?:v.deo|audio)|riproduci\ (?:il\ )?(?:video|audio)|
        (?:video|audio)\ afspelen
    )\s*[.!]?$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A player's play button in its own words, a player's whatever surrounds it: "Play Video",
"Audio starten, abbrechen mit Escape", "Video abspielen", "Lire la vidéo", "Reproducir vídeo"."""

CLIP_LENGTH = re.compile(
    r"""^(?:
        \(?\d{1,2}:\d{2}(?::\d{2})?\s*(?:min(?:s|\.|utes?|uten)?|minutes?)\.*\)?|
        (?:video|audio|podcast)\s*\W?\s*(?:\d{1,2}:\d{2}(?::\d{2})?){1,2}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A clip's running time alone on its line: "01:43 min", "00:21 Min..", "Video 2:30", "VIDEO4:42"
(a time with a unit of minutes or the clip's kind: a live blog's "16:30" or "15:17 Uhr" has
neither). A player's whatever surrounds it."""

OTHER_LABEL = re.compile(
    r"""^(?:
        anh.ren|vorlesen|(?:artikel|beitrag)\ (?:anh.ren|vorlesen(?:\ lassen)?)|.couter|
        .couter\ (?:cet\ |l')article|escuchar|escuchar\ (?:la\ )?noticia|ascolta|luister|beluister|
        lyssna|lytt|lyt|kuuntele|
        (?:more|weitere|mehr|plus\ de|m.s|altri|meer)\ (?:videos|vid.os|v.deos|video's)|
        link\ (?:des|zum)\ (?:videos?|audios?|podcasts?)|
        (?:video\ |audio\ )?verf.gbar\ bis\ .{1,40}|
        .{1,200}\s\W\s(?:audio|video|podcast)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A player's button in the other languages the headings here read ("Anhören", "Écouter",
"Escuchar"), a list of more clips ("More videos", "Weitere Videos"), a broadcaster's media
library's "Verfügbar bis 22.04.2026." (how long the clip stays online) and the card of another
clip labelled by its kind after a bar or a dash ("Rente mit 60? | audio", "... after deadly fire –
video"). Like :data:`PLAYER_LABEL`, one only beside a player (a clip's length, a play button, a
bare time), and a bare time beside one is a player's."""

PLAYER_NEIGHBOUR = re.compile(
    r"^(?:watch|up\ next|next\ video|autoplay|teilen|partager|compartir|condividi|delen|dela)$",
    re.IGNORECASE,
)
"""What a player prints around it, a share button in the other languages ("Teilen", "Partager")
and what plays next ("Up next", "Autoplay"): removed beside a player, but no sign of one (a live
blog's entry prints its time beside its share button)."""

VIDEO_NOTICE_WHOLE = (
    "to view this video please enable javascript, and consider upgrading to a web browser that supports html5 video"
)
"""video.js's notice in full, lowered (:data:`VIDEO_NOTICE`): a text dump may print it over
several lines ("... to a web", "browser that", "supports HTML5", "video"); the media player
cleaner takes the first, which alone reads as the notice."""

NOTICE_PIECE_WORDS = 4
"""A line continuing a broken video notice has at most this many words ..."""

NOTICE_TAIL_WORDS = 3
"""... and the lines that end it hold at least this many of its words together ("browser that
supports HTML5 video")."""

_PLAY_BUTTON, _CLIP_LENGTH, _OTHER_LABEL = Caseless(PLAY_BUTTON), Caseless(CLIP_LENGTH), Caseless(OTHER_LABEL)
_PLAYER_NEIGHBOUR = Caseless(PLAYER_NEIGHBOUR)


def player_residue(texts: Sequence[str]) -> dict[int, str]:
    """What a text dump keeps of a media player after the media player cleaner, by line, with
    the reason: a play button (:data:`PLAY_BUTTON`), a clip's length (:data:`CLIP_LENGTH`), the
    end of a video notice broken over lines (:data:`VIDEO_NOTICE_WHOLE`), a bare time
    (:data:`TIME_CODE`) beside those or beside a player's label (:data:`PLAYER_LABEL`,
    :data:`OTHER_LABEL`), and such a label or a player's neighbour (:data:`PLAYER_NEIGHBOUR`) beside
    any of them. The page chrome cleaner asks it of the lines
    in the article's kept run once the run is chosen: taken out before the line model reads the
    dump, a button's neighbours and places change and the run moves as often the wrong way as
    the right one (a "Play Video" line had parted a header from the article)."""
    lines = [text.strip() for text in texts]
    found = {**_notice_tails(lines)}
    for i, text in enumerate(lines):
        if i in found:
            continue
        if _PLAY_BUTTON.match(text):
            found[i] = "a media player's play button"
        elif _CLIP_LENGTH.match(text):
            found[i] = "a clip's running time from a media player"
    anchors = set(found)
    times = {i for i, text in enumerate(lines) if TIME_CODE.match(text)}
    labels = {i for i, text in enumerate(lines) if _PLAYER_LABEL.match(text) or _OTHER_LABEL.match(text)}
    for i in sorted(times):  # (times beside times the media player cleaner has judged)
        near = range(max(0, i - TIME_WINDOW), min(len(lines), i + TIME_WINDOW + 1))
        if any(j in anchors or j in labels for j in near):
            found[i] = "a bare playback time from a media player"
    players = set(found)
    labels |= {i for i, text in enumerate(lines) if _PLAYER_NEIGHBOUR.match(text)}
    for i in sorted(labels - players):
        near = range(max(0, i - LABEL_WINDOW), min(len(lines), i + LABEL_WINDOW + 1))
        if any(j in players for j in near):
            found[i] = "a media player's label or control next to its controls"
    return found


def _notice_tails(lines: Sequence[str]) -> dict[int, str]:
    """The runs of short lines (:data:`NOTICE_PIECE_WORDS`) that together end a video notice
    (:data:`VIDEO_NOTICE_WHOLE`), at least :data:`NOTICE_TAIL_WORDS` of its words."""
    found: dict[int, str] = {}
    i = 0
    while i < len(lines):
        said = ""
        j = i
        while j < len(lines) and 0 < len(lines[j].split()) <= NOTICE_PIECE_WORDS:
            said = f"{said} {' '.join(lines[j].lower().split())}".strip()
            if not _in_notice(said):
                break
            j += 1
            if VIDEO_NOTICE_WHOLE.endswith(" " + said.rstrip(".")) and len(said.split()) >= NOTICE_TAIL_WORDS:
                for k in range(i, j):
                    found[k] = "the rest of a video player's notice, broken over lines"
                break
        i = max(j, i + 1) if i in found else i + 1
    return found


def _in_notice(said: str) -> bool:
    """Whether ``said`` is a stretch of whole words of :data:`VIDEO_NOTICE_WHOLE`."""
    return f" {said.rstrip('.')} " in f" {VIDEO_NOTICE_WHOLE} "
