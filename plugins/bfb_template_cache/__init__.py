"""Each theme template is compiled once per build (see template_cache.py for why)."""

from .template_cache import SharedBytecodeCache, register, warm_up

__all__ = ["SharedBytecodeCache", "register", "warm_up"]
