"""What the places' maps cost readers and the build: prints figures (a benchmark, not a test).

    .venv/bin/python benchmarks/orte_map_size.py

1. Bytes a reader loads for the overview /orte/ and /en/orte/ (page + the one stylesheet,
   raw and gzip level 6 like common web servers) against the 20 KB budget, and how much of
   the page the map is; the same for the place pages (smallest, median, largest).
2. CPU time of computing the maps (projection, simplification, label placement) for the
   first language and, cached, for the second.

The site is built with publishconf.py into a temporary folder, as `invoke preview` does.
The budget itself is checked by tests/test_orte_site.py; nothing here asserts a time.
"""

from __future__ import annotations

import gzip
import re
import statistics
import tempfile
import time
from pathlib import Path

from bfb_languages import languages_of
from bfb_yaml.loader import load_located_yaml
from orte.svg_map import DEFAULT_BOUNDARIES, build_place_map
from orte.validation import validate_places

from pelicanconf import SITE_LANGUAGES
from sitetools.build import CONTENT, build_production

ROOT = Path(__file__).resolve().parent.parent

BUDGET = 20 * 1024
STYLESHEET = re.compile(rb'<link rel="stylesheet" href="[^"]*?/(theme/css/[^"]+)"')
OVERVIEW_MAP = re.compile(rb'<figure class="map">.*?</figure>', re.DOTALL)
LOCATOR_MAP = re.compile(rb'<figure class="map map--locator">.*?</figure>', re.DOTALL)


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def page_figures(root: Path, page: Path, map_pattern: re.Pattern) -> dict[str, int]:
    html = page.read_bytes()
    css = (root / STYLESHEET.search(html).group(1).decode()).read_bytes()
    drawn = map_pattern.search(html)
    return {
        "html": len(html),
        "html_gzip": compressed(html),
        "css_gzip": compressed(css),
        "map": len(drawn.group(0)) if drawn else 0,
        "map_gzip": compressed(drawn.group(0)) if drawn else 0,
    }


def sizes() -> None:
    with tempfile.TemporaryDirectory(prefix="orte-map-") as folder:
        root = Path(folder)
        build_production(root, quiet=True)
        print("Übersicht (Seite + Stylesheet, gzip Stufe 6):")
        for path in ("orte", "en/orte"):
            figures = page_figures(root, root / path / "index.html", OVERVIEW_MAP)
            total = figures["html_gzip"] + figures["css_gzip"]
            print(
                f"  /{path}/: HTML {figures['html']:,} B, gzip {figures['html_gzip']:,} B + CSS "
                f"{figures['css_gzip']:,} B = {total:,} B von {BUDGET:,} B ({total / BUDGET:.0%}); "
                f"davon Karte {figures['map']:,} B, einzeln gzip {figures['map_gzip']:,} B"
            )
        places = sorted((root / "orte").glob("*/index.html"))
        rows = [page_figures(root, page, LOCATOR_MAP) for page in places]
        columns = (("html_gzip", "Ortsseite gzip"), ("map", "kleine Karte roh"), ("map_gzip", "gzip"))
        for key, label in columns:
            values = [row[key] for row in rows]
            print(
                f"  {label}: kleinste {min(values):,} B, Median {statistics.median(values):,.0f} B, "
                f"größte {max(values):,} B ({len(values)} Orte)"
            )


def layout_time() -> None:
    path = CONTENT / "data" / "orte.yaml"
    data, problems = load_located_yaml(path)
    records, problems = validate_places(data, path, languages_of(SITE_LANGUAGES))
    if problems:
        raise SystemExit("orte.yaml hat Fehler: erst `invoke build`")
    for run in ("erste Sprache", "zweite Sprache (aus dem Zwischenspeicher)"):
        start = time.process_time()
        build_place_map(records, DEFAULT_BOUNDARIES, path)
        print(f"Karten berechnen, {run}: {time.process_time() - start:.3f} s CPU")


if __name__ == "__main__":
    sizes()
    layout_time()
