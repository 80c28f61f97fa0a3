"""bfb_single_parse changes the cost of a build, never its output."""

import json

from conftest import build_site

import pelicanconf


def test_site_is_byte_identical_without_the_single_parse_plugin(dev_site, tmp_path):
    assert "bfb_single_parse" in pelicanconf.PLUGINS
    plugins = [name for name in pelicanconf.PLUGINS if name != "bfb_single_parse"]
    reference = build_site("pelicanconf.py", tmp_path / "without", {"PLUGINS": json.dumps(plugins)})
    ours = {
        file.relative_to(dev_site.root): file.read_bytes()
        for file in dev_site.root.rglob("*")
        if file.is_file()
    }
    theirs = {
        file.relative_to(reference.root): file.read_bytes()
        for file in reference.root.rglob("*")
        if file.is_file()
    }
    assert sorted(ours) == sorted(theirs)
    assert [str(path) for path in ours if ours[path] != theirs[path]] == []
