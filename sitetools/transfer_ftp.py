"""FTP and FTPS targets (`ftp://user@host[:port]/path`, `ftps://…`), via Python's ftplib.

`ftps://` is explicit TLS (AUTH TLS on the normal port, then an encrypted data
channel); the server certificate is checked against the system's certificates or
the file in `publish.ca_file` / PUBLISH_CA_FILE. The password comes from
PUBLISH_PASSWORD or a prompt (sitetools/publish.py), never from a file. Files go up
under a temporary name and are renamed into place (RNFR/RNTO).
"""

from __future__ import annotations

import ftplib
import io
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import BinaryIO

from sitetools.transfer import FILE, FOLDER, LINK, OTHER, FolderBase, Listing, PublishError

PLAIN_FTP_WARNING = (
    "Achtung: ftp:// überträgt Passwort und Dateien unverschlüsselt – wer mithört, kann die "
    "Website übernehmen. Wenn der Hoster FTPS oder SFTP anbietet, ftps:// oder sftp:// verwenden."
)


def connect_error(target, error: Exception) -> PublishError:
    where = f"{target.host}:{target.port or 21}"
    if isinstance(error, ssl.SSLCertVerificationError):
        return PublishError(
            f"Das TLS-Zertifikat von {where} ist nicht vertrauenswürdig ({error.verify_message}). "
            "Nichts übertragen.\nSo beheben: den Servernamen verwenden, auf den das Zertifikat "
            "ausgestellt ist (steht im Kundenmenü des Hosters, oft der Name des Hosters statt der "
            "eigenen Domain). Nur bei einem selbst signierten Zertifikat, das Sie geprüft haben: "
            "die Zertifikatsdatei mit PUBLISH_CA_FILE oder `publish: ca_file:` angeben.",
            code="tls-certificate-untrusted",
        )
    if isinstance(error, ftplib.error_perm) and str(error).startswith("530"):
        return PublishError(
            f"Anmeldung bei {where} als „{target.user}“ abgelehnt: Benutzername oder Passwort "
            "falsch.\nSo beheben: Zugangsdaten im Kundenmenü des Hosters nachsehen, dann "
            "PUBLISH_PASSWORD richtig setzen (oder das Passwort bei der Abfrage eingeben).",
            code="ftp-login-refused",
        )
    if isinstance(error, ftplib.error_perm) and target.tls:
        return PublishError(
            f"{where} bietet kein verschlüsseltes FTP (FTPS) an: {error}.\nSo beheben: beim "
            "Hoster nach SFTP oder FTPS fragen; nur wenn es beides nicht gibt, ftp:// verwenden.",
            code="ftps-not-offered",
        )
    if isinstance(error, OSError):
        return PublishError(
            f"Keine Verbindung zu {where}: {error}.\nSo beheben: Servername und Port prüfen "
            "(steht im Kundenmenü des Hosters); ist die Internetverbindung da?",
            code="connection-failed",
        )
    return PublishError(f"FTP-Verbindung zu {where} fehlgeschlagen: {error}", code="ftp-connect-failed")


@contextmanager
def open_ftp(target) -> Iterator[ftplib.FTP]:
    if target.tls:
        context = ssl.create_default_context(cafile=target.ca_file)
        ftp: ftplib.FTP = ftplib.FTP_TLS(context=context, timeout=60)
    else:
        ftp = ftplib.FTP(timeout=60)
    try:
        ftp.connect(target.host, target.port or 21)
        if isinstance(ftp, ftplib.FTP_TLS):
            ftp.auth()  # explicit TLS: encrypt before the password is sent
        ftp.login(target.user, target.password or "")
        if isinstance(ftp, ftplib.FTP_TLS):
            ftp.prot_p()  # the file transfers are encrypted too
    except (*ftplib.all_errors, ssl.SSLError) as error:
        ftp.close()
        raise connect_error(target, error) from None
    try:
        yield ftp
    finally:
        try:
            ftp.quit()
        except ftplib.all_errors:
            ftp.close()


def is_missing(error: ftplib.Error) -> bool:
    return str(error).startswith("550")


class FtpFolder(FolderBase):
    """The target folder on an FTP(S) server (see sitetools/transfer.py for what is done with it)."""

    def __init__(self, ftp: ftplib.FTP, root: str, label: str):
        super().__init__(root, label)
        self.ftp = ftp

    def read(self, name: str) -> bytes | None:
        buffer = io.BytesIO()
        try:
            self.ftp.retrbinary(f"RETR {self.path(name)}", buffer.write)
        except ftplib.error_perm as error:
            if is_missing(error):
                return None
            raise
        return buffer.getvalue()

    def list(self) -> Listing | None:
        """Every entry below the root by MLSD (RFC 3659); None if the server does not offer it."""
        found: Listing = {}
        pending = [""]
        while pending:
            relative = pending.pop()
            try:
                entries = list(self.ftp.mlsd(self.path(relative) if relative else self.root, ["type"]))
            except ftplib.error_perm as error:
                if is_missing(error) and relative == "":
                    return {}  # the folder does not exist yet
                if str(error).startswith(("500", "501", "502", "504")):
                    return None  # no MLSD: the manifest alone decides
                raise
            for name, facts in entries:
                kind = facts.get("type", "").lower()
                if kind in ("cdir", "pdir") or name in (".", ".."):
                    continue
                path = f"{relative}/{name}" if relative else name
                if kind == "dir":
                    found[path] = FOLDER
                    pending.append(path)
                elif kind == "file":
                    found[path] = FILE
                else:
                    found[path] = LINK if "link" in kind else OTHER
        return found

    def make_folder(self, path: str) -> None:
        # FTP has no portable "exists": MKD and see. If it failed for another reason than
        # "exists", the upload into the folder fails next, with the server's reason.
        with suppress(ftplib.error_perm):
            self.ftp.mkd(path)

    def put(self, path: str, source: BinaryIO) -> None:
        self.ftp.storbinary(f"STOR {path}", source)

    def rename(self, temporary: str, final: str) -> None:
        try:
            self.ftp.rename(temporary, final)
        except ftplib.error_perm:
            # Some servers refuse to rename onto an existing file: remove it first (a short gap).
            self.ftp.delete(final)
            self.ftp.rename(temporary, final)

    def delete_file(self, path: str) -> None:
        try:
            self.ftp.delete(path)
        except ftplib.error_perm as error:
            if not is_missing(error):
                raise

    def delete_empty_folder(self, path: str) -> None:
        with suppress(ftplib.error_perm):
            self.ftp.rmd(path)


def ftp_error(target, error: Exception) -> PublishError:
    return PublishError(
        f"FTP-Übertragung nach {target.describe()} abgebrochen: {error}.\n"
        "Die bisher übertragenen Dateien sind vollständig; alle Seiten funktionieren weiter. "
        "So beheben: Pfad und Rechte im Kundenmenü des Hosters prüfen, dann noch einmal "
        "`invoke publish` – das vervollständigt die Übertragung.",
        code="ftp-transfer-aborted",
    )
