"""Runners and trainers: RNNRunner against a Python loop, BPTT gradients against finite differences,
BPFF, logging and progress bars."""

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest


def _mse(a, b):
    return float(np.mean((np.asarray(a) - np.asarray(b)) ** 2))


def test_runner_equals_python_loop(x64):
    model = bp.nn.Input(2) >> bp.nn.Reservoir(20, seed=0) >> bp.nn.LinearReadout(3)
    model.initialize(2)
    xs = np.random.RandomState(0).randn(2, 15, 2)
    runner = bp.nn.RNNRunner(model, jit=True, progress_bar=False)
    out = runner.predict(xs, reset=True)
    assert out.shape == (2, 15, 3)
    model.init_state(2)
    ref = np.stack([np.asarray(model(bm.asarray(xs[:, t]))) for t in range(15)], axis=1)
    np.testing.assert_allclose(np.asarray(out), ref, rtol=1e-10)
    # without reset the state continues; with jit=False the result is the same
    runner2 = bp.nn.RNNRunner(model, jit=False, progress_bar=False)
    model.init_state(2)
    first = runner2.predict(xs[:, :7])
    second = runner2.predict(xs[:, 7:])
    np.testing.assert_allclose(np.concatenate([np.asarray(first), np.asarray(second)], 1), ref, rtol=1e-10)


def test_runner_batch_change_initial_and_forced_states():
    rnn = bp.nn.VanillaRNN(4, state_initializer=bp.init.ZeroInit())
    model = bp.nn.Input(1) >> rnn
    model.initialize(1)
    runner = bp.nn.RNNRunner(model, progress_bar=False)
    out = runner.predict(np.ones((3, 5, 1), np.float32))
    assert out.shape == (3, 5, 4) and rnn.state.shape == (3, 4)
    init = np.full((3, 4), 0.5, np.float32)
    a = runner.predict(np.zeros((3, 1, 1), np.float32), initial_states={rnn.name: init})
    ref = np.maximum(init @ np.asarray(rnn.Wh) + np.asarray(rnn.bias), 0)
    np.testing.assert_allclose(np.asarray(a)[:, 0], ref, rtol=1e-5)
    forced = np.zeros((3, 5, 4), np.float32)
    b = runner.predict(np.zeros((3, 5, 1), np.float32), forced_states={rnn.name: forced})
    np.testing.assert_allclose(np.asarray(b), 0, atol=1e-7)
    with pytest.raises(ValueError, match="num_time"):
        runner.predict(np.ones((3, 1), np.float32))
    with pytest.raises(ValueError, match="not a node"):
        runner.predict(np.ones((3, 2, 1), np.float32), initial_states={"nope": init})


def test_data_are_checked_against_input_nodes_before_tracing():
    # issue 10: a missing axis fails with the expected layout, not inside the compiled loop
    from brainpy.errors import BrainPyError, RunningError
    from brainpy.nn._inputs import InputShapeError

    model = bp.nn.Input(3) >> bp.nn.Dense(2)
    runner = bp.nn.RNNRunner(model, progress_bar=False)
    with pytest.raises(InputShapeError) as info:
        runner.predict(np.ones((5, 3), np.float32))
    assert isinstance(info.value, ValueError) and isinstance(info.value, BrainPyError)
    assert isinstance(info.value, RunningError)
    msg = str(info.value)
    assert msg.startswith(
        f"xs for the input node {model.lnodes[0].name} must have shape "
        "(num_batch, num_time, *feature_shape) = (num_batch, num_time, 3), but got shape (5, 3)."
    )
    assert "xs[None]" in msg and "JAX" not in msg
    assert runner._cache == {} and not model.is_initialized  # nothing was traced or built
    with pytest.raises(InputShapeError, match=r"= \(num_batch, num_time, 3\), but got shape \(1, 5, 4\)"):
        runner.predict(np.ones((1, 5, 4), np.float32))
    a, b = bp.nn.Input(1, name="in_a"), bp.nn.Input(2, name="in_b")
    two = bp.nn.RNNRunner({a, b} >> bp.nn.Dense(1), progress_bar=False)
    with pytest.raises(InputShapeError, match="must be a dict keyed by their names"):
        two.predict(np.ones((1, 5, 1)))
    with pytest.raises(InputShapeError, match=r"missing \['in_b'\]"):
        two.predict({"in_a": np.ones((1, 5, 1))})
    with pytest.raises(InputShapeError, match="agree on their leading axes"):
        two.predict({"in_a": np.ones((1, 5, 1)), "in_b": np.ones((1, 4, 2))})
    assert two.predict({"in_a": np.ones((2, 5, 1)), "in_b": np.ones((2, 5, 2))}).shape == (2, 5, 1)
    trainer = bp.nn.RidgeTrainer(bp.nn.Input(3) >> bp.nn.LinearReadout(1), progress_bar=False)
    with pytest.raises(InputShapeError, match="the inputs X of train_data"):
        trainer.fit([np.ones((20, 3)), np.ones((20, 1))])
    bptt = bp.nn.BPTT(bp.nn.Input(3) >> bp.nn.VanillaRNN(2), loss="mean_squared_error", progress_bar=False)
    with pytest.raises(InputShapeError, match="the inputs X of train_data"):
        bptt.fit([np.ones((4, 3)), np.ones((4, 2))], num_batch=2)
    bpff = bp.nn.BPFF(bp.nn.Dense(1, input_shape=3), loss="mean_squared_error", progress_bar=False)
    with pytest.raises(InputShapeError, match=r"\(num_sample, \*feature_shape\) = \(num_sample, 3\)"):
        bpff.predict(np.ones((4, 1, 3)))


