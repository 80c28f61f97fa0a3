"""Translation coverage: which German texts lack an English version, and stopping a publish build for it."""

from pelican import signals

from .coverage import Untranslated, format_report, translation_problems, untranslated_report
from .plugin import check_on_initialization


def register() -> None:
    signals.initialized.connect(check_on_initialization)


__all__ = ["Untranslated", "format_report", "register", "translation_problems", "untranslated_report"]
