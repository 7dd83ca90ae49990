r"""Methods for Caputo FDEs (the module path the spec shows; re-exports from :mod:`brainpy.integrators.fde._caputo`)."""

from brainpy.integrators.fde._caputo import (
    CaputoEuler,
    CaputoL1Schema,
)

__all__ = [
    "CaputoEuler",
    "CaputoL1Schema",
]
