"""The live preview's server and its prestarted pelican process, without a browser."""

from __future__ import annotations

import time
from pathlib import Path

from bfb_errors import Problem

from sitetools.livereload import PREVIEW_PREFIX, BuildFailure, LivePreview, PreviewSite
from sitetools.prestarted import PrestartedPelican, project_modules_changed_since


def get(app: PreviewSite, path: str) -> tuple[str, dict[str, str], bytes]:
    answer = {}

    def start_response(status, headers):
        answer.update(status=status, headers=dict(headers))

    body = b"".join(app({"PATH_INFO": path}, start_response))
    return answer["status"], answer["headers"], body


def site(tmp_path: Path) -> PreviewSite:
    output = tmp_path / "output"
    for name, text in {
        "index.html": "<p>Start</p>",
        "aktuelles/index.html": "<p>Aktuelles</p>",
        "404.html": "<p>Nicht gefunden</p>",
        "en/404.html": "<p>Not found</p>",
        "theme/css/site.css": "body {}",
    }.items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(text, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside the site", encoding="utf-8")
    return PreviewSite(LivePreview(output=output, pelican=PrestartedPelican(Path("pelicanconf.py"))))


def test_serves_the_site_with_clean_addresses_and_its_not_found_pages(tmp_path):
    app = site(tmp_path)
    assert get(app, "/aktuelles/")[2] == b"<p>Aktuelles</p>"
    status, headers, _ = get(app, "/aktuelles")
    assert status.startswith("301") and headers["Location"] == "/aktuelles/"
    assert get(app, "/gibt-es-nicht/")[0].startswith("404")
    assert get(app, "/gibt-es-nicht/")[2] == b"<p>Nicht gefunden</p>"
    assert get(app, "/en/does-not-exist/")[2] == b"<p>Not found</p>"
    assert get(app, "/../secret.txt")[0].startswith("404")
    assert get(app, "/theme/css/site.css")[1]["Content-Type"] == "text/css; charset=utf-8"


def test_while_the_last_build_failed_every_page_is_the_error_page(tmp_path):
    app = site(tmp_path)
    app.preview.failure = BuildFailure([Problem("content/x.md", 3, "Kaputt.", "Reparieren.")], "log")
    for path in ("/", "/aktuelles/", "/gibt-es-nicht/"):
        status, _, body = get(app, path)
        assert status.startswith("500") and "Kaputt." in body.decode() and "Zeile 3" in body.decode()
    # Stylesheets and images still come from the last good site; the page's own from the theme.
    assert get(app, "/theme/css/site.css")[2] == b"body {}"
    status, headers, _ = get(app, PREVIEW_PREFIX + "site.css")
    assert status.startswith("200") and headers["Content-Type"].startswith("text/css")
    app.preview.failure = None
    assert get(app, "/aktuelles/")[2] == b"<p>Aktuelles</p>"


def test_a_prestarted_process_notices_changed_project_code():
    assert project_modules_changed_since(0)  # this project's modules exist and are older than now
    assert not project_modules_changed_since(time.time() + 3600)
