"""The "Dynamics Training" tutorials (spec L2318-2996, issue 10): every code cell runs unchanged.

One test per tutorial section: Node Specification, Node Operations, Network Running and Training,
Node Customization. Cells are copied as the spec writes them (IPython ``%timeit`` lines dropped);
the Lorenz series of "Network Running and Training" is shortened from 100 ms to 10 ms and its BPFF
training from 40 epochs to 2. Printed outputs of the spec are checked where they are deterministic.
"""

import brainpy as bp
import brainpy.math as bm
import matplotlib.pyplot as plt
import numpy as np
import pytest
from brainpy.tools.checking import check_shape_consistency

pytestmark = pytest.mark.spec


@pytest.fixture
def seeded(notebook_show):
    bm.random.seed(7)
    bp.base.clear_name_cache()


def test_node_specification(seeded):
    # L2322-2468
    bp.math.set_platform("cpu")
    assert repr(bp.nn.Dense(num_unit=100)) == "Dense(name=Dense0, forwards=None, feedbacks=None, output=(None, 100))"
    assert repr(bp.nn.Dense(num_unit=100, input_shape=128)) == (
        "Dense(name=Dense1, forwards=((None, 128),), feedbacks=None, output=(None, 100))"
    )
    assert repr(bp.nn.Dense(num_unit=100, input_shape=128, name="hidden_layer")) == (
        "Dense(name=hidden_layer, forwards=((None, 128),), feedbacks=None, output=(None, 100))"
    )
    l = bp.nn.Dense(num_unit=50, input_shape=10, weight_initializer=bm.random.normal(0, 0.01, size=(10, 50)))
    l.initialize(num_batch=1)
    assert l.Wff.shape == (10, 50)

    def init(shape):
        return bm.random.random(shape)

    l = bp.nn.Dense(num_unit=30, input_shape=20, weight_initializer=init)
    l.initialize(num_batch=1)
    assert l.Wff.shape == (20, 30)
    l = bp.nn.Dense(num_unit=100, input_shape=20, weight_initializer=bp.init.Normal(0.01))
    l.initialize(num_batch=1)
    assert l.Wff.shape == (20, 100)
    assert 0.005 < float(np.std(np.asarray(l.Wff))) < 0.015
    l = bp.nn.Dense(num_unit=100, input_shape=20, bias_initializer=None)
    l.initialize(num_batch=1)
    assert l.bias is None
    l = bp.nn.Dense(num_unit=10, input_shape=20)
    l.initialize()
    assert l(bm.random.random((1, 20))).shape == (1, 10)
    assert l(bm.random.random((2, 20))).shape == (2, 10)
    jit_l = bm.jit(l)
    x = bm.random.random((2, 20))
    np.testing.assert_allclose(np.asarray(jit_l(x)), np.asarray(l(x)), rtol=1e-6)
    l = bp.nn.Dense(num_unit=3, input_shape=4, trainable=False)
    l.initialize(num_batch=1)
    assert type(l.Wff) is bm.JaxArray and l.Wff.shape == (4, 3)
    l = bp.nn.Dense(num_unit=3, input_shape=4, trainable=True)
    l.initialize(num_batch=1)
    assert isinstance(l.Wff, bm.TrainVar)
    rnn = bp.nn.VanillaRNN(3, input_shape=(1,), state_trainable=True)
    rnn.initialize(3)
    assert isinstance(rnn.train_state, bm.TrainVar) and rnn.train_state.shape == (3,)
    # the default state initializer is Uniform(): values in [0, 1), as the spec prints
    assert np.all((np.asarray(rnn.train_state) >= 0) & (np.asarray(rnn.train_state) < 1))
    assert isinstance(rnn.state, bm.Variable) and not isinstance(rnn.state, bm.TrainVar)
    np.testing.assert_array_equal(np.asarray(rnn.state), np.tile(np.asarray(rnn.train_state), (3, 1)))


