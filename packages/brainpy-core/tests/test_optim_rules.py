"""brainpy.optimizers: every update rule step by step against NumPy, convergence on a convex
quadratic to its known optimum, jit agreement, state registration and errors."""

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import BrainPyError

SHAPES = {"a": (5, 4), "b": (3,)}
N_STEPS = 6


def _grads(seed):
    rng = np.random.default_rng(seed)
    return [{k: rng.normal(size=s).astype(np.float32) for k, s in SHAPES.items()} for _ in range(N_STEPS)]


def _params(seed=1):
    rng = np.random.default_rng(seed)
    return {k: rng.normal(size=s).astype(np.float32) for k, s in SHAPES.items()}


# ---- NumPy references: each gets (params, grads, lr(t), t) and keeps its own state ----------
def sgd_ref():
    def step(p, g, lr, t, s):
        return p - lr * g

    return step


def momentum_ref(mu=0.9, nesterov=False):
    def step(p, g, lr, t, s):
        s["v"] = mu * s.get("v", 0.0) - lr * g
        return p + (mu * s["v"] - lr * g if nesterov else s["v"])

    return step


def adagrad_ref(eps=1e-6):
    def step(p, g, lr, t, s):
        s["c"] = s.get("c", 0.0) + g**2
        return p - lr * g / np.sqrt(s["c"] + eps)

    return step


def adadelta_ref(eps=1e-6, rho=0.95):
    def step(p, g, lr, t, s):
        s["c"] = rho * s.get("c", 0.0) + (1 - rho) * g**2
        upd = g * np.sqrt(s.get("d", 0.0) + eps) / np.sqrt(s["c"] + eps)
        s["d"] = rho * s.get("d", 0.0) + (1 - rho) * upd**2
        return p - lr * upd

    return step


def rmsprop_ref(eps=1e-6, rho=0.9):
    def step(p, g, lr, t, s):
        s["c"] = rho * s.get("c", 0.0) + (1 - rho) * g**2
        return p - lr * g / np.sqrt(s["c"] + eps)

    return step


def adam_ref(b1=0.9, b2=0.999, eps=1e-8):
    def step(p, g, lr, t, s):
        s["m"] = b1 * s.get("m", 0.0) + (1 - b1) * g
        s["v"] = b2 * s.get("v", 0.0) + (1 - b2) * g**2
        lr_t = lr * np.sqrt(1 - b2 ** (t + 1)) / (1 - b1 ** (t + 1))
        return p - lr_t * s["m"] / (np.sqrt(s["v"]) + eps)

    return step


def lars_ref(mu=0.9, wd=1e-4, tc=1e-3, eps=1e-5):
    def step(p, g, lr, t, s):
        pn, gn = np.linalg.norm(p), np.linalg.norm(g)
        trust = tc * pn / (gn + wd * pn + eps) if pn > 0 and gn > 0 else 1.0
        s["v"] = mu * s.get("v", 0.0) + lr * trust * (g + wd * p)
        return p - s["v"]

    return step


CASES = [
    ("SGD", lambda lr, tv: bp.optim.SGD(lr, tv), sgd_ref()),
    ("Momentum", lambda lr, tv: bp.optim.Momentum(lr, tv, momentum=0.8), momentum_ref(0.8)),
    ("MomentumNesterov", lambda lr, tv: bp.optim.MomentumNesterov(lr, tv), momentum_ref(0.9, True)),
    ("Adagrad", lambda lr, tv: bp.optim.Adagrad(lr, tv, epsilon=1e-5), adagrad_ref(1e-5)),
    ("Adadelta", lambda lr, tv: bp.optim.Adadelta(tv, lr=lr, rho=0.9), adadelta_ref(rho=0.9)),
    ("RMSProp", lambda lr, tv: bp.optim.RMSProp(lr, tv), rmsprop_ref()),
    ("Adam", lambda lr, tv: bp.optim.Adam(lr, tv, beta1=0.8), adam_ref(b1=0.8)),
    ("LARS", lambda lr, tv: bp.optim.LARS(lr, tv, weight_decay=1e-2, tc=0.5), lars_ref(wd=1e-2, tc=0.5)),
]


