"""Reader comments told by their shape (``newsclean.cleaners.threads``): a thread whose boxes
have meaningless names (CSS modules' hashes, another language's words) goes like one named
``comments``; an article's own time-stamped lines stay."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from newsclean.cleaners import clean_html
from newsclean.cleaners.content import COMMENTS_MARK, strip_page
from newsclean.cleaners.record import Article
from newsclean.cleaners.threads import find_threads

from .conftest import assert_gone, assert_once

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"
URL = "https://news.example.com/2012/03/harbour-wall.html"

ARTICLE = (
    "The council agreed on Thursday night to rebuild the north harbour wall in granite",
    "The old wall, built in 1887, lost forty metres of its face in the January storms",
    "Work starts in May and should take eighteen months.",
    "said the harbour master, Tom Reyes.",
)
COMMENTS = (
    "Stone is the right call.",
    "Eighteen months is a long time for the boats",
    "Who pays if the loan from the county costs more",
    "Good news at last.",
    "Posted by: Nick Hale",
)


def test_a_thread_of_time_stamped_posts_goes_whatever_its_boxes_are_named() -> None:
    page = (FIXTURES / "kind-6-comments-without-names.html").read_bytes()
    assert [opening[:20] for opening in _threads(page)] == ["Posted by: Nick Hale"]
    record = clean_html(page, url=URL)
    body = record.articleBody or ""
    assert_once(body, *ARTICLE)
    assert_gone(body, *COMMENTS, "Copyright 2012")
    said = _reasons(record, "told by their shape")
    assert said, _reasons(record)
    assert "4 alike posts" in said[0] and "Nick Hale" in said[0]


def test_a_thread_whose_posts_alternate_classes_goes() -> None:
    # Threads alternate their posts' classes ("odd" and "even", "alt" and none); hashed, the
    # two halves share no class string, and neither half alone makes three posts.
    page = (FIXTURES / "kind-6-comments-without-names.html").read_text(encoding="utf-8")
    posts = page.split('<div class="w7v6u5">')
    page = posts[0] + "".join(
        f'<div class="w7v6u5 {("e2f3", "o4p5")[n % 2]}">' + post for n, post in enumerate(posts[1:])
    )
    assert [opening[:20] for opening in _threads(page.encode())] == ["Posted by: Nick Hale"]
    body = clean_html(page.encode(), url=URL).articleBody or ""
    assert_once(body, *ARTICLE)
    assert_gone(body, *COMMENTS)


def test_a_thread_with_short_stamped_items_between_its_posts_goes() -> None:
    # Pingbacks (a stamp and a link, no prose) before each post: with them, under half of the
    # stamped items are posts; the posts' own class still makes a thread, from its first post
    # to its last, the pingbacks between included.
    page = (FIXTURES / "kind-6-comments-without-names.html").read_text(encoding="utf-8")
    posts = page.split('<div class="w7v6u5">')
    ping = (
        '<div class="g6h7"><a href="https://elsewhere.example.org/{n}">Harbour links {n}</a>'
        " on March {n}, 2012 at 9:4{n} PM</div>\n"
    )
    page = posts[0] + "".join(ping.format(n=n) + '<div class="w7v6u5">' + post for n, post in enumerate(posts[1:], 3))
    assert [opening[:20] for opening in _threads(page.encode())] == ["Posted by: Nick Hale"]
    body = clean_html(page.encode(), url=URL).articleBody or ""
    assert_once(body, *ARTICLE)
    assert_gone(body, *COMMENTS, "Harbour links 4", "Harbour links 5", "Harbour links 6")


def _threads(page: bytes) -> list[str]:
    """The opening words of each thread :func:`find_threads` finds on the stripped ``page``."""
    root = lxml.html.document_fromstring(page)
    stats = strip_page(root)
    return [" ".join(t.region[0].text_content().split())[:40] for t in find_threads(root, stats)]


def _reasons(record: Article, words: str = "") -> list[str]:
    """The reasons of ``record``'s cleaning steps that hold ``words`` (every reason by default)."""
    return [str(step.reason) for step in record.cleaning if words in str(step.reason)]


def _page(inside: str) -> bytes:
    return (
        "<html><head><title>Notes from the allotment</title></head><body>"
        f"<div class='a1'><div class='a2'>{inside}</div></div></body></html>"
    ).encode()


PARAGRAPH = (
    "<p>The first frost came three weeks early this year, and the leeks did not mind at all, "
    "but the last of the runner beans went black overnight and had to come out. {n}</p>"
)


def test_a_blogs_time_stamped_posts_with_nothing_before_them_stay() -> None:
    # A blog's front page: every post is stamped and has prose, but no article comes first.
    posts = "".join(
        f"<div class='p9'><h2>Week {n}</h2><div class='s8'>March {n}, 2012 at 10:1{n} AM</div>"
        + PARAGRAPH.format(n=n) * 2
        + "</div>"
        for n in range(1, 5)
    )
    page = _page(posts)
    assert _threads(page) == []
    body = clean_html(page, url="https://allotment.example.com/").articleBody or ""
    for n in range(1, 5):
        assert f"had to come out. {n}" in body


def test_time_stamped_teasers_between_an_articles_paragraphs_leave_the_paragraphs() -> None:
    # Three "read also" boxes with a date and a time, each between paragraphs of the article:
    # a <p> beside a stamp is the article's paragraph, not a post's body.
    teaser = "<div class='t3'><a href='/x{n}'>Read also: the east pier reopens</a> 3. 3. 2012 10:1{n}</div>"
    parts = []
    for n in range(1, 5):
        parts.append(PARAGRAPH.format(n=f"Part {n}."))
        parts.append(PARAGRAPH.format(n=f"Part {n}b."))
        parts.append(teaser.format(n=n))
    parts.append(PARAGRAPH.format(n="The end."))
    page = _page("<h1>Notes from the allotment</h1>" + "".join(parts))
    assert _threads(page) == []
    body = clean_html(page, url=URL).articleBody or ""
    for n in range(1, 5):
        assert f"Part {n}." in body and f"Part {n}b." in body
    assert "The end." in body


SHORT_POST = (
    "<h2>First frost</h2><div class='d4'>"
    "<p>The first frost came three weeks early this year. The leeks did not mind at all, but the "
    "runner beans went black overnight and the last of them had to come out on Sunday, a month "
    "before I would have pulled them in an ordinary year, and a good deal greener.</p>"
    "<p>Next week: what to sow under glass before Christmas.</p></div>"
)
POSTER = (
    "Stone walls keep the wind off the brassicas better than any fleece I have tried, and the "
    "slugs hate the lime mortar too. {n}"
)


def _thread_after_short_post(post: str) -> bytes:
    return _page(SHORT_POST + "<h3>4 thoughts</h3><ol class='r2'>" + post * 4 + "</ol>")


