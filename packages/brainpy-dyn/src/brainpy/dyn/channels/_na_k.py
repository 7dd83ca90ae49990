r"""Voltage-gated sodium and potassium channels: ``INa``, ``INa_v2``, ``IK_DR``, ``IK2``."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.channels._base import PotassiumChannel, SodiumChannel
from brainpy.dyn.channels._gates import GatedMixin, vtrap

__all__ = ["INa", "INa_v2", "IK_DR", "IK2"]


class INa(GatedMixin, SodiumChannel):
    r"""The sodium current model.

    **Model Descriptions**

    The fast sodium current of Bazhenov et al. (2002) [1]_ (Traub-Miles kinetics):

    .. math::

        I_{Na} &= g_{max}\, p^3 q\, (E - V) \\
        \frac{dp}{dt} &= \phi\,(\alpha_p(1-p) - \beta_p p), \quad
        \alpha_p = \frac{0.32\,(V - V_{sh} - 13)}{1 - e^{-(V - V_{sh} - 13)/4}}, \quad
        \beta_p = \frac{-0.28\,(V - V_{sh} - 40)}{1 - e^{(V - V_{sh} - 40)/5}} \\
        \frac{dq}{dt} &= \phi\,(\alpha_q(1-q) - \beta_q q), \quad
        \alpha_q = 0.128\, e^{-(V - V_{sh} - 17)/18}, \quad
        \beta_q = \frac{4}{1 + e^{-(V - V_{sh} - 40)/5}}

    where :math:`V` is the membrane potential (mV), :math:`p` and :math:`q` the
    activation and inactivation gates, :math:`\alpha` and :math:`\beta` the
    opening and closing rates (1/ms), :math:`V_{sh}` a voltage shift (mV),
    :math:`E` the reversal potential, :math:`g_{max}` the maximal conductance
    (mS/cm²) and :math:`\phi = 3^{(T - 36)/10}` the temperature factor at
    :math:`T` °C. The current is positive inward (see :mod:`brainpy.dyn.channels`).

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    E : float, ArrayType, Initializer or callable
        Reversal potential (mV). Default 50.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²). Default 90.
    T : float
        Temperature (°C). Default 36.
    V_sh : float, ArrayType, Initializer or callable
        Voltage shift (mV). Default -50.
    method : str
        Integration method of the gates. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Bazhenov, M., Timofeev, I., Steriade, M., & Sejnowski, T. J. (2002). Model of
           thalamocortical slow-wave sleep oscillations and transitions to activated states.
           Journal of Neuroscience, 22(19), 8691-8704. doi:10.1523/JNEUROSCI.22-19-08691.2002
    """

    def __init__(
        self,
        size: Any,
        E: Any = 50.0,
        g_max: Any = 90.0,
        T: float = 36.0,
        V_sh: Any = -50.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, keep_size=keep_size, name=name)
        self.E = self._param(E, "E")
        self.g_max = self._param(g_max, "g_max")
        self.T = T
        self.V_sh = self._param(V_sh, "V_sh")
        self.phi_p = self.phi_q = 3 ** ((T - 36.0) / 10.0)
        self._setup_gates(("p", "q"), method)

    def p_alpha(self, V: Any) -> Any:
        return 0.32 * vtrap(V - self.V_sh - 13.0, 4.0)

    def p_beta(self, V: Any) -> Any:
        return 0.28 * vtrap(-(V - self.V_sh - 40.0), 5.0)

    def q_alpha(self, V: Any) -> Any:
        import brainpy.math as bm

        return 0.128 * bm.exp(-(V - self.V_sh - 17.0) / 18.0)

    def q_beta(self, V: Any) -> Any:
        import brainpy.math as bm

        return 4.0 / (1.0 + bm.exp(-(V - self.V_sh - 40.0) / 5.0))

    def current(self, V: Any) -> Any:  # type: ignore[override]
        r""":math:`g_{max} p^3 q (E - V)`."""
        return self.g_max * self.p.value**3 * self.q.value * (self.E - V)

    def reset(self, V: Any) -> None:  # type: ignore[override]
        r"""Set :math:`p, q` to their steady states at ``V``."""
        self._reset_gates(V)

    def update(self, _t: Any, _dt: Any, V: Any) -> None:  # type: ignore[override]
        r"""Integrate the gates over one step at the potential ``V``."""
        self._step_gates(_t, _dt, V)


class INa_v2(INa):
    r"""The sodium current of the Hodgkin-Huxley model (resting potential near -65 mV).

    **Model Descriptions**

    .. math::

        I_{Na} &= g_{max}\, p^3 q\, (E - V) \\
        \alpha_p &= \frac{0.1\,(V + 40)}{1 - e^{-(V + 40)/10}}, \quad \beta_p = 4\, e^{-(V + 65)/18} \\
        \alpha_q &= 0.07\, e^{-(V + 65)/20}, \quad \beta_q = \frac{1}{1 + e^{-(V + 35)/10}}

    with :math:`dx/dt = \alpha_x (1 - x) - \beta_x x` for :math:`x \in \{p, q\}`
    (:math:`p` is HH's :math:`m`, :math:`q` its :math:`h`); symbols as in :class:`INa`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    E : float, ArrayType, Initializer or callable
        Reversal potential (mV). Default 50.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²). Default 120.
    method : str
        Integration method of the gates. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Hodgkin, A. L., & Huxley, A. F. (1952). A quantitative description of membrane
           current and its application to conduction and excitation in nerve. The Journal
           of Physiology, 117(4), 500-544. doi:10.1113/jphysiol.1952.sp004764
    """

    def __init__(
        self,
        size: Any,
        E: Any = 50.0,
        g_max: Any = 120.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, E=E, g_max=g_max, T=36.0, V_sh=0.0, method=method, keep_size=keep_size, name=name)

    def p_alpha(self, V: Any) -> Any:
        return 0.1 * vtrap(V + 40.0, 10.0)

    def p_beta(self, V: Any) -> Any:
        import brainpy.math as bm

        return 4.0 * bm.exp(-(V + 65.0) / 18.0)

    def q_alpha(self, V: Any) -> Any:
        import brainpy.math as bm

        return 0.07 * bm.exp(-(V + 65.0) / 20.0)

    def q_beta(self, V: Any) -> Any:
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp(-(V + 35.0) / 10.0))


class IK_DR(GatedMixin, PotassiumChannel):
    r"""The delayed rectifier potassium channel current.

    **Model Descriptions**

    The delayed-rectifier current of Bazhenov et al. (1998) [1]_ (Traub-Miles kinetics):

    .. math::

        I_{K} &= g_{max}\, p^4\, (E - V) \\
        \frac{dp}{dt} &= \phi\,(\alpha_p (1 - p) - \beta_p p), \quad
        \alpha_p = \frac{0.032\,(V - V_{sh} - 15)}{1 - e^{-(V - V_{sh} - 15)/5}}, \quad
        \beta_p = 0.5\, e^{-(V - V_{sh} - 10)/40}

    where :math:`\phi = T_{base}^{(T - 36)/10}` is the temperature factor;
    other symbols as in :class:`INa`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    E : float, ArrayType, Initializer or callable
        Reversal potential (mV). Default -90.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²). Default 10.
    T : float
        Temperature (°C). Default 36.
    T_base : float
        Base of the temperature factor. Default 3.
    V_sh : float, ArrayType, Initializer or callable
        Voltage shift (mV). Default -50.
    method : str
        Integration method of the gate. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Bazhenov, M., Timofeev, I., Steriade, M., & Sejnowski, T. J. (1998). Cellular and
           network models for intrathalamic augmenting responses during 10-Hz stimulation.
           Journal of Neurophysiology, 79(5), 2730-2748. doi:10.1152/jn.1998.79.5.2730
    """

    def __init__(
        self,
        size: Any,
        E: Any = -90.0,
        g_max: Any = 10.0,
        T: float = 36.0,
        T_base: float = 3.0,
        V_sh: Any = -50.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, keep_size=keep_size, name=name)
        self.E = self._param(E, "E")
        self.g_max = self._param(g_max, "g_max")
        self.T, self.T_base = T, T_base
        self.V_sh = self._param(V_sh, "V_sh")
        self.phi_p = T_base ** ((T - 36.0) / 10.0)
        self._setup_gates(("p",), method)

    def p_alpha(self, V: Any) -> Any:
        return 0.032 * vtrap(V - self.V_sh - 15.0, 5.0)

    def p_beta(self, V: Any) -> Any:
        import brainpy.math as bm

        return 0.5 * bm.exp(-(V - self.V_sh - 10.0) / 40.0)

    def current(self, V: Any) -> Any:  # type: ignore[override]
        r""":math:`g_{max} p^4 (E - V)`."""
        return self.g_max * self.p.value**4 * (self.E - V)

    def reset(self, V: Any) -> None:  # type: ignore[override]
        r"""Set :math:`p` to its steady state at ``V``."""
        self._reset_gates(V)

    def update(self, _t: Any, _dt: Any, V: Any) -> None:  # type: ignore[override]
        r"""Integrate the gate over one step at the potential ``V``."""
        self._step_gates(_t, _dt, V)


class IK2(IK_DR):
    r"""The potassium current of the Hodgkin-Huxley model (resting potential near -65 mV).

    **Model Descriptions**

    .. math::

        I_{K} = g_{max}\, p^4 (E - V), \quad
        \alpha_p = \frac{0.01\,(V + 55)}{1 - e^{-(V + 55)/10}}, \quad
        \beta_p = 0.125\, e^{-(V + 65)/80}

    with :math:`dp/dt = \alpha_p (1 - p) - \beta_p p` (:math:`p` is HH's :math:`n`).

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    E : float, ArrayType, Initializer or callable
        Reversal potential (mV). Default -90.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²). Default 10.
    method : str
        Integration method of the gate. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Hodgkin, A. L., & Huxley, A. F. (1952). A quantitative description of membrane
           current and its application to conduction and excitation in nerve. The Journal
           of Physiology, 117(4), 500-544. doi:10.1113/jphysiol.1952.sp004764
    """

    def __init__(
        self,
        size: Any,
        E: Any = -90.0,
        g_max: Any = 10.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(
            size, E=E, g_max=g_max, T=36.0, T_base=3.0, V_sh=0.0, method=method, keep_size=keep_size, name=name
        )

    def p_alpha(self, V: Any) -> Any:
        return 0.01 * vtrap(V + 55.0, 10.0)

    def p_beta(self, V: Any) -> Any:
        import brainpy.math as bm

        return 0.125 * bm.exp(-(V + 65.0) / 80.0)
