r"""Constants of :mod:`brainpy.integrators`: variable kinds, SDE integral and Wiener types."""

from __future__ import annotations

__all__ = [
    "SCALAR_VAR",
    "POP_VAR",
    "SYSTEM_VAR",
    "SUPPORTED_VAR_TYPE",
    "ITO_SDE",
    "STRA_SDE",
    "SUPPORTED_INTG_TYPE",
    "SCALAR_WIENER",
    "VECTOR_WIENER",
    "SUPPORTED_WIENER_TYPE",
    "DT",
]

#: Each variable is a scalar.
SCALAR_VAR = "scalar"
#: Each variable is a vector or matrix of independent elements (the default).
POP_VAR = "population"
#: One argument holds a whole system of variables (``x, y = xy``).
SYSTEM_VAR = "system"
SUPPORTED_VAR_TYPE = (SCALAR_VAR, POP_VAR, SYSTEM_VAR)

#: Itô stochastic integral (the default of ``bp.sdeint``).
ITO_SDE = "Ito"
#: Stratonovich stochastic integral.
STRA_SDE = "Stratonovich"
SUPPORTED_INTG_TYPE = (ITO_SDE, STRA_SDE)

#: One Wiener process shared by all components: ``g`` has the shape of the variable.
SCALAR_WIENER = "scalar_wiener"
#: ``m`` independent Wiener processes: ``g`` has shape ``(m,) + shape of the variable``.
VECTOR_WIENER = "vector_wiener"
SUPPORTED_WIENER_TYPE = (SCALAR_WIENER, VECTOR_WIENER)

#: The name of the step-size argument of every integrator.
DT = "dt"