def test_a_stamp_loose_in_a_posts_box_beside_the_posters_name_makes_a_post() -> None:
    # "<cite>Ann</cite> on March 3, 2012 at 11:02 AM" is loose text in the post's <li>, which
    # holds the comment too: the stamp line is the text, not an element of its own.
    post = "<li><cite>Ann Lee</cite> on March 3, 2012 at 11:0{n} AM<div class='k1'><p>" + POSTER + "</p></div></li>"
    page = _thread_after_short_post("".join(post.format(n=n) for n in range(4)))
    assert [opening[:20] for opening in _threads(page)] == ["Ann Lee on March 3, "]
    body = clean_html(page, url=URL).articleBody or ""
    assert "had to come out on Sunday" in body and "Next week" in body
    assert_gone(body, "Stone walls keep the wind off", "Ann Lee")


def test_a_thread_after_a_post_of_two_paragraphs_goes() -> None:
    # A post of a few sentences (photo posts, short notes) is enough of an article before a
    # thread: 250 characters of text runs, not 500.
    post = "<li><div class='h5'><b>Ann Lee</b> March 3, 2012 at 11:0{n} AM</div><p>" + POSTER + "</p></li>"
    page = _thread_after_short_post("".join(post.format(n=n) for n in range(4)))
    assert [opening[:20] for opening in _threads(page)] == ["Ann Lee March 3, 201"]
    body = clean_html(page, url=URL).articleBody or ""
    assert "had to come out on Sunday" in body
    assert_gone(body, "Stone walls keep the wind off")


def test_a_thread_after_paragraphs_cut_by_inline_markup_goes() -> None:
    # Every sentence of the post is cut by <strong>, <em> and <a> into text pieces shorter than
    # a run of text: a <p> is counted whole (its text outside links), so the post still comes
    # before the thread.
    marked = (
        "<p>The first <strong>frost</strong> came three weeks <em>early</em> this year. The "
        "<a href='/leeks'>leeks</a> did not mind, but the <strong>runner beans</strong> went "
        "black overnight and the <em>last of them</em> had to come out on Sunday, a month "
        "before I would have <strong>pulled them</strong> in an ordinary year.</p>"
        "<p>Next <em>week</em>: what to sow <strong>under glass</strong> before Christmas, "
        "and which of the <em>old seed packets</em> are still worth a try.</p>"
    )
    post = "<li><div class='h5'><b>Ann Lee</b> March 3, 2012 at 11:0{n} AM</div><p>" + POSTER + "</p></li>"
    thread = "<ol class='r2'>" + "".join(post.format(n=n) for n in range(4)) + "</ol>"
    page = _page("<h2>First frost</h2><div class='d4'>" + marked + "</div>" + thread)
    assert [opening[:20] for opening in _threads(page)] == ["Ann Lee March 3, 201"]
    body = clean_html(page, url=URL).articleBody or ""
    assert "had to come out on Sunday" in body and "still worth a try" in body
    assert_gone(body, "Stone walls keep the wind off")
    # The same post written without <p>, its sentences loose in a box between <br>s, counts
    # too: a run of text is read across the inline markup up to the next line break.
    loose = marked.replace("<p>", "").replace("</p>", "<br><br>")
    page = _page("<h2>First frost</h2><div class='d4'>" + loose + "</div>" + thread)
    assert [opening[:20] for opening in _threads(page)] == ["Ann Lee March 3, 201"]
    # Short lines between line breaks are no run however many there are: nothing but a list
    # of labels and stamped posts comes before the posts.
    bare = "<h2>First frost</h2>" + "".join(f"<b>w{n}</b> frost came early this year<br>" for n in range(30))
    assert _threads(_page(bare + thread)) == []


DATED_POST = "<li><div class='h5'>{d}. Mar, 2012 / Ann Lee says:</div><p>" + POSTER + "</p></li>"


def test_posts_stamped_with_a_date_alone_go_when_none_is_before_the_article() -> None:
    # Many blog engines stamp a comment with its date and no time of day. After a post dated
    # 2 March 2012 (its dateline, and no date in its address), four posts of 3 to 6 March are
    # readers' comments.
    post = "".join(DATED_POST.format(d=d, n=d) for d in range(3, 7))
    page = _page("<div class='m1'>2. Mar, 2012</div>" + SHORT_POST + "<ol class='r2'>" + post + "</ol>")
    assert [opening[:20] for opening in _threads(page)] == ["3. Mar, 2012 / Ann L"]
    record = clean_html(page, url="https://allotment.example.com/first-frost/")
    body = record.articleBody or ""
    assert "had to come out on Sunday" in body and "Next week" in body
    assert_gone(body, "Stone walls keep the wind off", "Ann Lee says")
    said = _reasons(record, "told by their shape")
    assert said and "none before the article's 2012-03-02" in said[0], said


def test_posts_dated_before_the_article_are_its_own_items() -> None:
    # The same posts under an article dated 10 March (in its address): a list of dated items
    # the article writes about (a history, new releases), not readers' comments after it.
    post = "".join(DATED_POST.format(d=d, n=d) for d in range(3, 7))
    page = _page(SHORT_POST + "<ol class='r2'>" + post + "</ol>")
    assert _threads(page) == []  # no day to compare with: only a time of day would tell
    body = clean_html(page, url="https://allotment.example.com/2012/03/10/first-frost/").articleBody or ""
    assert "had to come out on Sunday" in body
    for d in range(3, 7):
        assert f"slugs hate the lime mortar too. {d}" in body


def test_a_history_in_dated_entries_stays() -> None:
    # An article published in 2025 listing its subject's history, one dated entry each with a
    # sentence or two: the entries are dated before the article, so they are no thread.
    entry = (
        "<div class='e1'><h3>{d}. Oct, 19{y}</h3><p>The stadium held its first game of the season before "
        "a crowd of forty thousand, and the new stand was finished in time for it. {y}</p></div>"
    )
    page = (
        "<html><head><title>A century at the stadium</title>"
        "<meta property='article:published_time' content='2025-06-05T08:00:00Z'></head><body>"
        "<div class='a1'><h1>A century at the stadium</h1>"
        + PARAGRAPH.format(n="Intro.")
        + "".join(entry.format(d=d, y=y) for d, y in ((6, 23), (3, 31), (9, 48), (1, 72)))
        + "</div></body></html>"
    ).encode()
    record = clean_html(page, url="https://news.example.com/sport/stadium-century")
    body = record.articleBody or ""
    for y in (23, 31, 48, 72):
        assert f"finished in time for it. {y}" in body
    assert not _reasons(record, "told by their shape")


SIGNED_POST = (
    "<li><div class='n1'><cite><span>{name}</span></cite></div>"
    "<div class='b1'><div class='b2'><p>" + POSTER + "</p></div></div></li>"
)


def test_posts_opening_with_the_posters_name_in_a_cite_go() -> None:
    # No stamp at all: each post opens with its poster's name in a <cite> (blog engines' markup
    # for a comment's author), alone in its box, then the comment in a box of its own.
    names = ("Justin", "Lisl", "Ground Gamer in NYC", "SueB")
    post = "".join(SIGNED_POST.format(name=name, n=n) for n, name in enumerate(names))
    page = _page(SHORT_POST + "<ol class='r2'>" + post + "</ol>")
    assert [opening[:6] for opening in _threads(page)] == ["Justin"]
    body = clean_html(page, url=URL).articleBody or ""
    assert "had to come out on Sunday" in body and "Next week" in body
    assert_gone(body, "Stone walls keep the wind off", "Ground Gamer in NYC")


