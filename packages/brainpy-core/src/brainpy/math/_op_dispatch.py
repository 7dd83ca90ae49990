r"""Choosing the backend of each operator, per platform, at trace time.

Every built-in operator of :mod:`brainpy.math` (``pre2post_event_sum``,
``syn2post_sum``, ...) is served by the :class:`brainpy.plugins.OperatorBackend`
records of the registry ``'operator_backends'`` (hook
``brainpy_operator_backends``). brainpy-core registers the pure-JAX
references (backend ``'jax'``, platform ``'any'``, priority 0); brainpy-ops
registers native kernels (backend ``'numba'``, platform ``'cpu'``; backend
``'pallas'``, platform ``'gpu'``) with a higher priority; plugins may add more.

The choice, in this order:

1. a backend forced for this operator with ``set_op_backend(op, backend)``;
2. a backend forced for every operator with ``set_op_backend(backend=...)``;
3. the environment variable ``BRAINPY_OP_BACKEND``, either one backend name
   for every operator (``numba``) or ``op=backend`` pairs separated by commas
   (``pre2post_event_sum=jax,syn2post_sum=numba``);
4. otherwise the highest ``priority`` among the backends for the current
   platform (``jax.default_backend()``) or for ``'any'``.

A forced backend that does not serve an operator on the current platform is
ignored for that operator when it was forced for all operators (so
``BRAINPY_OP_BACKEND=jax`` or ``=numba`` is always safe), and is an error when
it was forced for that operator.

The choice runs in Python when an operator is called, that is once per trace
under ``jit``: the compiled program contains only the chosen implementation,
so there is no dispatch cost per call.
"""

from __future__ import annotations

import os
from typing import Any

import jax

from brainpy.errors import MathError, UnknownNameError

__all__ = ["set_op_backend", "get_op_backend"]

ENV_VAR = "BRAINPY_OP_BACKEND"
_ALL = "*"
#: op name (or "*") -> forced backend name; mutated only by set_op_backend
_FORCED: dict[str, str] = {}


def _backends() -> list[Any]:
    from brainpy.plugins import get_registry

    return [entry.obj for entry in get_registry("operator_backends").entries.values()]


def current_platform() -> str:
    """The platform operators are compiled for now: ``'cpu'``, ``'gpu'`` or ``'tpu'``."""
    platform = jax.default_backend()
    return "gpu" if platform in ("cuda", "rocm", "gpu") else platform


def _env_choice(op: str) -> tuple[str | None, bool]:
    """(backend, forced for this op specifically) from the environment variable."""
    text = os.environ.get(ENV_VAR, "").strip()
    if not text:
        return None, False
    if "=" not in text:
        return text, False
    for item in text.split(","):
        name, _, backend = item.partition("=")
        if name.strip() == op and backend.strip():
            return backend.strip(), True
    return None, False


def _candidates(op: str, platform: str) -> list[Any]:
    found = [b for b in _backends() if b.op == op and b.platform in (platform, "any")]
    # highest priority first; a platform-specific backend beats an 'any' one of equal priority
    return sorted(found, key=lambda b: (b.priority, b.platform != "any"), reverse=True)


def select_backend(op: str, platform: str | None = None) -> Any:
    """The :class:`~brainpy.plugins.OperatorBackend` record that serves ``op`` now.

    Raises
    ------
    brainpy.errors.MathError
        If a backend forced for ``op`` does not serve it on this platform, or
        if no backend at all is registered for ``op``.
    """
    platform = platform or current_platform()
    candidates = _candidates(op, platform)
    if not candidates:
        raise MathError(
            f"No backend is registered for the operator {op!r} on platform {platform!r}. "
            f"Expected at least the pure-JAX reference of brainpy-core; check brainpy.plugins.info() "
            f"(a plugin may have failed to load)."
        )
    for backend, specific, source in _forced_order(op):
        for record in candidates:
            if record.name == backend:
                return record
        if specific:
            available = ", ".join(sorted({c.name for c in candidates}))
            raise MathError(
                f"The backend {backend!r} forced for {op!r} by {source} does not serve it on platform "
                f"{platform!r}. Available: {available}. Fix: bm.set_op_backend({op!r}, backend=None) or "
                f"choose one of those."
            )
    return candidates[0]


def _forced_order(op: str) -> list[tuple[str, bool, str]]:
    order = []
    if op in _FORCED:
        order.append((_FORCED[op], True, "bm.set_op_backend"))
    if _ALL in _FORCED:
        order.append((_FORCED[_ALL], False, "bm.set_op_backend"))
    env, specific = _env_choice(op)
    if env is not None:
        order.append((env, specific, f"the environment variable {ENV_VAR}"))
    return order


def dispatch(op: str) -> Any:
    """The implementation of ``op`` chosen now (see :func:`select_backend`)."""
    return select_backend(op).impl


def set_op_backend(op: str | None = None, backend: str | None = None) -> None:
    r"""Force the backend of one operator, or of all operators.

    Parameters
    ----------
    op : str, optional
        An operator name of :mod:`brainpy.math` (``'pre2post_event_sum'``).
        ``None`` (default) applies ``backend`` to every operator that has it.
    backend : str, optional
        A backend name (``'jax'`` for the pure-JAX references, ``'numba'``
        for brainpy-ops' native CPU kernels, ``'pallas'`` for its GPU kernel,
        or a plugin's name). ``None``
        removes the forcing, so the highest priority wins again.

    Raises
    ------
    brainpy.errors.UnknownNameError
        If ``op`` names no registered operator, or if no operator has a
        backend called ``backend``.

    Notes
    -----
    The choice is made when an operator is traced: functions already compiled
    by ``jit`` keep the backend they were traced with.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> bm.set_op_backend('pre2post_event_sum', 'jax')
    >>> bm.get_op_backend('pre2post_event_sum')
    'jax'
    >>> bm.set_op_backend('pre2post_event_sum', None)
    """
    records = _backends()
    if op is not None and op not in {r.op for r in records}:
        raise UnknownNameError(
            f"op={op!r} is not an operator with registered backends. "
            f"Available: {', '.join(sorted({r.op for r in records}))}."
        )
    if backend is not None:
        served = {r.name for r in records if op is None or r.op == op}
        if backend not in served:
            where = f"the operator {op!r}" if op else "any operator"
            raise UnknownNameError(
                f"backend={backend!r} is not a backend of {where}. Available: {', '.join(sorted(served))} "
                f"(brainpy-ops adds 'numba' and 'pallas'; see brainpy.plugins.info())."
            )
    key = _ALL if op is None else op
    if backend is None:
        _FORCED.pop(key, None)
    else:
        _FORCED[key] = backend


def get_op_backend(op: str, platform: str | None = None) -> str:
    r"""The name of the backend that ``op`` uses now.

    Parameters
    ----------
    op : str
        An operator name of :mod:`brainpy.math`.
    platform : str, optional
        ``'cpu'``, ``'gpu'`` or ``'tpu'``; defaults to JAX's default backend.

    Returns
    -------
    str
        The backend name, for example ``'jax'`` or ``'numba'``.
    """
    return select_backend(op, platform).name
