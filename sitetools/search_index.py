"""The static search index: Pagefind reads the built pages and writes /pagefind/.

Pagefind (`pagefind[bin]` from PyPI, pinned) runs offline and builds one index per
`<html lang>`. Only the part of a page marked `data-pagefind-body` (the `<main>` of
base.html) is indexed; the search page itself leaves it out.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEARCH_FOLDER = "pagefind"


class SearchIndexFailed(RuntimeError):
    """Pagefind stopped; its output says why."""


def build_search_index(site: Path) -> None:
    """Write the search index and Pagefind's scripts into `site/pagefind/`."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", SEARCH_FOLDER, "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not (site / SEARCH_FOLDER / "pagefind-ui.js").is_file():
        raise SearchIndexFailed(f"Pagefind failed ({result.returncode}): {result.stdout}{result.stderr}")
