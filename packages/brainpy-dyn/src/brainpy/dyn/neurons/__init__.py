r"""Neuron models of ``brainpy.dyn`` (``bp.dyn.LIF``, ``bp.dyn.HH``, ...).

Every class listed in ``__all__`` is registered as a neuron model through the
``brainpy_neuron_models`` hook (see :mod:`brainpy.dyn._plugin`), so it is also
reachable as ``bp.dyn.<Name>``.
"""

from __future__ import annotations

from brainpy.dyn.neurons._lif import LIF

__all__ = ["LIF"]
