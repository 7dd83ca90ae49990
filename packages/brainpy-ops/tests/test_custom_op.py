"""bm.register_op / bm.XLACustomOp: user numba functions as jittable XLA operators (spec L7808-8009)."""

from __future__ import annotations

import warnings

import brainpy.math as bm
import brainpy.plugins
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import BrainPyPluginWarning, UnsupportedError

pytestmark = pytest.mark.native


@pytest.fixture(autouse=True, scope="module")
def registry_loaded():
    with warnings.catch_warnings():  # another distribution's plugin failing to load is not our concern here
        warnings.simplefilter("ignore", BrainPyPluginWarning)
        brainpy.plugins.get_registry("operator_backends")


def custom_op(outs, ins):  # spec L7834-7838
    y, y1 = outs
    x, x2 = ins
    y[:] = x + 1
    y1[:] = x2 + 2


def abs_eval_1(*ins):
    return ins


def abs_eval_2(*ins):
    return jax.core.ShapedArray(ins[0].shape, ins[0].dtype), jax.core.ShapedArray(ins[1].shape, ins[1].dtype)


def event_sum_abs_eval(events, indices, indptr, post_size, values):  # spec L7897-7899
    return post_size


def event_sum_op(outs, ins):  # spec L7900-7909
    post_val = outs
    events, indices, indptr, post_size, values = ins
    for i in range(len(events)):
        if events[i]:
            for j in range(indptr[i], indptr[i + 1]):
                index = indices[j]
                old_value = post_val[index]
                post_val[index] = values + old_value


@pytest.mark.spec
@pytest.mark.parametrize("abs_eval", [abs_eval_1, abs_eval_2])
def test_spec_add_example(abs_eval):
    z = jnp.ones((1, 2), dtype=jnp.float32)
    op = bm.register_op(op_name="add", cpu_func=custom_op, out_shapes=abs_eval, apply_cpu_func_to_gpu=False)
    result = jax.jit(op)(z, z)
    assert isinstance(result, list) and len(result) == 2
    np.testing.assert_array_equal(result[0], [[2.0, 2.0]])
    np.testing.assert_array_equal(result[1], [[3.0, 3.0]])
    assert result[0].dtype == jnp.float32
    # one compiled handler serves every shape of the same ranks
    r = op(jnp.zeros((3, 4)), jnp.full((2, 5), 1.5))
    np.testing.assert_array_equal(r[0], np.ones((3, 4)))
    np.testing.assert_array_equal(r[1], np.full((2, 5), 3.5))


@pytest.mark.spec
def test_spec_event_sum_matches_builtin():
    event_sum = bm.register_op(op_name="event_sum", cpu_func=event_sum_op, out_shapes=event_sum_abs_eval)
    jit_event_sum = jax.jit(event_sum)
    rng = np.random.default_rng(3)
    n_pre, n_post = 300, 200
    conn = rng.random((n_pre, n_post)) < 0.05
    indptr = jnp.asarray(np.concatenate([[0], np.cumsum(conn.sum(1))]), jnp.int32)
    indices = jnp.asarray(np.nonzero(conn)[1], jnp.int32)
    for rate in (0.0, 0.05, 1.0):
        spikes = jnp.asarray(rng.random(n_pre) < rate)
        post_size = bm.zeros(n_post)
        got = jit_event_sum(spikes, indices, indptr, post_size, 0.6)  # a scalar input arrives as a scalar
        want = bm.pre2post_event_sum(spikes, (indices, indptr), n_post, 0.6)
        np.testing.assert_allclose(got, want, rtol=1e-6)
        assert got.shape == (n_post,)


def test_outputs_start_at_zero_and_scalar_inputs():
    def accumulate(out, ins):  # adds into its output: correct only if it starts at zero
        x, k = ins
        for i in range(x.shape[0]):
            out[i % 3] += x[i] * k

    op = bm.XLACustomOp(accumulate, out_shapes=jax.ShapeDtypeStruct((3,), jnp.float32), name="acc")
    x = jnp.arange(7.0, dtype=jnp.float32)
    f = jax.jit(op)
    for _ in range(3):  # buffers are reused between calls: they must be zeroed each time
        np.testing.assert_allclose(f(x, 2.0), [2 * (0 + 3 + 6), 2 * (1 + 4), 2 * (2 + 5)])


def test_ranks_dtypes_vmap_and_scan():
    def op_fn(outs, ins):
        total, flags = outs
        m, b = ins
        for i in range(m.shape[0]):
            for j in range(m.shape[1]):
                total[0] += m[i, j]
        for i in range(b.shape[0]):
            flags[i] = b[i] * 2

    op = bm.register_op(
        "mix",
        op_fn,
        out_shapes=lambda m, b: [jax.ShapeDtypeStruct((1,), jnp.float32), jax.ShapeDtypeStruct(b.shape, jnp.int32)],
    )
    m = jnp.arange(6.0, dtype=jnp.float32).reshape(2, 3)
    b = jnp.array([True, False, True])
    total, flags = op(m, b)
    np.testing.assert_allclose(total, [15.0])
    np.testing.assert_array_equal(flags, [2, 0, 2])
    totals, _ = jax.vmap(op)(jnp.stack([m, 2 * m]), jnp.stack([b, b]))
    np.testing.assert_allclose(totals[:, 0], [15.0, 30.0])

    def body(c, x):
        t, _ = op(m * x, b)
        return c + t[0], None

    np.testing.assert_allclose(jax.lax.scan(body, 0.0, jnp.arange(4.0))[0], 15.0 * 6)


def test_host_fallback_gives_the_same_results():
    from brainpy_ops._custom_op import CustomOp

    op = CustomOp("add_host", custom_op, abs_eval_1, apply_cpu_func_to_gpu=True)
    z = jnp.ones((1, 2), dtype=jnp.float32)
    ins = [z, 2 * z]
    outs, single = op._outputs(ins)
    r = jax.jit(lambda a, b: op.host_call([a, b], outs, single))(*ins)
    np.testing.assert_array_equal(r[0], [[2.0, 2.0]])
    np.testing.assert_array_equal(r[1], [[4.0, 4.0]])


def test_errors_name_the_operator():
    def broken(outs, ins):
        outs[0] = undefined_name  # noqa: F821

    op = bm.register_op("broken", broken, out_shapes=lambda x: x)
    with pytest.raises(UnsupportedError, match="'broken' could not be compiled"):
        op(jnp.ones(3))
    with pytest.raises(UnsupportedError, match="out_shapes must give"):
        bm.register_op("bad", custom_op, out_shapes=lambda *ins: 3)(jnp.ones(2), jnp.ones(2))
