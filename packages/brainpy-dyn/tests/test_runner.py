"""DSRunner / ReportRunner: analytic runs, time continuation, chunking, inputs, errors."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import RunningError
from brainpy.math._settings import settings


@pytest.fixture(autouse=True)
def _clean():
    settings.reset()
    bp.clear_name_cache()
    yield
    settings.reset()
    bp.clear_name_cache()


class Decay(bp.dyn.DynamicalSystem):
    """dx/dt = -x / tau + I, integrated exactly over each step (so x(t) = exp(-t/tau) for I = 0)."""

    def __init__(self, n=3, tau=10.0, **kwargs):
        super().__init__(**kwargs)
        self.tau = tau
        self.x = bm.Variable(bm.ones(n))
        self.I = bm.Variable(bm.zeros(n))
        self.t_seen = bm.Variable(bm.zeros(1))

    def update(self, _t, _dt):
        self.x.value = self.x * np.exp(-_dt / self.tau) + self.I * _dt
        self.t_seen[:] = _t
        self.I[:] = 0.0


class Counter(bp.dyn.DynamicalSystem):
    def __init__(self, shape=(2,), **kwargs):
        super().__init__(**kwargs)
        self.a = bm.Variable(bm.zeros(shape))
        self.spike = bm.Variable(bm.zeros(shape, dtype=bool))
        self.n = bm.Variable(bm.zeros(1, dtype=bm.int32))

    def update(self, _t, _dt):
        self.a += 1.0
        self.n += 1
        self.spike.value = (self.a % 3) == 0


@pytest.mark.parametrize("jit", [True, False])
def test_linear_decay_matches_exponential(jit):
    model = Decay()
    runner = bp.dyn.DSRunner(model, monitors=["x", "t_seen"], dt=0.1, jit=jit)
    elapsed = runner.run(20.0)
    assert isinstance(elapsed, float) and elapsed >= 0.0
    ts = runner.mon.ts
    assert ts.shape == (200,)
    np.testing.assert_allclose(ts, np.arange(200) * 0.1, atol=1e-12)
    # the value recorded at step time t is the state after the update from t to t + dt
    np.testing.assert_allclose(runner.mon.x[:, 0], np.exp(-(ts + 0.1) / 10.0), rtol=1e-5)
    np.testing.assert_allclose(runner.mon.t_seen[:, 0], ts, atol=1e-4)


def test_repeated_runs_continue_time_and_state():
    model = Decay()
    runner = bp.dyn.DSRunner(model, monitors=["x"], dt=0.1)
    runner.run(10.0)
    runner(10.0)
    np.testing.assert_allclose(runner.mon.ts[[0, -1]], [10.0, 19.9], atol=1e-9)
    assert runner.mon.x.shape == (100, 3)  # each run replaces the records
    np.testing.assert_allclose(runner.mon.x[:, 0], np.exp(-(runner.mon.ts + 0.1) / 10.0), rtol=1e-5)
    runner.run(5.0, start_t=0.0)
    np.testing.assert_allclose(runner.mon.ts[0], 0.0)


def test_chunked_monitoring_equals_unchunked():
    bm.random.seed(3)
    results = []
    for chunk in (None, 7, 1):
        bp.clear_name_cache()
        c = Counter((3, 2))
        d = Decay(4)
        net = bp.dyn.Network(c=c, d=d)
        runner = bp.dyn.DSRunner(
            net,
            monitors=["c.a", ("c.spike", [0, 5]), "d.x", "c.n"],
            inputs=("d.I", np.arange(50 * 4, dtype=np.float32).reshape(50, 4), "iter"),
            chunk_size=chunk,
        )
        runner.run(5.0)
        results.append({k: runner.mon[k] for k in ("ts", "c.a", "c.spike", "d.x", "c.n")})
    for other in results[1:]:
        for k, v in results[0].items():
            np.testing.assert_array_equal(v, other[k])
    assert results[0]["c.spike"].dtype == np.bool_
    assert results[0]["c.a"].shape == (50, 6)
    np.testing.assert_array_equal(results[0]["c.n"][:, 0], np.arange(1, 51))


def test_default_chunk_is_bounded_by_memory():
    c = Counter((1000,))
    runner = bp.dyn.DSRunner(c, monitors=["a"])
    assert runner._chunk_len(10**6) == 10_000
    big = Counter((10**5,))
    assert bp.dyn.DSRunner(big, monitors=["a"])._chunk_len(10**6) * 10**5 * 4 <= 256 * 2**20


@pytest.mark.parametrize(
    "op,expected", [("+", 2.0 + 3.0), ("-", 2.0 - 3.0), ("*", 2.0 * 3.0), ("/", 2.0 / 3.0), ("=", 3.0)]
)
def test_input_operations(op, expected):
    class Hold(bp.dyn.DynamicalSystem):
        def __init__(self):
            super().__init__()
            self.v = bm.Variable(bm.zeros(2))
            self.seen = bm.Variable(bm.zeros(2))

        def update(self, _t, _dt):
            self.seen.value = self.v.value
            self.v[:] = 2.0

    m = Hold()
    m.v[:] = 2.0
    runner = bp.dyn.DSRunner(m, monitors=["seen"], inputs=("v", 3.0, "fix", op))
    runner.run(0.3)
    np.testing.assert_allclose(runner.mon.seen, np.full((3, 2), expected), rtol=1e-6)


@pytest.mark.parametrize("jit", [True, False])
def test_input_types_iter_and_func(jit):
    class Sink(bp.dyn.DynamicalSystem):
        def __init__(self):
            super().__init__()
            self.a = bm.Variable(bm.zeros(2))
            self.b = bm.Variable(bm.zeros(2))
            self.c = bm.Variable(bm.zeros(1))

        def update(self, _t, _dt):
            pass

    m = Sink()
    data = np.stack([np.arange(10.0), -np.arange(10.0)], axis=1)

    def gen():
        k = 0
        while True:
            yield np.array([k * 10.0])
            k += 1

    runner = bp.dyn.DSRunner(
        m,
        monitors=["a", "b", "c"],
        jit=jit,
        chunk_size=4,
        inputs=[("a", data, "iter", "="), ("b", lambda t: t * 2.0, "func", "="), ("c", gen(), "iter", "=")],
    )
    runner.run(1.0)
    np.testing.assert_allclose(runner.mon.a, data, rtol=1e-6)
    np.testing.assert_allclose(runner.mon.b[:, 0], runner.mon.ts * 2.0, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(runner.mon.c[:, 0], np.arange(10) * 10.0)

    runner2 = bp.dyn.DSRunner(m, monitors=["b"], inputs=("b", lambda t, dt: t + dt, "func", "="), jit=jit)
    runner2.run(0.5)
    np.testing.assert_allclose(runner2.mon.b[:, 0], np.arange(5) * 0.1 + 0.1, rtol=1e-5)


def test_list_form_single_input_and_dt_argument():
    m = Decay(1)
    runner = bp.dyn.DSRunner(m, monitors=["x"], inputs=["I", 1.0], dt=0.5)
    runner.run(2.0)
    assert runner.mon.x.shape == (4, 1)
    x = 1.0
    for _ in range(4):
        x = x * np.exp(-0.5 / 10.0) + 0.5
    np.testing.assert_allclose(runner.mon.x[-1, 0], x, rtol=1e-5)


def test_report_runner_matches_dsrunner():
    outs = []
    for cls, kw in ((bp.dyn.DSRunner, {}), (bp.dyn.ReportRunner, {}), (bp.ReportRunner, {"jit": True})):
        bp.clear_name_cache()
        m = Decay(2)
        runner = cls(m, monitors=["x"], inputs=("I", 0.5), **kw)
        runner.run(3.0)
        outs.append(runner.mon.x)
    np.testing.assert_allclose(outs[0], outs[1], rtol=1e-6)
    np.testing.assert_allclose(outs[0], outs[2], rtol=1e-6)
    assert bp.StructRunner is bp.dyn.DSRunner


def test_fun_monitors_and_jax_output():
    m = Counter()
    runner = bp.dyn.DSRunner(
        m, monitors=["n"], fun_monitors={"twice": lambda t, dt: m.a * 2}, numpy_mon_after_run=False
    )
    runner.run(0.5)
    assert not isinstance(runner.mon.n, np.ndarray)
    np.testing.assert_allclose(np.asarray(runner.mon["twice"])[:, 0], 2.0 * np.arange(1, 6))


def test_errors_are_raised_before_running():
    m = Decay()
    with pytest.raises(RunningError, match="Cannot find target Z.V"):
        bp.dyn.DSRunner(m, monitors=["Z.V"])
    with pytest.raises(RunningError, match="tau"):
        bp.dyn.DSRunner(m, monitors=["tau"])
    with pytest.raises(RunningError, match="Cannot find target nothing"):
        bp.dyn.DSRunner(m, inputs=("nothing", 1.0))
    with pytest.raises(RunningError, match="operation"):
        bp.dyn.DSRunner(m, inputs=("I", 1.0, "fix", "%"))
    with pytest.raises(RunningError, match="type"):
        bp.dyn.DSRunner(m, inputs=("I", 1.0, "loop"))
    with pytest.raises(RunningError, match="broadcast"):
        bp.dyn.DSRunner(m, inputs=("I", np.ones(5)))
    with pytest.raises(RunningError, match="DynamicalSystem"):
        bp.dyn.DSRunner(bp.Base(), monitors=[])
    with pytest.raises(RunningError, match="duration"):
        bp.dyn.DSRunner(m).run(-1.0)
    with pytest.raises(RunningError, match="dt"):
        bp.dyn.DSRunner(m, dt=0.0)
    runner = bp.dyn.DSRunner(m, inputs=("I", np.ones((3, 3)), "iter"))
    with pytest.raises(RunningError, match="3 time steps"):
        runner.run(1.0)


def test_failed_run_leaves_state_unchanged():
    class Broken(Decay):
        def update(self, _t, _dt):
            super().update(_t, _dt)
            raise ValueError("boom")

    m = Broken()
    m.x.value = bm.ones(3) * 5.0
    for jit in (True, False):
        runner = bp.dyn.DSRunner(m, monitors=["x"], inputs=("I", 1.0), jit=jit)
        with pytest.raises(ValueError, match="boom"):
            runner.run(1.0)
        np.testing.assert_array_equal(np.asarray(m.x), np.full(3, 5.0))
        np.testing.assert_array_equal(np.asarray(m.I), np.zeros(3))
        assert runner._start_t == 0.0


def test_random_numbers_advance_between_steps_and_runs():
    class Noise(bp.dyn.DynamicalSystem):
        def __init__(self):
            super().__init__()
            self.x = bm.Variable(bm.zeros(1000))

        def update(self, _t, _dt):
            self.x.value = bm.random.normal(size=1000).value

    m = Noise()
    runner = bp.dyn.DSRunner(m, monitors=["x"])
    runner.run(1.0)
    a = runner.mon.x
    runner.run(1.0)
    b = runner.mon.x
    assert not np.allclose(a[0], a[1]) and not np.allclose(a, b)
    assert abs(a.mean()) < 0.02 and abs(a.std() - 1.0) < 0.02


def test_progress_bar(capsys):
    m = Decay()
    bp.dyn.DSRunner(m, progress_bar=True, chunk_size=3).run(1.0)
    err = capsys.readouterr().err
    assert "10/10" in err
    bp.dyn.ReportRunner(m, progress_bar=True).run(25.0)
    assert "250/250" in capsys.readouterr().err
    bp.dyn.DSRunner(m, progress_bar=False).run(1.0)
    bp.dyn.DSRunner(m).run(1.0)  # short run: no bar by default
    assert capsys.readouterr().err == ""
    with pytest.raises(RunningError):
        bp.dyn.DSRunner(m, progress_bar="yes")


def test_process_pools(tmp_path, monkeypatch):
    (tmp_path / "_pool_jobs_rt.py").write_text(
        "def job(a, b=1):\n    return a * b\n\ndef locked(a, lock):\n    with lock:\n        return a + 1\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import _pool_jobs_rt
    from brainpy.running import process_pool, process_pool_lock

    assert process_pool(_pool_jobs_rt.job, [(2, 3), {"a": 4, "b": 5}, (7,)], 2) == [6, 20, 7]
    assert process_pool_lock(_pool_jobs_rt.locked, [(1,), {"a": 2}], 2) == [2, 3]
    with pytest.raises(ValueError):
        process_pool(_pool_jobs_rt.job, [(1,)], 0)
    with pytest.raises(TypeError):
        process_pool(_pool_jobs_rt.job, [3], 1)
