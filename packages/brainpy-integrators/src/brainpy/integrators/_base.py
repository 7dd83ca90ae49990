r"""The root of every integrator: a :class:`brainpy.Base` object holding a derivative
function, its default step, and the delay variables it keeps up to date."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any

from brainpy.base import Base
from brainpy.errors import IntegratorError, UnknownNameError
from brainpy.integrators._utils import FuncSignature, read_signature

__all__ = ["Integrator", "UnknownMethodError", "check_delays", "lookup_method"]


class UnknownMethodError(UnknownNameError, IntegratorError):
    r"""An integration method name is not registered (a ``ValueError`` and an ``AttributeError``)."""


def lookup_method(kind: str, method: str, what: str) -> Any:
    r"""The integrator class registered under ``method`` in the ``kind`` registry.

    Raises
    ------
    UnknownMethodError
        If no plugin registers ``method``; the message lists close matches and every available name.
    """
    from brainpy.plugins import get_registry  # noqa: PLC0415

    if not isinstance(method, str):
        raise IntegratorError(f"method must be a string naming {what}, but got {type(method).__name__}: {method!r}.")
    registry = get_registry(kind)
    if method in registry:
        return registry.get(method)
    close = difflib.get_close_matches(registry.key(method), list(registry), n=3)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownMethodError(
        f"method={method!r} is not a registered {what}.{hint} Available: {', '.join(registry.names())} "
        f"(see brainpy.plugins.info(); a plugin providing it may be misspelled or not installed)."
    )


def check_delays(delays: Mapping[str, Any] | None, variables: tuple[str, ...], arg: str, owner: str) -> dict[str, Any]:
    r"""Check a ``state_delays``/``neutral_delays`` mapping: variable name -> delay object with ``update``."""
    if delays is None:
        return {}
    if not isinstance(delays, Mapping):
        raise IntegratorError(
            f"{arg} of {owner} must be a dict {{variable name: bm.TimeDelay}}, but got {type(delays).__name__}."
        )
    out = {}
    for key, delay in delays.items():
        if key not in variables:
            raise IntegratorError(f"{arg} of {owner} names the variable {key!r}, but the variables are {variables}.")
        if not callable(getattr(delay, "update", None)):
            raise IntegratorError(
                f"{arg}[{key!r}] of {owner} must be a delay variable with an update(time, value) "
                f"method (bm.TimeDelay, bm.NeuTimeDelay), but got {type(delay).__name__}."
            )
        out[key] = delay
    return out


class Integrator(Base):
    r"""Base class of the numerical integrators (ODE, SDE and FDE).

    Parameters
    ----------
    f : callable
        The derivative function ``f(x, y, t, *params)``.
    dt : float, optional
        The default step; ``bm.get_dt()`` (0.1) when not given.
    name : str, optional
        The unique name of the object (automatic: class name plus a counter).
    state_delays : dict, optional
        ``{variable name: bm.TimeDelay}``: delay variables that receive the new
        value of their variable after every step.
    """

    def __init__(
        self,
        f: Callable[..., Any],
        dt: float | None = None,
        name: str | None = None,
        state_delays: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(name=name)
        if dt is None:
            from brainpy.math import get_dt  # noqa: PLC0415

            dt = get_dt()
        if isinstance(dt, bool) or not isinstance(dt, (int, float)) or dt <= 0:
            raise IntegratorError(f"dt of {type(self).__name__} must be a positive number, but got dt={dt!r}.")
        self.dt = float(dt)
        self.f = f
        self.signature: FuncSignature = read_signature(f)
        self.variables = self.signature.variables
        self.parameters = self.signature.parameters
        self.state_delays = check_delays(state_delays, self.variables, "state_delays", type(self).__name__)
        self._register_delays(self.state_delays, "state_delay")

    def _register_delays(self, delays: Mapping[str, Any], prefix: str) -> None:
        nodes = {f"{prefix}_{k}": d for k, d in delays.items() if isinstance(d, Base)}
        if nodes:
            self.register_implicit_nodes(nodes)

    @property
    def arguments(self) -> tuple[str, ...]:
        """All arguments of the integral: variables, ``t``, parameters and ``dt``."""
        return (*self.variables, "t", *self.parameters, "dt")

    def delay_variables(self) -> list[Any]:
        """The Variables of every delay this integrator updates (for loops that thread state)."""
        out: list[Any] = []
        for delay in self._delays():
            collected = delay.vars() if callable(getattr(delay, "vars", None)) else {}
            out.extend(collected.values())
        return out

    def _delays(self) -> list[Any]:
        return list(self.state_delays.values())

    def state_variables(self) -> list[Any]:
        """The Variables owned by the integrator itself (random keys, histories)."""
        return []

    #: The public module shown in ``repr`` (the spec's module path, e.g. ``brainpy.integrators.ode.explicit_rk``).
    _public_module: str = "brainpy.integrators"

    def __repr__(self) -> str:
        return f"<{self._public_module}.{type(self).__name__} at {hex(id(self))}>"
