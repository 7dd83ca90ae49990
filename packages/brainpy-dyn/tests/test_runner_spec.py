"""The code cells of the spec's Dynamics Simulation tutorials, run unchanged.

Built-in models (bp.dyn.HH, bp.dyn.LIF, ExpCOBA, ...) arrive later (issue 8
covers the runtime only), so the models the cells need are written here the
way the spec's own "Building Neuron/Synapse Models" sections write them.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import brainpy as bp  # noqa: E402
import brainpy.math as bm  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from brainpy.math._settings import settings  # noqa: E402

pytestmark = pytest.mark.spec


@pytest.fixture(autouse=True)
def _clean():
    settings.reset()
    bp.clear_name_cache()
    yield
    plt.close("all")
    settings.reset()
    bp.clear_name_cache()


# ---------------------------------------------------------------- spec models (L1545-1667)
class HH(bp.dyn.NeuGroup):
    def __init__(self, size, ENa=50.0, gNa=120.0, EK=-77.0, gK=36.0, EL=-54.387, gL=0.03, V_th=20.0, C=1.0, **kwargs):
        super().__init__(size=size, **kwargs)
        self.ENa = ENa
        self.EK = EK
        self.EL = EL
        self.gNa = gNa
        self.gK = gK
        self.gL = gL
        self.C = C
        self.V_th = V_th
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
        dVdt = (-I_Na - I_K - I_leak + Iext) / self.C
        return dVdt

    def dm(self, m, t, V):
        alpha = 0.1 * (V + 40) / (1 - bm.exp(-(V + 40) / 10))
        beta = 4.0 * bm.exp(-(V + 65) / 18)
        dmdt = alpha * (1 - m) - beta * m
        return dmdt

    def dh(self, h, t, V):
        alpha = 0.07 * bm.exp(-(V + 65) / 20.0)
        beta = 1 / (1 + bm.exp(-(V + 35) / 10))
        dhdt = alpha * (1 - h) - beta * h
        return dhdt

    def dn(self, n, t, V):
        alpha = 0.01 * (V + 55) / (1 - bm.exp(-(V + 55) / 10))
        beta = 0.125 * bm.exp(-(V + 65) / 80)
        dndt = alpha * (1 - n) - beta * n
        return dndt

    def update(self, _t, _dt):
        V = self.int_V(self.V, _t, self.m, self.h, self.n, self.input, dt=_dt)
        self.h.value = self.int_h(self.h, _t, self.V, dt=_dt)
        self.m.value = self.int_m(self.m, _t, self.V, dt=_dt)
        self.n.value = self.int_n(self.n, _t, self.V, dt=_dt)
        self.spike.value = bm.logical_and(self.V < self.V_th, V >= self.V_th)
        self.t_last_spike.value = bm.where(self.spike, _t, self.t_last_spike)
        self.V.value = V
        self.input[:] = 0.0


class LIF(bp.dyn.NeuGroup):
    def __init__(self, size, V_rest=0.0, V_reset=-5.0, V_th=20.0, R=1.0, tau=10.0, t_ref=5.0, **kwargs):
        super().__init__(size=size, **kwargs)
        self.V_rest = V_rest
        self.V_reset = V_reset
        self.V_th = V_th
        self.R = R
        self.tau = tau
        self.t_ref = t_ref
        self.V = bm.Variable(bm.random.randn(self.num) + V_reset)
        self.input = bm.Variable(bm.zeros(self.num))
        self.t_last_spike = bm.Variable(bm.ones(self.num) * -1e7)
        self.refractory = bm.Variable(bm.zeros(self.num, dtype=bool))
        self.spike = bm.Variable(bm.zeros(self.num, dtype=bool))
        self.integral = bp.odeint(f=self.derivative, method="exp_auto")

    def derivative(self, V, t, Iext):
        dvdt = (-V + self.V_rest + self.R * Iext) / self.tau
        return dvdt

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


# ---------------------------------------------------------------- neuron cells (L1668-1690)
def test_neuron_models_cells():
    neu = HH(10)
    runner = bp.dyn.DSRunner(
        neu,
        monitors=["V"],
        inputs=("input", 22.0),  # constant external inputs of 22 mA to all neurons
    )
    elapsed = runner.run(200)  # the running time is 200 ms
    bp.visualize.line_plot(runner.mon.ts, runner.mon.V, show=True)
    assert isinstance(elapsed, float) and elapsed > 0
    assert runner.mon.V.shape == (2000, 10)
    # 22 uA/cm^2 drives HH into repetitive firing: V crosses 0 mV repeatedly
    crossings = np.sum((runner.mon.V[:-1] < 0) & (runner.mon.V[1:] >= 0), axis=0)
    assert np.all(crossings >= 10)

    group = LIF(10)
    runner = bp.dyn.DSRunner(group, monitors=["V"], inputs=("input", 22.0), jit=True)
    runner.run(200)
    bp.visualize.line_plot(runner.mon.ts, runner.mon.V, show=True)
    V = runner.mon.V
    assert V.max() < 20.0 and V.min() >= -5.0 - 5.0  # reset to V_reset, below threshold


def test_lif_interspike_interval_is_analytic():
    """Closed-form ISI of the spec's LIF: t_ref + tau * ln((RI - V_reset) / (RI - V_th))."""
    group = LIF(1)
    group.V[:] = -5.0
    runner = bp.dyn.DSRunner(group, monitors=["spike"], inputs=("input", 22.0), dt=0.01)
    runner.run(200.0)
    times = runner.mon.ts[runner.mon.spike[:, 0]]
    isi = np.diff(times)
    expected = 5.0 + 10.0 * np.log((22.0 + 5.0) / (22.0 - 20.0))
    assert len(isi) >= 5
    np.testing.assert_allclose(isi, expected, atol=0.03)


