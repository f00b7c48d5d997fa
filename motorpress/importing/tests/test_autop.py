"""WordPress's auto-paragraph rules on the shapes classic posts are stored in, and block-editor
markup kept as built. Each case is what WordPress shows for the stored text."""

import lxml.html
import pytest

from motorpress.importing.autop import has_blocks, normalise_content, strip_block_comments, wpautop


def _children(html: str, parent: str) -> list[str]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [child.tag for element in root.iter(parent) for child in element]


def test_blank_lines_are_paragraphs_and_single_newlines_line_breaks():
    assert wpautop("One\nline two\n\n<h2>Head</h2>\n\nThree") == (
        "<p>One<br />\nline two</p>\n<h2>Head</h2>\n<p>Three</p>\n"
    )


def test_no_line_break_between_list_items_or_around_a_list():
    html = wpautop("Intro text\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\nAfter the list")
    assert _children(html, "ul") == ["li", "li"]
    assert html == (
        "<p>Intro text</p>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\n<p>After the list</p>\n"
    )


@pytest.mark.parametrize("tag", ["ul", "ol"])
def test_indented_and_blank_lined_lists_hold_only_items(tag):
    html = wpautop(f"<{tag}>\n\t<li>a</li>\n\n\t<li>b\nwrapped</li>\n</{tag}>")
    assert _children(html, tag) == ["li", "li"]
    assert "<li>b<br />\nwrapped</li>" in html  # a newline inside an item's text is a break


def test_tables_get_no_paragraphs_or_breaks_between_cells():
    html = wpautop("<table>\n<tr>\n<td>A</td>\n<td>B</td>\n</tr>\n</table>")
    assert "<br" not in html
    assert "<p>" not in html
    assert _children(html, "tr") == ["td", "td"]


def test_pre_keeps_its_newlines_and_blank_lines():
    assert wpautop("<pre>code\n\nmore</pre>\n\nafter") == (
        "<pre>code\n\nmore</pre>\n<p>after</p>\n"
    )


def test_two_line_breaks_in_markup_are_a_paragraph_break():
    assert wpautop("Para one.\n\n\n\nPara two.<br><br>Para three.") == (
        "<p>Para one.</p>\n<p>Para two.</p>\n<p>Para three.</p>\n"
    )


def test_text_loose_in_a_div_becomes_paragraphs_without_a_stray_close_tag():
    html = wpautop('<div class="note">inside\n\nsecond</div>')
    assert html == '<div class="note">\n<p>inside</p>\n<p>second</p>\n</div>\n'


def test_inline_markup_and_windows_line_endings():
    assert wpautop("Text <strong>bold</strong>\r\nnext line\r\n\r\nNext") == (
        "<p>Text <strong>bold</strong><br />\nnext line</p>\n<p>Next</p>\n"
    )


def test_whitespace_only_content_is_empty():
    assert wpautop(" \n\n\t ") == ""


def test_block_editor_markup_loses_its_comments_and_gets_no_paragraphs_added():
    content = (
        "<!-- wp:paragraph -->\n<p>First.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>One</li>\n'
        "<!-- /wp:list-item --></ul>\n<!-- /wp:list -->"
    )
    assert has_blocks(content)
    cleaned = normalise_content(content)
    assert "wp:" not in cleaned
    assert cleaned == strip_block_comments(content)
    assert "<br" not in cleaned
    assert cleaned.count("<p>") == 1


def test_classic_content_is_not_mistaken_for_blocks():
    assert not has_blocks("<p>Plain</p>\n<!-- more -->\nRest")
