"""Placeholders for figures: replaced in text and summary, or reported with file and line."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import pytest
from pelican.contents import Page
from pelican.settings import DEFAULT_CONFIG

from bfb_figures.figures_in_text import fill_in_figures


def make_page(tmp_path, text: str, summary: str, lang: str = "de") -> Page:
    source = tmp_path / f"seite.{lang}.md"
    source.write_text(f"Title: Seite\nSummary: {summary}\n\n{text}\n", encoding="utf-8")
    settings = copy.deepcopy(DEFAULT_CONFIG)
    metadata = {"title": "Seite", "summary": summary, "lang": lang, "slug": "seite"}
    return Page(text, metadata=metadata, settings=settings, source_path=str(source))


def generators_with(pages: list[Page], lang: str = "de", total: int | None = 46) -> list:
    context = {"DEFAULT_LANG": lang}
    if total is not None:
        context["place_figures"] = SimpleNamespace(total=total)
    return [SimpleNamespace(context=context, pages=pages, hidden_pages=[])]


def test_placeholder_becomes_the_number_in_text_and_summary(tmp_path):
    page = make_page(tmp_path, "<p>In allen {anzahl:orte} Orten.</p>", "<p>Alle {anzahl:orte} Orte.</p>")
    fill_in_figures(generators_with([page]))
    assert page.content == "<p>In allen 46 Orten.</p>"
    assert page.summary == "<p>Alle 46 Orte.</p>"


def test_number_is_formatted_for_the_language(tmp_path):
    page = make_page(tmp_path, "<p>{anzahl:orte}</p>", "<p>x</p>", lang="en")
    fill_in_figures(generators_with([page], lang="en", total=1046))
    assert page.content == "<p>1,046</p>"


def test_text_without_placeholders_stays_as_it_is(tmp_path):
    page = make_page(tmp_path, "<p>{filename}ueber-uns.md und 46</p>", "<p>46 Orte</p>")
    fill_in_figures(generators_with([page]))
    assert page.content.endswith("46</p>")
    assert page.summary == "<p>46 Orte</p>"


def test_unknown_placeholder_stops_the_build_with_file_and_line(tmp_path, capsys):
    page = make_page(tmp_path, "<p>{anzahl:doerfer}</p>", "<p>x</p>")
    with pytest.raises(SystemExit):
        fill_in_figures(generators_with([page]))
    errors = capsys.readouterr().err
    assert "seite.de.md:4" in errors
    assert "„{anzahl:doerfer}“ ist kein bekannter Platzhalter" in errors
    assert "{anzahl:orte}" in errors


def test_missing_data_stops_the_build(tmp_path, capsys):
    page = make_page(tmp_path, "<p>x</p>", "<p>Alle {anzahl:orte} Orte.</p>")
    with pytest.raises(SystemExit):
        fill_in_figures(generators_with([page], total=None))
    errors = capsys.readouterr().err
    assert "seite.de.md:2" in errors
    assert "nicht bekannt" in errors