# ---------------------------------------------------------------- synapse cells (L1770-2050)
class BaseExpSyn(bp.dyn.TwoEndConn):
    def __init__(self, pre, post, conn, g_max=1.0, delay=0.0, tau=8.0, E=0.0, method="exp_auto"):
        super().__init__(pre=pre, post=post, conn=conn)
        self.check_pre_attrs("spike")
        self.check_post_attrs("input", "V")
        self.E = E
        self.tau = tau
        self.delay = delay
        self.g_max = g_max
        self.delay_step = int(delay / bm.get_dt())
        self.pre_spike = bm.LengthDelay(pre.spike, self.delay_step)
        self.integral = bp.odeint(lambda g, t: -g / self.tau, method=method)


class ExpConnMat(BaseExpSyn):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conn_mat = self.conn.require("conn_mat")
        self.g = bm.Variable(bm.zeros(self.post.num))

    def update(self, _t, _dt):
        delayed_spike = self.pre_spike(self.delay_step)
        self.pre_spike.update(self.pre.spike)
        self.g.value = self.integral(self.g, _t, dt=_dt)
        post_sps = bm.dot(delayed_spike, self.conn_mat)
        self.g += post_sps
        self.post.input += self.g_max * self.g * (self.E - self.post.V)


class ExpSparse(BaseExpSyn):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pre2post = self.conn.require("pre2post")
        self.g = bm.Variable(bm.zeros(self.post.num))

    def update(self, _t, _dt):
        delayed_spike = self.pre_spike(self.delay_step)
        self.pre_spike.update(self.pre.spike)
        self.g.value = self.integral(self.g, _t, dt=_dt)
        post_sps = bm.pre2post_event_sum(delayed_spike, self.pre2post, self.post.num, 1.0)
        self.g += post_sps
        self.post.input += self.g_max * self.g * (self.E - self.post.V)


def show_syn_model(model):
    pre = LIF(1, V_rest=-60.0, V_reset=-60.0, V_th=-40.0)
    post = LIF(1, V_rest=-60.0, V_reset=-60.0, V_th=-40.0)
    syn = model(pre, post, conn=bp.conn.One2One())
    net = bp.dyn.Network(pre=pre, post=post, syn=syn)
    runner = bp.DSRunner(net, monitors=["pre.V", "post.V", "syn.g"], inputs=["pre.input", 22.0])
    runner.run(100.0)
    fig, gs = bp.visualize.get_figure(1, 2, 3, 4)
    fig.add_subplot(gs[0, 0])
    bp.visualize.line_plot(runner.mon.ts, runner.mon["syn.g"], legend="syn.g")
    fig.add_subplot(gs[0, 1])
    bp.visualize.line_plot(runner.mon.ts, runner.mon["pre.V"], legend="pre.V")
    bp.visualize.line_plot(runner.mon.ts, runner.mon["post.V"], legend="post.V", show=True)
    return runner


@pytest.mark.parametrize("model", [ExpConnMat, ExpSparse])
def test_synapse_cells_and_previous_step_spikes(model):
    runner = show_syn_model(model)
    pre_v, g = runner.mon["pre.V"][:, 0], runner.mon["syn.g"][:, 0]
    spike_steps = np.nonzero(np.diff(pre_v) < -5)[0] + 1  # V reset marks a spike at that step
    assert len(spike_steps) >= 3
    # synapses update before neurons (they read the spike of the previous step), and the spec's
    # LengthDelay is read before the new value is pushed: a spike at step k reaches g at step k + 2
    k = spike_steps[0]
    assert g[k] == 0.0 and g[k + 1] == 0.0
    np.testing.assert_allclose(g[k + 2], 1.0, rtol=1e-6)
    # between spikes g decays as exp(-dt / tau)
    np.testing.assert_allclose(g[k + 3] / g[k + 2], np.exp(-0.1 / 8.0), rtol=1e-5)
    assert runner.mon["post.V"].max() > -60.0  # the synapse depolarises the post neuron


