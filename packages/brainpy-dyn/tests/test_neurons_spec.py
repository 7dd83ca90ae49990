"""The spec's neuron-model cells: built-in examples (L1419-1489) and the custom HH/LIF NeuGroups (L1545-1712).

Issue 9.
"""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.math._settings import settings


@pytest.fixture(autouse=True)
def _clean():
    settings.reset()
    bp.clear_name_cache()
    yield
    settings.reset()
    bp.clear_name_cache()


def test_spec_built_in_examples_run():
    # spec L1419-1423: three HH neurons with heterogeneous gNa
    model = bp.dyn.HH(3, gNa=bp.init.Uniform(min_val=100, max_val=140))
    runner = bp.dyn.DSRunner(model, monitors=["V"], inputs=["input", 5.0], progress_bar=False)
    runner.run(100.0)
    assert runner.mon.V.shape == (1000, 3)
    # spec L1477-1489: the Morris-Lecar example oscillates with input 100
    group = bp.dyn.MorrisLecar(1)
    runner = bp.dyn.DSRunner(group, monitors=["V", "W"], inputs=("input", 100.0), progress_bar=False)
    runner.run(1000)
    assert runner.mon.V.max() > 10.0 and runner.mon.W.shape == (10000, 1)


class TutorialHH(bp.dyn.NeuGroup):
    """The spec's custom HH NeuGroup (L1567-1625), as written there."""

    def __init__(self, size, ENa=50.0, gNa=120.0, EK=-77.0, gK=36.0, EL=-54.387, gL=0.03, V_th=20.0, C=1.0, **kwargs):
        super(TutorialHH, self).__init__(size=size, **kwargs)  # noqa: UP008 (as in the spec)
        self.ENa, self.EK, self.EL, self.gNa, self.gK, self.gL, self.C, self.V_th = ENa, EK, EL, gNa, gK, gL, C, V_th
        self.V = bm.Variable(bm.random.randn(self.num) - 70.0)
        self.m = bm.Variable(0.5 * bm.ones(self.num))
        self.h = bm.Variable(0.6 * bm.ones(self.num))
        self.n = bm.Variable(0.32 * bm.ones(self.num))
        self.input = bm.Variable(bm.zeros(self.num))
        self.spike = bm.Variable(bm.zeros(self.num, dtype=bool))
        self.t_last_spike = bm.Variable(bm.ones(self.num) * -1e7)
        self.int_V = bp.odeint(f=self.dV, method="exp_auto")
        self.int_m = bp.odeint(f=self.dm, method="exp_auto")
        self.int_h = bp.odeint(f=self.dh, method="exp_auto")
        self.int_n = bp.odeint(f=self.dn, method="exp_auto")

    def dV(self, V, t, m, h, n, Iext):
        I_Na = (self.gNa * m**3.0 * h) * (V - self.ENa)
        I_K = (self.gK * n**4.0) * (V - self.EK)
        I_leak = self.gL * (V - self.EL)
        return (-I_Na - I_K - I_leak + Iext) / self.C

    def dm(self, m, t, V):
        alpha = 0.1 * (V + 40) / (1 - bm.exp(-(V + 40) / 10))
        beta = 4.0 * bm.exp(-(V + 65) / 18)
        return alpha * (1 - m) - beta * m

    def dh(self, h, t, V):
        alpha = 0.07 * bm.exp(-(V + 65) / 20.0)
        beta = 1 / (1 + bm.exp(-(V + 35) / 10))
        return alpha * (1 - h) - beta * h

    def dn(self, n, t, V):
        alpha = 0.01 * (V + 55) / (1 - bm.exp(-(V + 55) / 10))
        beta = 0.125 * bm.exp(-(V + 65) / 80)
        return alpha * (1 - n) - beta * n

    def update(self, _t, _dt):
        V = self.int_V(self.V, _t, self.m, self.h, self.n, self.input, dt=_dt)
        self.h.value = self.int_h(self.h, _t, self.V, dt=_dt)
        self.m.value = self.int_m(self.m, _t, self.V, dt=_dt)
        self.n.value = self.int_n(self.n, _t, self.V, dt=_dt)
        self.spike.value = bm.logical_and(self.V < self.V_th, V >= self.V_th)
        self.t_last_spike.value = bm.where(self.spike, _t, self.t_last_spike)
        self.V.value = V
        self.input[:] = 0.0


class TutorialLIF(bp.dyn.NeuGroup):
    """The spec's custom LIF NeuGroup (L1652-1691), as written there."""

    def __init__(self, size, V_rest=0.0, V_reset=-5.0, V_th=20.0, R=1.0, tau=10.0, t_ref=5.0, **kwargs):
        super(TutorialLIF, self).__init__(size=size, **kwargs)  # noqa: UP008 (as in the spec)
        self.V_rest, self.V_reset, self.V_th, self.R, self.tau, self.t_ref = V_rest, V_reset, V_th, R, tau, t_ref
        self.V = bm.Variable(bm.random.randn(self.num) + V_reset)
        self.input = bm.Variable(bm.zeros(self.num))
        self.t_last_spike = bm.Variable(bm.ones(self.num) * -1e7)
        self.refractory = bm.Variable(bm.zeros(self.num, dtype=bool))
        self.spike = bm.Variable(bm.zeros(self.num, dtype=bool))
        self.integral = bp.odeint(f=self.derivative, method="exp_auto")

    def derivative(self, V, t, Iext):
        return (-V + self.V_rest + self.R * Iext) / self.tau

    def update(self, _t, _dt):
        refractory = (_t - self.t_last_spike) <= self.t_ref
        V = self.integral(self.V, _t, self.input, dt=_dt)
        V = bm.where(refractory, self.V, V)
        spike = self.V_th <= V
        self.spike.value = spike
        self.t_last_spike.value = bm.where(spike, _t, self.t_last_spike)
        self.V.value = bm.where(spike, self.V_reset, V)
        self.refractory.value = bm.logical_or(refractory, spike)
        self.input[:] = 0.0


def test_spec_custom_neugroup_tutorial_cells():
    # spec L1696-1712: both groups driven by 22 for 200 ms; they match the built-in models
    neu = TutorialHH(10)
    runner = bp.dyn.DSRunner(neu, monitors=["V"], inputs=("input", 22.0), progress_bar=False)
    runner.run(200)
    assert runner.mon.V.shape == (2000, 10) and runner.mon.V.max() > 20.0
    group = TutorialLIF(10)
    runner = bp.dyn.DSRunner(group, monitors=["V", "spike"], inputs=("input", 22.0), jit=True, progress_bar=False)
    runner.run(200)
    builtin = bp.dyn.LIF(1, tau_ref=5.0)
    ref = bp.dyn.DSRunner(builtin, monitors=["spike"], inputs=("input", 22.0), progress_bar=False)
    ref.run(200)
    # after the first spike (which depends on the random start) the intervals agree with the built-in LIF
    np.testing.assert_allclose(
        np.diff(runner.mon.ts[runner.mon.spike[:, 0]])[1:].mean(),
        np.diff(ref.mon.ts[ref.mon.spike[:, 0]])[1:].mean(),
        atol=1e-6,
    )
