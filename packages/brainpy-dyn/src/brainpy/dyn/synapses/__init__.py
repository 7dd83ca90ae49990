r"""Synapse models of ``brainpy.dyn`` (``bp.dyn.ExpCOBA``, ``bp.dyn.AMPA``, ...).

Every class listed in ``__all__`` is registered as a synapse model through the
``brainpy_synapse_models`` hook (see :mod:`brainpy.dyn._plugin`), so it is also
reachable as ``bp.dyn.<Name>``.

All of them read the pre-synaptic ``spike`` (through a delay of ``delay_step``
steps), accept scalar or heterogeneous weights, and pick the connection kernel
(one-to-one, all-to-all, dense matrix or event-driven sparse) when built; see
:mod:`brainpy.dyn.synapses._projection`.
"""

from __future__ import annotations

from brainpy.dyn.synapses._delta import DeltaSynapse
from brainpy.dyn.synapses._dual_exp import AlphaCOBA, AlphaCUBA, DualExpCOBA, DualExpCUBA
from brainpy.dyn.synapses._exponential import ExpCOBA, ExpCUBA
from brainpy.dyn.synapses._kinetic import AMPA, GABAa
from brainpy.dyn.synapses._nmda import NMDA
from brainpy.dyn.synapses._stp import STP

__all__: list[str] = [
    "AMPA",
    "GABAa",
    "DeltaSynapse",
    "ExpCUBA",
    "ExpCOBA",
    "DualExpCUBA",
    "DualExpCOBA",
    "AlphaCUBA",
    "AlphaCOBA",
    "NMDA",
    "STP",
]

# The module path the spec prints (a facade); importing it here makes every class report it.
from brainpy.dyn.synapses import abstract_models  # noqa: E402, F401
