"""Eager array creation and conversion compile nothing and give what ``jax.numpy`` gives.

Outside any transformation ``bm.zeros/ones/empty/full``, ``bm.asarray/array``,
``JaxArray(np_array)``, ``Variable(np_array)``, ``v[:] = x`` and the key split of
``bm.random`` avoid the small XLA programs ``jax.numpy`` compiles for every new shape;
inside ``jit``/``vmap``/``grad`` they still use ``jax.numpy``. Each test uses shapes no
other test uses, so that a compilation, if any, is seen.
"""

from __future__ import annotations

import contextlib
import itertools
import warnings

import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy._compat import in_trace
from brainpy.errors import MathError

_sizes = itertools.count(7001, 7)


def fresh() -> int:
    """A size not used before in this process (so no compiled program for it is cached)."""
    return next(_sizes)


@contextlib.contextmanager
def count_compiles():
    """Count XLA compilations inside the block (``counter[0]``)."""
    monitoring = pytest.importorskip("jax._src.monitoring")
    counter = [0]

    def listener(event, duration, **kwargs):
        if "backend_compile" in event:
            counter[0] += 1

    monitoring.register_event_duration_secs_listener(listener)
    try:
        yield counter
    finally:
        monitoring.unregister_event_duration_listener(listener)


@pytest.fixture(params=[False, True], ids=["x32", "x64"])
def x64(request):
    if request.param:
        bm.enable_x64()
    try:
        yield request.param
    finally:
        bm.disable_x64()


def same(ours, theirs):
    assert isinstance(ours, bm.JaxArray) and type(ours) is bm.JaxArray
    a, b = ours.value, theirs
    assert isinstance(a, jax.Array)
    assert a.shape == b.shape and a.dtype == b.dtype and a.weak_type == b.weak_type, (a.aval, b.aval)
    np.testing.assert_array_equal(np.asarray(a), np.asarray(b))


def test_compile_counter_sees_jax_numpy():
    with count_compiles() as n:
        jnp.zeros(fresh()) + 1.0
    assert n[0] >= 1


def test_in_trace():
    assert not in_trace()
    seen = []
    jax.jit(lambda x: seen.append(in_trace()) or x)(1.0)
    jax.vmap(lambda x: seen.append(in_trace()) or x)(jnp.ones(2))
    jax.grad(lambda x: seen.append(in_trace()) or x)(1.0)
    with jax.ensure_compile_time_eval():
        seen.append(in_trace())
    assert seen == [True, True, True, False]


# ---- creation functions ----------------------------------------------------------------
CREATION_CASES = [
    ("zeros", lambda n: ((n,), {})),
    ("zeros", lambda n: ((n, 3), {"dtype": bool})),
    ("zeros", lambda n: ([n], {"dtype": int})),
    ("zeros", lambda n: (n, {"dtype": "int8"})),
    ("zeros", lambda n: (n, {"dtype": bm.float_})),
    ("ones", lambda n: ((2, n), {})),
    ("ones", lambda n: (n, {"dtype": jnp.uint8})),
    ("ones", lambda n: (n, {"dtype": complex})),
    ("empty", lambda n: (np.int64(n), {"dtype": jnp.float32})),
    ("full", lambda n: ((n,), {"fill_value": -60.0, "dtype": float})),
    ("full", lambda n: ((n,), {"fill_value": np.float32(2.5)})),
    ("full", lambda n: ((n,), {"fill_value": np.int16(3), "dtype": jnp.float32})),
    ("full", lambda n: ((n,), {"fill_value": True})),
    ("full", lambda n: ((n,), {"fill_value": 7, "dtype": jnp.int16})),
    ("full", lambda n: ((n,), {"fill_value": -1e4, "dtype": jnp.float16})),
    ("full", lambda n: ((n,), {"fill_value": -1e7, "dtype": bm.float_})),
]


@pytest.mark.parametrize("name, make", CREATION_CASES)
def test_creation_matches_jax_numpy_and_compiles_nothing(name, make, x64):
    n = fresh()
    shape, kwargs = make(n)
    args = (shape,)
    with count_compiles() as count:
        ours = getattr(bm, name)(*args, **kwargs)
    assert count[0] == 0
    same(ours, getattr(jnp, name)(*args, **kwargs))


