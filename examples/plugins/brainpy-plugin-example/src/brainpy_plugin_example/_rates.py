r"""The example plugin's rate model: a population with a sigmoid rate function.

A rate model subclasses :class:`brainpy.dyn.rates.Population`, keeps its state in
``bm.Variable``\ s, exposes its derivative as a method (whose extra argument carries the
external input, for the analysis toolbox) and integrates it with ``self.integral``.
Registered in ``_plugin.py`` (hook ``brainpy_rate_models``), it is reachable as
``bp.dyn.SigmoidPopulation``::

    pop = bp.dyn.SigmoidPopulation(1, w=4., theta=2.)
    runner = bp.dyn.DSRunner(pop, monitors=['r'], inputs=[('input', 1.)])
"""

from __future__ import annotations

from typing import Any

from brainpy.dyn.rates import Population

__all__ = ["SigmoidPopulation"]


class SigmoidPopulation(Population):
    r"""A recurrent population with a sigmoid rate function (Wilson-Cowan / Amari / Hopfield unit).

    **Model Descriptions**

    The mean activity :math:`r` of a population that excites itself [1]_ [2]_ [3]_:

    .. math::

        \tau \frac{dr}{dt} = -r + S\big(w\, r + I(t)\big), \qquad
        S(x) = \frac{1}{1 + e^{-a (x - \theta)}}

    where :math:`r \in (0, 1)` (Variable ``r``) is the fraction of active units,
    :math:`\tau` the time constant (ms), :math:`w` the recurrent (self-)coupling,
    :math:`I` the external input (Variable ``input``, cleared after every step),
    :math:`S` the sigmoid rate function with gain :math:`a` and threshold :math:`\theta`.

    A fixed point :math:`r^*` solves :math:`r^* = S(w r^* + I)`; inverting the sigmoid, the
    input that holds the population at :math:`r^*` is

    .. math:: I^* = \theta + \frac{1}{a} \ln\frac{r^*}{1 - r^*} - w\, r^*,

    and the fixed point is stable when :math:`\lambda = (-1 + w\, a\, r^* (1 - r^*))/\tau < 0`,
    :math:`\lambda` being the rate at which small deviations decay. For
    :math:`w a > 4` a range of inputs has two stable states (hysteresis).

    Parameters
    ----------
    size : int or tuple of int
        The number of populations (independent of each other).
    tau : float, ArrayType, Initializer or callable
        Time constant (ms). Default 10.
    w : float, ArrayType, Initializer or callable
        Self-coupling. Default 0.
    a : float, ArrayType, Initializer or callable
        Gain of the sigmoid. Default 1.
    theta : float, ArrayType, Initializer or callable
        Threshold of the sigmoid. Default 0.
    r_initializer : float, ArrayType, Initializer or callable
        Initial activity. Default 0.
    method : str
        Integration method. Default ``'exp_auto'``.
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The model's name.

    References
    ----------
    .. [1] Wilson, H. R., & Cowan, J. D. (1972). Excitatory and inhibitory interactions in
           localized populations of model neurons. Biophysical Journal 12(1), 1-24.
           https://doi.org/10.1016/S0006-3495(72)86068-5
    .. [2] Amari, S. (1977). Dynamics of pattern formation in lateral-inhibition type neural
           fields. Biological Cybernetics 27(2), 77-87. https://doi.org/10.1007/BF00337259
    .. [3] Hopfield, J. J. (1984). Neurons with graded response have collective computational
           properties like those of two-state neurons. PNAS 81(10), 3088-3092.
           https://doi.org/10.1073/pnas.81.10.3088
    """

    def __init__(
        self,
        size: Any,
        tau: Any = 10.0,
        w: Any = 0.0,
        a: Any = 1.0,
        theta: Any = 0.0,
        r_initializer: Any = 0.0,
        method: str = "exp_auto",
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import odeint

        super().__init__(size, keep_size=keep_size, name=name)
        self.tau = self._param(tau, "tau")
        self.w = self._param(w, "w")
        self.a = self._param(a, "a")
        self.theta = self._param(theta, "theta")
        self._r_initializer = r_initializer
        self.r = bm.Variable(self._init(r_initializer, "r_initializer"))
        self.input = bm.Variable(bm.zeros(self.varshape))
        self.integral = odeint(self.dr, method=method)

    def F(self, x: Any) -> Any:
        r"""The sigmoid rate function :math:`S(x) = 1 / (1 + e^{-a (x - \theta)})`."""
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp(-self.a * (x - self.theta)))

    def dr(self, r: Any, t: Any, r_ext: Any) -> Any:
        r""":math:`dr/dt = (-r + S(w r + I)) / \tau`."""
        return (-r + self.F(self.w * r + r_ext)) / self.tau

    def reset(self) -> None:
        r"""Restore the initial activity and clear the input."""
        import brainpy.math as bm

        self.r.value = self._init(self._r_initializer, "r_initializer").value
        self.input.value = bm.zeros_like(self.input.value)

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step with this step's input, then clear it."""
        import brainpy.math as bm

        self.r.value = self.integral(self.r.value, _t, self.input.value, dt=_dt)
        self.input.value = bm.zeros_like(self.input.value)
