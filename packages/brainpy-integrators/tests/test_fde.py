"""FDE methods against the Mittag-Leffler solution, and the spec's FDE cells (L4304-4440)."""

from __future__ import annotations

import math

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import IntegratorError
from brainpy.integrators.fde import FDEIntegrator
from brainpy.plugins import get_registry


def mittag_leffler(alpha: float, z: float, terms: int = 200) -> float:
    r""":math:`E_\alpha(z) = \sum_k z^k / \Gamma(\alpha k + 1)` (series; fine for :math:`|z| \le 2`)."""
    k = np.arange(terms)
    logs = k * np.log(abs(z)) - np.array([math.lgamma(alpha * kk + 1) for kk in k])
    return float(np.sum(np.sign(z) ** k * np.exp(logs)))


def test_mittag_leffler_reference() -> None:
    assert abs(mittag_leffler(1.0, -1.0) - math.exp(-1.0)) < 1e-14
    assert abs(mittag_leffler(0.5, -1.0) - math.exp(1.0) * math.erfc(1.0)) < 1e-12


def _fde_methods() -> list[tuple[str, type]]:
    seen: dict[type, str] = {}
    registry = get_registry("fde_methods")
    for name in registry.names():
        cls = registry.get(name)
        if isinstance(cls, type) and issubclass(cls, FDEIntegrator):
            seen.setdefault(cls, name)
    return sorted(((n, c) for c, n in seen.items()), key=lambda t: t[0])


METHODS = _fde_methods()


def test_the_three_methods_are_registered() -> None:
    assert {c.__name__ for _, c in METHODS} >= {"CaputoEuler", "CaputoL1Schema", "GLShortMemory"}
    assert "CaputoL1" in get_registry("fde_methods")


@pytest.mark.parametrize(("name", "cls"), METHODS, ids=[m[0] for m in METHODS])
@pytest.mark.parametrize("alpha", [0.6, 0.95])
def test_relaxation_converges_to_mittag_leffler(name: str, cls: type, alpha: float, x64: None) -> None:
    r""":math:`D^\alpha y = -y`, :math:`y(0) = 1` has :math:`y(t) = E_\alpha(-t^\alpha)`."""
    exact = mittag_leffler(alpha, -1.0)
    ns = [32, 64, 128, 256]
    errors = []
    for n in ns:
        itg = bp.fdeint(alpha=alpha, num_step=n, inits=[1.0], f=lambda y, t: -y, method=name, dt=1.0 / n)
        runner = bp.integrators.IntegratorRunner(itg, monitors=["y"], progress_bar=False)
        runner.run(1.0)
        assert abs(runner.mon.ts[-1] - 1.0) < 1e-12
        errors.append(abs(float(runner.mon.y[-1, 0]) - exact))
    order = np.polyfit(np.log(1.0 / np.array(ns)), np.log(errors), 1)[0]
    assert abs(order - cls.order) <= 0.3, (name, order, errors)
    assert errors[-1] < 2e-3


def test_short_memory_truncation_error_shrinks_with_the_window(x64: None) -> None:
    exact = mittag_leffler(0.7, -(2.0**0.7))
    errs = []
    for memory in (50, 200, 800):
        itg = bp.fde.GLShortMemory(lambda y, t: -y, alpha=0.7, inits=[1.0], num_memory=memory, dt=2.0 / 800)
        runner = bp.integrators.IntegratorRunner(itg, monitors=["y"], progress_bar=False)
        runner.run(2.0)
        errs.append(abs(float(runner.mon.y[-1, 0]) - exact))
    assert errs[0] > errs[1] > errs[2]


def test_fde_arguments_are_checked() -> None:
    with pytest.raises(IntegratorError, match=r"\(0, 1\]"):
        bp.fde.CaputoEuler(lambda y, t: -y, alpha=1.5, num_step=10, inits=[1.0])
    with pytest.raises(IntegratorError, match="one initial value per variable"):
        bp.fde.CaputoEuler(lambda x, y, t: (x, y), alpha=0.5, num_step=10, inits=[1.0])
    with pytest.raises(IntegratorError, match="num_step"):
        bp.fde.CaputoL1Schema(lambda y, t: -y, alpha=0.5, num_step=0, inits=[1.0])
    assert bp.integrators.get_default_fdeint() == "caputol1"


@pytest.mark.spec
def test_spec_fde_cells_run_shortened() -> None:
    a, b, c = 35, 8 / 3, 80

    def qi_system(x, y, z, t):
        dx = -a * x + a * y + y * z
        dy = c * x - y - x * z
        dz = -b * z + x * y
        return dx, dy, dz

    dt, duration, inits = 0.001, 0.5, [0.1, 0.2, 0.3]
    integrator = bp.fde.CaputoEuler(qi_system, alpha=0.98, num_step=int(duration / dt), inits=inits)
    runner = bp.integrators.IntegratorRunner(integrator, monitors=list("xyz"), inits=inits, dt=dt, progress_bar=False)
    runner.run(duration)
    assert runner.mon.x.shape == (500, 1) and np.all(np.isfinite(runner.mon.z))

    a, b, c = 10.725, 10.593, 0.268
    m0, m1 = -1.1726, -0.7872

    def chua_system(x, y, z, t):
        f = m1 * x + 0.5 * (m0 - m1) * (abs(x + 1) - abs(x - 1))
        dx = a * (y - x - f)
        dy = x - y + z
        dz = -b * y - c * z
        return dx, dy, dz

    integrator = bp.fde.GLShortMemory(chua_system, alpha=[0.93, 0.99, 0.92], num_step=1000, inits=[0.2, -0.1, 0.1])
    runner = bp.integrators.IntegratorRunner(
        integrator, monitors=list("xyz"), inits=[0.2, -0.1, 0.1], dt=0.001, progress_bar=False
    )
    runner.run(1.0)
    assert np.all(np.isfinite(runner.mon.x))
    coef = integrator.binomial_coef
    alphas = bm.as_numpy(integrator.alpha)
    assert coef.shape == (1000, 3) and np.allclose(alphas, [0.93, 0.99, 0.92])
    assert np.allclose(coef[0], -alphas) and np.all(np.abs(coef[10]) < np.abs(coef[1]))  # they decay quickly
