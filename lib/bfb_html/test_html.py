"""The one HTML reader: the cases a regular expression gets wrong, positions, exact rewriting."""

from __future__ import annotations

import pytest

from bfb_html import (
    EndTag,
    Markup,
    StartTag,
    Text,
    asks_not_to_be_indexed,
    ids,
    read,
    render_start_tag,
    replace_start_tags,
    srcset_addresses,
    start_tags,
)


def test_a_greater_than_sign_inside_a_quoted_value_does_not_end_the_tag():
    (tag,) = start_tags('<img alt="Bus > Bahn" src="a.jpg">', "img")
    assert tag.attributes == {"alt": "Bus > Bahn", "src": "a.jpg"}
    assert tag.source == '<img alt="Bus > Bahn" src="a.jpg">'


def test_upper_case_names_are_read_in_lower_case():
    (tag,) = start_tags('<IMG SRC="a.jpg" Alt="Bus">', "img")
    assert tag.name == "img"
    assert tag.attributes == {"src": "a.jpg", "alt": "Bus"}


def test_unquoted_values_and_attributes_without_value():
    (tag,) = start_tags("<img src=a.jpg alt=Bus hidden>", "img")
    assert tag.attributes == {"src": "a.jpg", "alt": "Bus", "hidden": None}
    assert tag.get("hidden") == "" and tag.get("missing") == ""


def test_entities_in_values_are_resolved():
    (tag,) = start_tags('<img alt="Fisch &amp; Chips &quot;frisch&quot; &#8211; &lt;b&gt;">', "img")
    assert tag.get("alt") == 'Fisch & Chips "frisch" – <b>'


def test_the_first_of_duplicate_attributes_wins_as_in_a_browser():
    (tag,) = start_tags('<a href="/gut" class="x" href="javascript:alert(1)">', "a")
    assert tag.get("href") == "/gut"
    assert tag.duplicates == (("href", "javascript:alert(1)"),)
    assert [name for name, _ in tag.written] == ["href", "class", "href"]


def test_tags_in_comments_scripts_styles_and_escaped_code_are_no_tags():
    html = (
        "<!-- <img src=kommentar.jpg> -->"
        '<script>var s = "<img src=skript.jpg>";</script>'
        "<style>/* <img src=stil.jpg> */</style>"
        "<pre><code>&lt;img src=code.jpg&gt;</code></pre>"
    )
    assert start_tags(html, "img") == []
    assert replace_start_tags(html, "img", lambda tag: "ERSETZT") == html


def test_an_img_inside_pre_markup_is_an_element():
    # Markdown escapes code (`&lt;img`); a real <img> inside <pre> is shown by the browser.
    assert [tag.get("src") for tag in start_tags("<pre><img src=bild.jpg></pre>", "img")] == ["bild.jpg"]


def test_tokens_carry_their_line_and_raw_text_is_marked():
    tokens = read("<p>\neins</p>\n<style>\na{}</style><!-- notiz --><!DOCTYPE html>")
    assert tokens[0] == StartTag("p", (), 1, 0, "<p>")
    assert tokens[1] == Text("\neins", 1)
    assert tokens[2] == EndTag("p", 2)
    assert Text("\na{}", 3, raw_in="style") in tokens
    assert Markup("comment", " notiz ", 4) in tokens
    assert Markup("decl", "DOCTYPE html", 4) in tokens


def test_a_self_closing_tag_gives_a_start_and_an_end_tag():
    start, end = read("<br/>")
    assert isinstance(start, StartTag) and start.self_closing and end == EndTag("br", 1)


def test_offsets_and_lines_point_at_the_tag_in_the_source():
    html = "Zeile eins\n  <b>zwei</b> <IMG\n   src='x.jpg'>\n<img alt=''>"
    tags = start_tags(html, "img")
    assert [tag.line for tag in tags] == [2, 4]
    for tag in tags:
        assert html[tag.offset : tag.offset + len(tag.source)] == tag.source


