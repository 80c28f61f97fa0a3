"""Open a page of the served site in Chromium the way a reader does, and record what goes wrong."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from page_types import PAGE_TYPES, PageType

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ALLOWED_HOSTS = {"127.0.0.1"}
# A missing address shows the 404 page: readers meet it there, not at /404.html.
MISSING_PATHS = {"de": "/gibt-es-nicht/wirklich/", "en": "/en/does-not-exist/really/"}


@dataclass
class Visit:
    """A page opened in a fresh browser context, with everything that went wrong loading it."""

    page: object  # playwright.sync_api.Page
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


def page_cases() -> list:
    """pytest parameters: every page type in both languages."""
    return [
        pytest.param(page_type, lang, id=f"{page_type.name}-{lang}")
        for page_type in PAGE_TYPES
        for lang in ("de", "en")
    ]


def page_paths(page_type: PageType, root: Path) -> dict[str, str]:
    """The page type's paths in the built site."""
    paths = page_type.locate(root)
    if paths is None:
        pytest.fail(f"the build has no page of type {page_type.name!r} in both languages")
    return paths


def reader_path(page_type: PageType, lang: str, paths: dict[str, str]) -> str:
    return MISSING_PATHS[lang] if page_type.name == "404" else paths[lang]


@contextmanager
def visit(browser, url: str, width: int, javascript: bool = True) -> Iterator[Visit]:
    """Open `url` at `width` px in a fresh context; record console errors, failed and foreign requests."""
    context = browser.new_context(
        viewport={"width": width, "height": 800}, service_workers="block", java_script_enabled=javascript
    )
    page = context.new_page()
    record = Visit(page)

    def on_request(request):
        if urlsplit(request.url).scheme in ("http", "https", "ws", "wss") and (
            urlsplit(request.url).hostname not in ALLOWED_HOSTS
        ):
            record.foreign_requests.append(request.url)

    def on_response(response):
        if response.status >= 400 and not _is_expected_404(response, url):
            record.failed_requests.append(f"{response.status} {response.url}")

    def on_console(message):
        if message.type == "error" and not _is_expected_404_message(message, url):
            record.console_errors.append(f"{message.text} ({message.location.get('url')})")

    # No request interception: with it Chromium skips its own favicon request, a
    # request every reader's browser makes. Other hosts are unreachable anyway
    # (CHROMIUM_ARGS map every other host name to nothing).
    context.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", lambda request: _record_failure(record, request))
    page.on("console", on_console)
    page.on("pageerror", lambda error: record.console_errors.append(f"uncaught: {error}"))
    try:
        page.goto(url, wait_until="load")
        yield record
    finally:
        context.close()


def _record_failure(record: Visit, request) -> None:
    if request.url not in record.foreign_requests:  # blocked on purpose, reported as foreign
        record.failed_requests.append(f"{request.failure} {request.url}")


def _is_expected_404(response, url: str) -> bool:
    return response.url == url and url.endswith(tuple(MISSING_PATHS.values()))


def _is_expected_404_message(message, url: str) -> bool:
    return message.location.get("url") == url and url.endswith(tuple(MISSING_PATHS.values()))


def screenshot(page, name: str) -> None:
    """Save a full-page screenshot as a test artefact (test-artifacts/ is ignored by git)."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
