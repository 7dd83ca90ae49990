r"""``CondNeuGroup``: a conductance-based neuron group composed of ion channels."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.channels._base import CalciumChannel, Channel, Ion, IonChannel, _check_size
from brainpy.dyn.neurons._common import SpikingGroup
from brainpy.errors import ModelBuildError

__all__ = ["CondNeuGroup"]


class CondNeuGroup(SpikingGroup):
    r"""Base class to model conductance-based neuron group.

    **Model Descriptions**

    The membrane potential integrates the currents of the channels the group
    is composed of:

    .. math::

        C \frac{dV}{dt} = \sum_j I_j(V) + \frac{10^{-3}}{A} I_{ext}(t),
        \qquad I_j = \bar{g}_j\, p_j^{a} q_j^{b}\, (E_j - V)

    where :math:`C` is the membrane capacitance (µF/cm²), :math:`I_j` the
    inward current of channel :math:`j` with maximal conductance
    :math:`\bar{g}_j`, reversal potential :math:`E_j` and gating variables
    :math:`p_j, q_j`, each of which obeys

    .. math::

        \frac{dx}{dt} = \phi_x \frac{x_\infty(V) - x}{\tau_x(V)}
                      = \phi_x \left(\alpha_x (1 - x) - \beta_x x\right)

    with the steady state :math:`x_\infty`, the time constant :math:`\tau_x`,
    the rates :math:`\alpha_x, \beta_x` and the temperature factor
    :math:`\phi_x`. :math:`I_{ext}` is the external input (the Variable
    ``input``, cleared after every step), scaled by the membrane area
    :math:`A` (cm²), so that with the default :math:`A = 10^{-3}` it is in
    :math:`\mu A/cm^2`. A spike is emitted when :math:`V` crosses
    :math:`V_{th}` upwards (``V >= V_th`` now and ``V < V_th`` before).

    Within a step, :math:`V` is integrated with the gates of the previous
    step held fixed, then every channel (and ion dynamics) is advanced with
    the previous :math:`V`. The gating variables start at their steady state
    at the initial :math:`V`.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    C : float, ArrayType, Initializer or callable
        Membrane capacitance (µF/cm²). Default 1.
    A : float, ArrayType, Initializer or callable
        Membrane area (cm²) scaling the external input. Default 1e-3.
    V_th : float, ArrayType, Initializer or callable
        Spike threshold (mV). Default 0.
    V_initializer : float, ArrayType, Initializer or callable
        Initial membrane potential. Default ``bp.init.Uniform(-70., -60.)``.
    method : str
        Integration method of :math:`V`. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The group's name.
    **channels : IonChannel or Ion
        The channels (``INa=bp.dyn.channels.INa(size)``) and ion dynamics
        (``Ca=bp.dyn.channels.CalciumDetailed(size, ICaT=bp.dyn.channels.ICaT(size))``).

    Raises
    ------
    ModelBuildError
        If a keyword is not a channel or an ion dynamics, is a calcium channel
        given outside a calcium dynamics, or has another size than the group.

    Examples
    --------
    >>> import brainpy as bp
    >>> ch = bp.dyn.channels
    >>> hh = bp.dyn.CondNeuGroup(1, V_initializer=-65., INa=ch.INa_v2(1), IK=ch.IK2(1, E=-77., g_max=36.),
    ...                          IL=ch.IL(1, E=-54.387, g_max=0.03))

    References
    ----------
    .. [1] Hodgkin, A. L., & Huxley, A. F. (1952). A quantitative description of membrane
           current and its application to conduction and excitation in nerve. The Journal
           of Physiology, 117(4), 500-544. doi:10.1113/jphysiol.1952.sp004764
    .. [2] Destexhe, A., & Sejnowski, T. J. (2001). Thalamocortical Assemblies. Oxford University Press.
    """

    def __init__(
        self,
        size: Any,
        C: Any = 1.0,
        A: Any = 1e-3,
        V_th: Any = 0.0,
        V_initializer: Any = None,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
        **channels: Any,
    ) -> None:
        import brainpy.math as bm
        from brainpy.initialize import Uniform
        from brainpy.integrators import odeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        for key, ch in channels.items():
            self._check_channel(key, ch)
        self.C = self._param(C, "C")
        self.A = self._param(A, "A")
        self.V_th = self._param(V_th, "V_th")
        self._V_initializer = Uniform(-70.0, -60.0) if V_initializer is None else V_initializer
        self.V = bm.Variable(self._init(self._V_initializer, "V_initializer"))
        self._spike_vars()
        self.register_implicit_nodes(channels)
        for ch in self.channels.values():
            ch.reset(self.V.value)
        self.integral = odeint(self.derivative, method=method)

    def _check_channel(self, key: str, ch: Any) -> None:
        owner = f"{self.name} (CondNeuGroup)"
        if isinstance(ch, CalciumChannel):
            raise ModelBuildError(
                f"{owner}: channel {key}={ch.name} is a calcium channel ({type(ch).__name__}), which needs a calcium "
                f"dynamics; put it inside one: Ca=bp.dyn.channels.CalciumFixed(size, {key}=...)."
            )
        if not isinstance(ch, (IonChannel, Ion)):
            raise ModelBuildError(
                f"{owner}: channel {key}={ch!r} is a {type(ch).__name__}, not a channel. Every keyword argument must "
                f"be a brainpy.dyn.channels IonChannel (INa, IK_DR, IL, ...) or an ion dynamics (CalciumFixed, "
                f"CalciumDetailed, CalciumAbstract)."
            )
        _check_size(ch, self, key)

    def __getattr__(self, item: str) -> Any:
        nodes = self.__dict__.get("implicit_nodes")
        if nodes is not None and item in nodes:
            return nodes[item]
        raise AttributeError(f"{type(self).__name__!r} object ({self.__dict__.get('_name')}) has no attribute {item!r}")

    @property
    def channels(self) -> dict[str, Channel]:
        r"""The channels and ion dynamics, by keyword."""
        return {k: v for k, v in self.implicit_nodes.items() if isinstance(v, Channel)}

    def derivative(self, V: Any, t: Any, I_ext: Any) -> Any:
        r""":math:`dV/dt = (\sum_j I_j(V) + 10^{-3} I_{ext} / A) / C`."""
        total = I_ext * (1e-3 / self.A)
        for ch in self.channels.values():
            total = total + ch.current(V)
        return total / self.C

    def reset(self) -> None:
        r"""Restore V to its initial value, the gates to their steady states, and clear spikes and input."""
        self.V.value = self._init(self._V_initializer, "V_initializer").value
        self._reset_spike_vars()
        for ch in self.channels.values():
            ch.reset(self.V.value)

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step: integrate V, advance the channels, detect upward threshold crossings."""
        import brainpy.math as bm

        V_old = self.V.value
        V = self.integral(V_old, _t, self.input.value, dt=_dt)
        for ch in self.channels.values():
            ch.update(_t, _dt, V_old)
        spike = bm.logical_and(V >= self.V_th, V_old < self.V_th)
        self.spike.value = spike
        self.t_last_spike.value = bm.where(spike, _t, self.t_last_spike.value)
        self.V.value = V
        self.input.value = bm.zeros_like(self.input.value)
