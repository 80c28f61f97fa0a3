"""Helpers for the publishing tests: snapshots of folders and a throwaway SSH server."""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from local_servers import free_port, wait_for_port

SSHD_CANDIDATES = ("/usr/sbin/sshd", "/usr/bin/sshd")


def snapshot(folder: Path) -> dict[str, tuple[str, bytes | str]]:
    """Every entry below `folder`: files with their bytes, symlinks with their target, folders."""
    entries = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink():
            entries[relative] = ("link", os.readlink(path))
        elif path.is_dir():
            entries[relative] = ("dir", "")
        else:
            entries[relative] = ("file", path.read_bytes())
    return entries


def tree(folder: Path) -> dict[str, bytes]:
    """The files below `folder` (following the `current` symlink if given) and their bytes."""
    folder = folder.resolve()
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@dataclass(frozen=True)
class SshServer:
    port: int
    user: str
    key: Path

    def ssh_options(self) -> tuple[str, ...]:
        return (
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
        )


def find_sshd() -> str | None:
    return shutil.which("sshd") or next((path for path in SSHD_CANDIDATES if Path(path).is_file()), None)


def start_sshd(sshd: str, folder: Path) -> tuple[subprocess.Popen, SshServer]:
    """An sshd on 127.0.0.1 with fresh host and client keys; the caller kills it by its process."""
    Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # privilege separation folder, no systemd
    folder.chmod(0o700)
    host_key, client_key = folder / "host_ed25519", folder / "client_ed25519"
    for key in (host_key, client_key):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
    authorized = folder / "authorized_keys"
    authorized.write_text(Path(f"{client_key}.pub").read_text())
    authorized.chmod(0o600)
    port = free_port()
    config = folder / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {host_key}",
                f"AuthorizedKeysFile {authorized}",
                f"PidFile {folder / 'sshd.pid'}",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "Subsystem sftp internal-sftp",
                "",
            ]
        )
    )
    process = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)], stderr=subprocess.PIPE, text=True)
    wait_for_port(process, port, process.stderr.read, "sshd", timeout=10)
    return process, SshServer(port, getpass.getuser(), client_key)
