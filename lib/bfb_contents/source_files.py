"""Refuse symbolic links that lead out of the content folder, and text files that are not UTF-8.

git stores symbolic links, so one committed link (`content/bilder/passwd.jpg -> /etc/passwd`,
or a linked folder) would make Pelican copy a maintainer's private file onto the public site.
A Markdown file saved as Latin-1 (Windows editors do that) would otherwise end the build with
a UnicodeDecodeError traceback in whichever plugin reads it first.

A library: the plugin bfb_source_files checks on `initialized`, and every plugin that reads
content files through `content_files.files_of_this_build` has them checked first
(`stop_on_unsafe_sources`, once per build), so the plugins' order does not matter.

Settings: none; the content folder is PATH, the text files are those with TEXT_SUFFIXES.
"""

from __future__ import annotations

import os
from pathlib import Path

from bfb_build import this_build
from bfb_errors import Problem, stop_build

# Text the build reads itself; the data file (orte.yaml) is checked by the places plugin.
TEXT_SUFFIXES = {".md", ".markdown", ".mkd", ".mdown", ".txt"}


def source_problems(content_dir: str | Path) -> list[Problem]:
    """Every link leading out of `content_dir` and every text file that is not UTF-8."""
    content_dir = Path(content_dir).resolve()
    problems = []
    for folder, folder_names, file_names in os.walk(content_dir):  # never follows a linked folder
        for name in sorted(folder_names + file_names):
            path = Path(folder, name)
            if path.is_symlink():
                problems += link_problems(path, content_dir)
            elif path.suffix.lower() in TEXT_SUFFIXES and path.is_file():
                problems += encoding_problems(path)
    return problems


def link_problems(link: Path, content_dir: Path) -> list[Problem]:
    target = link.resolve()
    if target.is_relative_to(content_dir) and target.exists():
        return []
    code = "symlink-outside-content" if target.exists() else "symlink-target-missing"
    if not target.exists():
        message = (
            f"„{link.name}“ ist eine Verknüpfung (symbolischer Link) auf „{os.readlink(link)}“, "
            "das es nicht gibt."
        )
    else:
        message = (
            f"„{link.name}“ ist eine Verknüpfung (symbolischer Link) auf „{os.readlink(link)}“ "
            "außerhalb des Ordners content/ – die Website würde von dort Fremdes veröffentlichen."
        )
    return [
        Problem(
            link,
            None,
            message,
            "Die Verknüpfung löschen (git rm) und stattdessen die Datei selbst in den Ordner legen. "
            "Nur so ist sicher, dass nichts anderes von diesem Rechner ins Netz gelangt.",
            f"symlink to {target} outside {content_dir}",
            code=code,
        )
    ]


def encoding_problems(path: Path) -> list[Problem]:
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        start = data.rfind(b"\n", 0, error.start) + 1
        end = data.find(b"\n", error.start)
        shown = data[start : end if end >= 0 else len(data)].decode("cp1252", errors="replace").strip()
        return [
            Problem(
                path,
                line,
                f"Die Datei ist nicht als UTF-8 gespeichert (Zeile: „{shown[:80]}“) – "
                "Umlaute und „ß“ kämen falsch auf die Website.",
                "Die Datei im Editor mit der Codierung „UTF-8“ speichern "
                "(z. B. „Speichern unter …“ → Codierung: UTF-8) und die Umlaute dieser Zeile prüfen.",
                f"not UTF-8: {error.reason} at byte {error.start}",
                code="text-not-utf8",
            )
        ]
    return []


class SourcesChecked(dict):
    """{content folder: its problems}, checked once per build (bfb_build)."""


def stop_on_unsafe_sources(settings) -> None:
    """Stop the build (once per build, whoever asks first) if a source is unsafe or unreadable."""
    checked = this_build(settings).part(SourcesChecked)
    content_dir = str(Path(settings["PATH"]).resolve())
    if content_dir not in checked:
        checked[content_dir] = source_problems(content_dir)
    if checked[content_dir]:
        stop_build(checked[content_dir])
