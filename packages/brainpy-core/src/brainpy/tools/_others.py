r"""Small helpers: sizes, a dot-access dict, a progress bar."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from brainpy.errors import InvalidArgumentError

__all__ = ["to_size", "size2num", "DictPlus", "init_progress_bar"]


def to_size(x: Any) -> tuple[int, ...] | None:
    r"""Normalise a size: an int ``n`` becomes ``(n,)``, a sequence of ints a tuple, ``None`` stays ``None``.

    Raises
    ------
    InvalidArgumentError
        (a ``ValueError``) If ``x`` is not an int, a sequence of ints or None.
    """
    if x is None:
        return None
    if isinstance(x, (int, np.integer)) and not isinstance(x, bool):
        return (int(x),)
    if isinstance(x, Iterable) and not isinstance(x, (str, bytes)):
        out = tuple(x)
        if all(isinstance(i, (int, np.integer)) and not isinstance(i, bool) for i in out):
            return tuple(int(i) for i in out)
    raise InvalidArgumentError(f"A size must be an int or a sequence of ints, but got {x!r}.")


def size2num(size: Any) -> int:
    r"""The number of elements of a size (``(10, 20)`` -> 200)."""
    return int(np.prod(to_size(size) or (), dtype=np.int64))


class DictPlus(dict):
    r"""A ``dict`` whose items are also attributes (``d.a`` is ``d['a']``)."""

    def __getattr__(self, item: str) -> Any:
        try:
            return self[item]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no key {item!r}; keys: {list(self)}.") from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, item: str) -> None:
        try:
            del self[item]
        except KeyError:
            raise AttributeError(item) from None

    def copy(self) -> DictPlus:
        return DictPlus(self)


def init_progress_bar(duration: float, dt: float, report: float = 0.005, disable: bool = False) -> Any:
    r"""Create a ``tqdm`` progress bar for a run of ``duration`` with step ``dt``.

    Parameters
    ----------
    duration, dt : float
        The run length and the step; the bar counts ``int(duration / dt)`` steps.
    report : float
        Kept for compatibility with BrainPy 2.1 (fraction between refreshes).
    disable : bool
        Create a silent bar.
    """
    from tqdm.auto import tqdm

    del report
    return tqdm(total=int(duration / dt), disable=disable)
