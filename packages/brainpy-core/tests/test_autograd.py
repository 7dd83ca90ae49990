"""bm.grad, vector_grad, jacobian/jacrev/jacfwd, hessian (spec L7292-7595, L782-796)."""
# ruff: noqa: UP008  (spec cells are kept verbatim, including super(Cls, self))

import brainpy as bp
import brainpy.math as bm
import jax.numpy as jnp
import numpy as np
import pytest


def fd_grad(f, x, eps=1e-3):
    """Central finite differences of a scalar function of a float64 numpy vector."""
    x = np.asarray(x, dtype=np.float64)
    g = np.zeros_like(x)
    for i in range(x.size):
        e = np.zeros_like(x)
        e.flat[i] = eps
        g.flat[i] = (f(x + e) - f(x - e)) / (2 * eps)
    return g


def test_pure_function_spec():
    def f(a, b):
        return a * 2 + b

    assert repr(bm.grad(f)(2.0, 1.0)) == "Array(2., dtype=float32, weak_type=True)"
    g = bm.grad(f, argnums=(0, 1))(2.0, 1.0)
    assert isinstance(g, tuple) and [float(x) for x in g] == [2.0, 1.0]


class F(bp.Base):
    def __init__(self):
        super(F, self).__init__()
        self.a = bm.TrainVar(bm.ones(1))
        self.b = bm.TrainVar(bm.ones(1))

    def __call__(self, c):
        ab = self.a * self.b
        ab2 = ab * 2
        vv = ab2 + c
        return vv.mean()


def test_class_object_spec():
    bp.clear_name_cache()
    f = F()
    g = bm.grad(f, grad_vars=f.train_vars())(10.0)
    assert list(g) == ["F0.a", "F0.b"] and type(g) is dict
    assert repr(g["F0.a"]) == "Array([2.], dtype=float32)"
    g2 = bm.grad(f, grad_vars=[f.a, f.b])(10.0)
    assert isinstance(g2, tuple) and [x.tolist() for x in g2] == [[2.0], [2.0]]
    grad, loss = bm.grad(f, grad_vars=f.a, return_value=True)(10.0)
    assert str(grad) == "[2.]" and str(loss) == "12.0"


def test_dyn_vars_spec_f2():
    class F2(bp.Base):
        def __init__(self):
            super(F2, self).__init__()
            self.a = bm.TrainVar(bm.ones(1))
            self.b = bm.TrainVar(bm.ones(1))

        def __call__(self, c):
            ab = self.a * self.b
            ab = ab * 2
            self.a.value = ab
            return (ab + c).mean()

    f2 = F2()
    assert repr(bm.grad(f2, dyn_vars=[f2.a], grad_vars=f2.b)(10.0)) == "Array([2.], dtype=float32)"
    assert f2.a.value.tolist() == [2.0]  # the update inside is kept


def test_argnums_with_grad_vars_spec_f3(capsys):
    class F3(bp.Base):
        def __init__(self):
            super(F3, self).__init__()
            self.a = bm.TrainVar(bm.ones(1))
            self.b = bm.TrainVar(bm.ones(1))

        def __call__(self, c, d):
            ab = self.a * self.b
            ab = ab * 2
            return (ab + c * d).mean()

    f3 = F3()
    grads_of_gv, grad_of_args = bm.grad(f3, grad_vars=[f3.a, f3.b], argnums=0)(10.0, 3.0)
    print("grads_of_gv :", grads_of_gv)
    print("grad_of_args :", grad_of_args)
    grads_of_gv, grad_of_args = bm.grad(f3, grad_vars=[f3.a, f3.b], argnums=(0, 1))(10.0, 3.0)
    print("grad_of_args :", grad_of_args)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "grads_of_gv : (Array([2.], dtype=float32), Array([2.], dtype=float32))"
    assert out[1] == "grad_of_args : 3.0"
    assert out[2] == (
        "grad_of_args : (Array(3., dtype=float32, weak_type=True), Array(10., dtype=float32, weak_type=True))"
    )


