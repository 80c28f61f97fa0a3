"""Load Pelican's content cache only when no cached text can be stale.

Pelican caches what a reader returned for each file and uses it again while that file is
unchanged. But our texts depend on more than their own file: the number of places comes
from content/data/orte.yaml, a photo's `srcset` from the photo and the IMAGE_* settings,
all of them from the settings (MARKDOWN, SITEURL) and from the code of our plugins and
Markdown extensions. Pelican itself would keep serving the old HTML after any of these
changed, until somebody deletes `.cache/`.

So each language site fingerprints those inputs on `initialized` (the settings, every file
under content/ that is not a Markdown text, our own loaded code and the Markdown
extensions named in MARKDOWN, the templates' catalogues, the versions of Pelican and
Markdown) and loads the cache only if the fingerprint is the one a successful build left
beside its cache. The fingerprint file is removed when a build starts and written again by
`finalized`: after a failed or interrupted build, the next one reads every text afresh, so
no problem found while reading (a misspelt placeholder, say) can hide behind the cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePath

import markdown
import pelican
from bfb_build import BUILD_KEY, this_build
from bfb_contents import MARKDOWN_SUFFIXES

logger = logging.getLogger(__name__)

FINGERPRINT_FILE = "bfb-reader-inputs.sha256"
# Settings that differ from build to build without changing any text: the build's own
# staging folder, the build object, and the switch this module sets.
NOT_INPUTS = {"OUTPUT_PATH", "LOAD_CONTENT_CACHE", BUILD_KEY}


@dataclass
class CacheDecisions:
    """Per build: what the settings asked for, and each site's fingerprint (by CACHE_PATH)."""

    load_asked: bool | None = None
    fingerprints: dict[str, str] = field(default_factory=dict)


def stable(value):
    """`value` as JSON-able data that is the same in every process for the same settings."""
    if isinstance(value, dict):
        return {str(key): stable(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((stable(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [stable(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, re.Pattern):
        return value.pattern
    name = getattr(value, "__qualname__", None) or getattr(value, "__name__", None)
    if isinstance(name, str):  # a function, class or module: its name, not its address
        return f"{getattr(value, '__module__', '')}.{name}"
    text = repr(value)  # a date, a Decimal …: its value; an object that shows only its address: its class
    return f"{type(value).__module__}.{type(value).__qualname__}" if " at 0x" in text else text


def markdown_extension_files(settings: dict) -> set[Path]:
    """The files of the Markdown extensions named in MARKDOWN (a package: all its modules)."""
    config = settings.get("MARKDOWN", {})
    names = [*config.get("extensions", []), *config.get("extension_configs", {})]
    files: set[Path] = set()
    for name in names:
        if not isinstance(name, str):
            continue
        spec = importlib.util.find_spec(name.split(":")[0])
        if spec is None or not spec.origin or not spec.has_location:
            continue
        origin = Path(spec.origin)
        files.update(origin.parent.glob("*.py") if origin.name == "__init__.py" else [origin])
    return files


def own_code_files() -> set[Path]:
    """The files of every loaded module outside the Python installation: our plugins and libraries."""
    # Plain string prefixes: resolving hundreds of module paths would cost more than the build saves.
    installation = tuple(
        {
            os.path.join(folder, "")
            for prefix in (sys.prefix, sys.base_prefix)
            for folder in (prefix, os.path.realpath(prefix))
        }
    )
    files = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if file and not file.startswith(installation):
            files.add(Path(file))
    return files


def data_files(settings: dict) -> set[Path]:
    """Every file under the content folder that is not a Markdown text (data files, photos).

    `os.walk` does not follow links to folders (bfb_source_files refuses links out of content/).
    """
    files = set()
    for folder, _, names in os.walk(Path(settings["PATH"]).resolve()):
        files.update(Path(folder, name) for name in names if Path(name).suffix not in MARKDOWN_SUFFIXES)
    return files


def catalogue_files(settings: dict) -> set[Path]:
    """The templates' message catalogues (.po): a text's `{offen:…}` gap is translated with them.

    The sources, not the compiled .mo files, which every build writes again.
    """
    localedir = settings.get("I18N_GETTEXT_LOCALEDIR")
    return set(Path(localedir).glob("*/LC_MESSAGES/*.po")) if localedir else set()


def without_non_inputs(value):
    """`value` without NOT_INPUTS keys, at every level: i18n_subsites writes each subsite's
    OUTPUT_PATH into I18N_SUBSITES, and every build has a new staging folder."""
    if isinstance(value, dict):
        return {key: without_non_inputs(item) for key, item in value.items() if key not in NOT_INPUTS}
    return value


def fingerprint(settings: dict) -> str:
    """A digest of everything a cached text may depend on besides its own file."""
    digest = hashlib.sha256()
    inputs = without_non_inputs(dict(settings))
    digest.update(json.dumps(stable(inputs), sort_keys=True, ensure_ascii=False).encode())
    digest.update(f"pelican {pelican.__version__} markdown {markdown.__version__}\n".encode())
    files = (
        data_files(settings)
        | own_code_files()
        | markdown_extension_files(settings)
        | catalogue_files(settings)
    )
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue  # gone since it was listed
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def fingerprint_file(settings: dict) -> Path:
    return Path(settings["CACHE_PATH"]) / FINGERPRINT_FILE


def decide_whether_to_load_the_cache(pelican) -> None:
    """initialized handler (each language site): load the cache only if its inputs are unchanged."""
    settings = pelican.settings
    decisions = this_build(settings).part(CacheDecisions)
    if decisions.load_asked is None:
        # The main site comes first; subsites inherit its settings, with this switch as set below.
        decisions.load_asked = bool(settings.get("LOAD_CONTENT_CACHE"))
    if not (decisions.load_asked or settings.get("CACHE_CONTENT")):
        return
    current = fingerprint(settings)
    decisions.fingerprints[settings["CACHE_PATH"]] = current
    stored_file = fingerprint_file(settings)
    try:
        stored = stored_file.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        stored = None
    stored_file.unlink(missing_ok=True)  # written again only by a build that succeeds
    settings["LOAD_CONTENT_CACHE"] = decisions.load_asked and stored == current
    if decisions.load_asked and not settings["LOAD_CONTENT_CACHE"]:
        logger.debug(
            "bfb_reader: every text is read afresh for %s (inputs changed)", settings["DEFAULT_LANG"]
        )


def remember_the_inputs(pelican) -> None:
    """finalized handler: the cache this site saved was made from these inputs."""
    settings = pelican.settings
    current = this_build(settings).part(CacheDecisions).fingerprints.get(settings["CACHE_PATH"])
    if current and settings.get("CACHE_CONTENT"):
        stored_file = fingerprint_file(settings)
        stored_file.parent.mkdir(parents=True, exist_ok=True)
        stored_file.write_text(current + "\n", encoding="ascii")
