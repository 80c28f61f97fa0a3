"""Read a YAML data file into plain Python data that remembers its line numbers.

The one YAML loader of the site (a library): the places (content/data/orte.yaml) and the
Bürgerbus (content/data/buergerbus.yaml) are read with it, and its messages name the file
being read.

PyYAML forgets where a value came from; editors need "line 12" in every message. The loader
below keeps the line of every mapping, list and key, and notices keys written twice (which
PyYAML would silently overwrite).

Refused before anything is built from the text: anchors and aliases (`&name`, `*name`).
Our data files have no use for them, and an alias nested in aliases ("billion laughs")
expands into gigabytes as soon as a value is turned into text. An empty file (or one with
only comments) is named as such, not as "no list of places".
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bfb_errors import Problem
from bfb_errors.problems import display_path


class LocatedMap(dict):
    """A YAML mapping with the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict
    duplicate_keys: list

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A YAML sequence with the line it starts on and the line of each item."""

    line: int = 0
    item_lines: list


class LineLoader(yaml.SafeLoader):
    """A safe loader whose mappings and lists know their line numbers (1-based)."""


# libyaml's parser (PyYAML's C extension, in its wheels) reads the file about seven times
# faster; the pure-Python LineLoader is used for broken files, because its messages
# quote the line and name the character ("found character '\\t'").
class FastLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """LineLoader with libyaml's parser."""


def compose(text: str) -> yaml.Node:
    """The node tree of a YAML text, each node with its marks (line, column); libyaml's parser."""
    return yaml.compose(text, Loader=FastLineLoader)


def _construct_map(loader: LineLoader, node: yaml.MappingNode) -> LocatedMap:
    loader.flatten_mapping(node)
    mapping = LocatedMap()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    mapping.duplicate_keys = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) or key is None:
            key = str(key)
        key_line = key_node.start_mark.line + 1
        if key in mapping:
            mapping.duplicate_keys.append((key, key_line))
        mapping.key_lines[key] = key_line
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _construct_list(loader: LineLoader, node: yaml.SequenceNode) -> LocatedList:
    items = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _construct_timestamp(loader: LineLoader, node: yaml.ScalarNode):
    """A date as PyYAML reads it; an impossible one ("2017-02-30") stays text for validation to report.

    PyYAML would raise a bare ValueError without a line number.
    """
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


for loader in (LineLoader, FastLineLoader):
    loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
    loader.add_constructor("tag:yaml.org,2002:seq", _construct_list)
    loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load_located_yaml(path: Path) -> tuple[object, list[Problem]]:
    """Return the file's data (maps and lists with line numbers) or the problems reading it."""
    name = display_path(path)
    restore = f"Die Datei wiederherstellen (z. B. mit „git checkout -- {name}“)"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        missing = f"Die Datei „{name}“ fehlt."
        return None, [
            Problem(
                path, None, missing, f"{restore}.", detail="data file not found", code="data-file-missing"
            )
        ]
    except UnicodeDecodeError as error:
        return None, [
            Problem(
                path,
                None,
                "Die Datei ist nicht in UTF-8 gespeichert.",
                "Die Datei im Editor mit der Kodierung UTF-8 speichern.",
                detail=str(error),
                code="data-file-not-utf8",
            )
        ]
    if not text.strip() or all(line.lstrip().startswith("#") for line in text.splitlines() if line.strip()):
        return None, [
            Problem(
                path,
                None,
                f"Die Datei ist leer (oder enthält nur Kommentare): In „{name}“ steht nichts, was der Build "
                "lesen könnte.",
                f"{restore} oder ihre Einträge wieder hineinschreiben.",
                detail="data file is empty",
                code="data-file-empty",
            )
        ]
    try:
        alias_problems = _anchors_and_aliases(path, text)
        if alias_problems:
            return None, alias_problems
        return yaml.load(text, Loader=FastLineLoader), []
    except yaml.YAMLError:
        pass
    except (RecursionError, ValueError, OverflowError) as error:
        return None, [_beyond_limits(path, error)]
    try:  # again, for the clearer message
        return yaml.load(text, Loader=LineLoader), []
    except yaml.YAMLError as error:
        return None, [_syntax_problem(path, error)]


def _beyond_limits(path: Path, error: Exception) -> Problem:
    """Nesting too deep for the reader, or a number with thousands of digits: no traceback."""
    what = "zu tief verschachtelt" if isinstance(error, RecursionError) else "eine Zahl ist zu groß"
    return Problem(
        path,
        None,
        f"Die Datei kann nicht gelesen werden: {what}.",
        "Die letzte Änderung prüfen (z. B. mit „git diff content/data/orte.yaml“) und rückgängig machen; "
        "Zahlen haben höchstens ein paar Stellen, Einrückungen nur wenige Ebenen.",
        detail=f"yaml-beyond-limits: {type(error).__name__}",
        code="yaml-beyond-limits",
    )


# A line with "&" or "*" before any "#": the only lines that can hold an anchor or alias.
POSSIBLE_ANCHOR = re.compile(r"^[^#\n]*[&*]", re.MULTILINE)


def _anchors_and_aliases(path: Path, text: str) -> list[Problem]:
    """Return a Problem for every anchor (`&name`) and alias (`*name`) in the text.

    Only the parser's events are looked at (libyaml when available), so an alias bomb costs
    no more than its own text. Without "&" or "*" before a comment there is nothing to look for
    (the file's own instructions mention both in comments; they need no second reading).
    """
    if not POSSIBLE_ANCHOR.search(text):
        return []
    problems, lines = [], set()
    for event in yaml.parse(text, Loader=FastLineLoader):
        anchor = getattr(event, "anchor", None)
        if anchor is None or event.start_mark.line in lines:
            continue  # one message per line is enough
        lines.add(event.start_mark.line)
        written = f"*{anchor}" if isinstance(event, yaml.AliasEvent) else f"&{anchor}"
        problems.append(
            Problem(
                path,
                event.start_mark.line + 1,
                f"Hier steht ein YAML-Verweis („{written}“). Verweise und Anker sind in dieser Datei "
                "nicht erlaubt.",
                "Den Wert ausschreiben statt mit „&…“ oder „*…“ auf eine andere Stelle zu verweisen. "
                "Steht „&“ oder „*“ am Anfang eines Textes, den Text in Anführungszeichen setzen, "
                'z. B. „title: "*Sternstunde"“.',
                detail=f"YAML anchor/alias {written!r} refused",
                code="yaml-anchor-or-alias",
            )
        )
    return problems


def _syntax_problem(path: Path, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    return Problem(
        path,
        line,
        "Die Datei ist kein gültiges YAML und kann nicht gelesen werden.",
        "Die Zeile und die Zeile davor prüfen: Einrückung mit Leerzeichen (keine Tabulatoren), "
        "nach jedem Feldnamen ein Doppelpunkt und ein Leerzeichen, Texte mit „:“ oder „#“ in "
        "Anführungszeichen setzen.",
        detail=" ".join(str(error).split()),
        code="yaml-syntax",
    )
