r"""``brainpy.datasets``: chaotic time series (maps and flows) for training and benchmarks.

Examples
--------
>>> import brainpy as bp
>>> data = bp.datasets.lorenz_series(1.0, dt=0.01)
>>> data["x"].shape
(100, 1)
"""

from brainpy.datasets import _chaotic, _delayed
from brainpy.datasets._chaotic import *  # noqa: F403
from brainpy.datasets._delayed import *  # noqa: F403

__all__ = [*_chaotic.__all__, *_delayed.__all__]