def test_node_operations(seeded):
    # L2469-2582
    i = bp.nn.Input(1)
    r = bp.nn.VanillaRNN(10)
    o = bp.nn.Dense(1)
    model = i >> r >> o
    model.plot_node_graph(fig_size=(6, 4), node_size=1000)
    model = bp.nn.Input(1) >> bp.nn.VanillaRNN(10) >> bp.nn.VanillaRNN(20) >> bp.nn.VanillaRNN(10) >> bp.nn.Dense(1)
    model.plot_node_graph(fig_size=(6, 4), node_size=500, layout="shell_layout")
    assert len(model.lnodes) == 5 and len(model.ff_edges) == 4
    printed = []
    try:
        model = i >> r >> o >> i
    except Exception as e:
        printed.append(f"{e.__class__.__name__}: {e}")
    assert printed == [
        "ValueError: We detect cycles in feedforward connections. Maybe you should replace some connection with "
        "as feedback ones."
    ]
    model = (i >> r >> o) & (r << o)
    model.plot_node_graph(fig_size=(4, 4), node_size=1000)
    assert model.fb_edges == ((o, r),)
    model = (i >> r >> o) & (i >> o)
    model.plot_node_graph(fig_size=(4, 4), node_size=1000)
    merged = set(model.ff_edges)
    model = [i >> r, i] >> o
    model.plot_node_graph(fig_size=(4, 4), node_size=1000)
    assert set(model.ff_edges) == merged == set(((i >> r, i) >> o).ff_edges)
    try:
        model = i >> [r, o]
    except Exception as e:
        printed.append(f"{e.__class__.__name__}: {e}")
    assert printed[1] == (
        "ValueError: Cannot concatenate a list/tuple of receivers. Please use set to wrap multiple receivers instead."
    )
    model = i >> {r, o}
    model.plot_node_graph(fig_size=(4, 4), node_size=1000)
    assert set(model.ff_edges) == {(i, r), (i, o)}
    model = {i >> r, i} >> o
    model.plot_node_graph(fig_size=(4, 4), node_size=1000)
    assert set(model.ff_edges) == merged
    o1 = bp.nn.Dense(1)
    o2 = bp.nn.Dense(2)
    model = i >> r
    model = (model[:, :5] >> o1) & (model[:, 5:] >> o2)  # the first is the batch axis
    model.plot_node_graph(fig_size=(5, 5), node_size=1000)
    model.initialize(1)
    assert o1.feedforward_shapes == ((None, 5),) and o2.feedforward_shapes == ((None, 5),)


def test_network_running_and_training(seeded, capsys):
    # L2583-2804, on 10 ms of the Lorenz series (the spec: 100 ms, 99995 steps)
    bp.math.set_platform("cpu")
    model = bp.nn.Input(3) >> bp.nn.Reservoir(100) >> bp.nn.LinearReadout(3)
    model.initialize()
    lorenz = bp.datasets.lorenz_series(10)
    data = bm.hstack([lorenz["x"], lorenz["y"], lorenz["z"]])
    X, Y = data[:-5], data[5:]
    X = bm.expand_dims(X, axis=0)
    Y = bm.expand_dims(Y, axis=0)
    assert X.shape == (1, 9995, 3)
    runner = bp.nn.RNNRunner(model, jit=True)
    predictions = runner.predict(X)
    assert predictions.shape == (1, 9995, 3)
    untrained = float(bp.losses.mean_squared_error(predictions, Y))  # the spec: 260.12

    def train_data():
        num_data = 10
        for _ in range(num_data):
            xs = bm.random.rand(1, 20, 2)
            ys = bm.random.random((1, 20, 2))
            yield xs, ys

    assert len(list(train_data())) == 10
    assert bp.nn.algorithms.get_supported_offline_methods() == ("ridge", "linear", "lstsq")

    # offline
    model = bp.nn.Input(3) >> bp.nn.Reservoir(100) >> bp.nn.LinearReadout(3)
    model.initialize()
    trainer = bp.nn.OfflineTrainer(model, fit_method=bp.nn.algorithms.RidgeRegression(beta=1e-6))
    names = {type(n).__name__ for n in model.lnodes}
    text = repr(trainer)
    assert text.startswith("OfflineTrainer(target=Network(") and text.endswith(
        "jit={'fit': True, 'predict': True}, \n               fit_method=RidgeRegression(beta=1e-06))"
    )
    assert names == {"Input", "Reservoir", "LinearReadout"}
    trainer.fit([X, Y])
    predict = trainer.predict(X, reset=True)
    predict1 = bm.as_numpy(predict)
    fig = plt.figure(figsize=(5, 5))
    fig.add_subplot(111, projection="3d")
    plt.plot(predict1[0, :, 0], predict1[0, :, 1], predict1[0, :, 2])
    plt.title("Trained with Ridge Regression")
    plt.show()
    ridge_mse = float(np.mean((predict1 - np.asarray(Y)) ** 2))

    # online
    model = bp.nn.Input(3) >> bp.nn.Reservoir(100) >> bp.nn.LinearReadout(3)
    model.initialize()
    trainer = bp.nn.OnlineTrainer(model, fit_method=bp.nn.algorithms.ForceLearning(alpha=0.1))
    assert repr(trainer).endswith("jit={'fit': True, 'predict': True}, \n              fit_method=ForceLearning)")
    trainer.fit([X, Y])
    predict2 = trainer.predict(X, reset=True)
    predict2 = bm.as_numpy(predict2)
    fig = plt.figure(figsize=(5, 5))
    fig.add_subplot(111, projection="3d")
    plt.plot(predict2[0, :, 0], predict2[0, :, 1], predict2[0, :, 2])
    plt.title("Trained with Force Learning")
    plt.show()
    force_mse = float(np.mean((predict2 - np.asarray(Y)) ** 2))

    # back-propagation on the reservoir's projections
    reservoir = bp.nn.Input(3) >> bp.nn.Reservoir(100)
    reservoir.initialize()
    runner = bp.nn.RNNRunner(reservoir)
    projections = runner.predict(X)
    projections = projections[0]
    targets = Y[0]
    readout = bp.nn.Dense(3, input_shape=100)
    readout.initialize()
    trainer = bp.nn.BPFF(readout, loss=bp.losses.mean_squared_error, optimizer=bp.optim.Adam(lr=1e-3))
    assert repr(trainer).startswith(
        f"BPFF(target={readout!r}, \n     jit={{'fit': True, 'predict': True, 'loss': True}}"
    )
    assert repr(trainer).endswith("optimizer=Adam(lr=Constant(0.001), beta1=0.9, beta2=0.999, eps=1e-08))")
    capsys.readouterr()
    trainer.fit([projections, targets], num_report=50, num_batch=64, num_train=2)  # the spec: 2000, 64, 40
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6 and lines[0].startswith("Train 50 steps, use ")
    plt.plot(trainer.train_losses.numpy())
    plt.show()
    losses = trainer.train_losses.numpy()
    assert losses.shape == (2 * 157,) and losses[-20:].mean() < losses[:20].mean()
    model = reservoir >> readout
    model.initialize()
    runner = bp.nn.RNNRunner(model)
    predict3 = runner.predict(X)
    predict3 = bm.as_numpy(predict3)
    fig = plt.figure(figsize=(5, 5))
    fig.add_subplot(111, projection="3d")
    plt.plot(predict3[0, :, 0], predict3[0, :, 1], predict3[0, :, 2])
    plt.title("Trained with BPTT")
    plt.show()
    assert predict3.shape == (1, 9995, 3)
    # both readout trainings forecast 5 steps ahead far better than the untrained model
    assert ridge_mse < 1e-2 * untrained and force_mse < 0.1 * untrained


