r"""Noise processes as groups (``bp.dyn.OUProcess``)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.neurons._common import SpikingGroup

__all__ = ["OUProcess"]


class OUProcess(SpikingGroup):
    r"""The Ornstein-Uhlenbeck process.

    **Model Descriptions**

    A mean-reverting Gaussian process [1]_, one independent process per element:

    .. math::

        dx = \frac{\mu - x}{\tau}\, dt + \sigma\, dW,

    where :math:`x` is the process (the Variable ``x``), :math:`\mu` its mean,
    :math:`\tau` the relaxation time constant (ms), :math:`\sigma` the noise
    intensity and :math:`W` a standard Wiener process (Itô). Started at
    :math:`\mu`, :math:`x(t)` is Gaussian with mean :math:`\mu` and variance
    :math:`\frac{\sigma^2 \tau}{2}(1 - e^{-2t/\tau})`, so the stationary variance is
    :math:`\sigma^2 \tau / 2` and the autocorrelation decays as :math:`e^{-|s|/\tau}`.
    The group has no input and no spikes; use ``x`` as a current, e.g. by adding it to
    a neuron group's ``input`` in a network's update.

    Parameters
    ----------
    size : int or tuple of int
        The geometry of the group.
    mean : float, ArrayType, Initializer or callable
        The mean :math:`\mu`. Default 0.
    sigma : float, ArrayType, Initializer or callable
        The noise intensity :math:`\sigma`. Default 1.
    tau : float, ArrayType, Initializer or callable
        The time constant (ms). Default 10.
    method : str
        The SDE method. Default ``'euler'`` (Euler-Maruyama).
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The group's name.
    seed : int, optional
        Seed of the integrator's random numbers (an extension of this project).

    References
    ----------
    .. [1] Uhlenbeck, G. E., Ornstein, L. S. (1930). On the theory of the Brownian motion.
           Physical Review 36(5), 823-841. https://doi.org/10.1103/PhysRev.36.823
    """

    def __init__(
        self,
        size: Any,
        mean: Any = 0.0,
        sigma: Any = 1.0,
        tau: Any = 10.0,
        method: str = "euler",
        keep_size: bool = False,
        name: str | None = None,
        seed: int | None = None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import sdeint

        super().__init__(size=size, keep_size=keep_size, name=name)
        self.mean = self._param(mean, "mean")
        self.sigma = self._param(sigma, "sigma")
        self.tau = self._param(tau, "tau")
        self.x = bm.Variable(self._init(self.mean, "mean"))
        options = {} if seed is None else {"seed": seed}
        self.integral = sdeint(f=self.df, g=self.dg, method=method, **options)

    def df(self, x: Any, t: Any) -> Any:
        r"""The drift :math:`(\mu - x)/\tau`."""
        return (self.mean - x) / self.tau

    def dg(self, x: Any, t: Any) -> Any:
        r"""The diffusion :math:`\sigma`."""
        import brainpy.math as bm

        return bm.ones_like(x) * self.sigma

    def reset(self) -> None:
        r"""Put ``x`` back at the mean."""
        self.x.value = self._init(self.mean, "mean").value

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance the process by one step."""
        self.x.value = self.integral(self.x.value, _t, dt=_dt)
