r"""Calcium-dependent channels: ``ICaN`` and ``IAHP``.

Both live inside a calcium dynamics, are gated by its concentration ``C_Ca``
(mM), and carry no calcium themselves.
"""

from __future__ import annotations

from typing import Any

from brainpy.dyn.channels._base import CalciumChannel
from brainpy.dyn.channels._gates import GatedMixin

__all__ = ["ICaN", "IAHP"]


class ICaN(GatedMixin, CalciumChannel):
    r"""The calcium-activated non-selective cation channel model.

    **Model Descriptions**

    (Destexhe et al., 1994 [1]_; Inoue & Strowbridge, 2008 [2]_):

    .. math::

        I_{CAN} &= g_{max}\, M([Ca^{2+}]_i)\, p\, (E - V), \quad
        M = \frac{[Ca^{2+}]_i}{0.2 + [Ca^{2+}]_i} \\
        \frac{dp}{dt} &= \phi \frac{p_\infty - p}{\tau_p}, \quad
        p_\infty = \frac{1}{1 + e^{-(V + 43)/5.2}}, \quad
        \tau_p = 1.6 + \frac{2.7}{e^{-(V + 55)/15} + e^{(V + 55)/15}}

    where :math:`[Ca^{2+}]_i` (mM) is the concentration of the holding calcium
    dynamics, :math:`E` the cation reversal potential (mV), :math:`\phi` a
    temperature factor. Its current is not carried by calcium.

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    E : float, ArrayType, Initializer or callable
        Reversal potential (mV). Default 10.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²). Default 1.
    phi : float, ArrayType, Initializer or callable
        Temperature factor. Default 1.
    method : str
        Integration method of the gate. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Destexhe, A., Contreras, D., Sejnowski, T. J., & Steriade, M. (1994). A model of spindle
           rhythmicity in the isolated thalamic reticular nucleus. Journal of Neurophysiology,
           72(2), 803-818. doi:10.1152/jn.1994.72.2.803
    .. [2] Inoue, T., & Strowbridge, B. W. (2008). Transient activity induces a long-lasting
           increase in the excitability of olfactory bulb interneurons. Journal of
           Neurophysiology, 99(1), 187-199. doi:10.1152/jn.00526.2007
    """

    carries_calcium = False

    def __init__(
        self,
        size: Any,
        E: Any = 10.0,
        g_max: Any = 1.0,
        phi: Any = 1.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, keep_size=keep_size, name=name)
        self.E = self._param(E, "E")
        self.g_max = self._param(g_max, "g_max")
        self.phi = self.phi_p = self._param(phi, "phi")
        self._setup_gates(("p",), method)

    def p_inf(self, V: Any) -> Any:
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp(-(V + 43.0) / 5.2))

    def p_tau(self, V: Any) -> Any:
        import brainpy.math as bm

        x = (V + 55.0) / 15.0
        return 1.6 + 2.7 / (bm.exp(-x) + bm.exp(x))

    def current(self, V: Any, C_Ca: Any, E_Ca: Any = None) -> Any:  # type: ignore[override]
        r""":math:`g_{max} M(C) p (E - V)`."""
        return self.g_max * C_Ca / (C_Ca + 0.2) * self.p.value * (self.E - V)

    def reset(self, V: Any, C_Ca: Any = None, E_Ca: Any = None) -> None:  # type: ignore[override]
        r"""Set :math:`p` to its steady state at ``V``."""
        self._reset_gates(V)

    def update(self, _t: Any, _dt: Any, V: Any, C_Ca: Any = None, E_Ca: Any = None) -> None:  # type: ignore[override]
        r"""Integrate the gate over one step at the potential ``V``."""
        self._step_gates(_t, _dt, V)


class IAHP(CalciumChannel):
    r"""The calcium-dependent potassium current model.

    **Model Descriptions**

    The slow after-hyperpolarization current (Destexhe et al., 1994) [1]_,
    opened by the binding of :math:`n` calcium ions:

    .. math::

        I_{AHP} &= g_{max}\, p^2\, (E - V) \\
        \frac{dp}{dt} &= \phi\,\left(\alpha [Ca^{2+}]_i^n (1 - p) - \beta p\right), \quad
        p_\infty = \frac{\alpha [Ca^{2+}]_i^n}{\alpha [Ca^{2+}]_i^n + \beta}

    where :math:`[Ca^{2+}]_i` (mM) is the concentration of the holding calcium
    dynamics, :math:`\alpha` (1/(ms mMⁿ)) and :math:`\beta` (1/ms) the binding
    and unbinding rates, :math:`E` the potassium reversal potential (mV).
    Its current is not carried by calcium.

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    E : float, ArrayType, Initializer or callable
        Reversal potential (mV). Default -80.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²). Default 1.
    n : float
        Number of bound calcium ions. Default 2.
    alpha : float
        Binding rate. Default 48.
    beta : float
        Unbinding rate. Default 0.09.
    phi : float
        Temperature factor. Default 1.
    method : str
        Integration method of the gate. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Destexhe, A., Contreras, D., Sejnowski, T. J., & Steriade, M. (1994). A model of spindle
           rhythmicity in the isolated thalamic reticular nucleus. Journal of Neurophysiology,
           72(2), 803-818. doi:10.1152/jn.1994.72.2.803
    """

    carries_calcium = False

    def __init__(
        self,
        size: Any,
        E: Any = -80.0,
        g_max: Any = 1.0,
        n: float = 2.0,
        alpha: float = 48.0,
        beta: float = 0.09,
        phi: float = 1.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import odeint

        super().__init__(size, keep_size=keep_size, name=name)
        self.E = self._param(E, "E")
        self.g_max = self._param(g_max, "g_max")
        self.n, self.alpha, self.beta, self.phi = float(n), float(alpha), float(beta), float(phi)
        self.p = bm.Variable(bm.zeros(self.varshape))
        self.integral = odeint(self.dp, method=method)

    def p_inf(self, C_Ca: Any) -> Any:
        r"""The steady state at the concentration ``C_Ca``."""
        a = self.alpha * C_Ca**self.n
        return a / (a + self.beta)

    def dp(self, p: Any, t: Any, C_Ca: Any) -> Any:
        r""":math:`dp/dt = \phi (\alpha C^n (1 - p) - \beta p)`."""
        return self.phi * (self.alpha * C_Ca**self.n * (1.0 - p) - self.beta * p)

    def current(self, V: Any, C_Ca: Any = None, E_Ca: Any = None) -> Any:  # type: ignore[override]
        r""":math:`g_{max} p^2 (E - V)`."""
        return self.g_max * self.p.value**2 * (self.E - V)

    def reset(self, V: Any, C_Ca: Any, E_Ca: Any = None) -> None:  # type: ignore[override]
        r"""Set :math:`p` to its steady state at the concentration ``C_Ca``."""
        import brainpy.math as bm

        self.p.value = bm.broadcast_to(bm.asarray(self.p_inf(C_Ca)), self.varshape).astype(self.p.dtype)

    def update(self, _t: Any, _dt: Any, V: Any, C_Ca: Any, E_Ca: Any = None) -> None:  # type: ignore[override]
        r"""Integrate the gate over one step at the concentration ``C_Ca``."""
        self.p.value = self.integral(self.p.value, _t, C_Ca, dt=_dt)
