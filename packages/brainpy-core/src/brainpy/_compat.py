"""The one place that knows about differences between JAX releases (0.10 and 0.11 here).

Everything version-dependent that the toolkit uses from JAX is imported from here.
"""

from __future__ import annotations

import jax

__all__ = ["JAX_VERSION", "Tracer", "is_tracer", "ffi", "shard_map"]

JAX_VERSION: tuple[int, ...] = tuple(int(p) for p in jax.__version__.split(".")[:3] if p.isdigit())

from jax.core import Tracer  # noqa: E402  (public in 0.10 and 0.11)

ffi = jax.ffi
shard_map = getattr(jax, "shard_map", None)


def is_tracer(x: object) -> bool:
    """Whether ``x`` is a JAX tracer (a value being traced by jit, grad, vmap, ...)."""
    return isinstance(x, Tracer)
