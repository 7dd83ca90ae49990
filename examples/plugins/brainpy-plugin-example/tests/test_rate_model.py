"""The example plugin's rate model (SigmoidPopulation), reached as ``bp.dyn.SigmoidPopulation``."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np


def test_registered_and_reachable_as_bp_dyn_name() -> None:
    registry = bp.plugins.get_registry("rate_models")
    assert registry.origin("SigmoidPopulation").distribution == "brainpy-plugin-example"
    assert bp.dyn.SigmoidPopulation is registry.get("SigmoidPopulation")
    assert issubclass(bp.dyn.SigmoidPopulation, bp.dyn.rates.Population)


def _run(pop, current, duration, dt=0.05):
    runner = bp.dyn.DSRunner(pop, monitors=["r"], inputs=[("input", current)], dt=dt, progress_bar=False)
    runner.run(duration)
    return runner.mon.ts, np.asarray(runner.mon.r, dtype=float)


def test_relaxes_to_the_analytic_fixed_point_at_the_analytic_rate() -> None:
    r"""With :math:`I^* = \theta + \ln(r^*/(1-r^*))/a - w r^*`, :math:`r \to r^*`, deviations decay at
    :math:`\lambda = (-1 + w a r^*(1 - r^*))/\tau`."""
    tau, w, a, theta = 10.0, 2.0, 1.5, 1.0
    r_star = np.array([0.2, 0.5, 0.8])
    current = theta + np.log(r_star / (1 - r_star)) / a - w * r_star
    lam = (-1.0 + w * a * r_star * (1 - r_star)) / tau
    assert np.all(lam < 0)  # all three fixed points are stable
    with bm.settings.context(x64=True):
        pop = bp.dyn.SigmoidPopulation(3, tau=tau, w=w, a=a, theta=theta, r_initializer=bm.asarray(r_star + 0.01))
        ts, r = _run(pop, bm.asarray(current), 400.0)
    np.testing.assert_allclose(r[-1], r_star, atol=1e-6)
    # deviations from r* at 20 ms and 40 ms: their ratio is exp(lambda * 20 ms)
    i20, i40 = int(np.argmin(np.abs(ts - 20.0))), int(np.argmin(np.abs(ts - 40.0)))
    ratio = (r[i40] - r_star) / (r[i20] - r_star)
    np.testing.assert_allclose(ratio, np.exp(lam * (ts[i40] - ts[i20])), rtol=5e-3)


def test_strong_self_excitation_is_bistable() -> None:
    r"""For :math:`w a > 4` one input holds two stable states; the initial activity picks one."""
    tau, w, a, theta = 10.0, 8.0, 1.0, 4.0  # symmetric: r* = 0.5 unstable at I = 0
    pop = bp.dyn.SigmoidPopulation(2, tau=tau, w=w, a=a, theta=theta, r_initializer=bm.asarray([0.1, 0.9]))
    _, r = _run(pop, 0.0, 300.0)
    low, high = r[-1]
    # the two stable roots of r = S(8 r - 4), symmetric about 0.5
    assert low < 0.05 and high > 0.95 and abs(low + high - 1.0) < 1e-4
    assert abs(low - 1.0 / (1.0 + np.exp(-(w * low - theta)))) < 1e-5
