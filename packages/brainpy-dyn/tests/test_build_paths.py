"""Build and run paths of the simulator: what is compiled when, and the host-side structures.

No timings here: these tests count XLA compilations and compare results.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys

import brainpy as bp
import brainpy.math as bm
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.connect._base import require_numpy
from brainpy.dyn._runner import _even_chunk


@contextlib.contextmanager
def count_compiles():
    """Count XLA compilations inside the block (``counter[0]``)."""
    monitoring = pytest.importorskip("jax._src.monitoring")
    counter = [0]

    def listener(event, duration, **kwargs):
        if "backend_compile" in event:
            counter[0] += 1

    monitoring.register_event_duration_secs_listener(listener)
    try:
        yield counter
    finally:
        monitoring.unregister_event_duration_listener(listener)


# -- building -------------------------------------------------------------------------------
def test_sparse_synapse_build_compiles_nothing():
    pars = dict(V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0)
    E, I = bp.dyn.LIF(37, **pars), bp.dyn.LIF(23, **pars)
    with count_compiles() as n:
        syns = [
            bp.dyn.ExpCOBA(E, I, bp.conn.FixedProb(0.2, seed=1), E=0.0, g_max=0.6, tau=5.0),
            bp.dyn.ExpCOBA(I, E, bp.conn.FixedProb(0.2, seed=2), E=-80.0, g_max=6.7, tau=10.0, delay_step=3),
            bp.dyn.ExpCUBA(E, E, bp.conn.FixedProb(0.2, seed=3), g_max=np.linspace(0.1, 1.0, 37 * 37).reshape(37, 37)),
        ]
    assert n[0] == 0
    assert [s.comp_type for s in syns] == ["sparse"] * 3


def test_fixed_heterogeneous_weights_follow_the_connection():
    pre, post = bp.dyn.LIF(6), bp.dyn.LIF(5)
    conn = bp.conn.FixedProb(0.5, seed=4)
    w = np.arange(30, dtype=np.float32).reshape(6, 5)
    for conn_type in ("sparse", "dense"):
        syn = bp.dyn.ExpCUBA(pre, post, conn, conn_type=conn_type, g_max=w)
        mat = np.asarray(conn.require("conn_mat"))
        events = np.array([1, 0, 1, 1, 0, 1], dtype=bool)
        np.testing.assert_allclose(np.asarray(syn._proj.events_to_post(jnp.asarray(events))), events @ (w * mat))
        values = np.linspace(-1.0, 1.0, 6).astype(np.float32)
        np.testing.assert_allclose(
            np.asarray(syn._proj.values_to_post(jnp.asarray(values))), values @ (w * mat), rtol=1e-5, atol=1e-6
        )


def _key_sort_reference(prob, n_pre, n_post, include_self, seed):
    """FixedProb's sparse sampling as first written: one sorted array of row * n_post + col keys."""
    cand = np.full(n_pre, n_post, dtype=np.int64)
    if not include_self:
        cand[: min(n_pre, n_post)] -= 1
    rng = np.random.default_rng(seed)
    counts = rng.binomial(cand, prob)

    def draw(rows):
        cols = (rng.random(rows.size) * cand[rows]).astype(np.int64)
        if not include_self:
            cols += (rows < n_post) & (cols >= rows)
        return rows * n_post + cols

    rows = np.repeat(np.arange(n_pre, dtype=np.int64), counts)
    keys = np.unique(draw(rows))
    while keys.size < rows.size:
        have = np.bincount(keys // n_post, minlength=n_pre)
        keys = np.unique(np.concatenate([keys, draw(np.repeat(np.arange(n_pre), counts - have))]))
    return keys % n_post, counts


@pytest.mark.parametrize(
    "n_pre, n_post, prob, include_self, seed",
    [
        (100, 100, 0.05, True, 1),
        (100, 100, 0.08, False, 2),
        (57, 300, 0.09, False, 3),
        (300, 7, 0.1, False, 4),
        (1, 1, 0.1, True, 5),
    ],
)
def test_fixed_prob_sparse_sampling_matches_the_key_sort(n_pre, n_post, prob, include_self, seed):
    indices, indptr = bp.conn.FixedProb(prob, include_self=include_self, seed=seed)(n_pre, n_post).build_conn()[1]
    ref_indices, counts = _key_sort_reference(prob, n_pre, n_post, include_self, seed)
    np.testing.assert_array_equal(indices, ref_indices)
    np.testing.assert_array_equal(np.diff(indptr.astype(np.int64)), counts)


def test_require_numpy_reads_the_cache_and_honours_overridden_require():
    conn = bp.conn.FixedProb(0.3, seed=0)(10, 12)
    indices, indptr = require_numpy(conn, "pre2post")
    assert isinstance(indices, np.ndarray) and indices is conn._structs["pre2post"][0]
    pre_ids, post_ids = require_numpy(conn, "pre_ids", "post_ids")
    np.testing.assert_array_equal(np.asarray(conn.require("pre_ids")), pre_ids)

    class Fixed(bp.conn.TwoEndConnector):
        def require(self, *names):
            out = {"pre_ids": bm.asarray([0, 1]), "post_ids": bm.asarray([1, 0])}
            return out[names[0]] if len(names) == 1 else tuple(out[n] for n in names)

    pre_ids, post_ids = require_numpy(Fixed()(2, 2), "pre_ids", "post_ids")
    assert isinstance(pre_ids, np.ndarray)
    np.testing.assert_array_equal(post_ids, [1, 0])


def test_require_returns_device_arrays():
    out = bp.conn.FixedProb(0.3, seed=0)(10, 12).require("pre2post")
    assert all(isinstance(a, bm.JaxArray) for a in out)
    assert out[0].dtype == np.uint32


def test_constant_delay_without_delay():
    d = bp.dyn.ConstantDelay(5, delay=0.0, dtype=bool, dt=0.1)
    assert d.num_step == 1
    x = np.array([1, 0, 1, 1, 0], dtype=bool)
    d.push(jnp.asarray(x))
    np.testing.assert_array_equal(np.asarray(d.pull()), x)
    np.testing.assert_array_equal(np.asarray(d.latest), x)
    d.reset()
    assert not np.asarray(d.data.value).any() and int(d.in_idx.value) == 0


# -- running ---------------------------------------------------------------------------------
class Pattern(bp.dyn.DynamicalSystem):
    """A boolean state with a known pattern (``(step + k) % 3 == 0``) and a weakly typed float state."""

    def __init__(self, n):
        super().__init__()
        self.n = n
        self.step = bm.Variable(jnp.zeros((), dtype=jnp.int32))
        self.flag = bm.Variable(jnp.zeros(n, dtype=bool))
        self.v = bm.Variable(jnp.full(n, -60.0))  # weakly typed

    def update(self, _t, _dt):
        self.flag.value = (self.step.value + jnp.arange(self.n)) % 3 == 0
        self.v.value = self.v.value + 1.0
        self.step.value = self.step.value + 1


def _expected_flags(n, steps, start=0):
    k = np.arange(start, start + steps)[:, None] + np.arange(n)[None, :]
    return k % 3 == 0


@pytest.mark.parametrize("n", [1, 8, 13, 100])
def test_boolean_monitors_round_trip(n):
    model = Pattern(n)
    runner = bp.dyn.DSRunner(model, monitors=["flag", "v"], dt=0.1, chunk_size=7, progress_bar=False)
    runner.run(5.0)  # 50 steps: 7 chunks of 7 and one of 1
    flags = runner.mon["flag"]
    assert flags.dtype == np.bool_ and flags.shape == (50, n)
    np.testing.assert_array_equal(flags, _expected_flags(n, 50))
    np.testing.assert_allclose(runner.mon["v"][:, 0], -60.0 + np.arange(1, 51))
    flags[0, 0] = not flags[0, 0]  # the records are ordinary, writable arrays


def test_boolean_monitors_with_indices_and_interval():
    model = Pattern(11)
    monitors = [("flag", np.array([0, 4, 10]), 0.3)]
    runner = bp.dyn.DSRunner(model, monitors=monitors, dt=0.1, progress_bar=False)
    runner.run(3.0)
    expected = _expected_flags(11, 30)[::3][:, [0, 4, 10]]
    np.testing.assert_array_equal(runner.mon["flag"], expected)
    report = bp.dyn.ReportRunner(Pattern(11), monitors=monitors, dt=0.1)
    report.run(3.0)
    np.testing.assert_array_equal(report.mon["flag"], expected)


def test_second_run_reuses_the_compiled_loop():
    model = Pattern(4)
    assert model.v.value.weak_type
    runner = bp.dyn.DSRunner(model, monitors=["flag"], dt=0.1, progress_bar=False)
    with count_compiles() as first:
        runner.run(1.0)
    with count_compiles() as second:
        runner.run(1.0)
    assert first[0] >= 1 and second[0] == 0
    np.testing.assert_array_equal(runner.mon["flag"], _expected_flags(4, 10, start=10))


def test_even_chunk():
    assert _even_chunk(10_000, 10_000) == 10_000
    assert _even_chunk(10_000, 4194) == 2500
    assert _even_chunk(10_000, 1250) == 1250
    assert _even_chunk(9973, 4000) == 4000  # a prime: no divisor, the limit
    assert _even_chunk(5, 3) == 3


# -- CPU cores -------------------------------------------------------------------------------
def test_set_cpu_cores_refuses_after_the_backend_started():
    jnp.zeros(1).block_until_ready()
    with pytest.raises(bp.errors.RunningError, match="before JAX's backend starts"):
        bp.running.set_cpu_cores(1)


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="CPU affinity is a Linux facility")
def test_set_cpu_cores_before_the_backend_starts():
    code = (
        "import os, brainpy as bp\n"
        "cores = bp.running.set_cpu_cores(1)\n"
        "assert len(cores) == 1 and os.sched_getaffinity(0) == set(cores), cores\n"
        "import brainpy.math as bm\n"
        "print(float(bm.ones(3).sum()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "3.0"
    with pytest.raises(bp.errors.RunningError, match="num must be a positive int"):
        bp.running.set_cpu_cores(0)
