"""brainpy.math.random (inventory 1.3, spec L738-755, L6531-6573, L7244-7259).

JAX's draws differ from the spec's printed numbers, so samples are checked by
shape, dtype and statistics (tolerances of several standard errors)."""

from __future__ import annotations

import re

import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import MathError

N = 20000


def norm(text: str) -> str:
    text = re.sub(r"\s+", " ", str(text))
    return text.replace("[ ", "[").replace(" ]", "]").replace(" ,", ",").strip()


def check_moments(x, mean, var, n=N, k=6.0):
    x = np.asarray(x, dtype=np.float64)
    assert abs(x.mean() - mean) < k * np.sqrt(var / n), (x.mean(), mean)
    assert abs(x.var() - var) < k * var * np.sqrt(2.0 / n) * 2.0, (x.var(), var)


def test_randomstate_is_a_variable_and_advances():
    state = bm.random.RandomState(seed=1234)
    assert isinstance(state, bm.Variable)
    assert norm(repr(state)) == "RandomState([0, 1234], dtype=uint32)"
    before = np.asarray(state.value).copy()
    state.random(1)
    after_random = np.asarray(state.value).copy()
    assert not np.array_equal(before, after_random) and state.dtype == jnp.uint32
    state.sample(1)
    assert not np.array_equal(after_random, np.asarray(state.value))
    key = state.split_key()
    assert isinstance(key, jax.Array) and key.shape == (2,) and key.dtype == jnp.uint32
    assert state.split_keys(2).shape == (2, 2) and state.split_keys(5).shape == (5, 2)


def test_default_and_seed():
    assert isinstance(bm.random.DEFAULT, bm.random.RandomState)
    default = bm.random.DEFAULT
    bm.random.seed(654321)
    assert bm.random.DEFAULT is default
    assert norm(repr(bm.random.DEFAULT)) == "RandomState([0, 654321], dtype=uint32)"
    bm.random.seed(12345)
    a = bm.random.random(5)
    b = bm.random.normal(0.0, 2.0, 5)
    assert type(a) is bm.JaxArray and a.shape == (5,) and a.dtype == jnp.float32
    assert b.shape == (5,) and b.dtype == jnp.float32
    bm.random.seed(12345)
    np.testing.assert_array_equal(bm.random.random(5), a)  # same seed, same numbers
    with pytest.raises(MathError, match="seed"):
        bm.random.seed(-3)


def test_jit_without_declaration_freezes_numbers():
    def function():
        return bm.random.normal(0, 1, size=(10,))

    f1 = jax.jit(function)
    assert bool(bm.all(f1() == f1()))
    # the state never holds a leaked tracer
    assert isinstance(bm.random.DEFAULT.value, jax.Array) and bm.random.normal(size=2).shape == (2,)


def test_declared_state_advances_inside_jit():
    state = bm.random.RandomState(0)

    @jax.jit
    def draw(key):
        state._value = key  # what bm.jit does for a declared Variable
        out = state.normal(size=(10,))
        return out, state._value

    key = state.value
    out1, key = draw(key)
    out2, key = draw(key)
    assert not bool(jnp.any(out1 == out2))


def test_draws_differ_in_a_loop_and_within_one_trace():
    state = bm.random.RandomState(3)
    draws = [state.random(4) for _ in range(3)]
    assert not np.allclose(draws[0], draws[1]) and not np.allclose(draws[1], draws[2])

    @jax.jit
    def two():
        return bm.random.random(3), bm.random.random(3)

    a, b = two()
    assert not np.allclose(a, b)


