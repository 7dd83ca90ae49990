"""The built-in synapse models against their analytic solutions (issue 9).

A ``SpikeTrain`` group emits a fixed spike pattern (row ``n`` at step ``n``) and a ``Probe`` group
at a clamped potential records the input it receives at every step. Within a step the synapse is
updated before the groups, so a spike emitted at step ``n`` reaches a synapse without delay at
step ``n + 1``.
"""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import jax.numpy as jnp
import numpy as np
import pytest
from scipy.integrate import solve_ivp

DT = 0.1
SPIKE_STEP = 5  # the pre-synaptic neuron spikes at this step ...
ARRIVAL = SPIKE_STEP + 1  # ... and the synapse sees it at the next one


class SpikeTrain(bp.dyn.NeuGroup):
    """Emits ``pattern[n]`` (bool, shape (steps, num)) as its spikes at step n (no spike after the end)."""

    def __init__(self, pattern):
        pattern = np.asarray(pattern, dtype=bool)
        super().__init__(pattern.shape[1])
        self.pattern = jnp.concatenate([jnp.asarray(pattern), jnp.zeros((1, self.num), bool)])
        self.spike = bm.Variable(bm.zeros(self.num, dtype=bool))
        self.i = bm.Variable(jnp.zeros((), jnp.int32))

    def update(self, _t, _dt):
        self.spike.value = self.pattern[jnp.minimum(self.i.value, self.pattern.shape[0] - 1)]
        self.i.value = self.i.value + 1


class Probe(bp.dyn.NeuGroup):
    """A post-synaptic group clamped at ``V`` that records (in ``I``) the input of each step."""

    def __init__(self, num, V=-65.0):
        super().__init__(num)
        self.V = bm.Variable(bm.ones(num) * V)
        self.input = bm.Variable(bm.zeros(num))
        self.I = bm.Variable(bm.zeros(num))

    def update(self, _t, _dt):
        self.I.value = self.input.value
        self.input.value = jnp.zeros_like(self.input.value)


def single_spike(num_steps, num=1, step=SPIKE_STEP):
    pattern = np.zeros((num_steps, num), bool)
    pattern[step] = True
    return pattern


def run(make_syn, pattern, post_num=1, V=-65.0, monitors=("g",)):
    """Build SpikeTrain -> synapse -> Probe, run len(pattern) steps; return the monitored arrays."""
    pre, post = SpikeTrain(pattern), Probe(post_num, V=V)
    syn = make_syn(pre, post)
    net = bp.dyn.Network(syn=syn, pre=pre, post=post)
    mons = ["post.I"] + [f"syn.{m}" for m in monitors]
    runner = bp.dyn.DSRunner(net, monitors=mons, dt=DT, progress_bar=False)
    runner.run(len(pattern) * DT)
    return {k.split(".")[-1]: np.asarray(runner.mon[k]) for k in mons}


# ---------------------------------------------------------------------------- exponential
def test_exp_cuba_decays_as_exp_after_one_spike():
    tau, w = 5.0, 0.7
    out = run(lambda pre, post: bp.dyn.ExpCUBA(pre, post, bp.conn.One2One(), g_max=w, tau=tau), single_spike(200))
    g = out["g"][:, 0]
    assert np.all(g[:ARRIVAL] == 0.0)
    m = np.arange(200 - ARRIVAL)
    np.testing.assert_allclose(g[ARRIVAL:], w * np.exp(-m * DT / tau), rtol=1e-5, atol=1e-9)
    np.testing.assert_allclose(out["I"][:, 0], g, rtol=1e-6)  # CUBA: the current is g