@pytest.mark.parametrize(
    "name, args, kwargs",
    [
        ("full", ((5,), 2.5), {}),  # a Python float with no dtype is weakly typed
        ("full", ((5,), 3), {}),
        ("full", ((5,), 2.7), {"dtype": jnp.int32}),  # float to int
        ("full", ((5,), 300), {"dtype": jnp.int8}),  # out of range
        ("full", ((5,), -1), {"dtype": jnp.uint8}),
        ("full", ((2, 3), np.arange(3.0)), {}),  # an array fill
        ("full", ((5,), 1e10), {"dtype": jnp.float16}),  # overflow
        ("full", ((5,), np.float32(2.5)), {"dtype": jnp.int32}),
        ("zeros", ((5,),), {"dtype": jnp.bfloat16}),
        ("asarray", (np.arange(4.0),), {"dtype": jnp.int32}),  # float to int
        ("asarray", (2.5,), {}),
        ("asarray", ([1.0, 2.0],), {}),
        ("array", (np.arange(4.0),), {"ndmin": 2}),
    ],
)
def test_creation_other_cases_still_match(name, args, kwargs, x64):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        same(getattr(bm, name)(*args, **kwargs), getattr(jnp, name)(*args, **kwargs))


def test_explicit_64_bit_dtype_warns_as_jax_numpy_does():
    with pytest.warns(UserWarning, match="float64"):
        out = bm.zeros(3, dtype=np.float64)
    assert out.dtype == jnp.float32


def test_creation_errors_come_from_jax_numpy():
    with pytest.raises((TypeError, ValueError)) as ours:
        bm.zeros((-1, 2))
    with pytest.raises(type(ours.value)):
        jnp.zeros((-1, 2))
    with pytest.raises(TypeError):
        bm.zeros("abc")


def test_large_fill_uses_the_device():
    from brainpy.math import _numpy_wrap

    n = _numpy_wrap.HOST_FILL_MAX + 1
    assert _numpy_wrap.host_fill((n,), 0.0, float) is None
    assert _numpy_wrap.host_fill((10,), 0.0, float) is not None


ASARRAY_CASES = [
    lambda n: (np.arange(n, dtype=np.float64), {}),
    lambda n: (np.arange(n, dtype=np.int64), {}),
    lambda n: (np.arange(n, dtype=np.uint64), {}),
    lambda n: (np.ones((n, 2), dtype=bool), {}),
    lambda n: (np.arange(n, dtype=np.int32), {"dtype": float}),
    lambda n: (np.arange(n, dtype=np.float64), {"dtype": jnp.float32}),
    lambda n: (np.arange(n, dtype=np.complex128), {}),
    lambda n: (np.float64(1.5), {}),
]


@pytest.mark.parametrize("make", ASARRAY_CASES)
@pytest.mark.parametrize("name", ["asarray", "array"])
def test_asarray_of_numpy_matches_jax_numpy_and_compiles_nothing(name, make, x64):
    value, kwargs = make(fresh())
    with count_compiles() as count:
        ours = getattr(bm, name)(value, **kwargs)
        wrapped = bm.JaxArray(value, **kwargs)
        var = bm.Variable(value, **kwargs)
    assert count[0] == 0
    expected = jnp.asarray(value, **kwargs)
    same(ours, expected)
    same(bm.as_jaxarray(wrapped), expected)
    assert type(var) is bm.Variable and var.dtype == expected.dtype and not var.value.weak_type


def test_asarray_copies_the_numpy_data():
    x = np.arange(fresh(), dtype=np.float32)
    a = bm.asarray(x)
    x[0] = 100.0
    assert float(a[0]) == 0.0


def test_default_dtype_follows_x64():
    bm.enable_x64()
    try:
        assert bm.zeros(fresh()).dtype == jnp.float64
        assert bm.asarray(np.arange(3)).dtype == jnp.int64
    finally:
        bm.disable_x64()
    assert bm.zeros(fresh()).dtype == jnp.float32
    assert bm.asarray(np.arange(3)).dtype == jnp.int32


# ---- inside transformations --------------------------------------------------------------
def test_inside_jit_vmap_grad_the_jax_numpy_path_is_used():
    n = fresh()
    data = np.arange(n, dtype=np.float32)

    def f(x):
        z = bm.zeros(n) + bm.ones(n) + bm.full(n, 2.0, dtype=float) + bm.asarray(data)
        return jnp.sum((z * x).value)

    expected = float(np.sum((data + 3.0) * 2.0))
    assert float(jax.jit(f)(2.0)) == pytest.approx(expected)
    assert float(jax.grad(f)(2.0)) == pytest.approx(float(np.sum(data + 3.0)))
    out = jax.vmap(f)(jnp.array([1.0, 2.0]))
    np.testing.assert_allclose(out, [expected / 2, expected], rtol=1e-6)
    jaxpr = str(
        jax.make_jaxpr(lambda x: (bm.zeros(n) + bm.asarray(data) + bm.full(n, 1.0, dtype=float) * x).value)(1.0)
    )
    assert "device_put" not in jaxpr


