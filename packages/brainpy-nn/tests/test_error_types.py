"""Bad input raises BrainPyError subclasses that keep their builtin base (ValueError / TypeError)."""

import brainpy as bp
import numpy as np
import pytest
from brainpy.errors import ArgumentTypeError, BrainPyError, InvalidArgumentError, ModelBuildError


def _net():
    return bp.nn.Input(3) >> bp.nn.Dense(2)


def _initialized_net():
    net = _net()
    net.initialize(1)
    return net


def _frozen():
    net = _net()
    return bp.nn.FrozenNetwork(net.lnodes, net.ff_edges, net.fb_edges)


def _conv_with_bad_kernel():
    (bp.nn.Input((8, 8, 3)) >> bp.nn.Conv2D(4, kernel_size=(3, 3, 3))).initialize(1)


CASES = [
    # _nodes_basic
    ("dense_num_unit", lambda: bp.nn.Dense(num_unit=0), ModelBuildError, "num_unit"),
    ("activation_name", lambda: bp.nn.Activation(activation="no_such_fn"), ModelBuildError, "activation"),
    ("activation_type", lambda: bp.nn.Activation(activation=3), ArgumentTypeError, "activation"),
    # _utils
    ("initializer_type", lambda: bp.nn.Dense(2, weight_initializer="x"), ArgumentTypeError, "weight_initializer"),
    ("init_param_type", lambda: bp.nn.init_param("x", (3,)), ArgumentTypeError, "parameter must be"),
    ("init_param_shape", lambda: bp.nn.init_param(np.ones(3), (4,)), ModelBuildError, r"shape \(4,\)"),
    # _nodes_rc
    ("reservoir_leaky_rate", lambda: bp.nn.Reservoir(10, leaky_rate=2.0), ModelBuildError, "leaky_rate"),
    ("reservoir_conn_type", lambda: bp.nn.Reservoir(10, conn_type="x"), ModelBuildError, "conn_type"),
    ("nvar_delay", lambda: bp.nn.NVAR(delay=0, order=2), ModelBuildError, "delay"),
    # _nodes_rnn
    ("rnn_num_unit", lambda: bp.nn.VanillaRNN(num_unit=0), ModelBuildError, "num_unit"),
    # _nodes_norm
    ("dropout_prob", lambda: bp.nn.Dropout(prob=1.5), ModelBuildError, "prob"),
    ("groupnorm_both", lambda: bp.nn.GroupNorm(num_groups=2, group_size=2), ModelBuildError, "num_groups"),
    # _nodes_conv
    ("conv_out_channels", lambda: bp.nn.Conv2D(0, kernel_size=3), ModelBuildError, "out_channels"),
    ("conv_kernel_size", _conv_with_bad_kernel, ModelBuildError, "kernel_size"),
    # _datatypes
    ("multiple_data", lambda: bp.nn.MultipleData(return_type="x"), InvalidArgumentError, "return_type"),
    # _graph_tools
    (
        "detect_path_method",
        lambda: bp.nn.detect_path("a", "b", [("a", "b")], method="x"),
        InvalidArgumentError,
        "method",
    ),
    (
        "fb_edge_unknown",
        lambda: bp.nn.find_entries_and_exits(["a"], [], [("a", "b")]),
        InvalidArgumentError,
        "feedback edge",
    ),
    # _operations
    ("operand_type", lambda: bp.nn.ff_connect(bp.nn.Input(3), 3), ArgumentTypeError, "Node operations"),
    ("empty_senders", lambda: bp.nn.ff_connect([], bp.nn.Dense(2)), ModelBuildError, "empty list"),
    # _network
    ("frozen_link", lambda: _frozen() >> bp.nn.Dense(2), ArgumentTypeError, "FrozenNetwork"),
    ("network_input_keys", lambda: _initialized_net()({"wrong": np.ones((1, 3))}), InvalidArgumentError, "keyed"),
    # _node
    ("num_batch", lambda: bp.nn.Dense(2, input_shape=3).initialize(0), ModelBuildError, "num_batch"),
    # _runner
    ("runner_target", lambda: bp.nn.RNNRunner(3), ArgumentTypeError, "Node or Network"),
    ("runner_jit_type", lambda: bp.nn.RNNRunner(_net(), jit="yes"), ArgumentTypeError, "jit"),
    ("runner_jit_keys", lambda: bp.nn.RNNRunner(_net(), jit={"bad": True}), InvalidArgumentError, "jit"),
    # _rnn_trainers
    ("train_data_pair", lambda: bp.nn.RidgeTrainer(_net()).fit(3), InvalidArgumentError, "train_data"),
    # _bp_trainers
    ("bptt_loss_name", lambda: bp.nn.BPTT(_net(), loss="no_such_loss"), InvalidArgumentError, "loss"),
    (
        "bptt_optimizer",
        lambda: bp.nn.BPTT(_net(), loss="mean_squared_error", optimizer=3),
        ArgumentTypeError,
        "optimizer",
    ),
    (
        "bptt_max_grad_norm",
        lambda: bp.nn.BPTT(_net(), loss="mean_squared_error", max_grad_norm=-1.0),
        InvalidArgumentError,
        "max_grad_norm",
    ),
    # algorithms
    ("ridge_beta", lambda: bp.nn.algorithms.RidgeRegression(beta=-1.0), InvalidArgumentError, "beta"),
    ("rls_alpha", lambda: bp.nn.algorithms.RLS(alpha=0), InvalidArgumentError, "alpha"),
    ("lms_alpha", lambda: bp.nn.algorithms.LMS(alpha=-1), InvalidArgumentError, "alpha"),
    (
        "register_name",
        lambda: bp.nn.algorithms.register_offline_method("", bp.nn.algorithms.RidgeRegression),
        ArgumentTypeError,
        "name",
    ),
    (
        "register_taken",
        lambda: bp.nn.algorithms.register_offline_method("ridge", bp.nn.algorithms.RidgeRegression),
        InvalidArgumentError,
        "already",
    ),
    ("fit_method_dict", lambda: bp.nn.OfflineTrainer(_net(), fit_method={"beta": 1.0}), InvalidArgumentError, "'name'"),
    (
        "fit_method_kind",
        lambda: bp.nn.OfflineTrainer(_net(), fit_method=bp.nn.algorithms.LMS()),
        ArgumentTypeError,
        "OfflineAlgorithm",
    ),
]


@pytest.mark.parametrize(("make", "cls", "match"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_raises_brainpy_error(make, cls, match):
    with pytest.raises(cls, match=match) as info:
        make()
    assert isinstance(info.value, BrainPyError)
    builtin = TypeError if issubclass(cls, TypeError) else ValueError
    assert isinstance(info.value, builtin)


def test_errors_whose_class_the_spec_prints_stay_builtin():
    # the tutorials print these errors' class names ("ValueError: ...", L2525, L2561, L2964)
    for make in (
        lambda: bp.nn.ff_connect(bp.nn.Input(3), [bp.nn.Dense(2), bp.nn.Dense(2)]),
        lambda: (lambda i: i >> bp.nn.Dense(2) >> i)(bp.nn.Input(3)),
    ):
        with pytest.raises(ValueError) as info:
            make()
        assert type(info.value) is ValueError
