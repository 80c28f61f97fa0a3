"""Helpers behind tasks.py: building, checking and publishing the site."""

import sys
from pathlib import Path

# The tasks use the site's own plugins too (bfb_slugs, bfb_content_check, …).
_PLUGINS = str(Path(__file__).resolve().parent.parent / "plugins")
if _PLUGINS not in sys.path:
    sys.path.insert(0, _PLUGINS)
