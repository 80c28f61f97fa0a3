"""Throwaway Apache and nginx on 127.0.0.1, configured with the files in deploy/ (for tests)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from local_servers import find_program, free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
APACHE_MODULES = Path("/usr/lib/apache2/modules")
APACHE_MODULE_NAMES = (
    "mpm_event", "authz_core", "dir", "mime", "headers", "rewrite", "alias", "setenvif", "autoindex"
)  # fmt: skip


def apache_config(folder: Path, webroot: Path, port: int) -> str:
    """A minimal httpd.conf: the document root is the `current` symlink, .htaccess allowed."""
    modules = "\n".join(
        f"LoadModule {name}_module {APACHE_MODULES / f'mod_{name}.so'}" for name in APACHE_MODULE_NAMES
    )
    return f"""{modules}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
DefaultRuntimeDir {folder}
PidFile {folder}/httpd.pid
ErrorLog {folder}/error.log
LogLevel warn
User nobody
Group nogroup
TypesConfig /etc/mime.types
DocumentRoot {webroot}/current
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory {webroot}>
  # Like many hosters: listings on unless the site's .htaccess switches them off.
  Options FollowSymLinks Indexes
  AllowOverride All
  Require all granted
</Directory>
"""


def server_log(folder: Path):
    """What the web server wrote to its error log, for the failure message."""
    log = folder / "error.log"
    return lambda: log.read_text() if log.exists() else ""


def start_apache(folder: Path, webroot: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    config = folder / "httpd.conf"
    config.write_text(apache_config(folder, webroot, port))
    process = subprocess.Popen([find_program("apache2"), "-f", str(config), "-DFOREGROUND"])
    wait_for_port(process, port, server_log(folder), "server", timeout=15)
    return process, port


def nginx_config(folder: Path, webroot: Path, port: int) -> str:
    """deploy/nginx.conf with a local port and paths, inside a minimal nginx.conf."""
    server = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    server = server[: server.index("\nserver {\n    listen 80;")]  # the http → https redirect block
    server = re.sub(r"^\s*listen .*443.*$", "", server, flags=re.M)
    server = server.replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)
    server = server.replace("/srv/buerger-daun/current", f"{webroot}/current")
    server = server.replace(
        "/etc/nginx/snippets/bfb-headers.conf", str(ROOT / "deploy" / "nginx-headers.conf")
    )
    return f"""pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
worker_processes 1;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
{server}
}}
"""


def start_nginx(folder: Path, webroot: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    config = folder / "nginx.conf"
    config.write_text(nginx_config(folder, webroot, port))
    process = subprocess.Popen(
        [find_program("nginx"), "-c", str(config), "-p", str(folder), "-g", "daemon off;"]
    )
    wait_for_port(process, port, server_log(folder), "server", timeout=15)
    return process, port
