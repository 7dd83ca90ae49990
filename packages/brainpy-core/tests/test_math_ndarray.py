"""JaxArray and Variable: the spec's Math Basics (L702-972) and Variables (L6451-6694) cells.

Printed outputs are compared after collapsing whitespace (the spec's text lost
NumPy's alignment padding). ``DeviceArray`` outputs of the spec are raw
``jax.Array`` values today.
"""

from __future__ import annotations

import copy
import pickle
import re

import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import MathError


def norm(text: str) -> str:
    text = re.sub(r"\s+", " ", str(text))
    return text.replace("[ ", "[").replace(" ]", "]").replace(" ,", ",").strip()


def test_overview_inplace_cell():
    b = bm.arange(5)
    assert norm(repr(b)) == "JaxArray([0, 1, 2, 3, 4], dtype=int32)"
    b[0] += 5
    assert norm(repr(b)) == "JaxArray([5, 1, 2, 3, 4], dtype=int32)"


def test_tensor_definition_and_attributes():
    t1 = bm.array([[[0, 1, 2, 3], [1, 2, 3, 4], [4, 5, 6, 7]], [[0, 0, 0, 0], [-1, 1, -1, 1], [2, -2, 2, -2]]])
    assert norm(repr(t1)) == norm(
        "JaxArray([[[ 0, 1, 2, 3], [ 1, 2, 3, 4], [ 4, 5, 6, 7]], "
        "[[ 0, 0, 0, 0], [-1, 1, -1, 1], [ 2, -2, 2, -2]]], dtype=int32)"
    )
    assert f"t1.ndim: {t1.ndim}" == "t1.ndim: 3"
    assert f"t1.shape: {t1.shape}" == "t1.shape: (2, 3, 4)"
    assert f"t1.size: {t1.size}" == "t1.size: 24"
    assert f"t1.dtype: {t1.dtype}" == "t1.dtype: int32"


def test_tensor_operations_cells():
    t1 = bm.array([[[0, 1, 2, 3], [1, 2, 3, 4], [4, 5, 6, 7]], [[0, 0, 0, 0], [-1, 1, -1, 1], [2, -2, 2, -2]]])
    t2 = bm.arange(4)
    t3 = bm.ones((2, 4)) * 1.5
    assert norm(repr(t2)) == "JaxArray([0, 1, 2, 3], dtype=int32)"
    assert norm(repr(t3)) == "JaxArray([[1.5, 1.5, 1.5, 1.5], [1.5, 1.5, 1.5, 1.5]], dtype=float32)"
    # indexing returns raw JAX arrays
    assert isinstance(t3[1], jax.Array) and not isinstance(t3[1], bm.JaxArray)
    np.testing.assert_array_equal(t3[1], [1.5] * 4)
    np.testing.assert_array_equal(t3[:, 2:], [[1.5, 1.5], [1.5, 1.5]])
    assert norm(repr(t2 + t3[0])) == "JaxArray([1.5, 2.5, 3.5, 4.5], dtype=float32)"
    r = t3[0] / t1[0, 1]
    assert isinstance(r, jax.Array)
    np.testing.assert_allclose(r, [1.5, 0.75, 0.5, 0.375])
    assert norm(repr(t2 + 3)) == "JaxArray([3, 4, 5, 6], dtype=int32)"
    assert norm(repr(t2 + t3)) == "JaxArray([[1.5, 2.5, 3.5, 4.5], [1.5, 2.5, 3.5, 4.5]], dtype=float32)"
    assert norm(repr(bm.dot(t2, t3.T))) == "JaxArray([9., 9.], dtype=float32)"
    assert norm(repr(bm.max(t1, axis=2))) == "JaxArray([[3, 4, 7], [0, 1, 2]], dtype=int32)"
    assert norm(repr(t3.flatten())) == "JaxArray([1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5], dtype=float32)"


def test_tau_cell_statistics():
    bm.random.seed(42)
    tau = bm.random.randn(6) * 2.0 + 20.0
    assert isinstance(tau, bm.JaxArray) and tau.shape == (6,) and tau.dtype == jnp.float32
    big = bm.random.randn(20000) * 2.0 + 20.0
    assert abs(float(big.mean()) - 20.0) < 5 * 2.0 / np.sqrt(20000)
    assert abs(float(big.std()) - 2.0) < 0.05


