r"""Samplers for the NumPy distributions that ``jax.random`` lacks.

Each function takes a PRNG key, the distribution parameters (JAX arrays,
already broadcastable) and the output ``shape``, and returns JAX arrays.
Rejection samplers loop with ``jax.lax.while_loop`` until every element is
accepted, so they work under ``jit``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import jax
import jax.numpy as jnp
import jax.random as jr

__all__: list[str] = []

_jit_shape = functools.partial(jax.jit, static_argnames="shape")


def _rejection(key: jax.Array, shape: tuple, propose: Callable, dtype) -> jax.Array:
    """Draw until every element of ``shape`` is accepted.

    ``propose(key, shape) -> (candidates, accepted)``.
    """

    def cond(state):
        return ~jnp.all(state[2])

    def body(state):
        key, out, done = state
        key, sub = jr.split(key)
        candidate, ok = propose(sub, shape)
        take = ok & ~done
        return key, jnp.where(take, candidate.astype(dtype), out), done | take

    init = (key, jnp.zeros(shape, dtype), jnp.zeros(shape, bool))
    return jax.lax.while_loop(cond, body, init)[1]


@_jit_shape
def pareto(key, a, shape):
    r"""NumPy's Pareto II (Lomax): :math:`X = U^{-1/a} - 1`."""
    return jr.pareto(key, a, shape) - 1.0


@_jit_shape
def power(key, a, shape):
    r"""Power distribution on [0, 1] with density :math:`a x^{a-1}`: :math:`X = U^{1/a}`."""
    return jr.uniform(key, shape) ** (1.0 / a)


@_jit_shape
def weibull(key, a, shape):
    r"""Standard Weibull: :math:`X = (-\ln(1-U))^{1/a}`."""
    return (-jnp.log1p(-jr.uniform(key, shape))) ** (1.0 / a)


@_jit_shape
def negative_binomial(key, n, p, shape):
    r"""Number of failures before ``n`` successes: the Gamma-Poisson mixture
    :math:`Y \sim \Gamma(n, (1-p)/p)`, :math:`X \sim \mathrm{Poisson}(Y)`."""
    k1, k2 = jr.split(key)
    lam = jr.gamma(k1, n, shape) * (1.0 - p) / p
    return jr.poisson(k2, lam, shape)


@_jit_shape
def noncentral_chisquare(key, df, nonc, shape):
    r"""Poisson mixture: :math:`i \sim \mathrm{Poisson}(\lambda/2)`, :math:`X \sim \chi^2_{df + 2i}`."""
    k1, k2 = jr.split(key)
    i = jr.poisson(k1, nonc / 2.0, shape)
    return jr.chisquare(k2, df + 2.0 * i, shape)


@_jit_shape
def noncentral_f(key, dfnum, dfden, nonc, shape):
    r""":math:`X = (\chi'^2_{dfnum}(\lambda)/dfnum) / (\chi^2_{dfden}/dfden)`."""
    k1, k2 = jr.split(key)
    num = noncentral_chisquare(k1, dfnum, nonc, shape) / dfnum
    return num / (jr.chisquare(k2, dfden, shape) / dfden)


@_jit_shape
def logseries(key, p, shape):
    r"""Logarithmic series distribution, Kemp's (1981) algorithm LK."""
    k1, k2 = jr.split(key)
    v = jr.uniform(k1, shape)
    u = jr.uniform(k2, shape)
    r = jnp.log1p(-p)
    q = -jnp.expm1(r * u)
    many = jnp.floor(1.0 + jnp.log(v) / jnp.log(q))
    small = jnp.where(v >= q, 1.0, 2.0)
    out = jnp.where(v <= q * q, jnp.maximum(many, 1.0), small)
    return jnp.where(v >= p, 1.0, out).astype(jnp.int32)


@_jit_shape
def zipf(key, a, shape):
    r"""Zipf distribution (:math:`a > 1`), rejection algorithm of Devroye (1986), p. 551."""
    am1 = a - 1.0
    b = 2.0**am1
    big = jnp.asarray(jnp.iinfo(jnp.int32).max, jnp.float32)

    def propose(k, shp):
        k1, k2 = jr.split(k)
        u = 1.0 - jr.uniform(k1, shp)
        v = jr.uniform(k2, shp)
        x = jnp.floor(u ** (-1.0 / am1))
        t = (1.0 + 1.0 / x) ** am1
        ok = (x >= 1.0) & (x <= big) & (v * x * (t - 1.0) / (b - 1.0) <= t / b)
        return x, ok

    return _rejection(key, shape, propose, jnp.int32)


@_jit_shape
def vonmises(key, mu, kappa, shape):
    r"""Von Mises distribution on :math:`[-\pi, \pi)`, Best and Fisher (1979)."""
    kappa = jnp.broadcast_to(jnp.asarray(kappa, float), shape)
    mu = jnp.broadcast_to(jnp.asarray(mu, float), shape)
    tiny = kappa < 1e-8
    safe = jnp.where(tiny, 1.0, kappa)
    tau = 1.0 + jnp.sqrt(1.0 + 4.0 * safe * safe)
    rho = (tau - jnp.sqrt(2.0 * tau)) / (2.0 * safe)
    r = (1.0 + rho * rho) / (2.0 * rho)

    def propose(k, shp):
        k1, k2, k3 = jr.split(k, 3)
        z = jnp.cos(jnp.pi * jr.uniform(k1, shp))
        f = (1.0 + r * z) / (r + z)
        c = safe * (r - f)
        u2 = jr.uniform(k2, shp, minval=1e-12)
        ok = (c * (2.0 - c) - u2 > 0) | (jnp.log(c / u2) + 1.0 - c >= 0)
        sign = jnp.where(jr.uniform(k3, shp) < 0.5, -1.0, 1.0)
        return sign * jnp.arccos(jnp.clip(f, -1.0, 1.0)), ok

    kr, ku = jr.split(key)
    theta = _rejection(kr, shape, propose, mu.dtype)
    theta = jnp.where(tiny, jr.uniform(ku, shape, minval=-jnp.pi, maxval=jnp.pi), theta)
    return jnp.mod(theta + mu + jnp.pi, 2.0 * jnp.pi) - jnp.pi


def hypergeometric(key, ngood, nbad, nsample, shape):
    r"""Number of good items in ``nsample`` draws without replacement from ``ngood + nbad`` items.

    Draws a uniform rank for every item of the urn and counts the good items among
    the ``nsample`` smallest ranks. ``ngood + nbad`` must be concrete (it sets the
    urn size).
    """
    ngood = jnp.broadcast_to(jnp.asarray(ngood), shape)
    nbad = jnp.broadcast_to(jnp.asarray(nbad), shape)
    nsample = jnp.broadcast_to(jnp.asarray(nsample), shape)
    total = int(jnp.max(ngood + nbad)) if ngood.size else 0
    items = jnp.arange(total)
    u = jr.uniform(key, (*shape, total))
    u = jnp.where(items < (ngood + nbad)[..., None], u, jnp.inf)
    ranks = jnp.argsort(jnp.argsort(u, axis=-1), axis=-1)
    chosen = ranks < nsample[..., None]
    good = items < ngood[..., None]
    return jnp.sum(chosen & good, axis=-1).astype(jnp.int32)
