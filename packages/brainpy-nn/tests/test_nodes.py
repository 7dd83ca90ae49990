"""The 30 nodes of brainpy.nn: shapes, parameters and one-step outputs against NumPy references."""

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from scipy import signal

ALL_NODES = [
    "Input",
    "Dense",
    "DenseMD",
    "GeneralDense",
    "Activation",
    "Concat",
    "Select",
    "Reshape",
    "Summation",
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
    "LinearReadout",
    "NVAR",
    "Reservoir",
]


XN, ZI, OI, OR, UN = "XavierNormal", "ZeroInit", "OneInit", "Orthogonal", "Uniform"
_CONV = [
    ("out_channels",),
    ("kernel_size",),
    ("strides", None),
    ("padding", "SAME"),
    ("input_dilation", None),
    ("kernel_dilation", None),
    ("groups", 1),
    ("w_init", XN),
    ("b_init", ZI),
]
_POOL = [("window_shape",), ("strides", None), ("padding", "VALID")]
_NORM = [("epsilon", 1e-5), ("use_bias", True), ("use_scale", True)]
#: The arguments of inventory section 4.5 ([SRC] defaults): (name,) has no default; a str naming an
#: initializer class means an instance of it.
SPEC_SIGNATURES = {
    "Activation": [("activation", "relu"), ("fun_setting", None), ("trainable", False)],
    "DenseMD": [("num_unit",), ("weight_initializer", XN), ("bias_initializer", ZI), ("trainable", True)],
    "Dense": [("num_unit",), ("weight_initializer", XN), ("bias_initializer", ZI)],
    "Input": [("input_shape",), ("trainable", False), ("name", None)],
    "Concat": [("axis", -1)],
    "Select": [("index",)],
    "Reshape": [("shape",)],
    "Summation": [],
    "GeneralConv": _CONV,
    "Conv1D": _CONV,
    "Conv2D": _CONV,
    "Conv3D": _CONV,
    "Dropout": [("prob",), ("seed", None)],
    "VanillaRNN": [
        ("num_unit",),
        ("state_initializer", UN),
        ("wi_initializer", XN),
        ("wh_initializer", XN),
        ("bias_initializer", ZI),
        ("activation", "relu"),
    ],
    "GRU": [
        ("num_unit",),
        ("wi_initializer", OR),
        ("wh_initializer", OR),
        ("bias_initializer", ZI),
        ("state_initializer", ZI),
    ],
    "LSTM": [
        ("num_unit",),
        ("wi_initializer", XN),
        ("wh_initializer", XN),
        ("bias_initializer", ZI),
        ("state_initializer", ZI),
    ],
    "Pool": [("init_v",), ("reduce_fn",), ("window_shape",), ("strides", None), ("padding", "VALID")],
    "MaxPool": _POOL,
    "AvgPool": _POOL,
    "MinPool": _POOL,
    "BatchNorm": [("axis",)] + _NORM + [("beta_init", ZI), ("gamma_init", OI)],
    "BatchNorm1d": [("axis", (0, 1))],
    "BatchNorm2d": [("axis", (0, 1, 2))],
    "BatchNorm3d": [("axis", (0, 1, 2, 3))],
    "GroupNorm": [("num_groups", None), ("group_size", None), ("epsilon", 1e-5)],
    "LayerNorm": [("epsilon", 1e-5)],
    "InstanceNorm": [("epsilon", 1e-5)],
    "LinearReadout": [("num_unit",)],
    "NVAR": [("delay",), ("order", None), ("stride", 1), ("constant", False), ("trainable", False)],
    "Reservoir": [
        ("num_unit",),
        ("leaky_rate", 0.3),
        ("activation", "tanh"),
        ("activation_type", "internal"),
        ("ff_initializer", "Normal"),
        ("rec_initializer", "Normal"),
        ("fb_initializer", "Normal"),
        ("bias_initializer", ZI),
        ("ff_connectivity", 0.1),
        ("rec_connectivity", 0.1),
        ("fb_connectivity", 0.1),
        ("conn_type", "dense"),
        ("spectral_radius", None),
        ("noise_ff", 0.0),
        ("noise_rec", 0.0),
        ("noise_fb", 0.0),
        ("noise_type", "normal"),
        ("seed", None),
        ("trainable", False),
    ],
}


