"""Read the YAML data file into plain Python data that remembers its line numbers.

PyYAML forgets where a value came from; editors need "line 12" in every message. The loader
below keeps the line of every mapping, list and key, and notices keys written twice (which
PyYAML would silently overwrite).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from bfb_errors import Problem


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


for loader in (LineLoader, FastLineLoader):
    loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
    loader.add_constructor("tag:yaml.org,2002:seq", _construct_list)


def load_located_yaml(path: Path) -> tuple[object, list[Problem]]:
    """Return the file's data (maps and lists with line numbers) or the problems reading it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [
            Problem(
                path,
                None,
                "Die Datei mit den Orten fehlt.",
                "Die Datei wiederherstellen (z. B. mit „git checkout -- content/data/orte.yaml“).",
                detail="data file not found",
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
            )
        ]
    try:
        return yaml.load(text, Loader=FastLineLoader), []
    except yaml.YAMLError:
        pass
    try:  # again, for the clearer message
        return yaml.load(text, Loader=LineLoader), []
    except yaml.YAMLError as error:
        return None, [_syntax_problem(path, error)]


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
    )