def test_a_reading_list_citing_its_works_stays() -> None:
    # An article's list of books, each item opening with the work's title in a <cite> inside
    # its sentence: the title is no signature, the items are the article's.
    item = (
        "<li><cite>{title}</cite> by an author the club read this year, a novel about a harbour "
        "town and the families who built its walls, with a sea that keeps taking them back. {n}</li>"
    )
    titles = ("The Harbour", "Granite", "North Wall", "Slack Water")
    page = _page(
        SHORT_POST + "<ol class='r2'>" + "".join(item.format(title=t, n=n) for n, t in enumerate(titles)) + "</ol>"
    )
    assert _threads(page) == []
    body = clean_html(page, url=URL).articleBody or ""
    for n in range(4):
        assert f"keeps taking them back. {n}" in body


HISTORY = "".join(
    f"<li><b>Oct. {n}, 19{20 + n}:</b> The stadium's stand number {n} is finished and opened to the public "
    "with a parade along the harbour road, the band playing and the mayor cutting the ribbon.</li>"
    for n in range(1, 6)
)


def test_dated_posts_under_a_comments_heading_go_without_a_clock_time() -> None:
    # "Name - date" stamps with no time of day, on a page that gives no day of its own (no
    # date in its address, no dateline): the heading above them says what they are.
    post = "<li><div class='h5'>{n}. Ann Lee {n} - March {n}, 2012</div><p>" + POSTER + "</p></li>"
    thread = "<h3>4 Responses to 'First frost'</h3><ol class='r2'>" + "".join(post.format(n=n) for n in range(1, 5))
    page = _page(SHORT_POST + thread + "</ol>")
    assert [opening[:20] for opening in _threads(page)] == ["4 Responses to 'Firs"]
    record = clean_html(page, url="https://allotment.example.com/first-frost")
    body = record.articleBody or ""
    assert "had to come out on Sunday" in body and "Next week" in body
    assert_gone(body, "Stone walls keep the wind off", "Ann Lee", "4 Responses")
    said = _reasons(record, "under their heading")
    assert said and "4 alike posts with a date" in said[0], _reasons(record)


def test_a_dated_line_and_its_body_beside_it_under_a_comments_heading_go() -> None:
    # <dt> holds the poster's name and the date, <dd> the comment.
    pairs = "".join(
        f"<dt><a href='#c{n}'>{n}.</a> Ann Lee {n} - August {n}, 2012</dt>"
        f"<dd><p>Good {n}! Mine went black too.</p></dd>"
        for n in range(1, 5)
    )
    page = _page(SHORT_POST + f"<div class='c1'><h2>Comments</h2><dl>{pairs}</dl></div>")
    body = clean_html(page, url=URL).articleBody or ""
    assert "had to come out on Sunday" in body
    assert_gone(body, "Ann Lee", "Good 2!")


def test_an_articles_dated_list_stays_beside_a_comments_heading() -> None:
    # A history in dated entries is the article: a comments link above it (the byline's) has
    # too little text before it, and the heading after it has no posts under it.
    intro = "<p>How the old stadium grew, stand by stand.</p>"
    byline = "<div class='b1'><a href='#comments'>12 comments</a></div>"
    page = _page(byline + intro + f"<ul class='h2'>{HISTORY}</ul><h3>Comments are closed.</h3>")
    assert _threads(page) == []
    body = clean_html(page, url=URL).articleBody or ""
    for n in range(1, 6):
        assert f"stand number {n} is finished" in body


ENTRY = (
    "<div class='e1'><h2>Leeks after the frost</h2>"
    + PARAGRAPH.format(n="Entry.")
    + PARAGRAPH.format(n="Again.")
    + "<p class='m1'>Posted by Tom Reyes at March {d}, 2012 6:35 AM</p></div>"
)
READER = (
    "<div class='c2 by-{n}'><div class='b3'><p>" + POSTER + "</p></div>"
    "<p class='m1'>Posted by: Ann Lee at March {d}, 2012 {n}:12 PM</p><hr></div>"
)


def _readers(day: int) -> str:
    """Four readers' posts printed like the entry, dated ``day`` and the day after."""
    return "".join(READER.format(n=n, d=day + n % 2) for n in range(1, 5))


def _entry_and_readers(entry_day: int, reader_day: int) -> bytes:
    return _page(ENTRY.format(d=entry_day) + _readers(reader_day))


def test_an_entry_printed_like_its_readers_posts_stays_and_their_posts_go() -> None:
    # A blog engine prints the entry with its stamp ("Posted by ... at ...") and its readers'
    # posts alike, children of one box, each post's class naming its poster (so no class makes
    # a run of three): nothing comes before the entry, so the run of stamped boxes starts at
    # the page's top. The entry's class is none of the posts', and every post after it is
    # dated on or after its day: it is the article, the rest its readers'.
    page = _entry_and_readers(entry_day=9, reader_day=9)
    assert [opening[:24] for opening in _threads(page)] == ["Stone walls keep the win"]
    body = clean_html(page, url="https://allotment.example.com/leeks.html").articleBody or ""
    assert "had to come out. Entry." in body and "had to come out. Again." in body
    assert_gone(body, "Stone walls keep the wind off")


def test_posts_dated_before_the_entry_above_them_stay() -> None:
    # The same page with every later post dated before the first: entries of a front page or
    # an archive (newest first), not readers writing after the article appeared.
    page = _entry_and_readers(entry_day=9, reader_day=2)
    assert _threads(page) == []
    body = clean_html(page, url="https://allotment.example.com/").articleBody or ""
    assert "had to come out. Entry." in body and "Stone walls keep the wind off" in body


def test_wordpress_and_thesis_thread_headings_head_their_posts() -> None:
    # "3 thoughts on “...”" (WordPress's default) and "{ 3 comments… read them below or add
    # one }" (Thesis's) head dated posts as "3 Responses to" does; "10 thoughts on leadership",
    # without the quotes, is an article's heading.
    post = "<li><div class='h5'>Ann Lee {n} - March {n}, 2012</div><p>" + POSTER + "</p></li>"
    posts = "".join(post.format(n=n) for n in range(1, 4))
    thesis = "{ 3 comments&#8230; read them below or <a href='#r'>add one</a> }"
    for heading in ("3 thoughts on &#8220;First frost&#8221;", thesis):
        page = _page(SHORT_POST + f"<h3>{heading}</h3><ol class='r2'>{posts}</ol>")
        assert len(_threads(page)) == 1, heading
        body = clean_html(page, url="https://allotment.example.com/first-frost").articleBody or ""
        assert "had to come out on Sunday" in body
        assert_gone(body, "Stone walls keep the wind off")


