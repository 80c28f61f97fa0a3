"""PLUGINS: every local plugin is the one Pelican loads, and their order does not matter.

Plugins that share anything do it through what Pelican guarantees (signals in the order of
the build, the generators' shared context) and through the build's shared state (bfb_build),
which any plugin may create first; none relies on running before another one on the same
signal. Building with the plugins in reverse order must give the same site, and refusing
bad input (every case of tests/test_bad_input.py) with the same German messages.
"""

import importlib.util
import json
import re
from pathlib import Path

import pytest
from conftest import build_site
from test_bad_input import CASES

import pelicanconf
from sitetools.build import ROOT, BuildFailed, build_into


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
            continue  # installed from PyPI on purpose (pyproject.toml)
        origin = Path(importlib.util.find_spec(name).origin).resolve()
        assert origin.is_relative_to(plugins), f"PLUGINS names {name!r}, but Python finds {origin}"


# --- bad input: the same German messages whichever plugin runs first ---------------------------

STAGING_FOLDER = re.compile(r"\.[\w-]+-new-\w+")
REPORT_START = re.compile(r"\d+ Probleme? gefunden")


def refusal(content: Path, output: Path, plugins: list[str], capsys) -> str:
    """The German report of a refused build of `content` with `plugins` (staging folder names masked)."""
    extra = {
        "PATH": json.dumps(str(content)),
        "CACHE_CONTENT": "false",
        "LOAD_CONTENT_CACHE": "false",
        "PLUGINS": json.dumps(plugins),
    }
    with pytest.raises(BuildFailed):
        build_into(ROOT / "pelicanconf.py", output, extra, quiet=True)
    errors = capsys.readouterr().err
    assert "Traceback" not in errors and "So beheben:" in errors
    report = errors[REPORT_START.search(errors).start() :]  # Pelican's own lines say how long it took
    return STAGING_FOLDER.sub("<staging>", report.replace(str(output.parent), "<folder>"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_plugins_in_reverse_order_refuse_bad_input_with_the_same_messages(
    case, content_copy, tmp_path, capsys
):
    make_mistake = CASES[case][0]
    make_mistake(content_copy)
    reverse = list(reversed(pelicanconf.PLUGINS))
    first = refusal(content_copy, tmp_path / "forward" / "output", pelicanconf.PLUGINS, capsys)
    second = refusal(content_copy, tmp_path / "reversed" / "output", reverse, capsys)
    assert second == first
