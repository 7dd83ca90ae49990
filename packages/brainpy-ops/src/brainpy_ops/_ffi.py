r"""XLA typed-FFI plumbing for numba ``cfunc`` handlers (CPU).

A handler is a C function ``XLA_FFI_Error* handler(XLA_FFI_CallFrame* frame)``.
We compile it with :func:`numba.cfunc` as ``int64(int64)`` (a pointer in, a
pointer out: the same registers under the System V and AAPCS64 calling
conventions) and read the call frame by byte offsets, with a handful of tiny
LLVM intrinsics for raw loads and stores.

Two kinds of call reach a handler:

* once, when XLA registers it, a *metadata* call: ``frame.extension_start``
  points to an ``XLA_FFI_Metadata_Extension`` and the handler must write the
  FFI API version it was built for (we answer 0.1) and return ``NULL``;
* then one *execute* call per op execution, with the argument and result
  buffers.

Offsets (``xla/ffi/api/c_api.h``, 64-bit):

=========================  =============================================
``XLA_FFI_CallFrame``      extension_start 8, args.args 72, rets.rets 112
``XLA_FFI_Buffer``         dtype 16 (int32), data 24, rank 32, dims 40
``XLA_FFI_Extension_Base`` type 8 (int32; 1 = metadata), metadata ptr 24
``XLA_FFI_Metadata``       api_version {struct_size 8, ext 16, major 24,
                           minor 28}, traits 32
=========================  =============================================

Nothing here runs Python at call time: a handler is machine code that XLA
calls directly from compiled programs, on whichever thread it likes and
without the GIL, so handlers never raise; arguments are checked in Python
before tracing.

References
----------
.. [1] OpenXLA, "XLA FFI", https://openxla.org/xla/custom_call (2024).
.. [2] JAX, "Foreign function interface (FFI)",
       https://docs.jax.dev/en/latest/ffi.html (2025).
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable
from typing import Any

import numba
from llvmlite import ir
from numba import types
from numba.extending import intrinsic

__all__ = [
    "load_i64",
    "load_i32",
    "store_i64",
    "store_i32",
    "as_voidptr",
    "handshake",
    "buffer_data",
    "buffer_dim",
    "buffer_rank",
    "arg_buffer",
    "ret_buffer",
    "compile_handler",
    "register_target",
]

_I64 = ir.IntType(64)
_I32 = ir.IntType(32)


@intrinsic
def load_i64(typingctx: Any, addr: Any) -> Any:
    """``*(int64_t*)addr``."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        return builder.load(builder.inttoptr(args[0], _I64.as_pointer()))

    return types.int64(types.int64), codegen


@intrinsic
def load_i32(typingctx: Any, addr: Any) -> Any:
    """``*(int32_t*)addr``, widened to int64."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        value = builder.load(builder.inttoptr(args[0], _I32.as_pointer()))
        return builder.sext(value, _I64)

    return types.int64(types.int64), codegen


@intrinsic
def store_i64(typingctx: Any, addr: Any, value: Any) -> Any:
    """``*(int64_t*)addr = value``."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        builder.store(args[1], builder.inttoptr(args[0], _I64.as_pointer()))
        return context.get_dummy_value()

    return types.none(types.int64, types.int64), codegen


@intrinsic
def store_i32(typingctx: Any, addr: Any, value: Any) -> Any:
    """``*(int32_t*)addr = (int32_t)value``."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        builder.store(builder.trunc(args[1], _I32), builder.inttoptr(args[0], _I32.as_pointer()))
        return context.get_dummy_value()

    return types.none(types.int64, types.int64), codegen


@intrinsic
def as_voidptr(typingctx: Any, addr: Any) -> Any:
    """The integer ``addr`` as a ``void*`` (what :func:`numba.carray` takes)."""

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        return builder.inttoptr(args[0], ir.IntType(8).as_pointer())

    return types.voidptr(types.int64), codegen


@numba.njit(inline="always")
def handshake(frame: int) -> bool:
    """Answer XLA's metadata call; return whether ``frame`` was one.

    The metadata frame carries an extension of type 1 (metadata): we write
    API version 0.1 and no traits into it.
    """
    ext = load_i64(frame + 8)
    if ext == 0:
        return False
    if load_i32(ext + 8) == 1:
        meta = load_i64(ext + 24)
        store_i64(meta + 8, 24)  # api_version.struct_size
        store_i64(meta + 16, 0)  # api_version.extension_start
        store_i32(meta + 24, 0)  # major
        store_i32(meta + 28, 1)  # minor
        store_i32(meta + 32, 0)  # traits
    return True


@numba.njit(inline="always")
def arg_buffer(frame: int, i: int) -> int:
    """Address of the ``i``-th argument's ``XLA_FFI_Buffer``."""
    return load_i64(load_i64(frame + 72) + 8 * i)


