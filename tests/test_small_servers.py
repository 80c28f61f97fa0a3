"""The small servers (issue 24, item 8): odd paths, folder listings, the preview's endpoints, temp files."""

from __future__ import annotations

import http.client
import threading
from pathlib import Path

import pytest
from livereload.handlers import ForceReloadHandler, LiveReloadHandler

from sitetools.livereload import LivePreview, PreviewSite, own_pages_only
from sitetools.prestarted import PrestartedPelican
from sitetools.serve import make_server


@pytest.fixture
def site(tmp_path) -> Path:
    output = tmp_path / "output"
    (output / "bilder").mkdir(parents=True)
    (output / "bilder/foto.jpg").write_bytes(b"jpg")
    (output / "index.html").write_text("<p>Start</p>", encoding="utf-8")
    (output / "404.html").write_text("<p>Nicht gefunden</p>", encoding="utf-8")
    return output


@pytest.fixture
def served(site):
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    server.server_close()


def status_of(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


@pytest.mark.parametrize("path", ["/%00", "/bilder/%00.jpg", "/%00/"])
def test_invoke_serve_answers_odd_paths_with_the_404_page(served, path, capfd):
    status, body = status_of(served, path)
    assert (status, body) == (404, b"<p>Nicht gefunden</p>")
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize("path", ["/bilder/", "/bilder"])
def test_invoke_serve_lists_no_folder(served, path):
    status, body = status_of(served, path)
    assert status in (301, 404)
    assert b"foto.jpg" not in body


def answer(app: PreviewSite, path: str) -> tuple[str, bytes]:
    found = {}
    body = b"".join(app({"PATH_INFO": path}, lambda status, headers: found.update(status=status)))
    return found["status"], body


@pytest.mark.parametrize("path", ["/\x00", "/bilder/\x00foto.jpg", "/bilder/"])
def test_the_live_preview_answers_odd_paths_and_folders_with_404(site, path):
    status, body = answer(PreviewSite(LivePreview(output=site, pelican=object())), path)
    assert status == "404 Not Found"
    assert b"foto.jpg" not in body


class FakeRequest:
    def __init__(self) -> None:
        self.status, self.body = 200, ""

    def set_status(self, status: int) -> None:
        self.status = status

    def finish(self, body: str) -> None:
        self.body = body


def test_the_preview_endpoints_answer_only_its_own_pages(monkeypatch):
    monkeypatch.setattr(LiveReloadHandler, "check_origin", LiveReloadHandler.check_origin)
    monkeypatch.setattr(ForceReloadHandler, "get", ForceReloadHandler.get)
    own_pages_only(8123)
    assert LiveReloadHandler.check_origin(None, "http://127.0.0.1:8123")
    assert not LiveReloadHandler.check_origin(None, "https://anderswo.example")
    assert not LiveReloadHandler.check_origin(None, "http://127.0.0.1:8124")
    request = FakeRequest()
    ForceReloadHandler.get(request)
    assert request.status == 403


def test_a_preview_build_leaves_no_temporary_file(tmp_path):
    from sitetools.build import ROOT

    pelican = PrestartedPelican(ROOT / "pelicanconf.py")
    pelican.start()
    waiting = pelican.report
    pelican.problems_file = tmp_path / "last-build.json"
    pelican.problems_file.write_text("[]", encoding="utf-8")
    previous = pelican.problems_file
    pelican.close()
    assert not waiting.exists()
    assert not previous.exists()
