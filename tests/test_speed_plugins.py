"""What only makes the build cheaper changes its cost, never its output.

The reference build switches off together: each language site reading only its own
files (IGNORE_FILES; the reference reads every file in both sites, as i18n_subsites
does by default) and bfb_template_cache (each template compiled once).
"""

import pytest
from conftest import PRODUCTION_URL, build_site

import pelicanconf
import publishconf
from sitetools.speedups import SPEED_PLUGINS, settings_without_speedups


def files_of(site) -> dict:
    return {file.relative_to(site.root): file.read_bytes() for file in site.root.rglob("*") if file.is_file()}


@pytest.mark.parametrize("build", ["dev", "production"])
def test_site_is_byte_identical_without_the_speed_plugins(build, dev_site, production_site, tmp_path):
    settings, site, extra = {
        "dev": ("pelicanconf.py", dev_site, {}),
        "production": ("publishconf.py", production_site, {"SITEURL": f'"{PRODUCTION_URL}"'}),
    }[build]
    assert set((pelicanconf if build == "dev" else publishconf).PLUGINS) >= set(SPEED_PLUGINS)
    plain = settings_without_speedups(production=build == "production")
    reference = build_site(settings, tmp_path / "without", {**extra, **plain})
    ours, theirs = files_of(site), files_of(reference)
    assert sorted(ours) == sorted(theirs)
    assert [str(path) for path in ours if ours[path] != theirs[path]] == []
