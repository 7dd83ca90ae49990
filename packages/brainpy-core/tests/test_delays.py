"""Delay variables (spec L1729-1753, L4441-4477)."""

import brainpy as bp
import brainpy.math as bm
import jax
import numpy as np
import pytest


def test_length_delay_spec():
    target = bm.Variable(bm.zeros(10))
    d = bm.LengthDelay(target, delay_len=10)
    assert repr(d(5)) == "Array([0., 0., 0., 0., 0., 0., 0., 0., 0., 0.], dtype=float32)"
    assert repr(d(10)) == "Array([0., 0., 0., 0., 0., 0., 0., 0., 0., 0.], dtype=float32)"
    assert isinstance(d, bp.Base) and isinstance(d, bm.AbstractDelay)


def test_length_delay_semantics_and_indices():
    d = bm.LengthDelay(
        bm.zeros(3), delay_len=4, initial_delay_data=bm.asarray([[1.0] * 3, [2.0] * 3, [3.0] * 3, [4.0] * 3])
    )
    assert [float(d(k)[0]) for k in range(5)] == [0.0, 1.0, 2.0, 3.0, 4.0]
    for step in range(1, 8):
        d.update(bm.full(3, 10.0 + step))
        assert float(d(0)[0]) == 10.0 + step
        if step >= 5:
            assert [float(d(k)[1]) for k in range(5)] == [10.0 + step - k for k in range(5)]
    # per-element delays with indices
    got = d(bm.asarray([0, 2, 4]), bm.arange(3))
    assert got.tolist() == [17.0, 15.0, 13.0]
    with pytest.raises(bm.DelayTimeError):
        d(5)
    d.reset(bm.ones(3))
    assert d(0).tolist() == [1.0] * 3 and d(3).tolist() == [0.0] * 3
    assert isinstance(bm.NeuLenDelay(bm.zeros(1), 2), bm.LengthDelay)


def test_length_delay_under_jit_equals_eager():
    def run(d, n, jit):
        push = lambda x: d.update(x)
        read = lambda: d(3)
        if jit:
            push = bm.jit(push, dyn_vars=d.vars())
            read = bm.jit(read, dyn_vars=d.vars())
        out = []
        for i in range(n):
            push(bm.full(2, float(i)))
            out.append(float(read()[0]))
        return out

    eager = run(bm.LengthDelay(bm.zeros(2), 3), 8, False)
    jitted = run(bm.LengthDelay(bm.zeros(2), 3), 8, True)
    assert eager == jitted == [0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 4.0]


def test_time_delay_spec(capsys):
    d = bm.TimeDelay(bm.zeros(2), delay_len=10, dt=1, t0=0, before_t0=lambda t: t)
    assert repr(d(0.0)) == "Array([0., 0.], dtype=float32)"
    assert repr(d(-0.5)) == "Array([-0.5, -0.5], dtype=float32)"
    try:
        d(0.1)
    except Exception as e:
        print(e)
    out = capsys.readouterr().out.splitlines()
    assert [line.rstrip() for line in out] == [
        "!!! Error in TimeDelay:",
        "The request time should be less than the current time 0. But we got 0.10000000149011612 > 0",
    ]
    t0 = 0.0
    example = bm.TimeDelay(bm.Variable(bm.zeros(10)), delay_len=1.0, t0=t0)
    assert example(t0 - 1.0).tolist() == [0.0] * 10 and example(t0 - 0.5).tolist() == [0.0] * 10


def test_time_delay_interpolation_against_history():
    hist = lambda t: bm.exp(-t) - 1  # noqa: E731
    lin = bm.TimeDelay(bm.zeros(1), 2.0, before_t0=hist, dt=0.01, interp_method="linear_interp")
    rnd = bm.TimeDelay(bm.zeros(1), 2.0, before_t0=hist, dt=0.01, interp_method="round")
    for t in [-0.013, -0.5, -1.234, -1.999]:
        exact = np.exp(-t) - 1
        assert abs(float(lin(t)[0]) - exact) < 0.01**2 * np.exp(2)  # O(dt^2) for linear interpolation
        assert abs(float(rnd(t)[0]) - exact) <= 0.005 * np.exp(2) + 1e-5  # O(dt) for rounding
    grid = float(rnd(-0.5)[0])
    assert abs(grid - (np.exp(0.5) - 1)) < 1e-5
    with pytest.raises(ValueError):
        bm.TimeDelay(bm.zeros(1), 1.0, interp_method="cubic")
    assert bm.FixedLenDelay is bm.TimeDelay and bm.NeutralDelay is bm.NeuTimeDelay


def test_time_delay_update_and_constant_history():
    d = bm.TimeDelay(bm.ones(2), 1.0, before_t0=-1.0, dt=0.25, interp_method="round")
    assert d.num_delay_step == 5
    assert d(-1.0).tolist() == [-1.0, -1.0] and d(0.0).tolist() == [1.0, 1.0]
    for k in range(1, 9):
        d.update(0.25 * k, bm.full(2, float(k)))
    assert float(d.current_time[0]) == 2.0
    assert [float(d(2.0 - 0.25 * j)[0]) for j in range(5)] == [8.0, 7.0, 6.0, 5.0, 4.0]
    assert d(1.75, indices=bm.asarray([1])).tolist() == [7.0]
    lin = bm.TimeDelay(bm.zeros(2), 1.0, dt=0.25)
    for k in range(1, 5):
        lin.update(0.25 * k, bm.full(2, float(k)))
    assert lin(0.875, indices=bm.asarray([1])).tolist() == [3.5]
    with pytest.raises(bm.DelayTimeError):
        d(0.5)  # older than delay_len
    d.reset(bm.zeros(2), t0=0.0, before_t0=2.0)
    assert d(0.0).tolist() == [0.0, 0.0] and d(-0.5).tolist() == [2.0, 2.0]


def test_time_delay_inside_jit_and_error():
    d = bm.TimeDelay(bm.zeros(2), delay_len=10, dt=1, t0=0, before_t0=lambda t: t)
    f = bm.jit(lambda t: d(t), dyn_vars=d.vars())
    assert f(-3.25).tolist() == [-3.25, -3.25]
    with pytest.raises(jax.errors.JaxRuntimeError, match="Error in TimeDelay"):
        jax.block_until_ready(f(1.0))
    assert set(d.vars("relative")) == {"data", "idx", "current_time"}


def test_time_check_can_be_turned_off_in_jit():
    d = bm.TimeDelay(bm.zeros(2), delay_len=10, dt=1, t0=0, before_t0=lambda t: t)
    bp.check.turn_off()
    try:
        f = bm.jit(lambda t: d(t), dyn_vars=d.vars())
        assert f(0.5).tolist() == [0.0, 0.0]  # clipped to the newest value, no host callback
    finally:
        bp.check.turn_on()
