"""Numbers from the site's data inside content text: `{anzahl:orte}` becomes "46".

Where a text states a number the data knows (the association's own words say "in allen
46 Orten der Verbandsgemeinde Daun"), editors write a placeholder instead, so the text
always agrees with the data file. The placeholders are replaced once every generator
has read its data (signal `all_generators_finalized`), in the text and the summary of
every article and page, formatted for the page's language. That is before any page is
written, so before anything reads a summary (Pelican remembers a summary once read);
tests/test_content_pages.py checks the number in a summary on the start page.

An unknown placeholder, or a figure whose data is missing, stops the build with the
file, the line and how to fix it (bfb_errors).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bfb_contents import contents_of, replace_text, text_of
from bfb_errors import Problem, first_line_with, stop_build
from bfb_locale.locale_format import localised_number
from pelican import signals
from pelican.contents import Content

PLACEHOLDER = re.compile(r"\{anzahl:([a-z_]+)\}")
# What an editor may type instead ("{anzahl: orte}", "{Anzahl:orte}", "{anzahl:dörfer}"):
# anything that looks like a placeholder but is not exactly one would stay in the page as text.
LOOKS_LIKE_PLACEHOLDER = re.compile(r"\{\s*anzahl\s*:[^{}<>\n]{0,40}\}", re.IGNORECASE)


def number_of_places(context: dict) -> int | None:
    """All places of the Verbandsgemeinde, counted by the Orte plugin from content/data/orte.yaml."""
    figures = context.get("place_figures")
    return None if figures is None else figures.total


# Placeholder name → how to read the figure from the generators' shared context.
FIGURES: dict[str, Callable[[dict], int | None]] = {
    "orte": number_of_places,
}


def misspelt_placeholder(content: Content, written: str) -> Problem:
    name = written.strip("{}").split(":", 1)[1].strip().lower()
    proper = f"{{anzahl:{name}}}"
    if name in FIGURES:
        message = f"„{written}“ ist falsch geschrieben und bliebe als Text auf der Seite stehen."
        fix = f"Genau so schreiben: „{proper}“ (klein, ohne Leerzeichen)."
    else:
        known = ", ".join(f"{{anzahl:{key}}}" for key in sorted(FIGURES))
        message = f"„{written}“ ist kein bekannter Platzhalter für eine Zahl."
        fix = f"Einen dieser Platzhalter verwenden (klein, ohne Leerzeichen): {known}."
    line = first_line_with(content.source_path, written)
    return Problem(content.source_path, line, message, fix, "placeholder misspelt")


def unknown_figure(content: Content, placeholder: str, name: str) -> Problem:
    known = ", ".join(f"{{anzahl:{key}}}" for key in sorted(FIGURES))
    if name in FIGURES:
        message = f"Die Zahl für „{placeholder}“ ist nicht bekannt: Ihre Daten fehlen in diesem Build."
        fix = "Prüfen, ob das Plugin, das diese Zahl zählt, in PLUGINS (pelicanconf.py) steht."
        detail = f"figure {name!r} has no value in the context"
    else:
        message = f"„{placeholder}“ ist kein bekannter Platzhalter für eine Zahl."
        fix = f"Einen dieser Platzhalter verwenden: {known}."
        detail = f"unknown figure {name!r}; known: {known}"
    return Problem(
        content.source_path, first_line_with(content.source_path, placeholder), message, fix, detail
    )


def replace_figures(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def fill_in_figures(generators: list) -> None:
    """Replace every placeholder in the articles and pages of this (sub)site, or stop the build."""
    generators = list(generators)
    if not generators:
        return
    context = generators[0].context
    lang = context.get("DEFAULT_LANG", "de")
    numbers = {name: read(context) for name, read in FIGURES.items()}
    values = {name: localised_number(number, lang) for name, number in numbers.items() if number is not None}
    contents = contents_of(generators)
    problems = [
        unknown_figure(content, placeholder, name)
        for content in contents
        for placeholder, name in sorted(placeholders_in(content))
        if name not in values
    ]
    problems += [
        misspelt_placeholder(content, written)
        for content in contents
        for written in sorted(misspelt_in(content))
    ]
    if problems:
        stop_build(problems)
    for content in contents:
        replace_in(content, values)


def placeholders_in(content: Content) -> set[tuple[str, str]]:
    """{(placeholder, figure name)} used in the text or the summary of `content`."""
    return {
        (match.group(0), match.group(1)) for text in texts_of(content) for match in PLACEHOLDER.finditer(text)
    }


def texts_of(content: Content) -> list[str]:
    """The text and the summary of `content`, where placeholders may stand."""
    return [text_of(content), content.metadata.get("summary") or ""]


def misspelt_in(content: Content) -> set[str]:
    """Placeholder look-alikes in the text or summary that PLACEHOLDER does not match."""
    return {
        match.group(0)
        for text in texts_of(content)
        for match in LOOKS_LIKE_PLACEHOLDER.finditer(text)
        if not PLACEHOLDER.fullmatch(match.group(0))
    }


def replace_in(content: Content, values: dict[str, str]) -> None:
    replace_text(content, lambda text: replace_figures(text, values), summary=True)


def register() -> None:
    signals.all_generators_finalized.connect(fill_in_figures)
