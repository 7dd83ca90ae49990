r"""Voltage-gated calcium channels: ``ICaT``, ``ICaT_RE``, ``ICaHT``, ``ICaL``.

Each lives inside a calcium dynamics (``CalciumFixed``, ``CalciumDetailed``,
``CalciumAbstract``), which passes it the concentration ``C_Ca`` (mM) and the
calcium reversal potential ``E_Ca`` (mV).
"""

from __future__ import annotations

from typing import Any

from brainpy.dyn.channels._base import CalciumChannel
from brainpy.dyn.channels._gates import GatedMixin

__all__ = ["ICaT", "ICaT_RE", "ICaHT", "ICaL"]


class _ICaP2Q(GatedMixin, CalciumChannel):
    r"""A :math:`p^2 q` calcium current :math:`g_{max} p^2 q (E_{Ca} - V)` with steady-state/time-constant gates."""

    def __init__(
        self,
        size: Any,
        T: float,
        T_base_p: float,
        T_base_q: float,
        g_max: Any,
        V_sh: Any,
        method: str,
        keep_size: bool,
        name: str | None,
    ) -> None:
        super().__init__(size, keep_size=keep_size, name=name)
        self.T, self.T_base_p, self.T_base_q = T, T_base_p, T_base_q
        self.g_max = self._param(g_max, "g_max")
        self.V_sh = self._param(V_sh, "V_sh")
        self.phi_p = T_base_p ** ((T - 24.0) / 10.0)
        self.phi_q = T_base_q ** ((T - 24.0) / 10.0)
        self._setup_gates(("p", "q"), method)

    def current(self, V: Any, C_Ca: Any, E_Ca: Any) -> Any:  # type: ignore[override]
        r""":math:`g_{max} p^2 q (E_{Ca} - V)`."""
        return self.g_max * self.p.value**2 * self.q.value * (E_Ca - V)

    def reset(self, V: Any, C_Ca: Any = None, E_Ca: Any = None) -> None:  # type: ignore[override]
        r"""Set :math:`p, q` to their steady states at ``V``."""
        self._reset_gates(V)

    def update(self, _t: Any, _dt: Any, V: Any, C_Ca: Any = None, E_Ca: Any = None) -> None:  # type: ignore[override]
        r"""Integrate the gates over one step at the potential ``V``."""
        self._step_gates(_t, _dt, V)


class ICaT(_ICaP2Q):
    r"""The low-threshold T-type calcium current model.

    **Model Descriptions**

    The T-type current of thalamic relay neurons (Huguenard & McCormick, 1992) [1]_:

    .. math::

        I_{CaT} &= g_{max}\, p^2 q\, (E_{Ca} - V), \quad
        \frac{dp}{dt} = \phi_p \frac{p_\infty - p}{\tau_p}, \quad
        \frac{dq}{dt} = \phi_q \frac{q_\infty - q}{\tau_q} \\
        p_\infty &= \frac{1}{1 + e^{-(V + 59 - V_{sh})/6.2}}, \quad
        \tau_p = 0.612 + \frac{1}{e^{-(V + 132 - V_{sh})/16.7} + e^{(V + 16.8 - V_{sh})/18.2}} \\
        q_\infty &= \frac{1}{1 + e^{(V + 83 - V_{sh})/4}}, \quad
        \tau_q = \begin{cases} e^{(V + 467 - V_{sh})/66.6} & V < V_{sh} - 80 \\
                 28 + e^{-(V + 22 - V_{sh})/10.5} & V \ge V_{sh} - 80 \end{cases}

    where :math:`E_{Ca}` is the calcium reversal potential (from the calcium
    dynamics), :math:`\phi_p = 3.55^{(T-24)/10}` and :math:`\phi_q = 3^{(T-24)/10}`.
    Defaults: ``T=36., T_base_p=3.55, T_base_q=3., g_max=2., V_sh=-3.``

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    T : float
        Temperature (°C). Default 36.
    T_base_p, T_base_q : float
        Bases of the temperature factors :math:`\phi_p = T_{base,p}^{(T-24)/10}`,
        :math:`\phi_q = T_{base,q}^{(T-24)/10}`.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²).
    V_sh : float, ArrayType, Initializer or callable
        Voltage shift (mV).
    method : str
        Integration method of the gates. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Huguenard, J. R., & McCormick, D. A. (1992). Simulation of the currents involved in
           rhythmic oscillations in thalamic relay neurons. Journal of Neurophysiology, 68(4),
           1373-1383. doi:10.1152/jn.1992.68.4.1373
    """

    def __init__(
        self,
        size: Any,
        T: float = 36.0,
        T_base_p: float = 3.55,
        T_base_q: float = 3.0,
        g_max: Any = 2.0,
        V_sh: Any = -3.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, T, T_base_p, T_base_q, g_max, V_sh, method, keep_size, name)

    def p_inf(self, V: Any) -> Any:
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp(-(V + 59.0 - self.V_sh) / 6.2))

    def p_tau(self, V: Any) -> Any:
        import brainpy.math as bm

        return 0.612 + 1.0 / (bm.exp(-(V + 132.0 - self.V_sh) / 16.7) + bm.exp((V + 16.8 - self.V_sh) / 18.2))

    def q_inf(self, V: Any) -> Any:
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp((V + 83.0 - self.V_sh) / 4.0))

    def q_tau(self, V: Any) -> Any:
        import brainpy.math as bm

        return bm.where(
            V >= self.V_sh - 80.0, 28.0 + bm.exp(-(V + 22.0 - self.V_sh) / 10.5), bm.exp((V + 467.0 - self.V_sh) / 66.6)
        )


