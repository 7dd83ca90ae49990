"""Reduced neuron models against closed forms: f-I curves, rheobases, thresholds, fixed points, adaptation.

Issue 9. Every number is checked against an independent reference: the closed-form
LIF interspike interval, quadrature of 1-D integrate-and-fire models, the
saddle-node rheobases, the roots of the FHN fixed-point cubic, and an event-driven
``scipy.integrate.solve_ivp`` solution of the Izhikevich model.
"""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.math._settings import settings
from scipy.integrate import quad, solve_ivp


def run(model, current=None, duration=100.0, dt=0.1, monitors=("spike",)):
    """Run ``model`` with a constant ``current`` into ``input``; return the runner."""
    inputs = () if current is None else ("input", current)
    runner = bp.dyn.DSRunner(model, monitors=list(monitors), inputs=inputs, dt=dt, progress_bar=False)
    runner.run(duration)
    return runner


def spike_times(runner, i=0):
    """The times (ms) of neuron ``i``'s spikes."""
    return runner.mon.ts[np.asarray(runner.mon.spike)[:, i]]


def if_period(F, V_reset, V_th, tau, tau_ref=0.0):
    r"""Interspike interval of a 1-D integrate-and-fire model :math:`\tau dV/dt = F(V)`, by quadrature.

    :math:`T = \tau \int_{V_{reset}}^{V_{th}} dV / F(V) + \tau_{ref}`: the closed form of the time to
    climb from reset to threshold, independent of any time stepping.
    """
    value, _ = quad(lambda v: tau / F(v), V_reset, V_th, limit=200)
    return value + tau_ref


@pytest.fixture(autouse=True)
def _clean():
    settings.reset()
    bp.clear_name_cache()
    yield
    settings.reset()
    bp.clear_name_cache()


def test_lif_rate_matches_analytic_f_i_curve():
    # rate = 1000 / (tau_ref + tau ln(RI / (RI - (V_th - V_rest)))) with reset at rest
    currents = np.array([21.0, 25.0, 30.0, 40.0, 60.0])
    tau, tau_ref, dt = 10.0, 2.0, 0.01
    lif = bp.dyn.LIF(len(currents), V_rest=0.0, V_reset=0.0, V_th=20.0, tau=tau, tau_ref=tau_ref)
    runner = run(lif, bm.asarray(currents), duration=500.0, dt=dt)
    for i, current in enumerate(currents):
        isi = np.diff(spike_times(runner, i)).mean()
        expected = tau_ref + tau * np.log(current / (current - 20.0))
        # spikes are detected on the grid: up to one step late, and the refractory hold lasts one step more
        assert abs(isi - expected) <= 2.5 * dt, (current, isi, expected)
        assert abs(1000.0 / isi - 1000.0 / expected) / (1000.0 / expected) < 0.01


