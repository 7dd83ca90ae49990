"""Benchmark: brainpy.nn runners and trainers (performance claims 19-20 of the spec inventory).

1. ``RNNRunner`` compiles the time loop into one ``lax.scan`` (spec L2598-2600: looping in Python
   "is very inefficient"). An echo state network ``Input(3) >> Reservoir(100) >> LinearReadout(3)``
   runs 5,000 steps through the runner and, as the baseline in the same process, through a Python
   loop calling the jitted model once per step.
2. Training throughput as the spec logs it (L593-598, L2755-2785): BPTT on the quickstart RNN
   (``VanillaRNN(100)``, batch 128, 25 steps) per 100 steps, and BPFF on ``Dense(3)`` over 100 reservoir
   features (batch 64) per 2,000 steps. The first block includes compilation; the spec's figures
   (9.38 s, then about 6.7 s per 500 BPTT steps; 3.46 s, then about 2.4 s per 2,000 BPFF steps) came
   from another machine and are printed for orientation only.

Run: ``python benchmarks/bench_nn.py``.
"""

from __future__ import annotations

import time

import brainpy as bp
import brainpy.math as bm
import numpy as np


def _esn():
    model = bp.nn.Input(3) >> bp.nn.Reservoir(100, seed=0) >> bp.nn.LinearReadout(3)
    model.initialize(1)
    return model


def bench_runner(num_step: int = 5000) -> None:
    xs = bm.asarray(np.random.RandomState(0).randn(1, num_step, 3).astype(np.float32))
    model = _esn()
    runner = bp.nn.RNNRunner(model, progress_bar=False)
    t0 = time.perf_counter()
    runner.predict(xs, reset=True).block_until_ready()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    runner.predict(xs, reset=True).block_until_ready()
    scan = time.perf_counter() - t0

    step = bm.jit(model)
    model.init_state(1)
    step(xs[:, 0])  # compile once
    t0 = time.perf_counter()
    for t in range(num_step):
        out = step(xs[:, t])
    out.block_until_ready()
    loop = time.perf_counter() - t0
    print(f"RNNRunner, ESN(100) over {num_step} steps")
    print(f"  runner (lax.scan): first call {first:7.3f} s (with compilation), then {scan:7.4f} s")
    print(f"  Python loop of a jitted step:      {loop:7.3f} s")
    print(f"  runner speed-up over the Python loop: {loop / scan:6.1f}x")


def bench_bptt(num_step: int = 300, report: int = 100) -> None:
    bm.random.seed(0)
    num_time, num_batch = 25, 128
    model = bp.nn.Input(1) >> bp.nn.VanillaRNN(100, state_trainable=True) >> bp.nn.Dense(1)
    model.initialize(num_batch)
    rng = np.random.RandomState(0)
    X = rng.randn(num_batch * 4, num_time, 1).astype(np.float32) * 0.05
    Y = np.cumsum(X, axis=1)
    opt = bp.optim.Adam(lr=bp.optim.ExponentialDecay(lr=0.025, decay_steps=1, decay_rate=0.99975), eps=1e-1)
    trainer = bp.nn.BPTT(model, loss=bp.losses.mean_squared_error, optimizer=opt, max_grad_norm=5.0, progress_bar=False)
    print(
        f"BPTT, VanillaRNN(100), batch {num_batch}, {num_time} steps per sample (the spec: 9.38 s, then ~6.7 s "
        f"per 500 steps)"
    )
    trainer.fit([X, Y], num_batch=num_batch, num_train=num_step // 4, num_report=report)


def bench_bpff(num_step: int = 4000, report: int = 2000) -> None:
    rng = np.random.RandomState(0)
    X = rng.randn(64 * 500, 100).astype(np.float32)
    Y = X @ rng.randn(100, 3).astype(np.float32)
    readout = bp.nn.Dense(3, input_shape=100)
    readout.initialize()
    trainer = bp.nn.BPFF(
        readout, loss=bp.losses.mean_squared_error, optimizer=bp.optim.Adam(lr=1e-3), progress_bar=False
    )
    print("BPFF, Dense(3) on 100 features, batch 64 (the spec: 3.46 s, then ~2.4 s per 2000 steps)")
    trainer.fit([X, Y], num_batch=64, num_train=num_step // 500, num_report=report)


def main() -> None:
    bench_runner()
    bench_bptt()
    bench_bpff()


if __name__ == "__main__":
    main()
