"""Each language site parses only its own Markdown bodies (see reader.py for why)."""

from pelican import signals

from .reader import SiteLanguageMarkdownReader, use_site_language_reader


def register() -> None:
    signals.readers_init.connect(use_site_language_reader)


__all__ = ["SiteLanguageMarkdownReader", "register"]
