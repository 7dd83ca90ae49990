"""Synapses over every connection kernel, with delays and heterogeneous weights; bad input (issue 9).

The kernels (one2one, all2all, dense ``conn_mat``, event-driven sparse CSR) are checked against a
NumPy reference of the weighted sums and against each other on the same random network.
"""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import BrainPyError, ModelBuildError

DT = 0.1
RNG = np.random.default_rng(20240601)
NUM_PRE, NUM_POST, STEPS = 12, 9, 80


class SpikeTrain(bp.dyn.NeuGroup):
    """Emits ``pattern[n]`` (bool, shape (steps, num)) as its spikes at step n."""

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
    """A post-synaptic group clamped at ``V`` recording (in ``I``) the input of each step."""

    def __init__(self, num, V=-65.0):
        super().__init__(num)
        self.V = bm.Variable(bm.ones(num) * V)
        self.input = bm.Variable(bm.zeros(num))
        self.I = bm.Variable(bm.zeros(num))

    def update(self, _t, _dt):
        self.I.value = self.input.value
        self.input.value = jnp.zeros_like(self.input.value)


PATTERN = RNG.random((STEPS, NUM_PRE)) < 0.15
MAT = RNG.random((NUM_PRE, NUM_POST)) < 0.4
WEIGHTS = RNG.uniform(0.2, 1.0, (NUM_PRE, NUM_POST))


def post_input(cls, conn, pattern=PATTERN, num_post=NUM_POST, **kw):
    pre, post = SpikeTrain(pattern), Probe(num_post)
    syn = cls(pre, post, conn, **kw)
    net = bp.dyn.Network(syn=syn, pre=pre, post=post)
    runner = bp.dyn.DSRunner(net, monitors=["post.I", "post.V"], dt=DT, progress_bar=False)
    runner.run(len(pattern) * DT)
    return syn, np.asarray(runner.mon["post.I"]) + np.asarray(runner.mon["post.V"]) + 65.0


def ij_shuffled(mat):
    """The connection of ``mat`` as a dict of (shuffled) pre/post ids, and the weights in that order."""
    i, j = np.nonzero(mat)
    order = RNG.permutation(i.size)
    return {"i": i[order], "j": j[order]}, WEIGHTS[: mat.shape[0], : mat.shape[1]][i[order], j[order]]


MODELS = [
    (bp.dyn.ExpCUBA, {}),
    (bp.dyn.ExpCOBA, {"E": -80.0}),
    (bp.dyn.DualExpCOBA, {}),
    (bp.dyn.AlphaCUBA, {}),
    (bp.dyn.NMDA, {}),
    (bp.dyn.AMPA, {}),
    (bp.dyn.GABAa, {}),
    (bp.dyn.STP, None),
    (bp.dyn.DeltaSynapse, None),
]


@pytest.mark.parametrize("cls, extra", MODELS, ids=lambda x: getattr(x, "__name__", ""))
def test_general_connection_kernels_agree(cls, extra):
    weighted = extra is not None or cls is bp.dyn.DeltaSynapse
    wkey = "weights" if cls is bp.dyn.DeltaSynapse else "g_max"
    ij, w_ij = ij_shuffled(MAT)
    mat_w = WEIGHTS * MAT
    runs = {}
    for label, conn, ct, w in [
        ("dense", MAT, "dense", mat_w),
        ("sparse", MAT, "sparse", mat_w),
        ("ij-sparse", ij, "sparse", w_ij),
        ("ij-dense", ij, "dense", w_ij),
    ]:
        kw = dict(extra or {}, conn_type=ct)
        if weighted:
            kw[wkey] = w
        syn, runs[label] = post_input(cls, conn, **kw)
        assert syn.comp_type == ("sparse" if label.endswith("sparse") else "dense"), label
    assert np.abs(runs["dense"]).max() > 0
    for label, out in runs.items():
        np.testing.assert_allclose(out, runs["dense"], rtol=2e-5, atol=1e-5, err_msg=label)


