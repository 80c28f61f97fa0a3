"""SFTP targets (`sftp://user@host[:port]/path`): webspace without shell or rsync, via paramiko.

Authentication by SSH key only: the file from `--key`/`PUBLISH_KEY`, else the SSH
agent and the usual ~/.ssh keys. The server's host key must already be in
~/.ssh/known_hosts; an unknown or changed key is refused with an explanation, never
accepted silently. Files go up under a temporary name and are renamed into place
(`posix-rename`, which OpenSSH offers: the old file is replaced in one step).
"""

from __future__ import annotations

import base64
import errno
import hashlib
import io
import socket
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

import paramiko

from sitetools.transfer import FILE, FOLDER, LINK, OTHER, FolderBase, Listing, PublishError

KNOWN_HOSTS = "~/.ssh/known_hosts"


def fingerprint(key: paramiko.PKey) -> str:
    """The SHA256 fingerprint as `ssh` and `ssh-keyscan | ssh-keygen -lf -` show it."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


class UnknownHost(PublishError):
    pass


def how_to_trust(host: str, port: int) -> str:
    """How a maintainer checks a server's host key and adds it to known_hosts (SSH and SFTP)."""
    port_option = f"-p {port} " if port != 22 else ""
    return (
        "So beheben: den Fingerabdruck mit dem vergleichen, den der Hoster nennt (Kundenmenü "
        "oder Support). Stimmt er, den Server einmal bestätigen:\n"
        f"    ssh-keyscan {port_option}{host} >> ~/.ssh/known_hosts\n"
        f"(oder einmal `ssh {port_option}BENUTZER@{host}` aufrufen und mit „yes“ bestätigen). "
        "Danach `invoke publish` noch einmal starten."
    )


def key_refused(where: str, user: str) -> PublishError:
    return PublishError(
        f"Anmeldung bei {where} als „{user}“ abgelehnt: der Server kennt diesen SSH-Schlüssel "
        "nicht.\nSo beheben: den richtigen Schlüssel mit `--key` oder PUBLISH_KEY angeben, oder "
        "den öffentlichen Schlüssel (.pub) beim Hoster hinterlegen (Kundenmenü oder ssh-copy-id).",
        code="ssh-key-refused",
    )


class RefuseUnknownHost(paramiko.MissingHostKeyPolicy):
    """Never trust a host key on first sight: say how to check and trust it."""

    def missing_host_key(self, client, hostname, key):
        host, port = hostname, 22
        if hostname.startswith("["):
            host, _, port_text = hostname[1:].partition("]:")
            port = int(port_text)
        raise UnknownHost(
            f"Der Server {hostname} ist diesem Rechner unbekannt (sein Schlüssel steht nicht in "
            f"{KNOWN_HOSTS}). Aus Sicherheitsgründen wird nichts übertragen.\n"
            f"Fingerabdruck des Servers: {key.get_name()} {fingerprint(key)}\n" + how_to_trust(host, port),
            code="ssh-host-unknown",
        )


def connect_error(target, error: Exception) -> PublishError:
    where = f"{target.host}:{target.port or 22}"
    if isinstance(error, UnknownHost):
        return error
    if isinstance(error, paramiko.BadHostKeyException):
        return PublishError(
            f"Der Server {where} meldet sich mit einem ANDEREN Schlüssel als in {KNOWN_HOSTS} "
            f"gespeichert ({fingerprint(error.key)}). Das kann ein Umzug beim Hoster sein – oder "
            "jemand gibt sich als Ihr Server aus. Nichts übertragen.\n"
            "So beheben: beim Hoster nachfragen, ob sich der Schlüssel geändert hat; wenn ja, "
            f"den alten Eintrag mit `ssh-keygen -R {target.host}` löschen und den neuen bestätigen.",
            code="ssh-host-key-changed",
        )
    if isinstance(error, paramiko.PasswordRequiredException):
        return PublishError(
            "Der SSH-Schlüssel ist mit einer Passphrase geschützt. So beheben: den Schlüssel "
            "dem SSH-Agenten geben (`ssh-add ~/.ssh/bfb_publish`) und noch einmal veröffentlichen.",
            code="ssh-key-passphrase",
        )
    no_key = isinstance(error, paramiko.SSHException) and "authentication methods" in str(error)
    if isinstance(error, paramiko.AuthenticationException) or no_key:
        return key_refused(where, target.user)
    if isinstance(error, FileNotFoundError):
        return PublishError(
            f"Die SSH-Schlüsseldatei {target.identity} gibt es nicht (--key, PUBLISH_KEY).",
            code="ssh-key-file-missing",
        )
    if isinstance(error, OSError | socket.gaierror):
        return PublishError(
            f"Keine Verbindung zu {where}: {error}.\nSo beheben: Servername und Port prüfen "
            "(steht im Kundenmenü des Hosters); ist die Internetverbindung da?",
            code="connection-failed",
        )
    return PublishError(f"SFTP-Verbindung zu {where} fehlgeschlagen: {error}", code="sftp-connect-failed")


