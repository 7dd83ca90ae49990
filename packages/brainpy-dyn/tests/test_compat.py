"""``brainpy.compat`` and ``bp.models`` (spec API L11176-11226), ``ContainerWrapper``, ``ConNeuGroup``
and the module-path facades the spec prints.

The spec cells that use the 2.0 names (``bp.models.LIF``/``ExpCOBA`` at L1831-1840 and L6386-6402,
``bp.StructRunner``/``bp.Monitor`` at L6232-6246) run here with their numbers checked against
independent references: the closed-form LIF interspike interval, the exact exponential decay of a
synaptic conductance, and the Hodgkin-Huxley limit cycle from ``scipy.integrate.solve_ivp``.
"""

from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import brainpy as bp  # noqa: E402
import brainpy.compat  # noqa: E402
import brainpy.dyn.neurons.biological_models as biological_models  # noqa: E402
import brainpy.dyn.neurons.IF_models as IF_models  # noqa: E402
import brainpy.dyn.synapses.abstract_models as abstract_models  # noqa: E402
import brainpy.math as bm  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from brainpy.errors import ModelBuildError, NoImplementationError  # noqa: E402
from scipy.integrate import solve_ivp  # noqa: E402

ch = bp.dyn.channels


@pytest.fixture(autouse=True)
def _clean():
    bp.clear_name_cache()
    yield
    plt.close("all")
    bp.clear_name_cache()


# ---------------------------------------------------------------- names
MODERN = {
    # brain objects
    "DynamicalSystem": lambda: bp.dyn.DynamicalSystem,
    "Container": lambda: bp.dyn.Container,
    "Network": lambda: bp.dyn.Network,
    "ConstantDelay": lambda: bp.dyn.ConstantDelay,
    "NeuGroup": lambda: bp.dyn.NeuGroup,
    "TwoEndConn": lambda: bp.dyn.TwoEndConn,
    # integrators
    "set_default_odeint": lambda: bp.integrators.set_default_odeint,
    "set_default_sdeint": lambda: bp.integrators.set_default_sdeint,
    "get_default_odeint": lambda: bp.integrators.get_default_odeint,
    "get_default_sdeint": lambda: bp.integrators.get_default_sdeint,
    # models
    "LIF": lambda: bp.dyn.LIF,
    "AdExIF": lambda: bp.dyn.AdExIF,
    "Izhikevich": lambda: bp.dyn.Izhikevich,
    "SpikeTimeInput": lambda: bp.dyn.SpikeTimeInput,
    "PoissonInput": lambda: bp.dyn.PoissonInput,
    "ExpCOBA": lambda: bp.dyn.ExpCOBA,
    "ExpCUBA": lambda: bp.dyn.ExpCUBA,
    "DeltaSynapse": lambda: bp.dyn.DeltaSynapse,
    "AMPA": lambda: bp.dyn.AMPA,
    "GABAa": lambda: bp.dyn.GABAa,
    # runners and monitor
    "IntegratorRunner": lambda: bp.integrators.IntegratorRunner,
    "DSRunner": lambda: bp.dyn.DSRunner,
    "StructRunner": lambda: bp.dyn.StructRunner,
    "ReportRunner": lambda: bp.dyn.ReportRunner,
    "Monitor": lambda: bp.running.Monitor,
}


@pytest.mark.parametrize("name", sorted(MODERN))
def test_every_compat_name_is_the_modern_object(name):
    assert name in bp.compat.__all__
    assert getattr(bp.compat, name) is MODERN[name]()
    assert getattr(bp, name, getattr(bp.compat, name)) is MODERN[name]()  # and bp.<Name> where it exists


def test_compat_lists_the_spec_names_and_modules():
    spec = {*MODERN, "Module"}
    assert spec <= set(bp.compat.__all__)
    for sub in ("brainobjects", "integrators", "layers", "models", "runners", "monitor"):
        module = getattr(bp.compat, sub)
        for name in module.__all__:
            assert getattr(module, name) is getattr(bp.compat, name)
    assert set(bp.compat.models.__all__) == {
        "LIF", "AdExIF", "Izhikevich", "SpikeTimeInput", "PoissonInput",
        "DeltaSynapse", "ExpCUBA", "ExpCOBA", "AMPA", "GABAa",
    }  # fmt: skip


