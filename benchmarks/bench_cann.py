"""The spec's continuous-attractor cell at its full size: ``SlowPointFinder.find_fps_with_opt_solver``
on ``CANN1D(num=512, k=0.1, A=30)`` from 629 noisy bump candidates (spec L3562-3575, which prints
"Found 629 fixed points from 629 initial points" and keeps 357 under loss 1e-6).

The default solver is JAX's BFGS, vmapped over the candidates: each iteration costs about
``candidates * num**2`` operations, so the full size takes minutes on a 2-core CPU and is the kind
of cell a GPU is for. The ``CANN1D`` class is the tutorial's, as the tutorial test writes it.

Run: ``python3 benchmarks/bench_cann.py [--num N] [--step 0.01]``; N defaults to the spec's 512 on a
GPU and to 128 on a CPU (512 takes about 6 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packages" / "brainpy-analysis" / "tests"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--num", type=int, default=None)
    parser.add_argument("--step", type=float, default=0.01)
    args = parser.parse_args()

    import brainpy as bp
    import brainpy.math as bm
    import jax
    import numpy as np
    from test_tutorial_highdim import CANN1D

    if args.num is None:
        args.num = 128 if jax.default_backend() == "cpu" else 512
    bm.random.seed(0)
    print(f"jax {jax.__version__} on {jax.devices()[0].device_kind}; CANN1D(num={args.num}), step {args.step}")
    cann = CANN1D(num=args.num, k=0.1, A=30)
    candidates = cann.get_stimulus_by_pos(bm.arange(-bm.pi, bm.pi, args.step).reshape((-1, 1)))
    candidates += bm.random.normal(0.0, 0.01, candidates.shape)
    finder = bp.analysis.SlowPointFinder(f_cell=cann.cell)
    t0 = time.perf_counter()
    finder.find_fps_with_opt_solver(candidates)
    t_opt = time.perf_counter() - t0
    finder.filter_loss(1e-6)
    finder.keep_unique()
    fps = np.asarray(finder.fixed_points)
    peaks = np.asarray(cann.x)[np.argmax(fps, axis=1)] if len(fps) else np.zeros(0)
    print(
        f"candidates {len(candidates)}: optimisation {t_opt:.1f} s (compilation included); kept {len(fps)} "
        f"(spec: 357/629); bump peaks span {np.ptp(peaks) if len(peaks) else 0:.2f} rad of 2 pi"
    )


if __name__ == "__main__":
    main()
