"""Editors' notes (`<!-- … -->`, like those `invoke new` writes) never reach a published page.

A Markdown extension, not a Pelican plugin: pelicanconf.py names it in MARKDOWN. Its
postprocessor runs last on the converted HTML, so notes disappear from the text and
from formatted header fields (Summary) alike, when the file is read – before the content
cache stores it, and through Markdown's public extension points only.
"""

from .notes import EditorNotesExtension, makeExtension

__all__ = ["EditorNotesExtension", "makeExtension"]
