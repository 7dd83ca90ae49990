"""bm.jit on functions, objects and bound methods (spec L973-1128, L7064-7291)."""
# ruff: noqa: UP008  (spec cells are kept verbatim, including super(Cls, self))

import functools
import types

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import ConcretizationTypeError


class LogisticRegression(bp.Base):
    def __init__(self, dimension):
        super(LogisticRegression, self).__init__()
        self.dimension = dimension
        self.w = bm.Variable(2.0 * bm.ones(dimension) - 1.3)

    def __call__(self, X, Y):
        u = bm.dot(((1.0 / (1.0 + bm.exp(-Y * bm.dot(X, self.w))) - 1.0) * Y), X)
        self.w[:] = self.w - u


def _data(seed=0):
    rng = np.random.default_rng(seed)
    return bm.asarray(rng.random((200, 10), dtype=np.float32)), bm.asarray(rng.random(200, dtype=np.float32))


def test_jitted_object_is_function_and_matches_eager():
    points, labels = _data()
    lr, lr2 = LogisticRegression(10), LogisticRegression(10)
    lr_jit = bm.jit(lr2)
    assert isinstance(lr_jit, types.FunctionType)
    for _ in range(5):
        lr(points, labels)
        lr_jit(points, labels)
    np.testing.assert_allclose(np.asarray(lr2.w.value), np.asarray(lr.w.value), rtol=1e-5, atol=1e-5)
    assert not np.allclose(np.asarray(lr2.w.value), 0.7)


def test_compiles_once():
    traces = []

    class Counter(bp.Base):
        def __init__(self):
            super().__init__()
            self.n = bm.Variable(bm.zeros(1))

        def __call__(self, x):
            traces.append(1)
            self.n += x
            return self.n.value

    c = Counter()
    f = bm.jit(c)
    for i in range(5):
        out = f(1.0)
    assert len(traces) == 1
    assert float(out[0]) == 5.0 and float(c.n[0]) == 5.0


def test_bound_method_dyn_vars_spec_example1():
    class Linear(bp.Base):
        def __init__(self, n_in, n_out):
            super(Linear, self).__init__()
            self.w = bm.random.random((n_in, n_out))
            self.b = bm.zeros(n_out)

        def update(self, x):
            return x @ self.w + self.b

    x = bm.zeros(10)
    l = Linear(10, 3)
    update1 = bm.jit(l.update, dyn_vars=[l.w, l.b])
    assert repr(update1(x)) == "JaxArray([0., 0., 0.], dtype=float32)"
    l.b[:] = 1.0
    assert repr(update1(x)) == "JaxArray([1., 1., 1.], dtype=float32)"
    update2 = bm.jit(l.update, dyn_vars=[l.w])
    assert repr(update2(x)) == "JaxArray([1., 1., 1.], dtype=float32)"
    l.b[:] = 2.0
    assert repr(update2(x)) == "JaxArray([1., 1., 1.], dtype=float32)"


def test_function_dyn_vars_spec_example2():
    x = bm.zeros(10)
    w = bm.random.random((10, 3))
    b = bm.zeros(3)

    def update(x):
        return x @ w + b

    update1 = bm.jit(update)
    assert update1(x).tolist() == [0.0, 0.0, 0.0]
    b[:] = 1.0
    assert update1(x).tolist() == [0.0, 0.0, 0.0]
    update2 = bm.jit(update, dyn_vars=(w, b))
    assert repr(update2(x)) == "JaxArray([1., 1., 1.], dtype=float32)"
    b[:] = 2.0
    assert repr(update2(x)) == "JaxArray([2., 2., 2.], dtype=float32)"


def test_random_state_needs_dyn_vars():
    def function():
        return bm.random.normal(0, 1, size=(10,))

    f1 = bm.jit(function)
    assert bool((f1() == f1()).all())
    bm.random.seed(1234)
    f2 = bm.jit(function, dyn_vars=bm.random.DEFAULT)
    assert not bool((f2() == f2()).any())


