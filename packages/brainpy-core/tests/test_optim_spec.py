"""The code cells of the spec's "Gradient Descent Optimizers" tutorial (L5789-5972), run
unchanged, with their printed outputs checked where they are deterministic; and the SGD
training example of the JIT tutorial (L7180-7240)."""

# The tutorial cells are kept verbatim (old-style super(), str.format, their own imports).
# ruff: noqa: UP008, UP032, F401, I001

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

pytestmark = pytest.mark.spec


def test_optimizer_tutorial_cells(capsys):
    import brainpy as bp
    import brainpy.math as bm

    bp.math.set_platform("cpu")
    import matplotlib.pyplot as plt

    bp.clear_name_cache()

    a = bm.Variable(bm.ones((5, 4)))
    b = bm.Variable(bm.zeros((3, 3)))
    op = bp.optim.SGD(lr=0.001, train_vars={"a": a, "b": b})

    op.update({"a": bm.random.random(a.shape), "b": bm.random.random(b.shape)})
    print("a:", a)
    print("b:", b)
    out = capsys.readouterr().out
    assert out.startswith("a: Variable([[") and "b: Variable([[" in out and "dtype=float32)" in out
    a1, b1 = np.asarray(a), np.asarray(b)
    assert np.all((a1 <= 1.0) & (a1 >= 0.999)) and np.all((b1 <= 0.0) & (b1 >= -0.001))

    grads_pre = {"a": bm.random.random(a.shape), "b": bm.random.random(b.shape)}
    grads_pre
    grads_post = bm.clip_by_norm(grads_pre, 1.0)
    grads_post
    op.update(grads_post)
    print("a:", a)
    print("b:", b)
    capsys.readouterr()
    for k, ref in (("a", a1), ("b", b1)):
        np.testing.assert_allclose(np.asarray({"a": a, "b": b}[k]), ref - 0.001 * np.asarray(grads_post[k]), rtol=1e-6)

    # {'Constant0.step': Variable([2], dtype=int32)}
    v = op.vars()
    assert list(v) == ["Constant0.step"]
    assert repr(v["Constant0.step"]) == "Variable([2], dtype=int32)"

    v = bp.optim.Momentum(lr=0.001, train_vars={"a": a, "b": b}).vars()  # Momentum has velocity variables
    assert list(v) == ["Constant1.step", "Momentum0.a_v", "Momentum0.b_v"]
    assert repr(v["Constant1.step"]) == "Variable([0], dtype=int32)"
    assert v["Momentum0.a_v"].shape == (5, 4) and v["Momentum0.b_v"].shape == (3, 3)

    v = bp.optim.Adam(lr=0.001, train_vars={"a": a, "b": b}).vars()  # Adam has more variables
    assert list(v) == ["Constant2.step", "Adam0.a_m", "Adam0.b_m", "Adam0.a_v", "Adam0.b_v"]
    assert all(not np.any(np.asarray(x)) for x in v.values())

    class CustomizeOp(bp.optim.Optimizer):
        def __init__(self, lr, train_vars, *params, **other_params):
            super(CustomizeOp, self).__init__(lr, train_vars)
            # customize your initialization

        def update(self, grads):
            # customize your update logic
            pass

    CustomizeOp(0.1, {"a": a}).update({"a": a})

    sc = bp.optim.ExponentialDecay(lr=0.1, decay_steps=2, decay_rate=0.99)

    def show(steps, rates):
        plt.plot(steps, rates)
        plt.xlabel("Train Step")
        plt.ylabel("Learning Rate")
        plt.show()

    steps = bm.arange(1000)
    rates = sc(steps)
    show(steps, rates)
    np.testing.assert_allclose(np.asarray(rates), 0.1 * 0.99 ** (np.arange(1000) / 2), rtol=1e-5)

    assert repr(op.lr) == "Constant(0.001)"
    assert op.lr() == 0.001

    # InverseTimeDecay scheduler
    rates = bp.optim.InverseTimeDecay(lr=0.01, decay_steps=10, decay_rate=0.999)(steps)
    show(steps, rates)
    # PolynomialDecay scheduler
    rates = bp.optim.PolynomialDecay(lr=0.01, decay_steps=10, final_lr=0.0001)(steps)
    show(steps, rates)
    plt.close("all")

    class CustomizeScheduler(bp.optim.Scheduler):
        def __init__(self, lr, *params, **other_params):
            super(CustomizeScheduler, self).__init__(lr)
            # customize your initialization

        def __call__(self, i=None):
            # customize your update logic
            pass

    assert CustomizeScheduler(0.1)() is None


def test_jit_tutorial_sgd_training_decreases_the_loss(capsys):
    import brainpy as bp
    import brainpy.math as bm

    class LinearNet(bp.Base):
        def __init__(self, n_in, n_out):
            super(LinearNet, self).__init__()
            # weights
            self.w = bm.TrainVar(bm.random.random((n_in, n_out)))
            self.b = bm.TrainVar(bm.zeros(n_out))
            self.r = bm.TrainVar(bm.random.random((n_out, 1)))

        def update(self, x):
            h = x @ self.w + self.b
            return h @ self.r

        def loss(self, x, y):
            predict = self.update(x)
            return bm.mean((predict - y) ** 2)

    ln = LinearNet(100, 200)
    # provide the variables want to update
    opt = bm.optimizers.SGD(lr=1e-6, train_vars=ln.vars())
    # provide the variables require graidents
    f_grad = bm.grad(ln.loss, grad_vars=ln.vars(), return_value=True)

    def train(X, Y):
        grads, loss = f_grad(X, Y)
        opt.update(grads)
        return loss

    # JIT the train function
    train_jit = bm.jit(train, dyn_vars=ln.vars() + opt.vars())
    xs = bm.random.random((1000, 100))
    ys = bm.random.random((1000, 1))
    losses = []
    for i in range(30):
        loss = train_jit(xs, ys)
        print(f"Train {i}, loss = {loss:.2f}")
        losses.append(float(loss))
    assert capsys.readouterr().out.startswith("Train 0, loss = ")
    # the spec shows 6.6e6 falling to ~14 in 30 steps: a contraction by ~0.57 per step
    assert 1e6 < losses[0] < 5e7
    assert all(b < a for a, b in zip(losses, losses[1:]))
    assert losses[-1] < losses[0] * 1e-3
    assert int(opt.lr.step[0]) == 30
