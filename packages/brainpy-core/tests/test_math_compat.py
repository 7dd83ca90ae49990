"""``brainpy.math.compat`` (spec API L10171-10214): the BrainPy 2.0 optimizer, scheduler and loss names.

Checks that every name is the modern object, that each optimizer reached through it trains a
convex quadratic to its known minimiser, that the losses give the closed-form values on sample
data, that ``FixedLenDelay`` keeps the 2.1.0 signature (a shape), and that the module needs
nothing beyond brainpy-core.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.math import compat

OPTIMIZERS = ("SGD", "Momentum", "MomentumNesterov", "Adagrad", "Adadelta", "RMSProp", "Adam")
SCHEDULERS = ("Constant", "ExponentialDecay", "InverseTimeDecay", "PolynomialDecay", "PiecewiseConstant")
LOSSES = (
    "cross_entropy_loss",
    "l1_loos",
    "l2_loss",
    "l2_norm",
    "huber_loss",
    "mean_absolute_error",
    "mean_squared_error",
    "mean_squared_log_error",
)


def test_names_are_the_modern_objects():
    assert set(compat.__all__) == {*OPTIMIZERS, *SCHEDULERS, *LOSSES, "FixedLenDelay"}
    for name in (*OPTIMIZERS, *SCHEDULERS):
        assert getattr(compat, name) is getattr(bp.optim, name)
    for name in LOSSES:
        assert getattr(compat, name) is getattr(bp.losses, name)
    assert compat.l1_loos is bp.losses.l1_loss
    assert bm.compat is compat  # reachable as an attribute once imported


# ---------------------------------------------------------------- optimizers on a convex problem
# f(w) = sum_i s_i (w_i - c_i)^2 has the unique minimiser w* = c.
C = np.array([1.5, -2.0, 0.5])
S = np.array([1.0, 2.0, 0.5])

CASES = {
    "SGD": lambda v: compat.SGD(compat.PiecewiseConstant([100, 300], [0.2, 0.1, 0.05]), train_vars=v),
    "Momentum": lambda v: compat.Momentum(compat.Constant(0.05), train_vars=v),
    "MomentumNesterov": lambda v: compat.MomentumNesterov(0.05, train_vars=v),
    "Adagrad": lambda v: compat.Adagrad(compat.PolynomialDecay(0.5, 400, 0.05), train_vars=v),
    "Adadelta": lambda v: compat.Adadelta(train_vars=v, lr=1.0, epsilon=1e-3),
    "RMSProp": lambda v: compat.RMSProp(compat.ExponentialDecay(0.05, 1, 0.99), train_vars=v),
    "Adam": lambda v: compat.Adam(compat.InverseTimeDecay(0.1, 10, 0.1), train_vars=v),
}


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_optimizer_reaches_the_minimiser(name):
    w = bm.Variable(bm.zeros(3))
    opt = CASES[name]({"w": w})
    assert isinstance(opt, getattr(bp.optim, name))

    def loss():
        return bm.sum(S * (w - C) ** 2)

    grad = bm.grad(loss, grad_vars={"w": w})
    step = bm.jit(lambda: opt.update(grad()), dyn_vars=opt.vars() + {"w": w})
    start = float(loss())
    for _ in range(500):
        step()
    np.testing.assert_allclose(np.asarray(w.value), C, atol=1e-4)
    assert float(loss()) < 1e-6 * start


def test_scheduler_values_follow_their_formulas():
    np.testing.assert_allclose(float(compat.ExponentialDecay(0.1, 2, 0.99)(10)), 0.1 * 0.99 ** (10 / 2), rtol=1e-6)
    np.testing.assert_allclose(float(compat.InverseTimeDecay(0.01, 10, 0.999)(20)), 0.01 / (1 + 0.999 * 2), rtol=1e-6)
    np.testing.assert_allclose(
        float(compat.PolynomialDecay(0.01, 10, 0.0001)(5)), (0.01 - 0.0001) * 0.5 + 0.0001, rtol=1e-6
    )
    assert float(compat.Constant(0.001)()) == pytest.approx(0.001)


# ---------------------------------------------------------------- losses against closed forms
def test_losses_match_closed_forms():
    rng = np.random.default_rng(0)
    p = rng.uniform(0.1, 2.0, (4, 5)).astype(np.float32)
    t = rng.uniform(0.1, 2.0, (4, 5)).astype(np.float32)
    d = p - t
    np.testing.assert_allclose(compat.mean_squared_error(p, t), np.mean(d**2), rtol=1e-5)
    np.testing.assert_allclose(compat.mean_absolute_error(p, t), np.mean(np.abs(d)), rtol=1e-5)
    np.testing.assert_allclose(
        compat.mean_squared_log_error(p, t), np.mean((np.log1p(p) - np.log1p(t)) ** 2), rtol=1e-5
    )
    np.testing.assert_allclose(compat.l2_loss(p, t), 0.5 * d**2, rtol=1e-5)
    np.testing.assert_allclose(compat.l2_norm(d), np.sqrt(np.sum(d**2)), rtol=1e-5)
    huber = np.where(np.abs(d) <= 0.5, 0.5 * d**2, 0.5 * (np.abs(d) - 0.25))  # delta (|d| - delta / 2) beyond
    np.testing.assert_allclose(compat.huber_loss(p, t, delta=0.5), huber, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(compat.l1_loos(p, t), np.sum(np.abs(d)), rtol=1e-5)  # reduction="sum"
    labels = np.array([0, 3, 1, 4])
    logits = p
    log_softmax = logits - np.log(np.sum(np.exp(logits), axis=-1, keepdims=True))
    np.testing.assert_allclose(
        compat.cross_entropy_loss(logits, labels), -np.mean(log_softmax[np.arange(4), labels]), rtol=1e-5
    )
    # each equals the modern function on the same data
    for name in LOSSES:
        f = getattr(compat, name)
        args = (d,) if name == "l2_norm" else (logits, labels) if name == "cross_entropy_loss" else (p, t)
        np.testing.assert_array_equal(np.asarray(f(*args)), np.asarray(getattr(bp.losses, name)(*args)))


# ---------------------------------------------------------------- FixedLenDelay (2.1.0 signature)
def test_fixed_len_delay_takes_a_shape():
    d = compat.FixedLenDelay((2, 3), delay_len=1.0, before_t0=lambda t: t, dt=0.1)
    assert isinstance(d, bm.TimeDelay)
    assert d.data.shape[1:] == (2, 3) and d.num_delay_step == 11
    np.testing.assert_allclose(np.asarray(d(0.0)), np.zeros((2, 3)))  # the data start at zero
    np.testing.assert_allclose(np.asarray(d(-0.45)), np.full((2, 3), -0.45), atol=1e-6)  # history interpolated
    d.update(0.1, bm.ones((2, 3)))
    np.testing.assert_allclose(np.asarray(d(0.05)), np.full((2, 3), 0.5), atol=1e-6)
    assert compat.FixedLenDelay(4, 2.0, dt=0.5).data.shape == (5, 4)


def test_fixed_len_delay_rejects_data_with_the_modern_spelling():
    with pytest.raises(TypeError, match=r"bm\.TimeDelay\(data"):
        compat.FixedLenDelay(bm.zeros(3), 1.0)


# ---------------------------------------------------------------- core only
def test_needs_only_brainpy_core():
    code = textwrap.dedent(
        """
        import sys, importlib.abc

        OTHERS = ("brainpy.dyn", "brainpy.integrators", "brainpy.nn", "brainpy.analysis", "brainpy.compat",
                  "brainpy.connect", "brainpy_ops")

        class Block(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.startswith(OTHERS):
                    raise ModuleNotFoundError(f"blocked {name}", name=name)
                return None

        sys.meta_path.insert(0, Block())
        import brainpy.math as bm
        from brainpy.math import compat
        w = bm.Variable(bm.ones(2))
        opt = compat.SGD(0.5, train_vars={"w": w})
        opt.update({"w": bm.ones(2)})
        assert float(w[0]) == 0.5, w
        assert float(compat.mean_squared_error(bm.ones(2), bm.zeros(2))) == 1.0
        assert compat.FixedLenDelay(2, 1.0).data.shape[1:] == (2,)
        print(sorted(m for m in sys.modules if m.startswith(OTHERS)))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
