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

from jinja2 import Environment, TemplateError
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_TESTS
from pelican import signals
from pelican.generators import Generator

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


def warm_up(settings) -> None:
    """Compile the theme's templates into the shared cache before a build is asked for.

    Called by the live preview's waiting process (sitetools/prestarted.py). The environment
    is made as the build makes each generator's (Pelican's Generator class, then
    share_compiled_templates, then gettext installed as i18n_subsites installs it); an
    entry is used only by an environment with the same compile configuration and only for
    the same source, so a template edited after the warm-up is compiled again.

    The environment has Jinja's own filters and tests only. Jinja calls a filter while
    compiling when its arguments are constants (`"css/site.css"|fingerprint` becomes the
    name of today's stylesheet), so a template that uses a filter of Pelican or of our
    plugins fails to compile here and is left to the build: nothing computed from a file
    that may change while the process waits is compiled in early.
    """
    generator = Generator({}, settings, settings["PATH"], settings["THEME"], settings["OUTPUT_PATH"])
    share_compiled_templates(generator)
    generator.env.filters = dict(DEFAULT_FILTERS)
    generator.env.tests = dict(DEFAULT_TESTS)
    generator.env.install_null_translations(newstyle=settings.get("I18N_GETTEXT_NEWSTYLE", True))
    # Every template the build can load by its plain name (ours, and Pelican's `simple`
    # theme for the pages ours leaves out); not again under the "!simple/" prefixes.
    for name in generator.env.list_templates(filter_func=lambda name: not name.startswith("!")):
        try:
            generator.env.get_template(name)
        except TemplateError:
            continue  # uses a filter or test of Pelican or a plugin: compiled by the build


def register() -> None:
    signals.generator_init.connect(share_compiled_templates)
