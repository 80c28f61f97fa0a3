"""Live preview for editors: rebuild on save, reload the browser, show mistakes there.

`invoke livereload` serves output/ with the `livereload` package (its Server runs our
small WSGI app, PreviewSite, and adds its reload script to every page) and watches
content/, theme/, plugins/ and the settings:

- A change is noticed within POLL_SECONDS (PreviewWatcher), and every change saved at
  once gives one build.
- Each build is a fresh `pelican` process (a failed build leaves i18n_subsites' module
  state broken, so no build may follow another in one process), started ahead of time
  so that it only has to build (sitetools/prestarted.py), through a staging folder: a
  failed build never touches the last good site in output/.
- After every build the browsers reload; the search index (Pagefind) is built and the
  previous output deleted while they do. If the build failed, every page the browser
  asks for is the error page instead: what is wrong, in which file and line, how to fix
  it (German, the same words as in the terminal), the technical detail below. It is
  rendered by this server on request and never written into the site. Once the fix is
  saved, the next build succeeds and the browser shows the real page again.
"""

from __future__ import annotations

import mimetypes
import posixpath
import re
import shutil
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from bfb_errors import Problem, read_report
from jinja2 import Environment, FileSystemLoader, select_autoescape
from livereload import Server
from livereload.handlers import ForceReloadHandler, LiveReloadHandler
from livereload.watcher import Watcher
from tornado.ioloop import IOLoop, PeriodicCallback

from sitetools.build import ROOT, BuildFailed, build_into, old_folder
from sitetools.prestarted import PrestartedPelican
from sitetools.search_index import SearchIndexFailed, build_search_index
from sitetools.serve import not_found_page

WATCHED = ["content", "theme", "plugins", "lib", "pelicanconf.py"]
POLL_SECONDS = 0.05  # the livereload package polls every 0.8 s; a poll of our folders costs ~1 ms
PRESTART_AFTER_SECONDS = 1.0  # the next build's process starts once the browser has reloaded
NOT_UPDATED = (
    "\n*** Die Vorschau wurde NICHT aktualisiert: bitte den Fehler oben beheben und speichern."
    "\n*** Preview NOT updated: fix the error above and save again.\n"
)
# Served by the preview server only; the error page's stylesheet is the theme's own.
PREVIEW_PREFIX = "/__vorschau__/"
STYLESHEET = ROOT / "theme" / "static" / "css" / "site.css"
TEMPLATES = [Path(__file__).parent / "templates", ROOT / "theme" / "templates"]
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass
class BuildFailure:
    """Why the last build failed: the problems reported for editors, and everything printed."""

    problems: list[Problem] = field(default_factory=list)
    log: str = ""


@dataclass
class LivePreview:
    """Builds the preview and remembers whether the last build failed."""

    settings: Path = ROOT / "pelicanconf.py"
    output: Path = ROOT / "output"
    extra: dict[str, str] | None = None
    failure: BuildFailure | None = None
    pelican: PrestartedPelican = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        self.pelican = self.pelican or PrestartedPelican(self.settings)

    tidying: threading.Thread | None = None

    def rebuild(self) -> bool:
        """Build the preview; on any failure say so and keep the last good one. True if updated.

        The search index and deleting the previous output are left for `tidy_up` (after the
        browser has reloaded: deleting hundreds of files alone can take longer than the build).
        """
        started = time.monotonic()
        self.wait_for_tidying()
        try:
            build_into(
                self.settings,
                self.output,
                self.extra,
                runner=self.pelican.run,
                search_index=False,
                remove_old=False,
            )
        except BuildFailed:
            self.failure = BuildFailure(self.reported_problems(), self.pelican.output)
        except Exception:
            # Whatever else breaks (a broken .po file, a plugin bug) must not stop the server.
            traceback.print_exc()
            self.failure = BuildFailure(self.reported_problems(), traceback.format_exc())
        else:
            self.failure = None
            print(
                f"Vorschau aktualisiert / preview updated ({time.monotonic() - started:.2f} s).", flush=True
            )
            return True
        print(NOT_UPDATED, flush=True)
        return False

    def tidy_up(self) -> None:
        """In the background: delete the previous output, build the new preview's search index."""
        self.tidying = threading.Thread(target=self._tidy_up, daemon=True)
        self.tidying.start()

    def _tidy_up(self) -> None:
        shutil.rmtree(old_folder(self.output.resolve()), ignore_errors=True)
        if self.failure is not None:
            return
        try:
            build_search_index(self.output)
        except SearchIndexFailed as error:
            print(f"Suchindex der Vorschau nicht gebaut / search index not built: {error}", flush=True)

    def wait_for_tidying(self) -> None:
        if self.tidying is not None:
            self.tidying.join()
            self.tidying = None

    def reported_problems(self) -> list[Problem]:
        report = self.pelican.problems_file
        return read_report(report) if report else []

    def close(self) -> None:
        self.wait_for_tidying()
        self.pelican.close()


# --- the error page -------------------------------------------------------------------------


