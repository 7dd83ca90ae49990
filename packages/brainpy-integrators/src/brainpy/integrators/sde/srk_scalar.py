r"""Stochastic Runge-Kutta methods for scalar noise (the module path the spec shows; re-exports from :mod:`brainpy.integrators.sde._srk_scalar`)."""

from brainpy.integrators.sde._srk_scalar import (
    SRK1W1,
    SRK2W1,
    KlPl,
)

__all__ = [
    "SRK1W1",
    "SRK2W1",
    "KlPl",
]