def test_python_if_on_non_variable_spec():
    class OddEven(bp.Base):
        def __init__(self, type_=1):
            super(OddEven, self).__init__()
            self.type_ = type_
            self.a = bm.Variable(bm.zeros(1))

        def __call__(self):
            if self.type_ == 1:
                self.a += 1
            elif self.type_ == 2:
                self.a -= 1
            else:
                raise ValueError(f"Unknown type: {self.type_}")
            return self.a

    assert repr(bm.jit(OddEven(type_=1))()) == "Variable([1.], dtype=float32)"
    assert repr(bm.jit(OddEven(type_=2))()) == "Variable([-1.], dtype=float32)"
    with pytest.raises(ValueError, match="Unknown type: 3"):
        bm.jit(OddEven(type_=3))()


SPEC_CONCRETIZATION = """This problem may be caused by several ways:
1. Your if-else conditional statement relies on instances of brainpy.math.Variable.
2. Your if-else conditional statement relies on functional arguments which do not set in "static_argnames" when applying JIT compilation. More details please see https://jax.readthedocs.io/en/latest/errors.html#jax.errors.ConcretizationTypeError
3. The static variables which set in the "static_argnames" are provided as arguments, not keyword arguments, like "jit_f(v1, v2)" [<- wrong]. Please write it as "jit_f(static_k1=v1, static_k2=v2)" [<- right]."""


def test_python_if_on_variable_raises_brainpy_error():
    class OddEvenCauseError(bp.Base):
        def __init__(self):
            super(OddEvenCauseError, self).__init__()
            self.rand = bm.Variable(bm.random.random(1))
            self.a = bm.Variable(bm.zeros(1))

        def __call__(self):
            if self.rand < 0.5:
                self.a += 1
            else:
                self.a -= 1
            return self.a

    model = OddEvenCauseError()
    with pytest.raises(ConcretizationTypeError) as info:
        bm.jit(model)()
    assert f"{info.value.__class__.__name__}: {info.value}" == "ConcretizationTypeError: " + SPEC_CONCRETIZATION
    assert model.a.value.tolist() == [0.0]  # nothing leaked, state untouched


def test_static_argnames_and_argnums():
    def f(x):
        if x < 3:
            return 3.0 * x**2
        else:
            return -4 * x

    import jax

    with pytest.raises(jax.errors.ConcretizationTypeError):
        bm.jit(f)(1.0)
    f_jit = bm.jit(f, static_argnames=("x",))
    assert repr(f_jit(x=1.0)) == "Array(3., dtype=float32, weak_type=True)"
    assert float(f_jit(x=5.0)) == -20.0
    g = bm.jit(f, static_argnums=0)
    assert float(g(1.0)) == 3.0 and float(g(4.0)) == -16.0

    def h(x, mode):
        return x * 2 if mode == "double" else x

    hj = bm.jit(h, static_argnames="mode")
    assert float(hj(3.0, mode="double")) == 6.0 and float(hj(3.0, mode="id")) == 3.0


def test_partial_and_decorator_forms():
    v = bm.Variable(bm.zeros(2))

    @bm.jit
    def g(x):
        return x + 1

    assert g(bm.ones(2)).tolist() == [2.0, 2.0]
    jit_with = functools.partial(bm.jit, dyn_vars=bp.TensorCollector({"v": v}), static_argnames=["k"])

    @jit_with
    def inc(k):
        v.value += k

    inc(k=2)
    inc(k=2)
    assert v.value.tolist() == [4.0, 4.0]
    with pytest.raises(TypeError):
        bm.jit(3)


def test_nested_jit_and_function_node():
    class Acc(bp.Base):
        def __init__(self):
            super().__init__()
            self.s = bm.Variable(bm.zeros(()))

        def step(self, x):
            self.s += x

    acc = Acc()
    inner = bm.jit(acc.step)

    def outer(xs):
        for x in xs:
            inner(x)
        return acc.s.value

    outer_j = bm.jit(outer, dyn_vars=acc.vars())
    assert float(outer_j(bm.arange(4.0))) == 6.0
    assert float(acc.s) == 6.0
    node = bm.Function(lambda x: acc.step(x), nodes=acc)
    bm.jit(node)(1.0)
    assert float(acc.s) == 7.0


