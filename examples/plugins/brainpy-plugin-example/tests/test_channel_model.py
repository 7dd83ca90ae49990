"""The example plugin's channel model (IKM), reached as ``bp.dyn.IKM`` inside a ``bp.dyn.CondNeuGroup``."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np


def test_registered_and_reachable_as_bp_dyn_name() -> None:
    registry = bp.plugins.get_registry("channel_models")
    assert registry.origin("IKM").distribution == "brainpy-plugin-example"
    assert bp.dyn.IKM is registry.get("IKM")
    assert issubclass(bp.dyn.IKM, bp.dyn.channels.PotassiumChannel)


def test_gate_steady_state_and_time_constant_follow_the_formulas() -> None:
    V = np.array([-80.0, -60.0, -35.0, -10.0, 20.0])
    ch = bp.dyn.IKM(5, tau_max=4000.0)
    ch.reset(bm.asarray(V))
    p_inf = 1.0 / (1.0 + np.exp(-(V + 35.0) / 10.0))
    tau = 4000.0 / (3.3 * np.exp((V + 35.0) / 20.0) + np.exp(-(V + 35.0) / 20.0))
    np.testing.assert_allclose(np.asarray(ch.p), p_inf, rtol=1e-5)
    assert abs(float(ch.p[2]) - 0.5) < 1e-6  # half activation at -35 mV
    np.testing.assert_allclose(np.asarray(ch.p_tau(bm.asarray(V))), tau, rtol=1e-5)
    # current g p (E - V), inward positive: outward (negative) above E = -90 mV
    np.testing.assert_allclose(np.asarray(ch.current(bm.asarray(V))), 0.07 * p_inf * (-90.0 - V), rtol=1e-5)


def test_voltage_clamp_relaxation_is_exponential() -> None:
    """Clamped from -70 to -20 mV, p(t) = p_inf(-20) + (p_inf(-70) - p_inf(-20)) exp(-t / tau(-20))."""
    ch = bp.dyn.IKM(1)
    ch.reset(bm.asarray([-70.0]))
    dt, steps = 0.5, 400
    for i in range(steps):
        ch.update(i * dt, dt, bm.asarray([-20.0]))
    inf0, inf1 = (1.0 / (1.0 + np.exp(-(v + 35.0) / 10.0)) for v in (-70.0, -20.0))
    tau1 = 4000.0 / (3.3 * np.exp(15.0 / 20.0) + np.exp(-15.0 / 20.0))
    expected = inf1 + (inf0 - inf1) * np.exp(-steps * dt / tau1)
    assert abs(float(ch.p[0]) - expected) < 1e-5


def _isis(with_im: bool, current: float = 3.0, duration: float = 1000.0) -> np.ndarray:
    """Inter-spike intervals of a regular-spiking cell (Pospischil et al. 2008 kinetics, V_T = -56.2 mV)."""
    channels = dict(
        INa=bp.dyn.INa(1, g_max=50.0, V_sh=-56.2),
        IK=bp.dyn.IK_DR(1, g_max=5.0, V_sh=-56.2),
        IL=bp.dyn.IL(1, E=-70.0, g_max=0.1),
    )
    if with_im:
        channels["IKM"] = bp.dyn.IKM(1, g_max=0.07)
    neu = bp.dyn.CondNeuGroup(1, V_initializer=-70.0, **channels)
    runner = bp.dyn.DSRunner(neu, monitors=["spike"], inputs=[("input", current)], dt=0.02, progress_bar=False)
    runner.run(duration)
    return np.diff(runner.mon.ts[np.asarray(runner.mon.spike)[:, 0]])


def test_causes_spike_frequency_adaptation_in_a_cond_neu_group() -> None:
    control, adapting = _isis(False), _isis(True)
    # without IKM the cell fires tonically: constant intervals
    assert len(control) > 20 and np.ptp(control[1:]) < 0.01 * control[1:].mean()
    # with IKM the intervals lengthen, monotonically, and the cell fires fewer spikes
    # (measured: control 70 intervals of 14.0 ms; with IKM 39 intervals, 14.9 ms growing to 36.1 ms)
    assert 4 <= len(adapting) < len(control)
    assert np.all(np.diff(adapting) > 0)
    assert adapting[0] < 1.15 * control.mean() and adapting[-1] > 2.0 * adapting[0]
