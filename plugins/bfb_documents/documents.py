"""Documents (PDF) from `content/dokumente/`, published without their metadata.

Editors link a document with `[Satzung (PDF)]({static}/dokumente/satzung.pdf)`. The content
check (bfb_content_check) allows `{static}` targets only for photos and for PDFs in this one
folder (DOCUMENTS_FOLDER). Pelican would copy the file as it is, with the author, the
program and often the path on the author's computer in its metadata; this plugin keeps it
from copying and writes, once per build into the main site's output, a copy without the
document information and without XMP metadata (pypdf). An English text links the main
site's copy. A file that is no readable PDF stops the build with a German message.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from bfb_build import is_main_site, start_with_the_main_site, this_build
from bfb_errors import Problem, stop_build
from pelican import signals

DOCUMENTS_FOLDER = "dokumente"
DOCUMENT_SUFFIXES = frozenset({".pdf"})
# The stable code of the problem "a document cannot be read".
DOCUMENT_UNREADABLE = "document-unreadable"


@dataclass
class Documents:
    """{output path: source file} of every document linked in this build (bfb_build)."""

    jobs: dict[str, Path] = field(default_factory=dict)


def keep_originals_private(generator) -> None:
    """static_generator_finalized: Pelican copies no PDF; we write cleaned copies at the end."""
    kept = []
    documents = this_build(generator.settings).part(Documents)
    main = is_main_site(generator.settings)
    for static in generator.staticfiles:
        source = Path(static.source_path)
        if source.suffix.lower() not in DOCUMENT_SUFFIXES:
            kept.append(static)
            continue
        documents.jobs[static.save_as if main else posixpath.normpath(static.save_as)] = source
        if not main:
            static.override_url = posixpath.join("..", static.url)  # the main site's copy
    generator.staticfiles = kept
    generator.context["staticfiles"] = kept


def cleaned(source: Path) -> bytes:
    """The PDF without its document information and XMP metadata."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.metadata = None
    writer.xmp_metadata = None
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_documents(pelican) -> None:
    """finalized (main site, after every language): write each linked document, cleaned."""
    if not is_main_site(pelican.settings):
        return
    output = Path(pelican.output_path)
    problems = []
    for save_as, source in sorted(this_build(pelican.settings).part(Documents).jobs.items()):
        try:
            data = cleaned(source)
        except Exception as error:  # pypdf raises many kinds for a broken file
            problems.append(
                Problem(
                    source,
                    None,
                    f"„{source.name}“ lässt sich nicht als PDF lesen.",
                    "Die Datei neu als PDF speichern (z. B. „Exportieren als PDF“) und wieder "
                    f"nach content/{DOCUMENTS_FOLDER}/ legen.",
                    f"{DOCUMENT_UNREADABLE}: {type(error).__name__}",
                    code=DOCUMENT_UNREADABLE,
                )
            )
            continue
        target = output / save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    if problems:
        stop_build(problems)


def register() -> None:
    start_with_the_main_site()
    signals.static_generator_finalized.connect(keep_originals_private)
    signals.finalized.connect(write_documents)
