"""Bad arguments raise BrainPyError subclasses that keep their builtin base (ValueError/TypeError)."""

from __future__ import annotations

import brainpy
import brainpy as bp
import numpy as np
import pytest
from brainpy.errors import ArgumentTypeError, InvalidArgumentError

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def _ts() -> np.ndarray:
    return np.arange(5.0)


CASES = [
    ("pool-func", lambda: bp.running.process_pool(1, [(1,)], 2), ArgumentTypeError, "func"),
    ("pool-params", lambda: bp.running.process_pool(print, "abc", 2), ArgumentTypeError, "all_params"),
    ("pool-param-set", lambda: bp.running.process_pool(print, [1], 2), ArgumentTypeError, "parameter set"),
    ("pool-num", lambda: bp.running.process_pool(print, [(1,)], 0), InvalidArgumentError, "number of processes"),
    (
        "wrapper-master",
        lambda: bp.dyn.ContainerWrapper(int),
        ArgumentTypeError,
        "master must be a brainpy.dyn.DynamicalSystem subclass",
    ),
    (
        "wrapper-child",
        lambda: bp.dyn.ContainerWrapper(bp.dyn.CondNeuGroup, INa=3),
        ArgumentTypeError,
        "child INa=3",
    ),
    (
        "wrapper-child-args",
        lambda: bp.dyn.ContainerWrapper(bp.dyn.CondNeuGroup, IL=bp.dyn.channels.IL)(2, IL=[1]),
        ArgumentTypeError,
        "arguments of the child 'IL'",
    ),
    (
        "line_plot-shape",
        lambda: bp.visualize.line_plot(_ts(), np.zeros((4, 2))),
        InvalidArgumentError,
        "val_matrix",
    ),
    (
        "line_plot-ids",
        lambda: bp.visualize.line_plot(_ts(), np.zeros((5, 2)), plot_ids=[5]),
        InvalidArgumentError,
        "plot_ids",
    ),
    (
        "raster_plot-shape",
        lambda: bp.visualize.raster_plot(_ts(), np.zeros((4, 2))),
        InvalidArgumentError,
        "sp_matrix",
    ),
    (
        "animate_1D-save_path",
        lambda: bp.visualize.animate_1D(np.zeros((5, 3)), save_path="a.png"),
        InvalidArgumentError,
        "save_path",
    ),
    (
        "animate_1D-ndim",
        lambda: bp.visualize.animate_1D({"ys": np.zeros(5)}),
        InvalidArgumentError,
        r"dynamical_vars\[0\]\['ys'\]",
    ),
    (
        "animate_1D-xs",
        lambda: bp.visualize.animate_1D({"ys": np.zeros((5, 3)), "xs": np.arange(4)}),
        InvalidArgumentError,
        r"dynamical_vars\[0\]\['xs'\]",
    ),
    (
        "animate_1D-steps",
        lambda: bp.visualize.animate_1D([{"ys": np.zeros((5, 3))}, {"ys": np.zeros((4, 3))}]),
        InvalidArgumentError,
        "time steps",
    ),
    (
        "animate_2D-values",
        lambda: bp.visualize.animate_2D(np.zeros((5, 7)), net_size=(2, 3)),
        InvalidArgumentError,
        "values must have shape",
    ),
]


@pytest.mark.parametrize(("make", "cls", "match"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_argument_raises_brainpy_error(make, cls, match):
    import matplotlib.pyplot as plt

    try:
        with pytest.raises(cls, match=match) as info:
            make()
    finally:
        plt.close("all")
    err = info.value
    assert isinstance(err, brainpy.errors.BrainPyError)
    builtin = TypeError if issubclass(cls, TypeError) else ValueError
    assert isinstance(err, builtin)  # existing `except ValueError/TypeError` keep working
