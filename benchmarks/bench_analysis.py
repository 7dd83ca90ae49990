"""Bifurcation analysis: the Wilson-Cowan quickstart (spec L193-212), ``Bifurcation2D`` over
``x_ext`` in [-2, 2] at 0.01 with 100 candidates per value (40,000 candidates).

Printed: seconds to the fixed points, cold (first analyzer: includes compilation) and warm (a
second analyzer of the same model: compiled functions are shared), the numbers of candidates and
fixed points, and a baseline: the same 40,000 candidates polished one by one with
``scipy.optimize.fsolve`` on a NumPy version of the equations (timed on 4,000, scaled by 10).
"""

from __future__ import annotations

import logging
import time
import warnings

import brainpy as bp
import brainpy.math as bm
import numpy as np
from brainpy.dyn import rates
from scipy import optimize

PARAMS = dict(wEE=16.0, wIE=15.0, wEI=12.0, wII=3.0, E_a=1.5, I_a=1.5, E_theta=3.0, I_theta=3.0)


def _model():
    return rates.WilsonCowanModel(1, method="exp_euler_auto", **PARAMS)


def ours(model):
    bf = bp.analysis.Bifurcation2D(
        model,
        target_vars={"x": [-0.2, 1.0], "y": [-0.2, 1.0]},
        target_pars={"x_ext": [-2, 2]},
        pars_update={"y_ext": 0.0},
        resolutions={"x_ext": 0.01},
    )
    t0 = time.perf_counter()
    pts, _, _ = bf.plot_bifurcation(with_plot=False, with_return=True)
    return time.perf_counter() - t0, len(pts)


def baseline(model, num=4000):
    """fsolve from each of ``num`` candidates (the analyzer's own candidate set, for equal work)."""
    bf = bp.analysis.Bifurcation2D(
        model,
        target_vars={"x": [-0.2, 1.0], "y": [-0.2, 1.0]},
        target_pars={"x_ext": [-2, 2]},
        pars_update={"y_ext": 0.0},
        resolutions={"x_ext": 0.01},
    )
    cand, rows = bf._candidates("aux_rank", bf._par_table(), 100)
    xext = bf._par_table()["x_ext"][rows]

    def F(u, a, th):
        return 1 / (1 + np.exp(-a * (u - th))) - 1 / (1 + np.exp(a * th))

    def rhs(z, xe):
        x, y = z
        u = PARAMS["wEE"] * x - PARAMS["wIE"] * y + xe
        v = PARAMS["wEI"] * x - PARAMS["wII"] * y
        return [
            -u + (1 - u) * F(u, PARAMS["E_a"], PARAMS["E_theta"]),
            -y + (1 - y) * F(v, PARAMS["I_a"], PARAMS["I_theta"]),
        ]

    idx = np.linspace(0, len(cand) - 1, num).astype(int)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # fsolve's "not making good progress"
        for i in idx:
            optimize.fsolve(rhs, cand[i], args=(xext[i],), xtol=1e-12)
    return (time.perf_counter() - t0) * len(cand) / num


def main():
    bm.enable_x64()
    logging.getLogger("brainpy.analysis").setLevel(logging.WARNING)
    model = _model()
    cold, n_fp = ours(model)
    warm = min(ours(model)[0] for _ in range(3))
    base = baseline(model)
    print(f"Bifurcation2D, Wilson-Cowan quickstart: 40000 candidates, {n_fp} fixed points (spec: 579)")
    print(f"  ours, cold (with compilation): {cold:8.2f} s")
    print(f"  ours, warm (best of 3)       : {warm:8.2f} s")
    print(f"  baseline, scipy fsolve loop  : {base:8.2f} s (extrapolated from 4000 candidates)")
    print(f"  ratio ours(warm) / baseline  : {warm / base:8.3f}")


if __name__ == "__main__":
    main()
