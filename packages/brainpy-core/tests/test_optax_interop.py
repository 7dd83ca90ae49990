"""The spec's Optax cell (L8038-8066) unchanged: bm.vmap, bm.grad, bm.jit around an Optax optimizer."""

from __future__ import annotations

import brainpy.math as bm
import numpy as np


def test_optax_adam_retrieves_the_target_params():
    import optax

    network = bm.vmap(lambda params, x: bm.dot(params, x), in_axes=(None, 0))

    def compute_loss(params, x, y):
        y_pred = network(params, x)
        loss = bm.mean(optax.l2_loss(y_pred, y))
        return loss

    @bm.jit
    def train(params, opt_state, xs, ys):
        grads = bm.grad(compute_loss)(params, xs.value, ys)
        updates, opt_state = optimizer.update(grads, opt_state)
        params = optax.apply_updates(params, updates)
        return params, opt_state

    bm.random.seed(42)
    target_params = 0.5
    xs = bm.random.normal(size=(16, 2))
    ys = bm.sum(xs * target_params, axis=-1)
    params = bm.array([0.0, 0.0])
    optimizer = optax.adam(learning_rate=1e-1)
    opt_state = optimizer.init(params)
    for _ in range(1000):
        params, opt_state = train(params, opt_state, xs, ys)
    assert bm.allclose(params, target_params), (
        "Optimization should retrieve the target params used to generate the data."
    )
    np.testing.assert_allclose(np.asarray(params), [0.5, 0.5], atol=1e-3)
