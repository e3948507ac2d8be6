"""Prompts: share, follow, short-URL, teaser, newsletter and cookie prompts go; prose stays."""

from pathlib import Path

import pytest
from newsclean.cleaners import Action, Block, BlockKind, Document, clean_html
from newsclean.cleaners.prompts import Prompts, embed_residue


def run(*lines: str) -> list[tuple[str, str, str | None]]:
    doc = Document([Block(line) for line in lines])
    return [(doc.blocks[d.position].text, str(d.action), d.value) for d in Prompts()(doc)]


def test_share_and_short_url_prompts_go() -> None:
    lines = [
        "Like this story? Share it with a friend!",
        "Get short URL",
        "Share on Facebook",
        "Facebook Twitter WhatsApp",
    ]
    assert [r[0] for r in run(*lines)] == lines


def test_teasers_and_topic_bars_go() -> None:
    lines = [
        "Also on rt.com Putin says Russia is ready for talks",
        "READ MORE: Kremlin denies freeze talks",
        "Trends: Ukraine conflict, US elections",
        "Related Articles",
    ]
    assert [r[0] for r in run(*lines)] == lines


def test_read_also_teasers_in_other_languages_go_and_the_label_alone_or_an_aside_stays() -> None:
    # "Read also: <another article's headline>" in the languages the teaser headings read. The
    # label alone on its line heads a box page_chrome removes with the headlines under it; a
    # label followed by sentences of the writer's own is an aside in prose.
    teasers = [
        "Lesen Sie auch: Annalena Baerbock: Kinder, Ausbildung, Politik",
        "Les også: Tone Damli røper detaljer om frieriet",
        "Lire aussi : Sophie Binet, élue à la tête de la CGT",
        "Leer también: El Gobierno aprueba el nuevo plan de vivienda",
        "Läs också: Regeringen sänker skatten för pensionärer",
    ]
    stays = [
        "Lesen Sie auch:",
        "Lire aussi : le rapport publié mardi par la Cour des comptes. Le ministre a répondu dans la soirée "
        "que les chiffres de la Cour étaient faux et qu'il les contesterait.",
        "Les også boka hans, sa hun til slutt.",
    ]
    assert [r[0] for r in run(*teasers, *stays)] == teasers


def test_newsletter_cookie_and_subscription_prompts_go() -> None:
    lines = [
        "Sign up for our daily newsletter",
        "Get the best of our journalism delivered to your inbox every morning.",
        "We use cookies to improve your experience.",
        "Already a subscriber? Log in",
        "Advertisement",
    ]
    assert [r[0] for r in run(*lines)] == lines


def test_comment_counters_ad_choices_and_gallery_links_go_and_sentences_with_their_words_stay() -> None:
    # A comment count however printed ("Reader Comments (0)", "0comments"), a link down to the
    # comments, the ad network's "AdChoices" label and a link to the full gallery or more videos:
    # the page's tools, not the article's lines. Sentences with the same words stay.
    lines = [
        "Reader Comments (0)",
        "Comments 12",
        "0comments",
        "Jump to comments",
        "Advertise | AdChoices",
        "AdChoices",
        "See more video",
        "View the full gallery",
    ]
    stays = [
        "Comments from readers were mixed, the editor said.",
        "Jump to comments made by the mayor in 2019 and you will see the change.",
        "The agency will view the full gallery of proposals before it decides.",
        "See more videos of the launch on the agency's site, a spokesman said.",
    ]
    assert [r[0] for r in run(*lines, *stays)] == lines


def test_ad_labels_in_other_languages_and_a_pages_tools_go_and_prose_with_their_words_stays() -> None:
    lines = [
        "Anzeige",
        "Publicité",
        "Reklama",
        "Annonce",
        "Advertisement. Scroll to continue reading.",
        "Bookmark to:",
        "Like It. Tweet It. Digg It.",
        "Print",
        "Font:",
        "HIDE CAPTION",
    ]
    prose = [
        "Die Anzeige erschien am Montag in drei Zeitungen, sagte der Sprecher.",
        "La publicité a été retirée après les plaintes des lecteurs.",
        "Print runs fell by a third, the publisher said.",
        "Bookmark this page for the timetable, the council told residents.",
        "Hide captions on the screen if they distract you, the guide says.",
    ]
    assert [r[0] for r in run(*lines, *prose)] == lines