@pytest.mark.parametrize("name", sorted(SPEC_SIGNATURES))
def test_node_arguments_as_spec(name):
    import inspect

    params = [
        p for p in inspect.signature(getattr(bp.nn, name)).parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD
    ]
    by_name = {p.name: p for p in params}
    expected = SPEC_SIGNATURES[name]
    # the spec's arguments come first, in the spec's order (positional calls work as in BrainPy 2.1)
    assert [p.name for p in params[: len(expected)]] == [e[0] for e in expected]
    for entry in expected:
        default = by_name[entry[0]].default
        if len(entry) == 1:
            assert default is inspect.Parameter.empty, entry
        elif entry[1] in (XN, ZI, OI, OR, UN, "Normal"):
            assert type(default).__name__ == entry[1], (entry, default)
        else:
            assert default == entry[1] and type(default) is type(entry[1]), (entry, default)
    if name == "Reservoir":
        assert by_name["ff_initializer"].default.scale == 0.1


def _run(node, *xs, num_batch=None, **kw):
    num_batch = num_batch or xs[0].shape[0]
    node.initialize(num_batch)
    return np.asarray(bm.jit(node, static_argnames=tuple(kw))([bm.asarray(x) for x in xs], **kw))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def test_every_listed_node_is_a_node_class():
    classes = {getattr(bp.nn, n) for n in ALL_NODES}
    assert all(issubclass(c, bp.nn.Node) for c in classes)
    assert len(classes) == 30  # DenseMD is GeneralDense


def test_dense_against_numpy(x64):
    rng = np.random.RandomState(0)
    x1, x2 = rng.randn(4, 3), rng.randn(4, 2)
    net = [bp.nn.Input(3), bp.nn.Input(2)] >> bp.nn.Dense(5, bias_initializer=bp.init.OneInit(0.5))
    net.initialize(4)
    i1, i2, d = net.lnodes
    out = np.asarray(net({i1.name: x1, i2.name: x2}))
    np.testing.assert_allclose(out, np.concatenate([x1, x2], -1) @ np.asarray(d.Wff) + 0.5, rtol=1e-12)
    assert isinstance(d.Wff, bm.TrainVar) and isinstance(d.bias, bm.TrainVar)
    frozen = bp.nn.Dense(2, input_shape=3, trainable=False)
    frozen.initialize()
    assert type(frozen.Wff) is bm.JaxArray


def test_general_dense_over_last_axis():
    x = np.random.RandomState(1).randn(2, 4, 3).astype(np.float32)
    d = bp.nn.DenseMD(6, input_shape=(4, 3))
    out = _run(d, x)
    assert d.output_shape == (None, 4, 6)
    np.testing.assert_allclose(out, x @ np.asarray(d.Wff) + np.asarray(d.bias), rtol=1e-5, atol=1e-6)


def test_basic_shape_nodes():
    x = np.arange(24.0).reshape(2, 12)
    np.testing.assert_allclose(_run(bp.nn.Activation("relu", input_shape=12), x - 10), np.maximum(x - 10, 0))
    act = bp.nn.Activation("leaky_relu", fun_setting={"negative_slope": 0.5}, input_shape=12)
    np.testing.assert_allclose(_run(act, x - 10), np.where(x > 10, x - 10, 0.5 * (x - 10)))
    with pytest.raises(ValueError, match="not a function"):
        bp.nn.Activation("nope")
    r = bp.nn.Reshape((3, 4), input_shape=12)
    np.testing.assert_allclose(_run(r, x), x.reshape(2, 3, 4))
    assert r.output_shape == (None, 3, 4)
    s = bp.nn.Select((slice(None), slice(2, 5)), input_shape=12)
    np.testing.assert_allclose(_run(s, x), x[:, 2:5])
    assert s.output_shape == (None, 3)
    net = [bp.nn.Input(12), bp.nn.Input(12)] >> bp.nn.Summation()
    net.initialize(2)
    a, b, _ = net.lnodes
    np.testing.assert_allclose(np.asarray(net({a.name: x, b.name: 2 * x})), 3 * x)
    cat = [bp.nn.Input(12), bp.nn.Input(5)] >> bp.nn.Concat()
    cat.initialize(2)
    assert cat.lnodes[-1].output_shape == (None, 17)


