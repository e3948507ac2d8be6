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
