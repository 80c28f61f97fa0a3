"""How much build time the Orte plugin adds: the real site, built with and without it.

Each build is its own `pelican` process (as every build of this site), without the content
cache, into a temporary folder. Builds alternate between the two variants so that a busy
machine affects both alike; the script prints the median of each and the difference.

    .venv/bin/python benchmarks/orte_cost.py [rounds]

A measurement for the maintainers, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pelicanconf import PLUGINS  # noqa: E402
from sitetools.build import ROOT as SITE_ROOT  # noqa: E402
from sitetools.build import compile_catalogues, pelican_command  # noqa: E402

NO_CACHE = {"CACHE_CONTENT": "false", "LOAD_CONTENT_CACHE": "false"}
VARIANTS = {
    "mit Orte-Plugin": {},
    "ohne Orte-Plugin": {"PLUGINS": json.dumps([name for name in PLUGINS if name != "orte"])},
}


def timed_build(extra: dict[str, str]) -> float:
    """Seconds one complete build takes (process start to exit)."""
    with tempfile.TemporaryDirectory(prefix="orte-bench-") as output:
        command = pelican_command(SITE_ROOT / "pelicanconf.py", Path(output), {**NO_CACHE, **extra})
        env = dict(os.environ, PYTHONHASHSEED="0")
        start = time.perf_counter()
        subprocess.run(command, cwd=SITE_ROOT, env=env, check=True, capture_output=True)
        return time.perf_counter() - start


def main(rounds: int = 5) -> None:
    compile_catalogues()
    timed_build({})  # warm the file system cache and Python's bytecode
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(rounds):
        for name, extra in VARIANTS.items():
            times[name].append(timed_build(extra))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"{name:18} Median {median:6.2f} s  (Läufe: {', '.join(f'{t:.2f}' for t in times[name])})")
    with_plugin, without = medians["mit Orte-Plugin"], medians["ohne Orte-Plugin"]
    difference = with_plugin - without
    print(f"Das Orte-Plugin kostet {difference:+.2f} s je Build ({difference / without:+.0%}).")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