def test_vanilla_rnn_step_against_numpy():
    rng = np.random.RandomState(2)
    x = rng.randn(3, 2).astype(np.float32)
    rnn = bp.nn.VanillaRNN(4, input_shape=2, activation="tanh", bias_initializer=bp.init.Normal())
    rnn.initialize(3)
    h0 = np.asarray(rnn.state).copy()
    out = np.asarray(rnn(bm.asarray(x)))
    ref = np.tanh(x @ np.asarray(rnn.Wi) + h0 @ np.asarray(rnn.Wh) + np.asarray(rnn.bias))
    np.testing.assert_allclose(out, ref, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np.asarray(rnn.state), ref, rtol=1e-5, atol=1e-6)
    assert np.all((h0 >= 0) & (h0 < 1))  # Uniform() initial state


def test_gru_and_lstm_steps_against_numpy(x64):
    rng = np.random.RandomState(3)
    x = rng.randn(2, 3)
    u = 4
    gru = bp.nn.GRU(u, input_shape=3, state_initializer=bp.init.Normal())
    gru.initialize(2)
    h = np.asarray(gru.state).copy()
    Wi, Wh = np.asarray(gru.Wi), np.asarray(gru.Wh)
    xi = x @ Wi
    z = sigmoid(xi[:, :u] + h @ Wh[:, :u])
    r = sigmoid(xi[:, u : 2 * u] + h @ Wh[:, u : 2 * u])
    a = np.tanh(xi[:, 2 * u :] + (r * h) @ Wh[:, 2 * u :])
    np.testing.assert_allclose(np.asarray(bm.jit(gru)(x)), (1 - z) * a + z * h, rtol=1e-10)

    lstm = bp.nn.LSTM(u, input_shape=3, state_initializer=bp.init.Normal())
    lstm.initialize(2)
    s = np.asarray(lstm.state).copy()
    h, c = s[:, :u], s[:, u:]
    g = x @ np.asarray(lstm.Wi) + h @ np.asarray(lstm.Wh)
    c_new = sigmoid(g[:, u : 2 * u]) * c + sigmoid(g[:, :u]) * np.tanh(g[:, 2 * u : 3 * u])
    h_new = sigmoid(g[:, 3 * u :]) * np.tanh(c_new)
    np.testing.assert_allclose(np.asarray(bm.jit(lstm)(x)), h_new, rtol=1e-10)
    np.testing.assert_allclose(np.asarray(lstm.c), c_new, rtol=1e-10)
    assert lstm.state.shape == (2, 2 * u)


def test_trainable_state_fills_every_row():
    rnn = bp.nn.VanillaRNN(3, input_shape=(1,), state_trainable=True)
    rnn.initialize(3)
    assert isinstance(rnn.train_state, bm.TrainVar) and rnn.train_state.shape == (3,)
    np.testing.assert_array_equal(np.asarray(rnn.state), np.tile(np.asarray(rnn.train_state), (3, 1)))


def test_conv_against_scipy(x64):
    rng = np.random.RandomState(4)
    x = rng.randn(2, 7, 3)
    conv = bp.nn.Conv1D(4, kernel_size=3, padding="VALID", input_shape=(7, 3), b_init=bp.init.OneInit(0.1))
    out = _run(conv, x)
    w = np.asarray(conv.w)  # (3, in=3, out=4)
    ref = np.zeros((2, 5, 4))
    for n in range(2):
        for o in range(4):
            ref[n, :, o] = sum(signal.correlate(x[n, :, i], w[:, i, o], mode="valid") for i in range(3)) + 0.1
    np.testing.assert_allclose(out, ref, rtol=1e-10)
    c2 = bp.nn.Conv2D(5, kernel_size=(3, 3), strides=2, input_shape=(8, 8, 2))
    assert _run(c2, rng.randn(1, 8, 8, 2)).shape == (1, 4, 4, 5) and c2.output_shape == (None, 4, 4, 5)
    c3 = bp.nn.Conv3D(2, kernel_size=2, input_shape=(4, 4, 4, 1))
    assert _run(c3, rng.randn(1, 4, 4, 4, 1)).shape == (1, 4, 4, 4, 2)
    g = bp.nn.GeneralConv(4, kernel_size=3, groups=2, input_shape=(6, 4))
    assert _run(g, rng.randn(1, 6, 4)).shape == (1, 6, 4) and g.w.shape == (3, 2, 4)
    with pytest.raises(Exception, match="spatial"):
        bp.nn.Conv2D(2, 3, input_shape=(5, 3)).initialize()


