"""Variable-aware control flow (spec L1129-1370, L7596-7807)."""
# ruff: noqa: UP008  (spec cells are kept verbatim, including super(Cls, self))

import time

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest

CUMSUM = [[float(v)] * 10 for v in (1, 3, 6, 10, 15, 21, 28, 36, 45, 55)]


def test_make_loop_list_and_dict_xs_spec():
    a = bm.Variable(bm.zeros(10))

    def body(x):
        x1, x2 = x
        a.value += x1 + x2

    loop = bm.make_loop(body, dyn_vars=[a], out_vars=a)
    hist = loop(xs=[bm.arange(10), bm.ones(10)])
    assert type(hist) is bm.Variable and hist.dtype == np.float32
    assert hist.tolist() == CUMSUM
    assert repr(hist).startswith("Variable([[ 1.,  1.,")

    a = bm.Variable(bm.zeros(10))

    def body2(x):
        a.value += x["a"] + x["b"]

    loop = bm.make_loop(body2, dyn_vars=[a], out_vars=a)
    assert loop(xs={"a": bm.arange(10), "b": bm.ones(10)}).tolist() == CUMSUM
    assert a.value.tolist() == [55.0] * 10


def test_make_loop_rnn_shapes_spec():
    rng = np.random.default_rng(0)

    class RNN(bp.Base):
        def __init__(self, n_in, n_h, n_out, n_batch):
            super().__init__()
            self.n_in = n_in
            self.w_ir = bm.TrainVar(bm.asarray(rng.normal(size=(n_in, n_h)).astype(np.float32) / n_in**0.5))
            self.w_rr = bm.TrainVar(bm.asarray(rng.normal(size=(n_h, n_h)).astype(np.float32) / n_h**0.5))
            self.b_rr = bm.TrainVar(bm.zeros((n_h,)))
            self.w_ro = bm.TrainVar(bm.asarray(rng.normal(size=(n_h, n_out)).astype(np.float32) / n_h**0.5))
            self.b_ro = bm.TrainVar(bm.zeros((n_out,)))
            self.h = bm.Variable(bm.asarray(rng.random((n_batch, n_h)).astype(np.float32)))
            self.predict = bm.make_loop(self.cell, dyn_vars=self.vars(), out_vars=self.h, has_return=True)

        def cell(self, x):
            self.h.value = bm.tanh(self.h @ self.w_rr + x @ self.w_ir + self.b_rr)
            return self.h @ self.w_ro + self.b_ro

    rnn = RNN(n_in=10, n_h=100, n_out=3, n_batch=5)
    h0 = np.asarray(rnn.h.value)
    xs = rng.random((100, rnn.n_in)).astype(np.float32)
    hist_h, hist_o = rnn.predict(bm.asarray(xs))
    assert hist_h.shape == (100, 5, 100) and hist_o.shape == (100, 5, 3)
    # reference: the same recursion in NumPy
    h = h0
    for t in range(100):
        h = np.tanh(h @ np.asarray(rnn.w_rr) + xs[t] @ np.asarray(rnn.w_ir))
    np.testing.assert_allclose(np.asarray(hist_h[-1]), h, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(np.asarray(rnn.h.value), h, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(np.asarray(hist_o[-1]), h @ np.asarray(rnn.w_ro), rtol=1e-4, atol=1e-5)


def test_loop_simple_vs_struct_spec():
    seq = bm.asarray(np.random.default_rng(123).random(200).astype(np.float32))

    class LoopStruct(bp.Base):
        def __init__(self):
            super(LoopStruct, self).__init__()
            self.seq = seq
            self.res = bm.Variable(bm.zeros(1))

            def add(s):
                self.res += s

            self.loop = bm.make_loop(add, dyn_vars=[self.res])

        def __call__(self):
            self.loop(self.seq)
            return self.res.value

    class LoopSimple(bp.Base):
        def __init__(self):
            super(LoopSimple, self).__init__()
            self.seq = seq
            self.res = bm.Variable(bm.zeros(1))

        def __call__(self):
            for s in self.seq:
                self.res += s
            return self.res.value

    total = float(np.asarray(seq, dtype=np.float64).sum())
    for cls in (LoopStruct, LoopSimple):
        model = bm.jit(cls())
        np.testing.assert_allclose(float(model()[0]), total, rtol=1e-5)
        np.testing.assert_allclose(float(model()[0]), 2 * total, rtol=1e-5)


def test_make_while_spec():
    i = bm.Variable(bm.zeros(1))
    counter = bm.Variable(bm.zeros(1))

    def cond_f(x):
        return i[0] < 10

    def body_f(x):
        i.value += 1.0
        counter.value += i

    loop = bm.make_while(cond_f, body_f, dyn_vars=[i, counter])
    loop()
    assert repr(counter) == "Variable([55.], dtype=float32)"
    assert repr(i) == "Variable([10.], dtype=float32)"


def test_make_cond_spec():
    a = bm.Variable(bm.zeros(2))
    b = bm.Variable(bm.ones(2))

    def true_f(x):
        a.value += 1

    def false_f(x):
        b.value -= 1

    cond = bm.make_cond(true_f, false_f, dyn_vars=[a, b])
    seen = []
    for pred in (True, True, False, False):
        cond(pred) if seen else cond(pred=True)
        seen.append(repr((a, b)))
    assert seen == [
        "(Variable([1., 1.], dtype=float32), Variable([1., 1.], dtype=float32))",
        "(Variable([2., 2.], dtype=float32), Variable([1., 1.], dtype=float32))",
        "(Variable([2., 2.], dtype=float32), Variable([0., 0.], dtype=float32))",
        "(Variable([2., 2.], dtype=float32), Variable([-1., -1.], dtype=float32))",
    ]
    a = bm.Variable(bm.zeros(2))
    b = bm.Variable(bm.ones(2))

    def true_g(x):
        a.value += x

    def false_g(x):
        b.value -= x

    cond = bm.make_cond(true_g, false_g, dyn_vars=[a, b])
    cond(True, 10.0)
    assert repr((a, b)) == "(Variable([10., 10.], dtype=float32), Variable([1., 1.], dtype=float32))"
    cond(False, 5.0)
    assert repr((a, b)) == "(Variable([10., 10.], dtype=float32), Variable([-4., -4.], dtype=float32))"


def test_ifelse_spec():
    def f(a):
        return bm.ifelse(conditions=[a > 10, a > 5, a > 0, a > -5], branches=[1.0, 2.0, 3.0, 4.0, 5.0])

    outs = [f(v) for v in (11.0, 6.0, 1.0, -4.0, -6.0)]
    assert [repr(o) for o in outs] == [f"Array({k}., dtype=float32, weak_type=True)" for k in range(1, 6)]

    def f2(a, x):
        return bm.ifelse(
            conditions=[a > 10, a > 5, a > 0, a > -5],
            branches=[lambda x: x * 2, 2.0, lambda x: x**2 - 1, lambda x: x - 4.0, 5.0],
            operands=x,
        )

    assert [float(f2(a, 1.0)) for a in (11, 6, 1, -4, -6)] == [2.0, 2.0, 0.0, -3.0, 5.0]
    jf2 = bm.jit(f2)
    assert [float(jf2(a, 1.0)) for a in (11, 6, 1, -4, -6)] == [2.0, 2.0, 0.0, -3.0, 5.0]

    a = bm.Variable(bm.zeros(2))
    b = bm.Variable(bm.ones(2))

    def true_f(x):
        a.value += 1

    def false_f(x):
        b.value -= 1

    bm.ifelse(True, [true_f, false_f], dyn_vars=[a, b])
    bm.ifelse(False, [true_f, false_f], dyn_vars=[a, b])
    assert f"a: {a}" == "a: Variable([1., 1.], dtype=float32)"
    assert f"b: {b}" == "b: Variable([0., 0.], dtype=float32)"
    with pytest.raises(ValueError):
        bm.ifelse([True, False], [1.0, 2.0])


def test_ifelse_and_where_in_jitted_objects_spec():
    class OddEvenCond(bp.Base):
        def __init__(self, r):
            super(OddEvenCond, self).__init__()
            self.rand = bm.Variable(bm.asarray([r]))
            self.a = bm.Variable(bm.zeros(1))

        def __call__(self):
            self.a += bm.ifelse(self.rand[0] < 0.5, [lambda _: 1.0, lambda _: -1.0])
            return self.a

    assert repr(bm.jit(OddEvenCond(0.2))()) == "Variable([1.], dtype=float32)"
    assert repr(bm.jit(OddEvenCond(0.7))()) == "Variable([-1.], dtype=float32)"


def test_cond_for_loop_while_loop():
    assert float(bm.cond(True, lambda x: x + 1, lambda x: x - 1, 1.0)) == 2.0
    assert float(bm.cond(bm.asarray([False]), lambda x: x + 1, lambda x: x - 1, 1.0)) == 0.0
    v = bm.Variable(bm.zeros(1))

    def body(x, y):
        v.value += x * y
        return v.value

    out = bm.for_loop(body, [v], (bm.arange(4.0), bm.full(4, 2.0)))
    assert out.tolist() == [[0.0], [2.0], [6.0], [12.0]] and v.value.tolist() == [12.0]
    rev = bm.for_loop(lambda x: x * 1, [], bm.arange(3.0), reverse=True)
    assert rev.tolist() == [0.0, 1.0, 2.0]
    n = bm.Variable(bm.zeros(1))

    def wbody(x, y):
        n.value += 1
        return x + 1, y * 2

    x, y = bm.while_loop(wbody, lambda x, y: x < 5, [n], (0, 1.0))
    assert int(x) == 5 and float(y) == 32.0 and n.value.tolist() == [5.0]
    with pytest.raises(TypeError):
        bm.make_loop(3, [])


def test_make_loop_1000_steps_compiles_fast():
    res = bm.Variable(bm.zeros(1))

    def add(s):
        res.value += s

    loop = bm.jit(bm.make_loop(add, dyn_vars=[res]), dyn_vars=[res])
    t0 = time.perf_counter()
    loop(bm.ones(1000))
    elapsed = time.perf_counter() - t0  # recorded, not asserted (timings live in benchmarks/)
    assert res.value.tolist() == [1000.0] and elapsed >= 0


def test_grad_through_make_loop_matches_finite_differences():
    class Leaky(bp.Base):
        def __init__(self):
            super().__init__()
            self.w = bm.TrainVar(bm.asarray([0.3]))
            self.h = bm.Variable(bm.zeros(1))
            self.run = bm.make_loop(self.step, dyn_vars=self.vars(), out_vars=self.h)

        def step(self, x):
            self.h.value = bm.tanh(self.w * self.h + x)

        def loss(self, xs):
            self.h.value = bm.zeros(1)
            hist = self.run(xs)
            return bm.sum(hist**2)

    xs = bm.asarray(np.linspace(-1.0, 1.0, 20, dtype=np.float32)[:, None])
    m = Leaky()
    g = bm.grad(m.loss, grad_vars=m.w)(xs)

    def ref(w):
        h, total = 0.0, 0.0
        for x in np.linspace(-1.0, 1.0, 20):
            h = np.tanh(w * h + x)
            total += h**2
        return total

    eps = 1e-4
    fd = (ref(0.3 + eps) - ref(0.3 - eps)) / (2 * eps)
    np.testing.assert_allclose(float(g[0]), fd, rtol=1e-3)
    jitted = bm.jit(lambda xs: bm.grad(m.loss, grad_vars=m.w)(xs), dyn_vars=m.vars())
    np.testing.assert_allclose(float(jitted(xs)[0]), fd, rtol=1e-3)
