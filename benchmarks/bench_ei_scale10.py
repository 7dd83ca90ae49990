"""The spec's operator benchmark ("Low-level Operator Customization", Performance): the E-I network at
``scale=10`` (32,000 E + 8,000 I LIF, FixedProb 0.02, euler), 10 s of network time, with the spec's own
``ExpCOBA`` written twice: once on the built-in ``bm.pre2post_event_sum`` and once on a user
``bm.register_op`` event_sum (the spec's numba kernel). The spec printed 15.63 s and 15.70 s.

Printed: build and run time (the first ``runner.run``, compilation included, as the spec times it) and
a second, warm run, for each variant, and the ratio custom / built-in.

Usage: ``python3 benchmarks/bench_ei_scale10.py [--duration 10000] [--scale 10]``.
"""

from __future__ import annotations

import argparse
import time

import brainpy as bp
import brainpy.math as bm
import numpy as np
from jax import jit


def abs_eval(events, indices, indptr, post_size, values):
    return post_size


def event_sum_op(outs, ins):  # the spec's kernel
    post_val = outs
    events, indices, indptr, post_size, values = ins
    for i in range(len(events)):
        if events[i]:
            for j in range(indptr[i], indptr[i + 1]):
                index = indices[j]
                old_value = post_val[index]
                post_val[index] = values + old_value


jit_event_sum = jit(bm.register_op(op_name="event_sum", cpu_func=event_sum_op, out_shapes=abs_eval))


class ExpCOBA(bp.dyn.TwoEndConn):
    """The spec's ExpCOBA; ``custom`` picks the user operator instead of the built-in one."""

    def __init__(self, pre, post, conn, g_max=1.0, delay=0.0, tau=8.0, E=0.0, method="exp_auto", custom=False):
        super().__init__(pre=pre, post=post, conn=conn)
        self.check_pre_attrs("spike")
        self.check_post_attrs("input", "V")
        self.E, self.tau, self.delay, self.g_max, self.custom = E, tau, delay, g_max, custom
        self.pre2post = self.conn.require("pre2post")
        self.g = bm.Variable(bm.zeros(self.post.num))
        self.integral = bp.odeint(lambda g, t: -g / self.tau, method=method)

    def update(self, _t, _dt):
        self.g.value = self.integral(self.g, _t, dt=_dt)
        if self.custom:
            post_size = bm.zeros(self.post.num)
            self.g += jit_event_sum(
                self.pre.spike, self.pre2post[0].value, self.pre2post[1].value, post_size, self.g_max
            )
        else:
            self.g += bm.pre2post_event_sum(self.pre.spike, self.pre2post, self.post.num, self.g_max)
        self.post.input += self.g * (self.E - self.post.V)


class EINet(bp.dyn.Network):
    def __init__(self, scale=1.0, method="exp_auto", custom=False):
        num_exc, num_inh = int(3200 * scale), int(800 * scale)
        pars = dict(V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0)
        E = bp.models.LIF(num_exc, **pars, method=method)
        I = bp.models.LIF(num_inh, **pars, method=method)
        E.V[:] = bp.math.random.randn(num_exc) * 2 - 55.0
        I.V[:] = bp.math.random.randn(num_inh) * 2 - 55.0
        we, wi = 0.6 / scale, 6.7 / scale
        kw = dict(method=method, custom=custom)
        E2E = ExpCOBA(E, E, bp.conn.FixedProb(prob=0.02, seed=1), E=0.0, g_max=we, tau=5.0, **kw)
        E2I = ExpCOBA(E, I, bp.conn.FixedProb(prob=0.02, seed=2), E=0.0, g_max=we, tau=5.0, **kw)
        I2E = ExpCOBA(I, E, bp.conn.FixedProb(prob=0.02, seed=3), E=-80.0, g_max=wi, tau=10.0, **kw)
        I2I = ExpCOBA(I, I, bp.conn.FixedProb(prob=0.02, seed=4), E=-80.0, g_max=wi, tau=10.0, **kw)
        super().__init__(E2E, E2I, I2E, I2I, E=E, I=I)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=10_000.0)
    parser.add_argument("--scale", type=float, default=10.0)
    args = parser.parse_args()
    times = {}
    for custom in (False, True):
        bm.random.seed(42)
        t0 = time.perf_counter()
        net = EINet(scale=args.scale, method="euler", custom=custom)
        build = time.perf_counter() - t0
        runner = bp.dyn.DSRunner(
            net, monitors=["E.spike"], inputs=[("E.input", 20.0), ("I.input", 20.0)], progress_bar=False
        )
        first = runner.run(args.duration)
        rate = np.asarray(runner.mon["E.spike"]).mean() / bm.get_dt() * 1000.0
        second = runner.run(args.duration)
        name = "custom register_op" if custom else "built-in"
        times[custom] = first
        print(
            f"{name:>19}: build {build:6.2f} s, first run {first:7.2f} s, warm run {second:7.2f} s "
            f"(E rate {rate:5.1f} Hz)",
            flush=True,
        )
    print(
        f"custom / built-in (first runs, as the spec times them): {times[True] / times[False]:.3f} "
        f"(spec: 15.70 / 15.63 = 1.005)"
    )


if __name__ == "__main__":
    main()
