"""Channel models and CondNeuGroup (issue 9): gate steady states, currents, HH-type firing, calcium dynamics.

References are written here independently from the published rate functions
(NumPy, and scipy.integrate.solve_ivp for the composed neuron).
"""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import BrainPyError, ModelBuildError
from scipy.integrate import solve_ivp

ch = bp.dyn.channels
VS = np.array([-85.0, -71.0, -56.0, -41.0, -26.0, -11.0, 4.0, 19.0])


def _ab(a, b):
    return a / (a + b)


def _x(V, k):  # x / (1 - exp(-x/k)) by direct formula (V never hits the singular point here)
    return V / (1 - np.exp(-V / k))


# independent reference steady states, by the published formulas
REF = {
    "INa": {
        "p": lambda V: _ab(0.32 * _x(V + 50 - 13, 4), 0.28 * _x(-(V + 50 - 40), 5)),
        "q": lambda V: _ab(0.128 * np.exp(-(V + 50 - 17) / 18), 4 / (1 + np.exp(-(V + 50 - 40) / 5))),
    },
    "INa_v2": {
        "p": lambda V: _ab(0.1 * (V + 40) / (1 - np.exp(-(V + 40) / 10)), 4 * np.exp(-(V + 65) / 18)),
        "q": lambda V: _ab(0.07 * np.exp(-(V + 65) / 20), 1 / (1 + np.exp(-(V + 35) / 10))),
    },
    "IK_DR": {"p": lambda V: _ab(0.032 * _x(V + 50 - 15, 5), 0.5 * np.exp(-(V + 50 - 10) / 40))},
    "IK2": {"p": lambda V: _ab(0.01 * (V + 55) / (1 - np.exp(-(V + 55) / 10)), 0.125 * np.exp(-(V + 65) / 80))},
    "Ih": {"p": lambda V: 1 / (1 + np.exp((V + 75) / 5.5))},
    "ICaN": {"p": lambda V: 1 / (1 + np.exp(-(V + 43) / 5.2))},
    "ICaT": {"p": lambda V: 1 / (1 + np.exp(-(V + 59 + 3) / 6.2)), "q": lambda V: 1 / (1 + np.exp((V + 83 + 3) / 4))},
    "ICaHT": {
        "p": lambda V: 1 / (1 + np.exp(-(V + 59 - 25) / 6.2)),
        "q": lambda V: 1 / (1 + np.exp((V + 83 - 25) / 4)),
    },
    "ICaT_RE": {
        "p": lambda V: 1 / (1 + np.exp(-(V + 52 + 3) / 7.4)),
        "q": lambda V: 1 / (1 + np.exp((V + 80 + 3) / 5)),
    },
    "ICaL": {"p": lambda V: 1 / (1 + np.exp(-(V + 10) / 4)), "q": lambda V: 1 / (1 + np.exp((V + 25) / 2))},
}


@pytest.mark.parametrize("name", sorted(REF))
def test_gate_steady_states_match_rate_formulas(name):
    channel = getattr(ch, name)(len(VS))
    V = bm.asarray(VS)
    if isinstance(channel, ch.CalciumChannel):
        channel.reset(V, 0.05, 120.0)
    else:
        channel.reset(V)
    for gate, ref in REF[name].items():
        expected = ref(VS)
        np.testing.assert_allclose(np.asarray(getattr(channel, gate + "_inf")(V)), expected, rtol=1e-4, atol=1e-7)
        np.testing.assert_allclose(np.asarray(getattr(channel, gate).value), expected, rtol=1e-4, atol=1e-7)
        # the derivative vanishes at the steady state and is phi * (inf - x) / tau elsewhere
        deriv = getattr(channel, "d" + gate)
        tau = np.asarray(getattr(channel, gate + "_tau")(V))
        phi = np.asarray(getattr(channel, "phi_" + gate))
        np.testing.assert_allclose(np.asarray(deriv(bm.asarray(expected), 0.0, V)), 0.0, atol=1e-5)
        np.testing.assert_allclose(np.asarray(deriv(bm.zeros(len(VS)), 0.0, V)), phi * expected / tau, rtol=1e-4)


def test_gate_time_constants_of_alpha_beta_channels():
    V = bm.asarray(VS)
    na = ch.INa_v2(len(VS))
    a, b = 0.1 * (VS + 40) / (1 - np.exp(-(VS + 40) / 10)), 4 * np.exp(-(VS + 65) / 18)
    np.testing.assert_allclose(np.asarray(na.p_tau(V)), 1 / (a + b), rtol=1e-4)
    # the removable singularity of alpha at V = -40 is finite and continuous
    near = np.asarray(na.p_alpha(bm.asarray([-40.001, -40.0, -39.999])))
    np.testing.assert_allclose(near, [1.0, 1.0, 1.0], atol=1e-3)