def test_variable_cells():
    t2 = bm.arange(4)
    v = bm.Variable(t2)
    assert norm(repr(v)) == "Variable([0, 1, 2, 3], dtype=int32)"
    assert isinstance(v.value, jax.Array) and not isinstance(v.value, bm.JaxArray)
    np.testing.assert_array_equal(v.value, [0, 1, 2, 3])
    v2 = v + 2
    assert type(v2) is bm.JaxArray and norm(repr(v2)) == "JaxArray([2, 3, 4, 5], dtype=int32)"
    v[0] = 10
    v[1:3] = 9
    assert norm(repr(v)) == "Variable([10, 9, 9, 3], dtype=int32)"
    v -= 3
    v <<= 1
    assert norm(repr(v)) == "Variable([14, 12, 12, 0], dtype=int32)"
    v.value = bm.arange(4)
    assert norm(repr(v)) == "Variable([0, 1, 2, 3], dtype=int32)"
    with pytest.raises(MathError) as info:
        v.value = bm.array([1.0, 1.0, 1.0, 0.0])
    assert f"{type(info.value)} {info.value}" == (
        "<class 'brainpy.errors.MathError'> The dtype of the original data is int32, while we got float32."
    )
    v.update(bm.array([3, 4, 5, 6]))
    assert norm(repr(v)) == "Variable([3, 4, 5, 6], dtype=int32)"


def test_advanced_variables_cells():
    b1 = bm.random.random(5)
    assert norm(repr(b1)).startswith("JaxArray([") and b1.dtype == jnp.float32
    b2 = bm.Variable(b1)
    assert norm(repr(b2)).startswith("Variable([") and norm(repr(b2)).endswith("dtype=float32)")
    assert bool((b2.value == b1).all())
    assert isinstance(b2, bm.ndarray) and isinstance(b2, bm.JaxArray) and bm.ndarray is bm.JaxArray
    for result in (b2 + 1.0, b2**2, bm.floor(b2)):
        assert type(result) is bm.JaxArray
    np.testing.assert_allclose(b2 + 1.0, np.asarray(b1) + 1.0)
    np.testing.assert_array_equal(bm.floor(b2), np.zeros(5))
    b = bm.random.rand(4)
    assert norm(repr(bm.TrainVar(b))).startswith("TrainVar([")
    b = bm.random.rand(1)
    assert norm(repr(bm.Parameter(b))).startswith("Parameter([")
    assert issubclass(bm.TrainVar, bm.Variable) and issubclass(bm.Parameter, bm.Variable)
    assert issubclass(bm.random.RandomState, bm.Variable)


def test_inplace_keeps_identity_and_changes_value():
    a = bm.Variable(bm.zeros(5))
    id_of_a, id_of_data = id(a), id(a.value)
    assert id_of_a != id_of_data
    a[:] = 1.0
    assert id(a) == id_of_a and a.value is not None
    np.testing.assert_array_equal(a, np.ones(5))


def test_inplace_operator_cells():
    v = bm.Variable(bm.arange(10))
    old_id = id(v)
    v[0] = 1
    v[1:2] = 1
    v[:] = 0
    v[...] = bm.arange(10)
    v[[1, 3]] = 7
    m = bm.Variable(bm.zeros((2, 4), dtype=bm.int32))
    m[(1, 3)] = 8  # a tuple indexes several axes (NumPy semantics)
    assert int(m[1, 3]) == 8 and int(m.sum()) == 8
    v += 1
    v *= 2
    v |= bm.random.randint(0, 2, 10)
    v **= 2
    v >>= 2
    assert id(v) == old_id and v.dtype == jnp.int32 and v.shape == (10,)
    v.value = bm.arange(10)
    with pytest.raises(MathError) as info:
        v.value = bm.asarray(1.0)
    assert str(info.value) == "The shape of the original data is (10,), while we got ()."
    with pytest.raises(MathError) as info:
        v.value = bm.random.random(10)
    assert str(info.value) == "The dtype of the original data is int32, while we got float32."
    v.update(bm.random.randint(0, 20, size=10))
    with pytest.raises(MathError, match=r"shape of the original data is \(10,\), while we got \(\)"):
        v.update(bm.asarray(1.0))
    with pytest.raises(MathError, match="dtype of the original data is int32, while we got float32"):
        v.update(bm.random.random(10))
    assert id(v) == old_id


