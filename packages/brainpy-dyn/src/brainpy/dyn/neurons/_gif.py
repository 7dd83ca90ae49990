r"""The generalized integrate-and-fire neuron of Mihalaş and Niebur (``bp.dyn.GIF``)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup
from brainpy.initialize import OneInit, ZeroInit

__all__ = ["GIF"]


class GIF(SpikingGroup):
    r"""Generalized integrate-and-fire model.

    **Model Descriptions**

    The linear model of Mihalaş and Niebur [1]_, with two spike-induced internal
    currents and an adaptive threshold:

    .. math::

        \frac{dI_j}{dt} &= -k_j I_j, \qquad j = 1, 2, \\
        \tau \frac{dV}{dt} &= -(V - V_{rest}) + R\,(I_1 + I_2 + I(t)), \\
        \frac{dV_{th}}{dt} &= a (V - V_{rest}) - b (V_{th} - V_{th\infty}).

    When :math:`V \ge V_{th}` a spike is emitted and

    .. math::

        I_j \leftarrow R_j I_j + A_j, \quad V \leftarrow V_{reset}, \quad
        V_{th} \leftarrow \max(V_{th,reset}, V_{th}).

    :math:`V` is the membrane potential (mV), :math:`V_{th}` the (dynamic) threshold,
    :math:`V_{rest}` the resting potential, :math:`V_{th\infty}` the threshold's
    target value, :math:`I_1, I_2` the internal currents with decay rates
    :math:`k_1, k_2` (1/ms), :math:`R_j, A_j` their multiplicative and additive
    after-spike updates, :math:`a` the dependence of the threshold on :math:`V`
    (1/ms), :math:`b` its relaxation rate (1/ms), :math:`R` the membrane resistance,
    :math:`\tau` the time constant (ms) and :math:`I(t)` the input (the Variable
    ``input``, cleared after every step). A positive :math:`a` gives spike-frequency
    adaptation through the threshold; negative :math:`A_j` through the currents.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    V_rest, V_reset : float, ArrayType, Initializer or callable
        Resting and reset potentials (mV). Defaults -70, -70.
    V_th_inf, V_th_reset : float, ArrayType, Initializer or callable
        Target and after-spike lower bound of the threshold (mV). Defaults -50, -60.
    R, tau : float, ArrayType, Initializer or callable
        Membrane resistance and time constant (ms). Defaults 20, 20.
    a, b : float, ArrayType, Initializer or callable
        Threshold coupling to V and relaxation rate. Defaults 0, 0.01.
    k1, k2 : float, ArrayType, Initializer or callable
        Decay rates of the internal currents. Defaults 0.2, 0.02.
    R1, R2, A1, A2 : float, ArrayType, Initializer or callable
        After-spike updates of the internal currents. Defaults 0, 1, 0, 0.
    V_initializer, I1_initializer, I2_initializer, Vth_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``OneInit(-70)``, ``ZeroInit()``, ``ZeroInit()``, ``OneInit(-50)``.
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    Attributes
    ----------
    V, V_th, I1, I2, input, spike, t_last_spike : bm.Variable

    References
    ----------
    .. [1] Mihalaş, Ş., Niebur, E. (2009). A generalized linear integrate-and-fire neural
           model produces diverse spiking behaviors. Neural Computation 21(3), 704-718.
           https://doi.org/10.1162/neco.2008.12-07-680
    .. [2] Teeter, C., Iyer, R., Menon, V., et al. (2018). Generalized leaky integrate-and-fire
           models classify multiple neuron types. Nature Communications 9, 709.
           https://doi.org/10.1038/s41467-017-02717-4
    """

    def __init__(
        self,
        size: Any,
        V_rest: Any = -70.0,
        V_reset: Any = -70.0,
        V_th_inf: Any = -50.0,
        V_th_reset: Any = -60.0,
        R: Any = 20.0,
        tau: Any = 20.0,
        a: Any = 0.0,
        b: Any = 0.01,
        k1: Any = 0.2,
        k2: Any = 0.02,
        R1: Any = 0.0,
        R2: Any = 1.0,
        A1: Any = 0.0,
        A2: Any = 0.0,
        V_initializer: Any = OneInit(-70.0),
        I1_initializer: Any = ZeroInit(),
        I2_initializer: Any = ZeroInit(),
        Vth_initializer: Any = OneInit(-50.0),
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        from brainpy.integrators import JointEq, odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        for key, value in dict(
            V_rest=V_rest,
            V_reset=V_reset,
            V_th_inf=V_th_inf,
            V_th_reset=V_th_reset,
            R=R,
            tau=tau,
            a=a,
            b=b,
            k1=k1,
            k2=k2,
            R1=R1,
            R2=R2,
            A1=A1,
            A2=A2,
        ).items():
            setattr(self, key, self._param(value, key))
        self._state("I1", I1_initializer, "I1_initializer")
        self._state("I2", I2_initializer, "I2_initializer")
        self._state("V_th", Vth_initializer, "Vth_initializer")
        self._state("V", V_initializer, "V_initializer")
        self._spike_vars()
        self.integral = odeint(JointEq(self.dI1, self.dI2, self.dVth, self.dV), method=method)

    def dI1(self, I1: Any, t: Any) -> Any:
        r""":math:`dI_1/dt = -k_1 I_1`."""
        return -self.k1 * I1

    def dI2(self, I2: Any, t: Any) -> Any:
        r""":math:`dI_2/dt = -k_2 I_2`."""
        return -self.k2 * I2

    def dVth(self, V_th: Any, t: Any, V: Any) -> Any:
        r""":math:`dV_{th}/dt = a (V - V_{rest}) - b (V_{th} - V_{th\infty})`."""
        return self.a * (V - self.V_rest) - self.b * (V_th - self.V_th_inf)

    def dV(self, V: Any, t: Any, I1: Any, I2: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt = (-(V - V_{rest}) + R (I_1 + I_2 + I)) / \tau`."""
        return (-(V - self.V_rest) + self.R * (I1 + I2 + I_ext)) / self.tau

    def reset(self) -> None:
        r"""Restore V, V_th, I1, I2 and clear spikes and input."""
        self._reset_states()
        self._reset_spike_vars()

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step: integrate, spike, and apply the after-spike rules."""
        import brainpy.math as bm

        I1, I2, V_th, V = self.integral(
            self.I1.value, self.I2.value, self.V_th.value, self.V.value, _t, self.input.value, dt=_dt
        )
        spike = V >= V_th
        self.V.value = bm.where(spike, self.V_reset, V)
        self.I1.value = bm.where(spike, self.R1 * I1 + self.A1, I1)
        self.I2.value = bm.where(spike, self.R2 * I2 + self.A2, I2)
        self.V_th.value = bm.where(spike, bm.maximum(self.V_th_reset, V_th), V_th)
        self._emit(spike, _t)
