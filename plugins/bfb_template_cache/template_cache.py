"""Compile each theme template once per build, not once per generator and language.

Why: Pelican gives every generator (news, pages, static files, places) its own Jinja
environment, and i18n_subsites runs every generator again for English, so each template
was compiled from source up to eight times in one build. Compiling is pure Python and
was about a sixth of the time spent writing pages (docs/benchmark.md).

What: all environments of the build share one in-memory bytecode cache. An entry is
used only by an environment whose compile-relevant configuration (extensions, gettext
style, whitespace and delimiter options) is the same, and only for the same source
text, so the compiled code is what that environment would have compiled itself.
Nothing is written to disk: every build (and every live-reload rebuild) is its own
process and starts empty. Templates are also not checked for changes on every use
(`auto_reload`): none can change while one build runs. Their theme texts are
translated once per language (theme_texts.py).
"""

from __future__ import annotations

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
    """Compiled templates in memory, shared by every environment of this process."""

    def __init__(self) -> None:
        self.compiled: dict[str, tuple[str, object]] = {}

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

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = (bucket.checksum, bucket.code)


SHARED_CACHE = SharedBytecodeCache()


def share_compiled_templates(generator) -> None:
    """generator_init handler: use the shared cache; templates do not change during a build.

    Also translate each theme text once (theme_texts.py).
    """
    generator.env.bytecode_cache = SHARED_CACHE
    generator.env.auto_reload = False
    generator.env.add_extension(ThemeTexts)


def register() -> None:
    signals.generator_init.connect(share_compiled_templates)
