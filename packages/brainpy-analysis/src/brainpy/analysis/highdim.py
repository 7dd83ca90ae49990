r"""The high-dimensional analyzer (``brainpy.analysis.highdim``): a facade over its module."""

from __future__ import annotations

from brainpy.analysis._slow_points import SlowPointFinder

__all__ = ["SlowPointFinder"]
