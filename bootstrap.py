#!/usr/bin/env python3
"""First step on a fresh machine: create .venv, install the pinned packages, run a task.

    python3 bootstrap.py build serve    # build the site and serve it on http://127.0.0.1:8000/
    python3 bootstrap.py test           # run every test

Everything after `bootstrap.py` is passed to `invoke` inside the virtual environment.
The packages are installed from the lock file requirements.txt, then the project itself
(`pip install -e .`, pyproject.toml), again only when one of the two files changes.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
REQUIREMENTS = ROOT / "requirements.txt"  # the lock file, generated from pyproject.toml (README)
PROJECT = ROOT / "pyproject.toml"
STAMP = VENV / ".requirements.sha256"
# npm packages the tests need (the Nu HTML Checker), pinned in package-lock.json.
TEST_TOOLS = ROOT / "tests" / "tools"
# Debian packages the tests need besides Python: a browser, Java and npm for the
# HTML checker, rsync, an SSH server and client and git for the publishing tests, Apache
# and nginx to serve the published site with deploy/'s configuration.
SYSTEM_PACKAGES = {
    "apache2": "apache2",
    "chromium": "chromium",
    "git": "git",
    "java": "default-jre-headless",
    "nginx": "nginx",
    "npm": "npm",
    "rsync": "rsync",
    "ssh": "openssh-client",
    "sshd": "openssh-server",
}
# Debian's way to keep package scripts from starting services (man invoke-rc.d): the tests
# start Apache, nginx and sshd themselves, on free ports, and stop them again.
POLICY_RC_D = Path("/usr/sbin/policy-rc.d")


def ensure_virtualenv() -> None:
    if not (BIN / "python").exists():
        print("Lege die virtuelle Umgebung .venv an …", flush=True)
        venv.create(VENV, with_pip=True)
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes() + PROJECT.read_bytes() + str(ROOT).encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("Installiere die Pakete aus requirements.txt und das Projekt selbst …", flush=True)
    pip = [BIN / "python", "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-r", REQUIREMENTS], check=True)
    # The project's own code (lib/, plugins/, sitetools/), importable from anywhere in .venv.
    subprocess.run([*pip, "--no-deps", "--editable", ROOT], check=True)
    STAMP.write_text(wanted)


def missing_system_packages() -> list[str]:
    search_path = os.environ.get("PATH", "") + ":/usr/sbin:/sbin"
    return [
        package for command, package in SYSTEM_PACKAGES.items() if not shutil.which(command, path=search_path)
    ]


def ensure_system_packages() -> None:
    missing = missing_system_packages()
    if not missing:
        return
    install = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if os.geteuid() != 0:
        sys.exit(
            "Für die Tests fehlen Debian-Pakete / the tests need Debian packages:\n"
            f"    sudo apt-get update && sudo {' '.join(install)}\n"
            "Danach diesen Befehl noch einmal starten."
        )
    print(f"Installiere {', '.join(missing)} mit apt-get …", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    with services_not_started():
        subprocess.run(install, check=True, env=env)


@contextmanager
def services_not_started() -> Iterator[None]:
    """While packages are installed, no service starts (unless a policy is already in place)."""
    if POLICY_RC_D.exists():
        yield
        return
    POLICY_RC_D.write_text("#!/bin/sh\n# written by bootstrap.py while it installs packages\nexit 101\n")
    POLICY_RC_D.chmod(0o755)
    try:
        yield
    finally:
        POLICY_RC_D.unlink()


def ensure_test_tools() -> None:
    """Install the npm test tools again whenever package-lock.json changed (like the venv)."""
    wanted = hashlib.sha256((TEST_TOOLS / "package-lock.json").read_bytes()).hexdigest()
    stamp = TEST_TOOLS / "node_modules" / ".package-lock.sha256"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print("Installiere die Testwerkzeuge aus tests/tools/package-lock.json (npm ci) …", flush=True)
    # --ignore-scripts: vnu-jar's install script would try to download a Java; Debian's is used.
    command = ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    subprocess.run(command, cwd=TEST_TOOLS, check=True)
    stamp.write_text(wanted)


def main(arguments: list[str]) -> int:
    ensure_virtualenv()
    if "test" in arguments:
        ensure_system_packages()
        ensure_test_tools()
    os.chdir(ROOT)
    return subprocess.call([BIN / "invoke", *(arguments or ["--list"])])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
