"""DSRunner against a hand-written ``jax.lax.scan`` of the same update, and against ReportRunner.

Model: a population of N leaky integrate-and-fire neurons with heterogeneous constant input,
spikes monitored at every step. Printed:

* DSRunner / hand-written scan of the same update (1.0 = no runner overhead), both warm (compiled),
  and a minimal scan (V only) for reference;
* ReportRunner (per-step compiled calls in a Python loop) / DSRunner per step;
* a long monitored run (``--steps``, default 10^5, of ``--num`` = 10^4 neurons): wall time,
  host memory of the spike record (bool, T x N bytes) and the peak resident memory growth,
  showing that the history is streamed to host memory chunk by chunk.

Usage: python3 benchmarks/bench_runner.py [--steps 1000000] [--num 10000]
"""

from __future__ import annotations

import argparse
import resource
import time

import brainpy as bp
import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np

V_REST, V_RESET, V_TH, TAU, DT = 0.0, -5.0, 20.0, 10.0, 0.1


class LIFPop(bp.dyn.NeuGroup):
    def __init__(self, size, **kwargs):
        super().__init__(size, **kwargs)
        self.V = bm.Variable(bm.zeros(self.num))
        self.input = bm.Variable(bm.zeros(self.num))
        self.spike = bm.Variable(bm.zeros(self.num, dtype=bool))

    def update(self, _t, _dt):
        V = self.V + (-(self.V - V_REST) + self.input) / TAU * _dt
        self.spike.value = V >= V_TH
        self.V.value = bm.where(self.spike, V_RESET, V)
        self.input[:] = 0.0


def hand_scan(num: int, steps: int, current: jax.Array):
    """The same model and update as ``LIFPop`` under the runner: state V, input, spike; input += I, reset."""

    @jax.jit
    def run(V, I, S, ts):
        def body(carry, t):
            V, I, S = carry
            I = I + current
            V = V + (-(V - V_REST) + I) / TAU * DT
            S = V >= V_TH
            return (jnp.where(S, V_RESET, V), jnp.zeros_like(I), S), S

        return jax.lax.scan(body, (V, I, S), ts)

    args = (jnp.zeros(num), jnp.zeros(num), jnp.zeros(num, bool), jnp.arange(steps) * DT)
    return lambda: [np.asarray(x) for x in jax.tree_util.tree_leaves(jax.block_until_ready(run(*args)))]


def minimal_scan(num: int, steps: int, current: jax.Array):
    """The least work for the same trajectory: V carried alone, the input folded in."""

    @jax.jit
    def run(V):
        def body(V, _):
            V = V + (-(V - V_REST) + current) / TAU * DT
            spike = V >= V_TH
            return jnp.where(spike, V_RESET, V), spike

        return jax.lax.scan(body, V, None, length=steps)

    return lambda: [np.asarray(x) for x in jax.block_until_ready(run(jnp.zeros(num)))]


def best_of(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--num", type=int, default=10_000)
    args = parser.parse_args()

    num, steps = 4000, 5000
    current = jnp.linspace(15.0, 30.0, num)
    pop = LIFPop(num)
    runner = bp.dyn.DSRunner(pop, monitors=["spike"], inputs=("input", current), dt=DT, progress_bar=False)
    runner.run(steps * DT)  # compile
    t_runner = best_of(lambda: runner.run(steps * DT))
    scan = hand_scan(num, steps, current)
    scan()
    t_scan = best_of(scan)
    mini = minimal_scan(num, steps, current)
    mini()
    t_mini = best_of(mini)
    report_steps = 500
    report = bp.dyn.ReportRunner(
        pop, monitors=["spike"], inputs=("input", current), dt=DT, jit=True, progress_bar=False
    )
    report.run(report_steps * DT)
    t_report = best_of(lambda: report.run(report_steps * DT), repeat=1)
    per_runner = t_runner / steps
    print(f"N={num}, {steps} steps, spikes monitored")
    print(f"  minimal lax.scan      : {t_mini / steps * 1e6:8.2f} us/step   (V only, input folded in)")
    print(f"  hand-written lax.scan : {t_scan / steps * 1e6:8.2f} us/step   (the same update as the model)")
    print(f"  DSRunner              : {per_runner * 1e6:8.2f} us/step   ratio DSRunner/scan = {t_runner / t_scan:.2f}")
    print(
        f"  ReportRunner (jit)    : {t_report / report_steps * 1e6:8.2f} us/step   "
        f"ratio ReportRunner/DSRunner = {t_report / report_steps / per_runner:.1f}"
    )

    bp.clear_name_cache()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    big = LIFPop(args.num)
    runner = bp.dyn.DSRunner(
        big, monitors=["spike"], inputs=("input", jnp.linspace(15.0, 30.0, args.num)), dt=DT, progress_bar=False
    )
    t0 = time.perf_counter()
    runner.run(args.steps * DT)
    elapsed = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    record = runner.mon.spike
    print(
        f"long run: N={args.num}, {args.steps} steps in {elapsed:.1f} s "
        f"({elapsed / args.steps * 1e6:.1f} us/step); spike record {record.dtype} {record.shape} = "
        f"{record.nbytes / 2**30:.2f} GiB; peak RSS grew by {rss1 - rss0:.2f} GiB "
        f"(ratio to the record: {(rss1 - rss0) / (record.nbytes / 2**30):.2f}); "
        f"{int(record.sum())} spikes"
    )


if __name__ == "__main__":
    main()