def test_a_thread_heading_deep_in_wrapper_boxes_still_heads_its_posts() -> None:
    # A page laid out in one-cell tables (or wrapper <div>s) puts the heading three boxes
    # down from the level its posts sit at; a box that is its parent's only element adds
    # markup, not a level of the layout, so the posts are still within reach.
    post = "<li><div class='h5'>Ann Lee {n} - March {n}, 2012</div><p>" + POSTER + "</p></li>"
    posts = "".join(post.format(n=n) for n in range(1, 4))
    heading = "<h3>3 thoughts on &#8220;First frost&#8221;</h3>"
    for box, end in (("<table><tr><td>", "</td></tr></table>"), ("<div class='w1'>", "</div>")):
        page = _page(SHORT_POST + box * 2 + heading + end * 2 + f"<ol class='r2'>{posts}</ol>")
        assert len(_threads(page)) == 1, box
        body = clean_html(page, url="https://allotment.example.com/first-frost").articleBody or ""
        assert "had to come out on Sunday" in body
        assert_gone(body, "Stone walls keep the wind off", "3 thoughts on")


PHOTO_POST = "<h3>Frost on the leeks</h3><div class='i1'><img src='/leeks.jpg'><br>Monday morning.</div>"
TERMS = "".join(
    f"<dt><a href='/profile/{n}'>Ann Lee {n}</a> said...</dt><dd><p>{POSTER.format(n=n)}</p></dd>"
    f"<dd><a href='?showComment={n}'>{n}:12 PM</a></dd>"
    for n in range(1, 5)
)


def test_a_thread_under_a_photo_post_goes_when_its_heading_counts_it() -> None:
    # A photo post has a line of text, far from the 250 characters a thread needs before it; a
    # heading of plain text that counts the posts under it ("4 comments:", Blogger's) says what
    # they are, and under it a post's time ("2:12 PM", its permalink) is its stamp.
    page = _page(PHOTO_POST + f"<div class='c3'><h4>4 comments:</h4><dl class='c4'>{TERMS}</dl></div>")
    assert [opening[:11] for opening in _threads(page)] == ["4 comments:"]
    body = clean_html(page, url="https://allotment.example.com/2012/11/frost.html").articleBody or ""
    assert_gone(body, "Stone walls keep the wind off", "Ann Lee")


def test_a_linked_comment_count_or_titled_entries_head_no_thread_before_little_text() -> None:
    # A byline's "4 comments" links to the thread: with little text before it, what follows may
    # be the post itself. Entries with titles under a plain count are a front page's.
    linked = _page(
        PHOTO_POST + f"<div class='c3'><h4><a href='#c'>4 comments</a></h4><dl class='c4'>{TERMS}</dl></div>"
    )
    assert _threads(linked) == []
    entry = "<li><h2>Week {n}</h2><div class='h5'>March {n}, 2012</div><p>" + POSTER + "</p></li>"
    titled = _page(
        PHOTO_POST + "<p>4 comments</p><ol class='r2'>" + "".join(entry.format(n=n) for n in range(1, 5)) + "</ol>"
    )
    assert _threads(titled) == []


def test_a_definition_list_of_names_and_comments_under_a_counted_heading_goes() -> None:
    # Some templates print no date at all: "{ 4 comments }", then <dt> the poster's name (a
    # link to their site, an avatar) and <dd> the comment. The heading counts the posts; each
    # term is a name alone.
    terms = "".join(
        f"<dt><img src='/a{n}.png'><a href='https://ann{n}.example.net/'>Ann Lee {n}</a></dt>"
        f"<dd><div><p>{POSTER.format(n=n)}</p></div></dd>"
        for n in range(1, 5)
    )
    page = _page(SHORT_POST + f"<div class='c5'><p>{{ 4 comments }}</p></div><dl class='c6'>{terms}</dl>")
    assert [opening[:14] for opening in _threads(page)] == ["{ 4 comments }"]
    body = clean_html(page, url="https://allotment.example.com/first-frost").articleBody or ""
    assert "had to come out on Sunday" in body
    assert_gone(body, "Stone walls keep the wind off", "Ann Lee")
    # A glossary's terms hold sentences, and a heading that counts no posts vouches for none.
    glossary = terms.replace("</a></dt>", "</a>. A grower. She writes.</dt>")
    assert _threads(_page(SHORT_POST + f"<div class='c5'><p>{{ 4 comments }}</p></div><dl>{glossary}</dl>")) == []
    assert _threads(_page(SHORT_POST + f"<div class='c5'><p>Comments</p></div><dl>{terms}</dl>")) == []


def test_what_follows_a_comments_heading_inside_the_content_goes() -> None:
    # Two readers' posts with no stamp, no count and boxes named nothing, inside the box that
    # holds the article: the heading above them ends the article, whatever follows it.
    posts = "".join(f"<div class='q{n}'><b>Ann Lee {n}</b><p>{POSTER.format(n=n)}</p></div>" for n in range(2))
    form = "<div class='f1'><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>"
    page = _page(SHORT_POST + f"<div class='z9'><h3>Comments</h3>{posts}</div>{form}")
    record = clean_html(page, url="https://allotment.example.com/first-frost")
    body = record.articleBody or ""
    assert "had to come out on Sunday" in body and "Next week" in body
    assert_gone(body, "Stone walls keep the wind off", "Ann Lee", "Leave a Reply", "will not be published")
    said = _reasons(record, "comments' heading")
    assert said and "'Comments'" in said[0], _reasons(record)


def test_a_comments_heading_after_text_runs_cut_by_links_ends_the_article() -> None:
    # A post written without <p>: its words loose in a box, cut into runs by a link in the
    # middle. The runs on both sides of the link are the post's prose, so the "Comments"
    # heading after them ends it, and its one reader's post goes.
    post = (
        "<div class='e1'>The first frost came three weeks early this year, and on the whole the leeks did "
        "not mind it at all, <a href='/leeks'>the leeks I wrote about in March</a>. The runner beans went "
        "black overnight and the last of them had to come out on Sunday, a month before I would have pulled them in an "
        "ordinary year, and a good deal greener than I would have liked.</div>"
    )
    reader = (
        "<dl><dt><div class='d1'>November 15, 2012 at 6:55 pm</div>(1) Ann says:</dt>"
        f"<dd><div><p>{POSTER.format(n=1)}</p></div></dd></dl>"
    )
    page = _page("<h2>First frost</h2>" + post + "<div class='c1'><h3>Comments</h3>" + reader + "</div>")
    record = clean_html(page, url="https://allotment.example.com/2012/11/14/first-frost")
    body = record.articleBody or ""
    assert "leeks did not mind it" in body and "a good deal greener than I would have liked" in body
    assert_gone(body, "Stone walls keep the wind off", "Ann says", "6:55 pm")
    said = _reasons(record, "comments' heading")
    assert said and "'Comments'" in said[0], _reasons(record)
    # Without the link's tail the same words are one run too short: the heading must not
    # come after a title and a sentence alone.
    short = page.replace(
        b". The runner beans went black overnight and the last of them had to come out on Sunday, a month "
        b"before I would have pulled them in an ordinary year, and a good deal greener than I would have liked.",
        b".",
    )
    body = clean_html(short, url="https://allotment.example.com/2012/11/14/first-frost").articleBody or ""
    assert "Stone walls keep the wind off" in body


