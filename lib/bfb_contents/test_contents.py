"""The one place that changes a body after Pelican read it still works with this Pelican."""

from pelican.contents import Page
from pelican.settings import DEFAULT_CONFIG

from bfb_contents import replace_text, text_of


def page() -> Page:
    metadata = {"title": "Seite", "summary": "<p>Kurz: X</p>", "lang": "de", "slug": "seite"}
    return Page("<p>Lang: X</p>", metadata=metadata, settings=dict(DEFAULT_CONFIG))


def test_a_changed_body_and_summary_are_what_pelican_writes():
    changed = page()
    assert text_of(changed) == "<p>Lang: X</p>", "Pelican no longer keeps the body as read in `_content`"
    replace_text(changed, lambda text: text.replace("X", "46"), summary=True)
    changed.refresh_metadata_intersite_links()  # what Pelican does before writing
    assert changed.content == "<p>Lang: 46</p>"
    assert changed.summary == "<p>Kurz: 46</p>"


def test_only_the_body_unless_the_summary_is_asked_for():
    changed = page()
    replace_text(changed, lambda text: text.replace("X", "46"))
    assert changed.content == "<p>Lang: 46</p>" and changed.summary == "<p>Kurz: X</p>"
