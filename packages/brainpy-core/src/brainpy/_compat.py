"""The one place that knows about differences between JAX releases (0.10 and 0.11 here).

Everything version-dependent that the toolkit uses from JAX is imported from here.
"""

from __future__ import annotations

import jax

__all__ = ["JAX_VERSION", "Tracer", "is_tracer", "in_trace", "ffi", "shard_map"]

JAX_VERSION: tuple[int, ...] = tuple(int(p) for p in jax.__version__.split(".")[:3] if p.isdigit())

from jax.core import Tracer  # noqa: E402  (public in 0.10 and 0.11)

ffi = jax.ffi
shard_map = getattr(jax, "shard_map", None)


def is_tracer(x: object) -> bool:
    """Whether ``x`` is a JAX tracer (a value being traced by jit, grad, vmap, ...)."""
    return isinstance(x, Tracer)


try:  # private, but stable for years (0.4 to 0.11): True when no transformation is tracing
    from jax._src.core import trace_state_clean as _trace_state_clean
except ImportError:  # pragma: no cover - a JAX without it: always take the traced (jnp) path
    _trace_state_clean = None


def in_trace() -> bool:
    """Whether code runs under a JAX transformation (jit, vmap, grad, scan, ...), not eagerly.

    Eager code (including ``jax.ensure_compile_time_eval`` and ``jax.disable_jit``) gives False.
    Where the JAX in use offers no way to tell, it answers True, the safe choice for callers that
    only take a shortcut for eager code.
    """
    return _trace_state_clean is None or not _trace_state_clean()