def test_follow_prompt_alone_goes_and_glued_prompt_is_trimmed() -> None:
    got = run(
        "Follow RT on Telegram",
        "Follow RT onA media report suggesting that Putin reached out to the US is false, Peskov said.",
    )
    assert got[0] == ("Follow RT on Telegram", str(Action.REMOVE), None)
    assert got[1][1] == str(Action.TRIM)
    assert got[1][2] == "A media report suggesting that Putin reached out to the US is false, Peskov said."


def test_prose_mentioning_sharing_or_newsletters_stays() -> None:
    assert (
        run(
            "Shares in the company fell 5% after the report.",
            "The newsletter, founded in 1998, has 40,000 readers, its editor said in an interview.",
            "He told followers on Telegram that the talks had failed.",
            "Read the full report, the minister urged lawmakers, before voting on Friday.",
            "Related stories have appeared in several outlets, the ministry complained, without offering evidence.",
        )
        == []
    )


def test_prompt_boxes_in_html_go_by_class() -> None:
    doc = Document(
        [
            Block("Stay informed with our briefing", tag="h3", path="body/div.newsletter-box/h3"),
            Block("The real article paragraph is here.", tag="p", path="body/div.article-body/p"),
        ]
    )
    assert [doc.blocks[d.position].text for d in Prompts()(doc)] == ["Stay informed with our briefing"]


def test_article_wrapped_in_an_element_named_share_stays() -> None:
    # Real pages wrap whole articles in e.g. <div id="gigya-share-btns-2_containerParent">.
    wrapper = "body/div#gigya-share-btns-2_containerParent.text-wrapper"
    paragraphs = [
        f"Paragraph {n} of a long article about hotels, what their staff know and what guests never hear."
        for n in range(8)
    ]
    doc = Document([Block(p, tag="p", path=f"{wrapper}/p") for p in paragraphs])
    assert list(Prompts()(doc)) == []


def test_words_that_start_like_prompts_stay() -> None:
    assert (
        run(
            "Added sugars and sweets include table sugar, soda, juice, pastries and cookies.",
            "Adopting a whole-foods, plant-based diet is good for the planet",
            "Short URLs were banned by the platform last year, the company said.",
            "Accept cookies from strangers at your own risk, the campaign warns children.",
            "Copy editors at the paper went on strike on Monday.",
        )
        == []
    )


PROSE = (
    "The council voted on Tuesday to extend the tram line by four stops, a decision that followed "
    "two years of consultation with residents, shop owners and the transport union."
)


def test_the_offer_around_a_subscription_prompt_goes_with_it() -> None:
    # A paywall's offer between the paragraphs, its class names meaningless: the prompt's words
    # tell it, and the heading and the list in its small box go with it.
    box = "body/article/div.x1/div.x2"
    doc = Document(
        [
            Block(PROSE, tag="p", path="body/article/p"),
            Block("THIS CONTENT IS RESERVED FOR SUBSCRIBERS", tag="div", path=f"{box}/div"),
            Block("Subscribe now to read the latest news in your city.", tag="p", path=f"{box}/p"),
            Block(
                "Unlimited digital access to the City News.", kind=BlockKind.LIST_ITEM, tag="li", path=f"{box}/ul/li"
            ),
            Block("The daily crossword.", kind=BlockKind.LIST_ITEM, tag="li", path=f"{box}/ul/li"),
            Block(PROSE.replace("Tuesday", "Friday"), tag="p", path="body/article/p"),
        ],
        source_format="html",
    )
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {1, 2, 3, 4}


def test_an_offer_of_a_hundred_words_around_a_subscription_prompt_goes() -> None:
    # A paywall's offer with five benefits runs past 60 words; without a paragraph of prose it
    # is still the prompt's box, not the article.
    box = "body/article/div.x1/div.x2"
    benefits = [
        "Exclusive articles by our top columnists, plus the morning and evening newsletters and events.",
        "Unlimited online access to the City News and fifteen news sites with one account.",
        "The ePaper, an electronic replica of the print edition to view on any device.",
        "Daily puzzles and comics, including the crossword and the weekly quiz.",
        "Support local journalism.",
    ]
    doc = Document(
        [
            Block(PROSE, tag="p", path="body/article/p"),
            Block("THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY", tag="div", path=f"{box}/div"),
            Block("Subscribe now to read the latest news in your city.", tag="p", path=f"{box}/p"),
            *(Block(b, kind=BlockKind.LIST_ITEM, tag="li", path=f"{box}/ul/li") for b in benefits),
            *(Block(PROSE.replace("Tuesday", day), tag="p", path="body/article/p") for day in ("Friday", "Monday")),
        ],
        source_format="html",
    )
    assert sum(len(b.text.split()) for b in doc.blocks[1:-2]) > 60
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {1, 2, 3, 4, 5, 6, 7}


