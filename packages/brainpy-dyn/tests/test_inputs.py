"""Input current builders against their formulas and the spec's "Inputs" tutorial."""

import math

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest


def a(x):
    return np.asarray(x)


@pytest.mark.spec
def test_section_input_spec():
    current1, duration = bp.inputs.section_input(
        values=[0, 1.0, 0.0], durations=[100, 300, 100], return_length=True, dt=0.1
    )
    assert isinstance(current1, bm.JaxArray) and duration == 500
    c = a(current1)
    assert c.shape == (5000,) and c[:1000].sum() == 0 and np.all(c[1000:4000] == 1) and c[4000:].sum() == 0
    I1 = bp.inputs.section_input(values=[0, 1, 2], durations=[10, 20, 30], dt=0.1)
    I2 = bp.inputs.section_input(values=[0, 1, 2], durations=[10, 20, 30], dt=0.01)
    assert I1.shape == (600,) and I2.shape == (6000,)
    current = bp.inputs.section_input(values=[0, bm.ones(10), bm.random.random((3, 10))], durations=[100, 300, 100])
    assert current.shape == (5000, 3, 10)


@pytest.mark.spec
def test_constant_input_matches_section_input():
    current2, duration = bp.inputs.constant_input([(0, 100), (1, 300), (0, 100)])
    ref = bp.inputs.section_input([0, 1, 0], [100, 300, 100])
    assert duration == 500 and np.array_equal(a(current2), a(ref))
    assert bp.inputs.constant_current is bp.inputs.constant_input


def test_default_dt_follows_global():
    old = bm.get_dt()
    try:
        bm.set_dt(0.05)
        assert bp.inputs.section_input([1.0], [10.0]).shape == (200,)
        assert bp.inputs.spike_input([1.0], 1.0, 1.0, 10.0).shape == (200,)
    finally:
        bm.set_dt(old)


@pytest.mark.spec
def test_spike_input():
    current3 = bp.inputs.spike_input(sp_times=[10, 20, 30, 200, 300], sp_lens=1.0, sp_sizes=0.5, duration=400.0)
    c = a(current3)
    assert c.shape == (4000,)
    assert np.count_nonzero(c) == 5 * 10 and np.all(c[c != 0] == 0.5)
    assert np.all(c[100:110] == 0.5) and c[99] == 0 and c[110] == 0
    c = a(bp.inputs.spike_input([1.0, 5.0], [0.5, 1.0], [2.0, -1.0], 10.0, dt=0.1))
    assert np.all(c[10:15] == 2.0) and np.all(c[50:60] == -1.0) and np.count_nonzero(c) == 15
    assert bp.inputs.spike_current is bp.inputs.spike_input


@pytest.mark.spec
def test_ramp_input():
    c4 = a(bp.inputs.ramp_input(0, 1, 500, dt=0.1))
    np.testing.assert_allclose(c4, np.linspace(0, 1, 5000), atol=1e-6)
    c5 = a(bp.inputs.ramp_input(0, 1, 500, 100, 400, dt=0.1))
    assert c5.shape == (5000,) and np.all(c5[:1000] == 0) and np.all(c5[4000:] == 0)
    np.testing.assert_allclose(c5[1000:4000], np.linspace(0, 1, 3000), atol=1e-6)
    assert np.all(np.diff(c5[1000:4000]) > 0)
    assert bp.inputs.ramp_current is bp.inputs.ramp_input


def test_wiener_process_statistics():
    dt = 0.1
    w = a(bp.inputs.wiener_process(200, dt=dt, n=2, t_start=10.0, t_end=180.0, seed=1))
    assert w.shape == (2000, 2)
    assert np.all(w[:100] == 0) and np.all(w[1800:] == 0)
    inside = w[100:1800].ravel()
    k = inside.size
    assert abs(inside.mean()) < 5 * math.sqrt(dt / k)
    assert abs(inside.var() / dt - 1) < 5 * math.sqrt(2 / k)
    big = a(bp.inputs.wiener_process(1000, dt=0.01, n=(4, 5), seed=2))
    assert big.shape == (100000, 4, 5)


