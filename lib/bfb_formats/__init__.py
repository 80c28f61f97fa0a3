"""Dates and numbers for a language (Babel): see locale_format."""
