"""Who writes each file of the site: one register per build, across both language sites.

A library: the plugin bfb_output_owners fills it from every content object and written
file; bfb_images claims its photo copies here too. A second owner of a path is a Problem.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bfb_errors import Problem
from bfb_errors.problems import display_path
from bfb_urls import address_of

from bfb_build import this_build


@dataclass(frozen=True)
class Owner:
    """Who writes a file: a source file, or something the site generates itself."""

    key: str  # equal keys are the same owner
    description: str  # for the editor, e.g. "„content/seiten/x.md“"
    file: str | None = None  # the source file, if there is one


class OutputOwners:
    """This build's register: the owner of each output path (absolute), across both language sites."""

    def __init__(self) -> None:
        self.owners: dict[str, Owner] = {}
        self.site = ""  # the main site's output folder, for addresses in messages

    def claim(self, path: str | Path, owner: Owner) -> Problem | None:
        """Register `owner` as the writer of `path`; a Problem if someone else already is."""
        key = os.path.normpath(os.path.abspath(path))
        first = self.owners.setdefault(key, owner)
        if first.key == owner.key:
            return None
        address = address_of(os.path.relpath(key, self.site).replace(os.sep, "/"))
        return Problem(
            owner.file or first.file or key,
            None,
            f"Zwei Quellen würden dieselbe Adresse der Website schreiben: „{address}“ "
            f"kommt von {first.description} und von {owner.description}. Eine von beiden ginge verloren.",
            "Im Kopf der Seite oder Meldung einen anderen „Slug:“ wählen (oder die Zeile „Save_as:“ "
            "löschen), damit jede Adresse nur einmal vorkommt.",
            f"output path {key} claimed twice ({first.key}, {owner.key})",
            code="output-path-twice",
        )


def claim(settings, path: str | Path, owner: Owner) -> Problem | None:
    """Register `owner` as the writer of `path` in the build `settings` (or a context) belong to."""
    return this_build(settings).part(OutputOwners).claim(path, owner)


def file_owner(source: str | Path) -> Owner:
    return Owner(f"source:{source}", f"„{display_path(source)}“", str(source))
