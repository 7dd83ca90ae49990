r"""Measurements of simulated neural activity (``brainpy.measure``)."""

from __future__ import annotations

from brainpy.measure._correlation import (
    cross_correlation,
    functional_connectivity,
    matrix_correlation,
    voltage_fluctuation,
    weighted_correlation,
)
from brainpy.measure._firings import firing_rate, raster_plot

__all__ = [
    "cross_correlation",
    "voltage_fluctuation",
    "functional_connectivity",
    "matrix_correlation",
    "weighted_correlation",
    "raster_plot",
    "firing_rate",
]
