r"""Grünwald-Letnikov method with the short-memory principle.

The Grünwald-Letnikov derivative
:math:`D^\alpha y(t) = \lim_{h\to0} h^{-\alpha}\sum_{j\ge0} c^{(\alpha)}_j y(t - jh)`,
:math:`c^{(\alpha)}_0 = 1`, :math:`c^{(\alpha)}_j = (1 - \frac{1+\alpha}{j})\,c^{(\alpha)}_{j-1}`,
gives the explicit scheme (for the Caputo problem, applied to :math:`y - y_0`)

.. math::

    y_{n+1} = y_0 + \Delta t^\alpha f(y_n, t_n) - \sum_{j=1}^{\nu} c^{(\alpha)}_j (y_{n+1-j} - y_0),

where the short-memory principle keeps only the last :math:`\nu` = ``num_memory`` values;
the coefficients decay like :math:`j^{-1-\alpha}`, so the error of the truncation
decreases as the window grows. With a window as long as the run it is exact GL.

References
----------
.. [1] Podlubny, I. (1999). Fractional Differential Equations, section 7.3 (short-memory
       principle). Academic Press.
.. [2] Petráš, I. (2011). Fractional-Order Nonlinear Systems. Springer.
       https://doi.org/10.1007/978-3-642-18101-6
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy.errors import IntegratorError
from brainpy.integrators.fde._base import FDEIntegrator

__all__ = ["GLShortMemory", "gl_coefficients"]


def gl_coefficients(alpha: float, n: int) -> np.ndarray:
    r"""The Grünwald-Letnikov coefficients :math:`c^{(\alpha)}_1, \dots, c^{(\alpha)}_n`."""
    c = np.empty(n + 1)
    c[0] = 1.0
    for j in range(1, n + 1):
        c[j] = (1 - (1 + alpha) / j) * c[j - 1]
    return c[1:]


class GLShortMemory(FDEIntegrator):
    r"""Efficient computation of the short-memory principle in the Grünwald-Letnikov method.

    Explicit, first order, cost and memory proportional to ``num_memory`` per step
    (independent of the run length).

    Parameters
    ----------
    f : callable
        The right-hand side ``f(x, y, t, *params)``.
    alpha : float or sequence
        The fractional order(s) in (0, 1], one per variable allowed.
    inits : sequence
        The initial values.
    num_memory : int, optional
        The length :math:`\nu` of the memory window.
    num_step : int, optional
        Accepted as the window length when ``num_memory`` is not given (as the spec's
        examples write it).
    dt, name, state_delays
        As :class:`FDEIntegrator`.

    Attributes
    ----------
    binomial_coef : ndarray
        The coefficients :math:`c^{(\alpha)}_1 \dots c^{(\alpha)}_\nu`, shape ``(num_memory, n_vars)``.
    """

    _public_module = "brainpy.integrators.fde.GL"
    order = 1.0

    def __init__(
        self,
        f: Callable[..., Any],
        alpha: Any,
        inits: Sequence[Any],
        num_memory: int | None = None,
        num_step: int | None = None,
        dt: float | None = None,
        name: str | None = None,
        state_delays: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f, alpha=alpha, inits=inits, dt=dt, name=name, state_delays=state_delays)
        memory = num_memory if num_memory is not None else num_step
        if isinstance(memory, bool) or not isinstance(memory, (int, np.integer)) or memory < 1:
            raise IntegratorError(
                f"GLShortMemory needs the memory length num_memory (a positive integer), "
                f"but got num_memory={num_memory!r}, num_step={num_step!r}."
            )
        self.num_memory = int(memory)
        self.binomial_coef = np.stack([gl_coefficients(a, self.num_memory) for a in self._alphas], axis=1)
        from brainpy.math import Variable  # noqa: PLC0415

        self.idx = Variable(jnp.zeros((), jnp.int32))
        self.memory = [Variable(jnp.zeros((self.num_memory, *jnp.shape(i)), i.dtype)) for i in self.inits]
        self.register_implicit_vars({f"memory_{v}": m for v, m in zip(self.variables, self.memory)})

    def reset(self) -> None:
        self.idx.value = jnp.zeros((), jnp.int32)
        for m in self.memory:
            m.value = jnp.zeros_like(m.value)

    def state_variables(self) -> list[Any]:
        return [self.idx, *self.memory]

    def step(
        self, t: Any, ys: tuple[Any, ...], params: tuple[Any, ...], kw: Mapping[str, Any], dt: Any
    ) -> tuple[Any, ...]:
        n = self.idx.value
        M = self.num_memory
        derivs = self.derivative(params, kw)(t, ys)
        slots = jnp.arange(M)
        lag = jnp.mod(n - slots, M) + 1  # slot s holds y_k - y0 with k = n + 1 - lag
        out = []
        for k, (y, d, y0, a) in enumerate(zip(ys, derivs, self.inits, self._alphas)):
            buf = self.memory[k].value.at[jnp.mod(n, M)].set(y - y0)
            coef = jnp.asarray(self.binomial_coef[:, k], buf.dtype)
            w = jnp.where(lag <= n + 1, coef[lag - 1], 0.0)
            out.append(y0 + dt**a * d - jnp.tensordot(w, buf, axes=1))
            self.memory[k].value = buf
        self.idx.value = n + 1
        return tuple(out)
