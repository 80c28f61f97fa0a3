"""Compile each theme template once per build, not once per generator and language.

Why: Pelican gives every generator (news, pages, static files, places) its own Jinja
environment, and i18n_subsites runs every generator again for English, so each template
was compiled from source up to eight times in one build. Compiling is pure Python and
was about a sixth of the time spent writing pages (docs/benchmark.md).

What: all environments of the build share one in-memory bytecode cache. An entry is
used only by an environment whose compile-relevant configuration (extensions, gettext
style, whitespace and delimiter options) is the same, and only for the same source
text, so the compiled code is what that environment would have compiled itself.
Every build (and every live-reload rebuild) is its own process; with the setting
`TEMPLATE_CACHE_PATH` (a folder; the development settings set it, publishconf.py does
not) the compiled code is also kept on disk, so a rebuild in the live preview compiles
only the templates that changed (compiling was a third of such a rebuild,
docs/benchmark.md). Jinja's Bucket checks each file's Python version and source
checksum before using it. Templates are also not checked for changes on every use
(`auto_reload`): none can change while one build runs. Their theme texts are
translated once per language (theme_texts.py).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache
from pelican import signals

from .theme_texts import ThemeTexts

# Environment options that change the compiled code of a template.
COMPILE_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "autoescape",
    "newstyle_gettext",
    "is_async",
)


def compile_configuration(environment: Environment) -> tuple:
    options = tuple(repr(getattr(environment, name, None)) for name in COMPILE_OPTIONS)
    return (*options, tuple(sorted(environment.extensions)))


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates in memory, shared by every environment of this process (and on disk
    in `folder`, if set)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.compiled: dict[str, tuple[str, object]] = {}
        self.folder = folder

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        # The environment's configuration is part of the key, so two differently
        # configured environments never share code.
        key = repr((name, filename, compile_configuration(environment)))
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self.compiled.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code
        elif self.folder is not None:
            try:
                with self.file_of(bucket).open("rb") as file:
                    bucket.load_bytecode(file)  # stays empty unless Python version and checksum match
            except OSError:
                pass

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = (bucket.checksum, bucket.code)
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Written aside, then renamed: a build running at the same time reads whole files only.
            handle, name = tempfile.mkstemp(dir=self.folder, suffix=".part")
            with os.fdopen(handle, "wb") as file:
                bucket.write_bytecode(file)
            os.replace(name, self.file_of(bucket))

    def file_of(self, bucket: Bucket) -> Path:
        return self.folder / (hashlib.sha1(bucket.key.encode("utf-8")).hexdigest() + ".jinja")


SHARED_CACHE = SharedBytecodeCache()


def share_compiled_templates(generator) -> None:
    """generator_init handler: use the shared cache; templates do not change during a build.

    Also translate each theme text once (theme_texts.py).
    """
    folder = generator.settings.get("TEMPLATE_CACHE_PATH") if hasattr(generator, "settings") else None
    SHARED_CACHE.folder = Path(folder) if folder else None
    generator.env.bytecode_cache = SHARED_CACHE
    generator.env.auto_reload = False
    generator.env.add_extension(ThemeTexts)


def register() -> None:
    signals.generator_init.connect(share_compiled_templates)
