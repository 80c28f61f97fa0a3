"""What a build costs: prints figures (a benchmark, not a test). Results go to docs/benchmark.md.

    .venv/bin/python benchmarks/build_cost.py                 # everything, about 5 minutes
    .venv/bin/python benchmarks/build_cost.py --sizes 1000    # quicker
    .venv/bin/python benchmarks/build_cost.py --markdown      # also print a Markdown table

Figures:
1. the real site: cold build (no cache), and a rebuild with the content cache after
   one news item was edited (in a copy of content/, never the real one);
2. our theme and plugins against vanilla Pelican (`simple` theme, no plugins, default
   settings) on the same corpus: the real content plus N synthetic news files in two
   languages (benchmarks/corpus.py; vanilla reads the news only), and the growth from
   the smallest to the largest N;
3. bytes per page type (HTML + CSS + JS it loads, raw and gzip) of the production build
   with its search index, as published.

    .venv/bin/python benchmarks/build_cost.py --instructions [--project OTHER_CHECKOUT]

counts the instructions of the real site's cold build under valgrind (cachegrind without
cache simulation): the same build gives the same count to 0.1 %, however busy the machine
is, so two versions of the project can be compared where CPU seconds vary by ±10 %.
`--project` counts another checkout of this repository (its own content, settings and
plugins, built with this checkout's Python packages), e.g. `git worktree add /tmp/before <commit>`.

Every build is a separate `pelican` process, like `invoke build`. Times are the CPU
seconds (user + system) of that process, the best of --repeat runs: unlike wall-clock
time they do not grow when other programs share the machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bfb_html import start_tags
from corpus import write_corpus  # benchmarks/, the folder of this script

from sitetools.build import CONTENT, build_production, compile_catalogues
from tests.page_types import PAGE_TYPES

ROOT = Path(__file__).resolve().parent.parent

NO_CACHE = {"CACHE_CONTENT": "false", "LOAD_CONTENT_CACHE": "false"}
VANILLA_SETTINGS = """\
# Vanilla Pelican: its own `simple` theme, no plugins, default settings.
PATH = {path!r}
THEME = "simple"
PLUGINS = []  # also stops Pelican from loading installed namespace plugins
ARTICLE_PATHS = ["aktuelles"]
PAGE_PATHS = []
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def pelican(content: Path, settings: Path, output: Path, extra: dict[str, str] | None = None) -> float:
    """Run one build in its own process; return the CPU seconds (user + system) it used.

    CPU time rather than wall-clock time: on a shared machine other processes stretch
    the wall clock, but not the work a build does.
    """
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(output), "-q"]
    if extra:  # one flag with every pair: Pelican keeps only the last -e flag
        command += ["-e", *(f"{key}={value}" for key, value in extra.items())]
    env = dict(os.environ, PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="0")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(project: Path, work: Path) -> int:
    """Instructions of one cold development build of `project`'s real site (valgrind cachegrind)."""
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        "-m",
        "pelican",
        str(project / "content"),
        "-s",
        str(project / "pelicanconf.py"),
        "-o",
        str(fresh(work / "counted")),
        "-q",
        "-e",
        *(f"{key}={value}" for key, value in NO_CACHE.items()),
    ]
    env = dict(os.environ, PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="0")
    if project != ROOT:
        # This environment has this checkout installed (pip install -e .); the other
        # checkout's own libraries and plugins must come first.
        env["PYTHONPATH"] = os.pathsep.join(str(project / folder) for folder in ("", "lib", "plugins"))
    result = subprocess.run(command, cwd=project, env=env, check=True, capture_output=True, text=True)
    counted = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if not counted:
        raise SystemExit(f"valgrind printed no instruction count:\n{result.stderr[-2000:]}")
    return int(counted.group(1).replace(",", ""))


def best_of(repeat: int, build) -> float:
    return min(build() for _ in range(repeat))


