"""Our Markdown reader reads every text as Pelican's does, and lets plugins change what it read."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.readers import BaseReader
from pelican.readers import MarkdownReader as PelicansMarkdownReader
from pelican.settings import read_settings

from bfb_reader import MarkdownReader, ReadText, text_read
from bfb_reader.reader import use_our_markdown_reader

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted((ROOT / "content").rglob("*.md"))


@cache
def settings_as_read(lang: str) -> dict:
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    if lang != settings["DEFAULT_LANG"]:
        settings.update(settings["I18N_SUBSITES"][lang])
    return {key: value for key, value in settings.items() if key != "PLUGINS"}


def site_settings(lang: str) -> dict:
    """The settings of the German site, or of the English subsite (its MARKDOWN differs): a fresh copy."""
    return copy.deepcopy(settings_as_read(lang))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_text_reads_as_with_pelicans_reader(lang):
    """One reused Markdown instance gives the same HTML and metadata as a new one per file.

    All texts through one reader, forwards and backwards, so that anything one text leaves
    behind (footnotes, table-of-contents ids, abbreviations) would show in the next.
    """
    ours = MarkdownReader(site_settings(lang))
    with text_read.muted():  # the receivers' changes are tested with their plugins
        for path in TEXTS + TEXTS[::-1]:
            expected = PelicansMarkdownReader(site_settings(lang)).read(str(path))
            assert ours.read(str(path)) == expected, path.relative_to(ROOT)
    assert len(TEXTS) > 20


def test_a_summary_after_a_text_with_footnotes_has_none_of_them(tmp_path):
    first = tmp_path / "erste.md"
    first.write_text(
        "Title: Eins\nSummary: Kurz[^1] und *klar*\n\nText[^1]\n\n[^1]: Fußnote\n", encoding="utf-8"
    )
    second = tmp_path / "zweite.md"
    second.write_text("Title: Zwei\nSummary: Ohne Fußnote\n\n## Überschrift\n", encoding="utf-8")
    reader = MarkdownReader(site_settings("de"))
    reader.read(str(first))
    html, metadata = reader.read(str(second))
    assert "Fußnote" not in html and "footnote" not in metadata["summary"]
    assert html == PelicansMarkdownReader(site_settings("de")).read(str(second))[0]


def test_receivers_change_body_and_summary_before_pelican_keeps_them(tmp_path):
    text = tmp_path / "seite.md"
    text.write_text("Title: Seite\nSummary: Kurz: X\n\nLang: X\n", encoding="utf-8")
    seen: list[ReadText] = []

    def change(sender, text: ReadText) -> None:
        seen.append(text)
        text.html = text.html.replace("X", "46")
        text.summary = text.summary.replace("X", "46")

    text_read.connect(change)
    try:
        html, metadata = MarkdownReader(site_settings("de")).read(str(text))
    finally:
        text_read.disconnect(change)
    assert html == "<p>Lang: 46</p>" and metadata["summary"] == "<p>Kurz: 46</p>"
    assert seen[0].source_path == str(text) and seen[0].settings["DEFAULT_LANG"] == "de"


def test_relative_dir_is_the_folder_within_the_content_folder(tmp_path):
    settings = {"PATH": str(tmp_path)}
    assert (
        ReadText(str(tmp_path / "aktuelles" / "2024" / "a.md"), settings, "", None).relative_dir
        == "aktuelles/2024"
    )
    assert ReadText(str(tmp_path / "a.md"), settings, "", None).relative_dir == ""


def test_only_the_plugin_makes_pelican_use_our_reader():
    """Pelican registers every direct subclass of BaseReader by itself; ours is not one."""
    assert MarkdownReader not in BaseReader.__subclasses__()
    readers = SimpleNamespace(reader_classes={"md": PelicansMarkdownReader, "html": object})
    use_our_markdown_reader(readers)
    assert readers.reader_classes["html"] is object
    assert all(
        readers.reader_classes[suffix] is MarkdownReader for suffix in PelicansMarkdownReader.file_extensions
    )
