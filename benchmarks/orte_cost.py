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

from pelicanconf import PLUGINS
from sitetools.build import ROOT as SITE_ROOT
from sitetools.build import compile_catalogues, pelican_command

ROOT = Path(__file__).resolve().parent.parent

NO_CACHE = {"CACHE_CONTENT": "false", "LOAD_CONTENT_CACHE": "false"}
# bfb_figures puts the counted places into texts ({anzahl:orte}) and stops the build without
# them, so it leaves with the Orte plugin; it only replaces a few placeholders.
WITHOUT_PLACES = [name for name in PLUGINS if name not in ("orte", "bfb_figures")]
VARIANTS = {
    "mit Orte-Plugin": {},
    "ohne Orte-Plugin": {"PLUGINS": json.dumps(WITHOUT_PLACES)},
}


def timed_build(extra: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one complete build process.

    CPU time is the steadier figure on a shared machine: other processes delay the build
    but do not add to the CPU time it uses itself.
    """
    with tempfile.TemporaryDirectory(prefix="orte-bench-") as output:
        command = pelican_command(SITE_ROOT / "pelicanconf.py", Path(output), {**NO_CACHE, **extra})
        env = dict(os.environ, PYTHONHASHSEED="0")
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=SITE_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"Build failed: {process.stderr.read().decode()}")
        return wall, usage.ru_utime + usage.ru_stime


def main(rounds: int = 5) -> None:
    compile_catalogues()
    timed_build({})  # warm the file system cache and Python's bytecode
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in VARIANTS}
    for _ in range(rounds):
        for name, extra in VARIANTS.items():
            times[name].append(timed_build(extra))
    medians = {}
    for name, values in times.items():
        wall = statistics.median(value[0] for value in values)
        cpu = statistics.median(value[1] for value in values)
        medians[name] = (wall, cpu)
        print(f"{name:18} Median {wall:5.2f} s Laufzeit, {cpu:5.2f} s CPU ({len(values)} Builds)")
    (wall_with, cpu_with), (wall_without, cpu_without) = (
        medians["mit Orte-Plugin"],
        medians["ohne Orte-Plugin"],
    )
    cpu_cost, wall_cost = cpu_with - cpu_without, wall_with - wall_without
    print(f"Das Orte-Plugin kostet {cpu_cost:+.2f} s CPU ({cpu_cost / cpu_without:+.0%}) je Build,")
    print(f"gemessen als Laufzeit {wall_cost:+.2f} s.")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
