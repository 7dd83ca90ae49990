r"""The native CPU backends of ``bm.pre2post_event_sum`` and ``bm.pre2post_event_prod``.

Each backend takes the operator's normalised arguments (JAX arrays, a Python
``int`` ``post_num``) and calls a numba kernel through ``jax.ffi.ffi_call``
(see :mod:`brainpy_ops._event_kernels`). Around the FFI call:

* inputs outside the kernels' dtypes (values that are not float32/float64,
  indices that are not 32/64-bit integers) go to the pure-JAX reference;
  events that are not bool are compared with 0 first;
* ``vmap`` runs the kernel once per batch element (``vmap_method='sequential'``);
* derivatives: a ``custom_jvp`` whose primal is the kernel and whose tangent
  is the reference's (linear in the values' tangent, so ``grad`` transposes
  it); the kernel stays the forward pass.
"""

from __future__ import annotations

import functools
from typing import Any

import jax
import jax.numpy as jnp

from brainpy_ops._event_kernels import SUPPORTED_INDEX_DTYPES, SUPPORTED_VALUE_DTYPES, event_target

__all__ = ["native_event_sum", "native_event_prod", "reference"]


def reference(op: str) -> Any:
    """The pure-JAX reference of ``op``, as brainpy-core registers it (backend ``'jax'``)."""
    from brainpy.plugins import get_registry

    return get_registry("operator_backends").get(f"{op}/any/jax").impl


def _value_dtype(values: Any) -> Any:
    dtype = jnp.result_type(values)
    return dtype if jnp.issubdtype(dtype, jnp.inexact) else jnp.result_type(float)


def _native(kind: str, op: str) -> Any:
    @functools.partial(jax.custom_jvp, nondiff_argnums=(4,))
    def call(events: Any, indices: Any, indptr: Any, values: Any, post_num: int) -> Any:
        target = event_target(kind, str(indices.dtype), str(values.dtype))
        ffi = jax.ffi.ffi_call(target, jax.ShapeDtypeStruct((post_num,), values.dtype), vmap_method="sequential")
        return ffi(events, indices, indptr, values)

    @call.defjvp
    def call_jvp(post_num: int, primals: tuple, tangents: tuple) -> tuple:
        events, indices, indptr, values = primals
        ref = reference(op)
        _, tangent = jax.jvp(lambda v: ref(events, (indices, indptr), post_num, v), (values,), (tangents[3],))
        return call(events, indices, indptr, values, post_num), tangent

    def backend(events: Any, pre2post: tuple, post_num: int, values: Any = 1.0) -> Any:
        indices, indptr = pre2post
        dtype = _value_dtype(values)
        if str(dtype) not in SUPPORTED_VALUE_DTYPES or str(indices.dtype) not in SUPPORTED_INDEX_DTYPES:
            return reference(op)(events, pre2post, post_num, values)
        if indptr.dtype != indices.dtype:
            indptr = indptr.astype(indices.dtype)
        if events.dtype != jnp.bool_:
            events = events != 0
        values = jnp.asarray(values, dtype)
        return call(events, indices, indptr, values, post_num)

    backend.__name__ = backend.__qualname__ = f"native_{op}"
    backend.__doc__ = f"brainpy-ops' native CPU ``{op}``: a numba kernel called through the XLA FFI."
    return backend


native_event_sum = _native("sum", "pre2post_event_sum")
native_event_prod = _native("prod", "pre2post_event_prod")