def test_IAHP_steady_state_in_calcium():
    C = np.array([1e-4, 0.01, 0.05, 0.2])
    ahp = ch.IAHP(4)
    ahp.reset(bm.zeros(4), bm.asarray(C))
    np.testing.assert_allclose(np.asarray(ahp.p.value), 48 * C**2 / (48 * C**2 + 0.09), rtol=1e-5)


@pytest.mark.parametrize("cls, g, E", [(ch.IL, 0.1, -70.0), (ch.IKL, 0.005, -90.0)])
def test_leak_current_is_g_times_V_minus_E(cls, g, E):
    leak = cls(len(VS))
    assert (leak.g_max, leak.E) == (g, E)
    # current() is the inward current, the negative of the conventional g (V - E)
    np.testing.assert_allclose(np.asarray(leak.current(bm.asarray(VS))), -g * (VS - E), rtol=1e-6)
    leak2 = cls(3, g_max=0.3, E=-54.0)
    np.testing.assert_allclose(np.asarray(leak2.current(bm.asarray([-54.0, -64.0, 0.0]))), [0.0, 3.0, -16.2], rtol=1e-6)


def test_default_parameters_follow_v2_1_12():
    assert (ch.INa(1).E, ch.INa(1).g_max, ch.INa(1).V_sh) == (50.0, 90.0, -50.0)
    assert (ch.INa_v2(1).E, ch.INa_v2(1).g_max) == (50.0, 120.0)
    assert (ch.IK_DR(1).E, ch.IK_DR(1).g_max, ch.IK_DR(1).V_sh, ch.IK_DR(1).T_base) == (-90.0, 10.0, -50.0, 3.0)
    assert (ch.IAHP(1).E, ch.IAHP(1).g_max) == (-80.0, 1.0)
    assert (ch.ICaN(1).E, ch.ICaN(1).g_max, ch.ICaN(1).phi) == (10.0, 1.0, 1.0)
    assert (ch.ICaT(1).g_max, ch.ICaT(1).V_sh, ch.ICaT_RE(1).g_max, ch.ICaHT(1).V_sh, ch.ICaL(1).g_max) == (
        2.0,
        -3.0,
        1.75,
        25.0,
        1.0,
    )
    assert (ch.Ih(1).g_max, ch.Ih(1).E) == (10.0, -90.0)
    assert (ch.CalciumFixed(1).E, ch.CalciumFixed(1).C) == (120.0, 0.05)
    cad = ch.CalciumDetailed(1)
    assert (cad.d, cad.C_rest, cad.tau, cad.C_0, cad.T) == (1.0, 0.05, 5.0, 2.0, 36.0)
    assert (ch.CalciumAbstract(1).alpha, ch.CalciumAbstract(1).beta) == (0.13, 0.075)


# --------------------------------------------------------------------------- CondNeuGroup: HH-type neuron


def _reference_spikes(I_ext, T=100.0, V0=-70.0):
    """INa + IK_DR + IL (defaults) integrated by solve_ivp; returns spike times and the peak V."""

    def rates(V):
        am, bm_ = 0.32 * _x(V + 37.0, 4), 0.28 * _x(-(V + 10.0), 5)
        ah, bh = 0.128 * np.exp(-(V + 33.0) / 18), 4 / (1 + np.exp(-(V + 10.0) / 5))
        an, bn = 0.032 * _x(V + 35.0, 5), 0.5 * np.exp(-(V + 40.0) / 40)
        return am, bm_, ah, bh, an, bn

    def f(t, s):
        V, m, h, n = s
        am, bm_, ah, bh, an, bn = rates(V)
        dV = 90 * m**3 * h * (50 - V) + 10 * n**4 * (-90 - V) + 0.1 * (-70 - V) + I_ext
        return [dV, am * (1 - m) - bm_ * m, ah * (1 - h) - bh * h, an * (1 - n) - bn * n]

    am, bm_, ah, bh, an, bn = rates(V0)
    s0 = [V0, am / (am + bm_), ah / (ah + bh), an / (an + bn)]
    sol = solve_ivp(f, (0, T), s0, method="LSODA", rtol=1e-8, atol=1e-10, max_step=0.05, dense_output=True)
    ts = np.arange(0, T, 0.005)
    V = sol.sol(ts)[0]
    up = np.where((V[1:] >= 0.0) & (V[:-1] < 0.0))[0]
    return ts[up + 1], V.max(), V[-1]


