r"""Numerical integrators of ordinary differential equations (``bp.ode``).

The methods (``method=`` keyword -> class):

* explicit Runge-Kutta: ``euler`` (:class:`Euler`), ``midpoint``, ``heun2``, ``ralston2``,
  ``rk2``, ``rk3``, ``heun3``, ``ralston3``, ``ssprk3``, ``rk4``, ``ralston4``, ``rk4_38rule``;
* adaptive Runge-Kutta: ``rkf12``, ``rkf45``, ``rkdp``, ``ck``, ``bs``, ``heun_euler``;
* exponential Euler: ``exp_euler`` (also ``exp_auto``, ``exp_euler_auto``, ``exponential_euler``).

Every method is registered in ``brainpy.plugins.get_registry('ode_methods')``.
"""

from brainpy.integrators.ode._adaptive_rk import (
    RKF12,
    RKF45,
    AdaptiveRKIntegrator,
    BogackiShampine,
    CashKarp,
    DormandPrince,
    HeunEuler,
)
from brainpy.integrators.ode._base import ODEIntegrator
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
from brainpy.integrators.ode._exponential import ExponentialEuler
from brainpy.integrators.ode._generic import (
    get_default_odeint,
    get_supported_methods,
    odeint,
    register_ode_integrator,
    set_default_odeint,
)
from brainpy.integrators.ode._tableau import Tableau, TableauError

__all__ = [
    "ODEIntegrator",
    "Tableau",
    "TableauError",
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
    "AdaptiveRKIntegrator",
    "RKF12",
    "RKF45",
    "DormandPrince",
    "CashKarp",
    "BogackiShampine",
    "HeunEuler",
    "ExponentialEuler",
    "odeint",
    "set_default_odeint",
    "get_default_odeint",
    "register_ode_integrator",
    "get_supported_methods",
]
