"""The training quickstart (spec L326-616, issue 10): the spec's code cells run unchanged, with numbers.

Workflows 5-7 of the inventory: an echo state network trained by ridge regression on the Lorenz
series, next-generation reservoir computing (NVAR) inferring z from x and y, and an RNN trained
with BPTT to integrate white noise. The quickstart runs in float64 (``bm.enable_x64()``, L330).
Cells are copied as the spec writes them (module-level helpers are the spec's ``get_subset`` and
``plot_difference``); the three forecasting cells (1, 10 and 100 steps ahead) run as one loop, and
the number of BPTT training steps is reduced.
"""

from functools import partial

import brainpy as bp
import brainpy.math as bm
import matplotlib.pyplot as plt
import numpy as np
import pytest

pytestmark = pytest.mark.spec


@pytest.fixture
def quickstart_x64(notebook_show):
    """The quickstart's settings (L330-331), restored afterwards; a fixed seed for the random weights."""
    saved = bm.settings.snapshot()
    bm.enable_x64()
    bm.set_dfloat(bm.float64)
    bm.random.seed(0)
    yield
    bm.settings.update(**{k: v for k, v in saved.items() if k != "platform"})


def test_general_usage_building_cells(quickstart_x64):
    # L336-350, with the three nodes the prose names
    data, reservoir, readout = bp.nn.Input(3), bp.nn.Reservoir(20), bp.nn.LinearReadout(3)
    feedforward_net = data >> reservoir >> readout
    feedback_net = reservoir << readout
    model = feedforward_net & feedback_net
    assert set(model.ff_edges) == {(data, reservoir), (reservoir, readout)}
    assert model.fb_edges == ((readout, reservoir),)
    model.initialize(1)
    assert reservoir.feedback_shapes == ((None, 3),)
    out = bp.nn.RNNRunner(model, progress_bar=False).predict(bm.ones((1, 4, 3)))
    assert out.shape == (1, 4, 3) and out.dtype == np.float64


def get_subset(data, start, end):
    res = {"x": data["x"][start:end], "y": data["y"][start:end], "z": data["z"][start:end]}
    res = bm.hstack([res["x"], res["y"], res["z"]])
    return res.reshape((1,) + res.shape)


def plot_difference(truths, predictions):
    truths = truths.numpy()
    predictions = predictions.numpy()
    plt.subplot(311)
    plt.plot(truths[0, :, 0], label="Ground Truth")
    plt.plot(predictions[0, :, 0], label="Prediction")
    plt.ylabel("x")
    plt.legend()
    plt.subplot(312)
    plt.plot(truths[0, :, 1], label="Ground Truth")
    plt.plot(predictions[0, :, 1], label="Prediction")
    plt.ylabel("y")
    plt.legend()
    plt.subplot(313)
    plt.plot(truths[0, :, 2], label="Ground Truth")
    plt.plot(predictions[0, :, 2], label="Prediction")
    plt.ylabel("z")
    plt.legend()
    plt.show()


def test_echo_state_network_forecasts_lorenz(quickstart_x64):
    # L359-454
    i = bp.nn.Input(3)
    r = bp.nn.Reservoir(400, spectral_radius=1.4)
    o = bp.nn.LinearReadout(3)
    model = i >> r >> o
    model.plot_node_graph(fig_size=(5, 5), node_size=2000)
    dt = 0.01
    data = bp.datasets.lorenz_series(100, dt=dt)
    plt.figure(figsize=(10, 5))
    plt.subplot(311)
    plt.plot(bm.as_numpy(data["ts"]), bm.as_numpy(data["x"].flatten()))
    plt.ylabel("x")
    plt.subplot(312)
    plt.plot(bm.as_numpy(data["ts"]), bm.as_numpy(data["y"].flatten()))
    plt.ylabel("y")
    plt.subplot(313)
    plt.plot(bm.as_numpy(data["ts"]), bm.as_numpy(data["z"].flatten()))
    plt.ylabel("z")
    plt.show()
    model.initialize(num_batch=1)
    trainer = bp.nn.RidgeTrainer(model, beta=1e-6)
    mses = {}
    for ahead in (1, 10, 100):  # the one-, 10- and 100-step-ahead cells
        warmup_data = get_subset(data, 0, int(20 / dt))
        outs = trainer.predict(warmup_data)
        assert outs.shape == (1, 2000, 3)
        x_train = get_subset(data, int(20 / dt), int(80 / dt))
        y_train = get_subset(data, int(20 / dt) + ahead, int(80 / dt) + ahead)
        trainer.fit([x_train, y_train])
        x_test = get_subset(data, int(80 / dt), int(100 / dt) - ahead)
        y_test = get_subset(data, int(80 / dt) + ahead, int(100 / dt))
        predictions = trainer.predict(x_test)
        mse = bp.losses.mean_squared_error(y_test, predictions)
        assert x_train.dtype == predictions.dtype == mse.dtype == np.float64
        mses[ahead] = float(mse)
        plot_difference(y_test, predictions)
    # the spec prints 0.00014552 for the one-step-ahead forecast (its reservoir is random; with seed 0 we see 3.6e-4)
    assert mses[1] < 5e-3, mses
    # "forecasting larger time step makes the learning more difficult"
    assert mses[1] < mses[10] < mses[100], mses


