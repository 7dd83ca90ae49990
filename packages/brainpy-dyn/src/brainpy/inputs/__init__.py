r"""Input current builders (``brainpy.inputs``).

Each builder returns an array whose first axis is time, sampled every ``dt``
(default ``brainpy.math.get_dt()``); feed it to a runner with the ``'iter'``
input type, e.g. ``inputs=[('neu.input', current, 'iter')]``.
"""

from __future__ import annotations

from brainpy.inputs._currents import (
    constant_current,
    constant_input,
    ou_process,
    ramp_current,
    ramp_input,
    section_input,
    sinusoidal_input,
    spike_current,
    spike_input,
    square_input,
    wiener_process,
)

__all__ = [
    "section_input",
    "constant_input",
    "constant_current",
    "spike_input",
    "spike_current",
    "ramp_input",
    "ramp_current",
    "wiener_process",
    "ou_process",
    "sinusoidal_input",
    "square_input",
]
