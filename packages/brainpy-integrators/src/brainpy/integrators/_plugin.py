"""brainpy-integrators's plugin: its built-in methods, registered through the public hooks.

The first-party methods are declared exactly as a third-party plugin declares its own.
"""

from __future__ import annotations

from typing import Any

from brainpy.plugins import hookimpl


@hookimpl
def brainpy_ode_methods() -> dict[str, Any]:
    """The 19 built-in ODE methods (and the aliases of exponential Euler)."""
    from brainpy.integrators import ode  # noqa: PLC0415

    return {
        "euler": ode.Euler,
        "midpoint": ode.MidPoint,
        "heun2": ode.Heun2,
        "ralston2": ode.Ralston2,
        "rk2": ode.RK2,
        "rk3": ode.RK3,
        "heun3": ode.Heun3,
        "ralston3": ode.Ralston3,
        "ssprk3": ode.SSPRK3,
        "rk4": ode.RK4,
        "ralston4": ode.Ralston4,
        "rk4_38rule": ode.RK4Rule38,
        "rkf12": ode.RKF12,
        "rkf45": ode.RKF45,
        "rkdp": ode.DormandPrince,
        "ck": ode.CashKarp,
        "bs": ode.BogackiShampine,
        "heun_euler": ode.HeunEuler,
        "exp_euler": ode.ExponentialEuler,
        "exponential_euler": ode.ExponentialEuler,
        "exp_auto": ode.ExponentialEuler,
        "exp_euler_auto": ode.ExponentialEuler,
    }


@hookimpl
def brainpy_sde_methods() -> dict[str, Any]:
    """The 7 built-in SDE methods, under the spec's keywords and the registry's."""
    from brainpy.integrators import sde  # noqa: PLC0415

    return {
        "euler": sde.Euler,
        "heun": sde.Heun,
        "milstein": sde.Milstein,
        "exp_euler": sde.ExponentialEuler,
        "exponential_euler": sde.ExponentialEuler,
        "exp_auto": sde.ExponentialEuler,
        "exp_euler_auto": sde.ExponentialEuler,
        "srk1w1": sde.SRK1W1,
        "srk1w1_scalar": sde.SRK1W1,
        "srk2w1": sde.SRK2W1,
        "srk2w1_scalar": sde.SRK2W1,
        "klpl": sde.KlPl,
        "klpl_scalar": sde.KlPl,
    }


@hookimpl
def brainpy_fde_methods() -> dict[str, Any]:
    """The 3 built-in FDE methods."""
    from brainpy.integrators import fde  # noqa: PLC0415

    return {
        "caputoeuler": fde.CaputoEuler,
        "caputol1": fde.CaputoL1Schema,
        "caputol1schema": fde.CaputoL1Schema,
        "glshortmemory": fde.GLShortMemory,
    }


@hookimpl
def brainpy_dde_methods() -> dict[str, Any]:
    """The explicit Runge-Kutta methods, used by ``bp.ddeint`` (delays through delay variables)."""
    from brainpy.integrators import ode  # noqa: PLC0415

    return {
        "euler": ode.Euler,
        "midpoint": ode.MidPoint,
        "heun2": ode.Heun2,
        "ralston2": ode.Ralston2,
        "rk2": ode.RK2,
        "rk3": ode.RK3,
        "heun3": ode.Heun3,
        "ralston3": ode.Ralston3,
        "ssprk3": ode.SSPRK3,
        "rk4": ode.RK4,
        "ralston4": ode.Ralston4,
        "rk4_38rule": ode.RK4Rule38,
    }
