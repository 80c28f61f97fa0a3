"""Orte: the places of the Verbandsgemeinde Daun, generated from content/data/orte.yaml.

Pipeline, one module per stage: `loader` (YAML with line numbers) → `validation` (every editor
mistake as a `bfb_errors.Problem`) → `model` (records and the vocabularies' keys; their labels per
language come from content/data/orte-begriffe.yaml through `terms`) → `figures` and `svg_map`
(counts; maps from the boundaries in `boundaries/`, drawn with `geometry` and `labels`) →
`generator` (Pelican pages `/orte/` and `/orte/<slug>/`).

Unknown is not a fact: a place's status is None unless the data records who decided it and
when, and its page then shows no status at all; figures count recorded stages and documented
steps only. Every step (`measures`) carries its sources and who took it (`actor`, a key of
`model.ACTORS`); one without either stops the build. `note` fields (on a place or a step) hold
research notes for editors; they are kept in the records (`model.editor_notes` lists them
with their lines, for a list of open questions) and never rendered.

Languages: a step's texts are `title`/`description` in the main language of SITE_LANGUAGES and
a mapping per other language key (`en: {title, description}`); no language is named in code.

Settings (defaults in `generator.DEFAULT_SETTINGS`): `ORTE_DATA`, `ORTE_TERMS`, `ORTE_BODIES`,
`ORTE_BOUNDARIES`, `PLACE_URL`, `PLACE_SAVE_AS`, `PLACE_LANG_URL`, `PLACE_LANG_SAVE_AS`, `PLACES_URL`,
`PLACES_SAVE_AS`.
Template variables: `places`, `places_by_slug`, `place_groups`, `places_without_coordinates`,
`places_without_measures`, `place_figures`, `place_charts`, `place_map`; on place pages `place`
(with `place.measures` newest first – each with `type_label`, `actors` labels and texts in the
page's language –, `place.latest_measure`, `place.stage` – None if unknown – and
`place.stage_label`); on news items `article.places`.

Escaping: every template of the theme is compiled with Jinja's autoescape (JINJA_ENVIRONMENT in
pelicanconf.py), so markup or quotes in the data arrive as text in HTML, attributes, SVG and meta tags. Links
in the data must be http(s) (`validation.LINK_PATTERN`).
"""

from .generator import register

__all__ = ["register"]
