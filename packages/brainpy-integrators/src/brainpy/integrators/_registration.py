r"""Defaults and user registration of integration methods (shared by ODE, SDE and FDE).

Methods live in the plugin registries (``brainpy.plugins.get_registry('ode_methods')``
and friends). :func:`register_method` adds one through the same hook a plugin uses.
The default method of each kind is kept in :data:`DEFAULTS`, changed only through
the ``set_default_*`` functions.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
from typing import Any

from brainpy.errors import IntegratorError
from brainpy.integrators._base import lookup_method

__all__ = ["DEFAULTS", "Defaults", "register_method", "set_default", "supported_methods", "check_options"]

_HOOKS = {
    "ode_methods": "brainpy_ode_methods",
    "sde_methods": "brainpy_sde_methods",
    "fde_methods": "brainpy_fde_methods",
    "dde_methods": "brainpy_dde_methods",
}


@dataclasses.dataclass
class Defaults:
    r"""The default method of ``bp.odeint``, ``bp.sdeint`` and ``bp.fdeint``."""

    ode: str = "euler"
    sde: str = "euler"
    fde: str = "caputol1"


#: The one object holding the default methods.
DEFAULTS = Defaults()


def set_default(kind: str, attr: str, method: str, what: str) -> None:
    """Check that ``method`` is registered for ``kind`` and make it the default."""
    lookup_method(kind, method, what)
    setattr(DEFAULTS, attr, method)


def supported_methods(kind: str) -> list[str]:
    """The registered method names of ``kind``, sorted."""
    from brainpy.plugins import get_registry  # noqa: PLC0415

    return get_registry(kind).names()


def register_method(kind: str, name: str, integrator: Any, base: type, what: str) -> None:
    r"""Register ``integrator`` under ``name`` through the plugin hook of ``kind``.

    Raises
    ------
    brainpy.errors.IntegratorError
        If ``name`` is taken or ``integrator`` is not a subclass of ``base``.
    """
    from brainpy import plugins  # noqa: PLC0415

    if not isinstance(name, str) or not name:
        raise IntegratorError(f"The name of a {what} must be a non-empty string, but got {name!r}.")
    if not (isinstance(integrator, type) and issubclass(integrator, base)):
        raise IntegratorError(
            f"The {what} {name!r} must be a subclass of {base.__module__}.{base.__name__}, but got {integrator!r}."
        )
    registry = plugins.get_registry(kind)
    if name in registry:
        raise IntegratorError(
            f"The {what} name {name!r} is already registered (by {registry.origin(name)}); choose another name."
        )
    hook = _HOOKS[kind]
    module = types.ModuleType(f"brainpy_user_{kind}_{name}")

    def declare() -> dict[str, Any]:
        return {name: integrator}

    declare.__name__ = hook
    setattr(module, hook, plugins.hookimpl(declare))
    plugins.register(module, name=f"user:{name}", distribution="user code", version="-")


def check_options(cls: type, options: dict[str, Any], owner: str) -> None:
    """Raise a clear error if ``options`` holds a keyword ``cls`` does not accept."""
    accepted = set(inspect.signature(cls).parameters)
    unknown = sorted(set(options) - accepted)
    if unknown and not any(p.kind == p.VAR_KEYWORD for p in inspect.signature(cls).parameters.values()):
        raise IntegratorError(
            f"{owner}: the method {cls.__name__} does not accept the option(s) {unknown}; "
            f"it accepts {sorted(accepted - {'f', 'g'})}."
        )