def test_an_offer_whose_benefit_runs_to_a_long_sentence_goes_and_a_paragraph_beside_a_prompt_stays() -> None:
    # One benefit of the offer is a long sentence: a list's item, never the article's paragraph
    # that keeps a box. The same sentence as a paragraph beside a call to action keeps its box.
    box = "body/article/div.x1/div.x2"
    long_benefit = (
        "Exclusive articles from our columnists, the city hall reporters, the critics and others. Plus, food reviews "
        "and event listings in the weekly newsletter, Out of Office."
    )
    assert len(long_benefit.split()) >= 25
    doc = Document(
        [
            Block(PROSE, tag="p", path="body/article/p"),
            Block("SUBSCRIBE TO UNLOCK MORE ARTICLES", tag="div", path=f"{box}/div"),
            Block("Subscribe now to read the latest news in your city.", tag="p", path=f"{box}/p"),
            Block(long_benefit, kind=BlockKind.LIST_ITEM, tag="li", path=f"{box}/ul/li"),
            Block("Support local journalism.", kind=BlockKind.LIST_ITEM, tag="li", path=f"{box}/ul/li"),
            Block(PROSE.replace("Tuesday", "Friday"), tag="p", path="body/article/p"),
            Block(long_benefit, tag="p", path="body/article/div.y1/p"),
            Block("Subscribe now", tag="a", path="body/article/div.y1/a"),
        ],
        source_format="html",
    )
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {1, 2, 3, 4, 7}


def test_a_prompts_box_holding_prose_or_the_standfirst_stays() -> None:
    # Before the first paragraph, a header's box beside a share prompt holds the standfirst; a box
    # holding a paragraph of prose beside a call to action is the article's.
    doc = Document(
        [
            Block("Four new stops by 2028, and a crossing by the school.", tag="p", path="body/header/div.h1/p"),
            Block("Share this article", tag="div", path="body/header/div.h1/div"),
            Block(PROSE, tag="p", path="body/article/p"),
            Block(PROSE.replace("Tuesday", "Friday"), tag="p", path="body/article/div.y1/p"),
            Block("Subscribe now", tag="a", path="body/article/div.y1/a"),
        ],
        source_format="html",
    )
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {1, 4}


def test_consent_small_print_goes_and_someone_elses_agreement_stays() -> None:
    lines = [
        "By signing up you consent to receive the above newsletter from City News Inc.",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "I would like to be emailed about offers, events and updates from City News. Read our privacy policy",
        "Mit der Anmeldung willigen Sie der Verarbeitung Ihrer Daten gemäß unserer Datenschutzerklärung ein.",
        "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.",
    ]
    assert [r[0] for r in run(*lines)] == lines
    prose = (
        "By signing up for the scheme, residents agree to pay a fixed monthly fee for five years.",
        "„Ich bin damit einverstanden“, sagte der Bürgermeister am Montag.",
    )
    assert run(*prose) == []


def test_the_offers_box_inside_a_larger_box_holding_prose_goes_alone() -> None:
    # The outermost small box around the prompt holds the article's last paragraph too: the
    # offer's own box inside it goes, the paragraph stays.
    outer = "body/article/div.x1"
    box = f"{outer}/div.x2"
    doc = Document(
        [
            Block(PROSE, tag="p", path="body/article/p"),
            Block(PROSE.replace("Tuesday", "Friday"), tag="p", path=f"{outer}/p"),
            Block("Subscribe now to read the latest news in your city.", tag="p", path=f"{box}/p"),
            Block("Unlimited digital access.", kind=BlockKind.LIST_ITEM, tag="li", path=f"{box}/ul/li"),
            Block("The daily crossword.", kind=BlockKind.LIST_ITEM, tag="li", path=f"{box}/ul/li"),
            *(Block(PROSE.replace("Tuesday", day), tag="p", path="body/p") for day in ("Monday", "Sunday")),
        ],
        source_format="html",
    )
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {2, 3, 4}


