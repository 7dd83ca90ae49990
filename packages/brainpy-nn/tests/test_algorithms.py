"""Training algorithms against direct NumPy solutions on small linear problems; registry and selection."""

import brainpy as bp
import brainpy.math as bm
import brainpy.plugins
import numpy as np
import pytest
from brainpy.errors import UnknownNameError


def _problem(T=80, n=4, m=2, noise=0.1, seed=0):
    rng = np.random.RandomState(seed)
    X = rng.randn(T, n)
    Y = X @ rng.randn(n, m) + 0.5 + noise * rng.randn(T, m)
    return X, Y


def _readout(n, m, bias=True):
    ro = bp.nn.Dense(m, input_shape=n, bias_initializer=bp.init.ZeroInit() if bias else None)
    ro.initialize(1)
    return ro


def test_registry_names_and_order():
    assert bp.nn.algorithms.get_supported_offline_methods() == ("ridge", "linear", "lstsq")
    assert bp.nn.algorithms.get_supported_online_methods()[:3] == ("rls", "force", "lms")
    reg = brainpy.plugins.get_registry("training_algorithms")
    assert reg.origin("ridge").distribution == "brainpy-nn"
    assert brainpy.plugins.get_registry("trainers").get("RidgeTrainer") is bp.nn.RidgeTrainer


def test_ridge_against_numpy(x64):
    X, Y = _problem()
    beta = 0.3
    W = np.asarray(bp.nn.algorithms.RidgeRegression(beta=beta)(Y, X))
    np.testing.assert_allclose(W, np.linalg.solve(X.T @ X + beta * np.eye(4), X.T @ Y), rtol=1e-10)
    assert repr(bp.nn.algorithms.RidgeRegression(beta=1e-6)) == "RidgeRegression(beta=1e-06)"
    with pytest.raises(ValueError, match="beta"):
        bp.nn.algorithms.RidgeRegression(beta=-1)


def test_linear_regression_against_lstsq(x64):
    X, Y = _problem()
    W = np.asarray(bp.nn.algorithms.LinearRegression()(Y, X))
    np.testing.assert_allclose(W, np.linalg.lstsq(X, Y, rcond=None)[0], rtol=1e-8)


def test_offline_trainer_fits_bias_and_weights(x64):
    X, Y = _problem(noise=0.0)
    ro = _readout(4, 2)
    trainer = bp.nn.OfflineTrainer(ro, fit_method="lstsq", progress_bar=False)
    trainer.fit([X[None], Y[None]])
    Xa = np.hstack([np.ones((80, 1)), X])
    W = np.linalg.lstsq(Xa, Y, rcond=None)[0]
    np.testing.assert_allclose(np.asarray(ro.bias), W[0], rtol=1e-8)
    np.testing.assert_allclose(np.asarray(ro.Wff), W[1:], rtol=1e-8)
    np.testing.assert_allclose(np.asarray(trainer.predict(X[None], progress_bar=False))[0], Y, atol=1e-8)


def test_ridge_trainer_batches_and_last_step_targets(x64):
    X, Y = _problem(T=60)
    Xb, Yb = X.reshape(3, 20, 4), Y.reshape(3, 20, 2)
    ro = _readout(4, 2)
    bp.nn.RidgeTrainer(ro, beta=0.5, progress_bar=False).fit([Xb, Yb])
    Xa = np.hstack([np.ones((60, 1)), X])
    W = np.linalg.solve(Xa.T @ Xa + 0.5 * np.eye(5), Xa.T @ Y)
    np.testing.assert_allclose(np.asarray(ro.Wff), W[1:], rtol=1e-8)
    # targets without time axis: only the last step of each sequence is a sample
    ro2 = _readout(4, 2)
    bp.nn.RidgeTrainer(ro2, beta=0.5, progress_bar=False).fit([Xb, Yb[:, -1]])
    Xl = np.hstack([np.ones((3, 1)), Xb[:, -1]])
    W2 = np.linalg.solve(Xl.T @ Xl + 0.5 * np.eye(5), Xl.T @ Yb[:, -1])
    np.testing.assert_allclose(np.asarray(ro2.Wff), W2[1:], rtol=1e-8)


