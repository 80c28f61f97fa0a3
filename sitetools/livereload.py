"""Live preview for editors: rebuild on save, reload the browser, survive mistakes.

Each rebuild is a fresh `pelican` process with the content cache (so an edit shows
in about a second) and goes through a staging folder: after a content error the
terminal shows what is wrong, the server keeps running and the browser keeps the
last good preview.
"""

from __future__ import annotations

from livereload import Server

from sitetools.build import ROOT, BuildFailed, build_into

WATCHED = ["content", "theme", "plugins", "pelicanconf.py"]


def rebuild() -> None:
    try:
        build_into(ROOT / "pelicanconf.py", ROOT / "output")
    except BuildFailed:
        print(
            "\n*** Die Vorschau wurde NICHT aktualisiert: bitte den Fehler oben beheben und speichern."
            "\n*** Preview NOT updated: fix the error above and save again.\n",
            flush=True,
        )
    else:
        print("Vorschau aktualisiert / preview updated.", flush=True)


def run_livereload(port: int) -> None:
    rebuild()
    server = Server()
    for path in WATCHED:
        server.watch(str(ROOT / path), rebuild, delay=0.2)
    print(f"Vorschau unter http://127.0.0.1:{port}/ – speichern genügt, der Browser lädt neu (Strg+C: Ende).")
    server.serve(root=str(ROOT / "output"), host="127.0.0.1", port=port, open_url_delay=None)
