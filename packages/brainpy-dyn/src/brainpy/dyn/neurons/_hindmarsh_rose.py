r"""The Hindmarsh-Rose bursting neuron (``bp.dyn.HindmarshRose``)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup
from brainpy.initialize import OneInit, ZeroInit

__all__ = ["HindmarshRose"]


class HindmarshRose(SpikingGroup):
    r"""Hindmarsh-Rose neuron model.

    **Model Descriptions**

    A three-variable polynomial model of spiking and bursting [1]_ [2]_, in
    dimensionless units:

    .. math::

        \frac{dV}{dt} &= y - a V^3 + b V^2 - z + I(t), \\
        \frac{dy}{dt} &= c - d V^2 - y, \\
        \frac{dz}{dt} &= r\,[s (V - V_{rest}) - z],

    where :math:`V` is the membrane potential, :math:`y` the fast recovery (spiking)
    variable, :math:`z` the slow adaptation current, :math:`a, b, c, d` shape the fast
    subsystem (:math:`b` switches between bursting and spiking), :math:`r` sets the
    time scale of :math:`z` (and so the number of spikes per burst), :math:`s` the
    strength of the adaptation, :math:`V_{rest}` the resting level, and :math:`I(t)`
    the input (the Variable ``input``, cleared after every step). A spike is an
    upward crossing of :math:`V_{th}`; there is no reset.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    a, b, c, d : float, ArrayType, Initializer or callable
        Fast-subsystem parameters. Defaults 1, 3, 1, 5.
    r, s : float, ArrayType, Initializer or callable
        Slow-subsystem parameters. Defaults 0.01, 4.
    V_rest : float, ArrayType, Initializer or callable
        Resting level. Default -1.6.
    V_th : float, ArrayType, Initializer or callable
        Spike-detection threshold. Default 1.
    V_initializer, y_initializer, z_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``ZeroInit()``, ``OneInit(-10)``, ``ZeroInit()``.
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    References
    ----------
    .. [1] Hindmarsh, J. L., Rose, R. M. (1984). A model of neuronal bursting using three
           coupled first order differential equations. Proceedings of the Royal Society of
           London B 221(1222), 87-102. https://doi.org/10.1098/rspb.1984.0024
    .. [2] Storace, M., Linaro, D., de Lange, E. (2008). The Hindmarsh-Rose neuron model:
           bifurcation analysis and piecewise-linear approximations. Chaos 18(3), 033128.
           https://doi.org/10.1063/1.2975967
    """

    def __init__(
        self,
        size: Any,
        a: Any = 1.0,
        b: Any = 3.0,
        c: Any = 1.0,
        d: Any = 5.0,
        r: Any = 0.01,
        s: Any = 4.0,
        V_rest: Any = -1.6,
        V_th: Any = 1.0,
        V_initializer: Any = ZeroInit(),
        y_initializer: Any = OneInit(-10.0),
        z_initializer: Any = ZeroInit(),
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        from brainpy.integrators import JointEq, odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        for key, value in dict(a=a, b=b, c=c, d=d, r=r, s=s, V_rest=V_rest, V_th=V_th).items():
            setattr(self, key, self._param(value, key))
        self._state("V", V_initializer, "V_initializer")
        self._state("y", y_initializer, "y_initializer")
        self._state("z", z_initializer, "z_initializer")
        self._spike_vars()
        self.integral = odeint(JointEq(self.dV, self.dy, self.dz), method=method)

    def dV(self, V: Any, t: Any, y: Any, z: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt = y - a V^3 + b V^2 - z + I`."""
        return y - self.a * V * V * V + self.b * V * V - z + I_ext

    def dy(self, y: Any, t: Any, V: Any) -> Any:
        r""":math:`dy/dt = c - d V^2 - y`."""
        return self.c - self.d * V * V - y

    def dz(self, z: Any, t: Any, V: Any) -> Any:
        r""":math:`dz/dt = r (s (V - V_{rest}) - z)`."""
        return self.r * (self.s * (V - self.V_rest) - z)

    def reset(self) -> None:
        r"""Restore V, y, z and clear spikes and input."""
        self._reset_states()
        self._reset_spike_vars()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step; a spike is an upward crossing of ``V_th``."""
        V, y, z = self.integral(self.V.value, self.y.value, self.z.value, _t, self.input.value, dt=_dt)
        spike = (self.V.value < self.V_th) & (V >= self.V_th)
        self.V.value, self.y.value, self.z.value = V, y, z
        self._emit(spike, _t)