def fresh(folder: Path) -> Path:
    """An empty output folder: deleting a previous output is not part of the build's cost."""
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def real_site(work: Path, repeat: int) -> dict[str, float]:
    """Cold build of the real site, and a cached rebuild after editing one news item."""
    cold = best_of(repeat, lambda: pelican(CONTENT, ROOT / "pelicanconf.py", fresh(work / "cold"), NO_CACHE))
    content = work / "content"
    shutil.copytree(CONTENT, content)
    cache = {"CACHE_PATH": f'"{work / "cache"}"', "CACHE_CONTENT": "true", "LOAD_CONTENT_CACHE": "true"}
    first = pelican(content, ROOT / "pelicanconf.py", work / "cached", cache)
    article = sorted((content / "aktuelles").glob("*.md"))[-1]
    rebuilds = []
    for number in range(repeat):
        with article.open("a", encoding="utf-8") as file:
            file.write(f"\nEin weiterer Satz, Nummer {number + 1}.\n")
        rebuilds.append(pelican(content, ROOT / "pelicanconf.py", work / "cached", cache))
    return {"cold": cold, "cache_fill": first, "edit_one": min(rebuilds)}


def corpus_comparison(work: Path, sizes: list[int], repeat: int) -> list[dict]:
    """Our site and vanilla Pelican on the same synthetic corpus, for each size."""
    rows = []
    for size in sizes:
        corpus = work / f"corpus-{size}"
        # Our site needs its real pages (start page, navigation targets, links to real
        # news) and data files, so the corpus is the real content plus the synthetic news.
        shutil.copytree(CONTENT, corpus)
        write_corpus(corpus, size)
        files = len(list((corpus / "aktuelles").glob("*.md")))
        vanilla_settings = work / f"vanilla-{size}.py"
        vanilla_settings.write_text(VANILLA_SETTINGS.format(path=str(corpus)), encoding="utf-8")
        ours = vanilla = float("inf")
        for _ in range(repeat):  # alternate, so both see the same machine state
            ours_output, vanilla_output = fresh(work / f"ours-{size}"), fresh(work / f"vanilla-{size}")
            ours = min(ours, pelican(corpus, ROOT / "pelicanconf.py", ours_output, NO_CACHE))
            vanilla = min(vanilla, pelican(corpus, vanilla_settings, vanilla_output))
        row = {"size": files, "ours": ours, "vanilla": vanilla}
        if size == min(sizes):
            row["without"] = ablation_times(corpus, work / f"ours-{size}", repeat)
        rows.append(row)
        shutil.rmtree(corpus)
        for name in (f"ours-{size}", f"vanilla-{size}"):
            shutil.rmtree(work / name)
    return rows


def ablation_times(corpus: Path, output: Path, repeat: int) -> dict[str, float]:
    """CPU seconds of our build without each group of plugins."""
    times = {}
    for label, overrides in ablations().items():
        extra = {**NO_CACHE, **overrides}
        times[label] = min(
            pelican(corpus, ROOT / "pelicanconf.py", fresh(output), extra) for _ in range(repeat)
        )
    return times


def ablations() -> dict[str, dict[str, str]]:
    """`pelican -e` overrides for our build without one group of measures: what that group costs."""
    import pelicanconf
    from sitetools.speedups import settings_without_speedups

    checks = {"bfb_content_check", "bfb_translations"}
    return {
        "the speed-ups (every site reads every file; bfb_template_cache off)": settings_without_speedups(),
        "the editor checks (bfb_content_check, bfb_translations)": {
            "PLUGINS": json.dumps([name for name in pelicanconf.PLUGINS if name not in checks])
        },
    }