def test_lif_noise_gives_the_ou_stationary_variance():
    # below threshold dV = (V_rest - V)/tau dt + sigma dW: stationary mean V_rest, variance sigma^2 tau / 2
    bm.random.seed(7)
    n, tau, sigma = 2000, 10.0, 2.0
    sigmas = np.where(np.arange(n) < n // 2, sigma, 0.5 * sigma)  # one value per neuron
    lif = bp.dyn.LIF(n, V_rest=-3.0, V_th=1e9, tau=tau, tau_ref=0.0, V_initializer=-3.0, noise=sigmas)
    assert lif.integral.__class__.__module__.startswith("brainpy.integrators.sde")
    runner = bp.dyn.DSRunner(lif, monitors=["V"], dt=0.1, progress_bar=False)
    runner.run(300.0)
    V = np.asarray(runner.mon["V"])[1000:]  # after 10 tau
    assert abs(V.mean() + 3.0) < 0.1
    np.testing.assert_allclose(V[:, : n // 2].var(), sigma**2 * tau / 2, rtol=0.05)
    np.testing.assert_allclose(V[:, n // 2 :].var(), (0.5 * sigma) ** 2 * tau / 2, rtol=0.05)
    # a function g(V, t, I_ext) as noise; zero noise is the deterministic LIF
    quiet = bp.dyn.LIF(4, noise=lambda V, t, I_ext: 0.0 * V, noise_type="func", V_initializer=5.0)
    bp.dyn.DSRunner(quiet, dt=0.1, progress_bar=False).run(10.0)
    np.testing.assert_allclose(quiet.V.value, 5.0 * np.exp(-10.0 / 10.0), rtol=1e-4)
    with pytest.raises(bp.errors.ModelBuildError, match="noise_type must be 'value' or 'func'"):
        bp.dyn.LIF(3, noise=1.0, noise_type="gauss")
    with pytest.raises(bp.errors.ModelBuildError, match="needs a function"):
        bp.dyn.LIF(3, noise=1.0, noise_type="func")


def test_expif_rheobase_is_the_saddle_node_current():
    # F(V) = -(V - V_rest) + dT exp((V - V_T)/dT) + RI has a double root at V_T when I = V_T - V_rest - dT
    rheobase = -59.9 + 65.0 - 3.48
    assert rheobase == pytest.approx(1.62)
    currents = bm.asarray([rheobase - 0.05, rheobase + 0.08, 3.0])
    runner = run(bp.dyn.ExpIF(3, V_initializer=-65.0), currents, duration=1000.0, dt=0.02)
    counts = runner.mon.spike.sum(0)
    assert counts[0] == 0 and counts[1] >= 1
    # the interspike interval at I = 3 is the quadrature of tau / F(V) from V_reset to V_th, plus tau_ref
    F = lambda v: -(v + 65.0) + 3.48 * np.exp((v + 59.9) / 3.48) + 3.0  # noqa: E731
    expected = if_period(F, -68.0, -30.0, 10.0, 1.7)
    isi = np.diff(spike_times(runner, 2))[1:].mean()
    assert isi == pytest.approx(expected, rel=0.02), (isi, expected)


def test_adexif_saddle_node_rheobase_and_adaptation():
    # with a R < tau / tau_w the rest state disappears in a saddle-node at
    # I = (1 + aR)(V_T - V_rest - dT + dT ln(1 + aR)) / R
    a = 0.1
    rheobase = (1 + a) * (-59.9 + 65.0 - 3.48 + 3.48 * np.log(1 + a))
    assert rheobase == pytest.approx(2.147, abs=1e-3)
    currents = bm.asarray([rheobase - 0.07, rheobase + 0.08])
    runner = run(bp.dyn.AdExIF(2, a=a, V_initializer=-65.0, w_initializer=a * 0.0), currents, 1000.0, 0.02)
    counts = runner.mon.spike.sum(0)
    assert counts[0] == 0 and counts[1] >= 1
    # defaults (b = 1): the spike-triggered current lengthens the interspike intervals
    runner = run(bp.dyn.AdExIF(1, V_initializer=-65.0), 20.0, 400.0, 0.02)
    isis = np.diff(spike_times(runner))
    assert len(isis) >= 5 and isis[-1] > 1.1 * isis[0]


def test_quaif_threshold_rheobase_and_period():
    # without input V_c is the unstable fixed point: just below decays to rest, just above fires
    qif = bp.dyn.QuaIF(2, V_initializer=bm.asarray([-50.5, -49.5]))
    runner = run(qif, None, 200.0, 0.02, monitors=("spike", "V"))
    assert runner.mon.spike[:, 0].sum() == 0 and runner.mon.spike[:, 1].sum() >= 1
    assert runner.mon.V[-1, 0] == pytest.approx(-65.0, abs=0.05)
    # the rheobase c (V_c - V_rest)^2 / (4 R) = 3.9375
    rheobase = 0.07 * 15.0**2 / 4
    runner = run(
        bp.dyn.QuaIF(3, V_initializer=-65.0), bm.asarray([rheobase - 0.08, rheobase + 0.1, 10.0]), 1000.0, 0.02
    )
    counts = runner.mon.spike.sum(0)
    assert counts[0] == 0 and counts[1] >= 1
    F = lambda v: 0.07 * (v + 65.0) * (v + 50.0) + 10.0  # noqa: E731
    expected = if_period(F, -68.0, -30.0, 10.0)
    assert np.diff(spike_times(runner, 2)).mean() == pytest.approx(expected, rel=0.02)


def test_adquaif_adaptation_lengthens_intervals():
    runner = run(
        bp.dyn.AdQuaIF(2, V_initializer=-65.0, b=bm.asarray([0.1, 2.0]), tau_w=bm.asarray([10.0, 50.0])),
        30.0,
        400.0,
        0.01,
    )
    weak, strong = np.diff(spike_times(runner, 0)), np.diff(spike_times(runner, 1))
    assert len(weak) > 10 and len(strong) > 5
    assert np.all(np.diff(weak) >= -0.02)  # the intervals never shorten
    assert weak[-1] / weak[0] > 1.05  # defaults (b = 0.1): 15.5 -> 17.2 ms
    assert strong[-1] / strong[0] > weak[-1] / weak[0] + 0.5  # a larger, slower adaptation current


def test_gif_without_adaptation_is_lif_and_threshold_adaptation():
    # a = 0 keeps V_th at V_th_inf: the leaky integrator's closed-form interval tau ln(RI / (RI - 20))
    runner = run(bp.dyn.GIF(1), 1.5, 300.0, 0.01)
    isis = np.diff(spike_times(runner))
    assert np.ptp(isis) < 0.05
    assert isis.mean() == pytest.approx(20.0 * np.log(30.0 / 10.0), abs=0.03)
    # a > 0 raises the threshold with depolarisation: intervals lengthen
    runner = run(bp.dyn.GIF(1, a=0.005), 1.5, 500.0, 0.05, monitors=("spike", "V_th"))
    isis = np.diff(spike_times(runner))
    assert len(isis) >= 3 and np.all(np.diff(isis) > 0) and isis[-1] > 1.4 * isis[0]
    assert runner.mon.V_th.max() > -50.0


def _izhikevich_reference(a, b, c, d, current, duration, n_spikes):
    """Spike times from solve_ivp with a terminal event at V = 30 and the reset applied between segments."""

    def f(t, y):
        V, u = y
        return [0.04 * V * V + 5 * V + 140 - u + current, a * (b * V - u)]

    def hit(t, y):
        return y[0] - 30.0

    hit.terminal, hit.direction = True, 1
    t, y, times = 0.0, [-65.0, -13.0], []
    while t < duration and len(times) < n_spikes:
        sol = solve_ivp(f, (t, duration), y, events=hit, rtol=1e-9, atol=1e-9, max_step=0.5)
        if not sol.t_events[0].size:
            break
        t = sol.t_events[0][0]
        times.append(t)
        y = [c, sol.y_events[0][0][1] + d]
    return np.array(times)


def test_izhikevich_regular_and_fast_spiking():
    params = {"a": bm.asarray([0.02, 0.1]), "b": 0.2, "c": -65.0, "d": bm.asarray([8.0, 2.0])}
    runner = run(bp.dyn.Izhikevich(2, V_initializer=-65.0, u_initializer=-13.0, **params), 10.0, 500.0, 0.02)
    rs, fs = np.diff(spike_times(runner, 0)), np.diff(spike_times(runner, 1))
    # regular spiking: strong adaptation of the first interval; fast spiking: a much higher sustained rate
    assert rs[-1] / rs[0] > 1.7
    assert 1000.0 / fs[-1] > 4 * 1000.0 / rs[-1]
    assert fs[-1] / fs[0] < rs[-1] / rs[0]
    # the first spikes match an event-driven reference solution
    for i, (a, d) in enumerate([(0.02, 8.0), (0.1, 2.0)]):
        ref = _izhikevich_reference(a, 0.2, -65.0, d, 10.0, 500.0, 4)
        np.testing.assert_allclose(spike_times(runner, i)[:4], ref, atol=0.2)


def test_hindmarsh_rose_bursts():
    runner = run(bp.dyn.HindmarshRose(1, b=2.5), 3.0, 2000.0, 0.02)
    times = spike_times(runner)
    isis = np.diff(times)
    gaps = isis > 30.0  # interburst intervals are ~100 time units, intra-burst ones < 20
    assert gaps.sum() >= 3
    burst_sizes = np.diff(np.flatnonzero(np.r_[True, gaps, True]))
    assert np.all(burst_sizes[1:-1] >= 3)  # complete bursts carry several spikes each
    assert np.median(isis[~gaps]) < 10.0


def test_fhn_fixed_point_matches_cubic_root():
    currents = np.array([0.0, 0.2])
    runner = run(bp.dyn.FHN(2), bm.asarray(currents), 500.0, 0.01, monitors=("spike", "V", "w"))
    a, b = 0.7, 0.8
    for i, current in enumerate(currents):
        # V - V^3/3 - (V + a)/b + I = 0  <=>  -V^3/3 + (1 - 1/b) V + (I - a/b) = 0
        roots = np.roots([-1.0 / 3.0, 0.0, 1.0 - 1.0 / b, current - a / b])
        V = roots[np.abs(roots.imag) < 1e-9].real[0]
        assert runner.mon.V[-1, i] == pytest.approx(V, abs=2e-3)
        assert runner.mon.w[-1, i] == pytest.approx((V + a) / b, abs=2e-3)
    assert runner.mon.spike.sum() == 0
    # I = 1 is beyond the Hopf point: a relaxation oscillation crossing Vth = 1.8
    runner = run(bp.dyn.FHN(1), 1.0, 500.0, 0.01)
    assert 10 <= runner.mon.spike.sum() <= 20
