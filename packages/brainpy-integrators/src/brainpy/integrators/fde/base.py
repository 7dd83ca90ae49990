r"""The FDE integrator base class (the module path the spec shows; re-exports from :mod:`brainpy.integrators.fde._base`)."""

from brainpy.integrators.fde._base import (
    FDEIntegrator,
)

__all__ = [
    "FDEIntegrator",
]
