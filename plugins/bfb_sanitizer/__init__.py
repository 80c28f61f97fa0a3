from .sanitizer import register

__all__ = ["register"]