def test_pooling_against_numpy():
    x = np.random.RandomState(5).randn(2, 6, 4, 3).astype(np.float32)
    blocks = x.reshape(2, 3, 2, 2, 2, 3)
    np.testing.assert_allclose(_run(bp.nn.MaxPool((2, 2), input_shape=(6, 4, 3)), x), blocks.max(axis=(2, 4)))
    np.testing.assert_allclose(_run(bp.nn.MinPool((2, 2), input_shape=(6, 4, 3)), x), blocks.min(axis=(2, 4)))
    np.testing.assert_allclose(
        _run(bp.nn.AvgPool((2, 2), input_shape=(6, 4, 3)), x), blocks.mean(axis=(2, 4)), rtol=1e-5, atol=1e-6
    )
    p = bp.nn.MaxPool(3, strides=1, padding="SAME", input_shape=(6, 4, 3))
    assert _run(p, x).shape == x.shape
    import jax

    gp = bp.nn.Pool(0.0, jax.lax.add, (6, 4), input_shape=(6, 4, 3))
    np.testing.assert_allclose(_run(gp, x)[:, 0, 0], x.sum(axis=(1, 2)), rtol=1e-5)


def test_batch_norm_statistics_and_running_averages(x64):
    rng = np.random.RandomState(6)
    x = rng.randn(64, 5) * 3 + 2
    bn = bp.nn.BatchNorm(axis=0, input_shape=5, momentum=0.9)
    y = _run(bn, x)
    np.testing.assert_allclose(y.mean(0), 0, atol=1e-10)
    np.testing.assert_allclose(y.var(0), 1, rtol=1e-4)
    np.testing.assert_allclose(np.asarray(bn.running_mean), 0.1 * x.mean(0), rtol=1e-10)
    y_eval = np.asarray(bn(x, train=False))
    ref = (x - 0.1 * x.mean(0)) / np.sqrt(0.9 + 0.1 * x.var(0) + 1e-5)
    np.testing.assert_allclose(y_eval, ref, rtol=1e-10)
    for cls, shape in ((bp.nn.BatchNorm1d, (7, 3)), (bp.nn.BatchNorm2d, (4, 4, 3)), (bp.nn.BatchNorm3d, (2, 2, 2, 3))):
        node = cls(input_shape=shape)
        z = _run(node, rng.randn(8, *shape))
        np.testing.assert_allclose(z.reshape(-1, 3).mean(0), 0, atol=1e-8)
        assert node.scale.shape == (3,)


def test_layer_group_instance_norm(x64):
    rng = np.random.RandomState(7)
    x = rng.randn(3, 5, 8) * 2 + 1
    y = _run(bp.nn.LayerNorm(input_shape=(5, 8)), x)
    np.testing.assert_allclose(y.reshape(3, -1).mean(1), 0, atol=1e-10)
    np.testing.assert_allclose(y.reshape(3, -1).var(1), 1, rtol=1e-4)
    y = _run(bp.nn.GroupNorm(num_groups=2, input_shape=(5, 8)), x)
    g = y.reshape(3, 5, 2, 4)
    np.testing.assert_allclose(g.mean(axis=(1, 3)), 0, atol=1e-10)
    y = _run(bp.nn.InstanceNorm(input_shape=(5, 8)), x)
    np.testing.assert_allclose(y.mean(axis=1), 0, atol=1e-10)
    np.testing.assert_allclose(y.var(axis=1), 1, rtol=1e-3)
    with pytest.raises(Exception, match="groups"):
        bp.nn.GroupNorm(num_groups=3, input_shape=(5, 8)).initialize()


def test_dropout_keeps_expectation():
    x = np.ones((200, 100), dtype=np.float32)
    d = bp.nn.Dropout(0.8, seed=1, input_shape=100)
    y = _run(d, x)
    kept = (y != 0).mean()
    assert abs(kept - 0.8) < 4 * np.sqrt(0.8 * 0.2 / y.size)
    np.testing.assert_allclose(y[y != 0], 1 / 0.8, rtol=1e-6)
    np.testing.assert_array_equal(np.asarray(d(x, train=False)), x)


def test_linear_readout_keeps_output_as_state():
    ro = bp.nn.LinearReadout(3, input_shape=4)
    out = _run(ro, np.ones((2, 4), np.float32))
    np.testing.assert_allclose(np.asarray(ro.state), out)


