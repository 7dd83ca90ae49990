r"""Rate (neural mass) models and their couplings (``bp.dyn.rates.FHN``, ...).

``from brainpy.dyn import rates`` and ``bp.dyn.rates`` both work. Every class
listed in ``__all__`` is registered as a rate model through the
``brainpy_rate_models`` hook (see :mod:`brainpy.dyn._plugin`).
"""

from __future__ import annotations

from brainpy.dyn.rates._base import Population
from brainpy.dyn.rates._couplings import AdditiveCoupling, DelayCoupling, DiffusiveCoupling
from brainpy.dyn.rates._fhn import FHN, FeedbackFHN
from brainpy.dyn.rates._models import QIF, StuartLandauOscillator, WilsonCowanModel
from brainpy.dyn.rates._threshold_linear import ThresholdLinearModel

__all__: list[str] = [
    "Population",
    "FHN",
    "FeedbackFHN",
    "QIF",
    "StuartLandauOscillator",
    "WilsonCowanModel",
    "ThresholdLinearModel",
    "DelayCoupling",
    "DiffusiveCoupling",
    "AdditiveCoupling",
]


def __getattr__(name: str) -> type:
    """Models registered by plugins are found here too (``bp.dyn.rates.<Name>``)."""
    if name.startswith("__"):
        raise AttributeError(name)
    from brainpy.plugins import lookup

    return lookup("rate_models", name)
