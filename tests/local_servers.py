"""Starting throwaway servers on 127.0.0.1 for tests: find the program, pick a port, wait."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Callable


def find_program(name: str) -> str | None:
    """The program's path; server daemons live in sbin, which a normal PATH may lack."""
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(
    process: subprocess.Popen, port: int, failure_text: Callable[[], str], name: str, timeout: float
) -> None:
    """Return once `process` listens on `port`; raise with its own error output if it stops first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} stopped: {failure_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{name} did not start listening")
