"""Legacy bytes that declare no charset (no BOM, not UTF-8, no ``<meta charset>``, no HTTP
header): read as a browser set to the page's language reads them, else by detection over the
page's text, windows-1252 on a tie."""

from __future__ import annotations

import pytest
from newsclean.cleaners import clean, clean_html
from newsclean.cleaners.decoding import SAMPLE_RUN_BYTES, decode_html, decode_text, detected_encoding

DANISH = (
    "Broen over havnen i Århus åbner igen på tirsdag efter elleve ugers reparationer.",
    "Ingeniørerne siger, at trafikken kører som før, og at færgen stopper i næste uge.",
    "Caféejerne på begge sider af åen glæder sig over, at kunderne vender tilbage.",
)
CZECH = (
    "Most přes přístav v Brně se v úterý po jedenácti týdnech oprav znovu otevřel.",
    "Inženýři říkají, že doprava už jezdí jako dřív a že přívoz přestane jezdit příští týden.",
    "Majitelé kaváren na obou březích řeky vítají, že se zákazníci vracejí.",
)
RUSSIAN = (
    "Мост через гавань снова открылся во вторник после одиннадцати недель ремонта.",
    "Инженеры говорят, что движение идёт как прежде, а паром перестанет ходить на следующей неделе.",
    "Владельцы кафе на обоих берегах реки рады, что покупатели возвращаются.",
)
KOREAN = (
    "항구를 가로지르는 다리가 열한 주 동안의 보수 공사를 마치고 화요일에 다시 개통되었다.",
    "기술자들은 차량 흐름이 예전과 같으며 나룻배는 다음 주에 운항을 마친다고 말했다.",
    "강 양쪽의 찻집 주인들은 손님들이 돌아온 것을 반기고 있다.",
)
JAPANESE = (
    "港に架かる橋は、十一週間の修理を終えて火曜日に再び開通した。",
    "技術者によると、車の流れは以前と変わらず、渡し船は来週で運航を終える予定だという。",
    "川の両岸にある喫茶店の店主たちは、客が戻ってきたことを喜んでいる。",
)


def page(paragraphs: tuple[str, ...], *, lang: str | None = None, head: str = "") -> str:
    opening = f'<html lang="{lang}">' if lang else "<html>"
    body = "".join(f"<p>{p}</p>" for p in paragraphs * 3)
    return (
        f"{opening}<head><title>{paragraphs[0][:20]}</title>{head}</head><body><article>{body}</article></body></html>"
    )


STYLES = "<style>" + " ".join(f".c{i} {{ margin: {i}px; padding: 0 }}" for i in range(1500)) + "</style>"
"""A page's head of 50 KB of styles: read from the page's start, the detector sees ASCII, which
every encoding reads alike, and lists them alphabetically, windows-1250 first."""


@pytest.mark.parametrize("lang", ["da", None])
def test_danish_in_windows_1252_reads_as_windows_1252(lang: str | None) -> None:
    # A browser, and now the decoder, takes windows-1252: "Århus", not "Ĺrhus".
    html = page(DANISH, lang=lang, head=STYLES)
    assert decode_html(html.encode("cp1252")) == html


def test_the_language_s_default_wins_a_family_by_the_bytes_only_windows_uses() -> None:
    html = page(CZECH, lang="cs")
    # ISO-8859-2 puts "š" and "ž" where windows-1250 puts "ą" and "ľ"; windows-1250 writes
    # them in 0x80-0x9f, which ISO-8859-2 leaves to control characters.
    assert decode_html(html.encode("iso-8859-2")) == html
    assert decode_html(html.encode("cp1250")) == html
    assert detected_encoding(html.encode("iso-8859-2")) == "iso-8859-2"
    assert detected_encoding(html.encode("cp1250")) == "cp1250"


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_russian_is_read_among_russian_encodings(encoding: str) -> None:
    html = page(RUSSIAN, lang="ru")
    assert decode_html(html.encode(encoding)) == html


@pytest.mark.parametrize("encoding", ["shift_jis", "euc-jp"])
def test_japanese_without_a_language_is_detected(encoding: str) -> None:
    # The detector names EUC-JP's superset ``euc_jis_2004``, which the web does not: read as EUC-JP.
    html = page(JAPANESE)
    assert decode_html(html.encode(encoding)) == html


def test_detection_reads_the_text_not_the_head() -> None:
    # 70 KB of script before the text: read from the page's start, the detector saw ASCII only.
    script = "<script>var settings = {" + ", ".join(f'"key{i}": {i}' for i in range(6000)) + "};</script>"
    html = page(JAPANESE, head=script)
    assert len(script) > 65536
    assert decode_html(html.encode("euc-jp")) == html


