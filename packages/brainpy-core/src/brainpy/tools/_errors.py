r"""Raising errors from inside compiled (jitted) code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import numpy as np

from brainpy._compat import is_tracer

__all__ = ["check_error_in_jit"]


def check_error_in_jit(pred: Any, err_fun: Callable[..., Any], err_arg: Any = None) -> None:
    r"""Check errors in a jit function: call ``err_fun(err_arg)`` (which raises) when ``pred`` holds.

    Outside compilation (``pred`` concrete) the check runs at once. Inside
    ``jit`` it becomes a host callback that runs when the compiled code
    executes; the raised error then surfaces as a ``jax.errors.JaxRuntimeError``
    whose message contains the original one.

    Parameters
    ----------
    pred : bool or boolean scalar array
        Whether there is an error.
    err_fun : callable
        Raises the error; receives ``err_arg`` (unpacked if it is a tuple).
    err_arg : Any, optional
        Data for the message (arrays are passed as NumPy values).
    """
    args = err_arg if isinstance(err_arg, tuple) else (err_arg,)
    if not is_tracer(pred) and not any(is_tracer(a) for a in jax.tree_util.tree_leaves(args)):
        if bool(np.asarray(pred)):
            err_fun(*args)
        return

    def host(p: Any, *a: Any) -> None:
        if bool(np.asarray(p)):
            err_fun(*a)

    jax.debug.callback(host, pred, *args)
