"""bp.odeint's calling conventions, show_code, JointEq, generic functions and errors (spec L3797-4080, L4762-4836)."""

from __future__ import annotations

import re

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import DiffEqError, IntegratorError
from brainpy.integrators import UnknownMethodError


def _normalise(text: str) -> str:
    """Drop indentation, addresses and the global counter (``ode12``) to compare with the spec."""
    text = re.sub(r"0x[0-9a-fA-F]+", "0x", text)
    text = re.sub(r"<function \S*<locals>\.", "<function ", text)  # functions defined inside the tests
    text = re.sub(r"brainpy_itg_of_ode\d+", "brainpy_itg_of_odeN", text)
    return "\n".join(line.strip() for line in text.strip().splitlines())


SPEC_EULER = """
def brainpy_itg_of_ode1_diff(x, y, t, p1, p2, dt=0.01):
dx_k1, dy_k1 = f(x, y, t, p1, p2)
x_new = x + dx_k1 * dt * 1
y_new = y + dy_k1 * dt * 1
return x_new, y_new
{'f': <function diff at 0x0000017FE2BABEE0>}
"""

SPEC_RK4 = """
def brainpy_itg_of_ode2_diff(x, y, t, p1, p2, dt=0.1):
dx_k1, dy_k1 = f(x, y, t, p1, p2)
k2_x_arg = x + dt * dx_k1 * 0.5
k2_y_arg = y + dt * dy_k1 * 0.5
k2_t_arg = t + dt * 0.5
dx_k2, dy_k2 = f(k2_x_arg, k2_y_arg, k2_t_arg, p1, p2)
k3_x_arg = x + dt * dx_k2 * 0.5
k3_y_arg = y + dt * dy_k2 * 0.5
k3_t_arg = t + dt * 0.5
dx_k3, dy_k3 = f(k3_x_arg, k3_y_arg, k3_t_arg, p1, p2)
k4_x_arg = x + dt * dx_k3
k4_y_arg = y + dt * dy_k3
k4_t_arg = t + dt
dx_k4, dy_k4 = f(k4_x_arg, k4_y_arg, k4_t_arg, p1, p2)
x_new = x + dx_k1 * dt * 1/6 + dx_k2 * dt * 1/3 + dx_k3 * dt * 1/3 + dx_k4 * dt * 1/6
y_new = y + dy_k1 * dt * 1/6 + dy_k2 * dt * 1/3 + dy_k3 * dt * 1/3 + dy_k4 * dt * 1/6
return x_new, y_new
{'f': <function diff at 0x0000017FE2BCA430>}
"""

SPEC_RK2_SINGLE = """
def brainpy_itg_of_ode6(V, t, u, Iext, dt=0.1):
dV_k1 = f(V, t, u, Iext)
k2_V_arg = V + dt * dV_k1 * 0.6666666666666666
k2_t_arg = t + dt * 0.6666666666666666
dV_k2 = f(k2_V_arg, k2_t_arg, u, Iext)
V_new = V + dV_k1 * dt * 0.25 + dV_k2 * dt * 0.75
return V_new
{'f': <function <lambda> at 0x0000022948DD6A60>}
"""

SPEC_RK2_JOINT = """
def brainpy_itg_of_ode12_joint_eq(V, u, t, Iext, dt=0.1):
dV_k1, du_k1 = f(V, u, t, Iext)
k2_V_arg = V + dt * dV_k1 * 0.6666666666666666
k2_u_arg = u + dt * du_k1 * 0.6666666666666666
k2_t_arg = t + dt * 0.6666666666666666
dV_k2, du_k2 = f(k2_V_arg, k2_u_arg, k2_t_arg, Iext)
V_new = V + dV_k1 * dt * 0.25 + dV_k2 * dt * 0.75
u_new = u + du_k1 * dt * 0.25 + du_k2 * dt * 0.75
return V_new, u_new
{'f': <brainpy.integrators.joint_eq.JointEq object at 0x0000022967EC0C40>}
"""