@pytest.mark.parametrize("name,make,ref", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("schedule", ["constant", "exponential"])
def test_update_rule_matches_hand_computation(name, make, ref, schedule):
    params = _params()
    tv = {k: bm.TrainVar(v) for k, v in params.items()}
    if schedule == "constant":
        lr, lr_of = 0.05, (lambda t: 0.05)
    else:
        lr, lr_of = bp.optim.ExponentialDecay(0.05, 2, 0.5), (lambda t: 0.05 * 0.5 ** (t / 2))
    opt = make(lr, tv)
    expected = {k: v.astype(np.float64) for k, v in params.items()}
    states = {k: {} for k in params}
    for t, grads in enumerate(_grads(2)):
        opt.update({k: bm.asarray(g) for k, g in grads.items()})
        for k in params:
            expected[k] = ref(expected[k], grads[k].astype(np.float64), lr_of(t), t, states[k])
            np.testing.assert_allclose(np.asarray(tv[k]), expected[k], rtol=2e-4, atol=2e-6, err_msg=f"{name} step {t}")
        assert int(opt.lr.step[0]) == t + 1


# ---- convergence on a convex quadratic -----------------------------------------------------------
A = np.array([[3.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 0.5]], dtype=np.float32)
C = np.array([1.0, -2.0, 0.5], dtype=np.float32)


class Quadratic(bp.Base):
    r"""f(x) = 1/2 (x - c)^T A (x - c), minimum at x = c."""

    def __init__(self):
        super().__init__()
        self.x = bm.TrainVar(bm.zeros(3))

    def loss(self):
        d = self.x - C
        return 0.5 * bm.sum(d * (bm.asarray(A) @ d))


CONVERGE = [
    ("SGD", lambda tv: bp.optim.SGD(0.3, tv), 400, C),
    ("Momentum", lambda tv: bp.optim.Momentum(0.1, tv), 400, C),
    ("MomentumNesterov", lambda tv: bp.optim.MomentumNesterov(0.1, tv), 400, C),
    ("Adagrad", lambda tv: bp.optim.Adagrad(0.5, tv), 1500, C),
    ("Adadelta", lambda tv: bp.optim.Adadelta(tv, lr=1.0, epsilon=1e-4, rho=0.99), 1000, C),
    ("RMSProp", lambda tv: bp.optim.RMSProp(bp.optim.ExponentialDecay(0.05, 100, 0.5), tv), 1500, C),
    ("Adam", lambda tv: bp.optim.Adam(0.05, tv), 1500, C),
    # LARS adds weight decay: the minimum of f + wd/2 |x|^2 solves (A + wd I) x = A c
    (
        "LARS",
        lambda tv: bp.optim.LARS(bp.optim.ExponentialDecay(0.5, 100, 0.5), tv, weight_decay=0.1, tc=0.1),
        1500,
        np.linalg.solve(A + 0.1 * np.eye(3), A @ C),
    ),
]


@pytest.mark.parametrize("name,make,steps,optimum", CONVERGE, ids=[c[0] for c in CONVERGE])
def test_converges_to_the_optimum_under_jit(name, make, steps, optimum):
    model = Quadratic()
    opt = make(model.train_vars())
    grad = bm.grad(model.loss, grad_vars=model.train_vars())

    def train():
        opt.update(grad())

    step_jit = bm.jit(train, dyn_vars=model.vars() + opt.vars())
    for _ in range(steps):
        step_jit()
    np.testing.assert_allclose(np.asarray(model.x), optimum, atol=2e-3, err_msg=name)
    assert int(opt.lr.step[0]) == steps


def test_jit_and_eager_updates_agree():
    results = []
    for compiled in (False, True):
        params = _params(3)
        tv = {k: bm.TrainVar(v) for k, v in params.items()}
        opt = bp.optim.Adam(0.01, tv)
        update = bm.jit(opt.update, dyn_vars=opt.vars() + bp.TensorCollector(tv)) if compiled else opt.update
        for grads in _grads(4):
            update({k: bm.asarray(g) for k, g in grads.items()})
        results.append({k: np.asarray(v) for k, v in tv.items()})
    for k in SHAPES:
        np.testing.assert_allclose(results[0][k], results[1][k], rtol=1e-5, atol=1e-6)


# ---- state, registration, errors ----------------------------------------------------------------
def test_state_variables_are_registered():
    tv = {"a": bm.Variable(bm.ones((5, 4))), "b": bm.Variable(bm.zeros((3, 3)))}
    expected = {
        bp.optim.SGD: [],
        bp.optim.Momentum: ["a_v", "b_v"],
        bp.optim.MomentumNesterov: ["a_v", "b_v"],
        bp.optim.Adagrad: ["a_cache", "b_cache"],
        bp.optim.RMSProp: ["a_cache", "b_cache"],
        bp.optim.Adam: ["a_m", "b_m", "a_v", "b_v"],
        bp.optim.LARS: ["a_v", "b_v"],
    }
    for cls, keys in expected.items():
        opt = cls(lr=0.1, train_vars=tv)
        found = opt.vars()
        assert list(found) == [f"{opt.lr.name}.step"] + [f"{opt.name}.{k}" for k in keys]
        for k in keys:
            assert found[f"{opt.name}.{k}"].shape == tv[k[0]].shape
            assert not np.any(np.asarray(found[f"{opt.name}.{k}"]))
    opt = bp.optim.Adadelta(train_vars=tv)
    assert sorted(opt.implicit_vars) == ["a_cache", "a_delta", "b_cache", "b_delta"]
    assert opt.lr() == 0.01


def test_register_vars_later_as_trainers_do():
    opt = bp.optim.Adam(lr=1e-3, eps=1e-1)
    assert len(opt.vars_to_train) == 0 and list(opt.vars()) == [f"{opt.lr.name}.step"]
    w = bm.TrainVar(bm.ones(2))
    opt.register_vars({"w": w})
    opt.register_vars({"w": w})  # the same variable again is fine
    assert list(opt.implicit_vars) == ["w_m", "w_v"]
    opt.update({"w": bm.ones(2)})
    assert float(w[0]) < 1.0
    with pytest.raises(BrainPyError, match="already registered"):
        opt.register_vars({"w": bm.TrainVar(bm.ones(2))})


def test_reprs():
    assert repr(bp.optim.Adam(lr=1e-3)) == "Adam(lr=Constant(0.001), beta1=0.9, beta2=0.999, eps=1e-08)"
    assert repr(bp.optim.SGD(lr=0.1)) == "SGD(lr=Constant(0.1))"
    assert repr(bp.optim.Momentum(lr=0.1, momentum=0.5)) == "Momentum(lr=Constant(0.1), momentum=0.5)"


def test_errors_are_clear():
    with pytest.raises(TypeError, match="bm.Variable"):
        bp.optim.SGD(0.1, {"a": np.ones(3)})
    with pytest.raises(TypeError, match="dict of bm.Variable"):
        bp.optim.SGD(0.1, [bm.Variable(bm.ones(3))])
    with pytest.raises(TypeError, match="learning rate"):
        bp.optim.SGD("fast")
    opt = bp.optim.SGD(0.1, {"a": bm.Variable(bm.ones(3))})
    with pytest.raises(ValueError, match="missing \\['a'\\]"):
        opt.update({"b": bm.ones(3)})
    with pytest.raises(ValueError, match="shape \\(2,\\)"):
        opt.update({"a": bm.ones(2)})
    with pytest.raises(NotImplementedError):
        bp.optim.Optimizer(0.1).update({})


def test_base_and_aliases():
    assert bm.optimizers is bp.optim is bp.optimizers
    for name in ["SGD", "Momentum", "MomentumNesterov", "Adagrad", "Adadelta", "RMSProp", "Adam", "LARS"]:
        assert issubclass(getattr(bp.optim, name), bp.optim.Optimizer)
    assert issubclass(bp.optim.Optimizer, bp.Base)
