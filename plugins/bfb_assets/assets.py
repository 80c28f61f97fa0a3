"""Compute fingerprinted asset names before templates render; rename the copies after writing.

The name is computed from the theme's source file, so the English subsite (which
shares the main site's theme folder and copies nothing) links the same name.

Settings: `ASSET_FINGERPRINT_SUFFIXES` (default `.css`, `.js`).
"""

from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path

from pelican import signals

DEFAULT_SUFFIXES = (".css", ".js")
HASH_LENGTH = 10


class UnknownAsset(LookupError):
    """A template asked for a theme file that does not exist."""


def fingerprinted_name(relative: str, content: bytes) -> str:
    """`css/site.css` with its bytes → `css/site.<first 10 hex digits of sha256>.css`."""
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    path = Path(relative)
    return path.with_name(f"{path.stem}.{digest}{path.suffix}").as_posix()


def asset_names(static_folder: Path, suffixes: tuple[str, ...] = DEFAULT_SUFFIXES) -> dict[str, str]:
    """Map every fingerprinted theme file (relative path) to its fingerprinted name."""
    if not static_folder.is_dir():
        return {}
    return {
        file.relative_to(static_folder).as_posix(): fingerprinted_name(
            file.relative_to(static_folder).as_posix(), file.read_bytes()
        )
        for file in sorted(static_folder.rglob("*"))
        if file.is_file() and file.suffix in suffixes
    }


def theme_asset_names(settings: dict) -> dict[str, str]:
    suffixes = tuple(settings.get("ASSET_FINGERPRINT_SUFFIXES", DEFAULT_SUFFIXES))
    return asset_names(Path(settings["THEME"]) / "static", suffixes)


def fingerprint(relative: str, *, names: dict[str, str]) -> str:
    """Jinja filter: the fingerprinted name of a theme file, e.g. `"css/site.css"|fingerprint`."""
    try:
        return names[relative]
    except KeyError:
        raise UnknownAsset(
            f"theme/static/{relative} does not exist (or is not fingerprinted); known: {sorted(names)}"
        ) from None


def add_filter(generator) -> None:
    generator.env.filters["fingerprint"] = partial(fingerprint, names=theme_asset_names(generator.settings))


def rename_written_assets(pelican) -> None:
    """Give the copied theme files their fingerprinted names (idempotent: each subsite calls it)."""
    static_output = Path(pelican.output_path) / pelican.settings["THEME_STATIC_DIR"]
    for plain, hashed in theme_asset_names(pelican.settings).items():
        written = static_output / plain
        if written.is_file():
            written.replace(static_output / hashed)


def register() -> None:
    signals.generator_init.connect(add_filter)
    signals.finalized.connect(rename_written_assets)
