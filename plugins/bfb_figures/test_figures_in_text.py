"""Placeholders for figures: replaced in text and summary as each text is read, or reported with file:line."""

from __future__ import annotations

import pytest
from bfb_build.figures import provide_figure
from bfb_contents.text_read import ReadText
from orte.places_file import number_of_places

from bfb_figures.figures_in_text import fill_in_figures, stop_on_mistakes
from pelicanconf import SITE_LANGUAGES

PLACE = """\
- name: Ort {number}
  slug: ort-{number}
  kind: Ortsgemeinde
  measures: []
"""


@pytest.fixture
def content(tmp_path):
    """A content folder whose places file lists 3 places."""
    (tmp_path / "data").mkdir()
    places = "".join(PLACE.format(number=number) for number in range(1, 4))
    (tmp_path / "data" / "orte.yaml").write_text(places, encoding="utf-8")
    return tmp_path


def read_text(content, html: str, summary: str | None, lang: str = "de") -> ReadText:
    """A text as bfb_reader hands it to fill_in_figures, read by a site of a new build."""
    source = content / f"seite.{lang}.md"
    header = f"Summary: {summary}\n" if summary else ""
    source.write_text(f"Title: Seite\n{header}\n{html}\n", encoding="utf-8")
    settings = {"PATH": str(content), "DEFAULT_LANG": lang, "SITE_LANGUAGES": SITE_LANGUAGES}
    provide_figure(settings, "orte", number_of_places)  # as plugins/orte does on `initialized`
    return ReadText(str(source), settings, html, summary)


def test_placeholder_becomes_the_number_in_text_and_summary(content):
    text = read_text(content, "<p>In allen {anzahl:orte} Orten.</p>", "<p>Alle {anzahl:orte} Orte.</p>")
    fill_in_figures(None, text)
    assert text.html == "<p>In allen 3 Orten.</p>"
    assert text.summary == "<p>Alle 3 Orte.</p>"


def test_number_is_formatted_for_the_language(content, monkeypatch):
    text = read_text(content, "<p>{anzahl:orte}</p>", None, lang="en")
    provide_figure(text.settings, "orte", lambda settings: 1046)
    fill_in_figures(None, text)
    assert text.html == "<p>1,046</p>"
    german = read_text(content, "<p>{anzahl:orte}</p>", None, lang="de")
    provide_figure(german.settings, "orte", lambda settings: 1046)
    fill_in_figures(None, german)
    assert german.html == "<p>1.046</p>"


def test_text_without_placeholders_stays_as_it_is(content):
    text = read_text(content, "<p>{filename}ueber-uns.md und 46</p>", "<p>46 Orte</p>")
    fill_in_figures(None, text)
    assert text.html == "<p>{filename}ueber-uns.md und 46</p>"
    assert text.summary == "<p>46 Orte</p>"


def stop(text: ReadText) -> None:
    stop_on_mistakes([type("Generator", (), {"settings": text.settings})()])


def test_unknown_placeholder_stops_the_build_with_file_and_line(content, capsys):
    text = read_text(content, "<p>{anzahl:doerfer}</p>", "<p>x</p>")
    fill_in_figures(None, text)
    with pytest.raises(SystemExit):
        stop(text)
    errors = capsys.readouterr().err
    assert "seite.de.md:4" in errors
    assert "„{anzahl:doerfer}“ ist kein bekannter Platzhalter" in errors
    assert "{anzahl:orte}" in errors


def test_missing_data_stops_the_build(content, capsys):
    (content / "data" / "orte.yaml").unlink()
    text = read_text(content, "<p>x</p>", "<p>Alle {anzahl:orte} Orte.</p>")
    fill_in_figures(None, text)
    assert text.summary == "<p>Alle {anzahl:orte} Orte.</p>"
    with pytest.raises(SystemExit):
        stop(text)
    errors = capsys.readouterr().err
    assert "seite.de.md:2" in errors
    assert "nicht bekannt" in errors


def test_a_site_without_mistakes_goes_on(content):
    text = read_text(content, "<p>{anzahl:orte}</p>", None)
    fill_in_figures(None, text)
    stop(text)  # no SystemExit
