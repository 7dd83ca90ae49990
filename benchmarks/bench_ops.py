r"""Benchmark: event-driven ``pre2post_event_sum`` backends inside a compiled 10,000-step loop.

Network: ``N`` pre- and ``N`` post-synaptic neurons (N = 4,000 and 40,000),
fixed fan-out 80 (int32 CSR), spike probability 0.1 %, 0.5 % and 1 % per step.
Each step draws its spikes from a pool of 64 pre-drawn patterns (a dynamic
slice, about free), computes ``post = op(spikes)`` and decays ``g = 0.99 g +
post``; the whole loop is one ``jax.lax.fori_loop`` under ``jit``.

Compared, in the same run:

* ``native``: ``bm.pre2post_event_sum`` on brainpy-ops' numba FFI kernel;
* ``user``: the spec's ``event_sum`` written by a user with ``bm.register_op``;
* ``user_same``: a user ``register_op`` kernel with the built-in's algorithm (skipping 8 silent
  neurons at a time, unsigned index loads), which isolates the cost of the ``register_op`` path;
* ``reference``: ``bm.pre2post_event_sum`` on the pure-JAX reference;
* ``dense``: ``spikes @ W`` with a dense ``N x N`` float32 matrix (N = 4,000 only: 64 MB;
  40,000 would need 6.4 GB).

Fast variants run 10,000 steps (best of 3); the slow ones (reference, dense)
run 1,000 steps (200 for the reference at N = 40,000) once, and their time per step is reported the same way.
Prints microseconds per step and ratios. Run: ``python3 benchmarks/bench_ops.py``.
"""

from __future__ import annotations

import time

import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np

FAN_OUT = 80
PROBS = (0.001, 0.005, 0.01)
POOL = 64
STEPS = 10_000
SLOW_STEPS = 1_000  # reference and dense at N = 4,000
SLOWEST_STEPS = 200  # reference at N = 40,000 (about 8 ms a step)


def event_sum_abs_eval(events, indices, indptr, post_size, values):
    return post_size


def event_sum_op(outs, ins):  # the spec's user-written kernel, unchanged
    post_val = outs
    events, indices, indptr, post_size, values = ins
    for i in range(len(events)):
        if events[i]:
            for j in range(indptr[i], indptr[i + 1]):
                index = indices[j]
                old_value = post_val[index]
                post_val[index] = values + old_value


USER_EVENT_SUM = bm.register_op(op_name="event_sum", cpu_func=event_sum_op, out_shapes=event_sum_abs_eval)


def event_sum_words_op(outs, ins):
    """A user kernel with the built-in's algorithm: skip 8 silent neurons at a time, unsigned index loads.

    It isolates the cost of the ``register_op`` machinery: the spec's kernel above scans every
    neuron one byte at a time and pays numba's negative-index checks, the built-in does not.
    """
    post_val = outs
    events, indices, indptr, post_size, values = ins
    n = events.shape[0]
    words = events[: n - n % 8].view(np.uint64)
    idx = indices.view(np.uint32)
    ptr = indptr.view(np.uint32)
    n_post = np.uint32(post_val.shape[0])
    for w in range(words.shape[0]):
        if words[w] != 0:
            for i in range(8 * w, 8 * w + 8):
                if events[i]:
                    for j in range(ptr[i], ptr[i + 1]):
                        k = idx[j]
                        if k < n_post:
                            post_val[k] += values
    for i in range(n - n % 8, n):
        if events[i]:
            for j in range(ptr[i], ptr[i + 1]):
                k = idx[j]
                if k < n_post:
                    post_val[k] += values


USER_WORDS_EVENT_SUM = bm.register_op(
    op_name="event_sum_words", cpu_func=event_sum_words_op, out_shapes=event_sum_abs_eval
)


def network(n: int, rng: np.random.Generator) -> tuple[jax.Array, jax.Array]:
    # targets drawn with replacement (a rare repeated target is a double synapse): fast for 40,000 rows
    indices = rng.integers(0, n, (n, FAN_OUT)).ravel().astype(np.int32)
    indptr = np.arange(0, n * FAN_OUT + 1, FAN_OUT, dtype=np.int32)
    return jnp.asarray(indices), jnp.asarray(indptr)


