"""Spike sources and noise: PoissonGroup rates, SpikeTimeGroup's exact spikes, OUProcess statistics.

Issue 9. Random tests use fixed seeds and check statistics within bounds derived
from the distributions (4 standard errors), never exact draws.
"""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import BrainPyError, ModelBuildError
from brainpy.math._settings import settings


@pytest.fixture(autouse=True)
def _clean():
    settings.reset()
    bp.clear_name_cache()
    yield
    settings.reset()
    bp.clear_name_cache()


def _run(model, duration, dt, monitors):
    runner = bp.dyn.DSRunner(model, monitors=list(monitors), dt=dt, progress_bar=False)
    runner.run(duration)
    return runner


def test_poisson_group_rate_within_binomial_bounds():
    # 500 neurons at 10 Hz, 500 at 40 Hz, 1 s at dt = 0.1 ms: counts are Binomial(n_steps * 500, f dt / 1000)
    freqs = np.r_[np.full(500, 10.0), np.full(500, 40.0)]
    group = bp.dyn.PoissonGroup(1000, freqs=bm.asarray(freqs), seed=7)
    spikes = _run(group, 1000.0, 0.1, ["spike"]).mon.spike
    n_steps = spikes.shape[0]
    for half, f in ((slice(0, 500), 10.0), (slice(500, 1000), 40.0)):
        p = f * 0.1 / 1000.0
        mean, sd = n_steps * 500 * p, np.sqrt(n_steps * 500 * p * (1 - p))
        assert abs(spikes[:, half].sum() - mean) < 4 * sd, (f, spikes[:, half].sum(), mean)
    # independence in time: the Fano factor of per-neuron counts is ~1 (binomial: 1 - p)
    counts = spikes[:, 500:].sum(0)
    assert counts.var() / counts.mean() == pytest.approx(1.0, abs=4 * np.sqrt(2 / 499))


def test_poisson_group_zero_rate_seed_and_alias():
    assert _run(bp.dyn.PoissonGroup(50, freqs=0.0), 100.0, 0.1, ["spike"]).mon.spike.sum() == 0
    group = bp.dyn.PoissonGroup(20, freqs=100.0, seed=3)
    first = _run(group, 50.0, 0.1, ["spike"]).mon.spike.copy()
    group.reset()  # with a seed, reset replays the same spikes
    np.testing.assert_array_equal(_run(group, 50.0, 0.1, ["spike"]).mon.spike, first)
    alias = bp.dyn.PoissonInput(20, freqs=100.0, seed=3)
    assert isinstance(alias, bp.dyn.PoissonGroup)
    np.testing.assert_array_equal(_run(alias, 50.0, 0.1, ["spike"]).mon.spike, first)


def test_spike_time_group_emits_exactly_the_given_spikes():
    times = [7.3, 1.0, 2.5, 2.5, 0.0, 9.9, 1.0]
    indices = [0, 0, 1, 2, 2, 3, 0]  # a duplicate (1.0, 0) is one spike
    group = bp.dyn.SpikeTimeGroup(4, times=times, indices=indices)
    runner = _run(group, 10.0, 0.1, ["spike", "t_last_spike"])
    got = {(round(float(runner.mon.ts[k]), 6), int(i)) for k, i in np.argwhere(runner.mon.spike)}
    assert got == {(0.0, 2), (1.0, 0), (2.5, 1), (2.5, 2), (7.3, 0), (9.9, 3)}
    np.testing.assert_allclose(runner.mon.t_last_spike[-1], [7.3, 2.5, 2.5, 9.9], atol=1e-6)
    assert runner.mon.spike.sum() == 6
    # the alias, and an unsorted spike list kept as given
    alias = bp.dyn.SpikeTimeInput(4, times=times, indices=indices, need_sort=False)
    np.testing.assert_array_equal(_run(alias, 10.0, 0.1, ["spike"]).mon.spike, runner.mon.spike)
    # spike times on a coarser grid go to the nearest step
    runner = _run(bp.dyn.SpikeTimeGroup(1, times=[0.74, 0.76], indices=[0, 0]), 2.0, 0.5, ["spike"])
    assert list(runner.mon.ts[runner.mon.spike[:, 0]]) == [0.5, 1.0]


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [
        ({"times": [1.0, 2.0], "indices": [0]}, "same length"),
        ({"times": [1.0], "indices": [5]}, "indices"),
        ({"times": [1.0], "indices": [0.5]}, "indices"),
        ({"times": None, "indices": [0]}, "times"),
        ({"times": [float("nan")], "indices": [0]}, "times"),
    ],
)
def test_spike_time_group_bad_input(kwargs, word):
    with pytest.raises(ModelBuildError, match=word):
        bp.dyn.SpikeTimeGroup(3, **kwargs)


def test_poisson_group_bad_input():
    with pytest.raises(ModelBuildError, match="freqs"):
        bp.dyn.PoissonGroup(3, freqs=-1.0)
    with pytest.raises(ModelBuildError, match="freqs"):
        bp.dyn.PoissonGroup(3, freqs=bm.ones(4))
    with pytest.raises(BrainPyError, match="freqs"):
        bp.dyn.PoissonGroup(3, freqs=None)


def test_ou_process_mean_and_variance():
    mean, sigma, tau, dt = 2.0, 0.5, 10.0, 0.1
    ou = bp.dyn.OUProcess(2000, mean=mean, sigma=sigma, tau=tau, seed=11)
    x = _run(ou, 300.0, dt, ["x"]).mon.x
    # from x(0) = mean: E x(t) = mean, Var x(t) = sigma^2 tau / 2 (1 - exp(-2 t / tau))
    t = 5.0
    k = int(round(t / dt)) - 1
    var_t = sigma**2 * tau / 2 * (1 - np.exp(-2 * t / tau))
    assert x[k].var() == pytest.approx(var_t, rel=4 * np.sqrt(2 / 2000))
    # stationary part: snapshots 5 tau apart are nearly independent; Euler-Maruyama's stationary
    # variance is sigma^2 tau / (2 - dt / tau), 0.25 % above the continuous value
    samples = x[500::500].ravel()
    stationary = sigma**2 * tau / (2 - dt / tau)
    n = samples.size
    assert abs(samples.mean() - mean) < 4 * np.sqrt(stationary / n)
    assert samples.var() == pytest.approx(stationary, rel=4 * np.sqrt(2 / n))
    # the lag-tau autocorrelation is exp(-1)
    lagged = np.corrcoef(x[1000], x[1000 + int(tau / dt)])[0, 1]
    assert lagged == pytest.approx(np.exp(-1), abs=4 / np.sqrt(2000))
    ou.reset()
    np.testing.assert_allclose(np.asarray(ou.x.value), mean)
