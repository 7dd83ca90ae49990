r"""The rate-model base class ``Population`` and the Ornstein-Uhlenbeck input noise its models share."""

from __future__ import annotations

from typing import Any

import numpy as np
from brainpy.dyn._base import DynamicalSystem, NeuGroup
from brainpy.dyn._params import init_param, init_state, model_shape

__all__ = ["Population", "OUNoise"]


def uniform_init(high: float = 0.05) -> Any:
    """The default initial values of the rate models' variables: ``bp.init.Uniform(0, high)``."""
    from brainpy.initialize import Uniform

    return Uniform(0.0, high)


class Population(NeuGroup):
    r"""Base class of the rate (neural mass) models.

    A population model of ``size`` units (brain regions, populations) keeps
    its state in ``bm.Variable``\ s of shape :attr:`varshape` and exposes its
    derivatives as methods whose extra arguments (``x_ext``, ``y_ext``) carry
    the external inputs, integrated by ``self.integral``, so that the
    analysis toolbox can use them.

    Parameters
    ----------
    size : int or tuple of int
        The number (geometry) of units.
    keep_size : bool
        Whether the Variables have the shape ``size`` (True) or ``(num,)`` (False).
    name : str, optional
        The model's name.
    """

    def __init__(self, size: Any, keep_size: bool = False, name: str | None = None) -> None:
        super().__init__(size=size, name=name)
        self.keep_size = bool(keep_size)
        self.varshape = model_shape(self.num, self.size, self.keep_size)

    def _param(self, value: Any, name: str) -> Any:
        return init_param(
            value, self.varshape, allow_none=False, name=name, owner=f"{self.name} ({type(self).__name__})"
        )

    def _init(self, value: Any, name: str) -> Any:
        return init_state(value, self.varshape, name=name, owner=f"{self.name} ({type(self).__name__})")

    def _noise(self, mean: Any, sigma: Any, tau: Any, method: str | None, which: str) -> OUNoise | None:
        r"""An OU noise source, or None when its mean and sigma are zero."""
        mean_v, sigma_v = self._param(mean, f"{which}_ou_mean"), self._param(sigma, f"{which}_ou_sigma")
        tau_v = self._param(tau, f"{which}_ou_tau")
        if not (np.any(np.asarray(mean_v) != 0.0) or np.any(np.asarray(sigma_v) != 0.0)):
            return None
        return OUNoise(self.varshape, mean_v, sigma_v, tau_v, method=method)

    def _xy_setup(
        self, x_ou: tuple, y_ou: tuple, x_initializer: Any, y_initializer: Any, sde_method: str | None
    ) -> None:
        r"""Create ``x``, ``y``, ``input``, ``input_y`` and the noise sources of a two-variable model."""
        import brainpy.math as bm

        self._x_initializer, self._y_initializer = x_initializer, y_initializer
        self.x = bm.Variable(self._init(x_initializer, "x_initializer"))
        self.y = bm.Variable(self._init(y_initializer, "y_initializer"))
        self.input = bm.Variable(bm.zeros(self.varshape))
        self.input_y = bm.Variable(bm.zeros(self.varshape))
        self.x_ou = self._noise(*x_ou, sde_method, "x")
        self.y_ou = self._noise(*y_ou, sde_method, "y")

    def _xy_inputs(self) -> tuple[Any, Any]:
        r"""The external inputs of this step: ``input`` (+ x noise), ``input_y`` (+ y noise)."""
        x_ext, y_ext = self.input.value, self.input_y.value
        if self.x_ou is not None:
            x_ext = x_ext + self.x_ou.x.value
        if self.y_ou is not None:
            y_ext = y_ext + self.y_ou.x.value
        return x_ext, y_ext

    def _xy_finish(self, x: Any, y: Any, _t: Any, _dt: Any) -> None:
        r"""Store the new state, advance the noise sources and clear the inputs."""
        import brainpy.math as bm

        self.x.value, self.y.value = x, y
        for ou in (self.x_ou, self.y_ou):
            if ou is not None:
                ou.update(_t, _dt)
        self.input.value = bm.zeros_like(self.input.value)
        self.input_y.value = bm.zeros_like(self.input_y.value)

    def reset(self) -> None:
        r"""Restore the initial state, restart the noise and clear the inputs (two-variable models)."""
        import brainpy.math as bm

        if "_x_initializer" not in self.__dict__:
            super().reset()  # raises NoImplementationError: a custom population defines its own reset()
            return
        self.x.value = self._init(self._x_initializer, "x_initializer").value
        self.y.value = self._init(self._y_initializer, "y_initializer").value
        self.input.value = bm.zeros_like(self.input.value)
        self.input_y.value = bm.zeros_like(self.input_y.value)
        for ou in (self.x_ou, self.y_ou):
            if ou is not None:
                ou.reset()


class OUNoise(DynamicalSystem):
    r"""An Ornstein-Uhlenbeck process, the input noise of the rate models.

    **Model Descriptions**

    .. math::

        d\xi = \frac{\mu - \xi}{\tau} dt + \sigma\, dW

    where :math:`\xi` is the noise (Variable ``x``, starting at :math:`\mu`),
    :math:`\mu` its mean, :math:`\tau` its time constant (ms), :math:`\sigma`
    its intensity (per :math:`\sqrt{ms}`) and :math:`W` a standard Wiener
    process, independent per element. The stationary standard deviation is
    :math:`\sigma\sqrt{\tau/2}`.

    Parameters
    ----------
    shape : tuple of int
        The shape of the noise.
    mean, sigma, tau : float or ArrayType
        :math:`\mu`, :math:`\sigma`, :math:`\tau`.
    method : str, optional
        An SDE method for ``bp.sdeint`` (default ``'euler'``, Euler-Maruyama).
    name : str, optional
        The object's name.

    References
    ----------
    .. [1] Uhlenbeck, G. E., & Ornstein, L. S. (1930). On the theory of the Brownian motion.
           Physical Review, 36(5), 823-841. doi:10.1103/PhysRev.36.823
    """

    def __init__(
        self,
        shape: tuple[int, ...],
        mean: Any,
        sigma: Any,
        tau: Any,
        method: str | None = None,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.integrators import sdeint

        super().__init__(name=name)
        self.shape = tuple(shape)
        self.mean, self.sigma, self.tau = mean, sigma, tau
        self.x = bm.Variable(bm.ones(self.shape) * mean)
        self.integral = sdeint(f=self.df, g=self.dg, method="euler" if method is None else method)

    def df(self, x: Any, t: Any) -> Any:
        r"""The drift :math:`(\mu - \xi)/\tau`."""
        return (self.mean - x) / self.tau

    def dg(self, x: Any, t: Any) -> Any:
        r"""The diffusion :math:`\sigma`."""
        import brainpy.math as bm

        return bm.ones_like(x) * self.sigma

    def reset(self) -> None:
        r"""Restart the noise at its mean."""
        import brainpy.math as bm

        self.x.value = bm.ones(self.shape) * self.mean

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance the noise by one step."""
        self.x.value = self.integral(self.x.value, _t, dt=_dt)