class DotNode(bp.nn.Node):
    def __init__(self, num_unit, W_initializer=bp.initialize.Normal(), **kwargs):
        super(DotNode, self).__init__(**kwargs)  # noqa: UP008 (the spec's cell)
        self.num_unit = num_unit
        self.W_initializer = W_initializer

    def init_ff(self):
        unique_size, free_sizes = check_shape_consistency(self.feedforward_shapes, -1, True)
        weight_shape = (sum(free_sizes), self.num_unit)
        self.W = bp.nn.init_param(self.W_initializer, weight_shape)
        if self.trainable:
            self.W = bm.TrainVar(self.W)
        self.set_output_shape(unique_size + (self.num_unit,))

    def forward(self, ff):
        ff = bm.concatenate(ff, axis=-1)
        return bm.dot(ff, self.W)


class VRNN(bp.nn.RecurrentNode):
    def __init__(
        self, num_unit, wi_initializer=bp.init.XavierNormal(), wr_initializer=bp.init.XavierNormal(), **kwargs
    ):
        super(VRNN, self).__init__(**kwargs)  # noqa: UP008 (the spec's cell)
        self.num_unit = num_unit
        self.wi_initializer = wi_initializer
        self.wr_initializer = wr_initializer

    def init_ff(self):
        unique_size, free_sizes = check_shape_consistency(self.feedforward_shapes, -1, True)
        num_input = sum(free_sizes)
        self.wi = bp.nn.init_param(self.wi_initializer, (num_input, self.num_unit))
        self.wr = bp.nn.init_param(self.wr_initializer, (self.num_unit, self.num_unit))
        if self.trainable:
            self.wi = bm.TrainVar(self.wi)
            self.wr = bm.TrainVar(self.wr)

    def init_state(self, num_batch=1):
        state = bm.zeros((num_batch, self.num_unit))
        self.set_state(state)

    def forward(self, ff):
        ff = bm.concatenate(ff, axis=-1)
        state = ff @ self.wi + self.state @ self.wr
        self.state.value = state
        return state


