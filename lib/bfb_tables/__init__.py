"""Wide tables in texts scroll inside their own labelled region, never the whole page.

A Markdown extension, not a Pelican plugin: pelicanconf.py names it in MARKDOWN.
"""

from .tables import TableRegionExtension, makeExtension

__all__ = ["TableRegionExtension", "makeExtension"]
