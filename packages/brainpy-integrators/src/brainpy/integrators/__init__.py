r"""``brainpy.integrators``: numerical integrators for ODEs, SDEs, FDEs and delay equations.

Every method is data (a Butcher tableau or a small scheme function) run by generic
JAX steppers, and is registered through the plugin hooks ``brainpy_ode_methods``,
``brainpy_sde_methods``, ``brainpy_fde_methods`` and ``brainpy_dde_methods``, so a
third-party method is used exactly like a built-in one: ``bp.odeint(f, method='theirs')``.
"""

from brainpy.integrators import fde, ode, sde
from brainpy.integrators._base import Integrator, UnknownMethodError
from brainpy.integrators._constants import (
    ITO_SDE,
    POP_VAR,
    SCALAR_VAR,
    SCALAR_WIENER,
    STRA_SDE,
    SYSTEM_VAR,
    VECTOR_WIENER,
)
from brainpy.integrators._dde import ddeint, get_supported_dde_methods
from brainpy.integrators._joint_eq import JointEq
from brainpy.integrators._runner import IntegratorRunner, MonitorData
from brainpy.integrators.fde import fdeint, get_default_fdeint, register_fde_integrator, set_default_fdeint
from brainpy.integrators.ode import (
    get_default_odeint,
    odeint,
    register_ode_integrator,
    set_default_odeint,
)
from brainpy.integrators.sde import get_default_sdeint, register_sde_integrator, sdeint, set_default_sdeint

__all__ = [
    "ode",
    "sde",
    "fde",
    "JointEq",
    "ddeint",
    "get_supported_dde_methods",
    "IntegratorRunner",
    "MonitorData",
    "Integrator",
    "UnknownMethodError",
    "SCALAR_VAR",
    "POP_VAR",
    "SYSTEM_VAR",
    "ITO_SDE",
    "STRA_SDE",
    "SCALAR_WIENER",
    "VECTOR_WIENER",
    "odeint",
    "set_default_odeint",
    "get_default_odeint",
    "register_ode_integrator",
    "sdeint",
    "set_default_sdeint",
    "get_default_sdeint",
    "register_sde_integrator",
    "fdeint",
    "set_default_fdeint",
    "get_default_fdeint",
    "register_fde_integrator",
]
