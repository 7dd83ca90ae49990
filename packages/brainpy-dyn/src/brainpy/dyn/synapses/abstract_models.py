r"""The spec's module path of the abstract synapses (``brainpy.dyn.synapses.abstract_models``).

A re-exporting facade: the classes are those of :mod:`brainpy.dyn.synapses`
(``abstract_models.ExpCOBA is bp.dyn.ExpCOBA``). Importing it makes them report
this module as theirs, as BrainPy 2.1 prints them
(``<brainpy.dyn.synapses.abstract_models.ExpCOBA at 0x...>``).
"""

from brainpy.dyn.synapses import (
    NMDA,
    AlphaCOBA,
    AlphaCUBA,
    DeltaSynapse,
    DualExpCOBA,
    DualExpCUBA,
    ExpCOBA,
    ExpCUBA,
)

__all__ = ["DeltaSynapse", "ExpCUBA", "ExpCOBA", "DualExpCUBA", "DualExpCOBA", "AlphaCUBA", "AlphaCOBA", "NMDA"]

for _cls in (DeltaSynapse, ExpCUBA, ExpCOBA, DualExpCUBA, DualExpCOBA, AlphaCUBA, AlphaCOBA, NMDA):
    _cls.__module__ = __name__
del _cls
