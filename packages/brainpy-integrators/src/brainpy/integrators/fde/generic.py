r"""Generic FDE functions (the module path the spec shows; re-exports from :mod:`brainpy.integrators.fde._generic`)."""

from brainpy.integrators.fde._generic import (
    fdeint,
    get_default_fdeint,
    get_supported_methods,
    register_fde_integrator,
    set_default_fdeint,
)

__all__ = [
    "fdeint",
    "set_default_fdeint",
    "get_default_fdeint",
    "register_fde_integrator",
    "get_supported_methods",
]