class ICaHT(ICaT):
    r"""The high-threshold T-type calcium current model.

    **Model Descriptions**

    The equations of :class:`ICaT` (Huguenard & McCormick, 1992) [1]_ shifted
    to high voltages by :math:`V_{sh} = 25` mV.
    Defaults: ``T=36., T_base_p=3.55, T_base_q=3., g_max=2., V_sh=25.``

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    T : float
        Temperature (°C). Default 36.
    T_base_p, T_base_q : float
        Bases of the temperature factors :math:`\phi_p = T_{base,p}^{(T-24)/10}`,
        :math:`\phi_q = T_{base,q}^{(T-24)/10}`.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²).
    V_sh : float, ArrayType, Initializer or callable
        Voltage shift (mV).
    method : str
        Integration method of the gates. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Huguenard, J. R., & McCormick, D. A. (1992). Simulation of the currents involved in
           rhythmic oscillations in thalamic relay neurons. Journal of Neurophysiology, 68(4),
           1373-1383. doi:10.1152/jn.1992.68.4.1373
    """

    def __init__(
        self,
        size: Any,
        T: float = 36.0,
        T_base_p: float = 3.55,
        T_base_q: float = 3.0,
        g_max: Any = 2.0,
        V_sh: Any = 25.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, T, T_base_p, T_base_q, g_max, V_sh, method, keep_size, name)


