"""Numbers from the site's data inside content text: `{anzahl:orte}` becomes "46".

Where a text states a number the data knows (the association's own words say "in allen
46 Orten der Verbandsgemeinde Daun"), editors write a placeholder instead, so the text
always agrees with the data file. The placeholders are replaced as each text is read
(bfb_reader's `text_read`), in its body and its `Summary:`, formatted for the language
of the site that reads it. The number comes from the places file, which is read once per
build; plugins/orte provides it through bfb_build.figures. bfb_reader makes sure no cached
text keeps an old number.

An unknown placeholder, or a figure whose data is missing, stops the build (once every
text is read, all such mistakes together) with the file, the line and how to fix it.
"""

from __future__ import annotations

import re

from bfb_build import start_with_the_main_site, this_build
from bfb_build.figures import figure_counts
from bfb_contents.text_read import ReadText, text_read
from bfb_errors import Problem, first_line_with, stop_build
from bfb_formats.locale_format import localised_number
from bfb_languages import babel_locale
from pelican import signals

PLACEHOLDER = re.compile(r"\{anzahl:([a-z_]+)\}")
# What an editor may type instead ("{anzahl: orte}", "{Anzahl:orte}", "{anzahl:dörfer}"):
# anything that looks like a placeholder but is not exactly one would stay in the page as text.
LOOKS_LIKE_PLACEHOLDER = re.compile(r"\{\s*anzahl\s*:[^{}<>\n]{0,40}\}", re.IGNORECASE)

# The placeholders editors may write; the plugin reading each one's data provides its count
# (bfb_build.figures: plugins/orte provides "orte"). None or no count: its data is missing.
FIGURES = ("orte",)
MISSING_DATA_FIX = "Prüfen, ob content/data/orte.yaml da ist und „orte“ in PLUGINS (pelicanconf.py) steht."


class FigureProblems(dict):
    """The placeholder mistakes found while this build read its texts, each once (bfb_build)."""


class FigureValues(dict):
    """{language: {figure: formatted number}}, counted once per build and language (bfb_build)."""


def misspelt_placeholder(source_path: str, written: str) -> Problem:
    name = written.strip("{}").split(":", 1)[1].strip().lower()
    proper = f"{{anzahl:{name}}}"
    if name in FIGURES:
        message = f"„{written}“ ist falsch geschrieben und bliebe als Text auf der Seite stehen."
        fix = f"Genau so schreiben: „{proper}“ (klein, ohne Leerzeichen)."
    else:
        known = ", ".join(f"{{anzahl:{key}}}" for key in sorted(FIGURES))
        message = f"„{written}“ ist kein bekannter Platzhalter für eine Zahl."
        fix = f"Einen dieser Platzhalter verwenden (klein, ohne Leerzeichen): {known}."
    return Problem(
        source_path,
        first_line_with(source_path, written),
        message,
        fix,
        "placeholder misspelt",
        code="placeholder-misspelt" if name in FIGURES else "placeholder-unknown",
    )


def unknown_figure(source_path: str, placeholder: str, name: str) -> Problem:
    known = ", ".join(f"{{anzahl:{key}}}" for key in sorted(FIGURES))
    if name in FIGURES:
        message = f"Die Zahl für „{placeholder}“ ist nicht bekannt: Ihre Daten fehlen in diesem Build."
        fix = MISSING_DATA_FIX
        detail = f"figure {name!r} has no value"
    else:
        message = f"„{placeholder}“ ist kein bekannter Platzhalter für eine Zahl."
        fix = f"Einen dieser Platzhalter verwenden: {known}."
        detail = f"unknown figure {name!r}; known: {known}"
    return Problem(
        source_path,
        first_line_with(source_path, placeholder),
        message,
        fix,
        detail,
        code="figure-without-data" if name in FIGURES else "placeholder-unknown",
    )


def replace_figures(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def problems_in(source_path: str, texts: list[str], values: dict[str, str]) -> list[Problem]:
    """Placeholders in `texts` without a value, and look-alikes that are no placeholder."""
    problems = [
        unknown_figure(source_path, match.group(0), match.group(1))
        for text in texts
        for match in PLACEHOLDER.finditer(text)
        if match.group(1) not in values
    ]
    problems += [
        misspelt_placeholder(source_path, match.group(0))
        for text in texts
        for match in LOOKS_LIKE_PLACEHOLDER.finditer(text)
        if not PLACEHOLDER.fullmatch(match.group(0))
    ]
    return problems


def values_for(settings: dict) -> dict[str, str]:
    """Every figure known to this site, formatted for its language."""
    lang = babel_locale(settings, settings["DEFAULT_LANG"])
    known = this_build(settings).part(FigureValues)
    if lang not in known:
        counts = figure_counts(settings)
        numbers = {name: counts[name](settings) if name in counts else None for name in FIGURES}
        known[lang] = {
            name: localised_number(number, lang) for name, number in numbers.items() if number is not None
        }
    return known[lang]


def fill_in_figures(sender, text: ReadText) -> None:
    """text_read handler: replace the placeholders in the body and summary; note any mistake."""
    texts = [text.html, text.summary or ""]
    if not any("{" in part for part in texts):
        return
    values = values_for(text.settings)
    problems = this_build(text.settings).part(FigureProblems)
    for problem in problems_in(text.source_path, texts, values):
        problems.setdefault(problem, problem)  # each mistake once, however often the text is read
    text.html = replace_figures(text.html, values)
    if text.summary is not None:
        text.summary = replace_figures(text.summary, values)


def stop_on_mistakes(generators) -> None:
    """all_generators_finalized handler: every text of this site is read; report what was found."""
    generators = list(generators)
    problems = this_build(generators[0].settings).part(FigureProblems) if generators else {}
    if problems:
        stop_build(list(problems.values()))


def register() -> None:
    start_with_the_main_site()
    text_read.connect(fill_in_figures)
    signals.all_generators_finalized.connect(stop_on_mistakes)
