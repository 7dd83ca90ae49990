"""bm.vmap / bm.pmap on functions and Base objects."""

import brainpy as bp
import brainpy.math as bm
import jax
import numpy as np
import pytest


def test_vmap_pure_function_matches_loop():
    rng = np.random.default_rng(0)
    params = bm.asarray(rng.random(3).astype(np.float32))
    xs = bm.asarray(rng.random((5, 3)).astype(np.float32))
    network = bm.vmap(lambda p, x: bm.dot(p, x), in_axes=(None, 0))
    out = network(params, xs)
    expected = [float(np.dot(np.asarray(params), np.asarray(x))) for x in xs]
    np.testing.assert_allclose(np.asarray(out), expected, rtol=1e-6)


class Model(bp.Base):
    def __init__(self, batch):
        super().__init__()
        self.w = bm.Variable(bm.asarray([1.0, 2.0, 3.0]))
        self.s = bm.Variable(bm.zeros((batch, 3)))

    def __call__(self, x):
        self.s.value = self.s + x * self.w
        return (self.s * 2).sum()


def test_vmap_object_with_batched_vars():
    m = Model(4)
    f = bm.vmap(m, dyn_vars=[m.w], batched_vars=[m.s])
    out = f(bm.arange(4.0))
    assert out.tolist() == [0.0, 12.0, 24.0, 36.0]
    np.testing.assert_allclose(np.asarray(m.s.value), np.outer(np.arange(4.0), [1.0, 2.0, 3.0]))
    f(bm.arange(4.0))
    np.testing.assert_allclose(np.asarray(m.s.value), 2 * np.outer(np.arange(4.0), [1.0, 2.0, 3.0]))
    assert m.w.value.tolist() == [1.0, 2.0, 3.0]


def test_vmap_shared_variable_changes_need_reduce_func():
    m = Model(4)
    g = bm.vmap(lambda x: m.w.update(m.w + x), dyn_vars=[m.w])
    with pytest.raises(bp.errors.MathError, match="reduce_func"):
        g(bm.arange(4.0))
    assert m.w.value.tolist() == [1.0, 2.0, 3.0]
    g = bm.vmap(lambda x: m.w.update(m.w + x), dyn_vars=[m.w], reduce_func=lambda x, axis: x.mean(axis))
    g(bm.arange(4.0))
    assert m.w.value.tolist() == [2.5, 3.5, 4.5]


def test_vmap_inside_jit_and_grad():
    def loss(p, xs, ys):
        pred = bm.vmap(lambda p, x: bm.dot(p, x), in_axes=(None, 0))(p, xs)
        return bm.mean((pred - ys) ** 2)

    rng = np.random.default_rng(1)
    xs = bm.asarray(rng.random((8, 2)).astype(np.float32))
    ys = bm.sum(xs * 0.5, axis=-1)
    g_eager = bm.grad(loss)(bm.zeros(2), xs, ys)
    g_jit = bm.jit(lambda p: bm.grad(loss)(p, xs, ys))(bm.zeros(2))
    np.testing.assert_allclose(np.asarray(g_jit), np.asarray(g_eager), rtol=1e-6)
    x, y = np.asarray(xs), np.asarray(ys)
    np.testing.assert_allclose(np.asarray(g_eager), 2 * (x @ np.zeros(2) - y) @ x / 8, rtol=1e-5)


def test_pmap_on_available_devices():
    n = jax.local_device_count()
    out = bm.pmap(lambda x: x * 2)(bm.arange(float(n)))
    assert out.tolist() == [2.0 * i for i in range(n)]
    m = Model(n)
    f = bm.pmap(m, dyn_vars=[m.w], batched_vars=[m.s])
    f(bm.ones(n))
    assert np.asarray(m.s.value).tolist() == [[1.0, 2.0, 3.0]] * n
