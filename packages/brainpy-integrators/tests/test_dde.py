"""Delay equations through state_delays / neutral_delays (spec L4441-4761)."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest


def delay_odeint(
    duration, eq, args=None, inits=None, state_delays=None, neutral_delays=None, monitors=("x",), method="euler", dt=0.1
):
    # the spec's helper (L4480-4495), with the progress bar off for the tests
    dde = bp.odeint(eq, state_delays=state_delays, neutral_delays=neutral_delays, method=method)
    runner = bp.integrators.IntegratorRunner(dde, args=args, monitors=monitors, dt=dt, inits=inits, progress_bar=False)
    runner.run(duration)
    return runner.mon


def _at(mon, t: float) -> float:
    return float(mon.x[int(np.argmin(np.abs(mon.ts - t)))].ravel()[0])


@pytest.mark.spec
def test_constant_history_example_gives_the_published_values() -> None:
    """y'(t) = -y(t-1): with history -1 Euler gives x(2) = 0.55 (exact 0.5); history +1 the mirror."""

    def equation(x, t, xdelay):
        return -xdelay(t - 1)

    case1_delay = bm.TimeDelay(bm.zeros((1,)), 1.0, before_t0=-1.0, interp_method="round")
    case2_delay = bm.TimeDelay(bm.zeros((1,)), 1.0, before_t0=0.0, interp_method="round")
    case3_delay = bm.TimeDelay(bm.zeros((1,)), 1.0, before_t0=1.0, interp_method="round")
    case1 = delay_odeint(20.0, equation, args={"xdelay": case1_delay}, state_delays={"x": case1_delay})
    case2 = delay_odeint(20.0, equation, args={"xdelay": case2_delay}, state_delays={"x": case2_delay})
    case3 = delay_odeint(20.0, equation, args={"xdelay": case3_delay}, state_delays={"x": case3_delay})
    assert case1.x.shape == (200, 1)
    assert abs(_at(case1, 1.0) - 1.0) < 1e-5 and abs(_at(case1, 2.0) - 0.55) < 1e-5
    assert abs(_at(case3, 2.0) + 0.55) < 1e-5
    assert np.allclose(case2.x, 0.0)
    # a finer step approaches the exact value 0.5 with first order
    d = bm.TimeDelay(bm.zeros((1,)), 1.0, before_t0=-1.0, dt=0.01, interp_method="round")
    fine = delay_odeint(2.0, equation, args={"xdelay": d}, state_delays={"x": d}, dt=0.01)
    assert abs(_at(fine, 2.0) - 0.505) < 1e-4


@pytest.mark.spec
def test_non_constant_history_and_rk4_agree_with_the_method_of_steps() -> None:
    """y'(t) = -y(t-2), history e^{-t} - 1 on [0, 2]: y(t) = y(0) + int_0^t (1 - e^{-(s-2)}) ds, y(0) = 0."""

    def eq(x, t, xdelay):
        return -xdelay(t - 2)

    delay = bm.TimeDelay(bm.zeros(1), 2.0, before_t0=lambda t: bm.exp(-t) - 1, dt=0.01)
    mon = delay_odeint(2.0, eq, args={"xdelay": delay}, state_delays={"x": delay}, dt=0.01, method="rk4")
    exact = 2.0 + np.exp(2.0) * (np.exp(-2.0) - 1.0)  # int_0^2 (1 - e^{2-s}) ds
    assert abs(_at(mon, 2.0) - exact) < 2e-3


@pytest.mark.spec
def test_system_and_second_order_examples_run() -> None:
    def eq(x, y, t):
        return x * ydelay(t - 0.5), y * xdelay(t - 0.5)

    xdelay = bm.TimeDelay(bm.ones(1), 0.5, before_t0=1.0, dt=0.01, interp_method="round")
    ydelay = bm.TimeDelay(-bm.ones(1), 0.5, before_t0=-1.0, dt=0.01, interp_method="round")
    mon = delay_odeint(3.0, eq, inits=[1.0, -1], state_delays={"x": xdelay, "y": ydelay}, dt=0.01, monitors=["x", "y"])
    # on [0, 0.5]: x' = -x, y' = -y exactly
    assert abs(_at(mon, 0.5) - np.exp(-0.5)) < 5e-3 and mon.y.shape == (300, 1)

    def eq2(x, y, t):
        return y, -y - 2 * x - 0.5 * xdelay2(t - 1)

    xdelay2 = bm.TimeDelay(bm.ones(1), 1.0, before_t0=1.0, dt=0.01, interp_method="round")
    mon = delay_odeint(16.0, eq2, inits=[1.0, 0.0], state_delays={"x": xdelay2}, monitors=["x", "y"], dt=0.01)
    assert np.all(np.isfinite(mon.x)) and np.max(np.abs(mon.x[-200:])) < 1.0  # damped


@pytest.mark.spec
def test_delay_sde_and_delay_fde_examples_run() -> None:
    delay = bm.TimeDelay(bm.zeros(1), 2.0, before_t0=lambda t: bm.exp(-t) - 1, dt=0.01, interp_method="round")
    f = lambda x, t, xdelay: -xdelay(t - 2)  # noqa: E731
    g = lambda x, t, *args: 0.01  # noqa: E731
    integral = bp.sdeint(f, g, state_delays={"x": delay})
    runner = bp.integrators.IntegratorRunner(
        integral, monitors=["x"], args={"xdelay": delay}, dt=0.01, progress_bar=False
    )
    runner.run(5.0)
    assert runner.mon.x.shape == (500, 1) and np.all(np.isfinite(runner.mon.x))

    dt = 0.05
    delay = bm.TimeDelay(bm.asarray([19.00001]), 0.74, before_t0=19.0, dt=dt)
    f = lambda y, t: 3.5 * y * (1 - delay(t - 0.74) / 19)  # noqa: E731
    integral = bp.fde.GLShortMemory(f, alpha=0.97, inits=[19.00001], num_step=500, state_delays={"y": delay})
    runner = bp.integrators.IntegratorRunner(
        integral,
        inits=bm.asarray([19.00001]),
        monitors=["y"],
        fun_monitors={"y(t-0.74)": lambda t, _: delay(t - 0.74)},
        dyn_vars=delay.vars(),
        dt=dt,
        progress_bar=False,
    )
    runner.run(20.0)
    y, lagged = runner.mon["y"], runner.mon["y(t-0.74)"]
    assert y.shape == lagged.shape == (400, 1)
    lag = int(round(0.74 / dt))
    assert np.allclose(lagged[lag + 5 :], y[5:-lag], atol=0.5 * np.max(np.abs(np.diff(y[:, 0]))) + 1e-3)
    assert np.ptp(y) > 0.1  # the equilibrium 19 is unstable: the population starts to oscillate