def test_an_embeds_placeholder_goes_with_its_small_box() -> None:
    # A video the reader has not allowed: its notice, its button and its label go; prose that
    # reports on data passed to third parties stays.
    box = "body/article/div.x1"
    doc = Document(
        [
            Block(PROSE, tag="p", path="body/article/p"),
            Block("Empfohlener redaktioneller Inhalt", tag="div", path=f"{box}/div"),
            Block(
                "An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.",
                tag="p",
                path=f"{box}/p",
            ),
            Block("YouTube-Inhalte erlauben", tag="button", path=f"{box}/div/button"),
            Block(PROSE.replace("Tuesday", "Friday"), tag="p", path="body/article/p"),
            Block(
                "Die Behörde prüft, ob personenbezogene Daten an Drittanbieter gingen, und ob externe "
                "Inhalte ohne Einwilligung geladen wurden.",
                tag="p",
                path="body/article/p",
            ),
            Block("Externer Inhalt nicht verfügbar", tag="div", path="body/article/div.x2/div"),
            Block(PROSE.replace("Tuesday", "Monday"), tag="p", path="body/article/p"),
        ],
        source_format="html",
    )
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {1, 2, 3, 6}


def test_a_japanese_members_only_prompt_goes_with_its_box() -> None:
    # The prompt's words tell it; its box's list of benefits goes with it, since a Japanese
    # paragraph of prose (counted by its characters, ending in "。") comes before it.
    para = (
        "市議会は火曜日、路面電車の路線を四駅延長することを決めた。"
        "住民や商店主との二年間の協議を経た決定で、工事は来年始まる。"
    )
    box = "body/article/div.x1"
    doc = Document(
        [
            Block(para, tag="p", path="body/article/p"),
            Block("この記事は会員限定です。無料で会員登録できます。", tag="p", path=f"{box}/p"),
            Block("電子版が利用できる", kind=BlockKind.LIST_ITEM, tag="li", path=f"{box}/ul/li"),
            Block("会員向け記事が読み放題", kind=BlockKind.LIST_ITEM, tag="li", path=f"{box}/ul/li"),
            Block(para.replace("火曜日", "金曜日"), tag="p", path="body/article/p"),
            Block("クラブは会員限定の見学会を開き、会員の方のみ参加できると説明した。", tag="p", path="body/article/p"),
        ],
        source_format="html",
    )
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {1, 2, 3}


def test_reader_support_requests_go_and_prose_about_support_stays() -> None:
    lines = [
        "Enjoyed this piece? We need your help to keep publishing.",
        "Wait! Before you go",
        "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende.",
        "Wie hat Ihnen dieser Artikel gefallen?",
        "Unabhängiger Journalismus braucht deine Unterstützung.",
    ]
    prose = [
        "Critics enjoyed the piece? Not all of them: the review in the Herald was scathing.",
        "Der Verband sagt, unabhängiger Journalismus braucht mehr als gute Worte.",
    ]
    assert [r[0] for r in run(*lines, *prose)] == lines


def test_a_reply_forms_small_print_goes_and_a_report_on_comments_stays() -> None:
    lines = [
        "Your email address will not be published. Required fields are marked *",
        "Notify me of follow-up comments by email.",
        "You may use these HTML tags and attributes: <a href=\"\" title=\"\"> <b> <em> <strong>",
        "You are commenting using your WordPress.com account.",
        "Comments are closed.",
        "Please read our Comment Policy before commenting.",
        "Leave a Reply",
        "Name *",
        "Ihre E-Mail-Adresse wird nicht veröffentlicht.",
        "As a final step before posting your comment, enter the letters and numbers you see in the image below. "
        "This prevents automated programs from posting comments.",
        "The letters and numbers you entered did not match the image. Please try again.",
        "Having trouble reading this image? View an alternate.",
        "Verify your Comment",
        "Login or register to post comments",
        "Please read the Online Marketing Blog comment policy.",
        "Hello! You need to sign in to comment. Please be courteous; see our Comment Policy.",
        "2 replies beneath your current threshold.",
        "No comments yet.",
    ]
    prose = [
        "Comments are closed until Friday, when the council will publish the responses it received.",
        "As a final step before posting your comment on the plan, the council asks residents to read it.",
        "The letters and numbers you entered did not match the records, the clerk told the man at the desk.",
        "Having trouble reading this image? So did the archivists, who spent a year on the faded map.",
        "No comments yet from the minister, whose office said a statement would follow on Monday.",
        "Leave a reply at the front desk if the office is closed, the notice says.",
        "Name the street after her, residents asked.",
    ]
    assert [r[0] for r in run(*lines, *prose)] == lines


def test_a_notice_that_the_content_is_reserved_for_subscribers_goes() -> None:
    lines = ["THIS CONTENT IS RESERVED FOR SUBSCRIBERS", "This article is for subscribers only."]
    prose = ["This content is reserved for subscribers who paid before May, the company said in a statement."]
    assert [r[0] for r in run(*lines)] == lines
    assert run(*prose) == []


