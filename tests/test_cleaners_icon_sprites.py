"""Icon sprites: fused icon names and SVG symbol titles go; prose about icons stays."""

from newsclean.cleaners import Block, Document
from newsclean.cleaners.icon_sprites import IconSprites


def removed(doc: Document) -> list[str]:
    return [doc.blocks[d.position].text for d in IconSprites()(doc)]


def text_doc(*lines: str) -> Document:
    return Document([Block(line) for line in lines])


def test_fused_icon_names_from_a_text_dump_go() -> None:
    sprite = (
        "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron "
        "lefticon closeicon downloadicon editicon fbicon fileicon"
    )
    assert removed(text_doc(sprite, "The article starts here.")) == [sprite]


def test_other_sprite_spellings_go() -> None:
    line = "icon-facebook icon-twitter icon-whatsapp icon-mail icon-print icon-close"
    assert removed(text_doc(line)) == [line]


def test_svg_symbol_titles_in_html_go() -> None:
    doc = Document(
        [
            Block("icon bookmark", tag="title", path="body/svg/symbol#icon-bookmark/title"),
            Block("Real paragraph.", tag="p", path="body/div.article/p"),
        ]
    )
    assert removed(doc) == ["icon bookmark"]


def test_prose_about_icons_stays() -> None:
    doc = text_doc(
        "The app's new icon replaced the old camera icon, and users hated the bookmark icon too.",
        "Click the share icon to send the story.",
        "Iconic photographer dies at 90",
    )
    assert removed(doc) == []


def test_the_letter_prefilter_never_changes_the_verdict() -> None:
    """Lines with fewer than four "ico"/"svg" are not split into words any more: the verdict
    is the one the word-by-word count gives, whatever the case folding."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from newsclean.cleaners import icon_sprites as sprites

    def word_by_word(text: str) -> bool:
        words = text.split()
        if len(words) < sprites.MIN_ICON_WORDS:
            return False
        icon_words = sum(1 for w in words if sprites.ICON_WORD.search(w))
        fused = len(sprites.FUSED_ICON.findall(text))
        share = icon_words / len(words) >= sprites.MIN_ICON_SHARE
        return icon_words >= sprites.MIN_ICON_WORDS and (share or fused >= 8)

    words = ["icon", "ICON", "İcon", "ıcon", "ſvg-x", "svg-a", "x-ico", "ico-", "bookmarkicon", "silicon",
             "word", "the", "İCO", "Icons", "-icon", "cameraicon"]

    @settings(max_examples=1500, deadline=None)
    @given(st.lists(st.sampled_from(words), max_size=14).map(" ".join))
    def same(text: str) -> None:
        assert sprites._is_sprite_text(text) == word_by_word(text)

    same()
