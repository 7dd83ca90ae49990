"""GPU figures (run where JAX sees a GPU; elsewhere it says so and exits): the event-driven operator
and the quickstart E-I network at large sizes.

1. ``bm.pre2post_event_sum`` on the GPU (the XLA gather/scatter reference: brainpy-ops' native
   kernels are CPU-only) against a dense ``spikes @ W`` product, inside a compiled 10,000-step loop
   (same set-up as ``bench_ops.py``), at N = 4,000 and 40,000, fan-out 80, 0.1-1 % spikes per step.
2. The E-I network of ``bench_ei.py`` (p = 80/N) at N = 10^4, 10^5 and 10^6 for 100 ms of network
   time: build, compile (first run minus a warm one) and warm run time; firing rates where the spikes
   are monitored (N <= 10^5; at 10^6 the record would be 0.8 GB per 100 ms, so it is not kept).

Run: ``python3 benchmarks/bench_gpu.py [--sizes 10000 100000 1000000]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def ops() -> None:
    import brainpy.math as bm
    import jax.numpy as jnp
    import numpy as np
    from bench_ops import make_loop, network, timed

    rng = np.random.default_rng(42)
    print(f"{'N':>6} {'p':>6} {'event_sum':>10} {'dense':>9} {'dense/event':>12}   (us/step, GPU)")
    for n in (4_000, 40_000):
        indices, indptr = network(n, rng)
        ref = make_loop(lambda s, i, p, n=n: bm.pre2post_event_sum(s, (i, p), n, 0.5), n, 10_000)
        dense = None
        if n <= 4_000:
            W = jnp.zeros((n, n), jnp.float32).at[jnp.repeat(jnp.arange(n), 80), indices].add(1.0)
            dense = make_loop(lambda s, w: 0.5 * (s.astype(jnp.float32) @ w), n, 10_000)
        for p in (0.001, 0.005, 0.01):
            patterns = jnp.asarray(rng.random((64, n)) < p)
            t_ref, s_ref = timed(ref, patterns, (indices, indptr), 3)
            line = f"{n:>6} {p:>6.3f} {t_ref / 1e4 * 1e6:10.2f}"
            if dense is not None:
                t_dense, s_dense = timed(dense, patterns, (W,), 3)
                assert np.isclose(s_ref, s_dense, rtol=1e-3), (s_ref, s_dense)
                line += f" {t_dense / 1e4 * 1e6:9.2f} {t_dense / t_ref:12.2f}"
            print(line, flush=True)


def ei(num: int, duration: float) -> None:
    import brainpy as bp
    import brainpy.math as bm
    import numpy as np
    from bench_ei import build

    bm.random.seed(42)
    t0 = time.perf_counter()
    net = build(num, 42)
    t_build = time.perf_counter() - t0
    monitors = ["E.spike", "I.spike"] if num <= 100_000 else []
    runner = bp.dyn.DSRunner(
        net, monitors=monitors, inputs=[("E.input", 20.0), ("I.input", 20.0)], dt=0.1, progress_bar=False
    )
    t0 = time.perf_counter()
    runner.run(duration)
    t_first = time.perf_counter() - t0
    rates = ""
    if monitors:
        r = [np.asarray(runner.mon[f"{pop}.spike"]).mean() * 1e4 for pop in ("E", "I")]
        rates = f"{r[0]:6.1f} {r[1]:6.1f}"
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        runner.run(duration)
        runs.append(time.perf_counter() - t0)
    run = statistics.median(runs)
    print(f"{num:>8} {t_build:8.2f} {t_first - run:10.2f} {run:8.3f} {rates}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--duration", type=float, default=100.0)
    args = parser.parse_args()
    import jax

    if jax.default_backend() != "gpu":
        print(f"no GPU (JAX backend {jax.default_backend()!r}): nothing to measure here")
        return
    print(f"jax {jax.__version__} on {jax.devices()[0].device_kind}")
    ops()
    print(f"\nE-I network, p = 80/N, {args.duration:g} ms per run (reference event_sum on the GPU)")
    print(f"{'N':>8} {'build s':>8} {'compile s':>10} {'run s':>8} {'E Hz':>6} {'I Hz':>6}")
    for num in args.sizes:
        ei(num, args.duration)


if __name__ == "__main__":
    main()
