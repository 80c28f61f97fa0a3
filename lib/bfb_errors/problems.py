"""The Problem type and its one rendering for editors."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path


def first_line_with(path: str | Path, text: str) -> int | None:
    """The first line of a file that contains `text`, for an editor's message (None: not found)."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, 1) if text in line), None)


@dataclass(frozen=True)
class Problem:
    """One mistake in a content or data file, phrased for a volunteer editor."""

    file: str | Path
    line: int | None
    message: str  # what is wrong, in plain German
    fix: str  # how to fix it, in plain German
    detail: str = ""  # English technical detail for maintainers
    subject: str = ""  # e.g. the place and field concerned: "Gillenfeld, Feld „status“"
    # What kind of mistake this is, for code and tests to decide on ("date-format",
    # "slug-duplicate" …): stable, never shown to editors, so the German wording can change.
    code: str = ""

    def location(self) -> str:
        file = self.location_file()
        return f"{file}:{self.line}" if self.line else file

    def location_file(self) -> str:
        """The file as the editor knows it: relative to the project folder."""
        return display_path(self.file)

    def render(self) -> str:
        lines = [f"{self.location()}: {self.message}"]
        if self.subject:
            lines.append(f"    Betrifft: {self.subject}")
        lines.append(f"    So beheben: {self.fix}")
        if self.detail:
            lines.append(f"    (technical: {self.detail})")
        return "\n".join(lines)


@dataclass
class ProblemReport:
    """Collects problems so that one run reports all of them."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, *args, **kwargs) -> None:
        self.problems.append(Problem(*args, **kwargs))

    def __bool__(self) -> bool:
        return bool(self.problems)


class BuildStopped(SystemExit):
    """Raised by `stop_build`; a SystemExit so Pelican prints no traceback."""


def display_path(file: str | Path) -> str:
    path = Path(file)
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def format_problems(problems: list[Problem], heading: str = "die Website wurde nicht gebaut") -> str:
    count = len(problems)
    found = "1 Problem gefunden" if count == 1 else f"{count} Probleme gefunden"
    body = "\n\n".join(problem.render() for problem in sorted(problems, key=_sort_key))
    return f"\n{found} – {heading}:\n\n{body}\n"


def report_notes(notes: list[Problem]) -> None:
    """Print what the editor should know although the build goes on (no warning: those are fatal)."""
    heading = "Hinweis" if len(notes) == 1 else f"{len(notes)} Hinweise"
    rendered = [note.render().replace("So beheben:", "Zu tun:") for note in sorted(notes, key=_sort_key)]
    body = "\n\n".join(rendered)
    sys.stderr.write(f"\n{heading} (kein Fehler, der Build läuft weiter):\n\n{body}\n")
    sys.stderr.flush()


def _sort_key(problem: Problem) -> tuple[str, int]:
    return (display_path(problem.file), problem.line or 0)


# If this environment variable names a file, `stop_build` also writes the problems there
# as JSON, for the live preview's error page in the browser (sitetools/livereload.py).
REPORT_VARIABLE = "BFB_PROBLEM_REPORT"


def stop_build(problems: list[Problem]) -> None:
    """Print every problem for the editor and end the build with exit code 1."""
    sys.stderr.write(format_problems(problems))
    sys.stderr.flush()
    report = os.environ.get(REPORT_VARIABLE)
    if report:
        write_report(problems, Path(report))
    raise BuildStopped(1)


def write_report(problems: list[Problem], path: Path) -> None:
    records = [
        {**asdict(problem), "file": problem.location_file()} for problem in sorted(problems, key=_sort_key)
    ]
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")


def read_report(path: Path) -> list[Problem]:
    """The problems `stop_build` wrote to `path` (none if it wrote nothing)."""
    try:
        records = json.loads(path.read_text(encoding="utf-8") or "[]")
    except FileNotFoundError:
        return []
    return [Problem(**record) for record in records]
