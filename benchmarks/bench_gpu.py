"""GPU figures (run where JAX sees a GPU; elsewhere it says so and exits): the event-driven operator
and the quickstart E-I network at large sizes.

1. ``bm.pre2post_event_sum`` on the GPU: the XLA reference (gather/scatter over every synapse),
   another XLA formulation (prefix-sum activity mask), brainpy-ops' Pallas kernel (work only on
   spiking rows) and a dense ``spikes @ W`` product, inside a compiled loop (same set-up as
   ``bench_ops.py``), at N = 4,000, 40,000 and 400,000, fan-out 80, 0.1-1 % spikes per step.
2. The E-I network of ``bench_ei.py`` (p = 80/N) at N = 10^4, 10^5 and 10^6 for 100 ms of network
   time, with each event_sum backend (Pallas, then the XLA reference), built anew for each: build,
   compile (first run minus a warm one) and warm run time; firing rates where the spikes are
   monitored (N <= 10^5; at 10^6 the record would be 0.8 GB per 100 ms, so it is not kept).

Run: ``python3 benchmarks/bench_gpu.py [--sizes 10000 100000 1000000]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _xla_cumsum_event_sum(events, pre2post, post_num, values):
    """An alternative XLA formulation, measured for comparison: each synapse's activity is a prefix
    sum of +e_i at its row start and -e_i at its row end (O(synapses), no search)."""
    import jax.numpy as jnp

    indices, indptr = pre2post
    nnz = indices.shape[0]
    ev = events.astype(jnp.int32)
    delta = jnp.zeros(nnz + 1, jnp.int32).at[indptr[:-1]].add(ev).at[indptr[1:]].add(-ev)
    active = jnp.cumsum(delta[:-1]) > 0
    contrib = jnp.where(active, jnp.broadcast_to(jnp.asarray(values, jnp.float32), (nnz,)), 0.0)
    return jnp.zeros(post_num, jnp.float32).at[indices].add(contrib, mode="drop")


def _forced(backend: str):
    import brainpy.math as bm

    def op(s, i, p, n):
        bm.set_op_backend("pre2post_event_sum", backend)
        try:
            return bm.pre2post_event_sum(s, (i, p), n, 0.5)
        finally:
            bm.set_op_backend("pre2post_event_sum", None)

    return op


def ops() -> None:
    """event_sum on the GPU: the XLA reference (backend 'jax'), another XLA formulation (prefix sum),
    brainpy-ops' Pallas kernel (backend 'pallas') and a dense product, in us per step."""
    import brainpy.math as bm
    import jax.numpy as jnp
    import numpy as np
    from bench_ops import make_loop, network, timed

    print("event_sum backend chosen on this platform:", bm.get_op_backend("pre2post_event_sum"))
    rng = np.random.default_rng(42)
    head = f"{'N':>7} {'p':>6} {'reference':>10} {'xla_cumsum':>10} {'pallas':>9} {'dense':>9}"
    print(head + f" {'ref/pallas':>10} {'cumsum/pallas':>13} {'dense/pallas':>12}   (us/step, GPU)")
    for n, steps in ((4_000, 10_000), (40_000, 10_000), (400_000, 1_000)):
        indices, indptr = network(n, rng)
        ref = make_loop(lambda s, i, p, n=n: _forced("jax")(s, i, p, n), n, steps)
        alt = make_loop(lambda s, i, p, n=n: _xla_cumsum_event_sum(s, (i, p), n, 0.5), n, steps)
        pal = make_loop(lambda s, i, p, n=n: _forced("pallas")(s, i, p, n), n, steps)
        dense = None
        if n <= 4_000:
            W = jnp.zeros((n, n), jnp.float32).at[jnp.repeat(jnp.arange(n), 80), indices].add(1.0)
            dense = make_loop(lambda s, w: 0.5 * (s.astype(jnp.float32) @ w), n, steps)
        for p in (0.001, 0.005, 0.01):
            patterns = jnp.asarray(rng.random((64, n)) < p)
            t_ref, s_ref = timed(ref, patterns, (indices, indptr), 3)
            t_alt, s_alt = timed(alt, patterns, (indices, indptr), 3)
            try:
                t_pal, s_pal = timed(pal, patterns, (indices, indptr), 3)
            except Exception as exc:  # report and go on with the other columns
                print(f"pallas failed: {type(exc).__name__}: {str(exc)[:2000]}", flush=True)
                t_pal, s_pal = float("nan"), s_ref
            assert np.isclose(s_ref, s_alt, rtol=1e-3) and np.isclose(s_ref, s_pal, rtol=1e-3), (s_ref, s_alt, s_pal)
            us = 1e6 / steps
            t_dense = float("nan")
            if dense is not None:
                t_dense, s_dense = timed(dense, patterns, (W,), 3)
                assert np.isclose(s_ref, s_dense, rtol=1e-3), (s_ref, s_dense)
            print(
                f"{n:>7} {p:>6.3f} {t_ref * us:10.2f} {t_alt * us:10.2f} {t_pal * us:9.2f} {t_dense * us:9.2f}"
                f" {t_ref / t_pal:10.2f} {t_alt / t_pal:13.2f} {t_dense / t_pal:12.2f}",
                flush=True,
            )


def ei(num: int, duration: float, backends: list[str]) -> None:
    for backend in backends:
        try:
            _ei_one(num, duration, backend)
        except Exception as exc:  # report and go on with the next backend
            print(f"{num:>8} {backend:>9} failed: {type(exc).__name__}: {str(exc)[:1000]}", flush=True)


def _ei_one(num: int, duration: float, backend: str) -> None:
    import brainpy as bp
    import brainpy.math as bm
    import numpy as np
    from bench_ei import build

    monitors = ["E.spike", "I.spike"] if num <= 100_000 else []
    # a new network per backend: a new runner's clock starts at 0 (as in BrainPy 2.1), which an
    # already-run network's last-spike times would read as refractory
    bm.random.seed(42)
    t0 = time.perf_counter()
    net = build(num, 42)
    t_build = time.perf_counter() - t0
    bm.set_op_backend("pre2post_event_sum", backend)
    try:
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
    finally:
        bm.set_op_backend("pre2post_event_sum", None)
    run = statistics.median(runs)
    print(f"{num:>8} {backend:>9} {t_build:8.2f} {t_first - run:10.2f} {run:8.3f} {rates}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--duration", type=float, default=100.0)
    parser.add_argument("--backends", nargs="+", default=["pallas", "jax"])
    parser.add_argument("--skip-ops", action="store_true")
    args = parser.parse_args()
    import jax

    if jax.default_backend() != "gpu":
        print(f"no GPU (JAX backend {jax.default_backend()!r}): nothing to measure here")
        return
    print(f"jax {jax.__version__} on {jax.devices()[0].device_kind}")
    if not args.skip_ops:
        ops()
    print(f"\nE-I network, p = 80/N, {args.duration:g} ms per run (built and run once per event_sum backend)")
    print(f"{'N':>8} {'backend':>9} {'build s':>8} {'compile s':>10} {'run s':>8} {'E Hz':>6} {'I Hz':>6}")
    for num in args.sizes:
        ei(num, args.duration, args.backends)


if __name__ == "__main__":
    main()
