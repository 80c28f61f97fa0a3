"""The theme's message catalogues: extract the German texts, update the English .po, compile.

Theme texts are German msgids (`{{ _('Text') }}` in templates, `_()` in plugins). `invoke
translations` extracts them with Babel (rules in babel.cfg) into
`theme/translations/messages.pot`, merges them into every `<lang>/LC_MESSAGES/messages.po`
(existing translations are kept; a changed text comes back marked fuzzy for review) and
compiles the `.mo` files. Every build compiles the `.mo` files as well (sitetools/build.py),
so they are not committed.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from sitetools.build import CONTENT, ROOT, TRANSLATIONS, compile_catalogues

BABEL_CONFIG = ROOT / "babel.cfg"
TEMPLATE = TRANSLATIONS / "messages.pot"
PROJECT = "bfb-daun-website"
# Header lines that change on every run; ignored when deciding whether a file changed.
VOLATILE_HEADERS = ('"POT-Creation-Date:', '"PO-Revision-Date:')


def extract_template(root: Path = ROOT) -> Catalog:
    """Return a catalogue of every translatable text in the theme and plugins, without translations."""
    with BABEL_CONFIG.open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    template = Catalog(project=PROJECT, copyright_holder="Bürger für Bürger e.V.", fuzzy=False)
    # Walk only the folders babel.cfg names (not output/, caches or node_modules).
    folders = [pattern.split("*", 1)[0].rstrip("/") for pattern, _ in method_map]

    def wanted_folder(path: str) -> bool:
        return on_the_way(Path(path).relative_to(root).as_posix(), folders)

    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), method_map, options_map, strip_comment_tags=True, directory_filter=wanted_folder
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def on_the_way(relative: str, folders: list[str]) -> bool:
    """True for a folder that leads to, is, or lies inside one of `folders`."""
    return any(
        folder == relative or folder.startswith(f"{relative}/") or relative.startswith(f"{folder}/")
        for folder in folders
    )


def catalogue_files() -> list[Path]:
    """Return the .po file of every translated language."""
    return sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))


def read_catalogue(po_path: Path) -> Catalog:
    with po_path.open("rb") as po_file:
        return read_po(po_file, locale=po_path.parent.parent.name)


def missing_translations(catalogue: Catalog, template: Catalog) -> list[str]:
    """Return the msgids of `template` that have no usable translation in `catalogue`.

    Usable means: present, not empty, not marked fuzzy (fuzzy entries are not compiled).
    """
    missing = []
    for message in template:
        if not message.id:
            continue
        translated = catalogue.get(message.id, context=message.context)
        strings = translated.string if translated else None
        empty = not all(strings) if isinstance(strings, tuple | list) else not strings
        if translated is None or empty or translated.fuzzy:
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def render_po(catalogue: Catalog, **options) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=110, include_lineno=False, sort_output=True, **options)
    return buffer.getvalue()


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write `content` unless only the volatile header dates differ; return True if written."""
    if path.exists() and _stable_lines(path.read_bytes()) == _stable_lines(content):
        return False
    path.write_bytes(content)
    return True


def _stable_lines(content: bytes) -> list[bytes]:
    volatile = tuple(header.encode() for header in VOLATILE_HEADERS)
    return [line for line in content.splitlines() if not line.startswith(volatile)]


def update_catalogues() -> dict[str, list[str]]:
    """Extract, merge and compile; return {language: msgids still without translation}."""
    template = extract_template()
    write_if_changed(TEMPLATE, render_po(template))
    missing = {}
    for po_path in catalogue_files():
        catalogue = read_catalogue(po_path)
        catalogue.update(template)
        # No source locations in the .po: editors add entries by hand (README), and
        # locations would go stale and collide in merges; the .pot has them.
        write_if_changed(
            po_path, render_po(catalogue, ignore_obsolete=True, omit_header=False, no_location=True)
        )
        missing[po_path.parent.parent.name] = missing_translations(catalogue, template)
    compile_catalogues()
    return missing


def format_missing(missing: dict[str, Iterable[str]]) -> str:
    """Describe the texts that still need a translation, for the maintainer (German)."""
    lines = []
    for lang, msgids in missing.items():
        msgids = list(msgids)
        if not msgids:
            continue
        po_path = f"theme/translations/{lang}/LC_MESSAGES/messages.po"
        lines.append(f"{len(msgids)} Text(e) ohne Übersetzung ({lang}) in {po_path}:")
        lines += [f"    {msgid}" for msgid in msgids]
    if not lines:
        return "Alle Texte des Themes sind übersetzt."
    lines.append("Bitte dort bei msgstr die Übersetzung eintragen und die Markierung „#, fuzzy“ entfernen.")
    return "\n".join(lines)


def untranslated_content(content_dir: Path = CONTENT) -> str:
    """Return the report of German texts without English translation (invoke untranslated/check)."""
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    from bfb_translations import format_report, untranslated_report

    return format_report(untranslated_report(content_dir, settings))