def test_wordpress_one_comment_heading_ends_the_article() -> None:
    # WordPress writes a thread of one post as "One Comment" (and "One Response"), the count
    # a word; the heading ends the article like "2 Comments" would. "One comment stood out"
    # in the article's text is a sentence, not a heading, and stays.
    post = (
        "<div class='q1'><div class='s1'>November 15, 2012 12:55 pm</div>"
        f"<p>{POSTER.format(n=1)}</p></div>"
    )
    for heading in ("One Comment", "One Response"):
        inside = SHORT_POST.replace("<p>Next week", "<p>One comment stood out.</p><p>Next week")
        page = _page(inside + f"<div class='z9'><span>{heading}</span> <a href='#respond'>leave one</a>{post}</div>")
        record = clean_html(page, url="https://allotment.example.com/2012/11/14/first-frost")
        body = record.articleBody or ""
        assert "had to come out on Sunday" in body and "Next week" in body and "One comment stood out." in body
        assert_gone(body, "Stone walls keep the wind off", "12:55 pm", heading)


def test_a_blog_engines_thread_heading_under_a_photo_post_ends_it() -> None:
    # A photo post has one caption line before its one reader's post, far from the 250
    # characters a plain "Comments" needs before it; Thesis's "{ 1 comment… read it below or
    # add one }" is printed only above a thread, so what follows it goes: the post, the reply
    # form and the blog's "About" box the content also holds.
    caption = "<p>Photographer: Emily Shur, for the magazine's cover story on the new season's films.</p>"
    thread = (
        "<div class='k1'><p>{ 1 comment&#8230; read it below or <a href='#r'>add one</a> }</p></div>"
        f"<dl><dt><a href='/ann'>Ann Lee</a></dt><dd><p>{POSTER.format(n=1)}</p></dd></dl>"
        "<div class='k2'><h3>Leave a Comment</h3><p>Your email address will not be published.</p></div>"
        "<div class='k3'><h3>About:</h3><p>A Photo Notebook is edited by Ann Lee, the former photo editor of "
        "a monthly magazine, with three contributors who write about the business of pictures.</p></div>"
    )
    page = _page("<h1>The daily edit</h1><div class='i1'><img src='/cover.jpg'></div>" + caption + thread)
    body = clean_html(page, url="https://photos.example.com/2012/11/12/the-daily-edit/").articleBody or ""
    assert "Photographer: Emily Shur" in body
    assert_gone(body, "read it below", "Stone walls keep the wind off", "Leave a Comment", "About:", "is edited by")
    # A plain "Comments" after the same line is still no end: it may be a toolbar's label.
    plain = page.replace(b"{ 1 comment&#8230; read it below or <a href='#r'>add one</a> }", b"Comments")
    body = clean_html(plain, url="https://photos.example.com/2012/11/12/the-daily-edit/").articleBody or ""
    assert "is edited by" in body


def test_a_count_of_responses_to_the_headline_under_a_photo_post_ends_it() -> None:
    # "One Response to <em>The daily edit</em>": a theme printing the title without quotes. Its
    # count names the page's own headline, so it heads the thread as the quoted heading does,
    # after the photo post's one caption line; the single post and the reply form go.
    caption = "<p>Photographer: Emily Shur, for the magazine's cover story on the new season's films.</p>"
    heading = "<h2>One Response to <em>The daily edit</em></h2>"
    thread = (
        f"<ol class='r1'><li><div class='r2'><p>{POSTER.format(n=1)}</p></div></li></ol>"
        "<div class='k2'><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div>"
    )
    inside = "<h1>The daily edit</h1><div class='i1'><img src='/cover.jpg'></div>" + caption + "{heading}" + thread
    url = "https://photos.example.com/2012/11/12/the-daily-edit/"
    body = clean_html(_page(inside.format(heading=heading)), url=url).articleBody or ""
    assert "Photographer: Emily Shur" in body
    assert_gone(body, "One Response", "Stone walls keep the wind off", "Leave a Reply")
    # The same count naming another story is a line about that story, not this page's thread.
    other = "<h2>One Response to <em>The Harbour Wall Vote</em></h2>"
    body = clean_html(_page(inside.format(heading=other)), url=url).articleBody or ""
    assert "Stone walls keep the wind off" in body
    # A headline that reads as such a count is the article's own heading, not its thread's.
    lead = "<p>From the archive: a photographer's notes on moving her studio from the capital to the coast.</p>"
    titled = lead + inside.replace("The daily edit", "12 Thoughts on Leaving the City Behind")
    body = clean_html(_page(titled.format(heading="")), url=url).articleBody or ""
    assert "Photographer: Emily Shur" in body and "Stone walls keep the wind off" in body


def test_a_post_written_between_brs_in_a_div_is_text_before_its_comments_heading() -> None:
    # A post written as lines between <br>s in a <div>, each line shorter than a run of prose
    # and cut by links: read whole, as a <p> holding the same lines is, it is the article's text
    # before "1 comment:", which then ends it; the reader's post and its name go.
    lines = (
        "Thanks to everyone who tested the release candidates",
        "and sent us reports from their own projects this month.",
        "You can download this release from <a href='/get'>our downloads page</a> today,",
        "and the release notes list every change since the spring.",
        "The next release is planned for the new year, as usual.",
    )
    post = "<div class='q1'><b>" + "<br>".join(lines) + "</b></div>"
    thread = (
        "<h4>1 comment:</h4><dl class='q2'><dt>Carl Rahm said...</dt>"
        f"<dd><p>{POSTER.format(n=1)}</p></dd><dd>October 27, 2012 at 9:12 AM</dd></dl>"
    )
    page = _page("<h3>Release 2.5 is here</h3>" + post + thread)
    body = clean_html(page, url="https://toolkit.example.com/2012/10/release-25.html").articleBody or ""
    assert "planned for the new year" in body and "our downloads page" in body
    assert_gone(body, "1 comment:", "Carl Rahm", "Stone walls keep the wind off")


def test_a_comments_link_or_label_above_the_article_leaves_the_article() -> None:
    # A toolbar's "Comments" before the article's text, as a label or as a link, and a link
    # after it: none of them ends the article.
    for bar in ("<div class='t1'><span>Comments</span></div>", "<div class='t1'><a href='#c'>12 Comments</a></div>"):
        text = "".join(PARAGRAPH.format(n=f"Part {n}.") for n in range(3))
        page = _page("<h2>First frost</h2>" + bar + text + "<p><a href='#c'>4 comments</a></p>")
        body = clean_html(page, url="https://allotment.example.com/first-frost").articleBody or ""
        assert body.count("had to come out.") == 3, bar