CONTINUOUS = [
    # name, args, mean, variance
    ("random", (), 0.5, 1 / 12),
    ("random_sample", (), 0.5, 1 / 12),
    ("ranf", (), 0.5, 1 / 12),
    ("sample", (), 0.5, 1 / 12),
    ("uniform", (2.0, 4.0), 3.0, 4 / 12),
    ("normal", (1.0, 2.0), 1.0, 4.0),
    ("standard_normal", (), 0.0, 1.0),
    ("beta", (2.0, 3.0), 0.4, 6 / (25 * 6)),
    ("exponential", (2.0,), 2.0, 4.0),
    ("standard_exponential", (), 1.0, 1.0),
    ("gamma", (3.0, 2.0), 6.0, 12.0),
    ("standard_gamma", (3.0,), 3.0, 3.0),
    ("gumbel", (1.0, 2.0), 1.0 + 2.0 * np.euler_gamma, np.pi**2 / 6 * 4),
    ("laplace", (1.0, 2.0), 1.0, 8.0),
    ("logistic", (1.0, 2.0), 1.0, 4 * np.pi**2 / 3),
    ("lognormal", (0.0, 0.5), np.exp(0.125), (np.exp(0.25) - 1) * np.exp(0.25)),
    ("chisquare", (3.0,), 3.0, 6.0),
    ("standard_t", (10.0,), 0.0, 10 / 8),
    ("t", (10.0,), 0.0, 10 / 8),
    ("f", (5.0, 10.0), 10 / 8, 2 * 100 * 13 / (5 * 64 * 6)),
    ("pareto", (5.0,), 1 / 4, 5 / (16 * 3)),
    ("power", (3.0,), 0.75, 3 / (16 * 5)),
    ("weibull", (2.0,), np.sqrt(np.pi) / 2, 1 - np.pi / 4),
    ("weibull_min", (2.0, 3.0), 3 * np.sqrt(np.pi) / 2, 9 * (1 - np.pi / 4)),
    ("rayleigh", (2.0,), 2.0 * np.sqrt(np.pi / 2), (4 - np.pi) / 2 * 4),
    ("maxwell", (), 2 * np.sqrt(2 / np.pi), (3 * np.pi - 8) / np.pi),
    ("triangular", (0.0, 1.0, 3.0), 4 / 3, (9 + 1 - 3) / 18),
    ("wald", (2.0, 3.0), 2.0, 8 / 3),
    ("vonmises", (0.5, 4.0), 0.5, None),
    ("noncentral_chisquare", (3.0, 2.0), 5.0, 2 * (3 + 4)),
    ("noncentral_f", (5.0, 20.0, 2.0), 20 * 7 / (5 * 18), None),
    ("truncated_normal", (-1.0, 1.0), 0.0, 1 - 2 * 0.24197072451914337 / 0.6826894921370859),
    ("loggamma", (3.0,), 0.9227843350984671, 0.3949340668482264),
]


# Samplers built on JAX's gamma/poisson/binomial kernels take seconds to compile on CPU.
HEAVY = {
    "beta",
    "gamma",
    "standard_gamma",
    "chisquare",
    "standard_t",
    "t",
    "f",
    "loggamma",
    "vonmises",
    "noncentral_chisquare",
    "noncentral_f",
    "poisson",
    "binomial",
    "negative_binomial",
    "zipf",
    "hypergeometric",
}


def params(table):
    return [pytest.param(*row, id=row[0], marks=[pytest.mark.slow] if row[0] in HEAVY else []) for row in table]


@pytest.mark.parametrize("name, args, mean, var", params(CONTINUOUS))
def test_continuous_distribution_moments(name, args, mean, var):
    bm.random.seed(7)
    x = getattr(bm.random, name)(*args, size=N)
    assert type(x) is bm.JaxArray and x.shape == (N,) and x.dtype == jnp.float32
    if var is None:
        assert abs(float(np.mean(np.asarray(x))) - mean) < 0.05
    else:
        check_moments(x, mean, var)
    if name == "vonmises":
        assert float(x.min()) >= -np.pi and float(x.max()) < np.pi


DISCRETE = [
    ("randint", (2, 10), 5.5, (64 - 1) / 12),
    ("random_integers", (1, 6), 3.5, 35 / 12),
    ("poisson", (3.0,), 3.0, 3.0),
    ("binomial", (10, 0.3), 3.0, 2.1),
    ("geometric", (0.25,), 4.0, 0.75 / 0.0625),
    ("negative_binomial", (3, 0.4), 4.5, 3 * 0.6 / 0.16),
    ("hypergeometric", (10, 5, 6), 4.0, 6 * (10 / 15) * (5 / 15) * 9 / 14),
    ("logseries", (0.6,), -0.6 / (0.4 * np.log(0.4)), None),
    ("zipf", (3.0,), 1.2020569031595942 / 1.0, None),
    ("bernoulli", (0.3,), 0.3, 0.21),
]


