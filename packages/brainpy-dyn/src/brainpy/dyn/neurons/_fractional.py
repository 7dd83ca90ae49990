r"""Fractional-order neurons: ``FractionalNeuron`` (base), ``FractionalFHR``, ``FractionalIzhikevich``.

A fractional-order model replaces :math:`dx/dt` by the Caputo derivative
:math:`D^\alpha_t x`, :math:`0 < \alpha \le 1`, whose value depends on the whole
history of :math:`x` (power-law memory). :math:`\alpha = 1` gives back the
integer-order model. The integrators (:mod:`brainpy.integrators.fde`) keep that
history, so these groups need to know how long a memory to hold.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from brainpy.dyn.neurons._common import SpikingGroup, check_positive_int
from brainpy.errors import ModelBuildError
from brainpy.initialize import OneInit, ZeroInit

__all__ = ["FractionalNeuron", "FractionalFHR", "FractionalIzhikevich"]


class FractionalNeuron(SpikingGroup):
    r"""Fractional-order neuron model (the base class).

    Subclasses integrate their Caputo fractional derivatives with an FDE integrator
    (``self.integral``) whose history starts at the initial values of the Variables.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.
    """

    def _check_alpha(self, alpha: Any, n_vars: int) -> Any:
        values = np.atleast_1d(np.asarray(getattr(alpha, "value", alpha), dtype=float)) if alpha is not None else []
        if (
            len(values) not in (1, n_vars)
            or np.ndim(getattr(alpha, "value", alpha)) > 1
            or not all(0.0 < v <= 1.0 for v in values)
        ):
            raise ModelBuildError(
                f"{self._owner}: alpha must be a fractional order in (0, 1], one for all "
                f"{n_vars} variables or one per variable, but got {alpha!r}."
            )
        return float(values[0]) if np.ndim(getattr(alpha, "value", alpha)) == 0 else [float(v) for v in values]

    def _restart_integral(self, *variables: Any) -> None:
        r"""Forget the integrator's history and restart it from the Variables' current values."""
        import jax.numpy as jnp

        self.integral.reset()
        self.integral.inits = tuple(
            jnp.atleast_1d(jnp.asarray(v.value, i.dtype)) for v, i in zip(variables, self.integral.inits)
        )


class FractionalFHR(FractionalNeuron):
    r"""The fractional-order FitzHugh-Rinzel (FH-R) model.

    **Model Descriptions**

    The fractional-order FH-R bursting neuron of Mondal et al. [1]_:

    .. math::

        D^\alpha_t V &= V - V^3/3 - w + y + I(t), \\
        D^\alpha_t w &= \delta (a + V - b w), \\
        D^\alpha_t y &= \mu (c - V - d y),

    where :math:`D^\alpha_t` is the Caputo derivative of order :math:`0 < \alpha \le 1`,
    :math:`V` the membrane voltage, :math:`w` the recovery variable, :math:`y` the slow
    modulation of the current, :math:`I(t)` the input (the Variable ``input``, cleared
    after every step), :math:`\delta` and :math:`\mu \ll \delta` the rates of the
    recovery and of the slow modulation, and :math:`a, b, c, d` shape their nullclines.
    :math:`\alpha = 1` is the classical FH-R model. It is integrated with the
    Grünwald-Letnikov short-memory method (:class:`brainpy.integrators.fde.GLShortMemory`),
    keeping the last ``num_memory`` steps. A spike is an upward crossing of :math:`V_{th}`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    alpha : float or sequence of float
        The fractional order(s) in (0, 1]: one, or one per variable (V, w, y).
    num_memory : int
        The length of the short memory (steps). Default 1000.
    a, b, c, d : float, ArrayType, Initializer or callable
        Model parameters. Defaults 0.7, 0.8, -0.775, 1.
    delta, mu : float, ArrayType, Initializer or callable
        Rates of w and y. Defaults 0.08, 0.0001.
    Vth : float, ArrayType, Initializer or callable
        Spike-detection threshold. Default 1.8.
    V_initializer, w_initializer, y_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``OneInit(2.5)``, ``ZeroInit()``, ``ZeroInit()``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    Raises
    ------
    ModelBuildError
        If ``alpha`` is outside (0, 1] or ``num_memory`` is not a positive integer.

    References
    ----------
    .. [1] Mondal, A., Sharma, S. K., Upadhyay, R. K., Mondal, A. (2019). Firing activities of a
           fractional-order FitzHugh-Rinzel bursting neuron model and its coupled dynamics.
           Scientific Reports 9, 15721. https://doi.org/10.1038/s41598-019-52061-4
    """

    def __init__(
        self,
        size: Any,
        alpha: Any,
        num_memory: int = 1000,
        a: Any = 0.7,
        b: Any = 0.8,
        c: Any = -0.775,
        d: Any = 1.0,
        delta: Any = 0.08,
        mu: Any = 0.0001,
        Vth: Any = 1.8,
        V_initializer: Any = OneInit(2.5),
        w_initializer: Any = ZeroInit(),
        y_initializer: Any = ZeroInit(),
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        from brainpy.integrators import JointEq
        from brainpy.integrators.fde import GLShortMemory

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.alpha = self._check_alpha(alpha, 3)
        self.num_memory = check_positive_int(num_memory, "num_memory", self._owner)
        for key, value in dict(a=a, b=b, c=c, d=d, delta=delta, mu=mu, Vth=Vth).items():
            setattr(self, key, self._param(value, key))
        self._state("V", V_initializer, "V_initializer")
        self._state("w", w_initializer, "w_initializer")
        self._state("y", y_initializer, "y_initializer")
        self._spike_vars()
        self.integral = GLShortMemory(
            JointEq(self.dV, self.dw, self.dy),
            alpha=self.alpha,
            num_memory=self.num_memory,
            inits=[self.V.value, self.w.value, self.y.value],
        )

    def dV(self, V: Any, t: Any, w: Any, y: Any, I_ext: Any) -> Any:
        r""":math:`D^\alpha V = V - V^3/3 - w + y + I`."""
        return V - V**3 / 3.0 - w + y + I_ext

    def dw(self, w: Any, t: Any, V: Any) -> Any:
        r""":math:`D^\alpha w = \delta (a + V - b w)`."""
        return self.delta * (self.a + V - self.b * w)

    def dy(self, y: Any, t: Any, V: Any) -> Any:
        r""":math:`D^\alpha y = \mu (c - V - d y)`."""
        return self.mu * (self.c - V - self.d * y)

    def reset(self) -> None:
        r"""Restore V, w, y, clear spikes and input, and restart the memory from the initial values."""
        self._reset_states()
        self._reset_spike_vars()
        self._restart_integral(self.V, self.w, self.y)

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step; a spike is an upward crossing of ``Vth``."""
        V, w, y = self.integral(self.V.value, self.w.value, self.y.value, _t, self.input.value, dt=_dt)
        spike = (self.V.value < self.Vth) & (V >= self.Vth)
        self.V.value, self.w.value, self.y.value = V, w, y
        self._emit(spike, _t)