@pytest.mark.spec
def test_decorator_default_method_and_dt() -> None:
    @bp.odeint
    def diff(x, y, t, p1, p2):
        return -p1 * x, -p2 * y

    assert isinstance(diff, bp.ode.ODEIntegrator)
    assert re.fullmatch(r"<brainpy\.integrators\.ode\.explicit_rk\.Euler at 0x[0-9a-f]+>", repr(diff))
    assert diff.dt == 0.1
    assert diff.f(1.0, 2.0, 0.0, 1.0, 1.0) == (-1.0, -2.0)
    x, y = diff(1.0, 2.0, 0.0, 1.0, 2.0)
    assert np.allclose([x, y], [0.9, 1.6])
    # dt given positionally and by keyword
    assert np.allclose(diff(1.0, 2.0, 0.0, 1.0, 2.0, 0.5), (0.5, 0.0))
    assert np.allclose(diff(1.0, 2.0, 0.0, p1=1.0, p2=2.0, dt=0.5), (0.5, 0.0))


@pytest.mark.spec
@pytest.mark.parametrize(("method", "dt", "spec"), [("euler", 0.01, SPEC_EULER), ("rk4", 0.1, SPEC_RK4)])
def test_show_code_prints_the_spec_text(method: str, dt: float, spec: str, capsys: pytest.CaptureFixture) -> None:
    @bp.odeint(method=method, show_code=True, dt=dt)
    def diff(x, y, t, p1, p2):
        return x, y

    assert _normalise(capsys.readouterr().out) == _normalise(spec)


@pytest.mark.spec
def test_show_code_of_joint_and_separate_equations(capsys: pytest.CaptureFixture) -> None:
    a, b = 0.02, 0.20
    dV = lambda V, t, u, Iext: 0.04 * V * V + 5 * V + 140 - u + Iext  # noqa: E731
    du = lambda u, t, V: a * (b * V - u)  # noqa: E731
    bp.odeint(dV, method="rk2", show_code=True)
    assert _normalise(capsys.readouterr().out) == _normalise(SPEC_RK2_SINGLE)
    eq = bp.JointEq(eqs=(dV, du))
    itg = bp.odeint(eq, method="rk2", show_code=True)
    assert _normalise(capsys.readouterr().out) == _normalise(SPEC_RK2_JOINT)
    assert re.fullmatch(r"<brainpy\.integrators\.ode\.explicit_rk\.RK2 at 0x[0-9a-f]+>", repr(itg))


@pytest.mark.spec
def test_class_integrators_used_directly() -> None:
    @bp.ode.RK4
    def int_v(v, t, p):
        return v

    assert type(int_v) is bp.ode.RK4 and int_v.dt == 0.1
    int_v = bp.ode.RK4(lambda v, t, p: -p * v, dt=0.01)
    assert int_v.dt == 0.01
    assert abs(float(int_v(1.0, 0.0, 2.0)) - np.exp(-0.02)) < 1e-6
    assert re.fullmatch(r"<brainpy\.integrators\.ode\.explicit_rk\.RK4 at 0x[0-9a-f]+>", repr(int_v))


def test_integrators_are_named_base_objects() -> None:
    itg = bp.ode.RK4(lambda v, t: -v)
    assert isinstance(itg, bp.Base)
    assert re.fullmatch(r"RK4\d+", itg.name)
    assert bp.ode.Euler(lambda v, t: -v, name="my_int").name == "my_int"


def test_system_variable_and_jaxarray_inputs() -> None:
    def diff(xy, t, p):
        x, y = xy
        return bm.array([-p * x, -p * y])

    itg = bp.odeint(diff, var_type=bp.integrators.SYSTEM_VAR, method="rk4")
    out = itg(bm.array([1.0, 2.0]), 0.0, 1.0)
    assert isinstance(out, bm.JaxArray)
    assert np.allclose(out.value, np.array([1.0, 2.0]) * np.exp(-0.1), atol=1e-6)


def test_joint_eq_call_forms_and_rules() -> None:
    dx = lambda x, t, y: -y  # noqa: E731
    dy = lambda y, t, x, k: k * x  # noqa: E731
    for eq in (bp.JointEq(dx, dy), bp.JointEq([dx, dy]), bp.JointEq(eqs=(dx, dy)), bp.JointEq(bp.JointEq(dx), dy)):
        assert eq.variables == ("x", "y") and eq.parameters == ("k",)
        assert eq(1.0, 2.0, 0.0, 3.0) == (-2.0, 3.0)
    with pytest.raises(DiffEqError, match="more than one equation"):
        bp.JointEq(dx, lambda x, t: x)
    # joint integration: the harmonic oscillator keeps its energy to RK4 accuracy
    itg = bp.odeint(bp.JointEq(dx, dy), method="rk4", dt=0.01)
    x, y = 1.0, 0.0
    for i in range(628):
        x, y = itg(x, y, i * 0.01, 1.0)
    assert abs(float(x) ** 2 + float(y) ** 2 - 1.0) < 1e-5


