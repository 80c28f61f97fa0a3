"""Precompressed copies (`file.gz`, `file.br`) of the text files of a production build.

The web server hands them to browsers that accept them (deploy/htaccess,
deploy/nginx.conf), so nothing is compressed again on every request.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

COMPRESSIBLE_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".webmanifest", ".ico"}
MIN_SIZE = 256  # smaller files gain nothing over the extra request header


def compressible_files(site: Path) -> list[Path]:
    return sorted(
        file
        for file in site.rglob("*")
        if file.is_file()
        and file.suffix in COMPRESSIBLE_SUFFIXES
        and file.stat().st_size >= MIN_SIZE
        and not any(part.startswith(".") for part in file.relative_to(site).parts)
    )


def precompress(site: Path) -> int:
    """Write `.gz` and `.br` beside every text file they make smaller; return how many files."""
    written = 0
    for file in compressible_files(site):
        data = file.read_bytes()
        # mtime=0: the same page gives the same .gz, so rsync --checksum skips it.
        for suffix, packed in ((".gz", gzip.compress(data, 9, mtime=0)), (".br", brotli.compress(data))):
            if len(packed) < len(data):
                file.with_name(file.name + suffix).write_bytes(packed)
                written += 1
    return written
