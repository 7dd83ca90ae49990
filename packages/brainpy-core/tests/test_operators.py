"""The synaptic operators of brainpy.math: the pure-JAX references against NumPy loops.

Every test forces the reference backend (``'jax'``), so that these tests hold
with or without brainpy-ops installed; brainpy-ops' own tests compare its
native kernels with these references.
"""

from __future__ import annotations

import warnings

import brainpy.math as bm
import brainpy.plugins
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import BrainPyPluginWarning, MathError


@pytest.fixture(autouse=True)
def reference_backend():
    with warnings.catch_warnings():  # another distribution's plugin failing to load is not our concern here
        warnings.simplefilter("ignore", BrainPyPluginWarning)
        brainpy.plugins.get_registry("operator_backends")
    bm.set_op_backend(backend="jax")
    yield
    bm.set_op_backend(backend=None)


def random_csr(rng, n_pre, n_post, p):
    conn = rng.random((n_pre, n_post)) < p
    indptr = np.concatenate([[0], np.cumsum(conn.sum(1))]).astype(np.int32)
    indices = np.nonzero(conn)[1].astype(np.int32)
    return indices, indptr


def np_event(events, indices, indptr, post_num, values, prod=False):
    out = np.ones(post_num) if prod else np.zeros(post_num)
    for i in range(len(events)):
        if events[i]:
            for j in range(indptr[i], indptr[i + 1]):
                w = values if np.ndim(values) == 0 else values[j]
                out[indices[j]] = out[indices[j]] * w if prod else out[indices[j]] + w
    return out


def np_segment(values, ids, num, how):
    init = {"sum": 0.0, "prod": 1.0, "max": -np.inf, "min": np.inf}[how]
    out = np.full(num, init)
    for v, k in zip(values, ids):
        out[k] = {"sum": out[k] + v, "prod": out[k] * v, "max": max(out[k], v), "min": min(out[k], v)}[how]
    return out


# ---------------------------------------------------------------- event-driven


def test_spec_example_scalar_and_vector():
    indices, indptr = np.array([0, 1, 1, 2]), np.array([0, 2, 3, 4])
    events = np.array([True, False, True])
    np.testing.assert_allclose(bm.pre2post_event_sum(events, (indices, indptr), 3, 0.5), [0.5, 0.5, 0.5])
    w = np.array([1.0, 2.0, 3.0, 4.0], np.float32)
    np.testing.assert_allclose(bm.pre2post_event_sum(events, (indices, indptr), 3, w), [1.0, 2.0, 4.0])
    np.testing.assert_allclose(bm.pre2post_event_prod(events, (indices, indptr), 3, w), [1.0, 2.0, 4.0])
    np.testing.assert_allclose(bm.event_sum(events, (indices, indptr), 3, w), [1.0, 2.0, 4.0])


@pytest.mark.parametrize("prod", [False, True])
def test_event_ops_random(prod):
    rng = np.random.default_rng(0)
    op = bm.pre2post_event_prod if prod else bm.pre2post_event_sum
    for n_pre, n_post, p, rate in [(30, 20, 0.2, 0.3), (1, 5, 1.0, 1.0), (40, 1, 0.5, 0.0), (25, 35, 0.05, 1.0)]:
        indices, indptr = random_csr(rng, n_pre, n_post, p)
        events = rng.random(n_pre) < rate
        for values in (1.3, rng.uniform(0.5, 1.5, indices.size)):
            got = jax.jit(op, static_argnums=2)(events, (indices, indptr), n_post, values)
            want = np_event(events, indices, indptr, n_post, values, prod)
            np.testing.assert_allclose(got, want, rtol=1e-5)
            assert got.shape == (n_post,)


def test_event_sum_float_events_and_dtypes():
    indices, indptr = np.array([0, 1, 1]), np.array([0, 2, 3])
    got = bm.pre2post_event_sum(np.array([0.0, 2.5]), (indices, indptr), 2, 1)
    assert got.dtype == jnp.float32  # integer values give the default float
    np.testing.assert_allclose(got, [0.0, 1.0])
    with jax.enable_x64(True):
        got = bm.pre2post_event_sum(np.array([1, 1]), (indices, indptr), 2, np.float64(0.1))
        assert got.dtype == jnp.float64