@pytest.mark.parametrize("name, args, mean, var", params(DISCRETE))
def test_discrete_distribution_moments(name, args, mean, var):
    bm.random.seed(11)
    x = getattr(bm.random, name)(*args, size=N)
    assert type(x) is bm.JaxArray and x.shape == (N,)
    if name == "bernoulli":
        assert x.dtype == jnp.bool_
    else:
        assert x.dtype == jnp.int32
    if name == "zipf":  # heavy tail: compare P(X = 1) = 1 / zeta(3)
        assert abs(float(np.mean(np.asarray(x) == 1)) - 1 / 1.2020569031595942) < 0.02
        return
    if var is None:
        assert abs(float(np.mean(np.asarray(x))) - mean) < 0.05 * mean
    else:
        check_moments(x, mean, var)


def test_shapes_and_module_functions():
    r = bm.random
    assert r.rand(2, 3).shape == (2, 3) and r.randn(4).shape == (4,)
    assert r.randint(5, size=(2, 2)).shape == (2, 2) and int(r.randint(5, size=100).max()) < 5
    assert r.normal(bm.zeros(3), 1.0).shape == (3,)
    assert r.uniform(size=(2, 3)).shape == (2, 3)
    assert r.standard_cauchy(10).shape == (10,)
    mv = r.multivariate_normal(bm.zeros(2), bm.eye(2), size=(N,))
    assert mv.shape == (N, 2)
    np.testing.assert_allclose(np.cov(np.asarray(mv).T), np.eye(2), atol=0.05)
    q = r.orthogonal(4)
    np.testing.assert_allclose(np.asarray(q) @ np.asarray(q).T, np.eye(4), atol=1e-5)
    c = r.categorical(bm.log(bm.array([0.1, 0.9])), size=N)
    assert abs(float(np.mean(np.asarray(c))) - 0.9) < 0.02
    ch = r.choice(5, 3, replace=False)
    assert len(set(np.asarray(ch).tolist())) == 3
    p = r.permutation(10)
    assert sorted(np.asarray(p).tolist()) == list(range(10))
    x = bm.arange(10)
    ident = id(x)
    r.shuffle(x)
    assert id(x) == ident and sorted(np.asarray(x).tolist()) == list(range(10))
    with pytest.raises(MathError, match="in place"):
        r.shuffle(jnp.arange(3))
    assert isinstance(r.default_rng(1), r.RandomState) and r.Generator is r.RandomState


@pytest.mark.slow
def test_dirichlet_and_multinomial():
    r = bm.random
    d = r.dirichlet([1.0, 2.0, 3.0], size=N)
    assert d.shape == (N, 3)
    np.testing.assert_allclose(d.sum(axis=-1), np.ones(N), rtol=1e-5)
    np.testing.assert_allclose(np.asarray(d).mean(axis=0), [1 / 6, 2 / 6, 3 / 6], atol=0.01)
    m = r.multinomial(10, [0.2, 0.3, 0.5], size=N)
    assert m.shape == (N, 3) and bool(bm.all(m.sum(axis=-1) == 10))
    np.testing.assert_allclose(np.asarray(m).mean(axis=0), [2.0, 3.0, 5.0], atol=0.06)


def test_rng_in_spec_cells():
    # L1268: rng.random(1000); L2980-2988: RandomState(seed).bernoulli(p, shape)
    rng = bm.random.RandomState(123)
    seq = rng.random(1000)
    assert seq.shape == (1000,) and abs(float(seq.sum()) - 500) < 6 * np.sqrt(1000 / 12)
    mask = bm.random.RandomState(seed=1).bernoulli(0.2, (100, 100))
    assert mask.shape == (100, 100) and abs(float(mask.mean()) - 0.2) < 0.02
