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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath

from sitetools.transfer import PublishError, parents_deepest_first, temporary_name

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
            "die Zertifikatsdatei mit PUBLISH_CA_FILE oder `publish: ca_file:` angeben."
        )
    if isinstance(error, ftplib.error_perm) and str(error).startswith("530"):
        return PublishError(
            f"Anmeldung bei {where} als „{target.user}“ abgelehnt: Benutzername oder Passwort "
            "falsch.\nSo beheben: Zugangsdaten im Kundenmenü des Hosters nachsehen, dann "
            "PUBLISH_PASSWORD richtig setzen (oder das Passwort bei der Abfrage eingeben)."
        )
    if isinstance(error, ftplib.error_perm) and target.scheme == "ftps":
        return PublishError(
            f"{where} bietet kein verschlüsseltes FTP (FTPS) an: {error}.\nSo beheben: beim "
            "Hoster nach SFTP oder FTPS fragen; nur wenn es beides nicht gibt, ftp:// verwenden."
        )
    if isinstance(error, OSError):
        return PublishError(
            f"Keine Verbindung zu {where}: {error}.\nSo beheben: Servername und Port prüfen "
            "(steht im Kundenmenü des Hosters); ist die Internetverbindung da?"
        )
    return PublishError(f"FTP-Verbindung zu {where} fehlgeschlagen: {error}")


@contextmanager
def open_ftp(target) -> Iterator[ftplib.FTP]:
    if target.scheme == "ftps":
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


class FtpFolder:
    """The target folder on an FTP(S) server (see sitetools/transfer.py for what is done with it)."""

    def __init__(self, ftp: ftplib.FTP, root: str, label: str):
        self.ftp = ftp
        self.root = root
        self.label = label
        self.known_folders: set[str] = set()

    def describe(self) -> str:
        return self.label

    def path(self, relative: str) -> str:
        return f"{self.root.rstrip('/')}/{relative}"

    def read(self, name: str) -> bytes | None:
        buffer = io.BytesIO()
        try:
            self.ftp.retrbinary(f"RETR {self.path(name)}", buffer.write)
        except ftplib.error_perm as error:
            if is_missing(error):
                return None
            raise
        return buffer.getvalue()

    def ensure_folder(self, path: str) -> None:
        """Create a folder and its missing parents; FTP has no portable "exists", so MKD and see."""
        if path in self.known_folders or path in ("/", ".", ""):
            return
        self.ensure_folder(str(PurePosixPath(path).parent))
        # Exists already; if it does not, the upload into it fails with the reason.
        with suppress(ftplib.error_perm):
            self.ftp.mkd(path)
        self.known_folders.add(path)

    def prepare(self) -> None:
        self.ensure_folder(self.root)

    def put(self, relative: str, source: io.BufferedIOBase) -> None:
        final = self.path(relative)
        self.ensure_folder(str(PurePosixPath(final).parent))
        temporary = self.path(temporary_name(relative))
        self.ftp.storbinary(f"STOR {temporary}", source)
        try:
            self.ftp.rename(temporary, final)
        except ftplib.error_perm:
            # Some servers refuse to rename onto an existing file: remove it first (a short gap).
            self.ftp.delete(final)
            self.ftp.rename(temporary, final)

    def write(self, name: str, data: bytes) -> None:
        self.put(name, io.BytesIO(data))

    def upload(self, files: dict[str, Path], order: list[str]) -> None:
        for relative in order:
            with files[relative].open("rb") as source:
                self.put(relative, source)

    def delete(self, paths: Iterable[str]) -> None:
        paths = list(paths)
        for relative in paths:
            try:
                self.ftp.delete(self.path(relative))
            except ftplib.error_perm as error:
                if not is_missing(error):
                    raise
        for folder in parents_deepest_first(paths):
            with suppress(ftplib.error_perm):  # not empty: something else (the hoster's?) is in it
                self.ftp.rmd(self.path(folder))


def ftp_error(target, error: Exception) -> PublishError:
    return PublishError(
        f"FTP-Übertragung nach {target.describe()} abgebrochen: {error}.\n"
        "Die bisher übertragenen Dateien sind vollständig; alle Seiten funktionieren weiter. "
        "So beheben: Pfad und Rechte im Kundenmenü des Hosters prüfen, dann noch einmal "
        "`invoke publish` – das vervollständigt die Übertragung."
    )
