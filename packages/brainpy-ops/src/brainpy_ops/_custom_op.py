r"""``bm.register_op`` / ``bm.XLACustomOp``: a user's numba function as an XLA operator.

The user writes ``f(outs, ins)``, which fills the outputs in place. For each
combination of input/output dtypes and ranks met at trace time we compile,
with numba, a typed-FFI handler that

1. answers XLA's metadata handshake (:func:`brainpy_ops._ffi.handshake`);
2. views every result buffer as a NumPy array and fills it with zeros;
3. views every argument buffer as an array (rank-0 arguments as scalars);
4. calls ``f(outs, ins)``, with ``outs`` the only array when there is one
   output and a tuple otherwise.

Shapes are read from the buffers at run time, so one compilation serves all
shapes of the same ranks. The handler is registered as an FFI target and
called with ``jax.ffi.ffi_call``: inside ``jit``, a call costs about 0.1 µs
plus the work of ``f``, with no Python. Rank-0 outputs are seen by ``f`` as
arrays of one element.

The tuples of arrays are built without generated source code: one small
jitted getter per slot, chained by tuple concatenation.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp
import numba
import numpy as np
from brainpy.errors import UnsupportedError
from numba.np.unsafe.ndarray import to_fixed_tuple

from brainpy_ops import _ffi

__all__ = ["CustomOp", "make_custom_op"]

_IDS = itertools.count()


def _getter(slot: int, output: bool, dtype: Any, ndim: int) -> Any:
    """A jitted ``get(frame)`` returning slot ``slot`` as an array (or a scalar for rank-0 inputs)."""
    vtype = np.dtype(dtype).type
    buffer = _ffi.ret_buffer if output else _ffi.arg_buffer
    data, vp, load = _ffi.buffer_data, _ffi.as_voidptr, _ffi.load_i64

    if ndim == 0:
        if output:

            def get(frame: int) -> Any:
                a = numba.carray(vp(data(buffer(frame, slot))), 1, vtype)
                a[0] = 0
                return a
        else:

            def get(frame: int) -> Any:
                return numba.carray(vp(data(buffer(frame, slot))), 1, vtype)[0]

        return numba.njit(inline="always")(get)

    def get_nd(frame: int) -> Any:
        buf = buffer(frame, slot)
        dims = numba.carray(vp(load(buf + 40)), ndim, np.int64)
        size = 1
        for d in dims:
            size *= d
        flat = numba.carray(vp(data(buf)), size, vtype)
        if output:
            flat[:] = 0
        return flat.reshape(to_fixed_tuple(dims, ndim))

    return numba.njit(inline="always")(get_nd)


def _prepend(get: Any, rest: Any) -> Any:
    def build(frame: int) -> Any:
        return (get(frame),) + rest(frame)

    return numba.njit(inline="always")(build)


def _tuple_builder(getters: list[Any]) -> Any:
    def empty(frame: int) -> Any:
        return ()

    build = numba.njit(inline="always")(empty)
    for get in reversed(getters):
        build = _prepend(get, build)
    return build


def _build_handler(kernel: Any, in_sig: tuple, out_sig: tuple, single: bool) -> Any:
    build_ins = _tuple_builder([_getter(i, False, d, n) for i, (d, n) in enumerate(in_sig)])
    build_outs = _tuple_builder([_getter(i, True, d, n) for i, (d, n) in enumerate(out_sig)])
    handshake = _ffi.handshake

    if single:

        def handler(frame: int) -> int:
            if handshake(frame):
                return 0
            outs = build_outs(frame)
            kernel(outs[0], build_ins(frame))
            return 0
    else:

        def handler(frame: int) -> int:
            if handshake(frame):
                return 0
            outs = build_outs(frame)
            kernel(outs, build_ins(frame))
            return 0

    return _ffi.compile_handler(handler)


def _structs(declared: Any) -> tuple[list[jax.ShapeDtypeStruct], bool]:
    """(output structs, whether there is a single output) from a declaration."""
    if hasattr(declared, "shape") and hasattr(declared, "dtype"):
        return [jax.ShapeDtypeStruct(tuple(declared.shape), declared.dtype)], True
    try:
        items = list(declared)
    except TypeError:
        items = None
    if not items or not all(hasattr(o, "shape") and hasattr(o, "dtype") for o in items):
        raise UnsupportedError(
            f"out_shapes must give ShapedArray-like objects (with .shape and .dtype), or a sequence of them; "
            f"got {declared!r}. Example: lambda *ins: jax.ShapeDtypeStruct(ins[0].shape, ins[0].dtype)."
        )
    return [jax.ShapeDtypeStruct(tuple(o.shape), o.dtype) for o in items], False


class CustomOp:
    """The operator ``bm.register_op`` returns (through ``bm.XLACustomOp``); see there."""

    def __init__(
        self, op_name: str, cpu_func: Callable[..., None], out_shapes: Any, apply_cpu_func_to_gpu: bool = False
    ) -> None:
        self.op_name = op_name
        self.kernel = cpu_func if numba.extending.is_jitted(cpu_func) else numba.njit(cpu_func)
        self.out_shapes = out_shapes
        self.apply_cpu_func_to_gpu = apply_cpu_func_to_gpu
        self._uid = next(_IDS)
        self._targets: dict[tuple, str] = {}

    def _outputs(self, ins: list[Any]) -> tuple[list[jax.ShapeDtypeStruct], bool]:
        declared = self.out_shapes
        if callable(declared) and not hasattr(declared, "shape"):
            declared = declared(*(jax.ShapeDtypeStruct(x.shape, x.dtype) for x in ins))
        return _structs(declared)

    def _target(self, ins: list[Any], outs: list[jax.ShapeDtypeStruct], single: bool) -> str:
        in_sig = tuple((str(x.dtype), x.ndim) for x in ins)
        out_sig = tuple((str(o.dtype), len(o.shape)) for o in outs)
        key = (in_sig, out_sig, single)
        if key not in self._targets:
            name = f"brainpy_op_{self.op_name}_{self._uid}_{len(self._targets)}"

            def build() -> Any:
                try:
                    return _build_handler(self.kernel, in_sig, out_sig, single)
                except Exception as exc:  # numba typing errors: say which operator and inputs
                    raise UnsupportedError(
                        f"The function of operator {self.op_name!r} could not be compiled by numba for inputs "
                        f"{in_sig} and outputs {out_sig} ((dtype, rank) pairs): {type(exc).__name__}: {exc}"
                    ) from exc

            self._targets[key] = _ffi.register_target(name, build)
        return self._targets[key]

    def host_call(self, ins: list[Any], outs: list[jax.ShapeDtypeStruct], single: bool) -> Any:
        """Run the function on the host through ``jax.pure_callback`` (the GPU fallback)."""
        kernel = self.kernel

        def on_host(*arrays: Any) -> list[np.ndarray]:
            results = [np.zeros(o.shape if o.shape else (1,), o.dtype) for o in outs]
            args = tuple(np.asarray(a)[()] if np.ndim(a) == 0 else np.asarray(a) for a in arrays)
            kernel(results[0] if single else tuple(results), args)
            return [r.reshape(o.shape) for r, o in zip(results, outs)]

        return jax.pure_callback(on_host, outs, *ins, vmap_method="sequential")

    def __call__(self, *ins: Any) -> Any:
        ins = [jnp.asarray(getattr(x, "value", x)) for x in ins]
        outs, single = self._outputs(ins)
        if jax.default_backend() == "cpu":
            results = jax.ffi.ffi_call(self._target(ins, outs, single), outs, vmap_method="sequential")(*ins)
        elif self.apply_cpu_func_to_gpu:
            results = self.host_call(ins, outs, single)
        else:
            raise UnsupportedError(
                f"The operator {self.op_name!r} has only a CPU function, and JAX runs on "
                f"{jax.default_backend()!r}. Register it with apply_cpu_func_to_gpu=True to run it on the host."
            )
        return results[0] if single else list(results)


def make_custom_op(
    op_name: str, cpu_func: Callable[..., None], gpu_func: Any, out_shapes: Any, apply_cpu_func_to_gpu: bool
) -> CustomOp:
    """The ``register_op`` factory brainpy-ops registers (see ``brainpy.math._op_custom``)."""
    if gpu_func is not None:
        raise UnsupportedError("gpu_func is not supported; use apply_cpu_func_to_gpu=True.")
    return CustomOp(op_name, cpu_func, out_shapes, apply_cpu_func_to_gpu)
