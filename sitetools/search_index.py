"""The static search index: Pagefind reads the built pages and writes /pagefind/.

Pagefind (`pagefind[bin]` from PyPI, pinned) runs offline and builds one index per
`<html lang>`. Only the part of a page marked `data-pagefind-body` (the `<main>` of
base.html) is indexed; the search page itself leaves it out.

A language variant whose search key differs from its `<html lang>` (SITE_LANGUAGES:
plain German is German, but searched on its own) marks its pages with
`<meta name="bfb-search-index">` (base.html). Its folder gets an index of its own in
`/<prefix>pagefind/`, and the main index leaves its pages out, so each search page
finds only the pages of its own variant.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from bfb_html import start_tags
from pagefind_bin import get_executable

SEARCH_FOLDER = "pagefind"
OWN_INDEX_MARK = "bfb-search-index"  # the name of the <meta> element (base.html)


class SearchIndexFailed(RuntimeError):
    """Pagefind stopped; its output says why."""


def build_search_index(site: Path) -> None:
    """Write the search index and Pagefind's scripts into `site/pagefind/` (and each own index)."""
    own = folders_with_own_index(site)
    aside = site.parent / f".{site.name}-own-search-indexes"
    if aside.exists():
        shutil.rmtree(aside)
    aside.mkdir()
    try:
        for folder in own:  # out of the main index's way while it is built
            folder.rename(aside / folder.name)
        run_pagefind(site)
    finally:
        for folder in own:
            (aside / folder.name).rename(folder)
        aside.rmdir()
    for folder in own:
        run_pagefind(folder)


def folders_with_own_index(site: Path) -> list[Path]:
    """The top-level folders whose pages ask for a search index of their own (see module docstring)."""
    found = []
    for folder in sorted(path for path in site.iterdir() if path.is_dir() and path.name != SEARCH_FOLDER):
        page = next(iter(sorted(folder.glob("**/index.html"))), None)
        if page is not None and asks_for_own_index(page.read_text(encoding="utf-8")):
            found.append(folder)
    return found


def asks_for_own_index(html: str) -> bool:
    """Whether the page's head holds `<meta name="bfb-search-index">` (read by lib/bfb_html)."""
    return any(tag.get("name") == OWN_INDEX_MARK for tag in start_tags(html, "meta", stop_at="body"))


def run_pagefind(site: Path) -> None:
    # The binary itself: `python -m pagefind` would start Python only to find it (≈0.1 s a build).
    try:
        executable = get_executable()
        result = subprocess.run(
            [str(executable), "--site", str(site), "--output-subdir", SEARCH_FOLDER, "--silent"],
            capture_output=True,
            text=True,
        )
    except (OSError, FileNotFoundError) as error:
        raise SearchIndexFailed(
            f"Das Programm für die Suche (Pagefind) fehlt oder startet nicht ({error}). "
            "So beheben: `.venv/bin/pip install -r requirements.txt` (installiert pagefind[bin])."
        ) from None
    if result.returncode != 0 or not (site / SEARCH_FOLDER / "pagefind-ui.js").is_file():
        raise SearchIndexFailed(f"Pagefind failed ({result.returncode}): {result.stdout}{result.stderr}")
    sort_entry_languages(site / SEARCH_FOLDER / "pagefind-entry.json")


def sort_entry_languages(entry: Path) -> None:
    """Pagefind lists the languages in random order; sorted, equal builds give equal files
    (reproducible builds, and rsync --checksum does not upload the file again)."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data.get("languages", {}).items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
