"""Rate models and couplings (issue 9): analytic fixed points, the spec's cells, hand-computed couplings."""

from __future__ import annotations

import warnings

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.dyn import rates
from brainpy.errors import ModelBuildError
from scipy.integrate import solve_ivp


def _run(model, duration, monitors, inputs=(), dt=None):
    runner = bp.dyn.DSRunner(model, monitors=monitors, inputs=inputs, dt=dt, progress_bar=False)
    runner.run(duration)
    return runner


# --------------------------------------------------------------------------- Wilson-Cowan (spec L173-212)


def _wc_reference(s0, T):
    wEE, wIE, wEI, wII, a, th = 16.0, 15.0, 12.0, 3.0, 1.5, 3.0

    def F(u):
        return 1 / (1 + np.exp(-a * (u - th))) - 1 / (1 + np.exp(a * th))

    def f(t, s):
        x, y = s
        u = wEE * x - wIE * y - 0.5
        return [-u + (1 - u) * F(u), -y + (1 - y) * F(wEI * x - wII * y)]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return solve_ivp(f, (0, T), s0, rtol=1e-9, atol=1e-11).y[:, -1], f


def test_wilson_cowan_spec_cell_has_two_stable_states():
    wc = rates.WilsonCowanModel(
        2, wEE=16.0, wIE=15.0, wEI=12.0, wII=3.0, E_a=1.5, I_a=1.5, E_theta=3.0, I_theta=3.0, method="exp_euler_auto"
    )
    wc.x[:] = [-0.2, 1.0]
    wc.y[:] = [0.0, 1.0]
    runner = bp.dyn.DSRunner(wc, monitors=["x", "y"], inputs=["input", -0.5], progress_bar=False)
    runner.run(10.0)
    for k, s0 in enumerate(([-0.2, 0.0], [1.0, 1.0])):
        ref, f = _wc_reference(s0, 10.0)
        np.testing.assert_allclose([runner.mon.x[-1, k], runner.mon.y[-1, k]], ref, rtol=2e-3, atol=1e-5)
    low, high = runner.mon.x[-1]
    assert low < 0.05 < 0.4 < high  # two distinct states (0.041 and 0.457)
    # both are stable fixed points: the flow vanishes and the Jacobian's eigenvalues are negative
    for k in range(2):
        ref, f = _wc_reference([runner.mon.x[-1, k], runner.mon.y[-1, k]], 200.0)
        assert np.max(np.abs(f(0, ref))) < 1e-7
        J = np.array([(np.array(f(0, ref + d)) - np.array(f(0, ref - d))) / 2e-6 for d in np.eye(2) * 1e-6]).T
        assert np.all(np.linalg.eigvals(J).real < 0)


def test_wilson_cowan_defaults_and_derivative_signature():
    wc = rates.WilsonCowanModel(1)
    assert (wc.E_tau, wc.E_a, wc.E_theta, wc.I_tau, wc.I_a, wc.I_theta) == (1.0, 1.2, 2.8, 1.0, 1.0, 4.0)
    assert (wc.wEE, wc.wIE, wc.wEI, wc.wII, wc.r) == (12.0, 4.0, 13.0, 11.0, 1.0)
    assert 0.0 <= float(wc.x.value[0]) <= 0.05
    # the analysis toolbox integrates the derivatives with x_ext / y_ext
    np.testing.assert_allclose(float(wc.dx(0.0, 0.0, 0.0, x_ext=0.0)), 0.0, atol=1e-7)
    assert wc.integral is not None


# --------------------------------------------------------------------------- FHN (spec L213-243)


def test_fhn_oscillates_at_input_one_and_rests_outside_the_band():
    fhn = rates.FHN(1, method="exp_auto")
    runner = bp.dyn.DSRunner(fhn, monitors=["x", "y"], inputs=["input", 1.0], progress_bar=False)
    runner.run(100.0)
    assert runner.mon.x.shape == (1000, 1)
    runner.run(400.0)  # continues
    x = runner.mon.x[-3000:, 0]
    assert x.max() - x.min() > 0.5  # limit cycle (0.10 .. 0.78)
    crossings = np.sum((x[1:] > 0.4) & (x[:-1] <= 0.4))
    assert crossings >= 3
    # outside [0.72, 1.4] the trajectory settles on the fixed point: y = (x - delta)/epsilon and
    # -alpha x^3 + beta x^2 + gamma x - y + I = 0
    for I in (0.5, 1.6):
        fhn = rates.FHN(1)
        r = _run(fhn, 1000.0, ["x", "y"], ["input", I])
        roots = np.roots([-3.0, 4.0, -1.5 - 2.0, I])
        x_fp = roots[np.abs(roots.imag) < 1e-9].real[0]
        np.testing.assert_allclose(r.mon.x[-1, 0], x_fp, atol=2e-4)
        np.testing.assert_allclose(r.mon.y[-1, 0], 2.0 * x_fp, atol=5e-4)