def test_unknown_method_lists_close_matches() -> None:
    with pytest.raises(UnknownMethodError, match=r"Did you mean 'rkf45', 'rk4'.*Available: .*euler") as info:
        bp.odeint(lambda x, t: x, method="rk5")
    assert isinstance(info.value, ValueError) and isinstance(info.value, IntegratorError)


def test_bad_arguments_raise_clear_errors() -> None:
    with pytest.raises(DiffEqError, match="no argument named 't'"):
        bp.odeint(lambda x, s: x)
    with pytest.raises(IntegratorError, match="does not accept the option"):
        bp.odeint(lambda x, t: x, method="euler", adaptive=True)
    with pytest.raises(IntegratorError, match="positive number"):
        bp.odeint(lambda x, t: x, dt=-1.0)
    itg = bp.odeint(lambda x, t, a: a * x)
    with pytest.raises(IntegratorError, match="missing the argument"):
        itg(1.0, 0.0)
    with pytest.raises(IntegratorError, match="unexpected keyword"):
        itg(1.0, 0.0, 1.0, b=2.0)


def test_set_default_odeint_takes_effect() -> None:
    assert bp.integrators.get_default_odeint() == "euler"
    bp.integrators.set_default_odeint("rk4")
    assert bp.integrators.get_default_odeint() == "rk4"
    assert type(bp.odeint(lambda x, t: x)) is bp.ode.RK4
    with pytest.raises(UnknownMethodError):
        bp.integrators.set_default_odeint("no_such_method")


def test_register_ode_integrator_goes_through_the_plugin_registry() -> None:
    class Midpoint2(bp.ode.ExplicitRKIntegrator):
        tableau = bp.ode.MidPoint.tableau
        order = 2

    with bp.plugins.snapshot():
        bp.integrators.register_ode_integrator("my_midpoint", Midpoint2)
        assert "my_midpoint" in bp.ode.get_supported_methods()
        assert bp.plugins.get_registry("ode_methods").origin("my_midpoint").distribution == "user code"
        assert type(bp.odeint(lambda x, t: x, method="my_midpoint")) is Midpoint2
        with pytest.raises(IntegratorError, match="already registered"):
            bp.integrators.register_ode_integrator("rk4", Midpoint2)
        with pytest.raises(IntegratorError, match="subclass"):
            bp.integrators.register_ode_integrator("bad", object)
    assert "my_midpoint" not in bp.ode.get_supported_methods()


def test_tableau_checks_its_invariants() -> None:
    with pytest.raises(bp.ode.TableauError, match="sums to"):
        bp.ode.Tableau(A=((), (0.5,)), B=(0.0, 1.0), C=(0.0, 0.6))
    with pytest.raises(bp.ode.TableauError, match="must sum to 1"):
        bp.ode.Tableau(A=((), (0.5,)), B=(0.5, 0.6), C=(0.0, 0.5))
    assert bp.ode.DormandPrince.tableau.fsal and not bp.ode.RK4.tableau.fsal


def test_rk2_beta_and_spec_module_paths() -> None:
    from brainpy.integrators.ode import adaptive_rk, explicit_rk, exponential, generic

    assert explicit_rk.RK4 is bp.ode.RK4 and adaptive_rk.RKF45 is bp.ode.RKF45
    assert exponential.ExponentialEuler is bp.ode.ExponentialEuler and generic.odeint is bp.odeint
    itg = bp.ode.RK2(lambda x, t: -x, beta=0.5)
    assert itg.tableau.B == (0.0, 1.0)
    with pytest.raises(IntegratorError, match="beta"):
        bp.ode.RK2(lambda x, t: -x, beta=0.0)


def test_state_and_neutral_delays_are_updated() -> None:
    d = bm.TimeDelay(bm.zeros(1), 1.0, before_t0=1.0, dt=0.1, interp_method="round")
    nd = bm.NeuTimeDelay(bm.zeros(1), 1.0, dt=0.1, interp_method="round")
    itg = bp.ddeint(lambda x, t: -d(t - 1.0), state_delays={"x": d}, neutral_delays={"x": nd}, dt=0.1)
    x = bm.zeros(1)
    for i in range(3):
        x = itg(x, i * 0.1)
    assert np.allclose(d(0.3), x.value) and np.allclose(nd(0.2), -1.0)
    assert "euler" in bp.integrators.get_supported_dde_methods()
