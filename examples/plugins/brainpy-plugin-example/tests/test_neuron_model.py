"""The example plugin's neuron model, reached only through the public name ``bp.dyn.ThetaNeuron``."""

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import ModelBuildError


def _run(model, current, duration, dt=0.01):
    runner = bp.dyn.DSRunner(model, monitors=["theta", "spike"], inputs=("input", current), dt=dt, progress_bar=False)
    runner.run(duration)
    return runner


def test_theta_neuron_registered_from_the_plugin():
    from brainpy.plugins import get_registry

    reg = get_registry("neuron_models")
    assert reg.origin("ThetaNeuron").distribution == "brainpy-plugin-example"
    assert issubclass(bp.dyn.ThetaNeuron, bp.dyn.NeuGroup)


def test_theta_neuron_period_is_pi_tau_over_sqrt_current():
    currents = np.array([0.05, 0.2, 1.0])
    tau = 10.0
    runner = _run(bp.dyn.ThetaNeuron(3, tau=tau, theta_initializer=-np.pi / 2), bm.asarray(currents), 800.0)
    for i, current in enumerate(currents):
        isis = np.diff(runner.mon.ts[runner.mon.spike[:, i]])
        expected = np.pi * tau / np.sqrt(current)  # 140.5, 70.2, 31.4 ms
        assert len(isis) >= 3
        assert isis.mean() == pytest.approx(expected, abs=0.02)
    assert np.all(np.abs(runner.mon.theta) <= np.pi + 1e-6)


def test_theta_neuron_rests_below_the_saddle_node():
    current = -0.2
    runner = _run(bp.dyn.ThetaNeuron(2, theta_initializer=bm.asarray([-2.5, 0.5])), current, 300.0)
    assert runner.mon.spike.sum() == 0
    rest = -np.arccos((1 + current) / (1 - current))  # -0.84 rad
    np.testing.assert_allclose(runner.mon.theta[-1], rest, atol=1e-3)


def test_theta_neuron_reset_and_bad_tau():
    model = bp.dyn.ThetaNeuron(2, tau=bm.asarray([5.0, 10.0]))
    first = _run(model, 0.5, 50.0).mon.theta.copy()
    model.reset()
    np.testing.assert_allclose(_run(model, 0.5, 50.0).mon.theta, first, atol=1e-6)
    with pytest.raises(ModelBuildError, match="tau"):
        bp.dyn.ThetaNeuron(2, tau=-1.0)
    with pytest.raises(ModelBuildError, match="tau"):
        bp.dyn.ThetaNeuron(2, tau=np.ones(3))