def test_nvar_features_against_numpy(x64):
    delay, stride = 3, 2
    nvar = bp.nn.NVAR(delay=delay, order=2, stride=stride, constant=True, input_shape=2)
    nvar.initialize(1)
    lin_dim = delay * 2
    assert nvar.output_shape == (None, 1 + lin_dim + lin_dim * (lin_dim + 1) // 2)
    xs = np.random.RandomState(8).randn(10, 1, 2)
    for t in range(10):
        out = np.asarray(nvar(xs[t]))[0]
    lin = np.concatenate([xs[9 - k * stride, 0] for k in range(delay)])
    quad = [lin[i] * lin[j] for i in range(lin_dim) for j in range(i, lin_dim)]
    np.testing.assert_allclose(out, np.concatenate([[1.0], lin, quad]), rtol=1e-12)
    spec = bp.nn.NVAR(delay=4, order=2, stride=5, input_shape=2)
    spec.initialize(1)
    assert spec.output_shape == (None, 44)


def test_reservoir_update_and_spectral_radius(x64):
    res = bp.nn.Reservoir(50, spectral_radius=1.4, leaky_rate=0.3, ff_connectivity=0.5, seed=3, input_shape=3)
    res.initialize(2)
    w = np.asarray(res.Wrec)
    assert np.max(np.abs(np.linalg.eigvals(w))) == pytest.approx(1.4, rel=1e-8)
    assert 0.05 < (w != 0).mean() < 0.15  # rec_connectivity = 0.1
    assert type(res.Wff) is bm.JaxArray  # not trainable by default
    x = np.random.RandomState(9).randn(2, 3)
    r0 = np.asarray(res.state).copy()
    out = np.asarray(res(x))
    ref = 0.7 * r0 + 0.3 * np.tanh(x @ np.asarray(res.Wff) + r0 @ w)
    np.testing.assert_allclose(out, ref, rtol=1e-12)
    ext = bp.nn.Reservoir(20, activation_type="external", input_shape=3, seed=1)
    ext.initialize(2)
    r0 = np.asarray(ext.state).copy()
    out = np.asarray(ext(x))
    state = 0.7 * r0 + 0.3 * (x @ np.asarray(ext.Wff) + np.tanh(r0) @ np.asarray(ext.Wrec))
    np.testing.assert_allclose(out, np.tanh(state), rtol=1e-12)
    noisy = bp.nn.Reservoir(20, noise_rec=0.1, input_shape=3, seed=2)
    noisy.initialize(1)
    assert not np.allclose(np.asarray(noisy(np.zeros((1, 3)))), 0)
    with pytest.raises(ValueError, match="leaky_rate"):
        bp.nn.Reservoir(10, leaky_rate=0.0)


def test_parameter_initialization_forms():
    w = bm.random.normal(0, 0.01, size=(10, 50))
    d = bp.nn.Dense(num_unit=50, input_shape=10, weight_initializer=w)
    d.initialize()
    np.testing.assert_array_equal(np.asarray(d.Wff), np.asarray(w))
    with pytest.raises(ValueError, match="shape"):
        bp.nn.Dense(num_unit=5, input_shape=10, weight_initializer=w).initialize()
    with pytest.raises(TypeError, match="weight_initializer"):
        bp.nn.Dense(3, weight_initializer="xavier")
    d = bp.nn.Dense(num_unit=4, input_shape=2, weight_initializer=lambda shape: bm.ones(shape))
    d.initialize()
    np.testing.assert_array_equal(np.asarray(d.Wff), 1)


def test_jit_and_grad_of_a_node():
    l = bp.nn.Dense(num_unit=10, input_shape=20)
    l.initialize()
    x = bm.random.random((2, 20))
    np.testing.assert_allclose(np.asarray(bm.jit(l)(x)), np.asarray(l(x)), rtol=1e-6)


def test_reservoir_and_dropout_follow_the_global_seed():
    # issue 10: without seed=..., bm.random.seed(k) makes the random nodes reproducible
    def build():
        bm.random.seed(11)
        res = bp.nn.Reservoir(30, input_shape=2)
        res.initialize(1)
        drop = bp.nn.Dropout(0.5, input_shape=50)
        drop.initialize(1)
        return np.asarray(res.Wff), np.asarray(res.Wrec), np.asarray(drop(bm.ones((1, 50))))

    first, second = build(), build()
    for a, b in zip(first, second):
        np.testing.assert_array_equal(a, b)
    bm.random.seed(12)
    other = bp.nn.Reservoir(30, input_shape=2)
    other.initialize(1)
    assert not np.array_equal(np.asarray(other.Wrec), first[1])
