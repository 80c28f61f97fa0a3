"""The place slugs that `Orte:` may name, from the places data file."""

from __future__ import annotations

from pathlib import Path

import yaml

# libyaml's parser when PyYAML has it (its wheels do): about seven times faster.
FastestSafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def known_places(data_file: Path) -> set[str] | None:
    """Return the slugs of all places, or None if there is no places file yet.

    The Orte plugin validates the file itself; this only needs the slugs, so it accepts
    a list of places or a mapping with a list under `orte`, each place with a `slug`.
    """
    if not data_file.is_file():
        return None
    try:
        data = yaml.load(data_file.read_text(encoding="utf-8"), Loader=FastestSafeLoader)
    except yaml.YAMLError:
        return None  # nothing to compare with: the Orte plugin reports the broken file with its line
    if isinstance(data, dict):
        data = data.get("orte", [])
    # Only text slugs: anything else (e.g. a YAML alias, which plugins/orte refuses with its
    # line) is never turned into text here, where an alias bomb would expand.
    return {
        place["slug"]
        for place in data or []
        if isinstance(place, dict) and isinstance(place.get("slug"), str)
    }
