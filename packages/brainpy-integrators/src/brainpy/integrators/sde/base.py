r"""The SDE integrator base class (the module path the spec shows; re-exports from :mod:`brainpy.integrators.sde._base`)."""

from brainpy.integrators.sde._base import (
    SDEIntegrator,
)

__all__ = [
    "SDEIntegrator",
]
