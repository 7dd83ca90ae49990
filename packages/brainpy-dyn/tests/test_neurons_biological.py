"""Conductance-based neurons (HH, Morris-Lecar, Wang-Buzsaki, Pinsky-Rinzel) against reference solutions.

Issue 9. The references are independent NumPy implementations of the published
equations, integrated with ``scipy.integrate.solve_ivp`` at tight tolerances.
"""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.math._settings import settings
from scipy.integrate import quad, solve_ivp
from scipy.optimize import brentq


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


# ----------------------------------------------------------------- reference HH (default parameters)
ENA, GNA, EK, GK, EL, GL = 50.0, 120.0, -77.0, 36.0, -54.387, 0.03


def _hh_rates(V):
    am = 0.1 * (V + 40) / (1 - np.exp(-(V + 40) / 10))
    bm_ = 4 * np.exp(-(V + 65) / 18)
    ah = 0.07 * np.exp(-(V + 65) / 20)
    bh = 1 / (1 + np.exp(-(V + 35) / 10))
    an = 0.01 * (V + 55) / (1 - np.exp(-(V + 55) / 10))
    bn = 0.125 * np.exp(-(V + 65) / 80)
    return am, bm_, ah, bh, an, bn


def _hh_rhs(t, y, current):
    V, m, h, n = y
    am, bm_, ah, bh, an, bn = _hh_rates(V)
    dV = -GNA * m**3 * h * (V - ENA) - GK * n**4 * (V - EK) - GL * (V - EL) + current
    return [dV, am * (1 - m) - bm_ * m, ah * (1 - h) - bh * h, an * (1 - n) - bn * n]


def _hh_rest():
    def gates(V):
        am, bm_, ah, bh, an, bn = _hh_rates(V)
        return am / (am + bm_), ah / (ah + bh), an / (an + bn)

    V = brentq(lambda v: _hh_rhs(0, [v, *gates(v)], 0.0)[0], -80.0, -60.0)
    return [V, *gates(V)]


def _hh_at_rest(num, **kwargs):
    V, m, h, n = _hh_rest()
    return bp.dyn.HH(num, V_initializer=V, m_initializer=m, h_initializer=h, n_initializer=n, **kwargs)


def _reference_spikes(rhs, y0, args, duration, threshold=20.0, max_step=0.05):
    sol = solve_ivp(rhs, (0, duration), y0, args=args, rtol=1e-8, atol=1e-8, max_step=max_step, dense_output=True)
    V = sol.y[0]
    up = np.flatnonzero((V[:-1] < threshold) & (V[1:] >= threshold))
    times = [brentq(lambda t: sol.sol(t)[0] - threshold, sol.t[i], sol.t[i + 1]) for i in up]
    return np.array(times), sol


def test_hh_rest_and_rheobase():
    rest = _hh_rest()
    assert rest[0] == pytest.approx(-70.676, abs=1e-3)  # gL = 0.03 puts rest well below E_L
    # from rest, a step of 1.44 uA/cm^2 is the threshold for a spike (found by bisection with solve_ivp)
    below, above = 1.38, 1.50
    assert len(_reference_spikes(_hh_rhs, rest, (below,), 60.0)[0]) == 0
    assert len(_reference_spikes(_hh_rhs, rest, (above,), 60.0)[0]) >= 1
    runner = run(_hh_at_rest(3), bm.asarray([0.0, below, above]), 60.0, 0.01, monitors=("spike", "V"))
    counts = runner.mon.spike.sum(0)
    assert counts[0] == 0 and counts[1] == 0 and counts[2] >= 1
    assert runner.mon.V[:, 0] == pytest.approx(rest[0], abs=0.01)  # rest is a fixed point of the model too


def test_hh_action_potential_shape_matches_reference():
    runner = run(_hh_at_rest(1), 10.0, 60.0, 0.01, monitors=("spike", "V"))
    V, ts = runner.mon.V[:, 0], runner.mon.ts
    ref_times, sol = _reference_spikes(_hh_rhs, _hh_rest(), (10.0,), 60.0)
    ours = spike_times(runner)
    assert len(ours) == len(ref_times) >= 3
    assert abs(ours[0] - ref_times[0]) < 0.05
    np.testing.assert_allclose(np.diff(ours), np.diff(ref_times), rtol=0.01)  # 14.21 vs 14.15 ms
    # the first action potential: overshoot, width, and after-hyperpolarisation
    first = (ts > ours[0] - 2) & (ts < ours[0] + 8)
    ref_V = sol.sol(ts[first])[0]
    assert V[first].max() > 20.0
    assert V[first].max() == pytest.approx(ref_V.max(), abs=1.0)  # about +40 mV
    assert V[first].min() == pytest.approx(ref_V.min(), abs=0.5)  # after-hyperpolarisation below -70 mV
    assert V[first].min() < _hh_rest()[0]
    width = np.sum(V[first] > 0.0) * 0.01  # time above 0 mV
    ref_width = np.sum(ref_V > 0.0) * 0.01
    assert 0.5 < width < 2.0 and width == pytest.approx(ref_width, abs=0.05)


