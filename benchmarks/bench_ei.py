"""The E-I balanced network (COBA benchmark of Brette et al. 2007, spec quickstart), ours against Brian2.

N neurons (80 % excitatory LIF, 20 % inhibitory), four ``bp.dyn.ExpCOBA`` projections with
``FixedProb(80 / N)`` (80 synapses per neuron on average, whatever N), constant input 20,
dt = 0.1 ms, 1 s of biological time (10^4 steps) with both populations' spikes monitored, as the
spec's quickstart does. Default sizes: N = 4,000 and 64,000.

Every measurement runs in a fresh process, so that "cold" figures are those a user's script sees:

* import: ``import brainpy`` and loading the model modules (s);
* build (cold): creating the neurons, the connections and the synapses, first time in the process;
  build (warm): the same again in the same process (what is left without one-off compilations);
* compile: the first ``runner.run`` minus a steady one (tracing, XLA and kernel compilation, s);
* run: the median of 3 steady runs of 1 s biological time (s);
* the mean firing rates of E and I (Hz) over the first second, the window Brian2's figures cover,
  as a check that both simulate the same regime. One network's rates vary with its random
  connections: over 10 seeds at N = 4,000 we measured E 21.3 +- 1.4 / I 21.2 +- 0.5 Hz (mean +- sd)
  and Brian2 E 21.8 +- 1.0 / I 21.5 +- 0.4 Hz; ``--seed`` (default 42) fixes ours, so that runs
  of this script compare the same network.

Brian2 (``_brian2_ei.run_brian2``: the same model in its default Cython runtime, single-threaded)
runs in its own process with ``--brian2-python`` (default: this interpreter; skipped when it
cannot import brian2), and our figures are printed as ratios to its figures measured in this run.

``--jax-cache DIR`` turns on JAX's persistent compilation cache for our processes (the environment
variables ``JAX_COMPILATION_CACHE_DIR=DIR``, ``JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS=0`` and
``JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES=0``, which work for any script): from the second
process on, the small programs compiled while building and the simulation loop come from disk, as
Brian2's generated code comes from its own cache (``~/.cython``) in its figures.

``--cpu-cores 1`` runs both simulators on one core (``bp.running.set_cpu_cores``, set before JAX
starts). On a 2-core machine that makes N = 4,000 about 15 % faster (XLA's per-step thread
synchronisation costs more than the second core brings; much more when the machine is loaded)
and N = 64,000 about 10 % slower.
``--backend jax`` forces the pure-JAX reference of the event-driven kernel
(``bm.pre2post_event_sum``, served by brainpy-ops' numba FFI kernel when installed).

Usage: python3 benchmarks/bench_ei.py [--sizes 4000 64000] [--duration 1000] [--cpu-cores 1]
       [--backend jax] [--seed 42 | --seed none] [--jax-cache DIR] [--brian2-python PATH | --no-brian2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

DT = 0.1
HERE = Path(__file__).resolve().parent


def build(num: int, seed: int | None = None):
    """The quickstart network with ``num`` neurons and connection probability 80 / num.

    ``seed`` fixes the four connections (``FixedProb(..., seed=seed + k)``); None draws new ones.
    """
    import brainpy as bp
    import brainpy.math as bm

    num_exc, num_inh = int(num * 0.8), num - int(num * 0.8)
    prob = 80.0 / num
    pars = dict(V_rest=-60.0, V_th=-50.0, V_reset=-60.0, tau=20.0, tau_ref=5.0, method="exp_auto")
    E = bp.dyn.LIF(num_exc, **pars)
    I = bp.dyn.LIF(num_inh, **pars)
    E.V[:] = bm.random.randn(num_exc) * 2 - 60.0
    I.V[:] = bm.random.randn(num_inh) * 2 - 60.0
    exc = dict(E=0.0, g_max=0.6, tau=5.0, method="exp_auto")
    inh = dict(E=-80.0, g_max=6.7, tau=10.0, method="exp_auto")
    seeds = [None] * 4 if seed is None else [seed + k for k in range(4)]
    E2E = bp.dyn.ExpCOBA(E, E, bp.conn.FixedProb(prob=prob, seed=seeds[0]), **exc)
    E2I = bp.dyn.ExpCOBA(E, I, bp.conn.FixedProb(prob=prob, seed=seeds[1]), **exc)
    I2E = bp.dyn.ExpCOBA(I, E, bp.conn.FixedProb(prob=prob, seed=seeds[2]), **inh)
    I2I = bp.dyn.ExpCOBA(I, I, bp.conn.FixedProb(prob=prob, seed=seeds[3]), **inh)
    return bp.dyn.Network(E2E, E2I, I2E, I2I, E=E, I=I)


def _rates(runner, duration: float) -> dict[str, float]:
    import numpy as np

    out = {}
    for pop in ("E", "I"):
        spikes = np.asarray(runner.mon[f"{pop}.spike"])
        out[pop] = float(spikes.sum() / spikes.shape[1] / (duration / 1000.0))
    return out


def bench_ours(
    num: int, duration: float, cores: int | None, backend: str | None, seed: int | None = 42, repeats: int = 3
) -> dict:
    """Our figures for one size; call it in a fresh process (cold build and compile)."""
    t0 = time.perf_counter()
    import brainpy as bp

    if cores:
        bp.running.set_cpu_cores(cores)
    import brainpy.math as bm

    # load the model modules (lazy attributes), so that the build measures building only
    _ = (bp.dyn.LIF, bp.dyn.ExpCOBA, bp.dyn.Network, bp.dyn.DSRunner, bp.conn.FixedProb)
    t_import = time.perf_counter() - t0
    if backend:
        bm.set_op_backend("pre2post_event_sum", backend)
    from brainpy.math._op_dispatch import get_op_backend

    bm.random.seed(42 if seed is None else seed)
    t0 = time.perf_counter()
    net = build(num, seed)
    t_build = time.perf_counter() - t0
    runner = bp.dyn.DSRunner(
        net, monitors=["E.spike", "I.spike"], inputs=[("E.input", 20.0), ("I.input", 20.0)], dt=DT, progress_bar=False
    )
    t0 = time.perf_counter()
    runner.run(duration)
    t_first = time.perf_counter() - t0
    first_rates = _rates(runner, duration)
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        runner.run(duration)
        runs.append(time.perf_counter() - t0)
    t_run = statistics.median(runs)
    last_rates = _rates(runner, duration)
    del runner, net
    t0 = time.perf_counter()
    build(num, seed)
    t_build_warm = time.perf_counter() - t0
    return dict(
        backend=get_op_backend("pre2post_event_sum"),
        cores=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        import_s=t_import,
        build=t_build,
        build_warm=t_build_warm,
        compile=t_first - t_run,
        run=t_run,
        runs=runs,
        rate_E=first_rates["E"],
        rate_I=first_rates["I"],
        rate_E_steady=last_rates["E"],
        rate_I_steady=last_rates["I"],
    )


_BRIAN2_CHILD = """
import json, os, sys
cores = {cores!r}
if cores and hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[:cores])
try:
    import brian2  # noqa: F401
