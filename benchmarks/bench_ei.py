"""The E-I balanced network (COBA benchmark of Brette et al. 2007, spec quickstart) at several sizes.

N = 4000 neurons by default (80 % excitatory LIF, 20 % inhibitory), four ``bp.dyn.ExpCOBA``
projections with ``FixedProb(80 / N)`` (80 synapses per neuron on average, whatever N), constant
input 20, dt = 0.1 ms, 1 s of biological time (10^4 steps) with both populations' spikes monitored,
as the spec's quickstart does. Printed per size:

* build time: creating the neurons, the connections and the synapses (wall, s);
* compile time: the first ``runner.run`` minus a warm one (tracing + XLA compilation, s);
* run time: the median of 3 warm runs of 1 s biological time (s), and the ratio to real time;
* the mean firing rates of E and I (Hz), as a check that the network is in its usual regime.

The synapses use the event-driven kernel (``bm.pre2post_event_sum``), served by brainpy-ops'
native backend when installed; ``--backend jax`` forces the pure-JAX reference for comparison.

Usage: python3 benchmarks/bench_ei.py [--sizes 4000 16000] [--duration 1000] [--backend jax]
"""

from __future__ import annotations

import argparse
import statistics
import time

import brainpy as bp
import brainpy.math as bm
import numpy as np

DT = 0.1


def build(num: int) -> bp.dyn.Network:
    """The quickstart network with ``num`` neurons and connection probability 80 / num."""
    num_exc, num_inh = int(num * 0.8), num - int(num * 0.8)
    prob = 80.0 / num
    pars = dict(V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0, method="exp_auto")
    E = bp.dyn.LIF(num_exc, **pars)
    I = bp.dyn.LIF(num_inh, **pars)
    E.V[:] = bm.random.randn(num_exc) * 2 - 60.0
    I.V[:] = bm.random.randn(num_inh) * 2 - 60.0
    exc = dict(E=0.0, g_max=0.6, tau=5.0, method="exp_auto")
    inh = dict(E=-80.0, g_max=6.7, tau=10.0, method="exp_auto")
    E2E = bp.dyn.ExpCOBA(E, E, bp.conn.FixedProb(prob=prob), **exc)
    E2I = bp.dyn.ExpCOBA(E, I, bp.conn.FixedProb(prob=prob), **exc)
    I2E = bp.dyn.ExpCOBA(I, E, bp.conn.FixedProb(prob=prob), **inh)
    I2I = bp.dyn.ExpCOBA(I, I, bp.conn.FixedProb(prob=prob), **inh)
    return bp.dyn.Network(E2E, E2I, I2E, I2I, E=E, I=I)


def bench(num: int, duration: float) -> dict[str, float]:
    bm.random.seed(42)
    t0 = time.perf_counter()
    net = build(num)
    t_build = time.perf_counter() - t0
    runner = bp.dyn.DSRunner(
        net, monitors=["E.spike", "I.spike"], inputs=[("E.input", 20.0), ("I.input", 20.0)], dt=DT, progress_bar=False
    )
    t0 = time.perf_counter()
    runner.run(duration)
    t_first = time.perf_counter() - t0
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        runner.run(duration)
        runs.append(time.perf_counter() - t0)
    t_run = statistics.median(runs)
    rates = {}
    for pop in ("E", "I"):
        spikes = np.asarray(runner.mon[f"{pop}.spike"])
        rates[pop] = spikes.sum() / spikes.shape[1] / (duration / 1000.0)
    return dict(build=t_build, compile=t_first - t_run, run=t_run, rate_E=rates["E"], rate_I=rates["I"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 16000])
    parser.add_argument("--duration", type=float, default=1000.0, help="biological time per run (ms)")
    parser.add_argument("--backend", default=None, help="force the backend of pre2post_event_sum (e.g. jax)")
    args = parser.parse_args()
    if args.backend:
        bm.set_op_backend("pre2post_event_sum", args.backend)
    from brainpy.math._op_dispatch import get_op_backend

    print(
        f"E-I COBA network, p = 80/N, dt = {DT} ms, {args.duration:g} ms per run, "
        f"pre2post_event_sum backend: {get_op_backend('pre2post_event_sum')}"
    )
    print(f"{'N':>7} {'build s':>8} {'compile s':>10} {'run s':>8} {'x real time':>12} {'E Hz':>6} {'I Hz':>6}")
    for num in args.sizes:
        r = bench(num, args.duration)
        print(
            f"{num:>7} {r['build']:8.2f} {r['compile']:10.2f} {r['run']:8.3f} "
            f"{r['run'] / (args.duration / 1000.0):12.2f} {r['rate_E']:6.1f} {r['rate_I']:6.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
