"""Content check: every news item's and page's header validated before the build reads it."""

from pelican import signals

from .content_check import attach_publishing_todo, check_content, check_on_initialization, read_yes_no_fields


def register() -> None:
    signals.initialized.connect(check_on_initialization)
    signals.content_object_init.connect(attach_publishing_todo)
    signals.content_object_init.connect(read_yes_no_fields)


__all__ = ["check_content", "register"]