def markdown_cost(corpus_size: int = 300) -> dict[str, float]:
    """Milliseconds of CPU per news file that Markdown needs, with vanilla's and with our extensions."""
    from markdown import Markdown

    import pelicanconf

    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), corpus_size)
        documents = [file.read_text(encoding="utf-8") for file in Path(folder).rglob("*.md")]
    ours = dict(pelicanconf.MARKDOWN["extension_configs"])
    without_typography = {k: v for k, v in ours.items() if k != "markdown.extensions.smarty"}
    configurations = {
        "vanilla (codehilite, extra, meta)": {
            "markdown.extensions.codehilite": {"css_class": "highlight"},
            "markdown.extensions.extra": {},
        },
        "ours (extra, toc, smarty, meta)": ours,
        "ours without typography": without_typography,
    }
    result = {}
    for label, extension_configs in configurations.items():
        extension_configs = {**extension_configs, "markdown.extensions.meta": {}}
        started = time.process_time()
        for document in documents:
            Markdown(extensions=list(extension_configs), extension_configs=extension_configs).convert(
                document
            )
        result[label] = 1000 * (time.process_time() - started) / len(documents)
    return result


def page_weights(work: Path) -> list[dict]:
    """HTML + the CSS and JS it loads, raw and gzip (level 6, like common web servers)."""
    output = work / "production"
    # As published: publishconf.py and the search index (the search page loads Pagefind).
    build_production(output, {**NO_CACHE, "SITEURL": '"https://example.test"'}, quiet=True)
    rows = []
    for page_type in PAGE_TYPES:
        paths = page_type.locate(output)
        if paths is None:
            rows.append({"type": page_type.name, "missing": True})
            continue
        file = output / paths["de"].lstrip("/")
        file = file / "index.html" if paths["de"].endswith("/") else file
        html = file.read_bytes()
        assets = [output / ref.lstrip("/") for ref in _loaded_assets(html.decode("utf-8"))]
        css = b"".join(a.read_bytes() for a in assets if a.suffix == ".css" and a.is_file())
        js = b"".join(a.read_bytes() for a in assets if a.suffix in (".js", ".mjs") and a.is_file())
        rows.append(
            {
                "type": page_type.name,
                "path": paths["de"],
                "html": len(html),
                "css": len(css),
                "js": len(js),
                "gzip": sum(len(gzip.compress(part, 6)) for part in (html, css, js) if part),
            }
        )
    return rows


def _loaded_assets(html: str) -> list[str]:
    """Site paths of the stylesheets and scripts a page loads by itself."""
    tags = start_tags(html, "link", "script")  # the one HTML reader (lib/bfb_html)
    stylesheets = [tag.get("href") for tag in tags if tag.name == "link" and tag.get("rel") == "stylesheet"]
    scripts = [tag.get("src") for tag in tags if tag.name == "script" and tag.get("src")]
    return [re.sub(r"^https?://[^/]+", "", ref) for ref in stylesheets + scripts if ref]


