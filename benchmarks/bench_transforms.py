"""Benchmark of the object-aware transformations (issue 4).

1. Calling a ``bm.jit``-compiled ``Base`` object versus the equivalent pure
   function compiled with ``jax.jit`` that takes and returns the same state
   (target: ratio <= 1.2).
2. Compiling (first call: trace + compile + run) a 1000-iteration structural
   loop ``bm.make_loop`` inside ``bm.jit`` (target: < 0.1 s), next to the
   Pythonic loop the spec compares it with (spec: 2.7 s vs 0.028 s).

Run: ``python3 benchmarks/bench_transforms.py``. Prints the figures; asserts nothing.
"""

from __future__ import annotations

import time

import brainpy as bp
import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np

N = 4000
CALLS = 2000
REPEATS = 7


class LIFLike(bp.Base):
    def __init__(self, n):
        super().__init__()
        self.V = bm.Variable(bm.zeros(n))
        self.spike = bm.Variable(bm.zeros(n, dtype=bool))
        self.t_last = bm.Variable(bm.zeros(n))

    def update(self, t, I):
        V = self.V + 0.1 * (-self.V + I) / 10.0
        spike = V >= 1.0
        self.spike.value = spike
        self.t_last.value = bm.where(spike, t, self.t_last)
        self.V.value = bm.where(spike, 0.0, V)


@jax.jit
def raw_update(V, spike, t_last, t, I):
    V = V + 0.1 * (-V + I) / 10.0
    spike = V >= 1.0
    return jnp.where(spike, 0.0, V), spike, jnp.where(spike, t, t_last)


def time_calls(fn, calls):
    best = float("inf")
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        fn(calls)
        best = min(best, time.perf_counter() - t0)
    return best / calls


def bench_call_overhead():
    model = LIFLike(N)
    step = bm.jit(model.update)
    I = jnp.full(N, 2.0)

    def run_bm(calls):
        for i in range(calls):
            step(0.1 * i, I)
        jax.block_until_ready(model.V.value)

    state = [jnp.zeros(N), jnp.zeros(N, dtype=bool), jnp.zeros(N)]

    def run_raw(calls):
        V, s, tl = state
        for i in range(calls):
            V, s, tl = raw_update(V, s, tl, 0.1 * i, I)
        state[:] = [V, s, tl]
        jax.block_until_ready(V)

    run_bm(10)
    run_raw(10)
    # interleave to share machine-load fluctuations
    t_bm = min(time_calls(run_bm, CALLS) for _ in range(2))
    t_raw = min(time_calls(run_raw, CALLS) for _ in range(2))
    # same results
    m2 = LIFLike(N)
    s2 = bm.jit(m2.update)
    V, s, tl = jnp.zeros(N), jnp.zeros(N, dtype=bool), jnp.zeros(N)
    for i in range(50):
        s2(0.1 * i, I)
        V, s, tl = raw_update(V, s, tl, 0.1 * i, I)
    assert np.allclose(np.asarray(m2.V.value), np.asarray(V))
    print(f"bm.jit object call : {t_bm * 1e6:8.2f} us/call")
    print(f"raw jax.jit call   : {t_raw * 1e6:8.2f} us/call")
    print(f"ratio bm/raw       : {t_bm / t_raw:8.3f}   (target <= 1.2)")


def bench_loop_compile():
    seq = bm.asarray(np.random.default_rng(123).random(1000).astype(np.float32))

    class LoopStruct(bp.Base):
        def __init__(self):
            super().__init__()
            self.seq = seq
            self.res = bm.Variable(bm.zeros(1))

            def add(s):
                self.res += s

            self.loop = bm.make_loop(add, dyn_vars=[self.res])

        def __call__(self):
            self.loop(self.seq)
            return self.res.value

    class LoopSimple(bp.Base):
        def __init__(self):
            super().__init__()
            self.seq = seq
            self.res = bm.Variable(bm.zeros(1))

        def __call__(self):
            for s in self.seq:
                self.res += s
            return self.res.value

    firsts = []
    for _ in range(5):
        model = bm.jit(LoopStruct())
        t0 = time.perf_counter()
        jax.block_until_ready(model())
        firsts.append(time.perf_counter() - t0)
    model = bm.jit(LoopSimple())
    t0 = time.perf_counter()
    jax.block_until_ready(model())
    t_simple = time.perf_counter() - t0
    print(f"make_loop (1000 it.) first call : {min(firsts):.4f} s (median {np.median(firsts):.4f})  (target < 0.1 s)")
    print(f"Python loop (1000 it.) first call: {t_simple:.4f} s   ratio {t_simple / min(firsts):.1f}x")


if __name__ == "__main__":
    print(f"JAX {jax.__version__}, devices {jax.devices()}")
    bench_call_overhead()
    bench_loop_compile()
