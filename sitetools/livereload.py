"""Live preview for editors: rebuild on save, reload the browser, survive mistakes.

Each rebuild is a fresh `pelican` process with the content cache (so an edit shows
in about a second) and goes through a staging folder: after a content error the
terminal shows what is wrong, the server keeps running and the browser keeps the
last good preview.
"""

from __future__ import annotations

import time
import traceback
from pathlib import Path

from livereload import Server

from sitetools.build import ROOT, BuildFailed, build_into

WATCHED = ["content", "theme", "plugins", "lib", "pelicanconf.py"]
NOT_UPDATED = (
    "\n*** Die Vorschau wurde NICHT aktualisiert: bitte den Fehler oben beheben und speichern."
    "\n*** Preview NOT updated: fix the error above and save again.\n"
)


def rebuild(
    settings: Path = ROOT / "pelicanconf.py",
    output: Path = ROOT / "output",
    extra: dict[str, str] | None = None,
) -> bool:
    """Build the preview; on any failure say so and keep the last good one. True if updated."""
    started = time.monotonic()
    try:
        build_into(settings, output, extra)
    except BuildFailed:
        print(NOT_UPDATED, flush=True)
        return False
    except Exception:
        # Whatever else breaks (a broken .po file, a plugin bug) must not stop the server.
        traceback.print_exc()
        print(NOT_UPDATED, flush=True)
        return False
    print(f"Vorschau aktualisiert / preview updated ({time.monotonic() - started:.1f} s).", flush=True)
    return True


def run_livereload(port: int) -> None:
    rebuild()
    server = Server()
    for path in WATCHED:
        server.watch(str(ROOT / path), rebuild, delay=0.2)
    print(f"Vorschau unter http://127.0.0.1:{port}/ – speichern genügt, der Browser lädt neu (Strg+C: Ende).")
    server.serve(root=str(ROOT / "output"), host="127.0.0.1", port=port, open_url_delay=None)
