"""brainpy.optimizers schedulers: values against their formulas, the step counter, custom ones."""

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest

STEPS = np.arange(0, 1000, 7)


def _at(sched, steps=STEPS):
    return np.asarray(sched(bm.asarray(steps)), dtype=np.float64)


def test_constant():
    sc = bp.optim.Constant(0.001)
    assert sc() == 0.001 and repr(sc) == "Constant(0.001)"
    np.testing.assert_allclose(_at(sc), 0.001, rtol=1e-6)


def test_exponential_decay():
    sc = bp.optim.ExponentialDecay(lr=0.1, decay_steps=2, decay_rate=0.99)
    np.testing.assert_allclose(_at(sc), 0.1 * 0.99 ** (STEPS / 2), rtol=1e-5)
    assert float(sc(4)) == pytest.approx(0.1 * 0.99**2, rel=1e-6)
    assert float(sc()) == pytest.approx(0.1)


@pytest.mark.parametrize("staircase", [False, True])
def test_inverse_time_decay(staircase):
    sc = bp.optim.InverseTimeDecay(lr=0.01, decay_steps=10, decay_rate=0.999, staircase=staircase)
    ratio = np.floor(STEPS / 10) if staircase else STEPS / 10
    np.testing.assert_allclose(_at(sc), 0.01 / (1 + 0.999 * ratio), rtol=1e-5)


@pytest.mark.parametrize("power", [1.0, 2.0, 0.5])
def test_polynomial_decay(power):
    sc = bp.optim.PolynomialDecay(lr=0.01, decay_steps=10, final_lr=0.0001, power=power)
    i = np.minimum(STEPS, 10)
    expected = (0.01 - 0.0001) * (1 - i / 10) ** power + 0.0001
    np.testing.assert_allclose(_at(sc), expected, rtol=1e-5)
    assert float(sc(10_000)) == pytest.approx(0.0001)


def test_piecewise_constant():
    sc = bp.optim.PiecewiseConstant([10, 20], [0.1, 0.01, 0.001])
    steps = np.array([0, 5, 10, 11, 20, 21, 500])
    np.testing.assert_allclose(_at(sc, steps), [0.1, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001], rtol=1e-6)
    assert float(sc()) == pytest.approx(0.1)
    with pytest.raises(ValueError, match="one\nmore value|one more value"):
        bp.optim.PiecewiseConstant([10, 20], [0.1, 0.01])
    with pytest.raises(ValueError, match="must increase"):
        bp.optim.PiecewiseConstant([20, 10], [0.1, 0.01, 0.001])


def test_step_counter_follows_the_optimizer():
    sc = bp.optim.ExponentialDecay(lr=0.1, decay_steps=1, decay_rate=0.5)
    w = bm.Variable(bm.zeros(1))
    opt = bp.optim.SGD(lr=sc, train_vars={"w": w})
    assert opt.lr is sc
    lrs = []
    for _ in range(4):
        lrs.append(float(sc()))
        opt.update({"w": bm.ones(1)})
    np.testing.assert_allclose(lrs, [0.1, 0.05, 0.025, 0.0125], rtol=1e-6)
    np.testing.assert_allclose(np.asarray(w), [-sum(lrs)], rtol=1e-6)
    assert int(sc.step[0]) == 4
    assert list(sc.vars()) == [f"{sc.name}.step"]


def test_make_schedule_and_custom_scheduler():
    assert isinstance(bp.optim.make_schedule(0.5), bp.optim.Constant)
    sc = bp.optim.InverseTimeDecay(0.1, 1, 1.0)
    assert bp.optim.make_schedule(sc) is sc
    with pytest.raises(TypeError):
        bp.optim.make_schedule("0.1")

    class Halving(bp.optim.Scheduler):
        def __init__(self, lr):
            super().__init__(lr)

        def __call__(self, i=None):
            i = self.step[0] if i is None else i
            return self.lr * 0.5**i

    h = Halving(1.0)
    w = bm.Variable(bm.zeros(1))
    opt = bp.optim.SGD(lr=h, train_vars={"w": w})
    for _ in range(3):
        opt.update({"w": bm.ones(1)})
    np.testing.assert_allclose(np.asarray(w), [-1.75], rtol=1e-6)
    np.testing.assert_allclose(_at(h, np.arange(3)), [1.0, 0.5, 0.25])


def test_bad_arguments():
    with pytest.raises(ValueError, match="decay_steps"):
        bp.optim.ExponentialDecay(0.1, 0, 0.9)
    with pytest.raises(TypeError, match="lr="):
        bp.optim.ExponentialDecay("0.1", 1, 0.9)