def test_a_newsletter_platforms_subscribe_and_share_boxes_and_a_trials_small_print_go() -> None:
    lines = [
        "Thanks for reading Cloud Database Report! Subscribe for free to receive new posts and support my work.",
        "Thanks for reading! Subscribe for free to receive new posts and support my work.",
        "Thanks for reading Almost Timely Newsletter! This post is public so feel free to share it.",
        "No credit card required.",
        "Free 14-day trial. No credit card required",
    ]
    assert [r[0] for r in run(*lines)] == lines
    prose = (
        "Thanks for reading, stay safe, take care of one another, and keep being kind.",
        "Thanks for reading.",
        "You can try it free for 30 days, no credit card required, and no auto-charge.",
        "Circle offers a 14-day free trial on all plans with no credit card required.",
    )
    assert run(*prose) == []


def test_an_excerpt_ending_in_a_link_to_the_rest_goes_and_a_fold_or_a_sentence_stays() -> None:
    # Another story's excerpt under the article, its "mehr" a link to that story: it goes. The
    # article's own paragraph folded behind a "Read more" that unfolds it in place stays, and
    # so does a paragraph ending in a linked phrase or the word "more" of a sentence.
    excerpt = (
        "Zahnarzt Jost Jahn hat den Himmelskörper auf Teleskop-Aufnahmen ausgemacht. Der Komet trägt jetzt "
        "seinen Namen."
    )
    folded = "The council will vote again in March, and residents who want to speak must register a week ahead."
    blocks = [
        (f"{excerpt} mehr", f"<p>{excerpt} <a href='/nachrichten/komet194.html'>mehr</a></p>"),
        (f"{excerpt} Read more »", f"<p>{excerpt} <a href='https://example.org/komet'>Read more »</a></p>"),
        (f"{folded} Read more", f"<p>{folded} <a href='#'>Read more</a></p>"),
        (f"{folded} more", f"<p>{folded} <a href='javascript:void(0)'>more</a></p>"),
        (f"{folded} Read the full plan", f"<p>{folded} <a href='/plan'>Read the full plan</a></p>"),
        ("The new lane will bring cyclists, walkers and shoppers more", "<p>... walkers and shoppers more</p>"),
    ]
    doc = Document(
        [Block(text, tag="p", path="body/div.c1/p", html=html) for text, html in blocks], source_format="html"
    )
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {0, 1}


def test_a_consent_panel_after_the_text_goes_and_an_articles_section_on_cookies_stays() -> None:
    # A consent manager's preference centre left at the page's end, its names hashed: its
    # labels name no cookie, its paragraphs all do; the whole box goes. A news story's last
    # section on cookies stays: text follows it, and a box holding half the page is no panel.
    panel = "body/div.c9/div.c8"
    notice = (
        "This website uses cookies to improve your experience while you navigate through the website. Out of "
        "these, the cookies that are categorized as necessary are stored on your browser as they are essential."
    )
    necessary = (
        "Necessary cookies are absolutely essential for the website to function properly. This category only "
        "includes cookies that ensure basic functionalities and security features of the website."
    )
    blocks = [
        *(Block(PROSE.replace("Tuesday", day), tag="p", path="body/div.c1/div.c2/p") for day in ("Monday", "Friday")),
        *(Block(PROSE.replace("Tuesday", day), tag="p", path="body/div.c1/div.c2/p") for day in ("Sunday", "May")),
        Block("Privacy Overview", kind=BlockKind.HEADING, tag="h4", path=f"{panel}/h4"),
        Block(notice, tag="div", path=f"{panel}/div.c7"),
        Block("Necessary", tag="div", path=f"{panel}/div.c6/div.c5"),
        Block("Always Enabled", tag="span", path=f"{panel}/div.c6/span"),
        Block(necessary, tag="div", path=f"{panel}/div.c6/div.c4"),
    ]
    doc = Document(blocks, source_format="html")
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {4, 5, 6, 7, 8}

    story = "body/div.c1/div.c2"
    section = f"{story}/div.c3"
    cookies = (
        "Regulators said the tracking cookies were set before visitors agreed, and that the site stored "
        "cookies for advertising partners without asking."
    )
    blocks = [
        Block(PROSE, tag="p", path=f"{story}/p"),
        Block("What the cookies did", kind=BlockKind.HEADING, tag="h2", path=f"{section}/h2"),
        Block(cookies, tag="p", path=f"{section}/p"),
        Block(cookies.replace("Regulators", "Inspectors"), tag="p", path=f"{section}/p"),
        Block(PROSE.replace("Tuesday", "Monday"), tag="p", path=f"{story}/p"),
    ]
    assert [d for d in Prompts()(Document(blocks, source_format="html")) if d.action is Action.REMOVE] == []
    # Without the paragraph after it, the section holds half the story's words: still no panel.
    assert [d for d in Prompts()(Document(blocks[:4], source_format="html")) if d.action is Action.REMOVE] == []


