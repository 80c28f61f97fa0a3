"""A Markdown postprocessor that removes HTML comments from the converted text."""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
LAST = 0  # below every postprocessor of Markdown's own (raw HTML is restored at 30)


class DropComments(Postprocessor):
    def run(self, text: str) -> str:
        return COMMENT_RE.sub("", text) if "<!--" in text else text


class EditorNotesExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.postprocessors.register(DropComments(md), "bfb_editor_notes", LAST)


def makeExtension(**kwargs) -> EditorNotesExtension:
    return EditorNotesExtension(**kwargs)
