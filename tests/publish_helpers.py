"""Helpers for the publishing tests: snapshots of folders, throwaway SSH and FTP(S) servers."""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from local_servers import free_port, wait_for_port

from sitetools.transfer import PublishError

SSHD_CANDIDATES = ("/usr/sbin/sshd", "/usr/bin/sshd")


@contextmanager
def refused_with(code: str) -> Iterator[pytest.ExceptionInfo]:
    """Expect a PublishError of this code (its wording is tested once, in tests/test_messages.py)."""
    with pytest.raises(PublishError) as refused:
        yield refused
    assert refused.value.code == code, str(refused.value)


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
    host_key: Path  # the server's public host key, for a known_hosts file

    def known_hosts_line(self) -> str:
        kind, key = self.host_key.read_text().split()[:2]
        return f"[127.0.0.1]:{self.port} {kind} {key}\n"

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


def start_sshd(
    sshd: str, folder: Path, extra_config: tuple[str, ...] = ()
) -> tuple[subprocess.Popen, SshServer]:
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
                *extra_config,
                "",
            ]
        )
    )
    process = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)], stderr=subprocess.PIPE, text=True)
    wait_for_port(process, port, process.stderr.read, "sshd", timeout=10)
    return process, SshServer(port, getpass.getuser(), client_key, Path(f"{host_key}.pub"))


# --- FTP and FTPS (pyftpdlib, in a thread of the test process) ---------------------------


@dataclass
class FtpServer:
    """A running pyftpdlib server: its port, login, home folder and log of received files."""

    port: int
    user: str
    password: str
    home: Path
    received: list[str]  # every file stored, relative to `home`, in order
    certificate: Path | None  # FTPS: the self-signed certificate the client must trust
    interrupt_after: list[int]  # set to [n]: the server drops the connection after n more files
    stop_event: object
    thread: object

    def stop(self) -> None:
        self.stop_event.set()
        self.thread.join(timeout=10)


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (IP in subjectAltName, as TLS clients check) and its key."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certificate_file, key_file = folder / "ftps-cert.pem", folder / "ftps-key.pem"
    certificate_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return certificate_file, key_file


def start_ftp_server(folder: Path, tls: bool) -> FtpServer:
    """An FTP (or explicit-TLS FTPS) server on 127.0.0.1 serving `folder/home` to one user."""
    import threading

    from pyftpdlib.authorizers import DummyAuthorizer
    from pyftpdlib.handlers import FTPHandler, TLS_FTPHandler
    from pyftpdlib.ioloop import IOLoop
    from pyftpdlib.servers import FTPServer

    home = folder / "home"
    home.mkdir(parents=True)
    received: list[str] = []
    interrupt_after: list[int] = []
    authorizer = DummyAuthorizer()
    authorizer.add_user("verein", "richtig-geheim", str(home), perm="elradfmwMT")

    class Handler(TLS_FTPHandler if tls else FTPHandler):
        def on_file_received(self, file):
            received.append(Path(file).relative_to(home).as_posix())
            if interrupt_after:
                interrupt_after[0] -= 1
                if interrupt_after[0] <= 0:
                    interrupt_after.clear()
                    self.close()  # like a broken line: no reply, the connection is gone

    Handler.authorizer = authorizer
    Handler.auth_failed_timeout = 0.1  # pyftpdlib waits 3 s after a wrong password
    certificate = None
    if tls:
        certificate, key = self_signed_certificate(folder)
        Handler.certfile, Handler.keyfile = str(certificate), str(key)
        Handler.tls_control_required = Handler.tls_data_required = True  # nothing in the clear
    # Its own event loop: pyftpdlib's default one is shared by every server in the process.
    server = FTPServer(("127.0.0.1", 0), Handler, ioloop=IOLoop())
    port = server.socket.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        # Short rounds of the event loop, so that the server closes in its own thread.
        while not stop.is_set():
            server.serve_forever(timeout=0.1, blocking=False, handle_exit=False)
        server.close_all()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return FtpServer(
        port, "verein", "richtig-geheim", home, received, certificate, interrupt_after, stop, thread
    )
