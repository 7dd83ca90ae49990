"""Models shared by the analysis tests (the ``models`` fixture), written as in the BrainPy 2.1
tutorials. They are defined once, at import, so that analyzers of the same model share compilations.
"""

from __future__ import annotations

import types

import brainpy as bp
import brainpy.math as bm
import pytest


# ---- dx/dt = sin(x) + I (spec L3023-3025)
@bp.odeint
def int_x(x, t, Iext):
    return bp.math.sin(x) + Iext


# ---- FitzHugh-Nagumo as a DynamicalSystem (spec L3093-3118)
class FitzHughNagumoModel(bp.DynamicalSystem):
    def __init__(self, method="exp_auto"):
        super().__init__()
        # parameters
        self.a = 0.7
        self.b = 0.8
        self.tau = 12.5
        # variables
        self.V = bm.Variable(bm.zeros(1))
        self.w = bm.Variable(bm.zeros(1))
        self.Iext = bm.Variable(bm.zeros(1))

        # functions
        def dV(V, t, w, Iext=0.0):
            return V - V * V * V / 3 - w + Iext

        def dw(w, t, V, a=0.7, b=0.8):
            return (V + a - b * w) / self.tau

        self.int_V = bp.odeint(dV, method=method)
        self.int_w = bp.odeint(dw, method=method)

    def update(self, _t, _dt):
        self.V.value = self.int_V(self.V, _t, self.w, self.Iext, _dt)
        self.w.value = self.int_w(self.w, _t, self.V, self.a, self.b, _dt)
        self.Iext[:] = 0.0


FHN_MODEL = FitzHughNagumoModel()

# ---- Hindmarsh-Rose (spec L3241-3258)
a, b, c, d, s, x_r, r = 1.0, 3.0, 1.0, 5.0, 4.0, -1.6, 0.001


@bp.odeint
def hr_x(x, t, y, z, Isyn):
    return y - a * x**3 + b * x * x - z + Isyn


@bp.odeint
def hr_y(y, t, x):
    return c - d * x * x - y


@bp.odeint
def hr_z(z, t, x):
    return r * (s * (x - x_r) - z)


# ---- ExpIF as an odeint function (the equation of spec L636-638, defaults of bp.dyn.ExpIF)
V_REST, V_T, DELTA_T, R_M, TAU = -65.0, -59.9, 1.0, 1.0, 10.0


@bp.odeint
def int_expif(V, t, I_ext):
    return (-(V - V_REST) + DELTA_T * bm.exp((V - V_T) / DELTA_T) + R_M * I_ext) / TAU


@pytest.fixture(scope="session")
def models():
    """The models above, as attributes."""
    return types.SimpleNamespace(**{k: v for k, v in globals().items() if not k.startswith("_")})


@pytest.fixture
def x64():
    """Enable 64-bit computation (the tutorials call ``bm.enable_x64()``); reset after the test."""
    bm.enable_x64()
    yield


@pytest.fixture(autouse=True)
def _close_figures():
    """Close the figures a test made."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
