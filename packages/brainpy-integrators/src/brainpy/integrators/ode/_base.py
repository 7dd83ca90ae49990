r"""The base class of ODE integrators: argument binding, delays and ``show_code``."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

from brainpy.errors import IntegratorError, NoImplementationError
from brainpy.integrators._base import Integrator, check_delays
from brainpy.integrators._constants import POP_VAR, SUPPORTED_VAR_TYPE
from brainpy.integrators._utils import as_tuple, bind_call, is_jaxarray, unwrap, wrap_like

__all__ = ["ODEIntegrator", "code_name"]

#: Numbers the integrators' descriptive function names (``brainpy_itg_of_ode1_diff``) across the session.
_COUNTER = itertools.count(1)


def code_name(kind: str, f: Callable[..., Any]) -> str:
    """The name of an integrator's step function as ``show_code`` prints it."""
    fname = getattr(f, "__name__", None) or ("joint_eq" if type(f).__name__ == "JointEq" else "")
    suffix = f"_{fname}" if fname.isidentifier() else ""
    return f"brainpy_itg_of_{kind}{next(_COUNTER)}{suffix}"


class ODEIntegrator(Integrator):
    r"""Numerical integrator of ordinary differential equations.

    An integral built from ``f(x, y, t, p1, p2)`` is called as
    ``x_new, y_new = integral(x, y, t, p1, p2, dt=dt)``: the variables before
    ``t``, the parameters after it, and optionally the step ``dt`` (keyword or
    last positional argument; the integrator's ``dt`` by default).

    Parameters
    ----------
    f : callable
        The derivative function, returning one derivative per variable.
    var_type : str, optional
        ``bp.integrators.SCALAR_VAR``, ``POP_VAR`` (default) or ``SYSTEM_VAR``.
        Every kind is handled by the same array code; the value is checked and kept.
    dt : float, optional
        The default step (``bm.get_dt()``).
    name : str, optional
        The object's name.
    show_code : bool
        Print a readable description of the step (generated from the method's data).
    state_delays : dict, optional
        ``{variable: bm.TimeDelay}``: after each step the new value is pushed into the delay.
    neutral_delays : dict, optional
        ``{variable: bm.NeuTimeDelay}``: after each step the derivative of the variable at the
        new point :math:`(t + \Delta t, y_{n+1})` is pushed.
    """

    _public_module = "brainpy.integrators.ode.base"

    def __init__(
        self,
        f: Callable[..., Any],
        var_type: str | None = None,
        dt: float | None = None,
        name: str | None = None,
        show_code: bool = False,
        state_delays: Mapping[str, Any] | None = None,
        neutral_delays: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f, dt=dt, name=name, state_delays=state_delays)
        var_type = POP_VAR if var_type is None else var_type
        if var_type not in SUPPORTED_VAR_TYPE:
            raise IntegratorError(
                f"var_type={var_type!r} is not supported; expected one of {SUPPORTED_VAR_TYPE} "
                f"(bp.integrators.SCALAR_VAR, POP_VAR or SYSTEM_VAR)."
            )
        self.var_type = var_type
        self.neutral_delays = check_delays(neutral_delays, self.variables, "neutral_delays", type(self).__name__)
        self._register_delays(self.neutral_delays, "neutral_delay")
        self.show_code = bool(show_code)
        self.func_name = code_name("ode", f)
        if self.show_code:
            print(self.describe())
            print({"f": self.f})

    # ---- the scheme -------------------------------------------------------------------
    def derivative(
        self, params: tuple[Any, ...], kw: Mapping[str, Any]
    ) -> Callable[[Any, tuple[Any, ...]], tuple[Any, ...]]:
        r"""``fn(t, ys) -> tuple of derivatives``: ``f`` with its parameters fixed."""
        n, owner, f = len(self.variables), f"The derivative function of {self.name}", self.f

        def fn(t: Any, ys: tuple[Any, ...]) -> tuple[Any, ...]:
            return as_tuple(f(*ys, t, *params, **kw), n, owner)

        return fn

    def step(
        self, t: Any, ys: tuple[Any, ...], params: tuple[Any, ...], kw: Mapping[str, Any], dt: Any
    ) -> tuple[Any, ...]:
        r"""One pure step: the new variables (JAX arrays) from the current ones. Subclasses implement it."""
        raise NoImplementationError(f"{type(self).__name__} must implement step().")

    def describe(self) -> str:
        r"""A readable description of one step, generated from the method's data."""
        args = ", ".join(self.arguments[:-1])
        return f"def {self.func_name}({args}, dt={self.dt}):\n  # {type(self).__name__}: see its docstring"

    # ---- calling ------------------------------------------------------------------------
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        ys, t, params, kw, dt, _ = bind_call(self.signature, args, kwargs, self.dt, f"{self.name}(...)")
        as_ja = any(is_jaxarray(y) for y in ys)
        ys = tuple(unwrap(y) for y in ys)
        new = self.step(t, ys, params, kw, dt)
        self.push_delays(t, dt, ys, new, params, kw)
        return wrap_like(new[0] if len(new) == 1 else tuple(new), as_ja)

    def push_delays(
        self, t: Any, dt: Any, ys: tuple[Any, ...], new: tuple[Any, ...], params: tuple[Any, ...], kw: Mapping[str, Any]
    ) -> None:
        r"""Push the new values into ``state_delays`` and the derivatives into ``neutral_delays``."""
        for i, var in enumerate(self.variables):
            if var in self.state_delays:
                self.state_delays[var].update(t + dt, new[i])
        if self.neutral_delays:
            # the derivative at the new point, once the state delays hold t + dt
            derivs = self.derivative(params, kw)(t + dt, tuple(new))
            for i, var in enumerate(self.variables):
                if var in self.neutral_delays:
                    self.neutral_delays[var].update(t + dt, derivs[i])

    def _delays(self) -> list[Any]:
        return [*self.state_delays.values(), *self.neutral_delays.values()]
