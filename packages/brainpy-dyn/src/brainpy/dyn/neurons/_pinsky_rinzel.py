r"""The two-compartment Pinsky-Rinzel CA3 pyramidal cell (``bp.dyn.PinskyRinzelModel``)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup, efun
from brainpy.initialize import OneInit

__all__ = ["PinskyRinzelModel"]


class PinskyRinzelModel(SpikingGroup):
    r"""The Pinsky and Rinzel (1994) model.

    **Model Descriptions**

    A two-compartment (soma and dendrite) reduction [1]_ of the 19-compartment CA3
    pyramidal cell of Traub et al. [2]_. The soma carries the fast sodium and
    delayed-rectifier potassium currents, the dendrite the calcium current and two
    calcium-dependent potassium currents; they are coupled by the conductance
    :math:`g_c`:

    .. math::

        C_m \frac{dV_s}{dt} &= -g_L (V_s - E_L) - g_{Na} m_\infty^2(V_s) h (V_s - E_{Na})
            - g_K n (V_s - E_K) + \frac{g_c}{p}(V_d - V_s) + \frac{I_s}{p A}, \\
        C_m \frac{dV_d}{dt} &= -g_L (V_d - E_L) - I_{Ca} - g_{AHP}\, q (V_d - E_K)
            - g_C\, c\, \chi(Ca) (V_d - E_K) + \frac{g_c}{1 - p}(V_s - V_d) + \frac{I_d}{(1 - p) A}, \\
        \frac{dCa}{dt} &= -0.13 I_{Ca} - 0.075 Ca, \qquad I_{Ca} = g_{Ca} s^2 (V_d - E_{Ca}), \\
        \frac{dx}{dt} &= \alpha_x (1 - x) - \beta_x x, \qquad x \in \{h, n, s, c, q\},

    with :math:`\chi(Ca) = \min(Ca/250, 1)`, :math:`m_\infty = \alpha_m/(\alpha_m + \beta_m)` and
    the rate functions of [1]_ written for absolute potentials (the original's
    potentials plus -60 mV; :math:`V_s` for :math:`m, h, n`, :math:`V_d` for :math:`s, c`):

    .. math::

        \alpha_m &= \frac{0.32 (-46.9 - V)}{e^{(-46.9 - V)/4} - 1}, &
        \beta_m &= \frac{0.28 (V + 19.9)}{e^{(V + 19.9)/5} - 1}, \\
        \alpha_h &= 0.128 e^{(-43 - V)/18}, & \beta_h &= \frac{4}{1 + e^{(-20 - V)/5}}, \\
        \alpha_n &= \frac{0.016 (-24.9 - V)}{e^{(-24.9 - V)/5} - 1}, &
        \beta_n &= 0.25 e^{-1 - 0.025 V}, \\
        \alpha_s &= \frac{1.6}{1 + e^{-0.072 (V - 5)}}, &
        \beta_s &= \frac{0.02 (V + 8.9)}{e^{(V + 8.9)/5} - 1}, \\
        \alpha_c &= \begin{cases} e^{(V + 50)/11 - (V + 53.5)/27} / 18.975, & V \le -10 \\
                    2 e^{(-53.5 - V)/27}, & V > -10 \end{cases}, &
        \beta_c &= \begin{cases} 2 e^{(-53.5 - V)/27} - \alpha_c, & V \le -10 \\ 0, & V > -10 \end{cases}, \\
        \alpha_q &= \min(0.00002\, Ca, 0.01), & \beta_q &= 0.001.

    :math:`V_s, V_d` are the somatic and dendritic potentials (mV), :math:`Ca` the
    dendritic calcium, :math:`h, n` the somatic sodium inactivation and potassium
    activation, :math:`s` the calcium activation, :math:`c` the calcium-dependent
    potassium activation and :math:`q` the AHP activation. :math:`C_m` is the
    capacitance (:math:`\mu F/cm^2`), :math:`p` the fraction of the area in the
    soma, :math:`A` the total membrane area (normalised to 1), and :math:`I_s, I_d`
    the currents injected into the soma (the Variable ``input``) and the dendrite
    (the Variable ``Id``); both are cleared after every step. The gates start at
    their steady states. A spike is an upward crossing of :math:`V_{th}` by :math:`V_s`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    gNa, gK, gCa, gAHP, gC, gL : float, ArrayType, Initializer or callable
        Maximal conductances (:math:`mS/cm^2`). Defaults 30, 15, 10, 0.8, 15, 0.1.
    ENa, EK, ECa, EL : float, ArrayType, Initializer or callable
        Reversal potentials (mV). Defaults 60, -75, 80, -60.
    gc : float, ArrayType, Initializer or callable
        The soma-dendrite coupling conductance (:math:`mS/cm^2`). Default 2.1.
    V_th : float, ArrayType, Initializer or callable
        The spike-detection threshold of :math:`V_s` (mV). Default 20.
    Cm : float, ArrayType, Initializer or callable
        Membrane capacitance (:math:`\mu F/cm^2`). Default 3.
    p : float, ArrayType, Initializer or callable
        The proportion of the membrane area taken by the soma. Default 0.5.
    A : float, ArrayType, Initializer or callable
        The total membrane area, normalised to 1. Default 1.
    Vs_initializer, Vd_initializer, Ca_initializer : float, ArrayType, Initializer or callable
        Initial values. Defaults ``OneInit(-64.6)``, ``OneInit(-64.5)``, ``OneInit(0.2)``.
    method : str
        The integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.

    References
    ----------
    .. [1] Pinsky, P. F., Rinzel, J. (1994). Intrinsic and network rhythmogenesis in a
           reduced Traub model for CA3 neurons. Journal of Computational Neuroscience 1(1),
           39-60. https://doi.org/10.1007/BF00962717
    .. [2] Traub, R. D., Wong, R. K., Miles, R., Michelson, H. (1991). A model of a CA3
           hippocampal pyramidal neuron incorporating voltage-clamp data on intrinsic
           conductances. Journal of Neurophysiology 66(2), 635-650.
           https://doi.org/10.1152/jn.1991.66.2.635
    """

    def __init__(
        self,
        size: Any,
        gNa: Any = 30.0,
        gK: Any = 15.0,
        gCa: Any = 10.0,
        gAHP: Any = 0.8,
        gC: Any = 15.0,
        gL: Any = 0.1,
        ENa: Any = 60.0,
        EK: Any = -75.0,
        ECa: Any = 80.0,
        EL: Any = -60.0,
        gc: Any = 2.1,
        V_th: Any = 20.0,
        Cm: Any = 3.0,
        p: Any = 0.5,
        A: Any = 1.0,
        Vs_initializer: Any = OneInit(-64.6),
        Vd_initializer: Any = OneInit(-64.5),
        Ca_initializer: Any = OneInit(0.2),
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import JointEq, odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        for key, value in dict(
            gNa=gNa,
            gK=gK,
            gCa=gCa,
            gAHP=gAHP,
            gC=gC,
            gL=gL,
            ENa=ENa,
            EK=EK,
            ECa=ECa,
            EL=EL,
            gc=gc,
            V_th=V_th,
            Cm=Cm,
            p=p,
            A=A,
        ).items():
            setattr(self, key, self._param(value, key))
        self._state("Vs", Vs_initializer, "Vs_initializer")
        self._state("Vd", Vd_initializer, "Vd_initializer")
        self._state("Ca", Ca_initializer, "Ca_initializer")
        self.h = bm.Variable(self._gate_inits()[0])
        self.n, self.s, self.c, self.q = (bm.Variable(g) for g in self._gate_inits()[1:])
        self._spike_vars()
        self.Id = bm.Variable(bm.zeros(self.varshape))
        self.integral = odeint(
            JointEq(self.dVs, self.dVd, self.dCa, self.dh, self.dn, self.ds, self.dc, self.dq), method=method
        )

    # ------------------------------------------------------------------ rates
    def _m(self, V: Any) -> tuple[Any, Any]:
        return 1.28 * efun((-46.9 - V) / 4.0), 1.4 * efun((V + 19.9) / 5.0)

    def _h(self, V: Any) -> tuple[Any, Any]:
        import brainpy.math as bm

        return 0.128 * bm.exp((-43.0 - V) / 18.0), 4.0 / (1.0 + bm.exp((-20.0 - V) / 5.0))

    def _n(self, V: Any) -> tuple[Any, Any]:
        import brainpy.math as bm

        return 0.08 * efun((-24.9 - V) / 5.0), 0.25 * bm.exp(-1.0 - 0.025 * V)

    def _s(self, V: Any) -> tuple[Any, Any]:
        import brainpy.math as bm

        return 1.6 / (1.0 + bm.exp(-0.072 * (V - 5.0))), 0.1 * efun((V + 8.9) / 5.0)

    def _c(self, V: Any) -> tuple[Any, Any]:
        import brainpy.math as bm

        low = V <= -10.0
        V_low = bm.minimum(V, -10.0)  # keeps the unused branch finite
        a_low = bm.exp((V_low + 50.0) / 11.0 - (V_low + 53.5) / 27.0) / 18.975
        two = 2.0 * bm.exp((-53.5 - V) / 27.0)
        alpha = bm.where(low, a_low, two)
        beta = bm.where(low, two - a_low, 0.0)
        return alpha, beta

    @staticmethod
    def _q(Ca: Any) -> tuple[Any, Any]:
        import brainpy.math as bm

        return bm.minimum(0.00002 * Ca, 0.01), 0.001

    @staticmethod
    def _relax(x: Any, rates: tuple[Any, Any]) -> Any:
        alpha, beta = rates
        return alpha * (1.0 - x) - beta * x

    @staticmethod
    def _inf(rates: tuple[Any, Any]) -> Any:
        alpha, beta = rates
        return alpha / (alpha + beta)

    def _gate_inits(self) -> tuple[Any, ...]:
        import brainpy.math as bm

        Vs, Vd, Ca = self.Vs.value, self.Vd.value, self.Ca.value
        gates = (self._h(Vs), self._n(Vs), self._s(Vd), self._c(Vd), self._q(Ca))
        return tuple(bm.asarray(bm.broadcast_to(self._inf(r), self.varshape)) for r in gates)

    # ------------------------------------------------------------ derivatives
    def dVs(self, Vs: Any, t: Any, h: Any, n: Any, Vd: Any, I_s: Any) -> Any:
        r""":math:`dV_s/dt`, the somatic compartment."""
        I_Na = self.gNa * self._inf(self._m(Vs)) ** 2 * h * (Vs - self.ENa)
        I_K = self.gK * n * (Vs - self.EK)
        I_L = self.gL * (Vs - self.EL)
        I_c = self.gc / self.p * (Vd - Vs)
        return (-I_L - I_Na - I_K + I_c + I_s / (self.p * self.A)) / self.Cm

    def dVd(self, Vd: Any, t: Any, Vs: Any, Ca: Any, s: Any, c: Any, q: Any, I_d: Any) -> Any:
        r""":math:`dV_d/dt`, the dendritic compartment."""
        import brainpy.math as bm

        I_L = self.gL * (Vd - self.EL)
        I_Ca = self.gCa * s * s * (Vd - self.ECa)
        I_AHP = self.gAHP * q * (Vd - self.EK)
        I_C = self.gC * c * bm.minimum(Ca / 250.0, 1.0) * (Vd - self.EK)
        I_c = self.gc / (1.0 - self.p) * (Vs - Vd)
        return (-I_L - I_Ca - I_AHP - I_C + I_c + I_d / ((1.0 - self.p) * self.A)) / self.Cm

    def dCa(self, Ca: Any, t: Any, s: Any, Vd: Any) -> Any:
        r""":math:`dCa/dt`, calcium influx through :math:`I_{Ca}` and its decay."""
        return -0.13 * self.gCa * s * s * (Vd - self.ECa) - 0.075 * Ca

    def dh(self, h: Any, t: Any, Vs: Any) -> Any:
        r""":math:`dh/dt`."""
        return self._relax(h, self._h(Vs))

    def dn(self, n: Any, t: Any, Vs: Any) -> Any:
        r""":math:`dn/dt`."""
        return self._relax(n, self._n(Vs))

    def ds(self, s: Any, t: Any, Vd: Any) -> Any:
        r""":math:`ds/dt`."""
        return self._relax(s, self._s(Vd))

    def dc(self, c: Any, t: Any, Vd: Any) -> Any:
        r""":math:`dc/dt`."""
        return self._relax(c, self._c(Vd))

    def dq(self, q: Any, t: Any, Ca: Any) -> Any:
        r""":math:`dq/dt`."""
        return self._relax(q, self._q(Ca))

    # ---------------------------------------------------------------- running
    def reset(self) -> None:
        r"""Restore Vs, Vd, Ca, put the gates at steady state, and clear spikes and inputs."""
        self._reset_states()
        for var, value in zip((self.h, self.n, self.s, self.c, self.q), self._gate_inits()):
            var.value = value.value
        self._reset_spike_vars()
        self.Id.value = self.Id.value * 0.0

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step; a spike is an upward crossing of ``V_th`` by the soma."""
        import brainpy.math as bm

        out = self.integral(
            self.Vs.value,
            self.Vd.value,
            self.Ca.value,
            self.h.value,
            self.n.value,
            self.s.value,
            self.c.value,
            self.q.value,
            _t,
            self.input.value,
            self.Id.value,
            dt=_dt,
        )
        spike = (self.Vs.value < self.V_th) & (out[0] >= self.V_th)
        for var, value in zip((self.Vs, self.Vd, self.Ca, self.h, self.n, self.s, self.c, self.q), out):
            var.value = value
        self._emit(spike, _t)
        self.Id.value = bm.zeros_like(self.Id.value)