def test_a_comment_count_linked_to_the_thread_after_the_summary_leaves_the_article() -> None:
    # A review's summary, then its byline's count ("Comments: 37", the number a link to the
    # thread) and the article: the count points at the thread, it is not the thread's heading.
    summary = PARAGRAPH.format(n="Summary.") + PARAGRAPH.format(n="Verdict.")
    count = "<p class='m2'>Comments: <a href='#comments'>37</a></p>"
    text = "".join(PARAGRAPH.format(n=f"Part {n}.") for n in range(3))
    page = _page("<h2>First frost</h2>" + summary + count + text)
    body = clean_html(page, url="https://allotment.example.com/first-frost").articleBody or ""
    assert body.count("had to come out.") == 5
    # The thread's own heading, its count not a link, still ends the article there.
    page = _page("<h2>First frost</h2>" + summary + text + "<h3>Comments: 37</h3><p>Stone is the right call.</p>")
    body = clean_html(page, url="https://allotment.example.com/first-frost").articleBody or ""
    assert body.count("had to come out.") == 5
    assert_gone(body, "Stone is the right call")



def test_a_comment_count_label_in_the_bylines_row_after_the_summary_leaves_the_article() -> None:
    # The byline's row as a list (author, date, "Kommentare:" with its count left for a script
    # to fill), after the summary: a label in a row pointing at the thread, not its heading.
    summary = PARAGRAPH.format(n="Summary.") + PARAGRAPH.format(n="Verdict.")
    row = (
        "<ul class='m3'><li>A column by Ann Lee</li><li><span>Published:</span> <span>2 hours ago</span></li>"
        "<li><span><span>Kommentare: </span></span><span></span></li></ul>"
    )
    text = "".join(PARAGRAPH.format(n=f"Part {n}.") for n in range(3))
    page = _page("<h2>First frost</h2>" + summary + row + text)
    body = clean_html(page, url="https://allotment.example.com/first-frost").articleBody or ""
    assert body.count("had to come out.") == 5
    # A tab's "Comments" among the row's other tabs still heads what follows.
    tabs = "<ul class='t3'><li>Most read</li><li>Most emailed</li><li>Comments</li></ul>"
    page = _page("<h2>First frost</h2>" + summary + text + tabs + "<p>Stone is the right call, said Ann.</p>")
    body = clean_html(page, url="https://allotment.example.com/first-frost").articleBody or ""
    assert body.count("had to come out.") == 5
    assert_gone(body, "Stone is the right call")

def _photo_post(heading: str, title: str) -> bytes:
    """A photo under its heading, one short line, and its readers' short posts, each opening
    with the poster's name in a ``<cite>`` (no stamp, little text before them)."""
    replies = ("Lovely light on the water!", "Thanks for sharing this one, Ann.", "Wow, what a morning that was.")
    posts = "".join(
        f"<li><div class='n1'><cite>{name}</cite></div><div class='b1'><p>{reply} {n}</p></div></li>"
        for n, (name, reply) in enumerate(zip(("Justin", "Lisl", "SueB", "Tom"), (*replies, replies[0]), strict=True))
    )
    return (
        f"<html><head><title>{title}</title></head><body><div class='a1'>{heading}"
        "<div class='a3'><img src='/dawn.jpg' alt=''><p>Taken at six.</p></div>"
        f"<ol class='r2'>{posts}</ol></div></body></html>"
    ).encode()


def test_short_signed_posts_under_a_photo_posts_headline_go() -> None:
    # A photo post has next to no text before its readers' posts, so the text-before guard
    # (a blog's front page has none before its first entry) would keep them; the heading that
    # gives the page's headline before them says the page is one article's.
    page = _photo_post("<h1>The harbour at dawn</h1>", "The harbour at dawn | Notes from the quay")
    root = lxml.html.document_fromstring(page)
    stats = strip_page(root)
    assert find_threads(root, stats) == []  # (the headline unknown: the guard holds)
    threads = find_threads(root, stats, headlines=("The harbour at dawn | Notes from the quay",))
    assert [" ".join(t.region[0].text_content().split())[:6] for t in threads] == ["Justin"]
    body = clean_html(page, url=URL).articleBody or ""
    assert_gone(body, "Lovely light on the water", "Thanks for sharing this one", "what a morning")


def test_signed_posts_under_the_sites_name_on_a_front_page_stay() -> None:
    # The same run under the site's name (a heading linking home, the page's title) has no
    # headline before it: a front page's entries, not readers' posts.
    page = _photo_post("<h1><a href='/'>Notes from the quay</a></h1>", "Notes from the quay")
    root = lxml.html.document_fromstring(page)
    stats = strip_page(root)
    assert find_threads(root, stats, headlines=("Notes from the quay",)) == []


def _short_entry_and_readers(heading: str) -> bytes:
    """One paragraph's entry (less than the text-before guard) printed like its readers' posts,
    under ``heading``."""
    entry = (
        f"<div class='e1'>{heading}"
        + PARAGRAPH.format(n="Entry.")
        + "<p class='m1'>Posted by Tom Reyes at March 9, 2012 6:35 AM</p></div>"
    )
    return (
        "<html><head><title>Runner beans | Notes from the allotment</title></head><body>"
        f"<div class='a1'><div class='a2'>{entry}{_readers(9)}</div></div></body></html>"
    ).encode()


def test_readers_posts_under_a_short_entry_go_when_the_headline_heads_it() -> None:
    # The entry told apart from its readers' posts (its own class, dated before them) has one
    # paragraph: under a heading giving the page's headline, that run of text is the article.
    page = _short_entry_and_readers("<h3>Runner beans</h3>")
    body = clean_html(page, url="https://allotment.example.com/runner-beans.html").articleBody or ""
    assert "had to come out. Entry." in body
    assert_gone(body, "Stone walls keep the wind off")
    # Without the headline's heading it may be a front page's newest entry: the posts stay.
    page = _short_entry_and_readers("")
    body = clean_html(page, url="https://allotment.example.com/runner-beans.html").articleBody or ""
    assert "had to come out. Entry." in body and "Stone walls keep the wind off" in body


def _entry_page(intro: str) -> bytes:
    """An entry printed like its readers' posts (a body box, then a "Posted by ... at" stamp
    line, the same classes for all), under the page's headline and ``intro``."""
    entry = "".join(
        f"<p>The bureau reported that real output grew at a {n}.0% annual rate in the third quarter, "
        "with consumer spending and government purchases doing most of the work.</p>"
        for n in range(1, 9)
    )
    replies = (
        "Spending by the government will not last, and the next report will show it plainly.",
        "Consumers are borrowing again, which is the part of the report that worries me most.",
        "The revision to the second quarter was larger than the change you point to here.",
        "Exports fell for the first time in three years, which nobody seems to mention at all.",
    )
    run = (
        f"<div class='b5'>{entry}</div><p class='s5'>Posted by James Hamilton at October 28, 2012 01:23 PM</p>"
        "<a href='https://digg.example.com/submit'>digg this</a>"
    )
    for n, reply in enumerate(replies):
        stamp = f"Posted by: reader{n} at October 28, 2012 0{n + 2}:10 PM"
        run += f"<div class='b5'><p>{reply}</p></div><p class='s5'>{stamp}</p>"
    return (
        "<html><head><title>Yet another weak GDP report | Econbrowser</title></head><body>"
        f"<div class='w1'><h3>Yet another weak GDP report</h3>{intro}{run}</div></body></html>"
    ).encode()


