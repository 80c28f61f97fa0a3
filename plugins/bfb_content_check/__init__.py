"""Content check: every news item's and page's header validated before the build reads it."""

from pelican import signals

from .content_check import check_content, check_on_initialization


def register() -> None:
    signals.initialized.connect(check_on_initialization)


__all__ = ["check_content", "register"]