@pytest.mark.parametrize("n", [1, 3, 7])
def test_jit_equals_eager_property(n):
    rng = np.random.default_rng(n)

    class Model(bp.Base):
        def __init__(self):
            super().__init__()
            self.h = bm.Variable(bm.asarray(rng.random(n, dtype=np.float32)))
            self.W = bm.asarray(rng.normal(size=(n, n)).astype(np.float32))

        def update(self, x):
            self.h.value = bm.tanh(self.h @ self.W + x)
            return self.h.sum()

    m1, m2 = Model(), Model()
    m2.h.value = m1.h.value
    m2.W = m1.W
    jitted = bm.jit(m2.update)
    xs = rng.normal(size=(5, n)).astype(np.float32)
    for x in xs:
        a = m1.update(bm.asarray(x))
        b = jitted(bm.asarray(x))
        np.testing.assert_allclose(np.asarray(b), np.asarray(a), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np.asarray(m2.h.value), np.asarray(m1.h.value), rtol=1e-5, atol=1e-6)


def test_sgd_training_spec_example3():
    class LinearNet(bp.Base):
        def __init__(self, n_in, n_out):
            super(LinearNet, self).__init__()
            self.w = bm.TrainVar(bm.random.random((n_in, n_out)))
            self.b = bm.TrainVar(bm.zeros(n_out))
            self.r = bm.TrainVar(bm.random.random((n_out, 1)))

        def update(self, x):
            h = x @ self.w + self.b
            return h @ self.r

        def loss(self, x, y):
            predict = self.update(x)
            return bm.mean((predict - y) ** 2)

    bm.random.seed(0)
    ln = LinearNet(100, 200)
    opt = bm.optimizers.SGD(lr=1e-6, train_vars=ln.vars())
    f_grad = bm.grad(ln.loss, grad_vars=ln.vars(), return_value=True)

    def train(X, Y):
        grads, loss = f_grad(X, Y)
        opt.update(grads)
        return loss

    train_jit = bm.jit(train, dyn_vars=ln.vars() + opt.vars())
    xs = bm.random.random((1000, 100))
    ys = bm.random.random((1000, 1))
    losses = [float(train_jit(xs, ys)) for _ in range(30)]
    assert losses[0] > 1e6  # spec: 6649731.50 (random data)
    assert all(b < a for a, b in zip(losses, losses[1:]))
    assert losses[-1] < 20.0  # spec: 11.56


def test_interop_with_pure_jax_optimizer_spec():
    """The Optax cell's pattern (L8038-8066) with a hand-written pure-JAX Adam (no optax needed).

    The cell itself, with optax, runs unchanged in ``test_optax_interop.py``.
    """
    import jax

    def adam_init(params):
        return (jax.numpy.zeros_like(params), jax.numpy.zeros_like(params), 0)

    def adam_update(grads, state, lr=1e-1, b1=0.9, b2=0.999, eps=1e-8):
        m, v, t = state
        t = t + 1
        m = b1 * m + (1 - b1) * grads
        v = b2 * v + (1 - b2) * grads**2
        mhat, vhat = m / (1 - b1**t), v / (1 - b2**t)
        return -lr * mhat / (jax.numpy.sqrt(vhat) + eps), (m, v, t)

    network = bm.vmap(lambda params, x: bm.dot(params, x), in_axes=(None, 0))

    def compute_loss(params, x, y):
        y_pred = network(params, x)
        return bm.mean(0.5 * (y_pred - y) ** 2)

    @bm.jit
    def train(params, opt_state, xs, ys):
        grads = bm.grad(compute_loss)(params, xs.value, ys)
        updates, opt_state = adam_update(bm.as_jax(grads), opt_state)
        params = params + updates
        return params, opt_state

    bm.random.seed(42)
    target_params = 0.5
    xs = bm.random.normal(size=(16, 2))
    ys = bm.sum(xs * target_params, axis=-1)
    params = bm.array([0.0, 0.0])
    opt_state = adam_init(bm.as_jax(params))
    for _ in range(1000):
        params, opt_state = train(params, opt_state, xs, ys)
    assert bm.allclose(params, target_params)