def test_stamped_posts_under_the_headline_after_a_short_summary_go_and_the_entry_stays() -> None:
    # A short summary under the headline (less than the text-before guard asks), then the entry
    # printed like its readers' posts: the first, by far the longest, of the run is the article.
    intro = (
        "<p>That is the same title I used for the second quarter's report back in July, and it "
        "fits the third quarter's just as well.</p>"
    )
    body = clean_html(_entry_page(intro), url=URL).articleBody or ""
    assert "grew at a 8.0% annual rate" in body
    assert_gone(body, "will not last", "borrowing again", "Exports fell")


def test_a_counted_thread_with_a_reply_box_after_each_post_goes() -> None:
    # "5 Responses to ..." over posts (name, date line, comment), each followed by its own reply
    # box, one tag for both: more boxes than the heading counts, but no more posts.
    names = ("john", "ann", "dejavue", "tom", "sue")
    posts = "".join(
        f"<a name='c{n}'></a><div class='p1'><div class='n1'><b>{name}</b></div><div class='d1'>10/1{n}/2012</div>"
        f"<div class='t1'>{POSTER.format(n=n)}</div></div>"
        f"<div class='f1'><span>Name (required)</span> <span>Email (required)</span> <a href='#c{n}'>reply</a></div>"
        for n, name in enumerate(names)
    )
    page = (
        "<html><head><title>Alien surface | Tutorials</title></head><body><div class='a1'>"
        "<h1>Alien surface</h1><p>Create a realistic set extension with a matte painting and 3D tracking data, "
        "in a tutorial of twenty-seven minutes that walks through every step from the plate to the render.</p>"
        f"<div class='h1'>5 Responses to \u201cAlien surface\u201d</div><div class='r1'>{posts}</div>"
        "</div></body></html>"
    ).encode()
    body = clean_html(page, url=URL).articleBody or ""
    assert "realistic set extension" in body
    assert_gone(body, "Stone walls keep the wind off", "dejavue")


def _stamped_posts_after_a_post(stamps: tuple[str, ...]) -> bytes:
    """A short post and a paragraph, then one alike box for each of ``stamps``: its stamp line
    above a reader's paragraph."""
    posts = "".join(
        f"<div class='p1'><div class='n1'>{stamp}</div><div class='t1'>{POSTER.format(n=n)}</div></div>"
        for n, stamp in enumerate(stamps)
    )
    return _page(SHORT_POST + PARAGRAPH.format(n=1) + f"<div class='r1'>{posts}</div>")


def test_posts_stamped_how_long_ago_go() -> None:
    # Comment systems print when a post was written relative to the page's making ("10 days
    # ago", "vor 3 Tagen"), with no date and no clock time.
    stamps = ("Miles 10 days ago", "Waiology 9 days ago", "Anna vor 3 Tagen", "Tom a month ago")
    page = _stamped_posts_after_a_post(stamps)
    assert [opening[:5] for opening in _threads(page)] == ["Miles"]
    body = clean_html(page, url=URL).articleBody or ""
    assert "had to come out on Sunday" in body
    assert_gone(body, "Stone walls keep the wind off", "days ago")


def test_an_articles_own_line_saying_how_long_ago_stays() -> None:
    # "Two years ago" in the article's own sentences is no stamp: they are long, and alike
    # stamped boxes are what a thread is made of.
    page = _page(
        SHORT_POST
        + "".join(
            f"<p>The wall was rebuilt {n} years ago, after a storm took forty metres of its face, and "
            f"the council has not touched it since, the harbour master said. {n}</p>"
            for n in range(2, 6)
        )
    )
    assert _threads(page) == []
    body = clean_html(page, url=URL).articleBody or ""
    for n in range(2, 6):
        assert f"touched it since, the harbour master said. {n}" in body


def test_live_blog_entries_stamped_minutes_or_hours_ago_stay() -> None:
    # A live blog stamps its entries "21 mins ago 11:48": its text, not readers' posts.
    stamps = ("21 mins ago 11:48", "2 hours ago 10:05", "3 hours ago 09:12", "4 hours ago 08:36")
    page = _stamped_posts_after_a_post(stamps)
    assert _threads(page) == []


def _reply(number: str, minute: int, replies: str = "", text: str = "") -> str:
    """A post of a thread whose replies sit inside the post they answer, each box alike."""
    return (
        f"<div class='q7 z2'><div class='m3'><b>Ann Lee</b> <span>#{number} - Mon Oct 29, 2012 "
        f"10:{minute:02d} AM EDT</span></div><div class='b5'>{text or POSTER.format(n=number)}"
        f"{replies}</div></div>"
    )


def test_a_thread_of_replies_nested_in_the_post_they_answer_goes() -> None:
    # One post at the top, its three replies inside it (the last two short, under
    # POST_PROSE): no run of three alike posts side by side, but four stamped posts alike.
    replies = _reply("1.1", 21) + _reply("1.2", 28, text="That was for 2010.") + _reply("1.3", 40, text="Agreed.")
    thread = f"<div class='t6'>{_reply('1', 7, replies)}</div>"
    page = _page("<h1>Notes from the allotment</h1>" + PARAGRAPH.format(n=1) + PARAGRAPH.format(n=2) + thread)
    assert [opening[:20] for opening in _threads(page)] == ["Ann Lee #1 - Mon Oct"]
    body = clean_html(page, url=URL).articleBody or ""
    assert "had to come out. 1" in body and "had to come out. 2" in body
    assert_gone(body, "Stone walls keep the wind off", "That was for 2010", "Agreed.", "#1.1")


def test_nested_stamped_boxes_with_nothing_before_them_stay() -> None:
    # The same nested boxes with no article before them: a page of posts, not a thread.
    replies = _reply("1.1", 21) + _reply("1.2", 28) + _reply("1.3", 40)
    page = _page(f"<div class='t6'>{_reply('1', 7, replies)}</div>")
    assert _threads(page) == []
    body = clean_html(page, url="https://allotment.example.com/").articleBody or ""
    assert "Stone walls keep the wind off" in body


def test_a_relative_stamp_is_found_as_the_pattern_finds_it() -> None:
    # ``_ago`` asks the relative-time pattern only of ASCII text holding one of its words: the
    # pattern's answer on every text, "3 days ago" and "vor 2 Tagen" found, "Agora" and a
    # colon's text not; text past ASCII (a dotted capital I: "İl y a 2 jours") asks the pattern.
    from newsclean.cleaners.page_chrome import STAMP_AGO
    from newsclean.cleaners.threads import _ago

    found = ["Ann said 3 days ago: fine", "vor 2 Tagen", "IL Y A 2 JOURS", "İl y a 2 jours", "hace 3 días"]
    texts = [*found, "Agora: the forum", "Note: read this", "A year ago", "a week agone", "10 DAYS AGO", ""]
    for text in texts:
        assert _ago(text) is (STAMP_AGO.search(text) is not None), text
    assert [_ago(t) for t in texts[:5]] == [True, True, True, True, True]
    assert not any(_ago(t) for t in texts[5:7])


