"""The `text_read` signal: a Markdown text just read, which plugins may change (a library).

bfb_reader sends it for every text it reads; bfb_figures fills in `{anzahl:orte}` and
bfb_images gives photos their `srcset` by receiving it. It lives here, not in bfb_reader,
so that no plugin imports another plugin.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from blinker import signal
from pelican.utils import posixize_path


@dataclass
class ReadText:
    """A Markdown text just read. Receivers of `text_read` may change `html` and `summary`."""

    source_path: str  # absolute
    settings: dict  # the settings of the language site that reads it
    html: str
    summary: str | None  # the `Summary:` field as HTML; None if the text has none

    @property
    def relative_dir(self) -> str:
        """The text's folder relative to the content folder ("" for the folder itself), like Pelican's."""
        relative = os.path.relpath(os.path.abspath(self.source_path), os.path.abspath(self.settings["PATH"]))
        return posixize_path(os.path.dirname(relative))


# sender: the reader; keyword `text`: the ReadText. Sent for every Markdown text read,
# also for place descriptions the places generator reads itself.
text_read = signal("bfb_text_read")