@pytest.mark.parametrize(
    "cls, extra",
    [m for m in MODELS if m[0] in (bp.dyn.ExpCOBA, bp.dyn.AMPA, bp.dyn.STP, bp.dyn.DeltaSynapse)],
    ids=lambda x: getattr(x, "__name__", ""),
)
@pytest.mark.parametrize("include_self", [True, False])
def test_all2all_and_one2one_kernels_agree_with_matrices(cls, extra, include_self):
    kw = dict(extra or {})
    full = np.ones((NUM_PRE, NUM_POST), bool)
    if not include_self:
        full[np.arange(NUM_POST), np.arange(NUM_POST)] = False
    syn, a2a = post_input(cls, bp.conn.All2All(include_self=include_self), **kw)
    assert syn.comp_type == "all2all"
    for ct in ("dense", "sparse"):
        _, out = post_input(cls, full, conn_type=ct, **kw)
        np.testing.assert_allclose(a2a, out, rtol=2e-5, atol=1e-5, err_msg=ct)
    square = PATTERN[:, :NUM_POST]
    syn, o2o = post_input(cls, bp.conn.One2One(), pattern=square, **kw)
    assert syn.comp_type == "one2one"
    _, out = post_input(cls, np.eye(NUM_POST, dtype=bool), pattern=square, conn_type="sparse", **kw)
    np.testing.assert_allclose(o2o, out, rtol=2e-5, atol=1e-5)


@pytest.mark.parametrize("mode_conn", ["one2one", "all2all", "all2all-noself", "dense", "sparse", "ij"])
def test_kernels_against_numpy_weighted_sums(mode_conn):
    n_pre, n_post = (NUM_POST, NUM_POST) if mode_conn == "one2one" else (NUM_PRE, NUM_POST)
    mask = {"one2one": np.eye(NUM_POST, dtype=bool), "all2all": np.ones((n_pre, n_post), bool)}.get(mode_conn, MAT)
    conn, ct = {
        "one2one": (bp.conn.One2One(), "sparse"),
        "all2all": (bp.conn.All2All(), "sparse"),
        "all2all-noself": (bp.conn.All2All(include_self=False), "sparse"),
        "dense": (MAT, "dense"),
        "sparse": (MAT, "sparse"),
        "ij": (ij_shuffled(MAT)[0], "sparse"),
    }[mode_conn]
    if mode_conn == "all2all-noself":
        mask = np.ones((n_pre, n_post), bool)
        mask[np.arange(n_post), np.arange(n_post)] = False
    pre, post = SpikeTrain(PATTERN[:, :n_pre]), Probe(n_post)
    for g_max, W in [(0.7, 0.7 * mask), (WEIGHTS[:n_pre, :n_post], WEIGHTS[:n_pre, :n_post] * mask)]:
        syn = bp.dyn.ExpCUBA(pre, post, conn, conn_type=ct, g_max=g_max)
        events = PATTERN[7, :n_pre] | PATTERN[8, :n_pre]
        values = RNG.normal(size=n_pre)
        np.testing.assert_allclose(
            np.asarray(syn._proj.events_to_post(jnp.asarray(events))), events @ W, rtol=1e-5, atol=1e-6
        )
        np.testing.assert_allclose(
            np.asarray(syn._proj.values_to_post(jnp.asarray(values, jnp.float32))), values @ W, rtol=1e-5, atol=1e-5
        )


def test_auto_conn_type_follows_the_density():
    pre, post = SpikeTrain(PATTERN), Probe(NUM_POST)
    assert bp.dyn.ExpCUBA(pre, post, MAT, conn_type="auto").comp_type == "dense"  # 40 % of a small matrix
    big_pre, big_post = SpikeTrain(np.zeros((2, 2000), bool)), Probe(2000)
    assert bp.dyn.ExpCUBA(big_pre, big_post, bp.conn.FixedProb(0.01, seed=0), conn_type="auto").comp_type == "sparse"