@pytest.mark.parametrize("E, g_max", [(0.0, 0.6), (-80.0, 6.7)])
def test_exp_coba_current_is_g_times_driving_force(E, g_max):
    V = -65.0
    out = run(
        lambda pre, post: bp.dyn.ExpCOBA(pre, post, bp.conn.One2One(), g_max=g_max, tau=5.0, E=E), single_spike(50), V=V
    )
    g, current = out["g"][:, 0], out["I"][:, 0]
    np.testing.assert_allclose(current, g * (E - V), rtol=1e-6)
    assert current[ARRIVAL] == pytest.approx(g_max * (E - V), rel=1e-6)  # 39 (excitatory), -100.5 (inhibitory)
    assert np.sign(current[ARRIVAL]) == np.sign(E - V)


# ---------------------------------------------------------------------------- dual exponential / alpha
def dual_exp(s, tau_decay, tau_rise):
    return tau_decay * tau_rise / (tau_decay - tau_rise) * (np.exp(-s / tau_decay) - np.exp(-s / tau_rise))


def test_dual_exp_waveform_matches_the_closed_form():
    td, tr, w, n = 10.0, 1.0, 0.5, 600
    out = run(
        lambda pre, post: bp.dyn.DualExpCUBA(
            pre, post, bp.conn.One2One(), g_max=w, tau_decay=td, tau_rise=tr, method="rk4"
        ),
        single_spike(n),
    )
    g = out["g"][:, 0]
    s = np.arange(n - ARRIVAL) * DT  # h is kicked at ARRIVAL, after that step's integration
    np.testing.assert_allclose(g[ARRIVAL:], w * dual_exp(s, td, tr), atol=1e-5 * w * td)
    peak = td * tr / (td - tr) * np.log(td / tr)  # 2.558 ms
    assert s[np.argmax(g[ARRIVAL:])] == pytest.approx(peak, abs=DT / 2 + 1e-9)


@pytest.mark.parametrize("cls", ["AlphaCUBA", "AlphaCOBA"])
def test_alpha_peaks_at_tau(cls):
    tau, w, n, V = 4.0, 2.0, 300, -65.0
    out = run(
        lambda pre, post: getattr(bp.dyn, cls)(pre, post, bp.conn.One2One(), g_max=w, tau_decay=tau, method="rk4"),
        single_spike(n),
        V=V,
    )
    g = out["g"][:, 0]
    s = np.arange(n - ARRIVAL) * DT
    np.testing.assert_allclose(g[ARRIVAL:], w * s * np.exp(-s / tau), atol=1e-5 * w * tau)
    assert s[np.argmax(g[ARRIVAL:])] == pytest.approx(tau, abs=DT / 2 + 1e-9)
    assert g.max() == pytest.approx(w * tau / np.e, rel=1e-4)
    expected = g if cls == "AlphaCUBA" else g * (0.0 - V)
    np.testing.assert_allclose(out["I"][:, 0], expected, rtol=1e-5)


def test_dual_exp_default_method_is_close_to_the_closed_form():
    td, tr, n = 10.0, 1.0, 400
    out = run(lambda pre, post: bp.dyn.DualExpCUBA(pre, post, bp.conn.One2One()), single_spike(n))
    g = out["g"][ARRIVAL:, 0]
    ref = dual_exp(np.arange(n - ARRIVAL) * DT, td, tr)
    # exponential Euler on the joint (g, h) system is first order: a few percent at dt = 0.1
    assert np.max(np.abs(g - ref)) < 0.06 * ref.max()
    assert abs(np.argmax(g) - np.argmax(ref)) * DT <= 0.3


# ---------------------------------------------------------------------------- NMDA
def test_nmda_magnesium_block_formula():
    pre, post = SpikeTrain(single_spike(10)), Probe(1)
    syn = bp.dyn.NMDA(pre, post, bp.conn.One2One())
    V = np.array([-80.0, -65.0, -40.0, 0.0, 20.0])
    expected = 1.0 / (1.0 + 1.2 / 3.57 * np.exp(-0.062 * V))  # Jahr & Stevens (1990)
    np.testing.assert_allclose(np.asarray(syn.mg_block(jnp.asarray(V))), expected, rtol=1e-6)
    assert expected[1] == pytest.approx(0.0502, abs=1e-4)  # 1 / (1 + 0.3361 e^{4.03}): strongly blocked at -65 mV


