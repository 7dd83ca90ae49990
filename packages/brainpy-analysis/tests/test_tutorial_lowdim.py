"""The "Low-dimensional Analyzers" tutorial (spec L2998-3390), cell by cell, with its printed outputs.

Numbers are checked against independent references (closed-form roots of the polynomials
involved) and against the outputs the spec prints.
"""

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest

pytestmark = pytest.mark.spec


def _fhn_fixed_point(iext, a=0.7, b=0.8):
    """The real root of V - V^3/3 - (V + a)/b + Iext = 0 and its w (closed form via numpy.roots)."""
    roots = np.roots([-1 / 3, 0.0, 1 - 1 / b, iext - a / b])
    v = roots[np.abs(roots.imag) < 1e-9].real
    return v, (v + a) / b


def test_phase_plane_1d_sin(models, x64, capsys):
    # spec L3026-3057
    pp = bp.analysis.PhasePlane1D(
        model=models.int_x, target_vars={"x": [-10, 10]}, pars_update={"Iext": 0.0}, resolutions=0.001
    )
    pp.plot_vector_field()
    pp.plot_fixed_point(show=True)
    out = capsys.readouterr().out
    assert "I am creating vector fields ..." in out
    assert "I am searching fixed points ..." in out
    assert "Fixed point #1 at x=-9.42477796076938 is a stable point." in out
    assert "Fixed point #7 at x=9.42477796076938 is a stable point." in out
    xs, types = pp.plot_fixed_point(with_plot=False, with_return=True)
    assert len(xs) == 7
    np.testing.assert_allclose(xs, np.pi * np.arange(-3, 4), atol=1e-12)
    assert types == ["stable point", "unstable point"] * 3 + ["stable point"]


def test_bifurcation_1d_sin_fold_at_one(models, x64, capsys):
    # spec L3066-3073: a fold bifurcation at I = 1
    bif = bp.analysis.Bifurcation1D(
        model=models.int_x, target_vars={"x": [-10, 10]}, target_pars={"Iext": [0.0, 1.5]}, resolutions=0.001
    )
    xs, pars, dfdx = bif.plot_bifurcation(show=True, with_return=True)
    assert "I am making bifurcation analysis ..." in capsys.readouterr().out
    iext = pars["Iext"]
    assert iext.max() <= 1.0 and iext.max() > 0.99
    # away from the fold: the roots of sin(x) = -I, three periods in [-10, 10]
    sel = np.isclose(iext, 0.5)
    k = 2 * np.pi * np.arange(-3, 4)
    expected = np.sort(np.concatenate([np.arcsin(-0.5) + k, np.pi - np.arcsin(-0.5) + k]))
    expected = expected[np.abs(expected) <= 10]
    np.testing.assert_allclose(np.sort(xs[sel]), expected, atol=1e-10)
    np.testing.assert_allclose(dfdx[sel], np.cos(xs[sel]), atol=1e-10)


def test_phase_plane_2d_fhn(models, x64, capsys):
    # spec L3119-3152
    pp = bp.analysis.PhasePlane2D(
        models.FHN_MODEL, target_vars={"V": [-3, 3], "w": [-3.0, 3.0]}, pars_update={"Iext": 0.8}, resolutions=0.01
    )
    pp.plot_nullcline(x_style={"fmt": "-"}, y_style={"fmt": "-"})
    pp.plot_vector_field()
    pp.plot_fixed_point()
    pp.plot_trajectory({"V": [-2.8], "w": [-1.8]}, duration=100.0)
    pp.show_figure()
    out = capsys.readouterr().out
    for line in [
        "I am computing fx-nullcline ...",
        "I am evaluating fx-nullcline by optimization ...",
        "I am computing fy-nullcline ...",
        "I am evaluating fy-nullcline by optimization ...",
        "I am creating vector fields ...",
        "I am searching fixed points ...",
        "I am trying to find fixed points by optimization ...",
        "There are 866 candidates",
        "I am trying to filter out duplicate fixed points ...",
        "Found 1 fixed points.",
        "I am plotting the trajectory ...",
    ]:
        assert line in out
    pts = pp.plot_fixed_point(with_plot=False, with_return=True)
    v, w = _fhn_fixed_point(0.8)
    np.testing.assert_allclose(pts, [[v[0], w[0]]], atol=1e-10)
    assert pp.analyzed_results["fixed_points"]["types"] == ["unstable node"]
    # The spec prints V=-0.2738719079879798, w=0.5329731346879486: a point the original optimizer
    # accepted at loss ~4e-10 (its fy residual is 2e-5); the exact root is 1e-3 away.
    np.testing.assert_allclose(pts[0], [-0.2738719079879798, 0.5329731346879486], atol=2e-3)
    # the unstable node sits inside a limit cycle (spec L3153-3159)
    cycles = pp.plot_limit_cycle_by_sim({"V": [-2.8], "w": [-1.8]}, duration=300.0, with_return=True)
    cyc = cycles[0]
    assert cyc is not None
    assert cyc[:, 0].min() < -1.5 and cyc[:, 0].max() > 1.5  # relaxation oscillation around the node


