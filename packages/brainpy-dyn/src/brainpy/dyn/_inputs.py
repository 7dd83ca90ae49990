r"""Runner inputs: ``(target, value, [type, operation])`` specifications.

``type`` is ``'fix'`` (a constant, the default), ``'iter'`` (one value per
step: an array whose first axis is time, or any Python iterable/generator) or
``'func'`` (a function of the time, ``f(t)`` or ``f(t, dt)``, evaluated every
step). ``operation`` is one of ``+ - * / =`` (default ``+``): the Variable
becomes ``var <op> value`` before the target's update of each step.
"""

from __future__ import annotations

import inspect
import operator
from collections.abc import Iterable, Iterator
from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy.errors import RunningError
from brainpy.running._runner import find_variable

__all__ = ["InputSpec", "format_inputs", "build_inputs"]

_TYPES = ("fix", "iter", "func")
_OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "=": None}


def format_inputs(inputs: Any) -> list[tuple]:
    r"""Normalise ``inputs`` to a list of ``(target, value, type, operation)`` tuples.

    Accepts one spec (``('input', 10.)`` or ``['input', -0.5]``), or a list/tuple of specs.

    Raises
    ------
    RunningError
        If a spec has the wrong length, type or operation.
    """
    if inputs is None:
        return []
    if not isinstance(inputs, (tuple, list)):
        raise RunningError(
            f"inputs must be a tuple (target, value, [type, operation]) or a list of them, but got a "
            f"{type(inputs).__name__}: {inputs!r}."
        )
    if len(inputs) == 0:
        return []
    specs = [inputs] if isinstance(inputs[0], str) else list(inputs)
    out = []
    for spec in specs:
        if not isinstance(spec, (tuple, list)) or not 2 <= len(spec) <= 4 or not isinstance(spec[0], str):
            raise RunningError(
                f"Each input must be (target, value, [type, operation]) with a path string as target, "
                f"e.g. ('E.input', 20.) or ('V', data, 'iter', '='), but got {spec!r}."
            )
        key, value = spec[0], spec[1]
        type_ = spec[2] if len(spec) > 2 else "fix"
        op = spec[3] if len(spec) > 3 else "+"
        if type_ not in _TYPES:
            raise RunningError(f"The input type of {key!r} must be one of {_TYPES}, but got {type_!r}.")
        if op not in _OPS:
            raise RunningError(f"The input operation of {key!r} must be one of {tuple(_OPS)}, but got {op!r}.")
        if type_ == "func" and not callable(value):
            raise RunningError(f"The 'func' input of {key!r} must be a function f(t) or f(t, dt), but got {value!r}.")
        out.append((key, value, type_, op))
    return out


class InputSpec:
    r"""One resolved input: the Variable, how to get the value of a step and how to apply it."""

    def __init__(self, key: str, var: Any, value: Any, type_: str, op: str) -> None:
        self.key, self.var, self.type, self.op = key, var, type_, op
        self.value = value
        self._array: np.ndarray | None = None
        self._iterator: Iterator | None = None
        self._nargs = 1
        shape = tuple(var.shape)
        if type_ == "fix":
            self.value = jnp.asarray(getattr(value, "value", value))
            _check_shape(key, self.value.shape, shape)
        elif type_ == "iter":
            if hasattr(value, "shape") and hasattr(value, "dtype"):
                self._array = np.asarray(getattr(value, "value", value))
                if self._array.ndim == 0:
                    raise RunningError(f"The 'iter' input of {key!r} is a scalar; iterate an array along time.")
                _check_shape(key, self._array.shape[1:], shape)
            elif not isinstance(value, Iterable):
                raise RunningError(f"The 'iter' input of {key!r} must be an array or an iterable, but got {value!r}.")
        else:
            try:
                params = [
                    p
                    for p in inspect.signature(value).parameters.values()
                    if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
                ]
                self._nargs = 2 if len(params) >= 2 else 1
            except (TypeError, ValueError):
                self._nargs = 1

    @property
    def is_iter(self) -> bool:
        return self.type == "iter"

    def start_run(self, n_steps: int) -> None:
        r"""Check that an iterated array covers ``n_steps`` steps; open a fresh iterator."""
        if self._array is not None:
            if self._array.shape[0] < n_steps:
                raise RunningError(
                    f"The 'iter' input of {self.key!r} has {self._array.shape[0]} time steps, but the run has "
                    f"{n_steps} steps. Give at least one value per step."
                )
        elif self.type == "iter":
            self._iterator = iter(self.value)

    def chunk(self, start: int, stop: int) -> Any:
        r"""The per-step values of steps ``[start, stop)`` of the run (first axis: time)."""
        if self._array is not None:
            return jnp.asarray(self._array[start:stop], dtype=self.var.dtype)
        rows = []
        for _ in range(stop - start):
            try:
                rows.append(np.asarray(getattr(x := next(self._iterator), "value", x)))
            except StopIteration:
                raise RunningError(
                    f"The 'iter' input of {self.key!r} ran out of values after {start + len(rows)} steps."
                ) from None
        data = np.stack(rows)
        _check_shape(self.key, data.shape[1:], tuple(self.var.shape))
        return jnp.asarray(data, dtype=self.var.dtype)

    def apply(self, t: Any, dt: float, step_value: Any) -> None:
        r"""Apply the input of this step (``step_value`` is the iterated value, if any)."""
        if self.type == "fix":
            value = self.value
        elif self.type == "iter":
            value = step_value
        else:
            value = self.value(t, dt) if self._nargs == 2 else self.value(t)
            value = getattr(value, "value", value)
        old = self.var.value
        new = value if self.op == "=" else _OPS[self.op](old, value)
        self.var.value = jnp.broadcast_to(jnp.asarray(new), old.shape).astype(old.dtype)


def _check_shape(key: str, got: tuple, want: tuple) -> None:
    try:
        ok = np.broadcast_shapes(tuple(got), want) == want
    except ValueError:
        ok = False
    if not ok:
        raise RunningError(
            f"The input of {key!r} has shape {tuple(got)}, which does not broadcast to the Variable's shape {want}."
        )


def build_inputs(target: Any, inputs: Any) -> list[InputSpec]:
    r"""Resolve every input spec against ``target`` (paths as for monitors)."""
    return [
        InputSpec(key, find_variable(target, key, "input"), value, type_, op)
        for key, value, type_, op in format_inputs(inputs)
    ]
