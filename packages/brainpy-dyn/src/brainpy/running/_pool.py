r"""``process_pool`` and ``process_pool_lock``: run one function over many parameter sets in processes.

The processes are *spawned* (not forked), because JAX is multithreaded and a
forked JAX process can deadlock; the function must therefore be importable
(defined at module level in an importable module).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from brainpy.errors import ArgumentTypeError, InvalidArgumentError

__all__ = ["process_pool", "process_pool_lock"]


def _check(func: Any, all_params: Any, num_process: Any) -> None:
    if not callable(func):
        raise ArgumentTypeError(f"func must be callable, but got {func!r}.")
    if not isinstance(all_params, Sequence) or isinstance(all_params, str):
        raise ArgumentTypeError(
            f"all_params must be a list of parameter sets (tuples or dicts), but got {all_params!r}."
        )
    for p in all_params:
        if not isinstance(p, (tuple, list, Mapping)):
            raise ArgumentTypeError(
                f"Each parameter set must be a tuple/list (positional) or a dict (keywords), got {p!r}."
            )
    if isinstance(num_process, bool) or not isinstance(num_process, int) or num_process < 1:
        raise InvalidArgumentError(f"The number of processes must be a positive int, but got {num_process!r}.")


def _run(func: Callable, all_params: Sequence[Any], num_process: int, lock: Any = None) -> list[Any]:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes=num_process) as pool:
        pending = []
        for params in all_params:
            if isinstance(params, Mapping):
                kwargs = dict(params) if lock is None else {**params, "lock": lock}
                pending.append(pool.apply_async(func, kwds=kwargs))
            else:
                args = tuple(params) if lock is None else (*params, lock)
                pending.append(pool.apply_async(func, args=args))
        return [p.get() for p in pending]


def process_pool(func: Callable, all_params: Sequence[Any], num_process: int) -> list[Any]:
    r"""Run multiple models in multi-processes.

    Parameters
    ----------
    func : callable
        The function that builds and runs one model (importable, module level).
    all_params : list of tuple or dict
        One parameter set per job: a tuple (positional arguments) or a dict (keywords).
    num_process : int
        The number of worker processes.

    Returns
    -------
    list
        The results of the jobs, in the order of ``all_params``.
    """
    _check(func, all_params, num_process)
    return _run(func, all_params, num_process)


def process_pool_lock(func: Callable, all_params: Sequence[Any], num_process: int) -> list[Any]:
    r"""Run multiple models in multi-processes with lock.

    Like :func:`process_pool`, but ``func`` also receives a shared lock (last
    positional argument, or the keyword ``lock``) to serialise what must not
    run concurrently, such as writing to one file::

        def run_model(a, b, lock):
            ...                 # simulate
            with lock:
                ...             # write the results

    Parameters
    ----------
    func : callable
        The function to run; it accepts ``lock``.
    all_params : list of tuple or dict
        One parameter set per job.
    num_process : int
        The number of worker processes.

    Returns
    -------
    list
        The results of the jobs, in the order of ``all_params``.
    """
    _check(func, all_params, num_process)
    manager = multiprocessing.get_context("spawn").Manager()
    try:
        return _run(func, all_params, num_process, lock=manager.Lock())
    finally:
        manager.shutdown()
