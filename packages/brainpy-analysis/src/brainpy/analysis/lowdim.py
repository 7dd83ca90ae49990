r"""The low-dimensional analyzers (``brainpy.analysis.lowdim``): a facade over their modules."""

from __future__ import annotations

from brainpy.analysis._base import LowDimAnalyzer
from brainpy.analysis._bifurcation2d import Bifurcation2D, FastSlow2D
from brainpy.analysis._num1d import Bifurcation1D, FastSlow1D, Num1DAnalyzer, PhasePlane1D
from brainpy.analysis._num2d import Num2DAnalyzer
from brainpy.analysis._phase_plane2d import PhasePlane2D

__all__ = [
    "LowDimAnalyzer",
    "Num1DAnalyzer",
    "Num2DAnalyzer",
    "PhasePlane1D",
    "PhasePlane2D",
    "Bifurcation1D",
    "Bifurcation2D",
    "FastSlow1D",
    "FastSlow2D",
]
