"""The "High-dimensional Analyzers" tutorial (spec L3390-3606): SlowPointFinder on the decision
model (compared with PhasePlane2D) and on a continuous-attractor network (reduced size)."""

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest

pytestmark = pytest.mark.spec

# parameters (spec L3437-3449)
gamma = 0.641  # Saturation factor for gating variable
tau = 0.06  # Synaptic time constant [sec]
a = 270.0
b = 108.0
d = 0.154
JE = 0.3725  # self-coupling strength [nA]
JI = -0.1137  # cross-coupling strength [nA]
JAext = 0.00117  # Stimulus input strength [nA]
mu = 20.0  # Stimulus firing rate [spikes/sec]
coh = 0.5  # Stimulus coherence [%]
Ib1 = 0.3297
Ib2 = 0.3297


@bp.odeint
def int_s1(s1, t, s2, coh=0.5, mu=20.0):
    I1 = JE * s1 + JI * s2 + Ib1 + JAext * mu * (1.0 + coh)
    r1 = (a * I1 - b) / (1.0 - bm.exp(-d * (a * I1 - b)))
    return -s1 / tau + (1.0 - s1) * gamma * r1


@bp.odeint
def int_s2(s2, t, s1, coh=0.5, mu=20.0):
    I2 = JE * s2 + JI * s1 + Ib2 + JAext * mu * (1.0 - coh)
    r2 = (a * I2 - b) / (1.0 - bm.exp(-d * (a * I2 - b)))
    return -s2 / tau + (1.0 - s2) * gamma * r2


def step(s):
    # spec L3457 uses ds1.value (see test_step_cell_verbatim); bm.as_jax also takes plain arrays
    ds1 = int_s1.f(s[0], 0.0, s[1])
    ds2 = int_s2.f(s[1], 0.0, s[0])
    return bm.asarray([bm.as_jax(ds1), bm.as_jax(ds2)])


SPEC_PP = np.array(
    [
        [0.28276315331459045, 0.40635165572166443],
        [0.013946513645350933, 0.6573889851570129],
        [0.7004519104957581, 0.004864314571022987],
    ]
)


def _match(points, reference, atol):
    assert len(points) == len(reference)
    for p in reference:
        assert np.min(np.max(np.abs(points - p), axis=1)) < atol, (p, points)


def test_decision_model_phase_plane_and_slow_points(capsys):
    # spec L3462-3505 (32-bit, as the tutorial runs)
    analyzer = bp.analysis.PhasePlane2D(
        model=[int_s1, int_s2], target_vars={"s1": [0, 1], "s2": [0, 1]}, resolutions=0.001
    )
    analyzer.plot_fixed_point(select_candidates="aux_rank", with_plot=False)
    out = capsys.readouterr().out
    assert "There are 100 candidates" in out and "Found 3 fixed points." in out
    res = analyzer.analyzed_results["fixed_points"]
    _match(res["points"], SPEC_PP, 1e-5)
    nearest = [int(np.argmin(np.abs(res["points"] - p).sum(1))) for p in SPEC_PP]
    assert [res["types"][i] for i in nearest] == ["saddle node", "stable node", "stable node"]

    finder = bp.analysis.SlowPointFinder(f_cell=step)
    finder.find_fps_with_gd_method(
        candidates=bm.random.random((1000, 2)),
        tolerance=1e-5,
        num_batch=200,
        opt_setting=dict(method=bm.optimizers.Adam, lr=bm.optimizers.ExponentialDecay(0.01, 1, 0.9999)),
    )
    finder.filter_loss(1e-5)
    finder.keep_unique()
    out = capsys.readouterr().out
    assert "Optimizing with Adam to find fixed points:" in out
    assert "Batches 1-200 in" in out and "Stop optimization as mean training loss" in out
    assert "Excluding fixed points with squared speed above tolerance 1e-05:" in out
    assert "Excluding non-unique fixed points:" in out
    assert "Kept 3/" in out and "unique fixed points with uniqueness tolerance 0.025." in out
    assert finder.fixed_points.shape == (3, 2)
    _match(finder.fixed_points, res["points"], 1e-3)  # "nearly the same" as the phase plane's
    assert len(finder.losses) == 3 and np.all(finder.losses < 1e-5)
    assert finder.selected_ids.shape == (3,)
    # the Jacobians classify them as the phase plane does
    jac = finder.compute_jacobians(finder.fixed_points)
    kinds = [bp.analysis.stability_analysis(j) for j in jac]
    assert sorted(kinds) == ["saddle node", "stable node", "stable node"]
    eig = finder.decompose_eigenvalues(jac)
    for e, j in zip(eig, jac):
        np.testing.assert_allclose(np.sort_complex(e["eig_values"]), np.sort_complex(np.linalg.eigvals(j)), rtol=1e-4)
        np.testing.assert_allclose(e["L"].T @ e["R"], np.eye(2), atol=1e-4)


