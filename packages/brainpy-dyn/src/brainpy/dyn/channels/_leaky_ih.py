r"""Leak channels (``IL``, ``IKL``) and the hyperpolarization-activated cation current (``Ih``)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.channels._base import IhChannel, LeakyChannel
from brainpy.dyn.channels._gates import GatedMixin

__all__ = ["IL", "IKL", "Ih"]


class IL(LeakyChannel):
    r"""The leakage channel current.

    **Model Descriptions**

    .. math::

        I_L = g_{max}\, (E - V)

    where :math:`g_{max}` is the leak conductance (mS/cm²), :math:`E` the leak
    reversal potential (mV) and :math:`V` the membrane potential. The current
    is positive inward; the conventional outward leak current is
    :math:`g_{max}(V - E)`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    g_max : float, ArrayType, Initializer or callable
        Leak conductance (mS/cm²). Default 0.1.
    E : float, ArrayType, Initializer or callable
        Reversal potential (mV). Default -70.
    keep_size : bool
        Whether parameters have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Hodgkin, A. L., & Huxley, A. F. (1952). A quantitative description of membrane
           current and its application to conduction and excitation in nerve. The Journal
           of Physiology, 117(4), 500-544. doi:10.1113/jphysiol.1952.sp004764
    """

    def __init__(
        self, size: Any, g_max: Any = 0.1, E: Any = -70.0, keep_size: bool = False, name: str | None = None
    ) -> None:
        super().__init__(size, keep_size=keep_size, name=name)
        self.g_max = self._param(g_max, "g_max")
        self.E = self._param(E, "E")

    def current(self, V: Any) -> Any:  # type: ignore[override]
        r""":math:`g_{max} (E - V)`."""
        return self.g_max * (self.E - V)

    def reset(self, V: Any = None) -> None:  # type: ignore[override]
        r"""Nothing to reset (the channel has no state)."""

    def update(self, _t: Any, _dt: Any, V: Any = None) -> None:  # type: ignore[override]
        r"""Nothing to update (the channel has no state)."""


class IKL(IL):
    r"""The potassium leak channel current.

    **Model Descriptions**

    .. math::

        I_{KL} = g_{max}\, (E - V)

    with the potassium reversal potential :math:`E` (mV) and the leak
    conductance :math:`g_{max}` (mS/cm²), as in [1]_.

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    g_max : float, ArrayType, Initializer or callable
        Conductance (mS/cm²). Default 0.005.
    E : float, ArrayType, Initializer or callable
        Reversal potential (mV). Default -90.
    keep_size : bool
        Whether parameters have the shape ``size``.
    name : str, optional
        The channel's name.

    References
    ----------
    .. [1] Huguenard, J. R., & Prince, D. A. (1994). Clonazepam suppresses GABAB-mediated
           inhibition in thalamic relay neurons through effects in nucleus reticularis.
           Journal of Neurophysiology, 71(6), 2576-2581. doi:10.1152/jn.1994.71.6.2576
    """

    def __init__(
        self, size: Any, g_max: Any = 0.005, E: Any = -90.0, keep_size: bool = False, name: str | None = None
    ) -> None:
        super().__init__(size, g_max=g_max, E=E, keep_size=keep_size, name=name)


class Ih(GatedMixin, IhChannel):
    r"""The hyperpolarization-activated cation current model.

    **Model Descriptions**

    The :math:`I_h` current of thalamic relay neurons (Huguenard & McCormick, 1992) [1]_:

    .. math::

        I_h &= g_{max}\, p\, (E - V) \\
        \frac{dp}{dt} &= \phi\, \frac{p_\infty - p}{\tau_p}, \quad
        p_\infty = \frac{1}{1 + e^{(V + 75)/5.5}}, \quad
        \tau_p = \frac{1}{e^{-0.086 V - 14.59} + e^{0.0701 V - 1.87}}

    where :math:`p` is the activation gate (opened by hyperpolarization),
    :math:`\tau_p` its time constant (ms), :math:`\phi` a temperature factor,
    :math:`E` the reversal potential (mV) and :math:`g_{max}` the maximal
    conductance (mS/cm²).

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    g_max : float, ArrayType, Initializer or callable
        Maximal conductance (mS/cm²). Default 10.
    E : float, ArrayType, Initializer or callable
        Reversal potential (mV). Default -90 (as BrainPy 2.1.12).
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
    .. [1] Huguenard, J. R., & McCormick, D. A. (1992). Simulation of the currents involved in
           rhythmic oscillations in thalamic relay neurons. Journal of Neurophysiology, 68(4),
           1373-1383. doi:10.1152/jn.1992.68.4.1373
    """

    def __init__(
        self,
        size: Any,
        g_max: Any = 10.0,
        E: Any = -90.0,
        phi: Any = 1.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, keep_size=keep_size, name=name)
        self.g_max = self._param(g_max, "g_max")
        self.E = self._param(E, "E")
        self.phi = self.phi_p = self._param(phi, "phi")
        self._setup_gates(("p",), method)

    def p_inf(self, V: Any) -> Any:
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp((V + 75.0) / 5.5))

    def p_tau(self, V: Any) -> Any:
        import brainpy.math as bm

        return 1.0 / (bm.exp(-0.086 * V - 14.59) + bm.exp(0.0701 * V - 1.87))

    def current(self, V: Any) -> Any:  # type: ignore[override]
        r""":math:`g_{max} p (E - V)`."""
        return self.g_max * self.p.value * (self.E - V)

    def reset(self, V: Any) -> None:  # type: ignore[override]
        r"""Set :math:`p` to its steady state at ``V``."""
        self._reset_gates(V)

    def update(self, _t: Any, _dt: Any, V: Any) -> None:  # type: ignore[override]
        r"""Integrate the gate over one step at the potential ``V``."""
        self._step_gates(_t, _dt, V)
