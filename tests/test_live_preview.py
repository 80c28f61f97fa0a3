"""`invoke livereload` in a real browser: a broken text shows as an error page, the fix reloads it.

The preview runs in a copy of the project (tests/live_preview.py); the test edits files
there as an editor would and never reloads the browser itself.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from live_preview import published_news_item, running_livereload
from playwright.sync_api import expect

from sitetools.newcontent import draft_path, new_content

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REBUILD_SECONDS = 60  # a generous bound for a busy machine; the benchmark measures the real figure


def no_axe_violations(page) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    with running_livereload(tmp_path_factory.mktemp("livereload")) as run:
        yield run


def test_broken_text_shows_its_error_in_the_browser_until_the_fix_is_saved(chromium, live):
    item = published_news_item(live.project)
    news = live.project / item.file
    original = news.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    lines[item.date_line - 1] = "Date: 2017-01-44\n"  # a day that does not exist
    page = chromium.new_page()
    connected = live.connected_browsers()
    page.goto(live.url(item.path))
    expect(page.locator("main h1")).to_have_text(item.title)
    live.wait_for_browser(connected)

    news.write_text("".join(lines), encoding="utf-8")
    heading = page.locator("main h1")
    expect(heading).to_have_text("Die Vorschau konnte nicht gebaut werden", timeout=REBUILD_SECONDS * 1000)
    problem = page.locator(".problem")
    expect(problem).to_have_count(1)
    expect(problem.locator(".problem__where")).to_have_text(f"Datei {item.file}, Zeile {item.date_line}")
    expect(problem.locator(".problem__what")).to_have_text("Das Datum „2017-01-44“ gibt es nicht.")
    expect(problem.locator(".problem__fix")).to_contain_text("So beheben: Tag und Monat prüfen")
    expect(page.locator(".build-error__detail pre")).to_contain_text("2017-01-44")  # the technical detail
    # Styled with the site's stylesheet; the keyboard reaches the skip link first.
    assert page.evaluate("getComputedStyle(document.querySelector('.build-error')).borderTopStyle") == "solid"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    no_axe_violations(page)
    # The last good site stays in output/, and the error page is no part of it.
    output = live.project / "output"
    assert item.title in (output / item.path.strip("/") / "index.html").read_text(encoding="utf-8")
    assert not any("Die Vorschau konnte nicht gebaut werden" in f.read_text() for f in output.rglob("*.html"))
    assert "Das Datum „2017-01-44“ gibt es nicht." in live.terminal()

    news.write_text(original, encoding="utf-8")  # the fix; the browser is not touched
    expect(heading).to_have_text(item.title, timeout=REBUILD_SECONDS * 1000)
    page.close()


def test_new_draft_shows_at_once_with_its_to_do_box(chromium, live):
    (created,) = new_content(
        "Übung für Redakteure", today=dt.date(2024, 5, 17), content_dir=live.project / "content"
    )
    live.wait_for_file(draft_path("Übung für Redakteure") + "index.html", timeout=REBUILD_SECONDS)
    page = chromium.new_page()
    page.goto(live.url("/" + draft_path("Übung für Redakteure")))
    box = page.locator("section.todo-box")
    expect(box).to_be_visible()
    expect(box.locator("h2")).to_have_text("Vor dem Veröffentlichen noch zu erledigen")
    # In line order: the empty Summary, the missing English version (at Status:), the placeholder text.
    expect(box.locator(".problem__what")).to_have_text(
        [
            "Das Feld „Summary:“ ist leer.",
            re.compile(r"^Die englische Fassung fehlt"),
            re.compile(r"^Im Text steht noch der Platzhalter von „invoke new“"),
        ]
    )
    expect(box.locator(".problem__where").first).to_contain_text(created.name)
    no_axe_violations(page)
    page.close()
