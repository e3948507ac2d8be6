"""Prompts: share, follow and short-URL prompts, read-more teasers, newsletter, cookie and subscription boxes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from newsclean.cleaners.boxes import blocks_in_boxes, words_under
from newsclean.cleaners.caseless import Caseless, lowered
from newsclean.cleaners.chain import Action, Decision
from newsclean.cleaners.consent import consent_notices, consent_panels
from newsclean.cleaners.document import Block, BlockKind, Document, split_count
from newsclean.cleaners.line_model import word_count
from newsclean.cleaners.lynx_marks import frame_line, picture_name
from newsclean.cleaners.widgets import widgets

__all__ = ["Prompts", "embed_residue", "prompt_line"]

_NETWORKS = (
    r"telegram|twitter|x|facebook|vk|vkontakte|odysee|rumble|instagram|tiktok|youtube|linkedin|"
    r"whatsapp|threads|bluesky|mastodon|reddit|pinterest|google\s+news|flipboard|email|e-mail"
)

SHARE = re.compile(
    rf"""^(?:
        like\ this\ story\?.*share\ it.*|
        share\ (?:this|the)\ (?:article|story|post|page)\b.*|
        share\ (?:on|via|to)\ (?:{_NETWORKS})\b.*|
        (?:click\ to\ )?share(?:\ on)?(?:\s*(?:[:|]\s*)?(?:{_NETWORKS}))+\s*$|
        share(?:\ this)?\s*[:|]?\s*$|
        (?:get\ )?short\ url\s*$|copy\ (?:link|url)\s*$|link\ copied[.!]?\s*$|
        bookmark\ (?:to|this)\s*:?\s*$|like\ it\.\s*tweet\ it\.(?:\s*digg\ it\.)?\s*$|
        (?:{_NETWORKS})(?:\s*(?:[|,]\s*)?(?:{_NETWORKS}))+\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""Share and short-URL prompts: "Like this story? Share it with a friend!", "Get short URL",
"Bookmark to:", "Like It. Tweet It. Digg It."."""

FOLLOW_PREFIX = re.compile(
    rf"^(?:follow|join)\s+(?:us|@?\w+)\s+on(?:"
    rf"\s+(?:{_NETWORKS})(?:\s*(?:and|,|&)\s*(?:{_NETWORKS}))*\s*[:!.]?\s*|"  # "Follow us on Telegram"
    rf"\s*[:!.]?\s*$|"  # the whole block: "Follow us on"
    rf"(?-i:(?=[A-Z])))",  # glued to the next word: "Follow RT onA media report..."
    re.IGNORECASE,
)
"""A follow prompt: naming a network, alone, or glued to the start of a copied paragraph
("Follow RT onA media report..."); "Join him on a walk through the old town" is a sentence."""

TEASER = re.compile(
    r"""^(?:
        also\ on\ [\w.-]+\.\w+\b.*|
        read\ (?:more|also|next)\s*(?::|»|›|>|-|–|—).*|read\ more\s*$|
        (?:see|watch|listen)\ (?:also|more)\s*:.*|
        related(?:\ (?:articles?|stories|content|coverage|news|reading|topics|links))?\s*(?:[:»›|]\s*.*)?$|
        (?!.*[.!?]\s*$)(?:more|recommended|trending|most\ (?:read|popular|viewed))
            (?:\ (?:stories|news|articles|from\ .{1,30}|on\ .{1,30}))?\s*:?\s*$|
        trends\s*:.*|
        you\ (?:may|might)\ (?:also\ )?(?:like|enjoy|be\ interested\ in)\s*[:.!…]?\s*$|
        don'?t\ miss\s*:.*|
        continue\ reading(?:\ (?:the\ )?(?:main\ |full\ )?(?:story|article))?\s*[.…:»›>]*\s*$|
        click\ here\ to\ (?:read|see|watch).*|
        (?:view|see)\ (?:the\ )?(?:full|more|all)\ (?:gallery|galleries|videos?|photos)\s*[.…:»›>]*\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""Read-more teasers and topic bars: "Also on rt.com ...", "READ MORE: ...", "Trends: ..."."""

READ_ALSO = re.compile(
    r"""^(?:lesen\ sie\ (?:auch|mehr)|lies\ auch|lire\ aussi|(?:lee|leer)\ también|leggi\ anche|les\ også|
        läs\ också|læs\ også|lees\ ook|czytaj\ (?:też|także|również)|leia\ também)\s*(?::|»|›|>|-|–|—|\|)\s*\w""",
    re.IGNORECASE | re.VERBOSE,
)
"""The "read also" label with another article's headline on its line, in the languages
``page_chrome``'s teaser headings read ("Lesen Sie auch: ...", "Les også: ...", "Lire aussi : ...",
"Leer también: ..."), as :data:`TEASER` reads "Read also: ..." (asked apart from it:
:class:`Caseless` asks ASCII patterns only). The label alone on its line heads a box of teasers
that ``page_chrome`` removes with the headlines under it."""

NEWSLETTER = re.compile(
    r"""^(?:
        (?:sign\ up|subscribe)\ (?:for|to)\ (?:our|the)\ .{0,40}newsletters?.*|
        (?=.*\b(?:our|your)\b).{0,60}\bnewsletters?\b.{0,40}\b(?:inbox|sign\ up|subscribe)\b.*|
        get\ (?:the|our)\ .{0,40}(?:in|to)\ your\ inbox.*|
        enter\ your\ e-?mail(?:\ address)?.*|
        (?:we|this\ (?:site|website))\ uses?\ cookies\ (?:and\ similar|to|on\ (?:our|this)|for)\b.*|
        (?:accept\ (?:all\ )?cookies|cookie\ (?:settings|policy|preferences))\s*$|
        subscribe\ (?:now|today|here)\b.*|already\ a\ subscriber\?.*|
        (?:support|fund)\ (?:our\ journalism\b.*|(?:independent|quality)\ journalism\b[^,;]{0,60}$)|
        become\ a\ (?:member|subscriber|supporter)\b[^,;]{0,60}$|
        (?:log|sign)\ in\ to\ (?:continue|read|comment).*|
        this\ (?:article|content|story)\ is\ (?:for|available\ to)\ (?:subscribers|members)\ only.*|
        this\ (?:article|content|story)\ is\ (?:reserved\ for|exclusive\ to|exclusively\ for)\ (?:paying\ )?
            (?:subscribers|members)(?:\ only)?\s*[.!]?\s*$|
        (?:advertisement|ad|sponsored(?:\ content)?|
            (?:advertisement[.:]?\s*)?scroll\ to\ continue(?:\ with\ content|\ reading)?\.?)\s*$|
        (?:anzeige|werbung|reklama|reklame|reklam|publicit.|publicidad|pubblicit.|annonce|annons|mainos|
            advertentie)\s*$|
        (?:(?:reader\ )?comments?(?:\ \(?\d+\)?)?|leave\ a\ comment|\d+\ ?comments?|
            (?:show|view|jump\ to|skip\ to)\ (?:the\ )?comments)\s*$|
        (?:advertise\ ?\|?\ ?)?adchoices\s*$|
        (?:tags?|topics?|filed\ under)\s*:(?!.*[.!?]\s*$).*|
        (?:print|e-?mail)\ (?:this\ )?(?:article|page|story)\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""Newsletter, cookie, subscription and ad labels; an ad slot's label in other languages
("Anzeige", "Publicité", "Reklama", "Annonce") as the whole block: "Die Anzeige erschien am
Montag" is a report."""

CALL_TO_ACTION = re.compile(
    r"""(?:
        ^(?:subscribe|sign\ up|join|get|love)\b.{0,50}
            \b(?:newsletters?|mailing\ list|(?:e-?mail|our|latest|new|live|real-time)\ (?:updates|posts)|
            (?:updates|posts)\ (?:delivered|straight\ to|from\ (?:this|our|the)\b)|inbox)\b|
        ^subscribe\b|^unsubscribe\b|\bunsubscribe\ (?:at\ any\ time|anytime|here)\b|\bunsubscribe\s*[.!]?$|
        \bwith\ unsubscribe\b|\bno\ spam\b\W*(?:ever\W*)?$|\bto\ your\ inbox\b|
        (?:^|[–—|:]\s*)(?:(?:start|get|try|claim|book|request|download|grab)\ (?:your\ |a\ |our\ |the\ )?)?
            (?:\d+[-\ ]day\ )?free\ (?:trial|consultation|demo|quote|e-?book)\b|\bsign\ up\b.{0,20}\bfree\ trial\b|
        ^book\ a\ (?:free\ )?(?:demo|call|consultation)\b|
        ^start\ (?:your\ )?free\b|^contact\ us\b[^,]*$|
        ©|\(c\)\ \d{4}|\bcopyright\s*(?:©|\(c\)|\d{4}|:)|\bcopyright(?:ed)?\ (?:by|of)\b|^copyright\s*$|
        \ball\ rights\ reserved\b|
        ^written\ by\b(?!.*[.!?]\s*$)|^\d+\s*min(?:ute)?s?\ read\b|\b\d+\s*min(?:ute)?s?\ read\s*$|
        ^affiliate\ links?\b|\b(?:contains?|may\ contain|uses?|includes?)\ affiliate\ links?\b|
        \b(?:we|i)\ (?:may\ )?earn\ (?:a\ )?(?:small\ )?commission\b|^disclosure\s*(?:[:.–—-]|$)|
        ^advertisement\s*:|^advertisement\b(?!.*[.!?]\s*$)|
        ^(?:join\ the\ (?:conversation|discussion)|add\ a\ comment|leave\ a\ (?:comment|reply)|
            be\ the\ first\ to\ comment|comment\ via\ [\w.-]+)
            (?:\s*(?:cancel\ reply|below|here|now|(?:on|via|with)\ [\w.-]+|in\ the\ comments(?:\ below)?|
            to\ [\w.-]+(?:\ [\w.-]+)?\ cancel\ reply))?\s*[.!:…»›]*\s*$|
        ^(?:keep\ reading|recent\ posts|(?:article|story)\ continues\ below|continue\ reading\ below)
            \s*[:.!…»›]*\s*$|
        ^(?:register|sign\ in|sign\ up|log\ ?in|create\ an\ account|follow\ us)\s*[.!:]?\s*$|
        ^(?:print|font\s*:|(?:hide|show)\ caption)\s*$|
        ^what\ do\ you\ think\s*\?\s*$|
        (?:^|(?<=[.!?]\s))(?:please\ )?check\ your\ inbox\b[^,]{0,60}$|\bfunded\ by\ (?:readers|members)\ like\ you\b|
        \b(?:we\ are|we're)\ (?:\w+\ )?funded\ by\ (?:readers|members)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""Calls to action and page furniture in a short block: "Join Our Genius Newsletter",
"Start free trial", "Book a demo", "© 2025 ... All rights reserved", "Written by ...",
"11 min read", affiliate disclosures, a page's tools alone on their line ("Print", "Font:",
"HIDE CAPTION")."""

DISCLOSURE = re.compile(
    r"""(?:
        \b(?:we|i|us|this\ (?:site|page|post|article)|(?<![\w-])[\w-]+\.(?:com|org|net|co|io))\b.{0,40}
            \b(?:earn|receive|get)s?\ (?:a\ )?(?:small\ )?(?:affiliate\ )?commissions?\b|
        \b(?:our|your|we|this\ (?:site|page|post|article)|contains?|may\ contain|uses?|using)\b.{0,40}
            \baffiliate\ (?:links?|commissions?|partners?|programs?)\b|
        \baffiliate\ (?:links?|marketer|programs?)\b.{0,60}
            \b(?:we|our|us|i|you|your|(?:this|the)\ (?:blog\ )?(?:post|site|page|article))\b|
        \b(?:we|i|site|author|publisher)\ (?:\w+\ )?may\ be\ compensated\b|
        \bpurchases?\ made\ through\ (?:our\ |these\ )?links\b|
        \bwe\ (?:only\ )?(?:recommend|independently\ (?:review|evaluate|select))\b.{0,80}\blinks?\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""Affiliate and sponsorship disclosures: "We may earn commission from links on this page"."""

NOTICE = re.compile(
    r"""(?:
        (?:^|(?<=[.!?]\s))already\ have\ an\ account\?(?:\s*(?:sign|log)\ ?in\b[^.!?]*)?[.!]?\s*$|
        (?:^|(?<=[.!?]\s))(?:please\ )?(?:sign|log)\ ?in\ to\ (?:comment|reply)\b|
        (?:^|(?<=[.!?]\s))you\ (?:need\ to|have\ to|must)\ (?:sign|log)\ ?in\ to\ (?:comment|reply)\s*[.!]|
        (?:^|(?<=[.!?]\s))if\ you\ (?:liked|enjoyed)\ this\ (?:article|interview|post|story|recipe)
            \s*[,!]?\s*(?:then\ )?please
            \ (?:share|consider|support|subscribe|donate|rate|leave|like|follow|tell|check|sign)\b|
        ^please\ take\ a\ moment\ to\ (?:leave|give|rate)\b|
        ^thanks\ for\ reading\b[^.!?]{0,60}[.!]\s*(?:subscribe\ for\ free\b|this\ post\ is\ public\b)|
        ^subscribe\ for\ free\ to\ receive\ new\ posts\b|
        ^(?:(?:a\ )?free\ \d+[-\ ]day\ trial\s*[.,!]?\s*)?no\ credit\ card\ (?:required|needed)\s*[.!]?\s*$|
        ^(?:(?:note|disclaimer)\s*:\s*)?(?:the\ )?(?:views|opinions)(?:\ and\ opinions)?\ expressed\ (?:
            (?:in|on|by)\ (?:this|these|the\ (?:author|writer|contributor)s?|our|[\w-]+\.[a-z]{2,})\b|
            (?:here\ )?are\ (?:the\ (?:author|writer)|those\ of|solely|my\ own))|
        ^feature(?:d)?\ image\ (?:by|via|courtesy)\b|
        ^why\ trust\ us\s*\?|
        ^wait!?\s*before\ you\ go\b|
        ^(?:enjoyed|liked?|did\ you\ (?:enjoy|like))\ (?:this|the|our)\ (?:piece|article|story|post|read)\s*\?\s*
            (?:we|please|help|support|consider|then|become|donate|subscribe|sign|join|why\ not)\b|
        ^(?:wie\ )?hat\ (?:ihnen|dir|euch)\ (?:dieser|der|unser)\ (?:artikel|beitrag|text)\ gefallen\s*\?|
        \bjournalismus\ braucht\ (?:deine|ihre|eure)\ unterst.tzung\b|
        (?:^\W*|(?<=[.!?,:;]\s))(?:please\ )?(?:sign\ up|subscribe)\ (?:for|to)\b[^.!?]{0,50}?
            \b(?:newsletters?|e-?mails?|alerts)\b[^.!?]{0,40}[.!]?\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""Site notices around an article: sign-in-to-comment, rating and support requests ("Enjoyed
this piece? We need your help ...", "Wait! Before you go", "Hat Ihnen dieser Artikel gefallen?",
"Unabhängiger Journalismus braucht deine Unterstützung"), a newsletter platform's subscribe and
share boxes in its own words ("Thanks for reading Cloud Report! Subscribe for free to receive new
posts and support my work.", "... This post is public so feel free to share it."), a trial offer's
"No credit card required" as a line of its own, opinion disclaimers, image credits.
Each starts the block and speaks to the reader or of the site ("If you enjoyed this article,
please share it"); the same words inside a sentence ("The views expressed by residents were not
necessarily shared by the council") are prose and stay. A signup request ends its block, its
imperative opening a sentence or the clause after a comma ("Join over 104,000 monthly readers!
Subscribe to the free ... email newsletter.", "To receive these entries once a month by e-mail,
sign up for the Crypto-Gram Newsletter.", "For the latest breaking news ..., sign up for our
newsletters.", "Sign up to our free breaking news emails"): "Residents can sign up for alerts on
the council's website" and "If you want in, just sign up for my newsletter" are the text's."""

CONSENT = re.compile(
    r"""(?:
        ^(?:by|when\ you)\ (?:signing\ up|subscribing|registering|clicking|submitting|continuing|
            creating\ an\ account|entering\ your\ e-?mail|providing\ your\ e-?mail)\b.{0,160}?
            \b(?:you|i)\b\s+(?:\w+\s+)?(?:agree|consent|accept|acknowledge)|
        \bthis\ (?:site|form|page)\ is\ protected\ by\ recaptcha\b|
        ^i\ (?:would\ like\ to\ (?:be\ emailed|receive)|agree\ to|consent\ to|accept\ the)\b.{0,120}
            \b(?:e-?mails?|privacy|terms|offers|newsletters?)\b|
        ^mit\ (?:der|meiner|ihrer|deiner)\ (?:anmeldung|registrierung|eintragung)\b.{0,120}?
            \b(?:willige|willigen|stimme|stimmen|akzeptiere|akzeptieren|erkl\w{3,4})\b|
        ^ich\ bin\ damit\ einverstanden\b|
        \b(?:deine|ihre)\ (?:widerrufliche\ )?einwilligung\b.{0,120}?\b(?:notwendig|erforderlich)\b|
        ^en\ (?:vous\ inscrivant|cliquant|poursuivant|validant)\b.{0,120}?\b(?:acceptez|consentez)\b|
        ^al\ (?:suscribirte|suscribirse|registrarte|registrarse|hacer\ clic|pulsar)\b.{0,120}?
            \b(?:aceptas|acepta|aceptar)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""A signup's or an embedded item's consent small print, in which the reader agrees: "By
signing up you consent to receive the above newsletter", "This site is protected by reCAPTCHA",
"I would like to be emailed about offers", "Mit der Anmeldung willigen Sie ... ein", "Ich bin
damit einverstanden, dass mir externe Inhalte angezeigt werden". A sentence in which someone
else agrees ("By signing up, residents agree to ...") is the article's."""

COMMENT_FORM = re.compile(
    r"""^(?:
        your\ e-?mail(?:\ address)?\ will\ not\ be\ published\b|
        required\ fields\ are\ marked\b|
        notify\ me\ of\ (?:follow-?up\ comments|new\ (?:posts|comments)|replies)\b|
        you\ may\ use\ these\ html\ tags\b|
        save\ my\ name,?\ e-?mail,?\ and\ website\b|
        you\ are\ commenting\ using\ your\b|
        you\ must\ be\ (?:logged|signed)\ in\ to\ (?:post|leave|add|write)\ a\ (?:comment|reply)\b|
        (?:this\ is\ only\ a\ preview\.\s*)?your\ comment\ (?:has\ not\ yet\ been\ posted|could\ not\ be\ posted|
            has\ been\ saved|is\ awaiting\ moderation)\b|
        (?:all\ )?comments\ are\ (?:moderated|subject\ to\ (?:approval|moderation))\b|
        please\ read\ our\ comment(?:ing)?\ (?:policy|guidelines|rules)\b|
        would\ you\ like\ to\ comment\ on\ this\ (?:article|story|post)\b|
        comments\ (?:are|have\ been)\ (?:now\ )?closed(?:\ (?:for|on)\ [\w.'\ ]{1,40})?\s*[.!]?\s*$|
        (?:name|e-?mail|mail|website)\ \((?:required|optional|will\ not\ be\ published)\)|
        (?:leave\ a\ (?:reply|comment)|post\ a\ comment|add\ a\ comment|cancel\ reply|post\ comment|
            submit\ comment)\s*[:.!]?\s*$|
        (?:name|e-?mail|website)\s*\*\s*$|
        as\ a\ final\ step\ before\ posting\ your\ comment,\ enter\ the\ (?:letters|characters|code)\b|
        the\ letters\ and\ numbers\ you\ entered\ did\ not\ match\ the\ image\b|
        having\ trouble\ reading\ this\ image\?\s*view\ an\ alternate\b|
        (?:verify|preview|previewing)\ your\ comment\s*$|
        (?:log\ ?in|sign\ in)\ or\ register\ to\ post\ comments\b|
        please\ read\ the\ [\w\ .'-]{1,40}\ comment(?:ing)?\ (?:policy|guidelines|rules)\s*[.!]?\s*$|
        add\ (?:a\ )?new\ comment\s*$|no\ comments\ yet\s*[.!]?\s*$|
        \d+\ repl(?:y|ies)\ beneath\ your\ current\ threshold\b|
        ihre\ e-mail-adresse\ wird\ nicht\ ver.ffentlicht\b|
        erforderliche\ felder\ sind\ mit\b|
        votre\ adresse\ (?:e-?mail|de\ messagerie)\ ne\ sera\ pas\ publi.e\b|
        tu\ (?:direcci.n\ de\ )?correo\ electr.nico\ no\ ser.\ publicad[oa]\b|
        il\ tuo\ indirizzo\ e-?mail\ non\ sar.\ pubblicato\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""The small print and labels of the reader's reply form under an article, in the words blog
engines give them whatever the markup ("Your email address will not be published. Required
fields are marked *", "Notify me of follow-up comments by email.", "You are commenting using
your WordPress.com account.", "Comments are closed.", "Please read our Comment Policy before
commenting.", "Ihre E-Mail-Adresse wird nicht veröffentlicht."): with its class names hashed,
the form's fields go with the other controls and its text stays. Each opens the block (a
comments-closed line is the whole block): "Comments are closed until Friday, the council said"
is a report. The same holds for the form's captcha and preview lines ("As a final step before
posting your comment, enter the letters and numbers you see in the image below.", "Having
trouble reading this image? View an alternate.", "Verify your Comment"), Drupal's "Login or
register to post comments", a thread's "2 replies beneath your current threshold." and "No
comments yet."""

POST_FOOTER = re.compile(
    r"""(?:
        ^\W*(?:posted\ on\b[^.!?]{0,80}[.!?]\s*)?this\ entry\ was\ posted\ (?:on|in|by|under)\b|
        ^\W*this\ entry\ was\ posted\W*$|
        ^\W*on\ [^.!?]{3,60}\ at\ \d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\ and\ is\ filed\ under\b|
        ^\W*you\ can\ (?:skip\ to\ the\ end\ and\ )?leave\ a\ response(?:,?\ or\ trackback\b|\s*[.!]\s*pinging\b)|
        ^\W*responses\ are\ currently\ closed,?\ but\ you\ can\ trackback\b|
        ^\W*both\ comments\ and\ pings\ are\ currently\ closed\b|
        (?:^|[.!?]\s*)bookmark\ the\ permalink\s*[.!]|
        \bfollow\ any\ responses\ to\ this\ entry\ through\b|
        (?:^|[.!?]\s*)follow\ (?:any\ )?comments\ here\ with\ the\ rss\ feed\b|
        ^be\ the\ first\ to\ like\ this\s*[.!]?\s*$|
        ^like\ this\s*:\s*$|
        ^you\ can\ follow\ this\ conversation\ by\ subscribing\ to\ the\ comment\ feed
            \ for\ this\ (?:post|entry)\s*\.?\s*$|
        ^this\ post's\ comment\ feed\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""The line a blog engine's theme prints under a post, in the engine's words whatever the
markup: WordPress's "This entry was posted on March 3, 2008 at 7:14 pm and is filed under
Blogging. You can follow any responses to this entry through the RSS 2.0 feed." (a text dump may
print "This entry was posted" on a line of its own, the date and "is filed under" on the next),
its default theme's "You can leave a response, or trackback from your own site.", "You can skip
to the end and leave a response. Pinging is currently not allowed.", "Responses are currently
closed, but you can trackback from your own site." and "Both comments and pings are currently
closed.", "This entry
was posted in Mobile and tagged Android by Rob Tiffany. Bookmark the permalink.", "Filed under
Life. Bookmark the permalink. Follow comments here with the RSS feed.", and WordPress.com's
likes box ("Like this:", "Be the first to like this."). With names as published the theme's
``postmetadata`` and ``sharedaddy`` boxes go by name; hashed, these lines were kept on 11 to 24
dragnet pages (the truth holds one). A byline ("Posted by Ann in News") is left: the truth of
news pages often holds it. "This entry" opens the line or follows the date line; "bookmark the
permalink" opens a sentence: a report quoting the words inside a sentence stays. TypePad's
comment box points to its feed in its own words ("You can follow this conversation by
subscribing to the comment feed for this post.", "This post's comment feed"); its trackback
lines ("TrackBack URL for this entry: ...") are left: the truth of one blog's five pages holds
them."""

MACHINE_MADE = re.compile(
    r"""^(?:
        (?:this|the)\ (?:article\ )?
            (?:summary|audio(?:\ version)?|recording|narration|voice-?over|read-?out|translation)
            \ (?:is|was|has\ been)\ (?:\w+\ ){0,2}
            (?:ai-generated|generated|created|produced|read|narrated|voiced|translated)
            \ (?:by|with|using)\ (?:an?\ |the\ help\ of\ )?
            (?:ai|artificial\ intelligence|generative\ ai|an?\ ai\ (?:model|tool|voice))\b|
        (?:this|the)\ (?:article\ )?(?:summary|audio(?:\ version)?|recording|narration)
            \ (?:of\ this\ (?:article|story)\ )?is\ ai-generated\b|
        (?:diese|die)\ (?:zusammenfassung|audioversion|audiofassung|audio-version|vorlesefunktion|sprachausgabe)
            \ (?:wurde|ist)\ (?:\w+\ ){0,2}
            (?:k.nstlich|mit\ (?:hilfe\ (?:von\ |einer\ )?)?(?:ki|k.nstlicher\ intelligenz)|ki-gest.tzt|automatisiert)
            \ (?:erzeugt|generiert|erstellt)|
        (?:ljuduppspelningen|sammanfattningen|upp.sningen)\ .r\ ai-genererad|
        (?:denne|dette|den)\ (?:oppsummeringen|sammendraget|opplesningen|lydfilen|resum.et|opl.sningen)\ er
            \ (?:laget|generert|lavet|genereret)\ (?:av|med|af)\ (?:ki|ai|kunstig\ intelligens)\b|
        (?:ce|le)\ (?:r.sum.|texte\ audio)\ a\ .t.\ (?:g.n.r.|r.alis.|produit)\ (?:par|avec|gr.ce\ .)
            \ (?:l'|une\ )?(?:ia|intelligence\ artificielle)\b|
        (?:este|el)\ (?:resumen|audio)\ (?:ha\ sido|fue|est.)\ (?:generado|creado|elaborado)\ (?:por|con)
            \ (?:una\ )?(?:ia|inteligencia\ artificial)\b|
        (?:deze|de)\ (?:samenvatting|audioversie)\ is\ (?:gegenereerd|gemaakt)\ (?:door|met)
            \ (?:ai|kunstmatige\ intelligentie)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""A news site's note that the summary or the audio version it offers beside the article was made
by a machine: "Diese Zusammenfassung wurde künstlich erzeugt", "Diese Audioversion wurde
künstlich generiert", "Ljuduppspelningen är AI-genererad", "This summary was generated by AI".
The note opens its block, a short one (:data:`MAX_PROMPT_WORDS`), and its small box (the
summary's label and points) goes with it when the box follows the standfirst; a report on
AI-made pictures ("ein KI-generiertes Foto") or one that opens with such words and runs on is
prose."""

# (An umlaut is matched by "." there: a pattern asked of lowered text holds ASCII letters only.)
EMBED_PLACEHOLDER = re.compile(
    r"""(?:
        ^an\ dieser\ stelle\ find(?:est|en|et)\ (?:du|sie|ihr)\b.{0,80}?\bexterne[nr]?\ inhalt|
        ^empfohlene[rn]?\ redaktionelle[rn]?\ inhalte?\s*$|
        ^externe[rn]?\ inhalte?\ (?:nicht\ verf.gbar|anzeigen|laden|erlauben|zulassen|aktivieren)\b|
        \bpersonenbezogene\ daten\b.{0,40}?\ban\ drittplattformen\b.{0,20}?\b.bermittelt\b|
        \b(?:privatsph.re|datenschutz|cookie)-?einstellungen\ verhindern\b|
        ^this\ (?:content|embed|post|video)\ is\ (?:not\ available|blocked|hidden)\b.{0,60}?
            \b(?:privacy|cookie|consent)\b|
        ^to\ (?:view|see|display|load)\ this\ (?:content|embed|post|video)\b.{0,60}?
            \b(?:accept|allow|enable)\b.{0,40}?\b(?:cookies|consent|content)\b|
        \bwe\ ask\ for\ your\ permission\ before\ anything\ is\ loaded\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""The placeholder a page shows for an embedded post, video or chart until the reader allows
third-party content: "An dieser Stelle findest du einen externen Inhalt von YouTube, der den
Artikel ergänzt", "Externer Inhalt nicht verfügbar", "Personenbezogene Daten können an
Drittplattformen übermittelt werden", "This content is not available due to your privacy
preferences", "We ask for your permission before anything is loaded". The notice speaks of the
embed and the reader's settings; a sentence reporting on data passed to third parties ("ob
personenbezogene Daten an Drittanbieter gingen") is prose."""

EMBED_BUTTON = re.compile(
    r"""(?:
        ^(?:[\w.-]+-)?inhalte?\ (?:von\ [\w.-]+(?:\ [\w.-]+)?\ )?
            (?:erlauben|anzeigen|laden|zulassen|aktivieren|akzeptieren|einblenden)\s*[.!]?\s*$|
        ^(?:du\ kannst|sie\ k.nnen)\ (?:ihn|sie|es|diese[nsr]?)\ (?:dir|sich|ihnen)
            \ mit\ einem\ klick\ anzeigen\ lassen\b|
        ^link\ zu[mr]\ (?:[\w.-]+-)?(?:inhalt|video|beitrag|post|tweet)\s*$|
        ^[\w-]{0,40}(?:\ anzeigen)?\s*datenschutz-?einstellungen\ (?:anpassen|.ndern|.ffnen)\s*$|
        ^(?:externe[rn]?\ inhalte?|external\ content|third[-\ ]party\ content|embedded\ content|
            contenu\ externe|contenido\ externo|contenuto\ esterno|externe\ inhoud|externt\ inneh.ll|
            eksternt?\ innhold)\s*$|
        ^(?:click|tap)\ (?:here\ )?to\ (?:load|show|display|enable|activate)\ (?:the\ |this\ )?
            (?:external\ |embedded\ |third[-\ ]party\ )?(?:content|embed|video|tweet|post|media|map)\b
            [^.!?]{0,40}[.!]?\s*$|
        ^(?:allow|accept|enable|load|show|display)\ (?:all\ )?(?:external\ |third[-\ ]party\ |embedded\ )?
            (?:content|embeds?|media)(?:\ from\ [\w.-]+(?:\ [\w.-]+)?)?\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""An embed placeholder's button, label and help as lines of their own, each the whole line:
"YouTube-Inhalte erlauben", "Inhalte von X anzeigen", "Link zum YouTube-Inhalt",
"Datenschutzeinstellungen anpassen", "Externer Inhalt", "External content", "Click to load the
video", "Allow content"; "Du kannst ihn dir mit einem Klick anzeigen lassen und wieder
ausblenden". In HTML the placeholder's box goes with its notice (:data:`EMBED_PLACEHOLDER`); a
text dump has no box, and there :func:`embed_residue` finds them inside the article's kept run."""

EMBED_FALLBACK = re.compile(
    r"""^(?:
        (?:view|see)\ this\ (?:post|profile|reel|video|photo)\ on\ (?:instagram|facebook|tiktok|x|twitter|threads)|
        diesen\ beitrag\ auf\ instagram\ ansehen|voir\ cette\ publication\ sur\ instagram|
        ver\ esta\ publicaci.n\ en\ instagram|visualizza\ questo\ post\ su\ instagram|
        bekijk\ dit\ bericht\ op\ instagram|watch\ on\ youtube|
        (?:a\ post|ein\ beitrag|une\ publication|una\ publicaci.n|un\ post|een\ bericht)
            \ (?:shared\ by|geteilt\ von|partag.e\ par|compartida\ (?:por|de)|condiviso\ da|gedeeld\ door)
            \ [^()]{1,60}\(@[\w.]+\)
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""The lines a platform's embed code prints around an embedded post, which a text dump keeps
when the script that turns it into the post never ran: Instagram's "View this post on
Instagram" and "A post shared by Reformation (@reformation)" (in the reader's language: "Diesen
Beitrag auf Instagram ansehen", "Une publication partagée par ..."), YouTube's "Watch on
YouTube". Each is the whole line; the post's own caption is left."""

MEMBERS_ONLY = re.compile(
    r"""(?:
        ご利用には(?:無料の?)?会員登録が必要です|
        会員の方のみ(?:ご利用|お読み)いただけます|
        有料会員(?:限定|になると|登録|の方は)|
        この記事は(?:有料)?会員限定|
        会員限定(?:記事|の記事|です)|
        (?:記事|有料記事)(?:が|も)?読み放題|
        続きを読むには|
        無料で会員登録
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""A Japanese news site's members-only prompt: "この記事は会員限定です" (this article is for
members), "ご利用には会員登録が必要です" (registration needed to use this), "有料会員になると
..." (as a paying member ...), "記事が読み放題" (read every article). Only a short line
(:data:`MAX_MEMBERS_CHARS`): a report on a club's members-only offer runs on in a paragraph."""

MAX_MEMBERS_CHARS = 100

MAX_DISCLOSURE_WORDS = 70
"""A disclosure is a short paragraph; a longer one that mentions commissions is an article."""

MAX_CTA_WORDS = 15
"""Only blocks this short are judged by :data:`CALL_TO_ACTION`: a sentence that mentions a
newsletter inside a real paragraph stays."""

MORE_WORDS = (
    r"(?:read\ more|more|read\ on|continue\ reading|full\ story|mehr|weiterlesen|lire\ la\ suite|"
    r"leer\ m[aá]s|ver\ m[aá]s|continua\ a\ leggere|leggi\ (?:di\ pi[uù]|tutto)|les\ mer|l[æe]s\ mere|"
    r"lees\ meer|czytaj\ wi[eę]cej|wi[eę]cej|leia\ mais|saiba\ mais|lue\ lis[aä][aä])"
)

MORE_LINK = re.compile(
    rf"""\s(?:{MORE_WORDS})\s*(?:»|›|>|…|\.\.\.|→)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A block's text ending in a "more" word ("... Der Komet trägt jetzt den Namen seines
Entdeckers. mehr", "... make it a better pick. Read More"): the excerpt may be another page's,
when the word is a link away from it (:data:`MORE_LINK_HTML`)."""

_MORE_LINK_REACH = 1 + len("continua a leggere")
"""How far before the text's closing marks (white space, an arrow, dots) a :data:`MORE_LINK`
match can start: a white space and the longest "more" words (``IGNORECASE`` matches character
for character, so no match is longer)."""

_MORE_MARKS = "»›>….→"


def ends_in_more(text: str) -> bool:
    """``MORE_LINK.search(text)``, asked only of the text's end. The pattern ends at the text's
    end and starts with a white space, so ``re`` tried it at every white space of a paragraph
    (6 us a paragraph of 40 words, most of the prompt cleaner's time); a match starts at most
    :data:`_MORE_LINK_REACH` characters before the closing white space and marks, whatever is
    stripped beyond them (more than the match holds) only moving the start back."""
    core = len(text.rstrip().rstrip(_MORE_MARKS).rstrip())
    return MORE_LINK.search(text, max(0, core - _MORE_LINK_REACH)) is not None


MORE_LINK_HTML = re.compile(
    rf"""<a\b[^>]*\bhref\s*=\s*["']?(?!\s*(?:\#?["'\s>]|javascript:))[^>]*>\s*(?:{MORE_WORDS})
        \s*(?:»|›|&gt;|>|…|\.\.\.|→)?\s*</a>\s*(?:</\w+>\s*)*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""The block's markup ending in a link reading "more" to an address (another page or a section
further down): an excerpt standing for the text it links to. A "more" that unfolds the text in
place (``href="#"``, ``javascript:``, no address) is the article's own."""

EXCERPT_MIN_WORDS = 8
"""An excerpt is a sentence or more before its link; a shorter line is a teaser's label, left to
the other patterns."""

PROMPT_CLASS = re.compile(
    r"(?:^|[-_ .#/])(?:share|sharing|social|shares|sharebar|newsletter|subscribe|subscription|"
    r"paywall|cookie|consent|gdpr|related|read-?more|readmore|recommend(?:ed|ations)?|promo|"
    r"trends|teaser|outbrain|taboola|follow|tags|breadcrumbs?|ad|ads|advert|advertisement|"
    r"sponsored|comments?)(?:[-_ .#/]|$)",
    re.IGNORECASE,
)
"""Class or id words of prompt and teaser boxes in HTML."""

_SHARE, _TEASER, _NEWSLETTER = Caseless(SHARE), Caseless(TEASER), Caseless(NEWSLETTER, match_gate=True)
_CALL_TO_ACTION, _DISCLOSURE, _NOTICE = Caseless(CALL_TO_ACTION), Caseless(DISCLOSURE), Caseless(NOTICE)
_CONSENT = Caseless(CONSENT)
_COMMENT_FORM = Caseless(COMMENT_FORM)
_POST_FOOTER = Caseless(POST_FOOTER)
_EMBED_PLACEHOLDER = Caseless(EMBED_PLACEHOLDER)
_EMBED_FALLBACK = Caseless(EMBED_FALLBACK)
_EMBED_BUTTON = Caseless(EMBED_BUTTON)
_MACHINE_MADE = Caseless(MACHINE_MADE)
_MEMBERS_ONLY = Caseless(MEMBERS_ONLY)

MAX_PROMPT_WORDS = 40
"""A longer block is article text, whatever its first words."""

MAX_BOX_WORDS = 60
"""An element named like a prompt box (``class="share"``) is one only if it holds at most this
many words; bigger ones are page wrappers that happen to carry such a name."""


PITCH_BOX_WORDS = 100
PITCH_PROSE_WORDS = 25
"""A prompt the text patterns find ("Subscribe now to read the latest news in your city") heads
or ends a box of its offer: a heading, a list of what the subscription brings, a second call.
The rest of the outermost box around the prompt that holds at most ``PITCH_BOX_WORDS`` words
(and at most half of the page's) goes with it, when that box comes after the article's first
paragraph of prose (a paragraph of at least ``PITCH_PROSE_WORDS`` words ending a sentence: a
header's box beside a share prompt holds the standfirst) and holds no such paragraph itself.
An offer listing five benefits in sentences runs to 80 or 90 words; a benefit may run to a
long sentence ("Exclusive articles from ... and others. Plus, food reviews and event listings
in the weekly newsletter."), so list items are not asked: the paragraph that keeps a box is
a standfirst or the article's own text, never a list's item."""

LABELLED_PROSE_WORDS = 20
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}[.!?][\"”’)]?\s+[\"“‘(]?[^\W\d_]")


def _prose_after_label(text: str, words: int) -> bool:
    """Whether a block opening like a teaser ("RELATED: ...", "Read more: ...") goes on for
    sentences: the writer's aside in prose ("RELATED: The endorsees did not fare well. Aside
    from ..."), not another page's headline. At least :data:`LABELLED_PROSE_WORDS` words and a
    sentence ending after a word, with more words after it ("U.S. Senate" is no break)."""
    return words >= LABELLED_PROSE_WORDS and _SENTENCE_BREAK.search(text) is not None


class Prompts:
    """Removes share/follow/short-URL prompts, read-more teasers, newsletter, cookie and
    subscription prompts; strips a follow prompt glued to the start of a paragraph."""

    name = "prompts"
    order = 300

    def __call__(self, doc: Document) -> Iterator[Decision]:
        removed: list[int] = []
        for decision in self._decisions(doc):
            if decision.action is Action.REMOVE:
                removed.append(decision.position)
            yield decision
        gone = set(removed)
        if removed and doc.source_format != "text":
            for decision in _pitch_boxes(doc, removed):
                gone.add(decision.position)
                yield decision
        for decision in chain(consent_panels(doc, gone), consent_notices(doc, gone)):
            gone.add(decision.position)  # (chain asks the notices after the panels: a panel's notice goes once)
            yield decision
        yield from widgets(doc, gone)

    def _decisions(self, doc: Document) -> Iterator[Decision]:
        boxed = blocks_in_boxes(doc, PROMPT_CLASS, MAX_BOX_WORDS)
        if boxed and doc.metadata.get("description"):
            standfirst = _own_standfirst(doc)
            if standfirst is not None:
                boxed.pop(standfirst, None)
        for i, block in enumerate(doc.blocks):
            text = block.text.strip()
            words = split_count(block.text)  # (stripping changes no word)
            reason = _prompt_reason(text, words)
            if reason:
                yield Decision.remove(i, reason)
                continue
            follow = FOLLOW_PREFIX.match(text)
            if follow:
                rest = text[follow.end() :].strip()
                if len(rest.split()) <= 3:
                    yield Decision.remove(i, "a follow prompt")
                else:
                    yield Decision.trim(i, rest, "a follow prompt glued to the paragraph's start")
                continue
            if i in boxed:
                yield Decision.remove(i, f"text inside a share, teaser or newsletter box ({boxed[i]})")
                continue
            if words > EXCERPT_MIN_WORDS and ends_in_more(text) and MORE_LINK_HTML.search(block.html):
                yield Decision.remove(i, "an excerpt of another text, ending in its 'read more' link")


STANDFIRST_WORDS = 8
"""A block opening with at least this many words of the page's own description, before the
article's first paragraph, is the page's standfirst (:func:`_own_standfirst`)."""

_WORDS = re.compile(r"\w+")


def _own_standfirst(doc: Document) -> int | None:
    """The position of the page's standfirst among the blocks, when one gives the page's own
    description (``og:description`` or the meta description: the publisher's summary of this
    page) and no paragraph of prose comes before it: its words and the description's are the
    same as far as the shorter goes (one of them cut short, "..."), at least
    :data:`STANDFIRST_WORDS` of them and half of the block's. Publishers name the standfirst's box
    after the German "Teaser" (``div.teaser_text``, ``p.article__teaser-text``,
    ``div.c-article-teaser-text``); a teaser of another page never gives this page's summary.
    ``None`` when no block does."""
    wanted = _WORDS.findall(str(doc.metadata.get("description") or "").casefold())
    if len(wanted) < STANDFIRST_WORDS:
        return None
    for i, block in enumerate(doc.blocks):
        words = _WORDS.findall(block.text.casefold())
        # (the last word of the shorter may be cut in the middle: "... the Freenet-Tochter Klar…")
        same = min(len(words), len(wanted)) - 1
        if same >= STANDFIRST_WORDS and 2 * same >= len(words) and words[:same] == wanted[:same]:
            return i
        if _prose(block):
            return None  # (the article's first paragraph: a standfirst comes before it)
    return None


def _prompt_reason(text: str, words: int) -> str:
    """Why a block's words alone (``text`` stripped, ``words`` of it) make it a prompt, a notice
    or a label (the patterns above), or ``""``. The text is lowered once for all of them."""
    if words > MAX_DISCLOSURE_WORDS and len(text) > MAX_MEMBERS_CHARS:
        return ""  # longer than any of them asks
    low = lowered(text)
    if words <= MAX_PROMPT_WORDS:
        if _SHARE.match(text, low):
            return "a share or short-URL prompt"
        if (_TEASER.match(text, low) or READ_ALSO.match(text)) and not _prose_after_label(text, words):
            return "a read-more teaser or topic bar"
        if _NEWSLETTER.match(text, low):
            return "a newsletter, cookie, subscription or ad prompt"
        if words <= MAX_CTA_WORDS and _CALL_TO_ACTION.search(text, low):
            return "a call to action, copyright line, byline or disclosure"
    if words <= MAX_DISCLOSURE_WORDS:
        if _DISCLOSURE.search(text, low):
            return "an affiliate or sponsorship disclosure"
        if _CONSENT.search(text, low):
            return "consent small print (a signup's or an embed's agreement line)"
        if _COMMENT_FORM.search(text, low):
            return "a reply form's small print or label (under the article)"
        if _POST_FOOTER.search(text, low):
            return "a blog engine's post footer (filed under, permalink, responses feed, likes)"
        if _EMBED_PLACEHOLDER.search(text, low):
            return "a placeholder for an embed the reader has not allowed"
    if len(text) <= MAX_MEMBERS_CHARS and _MEMBERS_ONLY.search(text, low):
        return "a members-only prompt (registration or subscription)"
    if words <= MAX_PROMPT_WORDS and _MACHINE_MADE.match(text, low):
        return "a note that a summary or audio version beside the article is machine-made"
    if words <= MAX_PROMPT_WORDS and _NOTICE.search(text, low):
        return "a site notice (sign-in, support request, disclaimer, credit)"
    return ""


SCRIPT_CODE = re.compile(
    r"""document\.write(?:ln)?\s*\(\s*['"]\s*<\s*(?:iframe|script|img|a|div|object|embed|ins)\b|
        \bvar\s+disqus_\w+\s*=|\bs\.(?:pagename|channel|prop\d{1,2}|evar\d{1,3})\s*=\s*["']""",
    re.IGNORECASE | re.VERBOSE,
)
"""Code of a page's script that a text dump printed as text (a converter that lost its way in the
page's markup prints the scripts beside the text): a ``document.write`` writing an ad's frame or
tag, Disqus's settings (``var disqus_shortname = ...``), an analytics tag's page variables
(``s.pageName="..."``). Code an article shows is laid out a statement a line, and writes no tags
into the page."""


_FUNCTION = re.compile(r"\bfunction\s*\w*\s*\([^()]{0,80}\)\s*\{")
_PAGE_OBJECT = re.compile(r"\b(?:document|window|location)\.\w")

SCRIPT_STATEMENTS = 3
"""A function written whole on one line with at least this many statements (``;``) is minified code."""


def script_line(text: str) -> bool:
    """Whether the line ``text`` holds a page script's code: :data:`SCRIPT_CODE`, or a function
    written whole on the line with :data:`SCRIPT_STATEMENTS` statements or more that reaches into
    the page (``document.``, ``window.``, ``location.``)."""
    if SCRIPT_CODE.search(text) is not None:
        return True
    return (
        text.count(";") >= SCRIPT_STATEMENTS
        and _FUNCTION.search(text) is not None
        and _PAGE_OBJECT.search(text) is not None
    )


def embed_residue(text: str) -> str:
    """Why a line of a text dump is what an embed leaves when it is not loaded, or a page script's
    code (:func:`script_line`), or ``""``: its
    placeholder's button, label or help (:data:`EMBED_BUTTON`), the embed code's own labels
    (:data:`EMBED_FALLBACK`), each a short line (:data:`MAX_CTA_WORDS`), or lynx's line for an
    embedded frame (:func:`frame_line`) or a picture without words
    (:func:`~newsclean.cleaners.lynx_marks.picture_name`). The page chrome cleaner asks it of the lines in the
    article's kept run once the run is chosen (removed before the line model reads the dump, the
    lines' neighbours change and the run moves: a video post's frame line parts it from the sidebar)."""
    text = text.strip()
    if script_line(text):
        return "a script's code printed as text (an ad tag, a button's handler, a comment widget's settings)"
    if frame_line(text):
        return "what lynx prints for an embedded frame (its address)"
    if text.startswith("[") and text.endswith("]") and picture_name(text[1:-1]):
        return "what lynx prints for a picture without words (its file's name)"
    if split_count(text) > MAX_CTA_WORDS:
        return ""
    low = lowered(text)
    if _EMBED_BUTTON.search(text, low):
        return "a placeholder for an embed the reader has not allowed (its button or label)"
    if _EMBED_FALLBACK.match(text, low):
        return "an embedded post's own label, printed where the post was not loaded"
    return ""


def prompt_line(block: Block) -> bool:
    """Whether the block's words alone make it a prompt the :class:`Prompts` cleaner removes
    (its offer's small box with it, :func:`_pitch_boxes`)."""
    return bool(_prompt_reason(block.text.strip(), split_count(block.text)))


def _prose(block: Block) -> bool:
    # Japanese and Chinese words by their characters (line_model.word_count), sentences by "。".
    text = block.text.strip()
    return word_count(text) >= PITCH_PROSE_WORDS and text[-1:] in ".!?。！？"


def _pitch_boxes(doc: Document, removed: list[int]) -> Iterator[Decision]:
    """The other blocks of the small boxes around the prompts removed (see :data:`PITCH_BOX_WORDS`):
    for each prompt the outermost offer's box within the size, not a larger box that holds the
    standfirst (a byline's "Written by" in a header before the first paragraph)."""
    blocks = doc.blocks
    first = next((i for i, b in enumerate(blocks) if _prose(b)), len(blocks))
    words = words_under(doc)
    half = sum(word_count(b.text) for b in blocks) / 2
    gone = set(removed)
    boxes: dict[tuple[int, ...], None] = {}  # (in the order found: the decisions' order never depends on hashing)

    judged: dict[str, list[int]] = {}  # prompts in one box share its ancestors: judge each once

    def offer(box: str) -> list[int]:
        """The blocks of ``box`` when it is an offer's box, after the article's first paragraph
        of prose and holding none, else none; when a box is not, no box around it is."""
        if box not in judged:
            inside = [i for i, b in enumerate(blocks) if b.path == box or b.path.startswith(box + "/")]
            if (
                not inside
                or min(inside) <= first
                or any(_prose(blocks[i]) for i in inside if i not in gone and blocks[i].kind is not BlockKind.LIST_ITEM)
            ):
                inside = []
            judged[box] = inside
        return judged[box]

    for i in removed:
        if i <= first or not blocks[i].path:
            continue
        steps = blocks[i].path.split("/")
        box: list[int] = []
        for n in range(len(steps) - 1, 0, -1):
            prefix = "/".join(steps[:n])
            size = words(prefix)
            if size > PITCH_BOX_WORDS or size > half:
                break
            inside = offer(prefix)
            if not inside:
                break
            box = inside
        if box:
            boxes[tuple(box)] = None
    for held in boxes:
        for i in held:
            if i not in gone:
                gone.add(i)
                yield Decision.remove(i, "beside a prompt in its small box (the offer's heading, list or small print)")
