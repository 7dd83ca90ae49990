r"""Exponential Euler method for ODEs, linearising by automatic differentiation.

For each variable :math:`x` with derivative :math:`f(x, t, \dots)`, the linear part
:math:`A = \partial f / \partial x` is found by forward-mode automatic differentiation
at the current state, and the step is

.. math::

    x_{n+1} = x_n + \Delta t\, \varphi_1(A \Delta t)\, f(x_n, t_n), \qquad
    \varphi_1(z) = \frac{e^{z} - 1}{z},

which is exact for linear equations :math:`x' = A x + b` with constant :math:`A, b`
and first order in general. :math:`A` is taken element-wise (the derivative of each
element with respect to the same element), as for neuron and channel models; write
each variable's derivative separately (``bp.JointEq``) when a variable feeds another.

References
----------
.. [1] Hochbruck, M., Ostermann, A. (2010). Exponential integrators. Acta Numerica 19,
       209-286. https://doi.org/10.1017/S0962492910000048
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jax
import jax.numpy as jnp
from brainpy.integrators.ode._base import ODEIntegrator

__all__ = ["ExponentialEuler", "phi1", "linearise"]


def phi1(z: Any) -> Any:
    r""":math:`\varphi_1(z) = (e^z - 1)/z`, equal to 1 at :math:`z = 0` (stable near 0)."""
    small = jnp.abs(z) < 1e-6
    safe = jnp.where(small, 1.0, z)
    return jnp.where(small, 1.0 + z / 2, jnp.expm1(safe) / safe)


def linearise(
    fn: Callable[[Any, tuple[Any, ...]], tuple[Any, ...]], t: Any, ys: tuple[Any, ...]
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    r"""The derivatives ``fn(t, ys)`` and, per variable, the element-wise :math:`\partial f_i/\partial x_i`."""
    ys = tuple(jnp.asarray(y, jnp.result_type(y, float)) for y in ys)
    slopes = []
    derivs = None
    for i in range(len(ys)):
        tangent = tuple(jnp.ones_like(y) if j == i else jnp.zeros_like(y) for j, y in enumerate(ys))
        out, tan = jax.jvp(lambda *v: fn(t, v), ys, tangent)
        derivs = out if derivs is None else derivs
        slopes.append(tan[i])
    return derivs, tuple(slopes)


class ExponentialEuler(ODEIntegrator):
    r"""Exponential Euler method using automatic differentiation.

    Order 1, one derivative evaluation plus one forward-mode derivative per variable,
    fixed step. Registered as ``exp_euler``, ``exponential_euler``, ``exp_auto`` and
    ``exp_euler_auto``. Parameters are those of :class:`~brainpy.integrators.ode.ODEIntegrator`.

    Examples
    --------
    >>> import brainpy as bp
    >>> integral = bp.odeint(lambda v, t, tau: -v / tau, method='exp_auto')
    >>> float(integral(1., 0., 10., dt=0.1))  # exact: exp(-0.01)
    0.9900498...
    """

    _public_module = "brainpy.integrators.ode.exponential"
    order = 1

    def step(
        self, t: Any, ys: tuple[Any, ...], params: tuple[Any, ...], kw: Mapping[str, Any], dt: Any
    ) -> tuple[Any, ...]:
        derivs, slopes = linearise(self.derivative(params, kw), t, ys)
        return tuple(y + dt * phi1(a * dt) * d for y, d, a in zip(ys, derivs, slopes))

    def describe(self) -> str:
        args = ", ".join([*self.variables, "t", *self.parameters])
        lines = [f"def {self.func_name}({args}, dt={self.dt}):"]
        for v in self.variables:
            lines.append(f"  d{v}, linear_{v} = value_and_jvp(f, {v}: ones)  # element-wise d f_{v} / d {v}")
            lines.append(f"  {v}_new = {v} + dt * phi1(linear_{v} * dt) * d{v}  # phi1(z) = (exp(z) - 1) / z")
        lines.append(f"  return {', '.join(f'{v}_new' for v in self.variables)}")
        return "\n".join(lines)
