"""Reads every Markdown text, lets plugins change it as it is read, and keeps the cache honest.

One job: turning a Markdown file into the HTML and metadata Pelican keeps.

- reader.py: our Markdown reader (Pelican's, sending the `text_read` signal through
  which bfb_figures and bfb_images change a text as it is read, and skipping the drafts
  a build leaves out);
- cache_inputs.py: Pelican's content cache is loaded only when nothing a cached text depends
  on (data files, photos, settings, our code) has changed since the last successful build.
"""

from bfb_build import start_with_the_main_site
from pelican import signals

from .cache_inputs import decide_whether_to_load_the_cache, remember_the_inputs
from .reader import MarkdownReader, ReadText, text_read, use_our_markdown_reader


def register() -> None:
    start_with_the_main_site()
    signals.readers_init.connect(use_our_markdown_reader)
    signals.initialized.connect(decide_whether_to_load_the_cache)
    signals.finalized.connect(remember_the_inputs)


__all__ = ["MarkdownReader", "ReadText", "register", "text_read"]