def make_loop(step_op, n: int, steps: int):
    @jax.jit
    def run(patterns, *args):
        def body(t, g):
            return 0.99 * g + step_op(patterns[t % POOL], *args)

        return jax.lax.fori_loop(0, steps, body, jnp.zeros(n, jnp.float32))

    return run


def timed(run, patterns, args, repeats: int) -> tuple[float, float]:
    out = run(patterns, *args).block_until_ready()  # compile + warm
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = run(patterns, *args).block_until_ready()
        times.append(time.perf_counter() - t0)
    return float(np.min(times)), float(jnp.sum(out))


def main() -> None:
    rng = np.random.default_rng(42)
    print(f"jax {jax.__version__} on {jax.default_backend()}, {STEPS} steps (slow variants {SLOW_STEPS})")
    print(
        f"{'N':>6} {'p':>6} {'native':>9} {'user':>9} {'user_same':>9} {'reference':>10} {'dense':>9} "
        f"{'ref/native':>10} {'dense/native':>12} {'user/native':>11} {'same/native':>11}   (us/step)"
    )
    for n in (4_000, 40_000):
        indices, indptr = network(n, rng)
        W = None
        slow = SLOW_STEPS if n <= 4_000 else SLOWEST_STEPS
        if n <= 4_000:
            W = jnp.zeros((n, n), jnp.float32).at[jnp.repeat(jnp.arange(n), FAN_OUT), indices].add(1.0)

        def op_backend(backend, n=n):
            def op(spikes, idx, ptr):
                bm.set_op_backend("pre2post_event_sum", backend)
                try:
                    return bm.pre2post_event_sum(spikes, (idx, ptr), n, 0.5)
                finally:
                    bm.set_op_backend("pre2post_event_sum", None)

            return op

        loops = {
            "native": (make_loop(op_backend("numba"), n, STEPS), (indices, indptr), STEPS, 3),
            "user": (
                make_loop(lambda s, i, p, z: USER_EVENT_SUM(s, i, p, z, jnp.float32(0.5)), n, STEPS),
                (indices, indptr, jnp.zeros(n, jnp.float32)),
                STEPS,
                3,
            ),
            "user_same": (
                make_loop(lambda s, i, p, z: USER_WORDS_EVENT_SUM(s, i, p, z, jnp.float32(0.5)), n, STEPS),
                (indices, indptr, jnp.zeros(n, jnp.float32)),
                STEPS,
                3,
            ),
            "reference": (make_loop(op_backend("jax"), n, slow), (indices, indptr), slow, 1),
        }
        if W is not None:
            loops["dense"] = (
                make_loop(lambda s, w: 0.5 * (s.astype(jnp.float32) @ w), n, SLOW_STEPS),
                (W,),
                SLOW_STEPS,
                1,
            )
        for p in PROBS:
            patterns = jnp.asarray(rng.random((POOL, n)) < p)
            us, sums = {}, {}
            for name, (run, args, steps, repeats) in loops.items():
                seconds, sums[name] = timed(run, patterns, args, repeats)
                us[name] = seconds / steps * 1e6
            dense = f"{us['dense']:9.1f}" if "dense" in us else f"{'-':>9}"
            dense_ratio = f"{us['dense'] / us['native']:12.1f}" if "dense" in us else f"{'-':>12}"
            print(
                f"{n:>6} {p:>6.3f} {us['native']:9.2f} {us['user']:9.2f} {us['user_same']:9.2f} "
                f"{us['reference']:10.1f} {dense} {us['reference'] / us['native']:10.1f} {dense_ratio} "
                f"{us['user'] / us['native']:11.2f} {us['user_same'] / us['native']:11.2f}"
            )
            for other in ("user", "user_same"):
                if not np.isclose(sums["native"], sums[other], rtol=1e-4):
                    print(f"  !! native and {other} results differ: {sums['native']} vs {sums[other]}")


if __name__ == "__main__":
    main()
