r"""Artificial neural network (ANN) nodes: the public face of the conv, pooling, RNN and norm modules."""

from brainpy.nn._nodes_conv import AvgPool, Conv1D, Conv2D, Conv3D, GeneralConv, MaxPool, MinPool, Pool
from brainpy.nn._nodes_norm import (
    BatchNorm,
    BatchNorm1d,
    BatchNorm2d,
    BatchNorm3d,
    Dropout,
    GroupNorm,
    InstanceNorm,
    LayerNorm,
)
from brainpy.nn._nodes_rnn import GRU, LSTM, VanillaRNN

__all__ = [
    "GeneralConv",
    "Conv1D",
    "Conv2D",
    "Conv3D",
    "Dropout",
    "VanillaRNN",
    "GRU",
    "LSTM",
    "Pool",
    "MaxPool",
    "AvgPool",
    "MinPool",
    "BatchNorm",
    "BatchNorm1d",
    "BatchNorm2d",
    "BatchNorm3d",
    "GroupNorm",
    "LayerNorm",
    "InstanceNorm",
]