class FeedBackDotNode(bp.nn.Node):
    def __init__(self, num_unit, W_initializer=bp.initialize.Normal(), **kwargs):
        super(FeedBackDotNode, self).__init__(**kwargs)  # noqa: UP008 (the spec's cell)
        self.num_unit = num_unit
        self.W_initializer = W_initializer

    def init_ff(self):
        unique_size, free_sizes = check_shape_consistency(self.feedforward_shapes, -1, True)
        weight_shape = (sum(free_sizes), self.num_unit)
        self.Wff = bp.nn.init_param(self.W_initializer, weight_shape)
        if self.trainable:
            self.Wff = bm.TrainVar(self.Wff)
        self.set_output_shape(unique_size + (self.num_unit,))

    def init_fb(self):
        unique_size, free_sizes = check_shape_consistency(self.feedback_shapes, -1, True)
        weight_shape = (sum(free_sizes), self.num_unit)
        self.Wfb = bp.nn.init_param(self.W_initializer, weight_shape)
        if self.trainable:
            self.Wfb = bm.TrainVar(self.Wfb)

    def forward(self, ff, fb=None):
        ff = bm.concatenate(ff, axis=-1)
        res = bm.dot(ff, self.Wff)
        if fb is None:
            fb = bm.concatenate(fb, axis=-1)
            res += bm.dot(fb, self.Wfb)
        return res


class Dropout(bp.nn.Node):
    def __init__(self, prob, seed=None, **kwargs):
        super(Dropout, self).__init__(**kwargs)  # noqa: UP008 (the spec's cell)
        self.prob = prob
        self.rng = bm.random.RandomState(seed=seed)

    def init_ff(self):
        assert len(self.feedback_shapes) == 1, "Only support one feedforward input."
        self.set_output_shape(self.feedforward_shapes[0])

    def forward(self, ff, **kwargs):
        assert len(ff) == 1, "Only support one feedforward input."
        if kwargs.get("train", True):
            keep_mask = self.rng.bernoulli(self.prob, ff[0].shape)
            return bm.where(keep_mask, ff[0] / self.prob, 0.0)
        else:
            return ff[0]


def test_node_customization(seeded):
    # L2805-2996 (the classes above are the spec's cells, comments dropped)
    assert repr(DotNode(10, name="my_dot_node")) == (
        "DotNode(name=my_dot_node, trainable=False, forwards=None, feedbacks=None, output=None, "
        "support_feedback=False, data_pass_type=PASS_SEQUENCE)"
    )
    assert repr(DotNode(10, trainable=True)) == (
        "DotNode(name=DotNode0, trainable=True, forwards=None, feedbacks=None, output=None, "
        "support_feedback=False, data_pass_type=PASS_SEQUENCE)"
    )
    l = DotNode(10)
    i1 = bp.nn.Input(1, name="i1")
    i2 = bp.nn.Input(2, name="i2")
    i3 = bp.nn.Input(3, name="i3")
    net = {i1, i2, i3} >> l
    net.plot_node_graph(fig_size=(4, 4), node_size=2000)
    net.initialize(num_batch=1)
    x3 = bm.random.random((1, 3))
    out = net({"i1": bm.ones((1, 1)), "i2": bm.zeros((1, 2)), "i3": x3})
    assert out.shape == (1, 10)
    # the inputs are concatenated in the order of the senders; check against NumPy in that order
    parts = {"i1": np.ones((1, 1)), "i2": np.zeros((1, 2)), "i3": np.asarray(x3)}
    x = np.concatenate([parts[s.name] for s in net.ff_senders[l]], axis=-1)
    np.testing.assert_allclose(np.asarray(out), x @ np.asarray(l.W), rtol=1e-5)

    rnn = VRNN(4, input_shape=2)
    rnn.initialize(3)
    xs = np.random.RandomState(0).randn(3, 2).astype(np.float32)
    h1 = np.asarray(rnn(xs))
    np.testing.assert_allclose(h1, xs @ np.asarray(rnn.wi), rtol=1e-5, atol=1e-6)
    h2 = np.asarray(rnn(xs))
    np.testing.assert_allclose(h2, xs @ np.asarray(rnn.wi) + h1 @ np.asarray(rnn.wr), rtol=1e-5, atol=1e-6)

    printed = []
    try:
        DotNode(1) << bp.nn.Input(1)
    except Exception as e:
        printed += [str(e.__class__), str(e)]
    assert printed[0] == "<class 'ValueError'>"
    assert printed[1].startswith("Establish a feedback connection to \nDotNode(name=DotNode")
    assert printed[1].endswith(
        "support_feedback=False, data_pass_type=PASS_SEQUENCE)\nis not allowed. Because this node does not "
        "support feedback connections."
    )
    net = FeedBackDotNode(1) << bp.nn.Input(1)
    assert repr(net) == "Network(FeedBackDotNode0, Input1)"
    drop = Dropout(0.5, seed=1)
    assert drop.support_feedback is False and drop.prob == 0.5