def test_a_comments_heading_in_the_reply_forms_box_still_ends_the_article() -> None:
    # The reply form's box holds the thread's heading: pruned as a signup's pitch, it took the
    # heading with it, and what the heading ends (the side column's recent comments) stayed.
    story = "".join(
        f"<div>{n}. The council voted on Tuesday to extend the tram line by four stops, after two years of "
        "consultation with residents.</div>"
        for n in range(1, 5)
    )
    recent = "".join(
        f"<div><a href='/c{n}'>Reader {n}</a> on the tram vote: I think the new stops will help the "
        "market traders on the east side of town.</div>"
        for n in range(3)
    )
    html = (
        "<html><head><title>Tram line extended</title></head><body><div class='x1'>"
        f"<h1>Tram line extended</h1>{story}"
        "<div class='x2'><h3>Add a Comment</h3><div>Required fields are marked</div>"
        "<form><input type='text' name='author'><input type='email' name='email'>"
        "<textarea name='comment'></textarea><input type='submit' value='Post'></form></div>"
        f"<div class='x3'><h3>Recent Comments</h3>{recent}</div></div></body></html>"
    )
    record = clean_html(html)
    body = record.articleBody or ""
    assert body.count("The council voted") == 4, body
    assert "Recent Comments" not in body and "market traders" not in body
    assert any("Add a Comment" in (entry.reason or "") for entry in record.cleaning or [])


NESTED_URL = "https://news.example.com/2012/03/harbour-wall.html"


def test_replies_nested_in_the_posts_they_answer_go_without_any_stamp() -> None:
    # Slashdot's template once its names are gone: each post its title and score, "by NAME
    # (id)", its text, and its replies in a list inside it; the dates a script fills in are
    # empty. No stamp, no comments heading: the replies nested in the posts they answer, built
    # alike at every depth, make the thread.
    page = (FIXTURES / "kind-6-nested-replies-without-stamps.html").read_bytes()
    assert [opening[:23] for opening in _threads(page)] == ["Stone is the right call"]
    record = clean_html(page, url=NESTED_URL)
    body = record.articleBody or ""
    assert_once(body, "rebuild the north harbour wall in granite", "paid from the harbour fund")
    assert_gone(body, "My grandfather helped", "Concrete cracks", "Who pays?", "The boat owners do", "Score:")
    said = _reasons(record, "holding their replies")
    assert said and "6 alike posts" in said[0], _reasons(record)


def _section(level: int, title: str, text: str, inner: str = "") -> str:
    return f"<div class='k3 m{level}'><h{level}>{title}</h{level}><div class='p9'><p>{text}</p></div>{inner}</div>"


def test_an_articles_nested_sections_stay() -> None:
    # A guide's sections nested in its chapters, each box alike but for its heading, which
    # steps down a level: an article's outline, not posts holding their replies.
    text = (
        "The wall's old stones were cut from the quarry above the town, {n} metres of them in all, "
        "and set without mortar."
    )
    parts = "".join(_section(3, "Part {c}." + str(p), text.format(n="{c}" + str(p))) for p in (1, 2))
    chapters = "".join(_section(2, f"Chapter {c}", text.format(n=c), parts.replace("{c}", str(c))) for c in (1, 2, 3))
    page = _page("<h1>Notes from the allotment</h1>" + PARAGRAPH.format(n=1) + PARAGRAPH.format(n=2) + chapters)
    assert _threads(page) == []
    body = clean_html(page, url=URL).articleBody or ""
    assert_once(body, "Part 3.2", "32 metres of them", " 1 metres of them", "Part 1.1")


FERRY_URL = "https://harbournotes.example.org/2012/10/ferry-timetable.html"
FERRY = (
    "The county published its new ferry timetable on Monday",
    "That half hour matters to the forty or so people",
    "The transport committee says the earlier crossing",
    "would not have been hard to write.",
)
FERRY_COMMENTS = (
    "Ten past six is fine in summer",
    "The notice on the window was the first I heard of it too.",
    "Perhaps two timetables",
    "My daughter catches that boat",
    "Posted by: Nick Hale",
    "Posted by: Maria Costa",
)


@pytest.mark.parametrize(
    ("fixture", "heading"),
    [
        # Movable Type: <h2 id="comments">Comments</h2>, then posts named nothing, each a box and
        # a "Posted by: NAME at DATE" line. The heading, dropped for its name, took the one mark
        # of the article's end with it; kept as a mark, it ends the content there.
        ("comments-heading-named-over-unnamed-posts.html", "Comments"),
        # The same posts under <div class="comments-title">6 Responses</div>: a heading written
        # as a line of a <div> (or a <p>) marks the article's end as an <h2> does. Before, it went
        # for its name (or was pruned as a short box named against content) and the thread stayed
        # whole.
        ("kind-6-comments-heading-written-as-a-div.html", "6 Responses"),
    ],
)
def test_a_comments_heading_named_as_comments_ends_the_article_over_unnamed_posts(fixture: str, heading: str) -> None:
    record = clean_html((FIXTURES / fixture).read_bytes(), url=FERRY_URL)
    body = record.articleBody or ""
    assert_once(body, *FERRY)
    assert_gone(body, *FERRY_COMMENTS, heading, "Archives", "Copyright 2012")
    assert _reasons(record, f"after the reader comments' heading '{heading}'"), _reasons(record)


def test_a_comments_heading_div_holding_a_block_is_no_mark() -> None:
    # A box named comments holding blocks is the thread's (or a wrapper's), never its heading.
    root = lxml.html.fromstring(
        "<html><body><div id='post'><p>" + "The harbour master says the tides come early. " * 4 + "</p>"
        "<div class='comments-title'><p>3 Comments</p></div><p class='comments-title'>3 Comments</p>"
        "</div></body></html>"
    )
    strip_page(root)
    assert root.find(".//div[@class='comments-title']") is None
    marked = root.find(".//p[@class='comments-title']")
    assert marked is not None and marked.get(COMMENTS_MARK) is not None


def test_a_comments_heading_kept_as_a_mark_counts_in_no_box_and_leaves_no_text() -> None:
    # Kept only to mark the article's end, the heading weighs nothing in the choice of the
    # content (the boxes around it are measured as without it), and where nothing is cut after
    # it, it goes as before.
    page = (
        "<html><head><title>Tide tables</title></head><body><div id='post'>"
        "<h1>Tide tables</h1><p>" + "The spring tides come early this year, the harbour master says. " * 4 + "</p>"
        "<h3 class='comments-header'>Comments</h3><div class='comments-content'></div>"
        "</div></body></html>"
    )
    root = lxml.html.fromstring(page)
    stats = strip_page(root)
    heading = root.find(".//h3")
    assert heading is not None and heading.get(COMMENTS_MARK) is not None
    post = root.get_element_by_id("post")
    assert stats[post].text == len("Tide tables") + len(root.find(".//p").text.strip())
    body = clean_html(page.encode(), url=FERRY_URL).articleBody or ""
    assert "spring tides" in body
    assert "Comments" not in body
