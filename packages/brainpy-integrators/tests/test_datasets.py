"""brainpy.datasets: shapes, signatures and the defining equations of the series (spec L374-471, L2612-2617)."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest


@pytest.mark.spec
def test_lorenz_series_shapes_as_in_the_spec() -> None:
    data = bp.datasets.lorenz_series(100)
    assert set(data) == {"ts", "x", "y", "z"}
    assert data["x"].shape == (100000, 1) and isinstance(data["x"], bm.JaxArray)
    X = bm.hstack([data["x"], data["y"], data["z"]])[:-5]
    assert X.reshape((1,) + X.shape).shape == (1, 99995, 3)
    inits = {"x": 17.67715816276679, "y": 12.931379185960404, "z": 43.91404334248268}
    d = bp.datasets.lorenz_series(1, dt=0.02, inits=inits, numpy_mon=True)
    assert isinstance(d["x"], np.ndarray) and d["x"].shape == (50, 1)
    assert abs(d["ts"][0] - 0.02) < 1e-6


def test_lorenz_series_satisfies_its_equations() -> None:
    d = bp.datasets.lorenz_series(2.0, dt=0.001, numpy_mon=True)
    x, y, z = (d[k][:, 0].astype(float) for k in "xyz")
    dx = np.gradient(x, 0.001)
    assert np.max(np.abs(dx[5:-5] - 10 * (y[5:-5] - x[5:-5]))) < 0.05 * np.max(np.abs(dx))
    assert np.max(np.abs(z)) < 50


def test_maps_follow_their_recurrences() -> None:
    h = bp.datasets.henon_map_series(20, numpy_mon=True)
    x, y = h["x"][:, 0], h["y"][:, 0]
    assert np.allclose(x[1:], 1 - 1.4 * x[:-1] ** 2 + y[:-1], atol=1e-5) and np.allclose(y[1:], 0.3 * x[:-1])
    lg = bp.datasets.logistic_map_series(50, mu=3.9, inits=0.3, numpy_mon=True)["x"][:, 0]
    assert abs(lg[0] - 3.9 * 0.3 * 0.7) < 1e-6 and np.allclose(lg[1:], 3.9 * lg[:-1] * (1 - lg[:-1]), atol=1e-5)


@pytest.mark.parametrize(
    "name",
    [
        "rabinovich_fabrikant_series",
        "chen_chaotic_series",
        "lu_chen_chaotic_series",
        "chua_chaotic_series",
        "modified_chua_series",
        "modified_Lorenz_series",
        "double_scroll_series",
        "PWL_duffing_series",
        "modified_lu_chen_series",
    ],
)
def test_flows_are_bounded_and_moving(name: str) -> None:
    data = getattr(bp.datasets, name)(1.0, numpy_mon=True)
    keys = [k for k in data if k != "ts"]
    assert len(keys) in (2, 3)
    for k in keys:
        assert data[k].shape == (len(data["ts"]), 1) and np.all(np.isfinite(data[k]))
        assert np.ptp(data[k]) > 1e-3


def test_mackey_glass_delay_equation() -> None:
    d = bp.datasets.mackey_glass_series(50.0, dt=0.1, numpy_mon=True)
    x = d["x"][:, 0]
    assert d["x"].shape == (500, 1) and np.all((x > 0) & (x < 2))
    # before t = tau the delayed value is the constant history 1.2: x' = 2*1.2/(1+1.2**9.65) - x
    rhs = 2 * 1.2 / (1 + 1.2**9.65)
    expected = rhs + (1.2 - rhs) * np.exp(-d["ts"][:15])
    assert np.allclose(x[:15], expected, atol=1e-3)
    assert np.ptp(bp.datasets.mackey_glass_series(50.0, seed=1, numpy_mon=True)["x"]) > 0.1
