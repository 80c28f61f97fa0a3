"""The Nu HTML Checker (vnu.jar from npm, see tests/tools/package.json) on every built page."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

VNU_JAR = (
    Path(__file__).resolve().parent / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def run_checker(*folders: Path) -> list[dict]:
    """Every error the checker finds in the HTML and CSS files of the folders."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java fehlt: `python3 bootstrap.py test` installiert default-jre-headless")
    if not VNU_JAR.is_file():
        pytest.fail("vnu.jar fehlt: `python3 bootstrap.py test` installiert es (npm ci in tests/tools)")
    command = [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--also-check-css"]
    command += ["--format", "json", *map(str, folders)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    return json.loads(result.stderr)["messages"]


def describe(message: dict) -> str:
    return f"{message.get('url', '?')}:{message.get('lastLine', '?')}: {message.get('message')}"


def test_checker_finds_errors(tmp_path):
    """The checker really runs: a page with an unclosed element and a duplicate id fails."""
    (tmp_path / "broken.html").write_text(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head>'
        '<body><p id="a">eins</p><p id="a">zwei</div></body></html>',
        encoding="utf-8",
    )
    assert len(run_checker(tmp_path)) >= 2


def test_every_page_of_both_builds_is_valid_html(dev_site, served_site):
    errors = run_checker(dev_site.root, served_site.site.root)
    assert errors == [], "\n".join(describe(message) for message in errors)
