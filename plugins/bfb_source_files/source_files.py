"""Check the sources before anything is read (the check itself: bfb_contents.source_files)."""

from __future__ import annotations

from bfb_build import is_main_site
from bfb_contents.source_files import stop_on_unsafe_sources


def check_sources_on_initialization(pelican) -> None:
    """Stop the build before anything is read if a source is unsafe or unreadable."""
    settings = pelican.settings
    if not is_main_site(settings):
        return  # a language subsite reads the same folder, checked by the main site
    stop_on_unsafe_sources(settings)
