"""Module path of BrainPy 2.1 (``brainpy.base.collector``); the code lives in ``_collector``."""

from brainpy.base._collector import ArrayCollector, Collector, TensorCollector

__all__ = ["Collector", "TensorCollector", "ArrayCollector"]
