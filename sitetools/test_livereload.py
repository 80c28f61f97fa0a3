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


def test_a_failing_warm_up_leaves_the_waiting_process_ready(tmp_path):
    """warm_up is only a head start: whatever it raises, the process still waits and builds."""
    import os
    import subprocess
    import sys

    from sitetools.build import ROOT

    (tmp_path / "broken_warm_up.py").write_text(
        "def warm_up(settings):\n    raise UnicodeDecodeError('utf-8', b'\\xe4', 0, 1, 'kaputt')\n\n"
        "def register():\n    pass\n",
        encoding="utf-8",
    )
    settings = tmp_path / "settings.py"
    settings.write_text(f"PATH = {str(tmp_path)!r}\nPLUGINS = ['broken_warm_up']\n", encoding="utf-8")
    environment = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])
    )
    # No command line on stdin: the preview ended before it needed the process.
    result = subprocess.run(
        [sys.executable, "-m", "sitetools.prestarted", str(settings)],
        cwd=ROOT,
        env=environment,
        input="",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
