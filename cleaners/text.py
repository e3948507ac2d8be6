"""Plain-text extraction: a text dump becomes one block per non-empty line."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.entities import html5
from itertools import islice, pairwise
from unicodedata import east_asian_width
from urllib.parse import urljoin, urlsplit

from newsclean.cleaners.document import Block, BlockKind, Document
from newsclean.cleaners.dump_header import DumpHeader, header_headline, read_header
from newsclean.cleaners.lynx_marks import PICTURE_FILE, picture_name
from newsclean.cleaners.regions import Region, opening_words
from newsclean.cleaners.site import SiteProfile
from newsclean.cleaners.urls import site_domain

__all__ = ["extract_text", "from_lynx", "from_markdown", "unescaped", "unwrap"]

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INNER_SPACE = re.compile(r"[ \t\u00a0\u200b]+")


WRAP_MIN_LINES = 20
"""Fewer lines than this are too few to tell a hard-wrapped dump from a short list."""

WRAP_LONG = 100
"""A hard-wrapped dump has (almost) no line longer than this many characters..."""

WRAP_FULL = 60
"""...and many lines at least this long (the wrapped paragraphs)."""

WRAP_FULL_SHARE = 0.1
WRAP_OVER_SHARE = 0.02
WRAP_MIN_FULL = 10
"""In Markdown, where only the lines without links, pieces of links' addresses, list items, table
rows or code are measured, a wrapped dump has at least this many lines at :data:`WRAP_FULL` or
longer..."""

WRAP_MIN_BREAKS = 3
"""...or, however few its lines (a short post under a blog's menus of links), at least this many
of its long lines followed by a line whose first word would not have fitted on them: the
wrapper's breaks. In a dump the converter did not wrap, a paragraph is one line, blank lines part
them, and almost any paragraph runs past :data:`WRAP_LONG`. (Three long lines were not evidence
enough: a dump of short paragraphs not wrapped at all had its links joined to its lines.)"""

WRAP_PAST_SHARE = 0.05
"""At most this share of the lines at :data:`WRAP_FULL` or longer may run past the wrapping
width: a word or an address the wrapper could not break, a line it does not wrap. ``lynx -dump
-width=80`` wraps at 74 columns but leaves a few lines of 75 to 80; taking its longest line as
the width, three wrapped lines in four (a line with room for one more word) were never joined."""


def extract_text(text: str, *, url: str | None = None, site: SiteProfile | None = None) -> Document:
    """Split ``text`` into blocks, one per non-empty line, whitespace folded.

    Line breaks of every convention are accepted; a blank line carries no meaning of its
    own because naive dumps put them anywhere. A dump hard-wrapped at a fixed width (as
    ``lynx -dump`` or ``fmt`` save it) has its paragraphs joined again first (:func:`unwrap`);
    a ``lynx -dump`` (or ``links -dump``-style) dump loses its links' numbers and list of
    addresses (:func:`from_lynx`);
    a dump written in Markdown (as ``html2text``, ``markdownify`` and the crawlers that feed
    language models save pages) is read as the text it marks up (:func:`from_markdown`).
    A header the dump opens with (YAML front matter, a reader's ``Title:`` / ``URL Source:``
    lines: :func:`~newsclean.cleaners.dump_header.read_header`) is no text of it: its title,
    date, authors and description are the document's metadata, its address the document's
    ``url`` when none is given, and the header is listed among the regions left out. HTML's
    character references the dump kept (``&amp;``, ``&nbsp;``, ``&#8217;``) are read as their
    characters (:func:`unescaped`).
    """
    text = _LINE_BREAKS.sub("\n", text.lstrip("\ufeff"))
    header = read_header(text)
    markdown = False
    if header is not None:
        text = text[header.end :]
        url = url or header.url
        # (front matter heads Markdown files, and trafilatura's plain text: a mark tells them apart)
        markdown = header.markdown or _MD_MARK.search(text) is not None
    mark = head = ""
    links = _lynx_links(text)
    if links is not None:
        # Unwrapped as lynx wrapped it (its widths count the links' numbers), then read.
        dump = _LYNX_HEAD_LINKS.sub("", text[:links], count=1)
        lines = [_unnumbered(line.rstrip()) for line in dump.split("\n")]
        if _ELINKS_LIST.match(text, links):
            # elinks: lynx's layout, w3m's bullets and columns, no-break spaces around its marks, and
            # a text box's underscores as wide as the box (past the text's width: they go first).
            lines = cells_apart([_elinks_line(line) for line in lines])
            unwrapped = unwrap(lines, wrapped=True, measure=display_width, item=_W3M_LINE_ITEM, columns=True)
            text = from_lynx("\n".join(unwrapped), bullet=_W3M_BULLET)
        else:
            text = from_lynx("\n".join(unwrap(lines, wrapped=True)))
    elif markdown or is_markdown(text):
        # Unwrapped as the converter wrapped it (its widths count the links' addresses), then read.
        wrapped = unwrap([line.rstrip() for line in text.split("\n")], markdown=True)
        free = [chr(c) for c in islice((c for c in LINE_MARKS if chr(c) not in text), 2)]
        mark, head = free if len(free) == 2 else ("", "")
        text = from_markdown("\n".join(wrapped), url=url, mark=mark, head=head)
    elif _w3m_dump(text):
        # Unwrapped as w3m wrapped it, in columns (its list items' lines are never the line
        # before's rest; its form fields, wider than its text, are no lines of it).
        lines = cells_apart([_unnumbered(_W3M_FIELD.sub("", line).rstrip()) for line in text.split("\n")])
        unwrapped = unwrap(lines, wrapped=True, measure=display_width, item=_W3M_LINE_ITEM, columns=True)
        text = from_w3m("\n".join(unwrapped))
    elif _links_dump(text):
        # links: lynx's layout without the links' numbers or their list. (A Markdown dump's
        # nested lists, or a bullet in its text, may look like w3m's or links's: Markdown first.)
        lines = cells_apart([_elinks_line(_unnumbered(line.rstrip())) for line in text.split("\n")])
        text = from_lynx("\n".join(unwrap(lines, wrapped=True, columns=True)))
    if "&" in text:
        text = unescaped(text)
    lines = text.split("\n")
    lines = unwrap([_INNER_SPACE.sub(" ", line).rstrip() for line in lines])
    tags = [""] * len(lines)
    if mark and head:  # (the marks from_markdown ended lines with: the blocks' tags)
        for n, line in enumerate(lines):
            if mark in line or head in line:
                tags[n] = "a" if line.endswith(mark) else "h1" if line.endswith(head) else ""
                lines[n] = line.replace(mark, "").replace(head, "").rstrip()
    blocks: list[Block] = []
    for line, tag in zip(lines, tags, strict=True):
        line = line.strip()
        if line:
            blocks.append(Block(line, BlockKind.PARAGRAPH, tag=tag, index=len(blocks)))
    if header is None:
        return Document(blocks, url=url, site=site, source_format="text")
    return Document(
        blocks,
        url=url,
        site=site,
        source_format="text",
        metadata=_header_metadata(header, lines),
        left_out=[_header_region(header)],
    )


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescaped(text: str) -> str:
    """``text`` with the HTML character references a dump carried over from where it was saved
    (a CMS's export, a feed's description, a database's column: ``&amp;``, ``&nbsp;``,
    ``&#8217;``, ``&quot;``) read as the characters they stand for, as a browser shows them.
    Only references closed by their ``;`` (``AT&T``, ``Q&A`` and ``&c`` stay). Tags are left:
    stripping a line-break's or a link's tag cost pages that print HTML (a republishing box's
    copy of the article became a second copy of its text; articles about markup lost their
    code)."""
    return _ENTITY.sub(_character, text)


def _character(found: re.Match[str]) -> str:
    reference = found.group()
    if reference[1] == "#":
        return html.unescape(reference)  # (no such character: U+FFFD, as browsers show it)
    return html5.get(reference[1:], reference)  # (a name's whole, "&ampx;" is none)


def _header_metadata(header: DumpHeader, lines: list[str]) -> dict[str, object]:
    """The record's fields a dump's header gives (its ``url`` and site name aside)."""
    metadata = {k: v for k, v in header.fields.items() if k not in ("url", "sitename", "headline")}
    headline = header_headline(header, lines)
    if headline:
        metadata["headline"] = headline
    return metadata


def _header_region(header: DumpHeader) -> Region:
    """The header as a region left out of the text, for the record's provenance."""
    words = header.text.split()
    return Region(
        f"the dump's {header.kind}, not its text: its title, date, authors and description are the record's fields",
        "",
        len(words),
        opening_words(words),
        "header",
    )


def _unwrapped_md(line: str) -> bool:
    """Whether a Markdown line may run past the wrapper's width (see :func:`unwrap`)."""
    stripped = line.strip()
    return (
        "](" in stripped
        or " " not in stripped
        or _MD_BLOCK_START.match(stripped) is not None
        or _md_row(stripped)
        or line.startswith(("    ", "\t"))  # (code)
    )


def _width(lengths: list[int], over: int, full: int) -> int:
    """A wrapped dump's width: the longest of its measured lines' ``lengths`` (sorted) but the
    ``over`` past :data:`WRAP_LONG` and :data:`WRAP_PAST_SHARE` of the ``full`` long ones."""
    return lengths[max(0, len(lengths) - 1 - over - int(WRAP_PAST_SHARE * full))] if lengths else 0


def _breaks(lines: list[str], width: int, measure: Callable[[str], int] = len) -> int:
    """How many of a Markdown dump's measured long ``lines`` (:data:`WRAP_FULL`) are followed by a
    line opening no block of its own whose first word would not have fitted on them within
    ``width``."""
    count = 0
    for line, after in pairwise(lines):
        text = after.strip()
        if (
            text
            and measure(line.rstrip()) >= WRAP_FULL
            and measure(line.rstrip()) + 1 + measure(text.split(" ", 1)[0]) > width
            and not _unwrapped_md(line)
            and not _MD_BLOCK_START.match(text)
        ):
            count += 1
    return count


def _md_row(stripped: str) -> bool:
    """Whether a Markdown line is a table's row that opens without a bar ("Company | Type | Fee")."""
    return stripped.count(" | ") >= 2


_UNSPACED = re.compile(
    r"[\u2e80-\u2fdf\u3000-\u30ff\u31c0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)
"""A character of the scripts written without spaces between words (Chinese characters, kana, CJK
punctuation and full-width forms; not Hangul, whose words are spaced): a wrapper may break a
line after any of them, and the line is joined to the next without a space. Wider on purpose
than :data:`newsclean.cleaners.line_model._UNSPACED`, which counts words and so takes letters
only: here a break after "、" or "（" glues as one after a letter does."""


def _glue(tail: str, head: str) -> str:
    """What joins a wrapped line ending in ``tail`` (its last two characters) to the next,
    starting with ``head``: nothing inside text written without spaces (a wrapper breaks it
    anywhere, between two digits of "（56）" too) or after a compound's hyphen ("chef-" /
    "designed"), else a space."""
    if _UNSPACED.match(tail[-1:]) or _UNSPACED.match(head[:1]):
        return ""
    if _UNSPACED.search(tail + head[:2]) and not (tail[-1:].isascii() and tail[-1:].isalpha()):
        return ""
    return "" if tail[-1:] == "-" and tail[-2:-1].isalpha() else " "


def display_width(text: str) -> int:
    """The columns ``text`` takes on a terminal: two for a wide character (Chinese characters, kana,
    Hangul, full-width forms), one for any other. ``w3m -dump`` wraps a line at a width in
    columns, where ``lynx -dump`` counts characters."""
    if text.isascii():
        return len(text)
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def _unspaced(lines: list[str]) -> bool:
    """Whether most characters of the long lines (:data:`WRAP_FULL`) of ``lines`` are of a script
    written without spaces (:data:`_UNSPACED`)."""
    long = [line for line in lines if len(line.rstrip()) >= WRAP_FULL]
    return 2 * sum(len(_UNSPACED.findall(line)) for line in long) >= sum(map(len, long)) > 0


WRAP_SET_IN = 6
"""At most this many columns narrower than the dump's width is a quotation's width
(:func:`_indent_widths`); lines at one indentation that stop shorter than that are no wrapped
paragraph's (a menu, a table's cells, a page's code printed as text)."""


_LYNX_TEXT_START = re.compile(r" *(?:(?:[*+#@o]|\d{1,4}\.) +)?")
"""A lynx line's indentation and its list bullet or number, if any (its third level's ``o`` too:
only where the text starts is read from it)."""
_LYNX_ITEM = re.compile(r" *[*+#@] +\S")
"""A line opening a list's item with lynx's bullet for its level: never the line before's rest."""


_LIST_NUMBER = re.compile(r"^[ \xa0]+\d{1,4}\.(?=[ \xa0]+\S)")
"""An ordered list's number as a text browser sets it, in from the margin (`` 1. First``,
``  12. Twelfth``; elinks puts no-break spaces around it); a heading's own number ("1. Adobe
Premiere") stands at the margin."""


def _unnumbered(line: str) -> str:
    """A text browser's line without its list number, blanked (the item's text keeps its column,
    so the line unwraps as it was wrapped); other lines as they are."""
    return _LIST_NUMBER.sub(lambda found: " " * len(found.group(0)), line)


def _text_column(line: str) -> int:
    """Where a lynx line's text starts: past its indentation and its list bullet or number, where
    the item's next lines start."""
    found = _LYNX_TEXT_START.match(line)
    return found.end() if found is not None else 0


def _indent_widths(lines: list[str], width: int, measure: Callable[[str], int] = len) -> dict[int, int]:
    """The width a wrapper kept to at each indentation of ``lines`` that holds
    :data:`WRAP_MIN_BREAKS` lines of :data:`WRAP_FULL` or more, when narrower than the dump's
    ``width``: ``lynx -dump`` sets a quotation in from both margins, and wraps it narrower."""
    by: dict[int, list[int]] = {}
    for line in lines:
        length = measure(line.rstrip())
        if length >= WRAP_FULL:
            by.setdefault(_text_column(line), []).append(length)
    out = {}
    for indent, lengths in by.items():
        if len(lengths) >= WRAP_MIN_BREAKS:
            lengths.sort()
            narrower = _width(lengths, sum(1 for n in lengths if n > WRAP_LONG), len(lengths))
            if width - WRAP_SET_IN <= narrower < width:
                out[indent] = narrower
    return out


GUTTER = 2
"""Spaces at least between two table cells that a text browser printed side by side."""

GUTTER_LINES = 3
"""Lines at least with text on both sides of one gutter for a table's cells to be read apart
(:func:`cells_apart`)."""

_GUTTER = re.compile(rf"(?<=\S) {{{GUTTER},}}(?=\S)")


CELL_PARAGRAPH_LINES = 4
CELL_LINE_CHARS = 30
"""A layout table is told from a table of data by a paragraph wrapped inside one of its cells: at
least :data:`CELL_PARAGRAPH_LINES` lines in a row with :data:`CELL_LINE_CHARS` characters or more
of one cell's text just left or right of a gutter (a post beside its sidebar). A table of data
(a ranking, a comparison chart) holds a few words a cell, a line each row: read as the page shows
it, a row at a time, it is what the article says."""


def _cell_beside(line: str, at: int) -> tuple[str, str]:
    """The text of the cells just left and right of the gutter before column ``at`` in ``line``."""
    left = _GUTTER.split(line[: max(0, at - GUTTER)].rstrip())[-1].strip()
    right = _GUTTER.split(line[at:].strip())[0] if len(line) > at else ""
    return left, right


def _cell_holds_paragraph(lines: list[str], at: int) -> bool:
    """Whether a cell beside the gutter before column ``at`` holds a wrapped paragraph in
    ``lines`` (:data:`CELL_PARAGRAPH_LINES`)."""
    runs = [0, 0]
    for line in lines:
        for side, cell in enumerate(_cell_beside(line, at)):
            runs[side] = runs[side] + 1 if len(cell) >= CELL_LINE_CHARS else 0
            if runs[side] >= CELL_PARAGRAPH_LINES:
                return True
    return False


def _crosses(line: str, at: int) -> bool:
    """Whether ``line`` has text in the gutter just before column ``at``."""
    return bool(line[max(0, at - GUTTER) : at].strip())


def cells_apart(lines: list[str]) -> list[str]:
    """``lines`` with the cells of a table that a text browser laid out side by side read one
    after the other, each cell's lines in their columns.

    w3m, elinks and links print a layout table's cells beside each other, a blog's sidebar left
    and right of its post: each line holds a piece of every cell, and read as it is, each of the
    post's sentences runs into a menu's items. A cell starts at a column where, over a stretch of
    lines that no line's text crosses (:data:`GUTTER` spaces before it), at least
    :data:`GUTTER_LINES` lines have text on both sides of that gap; in a paragraph, words are a
    space apart. Each stretch's cells are read left to right, a blank line between them; a line
    holding a character two columns wide (Chinese, Japanese, Korean) crosses every column, as its
    characters do not stand in the columns their positions give."""
    wide = [not line.isascii() and display_width(line) != len(line) for line in lines]
    starts: dict[int, int] = {}
    for line, skip in zip(lines, wide, strict=True):
        for found in () if skip else _GUTTER.finditer(line):
            if line[: found.start()].strip():
                starts[found.end()] = starts.get(found.end(), 0) + 1
    active: list[set[int]] = [set() for _ in lines]
    for at, count in sorted(starts.items()):
        if count < GUTTER_LINES:
            continue
        first = 0
        while first < len(lines):
            last = first
            both = 0
            while last < len(lines) and not wide[last] and not _crosses(lines[last], at):
                # (text left of the gutter within the cell left of it: a list's indentation inside
                # a cell is no cell of its own)
                line = lines[last]
                left = max((b for b in active[last] if b < at), default=0)
                both += bool(line[at:].strip() and line[left : at - GUTTER].strip())
                last += 1
            if both >= GUTTER_LINES and _cell_holds_paragraph(lines[first:last], at):
                for i in range(first, last):
                    active[i].add(at)
            first = last + 1
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not active[i]:
            out.append(lines[i])
            i += 1
            continue
        end = i
        while end < len(lines) and active[end] == active[i]:
            end += 1
        bounds = [0, *sorted(active[i]), max(map(len, lines[i:end]))]
        for left, right in pairwise(bounds):
            if out and out[-1].strip():
                out.append("")
            for line in lines[i:end]:
                cell = line[left:right].rstrip()
                if cell.strip():
                    out.append(" " * left + cell)
                elif out and out[-1].strip():
                    out.append("")
        i = end
    return out


COLUMN_MIN = 30
"""Columns of text at least in a table's cell whose paragraphs a text browser wrapped at the cell's
own right edge (:func:`_column_widths`): narrower, a cell is a menu's or a list's."""

COLUMN_LINES = 5
"""Lines at least at one indentation for its own width to be measured (:func:`_column_widths`)."""


def _column_widths(
    lines: list[str], width: int, measure: Callable[[str], int], item: re.Pattern[str]
) -> dict[int, int]:
    """The right edge of each table cell's column that ``lines`` wrap at, by the column its text
    starts at. w3m lays a table's cells out side by side, each wrapped at its own edge, and a
    layout table holds the article: its paragraphs wrap at 60 columns, not at the dump's 80 (a
    blog whose post sits in a cell beside its sidebar), and read as short lines. A column's edge
    is its longest lines' (but :data:`WRAP_PAST_SHARE` of them); it counts where at least
    :data:`WRAP_MIN_BREAKS` of its lines are the wrapper's breaks: a line of half the column or more,
    the next line at the same column, no list item, opening with a word that would not have fitted
    on it. A menu's or a list's lines, short beside their column's longest, break nowhere."""
    at: list[int] = []
    by: dict[int, list[int]] = {}
    for line in lines:
        column = _text_column(line) if line.strip() else -1
        at.append(column)
        if column >= 0:
            by.setdefault(column, []).append(measure(line.rstrip()))
    edges = {}
    for column, lengths in by.items():
        if len(lengths) >= COLUMN_LINES:
            lengths.sort()
            edge = lengths[max(0, len(lengths) - 1 - int(WRAP_PAST_SHARE * len(lengths)))]
            if edge - column >= COLUMN_MIN and edge < width - WRAP_SET_IN:
                edges[column] = edge
    breaks = dict.fromkeys(edges, 0)
    for i in range(len(lines) - 1):
        column = at[i]
        if column in edges and at[i + 1] == column and not item.match(lines[i + 1]):
            length = measure(lines[i].rstrip())
            first = lines[i + 1].split(None, 1)[0]
            if 2 * (length - column) >= edges[column] - column and length + 1 + measure(first) > edges[column]:
                breaks[column] += 1
    return {column: edge for column, edge in edges.items() if breaks[column] >= WRAP_MIN_BREAKS}


def unwrap(
    lines: list[str],
    *,
    markdown: bool = False,
    wrapped: bool = False,
    measure: Callable[[str], int] = len,
    item: re.Pattern[str] = _LYNX_ITEM,
    columns: bool = False,
) -> list[str]:
    """``lines`` with hard-wrapped paragraphs joined back into one line each.

    A dump counts as hard-wrapped when hardly any line is longer than :data:`WRAP_LONG`
    characters and many are at least :data:`WRAP_FULL` long; its width is its longest line
    but the few over :data:`WRAP_LONG` and :data:`WRAP_PAST_SHARE` of the long ones (what the
    wrapper could not break). A line continues the one before when its first word
    would not have fitted at the end of it within that width: a wrapper breaks a line only
    then, so a line that ends short (a heading, a menu item, a paragraph's last line) is
    never joined to the next. Other dumps are returned as they are.

    ``markdown``: the lines are a Markdown dump's as the converter wrapped them (html2text wraps
    at 78 columns by default, addresses included): only the lines it wraps are measured, it
    takes :data:`WRAP_MIN_FULL` long lines or a few of the wrapper's breaks
    (:data:`WRAP_MIN_BREAKS`), and next to no line past :data:`WRAP_LONG`; a line opening a
    block of its own (a list item, a heading, a quote, a table's row) is never joined, nor is a
    line to a table's row.

    ``wrapped``: the dump is known to be hard-wrapped (``lynx -dump`` always wraps): it takes
    :data:`WRAP_MIN_FULL` long lines or a few of the wrapper's breaks (:data:`WRAP_MIN_BREAKS`),
    however many short lines there are besides (a short post over sixty one-line comments); when
    its long lines are mostly of a script written without spaces (:func:`_unspaced`), it is
    unwrapped however few they are (a Japanese or Chinese page's paragraphs are a few long
    lines, twice as dense as an English one's, among hundreds of short menu items). A line opening with a
    character of a script written without spaces (:data:`_UNSPACED`) could have been broken after
    its first character, and is joined without a space (:func:`_glue`). Lines whose text starts
    at one column are measured against that column's own width where it is a few columns
    narrower (:func:`_indent_widths`: a quotation lynx sets in from both margins), and a line
    opening a list's item with lynx's bullet is never the line before's rest.
    """
    # In Markdown, lines that run past the width are the wrapper's too: one holding a link's or
    # an image's address, or a piece of one (it breaks no address but at a hyphen), and a list
    # item or a table's row (html2text wraps neither).
    lengths = sorted(
        measure(line.rstrip()) for line in lines if line.strip() and not (markdown and _unwrapped_md(line))
    )
    if len(lengths) < WRAP_MIN_LINES and not markdown:
        return lines
    over = sum(1 for n in lengths if n > WRAP_LONG)
    full = sum(1 for n in lengths if n >= WRAP_FULL)
    if markdown:
        many = len(lengths) >= WRAP_MIN_LINES and full >= max(WRAP_MIN_FULL, WRAP_FULL_SHARE * len(lengths))
        if over > WRAP_OVER_SHARE * len(lengths) or not (
            many or _breaks(lines, _width(lengths, over, full), measure) >= WRAP_MIN_BREAKS
        ):
            return lines  # (a Markdown dump's paragraphs, one a line; or a few lines of links)
    elif wrapped:
        if not _unspaced(lines) and (
            over > WRAP_OVER_SHARE * len(lengths)
            or not (full >= WRAP_MIN_FULL or _breaks(lines, _width(lengths, over, full), measure) >= WRAP_MIN_BREAKS)
        ):
            return lines
    elif over > WRAP_OVER_SHARE * len(lengths) or full < WRAP_FULL_SHARE * len(lengths):
        return lines
    width = _width(lengths, over, full)
    widths = _indent_widths(lines, width, measure) if wrapped else {}
    if columns:
        widths = {**_column_widths(lines, width, measure, item), **widths}
    out: list[str] = []
    parts: list[str] = []  # the line being joined, in pieces joined once (linear work)
    tail = ""  # its last two characters
    previous = -1  # length of the line before, -1 after a blank line
    indent = 0  # the column the line before's text starts at (_text_column), with widths
    quote = ""  # the quote marks the line before opened with, in Markdown (">", ">>")
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if parts:
                out.append("".join(parts))
                parts = []
            out.append("")
            previous = -1
            continue
        # A quote's lines each open with its marks ("> "): the text after them continues the
        # quote's line before, at the same depth (html2text wraps a quoted paragraph so).
        marks = _MD_QUOTE.match(stripped) if markdown else None
        text = stripped[marks.end() :] if marks is not None else stripped
        depth = marks.group(0).replace(" ", "") if marks is not None else ""
        first = measure(text[0]) if _UNSPACED.match(text) else measure(text.split(" ", 1)[0])
        row = markdown and _md_row(stripped)  # (a table's row is never wrapped, nor continued)
        if (
            not row
            and previous >= 0
            and previous + 1 + first > widths.get(indent, width)
            and not (wrapped and item.match(line))
            and text
            and depth == quote
            and not (markdown and _MD_BLOCK_START.match(text))
        ):
            glue = _glue(tail, text)
            parts += (glue, text)
            tail = (tail + glue + text)[-2:]
        else:
            if parts:
                out.append("".join(parts))
            parts = [stripped]
            tail = stripped[-2:]
        previous = -1 if row else measure(line.rstrip())
        indent = _text_column(line) if widths else 0
        quote = depth
    if parts:
        out.append("".join(parts))
    return out


MARKDOWN_MIN_LINKS = 3
MARKDOWN_MIN_MARKS = 2
"""A dump holding at least :data:`MARKDOWN_MIN_LINKS` Markdown links or images (``[text](url)``,
``![alt](src)``) and :data:`MARKDOWN_MIN_MARKS` lines opening with Markdown's marks (a heading's
``#``, a list's ``*`` or ``+``, a list item or a line opening with a link or an image) is written
in Markdown. A converter's dump of a page holds a dozen links and marks at least (html2text's and
markdownify's of the three collections' pages); a page whose own text prints a few links in that
syntax (a CMS's slip: "Retrieved from [osha.gov](https://www.osha.gov)") is read as it shows."""

_MD_MARK = re.compile(r"^(?:#{1,6} |[ \t]*[*+] |[ \t]*(?:-|\d{1,3}\.) \[|!\[)", re.M)

_MD_TARGET = r'\((?:[^()\n]|\([^()\n]*\))*(?:"[^"]{0,2000}"[^()\n]{0,300})?\)'
"""A link's target: the URL (as converters print it: spaces and one level of parentheses inside
it, a mailto's subject, Wikipedia's titles) and its title, which may run over line breaks (a
link's ``title`` attribute written over two lines, as html2text copies it) and quote a title of
its own (html2text does not escape its quotes: up to 300 characters after the inner quote; the
three collections' dumps use 141 at most). The bound keeps a line of many quotes after a link's
unclosed target linear: unbounded, 8,000 quotes took 5 s and 32,000 about 80 s, now 0.3 s and
1.3 s."""

_MD_IMAGE = re.compile(r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]" + _MD_TARGET)
"""An image (a linked image is an image inside a link's text)."""

_MD_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]" + _MD_TARGET)
"""An inline link; its text may hold brackets of its own and run over a line break."""

_MD_REFERENCE = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\[[^\[\]\n]*\]")
_MD_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_STRONG = re.compile(r"(?<!\\)(?:\*\*|__)")
_MD_EMPHASIS = re.compile(r"(?<![\w*\\])[*_](?=[^\s*_])|(?<=[^\s*_\\])[*_](?![\w*])")
"""Emphasis marks: at a word's start or end (``snake_case`` and ``2 * 3`` keep theirs), not
escaped (``\\*``: a star the text prints)."""
_MD_CODE = re.compile(r"`+")
_MD_PREFIX = re.compile(r"\s*(?:>\s*)*(?:(#{1,6})(?=\s|$)|(?:(?:[*+-]|\d{1,9}[.)])(?=\s|$)\s*)*)")
"""A line's block marks: quotes' ``>``, a heading's ``#`` (group 1) or list bullets and numbers."""
_MD_RULE = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
_MD_BLOCK_START = re.compile(r"(?:[*+-]|\d{1,9}[.)]|#{1,6}|>)(?:\s|$)|\|")
"""A Markdown line opening a block of its own (a list item, a heading, a quote, a table's row):
never the rest of the line before, however long that one (an address past the width)."""

_MD_QUOTE = re.compile(r"(?:>[ \t]?)+")
"""A Markdown quote's marks at a line's start, one ``>`` a level."""

_MD_SETEXT_TOP = re.compile(r"^ {0,3}={3,}[ \t]*$")
"""A top-level heading's underline (a setext heading: the line above it is the heading)."""

_MD_FENCE = re.compile(r"^\s*(?:```|~~~)")
_MD_TABLE_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$")


MARKDOWN_MANY_LINKS = 20
"""A dump holding this many Markdown links is written in Markdown without any line opening with a
mark (html2text's dump of a blog whose every box is a ``<div>`` of links and ``<br>``-separated
lines: 1,211 links, no heading, list or quote)."""


def is_markdown(text: str) -> bool:
    """Whether a dump is written in Markdown (:data:`MARKDOWN_MIN_LINKS`, :data:`MARKDOWN_MANY_LINKS`)."""
    links = sum(1 for _ in islice(_MD_LINK.finditer(text), MARKDOWN_MANY_LINKS))
    if links >= MARKDOWN_MANY_LINKS:
        return True
    return (
        links >= MARKDOWN_MIN_LINKS
        and sum(1 for _ in islice(_MD_MARK.finditer(text), MARKDOWN_MIN_MARKS)) >= MARKDOWN_MIN_MARKS
    )


LINK_RUN_LINKS = 3
LINK_RUN_SHARE = 0.8
"""A line of :data:`LINK_RUN_LINKS` links or more whose words are at least this share links'
words is a run of links (a menu, a carousel of teasers, a row of tags)."""

_WORD = re.compile(r"\w+")


def _link_run(line: str, page: str | None = None, mark: str = "") -> str:
    """``line`` (images gone), a run of links (:data:`LINK_RUN_SHARE`) written a link a line: the
    converters print a menu or a carousel of teasers set in one box as one line of links, which
    would read as one long paragraph; a plain dump has them a line each. Given a ``mark``, each
    link to another page of the site of the dump at ``page`` (:func:`_site_page`) ends with it, as
    a line that is all one such link does (:func:`_own_link`)."""
    if line.count("](") < LINK_RUN_LINKS:
        return line
    links = list(_MD_LINK.finditer(line))
    if len(links) < LINK_RUN_LINKS:
        return line
    linked = sum(len(_WORD.findall(m.group(1))) for m in links)
    if linked < LINK_RUN_SHARE * len(_WORD.findall(_MD_LINK.sub(r"\1", line))):
        return line
    return "\n".join(
        m.group(1) + (mark if mark and _site_page(_address(m), page) else "") for m in links if m.group(1).strip()
    )


LINE_MARKS = range(0xF8FF, 0xE000, -1)
"""Where :func:`extract_text` takes the marks it asks :func:`from_markdown` to end a line with when
the line was all one link to another page of the dump's site (its block's ``tag`` is then ``a``)
or a top-level heading (``h1``): the first two characters of Unicode's private use area, from its
end, that the dump does not hold (icon fonts print some of them)."""


_MD_BULLETS = re.compile(r"\A(?:(?:[*+-]|\d{1,9}[.)])[ \t]+)*(?:#{1,6}[ \t]+)?")
"""A list's bullets and numbers, and a heading's marks, before a line's one link."""


def _own_link(line: str, page: str | None, mark: str) -> str:
    """``line``, reduced to the link's words and closed by ``mark`` when it is all one link (a
    list's bullet or number and a heading's marks aside: :data:`_MD_BULLETS`) to another page of
    the site of the dump at ``page``: on the same domain
    (:func:`~newsclean.cleaners.urls.site_domain`), a relative address included; without the
    dump's address, a relative one only. A teaser's card (a kicker, a headline and its summary
    set in one link) is printed so, and so is a menu's item; a link to the page itself (its
    address, or ``#notes``: a blog's title over its post) or to another site is neither."""
    stripped = line.strip()
    found = _MD_LINK.fullmatch(_MD_BULLETS.sub("", stripped, count=1))
    if found is None or not found.group(1).strip():
        return line
    if not _site_page(_address(found), page):
        return line
    return found.group(1) + mark


def _address(link: re.Match[str]) -> str:
    """Where a Markdown link leads (its title aside); empty when its target holds another link (a
    title's quotes reaching into the next one: '[A](/a "x") → [B](/b "y")' is two links)."""
    target = link.group(0)[len(link.group(1)) + 3 : -1].strip()
    return target.split()[0] if target and "](" not in target else ""


def _site_page(address: str, page: str | None) -> bool:
    """Whether ``address`` is another page of the site of the dump at ``page``: on the same
    domain (:func:`~newsclean.cleaners.urls.site_domain`), a relative address included; without
    the dump's address, a relative one only; not the page itself, nor ``#...``, ``mailto:`` or
    ``javascript:``."""
    if not address or address.startswith("#"):
        return False
    try:
        parts = urlsplit(urljoin(page, address) if page else address)
        here = urlsplit(page) if page else None
        host, home = parts.hostname, here.hostname if here else None
    except ValueError:  # ("http://[1::2/": a broken address is no page of the site's)
        return False
    if parts.scheme not in ("", "http", "https"):
        return False
    if here is None:
        return not host
    if not host or not home or site_domain(host) != site_domain(home):
        return False
    return (host.removeprefix("www."), parts.path.rstrip("/"), parts.query) != (
        home.removeprefix("www."),
        here.path.rstrip("/"),
        here.query,
    )


def from_markdown(text: str, *, url: str | None = None, mark: str = "", head: str = "") -> str:
    """The text a Markdown dump marks up, line for line: images and link definitions go (a page's
    text never shows a picture's address), a link is its text (a line that is a run of links, a
    link a line: :func:`_link_run`; given a ``mark``, a line that is all one link to another page
    of the dump's site at ``url`` ends with it), emphasis and code marks, escapes,
    headings' and quotes' marks, list bullets and numbers, rules, code fences and a table's
    rule lines go, and a table's row is its cells' text. Given a ``head``, a top-level heading's
    line (``# Title``, or a title over a line of ``===``: the page's ``<h1>``) ends with it."""
    text = _MD_IMAGE.sub("", _MD_DEFINITION.sub("", text))
    if mark:
        text = "\n".join(_own_link(line, url, mark) for line in text.split("\n"))
    text = "\n".join(_link_run(line, url, mark) for line in text.split("\n"))
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REFERENCE.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    out: list[str] = []
    lines = text.split("\n")
    # (a top heading underlined with "=", as markdownify writes it by default: "Title\n=====")
    underlined = {n for n in range(len(lines) - 1) if lines[n].strip() and _MD_SETEXT_TOP.match(lines[n + 1])}
    for n, line in enumerate(lines):
        if _MD_RULE.match(line) or _MD_FENCE.match(line) or _MD_TABLE_RULE.match(line):
            out.append("")
            continue
        if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|") if cell.strip())
        marks = _MD_PREFIX.match(line)
        top = n in underlined
        if marks is not None:  # (always: every part of the pattern may be empty)
            top = top or marks.group(1) == "#"
            line = line[marks.end() :].strip()
            if marks.group(1) and line.endswith("#"):  # a heading's closing marks ("## Title ##")
                bare = line.rstrip("#")
                line = bare.rstrip() if not bare or bare[-1].isspace() else line
        line = _MD_ESCAPE.sub(r"\1", _MD_CODE.sub("", _MD_EMPHASIS.sub("", _MD_STRONG.sub("", line))))
        out.append(line + head if top and head and line.strip() else line)
    return "\n".join(out)


LYNX_MIN_MARKS = 3
"""A dump ending in lynx's list of links ("References", then "1. https://...") whose text holds at
least this many of its links' numbers (``[12]Sport``) is lynx's."""

_LYNX_REFERENCES = re.compile(
    r"^References[ \t]*\n(?:[ \t]*\n)*"
    r"(?:[ \t]*(?:Visible|Hidden) links:?[ \t]*\n[ \t]*\d{1,6}|[ \t]*1)\. [a-z][a-z0-9+.-]{1,20}:\S",
    re.M,
)
"""The heading of lynx's list of links and its first entry, an address (an article's own
"References" lists its sources by their authors). elinks heads it "Visible links" and numbers
the page's head links too, so its first entry may be any number."""
_LYNX_MARK = re.compile(r"\[\d{1,6}\]")
_LYNX_TOKEN = re.compile(r"\[([^\[\]\s]*(?: [^\[\]\s]+){0,2} ?)\]")
_LYNX_WORDLESS = frozenset(["IMG", "INLINE", "LINK", "USEMAP", "EMBED", "X", "image"])
_LYNX_PLACEHOLDER = re.compile(r"\[(?:BUTTON[^\[\]\n]{0,20}|INS: :INS|DEL: :DEL| )\]|\((?:BUTTON|RADIO| |\*)\)|_{3,}")
"""What lynx prints for what is not text: an image without words (its file's name in brackets,
:data:`_LYNX_TOKEN`, :func:`~newsclean.cleaners.lynx_marks.picture_name`, or a word of
:data:`_LYNX_WORDLESS`), a button, a form's field, a checkbox or a radio button, inserted and
deleted text's marks."""


def _lynx_token(found: re.Match[str]) -> str:
    # A picture's name that is a whole line stays for the page chrome cleaner to remove once the
    # article's run is chosen (prompts.embed_residue): gone before, the lines around it meet, and a
    # box above a headline runs into it.
    token = found.group(1)
    if token in _LYNX_WORDLESS or PICTURE_FILE.fullmatch(token):
        return ""
    if picture_name(token) and found.string.strip() != found.group(0):
        return ""
    return found.group(0)


_LYNX_BULLET = re.compile(r"^\s*[*+#@]\s+(?=\S)")
"""lynx's bullets for the levels of nested lists; not its third level's ``o``, which opens
Portuguese, Italian and Spanish lines as the article ("o presidente"). Its list numbers went
before the dump was unwrapped (:func:`_unnumbered`): once unwrapped, an item's number would stand
at the margin as a heading's own number does ("1. Adobe Premiere", which is the text's)."""


def _lynx_links(text: str) -> int | None:
    """Where a dump's lynx list of links starts (its "References" heading), when the dump is
    lynx's (:data:`LYNX_MIN_MARKS`); ``None`` otherwise."""
    start = None
    for found in _LYNX_REFERENCES.finditer(text):
        start = found.start()
    if start is None:
        return None
    marks = sum(1 for _ in islice(_LYNX_MARK.finditer(text, 0, start), LYNX_MIN_MARKS))
    if marks >= LYNX_MIN_MARKS or (marks and _numbered_alike(text, start)):
        return start
    return None


_FIELD_LINE = re.compile(r"^[ \t]*(?:\[\d{1,6}\])?_{3,}[ \t]*$")
"""A line that is a form's text box and nothing else (its link's number aside)."""

_ELINKS_BUTTON = re.compile(r"\[ ([^\[\]\n]{1,40}?) \]")
"""A button as elinks prints it, its words in brackets set off by spaces (``[ Search ]``)."""


_LINKS_ITEM = re.compile(r"^(?: {5})+\*(?: \S| *$)", re.M)
"""A list item as ``links -dump`` prints it: its ``*`` five columns in, five more a level."""

_DASHED_RULE = re.compile(r"-{10,}")
"""A horizontal rule as links draws it."""


BROWSER_MIN_ITEMS = 3
"""A dump holding at least this many list items set as a text browser sets them (w3m's
:data:`_W3M_ITEM`, links's :data:`_LINKS_ITEM`) is that browser's."""


def _listed_as(items: re.Pattern[str], text: str) -> bool:
    """Whether ``text`` holds :data:`BROWSER_MIN_ITEMS` list items as ``items`` reads them."""
    return sum(1 for _ in islice(items.finditer(text), BROWSER_MIN_ITEMS)) >= BROWSER_MIN_ITEMS


def _links_dump(text: str) -> bool:
    """Whether ``text`` is a ``links -dump`` (list items set as links sets them; lynx's, set the
    same way, was told by its list of links before)."""
    return _listed_as(_LINKS_ITEM, text)


def _elinks_line(line: str) -> str:
    """An ``elinks -dump`` or ``links -dump`` line as lynx would print it, for :func:`from_lynx`:
    no-break spaces as spaces, no text box (its underscores, as wide as the box, past the text's
    width) or horizontal rule (``═══``, ``----``), and a button's words without their brackets
    (the page shows "Search")."""
    line = line.replace("\xa0", " ")
    stripped = line.strip()
    if _FIELD_LINE.match(line) or _W3M_RULE.fullmatch(stripped) or _DASHED_RULE.fullmatch(stripped):
        return ""
    return _ELINKS_BUTTON.sub(r"\1", line).rstrip()


_ELINKS_LIST = re.compile(r"References[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:Visible|Hidden) links[ \t]*\n")
"""The list of links as ``elinks -dump`` heads it (lynx writes "Visible links:"): lynx's layout,
but w3m's bullets ("•")."""

_LYNX_HEAD_LINKS = re.compile(r"\A(?:[ \t]*\n)*[ \t]*#\[\d{1,6}\][^\n]*(?:\n[ \t]*\S[^\n]*)*")
"""The paragraph ``lynx -dump`` opens with for the page's ``<link>`` elements, each a link's number
and its ``rel`` or title ("#[1]publisher [2]VentureBeat » Apple confirms ... Comments Feed
[3]alternate"), down to the first blank line: the page's head, never its text."""

_LYNX_ENTRY = re.compile(r"^[ \t]*(\d{1,6})\. [a-z][a-z0-9+.-]{1,20}:\S", re.M)


def _numbered_alike(text: str, start: int) -> bool:
    """Whether the links' numbers in ``text`` before ``start`` (``[1]``, ``[2]``) are the numbers of
    the list from ``start`` on, entry for entry: a page with one or two links (an empty search page
    whose only link is its search engine's address) is lynx's as surely as one with many."""
    listed = {int(found.group(1)) for found in _LYNX_ENTRY.finditer(text, start)}
    shown = {int(found.group(0)[1:-1]) for found in _LYNX_MARK.finditer(text, 0, start)}
    return bool(listed) and listed == shown


LYNX_DOUBLED_CHARS = 20
"""Characters at least in each copy of a line's doubled text (:func:`_said_once`)."""

LYNX_ALT_WORDS = 60
"""Words at most in a picture's words that a caption repeats (:func:`_said_once`)."""

_WORD_MARKS = re.compile(r"[^\w]+")


LYNX_RUN_WORDS = 6
LYNX_RUN_CHARS = 50
"""A link's words in a lynx run of links (:func:`_lynx_link_run`): at most this many words and
characters (lynx marks where a link starts, never where it ends)."""


def _lynx_link_run(line: str) -> list[str]:
    """A lynx line, or a run of links written a link a line: :data:`LINK_RUN_LINKS` links or more
    and nothing else, each at most :data:`LYNX_RUN_WORDS` words.

    lynx prints links set in one box side by side and wraps them as a paragraph ("[114]People's
    Daily [115]Overseas Edition [116]China Auto News ..."): read as one line, a menu of forty
    names looks like a paragraph, most of all in a script written without spaces, and can take
    the article's place. A link a line, the run is what a plain dump shows of it, as a Markdown
    dump's (:func:`_link_run`). A line with words before its first link ("Tags: [3]EU [4]Trade
    [5]Energy") or a link's mark inside a sentence is not a run."""
    stripped = line.strip()
    if not stripped.startswith("["):
        return [line]
    marks = list(_LYNX_MARK.finditer(stripped))
    if len(marks) < LINK_RUN_LINKS or marks[0].start() != 0:
        return [line]
    items = []
    for k, mark in enumerate(marks):
        item = stripped[mark.end() : marks[k + 1].start() if k + 1 < len(marks) else len(stripped)].strip()
        if not item or len(item) > LYNX_RUN_CHARS or len(item.split()) > LYNX_RUN_WORDS:
            return [line]
        items.append(mark.group(0) + item)
    return items


def from_lynx(text: str, bullet: re.Pattern[str] = _LYNX_BULLET) -> str:
    """The text of a ``lynx -dump`` without its list of links: the links' numbers (``[12]``),
    what lynx prints for images without words, buttons and form fields, and list bullets go, a
    run of links printed side by side is written a link a line (:func:`_lynx_link_run`), and a
    picture's words that a caption repeats go (:func:`_said_once`)."""
    out = []
    lines = [item for line in text.split("\n") for item in _lynx_link_run(line)]
    text = _LYNX_PLACEHOLDER.sub("", _LYNX_MARK.sub("", "\n".join(lines)))
    for line in text.split("\n"):
        line = _LYNX_TOKEN.sub(_lynx_token, line)
        line = bullet.sub("", line)
        out.append(_said_once(line))
    return "\n".join(out)


_W3M_ITEM = re.compile(r"^(?: {4})* {2}[•□☆○■](?: \S| *$)", re.M)
"""A list item as w3m prints it: its bullet two columns in, four more a level ("  • ", "      □ ",
"          ☆ "), a bullet a level, alone on its line where the item shows no text (a share
button's icon); a plain dump's or a writer's bullets stand at the margin."""

_W3M_LINE_ITEM = re.compile(r" *[•□☆○■] +\S")
"""A line opening a list's item with w3m's bullet for its level: never the line before's rest (a
number may be a wrapped sentence's: "since" / "2012. The ...")."""

_W3M_BULLET = re.compile(r"^\s*[•□☆○■]\s+(?=\S)")
"""w3m's bullets for the levels of nested lists (its list numbers went before the dump was
unwrapped, as lynx's: :func:`_unnumbered`)."""

_W3M_FIELD = re.compile(r"\[ {2,}\]|\[[ *]\]")
"""A form's text field (``[          ]``), or a checkbox, as w3m prints them."""

_W3M_TOKEN = re.compile(r"\[([^\[\]\n]{1,40})\]")
"""What w3m prints in brackets: a picture without words (its file's name without its extension,
cut at 10 characters: ``[post_comme]``, ``[spacer]``), a button's or a drop-down list's words
(``[Search]``, ``[Pick one]``), or the text's own brackets (``[sic]``, ``[…]``)."""

_W3M_PICTURE = re.compile(r"[^\W_]*[_\-.\d][\w.\-]*|svg|gif|png|jpe?g|webp|img|image|spacer|blank|pixel|icon|logo|a")
"""A picture's file name as w3m prints it: a name that a word of the text cannot be, holding a
figure, a hyphen, a dot or an underscore, or the bare words such files are named."""

_W3M_RULE = re.compile(r"[━─═]{3,}")
"""A horizontal rule as w3m draws it."""


_W3M_HR = re.compile(r"^ *━{10,} *$", re.M)
"""A horizontal rule as w3m prints it, a line of heavy box-drawing strokes (elinks draws ``═``,
links dashes): a page's own text, and the other dumps of the three collections' pages, hold none."""


def _w3m_dump(text: str) -> bool:
    """Whether ``text`` is a ``w3m -dump``: list items set as w3m sets them, or, on a page without
    lists (a blog of 2007 in a layout table), w3m's horizontal rule."""
    return _listed_as(_W3M_ITEM, text) or _W3M_HR.search(text) is not None


def _w3m_token(found: re.Match[str]) -> str:
    token = found.group(1).strip()
    if not token or not any(c.isalpha() for c in token):
        return found.group(0)  # ("[…]", "[1]": the text's own)
    if _W3M_PICTURE.fullmatch(token):
        # A picture's name that is a whole line stays, as lynx's does (from_lynx).
        return found.group(0) if found.string.strip() == found.group(0) else ""
    return token


def from_w3m(text: str) -> str:
    """The text of a ``w3m -dump`` as a page's visible text shows it: list bullets, form fields
    and checkboxes, horizontal rules and pictures' file names go, and a button's or a drop-down
    list's words lose their brackets (``[Search]``: what the page shows is "Search"). A picture's
    words (its ``alt``) are printed as text already; a picture with none gets its file's name in
    brackets, which goes (:data:`_W3M_PICTURE`) but where it is a line of its own, as lynx's do
    (:func:`from_lynx`)."""
    out = []
    for line in text.split("\n"):
        if _W3M_RULE.fullmatch(line.strip()):
            out.append("")
            continue
        line = _W3M_TOKEN.sub(_w3m_token, _W3M_FIELD.sub("", line))
        out.append(_W3M_BULLET.sub("", line))
    return "\n".join(out)


def _said_once(line: str) -> str:
    """``line`` without its opening words when the words after them say them again: lynx prints
    an image's words (its ``alt``) where the image is, and the caption that repeats them, maybe
    punctuated otherwise and going on, runs on after them ("People protest, outside the palace
    People protest outside the palace against the court's ruling"). The repeated words are at
    least :data:`LYNX_DOUBLED_CHARS` characters and at most :data:`LYNX_ALT_WORDS` words; the
    caption's copy stays. A picture whose ``alt`` and ``title`` both hold the caption's words
    comes three times: each copy but the last goes."""
    words = line.split()
    folded = [_WORD_MARKS.sub("", word).lower() for word in words]
    said = 0  # (words dropped: the picture's words may come twice before the caption's copy)
    while True:
        for k in range(1, min(LYNX_ALT_WORDS, (len(words) - said) // 2) + 1):
            if (
                folded[said : said + k] == folded[said + k : said + 2 * k]
                and len(" ".join(words[said : said + k])) >= LYNX_DOUBLED_CHARS
            ):
                said += k
                break
        else:
            break
    return " ".join(words[said:]) if said else line
