r"""Checking the data given to runners and trainers, before any JAX tracing.

Runner data carry the batch axis first and, for time series, the time axis
second: ``(num_batch, num_time, *feature_shape)``, where ``feature_shape`` is
the input node's shape without its batch axis (``(3,)`` for
``bp.nn.Input(3)``). A model with several input nodes takes a dict keyed by
their names. :func:`check_inputs` compares the data with the input nodes'
shapes, so that a wrong array fails with a message naming the node and the
expected shape instead of an error from inside the compiled loop.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brainpy.errors import RunningError

__all__ = ["InputShapeError", "check_inputs"]


class InputShapeError(RunningError, ValueError):
    """The data given to a runner or trainer do not fit the model's input nodes."""


def _entry_shapes(target: Any, xs: Any) -> dict[str, tuple | None]:
    """``{input name: feature shape (no batch axis), or None when unknown}``.

    For a network the inputs are its input nodes. A single node takes one
    array per feedforward input (a dict of them is matched in order).
    """
    from brainpy.nn._network import Network

    if isinstance(target, Network):
        found: dict[str, tuple | None] = {}
        for node in target.entry_nodes:
            shapes = node.feedforward_shapes
            found[node.name] = tuple(shapes[0][1:]) if shapes is not None and len(shapes) == 1 else None
        return found
    shapes = target.feedforward_shapes
    keys = list(xs) if isinstance(xs, Mapping) else [target.name]
    if shapes is None or len(shapes) != len(keys):
        return {k: None for k in keys}
    return {k: tuple(s[1:]) for k, s in zip(keys, shapes)}


def _layout(time_axis: bool) -> str:
    return "(num_batch, num_time, *feature_shape)" if time_axis else "(num_sample, *feature_shape)"


def _leaves(target: Any, xs: Any, expected: dict, what: str) -> dict[str, Any]:
    names = list(expected)
    if isinstance(xs, Mapping):
        missing = [k for k in names if k not in xs]
        extra = [k for k in xs if k not in names]
        if missing or extra:
            raise InputShapeError(
                f"{what} is a dict, so its keys must be the input nodes of {target.name}: {names}; got "
                f"{list(xs)}"
                + (f" (missing {missing})" if missing else "")
                + (f" (unknown {extra})" if extra else "")
                + "."
            )
        return {k: xs[k] for k in names}
    if len(names) != 1:
        raise InputShapeError(
            f"{target.name} has {len(names)} input nodes {names}, so {what} must be a dict keyed by their names, "
            f"but got a {type(xs).__name__}."
        )
    return {names[0]: xs}


def check_inputs(target: Any, xs: Any, what: str = "xs", time_axis: bool = True) -> tuple[int, int]:
    r"""Check ``xs`` against the input nodes of ``target``; return its batch size and length.

    Parameters
    ----------
    target : Node or Network
        The model the data are given to.
    xs : array or dict of arrays
        ``(num_batch, num_time, *feature_shape)`` per input node (or
        ``(num_sample, *feature_shape)`` when ``time_axis`` is False).
    what : str
        How the data are named in messages (``'xs'``, ``'X of train_data'``).
    time_axis : bool
        Whether the data have a time axis after the batch axis.

    Returns
    -------
    num_batch : int
    num_time : int
        The length of the time axis (the number of samples when ``time_axis`` is False).

    Raises
    ------
    InputShapeError
        (a ``ValueError``) when an array has the wrong number of axes, wrong
        feature sizes, or the arrays disagree on their leading axes.
    """
    expected = _entry_shapes(target, xs)
    leaves = _leaves(target, xs, expected, what)
    lead = 2 if time_axis else 1
    leading: dict[str, tuple] = {}
    for name, x in leaves.items():
        shape = getattr(x, "shape", None)
        if shape is None:
            raise InputShapeError(
                f"{what} for the input node {name} must be an array of shape {_layout(time_axis)}, "
                f"but got a {type(x).__name__}. Convert it with bm.asarray(...)."
            )
        shape = tuple(int(s) for s in shape)
        feature = expected[name]
        want = None if feature is None else (("num_batch", "num_time") if time_axis else ("num_sample",)) + feature
        if len(shape) < lead or (
            feature is not None and (len(shape) != lead + len(feature) or shape[lead:] != feature)
        ):
            hint = ""
            if feature is not None and time_axis and len(shape) == lead + len(feature) - 1:
                hint = (
                    " It lacks an axis: one series of shape (num_time, *feature_shape) becomes xs[None]; "
                    "one step of shape (num_batch, *feature_shape) becomes xs[:, None]."
                )
            want_text = "" if want is None else " = (" + ", ".join(str(s) for s in want) + ")"
            raise InputShapeError(
                f"{what} for the input node {name} must have shape {_layout(time_axis)}{want_text}, "
                f"but got shape {shape}.{hint}"
            )
        leading[name] = shape[:lead]
    if len(set(leading.values())) != 1:
        raise InputShapeError(
            f"The inputs in {what} must agree on their leading axes "
            f"{'(num_batch, num_time)' if time_axis else '(num_sample,)'}, but got {leading}."
        )
    first = next(iter(leading.values()))
    return (first[0], first[1]) if time_axis else (first[0], first[0])