except ImportError as exc:
    print(json.dumps({{"error": f"brian2 not importable: {{exc}}"}}))
    sys.exit(0)
sys.path.insert(0, {here!r})
from _brian2_ei import run_brian2
print(json.dumps(run_brian2({num}, {duration})))
"""


def _last_json(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no result")


def _child(cmd: list[str], timeout: float, env: dict | None = None) -> dict:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:g} s"}
    try:
        return _last_json(proc.stdout)
    except ValueError:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return {"error": f"exit {proc.returncode}: " + " | ".join(tail)}


def run_brian2_child(python: str, num: int, duration: float, cores: int | None, timeout: float) -> dict:
    code = _BRIAN2_CHILD.format(cores=cores, here=str(HERE), num=num, duration=duration)
    return _child([python, "-c", code], timeout)


def run_ours_child(
    num: int,
    duration: float,
    cores: int | None,
    backend: str | None,
    seed: int | None,
    timeout: float,
    jax_cache: str | None = None,
) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(num), "--duration", str(duration)]
    cmd += ["--seed", "none" if seed is None else str(seed)]
    if cores:
        cmd += ["--cpu-cores", str(cores)]
    if backend:
        cmd += ["--backend", backend]
    env = None
    if jax_cache:  # JAX's persistent compilation cache, for every compilation however short
        env = dict(os.environ, JAX_COMPILATION_CACHE_DIR=jax_cache, JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS="0")
        env["JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES"] = "0"
    return _child(cmd, timeout, env)


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "n/a"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:6.2f}" if b > 0 else "   n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 64000])
    parser.add_argument("--duration", type=float, default=1000.0, help="biological time per run (ms)")
    parser.add_argument("--backend", default=None, help="force the backend of pre2post_event_sum (e.g. jax)")
    parser.add_argument("--cpu-cores", type=int, default=None, help="run both simulators on this many cores")
    parser.add_argument("--brian2-python", default=sys.executable, help="interpreter with brian2 installed")
    parser.add_argument("--no-brian2", action="store_true", help="skip the Brian2 baseline")
    parser.add_argument(
        "--seed", default="42", help="seed of our connections and initial state ('none': new ones every run)"
    )
    parser.add_argument("--jax-cache", default=None, help="directory of JAX's persistent compilation cache")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds allowed per measurement process")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    seed = None if str(args.seed).lower() == "none" else int(args.seed)

    if args.child is not None:  # one measurement of ours, in this fresh process
        print(json.dumps(bench_ours(args.child, args.duration, args.cpu_cores, args.backend, seed)), flush=True)
        return

    cores = f"{args.cpu_cores} core(s)" if args.cpu_cores else "all cores"
    cache = f"JAX cache {args.jax_cache}" if args.jax_cache else "no JAX cache"
    print(
        f"E-I COBA network, p = 80/N, dt = {DT} ms, {args.duration:g} ms per run, {cores}, {cache}, "
        f"load average {_load()}; every figure from a fresh process"
    )
    head = (
        f"{'N':>6} {'':7} {'import':>6} {'build':>6} {'warm':>6} {'compile':>7} {'run s':>7} "
        f"{'x real':>6} {'E Hz':>5} {'I Hz':>5}"
    )
    print(head)
    for num in args.sizes:
        ours = run_ours_child(num, args.duration, args.cpu_cores, args.backend, seed, args.timeout, args.jax_cache)
        if "error" in ours:
            print(f"{num:>6} {'ours':7} failed: {ours['error']}", flush=True)
            continue
        secs = args.duration / 1000.0
        print(
            f"{num:>6} {'ours':7} {ours['import_s']:6.2f} {ours['build']:6.2f} {ours['build_warm']:6.2f} "
            f"{ours['compile']:7.2f} {ours['run']:7.3f} {ours['run'] / secs:6.2f} "
            f"{ours['rate_E']:5.1f} {ours['rate_I']:5.1f}   (kernel {ours['backend']}; steady-state rates "
            f"{ours['rate_E_steady']:.1f}/{ours['rate_I_steady']:.1f} Hz)",
            flush=True,
        )
        if args.no_brian2:
            continue
        b2 = run_brian2_child(args.brian2_python, num, args.duration, args.cpu_cores, args.timeout)
        if "error" in b2:
            print(f"{num:>6} {'Brian2':7} skipped: {b2['error']}", flush=True)
            continue
        print(
            f"{num:>6} {'Brian2':7} {'':>6} {b2['build']:6.2f} {'':>6} {b2['compile']:7.2f} {b2['run']:7.3f} "
            f"{b2['run'] / secs:6.2f} {b2['rate_E']:5.1f} {b2['rate_I']:5.1f}",
            flush=True,
        )
        print(
            f"{num:>6} {'ratio':7} {'':>6} {_ratio(ours['build'], b2['build'])} "
            f"{_ratio(ours['build_warm'], b2['build'])} {'':>7} {_ratio(ours['run'], b2['run']):>7} {'':>6} "
            f"{_ratio(ours['rate_E'], b2['rate_E']):>5} {_ratio(ours['rate_I'], b2['rate_I']):>5}   "
            f"(ours / Brian2; load average {_load()})",
            flush=True,
        )


if __name__ == "__main__":
    main()
