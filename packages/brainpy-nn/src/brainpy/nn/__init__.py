r"""``brainpy.nn`` (distribution brainpy-nn): nodes, node graphs, runners and trainers.

Build models from nodes with the node operations (``>>`` feedforward,
``<<`` feedback, ``&`` merge, ``[...]`` selection), initialize them with
``model.initialize(num_batch)``, run them with :class:`RNNRunner` and train
them with :class:`RidgeTrainer` / :class:`OfflineTrainer`,
:class:`OnlineTrainer` / :class:`FORCELearning`, :class:`BPTT` or
:class:`BPFF`. Every model carries a batch axis first:
``(num_batch, num_time, num_feature)``.
"""

from brainpy.nn import algorithms
from brainpy.nn._datatypes import DataType, MultipleData, SingleData
from brainpy.nn._graph_tools import detect_cycle, detect_path, find_entries_and_exits, find_senders_and_receivers
from brainpy.nn._network import FrozenNetwork, Network
from brainpy.nn._node import Node, RecurrentNode
from brainpy.nn._nodes_ann import (
    GRU,
    LSTM,
    AvgPool,
    BatchNorm,
    BatchNorm1d,
    BatchNorm2d,
    BatchNorm3d,
    Conv1D,
    Conv2D,
    Conv3D,
    Dropout,
    GeneralConv,
    GroupNorm,
    InstanceNorm,
    LayerNorm,
    MaxPool,
    MinPool,
    Pool,
    VanillaRNN,
)
from brainpy.nn._nodes_basic import Activation, Concat, Dense, DenseMD, GeneralDense, Input, Reshape, Select, Summation
from brainpy.nn._nodes_rc import NVAR, LinearReadout, Reservoir
from brainpy.nn._operations import concatenate, fb_connect, ff_connect, merge, select
from brainpy.nn._trainers import (
    BPFF,
    BPTT,
    FORCELearning,
    ForceTrainer,
    OfflineTrainer,
    OnlineTrainer,
    RidgeTrainer,
    RNNRunner,
    RNNTrainer,
)
from brainpy.nn._utils import check_shape_consistency, init_param

__all__ = [
    "algorithms",
    # base
    "Node",
    "RecurrentNode",
    "Network",
    "FrozenNetwork",
    # data types
    "DataType",
    "SingleData",
    "MultipleData",
    # operations
    "ff_connect",
    "fb_connect",
    "merge",
    "select",
    "concatenate",
    # graph tools
    "find_senders_and_receivers",
    "find_entries_and_exits",
    "detect_cycle",
    "detect_path",
    # helpers
    "init_param",
    "check_shape_consistency",
    # basic nodes
    "Activation",
    "GeneralDense",
    "DenseMD",
    "Dense",
    "Input",
    "Concat",
    "Select",
    "Reshape",
    "Summation",
    # ANN nodes
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
    # RC nodes
    "LinearReadout",
    "NVAR",
    "Reservoir",
    # runners and trainers
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


def __getattr__(name: str):
    """Trainers registered by plugins (hook ``brainpy_trainers``) are reachable as ``bp.nn.<Name>``."""
    if name.startswith("__"):
        raise AttributeError(name)
    from brainpy.plugins import get_registry

    registry = get_registry("trainers")
    if name in registry:
        return registry.get(name)
    raise AttributeError(f"module 'brainpy.nn' has no attribute {name!r}")
