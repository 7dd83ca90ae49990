"""Native operator backends for BrainPy (numba + XLA FFI on CPU; GPU kernels)."""

from brainpy_ops._version import __version__

__all__ = ["__version__"]
