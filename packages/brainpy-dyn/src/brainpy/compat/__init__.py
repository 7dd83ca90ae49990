r"""``brainpy.compat``: the BrainPy 2.0 names, kept for 2.0-era code.

BrainPy 2.0 exported its brain objects, runners and models at the top level
(``bp.Network``, ``bp.DSRunner``, ``bp.models.LIF``); 2.1 moved them into
:mod:`brainpy.dyn` and :mod:`brainpy.integrators`. This package keeps the 2.0
names. Every name is the modern object itself (``bp.compat.Network is
bp.dyn.Network``; no copies, no deprecation warnings), except
:class:`~brainpy.compat.layers.Module`, which has no 2.1 counterpart.

* brain objects (:mod:`~brainpy.compat.brainobjects`): ``DynamicalSystem``,
  ``Container``, ``Network``, ``ConstantDelay``, ``NeuGroup``, ``TwoEndConn``;
* integrators (:mod:`~brainpy.compat.integrators`): ``set_default_odeint``,
  ``set_default_sdeint``, ``get_default_odeint``, ``get_default_sdeint``;
* layers (:mod:`~brainpy.compat.layers`): ``Module``;
* models (:mod:`~brainpy.compat.models`, also ``bp.models``): ``LIF``,
  ``AdExIF``, ``Izhikevich``, ``ExpCOBA``, ``ExpCUBA``, ``DeltaSynapse``, and
  the 2.0.0 ``SpikeTimeInput``, ``PoissonInput``, ``AMPA``, ``GABAa``;
* runners (:mod:`~brainpy.compat.runners`): ``IntegratorRunner``,
  ``DSRunner``, ``StructRunner``, ``ReportRunner``;
* :class:`Monitor` (:mod:`~brainpy.compat.monitor`).

The model classes are looked up when first used, so importing this package
does not import the model subpackages.
"""

from __future__ import annotations

from typing import Any

from brainpy.compat import brainobjects, integrators, layers, models, monitor, runners
from brainpy.compat.brainobjects import ConstantDelay, Container, DynamicalSystem, Network, NeuGroup, TwoEndConn
from brainpy.compat.integrators import get_default_odeint, get_default_sdeint, set_default_odeint, set_default_sdeint
from brainpy.compat.layers import Module
from brainpy.compat.monitor import Monitor
from brainpy.compat.runners import DSRunner, IntegratorRunner, ReportRunner, StructRunner

__all__ = [
    # modules
    "brainobjects",
    "integrators",
    "layers",
    "models",
    "monitor",
    "runners",
    # brain objects
    "DynamicalSystem",
    "Container",
    "Network",
    "ConstantDelay",
    "NeuGroup",
    "TwoEndConn",
    # integrators
    "set_default_odeint",
    "set_default_sdeint",
    "get_default_odeint",
    "get_default_sdeint",
    # layers
    "Module",
    # models
    *models.__all__,
    # runners
    "IntegratorRunner",
    "DSRunner",
    "StructRunner",
    "ReportRunner",
    # monitor
    "Monitor",
]


def __getattr__(name: str) -> Any:
    if name in models.__all__:
        return getattr(models, name)
    raise AttributeError(f"module 'brainpy.compat' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
