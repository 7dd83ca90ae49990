r"""Explicit Runge-Kutta methods (the module path the spec shows; re-exports from :mod:`brainpy.integrators.ode._explicit_rk`)."""

from brainpy.integrators.ode._explicit_rk import (
    RK2,
    RK3,
    RK4,
    SSPRK3,
    Euler,
    ExplicitRKIntegrator,
    Heun2,
    Heun3,
    MidPoint,
    Ralston2,
    Ralston3,
    Ralston4,
    RK4Rule38,
)

__all__ = [
    "ExplicitRKIntegrator",
    "Euler",
    "MidPoint",
    "Heun2",
    "Ralston2",
    "RK2",
    "RK3",
    "Heun3",
    "Ralston3",
    "SSPRK3",
    "RK4",
    "Ralston4",
    "RK4Rule38",
]