def test_has_aux_spec_f4(capsys):
    class F4(bp.Base):
        def __init__(self):
            super(F4, self).__init__()
            self.a = bm.TrainVar(bm.ones(1))
            self.b = bm.TrainVar(bm.ones(1))

        def __call__(self, c):
            ab = self.a * self.b
            ab2 = ab * 2
            loss = (ab + c).mean()
            return loss, (ab, ab2)

    f4 = F4()
    grad, aux_data = bm.grad(f4, grad_vars=f4.a, has_aux=True)(10.0)
    print("grad: ", grad)
    print("aux_data: ", aux_data)
    out = capsys.readouterr().out.splitlines()
    assert out == ["grad:  [1.]", "aux_data:  (JaxArray([1.], dtype=float32), JaxArray([2.], dtype=float32))"]
    g, v, aux = bm.grad(f4, grad_vars=f4.a, has_aux=True, return_value=True)(10.0)
    assert float(v) == 11.0 and g.tolist() == [1.0]


def test_non_scalar_error_spec():
    with pytest.raises(TypeError) as info:
        bm.grad(lambda x: x)(bm.zeros(2))
    assert f"{type(info.value)} {info.value}" == (
        "<class 'TypeError'> Gradient only defined for scalar-output functions. Output had shape: (2,)."
    )
    assert repr(bm.grad(lambda x: x.mean())(bm.zeros(2))) == "JaxArray([0.5, 0.5], dtype=float32)"


def test_linear_readout_argnums_and_grad_vars():
    class Linear(bp.Base):
        def __init__(self):
            super(Linear, self).__init__()
            self.w = bm.asarray(np.linspace(0.1, 1.0, 10, dtype=np.float32).reshape(1, 10))
            self.b = bm.zeros(1)

        def update(self, x):
            r = bm.dot(self.w, x) + self.b
            return r.sum()

    l = Linear()
    g = bm.grad(l.update, argnums=0)(bm.ones(10))
    assert isinstance(g, bm.JaxArray)
    np.testing.assert_allclose(np.asarray(g), np.asarray(l.w)[0], rtol=1e-6)
    gw, gb = bm.grad(l.update, grad_vars=(l.w, l.b))(bm.ones(10))
    assert gw.tolist() == [[1.0] * 10] and gb.tolist() == [1.0]
    (gw, gb), gx = bm.grad(l.update, grad_vars=(l.w, l.b), argnums=0)(bm.ones(10))
    np.testing.assert_allclose(np.asarray(gx), np.asarray(l.w)[0], rtol=1e-6)
    gx, value = bm.grad(l.update, argnums=0, return_value=True)(bm.ones(10))
    np.testing.assert_allclose(float(value), 5.5, rtol=1e-6)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_grad_matches_finite_differences(seed):
    rng = np.random.default_rng(seed)
    w0 = rng.normal(size=4)
    x0 = rng.normal(size=4)

    class Model(bp.Base):
        def __init__(self):
            super().__init__()
            self.w = bm.TrainVar(bm.asarray(w0.astype(np.float32)))

        def loss(self, x):
            return bm.sum(bm.tanh(self.w * x) ** 2) + bm.sum(bm.sin(x) * self.w)

    m = Model()
    gw, gx = bm.grad(m.loss, grad_vars=m.w, argnums=0)(bm.asarray(x0.astype(np.float32)))

    def ref(w, x):
        return np.sum(np.tanh(w * x) ** 2) + np.sum(np.sin(x) * w)

    np.testing.assert_allclose(np.asarray(gw), fd_grad(lambda w: ref(w, x0), w0), rtol=2e-3, atol=2e-3)
    np.testing.assert_allclose(np.asarray(gx), fd_grad(lambda x: ref(w0, x), x0), rtol=2e-3, atol=2e-3)


def test_value_and_grad():
    value, g = bm.value_and_grad(lambda x: (x**2).sum())(bm.asarray([1.0, 2.0]))
    assert float(value) == 5.0 and g.tolist() == [2.0, 4.0]
    (value, aux), g = bm.value_and_grad(lambda x: ((x**2).sum(), 7), has_aux=True)(bm.asarray([3.0]))
    assert float(value) == 9.0 and aux == 7 and g.tolist() == [6.0]


