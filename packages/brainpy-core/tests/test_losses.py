"""brainpy.losses: each loss against a NumPy hand computation, pytrees, reductions, grad/jit."""

import brainpy as bp
import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import BrainPyError

RNG = np.random.default_rng(0)
P = RNG.normal(size=(6, 4)).astype(np.float32)
T = RNG.normal(size=(6, 4)).astype(np.float32)


def test_all_eight_names_and_the_misspelled_alias():
    names = {
        "cross_entropy_loss",
        "l1_loos",
        "l2_loss",
        "l2_norm",
        "huber_loss",
        "mean_absolute_error",
        "mean_squared_error",
        "mean_squared_log_error",
    }
    assert names <= set(bp.losses.__all__)
    assert bp.losses.l1_loos is bp.losses.l1_loss
    assert bm.losses is bp.losses


def test_mean_squared_error_and_mean_absolute_error():
    np.testing.assert_allclose(bp.losses.mean_squared_error(P, T), np.mean((P - T) ** 2), rtol=1e-6)
    np.testing.assert_allclose(bp.losses.mean_absolute_error(P, T), np.mean(np.abs(P - T)), rtol=1e-6)
    np.testing.assert_allclose(bp.losses.mean_squared_error(P, T, axis=0), np.mean((P - T) ** 2, 0), rtol=1e-6)
    np.testing.assert_allclose(bp.losses.mean_absolute_error(P, T, axis=1), np.mean(np.abs(P - T), 1), rtol=1e-6)


def test_mean_squared_log_error():
    a, b = np.abs(P), np.abs(T)
    expected = np.mean((np.log1p(a) - np.log1p(b)) ** 2)
    np.testing.assert_allclose(bp.losses.mean_squared_log_error(a, b), expected, rtol=1e-5)


def test_losses_accept_jaxarrays_variables_and_pytrees():
    tree_p = {"a": bm.Variable(P), "b": [bm.asarray(T)]}
    tree_t = {"a": T, "b": [P]}
    expected = np.mean((P - T) ** 2) * 2
    np.testing.assert_allclose(bp.losses.mean_squared_error(tree_p, tree_t), expected, rtol=1e-6)
    # nested lists of plain numbers are one array, not a pytree
    assert float(bp.losses.mean_squared_error([1.0, 2.0, 3.0], [1.0, 2.0, 6.0])) == pytest.approx(3.0)


def test_l1_loss_reductions():
    per_sample = np.abs(P - T).sum(axis=1)
    np.testing.assert_allclose(bp.losses.l1_loos(P, T), per_sample.sum(), rtol=1e-6)
    np.testing.assert_allclose(bp.losses.l1_loss(P, T, reduction="mean"), per_sample.mean(), rtol=1e-6)
    np.testing.assert_allclose(bp.losses.l1_loss(P, T, reduction="none"), per_sample, rtol=1e-6)
    x3 = RNG.normal(size=(3, 2, 5))
    np.testing.assert_allclose(
        bp.losses.l1_loss(x3, 0 * x3, reduction="none"), np.abs(x3).reshape(3, -1).sum(1), rtol=1e-5
    )
    with pytest.raises(ValueError, match="reduction='avg'"):
        bp.losses.l1_loss(P, T, reduction="avg")


def test_l2_loss_and_l2_norm():
    np.testing.assert_allclose(bp.losses.l2_loss(P, T), 0.5 * (P - T) ** 2, rtol=1e-6)
    tree = {"w": P, "b": bm.Variable(T[0])}
    expected = np.sqrt((P**2).sum() + (T[0] ** 2).sum())
    np.testing.assert_allclose(bp.losses.l2_norm(tree), expected, rtol=1e-6)
    np.testing.assert_allclose(bp.losses.l2_norm(P), np.linalg.norm(P), rtol=1e-6)


def test_huber_loss_is_quadratic_then_linear():
    x = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0], dtype=np.float32)
    d = 1.0
    expected = np.where(np.abs(x) <= d, 0.5 * x**2, d * (np.abs(x) - 0.5 * d))
    np.testing.assert_allclose(bp.losses.huber_loss(x, np.zeros_like(x), delta=d), expected, rtol=1e-6)
    d = 2.0
    expected = np.where(np.abs(x) <= d, 0.5 * x**2, d * (np.abs(x) - 0.5 * d))
    np.testing.assert_allclose(bp.losses.huber_loss(np.zeros_like(x), x, delta=d), expected, rtol=1e-6)


def _log_softmax(x):
    m = x.max(-1, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(-1, keepdims=True))


def test_cross_entropy_with_indices_one_hot_and_weights():
    logits = RNG.normal(size=(8, 5)).astype(np.float32)
    labels = RNG.integers(0, 5, size=8)
    ls = _log_softmax(logits.astype(np.float64))
    nll = -ls[np.arange(8), labels]
    np.testing.assert_allclose(bp.losses.cross_entropy_loss(logits, labels), nll.mean(), rtol=1e-5)
    np.testing.assert_allclose(bp.losses.cross_entropy_loss(logits, labels, reduction="sum"), nll.sum(), rtol=1e-5)
    one_hot = np.eye(5, dtype=np.float32)[labels]
    np.testing.assert_allclose(bp.losses.cross_entropy_loss(logits, one_hot, reduction="none"), nll, rtol=1e-5)
    w = np.array([1.0, 2.0, 0.5, 3.0, 1.5], dtype=np.float32)
    expected = (w[labels] * nll).sum() / w[labels].sum()
    np.testing.assert_allclose(bp.losses.cross_entropy_loss(logits, labels, weight=w), expected, rtol=1e-5)
    soft = np.full((8, 5), 0.2, dtype=np.float32)
    np.testing.assert_allclose(bp.losses.cross_entropy_loss(logits, soft), (-(soft * ls).sum(-1)).mean(), rtol=1e-5)


def test_cross_entropy_shape_errors():
    with pytest.raises(BrainPyError, match="targets of shape"):
        bp.losses.cross_entropy_loss(np.zeros((4, 3)), np.zeros((4, 2)))
    with pytest.raises(ValueError, match="one weight per class"):
        bp.losses.cross_entropy_loss(np.zeros((4, 3)), np.zeros(4, dtype=int), weight=np.ones(2))


def test_losses_are_differentiable_and_jittable():
    p = jnp.asarray(P)
    g = jax.grad(lambda x: bp.losses.mean_squared_error(x, T))(p)
    np.testing.assert_allclose(g, 2 * (P - T) / P.size, rtol=1e-5)
    f = jax.jit(lambda x: bp.losses.huber_loss(x, T).sum() + bp.losses.l2_norm({"x": x}))
    expected = bp.losses.huber_loss(p, T).sum() + np.linalg.norm(P)
    np.testing.assert_allclose(f(p), expected, rtol=1e-5)
    logits = jnp.asarray(P)
    g = jax.grad(lambda x: bp.losses.cross_entropy_loss(x, jnp.arange(6) % 4))(logits)
    soft = np.exp(_log_softmax(P.astype(np.float64)))
    np.testing.assert_allclose(g, (soft - np.eye(4)[np.arange(6) % 4]) / 6, atol=1e-6)
