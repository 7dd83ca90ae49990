"""Errors raised by :mod:`brainpy.optimizers` (importable from here; not re-exported)."""

from __future__ import annotations

from brainpy.errors import BrainPyError

__all__ = ["OptimizerError", "OptimizerTypeError"]


class OptimizerError(BrainPyError, ValueError):
    """An optimizer or scheduler got a wrong value (hyper-parameter, variables or gradients)."""


class OptimizerTypeError(OptimizerError, TypeError):
    """An optimizer or scheduler got an argument of the wrong type."""