def test_fhn_simulation_cell(models):
    # spec L3155-3159 (bp.StructRunner); shows the oscillation
    runner = bp.StructRunner(models.FitzHughNagumoModel(), monitors=["V", "w"], inputs=["Iext", 0.8])
    runner.run(100.0)
    bp.visualize.line_plot(runner.mon.ts, runner.mon.V, legend="V")
    bp.visualize.line_plot(runner.mon.ts, runner.mon.w, legend="w", show=False)
    V = np.asarray(runner.mon.V)
    assert V.max() > 1.5 and V.min() < -1.5


def test_bifurcation_2d_fhn_codim1(models, x64, capsys):
    # spec L3193-3211
    analyzer = bp.analysis.Bifurcation2D(
        models.FHN_MODEL,
        target_vars={"V": [-3, 3], "w": [-3.0, 3.0]},
        target_pars={"Iext": [0.0, 1.0]},
        resolutions={"Iext": 0.002},
    )
    pts, pars, _ = analyzer.plot_bifurcation(num_rank=10, with_return=True)
    analyzer.show_figure()
    out = capsys.readouterr().out
    assert "There are 5000 candidates" in out and "Found 500 fixed points." in out
    for (v, w), iext in zip(pts[::50], pars["Iext"][::50]):
        ev, ew = _fhn_fixed_point(iext)
        np.testing.assert_allclose([v, w], [ev[0], ew[0]], atol=1e-8)
    # limit cycles exist where the fixed point is unstable
    lc = analyzer.plot_limit_cycle_by_sim(duration=300, with_return=True)
    assert len(lc["pars"]["Iext"]) > 0 and lc["V"][0].max() > 1.5


def test_bifurcation_2d_fhn_codim2(models, x64, capsys):
    # spec L3212-3229
    analyzer = bp.analysis.Bifurcation2D(
        models.FHN_MODEL,
        target_vars=dict(V=[-3, 3], w=[-3.0, 3.0]),
        target_pars=dict(a=[0.5, 1.0], Iext=[0.0, 1.0]),
        resolutions={"a": 0.01, "Iext": 0.01},
    )
    pts, pars, _ = analyzer.plot_bifurcation(num_rank=10, tol_aux=1e-9, with_return=True)
    analyzer.show_figure()
    out = capsys.readouterr().out
    assert "There are 50000 candidates" in out and "Found 5000 fixed points." in out
    i = 1234
    ev, ew = _fhn_fixed_point(pars["Iext"][i], a=pars["a"][i])
    np.testing.assert_allclose(pts[i], [ev[0], ew[0]], atol=1e-8)


def test_bifurcation_2d_closed_form_nullcline(models, x64, capsys):
    # spec L3377-3391: options={C.y_by_x_in_fy: ...} turns the search into brentq
    analyzer = bp.analysis.Bifurcation2D(
        models.FHN_MODEL,
        target_vars=dict(V=[-3, 3], w=[-3.0, 3.0]),
        target_pars=dict(a=[0.5, 1.0], Iext=[0.0, 1.0]),
        resolutions={"a": 0.01, "Iext": 0.01},
        options={bp.analysis.C.y_by_x_in_fy: (lambda V, a=0.7, b=0.8: (V + a) / b)},
    )
    analyzer.plot_bifurcation()
    analyzer.show_figure()
    out = capsys.readouterr().out
    assert "I am trying to find fixed points by brentq optimization ..." in out
    assert "Found 5000 fixed points." in out
    pts, pars, _ = analyzer.plot_bifurcation(with_plot=False, with_return=True)
    i = 4321
    ev, ew = _fhn_fixed_point(pars["Iext"][i], a=pars["a"][i])
    np.testing.assert_allclose(pts[i], [ev[0], ew[0]], atol=1e-10)