def test_fhn_defaults():
    fhn = rates.FHN(3)
    assert (fhn.alpha, fhn.beta, fhn.gamma, fhn.delta, fhn.epsilon, fhn.tau) == (3.0, 4.0, -1.5, 0.0, 0.5, 20.0)
    assert fhn.x_ou is None and fhn.y_ou is None
    assert np.all((np.asarray(fhn.x.value) >= 0) & (np.asarray(fhn.x.value) <= 0.05))


# --------------------------------------------------------------------------- other population models


def test_qif_converges_to_the_analytic_fixed_point():
    # fixed points: x = -Delta / (2 pi tau y), with pi^2 tau^2 y^4 - J tau y^3 - eta y^2 - Delta^2/(4 pi^2 tau^2) = 0
    roots = np.roots([-(np.pi**2), 15.0, -5.0, 0.0, 1.0 / (4 * np.pi**2)])
    positive = np.sort(roots[(np.abs(roots.imag) < 1e-12) & (roots.real > 0)].real)
    assert len(positive) == 3  # bistable: low, (saddle), high
    q = rates.QIF(1, x_initializer=-2.0, y_initializer=0.01)
    r = _run(q, 100.0, ["x", "y"])
    np.testing.assert_allclose(r.mon.y[-1, 0], positive[0], rtol=1e-4)
    np.testing.assert_allclose(r.mon.x[-1, 0], -1.0 / (2 * np.pi * positive[0]), rtol=1e-4)


def test_stuart_landau_limit_cycle_radius_is_sqrt_a():
    a = np.array([0.25, 1.0, 2.0, -0.5])
    sl = rates.StuartLandauOscillator(4, a=bm.asarray(a), x_initializer=0.3, y_initializer=0.1)
    r = _run(sl, 150.0, ["x", "y"], dt=0.01)
    radius = np.hypot(r.mon.x[-2000:], r.mon.y[-2000:])
    np.testing.assert_allclose(radius[:, :3].mean(0), np.sqrt(a[:3]), rtol=1e-3)
    assert radius[:, :3].std(0).max() < 1e-3 and radius[-1, 3] < 1e-6  # a < 0: the origin is stable
    # the phase advances at w (0.2 rad/ms) on the cycle
    phase = np.unwrap(np.arctan2(r.mon.y[-2000:, 0], r.mon.x[-2000:, 0]))
    np.testing.assert_allclose((phase[-1] - phase[0]) / (r.mon.ts[-1] - r.mon.ts[-2000]), 0.2, rtol=1e-3)


def test_threshold_linear_fixed_point_is_beta_times_rectified_input():
    tl = rates.ThresholdLinearModel(3)
    assert (tl.tau_e, tl.tau_i, tl.beta_e, tl.beta_i) == (0.02, 0.01, 0.066, 0.351)
    Ie = np.array([5.0, 0.5, -1.0])
    Ii = np.array([-2.0, 3.0, 1.0])
    r = _run(tl, 5.0, ["e", "i"], [("Ie", bm.asarray(Ie)), ("Ii", bm.asarray(Ii))])
    np.testing.assert_allclose(r.mon.e[-1], 0.066 * np.maximum(Ie, 0), rtol=1e-5)
    np.testing.assert_allclose(r.mon.i[-1], 0.351 * np.maximum(Ii, 0), rtol=1e-5)


def test_feedback_fhn_reads_its_own_delayed_x():
    ffhn = rates.FeedbackFHN(2, delay=2.0)
    r = _run(ffhn, 20.0, ["x"], ["input", 0.5])
    assert np.all(np.isfinite(r.mon.x))
    # the delay buffer holds the trajectory: x(t - 2 ms) = the monitored x 20 steps back
    t_now = float(ffhn.x_delay.current_time.value[0])
    np.testing.assert_allclose(np.asarray(ffhn.x_delay(t_now - 2.0)), r.mon.x[-21], rtol=1e-6)


def test_ou_noise_statistics():
    bm.random.seed(1234)
    fhn = rates.FHN(400, x_ou_sigma=0.5, x_ou_tau=5.0)
    assert fhn.x_ou is not None and fhn.y_ou is None
    r = _run(fhn.x_ou, 300.0, ["x"])
    x = r.mon.x[1000:]  # after 20 tau
    # stationary std sigma * sqrt(tau / 2) = 0.79, mean 0; 400 units x ~ 20 independent windows
    np.testing.assert_allclose(x.std(), 0.5 * np.sqrt(2.5), rtol=0.05)
    assert abs(x.mean()) < 0.05


