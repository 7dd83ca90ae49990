"""brainpy.analysis: argument checking, messages, options, and smaller cases with known answers."""

import logging

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import AnalyzerError


@bp.odeint
def int_lin(x, t, y, k=1.0):
    return y - k  # fx depends on y only: its nullcline y = k is horizontal


@bp.odeint
def int_lin_y(y, t, x):
    return -x


@bp.odeint
def int_fast(x, t, z):
    return z - x**3 + x


@bp.odeint
def int_slow(z, t, x):
    return 0.01 * (-x - z)


# ------------------------------------------------------------------ argument checking
def test_bad_arguments(models):
    fhn = models.FHN_MODEL
    tv = {"V": [-3, 3], "w": [-3, 3]}
    with pytest.raises(AnalyzerError, match="not a variable of the model"):
        bp.analysis.PhasePlane2D(fhn, target_vars={"V": [-3, 3], "u": [0, 1]})
    with pytest.raises(AnalyzerError, match="low < high"):
        bp.analysis.PhasePlane2D(fhn, target_vars={"V": [3, -3], "w": [-3, 3]})
    with pytest.raises(AnalyzerError, match="resolutions"):
        bp.analysis.PhasePlane2D(fhn, target_vars=tv, resolutions=-0.1)
    with pytest.raises(AnalyzerError, match="resolutions names"):
        bp.analysis.PhasePlane2D(fhn, target_vars=tv, resolutions={"Q": 0.1})
    with pytest.raises(AnalyzerError, match="unknown key"):
        bp.analysis.PhasePlane2D(fhn, target_vars=tv, options={"nope": 1})
    with pytest.raises(AnalyzerError, match="pars_update names 'Iextt'"):
        bp.analysis.PhasePlane2D(fhn, target_vars=tv, pars_update={"Iextt": 0.8})
    with pytest.raises(AnalyzerError, match="target_pars names 'c'"):
        bp.analysis.Bifurcation2D(fhn, target_vars=tv, target_pars={"c": [0, 1]})
    with pytest.raises(AnalyzerError, match="fixed_vars or target_vars"):
        bp.analysis.PhasePlane1D(fhn, target_vars={"V": [-3, 3]})
    with pytest.raises(AnalyzerError, match="two variables"):
        bp.analysis.PhasePlane2D(fhn, target_vars={"V": [-3, 3]}, fixed_vars={"w": 0.0})
    with pytest.raises(AnalyzerError, match="must be an integrator"):
        bp.analysis.PhasePlane1D(lambda x, t: x, target_vars={"x": [0, 1]})
    with pytest.raises(AnalyzerError, match="one variable per derivative"):
        bp.analysis.PhasePlane2D(bp.odeint(lambda x, y, t: (y, -x)), target_vars={"x": [0, 1], "y": [0, 1]})
    pp = bp.analysis.PhasePlane2D(fhn, target_vars=tv, pars_update={"Iext": 0.8})
    with pytest.raises(AnalyzerError, match="select_candidates"):
        pp.plot_fixed_point(select_candidates="everything")
    with pytest.raises(AnalyzerError, match="coords"):
        pp.plot_nullcline(coords={"V": "V-x"})
    with pytest.raises(AnalyzerError, match="plot_method"):
        pp.plot_vector_field(plot_method="arrows")
    bif = bp.analysis.Bifurcation2D(fhn, target_vars=tv, target_pars={"Iext": [0, 1]})
    with pytest.raises(AnalyzerError, match="plot_bifurcation"):
        bif.plot_limit_cycle_by_sim()
    with pytest.raises(AnalyzerError, match="f_type"):
        bp.analysis.SlowPointFinder(lambda x: x, f_type="chaotic")


def test_resolutions(models):
    fhn = models.FHN_MODEL
    tv = {"V": [-3, 3], "w": [-3, 3]}
    default = bp.analysis.Bifurcation2D(fhn, target_vars=tv, target_pars={"Iext": [0, 1]})
    assert all(len(v) == 20 for v in default.resolutions.values())
    grid = bm.concatenate([bm.arange(0.0, 0.95, 0.01), bm.arange(0.95, 1.01, 0.001), bm.arange(1.05, 1.5, 0.01)])
    mixed = bp.analysis.Bifurcation2D(
        fhn, target_vars=tv, target_pars={"Iext": [0, 1.5]}, resolutions={"Iext": grid, "V": 0.5}
    )
    np.testing.assert_allclose(mixed.resolutions["Iext"], np.asarray(grid))
    assert len(mixed.resolutions["V"]) == 12 and len(mixed.resolutions["w"]) == 20