def error_page(failure: BuildFailure) -> str:
    """The page the browser shows while the last build failed (German; technical detail below)."""
    environment = Environment(
        loader=FileSystemLoader([str(folder) for folder in TEMPLATES]),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.install_null_translations(newstyle=True)  # the page is German, like the messages
    return environment.get_template("build_error.html").render(
        problems=failure.problems,
        log=ANSI_ESCAPE.sub("", failure.log).strip(),
        stylesheet=PREVIEW_PREFIX + "site.css",
    )


# --- the web server ---------------------------------------------------------------------------


class PreviewSite:
    """WSGI app: output/ with clean URLs and the 404 page; the error page while a build failed."""

    def __init__(self, preview: LivePreview) -> None:
        self.preview = preview

    def __call__(self, environ, start_response):
        path = unquote(environ.get("PATH_INFO") or "/")
        if path == PREVIEW_PREFIX + "site.css":
            return self.respond(start_response, "200 OK", STYLESHEET.read_bytes(), "text/css")
        file = self.site_file(path)
        if self.preview.failure is not None and (file is None or file.suffix == ".html"):
            page = error_page(self.preview.failure).encode("utf-8")
            return self.respond(start_response, "500 Internal Server Error", page, "text/html")
        if file is None:
            not_found = not_found_page(self.preview.output, path)
            body = not_found.read_bytes() if not_found else b"Not found"
            return self.respond(start_response, "404 Not Found", body, "text/html")
        if file.is_dir():  # a folder without the final slash: its index page has relative links
            location = environ.get("SCRIPT_NAME", "") + path + "/"
            start_response("301 Moved Permanently", [("Location", location), ("Content-Length", "0")])
            return [b""]
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return self.respond(start_response, "200 OK", file.read_bytes(), kind)

    def site_file(self, path: str) -> Path | None:
        """The file in output/ that a URL path names (a folder's index.html), or None."""
        if any(not character.isprintable() for character in path):
            return None  # "/%00" and other control characters name no file (and os.stat would fail)
        relative = posixpath.normpath("/" + path).lstrip("/")
        file = self.preview.output / relative if relative not in ("", ".") else self.preview.output
        if file.is_dir() and path.endswith("/"):
            file = file / "index.html"
        return file if file.exists() else None

    @staticmethod
    def respond(start_response, status: str, body: bytes, kind: str):
        if kind.startswith("text/") or kind.endswith(("javascript", "json", "xml")):
            kind += "; charset=utf-8"
        headers = [("Content-Type", kind), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")]
        start_response(status, headers)
        return [body]


class PreviewWatcher(Watcher):
    """The livereload package's watcher, polling often and building once per batch of changes.

    It reports every change with the delay "forever", so the package reloads nothing on its
    own (it would skip a reload within 3 s of the last one); `on_change` builds and reloads.
    """

    def __init__(self, on_change) -> None:
        super().__init__()
        self.on_change = on_change

    def start(self, callback) -> bool:
        PeriodicCallback(callback, POLL_SECONDS * 1000).start()
        return True

    def examine(self):
        path, delay = super().examine()
        if path is None or path == "__livereload__":
            return path, delay
        while super().examine()[0] is not None:
            pass  # files saved together (a translation pair): one build for all of them
        self.on_change(path)
        return path, "forever"


def reload_browsers() -> None:
    """Tell every connected browser to reload its page (after any build, good or failed)."""
    LiveReloadHandler.reload_waiters(path="/")  # not a stylesheet: the whole page reloads


def own_pages_only(port: int) -> None:
    """The preview's live endpoints answer only its own pages.

    The livereload package lets any web page open its reload socket (`check_origin` returns
    True) and reload every connected browser by requesting `/forcereload`. Our server reloads
    through `LiveReloadHandler.reload_waiters` itself, so `/forcereload` is refused for all;
    the socket accepts browsers showing this preview (no Origin: not a web page). These two
    class attributes of livereload 2.7.1 are listed in docs/architecture.md.
    """
    own = {f"http://127.0.0.1:{port}", f"http://localhost:{port}"}

    def check_origin(handler, origin: str) -> bool:
        return origin in own

    def refuse(handler) -> None:
        handler.set_status(403)
        handler.finish("Nur für die Vorschau selbst.")

    LiveReloadHandler.check_origin = check_origin
    ForceReloadHandler.get = refuse


def run_livereload(port: int, preview: LivePreview | None = None) -> None:
    own_pages_only(port)
    preview = preview or LivePreview()
    preview.rebuild()
    preview.tidy_up()

    def build_and_reload(_changed: str) -> None:
        preview.rebuild()
        reload_browsers()
        preview.tidy_up()
        IOLoop.current().call_later(PRESTART_AFTER_SECONDS, preview.pelican.start)

    watcher = PreviewWatcher(build_and_reload)
    server = Server(app=PreviewSite(preview), watcher=watcher)
    for path in WATCHED:
        server.watch(str(ROOT / path), delay="forever")
    preview.pelican.start()
    print(f"Vorschau unter http://127.0.0.1:{port}/ – speichern genügt, der Browser lädt neu (Strg+C: Ende).")
    try:
        server.serve(root=str(preview.output), host="127.0.0.1", port=port, debug=False, open_url_delay=None)
    finally:
        preview.close()


__all__ = ["BuildFailure", "LivePreview", "error_page", "run_livereload"]