@pytest.mark.parametrize(
    "op, expected",
    [
        ("+=", [3, 4, 5]),
        ("-=", [-1, 0, 1]),
        ("*=", [2, 4, 6]),
        ("//=", [0, 1, 1]),
        ("%=", [1, 0, 1]),
        ("**=", [1, 4, 9]),
        ("&=", [0, 2, 2]),
        ("|=", [3, 2, 3]),
        ("^=", [3, 0, 1]),
        ("<<=", [4, 8, 12]),
        (">>=", [0, 0, 0]),
    ],
)
def test_every_augmented_assignment(op, expected):
    for cls in (bm.JaxArray, bm.Variable):
        x = cls(bm.array([1, 2, 3]))
        ident = id(x)
        namespace = {"x": x}
        exec_statement = compile(f"x {op} 2", "<test>", "exec")
        eval(exec_statement, namespace)  # noqa: S307  (builds each augmented statement)
        assert namespace["x"] is x and id(x) == ident
        np.testing.assert_array_equal(x, expected)


def test_variable_truediv_keeps_dtype_and_shape_check():
    v = bm.Variable(bm.ones(3))
    v /= 2
    np.testing.assert_allclose(v, [0.5] * 3)
    with pytest.raises(MathError, match="shape"):
        v += bm.ones((2, 3))


def test_jaxarray_with_numpy_and_jax():
    x = bm.arange(4)
    assert type(np.arange(4) + x) is bm.JaxArray
    assert type(x + jnp.arange(4)) is bm.JaxArray
    np.testing.assert_array_equal(jnp.arange(4) + x, 2 * np.arange(4))  # jax.Array's operator: raw result
    np.testing.assert_array_equal(np.asarray(x), np.arange(4))
    assert isinstance(x.numpy(), np.ndarray) and isinstance(x.to_numpy(), np.ndarray)
    assert isinstance(x.to_jax(), jax.Array)
    np.testing.assert_allclose(jnp.sin(x), np.sin(np.arange(4)))
    assert float(jnp.sum(bm.Variable(bm.ones(3)))) == 3.0


def test_conversions():
    x = bm.Variable(bm.arange(3))
    assert isinstance(bm.as_numpy(x), np.ndarray)
    assert isinstance(bm.as_jax(x), jax.Array) and isinstance(bm.as_device_array([1, 2]), jax.Array)
    y = bm.as_jaxarray(x)
    assert type(y) is bm.JaxArray
    w = bm.as_variable(np.ones(2))
    assert type(w) is bm.Variable and w.dtype == jnp.float32
    stacked = bm.asarray([bm.ones(2), bm.zeros(2)])
    assert type(stacked) is bm.JaxArray and stacked.shape == (2, 2)
    assert bm.array([bm.ones(2), np.zeros(2), jnp.ones(2)]).shape == (3, 2)


def test_interop_cells():
    b = bm.arange(5)
    b[0] += 5
    np.testing.assert_array_equal(b.value, [5, 1, 2, 3, 4])
    assert isinstance(b.value, jax.Array)
    np.testing.assert_array_equal(np.asarray(b), np.array([5, 1, 2, 3, 4]))
    for made in (bm.asarray(np.arange(5)), bm.asarray(jnp.arange(5)), bm.JaxArray(jnp.arange(5))):
        assert type(made) is bm.JaxArray and made.dtype == jnp.int32
        assert norm(repr(made)) == "JaxArray([0, 1, 2, 3, 4], dtype=int32)"


def test_pytree_and_jit():
    v = bm.Variable(bm.arange(3.0))
    leaves, tree = jax.tree_util.tree_flatten(v)
    assert len(leaves) == 1 and isinstance(leaves[0], jax.Array)
    rebuilt = jax.tree_util.tree_unflatten(tree, leaves)
    assert type(rebuilt) is bm.Variable
    out = jax.jit(lambda x: x * 2)(v)
    assert type(out) is bm.JaxArray
    np.testing.assert_allclose(out, [0.0, 2.0, 4.0])
    g = jax.grad(lambda x: bm.sum(x**2).value)(bm.JaxArray(bm.arange(3.0)))
    assert type(g) is bm.JaxArray
    np.testing.assert_allclose(g, [0.0, 2.0, 4.0])
    vm = jax.vmap(lambda x: bm.sum(x))(bm.ones((4, 3)))
    np.testing.assert_allclose(vm, [3.0] * 4)

    class MyVar(bm.Variable):
        pass

    assert type(jax.tree_util.tree_map(lambda a: a + 1, MyVar(bm.zeros(2)))) is MyVar


