"""Benchmark: the Lorenz system with RK4 for 10^6 steps inside ``bp.integrators.IntegratorRunner``,
against a hand-written ``jax.lax.scan`` of the same scheme (same monitors), measured in the same run.

Run: ``python3 benchmarks/bench_integrators.py [n_steps]``. Prints the time per step of each and
their ratio (target <= 1.1). Compilation is excluded (each variant runs once to warm up).
"""

from __future__ import annotations

import sys
import time

import brainpy as bp
import jax
import jax.numpy as jnp
import numpy as np

SIGMA, BETA, RHO = 10.0, 8.0 / 3.0, 28.0
DT = 0.001


def lorenz(x, y, z, t):
    return SIGMA * (y - x), x * (RHO - z) - y, x * y - BETA * z


def hand_written(n: int) -> tuple[float, np.ndarray]:
    def f(s):
        x, y, z = s
        return jnp.stack([SIGMA * (y - x), x * (RHO - z) - y, x * y - BETA * z])

    @jax.jit
    def run(s0):
        def body(s, _):
            k1 = f(s)
            k2 = f(s + 0.5 * DT * k1)
            k3 = f(s + 0.5 * DT * k2)
            k4 = f(s + DT * k3)
            s = s + DT * (k1 / 6 + k2 / 3 + k3 / 3 + k4 / 6)
            return s, s

        return jax.lax.scan(body, s0, None, length=n)[1]

    s0 = jnp.ones(3)
    run(s0).block_until_ready()
    start = time.perf_counter()
    out = run(s0).block_until_ready()
    return time.perf_counter() - start, np.asarray(out)


def with_runner(n: int, progress_bar: bool) -> tuple[float, np.ndarray]:
    integral = bp.odeint(lorenz, method="rk4", dt=DT)
    runner = bp.integrators.IntegratorRunner(
        integral, monitors=["x", "y", "z"], inits=[1.0, 1.0, 1.0], dt=DT, progress_bar=progress_bar
    )
    runner.run(n * DT)  # compile
    start = time.perf_counter()
    runner.run(n * DT)
    elapsed = time.perf_counter() - start
    return elapsed, np.asarray(runner.mon.x)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    base, ref = hand_written(n)
    plain, _ = with_runner(n, progress_bar=False)
    chunked, _ = with_runner(n, progress_bar=True)
    print(f"Lorenz, RK4, {n} steps (dt={DT}), float32, {jax.default_backend()}")
    print(f"  hand-written lax.scan             : {base:.3f} s  ({base / n * 1e9:.0f} ns/step)")
    print(
        f"  IntegratorRunner                  : {plain:.3f} s  ({plain / n * 1e9:.0f} ns/step)  "
        f"ratio {plain / base:.2f}"
    )
    print(
        f"  IntegratorRunner + progress bar   : {chunked:.3f} s  ({chunked / n * 1e9:.0f} ns/step)  "
        f"ratio {chunked / base:.2f}"
    )


if __name__ == "__main__":
    main()
