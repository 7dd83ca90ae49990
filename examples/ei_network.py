"""The README's main job: the E-I balanced network of the BrainPy 2.1 quickstart.

3200 excitatory and 800 inhibitory LIF neurons, four conductance-based exponential synapse
projections with 2 % random connectivity, constant input 20, 100 ms at dt = 0.1 ms. Prints the
run time and each population's mean firing rate, and saves a raster plot.

Usage: ``python3 examples/ei_network.py [--duration MS] [--out ei_raster.png]``
"""

from __future__ import annotations

import argparse

import brainpy as bp
import numpy as np


def build() -> bp.dyn.Network:
    """The quickstart network, written exactly as the spec writes it."""
    E = bp.dyn.LIF(3200, V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0, method="exp_auto")
    I = bp.dyn.LIF(800, V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0, method="exp_auto")
    E.V[:] = bp.math.random.randn(3200) * 2 - 60.0
    I.V[:] = bp.math.random.randn(800) * 2 - 60.0
    E2E = bp.dyn.ExpCOBA(E, E, bp.conn.FixedProb(prob=0.02), E=0.0, g_max=0.6, tau=5.0, method="exp_auto")
    E2I = bp.dyn.ExpCOBA(E, I, bp.conn.FixedProb(prob=0.02), E=0.0, g_max=0.6, tau=5.0, method="exp_auto")
    I2E = bp.dyn.ExpCOBA(I, E, bp.conn.FixedProb(prob=0.02), E=-80.0, g_max=6.7, tau=10.0, method="exp_auto")
    I2I = bp.dyn.ExpCOBA(I, I, bp.conn.FixedProb(prob=0.02), E=-80.0, g_max=6.7, tau=10.0, method="exp_auto")
    return bp.dyn.Network(E2E, E2I, I2E, I2I, E=E, I=I)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=100.0, help="simulated time in ms (default 100)")
    parser.add_argument("--out", default="ei_raster.png", help="where to save the raster plot")
    args = parser.parse_args()

    bp.math.set_platform("cpu")
    bp.math.random.seed(42)
    net = build()
    runner = bp.dyn.DSRunner(
        net, monitors=["E.spike", "I.spike"], inputs=[("E.input", 20.0), ("I.input", 20.0)], dt=0.1
    )
    elapsed = runner(args.duration)
    print(f"run time: {elapsed:.3f} s for {args.duration:g} ms of network time")
    for pop in ("E", "I"):
        spikes = np.asarray(runner.mon[f"{pop}.spike"])
        rate = spikes.sum() / spikes.shape[1] / (args.duration / 1000.0)
        print(f"{pop}: {spikes.shape[1]} neurons, mean firing rate {rate:.2f} Hz")

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.figure(figsize=(12, 4.5))
    plt.subplot(121)
    bp.visualize.raster_plot(runner.mon.ts, runner.mon["E.spike"], show=False, title="E")
    plt.subplot(122)
    bp.visualize.raster_plot(runner.mon.ts, runner.mon["I.spike"], show=False, title="I")
    plt.savefig(args.out, dpi=100)
    print(f"raster plot saved to {args.out}")


if __name__ == "__main__":
    main()
