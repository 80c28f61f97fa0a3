"""The plugins that only make the build cheaper change its cost, never its output.

bfb_single_parse (each language parses only its own bodies), bfb_template_cache (each
template compiled once) and bfb_frozen_urls (URLs computed once) are switched off
together for the reference build; bfb_typography has its own comparison with
Markdown's smarty (plugins/bfb_typography/test_typography.py).
"""

import json

import pytest
from conftest import PRODUCTION_URL, build_site

import pelicanconf
import publishconf

SPEED_PLUGINS = {"bfb_single_parse", "bfb_template_cache", "bfb_frozen_urls"}


def files_of(site) -> dict:
    return {file.relative_to(site.root): file.read_bytes() for file in site.root.rglob("*") if file.is_file()}


@pytest.mark.parametrize("build", ["dev", "production"])
def test_site_is_byte_identical_without_the_speed_plugins(build, dev_site, production_site, tmp_path):
    settings, site, extra = {
        "dev": ("pelicanconf.py", dev_site, {}),
        "production": ("publishconf.py", production_site, {"SITEURL": f'"{PRODUCTION_URL}"'}),
    }[build]
    plugins = (pelicanconf if build == "dev" else publishconf).PLUGINS
    assert set(plugins) >= SPEED_PLUGINS
    without = [name for name in plugins if name not in SPEED_PLUGINS]
    reference = build_site(settings, tmp_path / "without", {**extra, "PLUGINS": json.dumps(without)})
    ours, theirs = files_of(site), files_of(reference)
    assert sorted(ours) == sorted(theirs)
    assert [str(path) for path in ours if ours[path] != theirs[path]] == []