def test_nmda_gating_and_current_match_the_ode_solution():
    td, tr, a, g_max, V, n = 100.0, 2.0, 0.5, 0.15, -40.0, 500
    out = run(
        lambda pre, post: bp.dyn.NMDA(pre, post, bp.conn.One2One(), g_max=g_max, method="rk4"),
        single_spike(n),
        V=V,
        monitors=("g", "x"),
    )
    g = out["g"][:, 0]
    s = np.arange(n - ARRIVAL) * DT  # x is kicked to 1 at ARRIVAL
    sol = solve_ivp(
        lambda t, y: [-y[0] / td + a * y[1] * (1 - y[0]), -y[1] / tr],
        (0, s[-1]),
        [0.0, 1.0],
        t_eval=s,
        rtol=1e-10,
        atol=1e-12,
    )
    np.testing.assert_allclose(g[ARRIVAL:], sol.y[0], rtol=1e-4, atol=1e-7)
    np.testing.assert_allclose(out["x"][ARRIVAL:, 0], sol.y[1], rtol=1e-4, atol=1e-7)
    block = 1.0 / (1.0 + 1.2 / 3.57 * np.exp(-0.062 * V))
    np.testing.assert_allclose(out["I"][:, 0], g_max * g * block * (0.0 - V), rtol=1e-5, atol=1e-9)


