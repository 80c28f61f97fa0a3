"""Editors' notes are gone from the published HTML; code that shows a comment stays."""

from markdown import Markdown

from bfb_editor_notes import EditorNotesExtension


def convert(text: str) -> str:
    return Markdown(extensions=["markdown.extensions.extra", EditorNotesExtension()]).convert(text)


def test_note_block_and_inline_note_are_removed():
    html = convert("<!-- Hinweise:\n- Title: …\n-->\n\nDer Text. <!-- noch prüfen --> Weiter.\n")
    assert "<!--" not in html and "Hinweise" not in html and "prüfen" not in html
    assert html == "<p>Der Text.  Weiter.</p>"


def test_a_comment_shown_as_code_stays():
    html = convert("So sieht ein Hinweis aus: `<!-- Hinweis -->`\n")
    assert "&lt;!-- Hinweis --&gt;" in html
