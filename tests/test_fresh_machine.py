"""The README's test command runs every test on a fresh machine, and no test races the clock.

`python3 bootstrap.py test` installs what the tests need; a test never skips itself for a
missing program (it fails, naming the package), and never sleeps for a guessed time: it
waits for a state (a file, a port, a line of output) in a loop with a deadline.
"""

from __future__ import annotations

import ast
import importlib.util

from sitetools.build import ROOT

TEST_FILES = sorted(
    path
    for folder in ("tests", "plugins", "lib", "sitetools")
    for path in (ROOT / folder).rglob("*.py")
    if "node_modules" not in path.parts
)
# What tests start or call besides Python: each must come from bootstrap.py's list.
PROGRAMS_THE_TESTS_RUN = {"apache2", "chromium", "git", "java", "nginx", "npm", "rsync", "ssh", "sshd"}


def bootstrap_module():
    spec = importlib.util.spec_from_file_location("bootstrap", ROOT / "bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bootstrap_installs_every_program_the_tests_run():
    assert set(bootstrap_module().SYSTEM_PACKAGES) >= PROGRAMS_THE_TESTS_RUN


def called_name(node: ast.Call) -> str:
    return ast.unparse(node.func)


def test_no_test_skips_itself():
    skipping = {
        "pytest.skip",
        "pytest.importorskip",
        "pytest.mark.skip",
        "pytest.mark.skipif",
        "pytest.xfail",
    }
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in TEST_FILES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and ast.unparse(node) in skipping | {"pytest.mark.xfail"}
    ]
    assert found == []


def test_every_sleep_in_a_test_waits_for_a_state_in_a_loop():
    """`time.sleep` only as the pause of a polling loop (`while <state not reached>`), never alone."""
    found = []
    for path in TEST_FILES:
        if not path.name.startswith("test_") and path.parent.name != "tests":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_loops = {
            id(inner) for loop in ast.walk(tree) if isinstance(loop, ast.While) for inner in ast.walk(loop)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and called_name(node) in {"time.sleep", "sleep"}
                and id(node) not in in_loops
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