def test_hh_exp_euler_coarse_close_to_rk4_fine():
    coarse = run(_hh_at_rest(1, method="exp_euler"), 10.0, 80.0, 0.1, monitors=("spike", "V"))
    fine = run(_hh_at_rest(1, method="rk4"), 10.0, 80.0, 0.01, monitors=("spike", "V"))
    t_coarse, t_fine = spike_times(coarse), spike_times(fine)
    assert abs(len(t_coarse) - len(t_fine)) <= 1 and len(t_fine) >= 5
    assert abs(t_coarse[0] - t_fine[0]) < 0.5
    isi_coarse, isi_fine = np.diff(t_coarse).mean(), np.diff(t_fine).mean()
    assert isi_coarse == pytest.approx(isi_fine, rel=0.06)  # 14.8 vs 14.1 ms
    assert coarse.mon.V.max() == pytest.approx(fine.mon.V.max(), abs=3.0)


def _period(rhs, y0, args, duration, threshold):
    times, _ = _reference_spikes(rhs, y0, args, duration, threshold, max_step=0.5)
    return np.diff(times)[-3:].mean()


def test_morris_lecar_rate_matches_reference():
    def rhs(t, y, current):
        V, W = y
        m_inf = 0.5 * (1 + np.tanh((V + 1.2) / 18))
        w_inf = 0.5 * (1 + np.tanh((V - 2) / 30))
        tau_w = 1 / (0.04 * np.cosh((V - 2) / 60))
        dV = -4.4 * m_inf * (V - 130) - 8 * W * (V + 84) - 2 * (V + 60) + current
        return [dV / 20, (w_inf - W) / tau_w]

    runner = run(bp.dyn.MorrisLecar(2, V_initializer=-60.0), bm.asarray([0.0, 100.0]), 600.0, 0.02)
    assert runner.mon.spike[:, 0].sum() == 0
    isi = np.diff(spike_times(runner, 1))[-3:].mean()
    expected = _period(rhs, [-60.0, 0.02], (100.0,), 600.0, 10.0)
    assert isi == pytest.approx(expected, rel=0.02)
    assert 5.0 < 1000.0 / isi < 30.0  # ~12 Hz


def test_wang_buzsaki_rate_matches_reference():
    def rhs(t, y, current):
        V, h, n = y
        am = 0.1 * (V + 35) / (1 - np.exp(-0.1 * (V + 35)))
        bm_ = 4 * np.exp(-(V + 60) / 18)
        ah, bh = 0.07 * np.exp(-(V + 58) / 20), 1 / (np.exp(-0.1 * (V + 28)) + 1)
        an, bn = 0.01 * (V + 34) / (1 - np.exp(-0.1 * (V + 34))), 0.125 * np.exp(-(V + 44) / 80)
        dV = -35 * (am / (am + bm_)) ** 3 * h * (V - 55) - 9 * n**4 * (V + 90) - 0.1 * (V + 65) + current
        return [dV, 5 * (ah * (1 - h) - bh * h), 5 * (an * (1 - n) - bn * n)]

    # exp_euler is first order: 17.4 ms at dt = 0.01, 16.9 ms at dt = 0.002; rk4 is exact to 0.1 %
    runner = run(bp.dyn.WangBuzsakiModel(2, method="rk4"), bm.asarray([0.0, 1.0]), 200.0, 0.02)
    assert runner.mon.spike[:, 0].sum() == 0
    isi = np.diff(spike_times(runner, 1))[-3:].mean()
    expected = _period(rhs, [-65.0, 0.6, 0.32], (1.0,), 200.0, 20.0)
    assert isi == pytest.approx(expected, rel=0.02)
    assert 30.0 < 1000.0 / isi < 100.0  # a fast-spiking interneuron: ~55 Hz


def test_pinsky_rinzel_fires_at_plausible_rates():
    # neurons 0-2: somatic current -0.5, 0.75, 2.5 uA/cm^2; neuron 3: 2.5 into the dendrite only
    model = bp.dyn.PinskyRinzelModel(4)
    inputs = [("input", bm.asarray([-0.5, 0.75, 2.5, 0.0])), ("Id", bm.asarray([0.0, 0.0, 0.0, 2.5]))]
    runner = bp.dyn.DSRunner(model, monitors=["spike", "Vs", "Ca"], inputs=inputs, dt=0.05, progress_bar=False)
    runner.run(1000.0)
    counts = runner.mon.spike.sum(0)
    assert counts[0] == 0  # hyperpolarised: silent
    assert 1 <= counts[1] < counts[2]  # bursts at low drive, faster firing with more drive
    assert 10 <= counts[2] <= 100
    assert counts[3] >= 1  # the dendritic current reaches the soma through g_c
    assert runner.mon.Vs.max() > 20.0 and runner.mon.Ca[:, 2].max() > runner.mon.Ca[0, 2]