def report(real: dict, rows: list[dict], markdown: dict, weights: list[dict], as_markdown: bool) -> None:
    if real:
        print("\n== Real site (CPU seconds) ==")
        print(f"cold build (no cache):                 {real['cold']:.2f} s")
        print(f"first build filling the content cache: {real['cache_fill']:.2f} s")
        print(f"rebuild after editing one news item:   {real['edit_one']:.2f} s")
    print("\n== Our theme and plugins vs vanilla Pelican (same corpus, no cache) ==")
    columns = ("files", "ours CPU s", "vanilla CPU s", "ours ms/file", "vanilla ms/file", "ratio")
    print(" ".join(f"{name:>{width}}" for name, width in zip(columns, (6, 10, 13, 12, 15, 6), strict=True)))
    for row in rows:
        print(
            f"{row['size']:>6} {row['ours']:>10.2f} {row['vanilla']:>13.2f} "
            f"{1000 * row['ours'] / row['size']:>12.2f} {1000 * row['vanilla'] / row['size']:>15.2f} "
            f"{row['ours'] / row['vanilla']:>6.2f}"
        )
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        marginal = {}
        for name in ("ours", "vanilla"):
            marginal[name] = (large[name] - small[name]) / (large["size"] - small["size"])
            print(
                f"growth {small['size']}→{large['size']} ({name}): ×{large[name] / small[name]:.2f} time "
                f"for ×{large['size'] / small['size']:.0f} files; "
                f"{1000 * marginal[name]:.2f} ms per extra file vs {1000 * small[name] / small['size']:.2f} "
                f"ms per file at {small['size']}"
            )
        print(
            f"per page (CPU of one more news file, {small['size']}→{large['size']}): "
            f"ours {1000 * marginal['ours']:.2f} ms, vanilla {1000 * marginal['vanilla']:.2f} ms, "
            f"ratio {marginal['ours'] / marginal['vanilla']:.2f}"
        )
    for row in rows:
        for label, seconds in row.get("without", {}).items():
            change = row["ours"] - seconds
            effect = f"costs {change:.2f} s" if change >= 0 else f"saves {-change:.2f} s"
            print(
                f"{row['size']} files without {label}: {seconds:.2f} CPU s, "
                f"ratio {seconds / row['vanilla']:.2f} (that group {effect})"
            )
    print("\n== Markdown alone, CPU ms per news file (a new Markdown instance per file, like Pelican) ==")
    for label, milliseconds in markdown.items():
        print(f"{label:<36} {milliseconds:.2f}")
    print("\n== Bytes per page type (German page; HTML + CSS + JS it loads) ==")
    print(f"{'type':<15} {'html':>8} {'css':>7} {'js':>6} {'gzip total':>11}")
    for row in weights:
        if row.get("missing"):
            print(f"{row['type']:<15} (not built yet)")
        else:
            print(f"{row['type']:<15} {row['html']:>8} {row['css']:>7} {row['js']:>6} {row['gzip']:>11}")
    if as_markdown:
        print_markdown(real, rows, weights)


def print_markdown(real: dict, rows: list[dict], weights: list[dict]) -> None:
    print("\n| files | ours (CPU s) | vanilla (CPU s) | ours ms/file | vanilla ms/file | ratio |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['size']} | {row['ours']:.2f} | {row['vanilla']:.2f} | "
            f"{1000 * row['ours'] / row['size']:.2f} | {1000 * row['vanilla'] / row['size']:.2f} | "
            f"{row['ours'] / row['vanilla']:.2f} |"
        )
    print("\n| page type | HTML | CSS | JS | gzip total |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for row in weights:
        if not row.get("missing"):
            print(f"| {row['type']} | {row['html']} | {row['css']} | {row['js']} | {row['gzip']} |")


PARTS = ("real", "corpus", "markdown", "weights")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="news files per corpus")
    parser.add_argument("--repeat", type=int, default=2, help="runs per figure; the best counts")
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS), help="what to measure")
    parser.add_argument("--markdown", action="store_true", help="also print Markdown tables")
    parser.add_argument(
        "--instructions", action="store_true", help="only count the real site's cold build (valgrind)"
    )
    parser.add_argument("--project", type=Path, default=ROOT, help="with --instructions: which checkout")
    options = parser.parse_args()
    compile_catalogues()
    if options.instructions:
        with tempfile.TemporaryDirectory(prefix="build-cost-") as folder:
            count = instructions(options.project.resolve(), Path(folder))
        print(f"real site, cold build of {options.project}: {count / 1e9:.3f} G instructions")
        return
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; best of {options.repeat} runs")
    with tempfile.TemporaryDirectory(prefix="build-cost-") as folder:
        work = Path(folder)
        real = real_site(work, options.repeat) if "real" in options.parts else None
        weights = page_weights(work) if "weights" in options.parts else []
        rows = (
            corpus_comparison(work, sorted(options.sizes), options.repeat)
            if "corpus" in options.parts
            else []
        )
    markdown = markdown_cost() if "markdown" in options.parts else {}
    report(real, rows, markdown, weights, options.markdown)


if __name__ == "__main__":
    main()