def test_runner_shared_kwargs_reach_forward():
    drop = bp.nn.Dropout(0.5, seed=0)
    model = bp.nn.Input(10) >> drop
    model.initialize(1)
    runner = bp.nn.RNNRunner(model, progress_bar=False)
    x = np.ones((1, 4, 10), np.float32)
    np.testing.assert_array_equal(np.asarray(runner.predict(x, shared_kwargs={"train": False})), x)
    assert np.any(np.asarray(runner.predict(x)) == 0)


def test_progress_bar_runs_and_can_be_switched_off(capsys):
    model = bp.nn.Input(1) >> bp.nn.Dense(1)
    model.initialize(1)
    runner = bp.nn.RNNRunner(model)
    runner.predict(np.ones((1, 300, 1), np.float32))
    assert "300/300" in capsys.readouterr().err
    runner.predict(np.ones((1, 300, 1), np.float32), progress_bar=False)
    assert capsys.readouterr().err == ""


def test_runner_repr_and_jit_setting():
    model = bp.nn.Input(1) >> bp.nn.Dense(1)
    r = bp.nn.OfflineTrainer(model, jit={"fit": False})
    assert r.jit == {"fit": False, "predict": True}
    with pytest.raises(ValueError, match="unknown keys"):
        bp.nn.RNNRunner(model, jit={"fitt": True})
    with pytest.raises(TypeError, match="Node"):
        bp.nn.RNNRunner(lambda x: x)


def _numpy_rls(X, Y, W0, alpha):
    """Textbook RLS on rows r = [1, x]: P <- P - P r r'P / (1 + r'P r), w <- w - e P r (a priori error e)."""
    P, w, outs = np.eye(W0.shape[0]) / alpha, W0.copy(), []
    for x, y in zip(X, Y):
        r = np.concatenate([[1.0], x])[:, None]
        out = (r.T @ w)[0]
        outs.append(out)
        P = P - (P @ r) @ (r.T @ P) / (1.0 + r.T @ P @ r)
        w = w - (P @ r) * (out - y)
    return np.asarray(outs), w


