"""A `pelican` process started before it is needed: the live preview's quick rebuild.

Every build still runs in a fresh process of its own (i18n_subsites keeps module
state that a second build in one process would inherit, and after a failed build it
never recovers). What the preview saves is the start-up: the next process is started
while the editor is still typing; it imports Pelican, Markdown, Jinja and every plugin
in PLUGINS, lets each plugin that has a `warm_up(settings)` do the work every build
repeats whatever the content (reading the hyphenation dictionary, compiling templates),
then waits. When a file is saved it gets the command line and only builds
(docs/benchmark.md, "Vom Speichern bis zur Vorschau"). After the build it ends at once,
without Python's clean-up of every object (a tenth of a second): the process is about to
go, and everything it wrote is flushed and closed by then.

A process that waited while a plugin or a tool of ours changed would build with the old
code. Before building it therefore checks whether any module it imported from this
project changed after it started; if one did, it replaces itself with an ordinary
`python -m pelican` of the same command line.

    python -m sitetools.prestarted <settings file>     # then one line of JSON: pelican's arguments
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitetools.build import ROOT, pelican_command, pelican_environment


class PrestartedPelican:
    """Runs each build in a fresh `pelican` process that was started ahead of it.

    `run` fits sitetools.build.run_pelican's `runner`. After each run, `output` is what
    the process printed and `problems_file` where bfb_errors wrote the problems that
    stopped it (bfb_errors.REPORT_VARIABLE).
    """

    def __init__(self, settings: Path) -> None:
        self.settings = settings
        self.process: subprocess.Popen | None = None
        self.report: Path | None = None
        self.output = ""
        self.problems_file: Path | None = None
        self.used: list[int] = []  # process ids of the builds run, one process each

    def start(self) -> None:
        """Start the next process (if none is waiting) and let it import everything."""
        if self.process is not None:
            return
        from bfb_errors import REPORT_VARIABLE

        handle, name = tempfile.mkstemp(prefix="bfb-problems-", suffix=".json")
        os.close(handle)
        self.report = Path(name)
        self.report.write_text("", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sitetools.prestarted", str(self.settings)],
            cwd=ROOT,
            env=dict(pelican_environment(), **{REPORT_VARIABLE: str(self.report)}),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # Ctrl+C reaches the preview, which ends this process itself
        )

    def run(
        self, settings: Path, output: Path, extra: dict[str, str] | None, quiet: bool
    ) -> subprocess.CompletedProcess:
        """Build with the waiting process; print what it printed unless `quiet`."""
        if settings != self.settings:
            self.close()
            self.settings = settings
        self.start()
        process, self.process = self.process, None
        self.used.append(process.pid)
        command = pelican_command(settings, output, extra)
        arguments = command[command.index("pelican") + 1 :]
        self.output, _ = process.communicate(json.dumps(arguments) + "\n")
        self.forget_problems()
        self.problems_file, self.report = self.report, None
        if not quiet:
            sys.stdout.write(self.output)
            sys.stdout.flush()
        return subprocess.CompletedProcess(command, process.returncode, self.output, "")

    def forget_problems(self) -> None:
        """Delete the previous build's problem report: each build leaves no file behind."""
        if self.problems_file is not None:
            self.problems_file.unlink(missing_ok=True)
            self.problems_file = None

    def close(self) -> None:
        """End the waiting process, if any (it has not built anything), and delete its files."""
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
            self.process = None
        if self.report is not None:
            self.report.unlink(missing_ok=True)
            self.report = None
        self.forget_problems()


# --- the waiting process ----------------------------------------------------------------------


def project_modules_changed_since(started: float) -> bool:
    """Whether a module imported from this project was changed after `started`."""
    root = str(ROOT) + os.sep
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None) or ""
        if file.startswith(root) and os.path.exists(file) and os.path.getmtime(file) > started:
            return True
    return False


def wait_and_build(settings_file: str) -> int:
    started = time.time()
    import pelican
    from pelican.settings import read_settings

    # What `pelican` would import first thing: the settings, then each plugin.
    settings = read_settings(settings_file)
    for name in settings.get("PLUGINS") or []:
        warm_up = getattr(importlib.import_module(name), "warm_up", None)
        if callable(warm_up):
            # Only a head start: the build does this work again and reports whatever went
            # wrong here (a broken template, say) the way it reports every problem.
            with contextlib.suppress(Exception):
                warm_up(settings)
    line = sys.stdin.readline()
    if not line:
        return 0  # the preview ended before it needed this process
    arguments = json.loads(line)
    if project_modules_changed_since(started):
        os.execv(sys.executable, [sys.executable, "-m", "pelican", *arguments])
    try:
        pelican.main(arguments)
    except SystemExit as stop:  # how pelican.main reports a failed build
        return stop.code
    return 0


def end_now(code) -> None:
    """Exit with `code` as sys.exit would, but skip the interpreter's clean-up."""
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


if __name__ == "__main__":
    end_now(wait_and_build(sys.argv[1]))
