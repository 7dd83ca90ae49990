r"""Methods for Caputo fractional differential equations.

For :math:`{}^C D^\alpha_t y = f(y, t)`, :math:`y(0) = y_0`, :math:`0 < \alpha \le 1`, the
equivalent Volterra equation is
:math:`y(t) = y_0 + \frac{1}{\Gamma(\alpha)} \int_0^t (t - s)^{\alpha - 1} f(y(s), s)\,ds`.

References
----------
.. [1] Li, C., Zeng, F. (2015). Numerical Methods for Fractional Calculus. CRC Press.
       https://doi.org/10.1201/b18503
.. [2] Diethelm, K. (2010). The Analysis of Fractional Differential Equations. Springer.
       https://doi.org/10.1007/978-3-642-14574-2
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy.errors import IntegratorError
from brainpy.integrators.fde._base import FDEIntegrator

__all__ = ["CaputoEuler", "CaputoL1Schema"]


def _check_steps(num_step: Any, owner: str) -> int:
    if isinstance(num_step, bool) or not isinstance(num_step, (int, np.integer)) or num_step < 1:
        raise IntegratorError(
            f"num_step of {owner} must be a positive integer (the number of steps to hold in "
            f"memory, e.g. int(duration / dt)), but got {num_step!r}."
        )
    return int(num_step)


class _HistoryFDE(FDEIntegrator):
    """Shared machinery: a full history buffer per variable and a step counter."""

    def __init__(
        self,
        f: Callable[..., Any],
        alpha: Any,
        num_step: int,
        inits: Sequence[Any],
        dt: float | None = None,
        name: str | None = None,
        state_delays: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f, alpha=alpha, inits=inits, dt=dt, name=name, state_delays=state_delays)
        self.num_step = _check_steps(num_step, type(self).__name__)
        from brainpy.math import Variable  # noqa: PLC0415

        self.idx = Variable(jnp.zeros((), jnp.int32))
        self.history = [Variable(jnp.zeros((self.num_step, *jnp.shape(i)), i.dtype)) for i in self.inits]
        self.register_implicit_vars({f"history_{v}": h for v, h in zip(self.variables, self.history)})
        ks = np.arange(self.num_step, dtype=float)
        self.weights = tuple(jnp.asarray(self._weights(ks, a)) for a in self._alphas)

    def reset(self) -> None:
        self.idx.value = jnp.zeros((), jnp.int32)
        for h in self.history:
            h.value = jnp.zeros_like(h.value)

    def state_variables(self) -> list[Any]:
        return [self.idx, *self.history]

    def _weighted(self, k: int, n: Any, upto: Any) -> Any:
        """:math:`\\sum_{j < upto} w_{n - j} H_j` for variable ``k`` (entries beyond ``upto`` masked)."""
        j = jnp.arange(self.num_step)
        w = jnp.where(j < upto, self.weights[k][jnp.clip(n - j, 0, self.num_step - 1)], 0.0)
        return jnp.tensordot(w.astype(self.history[k].dtype), self.history[k].value, axes=1)


class CaputoEuler(_HistoryFDE):
    r"""One-step Euler method for Caputo fractional differential equations.

    The explicit fractional rectangle rule (Li & Zeng 2015, eq. 3.4):

    .. math::

        y_{n+1} = y_0 + \frac{\Delta t^\alpha}{\Gamma(\alpha + 1)}
                  \sum_{j=0}^{n} \big[(n + 1 - j)^\alpha - (n - j)^\alpha\big] f(y_j, t_j).

    First order at a fixed time :math:`t > 0` (measured on :math:`D^\alpha y = -y` against the
    Mittag-Leffler solution); memory and cost per step grow with ``num_step``.

    Parameters
    ----------
    f : callable
        The right-hand side.
    alpha : float or sequence
        The fractional order(s) in (0, 1].
    num_step : int
        The number of steps to hold (the whole run, e.g. ``int(duration / dt)``).
    inits : sequence
        The initial values.
    dt, name, state_delays
        As :class:`FDEIntegrator`.
    """

    _public_module = "brainpy.integrators.fde.Caputo"
    order = 1.0

    @staticmethod
    def _weights(k: np.ndarray, alpha: float) -> np.ndarray:
        return (k + 1) ** alpha - k**alpha

    def step(
        self, t: Any, ys: tuple[Any, ...], params: tuple[Any, ...], kw: Mapping[str, Any], dt: Any
    ) -> tuple[Any, ...]:
        n = self.idx.value
        derivs = self.derivative(params, kw)(t, ys)
        out = []
        for k, (d, y0, a) in enumerate(zip(derivs, self.inits, self._alphas)):
            self.history[k].value = self.history[k].value.at[n].set(jnp.broadcast_to(d, y0.shape).astype(y0.dtype))
            out.append(y0 + dt**a / math.gamma(a + 1) * self._weighted(k, n, n + 1))
        self.idx.value = n + 1
        return tuple(out)


class CaputoL1Schema(_HistoryFDE):
    r"""The L1 scheme method for the numerical approximation of the Caputo fractional-order derivative.

    The Caputo derivative is discretised by the L1 formula
    :math:`D^\alpha y(t_{n+1}) \approx \frac{\Delta t^{-\alpha}}{\Gamma(2 - \alpha)}
    \sum_{j=0}^{n} b_j (y_{n+1-j} - y_{n-j})`, :math:`b_j = (j + 1)^{1-\alpha} - j^{1-\alpha}`,
    and solved explicitly:

    .. math::

        y_{n+1} = y_n - \sum_{j=1}^{n} b_j (y_{n+1-j} - y_{n-j}) + \Gamma(2 - \alpha)\,\Delta t^\alpha f(y_n, t_n).

    First order at a fixed time :math:`t > 0` (the L1 formula itself is of order :math:`2 - \alpha`;
    the explicit treatment of :math:`f` limits the scheme to first order).

    Parameters are those of :class:`CaputoEuler`.

    References
    ----------
    .. [1] Oldham, K. B., Spanier, J. (1974). The Fractional Calculus. Academic Press.
    .. [2] Lin, Y., Xu, C. (2007). Finite difference/spectral approximations for the
           time-fractional diffusion equation. J. Comput. Phys. 225(2), 1533-1552.
    """

    _public_module = "brainpy.integrators.fde.Caputo"
    order = 1.0

    @staticmethod
    def _weights(k: np.ndarray, alpha: float) -> np.ndarray:
        return (k + 1) ** (1 - alpha) - k ** (1 - alpha)

    def step(
        self, t: Any, ys: tuple[Any, ...], params: tuple[Any, ...], kw: Mapping[str, Any], dt: Any
    ) -> tuple[Any, ...]:
        n = self.idx.value
        derivs = self.derivative(params, kw)(t, ys)
        out = []
        for k, (y, d, a) in enumerate(zip(ys, derivs, self._alphas)):
            # history[j] holds y_{j+1} - y_j; the memory term pairs it with b_{n-j}, j = 0 .. n-1
            memory = self._weighted(k, n, n)
            new = y - memory + math.gamma(2 - a) * dt**a * d
            self.history[k].value = self.history[k].value.at[n].set(new - y)
            out.append(new)
        self.idx.value = n + 1
        return tuple(out)
