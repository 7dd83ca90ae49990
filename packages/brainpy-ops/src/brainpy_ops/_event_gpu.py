r"""The GPU backend of ``bm.pre2post_event_sum``: a Pallas (Triton) kernel.

The kernel runs one program per pre-synaptic neuron. A silent neuron's
program reads its event and returns; a spiking neuron's program walks its CSR
row :math:`[p_i, \min(p_{i+1}, \text{nnz}))` in blocks of :data:`BLOCK`
synapses and adds each synapse's value to its target with an atomic add. The
work is :math:`O(n_{pre} + \text{spikes} \times \text{fan-out})`; the XLA
reference instead touches every synapse each call (see ``bench_gpu.py`` for
the measured difference).

Targets outside ``[0, post_num)`` are dropped like the other backends do. To
keep the atomic adds unmasked (Pallas' interpreter, used to test the kernel on
the CPU, cannot mask them), each masked lane adds zero to its own spare slot
past the end of the output, which is cut off afterwards.

Atomic adds make the order of a sum on one target nondeterministic, so
float32 results agree with the reference to rounding (about 1e-6 relative),
not bit for bit.

JAX 0.11 deprecates Pallas' Triton backend in favour of Mosaic GPU (a
``DeprecationWarning`` when the kernel is compiled). Where a JAX without it
runs, this backend hands the call to the XLA reference.
"""

from __future__ import annotations

import functools
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_ops._event import native_backend

__all__ = ["BLOCK", "event_sum_kernel", "pallas_event_sum"]

#: synapses handled per step of a row's loop (one vector of Triton lanes)
BLOCK = 128


def _program(post_num: int, nnz: int, scalar: bool, ev_ref, indptr_ref, indices_ref, values_ref, _, out_ref) -> None:
    from jax.experimental import pallas as pl
    from jax.experimental.pallas import triton as plt

    i = pl.program_id(0)

    @pl.when(ev_ref[i] != 0)
    def _spiking() -> None:
        start = indptr_ref[i]
        end = jnp.minimum(indptr_ref[i + 1], nnz).astype(start.dtype)
        lanes = jnp.arange(BLOCK, dtype=start.dtype)

        def block(k: Any, carry: Any) -> Any:
            offs = start + k * BLOCK + lanes
            live = offs < end
            idx = plt.load(indices_ref.at[offs], mask=live, other=0)
            if scalar:
                vals = jnp.full((BLOCK,), values_ref[0], values_ref.dtype)
            else:
                vals = plt.load(values_ref.at[offs], mask=live, other=0)
            ok = live & (idx >= 0) & (idx < post_num)
            slot = jnp.where(ok, idx, post_num + lanes.astype(idx.dtype))
            plt.atomic_add(out_ref, slot, jnp.where(ok, vals, jnp.zeros((), vals.dtype)))
            return carry

        jax.lax.fori_loop(0, jnp.maximum(end - start + BLOCK - 1, 0) // BLOCK, block, 0)


def event_sum_kernel(
    events: Any, indices: Any, indptr: Any, values: Any, post_num: int, *, interpret: bool = False
) -> jax.Array:
    """Run the Pallas event-sum kernel (``interpret=True`` runs it on any platform, for tests).

    Parameters
    ----------
    events : bool array, shape (n_pre,)
    indices, indptr : integer arrays, shapes (nnz,) and (n_pre + 1,)
        The CSR connection (one dtype).
    values : float array, shape () or (nnz,)
    post_num : int
    interpret : bool
        Run Pallas' interpreter instead of compiling for the GPU. The
        interpreter does not accumulate repeated targets within one block of
        :data:`BLOCK` synapses, so it agrees with the GPU only where each row's
        targets are distinct (as in every connector's output).
    """
    try:
        from jax.experimental import pallas as pl
        from jax.experimental.pallas import triton  # noqa: F401
    except ImportError:  # a JAX without Pallas' Triton backend
        from brainpy_ops._event import reference

        return reference("pre2post_event_sum")(events, (indices, indptr), post_num, values)

    n_pre = events.shape[0]
    nnz = indices.shape[0]
    if n_pre == 0 or nnz == 0 or post_num == 0:
        return jnp.zeros((post_num,), values.dtype)
    scalar = values.ndim == 0
    # signed row pointers: a malformed row (end < start) then has no blocks instead of wrapping around
    indptr = indptr.astype(jnp.int64 if indptr.dtype.itemsize == 8 else jnp.int32)
    out = pl.pallas_call(
        functools.partial(_program, post_num, nnz, scalar),
        out_shape=jax.ShapeDtypeStruct((post_num + BLOCK,), values.dtype),
        grid=(n_pre,),
        input_output_aliases={4: 0},
        interpret=interpret,
        name="brainpy_event_sum",
    )(
        events.astype(jnp.int32),
        indptr,
        indices,
        values.reshape(1) if scalar else values,
        jnp.zeros((post_num + BLOCK,), values.dtype),
    )
    return out[:post_num]


pallas_event_sum = native_backend(
    "pre2post_event_sum",
    event_sum_kernel,
    "brainpy-ops' GPU ``pre2post_event_sum``: a Pallas (Triton) kernel with one program per pre-synaptic neuron.",
)
