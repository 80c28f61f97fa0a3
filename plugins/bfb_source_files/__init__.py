"""Source files: the build reads nothing from outside content/ and only UTF-8 text.

Runs on Pelican's `initialized` signal, before any other plugin or reader opens a file
(list it before bfb_content_check in PLUGINS), and from `invoke check`.
"""

from pelican import signals

from .source_files import check_sources_on_initialization, source_problems


def register() -> None:
    signals.initialized.connect(check_sources_on_initialization)


__all__ = ["register", "source_problems"]