def _run_cond(I_ext, T=100.0, dt=0.01):
    neu = bp.dyn.CondNeuGroup(1, V_initializer=-70.0, INa=ch.INa(1), IK=ch.IK_DR(1), IL=ch.IL(1))
    runner = bp.dyn.DSRunner(neu, monitors=["V", "spike"], inputs=["input", I_ext], dt=dt, progress_bar=False)
    runner.run(T)
    return runner.mon.ts, runner.mon.V[:, 0], runner.mon.spike[:, 0]


def test_cond_neugroup_rests_below_rheobase():
    ts, V, spikes = _run_cond(2.0)
    ref_times, _, ref_last = _reference_spikes(2.0)
    assert spikes.sum() == 0 and len(ref_times) == 0
    # settles to a depolarised rest, the same as the reference
    assert abs(V[-1] - V[-1000]) < 0.05
    np.testing.assert_allclose(V[-1], ref_last, atol=0.1)


@pytest.mark.parametrize("I_ext", [4.0, 10.0])
def test_cond_neugroup_fires_repetitively_like_the_reference(I_ext):
    ts, V, spikes = _run_cond(I_ext)
    ref_times, ref_peak, _ = _reference_spikes(I_ext)
    times = ts[spikes]
    assert len(times) >= 5 and abs(len(times) - len(ref_times)) <= 1
    np.testing.assert_allclose(times[0], ref_times[0], atol=0.3)
    isi = np.diff(times[1:])
    assert isi.std() / isi.mean() < 0.05  # regular (tonic) firing
    assert 30.0 < V.max() < 50.0 and abs(V.max() - ref_peak) < 3.0


def test_cond_neugroup_spike_is_an_upward_crossing_and_reset_restores():
    neu = bp.dyn.CondNeuGroup(1, V_initializer=-70.0, V_th=0.0, INa=ch.INa(1), IK=ch.IK_DR(1), IL=ch.IL(1))
    assert set(neu.channels) == {"INa", "IK", "IL"} and neu.INa is neu.channels["INa"]
    runner = bp.dyn.DSRunner(neu, monitors=["V", "spike"], inputs=["input", 10.0], dt=0.01, progress_bar=False)
    runner.run(30.0)
    V, sp = runner.mon.V[:, 0], runner.mon.spike[:, 0]
    prev = np.concatenate([[-70.0], V[:-1]])
    np.testing.assert_array_equal(sp, (V >= 0.0) & (prev < 0.0))
    neu.reset()
    assert float(neu.V.value[0]) == -70.0 and not bool(neu.spike.value[0])
    np.testing.assert_allclose(np.asarray(neu.INa.p.value), REF["INa"]["p"](np.array([-70.0])), rtol=1e-4)


# --------------------------------------------------------------------------- calcium dynamics


class _Clamp(bp.dyn.DynamicalSystem):
    """Holds V fixed and steps a calcium dynamics with it."""

    def __init__(self, ca, V):
        super().__init__()
        self.ca, self.V = ca, V

    def update(self, _t, _dt):
        self.ca.update(_t, _dt, self.V)


def test_calcium_detailed_rises_with_influx_and_decays_with_tau():
    ca = ch.CalciumDetailed(1, ICaL=ch.ICaL(1))
    ca.reset(bm.asarray([-80.0]))  # at rest: the L-type channel is closed (p ~ 0) and de-inactivated (q ~ 1)
    np.testing.assert_allclose(float(ca.C.value[0]), 0.05)
    clamp = _Clamp(ca, bm.asarray([-10.0]))
    dt = 0.02
    runner = bp.dyn.DSRunner(clamp, monitors=["ca.C", "ca.E", "ca.ICaL.p", "ca.ICaL.q"], dt=dt, progress_bar=False)
    runner.run(20.0)
    C, E = runner.mon["ca.C"][:, 0], runner.mon["ca.E"][:, 0]
    p, q = runner.mon["ca.ICaL.p"][:, 0], runner.mon["ca.ICaL.q"][:, 0]
    assert C.max() > 0.05 * 4 and np.all(np.diff(C[:100]) > 0)  # rises with the influx
    # reference: dC/dt = I_Ca / (2 F d) + (C_rest - C) / tau, with the monitored inward I_Ca = g p^2 q (E - V),
    # each step integrated exactly with the drive held (the gates and E lag one step, as in the model)
    I_ca = 1.0 * np.concatenate([[0.0], p[:-1] ** 2 * q[:-1]]) * (np.concatenate([[E[0]], E[:-1]]) + 10.0)
    ref, c, decay = [], 0.05, np.exp(-dt / 5.0)
    for n in range(len(C)):
        target = 0.05 + 5.0 * max(I_ca[n], 0.0) / (2 * 96.489 * 1.0)
        c = target + (c - target) * decay
        ref.append(c)
    np.testing.assert_allclose(C, ref, rtol=0.03)
    # the reversal potential follows the Nernst equation
    E_ref = 8.31441 / (2 * 96.489) * (273.15 + 36.0) * np.log(2.0 / C)
    np.testing.assert_allclose(E, E_ref, rtol=1e-4)

    # hyperpolarised: the channel closes and C decays to C_rest with the time constant tau
    clamp.V = bm.asarray([-100.0])
    ca.ICaL.reset(clamp.V)
    C0 = float(ca.C.value[0])
    runner = bp.dyn.DSRunner(clamp, monitors=["ca.C"], dt=0.05, progress_bar=False)
    runner.run(20.0)
    ts, C = runner.mon.ts, runner.mon["ca.C"][:, 0]
    expected = 0.05 + (C0 - 0.05) * np.exp(-(ts - ts[0] + 0.05) / 5.0)
    np.testing.assert_allclose(C, expected, rtol=2e-3)


