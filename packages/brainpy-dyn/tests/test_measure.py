"""brainpy.measure against hand computations and NumPy references."""

import math

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest


def test_cross_correlation_hand_example():
    # 3 neurons, 8 steps, dt = 1, bins of 2 steps -> 4 bins
    sp = np.zeros((8, 3), bool)
    sp[[0, 3, 4], 0] = True  # bins 0, 1, 2
    sp[[1, 5], 1] = True  # bins 0, 2
    sp[7, 2] = True  # bin 3
    # X0 = 1110, X1 = 1010, X2 = 0001
    k01 = 2 / math.sqrt(3 * 2)
    expected = (2 * k01 + 0 + 0) / 6
    assert bp.measure.cross_correlation(sp, 2.0, dt=1.0) == pytest.approx(expected)


def test_cross_correlation_limits_and_partial_bin():
    sp = np.zeros((10, 4), bool)
    sp[[0, 4, 9]] = True  # all neurons fire together
    assert bp.measure.cross_correlation(sp, 0.3, dt=0.1) == pytest.approx(1.0)
    rng = np.random.default_rng(0)
    indep = rng.random((20000, 30)) < 0.01
    # independent trains, bins of 10 steps: kappa ~ P(fire in a bin) = 1 - 0.99^10
    q = 1 - 0.99**10
    assert bp.measure.cross_correlation(indep, 1.0, dt=0.1) == pytest.approx(q, abs=0.01)
    silent = np.zeros((10, 3))
    assert bp.measure.cross_correlation(silent, 1.0, dt=0.1) == 0.0


def test_voltage_fluctuation():
    t = np.linspace(0, 10, 1000)[:, None]
    same = np.repeat(np.sin(t), 5, axis=1)
    assert bp.measure.voltage_fluctuation(same) == pytest.approx(1.0)
    rng = np.random.default_rng(1)
    noise = rng.normal(size=(20000, 50))
    assert bp.measure.voltage_fluctuation(noise) == pytest.approx(1 / 50, rel=0.05)
    v = rng.normal(size=(100, 4))
    ref = np.var(v.mean(1)) / np.mean(np.var(v, axis=0))
    assert bp.measure.voltage_fluctuation(bm.asarray(v)) == pytest.approx(ref, rel=1e-5)
    assert math.isnan(bp.measure.voltage_fluctuation(np.ones((10, 3))))


def test_functional_connectivity_vs_corrcoef():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(500, 6))
    x[:, 1] = 0.5 * x[:, 0] + x[:, 1]
    fc = bp.measure.functional_connectivity(x)
    np.testing.assert_allclose(fc, np.corrcoef(x.T), atol=1e-12)
    x[:, 3] = 2.0  # constant signal: zero correlations, unit diagonal
    fc = bp.measure.functional_connectivity(x)
    assert np.all(fc[3, np.arange(6) != 3] == 0) and fc[3, 3] == 1


def test_matrix_correlation_lower_triangle():
    rng = np.random.default_rng(3)
    x, y = rng.normal(size=(7, 7)), rng.normal(size=(7, 7))
    i, j = np.tril_indices(7, -1)
    expected = np.corrcoef(x[i, j], y[i, j])[0, 1]
    assert bp.measure.matrix_correlation(x, y) == pytest.approx(expected)
    assert bp.measure.matrix_correlation(x, 3 * x + 1) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        bp.measure.matrix_correlation(x, y[:3])


def test_weighted_correlation():
    rng = np.random.default_rng(4)
    x, y, w = rng.normal(size=50), rng.normal(size=50), rng.random(50)
    assert bp.measure.weighted_correlation(x, y, np.ones(50)) == pytest.approx(np.corrcoef(x, y)[0, 1])
    # integer weights = repeating samples
    k = rng.integers(1, 4, 50)
    rep = np.corrcoef(np.repeat(x, k), np.repeat(y, k))[0, 1]
    assert bp.measure.weighted_correlation(x, y, k) == pytest.approx(rep)
    mx, my = np.average(x, weights=w), np.average(y, weights=w)
    cov = lambda a, b: np.sum(w * (a - np.average(a, weights=w)) * (b - np.average(b, weights=w)))
    assert bp.measure.weighted_correlation(x, y, w) == pytest.approx(cov(x, y) / math.sqrt(cov(x, x) * cov(y, y)))
    assert mx == mx and my == my
    with pytest.raises(ValueError):
        bp.measure.weighted_correlation(x, y, -w)


def test_raster_plot():
    sp = np.zeros((4, 3), bool)
    sp[0, 2] = sp[2, 0] = sp[2, 1] = True
    times = np.array([0.0, 0.1, 0.2, 0.3])
    index, time = bp.measure.raster_plot(sp, times)
    assert index.tolist() == [2, 0, 1] and time.tolist() == [0.0, 0.2, 0.2]


def test_firing_rate():
    dt = 0.1
    sp = np.zeros((1000, 10))
    sp[::10, :5] = 1  # half the neurons fire every 1 ms -> 1000 Hz each, population mean 500 Hz
    rate = bp.measure.firing_rate(sp, 5.0, dt=dt)
    assert isinstance(rate, np.ndarray) and rate.shape == (1000,)
    # a 51-step window holds 5 or 6 firing steps: rates 490 or 588 Hz, averaging to 500 Hz
    assert set(np.round(rate[100:-100], 3).tolist()) == {round(500 * 5 * 10 / 51, 3), round(500 * 6 * 10 / 51, 3)}
    assert rate[100:900].mean() == pytest.approx(500.0, rel=0.01)
    # hand check: one spike of one of two neurons, window of 3 steps
    one = np.zeros((6, 2))
    one[2, 0] = 1
    expected = np.array([0, 1, 1, 1, 0, 0]) * 0.5 * 1000 / (3 * dt)
    np.testing.assert_allclose(bp.measure.firing_rate(one, 0.3, dt=dt), expected)
    assert isinstance(bp.measure.firing_rate(one, 0.3, dt=dt, numpy=False), bm.JaxArray)
    # total spike count is preserved (away from the edges)
    assert bp.measure.firing_rate(one, 0.3, dt=dt).sum() * dt / 1000 == pytest.approx(0.5)


def test_public_names():
    assert set(bp.measure.__all__) == {
        "cross_correlation", "voltage_fluctuation", "functional_connectivity", "matrix_correlation",
        "weighted_correlation", "raster_plot", "firing_rate",
    }  # fmt: skip
