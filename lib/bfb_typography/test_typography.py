"""bfb_typography gives exactly what Markdown's smarty gives, and skips text it cannot change."""

from pathlib import Path

import pytest
from markdown import Markdown
from markdown.treeprocessors import InlineProcessor
from markdown.util import AtomicString

import pelicanconf
from bfb_typography import TypographyExtension
from bfb_typography.typography import SkippingInlineProcessor

ROOT = Path(__file__).resolve().parents[2]
GERMAN = pelicanconf.MARKDOWN["extension_configs"]["bfb_typography"]

# Where smarty's rules get subtle: quotes next to emphasis, links, code and HTML,
# nested and escaped quotes, apostrophes, decades, dashes and dots in every form.
TRICKY = [
    'Er sagte: "Das ist *schön*." Und dann: "Noch einmal"!',
    "\"'Zitat im Zitat' am Anfang\", sagte sie. 'Einfach' und \"'doppelt'\"",
    '"*Betont*" und "[ein Link](https://example.org/ "Titel")" und `"Code"` und \\"escaped\\"',
    "Das Jahr '89, die '80s, Rock 'n' Roll, it's the users' choice.",
    "Von 10--12 Uhr -- oder --- ganz anders ---- und -- am Ende --",
    "Warten... und noch mehr.... oder .. zwei. ...",
    '<span title="a \'b\'">"inline HTML"</span> "danach"',
    '"\n\nEin Absatz, der mit einem Anführungszeichen beginnt: "Ja."\n',
    '# Überschrift mit "Zitat" {#anker}\n\n- Punkt "eins"\n- Punkt \'zwei\'\n',
    "| Spalte \"A\" | B -- C |\n| --- | --- |\n| 'x' | y... |\n",
    'Fußnote[^1] mit "Text".\n\n[^1]: Die "Quelle" -- gedruckt.\n',
    '    Code "bleibt" -- wie er ist...\n\nNormaler "Text".',
    "Kein einziges Zeichen, das geändert würde.",
]


def convert(text: str, typography: str, config: dict) -> str:
    """`text` converted with the site's Markdown extensions, `typography` in place of bfb_typography."""
    extensions = {
        (typography if name == "bfb_typography" else name): (config if name == "bfb_typography" else options)
        for name, options in pelicanconf.MARKDOWN["extension_configs"].items()
    }
    markdown = Markdown(extensions=[*extensions, "markdown.extensions.meta"], extension_configs=extensions)
    return markdown.convert(text)


def real_content() -> list[Path]:
    return sorted((ROOT / "content").rglob("*.md"))


@pytest.mark.parametrize("config", [GERMAN, {}], ids=["german-quotes", "english-quotes"])
def test_tricky_text_comes_out_exactly_as_smarty_makes_it(config):
    for text in TRICKY:
        assert convert(text, "bfb_typography", config) == convert(text, "markdown.extensions.smarty", config)


@pytest.mark.parametrize("path", real_content(), ids=lambda path: path.name)
def test_real_content_comes_out_exactly_as_smarty_makes_it(path):
    config = {} if path.name.endswith(".en.md") else GERMAN
    text = path.read_text(encoding="utf-8")
    assert convert(text, "bfb_typography", config) == convert(text, "markdown.extensions.smarty", config)


def test_german_quotes_are_made():
    html = convert('Das Projekt "Bürgerbus" -- seit 2016...', "bfb_typography", GERMAN)
    assert "&bdquo;Bürgerbus&ldquo;" in html
    assert "&ndash;" in html and "&hellip;" in html


def test_text_without_quotes_dashes_or_dots_is_not_searched(monkeypatch):
    """smarty's patterns run only on the pieces of text that have a character they need."""
    searched = []
    original = InlineProcessor.run

    def spy(self, tree, ancestors=None):
        if isinstance(self, SkippingInlineProcessor):
            texts = [text for element in tree.iter() for text in (element.text, element.tail) if text]
            searched.extend(text for text in texts if not isinstance(text, AtomicString))
        return original(self, tree, ancestors)

    monkeypatch.setattr(InlineProcessor, "run", spy)
    md = Markdown(extensions=[TypographyExtension(**GERMAN)])
    md.convert("Ein Absatz ohne Zeichen.\n\nNoch einer, *betont*.")
    assert searched == []  # the whole document is skipped
    md.reset()
    md.convert('Ein Absatz mit "Zitat", *betont*.\n\nNoch einer ohne.')
    assert searched == ['Ein Absatz mit "Zitat", ']


def test_angled_quotes_are_refused():
    with pytest.raises(ValueError, match="smart_angled_quotes"):
        Markdown(extensions=[TypographyExtension(smart_angled_quotes=True)])
