r"""Synapse models of ``brainpy.dyn`` (``bp.dyn.ExpCOBA``, ``bp.dyn.AMPA``, ...).

Every class listed in ``__all__`` is registered as a synapse model through the
``brainpy_synapse_models`` hook (see :mod:`brainpy.dyn._plugin`), so it is also
reachable as ``bp.dyn.<Name>``.
"""

from __future__ import annotations

__all__: list[str] = []
