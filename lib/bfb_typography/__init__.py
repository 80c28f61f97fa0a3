"""German typography for Markdown, as fast as the text allows (see typography.py).

A Markdown extension, not a Pelican plugin: pelicanconf.py names it in MARKDOWN.
"""

from .typography import TypographyExtension, makeExtension

__all__ = ["TypographyExtension", "makeExtension"]
