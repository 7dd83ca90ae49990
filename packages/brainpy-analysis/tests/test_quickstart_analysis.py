"""The quickstart analysis cells: rate-model bifurcations (spec L173-243) and the ExpIF
bifurcation / FHN phase plane (spec L631-697), with the brainpy-dyn models they use."""

import brainpy as bp
import numpy as np
import pytest

pytestmark = pytest.mark.spec

rates = pytest.importorskip("brainpy.dyn.rates")


def _need(obj, name):
    if not hasattr(obj, name):
        pytest.skip(f"{name} is not available in this brainpy-dyn")
    return getattr(obj, name)


def test_wilson_cowan_bifurcation(capsys):
    # spec L176-212
    WilsonCowanModel = _need(rates, "WilsonCowanModel")
    wc = WilsonCowanModel(
        2, wEE=16.0, wIE=15.0, wEI=12.0, wII=3.0, E_a=1.5, I_a=1.5, E_theta=3.0, I_theta=3.0, method="exp_euler_auto"
    )
    wc.x[:] = [-0.2, 1.0]
    wc.y[:] = [0.0, 1.0]
    runner = bp.dyn.DSRunner(wc, monitors=["x", "y"], inputs=["input", -0.5])
    runner.run(10.0)
    bp.visualize.line_plot(runner.mon.ts, runner.mon.x, plot_ids=[0, 1], legend="e", show=False)
    x_end = np.asarray(runner.mon.x)[-1]
    assert x_end[1] - x_end[0] > 0.2  # the two initial states stay apart

    bf = bp.analysis.Bifurcation2D(
        wc,
        target_vars={"x": [-0.2, 1.0], "y": [-0.2, 1.0]},
        target_pars={"x_ext": [-2, 2]},
        pars_update={"y_ext": 0.0},
        resolutions={"x_ext": 0.01},
    )
    bf.plot_bifurcation()
    bf.plot_limit_cycle_by_sim(duration=500)
    bf.show_figure()
    out = capsys.readouterr().out
    for line in [
        "I am making bifurcation analysis ...",
        "I am filtering out fixed point candidates with auxiliary function ...",
        "I am trying to find fixed points by optimization ...",
        "There are 40000 candidates",
        "I am trying to filter out duplicate fixed points ...",
        "Found 579 fixed points.",
        "I am plotting the limit cycle ...",
    ]:
        assert line in out
    res = bf.analyzed_results["fixed_points"]
    # each is a root of the model's own derivatives
    for (x, y), xe in zip(res["points"][::37], res["pars"]["x_ext"][::37]):
        assert abs(float(np.ravel(wc.dx(x, 0.0, y, xe))[0])) < 1e-5
        assert abs(float(np.ravel(wc.dy(y, 0.0, x, 0.0))[0])) < 1e-5
    _, counts = np.unique(res["pars"]["x_ext"], return_counts=True)
    assert counts.max() == 3  # bistability: two stable states and a saddle for some inputs


def test_rate_fhn_bifurcation_and_limit_cycles(capsys):
    # spec L213-243
    FHN = _need(rates, "FHN")
    fhn = FHN(1, method="exp_auto")
    bf = bp.analysis.Bifurcation2D(
        fhn,
        target_vars={"x": [-2, 2], "y": [-2, 2]},
        target_pars={"x_ext": [0, 2]},
        pars_update={"y_ext": 0.0},
        resolutions={"x_ext": 0.01},
    )
    bf.plot_bifurcation()
    lc = bf.plot_limit_cycle_by_sim(duration=500, with_return=True)
    bf.show_figure()
    out = capsys.readouterr().out
    assert "There are 20000 candidates" in out and "Found 200 fixed points." in out
    # the spec: limit cycles for x_ext in [0.72, 1.4]
    p = lc["pars"]["x_ext"]
    assert 0.70 <= p.min() <= 0.76 and 1.3 <= p.max() <= 1.42
    runner = bp.dyn.DSRunner(fhn, monitors=["x", "y"], inputs=["input", 1.0])
    runner.run(100.0)
    bp.visualize.line_plot(runner.mon.ts, runner.mon.x, legend="x")
    bp.visualize.line_plot(runner.mon.ts, runner.mon.y, legend="y", show=False)


