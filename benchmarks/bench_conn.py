"""Benchmark: building FixedProb without a dense matrix.

Builds ``bp.conn.FixedProb(p)`` for 10^5 x 10^5 neurons at p = 0.001 (10^7
synapses) and reports wall time and peak Python-heap memory (tracemalloc).
As a baseline, the naive dense construction (a uniform per pair, threshold,
then ``nonzero``) runs at 10^4 x 10^4 in the same process; its memory is
extrapolated to 10^5 x 10^5 (it grows as n^2). Run: ``python benchmarks/bench_conn.py``.
"""

from __future__ import annotations

import time
import tracemalloc

import brainpy as bp
import numpy as np


def measure(fn):
    tracemalloc.start()
    t0 = time.perf_counter()
    out = fn()
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return out, elapsed, peak


def sparse_build(n, p, seed=0):
    conn = bp.conn.FixedProb(p, seed=seed)(n, n)
    conn._build()  # the NumPy CSR only (require() would also copy it to a JAX array)
    return conn._structs["pre2post"]


def dense_build(n, p, seed=0):
    mat = np.random.default_rng(seed).random((n, n)) < p
    rows, cols = np.nonzero(mat)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n))])
    return cols.astype(np.uint32), indptr.astype(np.uint32)


def main():
    p = 0.001
    n_small, n_big = 10_000, 100_000
    (ind_d, _), t_dense, m_dense = measure(lambda: dense_build(n_small, p))
    (ind_s, _), t_sparse_small, m_sparse_small = measure(lambda: sparse_build(n_small, p))
    (ind_b, ptr_b), t_big, m_big = measure(lambda: sparse_build(n_big, p))
    mib = 1024**2
    print(f"FixedProb p={p}")
    print(f"  n={n_small:>7}: dense naive {t_dense:7.3f} s {m_dense / mib:9.1f} MiB ({ind_d.size} synapses)")
    print(
        f"  n={n_small:>7}: sparse      {t_sparse_small:7.3f} s {m_sparse_small / mib:9.1f} MiB ({ind_s.size} synapses)"
    )
    print(f"  n={n_big:>7}: sparse      {t_big:7.3f} s {m_big / mib:9.1f} MiB ({ind_b.size} synapses)")
    est_dense_mem = m_dense * (n_big / n_small) ** 2
    est_dense_time = t_dense * (n_big / n_small) ** 2
    print(f"  n={n_big:>7}: dense naive (extrapolated n^2) ~{est_dense_time:7.1f} s ~{est_dense_mem / mib:9.0f} MiB")
    print(
        f"  ratio at n={n_small}: time dense/sparse = {t_dense / t_sparse_small:.1f}x, "
        f"memory dense/sparse = {m_dense / m_sparse_small:.1f}x"
    )
    print(
        f"  ratio at n={n_big} (dense extrapolated): memory {est_dense_mem / m_big:.0f}x, time {est_dense_time / t_big:.0f}x"
    )
    print(
        f"  realised rate {ind_b.size / n_big**2:.6f} (expected {p}); CSR bytes "
        f"{(ind_b.nbytes + ptr_b.nbytes) / mib:.1f} MiB"
    )


if __name__ == "__main__":
    main()
