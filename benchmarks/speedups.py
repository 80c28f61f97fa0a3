"""What each speed-up saves, one at a time (a benchmark, not a test). Results: docs/benchmark.md.

    .venv/bin/python benchmarks/speedups.py [--size 1000] [--repeat 2]

On the corpus of benchmarks/corpus.py (the real content plus `--size` German news items
and their English translations, i.e. 2 × size files), every figure is the CPU time (user
+ system) of one `pelican` process, the best of `--repeat` runs, the variants alternating
so that a busy machine affects all alike:

- cold: our development build without the content cache, with all speed-ups and with
  each one switched off in turn (by `-e` overrides, or by a settings file that imports
  pelicanconf and undoes one that no setting switches);
- warm: a rebuild after editing one news item, with and without loading the content cache;
- bare: Pelican with i18n_subsites only (its `simple` theme, default settings) on the same
  files, built in the same run, for the ratio the issue asks for (≤ 1.3).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from build_cost import NO_CACHE, fresh, pelican
from corpus import write_corpus

import pelicanconf
from sitetools.build import CONTENT, compile_catalogues
from sitetools.speedups import settings_without_speedups

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"
BARE_SETTINGS = """\
# Bare Pelican with i18n_subsites: its `simple` theme, default settings, the same files.
PATH = {path!r}
THEME = "simple"
PLUGINS = ["pelican.plugins.i18n_subsites"]
I18N_SUBSITES = {{"en": {{}}}}
JINJA_ENVIRONMENT = {{"extensions": ["jinja2.ext.i18n"]}}
ARTICLE_PATHS = ["aktuelles"]
PAGE_PATHS = []  # the news: the pages need our theme's templates
IGNORE_FILES = [".*", "data", "orte"]
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def without_plugin(name: str) -> dict[str, str]:
    return {"PLUGINS": json.dumps([plugin for plugin in pelicanconf.PLUGINS if plugin != name])}


def every_site_reads_every_file() -> dict[str, str]:
    overrides = settings_without_speedups()
    return {key: value for key, value in overrides.items() if key != "PLUGINS"}


# Speed-ups that no setting switches off: a settings file that imports ours and undoes one.
WITH_SMARTY = """\
def _smarty(markdown):
    configs = markdown["extension_configs"]
    swapped = {("markdown.extensions.smarty" if name == "bfb_typography" else name): options
               for name, options in configs.items()}
    return {**markdown, "extension_configs": swapped}


MARKDOWN = _smarty(MARKDOWN)
I18N_SUBSITES = {lang: {**site, "MARKDOWN": _smarty(site["MARKDOWN"])} if "MARKDOWN" in site else site
                 for lang, site in I18N_SUBSITES.items()}
"""
NEW_MARKDOWN_PER_TEXT = """\
from markdown import Markdown as _Markdown
from bfb_reader import reader as _reader

# As Pelican's own reader does: a new instance with every extension for each text and field.
def _new_markdown(self, meta):
    return _Markdown(**_reader.markdown_options(self.settings, meta))


_reader.MarkdownReader.reset_markdown = _new_markdown
"""

VARIANTS = {
    "all speed-ups": {},
    "without bfb_template_cache": without_plugin("bfb_template_cache"),
    "every language site reads every file": every_site_reads_every_file(),
    "Markdown's smarty instead of bfb_typography": WITH_SMARTY,
    "a new Markdown instance per text (bfb_reader)": NEW_MARKDOWN_PER_TEXT,
}


def variant_settings(work: Path, number: int, variant: dict | str) -> tuple[Path, dict[str, str]]:
    """The settings file and -e overrides of one variant."""
    if isinstance(variant, dict):
        return SETTINGS, variant
    path = work / f"variant_{number}.py"
    path.write_text(f"from pelicanconf import *  # noqa: F403\n\n{variant}", encoding="utf-8")
    return path, {}


def cold(corpus: Path, work: Path, repeat: int) -> dict[str, float]:
    bare_settings = work / "bare.py"
    bare_settings.write_text(BARE_SETTINGS.format(path=str(corpus)), encoding="utf-8")
    best = dict.fromkeys([*VARIANTS, "bare Pelican + i18n_subsites"], float("inf"))
    for _ in range(repeat):
        for number, (label, variant) in enumerate(VARIANTS.items()):
            settings, extra = variant_settings(work, number, variant)
            seconds = pelican(corpus, settings, fresh(work / "out"), {**NO_CACHE, **extra})
            best[label] = min(best[label], seconds)
        seconds = pelican(corpus, bare_settings, fresh(work / "bare-out"))
        best["bare Pelican + i18n_subsites"] = min(best["bare Pelican + i18n_subsites"], seconds)
    return best


def warm(corpus: Path, work: Path, repeat: int) -> dict[str, float]:
    """A rebuild after editing one news item: loading the content cache, and not loading it."""
    cache = {"CACHE_PATH": json.dumps(str(work / "cache")), "CACHE_CONTENT": "true"}
    pelican(corpus, SETTINGS, fresh(work / "warm"), {**cache, "LOAD_CONTENT_CACHE": "true"})  # fills it
    article = sorted((corpus / "aktuelles").glob("*.md"))[-1]
    best = {"with the content cache": float("inf"), "without the content cache": float("inf")}
    for number in range(repeat):
        for label, load in (("with the content cache", "true"), ("without the content cache", "false")):
            with article.open("a", encoding="utf-8") as file:
                file.write(f"\nEin weiterer Satz, Nummer {number}.\n")
            seconds = pelican(corpus, SETTINGS, work / "warm", {**cache, "LOAD_CONTENT_CACHE": load})
            best[label] = min(best[label], seconds)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="German news items (each also in English)")
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args()
    compile_catalogues()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        corpus = work / "corpus"
        shutil.copytree(CONTENT, corpus)
        write_corpus(corpus, options.size)
        files = len(list((corpus / "aktuelles").glob("*.md")))
        print(f"corpus: {files} news files", flush=True)
        for label, seconds in cold(corpus, work, options.repeat).items():
            print(f"cold  {label}: {seconds:.2f} CPU s", flush=True)
        for label, seconds in warm(corpus, work, options.repeat).items():
            print(f"warm  {label}: {seconds:.2f} CPU s", flush=True)


if __name__ == "__main__":
    main()
