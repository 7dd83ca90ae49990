"""The example plugin's DDE method (its Nystrom3 tableau), used through ``bp.ddeint`` only."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np


def test_registered_as_a_dde_method() -> None:
    registry = bp.plugins.get_registry("dde_methods")
    assert registry.origin("nystrom3").distribution == "brainpy-plugin-example"
    assert "nystrom3" in bp.integrators.get_supported_dde_methods()


def _solve(method: str, dt: float, duration: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
    """y'(t) = -y(t - 1), y = 1 on [-1, 0]."""
    delay = bm.TimeDelay(bm.ones(1), 1.0, before_t0=1.0, dt=dt)
    integral = bp.ddeint(lambda x, t, xdelay: -xdelay(t - 1.0), method=method, state_delays={"x": delay}, dt=dt)
    runner = bp.integrators.IntegratorRunner(
        integral, args={"xdelay": delay}, inits=[1.0], monitors=["x"], dt=dt, progress_bar=False
    )
    runner.run(duration)
    return np.asarray(runner.mon.ts), np.asarray(runner.mon.x[:, 0], dtype=float)


def method_of_steps(t: np.ndarray) -> np.ndarray:
    """x = 1 - t on [0, 1]; x = -(t - 1) + (t - 1)^2 / 2 on [1, 2] (so x(1) = 0, x(2) = -0.5)."""
    s = t - 1.0
    return np.where(t <= 1.0, 1.0 - t, -s + s * s / 2)


def test_matches_the_method_of_steps() -> None:
    ts, x = _solve("nystrom3", 0.1)
    assert abs(ts[-1] - 2.0) < 1e-6
    # the solution is piecewise quadratic and its history is interpolated linearly, exactly:
    # a third-order method reproduces it up to round-off, Euler does not
    np.testing.assert_allclose(x, method_of_steps(ts), atol=2e-6)
    assert abs(x[-1] + 0.5) < 2e-6
    _, x_euler = _solve("euler", 0.1)
    assert abs(x_euler[-1] + 0.55) < 1e-5