# --------------------------------------------------------------------------- couplings


class _Driven(bp.dyn.DynamicalSystem):
    """Sets the source x to a known sequence x(n) = (n + 1) * scale, then steps the coupling."""

    def __init__(self, n, make_coupling, scale):
        super().__init__()
        self.x = bm.Variable(bm.zeros(n))
        self.inp = bm.Variable(bm.zeros(n))
        self.count = bm.Variable(bm.zeros(1))
        self.scale = bm.asarray(scale)
        self.syn = make_coupling(self.x, self.inp)

    def update(self, _t, _dt):
        self.count.value = self.count.value + 1.0
        self.x.value = self.count.value * self.scale
        self.inp.value = bm.zeros_like(self.inp.value)
        self.syn.update(_t, _dt)


def test_diffusive_coupling_tiny_hand_computed_case():
    C = np.array([[0.0, 2.0], [3.0, 0.0]])
    D = np.array([[0, 1], [1, 0]])
    net = _Driven(
        2,
        lambda x, inp: rates.DiffusiveCoupling(
            x, x, inp, conn_mat=bm.asarray(C), delay_steps=bm.asarray(D), initial_delay_data=-1.0
        ),
        scale=[1.0, 10.0],
    )
    r = _run(net, 0.4, ["inp"], dt=0.1)
    # step n (x(n) = (n, 10 n)): I_0 = 2 (x_1(n-1) - x_0(n)), I_1 = 3 (x_0(n-1) - x_1(n)); x(0) history = -1
    expected = [
        [2 * (-1 - 1), 3 * (-1 - 10)],  # n = 1
        [2 * (10 - 2), 3 * (1 - 20)],  # n = 2
        [2 * (20 - 3), 3 * (2 - 30)],  # n = 3
        [2 * (30 - 4), 3 * (3 - 40)],
    ]  # n = 4
    np.testing.assert_allclose(r.mon.inp, expected, rtol=1e-6)


@pytest.mark.parametrize("kind", ["diffusive", "additive"])
def test_couplings_match_the_formula_with_heterogeneous_delays(kind):
    rng = np.random.RandomState(3)
    n = 4
    C = rng.rand(n, n)
    D = rng.randint(0, 4, (n, n))
    scale = np.array([1.0, 10.0, 100.0, 1000.0])
    hist = rng.rand(D.max(), n)  # newest first: hist[k - 1] = x(-k)
    if kind == "diffusive":
        make = lambda x, inp: rates.DiffusiveCoupling(x, x, inp, bm.asarray(C), bm.asarray(D), bm.asarray(hist))
    else:
        make = lambda x, inp: rates.AdditiveCoupling(x, inp, bm.asarray(C), bm.asarray(D), bm.asarray(hist))
    r = _run(_Driven(n, make, scale), 1.0, ["inp"], dt=0.1)

    def x_at(m):  # the source value at step m (1-based; m <= 0 is history)
        return m * scale if m >= 1 else hist[-m]

    for step in range(1, 11):
        expected = np.zeros(n)
        for i in range(n):
            for j in range(n):
                delayed = x_at(step - D[i, j])[j]
                expected[i] += C[i, j] * (delayed - x_at(step)[i] if kind == "diffusive" else delayed)
        np.testing.assert_allclose(r.mon.inp[step - 1], expected, rtol=1e-5)


@pytest.mark.parametrize("k", [0, 1, 5])
def test_delays_shift_by_exactly_the_given_steps(k):
    net = _Driven(
        3,
        lambda x, inp: rates.AdditiveCoupling(x, inp, bm.eye(3), delay_steps=k, initial_delay_data=0.0),
        scale=[1.0, 2.0, 3.0],
    )
    r = _run(net, 2.0, ["inp"], dt=0.1)
    steps = np.arange(1, 21)
    expected = np.maximum(steps - k, 0)[:, None] * np.array([1.0, 2.0, 3.0])
    np.testing.assert_allclose(r.mon.inp, expected, rtol=1e-6)


def test_network_reset_restores_models_and_delay_history():
    fhn = rates.FHN(3, x_initializer=0.2, y_initializer=0.1)
    syn = rates.AdditiveCoupling(fhn.x, fhn.input, bm.ones((3, 3)) * 0.1, delay_steps=3, initial_delay_data=0.5)
    net = bp.dyn.Network(fhn, syn)
    _run(net, 5.0, [fhn.name + ".x"], [(fhn.name + ".input", 1.0)])
    net.reset()
    np.testing.assert_allclose(np.asarray(fhn.x.value), 0.2)
    np.testing.assert_allclose(np.asarray(fhn.y.value), 0.1)
    np.testing.assert_allclose(np.asarray(syn.delay(1)), 0.5)  # x(-1) .. x(-3) are the initial history again


