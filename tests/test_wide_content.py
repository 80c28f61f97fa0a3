"""Long words, wide tables and code never make a page scroll sideways on a 360 px phone; on a phone a
wide table shows every column (one block per row), on a tablet it scrolls inside its region."""

from __future__ import annotations

import json
import shutil
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from reader import visit

from sitetools.build import CONTENT
from sitetools.serve import make_server
from tests.conftest import build_site

pytestmark = pytest.mark.browser

LONG_WORD = (
    "Donaudampfschifffahrtsgesellschafts"
    "kapitänswitwenrentenversicherungsanstalts"
    "vorstandsvorsitzendenstellvertreterwahl"
)
LONG_ADDRESS = "https://www.beispiel.example/" + "/".join(["ein-sehr-langer-pfad-ohne-leerzeichen"] * 3)
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
TABLE = "\n".join(
    [
        "| Ort | " + " | ".join(DAYS) + " | Bemerkung |",
        "|---" * (len(DAYS) + 2) + "|",
        "| Gillenfeld | " + " | ".join(["08:00–12:00"] * len(DAYS)) + " | Abfahrt am Rathaus |",
    ]
)
CODE = "    eine_lange_programmzeile = " + '"' + "abcdefghijklmnopqrstuvwxyz0123456789" * 3 + '"'
WIDE = f"""Title: Die {LONG_WORD}
Date: 2023-05-04
Slug: breiter-inhalt
Lang: de
German_only: ja
Summary: Eine Meldung mit langen Wörtern, einer breiten Tabelle und Programmtext.

Die {LONG_WORD} war lang.

Eine Adresse: {LONG_ADDRESS}

{TABLE}

{CODE}
"""


@pytest.fixture(scope="module")
def wide_page(tmp_path_factory):
    root = tmp_path_factory.mktemp("wide")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    (content / "aktuelles/2023-05-04-breiter-inhalt.md").write_text(WIDE, encoding="utf-8")
    server = make_server(root / "site", port=0)
    base_url = f"http://127.0.0.1:{server.server_port}"
    build_site(
        "publishconf.py", root / "site", {"PATH": json.dumps(str(content)), "SITEURL": json.dumps(base_url)}
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"{base_url}/aktuelles/breiter-inhalt/"
    server.shutdown()
    server.server_close()


def test_page_does_not_scroll_sideways_at_360_px(chromium, wide_page):
    with visit(chromium, wide_page, 360) as reader:
        page_width, viewport = reader.page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert page_width <= viewport
        table_region = reader.page.locator("main .table-wrap")
        assert table_region.get_attribute("role") == "region"
        assert table_region.get_attribute("aria-label") == "Tabelle"
        # On a phone no column hides behind a scroll: each row is a block, each cell after its
        # column's heading.
        inner, outer = table_region.evaluate("element => [element.scrollWidth, element.clientWidth]")
        assert inner <= outer
        cells = reader.page.locator("main .table-wrap td")
        labels = cells.evaluate_all("cells => cells.map(c => getComputedStyle(c, '::before').content)")
        assert labels[1:] == [f'"{heading}: "' for heading in [*DAYS, "Bemerkung"]]
        assert reader.page.get_by_text("Abfahrt am Rathaus").is_visible()


def test_a_table_wider_than_a_tablet_scrolls_inside_its_region_by_keyboard_too(chromium, wide_page):
    with visit(chromium, wide_page, 768) as reader:
        assert reader.page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        table_region = reader.page.locator("main .table-wrap")
        inner, outer = table_region.evaluate("element => [element.scrollWidth, element.clientWidth]")
        assert inner > outer
        table_region.focus()
        reader.page.keyboard.press("ArrowRight")
        reader.page.wait_for_function("() => document.querySelector('main .table-wrap').scrollLeft > 0")


def test_news_list_with_the_long_title_does_not_scroll_sideways(chromium, wide_page):
    news_list = wide_page.removesuffix("breiter-inhalt/")
    with visit(chromium, news_list, 360) as reader:
        assert reader.page.get_by_text("Donaudampfschifffahrts", exact=False).count()
        assert reader.page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )


def test_wide_content_has_no_accessibility_violation(chromium, wide_page):
    with visit(chromium, wide_page, 360) as reader:
        results = Axe().run(
            reader.page,
            options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}},
        )
        assert results.violations_count == 0, results.generate_report()