class ICaT_RE(_ICaP2Q):
    r"""The low-threshold T-type calcium current model in thalamic reticular nucleus.

    **Model Descriptions**

    (Huguenard & Prince, 1992) [1]_:

    .. math::

        I_{CaT} &= g_{max}\, p^2 q\, (E_{Ca} - V) \\
        p_\infty &= \frac{1}{1 + e^{-(V + 52 - V_{sh})/7.4}}, \quad
        \tau_p = 3 + \frac{1}{e^{(V + 27 - V_{sh})/10} + e^{-(V + 102 - V_{sh})/15}} \\
        q_\infty &= \frac{1}{1 + e^{(V + 80 - V_{sh})/5}}, \quad
        \tau_q = 85 + \frac{1}{e^{(V + 48 - V_{sh})/4} + e^{-(V + 407 - V_{sh})/50}}

    with the gate dynamics and symbols of :class:`ICaT`,
    :math:`\phi_p = 5^{(T-24)/10}` and :math:`\phi_q = 3^{(T-24)/10}`.
    Defaults: ``T=36., T_base_p=5., T_base_q=3., g_max=1.75, V_sh=-3.``

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    T : float
        Temperature (°C). Default 36.
    T_base_p, T_base_q : float
        Bases of the temperature factors :math:`\phi_p = T_{base,p}^{(T-24)/10}`,
        :math:`\phi_q = T_{base,q}^{(T-24)/10}`.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²).
    V_sh : float, ArrayType, Initializer or callable
        Voltage shift (mV).
    method : str
        Integration method of the gates. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Huguenard, J. R., & Prince, D. A. (1992). A novel T-type current underlies prolonged
           Ca2+-dependent burst firing in GABAergic neurons of rat thalamic reticular nucleus.
           Journal of Neuroscience, 12(10), 3804-3817. doi:10.1523/JNEUROSCI.12-10-03804.1992
    """

    def __init__(
        self,
        size: Any,
        T: float = 36.0,
        T_base_p: float = 5.0,
        T_base_q: float = 3.0,
        g_max: Any = 1.75,
        V_sh: Any = -3.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, T, T_base_p, T_base_q, g_max, V_sh, method, keep_size, name)

    def p_inf(self, V: Any) -> Any:
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp(-(V + 52.0 - self.V_sh) / 7.4))

    def p_tau(self, V: Any) -> Any:
        import brainpy.math as bm

        return 3.0 + 1.0 / (bm.exp((V + 27.0 - self.V_sh) / 10.0) + bm.exp(-(V + 102.0 - self.V_sh) / 15.0))

    def q_inf(self, V: Any) -> Any:
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp((V + 80.0 - self.V_sh) / 5.0))

    def q_tau(self, V: Any) -> Any:
        import brainpy.math as bm

        return 85.0 + 1.0 / (bm.exp((V + 48.0 - self.V_sh) / 4.0) + bm.exp(-(V + 407.0 - self.V_sh) / 50.0))


class ICaL(_ICaP2Q):
    r"""The L-type calcium channel model.

    **Model Descriptions**

    (Inoue & Strowbridge, 2008) [1]_:

    .. math::

        I_{CaL} &= g_{max}\, p^2 q\, (E_{Ca} - V) \\
        p_\infty &= \frac{1}{1 + e^{-(V + 10 - V_{sh})/4}}, \quad
        \tau_p = 0.4 + \frac{0.7}{e^{(V + 5 - V_{sh})/15} + e^{-(V + 5 - V_{sh})/15}} \\
        q_\infty &= \frac{1}{1 + e^{(V + 25 - V_{sh})/2}}, \quad
        \tau_q = 300 + \frac{100}{e^{(V + 40 - V_{sh})/9.5} + e^{-(V + 40 - V_{sh})/9.5}}

    with the gate dynamics and symbols of :class:`ICaT`.
    Defaults: ``T=36., T_base_p=3.55, T_base_q=3., g_max=1., V_sh=0.``

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    T : float
        Temperature (°C). Default 36.
    T_base_p, T_base_q : float
        Bases of the temperature factors :math:`\phi_p = T_{base,p}^{(T-24)/10}`,
        :math:`\phi_q = T_{base,q}^{(T-24)/10}`.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²).
    V_sh : float, ArrayType, Initializer or callable
        Voltage shift (mV).
    method : str
        Integration method of the gates. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Inoue, T., & Strowbridge, B. W. (2008). Transient activity induces a long-lasting
           increase in the excitability of olfactory bulb interneurons. Journal of
           Neurophysiology, 99(1), 187-199. doi:10.1152/jn.00526.2007
    """

    def __init__(
        self,
        size: Any,
        T: float = 36.0,
        T_base_p: float = 3.55,
        T_base_q: float = 3.0,
        g_max: Any = 1.0,
        V_sh: Any = 0.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, T, T_base_p, T_base_q, g_max, V_sh, method, keep_size, name)

    def p_inf(self, V: Any) -> Any:
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp(-(V + 10.0 - self.V_sh) / 4.0))

    def p_tau(self, V: Any) -> Any:
        import brainpy.math as bm

        x = (V + 5.0 - self.V_sh) / 15.0
        return 0.4 + 0.7 / (bm.exp(x) + bm.exp(-x))

    def q_inf(self, V: Any) -> Any:
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp((V + 25.0 - self.V_sh) / 2.0))

    def q_tau(self, V: Any) -> Any:
        import brainpy.math as bm

        x = (V + 40.0 - self.V_sh) / 9.5
        return 300.0 + 100.0 / (bm.exp(x) + bm.exp(-x))
