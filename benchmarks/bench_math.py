"""Benchmark: ten representative ``brainpy.math`` operations under ``jax.jit`` against the same
operations written with raw ``jax.numpy``.

For each operation the script checks that both versions lower to the same XLA program
(the JaxArray wrapper exists only while tracing) and prints the median run time of each
and their ratio (target <= 1.05). Run: ``python benchmarks/bench_math.py [--repeats N]``.
"""

from __future__ import annotations

import argparse
import statistics
import time

import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np


def bm_ops():
    def inplace_index(v, idx):
        v = bm.Variable(v)
        v[idx] = 0.0
        v += 1.0
        return v.value

    return {
        "elementwise exp/mul/add": (lambda x, y: bm.exp(x) * y + 1.0, lambda x, y: jnp.exp(x) * y + 1.0),
        "matmul (dot)": (lambda x, y: bm.dot(x, y), lambda x, y: jnp.dot(x, y)),
        "reductions sum/mean/max": (
            lambda x, y: bm.sum(x, axis=0) + bm.mean(y, axis=1) + bm.max(x, axis=1),
            lambda x, y: jnp.sum(x, axis=0) + jnp.mean(y, axis=1) + jnp.max(x, axis=1),
        ),
        "where + comparison": (lambda x, y: bm.where(x > 0.5, x, y), lambda x, y: jnp.where(x > 0.5, x, y)),
        "concatenate + reshape": (
            lambda x, y: bm.concatenate([x, y]).reshape(-1, 2),
            lambda x, y: jnp.concatenate([x, y]).reshape(-1, 2),
        ),
        "cumsum": (lambda x, y: bm.cumsum(x, axis=1), lambda x, y: jnp.cumsum(x, axis=1)),
        "sort": (lambda x, y: bm.sort(x, axis=1), lambda x, y: jnp.sort(x, axis=1)),
        "einsum": (lambda x, y: bm.einsum("ij,jk->ik", x, y), lambda x, y: jnp.einsum("ij,jk->ik", x, y)),
        "activation (tanh, softplus)": (
            lambda x, y: bm.tanh(x) + bm.softplus(y),
            lambda x, y: jnp.tanh(x) + jax.nn.softplus(y),
        ),
        "Variable in-place update": (
            lambda x, y: inplace_index(x, bm.arange(0, 512, 2)),
            lambda x, y: x.at[jnp.arange(0, 512, 2)].set(0.0) + 1.0,
        ),
    }


def run(fn, args, repeats, number):
    fn(*args).block_until_ready()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(number):
            out = fn(*args)
        out.block_until_ready()
        times.append((time.perf_counter() - t0) / number)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--number", type=int, default=20)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    x_np = rng.random((args.size, args.size), dtype=np.float32)
    y_np = rng.random((args.size, args.size), dtype=np.float32)
    x_jax, y_jax = jnp.asarray(x_np), jnp.asarray(y_np)

    print(f"jax {jax.__version__} on {jax.devices()[0].platform}; arrays {args.size}x{args.size} float32")
    print(f"{'operation':32s} {'same HLO':>8s} {'bm (ms)':>9s} {'jnp (ms)':>9s} {'ratio':>6s}")
    ratios = []
    for name, (bm_fn, jnp_fn) in bm_ops().items():
        # the bm version returns JaxArrays; unwrap at the boundary so outputs are comparable
        bm_jit = jax.jit(lambda a, b, f=bm_fn: bm.as_jax(f(a, b)))
        jnp_jit = jax.jit(jnp_fn)
        same = bm_jit.lower(x_jax, y_jax).as_text() == jnp_jit.lower(x_jax, y_jax).as_text()
        np.testing.assert_allclose(bm_jit(x_jax, y_jax), jnp_jit(x_jax, y_jax), rtol=1e-5, atol=1e-5)
        # interleave measurements to cancel drift
        t_bm, t_jnp = [], []
        for _ in range(3):
            t_bm.append(run(bm_jit, (x_jax, y_jax), args.repeats, args.number))
            t_jnp.append(run(jnp_jit, (x_jax, y_jax), args.repeats, args.number))
        tb, tj = min(t_bm), min(t_jnp)
        ratios.append(tb / tj)
        print(f"{name:32s} {str(same):>8s} {tb * 1e3:9.3f} {tj * 1e3:9.3f} {tb / tj:6.3f}")
    print(
        f"geometric-mean ratio bm/jnp: {float(np.exp(np.mean(np.log(ratios)))):.3f} (target <= 1.05); "
        f"max {max(ratios):.3f}"
    )


if __name__ == "__main__":
    main()
