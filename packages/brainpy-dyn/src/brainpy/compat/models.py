r"""``brainpy.compat.models`` (also ``bp.models``): the BrainPy 2.0 model names.

BrainPy 2.0 kept its built-in models in ``brainpy.models``; the spec's own
tutorials still write ``bp.models.LIF(...)`` and ``bp.models.ExpCOBA(...)``.
Each name here is the model class of :mod:`brainpy.dyn` itself
(``bp.models.LIF is bp.dyn.LIF``), with the 2.1 parameters and behaviour.

Neurons: ``LIF``, ``AdExIF``, ``Izhikevich``; inputs: ``SpikeTimeInput``,
``PoissonInput``; synapses: ``DeltaSynapse``, ``ExpCUBA``, ``ExpCOBA``,
``AMPA``, ``GABAa`` (the 2.0.0 release list plus the 2.1 compat list).

The classes are looked up on first access (module ``__getattr__``), so this
module imports nothing from the model subpackages until a model is asked for.

Examples
--------
>>> import brainpy as bp
>>> bp.models.LIF is bp.dyn.LIF
True
"""

from __future__ import annotations

import importlib
from typing import Any

#: model name -> the subpackage of ``brainpy.dyn`` that defines it
_WHERE = {
    "LIF": "brainpy.dyn.neurons",
    "AdExIF": "brainpy.dyn.neurons",
    "Izhikevich": "brainpy.dyn.neurons",
    "SpikeTimeInput": "brainpy.dyn.neurons",
    "PoissonInput": "brainpy.dyn.neurons",
    "DeltaSynapse": "brainpy.dyn.synapses",
    "ExpCUBA": "brainpy.dyn.synapses",
    "ExpCOBA": "brainpy.dyn.synapses",
    "AMPA": "brainpy.dyn.synapses",
    "GABAa": "brainpy.dyn.synapses",
}

__all__ = list(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(
            f"module 'brainpy.compat.models' has no attribute {name!r}. The BrainPy 2.0 model names are "
            f"{', '.join(__all__)}; every other model is in brainpy.dyn (bp.dyn.{name})."
        )
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