def test_fast_slow_2d_hindmarsh_rose(models, x64, capsys):
    # spec L3259-3268
    analyzer = bp.analysis.FastSlow2D(
        [models.hr_x, models.hr_y, models.hr_z],
        fast_vars={"x": [-3, 3], "y": [-10.0, 5.0]},
        slow_vars={"z": [-5.0, 5.0]},
        pars_update={"Isyn": 0.5},
        resolutions={"z": 0.01},
    )
    pts, pars, _ = analyzer.plot_bifurcation(num_rank=20, with_return=True)
    analyzer.plot_trajectory({"x": [1.0], "y": [0.2], "z": [-1.0]}, duration=200.0)
    analyzer.show_figure()
    out = capsys.readouterr().out
    assert "There are 20000 candidates" in out
    # Exact count: the fast fixed points solve y = 1 - 5x^2 and -x^3 - 2x^2 + 1.5 = z, inside the
    # ranges; the spec's 1232 counts near-duplicates its float32 run did not merge.
    expected = []
    for z in np.arange(-5, 5, 0.01):
        roots = np.roots([-1, -2, 0, 1.5 - z])
        x = roots[np.abs(roots.imag) < 1e-9].real
        x = x[(np.abs(x) <= 3) & (1 - 5 * x**2 >= -10)]
        expected.extend((xi, z) for xi in x)
    assert abs(len(pts) - len(expected)) <= 2  # 775; roots closer than tol_unique at the folds merge
    assert f"Found {len(pts)} fixed points." in out
    np.testing.assert_allclose(pts[:, 1], 1 - 5 * pts[:, 0] ** 2, atol=1e-8)
    np.testing.assert_allclose(-(pts[:, 0] ** 3) - 2 * pts[:, 0] ** 2 + 1.5, pars["z"], atol=1e-8)


def test_terminology_cells(models, x64):
    # spec L3276-3316
    analyzer = bp.analysis.PhasePlane2D(
        [models.FHN_MODEL.int_V, models.FHN_MODEL.int_w], target_vars={"V": [-3, 3], "w": [-3.0, 3.0]}, resolutions=0.01
    )
    assert (analyzer.x_var, analyzer.y_var) == ("V", "w")
    assert callable(analyzer.F_fx) and callable(analyzer.F_fy)
    assert analyzer.F_int_x.func is models.FHN_MODEL.int_V
    assert analyzer.F_int_y.func is models.FHN_MODEL.int_w
    xs = bp.math.arange(-10, 10, 0.001)
    assert xs.shape == (20000,) and xs.dtype == bm.float64


def test_setup_and_plain_plot_cells():
    # spec L3007-3022 and L3336-3343: the setup and the pure-matplotlib cells
    import matplotlib.pyplot as plt

    bp.math.set_platform("cpu")
    bp.math.enable_x64()  # It's better to enable x64 when performing analysis
    xs = np.arange(-10, 10, 0.01)
    plt.plot(xs, np.sin(xs))
    plt.scatter([-3 * np.pi, -1 * np.pi, 1 * np.pi, 3 * np.pi], np.zeros(4), s=80, edgecolors="y")
    plt.scatter([-2 * np.pi, 0, 2 * np.pi], np.zeros(3), s=80, facecolors="none", edgecolors="r")
    plt.axhline(0)

    def plot_interval(x0, x1, f):
        xs = np.linspace(x0, x1, 100)
        plt.plot(xs, f(xs))
        plt.scatter([x0, x1], f(np.asarray([x0, x1])), edgecolors="r")
        plt.axhline(0)

    plot_interval(-0.001, 0.001, lambda x: np.sin(x))
    assert bm.arange(-10, 10, 0.001).dtype == bm.float64