def test_event_sum_vmap_and_grad():
    rng = np.random.default_rng(1)
    indices, indptr = random_csr(rng, 20, 15, 0.3)
    w = jnp.asarray(rng.random(indices.size), jnp.float32)
    events = rng.random((4, 20)) < 0.5
    batched = jax.vmap(lambda e: bm.pre2post_event_sum(e, (indices, indptr), 15, w))(events)
    for b in range(4):
        np.testing.assert_allclose(batched[b], np_event(events[b], indices, indptr, 15, np.asarray(w)), rtol=1e-5)
    # d/dw_j sum_k c_k y_k = c_{indices[j]} * events[row(j)]
    c = jnp.arange(15.0)
    grad = jax.grad(lambda w: c @ bm.pre2post_event_sum(events[0], (indices, indptr), 15, w))(w)
    rows = np.repeat(np.arange(20), np.diff(indptr))
    np.testing.assert_allclose(grad, np.asarray(c)[indices] * events[0][rows])
    g_scalar = jax.grad(lambda v: c @ bm.pre2post_event_sum(events[0], (indices, indptr), 15, v))(1.0)
    np.testing.assert_allclose(g_scalar, np.sum(np.asarray(c)[indices] * events[0][rows]), rtol=1e-5)


def test_event_prod_grad_with_repeated_targets_and_zeros():
    indices, indptr = np.array([0, 0, 0, 1]), np.array([0, 3, 4])
    events = np.array([True, True])
    w = jnp.array([2.0, 0.0, 3.0, 5.0])
    g = jax.grad(lambda w: bm.pre2post_event_prod(events, (indices, indptr), 2, w).sum())(w)
    np.testing.assert_allclose(g, [0.0, 6.0, 0.0, 1.0])  # d(2*0*3)/dw: only the zero's derivative survives
    w = jnp.array([2.0, 4.0, 3.0, 5.0])
    g = jax.grad(lambda w: bm.pre2post_event_prod(events, (indices, indptr), 2, w).sum())(w)
    np.testing.assert_allclose(g, [12.0, 6.0, 8.0, 1.0])
    t = jax.jvp(lambda w: bm.pre2post_event_prod(events, (indices, indptr), 2, w), (w,), (jnp.ones(4),))[1]
    np.testing.assert_allclose(t, [26.0, 1.0])


def test_event_ops_reject_bad_input():
    indices, indptr = np.array([0, 1]), np.array([0, 1, 2])
    with pytest.raises(MathError, match="one entry per pre-synaptic neuron"):
        bm.pre2post_event_sum(np.ones(3, bool), (indices, indptr), 2)
    with pytest.raises(MathError, match="one value per synapses"):
        bm.pre2post_event_sum(np.ones(2, bool), (indices, indptr), 2, np.ones(3))
    with pytest.raises(MathError, match="static size"):
        jax.jit(lambda n: bm.pre2post_event_sum(np.ones(2, bool), (indices, indptr), n))(2)
    with pytest.raises(MathError, match="pair"):
        bm.pre2post_event_sum(np.ones(2, bool), indices, 2)


# ---------------------------------------------------------------- pre / syn / post


@pytest.mark.parametrize("how", ["sum", "prod", "max", "min", "mean"])
def test_syn2post_and_pre2post(how):
    rng = np.random.default_rng(2)
    pre_ids = rng.integers(0, 10, 60)
    post_ids = rng.integers(0, 12, 60)
    syn = rng.uniform(0.5, 1.5, 60).astype(np.float32)
    if how == "mean":
        s, c = np_segment(syn, post_ids, 12, "sum"), np_segment(np.ones(60), post_ids, 12, "sum")
        want = np.where(c > 0, s / np.maximum(c, 1), 0.0)
    else:
        want = np_segment(syn, post_ids, 12, how)
    got = getattr(bm, f"syn2post_{how}")(syn, post_ids, 12)
    np.testing.assert_allclose(got, want.astype(np.float32), rtol=1e-5)
    pre = rng.uniform(0.5, 1.5, 10).astype(np.float32)
    want = getattr(bm, f"syn2post_{how}")(pre[pre_ids], post_ids, 12)
    np.testing.assert_allclose(getattr(bm, f"pre2post_{how}")(pre, 12, post_ids, pre_ids), want, rtol=1e-6)
    grad = jax.grad(
        lambda x: jnp.sum(jnp.where(jnp.isfinite(want), getattr(bm, f"pre2post_{how}")(x, 12, post_ids, pre_ids), 0.0))
    )(pre)
    assert np.all(np.isfinite(grad))


