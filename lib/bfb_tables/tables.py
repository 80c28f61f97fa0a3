"""Wrap every Markdown table in a scrollable, focusable, labelled region.

A table wider than a 360 px phone would make the whole page scroll sideways. Inside
`<div class="table-wrap">` (overflow-x: auto in site.css) only the table scrolls. The
wrapper is a `role="region"` with `tabindex="0"` and an `aria-label` (config `label`:
"Tabelle", the English site sets "Table"), so keyboard users can scroll it and screen
readers name it (WCAG 2.1.1; axe's rule "scrollable-region-focusable").

On a phone a scrolling table hides its columns, so every body cell also gets its column's
heading as `data-label`: below 40em site.css sets each row as a small block, each cell after
its heading, and no column is out of sight.

Tables written as raw HTML are left as they are: Markdown passes raw HTML through unread.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class TableRegionProcessor(Treeprocessor):
    def __init__(self, md, label: str) -> None:
        super().__init__(md)
        self.label = label

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "table":
                    label_cells(child)
                    region = etree.Element(
                        "div",
                        {"class": "table-wrap", "role": "region", "tabindex": "0", "aria-label": self.label},
                    )
                    region.tail, child.tail = child.tail, None
                    parent.remove(child)
                    region.append(child)
                    parent.insert(index, region)


def label_cells(table: etree.Element) -> None:
    """Give each body cell the text of its column's heading as `data-label` (none if empty)."""
    head = table.find("thead/tr")
    if head is None:
        return
    headings = [" ".join("".join(cell.itertext()).split()) for cell in head]
    for row in table.iterfind("tbody/tr"):
        for cell, heading in zip(row, headings, strict=False):
            if heading:
                cell.set("data-label", heading)


class TableRegionExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"label": ["Tabelle", "aria-label of the region around each table"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:
        # After the tables are built (block parsing), before serialisation; priority is arbitrary.
        md.treeprocessors.register(TableRegionProcessor(md, self.getConfig("label")), "bfb_tables", 5)


def makeExtension(**kwargs) -> TableRegionExtension:
    return TableRegionExtension(**kwargs)
