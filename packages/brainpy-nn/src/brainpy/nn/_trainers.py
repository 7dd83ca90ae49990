r"""The runners and trainers of ``brainpy.nn`` (one import point for the plugin)."""

from brainpy.nn._bp_trainers import BPFF, BPTT
from brainpy.nn._rnn_trainers import (
    FORCELearning,
    ForceTrainer,
    OfflineTrainer,
    OnlineTrainer,
    RidgeTrainer,
    RNNTrainer,
)
from brainpy.nn._runner import RNNRunner

__all__ = [
    "RNNRunner",
    "RNNTrainer",
    "OfflineTrainer",
    "RidgeTrainer",
    "OnlineTrainer",
    "ForceTrainer",
    "FORCELearning",
    "BPTT",
    "BPFF",
]