# ---------------------------------------------------------------------------- AMPA / GABAa
@pytest.mark.parametrize(
    "cls, alpha, beta, T, T_dur, g_max, E",
    [
        ("AMPA", 0.98, 0.18, 0.5, 0.5, 0.42, 0.0),
        ("GABAa", 0.53, 0.18, 1.0, 1.0, 0.04, -80.0),
    ],
)
def test_kinetic_receptor_matches_the_ode_solution(cls, alpha, beta, T, T_dur, g_max, E):
    n, V = 300, -65.0
    out = run(lambda pre, post: getattr(bp.dyn, cls)(pre, post, bp.conn.One2One()), single_spike(n), V=V)
    g = out["g"][:, 0]
    # the pulse [T] = T lasts T_duration from the arrival; g is monitored after each step's integration
    s = (np.arange(n - ARRIVAL) + 1) * DT
    k, g_inf = alpha * T + beta, alpha * T / (alpha * T + beta)
    rise = g_inf * (1 - np.exp(-k * np.minimum(s, T_dur)))
    expected = np.where(s <= T_dur + 1e-9, rise, rise * np.exp(-beta * (s - T_dur)))
    assert np.all(g[:ARRIVAL] == 0.0)
    np.testing.assert_allclose(g[ARRIVAL:], expected, rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(out["I"][:, 0], g_max * g * (E - V), rtol=1e-5, atol=1e-9)


# ---------------------------------------------------------------------------- STP
def stp_reference(arrivals, n, U, tau_f, tau_d, tau, A):
    """u, x, I after ``n`` steps, from the exact solutions between spikes and the jumps at arrivals."""
    u, x, I, t_prev = 0.0, 1.0, 0.0, 0.0
    for k in list(arrivals) + [n - 1]:
        dt = (k - t_prev) * DT
        u, x, I = u * np.exp(-dt / tau_f), 1 - (1 - x) * np.exp(-dt / tau_d), I * np.exp(-dt / tau)
        t_prev = k
        if k in arrivals:
            u = u + U * (1 - u)
            I = I + A * u * x
            x = x - u * x
    return u, x, I


def test_stp_first_spike_by_hand():
    out = run(lambda pre, post: bp.dyn.STP(pre, post, bp.conn.One2One()), single_spike(10), monitors=("u", "x", "I"))
    # u+ = 0 + 0.15 (1 - 0) = 0.15;  I+ = 1 * 0.15 * 1 = 0.15;  x+ = 1 - 0.15 * 1 = 0.85
    assert out["u"][ARRIVAL, 0] == pytest.approx(0.15, rel=1e-6)
    assert out["x"][ARRIVAL, 0] == pytest.approx(0.85, rel=1e-6)
    assert out["I"][ARRIVAL, 0] == pytest.approx(0.15, rel=1e-6)
    assert out["I"][ARRIVAL, 0] == pytest.approx(out["u"][ARRIVAL, 0] * 1.0)  # post input = I (one synapse)


@pytest.mark.parametrize("U, tau_f, tau_d", [(0.15, 1500.0, 200.0), (0.5, 50.0, 750.0)])
def test_stp_after_a_spike_train(U, tau_f, tau_d):
    spikes, n = [5, 55, 105, 155, 455], 600
    pattern = np.zeros((n, 1), bool)
    pattern[spikes] = True
    out = run(
        lambda pre, post: bp.dyn.STP(pre, post, bp.conn.One2One(), U=U, tau_f=tau_f, tau_d=tau_d),
        pattern,
        monitors=("u", "x", "I"),
    )
    u, x, I = stp_reference([k + 1 for k in spikes], n, U, tau_f, tau_d, 8.0, 1.0)
    assert out["u"][-1, 0] == pytest.approx(u, rel=1e-4)
    assert out["x"][-1, 0] == pytest.approx(x, rel=1e-4)
    assert out["I"][-1, 0] == pytest.approx(I, rel=1e-3, abs=1e-9)
    assert np.all(np.diff(out["u"][ARRIVAL : 55 + 1, 0]) < 0)  # between the first two arrivals u only decays


# ---------------------------------------------------------------------------- delta
def test_delta_synapse_jumps_the_potential_and_respects_refractoriness():
    pre = SpikeTrain(single_spike(5, num=2, step=1))
    post = bp.dyn.LIF(2, V_rest=0.0, tau=1e9, tau_ref=5.0)
    post.t_last_spike.value = jnp.asarray([-1e7, 0.0])  # neuron 1 is refractory
    post.refractory.value = jnp.asarray([False, True])
    syn = bp.dyn.DeltaSynapse(pre, post, bp.conn.One2One(), weights=0.75, post_has_ref=True)
    net = bp.dyn.Network(syn=syn, pre=pre, post=post)
    runner = bp.dyn.DSRunner(net, monitors=["post.V"], dt=DT, progress_bar=False)
    runner.run(5 * DT)
    V = np.asarray(runner.mon["post.V"])
    assert V[2, 0] == pytest.approx(0.75, rel=1e-5) and V[1, 0] == 0.0
    assert V[2, 1] == 0.0


@pytest.mark.parametrize(
    "name",
    [
        "ExpCUBA",
        "ExpCOBA",
        "DualExpCUBA",
        "DualExpCOBA",
        "AlphaCUBA",
        "AlphaCOBA",
        "NMDA",
        "AMPA",
        "GABAa",
        "STP",
        "DeltaSynapse",
    ],
)
def test_reset_restores_the_initial_state(name):
    pattern = single_spike(30)
    pre, post = SpikeTrain(pattern), bp.dyn.LIF(1)
    syn = getattr(bp.dyn, name)(pre, post, bp.conn.One2One(), delay_step=2)
    net = bp.dyn.Network(syn=syn, pre=pre, post=post)
    own = {k: v for k, v in syn.vars(method="relative").items() if not k.startswith(("pre.", "post."))}
    assert any(k.startswith("pre_spike.") for k in own)
    before = {k: np.asarray(v.value).copy() for k, v in own.items()}
    bp.dyn.DSRunner(net, dt=DT, progress_bar=False).run(20 * DT)
    syn.reset()
    after = {k: np.asarray(v.value) for k, v in own.items()}
    for key in before:
        np.testing.assert_array_equal(after[key], before[key], err_msg=f"{name}.{key}")