class FractionalIzhikevich(FractionalNeuron):
    r"""Fractional-order Izhikevich model.

    **Model Descriptions**

    The model of Teka et al. [1]_:

    .. math::

        \tau D^\alpha_t V &= f V^2 + g V + h - u + R I(t), \\
        \tau D^\alpha_t u &= a (b V - u),

    and when :math:`V \ge V_{th}`: a spike, :math:`V \leftarrow c`,
    :math:`u \leftarrow u + d`. :math:`D^\alpha_t` is the Caputo derivative of order
    :math:`0 < \alpha \le 1` (:math:`\alpha = 1` is the classical :class:`Izhikevich`
    model), :math:`V` the membrane potential (mV), :math:`u` the recovery variable,
    :math:`f, g, h` the coefficients of the quadratic membrane (0.04, 5, 140),
    :math:`a, b, c, d` the parameters of :class:`Izhikevich`, :math:`\tau` the time
    constant (ms), :math:`R` the resistance and :math:`I(t)` the input (the Variable
    ``input``, cleared after every step). It is integrated with the L1 scheme
    (:class:`brainpy.integrators.fde.CaputoL1Schema`), which keeps the whole history:
    ``num_step`` must be at least the number of steps that will be run.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    alpha : float or sequence of float
        The fractional order(s) in (0, 1]: one, or one per variable (V, u).
    num_step : int
        The number of steps of history to hold (the length of the run).
    a, b, c, d : float, ArrayType, Initializer or callable
        Izhikevich parameters. Defaults 0.02, 0.2, -65, 8.
    f, g, h : float, ArrayType, Initializer or callable
        Membrane coefficients. Defaults 0.04, 5, 140.
    R, tau : float, ArrayType, Initializer or callable
        Resistance and time constant. Defaults 1, 1.
    V_th : float, ArrayType, Initializer or callable
        The spike cut-off (mV). Default 30.
    V_initializer, u_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``OneInit(-65)`` and ``OneInit(0.2 * -65)``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    Raises
    ------
    ModelBuildError
        If ``alpha`` is outside (0, 1] or ``num_step`` is not a positive integer.

    References
    ----------
    .. [1] Teka, W. W., Upadhyay, R. K., Mondal, A. (2018). Spiking and bursting patterns of
           fractional-order Izhikevich model. Communications in Nonlinear Science and Numerical
           Simulation 56, 161-176. https://doi.org/10.1016/j.cnsns.2017.07.026
    """

    def __init__(
        self,
        size: Any,
        alpha: Any,
        num_step: int,
        a: Any = 0.02,
        b: Any = 0.20,
        c: Any = -65.0,
        d: Any = 8.0,
        f: Any = 0.04,
        g: Any = 5.0,
        h: Any = 140.0,
        R: Any = 1.0,
        tau: Any = 1.0,
        V_th: Any = 30.0,
        V_initializer: Any = OneInit(-65.0),
        u_initializer: Any = OneInit(0.20 * -65.0),
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        from brainpy.integrators import JointEq
        from brainpy.integrators.fde import CaputoL1Schema

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.alpha = self._check_alpha(alpha, 2)
        self.num_step = check_positive_int(num_step, "num_step", self._owner)
        for key, value in dict(a=a, b=b, c=c, d=d, f=f, g=g, h=h, R=R, tau=tau, V_th=V_th).items():
            setattr(self, key, self._param(value, key))
        self._state("V", V_initializer, "V_initializer")
        self._state("u", u_initializer, "u_initializer")
        self._spike_vars()
        self.integral = CaputoL1Schema(
            JointEq(self.dV, self.du), alpha=self.alpha, num_step=self.num_step, inits=[self.V.value, self.u.value]
        )

    def dV(self, V: Any, t: Any, u: Any, I_ext: Any) -> Any:
        r""":math:`D^\alpha V = (f V^2 + g V + h - u + R I) / \tau`."""
        return (self.f * V * V + self.g * V + self.h - u + self.R * I_ext) / self.tau

    def du(self, u: Any, t: Any, V: Any) -> Any:
        r""":math:`D^\alpha u = a (b V - u) / \tau`."""
        return self.a * (self.b * V - u) / self.tau

    def reset(self) -> None:
        r"""Restore V and u, clear spikes and input, and restart the history from the initial values."""
        self._reset_states()
        self._reset_spike_vars()
        self._restart_integral(self.V, self.u)

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step: integrate, spike and reset."""
        import brainpy.math as bm

        V, u = self.integral(self.V.value, self.u.value, _t, self.input.value, dt=_dt)
        spike = V >= self.V_th
        self.V.value = bm.where(spike, self.c, V)
        self.u.value = bm.where(spike, u + self.d, u)
        self._emit(spike, _t)
