"""brainpy-ops' native event kernels against the pure-JAX references (>= 10,000 random cases).

The native backends are those of the platform JAX runs on: the numba kernels
on the CPU (sum and prod), the Pallas kernel on a GPU (sum). The GPU kernel's
logic is also checked on the CPU, through Pallas' interpreter, in
``test_gpu_event_kernel.py``.

Cases are drawn with a seeded generator and run in batches of one shape
(``vmap``), so each batch compiles once. A batch fixes (n_pre, n_post, nnz,
dtypes, scalar or vector values); inside it every case has its own
connectivity (row lengths and targets), events and values. Event rates cover
empty (0), sparse, dense and all (1) activity.
"""

from __future__ import annotations

import warnings

import brainpy.math as bm
import brainpy.plugins
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import BrainPyPluginWarning

pytestmark = pytest.mark.native

BATCHES = 26
PER_BATCH = 400  # 10,400 cases per operator
PLATFORM = "gpu" if jax.default_backend() in ("cuda", "rocm", "gpu") else jax.default_backend()
NATIVE = {
    "cpu": [("pre2post_event_sum", "numba"), ("pre2post_event_prod", "numba")],
    "gpu": [("pre2post_event_sum", "pallas")],
}[PLATFORM]
SUM_BACKEND = NATIVE[0][1]


@pytest.fixture(autouse=True, scope="module")
def registry_loaded():
    with warnings.catch_warnings():  # another distribution's plugin failing to load is not our concern here
        warnings.simplefilter("ignore", BrainPyPluginWarning)
        brainpy.plugins.get_registry("operator_backends")


def backend_fn(op, backend):
    def run(events, indices, indptr, values, post_num):
        bm.set_op_backend(op, backend)
        try:
            return getattr(bm, op)(events, (indices, indptr), post_num, values)
        finally:
            bm.set_op_backend(op, None)

    return run


def draw_batch(rng, x64):
    n_pre = int(rng.choice([0, 1, 3, 8, 17, 64, 200]))
    n_post = int(rng.choice([0, 1, 5, 31, 120])) if n_pre else int(rng.integers(1, 10))
    density = float(rng.choice([0.0, 0.05, 0.3, 1.0]))
    nnz = int(round(density * n_pre * n_post)) if n_post else 0
    rate = float(rng.choice([0.0, 0.01, 0.2, 0.7, 1.0]))
    index_dtype = rng.choice(["int32", "uint32"] + (["int64"] if x64 else []))
    value_dtype = "float64" if x64 and rng.random() < 0.5 else "float32"
    event_dtype = rng.choice(["bool", "bool", "float32", "int32"])
    scalar = rng.random() < 0.4
    B = PER_BATCH
    rows = np.stack([rng.multinomial(nnz, np.ones(n_pre) / n_pre) if n_pre else np.zeros(0, int) for _ in range(B)])
    indptr = np.concatenate([np.zeros((B, 1), int), np.cumsum(rows, axis=1)], axis=1).astype(index_dtype)
    indices = rng.integers(0, max(n_post, 1), (B, nnz)).astype(index_dtype)
    events = (rng.random((B, n_pre)) < rate).astype(event_dtype)
    values = rng.uniform(0.5, 1.5, (B,) if scalar else (B, nnz)).astype(value_dtype)
    return events, indices, indptr, values, n_post


@pytest.mark.parametrize("op,backend", NATIVE)
def test_native_matches_reference_on_random_cases(op, backend):
    assert bm.get_op_backend(op) == backend
    rng = np.random.default_rng(20240607)
    n_cases = 0
    for b in range(BATCHES):
        x64 = b % 4 == 3
        with jax.enable_x64(x64):
            events, indices, indptr, values, n_post = draw_batch(rng, x64)
            args = (events, indices, indptr, values, n_post)
            got = jax.jit(jax.vmap(backend_fn(op, backend), in_axes=(0, 0, 0, 0, None)), static_argnums=4)(*args)
            want = jax.jit(jax.vmap(backend_fn(op, "jax"), in_axes=(0, 0, 0, 0, None)), static_argnums=4)(*args)
            assert got.dtype == want.dtype and got.shape == want.shape == (PER_BATCH, n_post)
            # the GPU kernel's atomic adds sum in any order: rounding differs
            tol = (1e-12 if got.dtype == jnp.float64 else 2e-6) * (50 if PLATFORM == "gpu" else 1)
            np.testing.assert_allclose(
                np.asarray(got),
                np.asarray(want),
                rtol=tol,
                atol=tol,
                err_msg=f"batch {b}: {events.shape} {indices.dtype} {values.dtype}",
            )
        n_cases += PER_BATCH
    assert n_cases >= 10_000


