r"""Generic ODE functions (the module path the spec shows; re-exports from :mod:`brainpy.integrators.ode._generic`)."""

from brainpy.integrators.ode._generic import (
    get_default_odeint,
    get_supported_methods,
    odeint,
    register_ode_integrator,
    set_default_odeint,
)

__all__ = [
    "odeint",
    "set_default_odeint",
    "get_default_odeint",
    "register_ode_integrator",
    "get_supported_methods",
]
