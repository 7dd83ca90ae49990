r"""The native backends of ``bm.pre2post_event_sum`` and ``bm.pre2post_event_prod``.

Each backend takes the operator's normalised arguments (JAX arrays, a Python
``int`` ``post_num``) and calls a kernel: on the CPU a numba kernel through
``jax.ffi.ffi_call`` (see :mod:`brainpy_ops._event_kernels`), on a GPU a
Pallas (Triton) kernel (see :mod:`brainpy_ops._event_gpu`). Around the kernel,
:func:`native_backend` provides what both share:

* inputs outside the kernels' dtypes (values that are not float32/float64,
  indices that are not 32/64-bit integers) go to the pure-JAX reference;
  events that are not bool are compared with 0 first;
* derivatives: a ``custom_jvp`` whose primal is the kernel and whose tangent
  is the reference's (linear in the values' tangent, so ``grad`` transposes
  it); the kernel stays the forward pass.

The kernel modules are imported when a backend is first called, not when the
plugin loads (numba's import alone takes about 0.4 s).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

__all__ = ["native_backend", "native_event_sum", "native_event_prod", "reference"]

SUPPORTED_INDEX_DTYPES = ("int32", "int64", "uint32", "uint64")
SUPPORTED_VALUE_DTYPES = ("float32", "float64")

#: ``kernel(events: bool[n_pre], indices, indptr, values: float[] or float[nnz], post_num) -> float[post_num]``
Kernel = Callable[[Any, Any, Any, Any, int], Any]


def reference(op: str) -> Any:
    """The pure-JAX reference of ``op``, as brainpy-core registers it (backend ``'jax'``)."""
    from brainpy.plugins import get_registry

    return get_registry("operator_backends").get(f"{op}/any/jax").impl


def _value_dtype(values: Any) -> Any:
    dtype = jnp.result_type(values)
    return dtype if jnp.issubdtype(dtype, jnp.inexact) else jnp.result_type(float)


def native_backend(op: str, kernel: Kernel, description: str) -> Callable[..., Any]:
    """Wrap ``kernel`` as an operator backend of ``op`` with the reference's derivatives.

    Parameters
    ----------
    op : str
        The operator (``'pre2post_event_sum'`` or ``'pre2post_event_prod'``).
    kernel : callable
        ``kernel(events, indices, indptr, values, post_num)`` with bool events,
        indices and ``indptr`` of one dtype from :data:`SUPPORTED_INDEX_DTYPES`
        and float32/float64 values (a scalar or one per synapse).
    description : str
        The first line of the backend's docstring.

    Returns
    -------
    callable
        ``backend(events, pre2post, post_num, values=1.0)``, the signature
        :func:`brainpy.math.pre2post_event_sum` dispatches to.
    """

    @functools.partial(jax.custom_jvp, nondiff_argnums=(4,))
    def call(events: Any, indices: Any, indptr: Any, values: Any, post_num: int) -> Any:
        return kernel(events, indices, indptr, values, post_num)

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
    backend.__doc__ = description
    return backend


def _cpu_kernel(kind: str) -> Kernel:
    def kernel(events: Any, indices: Any, indptr: Any, values: Any, post_num: int) -> Any:
        from brainpy_ops._event_kernels import event_target

        target = event_target(kind, str(indices.dtype), str(values.dtype))
        ffi = jax.ffi.ffi_call(target, jax.ShapeDtypeStruct((post_num,), values.dtype), vmap_method="sequential")
        return ffi(events, indices, indptr, values)

    return kernel


native_event_sum = native_backend(
    "pre2post_event_sum",
    _cpu_kernel("sum"),
    "brainpy-ops' native CPU ``pre2post_event_sum``: a numba kernel called through the XLA FFI.",
)
native_event_prod = native_backend(
    "pre2post_event_prod",
    _cpu_kernel("prod"),
    "brainpy-ops' native CPU ``pre2post_event_prod``: a numba kernel called through the XLA FFI.",
)