@contextmanager
def open_sftp(target) -> Iterator[paramiko.SFTPClient]:
    client = paramiko.SSHClient()
    with suppress(FileNotFoundError):  # no known hosts yet: the policy below refuses and explains
        client.load_host_keys(str(Path(target.known_hosts or KNOWN_HOSTS).expanduser()))
    client.set_missing_host_key_policy(RefuseUnknownHost())
    try:
        client.connect(
            target.host,
            port=target.port or 22,
            username=target.user,
            key_filename=str(Path(target.identity).expanduser()) if target.identity else None,
            look_for_keys=not target.identity,
            allow_agent=True,
            timeout=30,
        )
        sftp = client.open_sftp()
        sftp.get_channel().settimeout(120)  # a dead connection ends with an error, not a hang
    except (paramiko.SSHException, OSError) as error:
        client.close()
        raise connect_error(target, error) from None
    try:
        yield sftp
    finally:
        client.close()


class SftpFolder(FolderBase):
    """The target folder on an SFTP server (see sitetools/transfer.py for what is done with it)."""

    def __init__(self, sftp: paramiko.SFTPClient, root: str, label: str):
        super().__init__(root, label)
        self.sftp = sftp

    def read(self, name: str) -> bytes | None:
        buffer = io.BytesIO()
        try:
            self.sftp.getfo(self.path(name), buffer)
        except FileNotFoundError:
            return None
        return buffer.getvalue()

    def list(self) -> Listing:
        """Every entry below the root as the server sees it (OpenSSH reports links, never follows them)."""
        found: Listing = {}
        pending = [""]
        while pending:
            relative = pending.pop()
            try:
                entries = self.sftp.listdir_attr(self.path(relative) if relative else self.root)
            except FileNotFoundError:
                continue
            for entry in entries:
                path = f"{relative}/{entry.filename}" if relative else entry.filename
                mode = entry.st_mode or 0
                if stat.S_ISLNK(mode):
                    found[path] = LINK
                elif stat.S_ISDIR(mode):
                    found[path] = FOLDER
                    pending.append(path)
                else:
                    found[path] = FILE if stat.S_ISREG(mode) else OTHER
        return found

    def make_folder(self, path: str) -> None:
        try:
            self.sftp.stat(path)
        except FileNotFoundError:
            self.sftp.mkdir(path, 0o755)

    def put(self, path: str, source: BinaryIO) -> None:
        self.sftp.putfo(source, path, confirm=True)
        self.sftp.chmod(path, 0o644)

    def rename(self, temporary: str, final: str) -> None:
        try:
            self.sftp.posix_rename(temporary, final)  # OpenSSH: replaces in one step
        except OSError:
            # A server without the posix-rename extension: remove the old file first (a short gap).
            self.delete_file(final)
            self.sftp.rename(temporary, final)

    def delete_file(self, path: str) -> None:
        with suppress(FileNotFoundError):
            self.sftp.remove(path)

    def delete_empty_folder(self, path: str) -> None:
        with suppress(OSError):
            self.sftp.rmdir(path)


def sftp_error(target, error: OSError) -> PublishError:
    """An error during the transfer, in German, with the file it concerns."""
    reason = {
        errno.EACCES: "keine Schreibrechte",
        errno.ENOENT: "Ordner nicht gefunden",
    }.get(error.errno, str(error))
    return PublishError(
        f"SFTP-Übertragung nach {target.describe()} abgebrochen ({reason}: {error.filename or ''}).\n"
        "Die bisher übertragenen Dateien sind vollständig; alle Seiten funktionieren weiter. "
        "So beheben: Pfad und Rechte im Kundenmenü des Hosters prüfen, dann noch einmal "
        "`invoke publish` – das vervollständigt die Übertragung.",
        code="sftp-transfer-aborted",
    )