def _expif_fold(v_rest=-65.0, v_t=-59.9, delta_t=1.0, r=1.0):
    r"""tau dV/dt = -(V - V_rest) + dT exp((V - V_T)/dT) + R I has a double root where also
    d/dV = 0, i.e. V = V_T: I* = (V_T - V_rest - dT) / R."""
    return (v_t - v_rest - delta_t) / r


def _check_expif(roots, pars, dfdx):
    iext, fold = pars["I_ext"], _expif_fold()
    assert fold == pytest.approx(4.1)
    assert iext.max() <= fold + 1e-9 and iext.max() >= fold - 0.02  # fixed points up to the fold, none above
    below = iext < fold - 0.05
    _, counts = np.unique(iext[below], return_counts=True)
    assert set(counts.tolist()) == {2}  # a stable and an unstable point merge in the saddle-node
    lower = roots[below][dfdx[below] < 0]
    upper = roots[below][dfdx[below] > 0]
    assert len(lower) == len(upper) and np.all(lower < -59.9) and np.all(upper > -59.9)


def test_expif_bifurcation(x64, capsys):
    # spec L639-651
    ExpIF = _need(bp.dyn, "ExpIF")
    expif = ExpIF(1, delta_T=1.0)
    assert (
        float(np.ravel(expif.V_rest)[0]),
        float(np.ravel(expif.V_T)[0]),
        float(np.ravel(expif.R)[0]),
        float(np.ravel(expif.tau)[0]),
    ) == (-65.0, -59.9, 1.0, 10.0)
    bif = bp.analysis.Bifurcation1D(
        model=expif, target_vars={"V": [-70.0, -55.0]}, target_pars={"I_ext": [0.0, 6.0]}, resolutions=0.01
    )
    roots, pars, dfdx = bif.plot_bifurcation(show=True, with_return=True)
    assert "I am making bifurcation analysis ..." in capsys.readouterr().out
    _check_expif(roots, pars, dfdx)


def test_expif_bifurcation_odeint(models, x64):
    # the same equation written with bp.odeint gives the same diagram
    bif = bp.analysis.Bifurcation1D(
        model=models.int_expif, target_vars={"V": [-70.0, -55.0]}, target_pars={"I_ext": [0.0, 6.0]}, resolutions=0.01
    )
    roots, pars, dfdx = bif.plot_bifurcation(with_plot=False, with_return=True)
    _check_expif(roots, pars, dfdx)


def test_fhn_phase_plane(x64, capsys):
    # spec L664-691
    FHN = _need(bp.dyn, "FHN")
    fhn = FHN(1)
    analyzer = bp.analysis.PhasePlane2D(
        model=fhn, target_vars={"V": [-3, 3], "w": [-3.0, 3.0]}, pars_update={"I_ext": 0.8}, resolutions=0.01
    )
    analyzer.plot_nullcline()
    analyzer.plot_vector_field()
    analyzer.plot_fixed_point()
    analyzer.plot_trajectory({"V": [-2.8], "w": [-1.8]}, duration=100.0)
    analyzer.show_figure()
    out = capsys.readouterr().out
    assert "There are 866 candidates" in out and "Found 1 fixed points." in out
    assert "is a unstable node." in out
    pts = analyzer.analyzed_results["fixed_points"]["points"]
    # the exact root (the spec prints -0.27387, 0.53297: an optimizer stop at loss ~4e-10)
    roots = np.roots([-1 / 3, 0.0, 1 - 1 / 0.8, 0.8 - 0.7 / 0.8])
    v = roots[np.abs(roots.imag) < 1e-9].real[0]
    np.testing.assert_allclose(pts, [[v, (v + 0.7) / 0.8]], atol=1e-10)
