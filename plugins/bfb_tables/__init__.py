"""Wide tables in texts scroll inside their own labelled region, never the whole page."""

from .tables import register, wrap_tables

__all__ = ["register", "wrap_tables"]
