"""Convergence orders of every registered ODE method, measured on y' = A y against expm."""

from __future__ import annotations

import brainpy as bp
import jax
import jax.numpy as jnp
import numpy as np
import pytest
import scipy.linalg
from brainpy.integrators.ode import AdaptiveRKIntegrator, ODEIntegrator
from brainpy.plugins import get_registry

A = np.array([[-0.5, 1.0], [-1.0, -0.5]])
Y0 = np.array([1.0, 0.5])
T = 1.0
#: step exponents k (dt = T / 2**k) in the asymptotic regime and above round-off, by declared order
K_RANGE = {1: range(11, 15), 2: range(7, 11), 3: range(5, 9), 4: range(4, 8), 5: range(3, 7)}


def _ode_methods() -> list[tuple[str, type]]:
    """One (name, class) per distinct registered ODE method (plugins included)."""
    seen: dict[type, str] = {}
    registry = get_registry("ode_methods")
    for name in registry.names():
        cls = registry.get(name)
        if isinstance(cls, type) and issubclass(cls, ODEIntegrator):
            seen.setdefault(cls, name)
    return sorted(((n, c) for c, n in seen.items()), key=lambda t: t[0])


METHODS = _ode_methods()


def test_all_nineteen_builtin_methods_are_registered() -> None:
    names = set(get_registry("ode_methods").names())
    builtin = {
        "euler",
        "midpoint",
        "heun2",
        "ralston2",
        "rk2",
        "rk3",
        "heun3",
        "ralston3",
        "ssprk3",
        "rk4",
        "ralston4",
        "rk4_38rule",
        "rkf45",
        "rkf12",
        "rkdp",
        "ck",
        "bs",
        "heun_euler",
        "exp_euler",
    }
    assert builtin <= names
    assert {"exp_auto", "exp_euler_auto", "exponential_euler"} <= names
    distinct = {get_registry("ode_methods").get(n) for n in builtin}
    assert len(distinct) == 19


def _final_error(integral: ODEIntegrator, n: int) -> float:
    dt = T / n

    @jax.jit
    def run(y0: jax.Array) -> jax.Array:
        def body(i: int, y: jax.Array) -> jax.Array:
            return integral(y, i * dt, dt=dt)

        return jax.lax.fori_loop(0, n, body, y0)

    exact = scipy.linalg.expm(A * T) @ Y0
    return float(np.max(np.abs(np.asarray(run(jnp.asarray(Y0))) - exact)))


@pytest.mark.parametrize(("name", "cls"), METHODS, ids=[m[0] for m in METHODS])
def test_global_order_matches_declared_order(name: str, cls: type, x64: None) -> None:
    order = cls.order
    integral = bp.odeint(lambda y, t: jnp.asarray(A) @ y, method=name)
    ks = K_RANGE[int(round(order))]
    errors = [_final_error(integral, 2**k) for k in ks]
    slope = -np.polyfit(np.array(list(ks)) * np.log(2.0), np.log(errors), 1)[0]
    assert abs(slope - order) <= 0.3, (name, slope, errors)


def test_exponential_euler_is_exact_for_linear_scalar_equations(x64: None) -> None:
    integral = bp.odeint(lambda v, t, tau, E: (E - v) / tau, method="exp_auto")
    v = 0.0
    for i in range(10):
        v = integral(v, i * 0.5, 10.0, 3.0, dt=0.5)
    assert abs(float(v) - 3.0 * (1 - np.exp(-5.0 / 10.0))) < 1e-12


def _exact_flow(h: jax.Array) -> jax.Array:
    """expm(A h) in closed form: A = -I/2 + [[0, 1], [-1, 0]]."""
    c, s = jnp.cos(h), jnp.sin(h)
    return jnp.exp(-0.5 * h) * jnp.array([[c, s], [-s, c]])


def test_closed_form_flow_matches_expm(x64: None) -> None:
    assert np.allclose(np.asarray(_exact_flow(jnp.asarray(0.7))), scipy.linalg.expm(A * 0.7), atol=1e-14)


ADAPTIVE = [(n, c) for n, c in METHODS if issubclass(c, AdaptiveRKIntegrator)]


@pytest.mark.parametrize(("name", "cls"), ADAPTIVE, ids=[m[0] for m in ADAPTIVE])
def test_adaptive_methods_meet_their_tolerance(name: str, cls: type, x64: None) -> None:
    tol = 1e-8
    a = jnp.asarray(A)
    integral = bp.odeint(lambda y, t: a @ y, method=name, adaptive=True, tol=tol)

    @jax.jit
    def trajectory(y0: jax.Array) -> tuple[jax.Array, jax.Array, jax.Array, jax.Array]:
        def cond(c: tuple) -> jax.Array:
            return c[1] < 1.0

        def body(c: tuple) -> tuple:
            y, t, dt, worst, smallest, n = c
            new, h, nxt = integral.adaptive_step(t, (y,), (), {}, dt)
            exact = _exact_flow(h) @ y
            return (
                new[0],
                t + h,
                nxt,
                jnp.maximum(worst, jnp.max(jnp.abs(new[0] - exact))),
                jnp.minimum(smallest, h),
                n + 1,
            )

        out = jax.lax.while_loop(cond, body, (y0, 0.0, 0.5, 0.0, 1.0, 0))
        return out[3], out[4], out[5], out[1]

    worst, smallest, steps, t_end = trajectory(jnp.asarray(Y0))
    assert float(worst) <= tol, (name, float(worst))
    assert float(smallest) < 0.5 and int(steps) > 2  # the step was controlled
    assert float(t_end) >= 1.0
    # the call form of the spec: (*variables, dt_next)
    out = integral(jnp.asarray(Y0), 0.0, dt=0.1)
    assert len(out) == 2 and float(out[1]) > 0


def test_adaptive_step_runs_inside_bm_jit_as_in_the_spec() -> None:
    import brainpy.math as bm

    @bm.jit
    @bp.odeint(method="rkf45", adaptive=True, tol=0.001)
    def lorenz(x, y, z, t, sigma, beta, rho):
        dx = sigma * (y - x)
        dy = x * (rho - z) - y
        dz = x * y - beta * z
        return dx, dy, dz

    x, y, z, dt = bm.array([1]), bm.array([1]), bm.array([1]), 0.05
    dts = []
    for t in bm.arange(0, 1, 0.01):
        x, y, z, dt = lorenz(x, y, z, t, sigma=10, beta=8 / 3, rho=28, dt=dt)
        dts.append(float(dt))
        assert x.value.shape == (1,)
    assert len(set(np.round(dts, 6))) > 5  # the step size adapts
    assert np.all(np.isfinite(dts))