def test_native_inside_scan_jit_and_grad():
    rng = np.random.default_rng(5)
    n_pre, n_post = 50, 40
    conn = rng.random((n_pre, n_post)) < 0.1
    indptr = jnp.asarray(np.concatenate([[0], np.cumsum(conn.sum(1))]), jnp.int32)
    indices = jnp.asarray(np.nonzero(conn)[1], jnp.int32)
    w = jnp.asarray(rng.random(indices.size), jnp.float32)
    spikes = jnp.asarray(rng.random((30, n_pre)) < 0.1)

    def run(w, backend):
        bm.set_op_backend("pre2post_event_sum", backend)
        try:

            def body(g, s):
                g = 0.9 * g + bm.pre2post_event_sum(s, (indices, indptr), n_post, w)
                return g, g.sum()

            return jax.lax.scan(body, jnp.zeros(n_post), spikes)[1].sum()
        finally:
            bm.set_op_backend("pre2post_event_sum", None)

    native = jax.jit(lambda w: run(w, SUM_BACKEND))
    reference = jax.jit(lambda w: run(w, "jax"))
    np.testing.assert_allclose(native(w), reference(w), rtol=1e-5)
    np.testing.assert_allclose(
        jax.grad(lambda w: run(w, SUM_BACKEND))(w), jax.grad(lambda w: run(w, "jax"))(w), rtol=1e-5
    )
    np.testing.assert_allclose(
        jax.grad(lambda v: run(v, SUM_BACKEND))(0.7), jax.grad(lambda v: run(v, "jax"))(0.7), rtol=1e-5
    )
    t_native = jax.jvp(lambda w: run(w, SUM_BACKEND), (w,), (jnp.ones_like(w),))
    t_ref = jax.jvp(lambda w: run(w, "jax"), (w,), (jnp.ones_like(w),))
    np.testing.assert_allclose(t_native, t_ref, rtol=1e-5)


@pytest.mark.parametrize("backend", [SUM_BACKEND, "jax"])
def test_malformed_indices_are_skipped_not_written_out_of_range(backend):
    indices = jnp.array([0, 7, 1, -1], jnp.int32)  # 7 and -1 are outside [0, 3)
    indptr = jnp.array([0, 2, 9], jnp.int32)  # the last row end overshoots nnz = 4
    bm.set_op_backend("pre2post_event_sum", backend)
    bm.set_op_backend("pre2post_event_prod", backend if PLATFORM == "cpu" else "jax")
    try:
        out = bm.pre2post_event_sum(jnp.array([True, True]), (indices, indptr), 3, 1.0)
        prod = bm.pre2post_event_prod(jnp.array([True, True]), (indices, indptr), 3, 2.0)
    finally:
        bm.set_op_backend("pre2post_event_sum", None)
        bm.set_op_backend("pre2post_event_prod", None)
    np.testing.assert_allclose(out, [1.0, 1.0, 0.0])
    np.testing.assert_allclose(prod, [2.0, 2.0, 1.0])


def test_unsupported_dtypes_fall_back_to_the_reference():
    indices, indptr = jnp.array([0, 1], jnp.int16), jnp.array([0, 1, 2], jnp.int16)
    out = bm.pre2post_event_sum(jnp.array([True, True]), (indices, indptr), 2, jnp.float16(2.0))
    assert out.dtype == jnp.float16
    np.testing.assert_allclose(out, [2.0, 2.0])
