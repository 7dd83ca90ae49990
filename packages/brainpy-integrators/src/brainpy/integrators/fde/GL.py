r"""Grünwald-Letnikov FDE methods (the module path the spec shows; re-exports from :mod:`brainpy.integrators.fde._gl`)."""

from brainpy.integrators.fde._gl import (
    GLShortMemory,
)

__all__ = [
    "GLShortMemory",
]
