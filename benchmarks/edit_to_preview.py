"""From saving a news file to the browser showing it: prints figures (a benchmark, not a test).

    .venv/bin/python benchmarks/edit_to_preview.py              # 9 saves, about half a minute
    .venv/bin/python benchmarks/edit_to_preview.py --saves 15

Runs `invoke livereload` in a copy of the project (tests/live_preview.py; the real
content/ is never touched) and opens a news item in Debian's Chromium (Playwright). Each
save appends a new sentence to the news file, then waits until the browser has reloaded
the page with it. The time of one save runs from just before the file is written to the
end of the reloaded page's `load` event (the browser's own clock, `performance.timeOrigin`,
on the same machine), so how often the script looks does not count. Between saves the
script pauses as an editor does (--pause), long enough for the next build's process to
be started ahead (sitetools/prestarted.py).

Printed per save: the whole time, and the build alone as the preview reports it in the
terminal; their difference is noticing the change plus the browser's reload. Results go to
docs/benchmark.md ("Vom Speichern bis zur Vorschau").
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.live_preview import published_news_item, running_livereload

ROOT = Path(__file__).resolve().parent.parent

BUILD_LINE = re.compile(r"preview updated \((\d+\.\d+) s\)")
LOADED_AT = "performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd"


def measure(saves: int, pause: float, source: Path = ROOT) -> list[tuple[float, float]]:
    """(seconds from save to reloaded page, seconds the build took) for each save."""
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as folder, running_livereload(Path(folder), source) as live:
        item = published_news_item(live.project)
        news = live.project / item.file
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            connected = live.connected_browsers()
            page.goto(live.url(item.path))
            for number in range(1, saves + 1):
                live.wait_for_browser(connected)  # the reloaded page listens again
                connected = live.connected_browsers()
                time.sleep(pause)
                marker = f"Gespeichert zum {number}. Mal."
                builds_before = len(BUILD_LINE.findall(live.terminal()))
                saved_at = time.time() * 1000
                with news.open("a", encoding="utf-8") as text:
                    text.write(f"\n{marker}\n")
                page.wait_for_function(
                    "m => document.readyState === 'complete' && document.body.innerText.includes(m)",
                    arg=marker,
                    timeout=60_000,
                    polling=10,
                )
                loaded_at = page.evaluate(LOADED_AT)
                builds = BUILD_LINE.findall(live.terminal())
                build = float(builds[-1]) if len(builds) > builds_before else float("nan")
                results.append(((loaded_at - saved_at) / 1000, build))
                print(
                    f"save {number}: {results[-1][0]:.2f} s to the reloaded page (build {build:.2f} s)",
                    flush=True,
                )
            browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=9)
    parser.add_argument("--pause", type=float, default=2.5, help="seconds between saves")
    parser.add_argument(
        "--source",
        type=Path,
        default=ROOT,
        help="another checkout to measure (e.g. an older version; it must reload after each save)",
    )
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    results = measure(args.saves, args.pause, args.source.resolve())
    totals = [total for total, _ in results]
    builds = [build for _, build in results]
    print(
        f"\nmedian of {len(results)} saves: {statistics.median(totals):.2f} s from save to reloaded page "
        f"(min {min(totals):.2f}, max {max(totals):.2f}); build alone {statistics.median(builds):.2f} s, "
        f"noticing the change and reloading {statistics.median(totals) - statistics.median(builds):.2f} s"
    )
    # Wall-clock time: other programs on the machine stretch it (load 1.0 = one busy core).
    print(
        f"load average (1 min) before {load_before:.1f}, after {os.getloadavg()[0]:.1f}, "
        f"on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
