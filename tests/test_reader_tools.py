"""The browser helpers themselves: they notice what they are meant to notice."""

import threading

import pytest
from reader import visit

from sitetools.serve import make_server

pytestmark = pytest.mark.browser


def test_visit_records_foreign_and_failed_requests_and_console_errors(chromium, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="de"><head><title>t</title>'
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="https://fonts.example.org/a.css">'
        '</head><body><img src="/fehlt.png" alt=""><p>x</p></body></html>',
        encoding="utf-8",
    )
    server = make_server(tmp_path, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with visit(chromium, f"http://127.0.0.1:{server.server_port}/", 360) as reader:
            reader.page.wait_for_load_state("networkidle")
            assert reader.foreign_requests == ["https://fonts.example.org/a.css"]
            assert any("/fehlt.png" in failed for failed in reader.failed_requests)
            assert reader.console_errors
    finally:
        server.shutdown()
        server.server_close()