# ------------------------------------------------------------------ messages
def test_messages_default_to_stdout_and_can_be_rerouted(models, capsys, caplog):
    pp = bp.analysis.PhasePlane1D(models.int_x, target_vars={"x": [-4, 4]}, pars_update={"Iext": 0.0}, resolutions=0.01)
    pp.plot_fixed_point(with_plot=False)
    assert "Fixed point #3 at x=3.1415927410125732 is a stable point." in capsys.readouterr().out
    log = logging.getLogger("brainpy.analysis")
    log.setLevel(logging.WARNING)
    try:
        pp.plot_fixed_point(with_plot=False)
        assert capsys.readouterr().out == ""
    finally:
        log.setLevel(logging.INFO)
    bp.analysis.use_default_handler(False)
    try:
        with caplog.at_level(logging.INFO, logger="brainpy.analysis"):
            pp.plot_fixed_point(with_plot=False)
        assert capsys.readouterr().out == ""
        assert "I am searching fixed points ..." in caplog.messages
    finally:
        bp.analysis.use_default_handler(True)


# ------------------------------------------------------------------ known answers
def test_horizontal_nullcline_and_fixed_point(x64, capsys):
    pp = bp.analysis.PhasePlane2D(
        [int_lin, int_lin_y], target_vars={"x": [-2, 2], "y": [-2, 2]}, pars_update={"k": 0.55}, resolutions=0.1
    )
    lines = pp.plot_nullcline(with_return=True, x_style={"fmt": "-"})
    np.testing.assert_allclose(lines["x"][:, 1], 0.55, atol=1e-12)  # found along y at every x
    assert len(lines["x"]) >= 40
    np.testing.assert_allclose(lines["y"][:, 0], 0.0, atol=1e-12)  # the vertical one, x = 0
    pts = pp.plot_fixed_point(with_return=True)
    np.testing.assert_allclose(pts, [[0.0, 0.55]], atol=1e-10)
    assert pp.analyzed_results["fixed_points"]["types"] == ["center"]
    dx, dy = pp.plot_vector_field(plot_method="quiver", with_return=True)
    assert dx.shape == dy.shape == (40, 40)
    ts, traj = pp.plot_trajectory({"x": [1.0, 0.5], "y": [0.55, 0.55]}, duration=6.3, axes="t-v", with_return=True)
    # a center: x = x0 cos t
    np.testing.assert_allclose(traj["x"][:, 0], np.cos(ts), atol=1e-5)  # RK4 at dt = 0.1


def test_fixed_vars_phase_plane_1d(models, x64):
    pp = bp.analysis.PhasePlane1D(
        models.FHN_MODEL, target_vars={"V": [-3, 3]}, fixed_vars={"w": 0.5}, pars_update={"Iext": 0.8}, resolutions=0.01
    )
    xs, types = pp.plot_fixed_point(with_return=True)
    roots = np.roots([-1 / 3, 0, 1, 0.3])
    np.testing.assert_allclose(np.sort(xs), np.sort(roots.real), atol=1e-10)
    assert types == ["stable point", "unstable point", "stable point"]


def test_bifurcation_1d_of_a_dyn_model(x64):
    lif = bp.dyn.LIF(1, V_rest=-60.0, R=2.0)
    bif = bp.analysis.Bifurcation1D(
        lif, target_vars={"V": [-70, 0]}, target_pars={"I_ext": [0, 10]}, resolutions={"V": 0.1, "I_ext": 0.5}
    )
    roots, pars, dfdx = bif.plot_bifurcation(with_return=True)
    np.testing.assert_allclose(roots, -60.0 + 2.0 * pars["I_ext"], atol=1e-10)
    np.testing.assert_allclose(dfdx, -0.1, atol=1e-12)
    # codimension 2
    bif2 = bp.analysis.Bifurcation1D(
        models_int_x(), target_vars={"x": [-4, 4]}, target_pars={"Iext": [0.0, 0.5], "c": [0.5, 1.0]}, resolutions=0.1
    )
    roots, pars, _ = bif2.plot_bifurcation(with_return=True)
    np.testing.assert_allclose(np.sin(roots) * pars["c"] + pars["Iext"], 0.0, atol=1e-10)


def models_int_x():
    return bp.odeint(lambda x, t, Iext, c: bm.sin(x) * c + Iext)


def test_fast_slow_1d(x64):
    fs = bp.analysis.FastSlow1D(
        [int_fast, int_slow], fast_vars={"x": [-2, 2]}, slow_vars={"z": [-1, 1]}, resolutions={"x": 0.01, "z": 0.05}
    )
    roots, pars, dfdx = fs.plot_bifurcation(with_return=True)
    np.testing.assert_allclose(pars["z"], roots**3 - roots, atol=1e-10)  # the critical manifold
    np.testing.assert_allclose(dfdx, 1 - 3 * roots**2, atol=1e-10)
    ts, traj = fs.plot_trajectory({"x": [1.0], "z": [0.0]}, duration=50.0, with_return=True)
    assert traj["x"].shape == traj["z"].shape == (501, 1)