def test_next_generation_rc_infers_z(quickstart_x64, capsys):
    # L455-518
    dt = 0.02
    t_warmup = 10.0  # ms
    t_train = 20.0  # ms
    t_test = 50.0  # ms
    num_warmup = int(t_warmup / dt)  # warm up NVAR
    num_train = int(t_train / dt)
    num_test = int(t_test / dt)
    lorenz_series = bp.datasets.lorenz_series(
        t_warmup + t_train + t_test,
        dt=dt,
        inits={"x": 17.67715816276679, "y": 12.931379185960404, "z": 43.91404334248268},
    )

    def get_subset(data, start, end):
        res = {"x": data["x"][start:end], "y": data["y"][start:end], "z": data["z"][start:end]}
        X = bm.hstack([res["x"], res["y"]])
        X = X.reshape((1,) + X.shape)
        Y = res["z"]
        Y = Y.reshape((1,) + Y.shape)
        return X, Y

    X_warmup, Y_warmup = get_subset(lorenz_series, 0, num_warmup)
    X_train, Y_train = get_subset(lorenz_series, num_warmup, num_warmup + num_train)
    X_test, Y_test = get_subset(lorenz_series, num_warmup + num_train, num_warmup + num_train + num_test)
    i = bp.nn.Input(2)
    r = bp.nn.NVAR(delay=4, order=2, stride=5)
    o = bp.nn.LinearReadout(1, trainable=True)
    model = i >> r >> o
    model.initialize(num_batch=1)
    trainer = bp.nn.RidgeTrainer(model, beta=0.05)
    # warm-up
    outputs = trainer.predict(X_warmup)
    print("Warmup NMS: ", bp.losses.mean_squared_error(outputs, Y_warmup))
    # training
    trainer.fit([X_train, Y_train])
    # prediction
    outputs = trainer.predict(X_test)
    print("Prediction NMS: ", bp.losses.mean_squared_error(outputs, Y_test))
    lines = capsys.readouterr().out.splitlines()
    warmup_nms = float(lines[0].split(":")[1])
    prediction_nms = float(lines[1].split(":")[1])
    # the spec prints 10729.25 (untrained, random readout) and 0.3374; we see 2.1e4 and 0.183
    assert warmup_nms > 1e3
    assert prediction_nms < 1.0
    assert prediction_nms < 0.01 * float(np.var(np.asarray(Y_test)))
    X_test = bm.asarray(X_test).numpy()[0]
    Y_test = bm.asarray(Y_test).numpy().flatten()
    outputs = bm.asarray(outputs).numpy().flatten()
    assert np.corrcoef(Y_test, outputs)[0, 1] > 0.99
    plt.figure(figsize=(10, 5))
    plt.subplot(311)
    plt.plot(X_test[:, 0], color="b")
    plt.ylabel("x")
    plt.subplot(312)
    plt.plot(X_test[:, 1], color="b")
    plt.ylabel("y")
    plt.subplot(313)
    plt.plot(Y_test, color="b", label="Grund Truth")
    plt.plot(outputs, color="r", label="Prediction")
    plt.ylabel("y")
    plt.legend()
    plt.show()


