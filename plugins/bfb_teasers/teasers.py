"""`Teaser: <n>` puts a page or news item on the start page, at position n.

The number is read as an integer so that teaser 10 comes after teaser 2.
A value that is not a whole number is reported by the content check
(plugins/bfb_content_check) before Pelican reads anything.
"""

from pelican import readers, signals


def teaser_position(value: str, settings: dict) -> int:
    return int(value.strip())


def register_metadata_processor(pelican) -> None:
    readers.METADATA_PROCESSORS["teaser"] = teaser_position


def register() -> None:
    signals.initialized.connect(register_metadata_processor)
