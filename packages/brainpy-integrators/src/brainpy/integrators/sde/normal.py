r"""Euler, Heun, Milstein and exponential Euler SDE methods (the module path the spec shows; re-exports from :mod:`brainpy.integrators.sde._normal`)."""

from brainpy.integrators.sde._normal import (
    Euler,
    ExponentialEuler,
    Heun,
    Milstein,
)

__all__ = [
    "Euler",
    "Heun",
    "Milstein",
    "ExponentialEuler",
]
