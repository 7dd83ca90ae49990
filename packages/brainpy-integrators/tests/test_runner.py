"""IntegratorRunner and the spec's ODE tutorial cells (FHN, HH, exponential Euler; L3894-4148)."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import MonitorError, RunningError
from scipy.integrate import solve_ivp

Iext = 10.0
ENa, EK, EL = 50.0, -77.0, -54.387
C, gNa, gK, gL = 1.0, 120.0, 36.0, 0.03


def dm(m, t, V):
    alpha = 0.1 * (V + 40) / (1 - bm.exp(-(V + 40) / 10))
    beta = 4.0 * bm.exp(-(V + 65) / 18)
    return alpha * (1 - m) - beta * m


def dh(h, t, V):
    alpha = 0.07 * bm.exp(-(V + 65) / 20.0)
    beta = 1 / (1 + bm.exp(-(V + 35) / 10))
    return alpha * (1 - h) - beta * h


def dn(n, t, V):
    alpha = 0.01 * (V + 55) / (1 - bm.exp(-(V + 55) / 10))
    beta = 0.125 * bm.exp(-(V + 65) / 80)
    return alpha * (1 - n) - beta * n


def dV(V, t, m, h, n, Iext):
    I_Na = (gNa * m**3.0 * h) * (V - ENa)
    I_K = (gK * n**4.0) * (V - EK)
    I_leak = gL * (V - EL)
    return (-I_Na - I_K - I_leak + Iext) / C


def _hh_reference(t_end: float = 100.0) -> tuple[np.ndarray, np.ndarray]:
    def rhs_np(t, s):
        V, m, h, n = s
        am, bm_ = 0.1 * (V + 40) / (1 - np.exp(-(V + 40) / 10)), 4.0 * np.exp(-(V + 65) / 18)
        ah, bh = 0.07 * np.exp(-(V + 65) / 20.0), 1 / (1 + np.exp(-(V + 35) / 10))
        an, bn = 0.01 * (V + 55) / (1 - np.exp(-(V + 55) / 10)), 0.125 * np.exp(-(V + 65) / 80)
        dv = (-(gNa * m**3 * h) * (V - ENa) - (gK * n**4) * (V - EK) - gL * (V - EL) + Iext) / C
        return [dv, am * (1 - m) - bm_ * m, ah * (1 - h) - bh * h, an * (1 - n) - bn * n]

    sol = solve_ivp(rhs_np, (0, t_end), [0.0, 0.0, 0.0, 0.0], rtol=1e-10, atol=1e-10, dense_output=True, method="LSODA")
    ts = np.arange(0, t_end, 0.01)
    return ts, sol.sol(ts)[0]


def _spike_times(ts: np.ndarray, v: np.ndarray) -> np.ndarray:
    v = np.ravel(v)
    up = np.where((v[:-1] < 0) & (v[1:] >= 0))[0]
    return ts[up]


def _run(method: str, dt: float) -> bp.integrators.MonitorData:
    # the spec's run() helper (L4124-4141) without the plotting
    integral = bp.odeint(bp.JointEq([dV, dm, dh, dn]), method=method)
    runner = bp.integrators.IntegratorRunner(
        integral, monitors=list("Vmhn"), inits=[0.0, 0.0, 0.0, 0.0], args=dict(Iext=Iext), dt=dt, progress_bar=False
    )
    runner.run(100.0)
    return runner.mon


@pytest.mark.spec
def test_hh_exponential_euler_is_accurate_at_dt_02_where_euler_fails() -> None:
    ts, v_ref = _hh_reference()
    ref_isi = np.mean(np.diff(_spike_times(ts, v_ref)))
    # Euler (and RK4) blow up at dt = 0.2 ms, as the spec shows
    assert not np.all(np.isfinite(_run("euler", 0.2).V))
    assert not np.all(np.isfinite(_run("rk4", 0.2).V))
    # exponential Euler stays on the limit cycle: bounded spikes, period within 10 %,
    # and the period error shrinks with first order
    errors = []
    for dt in (0.2, 0.1):
        mon = _run("exp_euler", dt)
        assert np.all(np.isfinite(mon.V)) and 25 < np.max(mon.V) < 45
        spikes = _spike_times(mon.ts, mon.V)
        assert len(spikes) >= 5
        errors.append(abs(np.mean(np.diff(spikes)) - ref_isi))
    assert errors[0] < 0.1 * ref_isi
    assert 1.5 < errors[0] / errors[1] < 2.7
    # Euler needs dt = 0.02 ms for the same accuracy (spec L4142-4144)
    mon = _run("euler", 0.02)
    assert abs(np.mean(np.diff(_spike_times(mon.ts, mon.V))) - ref_isi) < 0.1 * ref_isi


@pytest.mark.spec
def test_fhn_runner_matches_the_python_loop_of_the_spec() -> None:
    @bp.odeint(dt=0.01)
    def integral(V, w, t, Iext, a, b, tau):
        dw = (V + a - b * w) / tau
        dV = V - V * V * V / 3 - w + Iext
        return dV, dw

    a, b, tau, Iext = 0.7, 0.8, 12.5, 1.0
    hist_times = bm.arange(0, 1, 0.01)
    hist_V = []
    V, w = 0.0, 0.0
    for t in hist_times:
        V, w = integral(V, w, t, Iext, a, b, tau)
        hist_V.append(V)
    runner = bp.integrators.IntegratorRunner(
        integral, monitors=["V"], inits=dict(V=0.0, w=0.0), args=dict(a=a, b=b, tau=tau, Iext=Iext), dt=0.01
    )
    runner.run(100.0)
    assert runner.mon.ts.shape == (10000,) and runner.mon.V.shape == (10000, 1)
    assert np.allclose(runner.mon.V[:100, 0], np.array(hist_V, dtype=float), atol=1e-5)
    assert abs(runner.mon.ts[0] - 0.01) < 1e-6
    # the run continues where it stopped
    runner.run(1.0)
    assert abs(runner.mon.ts[0] - 100.01) < 1e-4


@pytest.mark.spec
def test_hh_rk4_spec_cell() -> None:
    @bp.odeint(method="rk4", dt=0.01)
    def integral(V, m, h, n, t, Iext, gNa, ENa, gK, EK, gL, EL, C):
        return dV(V, t, m, h, n, Iext), dm(m, t, V), dh(h, t, V), dn(n, t, V)

    runner = bp.integrators.IntegratorRunner(
        integral,
        monitors=list("Vmhn"),
        inits=[0.0, 0.0, 0.0, 0.0],
        args=dict(Iext=Iext, gNa=gNa, ENa=ENa, gK=gK, EK=EK, gL=gL, EL=EL, C=C),
        dt=0.01,
        progress_bar=False,
    )
    runner.run(20.0)
    ts, v_ref = _hh_reference(20.0)
    assert runner.mon.m.shape == (2000, 1)
    # mon.ts = t + dt: the monitored value i belongs to time (i + 1) dt
    assert np.max(np.abs(runner.mon.V[:-1, 0] - v_ref[1:])) < 0.05  # rk4 at dt = 0.01 agrees with LSODA


def test_dyn_args_fun_monitors_and_errors() -> None:
    itg = bp.odeint(lambda x, t, I: -x + I, method="exp_auto", dt=0.1)
    inputs = np.concatenate([np.zeros(10), np.ones(10)])
    runner = bp.integrators.IntegratorRunner(
        itg,
        monitors=["x"],
        inits=[0.0],
        dyn_args={"I": inputs},
        fun_monitors={"t2": lambda t, dt: t * 2},
        jit=False,
        progress_bar=False,
    )
    runner.run(2.0)
    assert np.allclose(runner.mon.x[:10], 0.0)
    assert abs(runner.mon.x[-1, 0] - (1 - np.exp(-1.0))) < 1e-5
    assert np.allclose(runner.mon.t2, 2 * runner.mon.ts)
    with pytest.raises(MonitorError, match="Cannot monitor"):
        bp.integrators.IntegratorRunner(itg, monitors=["y"])
    with pytest.raises(RunningError, match="parameters"):
        bp.integrators.IntegratorRunner(itg, args={"J": 1.0})
    with pytest.raises(RunningError, match="dyn_args hold"):
        runner.run(5.0)
    with pytest.raises(RunningError, match="integrator"):
        bp.integrators.IntegratorRunner(lambda x, t: x)
