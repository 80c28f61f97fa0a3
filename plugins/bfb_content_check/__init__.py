"""Content check: every news item's and page's header validated before the build reads it."""

from bfb_plain import hyphenation_dictionary
from pelican import signals

from .content_check import attach_publishing_todo, check_content, check_on_initialization, read_yes_no_fields


def warm_up(settings) -> None:
    """Read the hyphenation dictionary of the plain-language check ahead of a build.

    Called by the live preview's waiting process (sitetools/prestarted.py) before the
    editor saves: it is the same for every build and costs about half a second.
    """
    hyphenation_dictionary()


def register() -> None:
    signals.initialized.connect(check_on_initialization)
    signals.content_object_init.connect(attach_publishing_todo)
    signals.content_object_init.connect(read_yes_no_fields)


__all__ = ["check_content", "register", "warm_up"]
