r"""Intracellular calcium dynamics: ``CalciumFixed``, ``CalciumDetailed``, ``CalciumAbstract``."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.channels._base import Calcium

__all__ = ["CalciumFixed", "CalciumDetailed", "CalciumAbstract"]

#: gas constant (J / (mol K))
R_GAS = 8.31441
#: Faraday constant in the units that give the Nernst potential in mV and the influx in mM/ms (kC/mol)
FARADAY = 96.489


class CalciumFixed(Calcium):
    r"""Fixed Calcium dynamics.

    **Model Descriptions**

    The concentration :math:`C = [Ca^{2+}]_i` and the reversal potential
    :math:`E` are constants; the held calcium channels are updated with them.

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    E : float, ArrayType, Initializer or callable
        Calcium reversal potential (mV). Default 120.
    C : float, ArrayType, Initializer or callable
        Intracellular calcium concentration (mM). Default 0.05.
    method : str
        Unused (no dynamics); kept for a uniform signature.
    keep_size : bool
        Whether parameters have the shape ``size``.
    name : str, optional
        The object's name.
    **channels : CalciumChannel
        The calcium channels it holds.

    References
    ----------
    .. [1] Destexhe, A., & Sejnowski, T. J. (2001). Thalamocortical Assemblies. Oxford University Press.
    """

    def __init__(
        self,
        size: Any,
        E: Any = 120.0,
        C: Any = 0.05,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
        **channels: Any,
    ) -> None:
        super().__init__(size, keep_size=keep_size, method=method, name=name, **channels)
        self.E = self._param(E, "E")
        self.C = self._param(C, "C")

    def reset(self, V: Any) -> None:  # type: ignore[override]
        r"""Reset the held channels at the potential ``V``."""
        self._reset_channels(V)

    def update(self, _t: Any, _dt: Any, V: Any) -> None:  # type: ignore[override]
        r"""Update the held channels."""
        self._update_channels(_t, _dt, V)


class _CalciumDynamics(Calcium):
    r"""A calcium concentration :math:`C` with dynamics and the Nernst reversal potential
    :math:`E = \frac{R T_K}{2F} \ln\frac{C_0}{C}` (mV), :math:`T_K = 273.15 + T`."""

    def _setup(self, C_0: Any, T: Any, C_initializer: Any, method: str) -> None:
        import brainpy.math as bm
        from brainpy.integrators import odeint

        self.C_0 = self._param(C_0, "C_0")
        self.T = self._param(T, "T")
        self._C_initializer = C_initializer
        self.C = bm.Variable(self._init(C_initializer, "C_initializer"))
        self.E = bm.Variable(self.nernst(self.C.value))
        self.integral = odeint(self.derivative, method=method)

    def nernst(self, C: Any) -> Any:
        r"""The reversal potential :math:`\frac{R (273.15 + T)}{2F} \ln(C_0 / C)` (mV)."""
        import brainpy.math as bm

        return R_GAS / (2.0 * FARADAY) * (273.15 + self.T) * bm.log(self.C_0 / C)

    def influx_current(self, V: Any, C: Any) -> Any:
        r"""The summed inward current of the held channels that carry :math:`Ca^{2+}` (:math:`\mu A/cm^2`)."""
        return self._sum_current(V, C, self.nernst(C), only_calcium=True)

    def derivative(self, C: Any, t: Any, V: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def reset(self, V: Any) -> None:  # type: ignore[override]
        r"""Restore :math:`C` to its initial value and reset the held channels."""
        self.C.value = self._init(self._C_initializer, "C_initializer").value
        self.E.value = self.nernst(self.C.value)
        self._reset_channels(V)

    def update(self, _t: Any, _dt: Any, V: Any) -> None:  # type: ignore[override]
        r"""Update the held channels, then integrate :math:`C` and recompute :math:`E`."""
        self._update_channels(_t, _dt, V)
        self.C.value = self.integral(self.C.value, _t, V, dt=_dt)
        self.E.value = self.nernst(self.C.value)


class CalciumDetailed(_CalciumDynamics):
    r"""Dynamical Calcium model.

    **Model Descriptions**

    The concentration :math:`C = [Ca^{2+}]_i` in a thin shell of depth
    :math:`d` beneath the membrane follows the first-order model of
    Bazhenov et al. (1998) [2]_ (after Destexhe et al. 1993 [1]_):

    .. math::

        \frac{dC}{dt} = \max\left(\frac{I_{Ca}}{2 F d}, 0\right) + \frac{C_{rest} - C}{\tau}

    and the calcium reversal potential follows the Nernst equation

    .. math::

        E = \frac{R\,(273.15 + T)}{2F} \ln \frac{C_0}{C}

    where :math:`I_{Ca}` is the summed inward current of the held channels
    that carry calcium (:math:`\mu A/cm^2`, positive inward; the calcium-gated
    :class:`IAHP` and :class:`ICaN` are excluded), :math:`F` the Faraday
    constant (96.489 in these units), :math:`d` the shell depth (µm),
    :math:`C_{rest}` the resting concentration (mM), :math:`\tau` the removal
    time constant (ms), :math:`R = 8.31441` J/(mol K) the gas constant,
    :math:`T` the temperature (°C) and :math:`C_0` the extracellular
    concentration (mM).

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    d : float, ArrayType, Initializer or callable
        Shell depth (µm). Default 1.
    C_rest : float, ArrayType, Initializer or callable
        Resting concentration (mM). Default 0.05.
    tau : float, ArrayType, Initializer or callable
        Removal time constant (ms). Default 5.
    C_0 : float, ArrayType, Initializer or callable
        Extracellular concentration (mM). Default 2.
    T : float, ArrayType, Initializer or callable
        Temperature (°C). Default 36.
    C_initializer : float, ArrayType, Initializer or callable, optional
        Initial concentration. Default: ``C_rest``.
    method : str
        Integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The object's name.
    **channels : CalciumChannel
        The calcium channels it holds.

    References
    ----------
    .. [1] Destexhe, A., Babloyantz, A., & Sejnowski, T. J. (1993). Ionic mechanisms for intrinsic
           slow oscillations in thalamic relay neurons. Biophysical Journal, 65(4), 1538-1552.
           doi:10.1016/S0006-3495(93)81190-1
    .. [2] Bazhenov, M., Timofeev, I., Steriade, M., & Sejnowski, T. J. (1998). Cellular and
           network models for intrathalamic augmenting responses during 10-Hz stimulation.
           Journal of Neurophysiology, 79(5), 2730-2748. doi:10.1152/jn.1998.79.5.2730
    """

    def __init__(
        self,
        size: Any,
        d: Any = 1.0,
        C_rest: Any = 0.05,
        tau: Any = 5.0,
        C_0: Any = 2.0,
        T: Any = 36.0,
        C_initializer: Any = None,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
        **channels: Any,
    ) -> None:
        super().__init__(size, keep_size=keep_size, method=method, name=name, **channels)
        self.d = self._param(d, "d")
        self.C_rest = self._param(C_rest, "C_rest")
        self.tau = self._param(tau, "tau")
        self._setup(C_0, T, C_rest if C_initializer is None else C_initializer, method)

    def derivative(self, C: Any, t: Any, V: Any) -> Any:
        r""":math:`dC/dt = \max(I_{Ca} / (2 F d), 0) + (C_{rest} - C) / \tau`."""
        import brainpy.math as bm

        drive = bm.maximum(self.influx_current(V, C) / (2.0 * FARADAY * self.d), 0.0)
        return drive + (self.C_rest - C) / self.tau


class CalciumAbstract(_CalciumDynamics):
    r"""The first-order calcium concentration model.

    **Model Descriptions**

    .. math::

        \frac{dC}{dt} = \max(\alpha\, I_{Ca}, 0) - \beta\, C

    where :math:`C = [Ca^{2+}]_i` (mM), :math:`I_{Ca}` the summed inward
    current of the held calcium-carrying channels (:math:`\mu A/cm^2`),
    :math:`\alpha` the conversion factor from current to concentration rate
    and :math:`\beta` the removal rate (1/ms); the reversal potential follows
    the Nernst equation as in :class:`CalciumDetailed`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry.
    alpha : float, ArrayType, Initializer or callable
        Influx factor. Default 0.13.
    beta : float, ArrayType, Initializer or callable
        Removal rate (1/ms). Default 0.075.
    C_0 : float, ArrayType, Initializer or callable
        Extracellular concentration (mM). Default 2.
    T : float, ArrayType, Initializer or callable
        Temperature (°C). Default 36.
    C_initializer : float, ArrayType, Initializer or callable
        Initial concentration (mM). Default 0.05.
    method : str
        Integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The object's name.
    **channels : CalciumChannel
        The calcium channels it holds.

    References
    ----------
    .. [1] Wang, X.-J. (1998). Calcium coding and adaptive temporal computation in cortical
           pyramidal neurons. Journal of Neurophysiology, 79(3), 1549-1566. doi:10.1152/jn.1998.79.3.1549
    """

    def __init__(
        self,
        size: Any,
        alpha: Any = 0.13,
        beta: Any = 0.075,
        C_0: Any = 2.0,
        T: Any = 36.0,
        C_initializer: Any = 0.05,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
        **channels: Any,
    ) -> None:
        super().__init__(size, keep_size=keep_size, method=method, name=name, **channels)
        self.alpha = self._param(alpha, "alpha")
        self.beta = self._param(beta, "beta")
        self._setup(C_0, T, C_initializer, method)

    def derivative(self, C: Any, t: Any, V: Any) -> Any:
        r""":math:`dC/dt = \max(\alpha I_{Ca}, 0) - \beta C`."""
        import brainpy.math as bm

        return bm.maximum(self.alpha * self.influx_current(V, C), 0.0) - self.beta * C