def test_vector_grad_spec():
    def f(a, b):
        return bm.sin(b) * a

    a = bm.arange(5.0)
    b = bm.asarray(np.linspace(0.1, 0.9, 5, dtype=np.float32))
    g = bm.vector_grad(f)(a, b)
    assert isinstance(g, bm.JaxArray)
    np.testing.assert_allclose(np.asarray(g), np.sin(np.asarray(b)), rtol=1e-6)
    ga, gb = bm.vector_grad(f, argnums=(0, 1))(a, b)
    np.testing.assert_allclose(np.asarray(gb), np.cos(np.asarray(b)) * np.asarray(a), rtol=1e-5)
    m = bm.arange(6.0).reshape((2, 3))
    bb = bm.asarray(np.linspace(0.1, 0.6, 6, dtype=np.float32).reshape(2, 3))
    np.testing.assert_allclose(
        np.asarray(bm.vector_grad(f, argnums=1)(m, bb)), np.cos(np.asarray(bb)) * np.asarray(m), rtol=1e-5
    )

    class Test(bp.Base):
        def __init__(self):
            super(Test, self).__init__()
            self.x = bm.ones(5)
            self.y = bm.ones(5)

        def __call__(self):
            return self.x**2 + self.y**3 + 10

    t = Test()
    assert repr(bm.vector_grad(t, grad_vars=t.x)()) == "Array([2., 2., 2., 2., 2.], dtype=float32)"
    one = bm.vector_grad(t, grad_vars=(t.x,))()
    assert isinstance(one, tuple) and len(one) == 1
    gx, gy = bm.vector_grad(t, grad_vars=(t.x, t.y))()
    assert gx.tolist() == [2.0] * 5 and gy.tolist() == [3.0] * 5


def _f1(x, y):
    a = 4 * x[1] ** 2 - 2 * x[2]
    r = jnp.asarray([x[0] * y[0], 5 * x[2] * y[1], a, x[2] * jnp.sin(x[0])])
    return r, a


JAC = [[10.0, 0.0, 0.0], [0.0, 0.0, 25.0], [0.0, 16.0, -2.0], [1.6209068, 0.0, 0.84147096]]


def test_jacobian_spec():
    _x = bm.array([1.0, 2.0, 3.0])
    _y = bm.array([10.0, 5.0])
    grads, vec, aux = bm.jacobian(_f1, return_value=True, has_aux=True)(_x, _y)
    assert isinstance(grads, bm.JaxArray)
    np.testing.assert_allclose(np.asarray(grads), JAC, rtol=1e-6)
    np.testing.assert_allclose(np.asarray(vec), [10.0, 75.0, 10.0, 2.5244129], rtol=1e-6)
    assert repr(aux) == "Array(10., dtype=float32)"
    for jac in (bm.jacrev, bm.jacfwd):
        g, aux = jac(_f1, has_aux=True)(_x, _y)
        np.testing.assert_allclose(np.asarray(g), JAC, rtol=1e-6)


def test_jacobian_class_spec():
    class Test(bp.Base):
        def __init__(self):
            super(Test, self).__init__()
            self.x = bm.array([1.0, 2.0, 3.0])

        def __call__(self, y):
            a = self.x[0] * y[0]
            b = 5 * self.x[2] * y[1]
            c = 4 * self.x[1] ** 2 - 2 * self.x[2]
            d = self.x[2] * jnp.sin(self.x[0])
            r = jnp.asarray([a, b, c, d])
            return r, (c, d)

    t = Test()
    _y = bm.array([10.0, 5.0])
    f_grad = bm.jacobian(t, grad_vars=t.x, argnums=0, has_aux=True, return_value=True)
    (var_grads, arg_grads), value, aux = f_grad(_y)
    np.testing.assert_allclose(np.asarray(var_grads), JAC, rtol=1e-6)
    assert isinstance(arg_grads, bm.JaxArray)
    assert np.asarray(arg_grads).tolist() == [[1.0, 0.0], [0.0, 15.0], [0.0, 0.0], [0.0, 0.0]]
    np.testing.assert_allclose([float(aux[0]), float(aux[1])], [10.0, 2.5244129], rtol=1e-6)


