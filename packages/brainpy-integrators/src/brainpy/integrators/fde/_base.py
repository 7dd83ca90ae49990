r"""The base class of fractional-order integrators (Caputo and Grünwald-Letnikov).

A fractional differential equation :math:`D^\alpha_t y = f(y, t)`, :math:`0 < \alpha \le 1`,
has memory: each step needs the whole history (or, for the short-memory principle, a
window of it). The integrators keep that history in ``bm.Variable`` buffers, so they are
stateful: they must be told the initial values ``inits`` and how many steps to hold.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy.errors import IntegratorError, NoImplementationError
from brainpy.integrators._base import Integrator
from brainpy.integrators._utils import as_tuple, bind_call, is_jaxarray, unwrap, wrap_like
from brainpy.integrators.ode._base import code_name

__all__ = ["FDEIntegrator"]


class FDEIntegrator(Integrator):
    r"""Numerical integrator of fractional differential equations.

    Parameters
    ----------
    f : callable
        The right-hand side ``f(x, y, t, *params)``.
    alpha : float or sequence of float
        The fractional order(s) in (0, 1], one for all variables or one per variable.
    inits : sequence
        The initial value of every variable (in order); a scalar is held as shape ``(1,)``,
        as :class:`~brainpy.integrators.IntegratorRunner` does.
    dt : float, optional
        The step (``bm.get_dt()``); every call should use the same step.
    name : str, optional
        The object's name.
    state_delays : dict, optional
        ``{variable: bm.TimeDelay}`` updated after every step.
    """

    _public_module = "brainpy.integrators.fde.base"
    #: Global order measured at a fixed time t > 0 (subclasses declare it).
    order: float = 1.0

    def __init__(
        self,
        f: Callable[..., Any],
        alpha: Any,
        inits: Sequence[Any],
        dt: float | None = None,
        name: str | None = None,
        state_delays: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f, dt=dt, name=name, state_delays=state_delays)
        n = len(self.variables)
        owner = type(self).__name__
        if isinstance(inits, Mapping):
            inits = [inits[v] for v in self.variables]
        if is_jaxarray(inits) or isinstance(inits, (np.ndarray, jnp.ndarray)):
            inits = list(inits) if n > 1 else [inits]
        if not isinstance(inits, (list, tuple)) or len(inits) != n:
            raise IntegratorError(
                f"inits of {owner} must give one initial value per variable {self.variables}, but got {inits!r}."
            )
        dtype = jnp.result_type(float)
        self.inits = tuple(jnp.atleast_1d(jnp.asarray(unwrap(v), dtype)) for v in inits)  # scalars become (1,)
        alphas = list(alpha) if isinstance(alpha, (list, tuple, np.ndarray)) or is_jaxarray(alpha) else [alpha] * n
        if len(alphas) != n:
            raise IntegratorError(f"alpha of {owner} must be one number or one per variable ({n}), but got {alpha!r}.")
        alphas = [float(a) for a in alphas]
        if any(not 0 < a <= 1 for a in alphas):
            raise IntegratorError(f"The fractional order alpha of {owner} must be in (0, 1], but got {alpha!r}.")
        from brainpy.math import asarray  # noqa: PLC0415

        self.alpha = asarray(np.asarray(alphas))
        self._alphas = tuple(alphas)
        self.func_name = code_name("fde", f)

    def derivative(
        self, params: tuple[Any, ...], kw: Mapping[str, Any]
    ) -> Callable[[Any, tuple[Any, ...]], tuple[Any, ...]]:
        """``fn(t, ys)``: ``f`` with its parameters fixed."""
        n, f = len(self.variables), self.f
        return lambda t, ys: as_tuple(f(*ys, t, *params, **kw), n, f"The function f of {self.name}")

    def step(
        self, t: Any, ys: tuple[Any, ...], params: tuple[Any, ...], kw: Mapping[str, Any], dt: Any
    ) -> tuple[Any, ...]:
        """One step; updates the history Variables. Subclasses implement it."""
        raise NoImplementationError(f"{type(self).__name__} must implement step().")

    def reset(self) -> None:
        """Forget the history (start again from ``inits``)."""
        raise NoImplementationError(f"{type(self).__name__} must implement reset().")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        ys, t, params, kw, dt, _ = bind_call(self.signature, args, kwargs, self.dt, f"{self.name}(...)")
        as_ja = any(is_jaxarray(y) for y in ys)
        ys = tuple(jnp.broadcast_to(unwrap(y), jnp.shape(i)).astype(i.dtype) for y, i in zip(ys, self.inits))
        new = self.step(t, ys, params, kw, dt)
        for i, var in enumerate(self.variables):
            if var in self.state_delays:
                self.state_delays[var].update(t + dt, new[i])
        return wrap_like(new[0] if len(new) == 1 else tuple(new), as_ja)
