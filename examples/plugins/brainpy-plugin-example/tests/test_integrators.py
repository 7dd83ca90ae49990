"""The example plugin's integration methods, used through BrainPy's public names only."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np


def test_ode_method_is_found_by_name_and_has_third_order() -> None:
    assert "nystrom3" in bp.integrators.ode.get_supported_methods()
    origin = bp.plugins.get_registry("ode_methods").origin("nystrom3")
    assert origin.distribution == "brainpy-plugin-example"
    with bm.settings.context(x64=True):
        errors = []
        for n in (16, 32, 64):
            itg = bp.odeint(lambda y, t: -y, method="nystrom3", dt=1.0 / n)
            y = 1.0
            for i in range(n):
                y = itg(y, i / n)
            errors.append(abs(float(y) - np.exp(-1.0)))
        order = np.log2(errors[0] / errors[1]), np.log2(errors[1] / errors[2])
    assert all(abs(o - 3) < 0.3 for o in order)


def test_sde_method_is_found_by_name_and_solves_stratonovich_gbm() -> None:
    itg = bp.sdeint(
        lambda x, t: 0.0 * x,
        lambda x, t: 0.5 * x,
        method="stochastic_midpoint",
        intg_type=bp.integrators.STRA_SDE,
        dt=0.01,
        seed=0,
    )
    x = bm.ones(20000)
    for i in range(100):
        x = itg(x, i * 0.01)
    # Stratonovich dX = 0.5 X o dW: log X_1 ~ N(0, 0.25)
    logx = np.log(np.asarray(x.value, dtype=float))
    assert abs(logx.mean()) < 4 * 0.5 / np.sqrt(20000) + 0.01
    assert abs(logx.std() - 0.5) < 0.02
