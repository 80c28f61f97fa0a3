"""Helpers behind tasks.py: building, checking and publishing the site."""

import sys
from pathlib import Path

# The tasks use the site's own plugins and libraries too (bfb_slugs, bfb_content_check, bfb_errors …).
_ROOT = Path(__file__).resolve().parent.parent
for _folder in (str(_ROOT / "plugins"), str(_ROOT / "lib")):
    if _folder not in sys.path:
        sys.path.insert(0, _folder)
