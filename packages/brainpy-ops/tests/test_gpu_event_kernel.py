"""The GPU event-sum kernel's logic, run through Pallas' interpreter on any platform.

On a GPU, ``test_native_event_ops.py`` checks the compiled kernel on 10,400
random cases (repeated targets included). Here the same program runs in
Pallas' interpreter, which does not accumulate repeated targets within one
vector of lanes, so each row's targets are distinct (as connectors make them).
"""

from __future__ import annotations

import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np
import pytest

pytest.importorskip("jax.experimental.pallas.triton")

from brainpy_ops._event_gpu import BLOCK, event_sum_kernel  # noqa: E402

pytestmark = pytest.mark.native


def reference(events, indices, indptr, values, post_num):
    from brainpy.math._op_reference import REFERENCES

    return REFERENCES["pre2post_event_sum"](events, (indices, indptr), post_num, values)


def csr(rng, n_pre, n_post, max_row, index_dtype):
    rows = [rng.choice(n_post, int(rng.integers(0, min(n_post, max_row) + 1)), replace=False) for _ in range(n_pre)]
    indptr = np.concatenate([[0], np.cumsum([len(r) for r in rows])]).astype(index_dtype)
    indices = (np.concatenate(rows) if indptr[-1] else np.zeros(0)).astype(index_dtype)
    return jnp.asarray(indices), jnp.asarray(indptr)


@pytest.mark.parametrize("index_dtype", ["int32", "uint32"])
@pytest.mark.parametrize("scalar", [True, False])
def test_interpreted_kernel_matches_reference(index_dtype, scalar):
    rng = np.random.default_rng(11)
    # rows longer than one block (BLOCK synapses) take several loop steps
    for n_pre, n_post, max_row in [(1, 5, 5), (9, 3 * BLOCK, 3 * BLOCK), (40, 50, 50), (3, 1, 1), (64, 200, 90)]:
        indices, indptr = csr(rng, n_pre, n_post, max_row, index_dtype)
        for rate in (0.0, 0.3, 1.0):
            events = jnp.asarray(rng.random(n_pre) < rate)
            values = jnp.float32(0.7) if scalar else jnp.asarray(rng.uniform(0.5, 1.5, indices.size), jnp.float32)
            got = jax.jit(lambda e, i, p, v, n=n_post: event_sum_kernel(e, i, p, v, n, interpret=True))(
                events, indices, indptr, values
            )
            want = reference(events, indices, indptr, values, n_post)
            assert got.shape == (n_post,) and got.dtype == jnp.float32
            np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


def test_interpreted_kernel_drops_bad_targets_and_clips_rows():
    indices = jnp.array([0, 7, 1, -1], jnp.int32)  # 7 and -1 are outside [0, 3)
    both = jnp.array([True, True])
    # the last row end overshoots nnz = 4
    out = event_sum_kernel(both, indices, jnp.array([0, 2, 9], jnp.int32), jnp.float32(1.0), 3, interpret=True)
    np.testing.assert_array_equal(out, [1.0, 1.0, 0.0])
    # a decreasing row pointer is an empty row, not a wrapped-around loop
    out = event_sum_kernel(both, indices, jnp.array([0, 3, 1], jnp.int32), jnp.float32(1.0), 3, interpret=True)
    np.testing.assert_array_equal(out, [1.0, 1.0, 0.0])


def test_interpreted_kernel_under_vmap_and_the_backend_wrapper_grad():
    indices, indptr = jnp.array([0, 2, 1, 2], jnp.int32), jnp.array([0, 2, 4], jnp.int32)
    events = jnp.array([[True, False], [False, True], [True, True]])
    got = jax.vmap(lambda e: event_sum_kernel(e, indices, indptr, jnp.float32(2.0), 3, interpret=True))(events)
    np.testing.assert_array_equal(got, [[2.0, 0.0, 2.0], [0.0, 2.0, 2.0], [2.0, 2.0, 4.0]])
    # the registered backend wraps the kernel with the reference's derivatives
    from brainpy_ops._event import native_backend

    backend = native_backend(
        "pre2post_event_sum",
        lambda e, i, p, v, n: event_sum_kernel(e, i, p, v, n, interpret=True),
        "test backend",
    )
    w = jnp.array([1.0, 2.0, 3.0, 4.0])

    def loss(w, op):
        return (op(events[2], (indices, indptr), 3, w) * jnp.arange(1.0, 4.0)).sum()

    np.testing.assert_allclose(jax.grad(loss)(w, backend), jax.grad(loss)(w, bm.pre2post_event_sum))
    np.testing.assert_allclose(jax.grad(loss)(w, backend), [1.0, 3.0, 2.0, 3.0])
