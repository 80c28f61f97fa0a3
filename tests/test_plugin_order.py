"""The site does not depend on the order of PLUGINS.

Plugins that share anything do it through what Pelican guarantees (signals in the order of
the build, the generators' shared context) and through the build's shared state (bfb_build),
which any plugin may create first; none relies on running before another one on the same
signal. Building with the plugins in reverse order must give the same site.
"""

import json

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
