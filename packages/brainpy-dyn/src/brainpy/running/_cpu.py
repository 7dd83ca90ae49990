r"""``set_cpu_cores``: run JAX's CPU backend on fewer cores, chosen before it starts.

XLA's CPU backend sizes its thread pool from the process's CPU affinity when
the backend starts (at the first computation), and splits the element-wise
work of every compiled step over that pool. A simulation step of a network of
a few thousand neurons is a few microseconds of work, less than what the
threads spend synchronising: on a 2-core machine the E-I benchmark
(``benchmarks/bench_ei.py``) runs about 1.5 times faster on one core, and the
per-step random number generation 3 times faster. Large parallel work (dense
matrix products, big batches) gets slower instead, so this is an explicit
choice, never made for the user.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from brainpy.errors import RunningError

__all__ = ["set_cpu_cores"]


def _backend_started() -> bool:
    try:
        from jax._src import xla_bridge
    except ImportError:  # pragma: no cover - layout of other JAX versions
        return False
    started = getattr(xla_bridge, "backends_are_initialized", None)
    if started is not None:
        return bool(started())
    return bool(getattr(xla_bridge, "_backends", None))  # pragma: no cover


def set_cpu_cores(num: int | None = 1, cores: Iterable[int] | None = None) -> tuple[int, ...]:
    r"""Restrict this process to some CPU cores, before JAX's CPU backend starts.

    Call it right after the imports, before anything is computed (building a
    model computes: it creates arrays). Equivalent to starting Python under
    ``taskset -c 0`` (Linux), which needs no code change. Processes started
    afterwards (for instance by :func:`brainpy.running.process_pool`) inherit
    the restriction.

    Parameters
    ----------
    num : int, optional
        Keep the first ``num`` of the cores this process may use now. Default 1.
    cores : iterable of int, optional
        The core ids to use (as ``os.sched_getaffinity`` numbers them);
        overrides ``num``.

    Returns
    -------
    tuple of int
        The cores the process now runs on.

    Raises
    ------
    RunningError
        When JAX's backend has already started (its thread pool is sized: the
        restriction would only crowd those threads onto fewer cores), when the
        platform cannot set CPU affinity (it is a Linux facility), or for a
        bad ``num`` / ``cores``.

    Examples
    --------
    >>> import brainpy as bp
    >>> bp.running.set_cpu_cores(1)  # doctest: +SKIP
    (0,)
    """
    if not hasattr(os, "sched_setaffinity"):
        raise RunningError(
            "set_cpu_cores() needs os.sched_setaffinity, which this platform lacks (it is Linux-only); "
            "start Python with the operating system's own tool instead (e.g. 'start /affinity 1' on Windows)."
        )
    allowed = sorted(os.sched_getaffinity(0))
    if cores is not None:
        chosen = sorted({int(c) for c in cores})
        if not chosen or any(c not in allowed for c in chosen):
            raise RunningError(f"cores={chosen!r} must be a non-empty subset of the allowed cores {allowed}.")
    else:
        if isinstance(num, bool) or not isinstance(num, int) or num < 1:
            raise RunningError(f"num must be a positive int (the number of cores), but got {num!r}.")
        chosen = allowed[:num]
    if _backend_started():
        raise RunningError(
            "set_cpu_cores() must be called before JAX's backend starts, i.e. before the first computation "
            "(creating a model or an array computes); here it has started, and its thread pool is sized for "
            f"{len(allowed)} core(s). Call it right after 'import brainpy', or run Python under "
            "'taskset -c 0' (Linux)."
        )
    os.sched_setaffinity(0, chosen)
    return tuple(chosen)