@pytest.mark.parametrize("name", ["rls", "force"])
def test_rls_equals_recursive_ridge(x64, name):
    # After T steps from W0 with P0 = I/alpha: W = (X'X + alpha I)^-1 (X'Y + alpha W0)
    X, Y = _problem(T=50, noise=0.5)
    ro = _readout(4, 2, bias=False)
    W0 = np.asarray(ro.Wff).copy()
    alpha = 0.7
    trainer = bp.nn.OnlineTrainer(ro, fit_method=dict(name=name, alpha=alpha), progress_bar=False)
    trainer.fit([X[None], Y[None]])
    expected = np.linalg.solve(X.T @ X + alpha * np.eye(4), X.T @ Y + alpha * W0)
    np.testing.assert_allclose(np.asarray(ro.Wff), expected, rtol=1e-8, atol=1e-10)


def test_rls_batched_step_equals_sequential(x64):
    X, Y = _problem(T=40, noise=0.5)
    ro_a, ro_b = _readout(4, 2, bias=False), _readout(4, 2, bias=False)
    ro_b.Wff.value = ro_a.Wff.value
    bp.nn.OnlineTrainer(ro_a, fit_method=bp.nn.algorithms.RLS(alpha=0.2), progress_bar=False).fit(
        [X.reshape(1, 40, 4), Y.reshape(1, 40, 2)]
    )
    # four samples per step: the block update is exact, so the final weights agree
    bp.nn.OnlineTrainer(ro_b, fit_method=bp.nn.algorithms.RLS(alpha=0.2), progress_bar=False).fit(
        [X.reshape(10, 4, 4).swapaxes(0, 1), Y.reshape(10, 4, 2).swapaxes(0, 1)]
    )
    np.testing.assert_allclose(np.asarray(ro_a.Wff), np.asarray(ro_b.Wff), rtol=1e-8)


def test_lms_against_numpy_loop(x64):
    X, Y = _problem(T=30)
    ro = _readout(4, 2)
    W0, b0 = np.asarray(ro.Wff).copy(), np.asarray(ro.bias).copy()
    bp.nn.OnlineTrainer(ro, fit_method=bp.nn.algorithms.LMS(alpha=0.05), progress_bar=False).fit([X[None], Y[None]])
    W = np.vstack([b0[None], W0])
    for x, y in zip(X, Y):
        xa = np.concatenate([[1.0], x])
        W = W - 0.05 * np.outer(xa, xa @ W - y)
    np.testing.assert_allclose(np.asarray(ro.bias), W[0], rtol=1e-10)
    np.testing.assert_allclose(np.asarray(ro.Wff), W[1:], rtol=1e-10)


def test_fit_method_forms_and_errors():
    ro = _readout(2, 1)
    assert (
        repr(bp.nn.OfflineTrainer(ro, fit_method=dict(name="ridge", beta=1e-6)).fit_method)
        == "RidgeRegression(beta=1e-06)"
    )
    assert isinstance(bp.nn.OfflineTrainer(ro).fit_method, bp.nn.algorithms.RidgeRegression)
    assert isinstance(bp.nn.OnlineTrainer(ro, fit_method="LMS").fit_method, bp.nn.algorithms.LMS)
    assert (
        repr(bp.nn.OnlineTrainer(ro, fit_method=bp.nn.algorithms.ForceLearning(alpha=0.1)).fit_method)
        == "ForceLearning"
    )
    with pytest.raises(UnknownNameError, match="ridge"):
        bp.nn.OfflineTrainer(ro, fit_method="ridgee")
    with pytest.raises(TypeError, match="OfflineAlgorithm"):
        bp.nn.OfflineTrainer(ro, fit_method="force")
    with pytest.raises(ValueError, match="'name'"):
        bp.nn.OfflineTrainer(ro, fit_method=dict(beta=1.0))


def test_runtime_registration():
    class Zero(bp.nn.algorithms.OfflineAlgorithm):
        def __call__(self, targets, inputs, outputs=None):
            return bm.zeros((inputs.shape[1], targets.shape[1]))

    bp.nn.algorithms.register_offline_method("zero_weights", Zero)
    try:
        assert "zero_weights" in bp.nn.algorithms.get_supported_offline_methods()
        ro = _readout(2, 1)
        bp.nn.OfflineTrainer(ro, fit_method="zero_weights", progress_bar=False).fit(
            [np.ones((1, 5, 2), np.float32), np.ones((1, 5, 1), np.float32)]
        )
        assert float(np.abs(np.asarray(ro.Wff)).sum()) == 0.0
        with pytest.raises(ValueError, match="already"):
            bp.nn.algorithms.register_offline_method("ridge", Zero)
        with pytest.raises(TypeError, match="OnlineAlgorithm"):
            bp.nn.algorithms.register_online_method("zz", Zero)
    finally:
        from brainpy.nn.algorithms import _registry

        _registry._RUNTIME.pop("zero_weights", None)