def test_replace_changes_only_the_named_tags_and_keeps_every_other_byte():
    html = (
        '<p class=a>Text &amp; <em>mehr</em></p>\r\n<IMG alt="a > b" src=x.jpg>'
        "<!-- <img src=y.jpg> --><img src='z.jpg'/>\n&nbsp;<imgx src=q>"
    )
    result = replace_start_tags(html, "img", lambda tag: f"[{tag.get('src')}]")
    assert result == (
        "<p class=a>Text &amp; <em>mehr</em></p>\r\n[x.jpg]"
        "<!-- <img src=y.jpg> -->[z.jpg]\n&nbsp;<imgx src=q>"
    )


def test_replace_without_such_a_tag_returns_the_same_text():
    html = "<p>Kein Bild, nur „<imgs>“ und &lt;img&gt;</p>"
    assert replace_start_tags(html, "img", lambda tag: "X") == html


@pytest.mark.parametrize(
    "value", ['Fisch & "Chips"', "a > b < c", "O'Neill", "&amp; bleibt &amp;", "Ümläut – „Zitat“"]
)
def test_a_rendered_tag_reads_back_to_the_same_values(value):
    written = render_start_tag("img", {"alt": value, "src": "{static}/bilder/a b.jpg"})
    (tag,) = start_tags(written, "img")
    assert tag.attributes == {"alt": value, "src": "{static}/bilder/a b.jpg"}
    assert '"' not in written.split('alt="')[1].split('" src=')[0]


def test_render_writes_attributes_in_order_with_escaped_values():
    assert render_start_tag("img", {"src": "a.jpg", "alt": '1 < 2 & "3"', "hidden": None}) == (
        '<img src="a.jpg" alt="1 &lt; 2 &amp; &quot;3&quot;" hidden="">'
    )


def test_ids_are_ids_and_the_names_of_anchors():
    html = '<h2 id="kontakt">K</h2><a name="alt"></a><input name="feld"><p ID=gross></p><!-- <b id=nein> -->'
    assert ids(html) == {"kontakt", "alt", "gross"}


@pytest.mark.parametrize(
    ("head", "not_indexed"),
    [
        ('<meta name="robots" content="noindex">', True),
        ("<META NAME=Robots CONTENT='NOINDEX, follow'>", True),
        ('<meta content="noindex,nofollow" name="robots">', True),
        ('<meta http-equiv="refresh" content="0; url=/neu/">', True),
        ("<meta http-equiv=Refresh content=0;url=/neu/>", True),
        ('<meta name="robots" content="index, follow">', False),
        ('<meta name="description" content="noindex ist hier nur ein Wort">', False),
        ('<!-- <meta name="robots" content="noindex"> -->', False),
        ('<script>"<meta http-equiv=refresh>"</script>', False),
    ],
)
def test_a_page_asks_not_to_be_indexed_only_by_a_real_meta_element(head, not_indexed):
    assert asks_not_to_be_indexed(f"<html><head>{head}</head><body>Text</body></html>") is not_indexed


def test_srcset_addresses():
    assert srcset_addresses(" a.jpg 480w,b.jpg 800w , , c.jpg") == ["a.jpg", "b.jpg", "c.jpg"]


@pytest.mark.parametrize(
    "html",
    [
        '<html><head><title>T</title></head><body><p>Text</p><meta http-equiv="refresh" content="0"></body>',
        '<head><!-- <body> --><meta name="robots" content="noindex"></head><body>Text</body>',
        '<meta name="robots" content="noindex"><p>Eine Seite ohne body-Element</p>',
    ],
)
def test_a_meta_element_after_the_body_tag_or_a_body_in_a_comment_is_found_too(html):
    assert asks_not_to_be_indexed(html)


def test_reading_can_stop_before_a_start_tag():
    tokens = read("<head><meta charset=utf-8></head><BODY><meta name=x><p>Text</p>", stop_at="body")
    assert [token.name for token in tokens] == ["head", "meta", "head"]
