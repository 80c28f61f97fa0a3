"""YAML data files read with line numbers (see loader)."""
