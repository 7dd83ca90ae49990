"""The quickstart E-I network in Brian2, as the baseline of ``bench_ei.py`` (not a benchmark on its own).

The same model as ``examples/ei_network.py``: N = 4000 * scale LIF neurons (80 % excitatory),
V_rest = V_reset = -60, V_th = -50, tau = 20 ms, tau_ref = 5 ms, constant input 20, conductance-based
exponential synapses integrated by exponential Euler, as ``exp_auto`` does (E: E_rev = 0, increment 0.6, tau 5 ms; I: E_rev = -80, increment 6.7,
tau 10 ms), connection probability ``fan_in / N``, dt = 0.1 ms. Brian2 runs in its default runtime
mode (Cython code generation); the first, short run pays for code generation and compilation.
"""

from __future__ import annotations

import time


def run_brian2(n: int, duration_ms: float, fan_in: float = 80.0, seed: int = 42) -> dict[str, float]:
    """Build and run the network in Brian2; return build/compile/run seconds and the two mean rates (Hz)."""
    import brian2 as b2
    import numpy as np

    b2.start_scope()
    b2.seed(seed)
    b2.defaultclock.dt = 0.1 * b2.ms
    t0 = time.perf_counter()
    params = dict(
        v_rest=-60.0,
        v_reset=-60.0,
        v_th=-50.0,
        tau=20.0 * b2.ms,
        i_ext=20.0,
        e_exc=0.0,
        e_inh=-80.0,
        tau_e=5.0 * b2.ms,
        tau_i=10.0 * b2.ms,
    )
    model = """
    dv/dt = (v_rest - v + i_ext + ge * (e_exc - v) + gi * (e_inh - v)) / tau : 1 (unless refractory)
    dge/dt = -ge / tau_e : 1
    dgi/dt = -gi / tau_i : 1
    """
    group = b2.NeuronGroup(
        n,
        model,
        threshold="v >= v_th",
        reset="v = v_reset",
        refractory=5.0 * b2.ms,
        method="exponential_euler",
        namespace=params,
    )
    group.v = -60.0 + 2.0 * np.random.default_rng(seed).standard_normal(n)
    n_exc = int(0.8 * n)
    exc, inh = group[:n_exc], group[n_exc:]
    prob = fan_in / n
    syn_e = b2.Synapses(exc, group, on_pre="ge_post += 0.6")
    syn_e.connect(p=prob)
    syn_i = b2.Synapses(inh, group, on_pre="gi_post += 6.7")
    syn_i.connect(p=prob)
    spikes = b2.SpikeMonitor(group)
    net = b2.Network(group, syn_e, syn_i, spikes)
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    net.run(1.0 * b2.ms)  # code generation and compilation
    compile_s = time.perf_counter() - t0
    before = np.bincount(np.asarray(spikes.i), minlength=n)
    t0 = time.perf_counter()
    net.run(duration_ms * b2.ms)
    run_s = time.perf_counter() - t0
    counts = np.bincount(np.asarray(spikes.i), minlength=n) - before
    seconds = duration_ms / 1000.0
    return {
        "build": build,
        "compile": compile_s,
        "run": run_s,
        "rate_E": float(counts[:n_exc].mean() / seconds),
        "rate_I": float(counts[n_exc:].mean() / seconds),
    }


if __name__ == "__main__":
    print(run_brian2(4000, 1000.0))
