"""The example plugin's operators, reached through the public names of brainpy.math."""

import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np
from brainpy.plugins import get_registry


def test_custom_operator_is_reachable_from_brainpy_math():
    reg = get_registry("custom_operators")
    assert reg.origin("syn2post_logsumexp").distribution == "brainpy-plugin-example"
    x = np.array([1.0, 2.0, 3.0, -1.0], np.float32)
    ids = np.array([0, 0, 2, 0])
    got = bm.syn2post_logsumexp(x, ids, 4)
    want = [np.log(np.exp(1.0) + np.exp(2.0) + np.exp(-1.0)), -np.inf, 3.0, -np.inf]
    np.testing.assert_allclose(got, want, rtol=1e-6)
    big = bm.syn2post_logsumexp(jnp.array([1000.0, 1000.0]), jnp.array([0, 0]), 1)  # no overflow
    np.testing.assert_allclose(big, [1000.0 + np.log(2.0)], rtol=1e-6)
    grad = jax.grad(lambda v: bm.syn2post_logsumexp(v, ids, 4)[0])(jnp.asarray(x))  # softmax weights
    e = np.exp(x[[0, 1, 3]])
    np.testing.assert_allclose(np.asarray(grad)[[0, 1, 3]], e / e.sum(), rtol=1e-5)


def test_alternative_backend_wins_by_priority_and_agrees_with_the_reference():
    reg = get_registry("operator_backends")
    assert reg.origin("syn2post_mean/any/example").distribution == "brainpy-plugin-example"
    assert bm.get_op_backend("syn2post_mean") == "example"
    rng = np.random.default_rng(0)
    x, ids = rng.random(200).astype(np.float32), rng.integers(0, 30, 200)
    fused = bm.syn2post_mean(x, ids, 33)
    bm.set_op_backend("syn2post_mean", "jax")
    try:
        assert bm.get_op_backend("syn2post_mean") == "jax"
        reference = bm.syn2post_mean(x, ids, 33)
    finally:
        bm.set_op_backend("syn2post_mean", None)
    np.testing.assert_allclose(fused, reference, rtol=1e-6)
    assert float(fused[31]) == 0.0 and float(fused[32]) == 0.0
