"""brainpy-nn's plugin: its built-ins, registered through the public hooks."""

from __future__ import annotations

from brainpy.plugins import hookimpl


@hookimpl
def brainpy_trainers() -> dict[str, type]:
    """The runners and trainers of :mod:`brainpy.nn`."""
    from brainpy.nn import _trainers as t

    return {
        "RNNRunner": t.RNNRunner,
        "RNNTrainer": t.RNNTrainer,
        "OfflineTrainer": t.OfflineTrainer,
        "RidgeTrainer": t.RidgeTrainer,
        "OnlineTrainer": t.OnlineTrainer,
        "ForceTrainer": t.ForceTrainer,
        "FORCELearning": t.FORCELearning,
        "BPTT": t.BPTT,
        "BPFF": t.BPFF,
    }


@hookimpl
def brainpy_training_algorithms() -> dict[str, type]:
    """The offline and online training algorithms of :mod:`brainpy.nn.algorithms`."""
    from brainpy.nn.algorithms import _offline as off
    from brainpy.nn.algorithms import _online as on

    return {
        "ridge": off.RidgeRegression,
        "linear": off.LinearRegression,
        "lstsq": off.LinearRegression,
        "rls": on.RLS,
        "force": on.ForceLearning,
        "lms": on.LMS,
    }
