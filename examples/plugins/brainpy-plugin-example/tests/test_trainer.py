"""The example plugin's trainer (NLMSTrainer), reached as ``bp.nn.NLMSTrainer``."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest


def test_registered_and_reachable_as_bp_nn_name() -> None:
    registry = bp.plugins.get_registry("trainers")
    assert registry.origin("NLMSTrainer").distribution == "brainpy-plugin-example"
    assert bp.nn.NLMSTrainer is registry.get("NLMSTrainer")
    assert issubclass(bp.nn.NLMSTrainer, bp.nn.OnlineTrainer)


def test_trains_a_linear_readout_to_the_least_squares_solution() -> None:
    rng = np.random.RandomState(0)
    T, n, m = 400, 3, 2
    X = rng.randn(1, T, n)
    Y = X @ rng.randn(n, m)  # consistent: the least-squares solution fits exactly
    W_lstsq = np.linalg.lstsq(X[0], Y[0], rcond=None)[0]
    readout = bp.nn.Dense(m, input_shape=n, bias_initializer=None)
    trainer = bp.nn.NLMSTrainer(readout, mu=1.0, progress_bar=False)
    assert repr(trainer.fit_method) == "NLMS(mu=1.0, eps=1e-06)"
    trainer.fit([bm.asarray(X), bm.asarray(Y)])
    np.testing.assert_allclose(np.asarray(readout.Wff), W_lstsq, atol=1e-4)
    prediction = trainer.predict(bm.asarray(X[:, :10]), reset=True)
    np.testing.assert_allclose(np.asarray(prediction), Y[:, :10], atol=1e-3)


def test_bad_step_size_is_refused() -> None:
    with pytest.raises(ValueError, match="mu must be in"):
        bp.nn.NLMSTrainer(bp.nn.Dense(1, input_shape=1), mu=2.5)