def test_where_weak_type_repr():
    assert norm(repr(bm.where(1.0 < 0, 0.0, 1.0))) == "JaxArray(1., dtype=float32, weak_type=True)"
    out = bm.where(bm.array([0.1, 0.7]) < 0.5, 0.0, 1.0)
    assert norm(repr(out)) == "JaxArray([0., 1.], dtype=float32, weak_type=True)"


def test_plain_array_mutation_in_jit_raises():
    a = bm.zeros(3)

    @jax.jit
    def f(x):
        a[0] = x
        return x

    with pytest.raises(MathError, match="bm.Variable"):
        f(1.0)

    @jax.jit
    def g(x):
        a.value = a.value + x
        return x

    with pytest.raises(MathError, match="bm.Variable"):
        g(1.0)

    @jax.jit
    def h(x):
        local = bm.zeros(3)  # created inside the trace: may be changed
        local[0] = x
        local += 1
        return local.value

    np.testing.assert_allclose(h(2.0), [3.0, 1.0, 1.0])


def test_variable_raw_value_slot_for_tracing():
    v = bm.Variable(bm.zeros(3))

    def body(raw):
        v._value = raw  # what transformations do while tracing
        v[0] = 5.0
        v.value += 1.0
        return v._value

    out = jax.jit(body)(v.value)
    np.testing.assert_allclose(out, [6.0, 1.0, 1.0])


def test_ndarray_methods():
    x = bm.array([[3.0, 1.0], [2.0, 4.0]])
    assert type(x.sum(axis=0)) is bm.JaxArray
    np.testing.assert_allclose(x.mean(axis=1), [2.0, 3.0])
    assert x.T.shape == (2, 2) and type(x.T) is bm.JaxArray
    assert x.reshape(4).shape == (4,) and x.reshape((1, 4)).shape == (1, 4)
    assert x.tolist() == [[3.0, 1.0], [2.0, 4.0]] and x[0, 0].item() == 3.0
    assert x.astype(bm.int32).dtype == jnp.int32
    parts = x.split(2)
    assert len(parts) == 2 and all(type(p) is bm.JaxArray for p in parts)
    assert x.tile(2).shape == (2, 4)
    assert [type(i) for i in x.nonzero()] == [bm.JaxArray, bm.JaxArray]
    y = bm.Variable(bm.array([3, 1, 2]))
    assert y.sort() is None
    np.testing.assert_array_equal(y, [1, 2, 3])
    y.fill(7)
    np.testing.assert_array_equal(y, [7, 7, 7])
    z = bm.arange(3)
    z.resize((2, 3))
    assert z.shape == (2, 3)
    assert len(z) == 2 and [r.shape for r in z] == [(3,), (3,)]
    assert z.nbytes == 24 and z.itemsize == 4
    assert x.block_until_ready() is x


def test_scalar_protocols_and_copying():
    s = bm.asarray(2.5)
    assert float(s) == 2.5 and int(bm.asarray(3)) == 3 and bool(bm.asarray(True))
    assert [0, 1, 2, 3][bm.asarray(2)] == 2
    assert f"{s:.1f}" == "2.5"
    assert 2 in bm.arange(3) and 5 not in bm.arange(3)
    v = bm.Variable(bm.ones(2))
    assert hash(v) == id(v) and {v: 1}[v] == 1
    with pytest.raises(TypeError):
        hash(bm.ones(2))
    for clone in (copy.deepcopy(v), pickle.loads(pickle.dumps(v))):
        assert type(clone) is bm.Variable
        np.testing.assert_array_equal(clone, v)
    q, r = divmod(bm.arange(5), 2)
    np.testing.assert_array_equal(q, [0, 0, 1, 1, 2])
    np.testing.assert_array_equal(r, [0, 1, 0, 1, 0])
    assert type(-bm.ones(1)) is bm.JaxArray and type(abs(bm.ones(1))) is bm.JaxArray
