"""`invoke livereload` as an editor runs it, in a copy of the project (tests, benchmark).

The copy keeps the real content/ and output/ untouched while a test breaks and fixes
texts; the live preview runs from it exactly as from a checkout, on a free port.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sitetools.build import ROOT
from tests.local_servers import free_port, wait_for_port

# Nothing a checkout needs to run: environments, caches, built output, git.
NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".cache",
    "output",
    "output-preview",
    ".output-*",
    "__pycache__",
    "node_modules",
    "test-artifacts",
    ".pytest_cache",
    ".ruff_cache",
)
FIRST_BUILD_SECONDS = 120  # a cold build on a busy machine


@dataclass(frozen=True)
class LivePreviewRun:
    """A running `invoke livereload`: its project copy, address and terminal output."""

    project: Path
    base_url: str
    log: Path

    def url(self, path: str) -> str:
        return self.base_url + path

    def terminal(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def connected_browsers(self) -> int:
        """How often a page has connected for reloads (the livereload package logs each)."""
        return self.terminal().count("Browser Connected:")

    def wait_for_browser(self, connected_before: int, timeout: float = 30) -> None:
        """Wait until a page opened after `connected_before` connections listens for reloads.

        A file saved before that would rebuild the site, but the page would miss its reload.
        """
        deadline = time.monotonic() + timeout
        while self.connected_browsers() <= connected_before:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no browser connected to the live preview:\n{self.terminal()}")
            time.sleep(0.02)

    def wait_for_file(self, relative: str, timeout: float = 60) -> None:
        """Wait until the preview has built `relative` into output/."""
        deadline = time.monotonic() + timeout
        while not (self.project / "output" / relative).is_file():
            if time.monotonic() > deadline:
                raise TimeoutError(f"output/{relative} was not built:\n{self.terminal()}")
            time.sleep(0.05)


@dataclass(frozen=True)
class NewsItem:
    """A published German news item of the project: its file, address, title and date line."""

    file: str  # relative to the project
    path: str  # site path
    title: str
    date_line: int


def published_news_item(project: Path) -> NewsItem:
    """The newest published German news item (any will do; they change as the association writes)."""
    from bfb_contents.front_matter import parse_front_matter

    for file in sorted((project / "content" / "aktuelles").glob("*.md"), reverse=True):
        front = parse_front_matter(file.read_text(encoding="utf-8"))
        if file.name.endswith(".en.md") or front.value("status") not in (None, "published"):
            continue
        return NewsItem(
            file.relative_to(project).as_posix(),
            f"/aktuelles/{front.value('slug')}/",
            front.value("title"),
            front.line("date"),
        )
    raise LookupError("no published German news item")


def copy_project(target: Path, source: Path = ROOT) -> Path:
    shutil.copytree(source, target, ignore=NOT_COPIED)
    return target


@contextmanager
def running_livereload(folder: Path, source: Path = ROOT) -> Iterator[LivePreviewRun]:
    """Start `invoke livereload --port <free port>` in a copy of the project (or `source`) in `folder`."""
    project = copy_project(folder / "project", source)
    log = folder / "livereload.log"
    port = free_port()
    with log.open("w", encoding="utf-8") as terminal:
        process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload", "--port", str(port)],
            cwd=project,
            env=environment_of(project),
            stdout=terminal,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    run = LivePreviewRun(project, f"http://127.0.0.1:{port}", log)
    try:
        wait_for_port(process, port, run.terminal, "invoke livereload", FIRST_BUILD_SECONDS)
        yield run
    finally:
        stop(process)


def environment_of(project: Path) -> dict[str, str]:
    """The copy runs its own code: its libraries and plugins before the installed checkout's."""
    own_code = os.pathsep.join(str(project / folder) for folder in ("", "lib", "plugins"))
    return dict(os.environ, PYTHONPATH=own_code)


def stop(process: subprocess.Popen) -> None:
    """Ctrl+C, as the editor ends it (the preview ends its waiting pelican process itself)."""
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