@pytest.mark.parametrize("alpha", [1.0, 1e-3])
def test_online_force_learns_linear_map(x64, alpha):
    # Regression (issue 10): the old bound (MSE < 1e-6 with alpha=1) was wrong, not the RLS update. With
    # P0 = I/alpha, RLS after t steps is ridge regression pulled towards the initial weights W0 with strength
    # alpha, so the a-priori outputs carry an error of order alpha*|W0 - W*|/t (last-50 MSE 6.2e-5 here for alpha=1).
    rng = np.random.RandomState(1)
    X = rng.randn(1, 400, 3)
    w_true = np.array([[1.0], [-2.0], [0.5]])
    Y = X @ w_true
    ro = bp.nn.LinearReadout(1)
    model = bp.nn.Input(3) >> ro
    model.initialize(1)
    ro.Wff.value = np.array([[-1.25], [-0.66], [1.10]])
    W0 = np.concatenate([np.asarray(ro.bias)[None], np.asarray(ro.Wff)])
    trainer = bp.nn.FORCELearning(model, alpha=alpha, progress_bar=False)
    assert bp.nn.FORCELearning is bp.nn.ForceTrainer
    out = np.asarray(trainer.fit([X, Y]))
    ref_out, ref_w = _numpy_rls(X[0], Y[0], W0, alpha)
    np.testing.assert_allclose(out[0], ref_out, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(np.asarray(ro.bias), ref_w[0], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(np.asarray(ro.Wff), ref_w[1:], rtol=1e-9, atol=1e-12)
    # closed form of RLS: W = (A'A + alpha I)^-1 (A'Y + alpha W0) with A = [1, X]
    A = np.hstack([np.ones((400, 1)), X[0]])
    ridge = np.linalg.solve(A.T @ A + alpha * np.eye(4), A.T @ Y[0] + alpha * W0)
    np.testing.assert_allclose(ref_w, ridge, rtol=1e-8, atol=1e-12)
    mse = _mse(out[:, -50:], Y[:, -50:])
    if alpha == 1.0:
        assert 1e-7 < mse < 1e-4
        np.testing.assert_allclose(np.asarray(ro.Wff), w_true, atol=1e-2)
    else:  # a weak prior: exact recovery of the noiseless map
        assert mse < 1e-9
        np.testing.assert_allclose(np.asarray(ro.Wff), w_true, atol=1e-4)


def test_no_trainable_readout_is_an_error():
    model = bp.nn.Input(3) >> bp.nn.Reservoir(10)
    model.initialize(1)
    with pytest.raises(Exception, match="no trainable readout"):
        bp.nn.RidgeTrainer(model, progress_bar=False).fit([np.ones((1, 5, 3)), np.ones((1, 5, 10))])


def _small_rnn():
    rnn = bp.nn.VanillaRNN(
        3,
        activation="tanh",
        state_trainable=True,
        state_initializer=bp.init.Normal(),
        bias_initializer=bp.init.Normal(0.1),
    )
    return bp.nn.Input(2) >> rnn >> bp.nn.Dense(1, bias_initializer=bp.init.Normal(0.1))


def test_bptt_gradients_against_finite_differences(x64):
    model = _small_rnn()
    model.initialize(4)
    rng = np.random.RandomState(3)
    X, Y = rng.randn(4, 6, 2), rng.randn(4, 6, 1)
    lr = 1e-3
    trainer = bp.nn.BPTT(model, loss="mean_squared_error", optimizer=bp.optim.SGD(lr=lr), progress_bar=False)
    train_vars = model.train_vars().unique()
    assert len(train_vars) == 6  # Wi, Wh, bias, train_state, Wff, bias
    before = {k: np.asarray(v).copy() for k, v in train_vars.items()}

    def loss():
        return _mse(trainer.predict(X, reset=True, progress_bar=False), Y)

    eps = 1e-6
    numeric = {}
    for k, v in train_vars.items():
        g = np.zeros(v.shape)
        for idx in np.ndindex(*v.shape):
            for sign in (1, -1):
                new = before[k].copy()
                new[idx] += sign * eps
                v.value = new
                g[idx] += sign * loss() / (2 * eps)
            v.value = before[k]
        numeric[k] = g
    loss0 = loss()
    trainer.fit([X, Y], num_batch=4, num_train=1, num_report=10)
    assert trainer.train_losses.shape == (1,)
    assert float(trainer.train_losses[0]) == pytest.approx(loss0, rel=1e-10)
    for k, v in train_vars.items():
        analytic = (before[k] - np.asarray(v)) / lr
        np.testing.assert_allclose(analytic, numeric[k], rtol=1e-5, atol=1e-8, err_msg=k)


def test_bptt_loss_falls_and_logs(capsys, x64):
    model = bp.nn.Input(1) >> bp.nn.VanillaRNN(16, state_trainable=True) >> bp.nn.Dense(1)
    rng = np.random.RandomState(0)
    X = rng.randn(64, 10, 1) * 0.5
    Y = np.cumsum(X, axis=1)
    trainer = bp.nn.BPTT(
        model, loss=bp.losses.mean_squared_error, optimizer=bp.optim.Adam(lr=0.01), max_grad_norm=5.0, seed=0
    )
    trainer.fit([X, Y], num_batch=16, num_train=15, num_report=20)
    lines = [l for l in capsys.readouterr().out.splitlines() if l.startswith("Train ")]
    assert len(lines) == 3 and lines[0].startswith("Train 20 steps, use ") and ", train loss " in lines[0]
    losses = np.asarray(trainer.train_losses)
    assert losses.shape == (60,)
    assert losses[-5:].mean() < 0.5 * losses[:5].mean()
    with pytest.raises(TypeError, match="Optimizer"):
        bp.nn.BPTT(model, loss="mean_squared_error", optimizer="adam")
    with pytest.raises(ValueError, match="brainpy.losses"):
        bp.nn.BPTT(model, loss="nope")


def test_bpff_trains_dense_readout(capsys, x64):
    rng = np.random.RandomState(1)
    X = rng.randn(256, 5)
    Y = X @ rng.randn(5, 2)
    readout = bp.nn.Dense(2, input_shape=5)
    readout.initialize()
    trainer = bp.nn.BPFF(readout, loss=bp.losses.mean_squared_error, optimizer=bp.optim.Adam(lr=0.05))
    text = repr(trainer)
    assert text.startswith(f"BPFF(target={readout!r}, \n")
    assert "jit={'fit': True, 'predict': True, 'loss': True}" in text
    assert "optimizer=Adam(lr=Constant(0.05), beta1=0.9, beta2=0.999, eps=1e-08)" in text
    trainer.fit([X, Y], num_batch=64, num_train=30, num_report=40, test_data=[X, Y])
    out = capsys.readouterr().out
    assert "test loss" in out and trainer.test_losses.shape == (3,)
    assert trainer.train_losses.shape == (120,)
    assert _mse(trainer.predict(X), Y) < 0.05 * float(np.mean(Y**2))
