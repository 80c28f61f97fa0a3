"""The places file, read and validated once per build and shared by every consumer.

The German site's places generator, the English subsite's, and `invoke check` all need the
same thing: the valid places, every problem in the file (all at once, each with its line),
and the slugs as written – also of places with a mistake, so that a news item naming such a
place is not a second problem. The first one to ask reads the file (`loader`) and validates
it (`validation`); the result is kept in the build's shared state (bfb_build), so a second
language site does not parse again, and a new build reads the file afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bfb_build import this_build
from bfb_errors import Problem
from bfb_languages import Language, table
from bfb_yaml.loader import load_located_yaml

from .figures import compute_figures
from .model import PlaceRecord
from .validation import validate_places, written_slugs

DEFAULT_DATA_FILE = "data/orte.yaml"  # relative to PATH


@dataclass(frozen=True)
class PlacesFile:
    """What one reading of the places file found."""

    path: Path
    records: tuple[PlaceRecord, ...]  # the valid places
    problems: tuple[Problem, ...]  # every problem in the file
    slugs: frozenset[str] | None  # the slugs as written, valid or not; None if the file is unreadable


def read_places_file(path: Path, languages: dict[str, Language]) -> PlacesFile:
    """Read and validate the places file at `path` for the site languages `languages` (their
    table, bfb_languages.table); no caching: see `places_file_of_this_build`."""
    data, problems = load_located_yaml(path)
    slugs = written_slugs(data)
    records = []
    if not problems:
        records, problems = validate_places(data, path, languages)
    return PlacesFile(path, tuple(records), tuple(problems), None if slugs is None else frozenset(slugs))


class PlacesFilesOfThisBuild(dict):
    """{resolved path: PlacesFile}, read once per build (bfb_build)."""


def places_file_of_this_build(settings) -> PlacesFile:
    """The places file named by `settings` (PATH and ORTE_DATA), read by whichever consumer asks first."""
    path = Path(settings["PATH"]) / settings.get("ORTE_DATA", DEFAULT_DATA_FILE)
    read = this_build(settings).part(PlacesFilesOfThisBuild)
    key = str(path.resolve())
    if key not in read:
        read[key] = read_places_file(path, table(settings))
    return read[key]


def number_of_places(settings) -> int | None:
    """How many places the places file lists (None while it has a problem): `{anzahl:orte}`.

    Counted by the overview's own `compute_figures`, so the text and the overview always agree.
    """
    places_file = places_file_of_this_build(settings)
    return None if places_file.problems else compute_figures(list(places_file.records)).total