def test_ou_process_formula_and_statistics():
    mean, sigma, tau, dt = 1.0, 0.1, 10.0, 0.1
    x = a(bp.inputs.ou_process(mean=mean, sigma=sigma, tau=tau, duration=200, dt=dt, n=2, t_start=10.0, t_end=180.0))
    assert x.shape == (2000, 2) and np.all(x[:100] == 0) and np.all(x[1800:] == 0)
    np.testing.assert_allclose(x[100], mean)  # starts at the mean
    # sigma = 0: deterministic relaxation stays at the mean
    flat = a(bp.inputs.ou_process(mean=2.0, sigma=0.0, tau=tau, duration=50, dt=dt))
    np.testing.assert_allclose(flat, 2.0)
    # long run: stationary mean and variance sigma^2 tau / 2 (Euler: sigma^2 dt / (1 - (1 - dt/tau)^2))
    long = a(bp.inputs.ou_process(mean=0.5, sigma=0.2, tau=5.0, duration=20000, dt=0.1, n=20, seed=3))[5000:]
    var_theory = 0.2**2 * 0.1 / (1 - (1 - 0.1 / 5.0) ** 2)
    n_eff = long.size * 0.1 / (2 * 5.0)  # correlation time tau
    assert abs(long.mean() - 0.5) < 5 * math.sqrt(var_theory / n_eff)
    assert abs(long.var() / var_theory - 1) < 0.1
    # lag-1 autocorrelation 1 - dt / tau
    z = long - long.mean()
    r1 = (z[1:] * z[:-1]).mean() / z.var()
    assert abs(r1 - (1 - 0.1 / 5.0)) < 0.01


def test_sinusoidal_input_formula():
    dt = 0.1
    c = a(bp.inputs.sinusoidal_input(amplitude=1.0, frequency=2.0, duration=2000, t_start=100.0, dt=dt))
    assert c.shape == (20000,) and np.all(c[:1000] == 0)
    t = np.arange(19000) * dt
    np.testing.assert_allclose(c[1000:], np.sin(2 * np.pi * 2.0 * t / 1000), atol=1e-6)
    b = a(bp.inputs.sinusoidal_input(2.0, 10.0, 100, dt=dt, dc_bias=True))
    assert b.min() >= -1e-6 and abs(b.max() - 4.0) < 1e-4


def test_square_input_formula():
    dt = 0.1
    c = a(bp.inputs.square_input(amplitude=1.0, frequency=2.0, duration=2000, t_start=100, dt=dt))
    assert c.shape == (20000,) and np.all(c[:1000] == 0)
    # period 500 ms: +1 for 250 ms, -1 for 250 ms
    assert np.all(c[1000:3500] == 1) and np.all(c[3500:6000] == -1) and np.all(c[6000:8500] == 1)
    b = a(bp.inputs.square_input(1.5, 100.0, 20, dt=dt, dc_bias=True, t_end=10))
    assert set(np.unique(b[:100]).tolist()) == {0.0, 3.0} and np.all(b[100:] == 0)


@pytest.mark.spec
def test_currents_combine():
    c1 = bp.inputs.section_input(values=[0, 1.0, 0.0], durations=[100, 300, 100], dt=0.1)
    c5 = bp.inputs.ramp_input(0, 1, 500, 100, 400, dt=0.1)
    assert (c1 + c5).shape == (5000,)


def test_errors():
    with pytest.raises(ValueError, match="one duration per value"):
        bp.inputs.section_input([0, 1], [10])
    with pytest.raises(ValueError, match="sp_sizes"):
        bp.inputs.spike_input([1, 2], 1.0, [1.0, 2.0, 3.0], 10)
    with pytest.raises(ValueError, match="tau"):
        bp.inputs.ou_process(0, 1, 0, 10)
    with pytest.raises(ValueError, match="dt"):
        bp.inputs.ramp_input(0, 1, 10, dt=-0.1)
