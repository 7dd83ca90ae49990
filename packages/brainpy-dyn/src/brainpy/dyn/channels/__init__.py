r"""Ion channels and ion dynamics (``bp.dyn.channels.INa``, ...), composable into ``bp.dyn.CondNeuGroup``.

Every class listed in ``__all__`` is registered as a channel model through the
``brainpy_channel_models`` hook (see :mod:`brainpy.dyn._plugin`), so that
``bp.dyn.CondNeuGroup`` and ``bp.dyn.Channel`` resolve too.

Every ``current(...)`` returns the inward current :math:`g (E - V)`
(:math:`\mu A/cm^2`), the term added to :math:`C\,dV/dt`.
"""

from __future__ import annotations

from brainpy.dyn.channels._base import (
    Calcium,
    CalciumChannel,
    Channel,
    IhChannel,
    Ion,
    IonChannel,
    LeakyChannel,
    PotassiumChannel,
    SodiumChannel,
)
from brainpy.dyn.channels._ca_channels import ICaHT, ICaL, ICaT, ICaT_RE
from brainpy.dyn.channels._ca_dependent import IAHP, ICaN
from brainpy.dyn.channels._calcium import CalciumAbstract, CalciumDetailed, CalciumFixed
from brainpy.dyn.channels._leaky_ih import IKL, IL, Ih
from brainpy.dyn.channels._na_k import IK2, IK_DR, INa, INa_v2
from brainpy.dyn.channels._neuron import CondNeuGroup
from brainpy.dyn.channels._neuron import CondNeuGroup as ConNeuGroup  # the API page's spelling (2.1.10)

__all__: list[str] = [
    # neuron group and abstract channel (bp.dyn.CondNeuGroup, bp.dyn.Channel)
    "CondNeuGroup",
    "ConNeuGroup",
    "Channel",
    # bases
    "Ion",
    "IonChannel",
    "SodiumChannel",
    "PotassiumChannel",
    "Calcium",
    "CalciumChannel",
    "IhChannel",
    "LeakyChannel",
    # sodium
    "INa",
    "INa_v2",
    # potassium
    "IK_DR",
    "IK2",
    # calcium dynamics
    "CalciumFixed",
    "CalciumDetailed",
    "CalciumAbstract",
    # calcium and calcium-dependent channels
    "IAHP",
    "ICaN",
    "ICaT",
    "ICaT_RE",
    "ICaHT",
    "ICaL",
    # Ih and leak
    "Ih",
    "IL",
    "IKL",
]


def __getattr__(name: str) -> type:
    """Models registered by plugins are found here too (``bp.dyn.channels.<Name>``)."""
    if name.startswith("__"):
        raise AttributeError(name)
    from brainpy.plugins import lookup

    return lookup("channel_models", name)
