r"""Generic SDE functions (the module path the spec shows; re-exports from :mod:`brainpy.integrators.sde._generic`)."""

from brainpy.integrators.sde._generic import (
    get_default_sdeint,
    get_supported_methods,
    register_sde_integrator,
    sdeint,
    set_default_sdeint,
)

__all__ = [
    "sdeint",
    "set_default_sdeint",
    "get_default_sdeint",
    "register_sde_integrator",
    "get_supported_methods",
]
