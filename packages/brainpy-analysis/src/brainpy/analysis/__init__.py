r"""Dynamics analysis (distribution brainpy-analysis): phase planes, bifurcations, fast-slow
analysis, slow points and stability.

Progress messages ("I am searching fixed points ...") go through the ``logging`` logger
``"brainpy.analysis"``. By default it prints them on stdout at level INFO, as the BrainPy
documentation shows; ``logging.getLogger("brainpy.analysis").setLevel("WARNING")`` silences
them and :func:`use_default_handler(False) <brainpy.analysis.use_default_handler>` routes them
to your own logging configuration instead.
"""

from __future__ import annotations

from brainpy.analysis import constants, stability
from brainpy.analysis import constants as C
from brainpy.analysis._base import LowDimAnalyzer
from brainpy.analysis._bifurcation2d import Bifurcation2D, FastSlow2D
from brainpy.analysis._num1d import Bifurcation1D, FastSlow1D, Num1DAnalyzer, PhasePlane1D
from brainpy.analysis._num2d import Num2DAnalyzer
from brainpy.analysis._phase_plane2d import PhasePlane2D
from brainpy.analysis._slow_points import SlowPointFinder
from brainpy.analysis._utils import use_default_handler
from brainpy.analysis.stability import (
    CENTER_2D,
    CENTER_MANIFOLD,
    SADDLE_NODE,
    STABLE_DEGENERATE_2D,
    STABLE_FOCUS_2D,
    STABLE_FOCUS_3D,
    STABLE_NODE_2D,
    STABLE_NODE_3D,
    STABLE_POINT_1D,
    STABLE_STAR_2D,
    UNSTABLE_DEGENERATE_2D,
    UNSTABLE_FOCUS_2D,
    UNSTABLE_FOCUS_3D,
    UNSTABLE_LINE_2D,
    UNSTABLE_NODE_2D,
    UNSTABLE_NODE_3D,
    UNSTABLE_POINT_1D,
    UNSTABLE_STAR_2D,
    get_1d_stability_types,
    get_2d_stability_types,
    get_3d_stability_types,
    plot_scheme,
    stability_analysis,
)

__all__ = [
    "C",
    "constants",
    "stability",
    "use_default_handler",
    # low-dimensional analyzers
    "LowDimAnalyzer",
    "Num1DAnalyzer",
    "Num2DAnalyzer",
    "PhasePlane1D",
    "PhasePlane2D",
    "Bifurcation1D",
    "Bifurcation2D",
    "FastSlow1D",
    "FastSlow2D",
    # high-dimensional analyzer
    "SlowPointFinder",
    # stability
    "get_1d_stability_types",
    "get_2d_stability_types",
    "get_3d_stability_types",
    "stability_analysis",
    "plot_scheme",
    "CENTER_MANIFOLD",
    "SADDLE_NODE",
    "STABLE_POINT_1D",
    "UNSTABLE_POINT_1D",
    "CENTER_2D",
    "STABLE_NODE_2D",
    "STABLE_FOCUS_2D",
    "STABLE_STAR_2D",
    "STABLE_DEGENERATE_2D",
    "UNSTABLE_NODE_2D",
    "UNSTABLE_FOCUS_2D",
    "UNSTABLE_STAR_2D",
    "UNSTABLE_DEGENERATE_2D",
    "UNSTABLE_LINE_2D",
    "STABLE_NODE_3D",
    "UNSTABLE_NODE_3D",
    "STABLE_FOCUS_3D",
    "UNSTABLE_FOCUS_3D",
]
