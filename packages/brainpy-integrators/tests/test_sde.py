"""SDE methods: strong orders on geometric Brownian motion (every registered method), weak order,
Wiener types and the spec's cells (L4149-4303)."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import IntegratorError
from brainpy.integrators import ITO_SDE, SCALAR_WIENER, STRA_SDE, VECTOR_WIENER
from brainpy.integrators.sde import SDEIntegrator
from brainpy.plugins import get_registry

MU, SIGMA, X0, T = 1.5, 0.5, 1.0, 1.0


def _sde_methods() -> list[tuple[str, type, str]]:
    seen: dict[type, str] = {}
    registry = get_registry("sde_methods")
    for name in registry.names():
        cls = registry.get(name)
        if isinstance(cls, type) and issubclass(cls, SDEIntegrator):
            seen.setdefault(cls, name)
    return sorted((n, c, it) for c, n in seen.items() for it in c.intg_types)


CASES = _sde_methods()


def test_the_seven_methods_are_registered_under_both_spellings() -> None:
    registry = get_registry("sde_methods")
    for name in (
        "srk1w1_scalar",
        "srk2w1_scalar",
        "KlPl_scalar",
        "srk1w1",
        "srk2w1",
        "klpl",
        "euler",
        "heun",
        "milstein",
        "exp_euler",
        "exp_auto",
    ):
        assert name in registry
    assert len({registry.get(n) for n in registry.names()}) >= 7


def _strong_errors(itg: SDEIntegrator, intg_type: str, ks: range, npaths: int = 300) -> list[float]:
    """Mean |X_T - exact| on nested grids driven by one fine Brownian path (and I_(1,0)) per sample."""
    f, g = itg.drift((), {}), itg.diffusion((), {})
    fine = 2 ** (max(ks) + 2)
    h = T / fine
    rng = np.random.default_rng(1)
    dW = rng.normal(0.0, np.sqrt(h), (npaths, fine))
    dZ = 0.5 * h * (dW + rng.normal(0.0, np.sqrt(h), (npaths, fine)) / np.sqrt(3.0))
    shift = 0.5 * SIGMA**2 if intg_type == ITO_SDE else 0.0
    exact = X0 * np.exp((MU - shift) * T + SIGMA * dW.sum(axis=1))
    errors = []
    for k in ks:
        n, m = 2**k, fine // 2**k
        H = T / n
        w = dW.reshape(npaths, n, m)
        before = np.cumsum(w, axis=2) - w  # W(s_j) - W(t_i) at the start of each fine step
        z = (before * h + dZ.reshape(npaths, n, m)).sum(axis=2)
        w = w.sum(axis=2)

        def body(x: jax.Array, inp: tuple) -> tuple:
            i, wi, zi = inp
            return itg.scheme(f, g, i * H, (x,), H, {"dW": (wi,), "dZ": (zi,)})[0], None

        xT, _ = jax.lax.scan(body, jnp.full(npaths, X0), (jnp.arange(n), jnp.asarray(w.T), jnp.asarray(z.T)))
        errors.append(float(np.mean(np.abs(np.asarray(xT) - exact))))
    return errors


@pytest.mark.parametrize(("name", "cls", "intg_type"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_strong_order_on_geometric_brownian_motion(name: str, cls: type, intg_type: str, x64: None) -> None:
    itg = bp.sdeint(lambda x, t: MU * x, lambda x, t: SIGMA * x, method=name, intg_type=intg_type, seed=0)
    order = cls.strong_order_for(intg_type, SCALAR_WIENER)
    ks = range(4, 9)
    errors = _strong_errors(itg, intg_type, ks)
    slope = -np.polyfit(np.array(list(ks)) * np.log(2.0), np.log(errors), 1)[0]
    assert abs(slope - order) <= 0.3, (name, intg_type, slope, errors)


@pytest.mark.parametrize("method", ["euler", "milstein"])
def test_weak_order_one_from_the_mean(method: str, x64: None) -> None:
    """E[X_T] of GBM is x0 exp(mu T); the bias of a weak-order-1 method halves with dt."""
    npaths = 100_000
    errors = []
    for n in (4, 8, 16, 32):
        itg = bp.sdeint(lambda x, t: MU * x, lambda x, t: SIGMA * x, method=method, seed=n)
        H = T / n

        @jax.jit
        def run(key: jax.Array) -> jax.Array:
            def body(x: jax.Array, inp: tuple) -> tuple:
                i, k = inp
                return itg.step(i * H, (x,), (), {}, H, k)[0], None

            keys = jax.random.split(key, n)
            return jax.lax.scan(body, jnp.full(npaths, X0), (jnp.arange(n), keys))[0]

        mean = float(jnp.mean(run(jax.random.PRNGKey(n))))
        errors.append(abs(mean - X0 * np.exp(MU * T)))
    order = np.polyfit(np.log(T / np.array([4, 8, 16, 32])), np.log(errors), 1)[0]
    assert abs(order - 1.0) <= 0.3, (method, order, errors)


def test_vector_wiener_noise_has_the_right_variance(x64: None) -> None:
    """dX = sum_j g_j dW_j with g = (1, 2): Var X_T = (1 + 4) T for every element."""
    for method in ("euler", "milstein"):
        itg = bp.sdeint(
            lambda x, t: 0.0 * x,
            lambda x, t: jnp.stack([jnp.ones_like(x), 2 * jnp.ones_like(x)]),
            method=method,
            wiener_type=VECTOR_WIENER,
            dt=0.01,
            seed=3,
        )
        x = jnp.zeros(20_000)
        for i in range(100):
            x = itg(x, i * 0.01)
        var = float(jnp.var(x))
        assert abs(var - 5.0) < 5.0 * 4 * np.sqrt(2 / 20_000), (method, var)


def test_unsupported_combinations_are_refused() -> None:
    with pytest.raises(IntegratorError, match="intg_type"):
        bp.sdeint(lambda x, t: x, lambda x, t: x, method="heun", intg_type=ITO_SDE)
    with pytest.raises(IntegratorError, match="wiener_type"):
        bp.sdeint(lambda x, t: x, lambda x, t: x, method="srk1w1", wiener_type=VECTOR_WIENER)
    with pytest.raises(IntegratorError, match="diffusion"):
        bp.sdeint(lambda x, t: x, method="euler")


def test_call_forms_and_defaults() -> None:
    def g_part(x, t, p1, p2):
        return p2 * jnp.ones_like(x)

    @bp.sdeint(g=g_part, method="milstein")
    def f_part(x, t, p1, p2):
        return -p1 * x

    assert type(f_part) is bp.sde.Milstein
    integral = bp.sdeint(f=f_part.f, g=g_part, method="milstein", intg_type=STRA_SDE, wiener_type=SCALAR_WIENER)
    assert integral.intg_type == STRA_SDE
    assert bp.integrators.get_default_sdeint() == "euler"
    bp.integrators.set_default_sdeint("milstein")
    assert type(bp.sdeint(lambda x, t: x, lambda x, t: x)) is bp.sde.Milstein
    out = f_part(bm.ones(3), 0.0, 1.0, 0.0)  # no noise: x * (1 - dt)
    assert isinstance(out, bm.JaxArray) and np.allclose(out.value, 0.9)


@pytest.mark.spec
def test_spec_noisy_lorenz_cells_run() -> None:
    sigma, beta, rho, p = 10, 8 / 3, 28, 0.1

    def lorenz_g(x, y, z, t):
        return p * x, p * y, p * z

    def lorenz_f(x, y, z, t):
        dx = sigma * (y - x)
        dy = x * (rho - z) - y
        dz = x * y - beta * z
        return dx, dy, dz

    lorenz = bp.sdeint(
        f=lorenz_f, g=lorenz_g, intg_type=bp.integrators.ITO_SDE, wiener_type=bp.integrators.SCALAR_WIENER
    )
    runner = bp.integrators.IntegratorRunner(
        lorenz, monitors=["x", "y", "z"], inits=[1.0, 1.0, 1.0], dt=0.001, progress_bar=False
    )
    runner.run(2.0)
    assert runner.mon.x[:, 0].shape == (2000,) and np.all(np.isfinite(runner.mon.z))
    assert 0 < np.max(runner.mon.z) < 60

    dx = lambda x, t, y: sigma * (y - x)  # noqa: E731
    dy = lambda y, t, x, z: x * (rho - z) - y  # noqa: E731
    dz = lambda z, t, x, y: x * y - beta * z  # noqa: E731
    lorenz = bp.sdeint(
        f=bp.JointEq(dx, dy, dz),
        g=lorenz_g,
        intg_type=bp.integrators.ITO_SDE,
        wiener_type=bp.integrators.SCALAR_WIENER,
        method="exp_euler",
    )
    runner = bp.integrators.IntegratorRunner(
        lorenz, monitors=["x", "y", "z"], inits=[1.0, 1.0, 1.0], dt=0.001, progress_bar=False
    )
    runner.run(2.0)
    assert np.all(np.isfinite(runner.mon.x)) and 0 < np.max(runner.mon.z) < 60
