r"""Exponential integrators (the module path the spec shows; re-exports from :mod:`brainpy.integrators.ode._exponential`)."""

from brainpy.integrators.ode._exponential import (
    ExponentialEuler,
)

__all__ = [
    "ExponentialEuler",
]
