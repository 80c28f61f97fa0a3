"""A Markdown line as the reader sees its words: tags read by the one HTML reader (lib/bfb_html)."""

import pytest

from bfb_plain import plain_text


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('Der <span lang="en">Bus</span> fährt&nbsp;heute.', "Der Bus fährt heute."),
        ("Ruf an: {telefon}. [Mehr]({filename}/seiten/kontakt.md)", "Ruf an: Telefon. Mehr"),
        ('<img alt="Bus > Bahn"> Rest', " Rest"),  # a ">" in a quoted value does not end the tag
        ("Wenn a < b > c gilt", "Wenn a < b > c gilt"),  # no tag: text as a browser shows it
        ("Fisch &amp; Chips <!-- Notiz --> *fertig*", "Fisch & Chips  fertig"),
    ],
)
def test_plain_text_keeps_only_what_the_reader_sees(line, words):
    assert plain_text(line) == words