def test_the_more_link_asked_of_the_text_end_answers_as_the_whole_text_search() -> None:
    # ``ends_in_more`` searches only the end of a paragraph: the same answer as the pattern
    # searched through the whole text, for every "more" word (the longest included), closing
    # marks and white space of any length, and "more" words inside the text (not at its end).
    import re
    from re import _parser  # the longest match the "more" words allow, in characters

    from newsclean.cleaners.prompts import _MORE_LINK_REACH, MORE_LINK, MORE_WORDS, ends_in_more

    assert 1 + _parser.parse(MORE_WORDS, re.VERBOSE | re.IGNORECASE).getwidth()[1] == _MORE_LINK_REACH
    words = ["read more", "More", "continua a leggere", "CONTINUE READING", "lue lisää", "czytaj więcej", "mehr"]
    prose = "Der Komet trägt jetzt den Namen seines Entdeckers, read more about it on the site. "
    endings = ["", " »", "   →", " ...", "…", " > ", "\u00a0»\u00a0\u00a0", " . ", " »»", ".", " ok"]
    texts = [""] + [f"{prose}{w}{e}" for w in words for e in endings] + [f"{w}{e}" for w in words for e in endings]
    texts += [f"{prose}{w}\n{e}\n" for w in words for e in endings] + [prose * 3, "more", " more", "amore"]
    answers = [ends_in_more(t) for t in texts]
    assert answers == [MORE_LINK.search(t) is not None for t in texts]
    assert any(answers) and not all(answers)


def test_a_consent_banners_long_notice_goes_and_prose_about_cookies_stays() -> None:
    lines = [
        "We and our 100 partners store and/or access information on a device, such as unique IDs in cookies to "
        "process personal data. You may accept or manage your choices by clicking below, including your right to "
        "object where legitimate interest is used, or at any time in the privacy policy page. These choices will "
        "be signaled to our partners and will not affect browsing data.",
        "Welcome to FullStack. We use cookies to enable better features on our website. Cookies help us tailor "
        "content to your interests and locations and provide other benefits on the site. For more information, "
        "please see our Cookies Policy and Privacy Policy.",
        "This site uses cookies. By continuing to browse this site you are agreeing to our use of cookies.",
    ]
    assert [r[0] for r in run(*lines)] == lines
    prose = (
        "We set cookies only after the user logs in, and the session expires after an hour.",
        "Regulators said the site uses cookies without consent, and the company agreed to pay a fine.",
        "We store cookies for each visitor in Redis and expire them after an hour; nobody has to accept them.",
    )
    assert run(*prose) == []


def test_a_blog_engines_post_footer_goes_and_a_report_quoting_its_words_stays() -> None:
    lines = [
        "This entry was posted on March 3, 2008 at 7:14 pm and is filed under Blogging, Web Analytics. "
        "You can follow any responses to this entry through the RSS 2.0 feed.",
        "Posted on August 9, 2012 by Rotoprofessor. This entry was posted in Prospects. Bookmark the permalink.",
        ". Posted on Friday, November 2, 2012, at 1:23 pm . Filed under Conferences . Bookmark the permalink . "
        "Follow comments here with the RSS feed . Post a comment or leave a trackback .",
        "You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response.",
        "Like this:",
        "Be the first to like this.",
        "Share this:",
        "You can follow this conversation by subscribing to the comment feed for this post.",
        "You can leave a response, or trackback from your own site.",
        "You can skip to the end and leave a response. Pinging is currently not allowed.",
        "Responses are currently closed, but you can trackback from your own site.",
        "Both comments and pings are currently closed.",
        "This entry was posted",
        "on Saturday, August 25th, 2012 at 12:23 am and is filed under Neat Stuff, Robot Art, Videos.",
    ]
    prose = [
        "You can leave a response on the council's website until Friday, when the consultation closes.",
        "On Monday the bill was passed and is filed under the new rules.",
        "Both comments and pings from the sonar were recorded, the navy said.",
        "Posted by Ann Lee in News",  # a byline: news pages' truth often holds it
        "The guide tells new bloggers to bookmark the permalink before they share a post.",
        "She said this entry was posted late because the editor was away.",
        "Like this: a cat asleep on the warm bonnet of a car.",
        "Share this information with your neighbours, the council asked.",
        "You can follow this conversation on the council's own forum, where residents post daily.",
    ]
    assert [r[0] for r in run(*lines, *prose)] == lines


