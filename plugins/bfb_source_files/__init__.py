"""Source files: the build reads nothing from outside content/ and only UTF-8 text.

Runs on Pelican's `initialized` signal, before any reader opens a file; the plugins that
read content files on `initialized` have the same check run first, whatever their order
(lib/bfb_contents/source_files.py), and `invoke check` runs it too.
"""

from bfb_contents.source_files import source_problems
from pelican import signals

from .source_files import check_sources_on_initialization


def register() -> None:
    signals.initialized.connect(check_sources_on_initialization)


__all__ = ["register", "source_problems"]
