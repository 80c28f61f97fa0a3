"""docs/architecture.md names the test that guards each pitfall: every one it names exists.

A renamed or deleted test would otherwise leave the maintainers' map pointing at nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
# "tests/test_x.py::test_a, ::test_b" – a bare "::test_b" belongs to the file named before it.
REFERENCE = re.compile(r"(?P<file>[\w/]+\.py)?::(?P<test>test_\w+)")
FILE = re.compile(r"\b(?:tests|plugins|lib|sitetools)/[\w/]+\.py\b")


def named_tests() -> list[tuple[str, str]]:
    found = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        current = None
        for match in REFERENCE.finditer(line):
            current = match.group("file") or current
            assert current, f"docs/architecture.md names ::{match.group('test')} without its file: {line}"
            found.append((current, match.group("test")))
    return found


def test_every_test_the_architecture_names_exists():
    named = named_tests()
    assert len(named) >= 25
    missing = [
        f"{file}::{test}"
        for file, test in named
        if not (ROOT / file).is_file()
        or not re.search(rf"^\s*def {test}\(", (ROOT / file).read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert not missing, f"docs/architecture.md names tests that do not exist: {missing}"


def test_every_file_the_architecture_names_exists():
    named = set(FILE.findall(DOC.read_text(encoding="utf-8")))
    assert len(named) >= 20
    assert not sorted(name for name in named if not (ROOT / name).is_file())