def test_bp_models_is_the_compat_models_module():
    assert bp.models is bp.compat.models
    assert bp.models.LIF is bp.dyn.LIF and bp.models.ExpCOBA is bp.dyn.ExpCOBA
    with pytest.raises(AttributeError, match=r"bp\.dyn\.HH"):
        bp.models.HH  # noqa: B018


def test_importing_compat_leaves_the_model_subpackages_unloaded():
    code = (
        "import sys, brainpy.compat, brainpy as bp; bp.models;"
        "print(sorted(m for m in sys.modules if m.startswith(('brainpy.dyn.neurons', 'brainpy.dyn.synapses'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_set_default_odeint_through_compat():
    before = bp.integrators.get_default_odeint()
    try:
        bp.compat.set_default_odeint("rk4")
        assert bp.compat.get_default_odeint() == "rk4" == bp.integrators.get_default_odeint()
        assert type(bp.odeint(lambda x, t: -x)).__name__ == "RK4"
    finally:
        bp.integrators.set_default_odeint(before)
    assert bp.integrators.get_default_odeint() == before


# ---------------------------------------------------------------- spec cells
def lif_isi(V_rest, V_reset, V_th, tau, tau_ref, current):
    """Closed-form interspike interval of a LIF neuron under a constant current (R = 1)."""
    v_inf = V_rest + current
    return tau_ref + tau * np.log((v_inf - V_reset) / (v_inf - V_th))


def test_spec_show_syn_model_with_bp_models():
    # spec L1831-1840, with bp.models.ExpCOBA as the synapse model
    def show_syn_model(model):
        pre = bp.models.LIF(1, V_rest=-60.0, V_reset=-60.0, V_th=-40.0)
        post = bp.models.LIF(1, V_rest=-60.0, V_reset=-60.0, V_th=-40.0)
        syn = model(pre, post, conn=bp.conn.One2One())
        net = bp.dyn.Network(pre=pre, post=post, syn=syn)
        runner = bp.DSRunner(net, monitors=["pre.V", "post.V", "syn.g", "pre.spike"], inputs=["pre.input", 22.0])
        runner.run(100.0)
        fig, gs = bp.visualize.get_figure(1, 2, 3, 4)
        fig.add_subplot(gs[0, 0])
        bp.visualize.line_plot(runner.mon.ts, runner.mon["syn.g"], legend="syn.g")
        fig.add_subplot(gs[0, 1])
        bp.visualize.line_plot(runner.mon.ts, runner.mon["pre.V"], legend="pre.V")
        bp.visualize.line_plot(runner.mon.ts, runner.mon["post.V"], legend="post.V", show=False)
        return runner

    runner = show_syn_model(bp.models.ExpCOBA)
    dt = bm.get_dt()
    spikes = runner.mon.ts[np.asarray(runner.mon["pre.spike"])[:, 0]]
    isi = np.diff(spikes)
    expected = lif_isi(-60.0, -60.0, -40.0, tau=10.0, tau_ref=1.0, current=22.0)  # 1 + 10 ln 11 = 24.98 ms
    assert len(isi) >= 3
    # spikes are seen on the grid: at most one step late, plus one step of refractory hold
    assert np.all(isi >= expected - 1e-6) and np.all(isi <= expected + 2 * dt + 1e-6)
    # between spikes the conductance decays exactly as exp(-dt / tau), tau = 8 ms (ExpCOBA's default)
    g = np.asarray(runner.mon["syn.g"])[:, 0]
    k = int(round((spikes[1] + 10.0) / dt))
    np.testing.assert_allclose(g[k + 1] / g[k], np.exp(-dt / 8.0), rtol=1e-4)
    assert g.max() >= 1.0  # each pre spike adds g_max = 1


def test_spec_einet_with_bp_network_and_bp_models():
    # spec L6386-6402 (bp.Network, bp.models.LIF, bp.models.ExpCOBA), scaled down to 1000 neurons
    class EINet(bp.Network):
        def __init__(self, num_exc=3200, num_inh=800, method="exp_auto"):
            # neurons
            pars = dict(V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0)
            E = bp.models.LIF(num_exc, **pars, method=method)
            I = bp.models.LIF(num_inh, **pars, method=method)  # noqa: E741
            E.V[:] = bp.math.random.randn(num_exc) * 2 - 55.0
            I.V[:] = bp.math.random.randn(num_inh) * 2 - 55.0
            # synapses
            E2E = bp.models.ExpCOBA(E, E, bp.conn.FixedProb(prob=0.02), E=0.0, g_max=0.6, tau=5.0, method=method)
            E2I = bp.models.ExpCOBA(E, I, bp.conn.FixedProb(prob=0.02), E=0.0, g_max=0.6, tau=5.0, method=method)
            I2E = bp.models.ExpCOBA(I, E, bp.conn.FixedProb(prob=0.02), E=-80.0, g_max=6.7, tau=10.0, method=method)
            I2I = bp.models.ExpCOBA(I, I, bp.conn.FixedProb(prob=0.02), E=-80.0, g_max=6.7, tau=10.0, method=method)
            super(EINet, self).__init__(E2E, E2I, I2E, I2I, E=E, I=I)  # noqa: UP008 (the spec cell)

    bm.random.seed(42)
    net = EINet(800, 200)
    assert isinstance(net, bp.dyn.Network) and isinstance(net.E, bp.dyn.LIF)
    assert {"E", "I", "ExpCOBA0", "ExpCOBA1", "ExpCOBA2", "ExpCOBA3"} <= set(net.nodes(method="relative", level=1))
    runner = bp.DSRunner(net, monitors=["E.spike"], inputs=[("E.input", 20.0), ("I.input", 20.0)], progress_bar=False)
    runner.run(100.0)
    rate = np.asarray(runner.mon["E.spike"])[200:].mean() / bm.get_dt() * 1000.0  # Hz, after 20 ms
    uncoupled = 1000.0 / lif_isi(-60.0, -60.0, -50.0, tau=20.0, tau_ref=5.0, current=20.0)  # 53.0 Hz
    # the strong inhibition (g_max 6.7 towards -80 mV) keeps the network below the uncoupled rate
    assert 5.0 < rate < uncoupled


def hh_period(current=10.0):
    """Period of the Hodgkin-Huxley limit cycle (the bp.dyn.HH parameters), by solve_ivp at tight tolerances."""

    def rhs(t, y):
        V, m, h, n = y
        am = 0.1 * (V + 40) / (1 - np.exp(-(V + 40) / 10))
        bm_ = 4 * np.exp(-(V + 65) / 18)
        ah = 0.07 * np.exp(-(V + 65) / 20)
        bh = 1 / (1 + np.exp(-(V + 35) / 10))
        an = 0.01 * (V + 55) / (1 - np.exp(-(V + 55) / 10))
        bn = 0.125 * np.exp(-(V + 65) / 80)
        dV = current - 120 * m**3 * h * (V - 50) - 36 * n**4 * (V + 77) - 0.03 * (V + 54.387)
        return [dV, am * (1 - m) - bm_ * m, ah * (1 - h) - bh * h, an * (1 - n) - bn * n]

    def crossing(t, y):
        return y[0] - 20.0

    crossing.direction = 1
    sol = solve_ivp(rhs, (0, 200), [-65, 0.5, 0.6, 0.32], events=crossing, rtol=1e-9, atol=1e-9, method="LSODA")
    return float(np.diff(sol.t_events[0])[-1])


def test_spec_struct_runner_and_monitor_cells():
    # spec L6219-6253
    bp.math.set_dt(0.02)
    HH = bp.dyn.HH
    model = HH(1)
    runner1 = bp.StructRunner(model, monitors=["V", "spike"], inputs=("input", 10))
    assert type(runner1.mon) is bp.Monitor
    assert f"{type(runner1.mon).__module__}.{type(runner1.mon).__name__}" == "brainpy.running.monitor.Monitor"
    runner2 = bp.StructRunner(model, monitors=bp.Monitor(variables=["V", "spike"]))
    assert isinstance(runner2, bp.dyn.DSRunner)
    runner1(100.0)
    bp.visualize.line_plot(runner1.mon.ts, runner1.mon.V, show=False)
    assert runner1.mon.V.shape == (5000, 1)
    spikes = runner1.mon.ts[np.asarray(runner1.mon.spike)[:, 0]]
    assert len(spikes) >= 5
    np.testing.assert_allclose(np.diff(spikes)[-3:], hh_period(10.0), rtol=0.02)


# ---------------------------------------------------------------- layers.Module
def test_module_is_a_callable_system_with_trainable_parameters():
    class Dense(bp.compat.Module):
        def __init__(self, n_in, n_out):
            super().__init__()
            self.w = self.get_param(bp.init.Normal(), (n_in, n_out))
            self.b = self.get_param(bm.ones(n_out) * 0.5, (n_out,))

        def call(self, x):
            return x @ self.w + self.b

    bm.random.seed(0)
    layer = Dense(3, 2)
    assert isinstance(layer, bp.dyn.DynamicalSystem)
    x = np.arange(6.0, dtype=np.float32).reshape(2, 3)
    np.testing.assert_allclose(np.asarray(layer(x)), x @ np.asarray(layer.w) + 0.5, rtol=1e-6)
    assert set(layer.train_vars().keys()) == {f"{layer.name}.w", f"{layer.name}.b"}
    # its gradient: d/dw sum(x @ w + b) = x^T 1
    grads = bm.grad(lambda: layer(x).sum(), grad_vars=layer.train_vars())()
    np.testing.assert_allclose(np.asarray(grads[f"{layer.name}.w"]), x.T @ np.ones((2, 2)), rtol=1e-6)
    assert bp.compat.Module.init_param(None, 3) is None


def test_module_errors_name_the_problem():
    with pytest.raises(ModelBuildError, match=r"shape \(3,\), but size=\(4,\)"):
        bp.compat.Module.init_param(bm.zeros(3), 4)
    with pytest.raises(ModelBuildError, match="str"):
        bp.compat.Module.init_param("zeros", 4)
    with pytest.raises(NoImplementationError, match="call"):
        bp.compat.Module()(1.0)


# ---------------------------------------------------------------- ContainerWrapper and ConNeuGroup
def test_con_neu_group_is_cond_neu_group():
    assert bp.dyn.ConNeuGroup is bp.dyn.CondNeuGroup is ch.ConNeuGroup is ch.CondNeuGroup


def test_container_wrapper_builds_the_hodgkin_huxley_neuron():
    HH = bp.dyn.ContainerWrapper(bp.dyn.CondNeuGroup, INa=ch.INa_v2, IK=ch.IK2, IL=ch.IL)
    assert repr(HH) == "CondNeuGroup(INa=INa_v2, IK=IK2, IL=IL)"
    bp.math.set_dt(0.02)
    hh = HH(1, V_initializer=-65.0, IK=dict(E=-77.0, g_max=36.0), IL=dict(E=-54.387, g_max=0.03), name="hh")
    assert type(hh) is bp.dyn.CondNeuGroup and hh.name == "hh"
    assert isinstance(hh.INa, ch.INa_v2) and isinstance(hh.IK, ch.IK2) and isinstance(hh.IL, ch.IL)
    assert float(hh.IK.g_max) == 36.0 and float(hh.IL.E) == pytest.approx(-54.387) and float(hh.INa.g_max) == 120.0
    # the composed model is the classic HH neuron: its firing period is the limit cycle's
    runner = bp.DSRunner(hh, monitors=["spike"], inputs=("input", 10.0), progress_bar=False)
    runner.run(100.0)
    spikes = runner.mon.ts[np.asarray(runner.mon.spike)[:, 0]]
    assert len(spikes) >= 5
    np.testing.assert_allclose(np.diff(spikes)[-3:], hh_period(10.0), rtol=0.02)
    # and exactly the model composed by hand
    direct = bp.dyn.CondNeuGroup(
        1, V_initializer=-65.0, INa=ch.INa_v2(1), IK=ch.IK2(1, E=-77.0, g_max=36.0), IL=ch.IL(1, E=-54.387, g_max=0.03)
    )
    runner2 = bp.DSRunner(direct, monitors=["spike"], inputs=("input", 10.0), progress_bar=False)
    runner2.run(100.0)
    np.testing.assert_array_equal(np.asarray(runner2.mon.spike), np.asarray(runner.mon.spike))


def test_container_wrapper_nests_and_shares_arguments():
    Ca = bp.dyn.ContainerWrapper(ch.CalciumFixed, ICaL=ch.ICaL)
    Neu = bp.dyn.ContainerWrapper(bp.dyn.CondNeuGroup, Ca=Ca, IL=ch.IL)
    assert repr(Neu) == "CondNeuGroup(Ca=CalciumFixed(ICaL=ICaL), IL=IL)"
    neu = Neu((2, 3), shared_kwargs=dict(keep_size=True), Ca=dict(ICaL=dict(g_max=2.5)), IL=dict(g_max=0.2))
    assert isinstance(neu.Ca, ch.CalciumFixed) and isinstance(neu.Ca.ICaL, ch.ICaL)
    assert float(np.max(neu.Ca.ICaL.g_max)) == 2.5 and float(np.max(neu.IL.g_max)) == pytest.approx(0.2)
    for obj in (neu, neu.Ca, neu.Ca.ICaL, neu.IL):
        assert obj.keep_size and obj.size == (2, 3)
    assert neu.V.shape == (2, 3)


def test_container_wrapper_errors():
    with pytest.raises(TypeError, match="master must be"):
        bp.dyn.ContainerWrapper(bp.dyn.CondNeuGroup(1), INa=ch.INa)
    with pytest.raises(TypeError, match=r"Pass the class, INa, instead"):
        bp.dyn.ContainerWrapper(bp.dyn.CondNeuGroup, INa=ch.INa(1))
    HH = bp.dyn.ContainerWrapper(bp.dyn.CondNeuGroup, INa=ch.INa)
    with pytest.raises(TypeError, match=r"INa=dict\(g_max=1\.\)"):
        HH(1, INa=120.0)
    with pytest.raises(ModelBuildError, match="ICaT"):  # the master's own check still applies
        bp.dyn.ContainerWrapper(bp.dyn.CondNeuGroup, ICaT=ch.ICaT)(1)


# ---------------------------------------------------------------- facades of the spec's module paths
@pytest.mark.parametrize(
    "facade, source, path",
    [
        (IF_models, bp.dyn.neurons, "brainpy.dyn.neurons.IF_models"),
        (biological_models, bp.dyn.neurons, "brainpy.dyn.neurons.biological_models"),
        (abstract_models, bp.dyn.synapses, "brainpy.dyn.synapses.abstract_models"),
    ],
)
def test_facades_export_the_same_objects(facade, source, path):
    assert facade.__name__ == path and facade.__all__
    for name in facade.__all__:
        assert getattr(facade, name) is getattr(source, name) is getattr(bp.dyn, name)
        assert getattr(facade, name).__module__ == path


def test_reprs_name_the_spec_paths():
    # spec L2096-2100 and L6300
    lif = bp.models.LIF(2)
    syn = bp.models.ExpCOBA(lif, lif, bp.conn.All2All())
    assert repr(lif).startswith("<brainpy.dyn.neurons.IF_models.LIF object at ")
    assert repr(syn).startswith("<brainpy.dyn.synapses.abstract_models.ExpCOBA object at ")
    assert repr(bp.dyn.HH(1)).startswith("<brainpy.dyn.neurons.biological_models.HH object at ")
