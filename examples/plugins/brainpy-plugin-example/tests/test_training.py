"""The example plugin's training algorithm (NLMS), reached by name through brainpy.nn (plugin installed)."""

import brainpy as bp
import brainpy.math as bm
import brainpy.plugins
import numpy as np
import pytest


def test_registered_and_listed_as_online_method():
    registry = brainpy.plugins.get_registry("training_algorithms")
    assert "nlms" in registry
    assert registry.origin("nlms").distribution == "brainpy-plugin-example"
    assert "nlms" in bp.nn.algorithms.get_supported_online_methods()
    assert "nlms" not in bp.nn.algorithms.get_supported_offline_methods()


def _reference_nlms(X, Y, W0, mu, eps):
    W = W0.copy()
    for x, y in zip(X, Y):
        e = x @ W - y
        W = W - mu * np.outer(x, e) / (eps + x @ x)
    return W


def test_selected_by_name_matches_numpy_reference():
    rng = np.random.RandomState(0)
    T, n, m = 60, 4, 2
    X = rng.randn(1, T, n)
    Y = X @ rng.randn(n, m)
    readout = bp.nn.Dense(m, input_shape=n, bias_initializer=None)
    readout.initialize(1)
    W0 = np.asarray(readout.Wff)
    trainer = bp.nn.OnlineTrainer(readout, fit_method=dict(name="nlms", mu=0.5), progress_bar=False)
    assert repr(trainer.fit_method) == "NLMS(mu=0.5, eps=1e-06)"
    trainer.fit([bm.asarray(X), bm.asarray(Y)])
    expected = _reference_nlms(X[0], Y[0], W0, 0.5, 1e-6)
    np.testing.assert_allclose(np.asarray(readout.Wff), expected, rtol=1e-4, atol=1e-5)


def test_bad_step_size_is_refused():
    with pytest.raises(ValueError, match="mu must be in"):
        bp.nn.OnlineTrainer(bp.nn.Dense(1, input_shape=1), fit_method=dict(name="nlms", mu=3.0))