# ---------------------------------------------------------------- network cells (L2070-2170)
class ExpCOBA(bp.dyn.TwoEndConn):
    def __init__(self, pre, post, conn, g_max=1.0, delay=0.0, tau=8.0, E=0.0, method="exp_auto"):
        super().__init__(pre=pre, post=post, conn=conn)
        self.check_pre_attrs("spike")
        self.check_post_attrs("input", "V")
        self.E = E
        self.tau = tau
        self.g_max = g_max
        self.pre2post = self.conn.require("pre2post")
        self.pre_spike = bp.dyn.ConstantDelay(self.pre.num, delay, dtype=bool)
        self.g = bm.Variable(bm.zeros(self.post.num))
        self.integral = bp.odeint(lambda g, t: -g / self.tau, method=method)

    def update(self, _t, _dt):
        self.pre_spike.push(self.pre.spike)
        delayed = self.pre_spike.pull()
        self.pre_spike.update(_t, _dt)
        self.g.value = self.integral(self.g, _t, dt=_dt)
        self.g += bm.pre2post_event_sum(delayed, self.pre2post, self.post.num, self.g_max)
        self.post.input += self.g * (self.E - self.post.V)


class NetLIF(LIF):
    """The spec's LIF, spelled with the built-in model's keywords (tau_ref, method)."""

    def __init__(self, size, tau_ref=5.0, method="exp_auto", **kwargs):
        super().__init__(size, t_ref=tau_ref, **kwargs)


def test_network_cells():
    global_models = dict(LIF=NetLIF, ExpCOBA=ExpCOBA)
    LIF_, ExpCOBA_ = global_models["LIF"], global_models["ExpCOBA"]

    class EINet(bp.dyn.Network):
        def __init__(self, num_exc, num_inh, method="exp_auto", **kwargs):
            super().__init__(**kwargs)
            pars = dict(V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0)
            E = LIF_(num_exc, **pars, method=method)
            I = LIF_(num_inh, **pars, method=method)
            E.V.value = bp.math.random.randn(num_exc) * 2 - 55.0
            I.V.value = bp.math.random.randn(num_inh) * 2 - 55.0
            w_e = 0.6
            w_i = 6.7
            E_pars = dict(E=0.0, g_max=w_e, tau=5.0)
            I_pars = dict(E=-80.0, g_max=w_i, tau=10.0)
            self.E2E = ExpCOBA_(E, E, bp.conn.FixedProb(prob=0.02), **E_pars, method=method)
            self.E2I = ExpCOBA_(E, I, bp.conn.FixedProb(prob=0.02), **E_pars, method=method)
            self.I2E = ExpCOBA_(I, E, bp.conn.FixedProb(prob=0.02), **I_pars, method=method)
            self.I2I = ExpCOBA_(I, I, bp.conn.FixedProb(prob=0.02), **I_pars, method=method)
            self.E = E
            self.I = I

    keys = list(EINet(8, 2).child_ds())
    assert keys == [
        "ExpCOBA0",
        "ExpCOBA1",
        "ExpCOBA2",
        "ExpCOBA3",
        "NetLIF0",
        "NetLIF1",
        "ConstantDelay0",
        "ConstantDelay1",
        "ConstantDelay2",
        "ConstantDelay3",
    ]

    net = EINet(3200, 800, method="exp_auto")
    runner = bp.dyn.DSRunner(net, monitors=["E.spike", "I.spike"], inputs=[("E.input", 20.0), ("I.input", 20.0)])
    t = runner.run(100.0)
    print(f"Used time {t} s")
    bp.visualize.raster_plot(runner.mon.ts, runner.mon["E.spike"], title="Spikes of Excitatory Neurons", show=True)
    assert runner.mon["E.spike"].dtype == np.bool_ and runner.mon["E.spike"].shape == (1000, 3200)
    rate = runner.mon["E.spike"].mean() / 0.1e-3  # Hz
    assert 1.0 < rate < 100.0  # the balanced network fires irregularly at a moderate rate

    pars = dict(V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0)
    E = LIF_(320, **pars)
    I = LIF_(80, **pars)
    E2E = ExpCOBA_(E, E, bp.conn.FixedProb(prob=0.02), E=0.0, g_max=0.6, tau=5.0)
    I2E = ExpCOBA_(I, E, bp.conn.FixedProb(prob=0.02), E=-80.0, g_max=6.7, tau=10.0)
    net2 = bp.dyn.Network(E2E, I2E, exc_group=E, inh_group=I)
    assert net2.exc_group is E and net2.inh_group is I
    runner = bp.dyn.DSRunner(
        net2,
        monitors=["exc_group.spike", "inh_group.spike"],
        inputs=[("exc_group.input", 20.0), ("inh_group.input", 20.0)],
    )
    t = runner.run(20.0)
    assert runner.mon["inh_group.spike"].shape == (200, 80)


