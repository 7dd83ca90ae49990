r"""Adaptive Runge-Kutta methods (the module path the spec shows; re-exports from :mod:`brainpy.integrators.ode._adaptive_rk`)."""

from brainpy.integrators.ode._adaptive_rk import (
    RKF12,
    RKF45,
    AdaptiveRKIntegrator,
    BogackiShampine,
    CashKarp,
    DormandPrince,
    HeunEuler,
)

__all__ = [
    "AdaptiveRKIntegrator",
    "RKF12",
    "RKF45",
    "DormandPrince",
    "CashKarp",
    "BogackiShampine",
    "HeunEuler",
]