def test_bptt_rnn_integrates_white_noise(quickstart_x64, capsys):
    # L519-616; 500 training steps (10 epochs of 50 batches) instead of 3000 (30 epochs of 100 batches)
    noises = bm.random.normal(0, 0.2, size=10)
    plt.figure(figsize=(8, 2))
    plt.plot(noises.to_numpy().flatten())
    plt.show()
    dt = 0.1
    integrals = bm.cumsum(noises) * dt
    np.testing.assert_allclose(integrals.to_numpy(), np.cumsum(noises.to_numpy()) * dt, rtol=1e-12)

    dt = 0.04
    num_step = int(1.0 / dt)
    num_batch = 128

    @partial(bm.jit, dyn_vars=bp.TensorCollector({"a": bm.random.DEFAULT}), static_argnames=["batch_size"])
    def build_inputs_and_targets(mean=0.025, scale=0.01, batch_size=10):
        # Create the white noise input
        sample = bm.random.normal(size=(batch_size, 1, 1))
        bias = mean * 2.0 * (sample - 0.5)
        samples = bm.random.normal(size=(batch_size, num_step, 1))
        noise_t = scale / dt**0.5 * samples
        inputs = bias + noise_t
        targets = bm.cumsum(inputs, axis=1)
        return inputs, targets

    def train_data():
        for _ in range(50):  # the spec: 100
            yield build_inputs_and_targets(batch_size=num_batch)

    model = bp.nn.Input(1) >> bp.nn.VanillaRNN(100, state_trainable=True) >> bp.nn.Dense(1)
    model.initialize(num_batch=num_batch)

    # define loss function
    def loss(predictions, targets, l2_reg=2e-4):
        mse = bp.losses.mean_squared_error(predictions, targets)
        l2 = l2_reg * bp.losses.l2_norm(model.train_vars().unique().dict()) ** 2
        return mse + l2

    # define optimizer
    lr = bp.optim.ExponentialDecay(lr=0.025, decay_steps=1, decay_rate=0.99975)
    opt = bp.optim.Adam(lr=lr, eps=1e-1)
    # create a trainer
    trainer = bp.nn.BPTT(model, loss=loss, optimizer=opt, max_grad_norm=5.0)
    # train the model (the spec: num_train=30, num_report=500)
    trainer.fit(train_data, num_batch=num_batch, num_train=10, num_report=100)
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Train ")]
    assert [line.split(",")[0] for line in lines] == [f"Train {k} steps" for k in (100, 200, 300, 400, 500)]
    reported = [float(line.rsplit("train loss ", 1)[1]) for line in lines]
    # the spec reports 0.03093 after 500 steps and 0.02187 after 3000 (MSE plus the L2 term);
    # with seed 0 we see 0.255 after 100 steps and 0.039 after 500
    assert reported[-1] < reported[0]
    assert min(reported) < 0.05
    losses = trainer.train_losses.numpy()
    assert losses.shape == (500,)
    assert losses[-100:].mean() < 0.5 * losses[:20].mean()
    plt.figure(figsize=(8, 3))
    plt.plot(trainer.train_losses.numpy())
    plt.show()

    model.initialize(1)
    x, y = build_inputs_and_targets(batch_size=1)
    predicts = trainer.predict(x)
    assert predicts.shape == (1, num_step, 1)
    plt.figure(figsize=(8, 2))
    plt.plot(bm.as_numpy(y[0]).flatten(), label="Ground Truth")
    plt.plot(bm.as_numpy(predicts[0]).flatten(), label="Prediction")
    plt.legend()
    plt.show()
    # the prediction tracks the cumulative sum, on many fresh samples
    model.initialize(64)
    xs, ys = build_inputs_and_targets(batch_size=64)
    pred = np.asarray(trainer.predict(xs, progress_bar=False))
    assert np.corrcoef(pred.ravel(), np.asarray(ys).ravel())[0, 1] > 0.95
    assert np.mean((pred - np.asarray(ys)) ** 2) < 0.1 * np.var(np.asarray(ys))