# ---------------------------------------------------------------- general DS cells (L2199-2319)
class FitzHughNagumoModel(bp.dyn.DynamicalSystem):
    def __init__(self, a=0.8, b=0.7, tau=12.5, **kwargs):
        super().__init__(**kwargs)
        self.a = a
        self.b = b
        self.tau = tau
        self.v = bm.Variable([0.0])
        self.w = bm.Variable([0.0])
        self.I = bm.Variable([0.0])

    def update(self, _t, _dt):
        self.w += (self.v + self.a - self.b * self.w) / self.tau * _dt
        self.v += (self.v - self.v**3 / 3 - self.w + self.I) * _dt
        self.I[:] = 0.0


def test_general_dynamical_system_cells(capsys):
    fhn = FitzHughNagumoModel()
    assert fhn.name == "FitzHughNagumoModel0"
    names = [FitzHughNagumoModel().name for _ in range(3)]
    assert names == ["FitzHughNagumoModel1", "FitzHughNagumoModel2", "FitzHughNagumoModel3"]
    fhn2 = FitzHughNagumoModel(name="X")
    with pytest.raises(bp.errors.UniqueNameError):
        FitzHughNagumoModel(name="X")
    assert list(fhn2.vars()) == ["X.I", "X.v", "X.w"]
    assert list(fhn2.vars(method="relative")) == ["I", "v", "w"]

    runner = bp.dyn.DSRunner(fhn2, monitors=["v", "w"], inputs=("I", 1.5))
    runner(duration=100)
    bp.visualize.line_plot(runner.mon.ts, runner.mon.v, legend="v", show=False)
    bp.visualize.line_plot(runner.mon.ts, runner.mon.w, legend="w", show=True)
    runner = bp.dyn.DSRunner(fhn2, monitors=["v", "w"], inputs=("I", 1.5), jit=True)
    runner(duration=100)

    fhn_net = bp.dyn.Network(f1=fhn, f2=fhn2)
    # the values the spec prints after the two 100 ms runs
    np.testing.assert_allclose(fhn_net.vars()["X.v"], [1.492591], rtol=1e-5)
    np.testing.assert_allclose(fhn_net.vars()["X.w"], [1.9365357], rtol=1e-5)
    assert list(fhn_net.vars()) == [
        "FitzHughNagumoModel0.I",
        "FitzHughNagumoModel0.v",
        "FitzHughNagumoModel0.w",
        "X.I",
        "X.v",
        "X.w",
    ]
    assert list(fhn_net.vars(method="relative")) == ["f1.I", "f1.v", "f1.w", "f2.I", "f2.v", "f2.w"]
    assert list(fhn_net.nodes()) == ["FitzHughNagumoModel0", "X", fhn_net.name]
    assert list(fhn_net.nodes(method="relative")) == ["", "f1", "f2"]

    runner = bp.dyn.DSRunner(
        fhn_net,
        monitors=["f1.v", "X.v"],
        inputs=[
            ("f1.I", 1.5),  # relative access to variable "I" in 'fhn1'
            ("X.I", 1.0),
        ],
    )  # absolute access to variable "I" in 'fhn2'
    runner(duration=100)
    bp.visualize.line_plot(runner.mon.ts, runner.mon["f1.v"], legend="fhn1.v", show=False)
    bp.visualize.line_plot(runner.mon.ts, runner.mon["X.v"], legend="fhn2.v", show=True)
    assert runner.mon["f1.v"].shape == (1000, 1)


def test_dynamics_spec_second_run_continues():
    """L1466-1475: a Variable parameter changed between two runs; the second run continues time."""
    hh = HH(5, gNa=bm.Variable(bm.asarray([120.0])))
    runner = bp.dyn.DSRunner(hh, monitors=["V"], inputs=["input", 5.0])
    runner.run(100.0)
    first_ts = runner.mon.ts
    hh.gNa[:] = 100.0
    runner.run(100.0)
    np.testing.assert_allclose(first_ts[[0, -1]], [0.0, 99.9], atol=1e-9)
    np.testing.assert_allclose(runner.mon.ts[[0, -1]], [100.0, 199.9], atol=1e-9)
    assert runner.mon.V.shape == (1000, 5)
