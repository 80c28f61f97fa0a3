"""A small local web server for the built site, with clean URLs and the 404 page."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

from bfb_languages import languages_of, path_prefix_language

import pelicanconf


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `index.html` for folders and the site's own 404 page for missing files."""

    def send_error(self, code, message=None, explain=None):
        page = not_found_page(Path(self.directory), self.path)
        if code == 404 and page is not None:
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass


def not_found_page(folder: Path, path: str) -> Path | None:
    """The site's "not found" page in the language of the address asked for, if built.

    A variant without a "not found" page of its own (plain German) gets the main site's.
    """
    language = path_prefix_language(languages_of(pelicanconf.SITE_LANGUAGES).values(), path)
    for page in (folder / language.prefix / "404.html", folder / "404.html"):
        if page.is_file():
            return page
    return None


def make_server(folder: Path, port: int, host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    handler = functools.partial(SiteRequestHandler, directory=str(folder))
    return http.server.ThreadingHTTPServer((host, port), handler)


def serve_folder(folder: Path, port: int) -> None:
    if not folder.is_dir():
        build = "invoke preview" if folder.name == "output-preview" else "invoke build"
        raise SystemExit(f"{folder} gibt es nicht – erst bauen: {build}")
    server = make_server(folder, port)
    print(f"Die Website läuft unter http://127.0.0.1:{server.server_port}/ (Strg+C beendet).")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
