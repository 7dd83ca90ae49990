"""Monitors: the spec's Monitors tutorial (L6214-6368), indices, intervals and errors."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import MonitorError, RunningError
from brainpy.math._settings import settings


@pytest.fixture(autouse=True)
def _clean():
    settings.reset()
    bp.clear_name_cache()
    bp.math.set_dt(0.02)
    yield
    settings.reset()
    bp.clear_name_cache()


class HH(bp.dyn.NeuGroup):
    """The spec's HH neuron (L1545-1605), standing in for the built-in bp.dyn.HH."""

    def __init__(self, size, ENa=50.0, gNa=120.0, EK=-77.0, gK=36.0, EL=-54.387, gL=0.03, V_th=20.0, C=1.0, **kwargs):
        super().__init__(size=size, **kwargs)
        self.ENa, self.EK, self.EL, self.gNa, self.gK, self.gL, self.C, self.V_th = ENa, EK, EL, gNa, gK, gL, C, V_th
        self.V = bm.Variable(bm.ones(self.num) * -65.0)
        self.m = bm.Variable(0.05 * bm.ones(self.num))
        self.h = bm.Variable(0.6 * bm.ones(self.num))
        self.n = bm.Variable(0.32 * bm.ones(self.num))
        self.input = bm.Variable(bm.zeros(self.num))
        self.spike = bm.Variable(bm.zeros(self.num, dtype=bool))
        self.integral = bp.odeint(bp.JointEq([self.dV, self.dm, self.dh, self.dn]), method="exp_auto")

    def dV(self, V, t, m, h, n, Iext):
        return (
            -(self.gNa * m**3 * h) * (V - self.ENa) - (self.gK * n**4) * (V - self.EK) - self.gL * (V - self.EL) + Iext
        ) / self.C

    def dm(self, m, t, V):
        return 0.1 * (V + 40) / (1 - bm.exp(-(V + 40) / 10)) * (1 - m) - 4.0 * bm.exp(-(V + 65) / 18) * m

    def dh(self, h, t, V):
        return 0.07 * bm.exp(-(V + 65) / 20.0) * (1 - h) - 1 / (1 + bm.exp(-(V + 35) / 10)) * h

    def dn(self, n, t, V):
        return 0.01 * (V + 55) / (1 - bm.exp(-(V + 55) / 10)) * (1 - n) - 0.125 * bm.exp(-(V + 65) / 80) * n

    def update(self, _t, _dt):
        V, m, h, n = self.integral(self.V, self.m, self.h, self.n, _t, self.input, dt=_dt)
        self.spike.value = bm.logical_and(self.V < self.V_th, V >= self.V_th)
        self.V.value, self.m.value, self.h.value, self.n.value = V, m, h, n
        self.input[:] = 0.0


class MatrixVarModel(bp.DynamicalSystem):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.a = bm.Variable(bm.zeros((4, 4)))

    def update(self, _t, _dt):
        self.a += 0.01


def test_monitor_tutorial_cells(capsys):
    model = HH(1)
    runner1 = bp.StructRunner(model, monitors=["V", "spike"], inputs=("input", 10))
    t = type(runner1.mon)
    assert f"{t.__module__}.{t.__qualname__}" == "brainpy.running.monitor.Monitor"
    runner2 = bp.StructRunner(model, monitors=bp.Monitor(variables=["V", "spike"]))
    assert runner2.mon.item_names == ["V", "spike"]
    runner1(100.0)
    bp.visualize.line_plot(runner1.mon.ts, runner1.mon.V, show=False)
    assert runner1.mon.V is runner1.mon["V"]
    assert runner1.mon.spike.dtype == np.bool_ and runner1.mon.spike.shape == (5000, 1)
    assert runner1.mon.spike.sum() >= 5  # 10 uA/cm^2 makes HH fire repetitively
    np.testing.assert_allclose(runner1.mon.ts[:3], [0.0, 0.02, 0.04])


def test_monitor_mechanism_cells():
    net = bp.Network(HH(size=10, name="X"), HH(size=20, name="Y"), HH(size=30))
    func = bp.StructRunner(net, monitors=["X.V", "Y.spike"]).build_monitors()
    assert (
        f"{func.__module__}.{func.__qualname__}"
        == "brainpy.dyn.runners.ds_runner.DSRunner.build_monitors.<locals>.func"
    )
    assert list(__import__("inspect").signature(func).parameters) == ["_t", "_dt"]
    out = func(0.0, 0.02)
    assert out["X.V"].shape == (10,) and out["Y.spike"].shape == (20,)

    z = HH(size=30, name="Z")
    net = bp.Network(HH(size=10), HH(size=20))
    try:
        bp.StructRunner(net, monitors=["Z.V"]).build_monitors()
    except Exception as e:
        assert type(e).__name__ == "RunningError"
        assert str(e).startswith(f"Cannot find target Z.V in monitor of {net!r}, please check.")
    else:
        raise AssertionError("no error")
    del z
    try:
        bp.StructRunner(HH(size=1), monitors=["gNa"]).build_monitors()
    except Exception as e:
        assert type(e).__name__ == "RunningError"
        assert str(e).startswith('"gNa" in <')
        assert str(e).endswith(
            "is not a dynamically changed Variable, its value will not change, we think "
            "there is no need to monitor its trajectory."
        )
    else:
        raise AssertionError("no error")