# ------------------------------------------------------------------ SlowPointFinder
class LinearDS(bp.DynamicalSystem):
    """x' = A x + c, stepped by Euler: fixed point -A^-1 c."""

    def __init__(self):
        super().__init__()
        self.x = bm.Variable(bm.zeros(2))
        self.A = bm.asarray([[-1.0, 0.5], [0.0, -2.0]])
        self.c = bm.asarray([1.0, 2.0])

    def update(self, _t, _dt):
        self.x.value = self.x + _dt * (self.A @ self.x + self.c)


@pytest.mark.parametrize("f_type", ["continuous", "discrete"])
def test_slow_point_finder_on_dynamical_system(f_type, x64, capsys):
    ds = LinearDS()
    finder = bp.analysis.SlowPointFinder(ds, f_type=f_type)
    rng = np.random.default_rng(0)
    finder.find_fps_with_opt_solver(rng.normal(size=(20, 2)), opt_method="L-BFGS-B")
    finder.filter_loss(1e-12)
    finder.keep_unique()
    expected = -np.linalg.solve(np.asarray(ds.A), np.asarray(ds.c))
    np.testing.assert_allclose(finder.fixed_points, [expected], atol=1e-5)
    jac = finder.compute_jacobians(finder.fixed_points[0])
    ref = np.asarray(ds.A) if f_type == "continuous" else np.eye(2) + 0.1 * np.asarray(ds.A)
    np.testing.assert_allclose(jac, ref, atol=1e-8)
    np.testing.assert_allclose(np.asarray(ds.x), 0.0)  # the model's state is left untouched
    ev = finder.decompose_eigenvalues([jac], sort_by="real")[0]["eig_values"]
    assert np.all(np.diff(ev.real) <= 0)


def test_slow_point_finder_outliers_and_batch_loss(capsys):
    finder = bp.analysis.SlowPointFinder(lambda x: -x, f_loss_batch=lambda xs: bm.sum(xs**2, axis=1))
    finder.find_fps_with_gd_method(
        np.array([[1.0, 1.0], [1.1, 1.0], [5.0, 5.0]]),
        tolerance=1e-8,
        num_batch=50,
        num_opt=100,
        optimizer=bp.optim.SGD(lr=0.0),
    )
    assert finder.fixed_points.shape == (3, 2)
    np.testing.assert_allclose(finder.losses, [2.0, 2.21, 50.0], rtol=1e-5)
    finder.exclude_outliers(1.0)
    assert finder.fixed_points.shape == (2, 2) and list(finder.selected_ids) == [0, 1]
    assert "Kept 2/3 fixed points with outlier tolerance 1.0." in capsys.readouterr().out


def test_changed_model_parameter_is_not_hidden_by_the_compilation_cache(x64):
    lif = bp.dyn.LIF(1, V_rest=-60.0)

    def first_root():
        bif = bp.analysis.Bifurcation1D(
            lif, target_vars={"V": [-70, 0]}, target_pars={"I_ext": [0, 10]}, resolutions={"V": 0.1, "I_ext": 0.5}
        )
        return bif.plot_bifurcation(with_plot=False, with_return=True)[0][0]

    assert first_root() == pytest.approx(-60.0)
    lif.V_rest = bm.asarray([-50.0])
    assert first_root() == pytest.approx(-50.0)


def test_closed_form_nullclines(models, x64, capsys):
    pp = bp.analysis.PhasePlane2D(
        models.FHN_MODEL,
        target_vars={"V": [-3, 3], "w": [-3.0, 3.0]},
        pars_update={"Iext": 0.8},
        resolutions=0.01,
        options={
            bp.analysis.C.y_by_x_in_fy: lambda V, a=0.7, b=0.8: (V + a) / b,
            bp.analysis.C.escape_sympy_solver: True,
        },
    )
    lines = pp.plot_nullcline(with_return=True)
    np.testing.assert_allclose(lines["w"][:, 1], (lines["w"][:, 0] + 0.7) / 0.8)
    pts = pp.plot_fixed_point(with_return=True)
    assert "I am trying to find fixed points by brentq optimization ..." in capsys.readouterr().out
    v = np.roots([-1 / 3, 0.0, 1 - 1 / 0.8, 0.8 - 0.7 / 0.8])
    v = v[np.abs(v.imag) < 1e-9].real[0]
    np.testing.assert_allclose(pts, [[v, (v + 0.7) / 0.8]], atol=1e-10)