def test_calcium_abstract_and_fixed_in_a_neuron():
    neu = bp.dyn.CondNeuGroup(
        2,
        V_initializer=-65.0,
        IL=ch.IL(2),
        IK=ch.IK_DR(2),
        INa=ch.INa(2),
        Ca=ch.CalciumAbstract(2, ICaL=ch.ICaL(2), IAHP=ch.IAHP(2)),
        CaF=ch.CalciumFixed(2, ICaT=ch.ICaT(2)),
    )
    runner = bp.dyn.DSRunner(neu, monitors=["V", "Ca.C"], inputs=["input", 10.0], dt=0.02, progress_bar=False)
    runner.run(50.0)
    assert np.all(np.isfinite(runner.mon.V)) and runner.mon["Ca.C"].max() > 0.05
    # IAHP's potassium current does not feed the calcium concentration
    assert neu.Ca.influx_current(bm.asarray([-20.0, -20.0]), neu.Ca.C.value).shape == (2,)


def test_ICaT_gives_a_rebound_burst_after_hyperpolarisation():
    # a thalamic-relay-like cell: released from a 200 ms hyperpolarisation, the de-inactivated T current
    # fires a low-threshold burst; without it the cell just returns to rest
    counts = []
    for with_t in (True, False):
        extra = {"Ca": ch.CalciumFixed(1, ICaT=ch.ICaT(1))} if with_t else {}
        neu = bp.dyn.CondNeuGroup(
            1, V_initializer=-65.0, INa=ch.INa(1), IK=ch.IK_DR(1), IL=ch.IL(1, g_max=0.05), **extra
        )
        current, duration = bp.inputs.section_input([0.0, -2.0, 0.0], [50.0, 200.0, 100.0], dt=0.05, return_length=True)
        runner = bp.dyn.DSRunner(
            neu, monitors=["spike"], inputs=["input", current, "iter"], dt=0.05, progress_bar=False
        )
        runner.run(duration)
        ts, spikes = runner.mon.ts, runner.mon.spike[:, 0]
        assert spikes[ts < 250.0].sum() == 0
        counts.append(int(spikes[ts >= 250.0].sum()))
    assert counts[0] >= 2 and counts[1] == 0


# --------------------------------------------------------------------------- registration and errors


def test_channels_are_registered_and_reachable():
    names = [
        "INa",
        "INa_v2",
        "IK_DR",
        "IK2",
        "IAHP",
        "ICaN",
        "ICaT",
        "ICaT_RE",
        "ICaHT",
        "ICaL",
        "Ih",
        "IL",
        "IKL",
        "CalciumFixed",
        "CalciumDetailed",
        "CalciumAbstract",
        "Ion",
        "IonChannel",
        "PotassiumChannel",
        "Calcium",
        "CalciumChannel",
        "IhChannel",
        "LeakyChannel",
    ]
    assert set(names) <= set(ch.__all__)
    assert bp.dyn.CondNeuGroup is ch.CondNeuGroup and bp.dyn.Channel is ch.Channel
    assert bp.dyn.INa is ch.INa


def test_unknown_channel_object_raises_naming_the_argument():
    with pytest.raises(ModelBuildError, match="foo"):
        bp.dyn.CondNeuGroup(1, INa=ch.INa(1), foo=object())
    with pytest.raises(BrainPyError, match="bar"):
        bp.dyn.CondNeuGroup(1, bar=bp.dyn.LIF(1))


def test_calcium_channel_outside_calcium_and_wrong_sizes_raise():
    with pytest.raises(ModelBuildError, match="ICaT.*CalciumFixed"):
        bp.dyn.CondNeuGroup(1, ICaT=ch.ICaT(1))
    with pytest.raises(ModelBuildError, match="INa"):
        bp.dyn.CondNeuGroup(3, INa=ch.INa(2))
    with pytest.raises(ModelBuildError, match="IL"):
        ch.CalciumDetailed(1, IL=ch.IL(1))
