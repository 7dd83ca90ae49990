r"""Spike sources: ``SpikeTimeGroup`` (alias ``SpikeTimeInput``) and ``PoissonGroup`` (alias ``PoissonInput``)."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
from brainpy.dyn.neurons._common import SpikingGroup
from brainpy.errors import ModelBuildError

__all__ = ["SpikeTimeGroup", "SpikeTimeInput", "PoissonGroup", "PoissonInput"]


class SpikeTimeGroup(SpikingGroup):
    r"""A neuron group that spikes at given times.

    Neuron ``indices[k]`` emits a spike at time ``times[k]``: at the simulation step
    whose time is nearest to it (the step :math:`t` with
    :math:`t - \Delta t/2 \le` ``times[k]`` :math:`< t + \Delta t/2`).
    The group has the Variables ``spike`` and ``t_last_spike``.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    times : sequence of float
        The spike times (ms), one per spike.
    indices : sequence of int
        The (flattened) index of the neuron of each spike, as many as ``times``.
    need_sort : bool
        Whether to sort the spikes by time (default True). The result does not depend
        on the order; sorting only makes ``times``/``indices`` easier to read.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    Raises
    ------
    ModelBuildError
        If ``times`` or ``indices`` is missing, they differ in length, an index is not
        in ``[0, num)``, or a time is not a finite number.

    Examples
    --------
    >>> import brainpy as bp
    >>> group = bp.dyn.SpikeTimeGroup(3, times=[1., 2., 2.], indices=[0, 1, 2])
    >>> runner = bp.dyn.DSRunner(group, monitors=['spike'], dt=0.1, progress_bar=False)
    >>> _ = runner.run(3.)
    >>> [float(t) for t in runner.mon.ts[runner.mon.spike.any(axis=1)].round(1)]
    [1.0, 2.0]
    """

    def __init__(
        self,
        size: Any,
        times: Any,
        indices: Any,
        need_sort: bool = True,
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm

        super().__init__(size=size, keep_size=keep_size, name=name)
        for value, arg in ((times, "times"), (indices, "indices")):
            if value is None:
                raise ModelBuildError(
                    f"{self._owner}: {arg} must be given (a sequence, one entry per spike), but got None."
                )
        times_np = np.asarray(getattr(times, "value", times), dtype=float).ravel()
        indices_np = np.asarray(getattr(indices, "value", indices)).ravel()
        if times_np.shape != indices_np.shape:
            raise ModelBuildError(
                f"{self._owner}: times and indices must have the same length (one neuron index "
                f"per spike time), but got {times_np.size} times and {indices_np.size} indices."
            )
        if not np.all(np.isfinite(times_np)):
            raise ModelBuildError(f"{self._owner}: times must be finite numbers (ms), but got {times!r}.")
        if indices_np.size and (
            not np.issubdtype(indices_np.dtype, np.integer) or indices_np.min() < 0 or indices_np.max() >= self.num
        ):
            raise ModelBuildError(
                f"{self._owner}: indices must be integers in [0, {self.num}) (the flattened "
                f"neuron indices), but got {indices!r}."
            )
        if need_sort:
            order = np.argsort(times_np, kind="stable")
            times_np, indices_np = times_np[order], indices_np[order]
        self.times = bm.asarray(times_np)
        self.indices = bm.asarray(indices_np.astype(np.int32))
        self.spike = bm.Variable(bm.zeros(self.varshape, dtype=bool))
        self.t_last_spike = bm.Variable(bm.ones(self.varshape) * -1e7)

    def reset(self) -> None:
        r"""Clear the spikes."""
        self.spike.value = self.spike.value & False
        self.t_last_spike.value = self.t_last_spike.value * 0.0 - 1e7

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Emit the spikes whose time is nearest to this step."""
        import brainpy.math as bm
        import jax.numpy as jnp

        times = self.times.value
        now = (times >= _t - _dt / 2.0) & (times < _t + _dt / 2.0)
        flat = jnp.zeros(self.num, jnp.int32).at[self.indices.value].add(now.astype(jnp.int32)) > 0
        spike = flat.reshape(self.varshape)
        self.spike.value = spike
        self.t_last_spike.value = bm.where(spike, _t, self.t_last_spike.value)


class SpikeTimeInput(SpikeTimeGroup):
    r"""Spike Time Input: the BrainPy 2.1 alias of :class:`SpikeTimeGroup` (same parameters)."""


class PoissonGroup(SpikingGroup):
    r"""Poisson Group: independent Poisson spike trains.

    **Model Descriptions**

    In every step of length :math:`\Delta t` (ms), neuron :math:`i` spikes with
    probability :math:`f_i \Delta t / 1000`, independently of its past and of the other
    neurons: a Bernoulli approximation of a Poisson process of rate :math:`f_i` (Hz),
    exact in the limit :math:`f_i \Delta t \ll 1000`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    freqs : float, ArrayType, Initializer or callable
        The firing rates (Hz), non-negative.
    seed : int, optional
        The seed of the group's random numbers.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    Raises
    ------
    ModelBuildError
        If ``freqs`` is missing, of a wrong shape, or negative.

    Examples
    --------
    >>> import brainpy as bp
    >>> group = bp.dyn.PoissonGroup(100, freqs=20., seed=42)
    """

    def __init__(
        self, size: Any, freqs: Any, seed: int | None = None, keep_size: bool = False, name: str | None = None
    ) -> None:
        import brainpy.math as bm

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.freqs = self._param(freqs, "freqs")
        value = np.asarray(getattr(self.freqs, "value", self.freqs))
        if np.any(value < 0):
            raise ModelBuildError(f"{self._owner}: freqs must be non-negative rates (Hz), but got {freqs!r}.")
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (numbers.Integral, np.integer))):
            raise ModelBuildError(f"{self._owner}: seed must be an integer or None, but got {seed!r}.")
        self.seed = seed
        self.rng = bm.random.RandomState(seed)
        self.spike = bm.Variable(bm.zeros(self.varshape, dtype=bool))
        self.t_last_spike = bm.Variable(bm.ones(self.varshape) * -1e7)

    def reset(self) -> None:
        r"""Clear the spikes and, when a seed was given, restart the random numbers from it."""
        if self.seed is not None:
            self.rng.seed(self.seed)
        self.spike.value = self.spike.value & False
        self.t_last_spike.value = self.t_last_spike.value * 0.0 - 1e7

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Draw this step's spikes."""
        import brainpy.math as bm

        spike = self.rng.random(self.varshape) < self.freqs * _dt / 1000.0
        self.spike.value = spike
        self.t_last_spike.value = bm.where(spike, _t, self.t_last_spike.value)


class PoissonInput(PoissonGroup):
    r"""Poisson Group Input: the BrainPy 2.1 alias of :class:`PoissonGroup` (same parameters)."""