@numba.njit(inline="always")
def ret_buffer(frame: int, i: int) -> int:
    """Address of the ``i``-th result's ``XLA_FFI_Buffer``."""
    return load_i64(load_i64(frame + 112) + 8 * i)


@numba.njit(inline="always")
def buffer_data(buf: int) -> int:
    """The data pointer of a buffer."""
    return load_i64(buf + 24)


@numba.njit(inline="always")
def buffer_rank(buf: int) -> int:
    """The rank of a buffer."""
    return load_i64(buf + 32)


@numba.njit(inline="always")
def buffer_dim(buf: int, axis: int) -> int:
    """The length of ``axis`` of a buffer."""
    return load_i64(load_i64(buf + 40) + 8 * axis)


_HANDLER_SIGNATURE = types.int64(types.int64)
_LOCK = threading.Lock()
#: target name -> compiled cfunc; XLA keeps only raw pointers, so every
#: handler stays referenced here for the life of the process.
_TARGETS: dict[str, Any] = {}


_OPTIONS = dict(nopython=True, fastmath=True, error_model="numpy")


def compile_handler(py_func: Callable[[int], int], cache: bool = False) -> Any:
    """Compile ``py_func(frame) -> 0`` into a typed-FFI handler (a numba cfunc).

    Parameters
    ----------
    py_func : callable
        The handler's Python source: ``frame`` is the call frame's address.
    cache : bool
        Use numba's on-disk cache (``cache=True``): the first process compiles and saves the
        machine code, later ones load it. Only for module-level functions without closures.
        numba picks the first writable directory of ``$NUMBA_CACHE_DIR``, the module's
        ``__pycache__`` and the user's cache directory (``~/.cache/numba`` on Linux), so a
        read-only installation caches under the user's directory; with none writable, the
        handler is compiled as without ``cache``. A cache file that cannot be read (truncated,
        overwritten) is replaced, with a :class:`~brainpy.errors.BrainPyWarning`. numba
        invalidates an entry when the source file of ``py_func`` changes, not when a function
        it calls from *another* file does: after editing this module, touch the handler's
        module (or clear the cache).

    Returns
    -------
    numba.core.ccallback.CFunc
        The compiled handler; ``.address`` is the C function pointer.
    """
    handler = _compile_cached(py_func) if cache else None
    return handler if handler is not None else numba.cfunc(_HANDLER_SIGNATURE, **_OPTIONS)(py_func)


def _compile_cached(py_func: Callable[[int], int]) -> Any:
    """``numba.cfunc(..., cache=True)(py_func)``, surviving cache trouble; None without a cache directory."""
    from numba.core.ccallback import CFunc  # what numba.cfunc builds

    handler = CFunc(py_func, (_HANDLER_SIGNATURE.args, _HANDLER_SIGNATURE.return_type), locals={}, options=_OPTIONS)
    try:
        handler.enable_caching()
    except RuntimeError:  # "cannot cache function ...: no locator available"
        return None
    handler._cache = _TolerantCache(handler._cache, py_func.__qualname__)
    handler.compile()  # loads from the cache, or compiles and saves
    return handler


class _TolerantCache:
    """numba's cache of one handler, where an unreadable entry means "not cached" and a failed save is ignored.

    numba itself raises on a truncated or overwritten cache file (``pickle`` errors and the like), which
    would make the operator unusable until someone deletes the file.
    """

    def __init__(self, cache: Any, name: str) -> None:
        self._cache = cache
        self._name = name

    def load_overload(self, sig: Any, target_context: Any) -> Any:
        try:
            return self._cache.load_overload(sig, target_context)
        except Exception as exc:  # a corrupt file can raise anything while unpickling
            from brainpy.errors import BrainPyWarning

            warnings.warn(
                f"brainpy-ops: numba's cache of the handler {self._name!r} in {self._cache.cache_path!r} could "
                f"not be read ({type(exc).__name__}: {exc}); it is compiled and cached again.",
                BrainPyWarning,
                stacklevel=2,
            )
            try:
                self._cache.flush()  # an empty index, so that the save below overwrites the entry
            except OSError:
                pass
            return None

    def save_overload(self, sig: Any, data: Any) -> None:
        try:
            self._cache.save_overload(sig, data)
        except OSError:  # the directory became unwritable or full: the handler works uncached
            pass


def register_target(name: str, build: Callable[[], Any]) -> str:
    """Register the handler ``build()`` as the CPU FFI target ``name`` (once).

    Parameters
    ----------
    name : str
        The target name; one name, one handler, for the life of the process.
    build : callable
        Returns the compiled cfunc; called only the first time ``name`` is seen.

    Returns
    -------
    str
        ``name``, for :func:`jax.ffi.ffi_call`.
    """
    import jax

    with _LOCK:
        if name not in _TARGETS:
            handler = build()
            jax.ffi.register_ffi_target(name, jax.ffi.pycapsule(handler.address), platform="cpu")
            _TARGETS[name] = handler
    return name
