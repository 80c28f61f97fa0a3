"""Markdown's `smarty` typography („…“, –, …) without its cost on text that has nothing to change.

Why: smarty runs a second inline pass over every paragraph, heading and list item and
tries its 18 patterns on each piece of text, whether it holds a quote or not. That pass
alone cost as much as the rest of the Markdown conversion together (docs/benchmark.md).

What: the same extension, the same patterns in the same order, but a document that
contains none of the characters a pattern needs (a straight quote, two hyphens or three
dots) skips the pass, and in the others each piece of text without one is marked as an
`AtomicString` – Markdown's public way of saying "leave this text alone" – before the
pass runs. No pattern can match such text, and no replacement ever adds one of those
characters (replacements are stashed placeholders), so the output is exactly smarty's:
test_typography.py compares both, with all the site's extensions, on the real content and the
tricky cases. Only public extension points are used (a tree processor's `run`,
`markdown.util.AtomicString`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.extensions.smarty import SmartyExtension
from markdown.treeprocessors import InlineProcessor
from markdown.util import AtomicString

# Every smarty pattern contains one of these literally (angled quotes `<<`/`>>` are
# switched off, see SKIPPABLE_WITH).
NEEDED_BY_A_PATTERN = re.compile(r"""['"]|--|\.\.\.""")


class SkippingInlineProcessor(InlineProcessor):
    """smarty's inline pass, leaving text alone that no pattern could match."""

    def run(self, tree, ancestors=None):
        blocks = [block for block in tree if needs_a_pattern(block)]
        if not blocks:
            return tree
        for block in blocks:
            for element in block.iter():
                if element.text and not NEEDED_BY_A_PATTERN.search(element.text):
                    element.text = AtomicString(element.text)
                if element.tail and not NEEDED_BY_A_PATTERN.search(element.tail):
                    element.tail = AtomicString(element.tail)
        if NEEDED_BY_A_PATTERN.search(tree.text or "") or any(
            NEEDED_BY_A_PATTERN.search(block.tail or "") for block in blocks
        ):
            return super().run(tree, ancestors)
        # Only the blocks that need the pass, each in a stand-in for the document's root
        # (an element may have several parents in ElementTree; the pass changes the
        # block itself, and a tail left alone adds nothing to the stand-in).
        for block in blocks:
            stand_in = etree.Element(tree.tag)
            stand_in.append(block)
            super().run(stand_in, ancestors)
        return tree


def needs_a_pattern(block) -> bool:
    return any(NEEDED_BY_A_PATTERN.search(text) for text in block.itertext())


class TypographyExtension(SmartyExtension):
    """SmartyExtension with SkippingInlineProcessor as its pass."""

    def extendMarkdown(self, md):
        if self.getConfig("smart_angled_quotes"):
            raise ValueError("bfb_typography: smart_angled_quotes (<< >>) is not supported; use plain smarty")
        super().extendMarkdown(md)
        smarty_pass = md.treeprocessors["smarty"]
        skipping_pass = SkippingInlineProcessor(md)
        skipping_pass.inlinePatterns = smarty_pass.inlinePatterns
        md.treeprocessors.register(skipping_pass, "smarty", 6)


def makeExtension(**kwargs) -> TypographyExtension:
    return TypographyExtension(**kwargs)