def test_pre2syn_syn2post_spec_names():
    pre_ids, post_ids = np.array([0, 0, 1, 2]), np.array([1, 0, 1, 1])
    syn = bm.pre2syn(np.array([10.0, 20.0, 30.0]), pre_ids)
    np.testing.assert_allclose(syn, [10.0, 10.0, 20.0, 30.0])
    np.testing.assert_allclose(bm.syn2post(syn, post_ids, 3), [10.0, 60.0, 0.0])
    np.testing.assert_allclose(bm.pre2post_sum(2.0, 3, post_ids), [2.0, 6.0, 0.0])
    with pytest.raises(MathError, match="pre_ids is needed"):
        bm.pre2post_sum(np.ones(3), 3, post_ids)


def test_syn2post_softmax():
    post_ids = np.array([0, 1, 0, 0, 2])
    x = np.array([1.0, 5.0, 2.0, 3.0, -1.0], np.float32)
    got = np.asarray(bm.syn2post_softmax(x, post_ids, 4))
    e = np.exp(x[[0, 2, 3]])
    np.testing.assert_allclose(got[[0, 2, 3]], e / e.sum(), rtol=1e-6)
    np.testing.assert_allclose(got[[1, 4]], [1.0, 1.0])
    jac = jax.jacobian(lambda v: bm.syn2post_softmax(v, post_ids, 4))(jnp.asarray(x))
    s = got[[0, 2, 3]]
    np.testing.assert_allclose(np.asarray(jac)[np.ix_([0, 2, 3], [0, 2, 3])], np.diag(s) - np.outer(s, s), atol=1e-6)


def test_sparse_matmul_and_segments():
    A = {
        "data": np.array([2.0, 4.0, 1.0, 3.0, 2.0]),
        "index": (np.array([0, 0, 1, 2, 2]), np.array([1, 3, 0, 1, 3])),
        "shape": (3, 4),
    }
    dense = np.array([[0, 2, 0, 4], [1, 0, 0, 0], [0, 3, 0, 2]], np.float32)
    B = np.random.default_rng(3).random((4, 5)).astype(np.float32)
    np.testing.assert_allclose(bm.sparse_matmul(A, np.arange(4.0)), [14.0, 0.0, 9.0])
    np.testing.assert_allclose(bm.sparse_matmul(A, B), dense @ B, rtol=1e-5)
    C = B.T[:, :3]
    np.testing.assert_allclose(bm.sparse_matmul(C, A), C @ dense, rtol=1e-5)
    np.testing.assert_allclose(bm.sparse_matmul(np.arange(3.0), A), np.arange(3.0) @ dense)
    with pytest.raises(MathError, match="both be sparse"):
        bm.sparse_matmul(A, A)
    with pytest.raises(MathError, match=r"shape \(4,\)"):
        bm.sparse_matmul(A, np.ones(3))
    ids = np.array([0, 0, 2])
    np.testing.assert_allclose(bm.segment_sum(np.array([1.0, 2.0, 3.0]), ids, 3), [3.0, 0.0, 3.0])
    np.testing.assert_allclose(bm.segment_max(np.array([1.0, 2.0, 3.0]), ids), [2.0, -np.inf, 3.0])
    np.testing.assert_allclose(bm.segment_prod(np.array([2.0, 2.0, 3.0]), ids, 3), [4.0, 1.0, 3.0])
    np.testing.assert_allclose(bm.segment_min(np.array([1.0, 2.0, 3.0]), ids, 3), [1.0, np.inf, 3.0])