def test_flattened_records(capsys):
    model = MatrixVarModel()
    duration = 10
    runner = bp.StructRunner(model, monitors=["a"])
    runner.run(duration)
    print(f'The expected shape of "model.mon.a" is: {(int(duration / bm.get_dt()), model.a.size)}')
    print(f'The actual shape of "model.mon.a" is: {runner.mon.a.shape}')
    assert capsys.readouterr().out == (
        'The expected shape of "model.mon.a" is: (500, 16)\nThe actual shape of "model.mon.a" is: (500, 16)\n'
    )
    np.testing.assert_allclose(runner.mon.a[:, 5], 0.01 * np.arange(1, 501), rtol=1e-4)


@pytest.mark.parametrize(
    "monitors",
    [
        ["V", ("spike", [1, 2, 3])],
        {"V": None, "spike": [1, 2, 3]},
        bp.Monitor(variables=["V", ("spike", [1, 2, 3])]),
        bp.Monitor(variables={"V": None, "spike": [1, 2, 3]}),
    ],
)
def test_indices_in_all_four_syntaxes(monitors, capsys):
    model = HH(10)
    model.V[:] = bm.linspace(-70.0, -60.0, 10)
    runner = bp.StructRunner(model, monitors=monitors, inputs=("input", 10.0))
    runner.run(100.0)
    print(f'The monitor shape of "V" is (run length, variable size) = {runner.mon.V.shape}')
    print(f'The monitor shape of "spike" is (run length, index size) = {runner.mon.spike.shape}')
    assert capsys.readouterr().out == (
        'The monitor shape of "V" is (run length, variable size) = (5000, 10)\n'
        'The monitor shape of "spike" is (run length, index size) = (5000, 3)\n'
    )


def test_indices_select_exactly_the_flattened_elements():
    class Grid(bp.DynamicalSystem):
        def __init__(self):
            super().__init__()
            self.a = bm.Variable(bm.arange(12.0).reshape((3, 4)))

        def update(self, _t, _dt):
            self.a += 100.0

    runner = bp.StructRunner(Grid(), monitors=[("a", [0, 5, 11])])
    runner.run(0.1)
    np.testing.assert_allclose(
        runner.mon.a,
        [
            [100.0, 105.0, 111.0],
            [200.0, 205.0, 211.0],
            [300.0, 305.0, 311.0],
            [400.0, 405.0, 411.0],
            [500.0, 505.0, 511.0],
        ],
    )
    with pytest.raises(RunningError, match="12 elements"):
        bp.StructRunner(Grid(), monitors=[("a", [12])])


def test_intervals_give_exactly_the_samples_asked_for():
    model = MatrixVarModel()
    runner = bp.StructRunner(model, monitors=bp.Monitor(variables=[("a", [0])], intervals=[0.1]), chunk_size=7)
    runner.run(1.0)  # 50 steps of 0.02 ms; every 5th step recorded
    assert runner.mon.a.shape == (10, 1)
    np.testing.assert_allclose(runner.mon["a.t"], np.arange(0, 1.0, 0.1), atol=1e-9)
    # the value recorded at step s is 0.01 * (s + 1)
    np.testing.assert_allclose(runner.mon.a[:, 0], 0.01 * (np.arange(0, 50, 5) + 1), rtol=1e-4)
    assert runner.mon.ts.shape == (50,)
    # tuple form with an interval, mixed with a full-rate variable
    bp.clear_name_cache()
    m2 = MatrixVarModel()
    runner = bp.StructRunner(m2, monitors=bp.Monitor([("a", None, 0.3)]), jit=False)
    runner.run(1.0)
    assert runner.mon.a.shape == (4, 16)  # steps 0, 15, 30, 45
    np.testing.assert_allclose(runner.mon["a.t"], [0.0, 0.3, 0.6, 0.9], atol=1e-9)


def test_monitor_spec_errors():
    with pytest.raises(MonitorError):
        bp.Monitor(variables=[3])
    with pytest.raises(MonitorError):
        bp.Monitor(variables=[("V", [[1, 2]])])
    with pytest.raises(MonitorError):
        bp.Monitor(variables=["V", "V"])
    with pytest.raises(MonitorError):
        bp.Monitor(variables=["V"], intervals=[-1.0])
    with pytest.raises(MonitorError):
        bp.Monitor(variables=["V"], intervals=[1.0, 2.0])
    mon = bp.Monitor(["V"])
    with pytest.raises(KeyError, match="run the runner first"):
        mon["V"]
    with pytest.raises(AttributeError, match="no recorded variable"):
        mon.V
