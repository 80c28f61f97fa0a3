"""Drafts the build leaves out, by their path (a library, not a plugin).

Where drafts are not written (production), the content check leaves every draft out of
this build: it names their files here, and bfb_reader reads such a file as Pelican's
`Status: skip` without parsing it, so a draft can neither fail the build nor leave a trace.
By path, not by name: IGNORE_FILES would also hide a published file of the same name in
another folder (Pelican matches it against file and folder names only).
"""

from __future__ import annotations

from pathlib import Path

from bfb_build import this_build


class DraftsLeftOut(set):
    """The resolved paths of the drafts this build leaves out (bfb_build)."""


def leave_out(settings, paths) -> None:
    this_build(settings).part(DraftsLeftOut).update(str(Path(path).resolve()) for path in paths)


def is_left_out(settings, source_path: str | Path) -> bool:
    drafts = this_build(settings).part(DraftsLeftOut)
    return bool(drafts) and str(Path(source_path).resolve()) in drafts
