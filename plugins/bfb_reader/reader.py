"""Our Markdown reader: Pelican's, with a signal per text through which plugins change it.

Pelican documents custom readers as the way to change how a format is read: a class with
`read(source_path)` returning the HTML and the metadata, registered through the
`readers_init` signal. This one reads exactly as Pelican's MarkdownReader does (the same
Markdown settings, the same `meta` extension, the same metadata processing), with three
differences:

* It keeps one Markdown instance for the body and one for formatted fields (`Summary:`)
  per build and MARKDOWN configuration, shared by every reader of the language sites that
  use it, and resets them between texts (`Markdown.reset()`, Markdown's public way to
  reuse an instance), instead of building a new instance with all 13 extensions for each
  text and field (docs/benchmark.md, section 0). Texts are read one after the other,
  never one inside another.
* After reading, it sends `text_read` with a `ReadText` that receivers may change: that
  is how `bfb_figures` fills in `{anzahl:orte}` and `bfb_images` gives photos their
  `srcset`, before Pelican keeps the text. Pelican has no public way to change a body
  after it made an article of it, so this is the one place where text is changed.
* A draft the build leaves out (bfb_contents.drafts) is read as `Status: skip`, unparsed.

Because Pelican caches what `read()` returns, whatever those changes depend on besides
the text's own file must invalidate the cache: cache_inputs.py sees to that.
"""

from __future__ import annotations

import logging

from bfb_build import this_build
from bfb_contents.drafts import is_left_out
from bfb_contents.text_read import ReadText, text_read
from markdown import Markdown
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED
from pelican.readers import MarkdownReader as PelicansMarkdownReader
from pelican.utils import pelican_open

logger = logging.getLogger(__name__)

META_EXTENSION = "markdown.extensions.meta"


def markdown_options(settings: dict, meta: bool) -> dict:
    """Keyword arguments for `Markdown()` from MARKDOWN, as Pelican's reader builds them."""
    config = settings["MARKDOWN"]
    configs = config.get("extension_configs", {})
    extensions = list(config.get("extensions", []))
    extensions += [name for name in configs if name not in extensions]
    if meta and META_EXTENSION not in extensions:
        extensions.append(META_EXTENSION)
    if not meta:
        extensions = [name for name in extensions if name != META_EXTENSION]
    return {**config, "extensions": extensions, "extension_configs": configs}


class MarkdownInstances(dict):
    """{(id of a MARKDOWN setting, meta?): (that setting, its Markdown instance)}, per build (bfb_build)."""


class MarkdownReader(PelicansMarkdownReader):
    """Reads Markdown like Pelican's MarkdownReader, overriding only its public `read()`.

    Named alike, because Pelican records the reader's name in each text's metadata. A
    subclass of Pelican's class rather than of BaseReader: Pelican registers every direct
    subclass of BaseReader by itself, and this one should read only where bfb_reader is on.
    """

    def read(self, source_path: str) -> tuple[str, dict]:
        if is_left_out(self.settings, source_path):
            return "", {"status": "skip"}  # a draft this build leaves out: not even parsed
        markdown = self.reset_markdown(meta=True)
        with pelican_open(source_path) as text:
            html = markdown.convert(text)
        metadata = self.metadata_of(markdown.Meta, source_path)
        read = ReadText(source_path, self.settings, html, metadata.get("summary"))
        text_read.send(self, text=read)
        if "summary" in metadata:
            metadata["summary"] = read.summary
        return read.html, metadata

    def reset_markdown(self, meta: bool) -> Markdown:
        """This build's Markdown instance for this site's MARKDOWN (created on first use), reset."""
        config = self.settings["MARKDOWN"]
        instances = this_build(self.settings).part(MarkdownInstances)
        # The same dict, not an equal one: each language site has its own MARKDOWN (quotes).
        key = (id(config), meta)
        if key not in instances or instances[key][0] is not config:
            instances[key] = (config, Markdown(**markdown_options(self.settings, meta)))
        return instances[key][1].reset()

    def metadata_of(self, meta: dict[str, list[str]], source_path: str) -> dict:
        """The header fields as Pelican's MarkdownReader returns them (formatted fields as HTML)."""
        formatted_fields = self.settings["FORMATTED_FIELDS"]
        metadata = {}
        for name, values in meta.items():
            name = name.lower()
            if name in formatted_fields:
                field_markdown = self.reset_markdown(meta=False)
                value = field_markdown.convert("\n".join(values))
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(values) > 1:
                    logger.warning("Duplicate definition of `%s` for %s. Using first one.", name, source_path)
                value = values[0]
            else:
                value = values if len(values) > 1 else values[0]
            metadata[name] = self.process_metadata(name, value)
        return metadata


def use_our_markdown_reader(readers) -> None:
    """readers_init handler: read every Markdown file extension with MarkdownReader."""
    for extension in MarkdownReader.file_extensions:
        readers.reader_classes[extension] = MarkdownReader
