"""Two builds of the same commit are byte-identical: no timestamps, no random order."""

import filecmp
import os
import subprocess
from pathlib import Path

from sitetools.build import ROOT, compile_catalogues, pelican_command
from sitetools.compress import precompress
from sitetools.search_index import build_search_index

NO_CACHE = {"CACHE_CONTENT": "false", "LOAD_CONTENT_CACHE": "false"}


def build(folder: Path, hash_seed: str) -> None:
    """The whole production pipeline as `invoke publish` runs it (Pelican in its own
    process, search index, precompressed copies); a different hash seed shakes out
    set/dict order."""
    compile_catalogues()
    env = dict(os.environ, PYTHONHASHSEED=hash_seed, SITEURL="https://www.buerger-daun.de")
    command = pelican_command(ROOT / "publishconf.py", folder, NO_CACHE)
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    build_search_index(folder)
    precompress(folder)


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths of files that exist on one side only or differ in content."""
    found = []
    comparison = filecmp.dircmp(left, right)
    stack = [(comparison, Path())]
    while stack:
        node, prefix = stack.pop()
        found += [str(prefix / name) for name in node.left_only + node.right_only + node.funny_files]
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        found += [str(prefix / name) for name in mismatch + errors]
        stack += [(child, prefix / name) for name, child in node.subdirs.items()]
    return sorted(found)


def test_two_production_builds_are_byte_identical(tmp_path):
    build(tmp_path / "first", hash_seed="1")
    build(tmp_path / "second", hash_seed="2")
    assert any((tmp_path / "first").rglob("*.html"))
    assert any((tmp_path / "first").rglob("pagefind/*.pf_meta"))
    assert any((tmp_path / "first").rglob("*.html.gz"))
    assert differences(tmp_path / "first", tmp_path / "second") == []