def test_step_cell_verbatim():
    # spec L3457-3460 exactly, .value included: the state's elements are JaxArrays, so ds1 is one
    def step_verbatim(s):
        ds1 = int_s1.f(s[0], 0.0, s[1])
        ds2 = int_s2.f(s[1], 0.0, s[0])
        return bm.asarray([ds1.value, ds2.value])

    bm.random.seed(3)
    finder = bp.analysis.SlowPointFinder(f_cell=step_verbatim, verbose=False)
    finder.find_fps_with_gd_method(
        candidates=bm.random.random((200, 2)),
        tolerance=1e-5,
        num_batch=200,
        opt_setting=dict(method=bm.optimizers.Adam, lr=bm.optimizers.ExponentialDecay(0.01, 1, 0.9999)),
    )
    finder.filter_loss(1e-5)
    finder.keep_unique()
    _match(finder.fixed_points, SPEC_PP, 2e-3)


class CANN1D(bp.NeuGroup):
    # spec L3509-3561
    def __init__(self, num, tau=1.0, k=8.1, a=0.5, A=10.0, J0=4.0, z_min=-bm.pi, z_max=bm.pi, name=None):
        super().__init__(size=num, name=name)
        self.tau = tau  # The synaptic time constant
        self.k = k  # Degree of the rescaled inhibition
        self.a = a  # Half-width of the range of excitatory connections
        self.A = A  # Magnitude of the external input
        self.J0 = J0  # maximum connection value
        self.z_min = z_min
        self.z_max = z_max
        self.z_range = z_max - z_min
        self.x = bm.linspace(z_min, z_max, num)  # The encoded feature values
        self.rho = num / self.z_range  # The neural density
        self.dx = self.z_range / num  # The stimulus density
        self.u = bm.Variable(bm.zeros(num))
        self.input = bm.Variable(bm.zeros(num))
        self.conn_mat = self.make_conn(self.x)
        self.integral = bp.odeint(self.derivative)

    def derivative(self, u, t, Iext):
        r1 = bm.square(u)
        r2 = 1.0 + self.k * bm.sum(r1)
        r = r1 / r2
        Irec = bm.dot(self.conn_mat, r)
        du = (-u + Irec + Iext) / self.tau
        return du

    def dist(self, d):
        d = bm.remainder(d, self.z_range)
        d = bm.where(d > 0.5 * self.z_range, d - self.z_range, d)
        return d

    def make_conn(self, x):
        assert bm.ndim(x) == 1
        x_left = bm.reshape(x, (-1, 1))
        x_right = bm.repeat(x.reshape((1, -1)), len(x), axis=0)
        d = self.dist(x_left - x_right)
        Jxx = self.J0 * bm.exp(-0.5 * bm.square(d / self.a)) / (bm.sqrt(2 * bm.pi) * self.a)
        return Jxx

    def get_stimulus_by_pos(self, pos):
        return self.A * bm.exp(-0.25 * bm.square(self.dist(self.x - pos) / self.a))

    def update(self, _t, _dt):
        self.u[:] = self.integral(self.u, _t, self.input)
        self.input[:] = 0.0

    def cell(self, u):
        return self.derivative(u, 0.0, 0.0)


def test_cann_line_attractor(capsys):
    # spec L3562-3599 at reduced size: 64 neurons and 63 candidates. The spec's 512 and 629 take minutes
    # on two CPU cores; benchmarks/bench_cann.py runs them (one H100: 15.8 s, 370/629 kept, spec 357/629)
    import matplotlib.pyplot as plt

    cann = CANN1D(num=64, k=0.1, A=30)
    candidates = cann.get_stimulus_by_pos(bm.arange(-bm.pi, bm.pi, 0.1).reshape((-1, 1)))
    candidates += bm.random.normal(0.0, 0.01, candidates.shape)
    finder = bp.analysis.SlowPointFinder(f_cell=cann.cell)
    finder.find_fps_with_opt_solver(candidates)
    finder.filter_loss(1e-6)
    finder.keep_unique()
    out = capsys.readouterr().out
    assert "Optimizing to find fixed points:" in out
    assert "Found 63 fixed points from 63 initial points." in out
    fps = finder.fixed_points
    assert len(fps) >= 20 and np.all(finder.losses < 1e-6)
    # a ring of bumps of one shape: equal norms, peaks spread around the circle
    norms = np.linalg.norm(fps, axis=1)
    assert np.mean(np.abs(norms / np.median(norms) - 1) < 1e-2) > 0.9
    peaks = np.asarray(cann.x)[np.argmax(fps, axis=1)]
    assert np.ptp(peaks) > 2.5  # the spec keeps 357/629 too
    # PCA (numpy SVD in place of sklearn): a closed curve in the first two components
    centered = fps - fps.mean(0)
    _, sv, vt = np.linalg.svd(centered, full_matrices=False)
    pcs = centered @ vt[:2].T
    assert (sv[:2] ** 2).sum() / (sv**2).sum() > 0.7  # explained variance
    plt.plot(pcs[:, 0], pcs[:, 1], "x", label="fixed points")
    J = finder.compute_jacobians(finder.fixed_points[:4])
    assert J.shape == (4, 64, 64)
    for i in range(4):
        eigval = np.linalg.eigvals(np.asarray(J[i]))
        plt.figure()
        plt.scatter(np.real(eigval), np.imag(eigval))
        assert -0.2 < np.max(eigval.real) < 0.05  # the slow direction along the attractor