def test_a_notice_that_a_summary_or_audio_is_made_by_ai_goes_with_its_box() -> None:
    # A news site's machine summary under the standfirst: its label, its notice and its points
    # go; a report on AI-made pictures, or one that quotes such a notice at length, stays.
    box = "body/article/div.x1"
    standfirst = (
        "Viele der Eltern im Lienzer Talboden schickten ihre Kinder am Montag nicht in die Schule, "
        "weil der Rauch des Großbrandes noch über dem Tal hing und die Behörden zur Vorsicht rieten."
    )
    doc = Document(
        [
            Block(standfirst, tag="p", path="body/article/div.x0/p"),
            Block("Der Artikel für Sie zusammengefasst", tag="div", path=f"{box}/div"),
            Block(
                "Diese Zusammenfassung wurde künstlich erzeugt. Wir entwickeln dieses Angebot stetig weiter.",
                tag="div",
                path=f"{box}/details/div",
            ),
            Block("Ein Großbrand legte die Schulen lahm.", kind=BlockKind.LIST_ITEM, path=f"{box}/ul/li"),
            Block("Am Dienstag gilt wieder der Regelbetrieb.", kind=BlockKind.LIST_ITEM, path=f"{box}/ul/li"),
            Block(PROSE, tag="p", path="body/article/p"),
            Block("Trump postet erneut ein KI-generiertes Bild mit Jesus Christus.", tag="p", path="body/article/p"),
            Block(
                "The summary was generated by AI, the agency admitted on Friday, after readers found that it "
                "named the wrong minister and gave the date of the vote as a week later than it was; the "
                "editors had not read it before it went out to forty thousand subscribers.",
                tag="p",
                path="body/article/p",
            ),
        ],
        source_format="html",
    )
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {1, 2, 3, 4}
    lines = [
        "Ljuduppspelningen är AI-genererad. Felaktigheter kan förekomma.",
        "Diese Audioversion wurde künstlich generiert. Mehr Informationen zu unserer Vorlesefunktion finden Sie hier.",
        "This summary was generated by AI and checked by our editors.",
        "The audio version of this article is AI-generated.",
    ]
    assert [r[0] for r in run(*lines, "The report was generated by AI, the company said.")] == lines


def test_a_request_to_sign_up_ending_its_block_goes_and_a_report_on_signing_up_stays() -> None:
    lines = [
        "Join over 104,000 monthly readers! Subscribe to the free Herbivoracious email newsletter.",
        "To receive these entries once a month by e-mail, sign up for the Crypto-Gram Newsletter.",
        "For the latest breaking news and stories from across the globe from the Daily Star, "
        "sign up for our newsletters .",
        "Sign up to our free breaking news emails",
        "Want more from NBC Select? Sign up for our newsletter, The Selection, and shop smarter.",
        "Subscribe to new posts via RSS or email.",
    ]
    prose = [
        "Residents can sign up for flood alerts on the council's website.",
        "If you want in, just sign up for my newsletter (it's free).",
        "To get warnings, sign up for the county's emergency alerts, the sheriff said on Monday, adding "
        "that the service was free.",
        "Readers who subscribe to the paper's newsletter get the crossword a day early, the editor said, "
        "and the number of them has doubled.",
    ]
    assert [r[0] for r in run(*lines, *prose)] == lines


def test_a_blogs_signup_requests_after_the_post_go() -> None:
    page = (
        Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "kind-6-signup-request-ending-its-block.html"
    )
    record = clean_html(page.read_bytes(), url="https://harbournotes.example.org/2012/03/flood-barrier.html")
    body = record.articleBody or ""
    assert body.startswith("The new flood barrier at the harbour mouth")
    assert "Residents can sign up for flood alerts on the council's website" in body
    assert body.endswith("comes up again.")
    assert "monthly readers" not in body and "Harbour Notes newsletter" not in body
    said = [s for s in record.cleaning if s.text.startswith(("Join over 4,000", "To receive these posts"))]
    assert len(said) == 2 and all("site notice" in str(s.reason) for s in said), record.cleaning


