"""The example plugin's FDE method (CaputoABM), used through ``bp.fdeint`` only."""

from __future__ import annotations

import math

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest


def mittag_leffler(alpha: float, z: float, terms: int = 200) -> float:
    r""":math:`E_\alpha(z) = \sum_k z^k / \Gamma(\alpha k + 1)`, summed in logs (fine for :math:`|z| \le 2`)."""
    k = np.arange(terms)
    logs = k * np.log(abs(z)) - np.array([math.lgamma(alpha * kk + 1) for kk in k])
    return float(np.sum(np.sign(z) ** k * np.exp(logs)))


def relax(method: str, alpha: float, n: int) -> float:
    r"""Solve :math:`D^\alpha y = -y`, :math:`y(0) = 1` on [0, 1] with ``n`` steps; return :math:`y(1)`."""
    itg = bp.fdeint(alpha=alpha, num_step=n, inits=[1.0], f=lambda y, t: -y, method=method, dt=1.0 / n)
    runner = bp.integrators.IntegratorRunner(itg, monitors=["y"], progress_bar=False)
    runner.run(1.0)
    return float(runner.mon.y[-1, 0])


def test_registered_by_the_plugin_and_found_case_insensitively() -> None:
    registry = bp.plugins.get_registry("fde_methods")
    assert registry.origin("caputoabm").distribution == "brainpy-plugin-example"
    assert "caputoabm" in bp.integrators.fde.get_supported_methods()
    itg = bp.fdeint(alpha=0.5, num_step=4, inits=[1.0], f=lambda y, t: -y, method="CaputoABM")
    assert isinstance(itg, bp.integrators.fde.FDEIntegrator)


def test_mittag_leffler_reference() -> None:
    assert abs(mittag_leffler(1.0, -1.0) - math.exp(-1.0)) < 1e-14
    assert abs(mittag_leffler(0.5, -1.0) - math.exp(1.0) * math.erfc(1.0)) < 1e-12


@pytest.mark.parametrize("alpha", [0.6, 0.9])
def test_converges_to_mittag_leffler_with_order_one_plus_alpha(alpha: float) -> None:
    r""":math:`D^\alpha y = -y`, :math:`y(0) = 1` has :math:`y(1) = E_\alpha(-1)`; fitted slope within 0.3 of 1 + alpha."""
    exact = mittag_leffler(alpha, -1.0)
    cls = bp.plugins.get_registry("fde_methods").get("caputoabm")
    ns = [32, 64, 128, 256]
    with bm.settings.context(x64=True):
        errors = [abs(relax("CaputoABM", alpha, n) - exact) for n in ns]
    order = np.polyfit(np.log(1.0 / np.array(ns)), np.log(errors), 1)[0]
    assert abs(order - cls.expected_order(alpha)) <= 0.3, (order, errors)
    assert abs(order - cls.order) <= 0.3
    assert errors[-1] < 1e-5


@pytest.mark.parametrize("alpha", [0.6, 0.9])
def test_agrees_with_the_builtin_l1_scheme_and_is_more_accurate(alpha: float) -> None:
    exact = mittag_leffler(alpha, -1.0)
    with bm.settings.context(x64=True):
        abm, l1 = relax("CaputoABM", alpha, 128), relax("CaputoL1", alpha, 128)
        l1_fine = relax("CaputoL1Schema", alpha, 1024)
    assert abs(abm - l1) < 2e-3  # the first-order L1 scheme's own error at dt = 1/128 is ~1e-3
    assert abs(abm - l1_fine) < 3e-4
    assert abs(abm - exact) < 0.05 * abs(l1 - exact)


def abm_reference(f, alpha: float, y0: float, h: float, n: int) -> np.ndarray:
    """Diethelm-Ford-Freed (2002), eqs. (1.9)-(1.13), written out in NumPy loops."""
    y, fs = [y0], [f(y0, 0.0)]
    for m in range(n):  # step m -> m + 1
        j = np.arange(m + 1)
        b = (m + 1 - j) ** alpha - (m - j) ** alpha
        yp = y0 + h**alpha / math.gamma(alpha + 1) * np.dot(b, fs)
        a = (m - j + 2.0) ** (alpha + 1) + (m - j) ** (alpha + 1.0) - 2 * (m - j + 1.0) ** (alpha + 1)
        a[0] = m ** (alpha + 1) - (m - alpha) * (m + 1) ** alpha
        y.append(y0 + h**alpha / math.gamma(alpha + 2) * (f(yp, (m + 1) * h) + np.dot(a, fs)))
        fs.append(f(y[-1], (m + 1) * h))
    return np.array(y[1:])


def test_matches_the_published_formulas_on_a_nonlinear_equation() -> None:
    def f(y, t):
        return -(y**3) + np.sin(t) if isinstance(y, float) else -(y**3) + bm.sin(t)

    n, h = 40, 0.05
    expected = abm_reference(f, 0.7, 0.5, h, n)
    with bm.settings.context(x64=True):
        itg = bp.fdeint(alpha=0.7, num_step=n, inits=[0.5], f=f, method="CaputoABM", dt=h)
        runner = bp.integrators.IntegratorRunner(itg, monitors=["y"], progress_bar=False)
        runner.run(n * h)
        np.testing.assert_allclose(np.asarray(runner.mon.y[:, 0]), expected, rtol=1e-10, atol=1e-12)


def test_alpha_one_coincides_with_heun_on_a_linear_equation() -> None:
    r"""For :math:`\alpha = 1` on :math:`y' = -y`: :math:`y_{n+1} = y_n (1 - h + h^2/2)`."""
    n = 20
    with bm.settings.context(x64=True):
        y = relax("caputoabm", 1.0, n)
    h = 1.0 / n
    assert abs(y - (1 - h + h * h / 2) ** n) < 1e-12


def test_bad_num_step_is_refused() -> None:
    with pytest.raises(bp.errors.IntegratorError, match="num_step"):
        bp.fdeint(alpha=0.5, num_step=0, inits=[1.0], f=lambda y, t: -y, method="caputoabm")
