r"""The spiking FitzHugh-Nagumo neuron (``bp.dyn.FHN``)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup
from brainpy.initialize import ZeroInit

__all__ = ["FHN"]


class FHN(SpikingGroup):
    r"""FitzHugh-Nagumo neuron model.

    **Model Descriptions**

    The two-variable relaxation oscillator of FitzHugh [1]_ and Nagumo et al. [2]_:

    .. math::

        \frac{dV}{dt} &= V - \frac{V^3}{3} - w + I(t), \\
        \tau \frac{dw}{dt} &= V + a - b w,

    where :math:`V` is the voltage-like variable with the cubic, self-exciting
    nonlinearity, :math:`w` the slow linear recovery variable, :math:`a, b` shape the
    :math:`w`-nullcline, :math:`\tau` is the recovery time constant and :math:`I(t)`
    the input (the Variable ``input``, cleared after every step). The fixed point
    solves :math:`V - V^3/3 - (V + a)/b + I = 0`, :math:`w = (V + a)/b`. A spike is an
    upward crossing of :math:`V_{th}`; there is no reset.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    a, b : float, ArrayType, Initializer or callable
        Recovery parameters. Defaults 0.7, 0.8.
    tau : float, ArrayType, Initializer or callable
        Recovery time constant. Default 12.5.
    Vth : float, ArrayType, Initializer or callable
        Spike-detection threshold. Default 1.8.
    V_initializer, w_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``ZeroInit()``.
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    Examples
    --------
    >>> import brainpy as bp
    >>> fhn = bp.dyn.FHN(1)
    >>> runner = bp.dyn.DSRunner(fhn, inputs=('input', 1.), monitors=['V', 'w'], progress_bar=False)
    >>> _ = runner.run(100.)

    References
    ----------
    .. [1] FitzHugh, R. (1961). Impulses and physiological states in theoretical models of
           nerve membrane. Biophysical Journal 1(6), 445-466. https://doi.org/10.1016/S0006-3495(61)86902-6
    .. [2] Nagumo, J., Arimoto, S., Yoshizawa, S. (1962). An active pulse transmission line
           simulating nerve axon. Proceedings of the IRE 50(10), 2061-2070.
           https://doi.org/10.1109/JRPROC.1962.288235
    """

    def __init__(
        self,
        size: Any,
        a: Any = 0.7,
        b: Any = 0.8,
        tau: Any = 12.5,
        Vth: Any = 1.8,
        V_initializer: Any = ZeroInit(),
        w_initializer: Any = ZeroInit(),
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        from brainpy.integrators import JointEq, odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.tau = self._param(tau, "tau")
        self.Vth = self._param(Vth, "Vth")
        self._state("V", V_initializer, "V_initializer")
        self._state("w", w_initializer, "w_initializer")
        self._spike_vars()
        self.integral = odeint(JointEq(self.dV, self.dw), method=method)

    def dV(self, V: Any, t: Any, w: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt = V - V^3/3 - w + I`."""
        return V - V * V * V / 3.0 - w + I_ext

    def dw(self, w: Any, t: Any, V: Any) -> Any:
        r""":math:`dw/dt = (V + a - b w) / \tau`."""
        return (V + self.a - self.b * w) / self.tau

    def reset(self) -> None:
        r"""Restore V and w and clear spikes and input."""
        self._reset_states()
        self._reset_spike_vars()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step; a spike is an upward crossing of ``Vth``."""
        V, w = self.integral(self.V.value, self.w.value, _t, self.input.value, dt=_dt)
        spike = (self.V.value < self.Vth) & (V >= self.Vth)
        self.V.value, self.w.value = V, w
        self._emit(spike, _t)