def test_a_long_script_run_is_cut_between_characters() -> None:
    # A script's comment of 2.6 KB of Korean between two tags: the sample reads its start only,
    # cut at a space (cut inside a two-byte character, the run reads as no Korean encoding).
    comment = "// " + " ".join(KOREAN * 12)
    html = page(KOREAN, head=f"<script>{comment}\nvar x = 1;</script>")
    assert len(comment.encode("euc-kr")) > SAMPLE_RUN_BYTES
    assert detected_encoding(html.encode("euc-kr")) in ("euc-kr", "cp949")
    assert decode_html(html.encode("euc-kr")) == html


def test_a_declared_charset_still_wins_over_the_language() -> None:
    html = page(DANISH, lang="cs").replace("<head>", '<head><meta charset="windows-1252">')
    assert decode_html(html.encode("cp1252")) == html


def test_the_article_comes_out_whole() -> None:
    article = clean_html(page(DANISH, lang="da", head=STYLES).encode("cp1252"))
    assert DANISH[0] in (article.articleBody or "")


def test_a_plain_text_dump_is_read_by_its_lines() -> None:
    dump = "Forside\nNyheder\n\n" + "\n\n".join(DANISH) + "\n"
    assert decode_text(dump.encode("cp1252")) == dump
    assert DANISH[1] in (clean(dump.encode("cp1252")).articleBody or "")


TURKISH = (
    "Limanın üzerindeki köprü, on bir haftalık onarımın ardından salı günü yeniden açıldı.",
    "Mühendisler trafiğin eskisi gibi aktığını ve feribotun gelecek hafta seferlerini bitireceğini söyledi.",
    "Nehrin iki yakasındaki kafe sahipleri müşterilerin geri dönmesinden memnun.",
)


@pytest.mark.parametrize(
    ("paragraphs", "encoding", "url"),
    [
        (CZECH, "iso-8859-2", "http://zpravy.example.cz/clanek/most"),
        (TURKISH, "cp1254", "http://www.example.com.tr/haber/kopru"),
        (RUSSIAN, "koi8-r", "http://news.example.ru/most"),
    ],
)
def test_a_page_naming_no_language_is_read_by_its_address_s_country(
    paragraphs: tuple[str, ...], encoding: str, url: str
) -> None:
    html = page(paragraphs, head=STYLES)
    data = html.encode(encoding)
    assert decode_html(data, url=url) == html
    assert paragraphs[1] in (clean_html(data, url=url).articleBody or "")
    assert paragraphs[1] in (clean(data, url=url).articleBody or "")


def test_a_language_the_page_names_wins_over_its_address() -> None:
    html = page(DANISH, lang="da", head=STYLES)
    assert decode_html(html.encode("cp1252"), url="http://www.example.cz/") == html


def test_an_address_of_no_such_country_says_nothing() -> None:
    html = page(DANISH, head=STYLES)
    for url in ("http://www.example.com/a", "http://www.example.de/a", "not an address", "http://[::1/"):
        assert decode_html(html.encode("cp1252"), url=url) == html


def test_a_text_dump_is_read_by_its_address_s_country() -> None:
    dump = "\n\n".join(CZECH * 2) + "\n"
    assert decode_text(dump.encode("iso-8859-2"), url="http://www.example.cz/") == dump


@pytest.mark.parametrize(("encoding", "named"), [("euc-jp", "euc-jp"), ("shift_jis", "shift_jis")])
def test_a_family_member_is_named_as_the_family_names_it(encoding: str, named: str) -> None:
    # The detector says "euc_jp"; the family's own spelling is what comes back (and what the
    # family's order is matched by).
    assert detected_encoding(page(JAPANESE, lang="ja").encode(encoding)) == named


def test_a_charset_declared_after_kilobytes_of_scripts_is_read() -> None:
    # Past the first 4 KB, in the head: a browser that meets it reads the page again in it.
    script = "<script>var settings = {" + ", ".join(f'"key{i}": {i}' for i in range(800)) + "};</script>"
    html = page(CZECH, head=script + '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">')
    assert html.index("charset") > 4096
    assert decode_html(html.encode("iso-8859-2")) == html


def test_a_charset_is_looked_for_in_the_head_only() -> None:
    # A <meta> past the <body> (a page's own example of one, 4 KB into the text) is not the
    # page's declaration: read as it was, the Danish text would come out as KOI8-R.
    example = '<pre><meta charset="koi8-r"></pre>'
    html = page(DANISH * 12, lang="da").replace("</article>", example + "</article>")
    assert html.index("koi8-r") > 4096 and html.index("koi8-r") > html.index("<body>")
    assert decode_html(html.encode("cp1252")) == html


def test_a_noisier_reading_does_not_win_on_its_letters() -> None:
    # Czech in ISO-8859-2, no language, no address: the detector reads it without noise as
    # windows-1250 or ISO-8859-2, and with a little as ISO-8859-15, whose letters it finds a
    # shade more like a language's; the noisier reading ("pøes" for "přes") is not taken.
    text = decode_html(page(CZECH, head=STYLES).encode("iso-8859-2"))
    assert "přes přístav v Brně" in text