# ---- full-slice assignment ---------------------------------------------------------------
@pytest.mark.parametrize("index", [slice(None), Ellipsis, (slice(None),), (Ellipsis,)])
def test_full_slice_assignment_replaces_without_compiling(index):
    n = fresh()
    v = bm.Variable(bm.zeros(n))
    new = bm.random.randn(n).value
    with count_compiles() as count:
        v[index] = new
        v[index] = bm.JaxArray(new)
        v[index] = np.full(n, 3.0)  # float64 NumPy data: made float32 as the scatter would
    assert count[0] == 0
    assert type(v) is bm.Variable and v.dtype == jnp.float32 and not v.value.weak_type
    np.testing.assert_array_equal(np.asarray(v), np.full(n, 3.0, np.float32))
    a = bm.JaxArray(bm.zeros((n, 2)))
    a[index] = np.ones((n, 2), np.float32)
    np.testing.assert_array_equal(np.asarray(a), np.ones((n, 2)))


def test_full_slice_assignment_of_a_strong_value_drops_a_weak_type():
    v = bm.Variable(jnp.full(fresh(), -60.0))  # weakly typed
    assert v.value.weak_type
    v[:] = bm.random.randn(v.size) * 2 - 60.0
    assert v.dtype == jnp.float32 and not v.value.weak_type


def test_full_slice_assignment_other_cases_scatter_as_before():
    n = fresh()
    v = bm.Variable(bm.zeros(n))
    v[:] = 2  # a scalar is broadcast
    np.testing.assert_array_equal(np.asarray(v), np.full(n, 2.0))
    v[:] = jnp.arange(n)  # int32 data is cast to the Variable's dtype
    assert v.dtype == jnp.float32
    np.testing.assert_array_equal(np.asarray(v), np.arange(n))
    v[:] = jnp.full(n, 1.0)  # a weakly typed value does not make the Variable weak
    assert not v.value.weak_type and float(v[0]) == 1.0
    v[1:] = 5.0
    assert float(v[0]) == 1.0 and float(v[1]) == 5.0
    with pytest.raises((ValueError, TypeError)):
        v[:] = jnp.ones(n + 1)
    with pytest.raises(MathError):
        v.value = jnp.ones(n + 1)


def test_full_slice_assignment_under_jit_and_vmap():
    n = fresh()
    v = bm.Variable(bm.zeros(n))

    def f():
        v[:] = v + 1.0

    f = bm.jit(f, dyn_vars=[v])
    f()
    f()
    np.testing.assert_array_equal(np.asarray(v), np.full(n, 2.0))

    def g(x):
        w = bm.Variable(bm.zeros(3))  # made inside vmap: its data becomes a batched tracer
        w[:] = jnp.ones(3) * x
        return w.value

    np.testing.assert_array_equal(jax.vmap(g)(jnp.arange(2.0)), [[0.0] * 3, [1.0] * 3])
    plain = bm.JaxArray(bm.zeros(3))
    with pytest.raises(MathError, match="Variable"):
        jax.jit(lambda x: plain.__setitem__(slice(None), jnp.ones(3) * x))(1.0)


# ---- random ------------------------------------------------------------------------------
def test_key_split_is_one_program_and_keeps_the_numbers():
    state = bm.random.RandomState(1234)
    key = state.value
    sub = state.split_key()
    new_key, expected_sub = jax.random.split(key)
    np.testing.assert_array_equal(np.asarray(sub), np.asarray(expected_sub))
    np.testing.assert_array_equal(np.asarray(state.value), np.asarray(new_key))
    subs = state.split_keys(3)
    keys = jax.random.split(new_key, 4)
    np.testing.assert_array_equal(np.asarray(subs), np.asarray(keys[1:]))
    np.testing.assert_array_equal(np.asarray(state.value), np.asarray(keys[0]))
    assert state.dtype == jnp.uint32 and state.shape == (2,)
    with count_compiles() as count:
        state.split_key()
        state.split_keys(3)
    assert count[0] == 0


def test_draws_match_jax_random_and_differ_between_calls():
    state = bm.random.RandomState(7)
    key = state.value
    n = fresh()
    a = state.randn(n)
    _, sub = jax.random.split(key)
    np.testing.assert_array_equal(np.asarray(a), np.asarray(jax.random.normal(sub, (n,))))
    assert not np.array_equal(np.asarray(a), np.asarray(state.randn(n)))


def test_random_state_under_jit_as_before():
    state = bm.random.RandomState(3)
    frozen = jax.jit(lambda: state.random(4).value)  # undeclared: a constant of the compiled code
    np.testing.assert_array_equal(frozen(), frozen())
    assert not isinstance(state.value, jax.core.Tracer)
    declared = bm.jit(lambda: state.random(4), dyn_vars=[state])
    assert not np.array_equal(np.asarray(declared()), np.asarray(declared()))
