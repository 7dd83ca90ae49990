r"""The ODE integrator base class (the module path the spec shows; re-exports from :mod:`brainpy.integrators.ode._base`)."""

from brainpy.integrators.ode._base import (
    ODEIntegrator,
)

__all__ = [
    "ODEIntegrator",
]