def test_jacobian_matches_finite_differences():
    x0 = np.array([0.3, -0.7, 1.1])

    def f(x):
        return bm.asarray([bm.sum(x**2), x[0] * x[1], bm.sin(x[2])])

    J = np.asarray(bm.jacfwd(f)(bm.asarray(x0.astype(np.float32))))
    for i, ref in enumerate([lambda x: np.sum(x**2), lambda x: x[0] * x[1], lambda x: np.sin(x[2])]):
        np.testing.assert_allclose(J[i], fd_grad(ref, x0), rtol=2e-3, atol=2e-3)


def test_hessian():
    x0 = np.array([0.5, -1.0, 2.0])

    def f(x):
        return bm.sum(x**3) + x[0] * x[1]

    H = np.asarray(bm.hessian(f)(bm.asarray(x0.astype(np.float32))))
    expected = np.diag(6 * x0)
    expected[0, 1] = expected[1, 0] = 1.0
    np.testing.assert_allclose(H, expected, rtol=1e-5)

    class Q(bp.Base):
        def __init__(self):
            super().__init__()
            self.w = bm.TrainVar(bm.asarray([1.0, 2.0]))

        def __call__(self):
            return bm.sum(self.w**4)

    q = Q()
    Hw = bm.hessian(q, grad_vars=q.w)()
    np.testing.assert_allclose(np.asarray(Hw), np.diag([12.0, 48.0]), rtol=1e-6)


def test_errors():
    with pytest.raises(TypeError):
        bm.grad(3)
    with pytest.raises(TypeError):
        bm.grad(lambda x: x, grad_vars=3.0)
    with pytest.raises(TypeError):
        bm.grad(lambda x: x.sum(), argnums=(0, 2))(bm.ones(2))
    with pytest.raises(TypeError):
        bm.grad(lambda x: x.sum(), has_aux=True)(bm.ones(2))


def test_grad_inside_jit_matches_eager():
    class Net(bp.Base):
        def __init__(self):
            super().__init__()
            self.w = bm.TrainVar(bm.asarray([0.5, -0.3, 0.2]))

        def loss(self, x):
            return bm.mean((x @ self.w - 1.0) ** 2)

    net = Net()
    x = bm.asarray(np.random.default_rng(0).random((8, 3), dtype=np.float32))
    f_grad = bm.grad(net.loss, grad_vars=net.train_vars(), return_value=True)
    eager = f_grad(x)

    def step(x):
        grads, loss = f_grad(x)
        return grads, loss

    jitted = bm.jit(step, dyn_vars=net.vars())(x)
    np.testing.assert_allclose(float(jitted[1]), float(eager[1]), rtol=1e-6)
    for k in eager[0]:
        np.testing.assert_allclose(np.asarray(jitted[0][k]), np.asarray(eager[0][k]), rtol=1e-5)


def test_grad_over_object_spec_l782():
    class Linear(bp.Base):
        def __init__(self, num_hidden, num_input, **kwargs):
            super(Linear, self).__init__(**kwargs)
            self.num_input = num_input
            self.num_hidden = num_hidden
            self.w = bm.random.random((num_input, num_hidden))
            self.b = bm.zeros((num_hidden,))

        def __call__(self, x):
            r = x @ self.w + self.b
            return r.mean()

    l = Linear(num_hidden=3, num_input=2)
    x = bm.random.random([5, 2])
    gw, gb = bm.grad(l, grad_vars=(l.w, l.b))(x)
    np.testing.assert_allclose(np.asarray(gb), [1 / 3] * 3, rtol=1e-6)
    col = np.asarray(x).mean(axis=0) / 3
    np.testing.assert_allclose(np.asarray(gw), np.repeat(col[:, None], 3, axis=1), rtol=1e-5)
