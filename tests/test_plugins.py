"""PLUGINS: every local plugin is the one Pelican loads, and their order does not matter.

Plugins that share anything do it through what Pelican guarantees (signals in the order of
the build, the generators' shared context) and through the build's shared state (bfb_build),
which any plugin may create first; none relies on running before another one on the same
signal. Building with the plugins in reverse order must give the same site.
"""

import importlib.util
import json
from pathlib import Path

from conftest import build_site

import pelicanconf


def files_of(root) -> dict:
    return {path.relative_to(root): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_plugins_in_reverse_order_build_the_same_site(dev_site, tmp_path):
    reverse = list(reversed(pelicanconf.PLUGINS))
    reordered = build_site("pelicanconf.py", tmp_path / "reversed", {"PLUGINS": json.dumps(reverse)})
    ours, theirs = files_of(dev_site.root), files_of(reordered.root)
    assert sorted(ours) == sorted(theirs)
    differing = [str(path) for path in ours if ours[path] != theirs[path]]
    assert differing == [], f"PLUGINS order {reverse} changes these files: {differing}"


def test_every_local_plugin_is_loaded_from_the_plugins_folder():
    """An installed package of the same name would win over a local plugin: names stay distinctive."""
    plugins = Path(pelicanconf.PLUGIN_PATHS[0]).resolve()
    for name in pelicanconf.PLUGINS:
        if name.startswith("pelican.plugins."):
            continue  # installed from PyPI on purpose (requirements.txt)
        origin = Path(importlib.util.find_spec(name).origin).resolve()
        assert origin.is_relative_to(plugins), f"PLUGINS names {name!r}, but Python finds {origin}"
