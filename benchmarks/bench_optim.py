"""Optimizer update cost: ``bp.optim`` under ``bm.jit`` against a hand-written pure-JAX step.

Both run the same rule on the same parameters (three 512 x 512 matrices and their biases);
the baseline is a ``jax.jit``-compiled function over a pytree, with the state threaded by
hand. Printed: microseconds per update and the ratio ours / baseline.
"""

from __future__ import annotations

import time

import brainpy as bp
import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np

N, LAYERS, REPEAT = 512, 3, 300


def _params(seed=0):
    rng = np.random.default_rng(seed)
    out = {}
    for i in range(LAYERS):
        out[f"w{i}"] = rng.normal(size=(N, N)).astype(np.float32) * 0.01
        out[f"b{i}"] = np.zeros(N, dtype=np.float32)
    return out


def _time(fn, *args):
    """Best of 5 batches of REPEAT // 5 calls (robust to a busy machine), in microseconds per call."""
    jax.block_until_ready(jax.tree_util.tree_leaves(fn(*args)))  # compile
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(REPEAT // 5):
            out = fn(*args)
        jax.block_until_ready(jax.tree_util.tree_leaves(out))
        best = min(best, (time.perf_counter() - t0) / (REPEAT // 5) * 1e6)
    return best


def ours(cls, **kw):
    tv = {k: bm.TrainVar(v) for k, v in _params().items()}
    opt = cls(lr=1e-3, train_vars=tv, **kw)
    grads = {k: jnp.ones_like(v.value) * 1e-3 for k, v in tv.items()}
    step = bm.jit(lambda g: opt.update(g), dyn_vars=opt.vars() + bp.TensorCollector(tv))

    def run(g):
        step(g)
        return [v.value for v in tv.values()]

    return _time(run, grads)


def baseline(rule, n_state):
    params = {k: jnp.asarray(v) for k, v in _params().items()}
    grads = {k: jnp.ones_like(v) * 1e-3 for k, v in params.items()}
    zeros = jax.tree_util.tree_map(jnp.zeros_like, params)
    state = [params] + [zeros] * n_state + [jnp.zeros((), jnp.int32)]
    step = jax.jit(rule)

    def run(g):
        state[:] = step(*state, g)
        return state[0]

    return _time(run, grads)


def sgd_rule(p, t, g):
    return jax.tree_util.tree_map(lambda a, b: a - 1e-3 * b, p, g), t + 1


def adam_rule(p, m, v, t, g, b1=0.9, b2=0.999, eps=1e-8):
    m = jax.tree_util.tree_map(lambda a, b: b1 * a + (1 - b1) * b, m, g)
    v = jax.tree_util.tree_map(lambda a, b: b2 * a + (1 - b2) * b**2, v, g)
    lr = 1e-3 * jnp.sqrt(1 - b2 ** (t + 1)) / (1 - b1 ** (t + 1))
    p = jax.tree_util.tree_map(lambda a, mm, vv: a - lr * mm / (jnp.sqrt(vv) + eps), p, m, v)
    return p, m, v, t + 1


def main():
    print(f"{LAYERS} x ({N}x{N} + {N}) float32 parameters, {REPEAT} updates each")
    for name, cls, rule, n_state in (("SGD", bp.optim.SGD, sgd_rule, 0), ("Adam", bp.optim.Adam, adam_rule, 2)):
        t_ours, t_base = ours(cls), baseline(rule, n_state)
        print(f"{name:5s} bp.optim {t_ours:8.1f} us   pure JAX {t_base:8.1f} us   ratio {t_ours / t_base:5.2f}")


if __name__ == "__main__":
    main()
