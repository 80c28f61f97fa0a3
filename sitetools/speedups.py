"""What only makes the build cheaper, listed once.

For the test that proves it changes nothing in the output (tests/test_speed_plugins.py)
and for the benchmark that measures what it saves (benchmarks/build_cost.py).
Each one listed here saves at least 10 % of a build (docs/benchmark.md); the others were
removed.
"""

from __future__ import annotations

import json

import pelicanconf
import publishconf

# Templates compiled once and their texts translated once per language (saves 12-17 %:
# docs/benchmark.md, "Which speed-ups pay their way").
SPEED_PLUGINS = ("bfb_template_cache",)


def settings_without_speedups(production: bool = False) -> dict[str, str]:
    """`pelican -e` overrides for the same site built the plain way.

    Without the speed plugins, and every language site with every kind of page reading
    every content file (i18n_subsites' default), instead of only its own language's files.
    """
    plugins = (publishconf if production else pelicanconf).PLUGINS
    every_file = pelicanconf.CONTENT_IGNORE_FILES
    subsites = pelicanconf.language_subsites(production=production)
    for key, overrides in subsites.items():
        # A variant with only its own texts (plain German) translates none of the news, so
        # reading every file would leave Pelican without an original for them (a warning):
        # it keeps reading only its own files.
        if not pelicanconf.SITE_LANGUAGES[key].get("own_texts_only"):
            overrides["IGNORE_FILES"] = every_file
    return {
        "PLUGINS": json.dumps([name for name in plugins if name not in SPEED_PLUGINS]),
        "IGNORE_FILES": json.dumps(every_file),
        "I18N_SUBSITES": json.dumps(subsites),
    }
