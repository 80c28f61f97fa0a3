"""Lighthouse on the production build, offline, with Debian's Chromium (a benchmark, not a test).

    npm ci --prefix benchmarks/lighthouse        # once: Lighthouse, pinned in package-lock.json
    .venv/bin/python benchmarks/lighthouse.py [path ...]

Builds the site as `invoke preview` does (publishconf.py, the live address) into a temporary
folder, serves it on a free port of 127.0.0.1 and runs Lighthouse's mobile audit on each path
(default: the places overview in both languages). Prints the four category scores and exits
with 1 if accessibility, best practices or SEO is below 100 or performance below 95.

Not part of `invoke test`: Lighthouse is 176 MB of npm packages and half a minute per page,
and its performance score depends on the machine. Figures: docs/benchmark.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from sitetools.build import ROOT, build_into
from sitetools.serve import make_server

LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
DEFAULT_PATHS = ("/orte/", "/en/orte/")
# Lowest acceptable score per category (Lighthouse scores run from 0 to 1).
REQUIRED = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def audit(url: str, report: Path) -> dict[str, float]:
    """Lighthouse's mobile scores for `url`."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--form-factor=mobile",
            f"--only-categories={','.join(REQUIRED)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--output=json",
            f"--output-path={report}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: categories[name]["score"] for name in REQUIRED}


def main(paths: list[str]) -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse fehlt – einmal installieren: npm ci --prefix benchmarks/lighthouse")
        return 2
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "output-preview"
        build_into(ROOT / "publishconf.py", site, quiet=True)
        server = make_server(site, port=0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        failed = False
        try:
            for path in paths:
                scores = audit(f"http://127.0.0.1:{server.server_port}{path}", Path(folder) / "report.json")
                low = {name: score for name, score in scores.items() if score < REQUIRED[name]}
                failed |= bool(low)
                figures = ", ".join(f"{name} {round(score * 100)}" for name, score in scores.items())
                print(f"{path}: {figures}{'  <- zu niedrig: ' + ', '.join(low) if low else ''}")
        finally:
            server.shutdown()
            server.server_close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or list(DEFAULT_PATHS)))