def test_sparse_kernel_is_the_event_driven_operator(monkeypatch):
    calls = []
    original = bm.pre2post_event_sum

    def spy(*args, **kwargs):
        calls.append(args[1])
        return original(*args, **kwargs)

    monkeypatch.setattr(bm, "pre2post_event_sum", spy)
    post_input(bp.dyn.ExpCOBA, bp.conn.FixedProb(0.3, seed=3))
    assert len(calls) == 1  # traced once, inside the compiled loop


# ---------------------------------------------------------------------------- delays
def reference_exp(pattern, W, delays, tau=8.0):
    """NumPy ExpCUBA: g(n) = g(n-1) e^{-dt/tau} + sum_i W_ij S_i(n - 1 - d_i)."""
    steps, n_pre = pattern.shape
    g, out, decay = np.zeros(W.shape[1]), [], np.exp(-DT / tau)
    for n in range(steps):
        arrived = np.array([n - 1 - delays[i] >= 0 and pattern[n - 1 - delays[i], i] for i in range(n_pre)])
        g = g * decay + arrived @ W
        out.append(g.copy())
    return np.array(out)


@pytest.mark.parametrize("delay", [1, 3, 10])
def test_scalar_delay_shifts_the_response_by_exactly_that_many_steps(delay):
    _, base = post_input(bp.dyn.ExpCUBA, MAT, g_max=WEIGHTS * MAT)
    syn, late = post_input(bp.dyn.ExpCUBA, MAT, g_max=WEIGHTS * MAT, delay_step=delay)
    assert syn.delay_step == delay
    np.testing.assert_array_equal(late[:delay], 0.0)
    np.testing.assert_allclose(late[delay:], base[:-delay], rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(base, reference_exp(PATTERN, WEIGHTS * MAT, [0] * NUM_PRE), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("ct", ["sparse", "dense"])
def test_per_neuron_delays_against_numpy(ct):
    delays = RNG.integers(0, 12, NUM_PRE)
    syn, out = post_input(bp.dyn.ExpCUBA, MAT, g_max=WEIGHTS * MAT, delay_step=delays, conn_type=ct)
    assert syn.delay_step.shape == (NUM_PRE,)
    np.testing.assert_allclose(out, reference_exp(PATTERN, WEIGHTS * MAT, delays), rtol=1e-5, atol=1e-5)


def reference_exp_per_synapse(pattern, pre_ids, post_ids, w, delays, num_post, tau=8.0):
    """NumPy ExpCUBA with one delay per synapse: g_j(n) = g_j(n-1) e^{-dt/tau} + sum_s w_s S_pre(s)(n-1-d_s)."""
    g, out, decay = np.zeros(num_post), [], np.exp(-DT / tau)
    for n in range(pattern.shape[0]):
        g = g * decay
        for s, (i, j) in enumerate(zip(pre_ids, post_ids)):
            k = n - 1 - delays[s]
            if k >= 0 and pattern[k, i]:
                g[j] += w[s]
        out.append(g.copy())
    return np.array(out)


@pytest.mark.parametrize("conn_type", ["sparse", "dense"])
def test_per_synapse_delays_against_numpy(conn_type):
    ij, w_ij = ij_shuffled(MAT)
    delays = RNG.integers(0, 15, w_ij.size)
    assert w_ij.size != NUM_PRE
    syn, out = post_input(bp.dyn.ExpCUBA, ij, g_max=w_ij, delay_step=delays, conn_type=conn_type)
    assert syn.delay_step.shape == (w_ij.size,) and syn.num_src == w_ij.size
    ref = reference_exp_per_synapse(PATTERN, ij["i"], ij["j"], w_ij, delays, NUM_POST)
    np.testing.assert_allclose(out, ref, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("cls", [bp.dyn.AMPA, bp.dyn.NMDA, bp.dyn.STP, bp.dyn.DualExpCOBA])
def test_per_synapse_delays_equal_per_neuron_delays_when_they_agree(cls):
    per_neuron = RNG.integers(0, 10, NUM_PRE)
    pre_ids = np.nonzero(MAT)[0]
    kw = {} if cls is bp.dyn.STP else {"g_max": WEIGHTS * MAT}
    syn_n, by_neuron = post_input(cls, MAT, delay_step=per_neuron, **kw)
    syn_s, by_synapse = post_input(cls, MAT, delay_step=per_neuron[pre_ids], **kw)
    assert syn_n.num_src == NUM_PRE and syn_s.num_src == pre_ids.size
    assert np.abs(by_neuron).max() > 0
    np.testing.assert_allclose(by_synapse, by_neuron, rtol=2e-5, atol=1e-5)


def test_delays_stay_right_when_the_network_also_updates_the_delay_buffers():
    class UpdateEverything(bp.dyn.Network):  # the spec's ExampleToOverrideUpdate (L2109-2115)
        def update(self, _t, _dt):
            for node in self.child_ds().values():
                node.update(_t, _dt)

    delays = RNG.integers(0, 6, NUM_PRE)
    pre, post = SpikeTrain(PATTERN), Probe(NUM_POST)
    syn = bp.dyn.ExpCUBA(pre, post, MAT, g_max=WEIGHTS * MAT, delay_step=delays)
    runner = bp.dyn.DSRunner(
        UpdateEverything(syn=syn, pre=pre, post=post), monitors=["post.I"], dt=DT, progress_bar=False
    )
    runner.run(STEPS * DT)
    np.testing.assert_allclose(
        np.asarray(runner.mon["post.I"]), reference_exp(PATTERN, WEIGHTS * MAT, delays), rtol=1e-5, atol=1e-5
    )


def test_spec_heterogeneous_weights_and_delays_cell():
    # spec L1446-1455
    bm.random.seed(123)
    neu = bp.dyn.LIF(10)
    syn = bp.dyn.ExpCUBA(
        neu,
        neu,
        bp.conn.FixedProb(prob=0.1),
        g_max=bp.init.Uniform(min_val=0.1, max_val=1.0),
        delay_step=lambda shape: bm.random.randint(10, 30, shape),
    )
    num_syn = syn.conn.require("pre2post")[0].size
    assert syn.g_max.shape == (num_syn,)
    assert np.all((np.asarray(syn.g_max) >= 0.1) & (np.asarray(syn.g_max) < 1.0))
    assert syn.delay_step.shape == (10,) and syn.delay_step.dtype == jnp.int32
    assert np.all((np.asarray(syn.delay_step) >= 10) & (np.asarray(syn.delay_step) < 30))
    assert syn.pre_spike.num_step == int(np.asarray(syn.delay_step).max()) + 1


def test_groups_that_keep_their_geometry():
    def run(keep_size):
        bm.random.seed(3)
        pre = bp.dyn.LIF((4, 5), keep_size=keep_size, V_initializer=bp.init.Uniform(0.0, 20.0))
        post = bp.dyn.LIF((3, 3), keep_size=keep_size)
        syn = bp.dyn.ExpCOBA(pre, post, bp.conn.FixedProb(0.5, seed=5), E=10.0, delay_step=2)
        net = bp.dyn.Network(syn=syn, pre=pre, post=post)
        runner = bp.dyn.DSRunner(net, monitors=["post.V"], inputs=[("pre.input", 25.0)], dt=DT, progress_bar=False)
        runner.run(30.0)
        return np.asarray(runner.mon["post.V"]).reshape(300, -1)

    flat, shaped = run(False), run(True)
    assert np.abs(flat).max() > 0.1
    np.testing.assert_allclose(shaped, flat, rtol=1e-5, atol=1e-5)


# ---------------------------------------------------------------------------- weights
def test_weights_as_a_variable_can_change_between_runs():
    ij, w_ij = ij_shuffled(MAT)
    pre, post = SpikeTrain(PATTERN), Probe(NUM_POST)
    syn = bp.dyn.ExpCUBA(pre, post, ij, g_max=bm.Variable(bm.asarray(w_ij, dtype=bm.float32)))
    runner = bp.dyn.DSRunner(
        bp.dyn.Network(syn=syn, pre=pre, post=post), monitors=["post.I"], dt=DT, progress_bar=False
    )
    runner.run(STEPS * DT)
    first = np.asarray(runner.mon["post.I"])
    syn.g_max[:] = 2.0 * syn.g_max.value
    syn.reset()
    pre.i.value, pre.spike.value = pre.i.value * 0, pre.spike.value & False
    runner.run(STEPS * DT)
    np.testing.assert_allclose(np.asarray(runner.mon["post.I"]), 2 * first, rtol=1e-5, atol=1e-6)


# ---------------------------------------------------------------------------- errors
class NoSpike(bp.dyn.NeuGroup):
    def __init__(self, num):
        super().__init__(num)
        self.V = bm.Variable(bm.zeros(num))

    def update(self, _t, _dt):
        pass


class NoV(bp.dyn.NeuGroup):
    def __init__(self, num):
        super().__init__(num)
        self.input = bm.Variable(bm.zeros(num))

    def update(self, _t, _dt):
        pass


@pytest.mark.parametrize(
    "kwargs, words",
    [
        (dict(g_max=np.ones(7)), ["g_max", "(7,)", "synapses"]),
        (dict(g_max=np.ones((3, 3))), ["g_max", "(3, 3)"]),
        (dict(conn_type="csr"), ["conn_type='csr'", "sparse"]),
        (dict(delay_step=-1), ["delay_step", "non-negative"]),
        (dict(delay_step=1.5), ["delay_step"]),
        (dict(delay_step=np.ones(4, int)), ["delay_step", "(4,)", f"({NUM_PRE},)", "per synapse"]),
        (dict(tau=np.ones(NUM_POST)), ["tau", "scalar"]),
        (dict(E=np.ones(NUM_POST)), ["E", "scalar"]),
    ],
)
def test_bad_arguments_raise_model_build_errors_naming_them(kwargs, words):
    pre, post = SpikeTrain(PATTERN), Probe(NUM_POST)
    with pytest.raises(ModelBuildError) as info:
        bp.dyn.ExpCOBA(pre, post, bp.conn.FixedProb(0.5, seed=1), **kwargs)
    assert isinstance(info.value, BrainPyError)
    for word in words:
        assert word in str(info.value), (word, str(info.value))


@pytest.mark.parametrize(
    "conn, words",
    [
        ("all2all", ["conn='all2all'", "connector"]),
        (None, ["conn is required"]),
        (np.ones((3, 3), bool), ["connection matrix", "(3, 3)"]),
    ],
)
def test_bad_connections_are_named(conn, words):
    pre, post = SpikeTrain(PATTERN), Probe(NUM_POST)
    with pytest.raises(ModelBuildError) as info:
        bp.dyn.ExpCUBA(pre, post, conn)
    for word in words:
        assert word in str(info.value)


def test_missing_group_attributes_are_named():
    with pytest.raises(ModelBuildError, match="'spike'"):
        bp.dyn.AMPA(NoSpike(3), Probe(3), bp.conn.One2One())
    with pytest.raises(ModelBuildError, match="'V'"):
        bp.dyn.ExpCOBA(SpikeTrain(PATTERN[:, :3]), NoV(3), bp.conn.One2One())
    with pytest.raises(ModelBuildError, match="'refractory'"):
        bp.dyn.DeltaSynapse(SpikeTrain(PATTERN[:, :3]), Probe(3), bp.conn.One2One(), post_has_ref=True)
    with pytest.raises(ModelBuildError, match="NeuGroup"):
        bp.dyn.ExpCUBA("E", Probe(3), bp.conn.One2One())
