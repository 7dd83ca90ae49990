r"""``Monitor``: what a runner records, and the recorded trajectories."""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from brainpy.errors import MonitorError

__all__ = ["Monitor"]


def _check_indices(key: str, indices: Any) -> np.ndarray | None:
    if indices is None:
        return None
    if isinstance(indices, (int, np.integer)) and not isinstance(indices, bool):
        indices = [indices]
    arr = np.asarray(indices.value if hasattr(indices, "value") else indices)
    if arr.ndim != 1 or arr.dtype.kind not in "iu":
        raise MonitorError(
            f"The indices of monitor {key!r} must be a 1-D sequence of ints (into the flattened "
            f"Variable), but got {indices!r}. For example: ('{key}', [0, 1, 2])."
        )
    return arr.astype(np.int64)


def _check_interval(key: str, interval: Any) -> float | None:
    if interval is None:
        return None
    if isinstance(interval, bool) or not isinstance(interval, numbers.Real) or not interval > 0:
        raise MonitorError(
            f"The interval of monitor {key!r} must be a positive number of ms (or None to record every "
            f"step), but got {interval!r}."
        )
    return float(interval)


class Monitor:
    r"""The basic Monitor class to store the past variable trajectories.

    Parameters
    ----------
    variables : list, tuple or dict
        What to record, each a Variable path relative to (or absolute in) the
        runner's target:

        * ``['V', 'spike']``: whole Variables;
        * ``['V', ('spike', [1, 2, 3])]``: a tuple gives the indices into the
          *flattened* Variable (a third element is the recording interval);
        * ``{'V': None, 'spike': [1, 2, 3]}``: path -> indices (None for all).
    intervals : float, list or dict, optional
        Record every ``interval`` ms instead of every step: one number for all
        variables, a list aligned with ``variables``, or path -> interval. The
        sampling times of such a variable are in ``mon['<path>.t']``.

    Attributes
    ----------
    item_names : list of str
        The monitored paths, in order.
    item_indices : list of numpy.ndarray or None
    item_intervals : list of float or None
    item_contents : dict
        Path -> recorded trajectory, shape ``(n_samples, n_values)``, after a run.
    ts : numpy.ndarray
        The times of the steps of the last run (ms).

    Examples
    --------
    >>> import brainpy as bp
    >>> mon = bp.Monitor(variables=['V', ('spike', [1, 2, 3])])
    >>> mon.item_names
    ['V', 'spike']
    """

    def __init__(self, variables: Any = (), intervals: Any = None) -> None:
        names, indices, intervals_ = [], [], []
        if isinstance(variables, str):
            variables = [variables]
        if isinstance(variables, Mapping):
            entries = [(k, v, None) for k, v in variables.items()]
        elif isinstance(variables, Sequence):
            entries = []
            for item in variables:
                if isinstance(item, str):
                    entries.append((item, None, None))
                elif isinstance(item, (tuple, list)) and 1 <= len(item) <= 3 and isinstance(item[0], str):
                    entries.append((item[0], item[1] if len(item) > 1 else None, item[2] if len(item) > 2 else None))
                else:
                    raise MonitorError(
                        f"Cannot understand the monitor item {item!r}. Give a Variable path ('V'), a tuple "
                        f"(path, indices) such as ('spike', [1, 2, 3]), or a dict {{path: indices}}."
                    )
        else:
            raise MonitorError(
                f"monitors must be a list/tuple of paths, a dict {{path: indices}} or a bp.Monitor, but got "
                f"a {type(variables).__name__}: {variables!r}."
            )
        for key, idx, interval in entries:
            if key in names:
                raise MonitorError(f"The monitor {key!r} is given twice; give each Variable once.")
            names.append(key)
            indices.append(_check_indices(key, idx))
            intervals_.append(_check_interval(key, interval))
        if intervals is not None:
            if isinstance(intervals, Mapping):
                unknown = [k for k in intervals if k not in names]
                if unknown:
                    raise MonitorError(f"intervals names {unknown}, which are not monitored ({names}).")
                intervals_ = [_check_interval(k, intervals.get(k, i)) for k, i in zip(names, intervals_)]
            elif isinstance(intervals, Sequence):
                if len(intervals) != len(names):
                    raise MonitorError(
                        f"intervals has {len(intervals)} entries but {len(names)} variables are monitored; "
                        f"give one interval (or None) per variable, or a dict."
                    )
                intervals_ = [_check_interval(k, i) for k, i in zip(names, intervals)]
            else:
                intervals_ = [_check_interval(k, intervals) for k in names]
        self.item_names: list[str] = names
        self.item_indices: list[np.ndarray | None] = indices
        self.item_intervals: list[float | None] = intervals_
        self.item_contents: dict[str, Any] = {}
        self.ts: Any = None

    @classmethod
    def from_spec(cls, monitors: Any) -> Monitor:
        r"""Build a Monitor from what a runner's ``monitors=`` accepts (None, list, dict, Monitor)."""
        if monitors is None:
            return cls(())
        if isinstance(monitors, Monitor):
            return monitors
        return cls(monitors)

    def __getitem__(self, key: str) -> Any:
        if not isinstance(key, str):
            raise KeyError(f"Monitor keys are strings (Variable paths), but got {key!r}.")
        if key == "ts":
            return self.ts
        contents = self.__dict__.get("item_contents", {})
        if key in contents:
            return contents[key]
        raise KeyError(
            f"{key!r} is not recorded by this monitor. Recorded: {['ts', *contents]}"
            + ("" if contents else " (nothing yet: run the runner first)")
            + "."
        )

    def __getattr__(self, item: str) -> Any:
        if item.startswith("__"):
            raise AttributeError(item)
        contents = self.__dict__.get("item_contents", {})
        if item in contents:
            return contents[item]
        raise AttributeError(
            f"The monitor has no recorded variable {item!r}. Recorded: {['ts', *contents]}. Paths with dots "
            f"are read with mon['E.spike']."
        )

    def __contains__(self, key: str) -> bool:
        return key == "ts" or key in self.item_contents

    def keys(self) -> list[str]:
        r"""The recorded keys (``'ts'`` first)."""
        return ["ts", *self.item_contents]

    def numpy(self) -> None:
        r"""Convert the recorded trajectories to NumPy arrays (in place)."""
        for k, v in self.item_contents.items():
            self.item_contents[k] = np.asarray(v)
        if self.ts is not None:
            self.ts = np.asarray(self.ts)

    def __repr__(self) -> str:
        return f"Monitor(items={self.item_names}, recorded={list(self.item_contents)})"


Monitor.__module__ = "brainpy.running.monitor"
