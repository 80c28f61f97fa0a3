"""Orte: the places of the Verbandsgemeinde Daun, generated from content/data/orte.yaml.

Pipeline, one module per stage: `loader` (YAML with line numbers) → `validation` (every editor
mistake as a `bfb_errors.Problem`) → `model` (records and vocabularies) → `figures` and `svg_map`
(counts; maps from the boundaries in `boundaries/`, drawn with `geometry` and `labels`) →
`generator` (Pelican pages `/orte/` and `/orte/<slug>/`).

Settings (defaults in `generator.DEFAULT_SETTINGS`): `ORTE_DATA`, `ORTE_BODIES`, `ORTE_BOUNDARIES`,
`PLACE_URL`, `PLACE_SAVE_AS`, `PLACE_LANG_URL`, `PLACE_LANG_SAVE_AS`, `PLACES_URL`, `PLACES_SAVE_AS`.
Template variables: `places`, `places_by_slug`, `place_groups`, `places_without_coordinates`,
`place_figures`, `place_charts`, `place_map`; on place pages `place`; on news items `article.places`.
"""

from .generator import register

__all__ = ["register"]
