"""The 24 activation functions of brainpy.math (inventory 1.8), against NumPy formulas."""

from __future__ import annotations

import math

import brainpy.math as bm
import jax
import numpy as np
import pytest

X = np.linspace(-4.0, 4.0, 33).astype(np.float32)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


REFERENCE = {
    "celu": lambda x: np.maximum(0, x) + np.minimum(0, np.expm1(x)),
    "elu": lambda x: np.where(x > 0, x, np.expm1(x)),
    "gelu": lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3))),
    "hard_tanh": lambda x: np.clip(x, -1, 1),
    "hard_sigmoid": lambda x: np.clip(x + 3, 0, 6) / 6,
    "hard_silu": lambda x: x * np.clip(x + 3, 0, 6) / 6,
    "hard_swish": lambda x: x * np.clip(x + 3, 0, 6) / 6,
    "leaky_relu": lambda x: np.where(x >= 0, x, 0.01 * x),
    "log_sigmoid": lambda x: np.log(sigmoid(x)),
    "log_softmax": lambda x: x - np.log(np.sum(np.exp(x))),
    "normalize": lambda x: (x - x.mean()) / np.sqrt(x.var() + 1e-5),
    "relu": lambda x: np.maximum(0, x),
    "relu6": lambda x: np.clip(x, 0, 6),
    "sigmoid": sigmoid,
    "soft_sign": lambda x: x / (np.abs(x) + 1),
    "softmax": lambda x: np.exp(x) / np.sum(np.exp(x)),
    "softplus": lambda x: np.log1p(np.exp(x)),
    "silu": lambda x: x * sigmoid(x),
    "swish": lambda x: x * sigmoid(x),
    "selu": lambda x: 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(x)),
    "identity": lambda x: x,
    "tanh": np.tanh,
}


@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_activation_matches_formula(name):
    out = getattr(bm, name)(bm.asarray(X))
    assert type(out) is bm.JaxArray
    np.testing.assert_allclose(out, REFERENCE[name](X.astype(np.float64)), rtol=1e-4, atol=1e-5)


def test_glu_one_hot_and_aliases():
    x = np.arange(8.0, dtype=np.float32).reshape(2, 4)
    np.testing.assert_allclose(bm.glu(x), x[:, :2] * sigmoid(x[:, 2:]), rtol=1e-5)
    np.testing.assert_array_equal(bm.one_hot(bm.array([0, 2]), 3), [[1, 0, 0], [0, 0, 1]])
    assert bm.hard_swish is bm.hard_silu and bm.swish is bm.silu
    assert bm.identity(2).shape == (2, 2)  # NumPy's identity(n) still works


def test_spec_gelu_cell_jitted():
    # L981-995: a GELU written by hand with bm functions, jitted
    def gelu(x):
        sqrt = bm.sqrt(2 / bm.pi)
        cdf = 0.5 * (1.0 + bm.tanh(sqrt * (x + 0.044715 * (x**3))))
        return x * cdf

    x = bm.random.random(1000)
    eager = gelu(x)
    jitted = jax.jit(gelu)(x)
    np.testing.assert_allclose(jitted, eager, rtol=1e-6)
    np.testing.assert_allclose(eager, bm.gelu(x), rtol=1e-6)
    assert math.isclose(float(bm.gelu(0.0)), 0.0)