def test_the_standfirst_in_a_box_named_teaser_stays_another_pages_teaser_goes() -> None:
    # German and British publishers name the standfirst's box after the German "Teaser"
    # (div.teaser_text, p.article__teaser-text). Its words are the page's own description, and
    # it comes before the article's first paragraph: it stays. A box of the same name giving
    # another page's summary, or this page's summary again after the text, still goes.
    summary = "Mid-May brings the ice saints. But what is behind the old saying, and what does the forecast say?"
    doc = Document(
        [
            Block("The ice saints 2024: what the forecast says", tag="h1", path="body/article/h1"),
            Block(summary, tag="p", path="body/article/p.article__teaser-text"),
            Block(PROSE, tag="p", path="body/article/div.article__content/p"),
            Block(
                "Frost in May: how gardeners protect their seedlings on cold nights.",
                tag="p",
                path="body/article/div.teaser-box/p",
            ),
            Block(summary, tag="p", path="body/aside/div.teaser_text/p"),
        ],
        source_format="html",
        metadata={"description": f"{summary[:80]}…"},  # (cut short, as a description often is)
    )
    gone = {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}
    assert gone == {3, 4}
    doc.metadata["description"] = "Our weather pages: forecasts, radar and warnings for the whole region."
    assert {d.position for d in Prompts()(doc) if d.action is Action.REMOVE} == {1, 3, 4}


@pytest.mark.parametrize(
    "line",
    [
        "YouTube-Inhalte erlauben",
        "Inhalte von Instagram anzeigen",
        "Link zum YouTube-Inhalt",
        "Du kannst ihn dir mit einem Klick anzeigen lassen und wieder ausblenden.",
        "Infografiken anzeigenDatenschutzeinstellungen anpassen",
        "Externer Inhalt",
        "External content",
        "Click to load the video",
        "Allow content from YouTube",
        "View this post on Instagram",
        "A post shared by Reformation (@reformation)",
        "Une publication partagée par Le Monde (@lemondefr)",
        "IFRAME: https://www.youtube.com/embed/dTlTG3Rse-4",  # (lynx's line for an embedded frame)
        "IFRAME: http://www.facebook.com/plugins/like.php?href=http%3A% 2F%2Fexample.org&show-faces= false&width=90",
        "FRAME: /navigation.html",
        "[tr?id=1416917035580605&ev=PageView&noscript=1]",  # (lynx's name for a picture without words)
        "[sn-truckers.jpg&cmd=part(120x80)]",
        # a page's scripts printed as text by a converter that lost its way in the markup:
        "ord=Math.random(); ord=ord*10000000000000000000; document.write('<IFRAME SRC=\"http://ad.example/adi\">');",
        "<!-- if (! window.disable_ads) { document.write('<iframe style=\"overflow: hidden;\" frameborder=\"0\"');",
        "function fbs_click() {u=location.href;t=document.title;window.open('/s?u='+u);return false;}",
        "| | Tweet | function clearOnFocus ( name ) { var once = false; document.getElementById( name ).value = ''; "
        "once = true; }",
        "/ * * CONFIGURATION VARIABLES: EDIT BEFORE PASTING * * / var disqus_shortname = 'harbour'; // required",
        "<!-- / You may give each page an identifying name / s.pageName=\"Harbour\" s.channel=\"news\"",
    ],
)
def test_an_embeds_remains_in_a_dump_are_read(line: str) -> None:
    assert embed_residue(line)


@pytest.mark.parametrize(
    "line",
    [
        "Die Inhalte sind erlaubt, sagte die Behörde.",
        "External content is a risk for the council's website, the report says.",
        "A post shared by thousands called for the road to reopen.",
        "Instagram",
        "Die Stadt will ihre Datenschutzeinstellungen anpassen, weil das Gericht es verlangt.",
        "IFRAME: the council's frame for the pier",
        "IFRAME: https://maps.example/pier and the route around it",
        "[Editor's note]",
        "[x=1]",
        # code an article shows, a statement a line, and prose about scripts:
        "function parseLine(line) {",
        "function add(a, b) { return a + b; }",
        "var builder = GameFactory.CreateBuilder();",
        "    var response = await client.GetAsync(\"/api/users\");",
        "The ad network used document.write to insert its frames, the report said.",
        "function onLoad() { document.title = 'Harbour'; }",
    ],
)
def test_sentences_and_bare_words_are_no_embeds_remains(line: str) -> None:
    assert not embed_residue(line)
