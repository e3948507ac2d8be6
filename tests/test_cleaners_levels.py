"""``newsclean.cleaners.levels``: climbs that count levels of the layout, not of the markup."""

from __future__ import annotations

import lxml.html
from newsclean.cleaners.levels import alone, boxes_up


def test_a_box_alone_in_its_parent_is_no_level_and_one_with_siblings_is() -> None:
    root = lxml.html.document_fromstring(
        "<html><body><div id='page'><div id='nav'>Home</div><table id='box'><tr><td><!-- a note -->"
        "<p id='text'>The ferry is back.</p></td></tr></table></div><div id='foot'>(c)</div></body></html>"
    )
    text = root.get_element_by_id("text")
    assert alone(text)  # (a comment beside it is no sibling)
    assert not alone(root.get_element_by_id("box"))
    # From the paragraph: its cell, row and table are one level (the table has a sibling).
    assert [el.get("id") or el.tag for el in boxes_up(text, 1)] == ["text", "td", "tr", "box"]
    assert [el.get("id") or el.tag for el in boxes_up(text, 2)] == ["text", "td", "tr", "box", "page"]
    assert [el.tag for el in boxes_up(root.get_element_by_id("nav"), 1)] == ["div"]
