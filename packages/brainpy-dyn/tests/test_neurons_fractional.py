"""Fractional-order neurons reduce to their integer-order models as alpha -> 1.

Issue 9. At alpha = 1 both FDE schemes are the explicit Euler method, so the
fractional models must reproduce an Euler integration of the classical model
(our ``Izhikevich(method='euler')``, and ``solve_ivp`` for the FitzHugh-Rinzel
system within Euler's error); as alpha decreases the trajectories move away
monotonically.
"""

from __future__ import annotations

import brainpy as bp
import numpy as np
import pytest
from brainpy.errors import BrainPyError, ModelBuildError
from brainpy.math._settings import settings
from scipy.integrate import quad, solve_ivp


def run(model, current=None, duration=100.0, dt=0.1, monitors=("spike",)):
    """Run ``model`` with a constant ``current`` into ``input``; return the runner."""
    inputs = () if current is None else ("input", current)
    runner = bp.dyn.DSRunner(model, monitors=list(monitors), inputs=inputs, dt=dt, progress_bar=False)
    runner.run(duration)
    return runner


def spike_times(runner, i=0):
    """The times (ms) of neuron ``i``'s spikes."""
    return runner.mon.ts[np.asarray(runner.mon.spike)[:, i]]


def if_period(F, V_reset, V_th, tau, tau_ref=0.0):
    r"""Interspike interval of a 1-D integrate-and-fire model :math:`\tau dV/dt = F(V)`, by quadrature.

    :math:`T = \tau \int_{V_{reset}}^{V_{th}} dV / F(V) + \tau_{ref}`: the closed form of the time to
    climb from reset to threshold, independent of any time stepping.
    """
    value, _ = quad(lambda v: tau / F(v), V_reset, V_th, limit=200)
    return value + tau_ref


@pytest.fixture(autouse=True)
def _clean():
    settings.reset()
    bp.clear_name_cache()
    yield
    settings.reset()
    bp.clear_name_cache()


def test_fractional_izhikevich_reduces_to_izhikevich():
    duration, dt = 150.0, 0.01
    steps = int(duration / dt)
    classical = run(
        bp.dyn.Izhikevich(1, V_initializer=-65.0, u_initializer=-13.0, method="euler"),
        10.0,
        duration,
        dt,
        monitors=("spike", "V"),
    )
    runs = {
        alpha: run(
            bp.dyn.FractionalIzhikevich(1, alpha=alpha, num_step=steps), 10.0, duration, dt, monitors=("spike", "V")
        )
        for alpha in (1.0, 0.995, 0.95)
    }
    # alpha = 1: the L1 scheme is Euler's method, step for step
    np.testing.assert_allclose(runs[1.0].mon.V, classical.mon.V, atol=1e-3)
    t1 = spike_times(runs[1.0])
    np.testing.assert_allclose(t1, spike_times(classical), atol=1e-6)
    assert len(t1) == 4  # 3.1, 26.3, 71.2, 116.0 ms
    # the spike times approach those of alpha = 1 as alpha -> 1 (the memory delays the later spikes)
    t_near, t_far = spike_times(runs[0.995])[:4], spike_times(runs[0.95])[:3]
    assert np.abs(t_near - t1).max() < 3.0
    assert np.all(np.abs(t_near[1:3] - t1[1:3]) < np.abs(t_far[1:3] - t1[1:3]))
    assert np.all(t_far[1:3] > t1[1:3])


def _fhr_reference(ts, current):
    a, b, c, d, delta, mu = 0.7, 0.8, -0.775, 1.0, 0.08, 0.0001

    def rhs(t, y):
        V, w, y_ = y
        return [V - V**3 / 3 - w + y_ + current, delta * (a + V - b * w), mu * (c - V - d * y_)]

    sol = solve_ivp(rhs, (0.0, ts[-1]), [2.5, 0.0, 0.0], t_eval=ts, rtol=1e-9, atol=1e-9)
    return sol.y


def test_fractional_fhr_reduces_to_fitzhugh_rinzel():
    duration, dt, current = 150.0, 0.01, 0.5
    runs = {
        alpha: run(
            bp.dyn.FractionalFHR(1, alpha=alpha, num_memory=2000),
            current,
            duration,
            dt,
            monitors=("spike", "V", "w", "y"),
        )
        for alpha in (1.0, 0.99, 0.9)
    }
    # the group records the state after the step from t to t + dt
    ref = _fhr_reference(runs[1.0].mon.ts + dt, current)
    err = {alpha: np.abs(r.mon.V[:, 0] - ref[0]).max() for alpha, r in runs.items()}
    assert err[1.0] < 0.05  # Euler's global error at dt = 0.01
    np.testing.assert_allclose(runs[1.0].mon.w[:, 0], ref[1], atol=0.01)
    np.testing.assert_allclose(runs[1.0].mon.y[:, 0], ref[2], atol=1e-4)
    assert err[1.0] < err[0.99] < err[0.9]
    # the classical system spikes repetitively; the spikes are the reference's upward crossings of 1.8
    ref_count = np.sum((ref[0][:-1] < 1.8) & (ref[0][1:] >= 1.8))
    assert runs[1.0].mon.spike.sum() == ref_count >= 2


def test_fractional_reset_restarts_the_memory():
    model = bp.dyn.FractionalIzhikevich(2, alpha=0.9, num_step=2000)
    first = run(model, 10.0, 50.0, 0.05, monitors=("V",)).mon.V.copy()
    model.reset()
    runner = bp.dyn.DSRunner(model, monitors=["V"], inputs=("input", 10.0), dt=0.05, progress_bar=False)
    runner.run(50.0)
    np.testing.assert_allclose(runner.mon.V, first, atol=1e-4)


@pytest.mark.parametrize(
    ("cls", "kwargs", "word"),
    [
        (bp.dyn.FractionalFHR, {"alpha": 1.5}, "alpha"),
        (bp.dyn.FractionalFHR, {"alpha": [0.9, 0.8]}, "alpha"),
        (bp.dyn.FractionalFHR, {"alpha": 0.9, "num_memory": 0}, "num_memory"),
        (bp.dyn.FractionalIzhikevich, {"alpha": 0.0, "num_step": 10}, "alpha"),
        (bp.dyn.FractionalIzhikevich, {"alpha": 0.9, "num_step": 2.5}, "num_step"),
        (bp.dyn.FractionalIzhikevich, {"alpha": 0.9, "num_step": 10, "a": None}, "a"),
    ],
)
def test_fractional_bad_arguments_raise(cls, kwargs, word):
    with pytest.raises(ModelBuildError, match=word) as info:
        cls(3, **kwargs)
    assert isinstance(info.value, BrainPyError)


def test_fractional_per_variable_orders():
    model = bp.dyn.FractionalFHR(2, alpha=[0.9, 0.95, 1.0], num_memory=50)
    np.testing.assert_allclose(np.asarray(model.integral.alpha), [0.9, 0.95, 1.0])
    assert model.integral.variables == ("V", "w", "y") and isinstance(model, bp.dyn.FractionalNeuron)