def test_whole_brain_model_on_a_seeded_synthetic_connectome():
    bm.random.seed(2022)
    rng = np.random.RandomState(0)
    data = {"Cmat": rng.rand(80, 80) * 0.05, "Dmat": rng.rand(80, 80) * 100.0}

    sigal_speed = 20.0
    delay_mat = data["Dmat"] / sigal_speed / bm.get_dt()
    delay_mat = bm.asarray(delay_mat, dtype=bm.int_)
    gc = 1.0
    conn_mat = bm.asarray(data["Cmat"] * gc)
    bm.fill_diagonal(conn_mat, 0)

    class WholeBrainNet(bp.dyn.Network):
        def __init__(self, Cmat, Dmat):
            super(WholeBrainNet, self).__init__()  # noqa: UP008 (the spec cell, verbatim)
            self.fhn = rates.FHN(80, x_ou_sigma=0.01, y_ou_sigma=0.01, name="fhn", method="exp_auto")
            self.syn = rates.DiffusiveCoupling(
                self.fhn.x,
                self.fhn.x,
                self.fhn.input,
                conn_mat=Cmat,
                delay_steps=Dmat.astype(bm.int_),
                initial_delay_data=bp.init.Uniform(0, 0.05),
            )

        def update(self, _t, _dt):
            self.syn.update(_t, _dt)
            self.fhn.update(_t, _dt)

    net = WholeBrainNet(conn_mat, delay_mat)
    assert net.syn.max_delay == int(np.asarray(delay_mat).max()) and net.syn.delay_type == "heter"
    runner = bp.dyn.DSRunner(net, monitors=["fhn.x"], inputs=["fhn.input", 0.72], progress_bar=False)
    runner.run(300.0)
    xs = runner.mon["fhn.x"]
    assert xs.shape == (3000, 80) and np.all(np.isfinite(xs))
    assert xs[-1500:].std(0).min() > 0.01  # every region keeps moving (noise + coupling)
    fc = np.asarray(bp.measure.functional_connectivity(xs))
    assert fc.shape == (80, 80)
    np.testing.assert_allclose(fc, np.corrcoef(xs.T), atol=1e-4)
    np.testing.assert_allclose(np.diag(fc), 1.0, atol=1e-5)


# --------------------------------------------------------------------------- registration and errors


def test_rate_models_are_registered():
    names = [
        "Population",
        "FHN",
        "FeedbackFHN",
        "QIF",
        "StuartLandauOscillator",
        "WilsonCowanModel",
        "ThresholdLinearModel",
        "DelayCoupling",
        "DiffusiveCoupling",
        "AdditiveCoupling",
    ]
    assert names == list(rates.__all__)
    assert bp.dyn.rates.FHN is rates.FHN and bp.dyn.WilsonCowanModel is rates.WilsonCowanModel


def test_bad_coupling_arguments_raise_naming_the_argument():
    fhn = rates.FHN(3)
    with pytest.raises(ModelBuildError, match="conn_mat"):
        rates.DiffusiveCoupling(fhn.x, fhn.x, fhn.input, conn_mat=bm.ones((3, 4)))
    with pytest.raises(ModelBuildError, match="delay_steps"):
        rates.DiffusiveCoupling(fhn.x, fhn.x, fhn.input, conn_mat=bm.ones((3, 3)), delay_steps=-1)
    with pytest.raises(ModelBuildError, match="delay_steps"):
        rates.AdditiveCoupling(fhn.x, fhn.input, bm.ones((3, 3)), delay_steps=bm.asarray([[0, 1, -2]] * 3))
    with pytest.raises(ModelBuildError, match="delay_steps"):
        rates.AdditiveCoupling(fhn.x, fhn.input, bm.ones((3, 3)), delay_steps=bm.ones((2, 2), dtype=bm.int_))
    with pytest.raises(ModelBuildError, match="delay_steps"):
        rates.AdditiveCoupling(fhn.x, fhn.input, bm.ones((3, 3)), delay_steps=0.5)
    with pytest.raises(ModelBuildError, match="coupling_var1"):
        rates.DiffusiveCoupling(np.zeros(3), fhn.x, fhn.input, conn_mat=bm.ones((3, 3)))
    with pytest.raises(ModelBuildError, match="initial_delay_data"):
        rates.AdditiveCoupling(fhn.x, fhn.input, bm.ones((3, 3)), delay_steps=2, initial_delay_data=np.ones(5))
    with pytest.raises(ModelBuildError, match="delay"):
        rates.FeedbackFHN(1, delay=-1.0)
